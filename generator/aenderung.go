package generator

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/vereinbar/vereinbar/generator/aenderung"
	"github.com/vereinbar/vereinbar/generator/atomicfile"
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/vereinbar/vereinbar/generator/kind"
	"github.com/vereinbar/vereinbar/generator/markup"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/view"
)

// AenderungKind is the document kind of an amendment agreement
// (model.Meta.Kind) and the stem of its file names.
const AenderungKind = "aenderungsvereinbarung"

// aenderungTemplate is the frame of an amendment agreement.
const aenderungTemplate = "aenderung/aenderung.md.tmpl"

// Errors of the amendment.
var (
	// ErrAenderungForm reports two versions in different contract forms.
	ErrAenderungForm = errors.New("Vertragsform geändert")
	// ErrAenderungDatum reports an ALT without the date of its signature.
	ErrAenderungDatum = errors.New("Datum der Vereinbarung fehlt")
	// ErrNoChange reports two versions whose agreements read the same.
	ErrNoChange = aenderung.ErrNoChange
	// ErrAenderungNr reports a --nr that contradicts the amendments
	// recorded in vertrag.aenderungen.
	ErrAenderungNr = errors.New("Nummer der Änderung passt nicht zu den eingetragenen Änderungen")
)

// AenderungOptions configure Aenderung.
type AenderungOptions struct {
	// Nr is the ordinal of the amendment: 1 „Erste“, 2 „Zweite“ …; 0:
	// the one after the amendments ALT records (vertrag.aenderungen),
	// see AenderungNr.
	Nr int
	// Warn, when set, receives every warning on an amendment (rule
	// AENDERUNG-002: amounts of a Haushaltsjahr already begun changed),
	// the amendment's file name and the rule code in front.
	Warn func(msg string)
}

// AenderungNr is the ordinal of the amendment of the agreement of alt:
// one more than the amendments concluded before (vertrag.aenderungen of
// ALT, the agreement as it stands). nr 0 asks for exactly that; another
// nr must agree with it when ALT records amendments (ErrAenderungNr,
// naming the key), and stands as given when it records none (the
// history is optional).
func AenderungNr(alt *Project, nr int) (int, error) {
	earlier := alt.Data().Vertrag.Aenderungen
	want := len(earlier) + 1
	switch {
	case nr == 0:
		nr = want
	case len(earlier) > 0 && nr != want:
		key := "vertrag.aenderungen"
		pos := alt.File.Pos(key)
		n := "eine geschlossene Änderungsvereinbarung"
		if len(earlier) > 1 {
			n = fmt.Sprintf("%d geschlossene Änderungsvereinbarungen", len(earlier))
		}
		return 0, fmt.Errorf("%s:%d: %s: %w: --nr %d, aber „%s“ nennt %s, die neue ist also die %s – --nr weglassen oder die Liste berichtigen", alt.Path, pos.Line, key, ErrAenderungNr, nr, key, n, ordinals[min(want, MaxAenderungNr)-1])
	}
	if nr < 1 || nr > MaxAenderungNr {
		return 0, fmt.Errorf("Nummer der Änderung %d: erlaubt sind 1 bis %d", nr, MaxAenderungNr)
	}
	return nr, nil
}

// earlierAmendments are the amendments ALT records, oldest first.
func earlierAmendments(alt *Project) []AmendmentRef {
	var out []AmendmentRef
	for i, a := range alt.Data().Vertrag.Aenderungen {
		out = append(out, AmendmentRef{Nr: i + 1, Date: a.Datum.Time()})
	}
	return out
}

// Amendment is one amendment agreement: to the ring agreement, or in
// star form to the bilateral agreement with one Land.
type Amendment struct {
	File         string // "aenderungsvereinbarung" or "aenderungsvereinbarung-SN"
	Party        string // the re-using Land in star form, "" in ring form
	Doc          *model.Document
	Instructions []aenderung.Instruction
	// Hinweise are the warnings of check.Rueckwirkung: the amendment
	// changes amounts of a Haushaltsjahr begun at NEU's stand.
	Hinweise []string
}

// ordinals are the ordinals of the title, „Erste“ to „Zwanzigste“.
var ordinals = []string{"Erste", "Zweite", "Dritte", "Vierte", "Fünfte", "Sechste", "Siebte", "Achte", "Neunte", "Zehnte",
	"Elfte", "Zwölfte", "Dreizehnte", "Vierzehnte", "Fünfzehnte", "Sechzehnte", "Siebzehnte", "Achtzehnte", "Neunzehnte", "Zwanzigste"}

