// Package aenderung drafts an amendment agreement (Änderungsvereinbarung)
// from two versions of an agreement and proves it: Instructions reads the
// changes between ALT and NEU through the clause alignment of package diff
// and chooses, by the rules of the Handbuch der Rechtsförmlichkeit
// (4. Aufl., Teil D 2 „Änderungstechnik“), one amendment instruction per
// change — replace an Angabe or Wörter, replace an Absatz or a § whole,
// insert, repeal, renumber, replace a heading. Apply carries the
// instructions out on ALT's text form (Units) independently of how they
// were found; only when the result is NEU's text form exactly is the
// amendment correct (RoundTrip). Render turns the instructions into the
// German sentences of Artikel 1.
//
// The rules in short (copied into the project from the drafting notes,
// source: Handbuch der Rechtsförmlichkeit, 4. Aufl., Teil D 2; 3. Aufl.
// Rn. 552–628):
//   - the old text is quoted exactly („…“) and must occur exactly once in
//     the unit the instruction names, else the quote is widened by
//     neighbouring words or the unit is replaced whole;
//   - numbers, dates and a few words are replaced as Angabe / Wörter; a
//     unit changed in more than a few places, a changed table and a
//     changed list are replaced whole;
//   - a new § or Absatz is inserted (eingefügt) or, at the end, appended
//     (angefügt); a removed one is repealed (aufgehoben); where NEU numbers
//     differently, the bisherige numbers are changed first;
//   - a quote widened to be unique stays within one item of an
//     enumeration (it does not reach over „,“ „;“ „:“ or a sentence end);
//     changes a few words apart go into one quote; new words alone are
//     inserted after the word before them („Nach dem Wort „…“ werden die
//     Wörter „…“ eingefügt.“);
//   - several changes in one § are grouped under one number with a), b),
//     several in one Absatz under one letter with aa), bb);
//   - instructions stand in the order of the text and apply one after the
//     other to the text as the earlier ones left it.
//
// The signature blocks are no part of the text form: the agreement keeps
// its signatures, the amendment is signed by its own parties.
//
// Nor are the Eingang and the Ausfertigungen sentence („Diese
// Vereinbarung wird in zwölf gleichlautenden Ausfertigungen
// unterzeichnet …“): both state facts of the signed original — who
// concluded it, in how many copies it was executed — that an amendment
// does not rewrite. A Land that joins or leaves is stated in an article
// of its own (Beitritt, Ausscheiden), a changed representing authority
// (vertreten_durch) needs no amendment at all. The proof therefore
// compares everything else, and NEU's Eingang is not quoted.
package aenderung

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/vereinbar/vereinbar/generator/model"
)

// ErrRoundTrip reports instructions that do not turn ALT into NEU.
var ErrRoundTrip = errors.New("die Änderungsbefehle ergeben nicht die neue Fassung")

// ErrApply reports an instruction that cannot be carried out on the text.
var ErrApply = errors.New("Änderungsbefehl nicht ausführbar")

// Part says what a unit is.
type Part string

// Parts of the text form.
const (
	PartTitel   Part = "titel"   // the agreement's title and subtitle
	PartEingang Part = "eingang" // the parties and the opening formula
	PartHeading Part = "ueberschrift"
	PartBody    Part = "text" // an Absatz, or the unnumbered text of a §
)

// LineKind is the kind of a line of a unit.
type LineKind string

// Line kinds.
const (
	LineText    LineKind = "text"    // a paragraph
	LineItem    LineKind = "item"    // a list item's first paragraph (Label) or a further one
	LineCaption LineKind = "caption" // a table's caption
	LineHeader  LineKind = "header"  // a table header row
	LineRow     LineKind = "row"     // a table row
	LineTotal   LineKind = "total"   // a table totals row
	LineChart   LineKind = "chart"   // a bar chart, as text
)

// Line is one line of a unit's text.
type Line struct {
	Kind  LineKind
	Label string   // list label path ("1.", "1. a)", "–"); items only
	Text  string   // paragraphs, items, captions, charts; "\n" for a line break
	Cells []string // table rows
	// Table starts a new table (set on its first line), so two tables
	// in a row stay two.
	Table bool
	// Format is the layout of the table a line starts (widths,
	// alignments, id): how a quoted table is set, no part of the text.
	Format *TableFormat
}

// TableFormat is the layout of a table, kept to set a quoted table as
// the agreement sets it.
type TableFormat struct {
	ID     string
	Widths []int
	Aligns []model.Align
}

// IsTable reports whether the line belongs to a table.
func (l Line) IsTable() bool {
	switch l.Kind {
	case LineCaption, LineHeader, LineRow, LineTotal:
		return true
	}
	return false
}

// Address names a unit as the text cites it.
type Address struct {
	Sec  string // "§ 7", "Anlage 2", a title for an unnumbered part ("Präambel"); "" for title and Eingang
	Sub  string // title of a sub-heading inside the §, "" for none
	Part Part
	Abs  string // Absatz number without brackets ("5"); "" for unnumbered text
}

