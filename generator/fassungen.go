package generator

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/diff"
	"github.com/vereinbar/vereinbar/generator/kind"
	"github.com/vereinbar/vereinbar/generator/markup"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/synopse"
	"github.com/vereinbar/vereinbar/generator/view"
)

// Templates of the companions of an amendment.
const (
	SynopseTemplate     = "synopse/kopf.md.tmpl"
	LesefassungTemplate = "lesefassung/hinweis.md.tmpl"
	// SynopseEingangTemplate is the note on the Eingang's row of a
	// Synopse ("unverändert; Beitritt des Landes Hessen: Artikel 1 der
	// Änderungsvereinbarung").
	SynopseEingangTemplate = "synopse/eingang.md.tmpl"
)

// File stems of the companions: "synopse" and "lesefassung" for a ring
// agreement, "synopse-<LAND>" and "lesefassung-<LAND>" for each
// bilateral agreement of a star.
const (
	SynopseStem     = "synopse"
	LesefassungStem = "lesefassung"
)

// ErrNoCommonAgreement reports two versions of a project that have no
// agreement in common to compare (e.g. a ring that became a star).
var ErrNoCommonAgreement = errors.New("keine Verwaltungsvereinbarung, die beide Fassungen haben")

// AmendmentRef names one amendment agreement (Änderungsvereinbarung) by
// its ordinal and date, as a Synopse and a Lesefassung cite it.
type AmendmentRef struct {
	// Nr is its ordinal: 1 the Erste, 2 the Zweite, …
	Nr int
	// Date is the day it was concluded (its last signature or the day
	// stated); zero while it is not signed.
	Date time.Time
}

// FassungOptions are what the companions of an amendment need beyond the
// two versions of the project.
type FassungOptions struct {
	// Amendment is the amendment the documents accompany (Nr 0: the one
	// after Earlier).
	Amendment AmendmentRef
	// Earlier are the amendments before it, oldest first, which the
	// Lesefassung names too ("unter Berücksichtigung der Ersten und der
	// Zweiten Änderungsvereinbarung"); nil: those ALT records
	// (vertrag.aenderungen).
	Earlier []AmendmentRef
	// AgreementDate is the day of the agreement amended ("vom …"); zero:
	// from ALT, see AgreementDate.
	AgreementDate time.Time
}

// Fassung is one companion document of an amendment, ready for the
// renderers.
type Fassung struct {
	// File is the output base name without extension: "synopse",
	// "lesefassung", "synopse-SN", "lesefassung-SN".
	File string
	// Party is the re-using Land of a star agreement; "" for a ring.
	Party string
	Doc   *model.Document
}

// AmendmentFassungen builds the companions of an amendment of ALT (the
// signed version) into NEU (the new one), for every Verwaltungsvereinbarung
// both versions have (one for a ring, one per re-using Land of a star;
// a Land only one version has gets none): the Synopse (File
// "synopse[-LAND]", see package synopse; its head from
// templates/synopse/kopf.md.tmpl) and the Lesefassung (File
// "lesefassung[-LAND]", see Lesefassung). The documents come in the
// order of NEU's agreements, each Synopse before its Lesefassung.
//
// It does not check that an amendment turns ALT into NEU; that is the
// amendment's own round trip.
func (g *Generator) AmendmentFassungen(ctx context.Context, alt, neu *Project, o FassungOptions) ([]Fassung, error) {
	if o.Earlier == nil {
		o.Earlier = earlierAmendments(alt)
	}
	if o.Amendment.Nr == 0 {
		o.Amendment.Nr = len(o.Earlier) + 1
	}
	o.Amendment = normAmendment(o.Amendment)
	altRes, err := g.Costs(alt)
	if err != nil {
		return nil, err
	}
	neuRes, err := g.Costs(neu)
	if err != nil {
		return nil, err
	}
	altDocs := map[string]Doc{}
	for _, d := range g.agreements(alt) {
		altDocs[d.File] = d
	}
	var out []Fassung
	for _, nd := range g.agreements(neu) {
		ad, ok := altDocs[nd.File]
		if !ok {
			continue
		}
		old, err := g.Document(ctx, alt, altRes, ad)
		if err != nil {
			return nil, err
		}
		cur, err := g.Document(ctx, neu, neuRes, nd)
		if err != nil {
			return nil, err
		}
		date := o.AgreementDate
		if date.IsZero() {
			date = AgreementDate(alt, nd.Party)
		}
		fv := fassungView{
			Aenderung:    ordinal(o.Amendment),
			Vereinbarung: date,
			Alt:          versionOf(alt),
			Neu:          versionOf(neu),
		}
		if n := len(o.Earlier); n > 0 {
			z := ordinal(normAmendment(o.Earlier[n-1]))
			fv.ZuletztGeaendert = &z
		}
		fv.Beigetreten, fv.Ausgeschieden, err = g.partyChanges(alt, altRes, ad, neu, neuRes, nd)
		if err != nil {
			return nil, err
		}
		if len(fv.Beigetreten) > 0 {
			fv.Artikel.Beitritt = 1
		}
		if len(fv.Ausgeschieden) > 0 {
			fv.Artikel.Ausscheiden = fv.Artikel.Beitritt + 1
		}
		head, err := g.frame(ctx, neu, neuRes, nd, SynopseTemplate, fv)
		if err != nil {
			return nil, err
		}
		eingang, err := g.frameText(ctx, neu, neuRes, nd, SynopseEingangTemplate, fv)
		if err != nil {
			return nil, err
		}
		syn, err := synopse.Build(old, cur, synopse.Options{Meta: synopseMeta(cur.Meta, nd), Head: head, NotAmended: notAmended, HeadNote: eingang})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", neu.Path, err)
		}
		lese, err := g.lesefassung(ctx, neu, neuRes, nd, cur, LesefassungOptions{
			Amendments:    append(append([]AmendmentRef(nil), o.Earlier...), o.Amendment),
			AgreementDate: date,
		}, old, fv)
		if err != nil {
			return nil, err
		}
		out = append(out,
			Fassung{File: stem(SynopseStem, nd.Party), Party: nd.Party, Doc: syn},
			Fassung{File: stem(LesefassungStem, nd.Party), Party: nd.Party, Doc: lese})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s, %s: %w", alt.Path, neu.Path, ErrNoCommonAgreement)
	}
	return out, nil
}

