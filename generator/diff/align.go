package diff

import (
	"fmt"
	"slices"
	"strings"
	"unicode"

	"github.com/pmezard/go-difflib/difflib"
	"github.com/vereinbar/vereinbar/generator/model"
)

// clause is a section's heading and its own blocks (subsections are
// clauses of their own), or the blocks before the first section.
type clause struct {
	sec     *model.Section // nil for the blocks before the first section
	id      string
	number  string
	title   string
	heading string
	blocks  []model.Block // direct blocks, subsections excluded
	items   []*item
}

func (c *clause) loc(what string) Location {
	return Location{ClauseID: c.id, Clause: c.heading, Number: c.number, What: what}
}

func (c *clause) text() string {
	var b strings.Builder
	b.WriteString(c.heading)
	for _, it := range c.items {
		b.WriteString("\n")
		b.WriteString(it.text)
	}
	return b.String()
}

// item is one comparable piece of a clause: a paragraph (also one inside
// a list), a table, a chart or the signature blocks.
type item struct {
	what  string // "Absatz", "Listenpunkt", "Tabelle", "Diagramm", "Unterschriften"
	label string // paragraph number or list label
	own   string // a list item's own label ("3."), on its first paragraph only
	text  string
	top   model.Block      // the clause's direct block that holds the item
	para  *model.Paragraph // for paragraphs and list items
	table *model.Table
	sig   *model.Signature
}

func (it *item) key() string { return it.what + "\x00" + it.text }

func (it *item) loc(c *clause) Location {
	return itemLocation(c.loc(it.what), it.what, it.label, it.table)
}

// itemLocation completes the location of a clause (l) for one of its
// items: the paragraph or list label, the table, the signature.
func itemLocation(l Location, what, label string, t *model.Table) Location {
	switch what {
	case "Absatz", "Listenpunkt":
		l.Paragraph = label
	case "Tabelle":
		l.Table = tableName(t)
	case "Unterschrift":
		l.Paragraph = "Unterschrift " + label
	}
	return l
}

func tableName(t *model.Table) string {
	if t != nil && t.Caption != "" {
		return "Tabelle „" + t.Caption + "“"
	}
	return "Tabelle"
}

// flatten splits a document into clauses in document order.
func flatten(d *model.Document) ([]*clause, error) {
	head := &clause{}
	out := []*clause{head}
	if err := flattenBlocks(d.Blocks, head, &out); err != nil {
		return nil, err
	}
	if len(head.blocks) == 0 {
		out = out[1:]
	}
	return out, nil
}

func flattenBlocks(bs []model.Block, c *clause, out *[]*clause) error {
	for _, b := range bs {
		if s, ok := b.(*model.Section); ok && s != nil {
			sc := &clause{sec: s, id: s.ID, number: s.Number, title: s.Title, heading: s.Heading()}
			*out = append(*out, sc)
			if err := flattenBlocks(s.Blocks, sc, out); err != nil {
				return err
			}
			continue
		}
		c.blocks = append(c.blocks, b)
		if err := c.addItems(b, b, ""); err != nil {
			return err
		}
	}
	return nil
}

func (c *clause) addItems(b, top model.Block, prefix string) error {
	switch n := b.(type) {
	case *model.Paragraph:
		what, label := "Absatz", n.Number
		if prefix != "" {
			what, label = "Listenpunkt", strings.TrimSpace(prefix+" "+n.Number)
		}
		c.items = append(c.items, &item{what: what, label: label, text: model.PlainText(n.Inlines), top: top, para: n})
	case *model.List:
		for i, li := range n.Items {
			label := li.Label
			if !strings.ContainsFunc(label, unicode.IsLetter) && !strings.ContainsFunc(label, unicode.IsDigit) {
				label = fmt.Sprintf("Aufzählungspunkt %d", i+1) // "–", "•": cite by position
			}
			for k, ib := range li.Blocks {
				first := len(c.items)
				if err := c.addItems(ib, top, strings.TrimSpace(prefix+" "+label)); err != nil {
					return err
				}
				if _, ok := ib.(*model.Paragraph); ok && k == 0 && len(c.items) > first {
					c.items[first].own = li.Label // the paragraph the label stands before
				}
			}
		}
	case *model.Table:
		c.items = append(c.items, &item{what: "Tabelle", text: tableText(n), top: top, table: n})
	case *model.Chart:
		c.items = append(c.items, &item{what: "Diagramm", text: chartText(n), top: top})
	case *model.Gantt:
		c.items = append(c.items, &item{what: "Zeitplan", text: ganttText(n), top: top})
	case *model.Signatures:
		for i := range n.Blocks {
			s := &n.Blocks[i]
			c.items = append(c.items, &item{what: "Unterschrift", label: s.Party, text: strings.TrimSpace(strings.Join(append([]string{s.Party, s.Signer, s.PlaceDate}, s.Lines...), "\n")), top: top, sig: s})
		}
	case *model.PageBreak:
	default:
		if b == nil {
			return fmt.Errorf("diff: %w: leerer Block", model.ErrUnknownNode)
		}
		return model.UnknownBlock(b)
	}
	return nil
}

