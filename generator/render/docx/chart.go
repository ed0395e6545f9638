package docx

import (
	"unicode/utf8"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/internal/textcheck"
)

// A bar chart is a borderless two-column table: the label, right-aligned,
// and the bar area, whose left border is the axis. Each bar area holds a
// nested two-column table whose first column is as wide as the bar and
// shaded, and whose second column holds the value text right after the
// bar. Shaded table cells are the one way of drawing a filled rectangle
// of a given width that Word and LibreOffice both lay out alike; the
// cell margins of the outer table leave the gaps between the bars.
//
// The renderer has no font metrics, so the label and value columns are
// estimated from the number of characters; the PDF renderer measures.
const (
	chartCharW     = 110 // twips per character of 10 pt Arial, generously
	chartPad       = 85  // cell margin left and right, as in tables
	chartBarH      = 280 // bar thickness: exact height of the nested row
	chartGap       = 50  // cell margin above and below each bar
	chartMinBar    = 20  // a bar above zero is at least 1 pt long
	chartAxis      = `<w:left w:val="single" w:sz="6" w:space="0" w:color="595959"/>`
	chartLabelMinP = 15 // label column: 15 % to 35 % of the column width
	chartLabelMaxP = 35
	chartColGap    = 567 // 1 cm between the columns of a chart in columns
)

// chartGeom is the size of a chart's text and bars: table text and 14 pt
// bars, or in a chart in columns, which has many bars (16 on a slide),
// 9 pt text and 10 pt bars with 2 pt gaps, as the PDF renderer's.
type chartGeom struct {
	halfPts   int // text size in half points; 0 is the table text's
	charW     int // estimated width of a character in twips
	barH, gap int // twips
}

func chartGeometry(cols int) chartGeom {
	if cols > 1 {
		return chartGeom{halfPts: 18, charW: chartCharW * 9 / 10, barH: 200, gap: 40}
	}
	return chartGeom{charW: chartCharW, barH: chartBarH, gap: chartGap}
}

// chartGapPara is the paragraph a table cell must end with after a
// nested table, made as small as Word and LibreOffice allow.
const chartGapPara = `<w:p><w:pPr><w:pStyle w:val="` + styleTableEnd + `"/>` +
	`<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>` +
	`<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`

// chartBar is a bar with its text checked and its geometry computed.
type chartBar struct {
	label, text, color string
	w                  int // bar length in twips; 0 for no bar
}

// chart writes the title (a caption that keeps with the chart and carries
// the id's bookmark) and the chart table: per row, a label cell and a bar
// cell for each of the chart's columns, the bars running down the first
// column and then the next. Every row but the last keeps with the next,
// so the chart stays on one page.
func (r *renderer) chart(c *model.Chart) error {
	saved := r.loc
	defer func() { r.loc = saved }()
	r.loc = textcheck.Location{Pos: or(c.Pos, saved.Pos), Section: saved.Section, What: "Diagramm", Label: c.ID}
	nrows, ncols, err := c.Rows()
	if err != nil {
		return r.invalid("%v", err)
	}
	colW := (r.textW - (ncols-1)*chartColGap) / ncols
	g := chartGeometry(ncols)
	labelW, areaW, bars, err := r.chartLayout(c, colW, g)
	if err != nil {
		return err
	}
	x := &r.x
	mark, markName, err := r.caption(c.ID, c.Title, "")
	if err != nil {
		return err
	}
	x.raw(`<w:tbl><w:tblPr><w:tblW`)
	x.intAttr("w:w", ncols*(labelW+areaW)+(ncols-1)*chartColGap)
	x.raw(` w:type="dxa"/>` + bordersNone + `<w:tblLayout w:type="fixed"/>` + cellMargins + `</w:tblPr><w:tblGrid>`)
	for col := range ncols {
		// The gap between two columns widens the label cell after it.
		x.raw(`<w:gridCol`)
		x.intAttr("w:w", labelW+min(col, 1)*chartColGap)
		x.raw(`/><w:gridCol`)
		x.intAttr("w:w", areaW)
		x.raw(`/>`)
	}
	x.raw(`</w:tblGrid>`)
	for row := range nrows {
		keep := row < nrows-1
		x.raw(`<w:tr><w:trPr><w:cantSplit/></w:trPr>`)
		for col := range ncols {
			i := col*nrows + row
			gap := min(col, 1) * chartColGap
			x.raw(`<w:tc><w:tcPr><w:tcW`)
			x.intAttr("w:w", labelW+gap)
			x.raw(` w:type="dxa"/>`)
			if gap > 0 {
				x.raw(`<w:tcMar><w:left`)
				x.intAttr("w:w", chartPad+gap)
				x.raw(` w:type="dxa"/></w:tcMar>`)
			}
			x.raw(`<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="` + styleTableText + `"/>`)
			if keep {
				x.raw(`<w:keepNext/>`)
			}
			x.raw(`<w:jc w:val="right"/></w:pPr>`)
			if i < len(bars) {
				if i == 0 && mark >= 0 {
					r.bookmarkStart(mark, markName)
				}
				x.sizedRun(bars[i].label, g.halfPts)
				if i == 0 && mark >= 0 {
					r.bookmarkEnd(mark)
				}
			}
			x.raw(`</w:p></w:tc><w:tc><w:tcPr><w:tcW`)
			x.intAttr("w:w", areaW)
			x.raw(` w:type="dxa"/>`)
			if i >= len(bars) {
				// No bar in this place of the last column: no axis.
				x.raw(`</w:tcPr>` + chartGapPara + `</w:tc>`)
				continue
			}
			x.raw(`<w:tcBorders>` + chartAxis + `</w:tcBorders><w:tcMar><w:top`)
			x.intAttr("w:w", g.gap)
			x.raw(` w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom`)
			x.intAttr("w:w", g.gap)
			x.raw(` w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar><w:vAlign w:val="center"/></w:tcPr>`)
			r.chartBar(bars[i], areaW, keep, g)
			x.raw(chartGapPara + `</w:tc>`)
		}
		x.raw(`</w:tr>`)
	}
	x.raw(`</w:tbl>` + tableEnd)
	return nil
}

