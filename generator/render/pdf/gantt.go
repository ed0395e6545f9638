package pdf

import (
	"strconv"

	"github.com/vereinbar/vereinbar/generator/model"
)

// Gantt chart geometry (mm unless noted), matching the DOCX renderer's
// month grid where it can: 7 pt text, a label column of 20 % to 30 % of
// the text width, a dates column as wide as its longest text, the rest
// the time axis.
const (
	ganttSize      = 7.0      // pt
	ganttAxisSize  = 6.5      // pt, year and month labels
	ganttBarH      = 7 * ptMM // bar thickness
	ganttGap       = 1 * ptMM // above and below each bar
	ganttPadY      = 0.25     // above and below the text of a row
	ganttPad       = 1.5
	ganttLabelMin  = 0.20
	ganttLabelMax  = 0.30
	ganttTextMax   = 0.20
	ganttGridWidth = 0.1
)

// ganttCol is the x range of the axis and the scale: mm per day.
type ganttCol struct {
	x0, w float64
	days  int
}

func (c ganttCol) x(day int) float64 { return c.x0 + c.w*float64(day)/float64(c.days) }

// gantt lays out the title, kept with the chart; a head item with the
// years and the months of the axis; and one item per row: the label,
// wrapped in the label column, the dates as shown, and on the axis the
// bar from the start of its first day to the end of its last, or a
// diamond on a milestone's day. A light line marks each month. Every
// item keeps with the next, so a chart that fits on a page is never
// split.
func (l *layout) gantt(g *model.Gantt) error {
	saved := l.loc
	defer func() { l.loc = saved }()
	l.loc.Pos, l.loc.What, l.loc.Label = g.Pos, "Zeitplan", g.ID
	axis, err := g.Axis()
	if err != nil {
		return l.invalid("%v", err)
	}
	ps := pstyle{size: ganttSize, spacing: 1}
	k := unit(ps.size)
	labels := make([][]box, len(g.Rows))
	texts := make([][]line, len(g.Rows))
	labelW, textW := 0.0, 0.0
	for i, r := range g.Rows {
		l.loc.Row, l.loc.Col = i+1, 1
		if labels[i], err = l.plain(r.Label, regular); err != nil {
			return err
		}
		for _, ln := range l.breakLines(labels[i], 1e9) {
			labelW = max(labelW, float64(ln.units)*k)
		}
		l.loc.Col = 2
		tb, err := l.plain(r.Text, regular)
		if err != nil {
			return err
		}
		texts[i] = l.breakLines(tb, 1e9)
		for _, ln := range texts[i] {
			textW = max(textW, float64(ln.units)*k)
		}
	}
	l.loc.Row, l.loc.Col = 0, 0
	labelW = min(max(labelW+2*ganttPad, l.textW*ganttLabelMin), l.textW*ganttLabelMax)
	textW = min(textW+2*ganttPad, l.textW*ganttTextMax)
	col := ganttCol{x0: l.x0 + labelW + textW, w: l.textW - labelW - textW, days: axis.Days}

	first := len(l.items)
	if g.Title != "" {
		l.loc.What = "Zeitplantitel"
		bs, err := l.plain(g.Title, bold)
		if err != nil {
			return err
		}
		l.lines(bs, captionStyle, para{x: l.x0, width: l.textW})
		l.loc.What = "Zeitplan"
	}
	head, err := l.ganttHead(axis, col)
	if err != nil {
		return err
	}
	l.add(head)
	l.keepHard(first)
	lh := l.lineH(ps)
	asc := l.ascent(ps.size)
	for i, r := range g.Rows {
		lines := l.breakLines(labels[i], (labelW-2*ganttPad)/k)
		h := max(ganttBarH+2*ganttGap, float64(max(len(lines), len(texts[i])))*lh+2*ganttPadY)
		it := &vitem{h: h, keepNext: i < len(g.Rows)-1}
		it.ops = ganttGrid(it.ops, axis, col, 0, h)
		if r.Dated() {
			from, to := axis.Span(r)
			fill := parseHex(r.Fill())
			if r.Milestone {
				// a diamond as tall as a bar, centred on the day
				cx, d := (col.x(from)+col.x(to))/2, ganttBarH/2
				it.ops = append(it.ops, op{kind: opDiamond, x: cx, y: h / 2, w: d, fill: fill})
			} else {
				x := col.x(from)
				it.ops = append(it.ops, op{kind: opRect, x: x, y: (h - ganttBarH) / 2, w: max(col.x(to)-x, chartMinBar), h: ganttBarH, fill: fill})
			}
		}
		y := (h-float64(len(lines))*lh)/2 + asc
		for j, ln := range lines {
			it.ops = lineOps(it.ops, ln, l.x0, y+float64(j)*lh, labelW-ganttPad, k, ps.size, alignLeft)
		}
		y = (h-float64(len(texts[i]))*lh)/2 + asc
		for j, ln := range texts[i] {
			it.ops = lineOps(it.ops, ln, l.x0+labelW, y+float64(j)*lh, textW-ganttPad, k, ps.size, alignLeft)
		}
		l.add(it)
	}
	l.items[len(l.items)-1].after = tableAfter * ptMM
	return nil
}