// chartText is a chart as text: its title and a line per bar.
func chartText(n *model.Chart) string {
	var parts []string
	if n.Title != "" {
		parts = append(parts, n.Title)
	}
	for _, bar := range n.Bars {
		parts = append(parts, bar.Label+": "+bar.Text)
	}
	return strings.Join(parts, "\n")
}

// ganttText is a Gantt chart as text: its title and a line per row with
// the dates as shown.
func ganttText(n *model.Gantt) string {
	var parts []string
	if n.Title != "" {
		parts = append(parts, n.Title)
	}
	for _, r := range n.Rows {
		parts = append(parts, r.Label+": "+r.Text)
	}
	return strings.Join(parts, "\n")
}

func tableText(t *model.Table) string {
	var lines []string
	if t.Caption != "" {
		lines = append(lines, t.Caption)
	}
	for _, rs := range [][]model.Row{t.Header, t.Rows} {
		for _, r := range rs {
			lines = append(lines, rowText(r))
		}
	}
	return strings.Join(lines, "\n")
}

func rowText(r model.Row) string {
	cells := make([]string, len(r.Cells))
	for i, c := range r.Cells {
		cells[i] = model.PlainText(c.Inlines)
	}
	return strings.Join(cells, " | ")
}

// alignment is the clause-by-clause pairing of two documents.
type alignment struct {
	pairs []clausePair // in NEW's order; deletions where OLD had them
	// red is the order of a redline: as pairs, but a moved clause is
	// deleted where OLD had it and inserted where NEW has it, so the
	// redline read without insertions is OLD.
	red []clausePair
}

type clausePair struct {
	old, new *clause // one may be nil
	moved    bool
	items    []itemPair
}

type itemPair struct {
	old, new *item // one may be nil
}

func align(mt *matcher, old, new *model.Document) (*alignment, error) {
	oc, err := flatten(old)
	if err != nil {
		return nil, err
	}
	nc, err := flatten(new)
	if err != nil {
		return nil, err
	}
	match := matchClauses(oc, nc) // new index → old index or -1
	moved := movedClauses(mt, match)
	a := &alignment{}
	done := make([]bool, len(oc))
	matched := make([]bool, len(oc))
	for _, i := range match {
		if i >= 0 {
			matched[i] = true
		}
	}
	movedFrom := make([]bool, len(oc)) // OLD's clauses that moved
	for j, i := range match {
		if i >= 0 && moved[j] {
			movedFrom[i] = true
		}
	}
	redDone := make([]bool, len(oc))
	// OLD's clauses before flushed are done with: a clause flushDeleted
	// passes over is either emitted or matched in place, which it never
	// emits. So each call starts where the last ended (linear, not
	// quadratic in the number of clauses).
	flushed := 0
	flushDeleted := func(upto int) {
		for i := flushed; i < upto; i++ {
			if !matched[i] && !done[i] {
				done[i] = true
				a.pairs = append(a.pairs, clausePair{old: oc[i]})
			}
			if (!matched[i] || movedFrom[i]) && !redDone[i] {
				redDone[i] = true
				a.red = append(a.red, clausePair{old: oc[i]})
			}
		}
		flushed = max(flushed, upto)
	}
	for j, i := range match {
		if i < 0 {
			a.pairs = append(a.pairs, clausePair{new: nc[j]})
			a.red = append(a.red, clausePair{new: nc[j]})
			continue
		}
		if !moved[j] {
			flushDeleted(i)
		}
		done[i] = true
		p := clausePair{old: oc[i], new: nc[j], moved: moved[j], items: alignItems(mt, oc[i].items, nc[j].items)}
		a.pairs = append(a.pairs, p)
		if moved[j] {
			a.red = append(a.red, clausePair{new: nc[j]})
		} else {
			redDone[i] = true
			a.red = append(a.red, p)
		}
	}
	flushDeleted(len(oc))
	return a, nil
}

