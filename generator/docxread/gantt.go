package docxread

import (
	"slices"
	"strconv"
	"time"

	"github.com/vereinbar/vereinbar/generator/model"
)

// ganttMonths are the month labels the DOCX renderer writes over the
// month columns of a Gantt chart.
var ganttMonths = []string{"Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"}

// ganttAxis reads the axis of a Gantt chart as the renderer writes it:
// two header rows, the first with the years over the month columns, the
// second with a label per month column after the label and dates
// columns; every body row has a cell per column. It returns the first
// day of each month, or nil when rows are no Gantt chart. Month initials
// (written when the columns are narrow) are read when they fit exactly
// one run of consecutive months.
func ganttAxis(rows []row) []time.Time {
	if len(rows) < 3 || !rows[0].header || !rows[1].header || len(rows[1].cells) < 3 || len(rows[0].cells) < 3 {
		return nil
	}
	year, err := strconv.Atoi(plain(rows[0].cells[2].inlines()))
	if err != nil || year < 1000 || year > 9999 {
		return nil
	}
	labels := make([]string, 0, len(rows[1].cells)-2)
	for _, c := range rows[1].cells[2:] {
		labels = append(labels, plain(c.inlines()))
	}
	first := -1
	for m := range 12 {
		fits := true
		for i, l := range labels {
			name := ganttMonths[(m+i)%12]
			if l != name && l != name[:1] {
				fits = false
				break
			}
		}
		if fits {
			if first >= 0 {
				return nil // ambiguous initials
			}
			first = m
		}
	}
	if first < 0 {
		return nil
	}
	for _, r := range rows[2:] {
		if r.header || len(r.cells) != len(rows[1].cells) {
			return nil
		}
	}
	out := make([]time.Time, len(labels))
	for i := range labels {
		out[i] = time.Date(year, time.Month(first+1), 1, 0, 0, 0, 0, time.UTC).AddDate(0, i, 0)
	}
	return out
}

// gantt reads a Gantt chart back: per body row the label, the dates as
// shown and the months. A DOCX holds the plan to the month: a bar runs
// from the first day of its first shaded month to the last day of its
// last; a milestone (a ◆) lies on the first day of its month.
func gantt(rows []row, months []time.Time, id, title string) *model.Gantt {
	g := &model.Gantt{ID: id, Title: title}
	for _, r := range rows[2:] {
		gr := model.GanttRow{Label: plain(r.cells[0].inlines()), Text: plain(r.cells[1].inlines())}
		var covered []int
		for i, c := range r.cells[2:] {
			switch {
			case plain(c.inlines()) == "◆":
				gr.Milestone = true
				covered = append(covered, i)
			case c.shade != "":
				covered = append(covered, i)
				if gr.Color == "" {
					gr.Color = c.shade
				}
			}
		}
		if len(covered) > 0 {
			from, to := months[covered[0]], months[slices.Max(covered)]
			gr.Start, gr.End = from, to.AddDate(0, 1, -1)
			if gr.Milestone {
				gr.End = from
			}
		}
		if gr.Color == model.DefaultBarColor {
			gr.Color = ""
		}
		g.Rows = append(g.Rows, gr)
	}
	return g
}