// Unit is one addressable piece of the agreement's text.
type Unit struct {
	Address
	Lines []Line
}

// Text is the unit's lines as plain text, one per line, table cells
// joined by " | ".
func (u Unit) Text() string {
	var b strings.Builder
	for i, l := range u.Lines {
		if i > 0 {
			b.WriteString("\n")
		}
		if l.Label != "" {
			b.WriteString(l.Label + " ")
		}
		if l.Cells != nil {
			b.WriteString(strings.Join(l.Cells, " | "))
		} else {
			b.WriteString(l.Text)
		}
	}
	return b.String()
}

// String names the unit for messages: "§ 7 Absatz 5".
func (a Address) String() string {
	var parts []string
	switch {
	case a.Part == PartTitel:
		return "Überschrift der Vereinbarung"
	case a.Part == PartEingang:
		return "Eingang"
	case a.Sec != "":
		parts = append(parts, a.Sec)
	}
	if a.Sub != "" {
		parts = append(parts, "Abschnitt „"+a.Sub+"“")
	}
	switch {
	case a.Part == PartHeading:
		parts = append([]string{"Überschrift"}, parts...)
	case a.Abs != "":
		parts = append(parts, "Absatz "+a.Abs)
	}
	return strings.Join(parts, " ")
}

// Units derives the text form of an agreement: the title, then per § its
// heading and its Absätze (an Absatz is its numbered
// paragraph with the lists and tables that follow it), sub-headings of an
// Anlage with their text. The Eingang, the Ausfertigungen sentence,
// signature blocks and page breaks are left out;
// a part that holds nothing else (the „Unterschriften“) is left out whole.
func Units(d *model.Document) ([]Unit, error) {
	if d == nil {
		return nil, fmt.Errorf("aenderung: kein Dokument")
	}
	var out []Unit
	i := 0
	var titel []Line
	for ; i < len(d.Blocks); i++ {
		if _, ok := d.Blocks[i].(*model.Section); ok {
			break
		}
		p, ok := d.Blocks[i].(*model.Paragraph)
		if !ok {
			if _, pb := d.Blocks[i].(*model.PageBreak); pb {
				continue
			}
			return nil, fmt.Errorf("aenderung: unerwarteter Block im Eingang: %T", d.Blocks[i])
		}
		l := Line{Kind: LineText, Text: model.PlainText(p.Inlines)}
		if p.Style == model.StyleTitle || p.Style == model.StyleSubtitle {
			titel = append(titel, l)
		} // else: a paragraph of the Eingang, left out (package comment)
	}
	if titel != nil {
		out = append(out, Unit{Address{Part: PartTitel}, titel})
	}
	seen := map[Address]bool{}
	for _, u := range out {
		seen[u.Address] = true
	}
	for ; i < len(d.Blocks); i++ {
		s, ok := d.Blocks[i].(*model.Section)
		if !ok {
			if _, pb := d.Blocks[i].(*model.PageBreak); pb {
				continue
			}
			return nil, fmt.Errorf("aenderung: Block zwischen den Paragrafen: %T", d.Blocks[i])
		}
		us, err := sectionUnits(s)
		if err != nil {
			return nil, err
		}
		for _, u := range us {
			if seen[u.Address] {
				return nil, fmt.Errorf("aenderung: %s kommt zweimal vor", u.Address)
			}
			seen[u.Address] = true
		}
		out = append(out, us...)
	}
	return out, nil
}

// secName is how the text cites a level-1 section: its number, or for an
// unnumbered part its title.
func secName(s *model.Section) string {
	if s.Number != "" {
		return s.Number
	}
	return s.Title
}

func sectionUnits(s *model.Section) ([]Unit, error) {
	if onlySignatures(s) {
		return nil, nil
	}
	sec := secName(s)
	out := []Unit{{Address{Sec: sec, Part: PartHeading}, []Line{{Kind: LineText, Text: s.Title}}}}
	if err := bodyUnits(s.Blocks, sec, "", &out); err != nil {
		return nil, err
	}
	return out, nil
}

func onlySignatures(s *model.Section) bool {
	sig := false
	for _, b := range s.Blocks {
		switch b.(type) {
		case *model.Signatures:
			sig = true
		case *model.PageBreak:
		default:
			return false
		}
	}
	return sig
}

func bodyUnits(bs []model.Block, sec, sub string, out *[]Unit) error {
	var cur *Unit
	flush := func() {
		if cur != nil && len(cur.Lines) > 0 && !ausfertigungen(*cur) {
			*out = append(*out, *cur)
		}
		cur = nil
	}
	for _, b := range bs {
		switch n := b.(type) {
		case *model.Section:
			flush()
			path := n.Title
			if sub != "" {
				path = sub + " / " + n.Title
			}
			*out = append(*out, Unit{Address{Sec: sec, Sub: path, Part: PartHeading}, []Line{{Kind: LineText, Text: n.Title}}})
			if err := bodyUnits(n.Blocks, sec, path, out); err != nil {
				return err
			}
			continue
		case *model.Paragraph:
			if n.Number != "" {
				flush()
				cur = &Unit{Address: Address{Sec: sec, Sub: sub, Part: PartBody, Abs: strings.Trim(n.Number, "()")}}
			}
		case *model.PageBreak, *model.Signatures:
			continue
		}
		if cur == nil {
			cur = &Unit{Address: Address{Sec: sec, Sub: sub, Part: PartBody}}
		}
		lines, err := blockLines(b, "")
		if err != nil {
			return err
		}
		cur.Lines = append(cur.Lines, lines...)
	}
	flush()
	return nil
}