// LesefassungOptions say which amendments a Lesefassung takes into
// account.
type LesefassungOptions struct {
	// Amendments are the amendments, oldest first; at least one.
	Amendments []AmendmentRef
	// AgreementDate is the day of the original agreement; zero: see
	// AgreementDate.
	AgreementDate time.Time
}

// Lesefassung builds the reading version of an agreement of a project
// (d one of its documents of kind "vereinbarung"): the agreement's text as
// the ordinary generator makes it, marked as a Lesefassung — a subtitle
// and the note of templates/lesefassung/hinweis.md.tmpl ("Lesefassung
// unter Berücksichtigung der Ersten Änderungsvereinbarung vom …; verbindlich
// ist allein …") under the title, the running header opening with
// "Lesefassung: " and the title with "Verwaltungsvereinbarung
// (Lesefassung)". The document stays of kind "vereinbarung", so check
// reads it as an agreement: its signature blocks stay (with the
// signatures recorded in the data), and the note says that a Lesefassung
// is not signed.
func (g *Generator) Lesefassung(ctx context.Context, p *Project, d Doc, o LesefassungOptions) (*model.Document, error) {
	if err := lesefassungOf(p, d, o); err != nil {
		return nil, err
	}
	res, err := g.Costs(p)
	if err != nil {
		return nil, err
	}
	doc, err := g.Document(ctx, p, res, d)
	if err != nil {
		return nil, err
	}
	return g.lesefassung(ctx, p, res, d, doc, o, nil, fassungView{})
}

// lesefassung builds the Lesefassung of doc. orig, when not nil, is the
// original agreement (ALT): its Ausfertigungen sentence replaces doc's,
// since how many copies were executed is a fact of the signed original
// that no amendment changes. v brings the parties that joined and left
// with the amendment for the note.
func (g *Generator) lesefassung(ctx context.Context, p *Project, res *costs.Result, d Doc, doc *model.Document, o LesefassungOptions, orig *model.Document, pv fassungView) (*model.Document, error) {
	if err := lesefassungOf(p, d, o); err != nil {
		return nil, err
	}
	if o.AgreementDate.IsZero() {
		o.AgreementDate = AgreementDate(p, d.Party)
	}
	v := fassungView{Vereinbarung: o.AgreementDate, Beigetreten: pv.Beigetreten, Ausgeschieden: pv.Ausgeschieden}
	for _, a := range o.Amendments {
		v.Aenderungen = append(v.Aenderungen, ordinal(normAmendment(a)))
	}
	note, err := g.frame(ctx, p, res, d, LesefassungTemplate, v)
	if err != nil {
		return nil, err
	}
	out := &model.Document{Meta: doc.Meta}
	out.Meta.Title = d.Title + " (Lesefassung)" + titleRest(doc.Meta.Title, d.Title)
	out.Meta.ShortTitle = "Lesefassung: " + doc.Meta.ShortTitle
	// The note stands under the title and its subtitles.
	at := 0
	for at < len(doc.Blocks) {
		pp, ok := doc.Blocks[at].(*model.Paragraph)
		if !ok || (pp.Style != model.StyleTitle && pp.Style != model.StyleSubtitle) {
			break
		}
		at++
	}
	out.Blocks = append(append(append(out.Blocks, doc.Blocks[:at]...), note...), withoutSignatureLines(doc.Blocks[at:])...)
	if orig != nil {
		if p := ausfertigungenParagraph(orig.Blocks); p != nil {
			out.Blocks = withAusfertigungen(out.Blocks, p)
		}
	}
	return out, nil
}

