package pdf

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/internal/textcheck"
)

// Page geometry in mm, the same numbers as the DOCX renderer's (there in
// twips), so both outputs break lines alike.
const (
	ptMM = 25.4 / 72 // one point in mm

	a4Short   = 210.0
	a4Long    = 297.0
	margin    = 25.0 // on every side
	hdrFtrGap = 12.5 // distance of header and footer text from the page edge

	// indentStep is the width of a label column: "(2)" of a numbered
	// paragraph or "a)" of a list item; each list level adds one step.
	indentStep = 10.0

	// signatureGap separates the two columns of signature blocks.
	signatureGap = 10.0

	// lineSpacing is the body's line spacing, a multiple of the font's
	// single line height (Word's "multiple 1.15").
	lineSpacing = 1.15
)

// pstyle is the look of a paragraph.
type pstyle struct {
	size          float64 // pt
	bold, italic  bool    // forced emphasis (headings)
	align         align
	spacing       float64 // multiple of the single line height
	before, after float64 // pt
}

// Paragraph styles; sizes as in the brief, spacing as the DOCX styles.
var (
	bodyStyle     = pstyle{size: 11, align: alignJustify, spacing: lineSpacing, after: 6}
	titleStyle    = pstyle{size: 18, bold: true, align: alignCenter, spacing: lineSpacing, after: 12}
	subtitleStyle = pstyle{size: 12, align: alignCenter, spacing: lineSpacing, after: 18}
	centerStyle   = pstyle{size: 11, align: alignCenter, spacing: lineSpacing, after: 6}
	noteStyle     = pstyle{size: 9, align: alignJustify, spacing: 1, after: 3}
	headingStyles = [...]pstyle{
		1: {size: 13, bold: true, align: alignCenter, spacing: lineSpacing, before: 18, after: 6},
		2: {size: 12, bold: true, align: alignLeft, spacing: lineSpacing, before: 12, after: 6},
		3: {size: 11, bold: true, align: alignLeft, spacing: lineSpacing, before: 12, after: 3},
	}
	captionStyle = pstyle{size: 10, bold: true, align: alignLeft, spacing: 1, before: 6, after: 3}
	cellStyle    = pstyle{size: 10, spacing: 1}
	// smallCellSize is the text size of a small table (model.Table.Small).
	smallCellSize = 8.0
	// smallCellPadY is the padding above and below the text of a small
	// table's cells, in mm (DOCX: TableTextSmall spacing 0).
	smallCellPadY = 0.6
	sigStyle      = pstyle{size: 10, align: alignLeft, spacing: 1}
	sigCapStyle   = pstyle{size: 9, align: alignLeft, spacing: 1}
	headerStyle   = pstyle{size: 8, align: alignRight, spacing: 1}
	draftStyle    = pstyle{size: 8, bold: true, align: alignLeft, spacing: 1}
	footerStyle   = pstyle{size: 9, align: alignCenter, spacing: 1}
)

func paragraphStyle(s model.ParagraphStyle) (pstyle, bool) {
	switch s {
	case "", model.StyleBody:
		return bodyStyle, true
	case model.StyleTitle:
		return titleStyle, true
	case model.StyleSubtitle:
		return subtitleStyle, true
	case model.StyleCentered:
		return centerStyle, true
	case model.StyleNote:
		return noteStyle, true
	}
	return pstyle{}, false
}

// Table look.
const (
	cellPadX     = 1.9 // Word's default cell margin, 0.19 cm
	cellPadY     = 1.0
	gridWidth    = 0.2 // light grid of normal tables, mm
	boxWidth     = 0.3 // full borders of boxed tables, mm
	tableAfter   = 9.0 // pt below a table
	ruleWidth    = 0.15
	sigLineWidth = 0.2
	// fieldRoom is added to a table row with an empty form field, so a
	// hand has room to write above the line (DOCX: the row's minimum
	// height, fieldRowHeight there).
	fieldRoom = 3.0
)

var (
	black      = rgb{0, 0, 0}
	headerGrey = rgb{0x59, 0x59, 0x59}
	gridGrey   = rgb{0xa6, 0xa6, 0xa6}
	headShade  = rgb{0xf2, 0xf2, 0xf2}
	draftRed   = rgb{0xc0, 0x00, 0x00} // the draft mark, as in the DOCX
)