// MaxAenderungNr is the highest --nr.
const MaxAenderungNr = 20

// Aenderung drafts the amendment agreements that turn the agreement(s)
// of ALT into those of NEU: in ring form one, in star form one per
// bilateral agreement that both versions have and that changed. Each is
// proven (aenderung.Instructions); an unprovable one is an error, as is
// a change of contract form, an ALT without signature date and a pair
// without any change of an agreement (ErrNoChange).
func (g *Generator) Aenderung(ctx context.Context, alt, neu *Project, o AenderungOptions) ([]Amendment, error) {
	nr, err := AenderungNr(alt, o.Nr)
	if err != nil {
		return nil, err
	}
	o.Nr = nr
	pa, pn := alt.Data(), neu.Data()
	if pa.Vertrag.Form != pn.Vertrag.Form {
		pos := neu.File.Pos("vertrag.form")
		return nil, fmt.Errorf("%s:%d: vertrag.form: %w: „%s“ statt „%s“ – eine Änderungsvereinbarung ändert eine Vereinbarung in ihrer Form; für eine andere Vertragsform ist eine neue Vereinbarung zu schließen", neu.Path, pos.Line, ErrAenderungForm, pn.Vertrag.Form, pa.Vertrag.Form)
	}
	altDocs, err := g.agreementDocs(ctx, alt)
	if err != nil {
		return nil, err
	}
	neuDocs, err := g.agreementDocs(ctx, neu)
	if err != nil {
		return nil, err
	}
	if len(neuDocs) == 0 {
		return nil, fmt.Errorf("%s: vertrag.form: „%s“ hat keine Verwaltungsvereinbarung, die zu ändern wäre", neu.Path, pn.Vertrag.Form)
	}
	var out []Amendment
	var fresh []string
	for _, nd := range neuDocs {
		var ad *agreementDoc
		for i := range altDocs {
			if altDocs[i].doc.File == nd.doc.File {
				ad = &altDocs[i]
			}
		}
		if ad == nil {
			fresh = append(fresh, nd.doc.File) // a new bilateral agreement is concluded, not amended
			continue
		}
		ins, err := aenderung.Instructions(ad.model, nd.model)
		if errors.Is(err, aenderung.ErrNoChange) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("%s → %s (%s): %w", alt.Path, neu.Path, nd.doc.File, err)
		}
		vom, err := signedOn(alt, nd.doc.Party)
		if err != nil {
			return nil, err
		}
		d, err := g.amendmentDoc(ctx, amendmentInput{alt: alt, neu: neu, doc: nd.doc, old: ad.model, nr: o.Nr, vom: vom, earlier: earlierAmendments(alt), ins: ins})
		if err != nil {
			return nil, err
		}
		// the proof once more on the finished document: the instructions
		// read back from its Artikel 1
		if err := proveDocument(ad.model, nd.model, d); err != nil {
			return nil, fmt.Errorf("%s → %s (%s): %w", alt.Path, neu.Path, nd.doc.File, err)
		}
		file := AenderungKind
		if nd.doc.Party != "" {
			file += "-" + nd.doc.Party
		}
		hints := check.Rueckwirkung(ad.model, nd.model, pn.Vertrag.Beginn.Time())
		if o.Warn != nil {
			for _, h := range hints {
				o.Warn(file + ": AENDERUNG-002: " + h)
			}
		}
		out = append(out, Amendment{File: file, Party: nd.doc.Party, Doc: d, Instructions: ins, Hinweise: hints})
	}
	if len(out) == 0 && len(fresh) > 0 {
		return nil, fmt.Errorf("%s → %s: %w einer bestehenden Vereinbarung; neu sind %s – sie werden geschlossen, nicht geändert („vereinbar generate“)", alt.Path, neu.Path, ErrNoChange, strings.Join(fresh, ", "))
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s → %s: %w", alt.Path, neu.Path, ErrNoChange)
	}
	return out, nil
}

type agreementDoc struct {
	doc   Doc
	model *model.Document
}

