package pdf

import (
	"github.com/vereinbar/vereinbar/generator/model"
)

// Bar chart geometry, matching the DOCX renderer's (there in twips).
const (
	chartBarH      = 14 * ptMM  // bar thickness
	chartGap       = 2.5 * ptMM // above and below each bar
	chartPad       = 1.5        // between label, axis, bar end and value text
	chartMinBar    = 0.35       // a bar above zero is at least 1 pt long
	chartAxisWidth = 0.2
	chartLabelMin  = 0.15 // label column: 15 % to 35 % of the column width
	chartLabelMax  = 0.35
	chartColGap    = 10.0 // between the columns of a chart in columns
)

var axisGrey = rgb{0x59, 0x59, 0x59}

// chartStyle is the look of labels and values: table text.
var chartStyle = cellStyle

// chartGeom is the size of a chart's text and bars: table text and 14 pt
// bars, or in a chart in columns, which has many bars (16 on a slide),
// 9 pt text and 10 pt bars with 2 pt gaps, as the DOCX renderer's.
type chartGeom struct {
	ps        pstyle
	barH, gap float64 // mm
}

func chartGeometry(cols int) chartGeom {
	if cols > 1 {
		return chartGeom{ps: pstyle{size: 9, spacing: 1}, barH: 10 * ptMM, gap: 2 * ptMM}
	}
	return chartGeom{ps: chartStyle, barH: chartBarH, gap: chartGap}
}

// chartRow is one bar, checked and measured.
type chartRow struct {
	label []box
	text  []line
	textW float64 // natural width of the value text in mm
	fill  rgb
	value int64
}

// chart lays out the title, kept with the chart, and one vitem per row
// of bars (smaller in a chart in columns, see chartGeometry): in each of the chart's columns the label, right-aligned and
// wrapped in the label column; the axis; the bar, proportional to the
// largest value of the whole chart; the value text right after the bar.
// Bars run down the first column, then the next. Every row but the last
// keeps with the next, so a chart that fits on a page is never split.
func (l *layout) chart(c *model.Chart) error {
	saved := l.loc
	defer func() { l.loc = saved }()
	l.loc.Pos, l.loc.What, l.loc.Label = c.Pos, "Diagramm", c.ID
	if len(c.Bars) == 0 {
		return l.invalid("Diagramm ohne Balken")
	}
	nrows, ncols, err := c.Rows()
	if err != nil {
		return l.invalid("%v", err)
	}
	colW := (l.textW - float64(ncols-1)*chartColGap) / float64(ncols)
	g := chartGeometry(ncols)
	k := unit(g.ps.size)
	rows := make([]chartRow, len(c.Bars))
	labelW, textW := 0.0, 0.0
	var maxV int64
	for i, b := range c.Bars {
		l.loc.Row, l.loc.Col = i+1, 1
		hex, err := b.Fill()
		if err != nil {
			return l.invalid("%v", err)
		}
		fill := parseHex(hex)
		lb, err := l.plain(b.Label, regular)
		if err != nil {
			return err
		}
		l.loc.Col = 2
		tb, err := l.plain(b.Text, regular)
		if err != nil {
			return err
		}
		rows[i] = chartRow{label: lb, fill: fill, value: b.ValueE5}
		for _, ln := range l.breakLines(lb, 1e9) {
			labelW = max(labelW, float64(ln.units)*k)
		}
		rows[i].text = l.breakLines(tb, 1e9)
		for _, ln := range rows[i].text {
			rows[i].textW = max(rows[i].textW, float64(ln.units)*k)
		}
		textW = max(textW, rows[i].textW)
		maxV = max(maxV, b.ValueE5)
	}
	l.loc.Row, l.loc.Col = 0, 0
	labelW = min(max(labelW+2*chartPad, colW*chartLabelMin), colW*chartLabelMax)
	areaW := colW - labelW
	longest := max(areaW-textW-2*chartPad, areaW/2)

	first := len(l.items)
	if c.Title != "" {
		l.loc.What = "Diagrammtitel"
		bs, err := l.plain(c.Title, bold)
		if err != nil {
			return err
		}
		l.lines(bs, captionStyle, para{x: l.x0, width: l.textW})
		l.keepHard(first)
		l.loc.What = "Diagramm"
	}
	ps := g.ps
	lh := l.lineH(ps)
	asc := l.ascent(ps.size)
	for r := range nrows {
		// The row is as tall as its tallest bar.
		labels := make([][]line, ncols)
		h := g.barH + 2*g.gap
		for col := range ncols {
			if i := col*nrows + r; i < len(rows) {
				labels[col] = l.breakLines(rows[i].label, (labelW-2*chartPad)/k)
				h = max(h, float64(len(labels[col]))*lh+2*cellPadY)
			}
		}
		it := &vitem{h: h, keepNext: r < nrows-1}
		for col := range ncols {
			i := col*nrows + r
			if i >= len(rows) {
				continue
			}
			row := rows[i]
			x0 := l.x0 + float64(col)*(colW+chartColGap)
			axisX := x0 + labelW
			it.ops = append(it.ops, op{kind: opLine, x: axisX, y: 0, h: h, size: chartAxisWidth, color: axisGrey})
			barW := 0.0
			if row.value > 0 {
				barW = max(longest*float64(row.value)/float64(maxV), chartMinBar)
				it.ops = append(it.ops, op{kind: opRect, x: axisX, y: (h - g.barH) / 2, w: barW, h: g.barH, fill: row.fill})
			}
			y := (h-float64(len(labels[col]))*lh)/2 + asc
			for j, ln := range labels[col] {
				it.ops = lineOps(it.ops, ln, x0, y+float64(j)*lh, labelW-chartPad, k, ps.size, alignRight)
			}
			y = (h-float64(len(row.text))*lh)/2 + asc
			for j, ln := range row.text {
				x := axisX + barW + chartPad
				it.ops = lineOps(it.ops, ln, x, y+float64(j)*lh, x0+colW-x, k, ps.size, alignLeft)
			}
		}
		l.add(it)
	}
	l.items[len(l.items)-1].after = tableAfter * ptMM
	return nil
}