// ausfertigungenSentence is the sentence of the clause „Ausfertigungen
// und Inkrafttreten“ that counts the copies executed
// (templates/vereinbarung/klauseln/inkrafttreten.md.tmpl); the same
// sentence package aenderung leaves out of the text an amendment changes.
var ausfertigungenSentence = regexp.MustCompile(`^Diese Vereinbarung wird in \S+ gleichlautenden Ausfertigungen unterzeichnet`)

func isAusfertigungen(p *model.Paragraph) bool {
	return p != nil && ausfertigungenSentence.MatchString(model.PlainText(p.Inlines))
}

// notAmended reports the units of an agreement an amendment does not
// amend (package aenderung): the paragraphs of the Eingang — all before
// the first clause but the title and its subtitles — and the
// Ausfertigungen sentence.
func notAmended(c *diff.Clause, it *diff.Item) bool {
	if c.Section == nil {
		return it.Para == nil || (it.Para.Style != model.StyleTitle && it.Para.Style != model.StyleSubtitle)
	}
	return it.What == "Absatz" && isAusfertigungen(it.Para)
}

// ausfertigungenParagraph finds the Ausfertigungen sentence in blocks.
func ausfertigungenParagraph(blocks []model.Block) *model.Paragraph {
	for _, b := range blocks {
		switch n := b.(type) {
		case *model.Paragraph:
			if isAusfertigungen(n) {
				return n
			}
		case *model.Section:
			if p := ausfertigungenParagraph(n.Blocks); p != nil {
				return p
			}
		}
	}
	return nil
}

// withAusfertigungen returns blocks with the Ausfertigungen sentence's
// text replaced by that of orig (its number and style stay); sections on
// the way are copied, blocks is not changed.
func withAusfertigungen(blocks []model.Block, orig *model.Paragraph) []model.Block {
	out := make([]model.Block, len(blocks))
	for i, b := range blocks {
		out[i] = b
		switch n := b.(type) {
		case *model.Paragraph:
			if isAusfertigungen(n) {
				c := *n
				c.Inlines = orig.Inlines
				out[i] = &c
			}
		case *model.Section:
			c := *n
			c.Blocks = withAusfertigungen(n.Blocks, orig)
			out[i] = &c
		}
	}
	return out
}

// partyChanges are the parties of agreement nd of NEU that agreement ad
// of ALT does not have (they join with the amendment) and those of ALT
// that NEU no longer has (they leave), in the order of the documents.
func (g *Generator) partyChanges(alt *Project, altRes *costs.Result, ad Doc, neu *Project, neuRes *costs.Result, nd Doc) (joined, left []view.Partei, err error) {
	parties := func(p *Project, res *costs.Result, d Doc) ([]view.Partei, error) {
		kv, err := d.View(view.Build(p.Data(), res, g.ks), d)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p.Path, err)
		}
		ps, ok := kv.(kind.Parties)
		if !ok {
			return nil, fmt.Errorf("%s: %s hat keine Sicht mit Vertragsparteien", p.Path, d.File)
		}
		return ps.Vertragsparteien, nil
	}
	ap, err := parties(alt, altRes, ad)
	if err != nil {
		return nil, nil, err
	}
	np, err := parties(neu, neuRes, nd)
	if err != nil {
		return nil, nil, err
	}
	in := func(ps []view.Partei, code string) bool {
		for _, p := range ps {
			if p.Code == code {
				return true
			}
		}
		return false
	}
	for _, p := range np {
		if !in(ap, p.Code) {
			joined = append(joined, p)
		}
	}
	for _, p := range ap {
		if !in(np, p.Code) {
			left = append(left, p)
		}
	}
	return joined, left, nil
}

