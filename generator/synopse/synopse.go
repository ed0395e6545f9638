// Package synopse builds the Synopse of two versions of an agreement: the
// two-column table "Bisherige Fassung" | "Neue Fassung" that German
// ministries circulate for review with an amendment, clause by clause and
// one row per unit (heading, paragraph, list item, table), with the
// changes marked: deleted words struck through in the
// left column, inserted words in bold in the right one.
//
// It reads the changes with diff.Align and diff.Words, the alignment of
// clauses that diff, the redline and the amendment share (no second diff
// engine), and imports only the model and diff. The text frame (title,
// introduction) comes from the caller as model blocks, built from
// templates/synopse/ by the facade.
package synopse

import (
	"fmt"
	"strings"

	"github.com/vereinbar/vereinbar/generator/diff"
	"github.com/vereinbar/vereinbar/generator/model"
)

// Options are the parts of a Synopse that do not come from the two
// versions.
type Options struct {
	// Meta are the properties of the Synopse (kind, title, running
	// header, date, draft mark). Build sets the page: A4 landscape, so
	// that each column is about as wide as the text of a portrait page's
	// half and a table row of the cost plan fits on a line or two.
	Meta model.Meta
	// Head are the blocks before the table: title and introduction.
	Head []model.Block
	// Labels are the fixed words of the table; zero fields take those of
	// DefaultLabels.
	Labels Labels
	// NotAmended reports a unit of alt that the amendment does not amend
	// although the new version's text differs (the Eingang, the
	// Ausfertigungen sentence: facts of the signed original). Such a unit
	// stands as in alt, "unverändert"; a unit only neu has in its place
	// is left out. nil: every unit is compared.
	NotAmended func(c *diff.Clause, it *diff.Item) bool
	// HeadNote follows "unverändert" on the row of the part before the
	// first clause (title and Eingang), e.g. where the amendment states
	// accession and exit; "" for none.
	HeadNote string
}

// Labels are the fixed words of the table. They are terms of the form,
// not sentences, and stay constants here (the sentences of the frame are
// templates); a caller may still replace each.
type Labels struct {
	Old       string // header of the left column: "Bisherige Fassung"
	New       string // header of the right column: "Neue Fassung"
	Unchanged string // a unit whose text stays: "unverändert"
	Dropped   string // a unit the new version no longer has: "entfällt"
	Moved     string // a clause that changed place: "verschoben"
	Head      string // the part before the first clause (title, parties): "Überschrift und Eingang"
	// Signatures stands for the signature blocks, which the Synopse
	// leaves out: "nicht Gegenstand der Änderung".
	Signatures string
	// SignaturesRow names them in a clause that holds more than the
	// signatures: "Unterschriften".
	SignaturesRow string
}

// DefaultLabels returns the words of the Synopse as the Bundestag's and the
// ministries' Gegenüberstellungen use them: "unverändert" in the right
// column for a unit that stays as it was, "entfällt" for one that goes.
func DefaultLabels() Labels {
	return Labels{
		Old:       "Bisherige Fassung",
		New:       "Neue Fassung",
		Unchanged: "unverändert",
		Dropped:   "entfällt",
		Moved:     "verschoben",
		Head:      "Überschrift und Eingang",

		Signatures:    "nicht Gegenstand der Änderung",
		SignaturesRow: "Unterschriften",
	}
}

// TableID is the id of the Synopse's table.
const TableID = "synopse"

// HeadingShade is the background of a clause's heading row, which sets
// the clauses apart in the long table.
const HeadingShade = "E7E6E6"

// maxLines is the most lines of a table (or chart) one row of
// the Synopse holds: rows never split across pages, so a long cost plan
// continues in the next row, broken where both versions have a line in
// common.
const maxLines = 12