// matchClauses pairs clauses by id, then the rest by heading title, then
// the blocks before the first section with each other.
func matchClauses(oc, nc []*clause) []int {
	match := make([]int, len(nc))
	used := make([]bool, len(oc))
	for j := range match {
		match[j] = -1
	}
	pass := func(key func(*clause) string) {
		idx := map[string][]int{}
		for i, c := range oc {
			if k := key(c); !used[i] && k != "" {
				idx[k] = append(idx[k], i)
			}
		}
		for j, c := range nc {
			k := key(c)
			if match[j] >= 0 || k == "" || len(idx[k]) == 0 {
				continue
			}
			i := idx[k][0]
			idx[k] = idx[k][1:]
			match[j], used[i] = i, true
		}
	}
	pass(func(c *clause) string { return c.id })
	pass(func(c *clause) string { return c.title })
	pass(func(c *clause) string {
		if c.sec == nil {
			return "\x00head"
		}
		return ""
	})
	return match
}

// movedClauses marks the matched clauses that left the longest common
// order of the matched clauses: those changed place.
func movedClauses(mt *matcher, match []int) []bool {
	var a, b []string
	var js []int
	for j, i := range match {
		if i >= 0 {
			b = append(b, fmt.Sprint(i))
			js = append(js, j)
		}
	}
	olds := make([]int, 0, len(b))
	for _, i := range match {
		if i >= 0 {
			olds = append(olds, i)
		}
	}
	slices.Sort(olds)
	for _, i := range olds {
		a = append(a, fmt.Sprint(i))
	}
	moved := make([]bool, len(match))
	keep := make([]bool, len(b))
	for _, blk := range mt.blocks(a, b) {
		for k := blk.B; k < blk.B+blk.Size; k++ {
			keep[k] = true
		}
	}
	for k, j := range js {
		moved[j] = !keep[k]
	}
	return moved
}

// alignItems aligns a clause's items by content (labels left out, so
// renumbered paragraphs still match). Inside a replaced range, items of
// the same kind that are similar enough pair up as changed, in order.
func alignItems(mt *matcher, oi, ni []*item) []itemPair {
	a := make([]string, len(oi))
	for i, it := range oi {
		a[i] = it.key()
	}
	b := make([]string, len(ni))
	for j, it := range ni {
		b[j] = it.key()
	}
	var out []itemPair
	for _, oc := range mt.opcodes(a, b) {
		switch oc.Tag {
		case 'e':
			for k := 0; k < oc.I2-oc.I1; k++ {
				out = append(out, itemPair{oi[oc.I1+k], ni[oc.J1+k]})
			}
		case 'd':
			for _, it := range oi[oc.I1:oc.I2] {
				out = append(out, itemPair{old: it})
			}
		case 'i':
			for _, it := range ni[oc.J1:oc.J2] {
				out = append(out, itemPair{new: it})
			}
		case 'r':
			out = append(out, pairReplaced(mt, oi[oc.I1:oc.I2], ni[oc.J1:oc.J2])...)
		}
	}
	return out
}

func pairReplaced(mt *matcher, os, ns []*item) []itemPair {
	var out []itemPair
	if len(os) == len(ns) && sameKinds(os, ns) {
		// As many items as before, in the same kinds: each one is the
		// new version of the one at its place.
		for i := range os {
			out = append(out, itemPair{os[i], ns[i]})
		}
		return out
	}
	j := 0
	for _, o := range os {
		best := -1
		// A window keeps large replaced ranges linear; a version of an
		// item is rarely more than a few items away.
		for k := j; k < len(ns) && k < j+8; k++ {
			if ns[k].what == o.what && similar(mt, o, ns[k]) {
				best = k
				break
			}
		}
		if best < 0 {
			out = append(out, itemPair{old: o})
			continue
		}
		for ; j < best; j++ {
			out = append(out, itemPair{new: ns[j]})
		}
		out = append(out, itemPair{old: o, new: ns[best]})
		j = best + 1
	}
	for ; j < len(ns); j++ {
		out = append(out, itemPair{new: ns[j]})
	}
	return out
}

// similar reports whether two items are versions of each other: tables
// always are (their cells are compared), text when at least 40 % of its
// words are the same.
func similar(mt *matcher, o, n *item) bool {
	if o.table != nil {
		return true
	}
	a, b := tokens(o.text), tokens(n.text)
	m := difflib.NewMatcherWithJunk(a, b, false, nil)
	return m.QuickRatio() >= 0.4 && mt.ratio(a, b) >= 0.4
}

func sameKinds(os, ns []*item) bool {
	for i := range os {
		if os[i].what != ns[i].what {
			return false
		}
	}
	return true
}
