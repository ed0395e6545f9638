package docx

import (
	"fmt"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/internal/textcheck"
)

// renderer writes word/document.xml. It keeps where it is in the model so
// an error can say which clause, paragraph or cell is at fault.
type renderer struct {
	x     xw
	page  pageGeom
	textW int // twips between the margins
	marks bookmarks
	loc   textcheck.Location
	rev   revision // tracked changes of a redline
}

// or returns pos, or the enclosing node's position when pos is unknown,
// so an error names the nearest template line.
func or(pos, outer model.Pos) model.Pos {
	if pos.File == "" {
		return outer
	}
	return pos
}

func wrapWhere(err error, where string) error {
	return fmt.Errorf("%w (%s)", err, where)
}

// invalid reports a model rule broken at the current location.
func (r *renderer) invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s (%s)", ErrInvalidModel, fmt.Sprintf(format, args...), r.loc)
}

// clean validates and normalises text found at the current location.
func (r *renderer) clean(s string) (string, error) {
	c, err := clean(s)
	if err != nil {
		return "", wrapWhere(err, r.loc.String())
	}
	return c, nil
}

// document writes the whole of word/document.xml.
func (r *renderer) document(d *model.Document, m cleanMeta) error {
	x := &r.x
	x.buf.Grow(64 << 10)
	x.raw(xmlDecl + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	if err := r.blocks(d.Blocks); err != nil {
		return err
	}
	r.sectPr()
	x.raw(`</w:body></w:document>`)
	return nil
}

func (r *renderer) blocks(bs []model.Block) error {
	for _, b := range bs {
		if err := r.block(b); err != nil {
			return err
		}
	}
	return nil
}

// block dispatches on the closed set of block kinds; anything else, and a
// nil node, is an error rather than silently missing text.
func (r *renderer) block(b model.Block) error {
	switch n := b.(type) {
	case *model.Section:
		if n != nil {
			return r.section(n)
		}
	case *model.Paragraph:
		if n != nil {
			return r.topParagraph(n)
		}
	case *model.List:
		if n != nil {
			return r.list(n, 0)
		}
	case *model.Table:
		if n != nil {
			return r.table(n)
		}
	case *model.Chart:
		if n != nil {
			return r.chart(n)
		}
	case *model.Gantt:
		if n != nil {
			return r.gantt(n)
		}
	case *model.Signatures:
		if n != nil {
			return r.signatures(n)
		}
	case *model.PageBreak:
		if n != nil {
			r.x.raw(`<w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
				`<w:r><w:br w:type="page"/></w:r></w:p>`)
			return nil
		}
	default:
		if b != nil {
			return model.UnknownBlock(b)
		}
	}
	return fmt.Errorf("%w: leerer Knoten %T nach %s", model.ErrUnknownNode, b, r.loc)
}

// headingStyle returns the style id of a heading level, "" if invalid.
func headingStyle(level int) string {
	switch level {
	case 1:
		return "Heading1"
	case 2:
		return "Heading2"
	case 3:
		return "Heading3"
	}
	return ""
}

// section writes the heading, wrapped in a bookmark named after the id,
// and then the section's blocks.
func (r *renderer) section(s *model.Section) error {
	saved := r.loc
	defer func() { r.loc = saved }()
	r.loc = textcheck.Location{Pos: or(s.Pos, saved.Pos), Section: s.ID, What: "Überschrift"}
	style := headingStyle(s.Level)
	if style == "" {
		return r.invalid("Ebene %d, erlaubt sind 1 bis 3", s.Level)
	}
	heading, err := r.clean(s.Heading())
	if err != nil {
		return err
	}
	x := &r.x
	x.raw(`<w:p><w:pPr><w:pStyle w:val="`)
	x.raw(style)
	x.raw(`"/>`)
	if err := r.paragraphMark(paragraphChange(s.HeadingChanges)); err != nil {
		return err
	}
	x.raw(`</w:pPr>`)
	// A redline's copy of a deleted clause has no id: the id belongs to
	// the clause at its new place.
	id, name := -1, ""
	if s.ID != "" || len(s.HeadingChanges) == 0 {
		id, name = r.marks.add(s.ID)
		r.bookmarkStart(id, name)
	}
	if len(s.HeadingChanges) > 0 {
		if err := r.inlines(s.HeadingChanges, false); err != nil {
			return err
		}
	} else {
		r.x.run(heading, false, false)
	}
	if id >= 0 {
		r.bookmarkEnd(id)
	}
	x.raw(`</w:p>`)
	return r.blocks(s.Blocks)
}

func (r *renderer) bookmarkStart(id int, name string) {
	r.x.raw(`<w:bookmarkStart`)
	r.x.intAttr("w:id", id)
	r.x.attr("w:name", name)
	r.x.raw(`/>`)
}

func (r *renderer) bookmarkEnd(id int) {
	r.x.raw(`<w:bookmarkEnd`)
	r.x.intAttr("w:id", id)
	r.x.raw(`/>`)
}

// paragraphStyle returns the style id of a paragraph style; "" is Normal.
func paragraphStyle(s model.ParagraphStyle) (string, bool) {
	switch s {
	case "", model.StyleBody:
		return "", true
	case model.StyleTitle:
		return styleTitle, true
	case model.StyleSubtitle:
		return styleSubtitle, true
	case model.StyleCentered:
		return styleCentered, true
	case model.StyleNote:
		return styleNote, true
	}
	return "", false
}

// para is how a paragraph is laid out beyond its style.
type para struct {
	label string // list label before the text; "" for none
	// labelChanges replaces label in a redline (model.ListItem.LabelChanges)
	labelChanges []model.Inline
	left         int  // left indent of the text in twips; 0 keeps the style's
	hang         bool // the first line starts one indentStep further left
}

// topParagraph writes a paragraph outside lists: a number such as "(2)"
// hangs in front of the text so continuation lines align with it.
func (r *renderer) topParagraph(p *model.Paragraph) error {
	saved := r.loc
	defer func() { r.loc = saved }()
	r.loc.Pos, r.loc.What, r.loc.Label = or(p.Pos, saved.Pos), "Absatz", p.Number
	if p.Number != "" {
		return r.paragraph(p, para{label: p.Number, left: indentStep, hang: true})
	}
	return r.paragraph(p, para{})
}

func (r *renderer) paragraph(p *model.Paragraph, lay para) error {
	style, ok := paragraphStyle(p.Style)
	if !ok {
		return r.invalid("unbekannter Absatzstil %q", p.Style)
	}
	label, err := r.clean(lay.label)
	if err != nil {
		return err
	}
	change := paragraphChange(p.Inlines)
	x := &r.x
	x.raw(`<w:p>`)
	if style != "" || lay.left > 0 || change != "" || p.KeepNext {
		x.raw(`<w:pPr>`)
		if style != "" {
			x.raw(`<w:pStyle w:val="`)
			x.raw(style)
			x.raw(`"/>`)
		}
		if p.KeepNext {
			x.raw(`<w:keepNext/>`)
		}
		if lay.left > 0 {
			if lay.hang {
				x.raw(`<w:tabs><w:tab w:val="left"`)
				x.intAttr("w:pos", lay.left)
				x.raw(`/></w:tabs>`)
			}
			x.raw(`<w:ind`)
			x.intAttr("w:left", lay.left)
			if lay.hang {
				x.intAttr("w:hanging", indentStep)
			}
			x.raw(`/>`)
		}
		if err := r.paragraphMark(change); err != nil {
			return err
		}
		x.raw(`</w:pPr>`)
	}
	switch {
	case len(lay.labelChanges) > 0:
		// A redline's changed label: old and new marked, then the tab.
		if err := r.inlines(lay.labelChanges, false); err != nil {
			return err
		}
		x.raw(`<w:r><w:tab/></w:r>`)
	case label != "" && change != "":
		// A wholly inserted or deleted paragraph takes its number with it.
		if err := r.trackedRun(label+"\t", false, false, change); err != nil {
			return err
		}
	case label != "":
		x.raw(`<w:r><w:t xml:space="preserve">`)
		x.escaped(label)
		x.raw(`</w:t><w:tab/></w:r>`)
	}
	if err := r.inlines(p.Inlines, false); err != nil {
		return err
	}
	x.raw(`</w:p>`)
	return nil
}

// inlines writes runs; bold forces bold type (table headers, totals).
func (r *renderer) inlines(ins []model.Inline, bold bool) error {
	for _, in := range ins {
		switch n := in.(type) {
		case model.Text:
			s, err := r.clean(n.Text)
			if err != nil {
				return err
			}
			m := runMarks{bold: bold || n.Bold, italic: n.Italic, strike: n.Strike}
			if n.Change != "" {
				if err := r.trackedRunMarked(s, m, n.Change); err != nil {
					return err
				}
				continue
			}
			r.x.runMarked(s, m, "w:t")
		case model.LineBreak:
			r.x.raw(`<w:r><w:br/></w:r>`)
		case model.Field:
			if err := r.field(n, bold); err != nil {
				return err
			}
		default:
			if in == nil {
				return fmt.Errorf("%w: leeres Inline (%s)", model.ErrUnknownNode, r.loc)
			}
			return model.UnknownInline(in)
		}
	}
	return nil
}

// list writes one paragraph per item: label, tab, text, with a hanging
// indent. Level 0 puts the label where the text of a numbered paragraph
// starts; each nested level moves one indentStep further right.
func (r *renderer) list(l *model.List, depth int) error {
	saved := r.loc
	defer func() { r.loc = saved }()
	left := (depth + 2) * indentStep
	for _, it := range l.Items {
		r.loc.Pos, r.loc.What, r.loc.Label = or(l.Pos, saved.Pos), "Listenpunkt", it.Label
		labelled := false
		for _, b := range it.Blocks {
			switch n := b.(type) {
			case *model.Paragraph:
				if n == nil {
					return r.block(b)
				}
				lay := para{left: left}
				if !labelled {
					lay.label, lay.labelChanges, lay.hang = it.Label, it.LabelChanges, true
				}
				if err := r.listParagraph(n, lay); err != nil {
					return err
				}
			case *model.List:
				if n == nil {
					return r.block(b)
				}
				if !labelled {
					// The item starts with a nested list: the label
					// stands on a line of its own.
					if err := r.listParagraph(&model.Paragraph{Pos: l.Pos}, para{label: it.Label, labelChanges: it.LabelChanges, left: left, hang: true}); err != nil {
						return err
					}
				}
				if err := r.list(n, depth+1); err != nil {
					return err
				}
			default:
				if b == nil {
					return r.block(b)
				}
				return r.invalid("%T in einem Listenpunkt (erlaubt sind Absätze und Listen)", b)
			}
			labelled = true
		}
		if !labelled {
			if err := r.listParagraph(&model.Paragraph{Pos: l.Pos}, para{label: it.Label, left: left, hang: true}); err != nil {
				return err
			}
		}
	}
	return nil
}

// listParagraph writes a paragraph inside a list item. A paragraph number
// there is rare; it follows the label as text.
func (r *renderer) listParagraph(p *model.Paragraph, lay para) error {
	if p.Number == "" {
		return r.paragraph(p, lay)
	}
	q := *p
	// The number is part of the text: marked like it when the paragraph
	// is wholly inserted or deleted.
	q.Inlines = append([]model.Inline{model.Text{Text: p.Number + " ", Change: paragraphChange(p.Inlines)}}, p.Inlines...)
	return r.paragraph(&q, lay)
}

// field writes a form field as a plain-text content control. An empty
// field shows fieldPlaceholder (grey, replaced by what is typed, and
// printed as a line to write on); a filled one its text.
func (r *renderer) field(f model.Field, bold bool) error {
	s, err := r.clean(f.Text)
	if err != nil {
		return err
	}
	x := &r.x
	x.raw(`<w:sdt><w:sdtPr>`)
	if s == "" {
		x.raw(`<w:showingPlcHdr/>`)
	}
	x.raw(`<w:text/></w:sdtPr><w:sdtContent>`)
	if s == "" {
		x.raw(`<w:r><w:rPr><w:color w:val="` + fieldBlankColor + `"/></w:rPr><w:t>` + fieldPlaceholder + `</w:t></w:r>`)
	} else {
		x.run(s, bold, false)
	}
	x.raw(`</w:sdtContent></w:sdt>`)
	return nil
}

// fieldBlankColor is the grey of an empty field's placeholder, Word's
// "Platzhaltertext".
const fieldBlankColor = "808080"

// fieldPlaceholder is the placeholder of an empty field: a line of 30
// underscores, about 6 cm in 10 pt Arial. Word shows it until something
// is typed (w:showingPlcHdr); LibreOffice keeps it as the field's text
// when it saves, so docxread reads a field of underscores as empty.
const fieldPlaceholder = "______________________________"

// hasBlankField reports whether a row holds an empty form field.
func hasBlankField(row model.Row) bool {
	for _, c := range row.Cells {
		for _, in := range c.Inlines {
			if f, ok := in.(model.Field); ok && f.Text == "" {
				return true
			}
		}
	}
	return false
}