// ganttGrid appends the axis line and a light line at the start of every
// month after the first, from y to y+h.
func ganttGrid(ops []op, axis model.GanttAxis, col ganttCol, y, h float64) []op {
	ops = append(ops, op{kind: opLine, x: col.x0, y: y, h: h, size: chartAxisWidth, color: axisGrey})
	at := 0
	for i, m := range axis.Months {
		if i > 0 {
			ops = append(ops, op{kind: opLine, x: col.x(at), y: y, h: h, size: ganttGridWidth, color: gridGrey})
		}
		at += m.Days
	}
	return ops
}

// ganttHead is the axis head: a line with the years, each at the start of
// its first month on the axis, and a line with the months, centred in
// their column; where "Mär" does not fit, the initial; where that does
// not fit either, every third month.
func (l *layout) ganttHead(axis model.GanttAxis, col ganttCol) (*vitem, error) {
	ps := pstyle{size: ganttAxisSize, spacing: 1}
	k := unit(ps.size)
	lh := l.lineH(ps)
	asc := l.ascent(ps.size)
	it := &vitem{h: 2*lh + ganttPadY, keepNext: true}
	it.ops = ganttGrid(it.ops, axis, col, lh, lh+ganttPadY)
	l.loc.What = "Zeitachse"
	widest := 0.0
	monthW := col.w / float64(len(axis.Months))
	type label struct {
		ln line
		w  float64
	}
	months := make([]label, len(axis.Months))
	for i, m := range axis.Months {
		bs, err := l.plain(m.Label, regular)
		if err != nil {
			return nil, err
		}
		ln := l.breakLines(bs, 1e9)[0]
		months[i] = label{ln, float64(ln.units) * k}
		widest = max(widest, months[i].w)
	}
	initial := widest+0.5 > monthW
	every := 1
	if initial && widest/3+0.5 > monthW {
		every = 3
	}
	at := 0
	for i, m := range axis.Months {
		x := col.x(at)
		w := col.x(at+m.Days) - x
		at += m.Days
		if i == 0 || m.Start.Month() == 1 {
			bs, err := l.plain(strconv.Itoa(m.Year), bold)
			if err != nil {
				return nil, err
			}
			it.ops = lineOps(it.ops, l.breakLines(bs, 1e9)[0], x+0.5, asc, 1e3, k, ps.size, alignLeft)
		}
		if i%every != 0 {
			continue
		}
		ln := months[i].ln
		if initial {
			bs, err := l.plain(m.Label[:1], regular)
			if err != nil {
				return nil, err
			}
			ln = l.breakLines(bs, 1e9)[0]
		}
		it.ops = lineOps(it.ops, ln, x, lh+asc, w, k, ps.size, alignCenter)
	}
	return it, nil
}