// agreementDocs builds the agreement(s) of a project.
func (g *Generator) agreementDocs(ctx context.Context, p *Project) ([]agreementDoc, error) {
	res, err := g.Costs(p)
	if err != nil {
		return nil, err
	}
	var out []agreementDoc
	for _, d := range SelectDocs(g.Docs(p), []string{"vereinbarung"}) {
		m, err := g.Document(ctx, p, res, d)
		if err != nil {
			return nil, err
		}
		out = append(out, agreementDoc{d, m})
	}
	return out, nil
}

// signedOn is the date of the agreement: the day of its last signature
// (parteien[].unterschrift.datum). Every party of the agreement must have
// signed: an agreement not yet concluded is changed by a new draft, not
// amended.
func signedOn(p *Project, partner string) (time.Time, error) {
	pr := p.Data()
	u := pr.Umlauf(partner)
	if len(u.Missing) > 0 {
		i := u.Missing[0]
		path := fmt.Sprintf("parteien[%d].unterschrift", i)
		pos := p.File.Pos(fmt.Sprintf("parteien[%d]", i))
		return time.Time{}, fmt.Errorf("%s:%d: %s: %w: %s hat die Vereinbarung nicht unterschrieben; das Datum „vom …“ der Änderungsvereinbarung ist der Tag der letzten Unterschrift der bisherigen Fassung – tragen Sie jede Unterschrift mit datum, ort, name und amtsbezeichnung ein", p.Path, pos.Line, path, ErrAenderungDatum, pr.Parteien[i].Land)
	}
	var last time.Time
	for _, i := range u.Signed {
		if t := pr.Parteien[i].Unterschrift.Datum.Time(); t.After(last) {
			last = t
		}
	}
	return last, nil
}

type amendmentInput struct {
	alt, neu *Project
	doc      Doc
	old      *model.Document
	nr       int
	vom      time.Time
	earlier  []AmendmentRef
	ins      []aenderung.Instruction
}

// AenderungView is what the templates of an amendment agreement see: its
// parties (those of NEU, and a Land that leaves as long as its exit is
// not yet effective), the ordinal, the full title of the agreement and
// its date, the Länder that join (in NEU, not in ALT) and those that
// leave (in ALT, not in NEU), and the numbers of the articles.
type AenderungView struct {
	kind.Parties
	Ordinal      string
	Vereinbarung string    // „Verwaltungsvereinbarung über die Nachnutzung …“
	Vom          time.Time // the day of the agreement's last signature
	// Geaendert are the days of the amendments concluded before this
	// one (vertrag.aenderungen of ALT), oldest first.
	Geaendert     []time.Time
	Beitretende   []view.Partei
	Ausscheidende []Ausscheiden
	// Kuendigung is the § of the agreement's clause on notice („§ 18“),
	// "" when it has none.
	Kuendigung string
	// Artikel numbers the articles: Beitritt and Ausscheiden 0 when there
	// is none.
	Artikel ArtikelNummern
}

// ZuletztGeaendert is the day of the last amendment before this one;
// zero when the agreement was never amended.
func (v AenderungView) ZuletztGeaendert() time.Time {
	if len(v.Geaendert) == 0 {
		return time.Time{}
	}
	return v.Geaendert[len(v.Geaendert)-1]
}

// ZuletztGeaendertDurch names the last amendment before this one as the
// opening sentence cites it: „die Erste Änderungsvereinbarung“ (its
// ordinal is its place in vertrag.aenderungen); "" when the agreement was
// never amended.
func (v AenderungView) ZuletztGeaendertDurch() string {
	n := len(v.Geaendert)
	if n == 0 {
		return ""
	}
	if n > len(ordinals) {
		return "die " + strconv.Itoa(n) + ". Änderungsvereinbarung"
	}
	return "die " + ordinals[n-1] + " Änderungsvereinbarung"
}

// ArtikelNummern are the numbers of the articles of an amendment.
type ArtikelNummern struct {
	Beitritt, Ausscheiden, Aenderung, Inkrafttreten int
}

// Ausscheiden is a Land that leaves the agreement: a party of ALT that
// NEU no longer has.
type Ausscheiden struct {
	view.Partei
	// Zum is the day by the end of which it leaves: ALT's
	// parteien[].austritt_zum (exit by notice); zero when it leaves with
	// this amendment.
	Zum time.Time
	// Wirksam reports an exit by notice already effective at NEU's stand:
	// the Land is no party of the amendment, the article only states it.
	Wirksam bool
}