// NoSignatures is the line that stands for the signature blocks in a
// Lesefassung when no party's signature is recorded.
const NoSignatures = "(Unterschriften der Vertragsparteien)"

// withoutSignatureLines returns blocks with every signature block set as
// a Lesefassung shows it: the Lesefassung is not signed, so it has no
// lines to sign on. A block in which no party's signature is recorded
// becomes the one line NoSignatures; otherwise each party stands as
// signed — place and date, "gez." and the name, the office — and one that
// has not signed with "(nicht unterzeichnet)". Sections holding
// signatures are copied, blocks is not changed.
func withoutSignatureLines(blocks []model.Block) []model.Block {
	out := make([]model.Block, 0, len(blocks))
	for _, b := range blocks {
		switch n := b.(type) {
		case *model.Section:
			c := *n
			c.Blocks = withoutSignatureLines(n.Blocks)
			out = append(out, &c)
		case *model.Signatures:
			out = append(out, signedAsGiven(n)...)
		default:
			out = append(out, b)
		}
	}
	return out
}

// signedAsGiven is a signature block as a Lesefassung shows it (see
// withoutSignatureLines). A recorded signature fills its captions, "Ort,
// Datum: Kiel, 1. Dezember 2026", "Name: …" (the template
// vereinbarung/klauseln/unterschriften.md.tmpl); a caption without a
// value is an empty line.
func signedAsGiven(s *model.Signatures) []model.Block {
	recorded := false
	for _, sg := range s.Blocks {
		if _, ok := captionValue(sg.PlaceDate); ok {
			recorded = true
		}
	}
	if !recorded {
		return []model.Block{&model.Paragraph{Pos: s.Pos, Style: model.StyleBody, Inlines: []model.Inline{model.Text{Text: NoSignatures}}}}
	}
	var out []model.Block
	for _, sg := range s.Blocks {
		in := []model.Inline{model.Text{Text: sg.Party, Bold: true}}
		line := func(t string) { in = append(in, model.LineBreak{}, model.Text{Text: t}) }
		if sg.Signer != "" {
			line(sg.Signer)
		}
		if pd, ok := captionValue(sg.PlaceDate); ok {
			line(pd)
			gez := false
			for _, l := range sg.Lines {
				v, ok := captionValue(l)
				if !ok {
					continue
				}
				if !gez {
					v, gez = "gez. "+v, true
				}
				line(v)
			}
		} else {
			line("(nicht unterzeichnet)")
		}
		out = append(out, &model.Paragraph{Pos: s.Pos, Style: model.StyleBody, Inlines: in})
	}
	return out
}

// captionValue is the value after a caption ("Name: Dr. Erika
// Mustermann" gives "Dr. Erika Mustermann"); ok is false for a caption
// alone or one whose value is empty.
func captionValue(line string) (string, bool) {
	_, v, ok := strings.Cut(line, ": ")
	v = strings.TrimSpace(strings.Trim(strings.TrimSpace(v), ","))
	return v, ok && v != ""
}

// lesefassungOf refuses a Lesefassung of a document that is no
// agreement, or without an amendment.
func lesefassungOf(p *Project, d Doc, o LesefassungOptions) error {
	if d.Kind == nil || d.Kind.Name != "vereinbarung" {
		return fmt.Errorf("%s: eine Lesefassung gibt es nur von einer Verwaltungsvereinbarung, nicht von „%s“", p.Path, d.File)
	}
	if len(o.Amendments) == 0 {
		return fmt.Errorf("%s: eine Lesefassung braucht mindestens eine Änderungsvereinbarung", p.Path)
	}
	return nil
}

// titleRest is what follows the kind's title in a document's title
// ("Verwaltungsvereinbarung: …" gives ": …").
func titleRest(title, kindTitle string) string {
	if len(title) >= len(kindTitle) && title[:len(kindTitle)] == kindTitle {
		return title[len(kindTitle):]
	}
	return ": " + title
}

// fassungView is what the templates of the companions see: the view of
// the agreement (kind.Parties: .Vertragsparteien, .Partner and the
// shared project view) and the amendment.
type fassungView struct {
	kind.Parties
	Aenderung    ordinalView   // the amendment (Synopse)
	Aenderungen  []ordinalView // the amendments taken into account (Lesefassung)
	Vereinbarung time.Time     // day of the agreement amended
	Alt, Neu     versionView   // the two versions (Synopse)
	// ZuletztGeaendert is the last amendment before this one; nil for the
	// first (Synopse).
	ZuletztGeaendert *ordinalView
	// Beigetreten and Ausgeschieden are the parties that join and leave
	// with this amendment; Artikel the articles of the amendment that
	// state it (0: none), numbered as generator/aenderung.go numbers them.
	Beigetreten, Ausgeschieden []view.Partei
	Artikel                    struct{ Beitritt, Ausscheiden int }
}