// chartBar writes the nested table of one bar: the shaded bar, if any,
// and the value text after it.
func (r *renderer) chartBar(b chartBar, areaW int, keepNext bool, g chartGeom) {
	x := &r.x
	x.raw(`<w:tbl><w:tblPr><w:tblW`)
	x.intAttr("w:w", areaW)
	x.raw(` w:type="dxa"/>` + bordersNone + `<w:tblLayout w:type="fixed"/>` +
		`<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	if b.w > 0 {
		x.raw(`<w:gridCol`)
		x.intAttr("w:w", b.w)
		x.raw(`/>`)
	}
	x.raw(`<w:gridCol`)
	x.intAttr("w:w", areaW-b.w)
	x.raw(`/></w:tblGrid><w:tr><w:trPr><w:cantSplit/><w:trHeight`)
	x.intAttr("w:val", g.barH)
	x.raw(` w:hRule="exact"/></w:trPr>`)
	keep := ``
	if keepNext {
		keep = `<w:keepNext/>`
	}
	if b.w > 0 {
		x.raw(`<w:tc><w:tcPr><w:tcW`)
		x.intAttr("w:w", b.w)
		x.raw(` w:type="dxa"/><w:shd w:val="clear" w:color="auto"`)
		x.attr("w:fill", b.color)
		x.raw(`/></w:tcPr><w:p><w:pPr><w:pStyle w:val="` + styleTableText + `"/>` + keep +
			`<w:spacing w:before="0" w:after="0"/></w:pPr></w:p></w:tc>`)
	}
	x.raw(`<w:tc><w:tcPr><w:tcW`)
	x.intAttr("w:w", areaW-b.w)
	x.raw(` w:type="dxa"/><w:tcMar><w:left`)
	x.intAttr("w:w", chartPad)
	x.raw(` w:type="dxa"/></w:tcMar><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="` + styleTableText + `"/>` + keep +
		`<w:spacing w:before="0" w:after="0"/></w:pPr>`)
	x.sizedRun(b.text, g.halfPts)
	x.raw(`</w:p></w:tc></w:tr></w:tbl>`)
}

// chartLayout checks the bars and returns the widths of the label column
// and the bar area of a chart column colW wide, and each bar's length.
// The longest bar leaves room for the longest value text; the others are
// proportional to it, by integer arithmetic, so the same chart always
// gets the same widths.
func (r *renderer) chartLayout(c *model.Chart, colW int, g chartGeom) (labelW, areaW int, bars []chartBar, err error) {
	if len(c.Bars) == 0 {
		return 0, 0, nil, r.invalid("Diagramm ohne Balken")
	}
	bars = make([]chartBar, len(c.Bars))
	var maxV int64
	labelRunes, textRunes := 0, 0
	for i, b := range c.Bars {
		r.loc.Row, r.loc.Col = i+1, 1
		color, err := b.Fill()
		if err != nil {
			return 0, 0, nil, r.invalid("%v", err)
		}
		label, err := r.clean(b.Label)
		if err != nil {
			return 0, 0, nil, err
		}
		r.loc.Col = 2
		text, err := r.clean(b.Text)
		if err != nil {
			return 0, 0, nil, err
		}
		bars[i] = chartBar{label: label, text: text, color: color}
		maxV = max(maxV, b.ValueE5)
		labelRunes = max(labelRunes, utf8.RuneCountInString(label))
		textRunes = max(textRunes, utf8.RuneCountInString(text))
	}
	r.loc.Row, r.loc.Col = 0, 0
	labelW = labelRunes*g.charW + 2*chartPad
	labelW = min(max(labelW, colW*chartLabelMinP/100), colW*chartLabelMaxP/100)
	areaW = colW - labelW
	longest := areaW - (textRunes*g.charW + 2*chartPad)
	longest = max(longest, areaW/2)
	for i, b := range c.Bars {
		if b.ValueE5 == 0 {
			continue
		}
		w := int((b.ValueE5*int64(longest)*2 + maxV) / (2 * maxV)) // rounded
		bars[i].w = max(w, chartMinBar)
	}
	return labelW, areaW, bars, nil
}
