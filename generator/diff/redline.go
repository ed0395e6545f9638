package diff

import (
	"fmt"

	"github.com/vereinbar/vereinbar/generator/model"
)

// Redline returns NEW as a document with tracked changes against OLD, so
// that accepting every change gives NEW's text and rejecting every change
// gives OLD's: changed headings, paragraphs and table cells carry
// inserted and deleted words (model.Text.Change, Section.HeadingChanges);
// inserted paragraphs, rows and clauses are marked inserted, deleted ones
// are kept, marked deleted, where OLD had them. A moved clause is deleted
// at its old place and inserted at its new one (the text report calls it
// moved; Word's move marks are not written, LibreOffice shows them as
// plain insertions and deletions anyway). A renumbered heading,
// paragraph or list item shows the old number or label deleted and the
// new one inserted (ListItem.LabelChanges). Changed paragraphs and cells
// keep the emphasis (bold, italic) of their text. The DOCX renderer
// writes the marks as w:ins/w:del.
//
// Limits: a whole inserted or deleted chart is shown as a marked
// paragraph of its text; changed signature blocks are shown as marked
// paragraphs.
func Redline(old, new *model.Document) (doc *model.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("diff: interner Fehler: %v", p)
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
	out := &model.Document{Meta: new.Meta}
	for _, p := range a.red {
		out.Blocks = append(out.Blocks, redClause(mt, p)...)
	}
	return out, nil
}

func redClause(mt *matcher, p clausePair) []model.Block {
	switch {
	case p.new == nil:
		return markedClause(mt, p.old, model.ChangeDel)
	case p.old == nil:
		return markedClause(mt, p.new, model.ChangeIns)
	}
	r := &redliner{
		mt:        mt,
		paras:     map[*model.Paragraph]*model.Paragraph{},
		tables:    map[*model.Table]*model.Table{},
		after:     map[model.Block][]model.Block{},
		labels:    map[*model.Paragraph]string{},
		afterItem: map[*model.Paragraph][]*item{},
	}
	var prev model.Block // NEW's block before the current position
	var lastNew *item    // NEW's item before the current position
	var sigs []itemPair
	sigChanged := false
	for _, ip := range p.items {
		if it := ip.old; it == nil || it.sig != nil {
			if it := ip.new; it == nil || it.sig != nil {
				sigs = append(sigs, ip)
				sigChanged = sigChanged || ip.old == nil || ip.new == nil || ip.old.text != ip.new.text
				if ip.new != nil {
					prev, lastNew = ip.new.top, ip.new
				} else if !hasSignatures(p.new.blocks) {
					r.after[prev] = append(r.after[prev], markedItem(mt, ip.old, model.ChangeDel)...)
				}
				continue
			}
		}
		switch {
		case ip.new == nil:
			if ip.old.what == "Listenpunkt" && ip.old.para != nil && lastNew != nil && lastNew.what == "Listenpunkt" && lastNew.para != nil {
				// A deleted list item stays in the list, after NEW's item
				// before it.
				r.afterItem[lastNew.para] = append(r.afterItem[lastNew.para], ip.old)
				continue
			}
			r.after[prev] = append(r.after[prev], markedItem(mt, ip.old, model.ChangeDel)...)
			continue
		case ip.old == nil:
			if ip.new.para != nil {
				q := markedPara(ip.new, model.ChangeIns)
				if ip.new.what == "Listenpunkt" { // the list writes the label
					q.Number = ip.new.para.Number
					q.Inlines = markInlines(ip.new.para.Inlines, model.ChangeIns)
				}
				r.paras[ip.new.para] = q
			} else if ip.new.table != nil {
				t := *ip.new.table
				t.Header, t.Rows = markRows(t.Header, model.ChangeIns), markRows(t.Rows, model.ChangeIns)
				r.tables[ip.new.table] = &t
			}
		case ip.old.text == ip.new.text:
			r.relabelItem(ip)
			if ip.new.para != nil && ip.new.what == "Absatz" && ip.old.label != ip.new.label {
				r.paras[ip.new.para] = relabelled(mt, ip.new.para, ip.old.label, ip.new.label, ip.new.para.Inlines)
			}
		case ip.old.table != nil && ip.new.table != nil:
			_, t := mt.diffTable(Location{}, ip.old.table, ip.new.table)
			r.tables[ip.new.table] = t
		case ip.new.para != nil:
			r.relabelItem(ip)
			q := *ip.new.para
			if ip.old.para != nil {
				q.Inlines = styledSegments(mt.words(ip.old.text, ip.new.text), ip.old.para.Inlines, ip.new.para.Inlines)
			} else {
				q.Inlines = segmentInlines(mt.words(ip.old.text, ip.new.text))
			}
			if ip.new.what == "Absatz" && ip.old.label != ip.new.label {
				r.paras[ip.new.para] = relabelled(mt, ip.new.para, ip.old.label, ip.new.label, q.Inlines)
				break
			}
			r.paras[ip.new.para] = &q
		default:
			// A chart or signature block changed: shown as NEW; the
			// text report names the change.
		}
		prev, lastNew = ip.new.top, ip.new
	}
	var blocks []model.Block
	blocks = append(blocks, r.after[nil]...)
	for _, b := range p.new.blocks {
		if _, ok := b.(*model.Signatures); ok && sigChanged {
			blocks = append(blocks, signatureParas(mt, sigs)...)
			sigChanged = false // all signatures of the clause are shown here
			continue
		} else if ok && len(sigs) > 0 && !sigChanged {
			blocks = append(blocks, b)
			continue
		}
		blocks = append(blocks, r.block(b))
		blocks = append(blocks, r.after[b]...)
	}
	if p.new.sec == nil {
		return blocks
	}
	s := *p.new.sec
	s.Blocks = blocks
	if p.old.heading != p.new.heading {
		s.HeadingChanges = segmentInlines(mt.words(p.old.heading, p.new.heading))
	}
	return []model.Block{&s}
}

