package docx

import (
	"strconv"
	"unicode/utf8"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/internal/textcheck"
)

// A Gantt chart is a fixed table, for the reason the bar chart is one
// (see chart.go): shaded table cells are the filled rectangles Word and
// LibreOffice lay out alike, and the document reads back as a table. Its
// columns are the label, the dates as shown and one narrow column per
// month of the axis; a head row gives the years (a cell spanning their
// months) and one the months. A bar shades the cells of the months it
// touches, so the DOCX resolves the plan to months where the PDF draws
// days; a milestone is a ◆ in its month. Light lines separate the months.
const (
	ganttHalfPts     = 14  // 7 pt text, as in the PDF
	ganttAxisHalfPts = 13  // 6.5 pt years and months
	ganttCharW       = 80  // twips per character of 7 pt Arial, generously
	ganttMonthCharW  = 75  // of 6.5 pt
	ganttLabelMinP   = 20  // label column: 20 % to 30 % of the text width
	ganttLabelMaxP   = 30  //
	ganttTextMaxP    = 20  // dates column: at most 20 %
	ganttRowH        = 240 // a row is at least this high
	ganttGrid        = `<w:left w:val="single" w:sz="2" w:space="0" w:color="BFBFBF"/>`
)

// ganttRow is a row with its text checked.
type ganttRow struct {
	label, text string
	row         model.GanttRow
}

