package docx

import (
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/internal/textcheck"
)

// Table borders: sz is in eighths of a point.
const (
	bordersLight = `<w:tblBorders>` +
		`<w:top w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>` +
		`<w:left w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>` +
		`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>` +
		`<w:right w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>` +
		`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>` +
		`<w:insideV w:val="single" w:sz="4" w:space="0" w:color="BFBFBF"/>` +
		`</w:tblBorders>`
	bordersBoxed = `<w:tblBorders>` +
		`<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
		`<w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
		`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
		`<w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
		`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
		`<w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>` +
		`</w:tblBorders>`
	bordersNone = `<w:tblBorders>` +
		`<w:top w:val="nil"/><w:left w:val="nil"/><w:bottom w:val="nil"/>` +
		`<w:right w:val="nil"/><w:insideH w:val="nil"/><w:insideV w:val="nil"/>` +
		`</w:tblBorders>`

	cellHeaderBorder = `<w:tcBorders><w:bottom w:val="single" w:sz="8" w:space="0" w:color="000000"/></w:tcBorders>`
	cellTotalBorder  = `<w:tcBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="000000"/></w:tcBorders>`

	cellMargins = `<w:tblCellMar><w:left w:w="85" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>`

	tableEnd = `<w:p><w:pPr><w:pStyle w:val="` + styleTableEnd + `"/></w:pPr></w:p>`
)

// table writes the caption (keepNext, so it stays with the table), the
// table and a small empty paragraph after it. A table id becomes a
// bookmark on the caption, or on the first cell when there is none.
func (r *renderer) table(t *model.Table) error {
	saved := r.loc
	defer func() { r.loc = saved }()
	r.loc = textcheck.Location{Pos: or(t.Pos, saved.Pos), Section: saved.Section, What: "Tabelle", Label: t.ID}
	cols, err := r.grid(t)
	if err != nil {
		return err
	}
	aligns, err := r.aligns(t, len(cols))
	if err != nil {
		return err
	}
	x := &r.x
	mark, markName, err := r.caption(t.ID, t.Caption, tableChange(t))
	if err != nil {
		return err
	}
	x.raw(`<w:tbl><w:tblPr><w:tblW`)
	x.intAttr("w:w", r.textW)
	x.raw(` w:type="dxa"/>`)
	if t.Boxed {
		x.raw(bordersBoxed)
	} else {
		x.raw(bordersLight)
	}
	x.raw(`<w:tblLayout w:type="fixed"/>` + cellMargins + `</w:tblPr><w:tblGrid>`)
	for _, w := range cols {
		x.raw(`<w:gridCol`)
		x.intAttr("w:w", w)
		x.raw(`/>`)
	}
	x.raw(`</w:tblGrid>`)
	lay := rowLayout{cols: cols, aligns: aligns, boxed: t.Boxed, small: t.Small, mark: mark, markName: markName, header: true}
	for _, rows := range [2][]model.Row{t.Header, t.Rows} {
		for _, row := range rows {
			r.loc.Row++
			if err := r.row(row, lay); err != nil {
				return err
			}
			lay.mark = -1
		}
		lay.header = false
	}
	x.raw(`</w:tbl>` + tableEnd)
	return nil
}

// grid scales the relative widths to the text width; without widths the
// columns are equal. Rounding the running sum keeps the total exact.
func (r *renderer) grid(t *model.Table) ([]int, error) {
	if len(t.Header)+len(t.Rows) == 0 {
		return nil, r.invalid("Tabelle ohne Zeilen")
	}
	weights := t.Widths
	if len(weights) == 0 {
		first := t.Rows
		if len(t.Header) > 0 {
			first = t.Header
		}
		weights = make([]int, len(first[0].Cells))
		for i := range weights {
			weights[i] = 1
		}
	}
	n := len(weights)
	if n == 0 {
		return nil, r.invalid("Tabelle ohne Spalten")
	}
	for i, row := range t.Header {
		if len(row.Cells) != n {
			return nil, r.invalid("Kopfzeile %d hat %d Zellen, die Tabelle %d Spalten", i+1, len(row.Cells), n)
		}
	}
	for i, row := range t.Rows {
		if len(row.Cells) != n {
			return nil, r.invalid("Zeile %d hat %d Zellen, die Tabelle %d Spalten", i+1, len(row.Cells), n)
		}
	}
	sum := 0
	for i, w := range weights {
		if w <= 0 {
			return nil, r.invalid("Breite %d der Spalte %d ist nicht positiv", w, i+1)
		}
		sum += w
	}
	cols := make([]int, n)
	prev, acc := 0, 0
	for i, w := range weights {
		acc += w
		edge := (2*r.textW*acc + sum) / (2 * sum)
		cols[i] = edge - prev
		prev = edge
	}
	return cols, nil
}

// aligns returns the w:jc value of every column; "" is the style's left.
func (r *renderer) aligns(t *model.Table, n int) ([]string, error) {
	if len(t.Aligns) > n {
		return nil, r.invalid("%d Ausrichtungen für %d Spalten", len(t.Aligns), n)
	}
	out := make([]string, n)
	for i, a := range t.Aligns {
		switch a {
		case "", model.AlignLeft:
		case model.AlignRight:
			out[i] = "right"
		case model.AlignCenter:
			out[i] = "center"
		default:
			return nil, r.invalid("unbekannte Ausrichtung %q in Spalte %d", a, i+1)
		}
	}
	return out, nil
}

// rowLayout is what a row needs to know about its table.
type rowLayout struct {
	cols     []int
	aligns   []string
	header   bool // a header row: repeated on each page, bold, rule below
	boxed    bool // form layout: borders come from the table
	small    bool // small table: cell text in styleTableTextSmall
	mark     int  // bookmark to place in the first cell; -1 for none
	markName string
}

func (r *renderer) row(row model.Row, lay rowLayout) error {
	x := &r.x
	x.raw(`<w:tr><w:trPr><w:cantSplit/>`)
	blank := hasBlankField(row)
	if blank {
		// Room to write by hand above the line, as in the PDF; the text
		// sits at the bottom of the row.
		x.raw(`<w:trHeight`)
		x.intAttr("w:val", fieldRowHeight)
		x.raw(` w:hRule="atLeast"/>`)
	}
	if lay.header {
		x.raw(`<w:tblHeader/>`)
	}
	if c := rowChange(row); c != "" {
		if err := r.markMark(c); err != nil {
			return err
		}
	}
	x.raw(`</w:trPr>`)
	for i, c := range row.Cells {
		r.loc.Col = i + 1
		x.raw(`<w:tc><w:tcPr><w:tcW`)
		x.intAttr("w:w", lay.cols[i])
		x.raw(` w:type="dxa"/>`)
		if !lay.boxed {
			switch {
			case lay.header:
				x.raw(cellHeaderBorder)
			case row.Total:
				x.raw(cellTotalBorder)
			}
		}
		if c.Shade != "" {
			if !model.IsColor(c.Shade) {
				return r.invalid("Schattierung %q ist keine Farbe RRGGBB", c.Shade)
			}
			x.raw(`<w:shd w:val="clear" w:color="auto"`)
			x.attr("w:fill", c.Shade)
			x.raw(`/>`)
		}
		if blank {
			x.raw(`<w:vAlign w:val="bottom"/>`)
		}
		style := styleTableText
		if lay.small {
			style = styleTableTextSmall
		}
		x.raw(`</w:tcPr><w:p><w:pPr><w:pStyle w:val="` + style + `"/>`)
		if a := lay.aligns[i]; a != "" {
			x.raw(`<w:jc w:val="`)
			x.raw(a)
			x.raw(`"/>`)
		}
		x.raw(`</w:pPr>`)
		if i == 0 && lay.mark >= 0 {
			r.bookmarkStart(lay.mark, lay.markName)
		}
		if err := r.inlines(c.Inlines, lay.header || row.Total); err != nil {
			return err
		}
		if i == 0 && lay.mark >= 0 {
			r.bookmarkEnd(lay.mark)
		}
		x.raw(`</w:p></w:tc>`)
	}
	x.raw(`</w:tr>`)
	return nil
}

