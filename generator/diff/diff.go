// Package diff compares two document models clause by clause, the way a
// legal reviewer reads them: clauses are aligned by their stable id (or,
// failing that, by heading text), paragraphs inside a clause by content,
// words inside a paragraph, and tables cell by cell under their row label
// and column header. A clause that changed place is reported as moved
// ("verschoben"), not as deleted and inserted; renumbering alone ("§ 5"
// becomes "§ 6" with the same content) is no change of content and is
// reported only as information.
//
// Alignment follows difflib's SequenceMatcher throughout, within a bound
// of steps per comparison (see match.go): inputs on which it would take
// too long get a minimal edit script, or their differing middle replaced
// whole. It imports only the model (and difflib's types).
package diff

import (
	"fmt"
	"strings"

	"github.com/vereinbar/vereinbar/generator/model"
)

// Kind is the kind of a change, in the reviewer's language.
type Kind string

// Kinds of change.
const (
	Inserted Kind = "eingefügt"
	Deleted  Kind = "gelöscht"
	Changed  Kind = "geändert"
	Moved    Kind = "verschoben"
)

// Location names where a change is: clause, paragraph, table cell.
type Location struct {
	ClauseID  string `json:"klausel_id,omitempty"`
	Clause    string `json:"klausel,omitempty"` // "§ 7 Kostenverteilung" (NEW's heading; OLD's for deletions)
	Number    string `json:"nummer,omitempty"`  // "§ 7"; "" for unnumbered parts
	Paragraph string `json:"absatz,omitempty"`  // "(2)", a list label, or "Überschrift"
	Table     string `json:"tabelle,omitempty"` // caption or id; "Tabelle" when neither
	Row       string `json:"zeile,omitempty"`   // first cell of the row
	Column    string `json:"spalte,omitempty"`  // column header
	What      string `json:"element,omitempty"` // "Absatz", "Listenpunkt", "Tabelle", "Diagramm", "Unterschriften", "Klausel"
}

// String formats the location as reviewers cite it:
// "§ 7 Kostenverteilung, Tabelle, Zeile Sachsen-Anhalt, Spalte 2028".
func (l Location) String() string {
	var parts []string
	if l.Number != "" && l.What != "Klausel" {
		parts = append(parts, l.Number)
	} else if l.Clause != "" {
		parts = append(parts, l.Clause)
	} else {
		parts = append(parts, "Kopf")
	}
	if l.Paragraph != "" {
		if l.What != "Absatz" {
			parts = append(parts, l.Paragraph)
		} else {
			parts = append(parts, "Abs. "+l.Paragraph)
		}
	} else if l.What != "" && l.What != "Absatz" && l.What != "Klausel" && l.Table == "" {
		parts = append(parts, l.What)
	}
	if l.Table != "" {
		parts = append(parts, l.Table)
	}
	if l.Row != "" {
		parts = append(parts, "Zeile "+l.Row)
	}
	if l.Column != "" {
		parts = append(parts, "Spalte "+l.Column)
	}
	return strings.Join(parts, ", ")
}

// Op is the operation of a word-level segment.
type Op string

// Segment operations.
const (
	Equal  Op = "="
	Insert Op = "+"
	Delete Op = "-"
)

// Segment is a piece of text that is equal, inserted or deleted.
type Segment struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// Change is one difference between OLD and NEW.
type Change struct {
	Kind     Kind      `json:"art"`
	Loc      Location  `json:"ort"`
	Old      string    `json:"alt,omitempty"`
	New      string    `json:"neu,omitempty"`
	Segments []Segment `json:"segmente,omitempty"` // word level, for Changed text
}

// String formats the change on one line:
// "§ 7, Tabelle, Zeile Sachsen-Anhalt, Spalte 2028: 11.420,00 → 11.532,17".
func (c Change) String() string {
	switch c.Kind {
	case Inserted:
		return fmt.Sprintf("%s: eingefügt: %s", c.Loc, short(c.New))
	case Deleted:
		return fmt.Sprintf("%s: gelöscht: %s", c.Loc, short(c.Old))
	case Moved:
		return fmt.Sprintf("%s: verschoben (%s)", c.Loc, c.Old+" → "+c.New)
	}
	return fmt.Sprintf("%s: %s → %s", c.Loc, short(c.Old), short(c.New))
}

func short(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 200 {
		return string(r[:200]) + " …"
	}
	return s
}

// Result is the outcome of Compare.
type Result struct {
	Changes []Change `json:"aenderungen"`
	// Info lists what is no change of content, e.g. renumbered clauses.
	Info []string `json:"hinweise,omitempty"`
}

// Empty reports whether no change of content was found.
func (r *Result) Empty() bool { return len(r.Changes) == 0 }

// Compare returns the changes from old to new. A panic inside, which would
// be a bug of this package, becomes an error.
func Compare(old, new *model.Document) (res *Result, err error) {
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("diff: interner Fehler: %v", p)
		}
	}()
	if old == nil || new == nil {
		return nil, fmt.Errorf("diff: kein Dokument")
	}
	mt := newMatcher()
	a, err := align(mt, old, new)
	if err != nil {
		return nil, err
	}
	res = &Result{Changes: []Change{}}
	for _, p := range a.pairs {
		res.add(mt, p)
	}
	return res, nil
}