// Build returns the Synopse of alt (the version in force) and neu (the
// new one), in neu's order of clauses; a clause neu no longer has stands
// where alt had it.
//
//   - A clause whose units are all unchanged is one row: its heading on
//     the left, its heading and "(unverändert)" on the right (a changed
//     number or title is marked).
//   - A changed clause is a heading row and then one row per unit: the
//     old text on the left with deleted words struck, the new text on
//     the right with inserted words in bold. A unit that stays is "(2)
//     unverändert" on the right, one that goes "(2) entfällt"; a new one
//     has an empty left cell and is bold on the right.
//   - A clause only alt has: struck on the left, "(entfällt)" on the
//     right; a clause only neu has: empty on the left, bold on the right.
//   - A unit counts as part of its Absatz (the numbered paragraph and
//     the lists and tables after it, as the amendment replaces it): when
//     any unit of an Absatz changed, every unit of it stands in full on
//     both sides, none is "unverändert".
//   - Tables and charts are their rows as lines, cells separated by
//     " | " (the text diff compares); a long one is split over several
//     rows of the Synopse.
//   - Signature blocks are left out: they are no part of the text an
//     amendment changes. Where they stood, one row says so ("Unterschriften
//     (nicht Gegenstand der Änderung)").
//
// A panic inside, which would be a bug of this package, becomes an error.
func Build(alt, neu *model.Document, o Options) (doc *model.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("Synopse: interner Fehler: %v", p)
		}
	}()
	a, err := diff.Align(alt, neu)
	if err != nil {
		return nil, fmt.Errorf("Synopse: %w", err)
	}
	b := &builder{l: o.Labels.withDefaults(), parents: map[*model.Section]*model.Section{}, headNote: o.HeadNote, changedBelow: map[*model.Section]bool{}}
	for _, d := range []*model.Document{alt, neu} {
		if err := model.Walk(d, func(bl model.Block, secs []*model.Section) error {
			if s, ok := bl.(*model.Section); ok && len(secs) > 0 {
				b.parents[s] = secs[len(secs)-1]
			}
			return nil
		}); err != nil {
			return nil, fmt.Errorf("Synopse: %w", err)
		}
	}
	pairs := make([]diff.ClausePair, len(a.Pairs))
	for i, p := range a.Pairs {
		pairs[i] = notAmended(p, o.NotAmended)
	}
	// A heading whose sub-sections change is no "unverändert" heading.
	for _, p := range pairs {
		if pairChanged(p) {
			for _, c := range []*diff.Clause{p.Old, p.New} {
				if c == nil || c.Section == nil {
					continue
				}
				for s := b.parents[c.Section]; s != nil; s = b.parents[s] {
					b.changedBelow[s] = true
				}
			}
		}
	}
	for _, p := range pairs {
		b.clause(p)
	}
	t := &model.Table{
		ID:     TableID,
		Widths: []int{1, 1},
		Aligns: []model.Align{model.AlignLeft, model.AlignLeft},
		Header: []model.Row{{Cells: []model.Cell{{Inlines: plain(b.l.Old)}, {Inlines: plain(b.l.New)}}}},
		Rows:   b.rows,
	}
	if len(t.Rows) == 0 {
		return nil, fmt.Errorf("Synopse: beide Fassungen sind leer")
	}
	m := o.Meta
	m.Page, m.Landscape = model.PageA4, true
	blocks := append(append([]model.Block(nil), o.Head...), t)
	return &model.Document{Meta: m, Blocks: blocks}, nil
}

func (l Labels) withDefaults() Labels {
	d := DefaultLabels()
	if l.Old == "" {
		l.Old = d.Old
	}
	if l.New == "" {
		l.New = d.New
	}
	if l.Unchanged == "" {
		l.Unchanged = d.Unchanged
	}
	if l.Dropped == "" {
		l.Dropped = d.Dropped
	}
	if l.Moved == "" {
		l.Moved = d.Moved
	}
	if l.Head == "" {
		l.Head = d.Head
	}
	if l.Signatures == "" {
		l.Signatures = d.Signatures
	}
	if l.SignaturesRow == "" {
		l.SignaturesRow = d.SignaturesRow
	}
	return l
}

type builder struct {
	l            Labels
	headNote     string
	changedBelow map[*model.Section]bool // sections with a changed sub-section
	rows         []model.Row
	parents      map[*model.Section]*model.Section // a sub-heading's enclosing section
}

func plain(s string) []model.Inline { return []model.Inline{model.Text{Text: s}} }

// heading is the heading of a clause as the Synopse shows it; a
// sub-heading with the number (or title) of its section before it,
// "Anlage 2 – Servicezeiten", since the table shows it out of its
// context.
func (b *builder) heading(c *diff.Clause) string {
	if c.Section == nil {
		return b.l.Head
	}
	if p := b.parents[c.Section]; p != nil {
		name := p.Number
		if name == "" {
			name = p.Title
		}
		return name + " – " + c.Heading
	}
	return c.Heading
}

