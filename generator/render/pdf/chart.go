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
	chartLabelMin  = 0.15 // label column: 15 % to 35 % of the text width
	chartLabelMax  = 0.35
)

var axisGrey = rgb{0x59, 0x59, 0x59}

// chartStyle is the look of labels and values: table text.
var chartStyle = cellStyle

// chartRow is one bar, checked and measured.
type chartRow struct {
	label []box
	text  []line
	textW float64 // natural width of the value text in mm
	fill  rgb
	value int64
}

// chart lays out the title, kept with the chart, and one vitem per bar:
// the label, right-aligned and wrapped in the label column; the axis; the
// bar, proportional to the largest value; the value text right after the
// bar. Every bar but the last keeps with the next, so a chart that fits
// on a page is never split.
func (l *layout) chart(c *model.Chart) error {
	saved := l.loc
	defer func() { l.loc = saved }()
	l.loc.Pos, l.loc.What, l.loc.Label = c.Pos, "Diagramm", c.ID
	if len(c.Bars) == 0 {
		return l.invalid("Diagramm ohne Balken")
	}
	k := unit(chartStyle.size)
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
	labelW = min(max(labelW+2*chartPad, l.textW*chartLabelMin), l.textW*chartLabelMax)
	axisX := l.x0 + labelW
	areaW := l.textW - labelW
	longest := max(areaW-textW-2*chartPad, areaW/2)

	first := len(l.items)
	if c.Title != "" {
		l.loc.What = "Diagrammtitel"
		bs, err := l.plain(c.Title, bold)
		if err != nil {
			return err
		}
		l.lines(bs, captionStyle, para{x: l.x0, width: l.textW})
		for _, it := range l.items[first:] {
			it.keepNext = true
		}
		l.loc.What = "Diagramm"
	}
	ps := chartStyle
	lh := l.lineH(ps)
	asc := l.ascent(ps.size)
	for i, row := range rows {
		label := l.breakLines(row.label, (labelW-2*chartPad)/k)
		h := max(chartBarH+2*chartGap, float64(len(label))*lh+2*cellPadY)
		it := &vitem{h: h, keepNext: i < len(rows)-1}
		it.ops = append(it.ops, op{kind: opLine, x: axisX, y: 0, h: h, size: chartAxisWidth, color: axisGrey})
		barW := 0.0
		if row.value > 0 {
			barW = max(longest*float64(row.value)/float64(maxV), chartMinBar)
			it.ops = append(it.ops, op{kind: opRect, x: axisX, y: (h - chartBarH) / 2, w: barW, h: chartBarH, fill: row.fill})
		}
		y := (h-float64(len(label))*lh)/2 + asc
		for j, ln := range label {
			it.ops = lineOps(it.ops, ln, l.x0, y+float64(j)*lh, labelW-chartPad, k, ps.size, alignRight)
		}
		y = (h-float64(len(row.text))*lh)/2 + asc
		for j, ln := range row.text {
			x := axisX + barW + chartPad
			it.ops = lineOps(it.ops, ln, x, y+float64(j)*lh, l.x0+l.textW-x, k, ps.size, alignLeft)
		}
		l.add(it)
	}
	l.items[len(l.items)-1].after = tableAfter * ptMM
	return nil
}