func (r *renderer) gantt(g *model.Gantt) error {
	saved := r.loc
	defer func() { r.loc = saved }()
	r.loc = textcheck.Location{Pos: or(g.Pos, saved.Pos), Section: saved.Section, What: "Zeitplan", Label: g.ID}
	axis, err := g.Axis()
	if err != nil {
		return r.invalid("%v", err)
	}
	rows := make([]ganttRow, len(g.Rows))
	labelRunes, textRunes := 0, 0
	for i, row := range g.Rows {
		r.loc.Row, r.loc.Col = i+1, 1
		label, err := r.clean(row.Label)
		if err != nil {
			return err
		}
		r.loc.Col = 2
		text, err := r.clean(row.Text)
		if err != nil {
			return err
		}
		rows[i] = ganttRow{label: label, text: text, row: row}
		labelRunes = max(labelRunes, utf8.RuneCountInString(label))
		textRunes = max(textRunes, utf8.RuneCountInString(text))
	}
	r.loc.Row, r.loc.Col = 0, 0
	labelW := min(max(labelRunes*ganttCharW+2*chartPad, r.textW*ganttLabelMinP/100), r.textW*ganttLabelMaxP/100)
	textW := min(textRunes*ganttCharW+2*chartPad, r.textW*ganttTextMaxP/100)
	areaW := r.textW - labelW - textW
	n := len(axis.Months)
	// month i spans edge(i) to edge(i+1): integer edges, so the columns
	// add up to the area exactly
	edge := func(i int) int { return areaW * i / n }
	monthW := areaW / n
	initial := 3*ganttMonthCharW > monthW

	mark, markName, err := r.caption(g.ID, g.Title, "")
	if err != nil {
		return err
	}
	x := &r.x
	x.raw(`<w:tbl><w:tblPr><w:tblW`)
	x.intAttr("w:w", r.textW)
	x.raw(` w:type="dxa"/>` + bordersNone + `<w:tblLayout w:type="fixed"/>` + cellMargins + `</w:tblPr><w:tblGrid><w:gridCol`)
	x.intAttr("w:w", labelW)
	x.raw(`/><w:gridCol`)
	x.intAttr("w:w", textW)
	x.raw(`/>`)
	for i := range n {
		x.raw(`<w:gridCol`)
		x.intAttr("w:w", edge(i+1)-edge(i))
		x.raw(`/>`)
	}
	x.raw(`</w:tblGrid>`)

	// head: years, then months
	x.raw(`<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
	r.ganttTextCell(labelW, "", 0, true, mark, markName)
	r.ganttTextCell(textW, "", 0, true, -1, "")
	for i := 0; i < n; {
		j := i + 1
		for j < n && axis.Months[j].Year == axis.Months[i].Year {
			j++
		}
		r.ganttMonthCell(edge(j)-edge(i), j-i, strconv.Itoa(axis.Months[i].Year), true)
		i = j
	}
	x.raw(`</w:tr><w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>`)
	r.ganttTextCell(labelW, "", 0, true, -1, "")
	r.ganttTextCell(textW, "", 0, true, -1, "")
	for i, m := range axis.Months {
		label := m.Label
		if initial {
			label = label[:1]
		}
		r.ganttMonthCell(edge(i+1)-edge(i), 1, label, false)
	}
	x.raw(`</w:tr>`)

	for k, row := range rows {
		keep := k < len(rows)-1
		x.raw(`<w:tr><w:trPr><w:cantSplit/><w:trHeight`)
		x.intAttr("w:val", ganttRowH)
		x.raw(`/></w:trPr>`)
		r.ganttTextCell(labelW, row.label, ganttHalfPts, keep, -1, "")
		r.ganttTextCell(textW, row.text, ganttHalfPts, keep, -1, "")
		for i := range n {
			w := edge(i+1) - edge(i)
			switch {
			case !axis.Covers(row.row, i):
				r.ganttBarCell(w, "", keep)
			case row.row.Milestone:
				r.ganttMilestoneCell(w, row.row.Fill(), keep)
			default:
				r.ganttBarCell(w, row.row.Fill(), keep)
			}
		}
		x.raw(`</w:tr>`)
	}
	x.raw(`</w:tbl>` + tableEnd)
	return nil
}

// ganttTextCell writes a cell of the label or dates column.
func (r *renderer) ganttTextCell(w int, text string, halfPts int, keep bool, mark int, markName string) {
	x := &r.x
	x.raw(`<w:tc><w:tcPr><w:tcW`)
	x.intAttr("w:w", w)
	x.raw(` w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="` + styleTableText + `"/>`)
	if keep {
		x.raw(`<w:keepNext/>`)
	}
	x.raw(`<w:spacing w:before="0" w:after="0"/></w:pPr>`)
	if mark >= 0 {
		r.bookmarkStart(mark, markName)
		r.bookmarkEnd(mark)
	}
	x.sizedRun(text, halfPts)
	x.raw(`</w:p></w:tc>`)
}

// ganttMonthCell writes a head cell over span months: a year in bold or a
// month, centred, with the grid line on its left.
func (r *renderer) ganttMonthCell(w, span int, text string, bold bool) {
	x := &r.x
	x.raw(`<w:tc><w:tcPr><w:tcW`)
	x.intAttr("w:w", w)
	x.raw(` w:type="dxa"/>`)
	if span > 1 {
		x.raw(`<w:gridSpan`)
		x.intAttr("w:val", span)
		x.raw(`/>`)
	}
	x.raw(`<w:tcBorders>` + ganttGrid + `</w:tcBorders><w:tcMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar></w:tcPr>` +
		`<w:p><w:pPr><w:pStyle w:val="` + styleTableText + `"/><w:keepNext/><w:spacing w:before="0" w:after="0"/><w:jc w:val="center"/></w:pPr>`)
	x.raw(`<w:r><w:rPr>`)
	if bold {
		x.raw(`<w:b/><w:bCs/>`)
	}
	x.raw(`<w:sz w:val="` + strconv.Itoa(ganttAxisHalfPts) + `"/><w:szCs w:val="` + strconv.Itoa(ganttAxisHalfPts) + `"/></w:rPr>`)
	x.runText(text, "w:t")
	x.raw(`</w:p></w:tc>`)
}

// ganttBarCell writes a month cell of a row, shaded with fill where a bar
// touches the month (fill "" leaves it white).
func (r *renderer) ganttBarCell(w int, fill string, keep bool) {
	x := &r.x
	x.raw(`<w:tc><w:tcPr><w:tcW`)
	x.intAttr("w:w", w)
	x.raw(` w:type="dxa"/><w:tcBorders>` + ganttGrid + `</w:tcBorders>`)
	if fill != "" {
		x.raw(`<w:shd w:val="clear" w:color="auto"`)
		x.attr("w:fill", fill)
		x.raw(`/>`)
	}
	x.raw(`<w:tcMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar><w:vAlign w:val="center"/></w:tcPr>`)
	r.ganttCellPara(keep)
	x.raw(`</w:p></w:tc>`)
}

// ganttMilestoneCell writes the month cell of a milestone: a ◆ in its
// colour, centred.
func (r *renderer) ganttMilestoneCell(w int, fill string, keep bool) {
	x := &r.x
	x.raw(`<w:tc><w:tcPr><w:tcW`)
	x.intAttr("w:w", w)
	x.raw(` w:type="dxa"/><w:tcBorders>` + ganttGrid + `</w:tcBorders><w:tcMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar><w:vAlign w:val="center"/></w:tcPr>`)
	r.ganttCellPara(keep)
	x.raw(`<w:r><w:rPr><w:color`)
	x.attr("w:val", fill)
	x.raw(`/><w:sz w:val="` + strconv.Itoa(ganttHalfPts) + `"/><w:szCs w:val="` + strconv.Itoa(ganttHalfPts) + `"/></w:rPr>`)
	x.runText("◆", "w:t")
	x.raw(`</w:p></w:tc>`)
}

func (r *renderer) ganttCellPara(keep bool) {
	x := &r.x
	x.raw(`<w:p><w:pPr><w:pStyle w:val="` + styleTableText + `"/>`)
	if keep {
		x.raw(`<w:keepNext/>`)
	}
	x.raw(`<w:spacing w:before="0" w:after="0"/><w:jc w:val="center"/></w:pPr>`)
}