// clause adds the rows of one pair of clauses.
func (b *builder) clause(p diff.ClausePair) {
	p, sigs := withoutSignatures(p)
	if sigs {
		defer b.signatureNote(p)
	}
	switch {
	case sigs && len(p.Items) == 0 && (p.Old == nil || len(p.Old.Items) == 0) && (p.New == nil || len(p.New.Items) == 0):
		return // the clause holds the signatures only: signatureNote says it
	}
	switch {
	case p.New == nil:
		b.headingRow(segs(diff.Delete, b.heading(p.Old)), b.l.Dropped)
		for _, it := range p.Old.Items {
			b.one(diff.Delete, labelled(it), nil)
		}
		return
	case p.Old == nil:
		b.headingRow(segs(diff.Insert, b.heading(p.New)), "")
		for _, it := range p.New.Items {
			b.one(diff.Insert, labelled(it), nil)
		}
		return
	}
	var notes []string
	if p.Moved {
		notes = append(notes, b.l.Moved)
	}
	oh, nh := b.heading(p.Old), b.heading(p.New)
	hs := segs(diff.Equal, nh)
	if oh != nh {
		hs = diff.Words(oh, nh)
	}
	if unchanged(p.Items) && !b.changedBelow[p.New.Section] && (p.Old.Section == nil || !b.changedBelow[p.Old.Section]) {
		u := b.l.Unchanged
		if p.New.Section == nil && b.headNote != "" {
			u += "; " + b.headNote
		}
		b.headingRow(hs, strings.Join(append(notes, u), "; "))
		return
	}
	if p.New.Section == nil && b.headNote != "" {
		notes = append(notes, b.headNote)
	}
	b.headingRow(hs, strings.Join(notes, "; "))
	for _, g := range absaetze(p.Items) {
		// The title and the parties before the first clause are no
		// Absatz: a party that joins leaves the others "unverändert".
		whole := p.New.Section != nil && textChanged(g)
		for _, ip := range g {
			b.item(ip, whole)
		}
	}
}

// notAmended returns the pair of clauses with every unit that is not
// amended (see Options.NotAmended) set as in alt on both sides, and the
// units only neu has in their place left out.
func notAmended(p diff.ClausePair, f func(*diff.Clause, *diff.Item) bool) diff.ClausePair {
	if f == nil || p.Old == nil || p.New == nil {
		return p
	}
	out := p
	out.Items = nil
	for _, ip := range p.Items {
		switch {
		case ip.Old != nil && f(p.Old, ip.Old):
			out.Items = append(out.Items, diff.ItemPair{Old: ip.Old, New: ip.Old})
			if ip.New != nil && !f(p.New, ip.New) {
				out.Items = append(out.Items, diff.ItemPair{New: ip.New})
			}
		case ip.Old == nil && f(p.New, ip.New):
			// neu's text of a unit not amended: the Synopse keeps alt's
		default:
			out.Items = append(out.Items, ip)
		}
	}
	return out
}

// pairChanged reports whether a pair of clauses shows a change: a clause
// that comes or goes, a changed heading or unit.
func pairChanged(p diff.ClausePair) bool {
	if p.Old == nil || p.New == nil {
		return true
	}
	p, _ = withoutSignatures(p)
	return p.Old.Heading != p.New.Heading || !unchanged(p.Items)
}

// withoutSignatures returns the pair of clauses without its signature
// blocks, and whether it had any. Signatures are no part of the text an
// amendment changes (package aenderung leaves them out of its units
// too): the agreement keeps its signatures, the amendment is signed
// anew, so pairing the blocks of the two versions would compare what
// nobody amends.
func withoutSignatures(p diff.ClausePair) (diff.ClausePair, bool) {
	sigs := false
	strip := func(c *diff.Clause) *diff.Clause {
		if c == nil {
			return nil
		}
		var items []*diff.Item
		for _, it := range c.Items {
			if it.What == "Unterschrift" {
				sigs = true
				continue
			}
			items = append(items, it)
		}
		cc := *c
		cc.Items = items
		return &cc
	}
	out := p
	out.Old, out.New = strip(p.Old), strip(p.New)
	out.Items = nil
	for _, ip := range p.Items {
		if (ip.Old != nil && ip.Old.What == "Unterschrift") || (ip.New != nil && ip.New.What == "Unterschrift") {
			sigs = true
			continue
		}
		out.Items = append(out.Items, ip)
	}
	return out, sigs
}

