package check

import (
	"regexp"
	"strings"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"golang.org/x/text/unicode/norm"
)

// subject is an input with what the rules need to know about its
// document, computed once: where each block is, the sections, the
// parties named at the top.
type subject struct {
	in       Input
	places   map[model.Block]place
	sections []*model.Section
	head     []*headParty
	styles   map[string]refdata.Party // normalised official style → party
}

// place is a block's location in the document.
type place struct {
	clause, heading string
	order           int
}

func newSubject(in Input) *subject {
	s := &subject{in: in, places: map[model.Block]place{}, styles: map[string]refdata.Party{}}
	for _, p := range refdata.Parties() {
		for _, form := range []string{p.Name, p.Nominativ, p.Genitiv, p.Dativ, p.Akkusativ} {
			s.styles[normText(form)] = p
		}
	}
	if in.Doc != nil {
		s.index()
		s.head = s.parseHead()
	}
	return s
}

// index records every block's clause, heading and order.
func (s *subject) index() {
	order := 0
	var walk func(bs []model.Block, secs []*model.Section, abs *string)
	walk = func(bs []model.Block, secs []*model.Section, abs *string) {
		for _, b := range bs {
			order++
			switch n := b.(type) {
			case *model.Section:
				inner := append(secs[:len(secs):len(secs)], n)
				s.sections = append(s.sections, n)
				none := ""
				s.places[n] = placeOf(inner, &none, order)
				var a string
				walk(n.Blocks, inner, &a)
				continue
			case *model.Paragraph:
				if n.Number != "" {
					*abs = n.Number
				}
			}
			s.places[b] = placeOf(secs, abs, order)
			if l, ok := b.(*model.List); ok {
				for _, it := range l.Items {
					walk(it.Blocks, secs, abs)
				}
			}
		}
	}
	var a string
	walk(s.in.Doc.Blocks, nil, &a)
}

// placeOf names the clause ("§ 7 Abs. 2") and heading of a block inside
// the sections secs, after the numbered paragraph abs.
func placeOf(secs []*model.Section, abs *string, order int) place {
	if len(secs) == 0 {
		return place{clause: "Eingang", order: order}
	}
	inner := secs[len(secs)-1]
	p := place{heading: normText(inner.Title), order: order}
	for i := len(secs) - 1; i >= 0; i-- {
		if secs[i].Number != "" {
			p.clause = normText(secs[i].Number)
			break
		}
	}
	if p.clause == "" {
		p.clause, p.heading = p.heading, ""
	}
	if n := strings.Trim(*abs, "()"); n != "" {
		p.clause += " Abs. " + n
	}
	return p
}

// where returns the location of a block; nil is the whole document.
func (s *subject) where(b model.Block) Location {
	l := Location{File: s.in.Name, Document: s.in.Document}
	if b == nil {
		return l
	}
	p := s.places[b]
	l.Clause, l.Heading, l.order = p.clause, p.heading, p.order
	return l
}