// Beitritt reports whether the Land joins with this amendment.
func (v AenderungView) Beitritt(code string) bool {
	for _, p := range v.Beitretende {
		if p.Code == code {
			return true
		}
	}
	return false
}

// Ausscheidend reports whether the Land leaves with this amendment (and
// is one of its parties).
func (v AenderungView) Ausscheidend(code string) bool {
	for _, p := range v.Ausscheidende {
		if p.Code == code {
			return true
		}
	}
	return false
}

func (g *Generator) amendmentDoc(ctx context.Context, in amendmentInput) (*model.Document, error) {
	pa, pn := in.alt.Data(), in.neu.Data()
	res, err := g.Costs(in.neu)
	if err != nil {
		return nil, err
	}
	v := view.Build(pn, res, g.ks)
	parties := kind.Parties{View: v}
	for _, p := range v.Parteien {
		if in.doc.Party == "" || p.Umsetzend || p.Code == in.doc.Party {
			p.Unterschrift = nil // the amendment is signed anew
			parties.Vertragsparteien = append(parties.Vertragsparteien, p)
		}
	}
	before := map[string]bool{}
	for _, p := range pa.Parteien {
		before[string(p.Land)] = true
	}
	av := AenderungView{Ordinal: ordinals[in.nr-1], Vereinbarung: agreementTitle(in.old), Vom: in.vom, Kuendigung: kuendigungSec(in.old)}
	for _, a := range in.earlier {
		av.Geaendert = append(av.Geaendert, a.Date)
	}
	for _, p := range parties.Vertragsparteien {
		if !before[p.Code] {
			av.Beitretende = append(av.Beitretende, p)
		}
	}
	// a Land of ALT that NEU no longer has leaves: by notice
	// (austritt_zum in ALT) or with this amendment; as long as its exit is
	// not effective at NEU's stand it is a party of the amendment
	after := map[string]bool{}
	for _, p := range pn.Parteien {
		after[string(p.Land)] = true
	}
	resAlt, err := g.Costs(in.alt)
	if err != nil {
		return nil, err
	}
	stand := pn.Vorhaben.Stand.Time()
	altParties := view.Build(pa, resAlt, g.ks).Parteien
	for k, p := range altParties {
		if after[p.Code] || in.doc.Party != "" && !p.Umsetzend && p.Code != in.doc.Party {
			continue
		}
		a := Ausscheiden{Partei: p}
		a.Unterschrift = nil
		if z := pa.Parteien[partyIndex(pa.Parteien, p.Code, k)].AustrittZum; z != nil {
			a.Zum = z.Time()
			a.Wirksam = a.Zum.Before(stand)
		}
		if !a.Wirksam {
			parties.Vertragsparteien = insertInOrder(parties.Vertragsparteien, a.Partei, altParties)
		}
		av.Ausscheidende = append(av.Ausscheidende, a)
	}
	av.Parties = parties
	n := 0
	next := func() int { n++; return n }
	if len(av.Beitretende) > 0 {
		av.Artikel.Beitritt = next()
	}
	if len(av.Ausscheidende) > 0 {
		av.Artikel.Ausscheiden = next()
	}
	av.Artikel.Aenderung, av.Artikel.Inkrafttreten = next(), next()
	src, err := g.templates.Execute(ctx, aenderungTemplate, av)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", in.neu.Path, err)
	}
	blocks, err := markup.Convert(src, aenderungTemplate)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", in.neu.Path, err)
	}
	found := false
	art := 0
	for _, b := range blocks {
		s, ok := b.(*model.Section)
		if !ok {
			continue
		}
		if strings.HasPrefix(s.ID, "artikel-") {
			art++
			s.Number = fmt.Sprintf("Artikel\u00a0%d", art)
		}
		if s.ID == "artikel-aenderung" {
			s.Blocks = append(s.Blocks, aenderung.Render(in.ins)...)
			found = true
		}
	}
	if !found {
		return nil, fmt.Errorf("%s: die Vorlage hat keinen Abschnitt {#artikel-aenderung} für die Änderungsbefehle", aenderungTemplate)
	}
	if err := checkParties(av, blocks); err != nil {
		return nil, fmt.Errorf("%s: %w", aenderungTemplate, err)
	}
	k := &kind.Kind{Name: AenderungKind, Title: "Änderungsvereinbarung"}
	m := meta(in.neu, Doc{Kind: k, File: AenderungKind, Party: in.doc.Party})
	m.Title = av.Ordinal + " Vereinbarung zur Änderung der " + av.Vereinbarung + " vom " + format.DateLong(in.vom)
	return &model.Document{Meta: m, Blocks: blocks}, nil
}