// signatureNote adds the row that stands for the signature blocks of a
// clause: "Unterschriften" on the left, "(nicht Gegenstand der Änderung)"
// on the right; in a clause that holds nothing else (the section
// "Unterschriften") it is the clause's shaded heading row.
func (b *builder) signatureNote(p diff.ClausePair) {
	c := p.New
	if c == nil {
		c = p.Old
	}
	if len(c.Items) == 0 {
		h := b.heading(c)
		b.headingRow(segs(diff.Equal, h), b.l.Signatures)
		return
	}
	b.rows = append(b.rows, model.Row{Cells: []model.Cell{
		{Inlines: plain(b.l.SignaturesRow)},
		{Inlines: []model.Inline{model.Text{Text: b.l.SignaturesRow + " ("}, model.Text{Text: b.l.Signatures, Italic: true}, model.Text{Text: ")"}}},
	}})
}

// absaetze groups the units of a pair of clauses by Absatz as the
// amendment addresses them (aenderung.Units): a numbered paragraph with
// the lists, tables and unnumbered paragraphs that follow it up to the
// next numbered paragraph; what stands before the first numbered
// paragraph is a group of its own.
func absaetze(items []diff.ItemPair) [][]diff.ItemPair {
	var out [][]diff.ItemPair
	for _, ip := range items {
		if len(out) == 0 || numbered(ip.Old) || numbered(ip.New) {
			out = append(out, nil)
		}
		out[len(out)-1] = append(out[len(out)-1], ip)
	}
	return out
}

// numbered reports whether an item is a numbered paragraph, "(2) …",
// the start of an Absatz.
func numbered(it *diff.Item) bool {
	return it != nil && it.What == "Absatz" && it.Label != ""
}

// unchanged reports whether every unit of a pair of clauses stayed as it
// was, numbers included.
func unchanged(items []diff.ItemPair) bool {
	for _, ip := range items {
		if ip.Old == nil || ip.New == nil || ip.Old.Text != ip.New.Text || ip.Old.Label != ip.New.Label {
			return false
		}
	}
	return true
}

// textChanged reports whether the text of a unit of an Absatz changed,
// or a unit came or went; a new number alone is no change of the text
// (the Synopse marks it on "(3) unverändert").
func textChanged(items []diff.ItemPair) bool {
	for _, ip := range items {
		if ip.Old == nil || ip.New == nil || ip.Old.Text != ip.New.Text {
			return true
		}
	}
	return false
}

// headingRow adds the shaded row of a clause's heading; note, when set,
// follows the heading on the right in parentheses.
func (b *builder) headingRow(hs []diff.Segment, note string) {
	left, right := sides(hs)
	if len(right) > 0 && note != "" {
		right = append(right, model.Text{Text: " ("}, model.Text{Text: note, Italic: true}, model.Text{Text: ")"})
	}
	if len(right) == 0 && note != "" {
		// The clause goes: its heading again on the right, then the note.
		right = append(plainOf(hs), model.Text{Text: " ("}, model.Text{Text: note, Italic: true}, model.Text{Text: ")"})
	}
	b.rows = append(b.rows, model.Row{Cells: []model.Cell{{Inlines: left, Shade: HeadingShade}, {Inlines: right, Shade: HeadingShade}}})
}

// plainOf is the old text of segments, unmarked.
func plainOf(ss []diff.Segment) []model.Inline {
	var sb strings.Builder
	for _, s := range ss {
		if s.Op != diff.Insert {
			sb.WriteString(s.Text)
		}
	}
	return plain(sb.String())
}

// displayLabel is the label a unit shows before its text: a paragraph's
// number, a list item's own label; tables and charts
// show none (their text names them).
func displayLabel(it *diff.Item) string {
	switch it.What {
	case "Absatz":
		return it.Label
	case "Listenpunkt":
		return it.Own
	}
	return ""
}

// labelled is a unit's text with its label before it.
func labelled(it *diff.Item) string {
	if l := displayLabel(it); l != "" {
		return l + " " + it.Text
	}
	return it.Text
}