type ordinalView struct {
	Nr        int
	Nominativ string // "Erste"
	Dativ     string // "Ersten"
	Datum     time.Time
}

type versionView struct {
	Stand   time.Time
	Version string
}

func versionOf(p *Project) versionView {
	v := p.Data().Vorhaben
	return versionView{Stand: v.Stand.Time(), Version: v.Version}
}

// frame executes the template of a companion's text for agreement d of
// project p and converts it to blocks.
func (g *Generator) frame(ctx context.Context, p *Project, res *costs.Result, d Doc, tmpl string, v fassungView) ([]model.Block, error) {
	kv, err := d.View(view.Build(p.Data(), res, g.ks), d)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.Path, err)
	}
	parties, ok := kv.(kind.Parties)
	if !ok {
		return nil, fmt.Errorf("%s: %s hat keine Sicht mit Vertragsparteien", p.Path, d.File)
	}
	v.Parties = parties
	src, err := g.templates.Execute(ctx, tmpl, v)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.Path, err)
	}
	blocks, err := markup.Convert(src, tmpl)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.Path, err)
	}
	return blocks, nil
}

// frameText executes the template of a phrase of a companion and returns
// it as plain text: the markup converted (escapes such as "Baden\-"
// resolved) and the paragraphs joined with spaces.
func (g *Generator) frameText(ctx context.Context, p *Project, res *costs.Result, d Doc, tmpl string, v fassungView) (string, error) {
	blocks, err := g.frame(ctx, p, res, d, tmpl, v)
	if err != nil {
		return "", err
	}
	var parts []string
	for _, b := range blocks {
		if pp, ok := b.(*model.Paragraph); ok {
			parts = append(parts, model.PlainText(pp.Inlines))
		}
	}
	return strings.Join(parts, " "), nil
}

// agreements are the documents of kind "vereinbarung" of a project.
func (g *Generator) agreements(p *Project) []Doc {
	var out []Doc
	for _, d := range g.Docs(p) {
		if d.Kind != nil && d.Kind.Name == "vereinbarung" {
			out = append(out, d)
		}
	}
	return out
}

func stem(s, party string) string {
	if party == "" {
		return s
	}
	return s + "-" + party
}

// synopseMeta are the properties of a Synopse: those of the new
// agreement, as a Synopse.
func synopseMeta(m model.Meta, d Doc) model.Meta {
	m.Kind = SynopseStem
	m.Title = "Synopse" + titleRest(m.Title, d.Title)
	m.ShortTitle = "Synopse: " + m.ShortTitle
	return m
}

// AgreementDate is the day of an agreement of a project as its amendment
// cites it ("die Verwaltungsvereinbarung … vom …"): the day of the last
// signature when every party of it has signed (parteien[].unterschrift),
// else the Stand of the project file. party is the re-using Land of a
// star agreement, "" for a ring.
func AgreementDate(p *Project, party string) time.Time {
	pr := p.Data()
	u := pr.Umlauf(party)
	if len(u.Missing) == 0 && len(u.Signed) > 0 {
		var last time.Time
		for _, i := range u.Signed {
			if t := pr.Parteien[i].Unterschrift.Datum.Time(); t.After(last) {
				last = t
			}
		}
		return last
	}
	return pr.Vorhaben.Stand.Time()
}

func normAmendment(a AmendmentRef) AmendmentRef {
	if a.Nr <= 0 {
		a.Nr = 1
	}
	return a
}

// ordinal gives an amendment's ordinal in the nominative and the dative
// of the weak declension ("die Erste", "der Ersten").
func ordinal(a AmendmentRef) ordinalView {
	v := ordinalView{Nr: a.Nr, Datum: a.Date}
	if a.Nr >= 1 && a.Nr <= len(ordinals) {
		v.Nominativ, v.Dativ = ordinals[a.Nr-1], ordinals[a.Nr-1]+"n"
		return v
	}
	v.Nominativ = strconv.Itoa(a.Nr) + "."
	v.Dativ = v.Nominativ
	return v
}

// RenderModel renders a document model built outside the registry of
// kinds (a Synopse, a Lesefassung) in one of Formats into memory, with
// the renderers the generator holds.
func (g *Generator) RenderModel(d *model.Document, format string) ([]byte, error) {
	return g.render(d, format)
}