// ErrAenderungParteien reports an amendment that does not state the
// accession of every Land that joins or the exit of every Land that
// leaves.
var ErrAenderungParteien = errors.New("Beitritt oder Ausscheiden nicht erklärt")

// checkParties checks the articles on the parties against the party
// differences of ALT and NEU: every Land that joins is named in the
// article „Beitritt“ ({#artikel-beitritt}), every Land that leaves in
// the article „Ausscheiden“ ({#artikel-ausscheiden}) — also when a
// template of the user's sets them.
func checkParties(av AenderungView, blocks []model.Block) error {
	text := map[string]string{}
	for _, b := range blocks {
		if s, ok := b.(*model.Section); ok {
			var t strings.Builder
			_ = model.Walk(&model.Document{Blocks: s.Blocks}, func(b model.Block, _ []*model.Section) error {
				if p, ok := b.(*model.Paragraph); ok {
					t.WriteString(model.PlainText(p.Inlines) + "\n")
				}
				return nil
			})
			text[s.ID] = strings.ToLower(t.String())
		}
	}
	for _, p := range av.Beitretende {
		if !strings.Contains(text["artikel-beitritt"], strings.ToLower(p.Nominativ)) {
			return fmt.Errorf("%w: %s tritt mit der Änderung bei, der Artikel „Beitritt“ {#artikel-beitritt} nennt es nicht", ErrAenderungParteien, p.Name)
		}
	}
	for _, p := range av.Ausscheidende {
		if !strings.Contains(text["artikel-ausscheiden"], strings.ToLower(p.Nominativ)) {
			return fmt.Errorf("%w: %s ist in der neuen Fassung nicht mehr Vertragspartei, der Artikel „Ausscheiden“ {#artikel-ausscheiden} nennt es nicht", ErrAenderungParteien, p.Name)
		}
	}
	return nil
}

// kuendigungSec is the number of the agreement's § on notice (its title
// names the „Kündigung“), "" when it has none.
func kuendigungSec(d *model.Document) string {
	for _, b := range d.Blocks {
		if s, ok := b.(*model.Section); ok && s.Level == 1 && strings.Contains(s.Title, "Kündigung") {
			return s.Number
		}
	}
	return ""
}

// partyIndex is the index of the Land code in ps (fallback k).
func partyIndex(ps []data.Partei, code string, k int) int {
	for i, p := range ps {
		if string(p.Land) == code {
			return i
		}
	}
	return k
}

// insertInOrder puts a leaving party among the parties of the amendment
// before the first that follows it in the order of ALT's documents.
func insertInOrder(ps []view.Partei, p view.Partei, alt []view.Partei) []view.Partei {
	pos := map[string]int{}
	for i, a := range alt {
		pos[a.Code] = i
	}
	for i, q := range ps {
		if j, ok := pos[q.Code]; ok && j > pos[p.Code] {
			return append(ps[:i:i], append([]view.Partei{p}, ps[i:]...)...)
		}
	}
	return append(ps, p)
}

// agreementTitle is the full title of an agreement from its title
// paragraphs: „Verwaltungsvereinbarung über die Nachnutzung des
// Online-Dienstes „…““ (the first line of the subtitle).
func agreementTitle(d *model.Document) string {
	var parts []string
	for _, b := range d.Blocks {
		p, ok := b.(*model.Paragraph)
		if !ok {
			break
		}
		switch p.Style {
		case model.StyleTitle:
			parts = append(parts, model.PlainText(p.Inlines))
		case model.StyleSubtitle:
			line, _, _ := strings.Cut(model.PlainText(p.Inlines), "\n")
			parts = append(parts, line)
		}
		if len(parts) == 2 {
			break
		}
	}
	return strings.Join(parts, " ")
}

// outputDoc is one document of a change with its file name (without
// extension).
type outputDoc struct {
	file string
	doc  *model.Document
}