// item adds the rows of one pair of units of a changed clause. whole
// says that the unit belongs to an Absatz that changed elsewhere (its
// table or list): then a unit that stays is shown in full on both sides,
// not as "(2) unverändert", since the amendment replaces the Absatz with
// all that belongs to it.
func (b *builder) item(ip diff.ItemPair, whole bool) {
	switch {
	case ip.New == nil:
		b.one(diff.Delete, labelled(ip.Old), labelNote(displayLabel(ip.Old), b.l.Dropped))
	case ip.Old == nil:
		b.one(diff.Insert, labelled(ip.New), nil)
	case ip.Old.Text == ip.New.Text && !whole:
		ol, nl := displayLabel(ip.Old), displayLabel(ip.New)
		note := []model.Inline{model.Text{Text: b.l.Unchanged, Italic: true}}
		if nl != "" {
			var lab []model.Inline
			if ol != nl {
				_, lab = sides(diff.Words(ol, nl))
			} else {
				lab = plain(nl)
			}
			note = append(append(lab, model.Text{Text: " "}), note...)
		}
		for i, c := range chunks(segs(diff.Equal, labelled(ip.Old))) {
			left, _ := sides(c)
			var right []model.Inline
			if i == 0 {
				right = note
			}
			b.rows = append(b.rows, model.Row{Cells: []model.Cell{{Inlines: left}, {Inlines: right}}})
		}
	default:
		var ss []diff.Segment
		if ip.Old.What == "Tabelle" && ip.New.What == "Tabelle" {
			ss = tableWords(ip.Old.Text, ip.New.Text)
		} else {
			ss = diff.Words(labelled(ip.Old), labelled(ip.New))
		}
		for _, c := range chunks(ss) {
			left, right := sides(c)
			b.rows = append(b.rows, model.Row{Cells: []model.Cell{{Inlines: left}, {Inlines: right}}})
		}
	}
}

// tableWords is the difference of two tables given as their rows (one a
// line, cells separated by " | "): row by row, so that a row only one
// version has is struck or bold as a whole, and words are compared only
// within a row both versions have — the same row when its first cell
// (the Land, the position) is the same, or both are the caption. The rows are aligned with
// diff.Words on one token per distinct row, the alignment the rest of
// the Synopse uses.
func tableWords(old, neu string) []diff.Segment {
	ol, nl := strings.Split(old, "\n"), strings.Split(neu, "\n")
	ids := map[string]string{}
	tok := func(rows []string) string {
		ts := make([]string, len(rows))
		for i, r := range rows {
			id, ok := ids[r]
			if !ok {
				id = fmt.Sprintf("r%d", len(ids))
				ids[r] = id
			}
			ts[i] = id
		}
		return strings.Join(ts, "\n")
	}
	var out []diff.Segment
	add := func(op diff.Op, text string) {
		if text == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += text
			return
		}
		out = append(out, diff.Segment{Op: op, Text: text})
	}
	var lStarted, rStarted bool
	// sep adds the line feed before a row on the sides it stands on.
	sep := func(left, right bool) {
		switch {
		case left && right && lStarted && rStarted:
			add(diff.Equal, "\n")
		default:
			if left && lStarted {
				add(diff.Delete, "\n")
			}
			if right && rStarted {
				add(diff.Insert, "\n")
			}
		}
		lStarted, rStarted = lStarted || left, rStarted || right
	}
	var dels, ins []string
	flush := func() {
		j := 0
		for _, d := range dels {
			k := -1
			for m := j; m < len(ins); m++ {
				if rowKey(ins[m]) == rowKey(d) {
					k = m
					break
				}
			}
			if k < 0 {
				sep(true, false)
				add(diff.Delete, d)
				continue
			}
			for ; j < k; j++ {
				sep(false, true)
				add(diff.Insert, ins[j])
			}
			sep(true, true)
			for _, sg := range diff.Words(d, ins[k]) {
				add(sg.Op, sg.Text)
			}
			j = k + 1
		}
		for ; j < len(ins); j++ {
			sep(false, true)
			add(diff.Insert, ins[j])
		}
		dels, ins = nil, nil
	}
	oi, ni := 0, 0
	for _, sg := range diff.Words(tok(ol), tok(nl)) {
		n := len(strings.Fields(sg.Text))
		switch sg.Op {
		case diff.Equal:
			flush()
			for k := 0; k < n; k++ {
				sep(true, true)
				add(diff.Equal, ol[oi])
				oi++
				ni++
			}
		case diff.Delete:
			dels = append(dels, ol[oi:oi+n]...)
			oi += n
		case diff.Insert:
			ins = append(ins, nl[ni:ni+n]...)
			ni += n
		}
	}
	flush()
	return out
}