// draftGap separates the draft mark from the short title in the header.
const draftGap = 5.0

// rgb is a colour.
type rgb struct{ r, g, b uint8 }

// opKind is the kind of a drawing operation.
type opKind uint8

const (
	opText opKind = iota
	opLine
	opRect
	opBookmark
	opDiamond // a filled diamond: centre x, y, half diagonal w
)

// op is one drawing operation. Coordinates are in mm from the top left;
// inside a vitem, y is relative to the item's top.
type op struct {
	kind  opKind
	x, y  float64 // text: baseline start; line: start; rect: top left
	w, h  float64 // line: end minus start; rect: size
	st    style
	size  float64 // text size in pt; line width in mm
	s     string  // text or bookmark title
	color rgb     // text or line colour
	fill  rgb     // rect fill
	level int     // bookmark level
	grid  bool    // rect: stroke as well as fill
}

// vitem is one unbreakable piece of the vertical flow: a line of a
// paragraph, a table row, a row of signature blocks.
type vitem struct {
	h             float64 // height in mm
	before, after float64 // space in mm; before is dropped at a page top
	keepNext      bool    // on the same page as the next item
	// keepHard marks a keep that holds even when the chain of items kept
	// together is too tall for a page: a heading, a caption, a sentence
	// introducing what follows, a table's header rows, the last line
	// before the signatures. Only such items stay with their next one
	// then; widow and orphan control and rows kept together give way.
	keepHard  bool
	pageBreak bool // a forced page break, no content
	header    bool // a table header row, repeated after a page break
	table     *tableRun
	ops       []op
}

// keepHard keeps the items from first to the end of l.items with the
// item after them, even if the chain is too tall for a page.
func (l *layout) keepHard(first int) {
	for _, it := range l.items[first:] {
		it.keepNext, it.keepHard = true, true
	}
}

// tableRun links the rows of one table so its header rows can be
// repeated on every page the table continues on.
type tableRun struct {
	header []*vitem
}

// layout turns the document's blocks into vitems.
type layout struct {
	r     *Renderer
	chk   checker
	loc   textcheck.Location
	items []*vitem
	page  pageGeom
	x0    float64 // left margin
	textW float64 // width between the margins
	bodyH float64 // height between the margins

	lastLevel int // outline level of the previous bookmark, -1 before the first
}

func (l *layout) add(it *vitem) { l.items = append(l.items, it) }

// invalid reports a model rule broken at the current location.
func (l *layout) invalid(format string, args ...any) error {
	return fmt.Errorf("%w: %s (%s)", ErrInvalidModel, fmt.Sprintf(format, args...), &l.loc)
}

// unit returns the size of one width unit (1/1000 em) at size pt in mm.
func unit(size float64) float64 { return size * ptMM / 1000 }

// lineH returns the height of a line of style ps in mm.
func (l *layout) lineH(ps pstyle) float64 {
	return ps.size * ptMM * l.r.metrics.lineHeight * ps.spacing
}

// ascent returns the distance from a line's top to its baseline in mm.
func (l *layout) ascent(size float64) float64 {
	return size * ptMM * l.r.metrics.ascent
}

func (l *layout) blocks(bs []model.Block) error {
	for _, b := range bs {
		if err := l.block(b); err != nil {
			return err
		}
	}
	return nil
}

// block dispatches on the closed set of block kinds; anything else, and a
// nil node, is an error rather than silently missing text.
func (l *layout) block(b model.Block) error {
	switch n := b.(type) {
	case *model.Section:
		if n != nil {
			return l.section(n)
		}
	case *model.Paragraph:
		if n != nil {
			return l.topParagraph(n)
		}
	case *model.List:
		if n != nil {
			return l.list(n, 0)
		}
	case *model.Table:
		if n != nil {
			return l.table(n)
		}
	case *model.Chart:
		if n != nil {
			return l.chart(n)
		}
	case *model.Gantt:
		if n != nil {
			return l.gantt(n)
		}
	case *model.Signatures:
		if n != nil {
			return l.signatures(n)
		}
	case *model.PageBreak:
		if n != nil {
			l.add(&vitem{pageBreak: true})
			return nil
		}
	default:
		if b != nil {
			return model.UnknownBlock(b)
		}
	}
	return fmt.Errorf("%w: leerer Knoten %T nach %s", model.ErrUnknownNode, b, &l.loc)
}

