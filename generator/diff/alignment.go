package diff

import (
	"fmt"

	"github.com/vereinbar/vereinbar/generator/model"
)

// Alignment is the clause-by-clause pairing of two documents that Compare
// and Redline use, exported for the other readers of a change (the
// amendment generator and the Synopse), so that there is one alignment of
// clauses and no second diff engine.
type Alignment struct {
	// Pairs are in NEW's order; deleted clauses stand where OLD had them.
	Pairs []ClausePair
}

// ClausePair is one clause of OLD and its counterpart in NEW; Old is nil
// for an inserted clause, New for a deleted one.
type ClausePair struct {
	Old, New *Clause
	Moved    bool       // the clause changed place (not only its number)
	Items    []ItemPair // paragraphs, list items, tables, charts, signatures; empty when Old or New is nil
}

// Clause is a section's heading and its own blocks (subsections are
// clauses of their own), or the blocks before the first section
// (Section nil).
type Clause struct {
	Section *model.Section
	ID      string
	Number  string // "§ 7"
	Title   string
	Heading string        // "§ 7 Kostenverteilung"
	Blocks  []model.Block // direct blocks, subsections excluded
	Items   []*Item
}

// Item is one comparable piece of a clause.
type Item struct {
	What  string           // "Absatz", "Listenpunkt", "Tabelle", "Diagramm", "Unterschrift"
	Label string           // paragraph number ("(2)") or list label path ("(2) 3.")
	Own   string           // a list item's own label ("3."), on its first paragraph only
	Text  string           // plain text; a table's rows joined by newlines, cells by " | "
	Top   model.Block      // the clause's direct block that holds the item
	Para  *model.Paragraph // paragraphs and list items
	Table *model.Table
	Sig   *model.Signature
}

// ItemPair pairs an item of OLD with one of NEW; one side may be nil.
type ItemPair struct{ Old, New *Item }

// Location returns where the item stands, as Compare cites it.
func (it *Item) Location(c *Clause) Location {
	return itemLocation(Location{ClauseID: c.ID, Clause: c.Heading, Number: c.Number, What: it.What}, it.What, it.Label, it.Table)
}

// Align pairs the clauses of two documents, and the items inside each
// pair of clauses, exactly as Compare does.
func Align(old, new *model.Document) (a *Alignment, err error) {
	defer func() {
		if p := recover(); p != nil {
			a, err = nil, fmt.Errorf("diff: interner Fehler: %v", p)
		}
	}()
	if old == nil || new == nil {
		return nil, fmt.Errorf("diff: kein Dokument")
	}
	in, err := align(newMatcher(), old, new)
	if err != nil {
		return nil, err
	}
	clauses := map[*clause]*Clause{}
	items := map[*item]*Item{}
	exp := func(c *clause) *Clause {
		if c == nil {
			return nil
		}
		if e, ok := clauses[c]; ok {
			return e
		}
		e := &Clause{Section: c.sec, ID: c.id, Number: c.number, Title: c.title, Heading: c.heading, Blocks: c.blocks}
		for _, it := range c.items {
			ei := &Item{What: it.what, Label: it.label, Own: it.own, Text: it.text, Top: it.top, Para: it.para, Table: it.table, Sig: it.sig}
			items[it] = ei
			e.Items = append(e.Items, ei)
		}
		clauses[c] = e
		return e
	}
	a = &Alignment{Pairs: make([]ClausePair, 0, len(in.pairs))}
	for _, p := range in.pairs {
		cp := ClausePair{Old: exp(p.old), New: exp(p.new), Moved: p.moved}
		for _, ip := range p.items {
			var o, n *Item
			if ip.old != nil {
				o = items[ip.old]
			}
			if ip.new != nil {
				n = items[ip.new]
			}
			cp.Items = append(cp.Items, ItemPair{Old: o, New: n})
		}
		a.Pairs = append(a.Pairs, cp)
	}
	return a, nil
}