// maxKeptSigRows is the most rows of signature blocks kept together. A
// block with the lines for place and date, signature, name and
// Amtsbezeichnung is about 9 cm high, the type area of A4 24.7 cm: with
// the heading and the last paragraph before it, two rows do not reliably
// fit on one page, and when a kept table does not fit, LibreOffice moves
// it whole to the next page and leaves the heading behind. So rows are not
// kept with each other: the heading keeps with the first row, and no row
// ever splits.
const maxKeptSigRows = 1

// signatures writes a borderless two-column table, one cell per party:
// party and signer, then the lines to fill in (see signature). Rows never
// split across pages.
func (r *renderer) signatures(s *model.Signatures) error {
	if len(s.Blocks) == 0 {
		return nil
	}
	saved := r.loc
	defer func() { r.loc = saved }()
	r.loc = textcheck.Location{Pos: or(s.Pos, saved.Pos), Section: saved.Section, What: "Unterschriftenblock"}
	left := r.textW / 2
	widths := [2]int{left, r.textW - left}
	x := &r.x
	x.raw(`<w:tbl><w:tblPr><w:tblW`)
	x.intAttr("w:w", r.textW)
	x.raw(` w:type="dxa"/>` + bordersNone + `<w:tblLayout w:type="fixed"/>` +
		`<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>` +
		`</w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		x.raw(`<w:gridCol`)
		x.intAttr("w:w", w)
		x.raw(`/>`)
	}
	x.raw(`</w:tblGrid>`)
	// Every row but the last keeps with the next (Word keeps table rows
	// together this way), so the blocks stay on one page, if they fit on
	// one: up to maxKeptSigRows rows. A taller table keeps no rows
	// together, because LibreOffice then moves the whole table to the next
	// page and leaves the heading "Unterschriften" behind.
	kept := (len(s.Blocks)+1)/2 <= maxKeptSigRows
	for i := 0; i < len(s.Blocks); i += 2 {
		keep := kept && i+2 < len(s.Blocks)
		x.raw(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for col := 0; col < 2; col++ {
			x.raw(`<w:tc><w:tcPr><w:tcW`)
			x.intAttr("w:w", widths[col])
			// Half the gap on the inner side of each column keeps the
			// lines of both columns equally long.
			if col == 0 {
				x.raw(` w:type="dxa"/><w:tcMar><w:right`)
			} else {
				x.raw(` w:type="dxa"/><w:tcMar><w:left`)
			}
			x.intAttr("w:w", signatureGap/2)
			x.raw(` w:type="dxa"/></w:tcMar></w:tcPr>`)
			if i+col < len(s.Blocks) {
				r.loc.Index = i + col + 1
				if err := r.signature(s.Blocks[i+col], keep); err != nil {
					return err
				}
			} else if keep {
				x.raw(`<w:p><w:pPr><w:keepNext/></w:pPr></w:p>`)
			} else {
				x.raw(`<w:p/>`)
			}
			x.raw(`</w:tc>`)
		}
		x.raw(`</w:tr>`)
	}
	x.raw(`</w:tbl>` + tableEnd)
	return nil
}

// signatureSpace is the room to sign above the signature line (2 cm);
// the other lines have the line style's room for handwriting.
// signatureRowGap is the room above a block (about 8 mm).
const (
	signatureSpace  = 1134
	signatureRowGap = 454
)

// signature writes one party's block: the party in bold and the
// authority that signs for it, then a line for place and date and the
// further lines, each with its caption below — the first of them, the
// signature line, with more room above it. Without further lines an
// uncaptioned signature line follows. keep keeps its paragraphs with the
// next, which keeps its row with the next row.
func (r *renderer) signature(s model.Signature, keep bool) error {
	texts := make([]string, 0, 3+len(s.Lines))
	for _, in := range append([]string{s.Party, s.Signer, s.PlaceDate}, s.Lines...) {
		c, err := r.clean(in)
		if err != nil {
			return err
		}
		texts = append(texts, c)
	}
	kn := ""
	if keep {
		kn = `<w:keepNext/>`
	}
	// The party's name opens the block with room above it, which
	// separates a row of blocks from the one before.
	r.x.raw(`<w:p><w:pPr><w:pStyle w:val="` + styleSigText + `"/>` + kn + `<w:spacing`)
	r.x.intAttr("w:before", signatureRowGap)
	r.x.raw(`/></w:pPr>`)
	r.x.run(texts[0], true, false)
	r.x.raw(`</w:p>`)
	r.sigPara(styleSigText, kn, texts[1], false)
	r.sigLine(0, kn)
	r.sigPara(styleSigCap, kn, texts[2], false)
	if len(s.Lines) == 0 {
		r.sigLine(signatureSpace, kn)
	}
	for i, c := range texts[3:] {
		if i == 0 {
			r.sigLine(signatureSpace, kn)
		} else {
			r.sigLine(0, kn)
		}
		r.sigPara(styleSigCap, kn, c, false)
	}
	return nil
}

// sigLine writes a line to write on; before is the room above it in
// twips, 0 for the style's; keep is "" or <w:keepNext/>.
func (r *renderer) sigLine(before int, keep string) {
	r.x.raw(`<w:p><w:pPr><w:pStyle w:val="` + styleSigLine + `"/>` + keep)
	if before > 0 {
		r.x.raw(`<w:spacing`)
		r.x.intAttr("w:before", before)
		r.x.raw(`/>`)
	}
	r.x.raw(`</w:pPr></w:p>`)
}

func (r *renderer) sigPara(style, keep, text string, bold bool) {
	r.x.raw(`<w:p><w:pPr><w:pStyle w:val="`)
	r.x.raw(style)
	r.x.raw(`"/>` + keep + `</w:pPr>`)
	r.x.run(text, bold, false)
	r.x.raw(`</w:p>`)
}

// caption writes the caption paragraph of a table or chart ("" writes
// nothing) and gives id ("" for none) its bookmark, around the caption.
// Without a caption the bookmark is returned for the caller to place;
// otherwise mark is -1.
func (r *renderer) caption(id, text, change string) (mark int, markName string, err error) {
	mark = -1
	if id != "" {
		mark, markName = r.marks.add(id)
	}
	if text == "" {
		return mark, markName, nil
	}
	clean, err := r.clean(text)
	if err != nil {
		return mark, markName, err
	}
	r.x.raw(`<w:p><w:pPr><w:pStyle w:val="` + styleCaption + `"/>`)
	if err := r.paragraphMark(change); err != nil {
		return mark, markName, err
	}
	r.x.raw(`</w:pPr>`)
	if mark >= 0 {
		r.bookmarkStart(mark, markName)
	}
	if change != "" {
		if err := r.trackedRun(clean, false, false, change); err != nil {
			return mark, markName, err
		}
	} else {
		r.x.run(clean, false, false)
	}
	if mark >= 0 {
		r.bookmarkEnd(mark)
	}
	r.x.raw(`</w:p>`)
	return -1, "", nil
}