// ausfertigungenSentence is the sentence of the clause „Ausfertigungen
// und Inkrafttreten“ that counts the copies executed
// (templates/vereinbarung/klauseln/inkrafttreten.md.tmpl).
var ausfertigungenSentence = regexp.MustCompile(`^Diese Vereinbarung wird in \S+ gleichlautenden Ausfertigungen unterzeichnet`)

// ausfertigungen reports whether a unit is the Ausfertigungen sentence
// alone: how many copies the original was executed in is a fact of its
// signature, no part of the text an amendment changes (see the package
// comment).
func ausfertigungen(u Unit) bool {
	return u.Part == PartBody && len(u.Lines) == 1 && u.Lines[0].Kind == LineText && ausfertigungenSentence.MatchString(u.Lines[0].Text)
}

func blockLines(b model.Block, prefix string) ([]Line, error) {
	switch n := b.(type) {
	case *model.Paragraph:
		if prefix != "" {
			return []Line{{Kind: LineItem, Label: prefix, Text: model.PlainText(n.Inlines)}}, nil
		}
		return []Line{{Kind: LineText, Text: model.PlainText(n.Inlines)}}, nil
	case *model.List:
		var out []Line
		for _, it := range n.Items {
			label := strings.TrimSpace(prefix + " " + it.Label)
			for k, ib := range it.Blocks {
				ls, err := blockLines(ib, label)
				if err != nil {
					return nil, err
				}
				if k > 0 {
					for j := range ls {
						if ls[j].Kind == LineItem && ls[j].Label == label {
							ls[j].Label = label + " +" // a further paragraph of the item
						}
					}
				}
				out = append(out, ls...)
			}
		}
		return out, nil
	case *model.Table:
		var out []Line
		if n.Caption != "" {
			out = append(out, Line{Kind: LineCaption, Text: n.Caption})
		}
		for _, r := range n.Header {
			out = append(out, Line{Kind: LineHeader, Cells: cells(r)})
		}
		for _, r := range n.Rows {
			k := LineRow
			if r.Total {
				k = LineTotal
			}
			out = append(out, Line{Kind: k, Cells: cells(r)})
		}
		if len(out) > 0 {
			out[0].Table = true
			out[0].Format = &TableFormat{ID: n.ID, Widths: n.Widths, Aligns: n.Aligns}
		}
		return out, nil
	case *model.Chart:
		var parts []string
		if n.Title != "" {
			parts = append(parts, n.Title)
		}
		for _, bar := range n.Bars {
			parts = append(parts, bar.Label+": "+bar.Text)
		}
		return []Line{{Kind: LineChart, Text: strings.Join(parts, "\n")}}, nil
	case nil:
		return nil, fmt.Errorf("aenderung: %w: leerer Block", model.ErrUnknownNode)
	}
	return nil, model.UnknownBlock(b)
}

func cells(r model.Row) []string {
	out := make([]string, len(r.Cells))
	for i, c := range r.Cells {
		out[i] = model.PlainText(c.Inlines)
	}
	return out
}

// Compare returns nil when the two text forms are the same, else an error
// naming the first unit in which they differ.
func Compare(got, want []Unit) error {
	for i := 0; i < len(got) || i < len(want); i++ {
		switch {
		case i >= len(got):
			return fmt.Errorf("%w: es fehlt %s", ErrRoundTrip, want[i].Address)
		case i >= len(want):
			return fmt.Errorf("%w: überzählig %s", ErrRoundTrip, got[i].Address)
		case got[i].Address != want[i].Address:
			return fmt.Errorf("%w: an Stelle %d steht %s statt %s", ErrRoundTrip, i+1, got[i].Address, want[i].Address)
		case !sameLines(got[i].Lines, want[i].Lines):
			return fmt.Errorf("%w: %s lautet „%s“ statt „%s“", ErrRoundTrip, got[i].Address, clip(got[i].Text()), clip(want[i].Text()))
		}
	}
	return nil
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 200 {
		return string(r[:200]) + " …"
	}
	return s
}

func sameLines(a, b []Line) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Kind != b[i].Kind || a[i].Label != b[i].Label || a[i].Text != b[i].Text || a[i].Table != b[i].Table || len(a[i].Cells) != len(b[i].Cells) || (a[i].Cells == nil) != (b[i].Cells == nil) {
			return false
		}
		for k := range a[i].Cells {
			if a[i].Cells[k] != b[i].Cells[k] {
				return false
			}
		}
	}
	return true
}