// section lays out the heading, kept with what follows, with an outline
// entry, and then the section's blocks.
func (l *layout) section(s *model.Section) error {
	saved := l.loc
	defer func() { l.loc = saved }()
	l.loc = textcheck.Location{Pos: s.Pos, Section: s.ID, What: "Überschrift"}
	if s.Level < 1 || s.Level > 3 {
		return l.invalid("Ebene %d, erlaubt sind 1 bis 3", s.Level)
	}
	ps := headingStyles[s.Level]
	heading, err := l.chk.clean(s.Heading(), bold, &l.loc)
	if err != nil {
		return err
	}
	first := len(l.items)
	l.lines(l.tokenize(bold, heading), ps, para{x: l.x0, width: l.textW})
	l.keepHard(first)
	// Outline levels may rise by one at a time; a level-3 section right
	// under a level-1 one hangs one level below it.
	level := min(s.Level-1, l.lastLevel+1)
	l.lastLevel = level
	title := strings.NewReplacer("\t", " ", "\n", " ", "\u00ad", "").Replace(heading)
	it := l.items[first]
	it.ops = append(it.ops, op{kind: opBookmark, s: title, level: level})
	l.loc.What = "Abschnitt"
	return l.blocks(s.Blocks)
}

// para is where a paragraph's lines go.
type para struct {
	x, width float64 // left edge and measure of the text
	label    string  // drawn at labelX on the first line; "" for none
	labelX   float64
}

// topParagraph lays out a paragraph outside lists: a number such as "(2)"
// hangs in front of the text so continuation lines align with it.
func (l *layout) topParagraph(p *model.Paragraph) error {
	saved := l.loc
	defer func() { l.loc = saved }()
	l.loc.Pos, l.loc.What, l.loc.Label = p.Pos, "Absatz", p.Number
	pp := para{x: l.x0, width: l.textW}
	if p.Number != "" {
		pp = para{x: l.x0 + indentStep, width: l.textW - indentStep, label: p.Number, labelX: l.x0}
	}
	return l.paragraph(p, pp)
}

func (l *layout) paragraph(p *model.Paragraph, pp para) error {
	ps, ok := paragraphStyle(p.Style)
	if !ok {
		return l.invalid("unbekannter Absatzstil %q", p.Style)
	}
	bs, err := l.inlines(p.Inlines, ps.bold)
	if err != nil {
		return err
	}
	first := len(l.items)
	if err := l.paragraphBoxes(bs, ps, pp); err != nil {
		return err
	}
	if p.KeepNext {
		l.keepHard(first)
	}
	return nil
}

// paragraphBoxes lays out tokenized text with its label, if any.
func (l *layout) paragraphBoxes(bs []box, ps pstyle, pp para) error {
	if pp.label != "" {
		lb, err := l.plain(pp.label, regular)
		if err != nil {
			return err
		}
		pp.label = joinBoxes(lb)
	}
	l.lines(bs, ps, pp)
	return nil
}

// joinBoxes returns the text of boxes of one style joined by spaces.
func joinBoxes(bs []box) string {
	s := ""
	for i, b := range bs {
		if i > 0 {
			s += " "
		}
		for _, p := range b.pieces {
			s += p.s
		}
	}
	return s
}

// lines appends one vitem per line. Orphans and widows are avoided: the
// first two and the last two lines stay together.
func (l *layout) lines(bs []box, ps pstyle, pp para) {
	k := unit(ps.size)
	lines := l.breakLines(bs, pp.width/k)
	if len(lines) == 0 {
		lines = []line{{end: glueEnd}} // an empty paragraph still takes a line
	}
	lh := l.lineH(ps)
	asc := l.ascent(ps.size)
	n := len(lines)
	for i, ln := range lines {
		it := &vitem{h: lh}
		if i == 0 {
			it.before = ps.before * ptMM
			if pp.label != "" {
				it.ops = append(it.ops, op{kind: opText, x: pp.labelX, y: asc, st: regular, size: ps.size, s: pp.label})
			}
		}
		if i == n-1 {
			it.after = ps.after * ptMM
		}
		it.keepNext = n > 1 && (i == 0 || i == n-2)
		it.ops = lineOps(it.ops, ln, pp.x, asc, pp.width, k, ps.size, ps.align)
		l.add(it)
	}
}