// relabelled copies a paragraph whose number changed ("(3)" → "(2)"):
// the number becomes text with the old one deleted and the new one
// inserted, followed by a tab, so both versions read right.
func relabelled(mt *matcher, p *model.Paragraph, oldLabel, newLabel string, inlines []model.Inline) *model.Paragraph {
	q := *p
	q.Number = ""
	label := segmentInlines(mt.words(oldLabel, newLabel))
	label = append(label, model.Text{Text: "\t"})
	q.Inlines = append(label, inlines...)
	return &q
}

type redliner struct {
	mt     *matcher
	paras  map[*model.Paragraph]*model.Paragraph
	tables map[*model.Table]*model.Table
	after  map[model.Block][]model.Block
	labels map[*model.Paragraph]string // OLD's own list label, by NEW's first paragraph of the item
	// afterItem holds deleted list items by NEW's paragraph they follow.
	afterItem map[*model.Paragraph][]*item
}

// relabelItem notes a list item whose own label changed ("3." → "2."
// after an item before it was deleted).
func (r *redliner) relabelItem(ip itemPair) {
	if ip.new.para != nil && ip.old.own != "" && ip.new.own != "" && ip.old.own != ip.new.own {
		r.labels[ip.new.para] = ip.old.own
	}
}

// block copies b with the replacements applied (also inside lists).
func (r *redliner) block(b model.Block) model.Block {
	switch n := b.(type) {
	case *model.Paragraph:
		if q, ok := r.paras[n]; ok {
			return q
		}
	case *model.Table:
		if t, ok := r.tables[n]; ok {
			return t
		}
	case *model.List:
		l := *n
		l.Items = make([]model.ListItem, len(n.Items))
		for i, it := range n.Items {
			l.Items[i] = model.ListItem{Label: it.Label, Blocks: make([]model.Block, len(it.Blocks))}
			for k, ib := range it.Blocks {
				l.Items[i].Blocks[k] = r.block(ib)
			}
			if len(it.Blocks) > 0 {
				if p, ok := it.Blocks[0].(*model.Paragraph); ok {
					if old, ok := r.labels[p]; ok {
						l.Items[i].LabelChanges = segmentInlines(r.mt.words(old, it.Label))
					}
				}
			}
		}
		// Deleted items go after the item they followed, as items.
		var items []model.ListItem
		for i, it := range n.Items {
			items = append(items, l.Items[i])
			for _, ib := range it.Blocks {
				p, ok := ib.(*model.Paragraph)
				if !ok {
					continue
				}
				for _, d := range r.afterItem[p] {
					items = append(items, deletedListItem(d))
				}
			}
		}
		l.Items = items
		return &l
	}
	return b
}

// deletedListItem is a deleted list item kept in its list: label and text
// marked deleted.
func deletedListItem(it *item) model.ListItem {
	q := *it.para
	q.Inlines = markInlines(it.para.Inlines, model.ChangeDel)
	li := model.ListItem{Label: it.own, Blocks: []model.Block{&q}}
	if it.own != "" {
		li.LabelChanges = []model.Inline{model.Text{Text: it.own, Change: model.ChangeDel}}
	}
	return li
}

// markedClause renders a whole clause as inserted or deleted: as a
// section with its heading and content marked. A deleted copy has no id,
// which belongs to the clause in NEW (a moved clause is in both).
func markedClause(mt *matcher, c *clause, change string) []model.Block {
	blocks := markBlocks(mt, c.blocks, change)
	if c.sec == nil {
		return blocks
	}
	s := *c.sec
	s.Blocks = blocks
	s.HeadingChanges = []model.Inline{model.Text{Text: c.heading, Change: change}}
	if change == model.ChangeDel {
		s.ID = ""
	}
	return []model.Block{&s}
}