// rowKey is the first cell of a table row; a line without cells (the
// caption) has a key of its own, so that two captions are compared word
// by word.
func rowKey(row string) string {
	k, _, ok := strings.Cut(row, " | ")
	if !ok {
		return "\x00caption"
	}
	return strings.TrimSpace(k)
}

// labelNote is "(2) entfällt", or the word alone for a unit without a
// label.
func labelNote(label, word string) []model.Inline {
	note := []model.Inline{model.Text{Text: word, Italic: true}}
	if label == "" {
		return note
	}
	return append([]model.Inline{model.Text{Text: label + " "}}, note...)
}

// one adds the rows of a unit only one version has: op diff.Delete for
// one alt has (struck on the left, note on the right), diff.Insert for
// one neu has (bold on the right).
func (b *builder) one(op diff.Op, text string, note []model.Inline) {
	for i, c := range chunks(segs(op, text)) {
		left, right := sides(c)
		if i == 0 && op == diff.Delete {
			right = note
		}
		b.rows = append(b.rows, model.Row{Cells: []model.Cell{{Inlines: left}, {Inlines: right}}})
	}
}

func segs(op diff.Op, s string) []diff.Segment {
	if s == "" {
		return nil
	}
	return []diff.Segment{{Op: op, Text: s}}
}

// chunks splits segments into parts of at most maxLines lines, each
// broken after a line break that both versions share (one in an Equal
// segment, or any in a unit only one version has), so the parts of the
// left and the right column stay side by side.
func chunks(ss []diff.Segment) [][]diff.Segment {
	oneSided := true
	for _, s := range ss {
		if s.Op == diff.Equal || (s.Op != ss[0].Op) {
			oneSided = false
		}
	}
	var out [][]diff.Segment
	var cur []diff.Segment
	lines := 1
	for _, s := range ss {
		text := s.Text
		for {
			i := strings.IndexByte(text, '\n')
			if i < 0 {
				break
			}
			shared := s.Op == diff.Equal || oneSided
			if shared && lines >= maxLines {
				if i > 0 {
					cur = append(cur, diff.Segment{Op: s.Op, Text: text[:i]})
				}
				out = append(out, cur)
				cur, lines = nil, 1
				text = text[i+1:]
				continue
			}
			lines++
			cur = append(cur, diff.Segment{Op: s.Op, Text: text[:i+1]})
			text = text[i+1:]
		}
		if text != "" {
			cur = append(cur, diff.Segment{Op: s.Op, Text: text})
		}
	}
	if len(cur) > 0 || len(out) == 0 {
		out = append(out, cur)
	}
	return out
}

// sides turns segments into the inlines of the left column (equal and
// deleted text, the deleted struck) and of the right column (equal and
// inserted text, the inserted in bold). Line feeds become line breaks;
// white space at the edges of a marked run stays unmarked, so no line
// runs through a space and Markdown's emphasis stays valid.
func sides(ss []diff.Segment) (left, right []model.Inline) {
	for _, s := range ss {
		switch s.Op {
		case diff.Equal:
			left = appendText(left, s.Text, model.Text{})
			right = appendText(right, s.Text, model.Text{})
		case diff.Delete:
			left = appendText(left, s.Text, model.Text{Strike: true})
		case diff.Insert:
			right = appendText(right, s.Text, model.Text{Bold: true})
		}
	}
	return left, right
}

// appendText appends s with the marks of mark, line by line.
func appendText(out []model.Inline, s string, mark model.Text) []model.Inline {
	for i, ln := range strings.Split(s, "\n") {
		if i > 0 {
			out = append(out, model.LineBreak{})
		}
		core := strings.TrimSpace(ln)
		if core == "" {
			out = appendRun(out, model.Text{Text: ln})
			continue
		}
		start := strings.Index(ln, core)
		m := mark
		m.Text = core
		out = appendRun(out, model.Text{Text: ln[:start]})
		out = appendRun(out, m)
		out = appendRun(out, model.Text{Text: ln[start+len(core):]})
	}
	return out
}

// appendRun appends a run, joined to the one before when the marks are
// the same; empty runs are dropped.
func appendRun(out []model.Inline, t model.Text) []model.Inline {
	if t.Text == "" {
		return out
	}
	if n := len(out); n > 0 {
		if p, ok := out[n-1].(model.Text); ok && p.Bold == t.Bold && p.Italic == t.Italic && p.Strike == t.Strike {
			p.Text += t.Text
			out[n-1] = p
			return out
		}
	}
	return append(out, t)
}