// AenderungFiles drafts the amendment agreements of ALT → NEU and writes
// them in the formats to outDir, all files as one set: all or nothing
// (atomicfile.WriteAll). Nothing is written when an amendment cannot be
// proven. Further outputs (Synopse, Lesefassung) join the same set.
func (g *Generator) AenderungFiles(ctx context.Context, alt, neu *Project, outDir string, formats []string, o AenderungOptions) ([]string, error) {
	nr, err := AenderungNr(alt, o.Nr)
	if err != nil {
		return nil, err
	}
	o.Nr = nr
	ams, err := g.Aenderung(ctx, alt, neu, o)
	if err != nil {
		return nil, err
	}
	// every document of the change, written as one set: each amendment,
	// then the Synopse and the Lesefassung of the agreement it amends
	// (star form: only of the bilateral agreements that are amended).
	// The Lesefassung names the amendments ALT records (their text is
	// already part of ALT's) and this one, not yet signed: binding are
	// the agreement and all of them.
	fs, err := g.AmendmentFassungen(ctx, alt, neu, FassungOptions{Amendment: AmendmentRef{Nr: o.Nr}, Earlier: earlierAmendments(alt)})
	if err != nil {
		return nil, err
	}
	amended := map[string]bool{}
	docs := make([]outputDoc, 0, 3*len(ams))
	for _, a := range ams {
		docs = append(docs, outputDoc{a.File, a.Doc})
		amended[a.Party] = true
	}
	for _, f := range fs {
		if amended[f.Party] {
			docs = append(docs, outputDoc{f.File, f.Doc})
		}
	}
	var entries []atomicfile.Entry
	for _, d := range docs {
		for _, f := range formats {
			b, err := g.render(d.doc, f)
			if err != nil {
				return nil, renderError(neu, d.file, err)
			}
			entries = append(entries, atomicfile.Entry{Path: filepath.Join(outDir, d.file+"."+f), Data: b})
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if err := atomicfile.WriteAll(entries, atomicfile.Options{}); err != nil {
		return nil, err
	}
	paths := make([]string, len(entries))
	for i, e := range entries {
		paths[i] = e.Path
	}
	return paths, nil
}

// proveDocument reads the instructions back from an amendment's text and
// checks that they turn the agreement old into neu.
func proveDocument(old, neu, amendment *model.Document) error {
	ins, err := aenderung.Parse(amendment)
	if err != nil {
		return fmt.Errorf("%w: %w", aenderung.ErrRoundTrip, err)
	}
	ou, err := aenderung.Units(old)
	if err != nil {
		return err
	}
	nu, err := aenderung.Units(neu)
	if err != nil {
		return err
	}
	got, err := aenderung.Apply(ou, ins)
	if err != nil {
		return fmt.Errorf("%w: %w", aenderung.ErrRoundTrip, err)
	}
	return aenderung.Compare(got, nu)
}

// Fassungen builds the agreement of the project files alt and neu that
// an amendment agreement read from a file stands between: in ring form
// the agreement, in star form the one with the Land its running header
// names.
func (g *Generator) Fassungen(altPath, neuPath string, amendment *model.Document) (*check.Fassungen, error) {
	party := "" // the Kurzname its running header names in star form
	short := amendment.Meta.ShortTitle
	if i := strings.LastIndex(short, " · Stand "); i >= 0 {
		short = short[:i]
	}
	if i := strings.LastIndex(short, "“ – "); i >= 0 {
		party = strings.TrimSpace(short[i+len("“ – "):])
	}
	var docs [2]*model.Document
	var beginn time.Time
	for i, path := range []string{altPath, neuPath} {
		p, err := g.LoadProject(path)
		if err != nil {
			return nil, err
		}
		beginn = p.Data().Vertrag.Beginn.Time()
		ds, err := g.agreementDocs(context.Background(), p)
		if err != nil {
			return nil, err
		}
		for _, d := range ds {
			ref, _ := refdata.PartyByCode(d.doc.Party)
			if len(ds) == 1 || party != "" && ref.Kurzname == party {
				docs[i] = d.model
			}
		}
		if docs[i] == nil {
			return nil, fmt.Errorf("%s: keine Vereinbarung, die zur Änderungsvereinbarung passt (Vertragspartei „%s“)", path, party)
		}
	}
	return &check.Fassungen{Alt: docs[0], Neu: docs[1], Beginn: beginn}, nil
}