func (r *Result) add(mt *matcher, p clausePair) {
	switch {
	case p.old == nil:
		r.Changes = append(r.Changes, Change{Kind: Inserted, Loc: p.new.loc("Klausel"), New: p.new.text()})
		return
	case p.new == nil:
		r.Changes = append(r.Changes, Change{Kind: Deleted, Loc: p.old.loc("Klausel"), Old: p.old.text()})
		return
	}
	if p.moved {
		r.Changes = append(r.Changes, Change{Kind: Moved, Loc: p.new.loc("Klausel"), Old: p.old.heading, New: p.new.heading})
	} else if p.old.number != p.new.number {
		r.Info = append(r.Info, fmt.Sprintf("%s: neu nummeriert (%s → %s)", p.new.title, orDash(p.old.number), orDash(p.new.number)))
	}
	if p.old.title != p.new.title {
		l := p.new.loc("Überschrift")
		l.Paragraph = "Überschrift"
		r.Changes = append(r.Changes, mt.changed(l, p.old.title, p.new.title))
	}
	for _, ip := range p.items {
		r.addItem(mt, p, ip)
	}
}

func orDash(s string) string {
	if s == "" {
		return "ohne Nummer"
	}
	return s
}

func (r *Result) addItem(mt *matcher, p clausePair, ip itemPair) {
	switch {
	case ip.old == nil:
		r.Changes = append(r.Changes, Change{Kind: Inserted, Loc: ip.new.loc(p.new), New: ip.new.text})
	case ip.new == nil:
		r.Changes = append(r.Changes, Change{Kind: Deleted, Loc: ip.old.loc(p.old), Old: ip.old.text})
	case ip.old.text == ip.new.text:
	case ip.old.table != nil && ip.new.table != nil:
		r.Changes = append(r.Changes, mt.tableChanges(ip.new.loc(p.new), ip.old.table, ip.new.table)...)
	default:
		r.Changes = append(r.Changes, mt.changed(ip.new.loc(p.new), ip.old.text, ip.new.text))
	}
}

func (mt *matcher) changed(l Location, old, new string) Change {
	return Change{Kind: Changed, Loc: l, Old: old, New: new, Segments: mt.words(old, new)}
}

// Words returns the word-level difference of two texts. Words and the
// white space between them are separate tokens, so joining the Equal and
// Delete segments gives old and joining Equal and Insert gives new. The
// work is bounded (see match.go): two long texts with few words in
// common may come back as their differing middle replaced whole.
func Words(old, new string) []Segment { return newMatcher().words(old, new) }

func (mt *matcher) words(old, new string) []Segment {
	a, b := tokens(old), tokens(new)
	var segs []Segment
	emit := func(op Op, ts []string) {
		if len(ts) == 0 {
			return
		}
		s := strings.Join(ts, "")
		if n := len(segs); n > 0 && segs[n-1].Op == op {
			segs[n-1].Text += s
			return
		}
		segs = append(segs, Segment{Op: op, Text: s})
	}
	for _, oc := range mt.opcodes(a, b) {
		switch oc.Tag {
		case 'e':
			emit(Equal, a[oc.I1:oc.I2])
		case 'd':
			emit(Delete, a[oc.I1:oc.I2])
		case 'i':
			emit(Insert, b[oc.J1:oc.J2])
		case 'r':
			emit(Delete, a[oc.I1:oc.I2])
			emit(Insert, b[oc.J1:oc.J2])
		}
	}
	return joinChanges(segs)
}

// joinChanges folds white space between two changed words into the
// change, so "[-„BAföG-] [-Digital“-]" reads as one deleted phrase and
// one inserted phrase.
func joinChanges(segs []Segment) []Segment {
	var out []Segment
	var del, ins strings.Builder
	pending := false
	flush := func() {
		if del.Len() > 0 {
			out = append(out, Segment{Op: Delete, Text: del.String()})
		}
		if ins.Len() > 0 {
			out = append(out, Segment{Op: Insert, Text: ins.String()})
		}
		del.Reset()
		ins.Reset()
		pending = false
	}
	for i, s := range segs {
		switch {
		case s.Op == Delete:
			del.WriteString(s.Text)
			pending = true
		case s.Op == Insert:
			ins.WriteString(s.Text)
			pending = true
		case pending && strings.TrimSpace(s.Text) == "" && i+1 < len(segs):
			del.WriteString(s.Text)
			ins.WriteString(s.Text)
		default:
			flush()
			out = append(out, s)
		}
	}
	flush()
	return out
}

// tokens splits s into runs of white space and runs of other characters.
func tokens(s string) []string {
	var out []string
	start := 0
	space := false
	for i, r := range s {
		sp := r == ' ' || r == '\t' || r == '\n' || r == '\u00a0' || r == '\u202f'
		if i > start && sp != space {
			out = append(out, s[start:i])
			start = i
		}
		space = sp
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