// list lays out one paragraph per item with a hanging label. Level 0 puts
// the label where the text of a numbered paragraph starts; each nested
// level moves one indentStep further right.
func (l *layout) list(ls *model.List, depth int) error {
	saved := l.loc
	defer func() { l.loc = saved }()
	labelX := l.x0 + float64(depth+1)*indentStep
	pp := para{x: labelX + indentStep, width: l.textW - float64(depth+2)*indentStep, labelX: labelX}
	if pp.width < 2*indentStep {
		return l.invalid("Liste zu tief verschachtelt (Ebene %d)", depth+1)
	}
	for _, it := range ls.Items {
		l.loc.Pos, l.loc.What, l.loc.Label = ls.Pos, "Listenpunkt", it.Label
		labelled := false
		for _, b := range it.Blocks {
			lp := pp
			if !labelled {
				lp.label = it.Label
			}
			switch n := b.(type) {
			case *model.Paragraph:
				if n == nil {
					return l.block(b)
				}
				q := *n
				if n.Number != "" {
					// A paragraph number inside a list item is rare; it
					// follows the label as text.
					q.Inlines = append([]model.Inline{model.Text{Text: n.Number + " "}}, n.Inlines...)
				}
				if err := l.paragraph(&q, lp); err != nil {
					return err
				}
			case *model.List:
				if n == nil {
					return l.block(b)
				}
				if !labelled {
					// The item starts with a nested list: the label
					// stands on a line of its own.
					if err := l.paragraphBoxes(nil, bodyStyle, lp); err != nil {
						return err
					}
				}
				if err := l.list(n, depth+1); err != nil {
					return err
				}
			default:
				if b == nil {
					return l.block(b)
				}
				return l.invalid("%T in einem Listenpunkt (erlaubt sind Absätze und Listen)", b)
			}
			labelled = true
		}
		if !labelled {
			lp := pp
			lp.label = it.Label
			if err := l.paragraphBoxes(nil, bodyStyle, lp); err != nil {
				return err
			}
		}
	}
	return nil
}

// table lays out the caption, the header rows and one vitem per row.
func (l *layout) table(t *model.Table) error {
	saved := l.loc
	defer func() { l.loc = saved }()
	l.loc.Pos, l.loc.What, l.loc.Label = t.Pos, "Tabelle", t.ID
	n := len(t.Widths)
	if n == 0 {
		return l.invalid("keine Spalten (Widths ist leer)")
	}
	if len(t.Aligns) != 0 && len(t.Aligns) != n {
		return l.invalid("%d Ausrichtungen für %d Spalten", len(t.Aligns), n)
	}
	sum := 0
	for _, w := range t.Widths {
		if w <= 0 {
			return l.invalid("Spaltenbreite %d, erlaubt sind nur positive Werte", w)
		}
		sum += w
	}
	xs := make([]float64, n+1)
	xs[0] = l.x0
	acc := 0
	for i, w := range t.Widths {
		acc += w
		xs[i+1] = l.x0 + l.textW*float64(acc)/float64(sum)
	}
	first := len(l.items)
	if t.Caption != "" {
		l.loc.What = "Tabellenüberschrift"
		bs, err := l.plain(t.Caption, bold)
		if err != nil {
			return err
		}
		l.lines(bs, captionStyle, para{x: l.x0, width: l.textW})
		l.keepHard(first)
		l.loc.What = "Tabelle"
	}
	run := &tableRun{}
	var body []*vitem
	rowNo := 0
	headH := 0.0
	emit := func(r model.Row, header bool) error {
		rowNo++
		it, err := l.row(t, r, xs, rowNo, header)
		if err != nil {
			return err
		}
		if headH+it.h > l.bodyH {
			cells := make([]string, len(r.Cells))
			for i, c := range r.Cells {
				cells[i] = model.PlainText(c.Inlines)
			}
			return &RowTooTallError{Row: rowNo, Height: headH + it.h, Cells: cells, Where: l.loc.String()}
		}
		if header {
			headH += it.h
			it.header, it.keepNext, it.keepHard = true, true, true
			run.header = append(run.header, it)
		} else {
			body = append(body, it)
			if len(run.header) > 0 {
				it.table = run
			}
		}
		l.add(it)
		return nil
	}
	for _, r := range t.Header {
		if err := emit(r, true); err != nil {
			return err
		}
	}
	for _, r := range t.Rows {
		if err := emit(r, false); err != nil {
			return err
		}
	}
	// As with lines of a paragraph, a page never holds a single row of
	// a table that starts or ends on the next or previous page.
	if n := len(body); n >= 2 {
		body[0].keepNext, body[n-2].keepNext = true, true
	}
	if len(l.items) > first {
		last := l.items[len(l.items)-1]
		last.after = tableAfter * ptMM
		last.keepNext = false
	}
	return nil
}