// markBlocks copies blocks with all their text marked as change, keeping
// their layout: numbers, list labels and table captions go with the text
// (the DOCX writer marks them when the whole paragraph or table is
// marked). Charts and signature blocks, which hold no marked text, become
// marked paragraphs. Deleted copies lose their ids.
func markBlocks(mt *matcher, bs []model.Block, change string) []model.Block {
	out := make([]model.Block, 0, len(bs))
	for _, b := range bs {
		switch n := b.(type) {
		case *model.Paragraph:
			q := *n
			q.Inlines = markInlines(n.Inlines, change)
			out = append(out, &q)
		case *model.List:
			l := *n
			l.Items = make([]model.ListItem, len(n.Items))
			for i, it := range n.Items {
				l.Items[i] = model.ListItem{Label: it.Label, Blocks: markBlocks(mt, it.Blocks, change)}
			}
			out = append(out, &l)
		case *model.Table:
			t := *n
			t.Header, t.Rows = markRows(n.Header, change), markRows(n.Rows, change)
			if change == model.ChangeDel {
				t.ID = ""
			}
			out = append(out, &t)
		case *model.Signatures:
			var sigs []itemPair
			for i := range n.Blocks {
				it := &item{sig: &n.Blocks[i]}
				if change == model.ChangeDel {
					sigs = append(sigs, itemPair{old: it})
				} else {
					sigs = append(sigs, itemPair{new: it})
				}
			}
			out = append(out, signatureParas(mt, sigs)...)
		case *model.Chart:
			out = append(out, &model.Paragraph{Style: model.StyleBody, Inlines: []model.Inline{model.Text{Text: chartText(n), Change: change}}})
		case *model.Gantt:
			out = append(out, &model.Paragraph{Style: model.StyleBody, Inlines: []model.Inline{model.Text{Text: ganttText(n), Change: change}}})
		default:
			out = append(out, b) // page breaks: no text
		}
	}
	return out
}

// markedItem renders one item as a marked block.
func markedItem(mt *matcher, it *item, change string) []model.Block {
	switch {
	case it.table != nil:
		t := *it.table
		t.Header, t.Rows = markRows(t.Header, change), markRows(t.Rows, change)
		return []model.Block{&t}
	case it.para != nil:
		return []model.Block{markedPara(it, change)}
	case it.sig != nil:
		return signatureParas(mt, []itemPair{{old: it}})
	}
	return []model.Block{&model.Paragraph{Style: model.StyleBody, Inlines: []model.Inline{model.Text{Text: it.text, Change: change}}}}
}

// markedPara copies an item's paragraph with all its text marked. The
// number or list label becomes marked text too ("(2)" and a tab), so
// rejecting an insertion or accepting a deletion leaves no stray label.
func markedPara(it *item, change string) *model.Paragraph {
	q := *it.para
	q.Number = ""
	q.Inlines = markInlines(it.para.Inlines, change)
	if it.label != "" {
		q.Inlines = append([]model.Inline{model.Text{Text: it.label + "\t", Change: change}}, q.Inlines...)
	}
	return &q
}

func hasSignatures(bs []model.Block) bool {
	for _, b := range bs {
		if _, ok := b.(*model.Signatures); ok {
			return true
		}
	}
	return false
}

// signatureParas shows changed signature blocks as plain paragraphs in
// the order the DOCX writes them (party, signer, place and date, the
// captions of the further lines), with the changes marked: the model's
// signature block has no room for marks. A redline is for review, not
// for signing, so the layout may differ.
func signatureParas(mt *matcher, sigs []itemPair) []model.Block {
	fields := func(s *model.Signature, n int) []string {
		out := make([]string, n)
		if s != nil {
			copy(out, append([]string{s.Party, s.Signer, s.PlaceDate}, s.Lines...))
		}
		return out
	}
	count := func(s *model.Signature) int {
		if s == nil {
			return 0
		}
		return 3 + len(s.Lines)
	}
	var out []model.Block
	for _, ip := range sigs {
		var o, n *model.Signature
		if ip.old != nil {
			o = ip.old.sig
		}
		if ip.new != nil {
			n = ip.new.sig
		}
		k := max(count(o), count(n))
		of, nf := fields(o, k), fields(n, k)
		for i := range of {
			var ins []model.Inline
			switch {
			case n == nil:
				ins = []model.Inline{model.Text{Text: of[i], Change: model.ChangeDel}}
			case o == nil:
				ins = []model.Inline{model.Text{Text: nf[i], Change: model.ChangeIns}}
			default:
				ins = segmentInlines(mt.words(of[i], nf[i]))
			}
			out = append(out, &model.Paragraph{Style: model.StyleBody, Inlines: ins})
		}
	}
	return out
}