// normText puts text into the form the rules compare: NFC, no-break and
// other spaces as one plain space, trimmed.
func normText(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', '\r', '\u00a0', '\u202f', '\u2007', '\u2009':
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// blockText is the text of a block and everything in it, one line per
// paragraph, list item, table row or signature.
func blockText(b model.Block) string {
	var lines []string
	var walk func(b model.Block)
	walk = func(b model.Block) {
		switch n := b.(type) {
		case *model.Section:
			lines = append(lines, n.Heading())
			for _, k := range n.Blocks {
				walk(k)
			}
		case *model.Paragraph:
			lines = append(lines, n.Number+" "+model.PlainText(n.Inlines))
		case *model.List:
			for _, it := range n.Items {
				lines = append(lines, it.Label)
				for _, k := range it.Blocks {
					walk(k)
				}
			}
		case *model.Table:
			lines = append(lines, n.Caption)
			for _, rows := range [][]model.Row{n.Header, n.Rows} {
				for _, r := range rows {
					cells := make([]string, len(r.Cells))
					for i, c := range r.Cells {
						cells[i] = model.PlainText(c.Inlines)
					}
					lines = append(lines, strings.Join(cells, " | "))
				}
			}
		case *model.Chart:
			lines = append(lines, n.Title)
			for _, bar := range n.Bars {
				lines = append(lines, bar.Label+" "+bar.Text)
			}
		case *model.Gantt:
			lines = append(lines, n.Title)
			for _, r := range n.Rows {
				lines = append(lines, r.Label+" "+r.Text)
			}
		case *model.Signatures:
			for _, sg := range n.Blocks {
				lines = append(lines, sg.Party+" "+sg.Signer)
			}
		}
	}
	walk(b)
	for i := range lines {
		lines[i] = normText(lines[i])
	}
	return strings.Join(lines, "\n")
}

// sectionBody is the text of a section without its heading.
func sectionBody(sec *model.Section) string {
	var parts []string
	for _, b := range sec.Blocks {
		if t := blockText(b); strings.TrimSpace(t) != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n")
}

// clause describes how to find one clause: by its stable id, or else by
// its heading.
type clause struct {
	id    string
	title *regexp.Regexp // matched against the normalised, lower-cased title
	name  string         // for messages, e.g. "Datenschutz"
}

func cl(id, title, name string) clause {
	return clause{id: id, title: regexp.MustCompile(title), name: name}
}

// The clauses of DOMAIN.md §3.1 and the blocks of the call-off form.
var (
	clPraeambel      = cl("praeambel", `^präambel`, "Präambel")
	clGegenstand     = cl("gegenstand", `^gegenstand`, "Gegenstand")
	clLeistungen     = cl("leistungen", `^leistungen`, "Leistungen des umsetzenden Landes")
	clPflichten      = cl("pflichten", `^pflichten`, "Pflichten der nachnutzenden Länder")
	clSteuerung      = cl("steuerung", `steuerung|lenkung|gremium`, "Steuerungsgremium")
	clKosten         = cl("kosten", `^kosten( |$)`, "Kosten")
	clVerteilung     = cl("kostenverteilung", `^(kostenverteilung|verteilung der kosten)`, "Kostenverteilung")
	clZahlung        = cl("zahlung", `zahlung`, "Zahlungsmodalitäten")
	clDatenschutz    = cl("datenschutz", `datenschutz`, "Datenschutz")
	clNutzungsrechte = cl("nutzungsrechte", `nutzungsrecht`, "Nutzungsrechte")
	clHaftung        = cl("haftung", `haftung`, "Haftung")
	clBeitritt       = cl("beitritt", `beitritt`, "Beitritt weiterer Länder")
	clLaufzeit       = cl("laufzeit", `laufzeit|kündigung`, "Laufzeit und Kündigung")
	clSchluss        = cl("schluss", `schlussbestimmung|änderungen`, "Änderungen und Schlussbestimmungen")
	clInkraft        = cl("inkrafttreten", `inkrafttreten|in-kraft-treten`, "Inkrafttreten")
	clUnterschriften = cl("unterschriften", `unterschrift`, "Unterschriften")
	clLeistung       = cl("leistung", `^(\d+ )?leistung$`, "Leistung")
	clEntgelte       = cl("entgelte", `entgelt`, "Entgelte")
	clAbrufendes     = cl("abrufendes-land", `abrufendes land`, "Abrufendes Land")
)

// find returns the clause's section: the first with its id, else the
// first whose heading matches; nil if the document has none.
func (s *subject) find(c clause) *model.Section {
	for _, sec := range s.sections {
		if sec.ID == c.id {
			return sec
		}
	}
	for _, sec := range s.sections {
		if c.title.MatchString(strings.ToLower(normText(sec.Title))) {
			return sec
		}
	}
	return nil
}

// tables returns every table in document order.
func (s *subject) tables() []*model.Table {
	var out []*model.Table
	_ = model.Walk(s.in.Doc, func(b model.Block, _ []*model.Section) error {
		if t, ok := b.(*model.Table); ok {
			out = append(out, t)
		}
		return nil
	})
	return out
}

// signatures returns every signature block in document order.
func (s *subject) signatures() (*model.Signatures, []model.Signature) {
	var first *model.Signatures
	var out []model.Signature
	_ = model.Walk(s.in.Doc, func(b model.Block, _ []*model.Section) error {
		if sg, ok := b.(*model.Signatures); ok {
			if first == nil {
				first = sg
			}
			out = append(out, sg.Blocks...)
		}
		return nil
	})
	return first, out
}

// party returns the party whose official style (any case) is s.
func (s *subject) party(style string) (refdata.Party, bool) {
	p, ok := s.styles[normText(style)]
	return p, ok
}

// headParty is a party as the head of an agreement names it.
type headParty struct {
	para *model.Paragraph
	name string // as written, e.g. "dem Land Sachsen-Anhalt"
	rep  string // after "vertreten durch", without the final comma
	role string // "umsetzend", "nachnutzend" or ""
	ref  *refdata.Party
	// guess is the party a name without official style most likely
	// means (its short name occurs in it); nil if none.
	guess *refdata.Party
}

// code returns the party code the head party stands for, official or
// guessed; "" if none.
func (hp *headParty) code() string {
	switch {
	case hp.ref != nil:
		return hp.ref.Code
	case hp.guess != nil:
		return hp.guess.Code
	}
	return ""
}

// guessParty returns the party whose short name is the longest contained
// in name.
func guessParty(name string) *refdata.Party {
	var best *refdata.Party
	for _, p := range refdata.Parties() {
		if strings.Contains(name, p.Kurzname) && (best == nil || len(p.Kurzname) > len(best.Kurzname)) {
			p := p
			best = &p
		}
	}
	return best
}

var (
	roleLabel = regexp.MustCompile(`–\s*(umsetzendes|nachnutzendes)\s+Land\s*–`)
	vertreten = regexp.MustCompile(`(?i)vertreten\s+durch\s*:?\s*([^\n]*)`)
)

// parseHead reads the parties from the paragraphs before the first
// section: each names a party (in bold or before the first comma),
// "vertreten durch …" and its role "– umsetzendes Land –".
func (s *subject) parseHead() []*headParty {
	var out []*headParty
	for _, b := range s.in.Doc.Blocks {
		if _, ok := b.(*model.Section); ok {
			break
		}
		p, ok := b.(*model.Paragraph)
		if !ok {
			continue
		}
		text := model.PlainText(p.Inlines)
		bold := ""
		for _, in := range p.Inlines {
			if t, ok := in.(model.Text); ok && t.Bold && strings.TrimSpace(t.Text) != "" {
				bold = strings.Trim(normText(t.Text), " ,")
				break
			}
		}
		_, official := s.party(bold)
		rm := roleLabel.FindStringSubmatch(normText(text))
		vm := vertreten.FindStringSubmatch(strings.ReplaceAll(text, "\u00a0", " "))
		if rm == nil && vm == nil && !official {
			continue
		}
		hp := &headParty{para: p, name: bold}
		if hp.name == "" {
			first, _, _ := strings.Cut(text, "\n")
			first, _, _ = strings.Cut(first, ",")
			hp.name = normText(first)
		}
		if vm != nil {
			hp.rep = strings.TrimRight(normText(vm[1]), " ,")
		}
		if rm != nil {
			hp.role = rm[1]
			hp.role = strings.TrimSuffix(hp.role, "es") // umsetzendes → umsetzend
		}
		if ref, ok := s.party(hp.name); ok {
			hp.ref = &ref
		} else {
			hp.guess = guessParty(hp.name)
		}
		out = append(out, hp)
	}
	return out
}

// tablesIn returns the tables in a block (itself, or inside a list or
// section).
func tablesIn(b model.Block) []*model.Table {
	var out []*model.Table
	d := &model.Document{Blocks: []model.Block{b}}
	_ = model.Walk(d, func(b model.Block, _ []*model.Section) error {
		if t, ok := b.(*model.Table); ok {
			out = append(out, t)
		}
		return nil
	})
	return out
}