// row lays out one table row as a single vitem: shading, text, borders.
func (l *layout) row(t *model.Table, r model.Row, xs []float64, rowNo int, header bool) (*vitem, error) {
	n := len(xs) - 1
	if len(r.Cells) != n {
		l.loc.Row, l.loc.Col = rowNo, 0
		return nil, l.invalid("Zeile %d hat %d Zellen, die Tabelle %d Spalten", rowNo, len(r.Cells), n)
	}
	ps := cellStyle
	if t.Small {
		ps.size = smallCellSize
	}
	k := unit(ps.size)
	lh := l.lineH(ps)
	asc := l.ascent(ps.size)
	type cell struct {
		lines []line
		fill  *rgb
	}
	cells := make([]cell, n)
	rows := 1
	hasField := false
	for i, c := range r.Cells {
		l.loc.Row, l.loc.Col = rowNo, i+1
		bs, err := l.inlines(c.Inlines, header || r.Total)
		if err != nil {
			return nil, err
		}
		limit := (xs[i+1] - xs[i] - 2*cellPadX) / k
		for _, b := range bs {
			for _, p := range b.pieces {
				hasField = hasField || p.field
			}
		}
		if len(bs) == 1 && onlyField(bs[0]) {
			// A cell that is one empty field: the line spans the cell.
			bs[0].pieces[0].units, bs[0].units = int(limit), int(limit)
		}
		cells[i].lines = l.breakLines(bs, limit)
		rows = max(rows, len(cells[i].lines))
		switch {
		case c.Shade != "":
			if !model.IsColor(c.Shade) {
				return nil, l.invalid("Schattierung %q ist keine Farbe RRGGBB", c.Shade)
			}
			col := parseHex(c.Shade)
			cells[i].fill = &col
		case header:
			cells[i].fill = &headShade
		}
	}
	l.loc.Row, l.loc.Col = 0, 0
	padY := cellPadY
	if t.Small {
		padY = smallCellPadY
	}
	h := float64(rows)*lh + 2*padY
	top := padY
	if hasField {
		// Room to write by hand above the line: the row is taller and
		// its text sits at the bottom.
		h += fieldRoom
		top += fieldRoom
	}
	it := &vitem{h: h}
	for i, c := range cells {
		if c.fill != nil {
			it.ops = append(it.ops, op{kind: opRect, x: xs[i], y: 0, w: xs[i+1] - xs[i], h: h, fill: *c.fill})
		}
	}
	for i, c := range cells {
		a := alignLeft
		if len(t.Aligns) > 0 {
			switch t.Aligns[i] {
			case model.AlignRight:
				a = alignRight
			case model.AlignCenter:
				a = alignCenter
			case model.AlignLeft, "":
			default:
				return nil, l.invalid("unbekannte Ausrichtung %q in Spalte %d", t.Aligns[i], i+1)
			}
		}
		for j, ln := range c.lines {
			y := top + float64(j)*lh + asc
			it.ops = lineOps(it.ops, ln, xs[i]+cellPadX, y, xs[i+1]-xs[i]-2*cellPadX, k, ps.size, a)
		}
	}
	lw, col := gridWidth, gridGrey
	if t.Boxed {
		lw, col = boxWidth, black
	}
	for i := range cells {
		it.ops = append(it.ops, op{kind: opRect, x: xs[i], w: xs[i+1] - xs[i], h: h, size: lw, color: col, grid: true})
	}
	return it, nil
}

// parseHex converts a colour "RRGGBB" that model.IsColor accepts.
func parseHex(s string) rgb {
	v, _ := strconv.ParseUint(s, 16, 32)
	return rgb{uint8(v >> 16), uint8(v >> 8), uint8(v)}
}

// Signature block geometry in mm.
const (
	sigPlaceSpace = 12.0 // room to write place and date, a name, an office above its line
	sigSignSpace  = 16.0 // room for the signature above its line
	sigRowGap     = 14.0 // between rows of blocks, wider than inside a block
)

// signatures lays out the blocks two by two; a row of two blocks is one
// vitem, so a block is never split across pages. The rows keep together,
// on one page if they fit on one. (That the first row stays with the text
// before it is the model's: the markup keeps the last paragraph before
// signatures with them, Paragraph.KeepNext.)
func (l *layout) signatures(s *model.Signatures) error {
	saved := l.loc
	defer func() { l.loc = saved }()
	l.loc.Pos, l.loc.What = s.Pos, "Unterschrift"
	colW := (l.textW - signatureGap) / 2
	for i := 0; i < len(s.Blocks); i += 2 {
		it := &vitem{after: sigRowGap, keepNext: i+2 < len(s.Blocks)}
		if i == 0 {
			it.before = 12 * ptMM
		}
		for j := i; j < min(i+2, len(s.Blocks)); j++ {
			l.loc.Label = strconv.Itoa(j + 1)
			x := l.x0 + float64(j-i)*(colW+signatureGap)
			h, err := l.signature(it, s.Blocks[j], x, colW)
			if err != nil {
				return err
			}
			it.h = max(it.h, h)
		}
		l.add(it)
	}
	return nil
}

// signature draws one party's block into it at x and returns its height,
// as the DOCX writes it: the party in bold and the authority that signs
// for it, then a line for place and date and the further lines, each with
// its caption below — the first of them, the signature line, with more
// room above it. Without further lines an uncaptioned signature line
// follows.
func (l *layout) signature(it *vitem, sg model.Signature, x, w float64) (float64, error) {
	y := 0.0
	for _, t := range []struct {
		s  string
		st style
	}{{sg.Party, bold}, {sg.Signer, regular}} {
		if t.s == "" {
			continue
		}
		bs, err := l.plain(t.s, t.st)
		if err != nil {
			return 0, err
		}
		y = l.textAt(it, bs, sigStyle, x, y, w)
	}
	line := func(space float64, caption string) error {
		y += space
		it.ops = append(it.ops, op{kind: opLine, x: x, y: y, w: w, size: sigLineWidth, color: black})
		y += 0.8
		if caption == "" {
			return nil
		}
		bs, err := l.plain(caption, regular)
		if err != nil {
			return err
		}
		y = l.textAt(it, bs, sigCapStyle, x, y, w)
		return nil
	}
	if err := line(sigPlaceSpace, sg.PlaceDate); err != nil {
		return 0, err
	}
	if len(sg.Lines) == 0 {
		err := line(sigSignSpace, "")
		return y, err
	}
	for i, c := range sg.Lines {
		space := sigPlaceSpace
		if i == 0 {
			space = sigSignSpace
		}
		if err := line(space, c); err != nil {
			return 0, err
		}
	}
	return y, nil
}

// textAt draws left-aligned lines with their top at y into it and
// returns the y below them.
func (l *layout) textAt(it *vitem, bs []box, ps pstyle, x, y, w float64) float64 {
	k := unit(ps.size)
	lh := l.lineH(ps)
	asc := l.ascent(ps.size)
	for _, ln := range l.breakLines(bs, w/k) {
		it.ops = lineOps(it.ops, ln, x, y+asc, w, k, ps.size, ps.align)
		y += lh
	}
	return y
}
