package sheets

import (
	"io"
	"strconv"
	"time"

	"github.com/vereinbar/vereinbar/generator/view"
	"github.com/xuri/excelize/v2"
)

// Names of the sheets of the Projektplan workbook.
const (
	PlanSheet     = "Projektplan"
	ScheduleSheet = "Zeitplan"
)

// planColumns are the task columns of the sheet „Projektplan“; the month
// columns of the Gantt chart follow them.
var planColumns = []struct {
	header string
	width  float64
}{
	{"Nr.", 5}, {"Phase", 24}, {"Rolle", 9}, {"Rolle (Bezeichnung)", 24}, {"Dimension", 15},
	{"Aufgabe", 60}, {"Beginn", 11}, {"Ende", 11}, {"Quelle (Leitfaden)", 36},
}

// monthFormat shows a month's header cell, a date, as the German
// abbreviation of the month and the year („Jan 26“): locale 407 (German)
// for the month names in Excel and LibreOffice alike.
const monthFormat = `[$-407]MMM YY`

// Projektplan writes the project plan as a workbook. The sheet
// „Projektplan“ has one row per task: number, phase, role (short and
// full), dimension, task, the phase's first and last day as date cells
// (empty for a phase without dates) and the section of the seed guide;
// then one narrow column per month of the time plan ("Jan 26"), in which
// the months the task's phase touches hold 1 (hidden by the number format
// ;;;, so a formula can count them) and are filled in the phase's colour.
// Milestones follow as rows of their own, "◆" in their month. The header
// row and the task columns up to „Ende“ are frozen; the task columns have
// an autofilter. The sheet „Zeitplan“ lists the rows of the time plan
// (phases and milestones) with their dates. The same plan gives the same
// bytes: the document properties and zip entries carry stand.
func Projektplan(w io.Writer, p view.Plan, title string, stand time.Time) error {
	f, st, err := newWorkbook(PlanSheet)
	if err != nil {
		return err
	}
	defer f.Close()
	months := planMonths(p)
	pw := &planWriter{f: f, st: st, months: months, fills: map[string]int{}}
	if err := pw.tasks(p); err != nil {
		return err
	}
	if _, err := f.NewSheet(ScheduleSheet); err != nil {
		return err
	}
	if err := pw.schedule(p); err != nil {
		return err
	}
	return save(w, f, title, stand)
}

// planWriter writes the sheets of a Projektplan.
type planWriter struct {
	f      *excelize.File
	st     *styles
	months []time.Time    // first day of each month of the time plan
	fills  map[string]int // style of a filled month cell, by colour
	marker int            // style of a milestone's month cell
	month  int            // style of a month's header cell (a date shown „Jan 26“)
}

// planMonths are the months from the first to the last date of the time
// plan; none when nothing is dated.
func planMonths(p view.Plan) []time.Time {
	var first, last time.Time
	for _, z := range p.Zeitplan {
		if z.Beginn.IsZero() {
			continue
		}
		if first.IsZero() || z.Beginn.Before(first) {
			first = z.Beginn
		}
		if z.Ende.After(last) {
			last = z.Ende
		}
	}
	if first.IsZero() {
		return nil
	}
	var out []time.Time
	for m := time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(last); m = m.AddDate(0, 1, 0) {
		out = append(out, m)
	}
	return out
}

// covers reports whether the span from b to e touches the month m.
func covers(b, e, m time.Time) bool {
	return !b.IsZero() && !b.After(m.AddDate(0, 1, -1)) && !e.Before(m)
}

func (pw *planWriter) fill(color string) (int, error) {
	if id, ok := pw.fills[color]; ok {
		return id, nil
	}
	nf := ";;;"
	id, err := pw.f.NewStyle(&excelize.Style{CustomNumFmt: &nf,
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}},
		Border: []excelize.Border{{Type: "left", Color: "FFFFFF", Style: 1}}})
	pw.fills[color] = id
	return id, err
}

// ref is the cell reference of column col (1-based) and row.
func ref(col, row int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name + strconv.Itoa(row)
}

func (pw *planWriter) header(sheet string, headers []string, widths []float64) error {
	f := pw.f
	for i, h := range headers {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, widths[i]); err != nil {
			return err
		}
		if err := setCell(f, sheet, col, 1, str(h), text, pw.st.header); err != nil {
			return err
		}
	}
	if pw.month == 0 && len(pw.months) > 0 {
		// the month as a date cell, shown as the German abbreviation and
		// the year („Jan 26“, „Mär 26“) whatever the program's language
		nf := monthFormat
		id, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, CustomNumFmt: &nf,
			Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
			Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}}})
		if err != nil {
			return err
		}
		pw.month = id
	}
	for i, m := range pw.months {
		c := len(headers) + i + 1
		col, _ := excelize.ColumnNumberToName(c)
		if err := f.SetColWidth(sheet, col, col, 4.5); err != nil {
			return err
		}
		if err := setCell(f, sheet, col, 1, day(m), date, pw.month); err != nil {
			return err
		}
	}
	return nil
}

// gantt writes the month cells of one row: filled where b–e touches the
// month, or a ◆ in the month of a milestone.
func (pw *planWriter) gantt(sheet string, row, firstCol int, b, e time.Time, color string, milestone bool) error {
	for i, m := range pw.months {
		if !covers(b, e, m) {
			continue
		}
		r := ref(firstCol+i, row)
		if milestone {
			if err := pw.f.SetCellStr(sheet, r, "◆"); err != nil {
				return err
			}
			if err := pw.f.SetCellStyle(sheet, r, r, pw.marker); err != nil {
				return err
			}
			continue
		}
		id, err := pw.fill(color)
		if err != nil {
			return err
		}
		if err := pw.f.SetCellInt(sheet, r, 1); err != nil {
			return err
		}
		if err := pw.f.SetCellStyle(sheet, r, r, id); err != nil {
			return err
		}
	}
	return nil
}

func (pw *planWriter) tasks(p view.Plan) error {
	f, st, sheet := pw.f, pw.st, PlanSheet
	var err error
	if pw.marker, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "C00000", Bold: true},
		Alignment: &excelize.Alignment{Horizontal: "center"}}); err != nil {
		return err
	}
	headers := make([]string, len(planColumns))
	widths := make([]float64, len(planColumns))
	for i, c := range planColumns {
		headers[i], widths[i] = c.header, c.width
	}
	if err := pw.header(sheet, headers, widths); err != nil {
		return err
	}
	row := 1
	n := 0
	for _, ph := range p.Phasen {
		name := ph.Name
		if ph.Nummer > 0 {
			name = strconv.Itoa(ph.Nummer) + " " + ph.Name
		}
		for _, a := range ph.Aufgaben {
			row++
			n++
			cells := []struct {
				v cell
				k kind
			}{
				{num(int64(n)), integer}, {str(name), text}, {str(a.Rolle), text}, {str(a.RolleName), text},
				{str(a.Dimension), text}, {str(a.Aufgabe), text}, {day(ph.Beginn), date}, {day(ph.Ende), date},
				{str(a.Abschnitt), text},
			}
			for i, c := range cells {
				col, _ := excelize.ColumnNumberToName(i + 1)
				if err := setCell(f, sheet, col, row, c.v, c.k, st.body[c.k]); err != nil {
					return err
				}
			}
			if err := pw.gantt(sheet, row, len(planColumns)+1, ph.Beginn, ph.Ende, ph.Farbe, false); err != nil {
				return err
			}
		}
	}
	for _, z := range p.Zeitplan {
		if !z.Meilenstein {
			continue
		}
		row++
		n++
		cells := []struct {
			v cell
			k kind
		}{{num(int64(n)), integer}, {str("Meilenstein"), text}, {}, {}, {}, {str(z.Bezeichnung), text}, {day(z.Beginn), date}, {day(z.Ende), date}, {}}
		for i, c := range cells {
			col, _ := excelize.ColumnNumberToName(i + 1)
			if err := setCell(f, sheet, col, row, c.v, c.k, st.body[c.k]); err != nil {
				return err
			}
		}
		if err := pw.gantt(sheet, row, len(planColumns)+1, z.Beginn, z.Ende, z.Farbe, true); err != nil {
			return err
		}
	}
	lastCol, _ := excelize.ColumnNumberToName(len(planColumns))
	if err := f.AutoFilter(sheet, "A1:"+lastCol+strconv.Itoa(max(row, 2)), nil); err != nil {
		return err
	}
	frozen, _ := excelize.ColumnNumberToName(len(planColumns) + 1)
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: len(planColumns), YSplit: 1, TopLeftCell: frozen + "2", ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: frozen + "2", ActiveCell: frozen + "2", Pane: "bottomRight"}}})
}

// schedule writes the sheet „Zeitplan“: the rows of the time plan with
// their dates as date cells and the dates as the documents show them.
func (pw *planWriter) schedule(p view.Plan) error {
	f, st, sheet := pw.f, pw.st, ScheduleSheet
	if err := pw.header(sheet, []string{"Vorgang", "Art", "Beginn", "Ende", "Termin"}, []float64{36, 12, 11, 11, 24}); err != nil {
		return err
	}
	for i, z := range p.Zeitplan {
		row := i + 2
		art := "Phase"
		if z.Meilenstein {
			art = "Meilenstein"
		}
		cells := []struct {
			v cell
			k kind
		}{{str(z.Bezeichnung), text}, {str(art), text}, {day(z.Beginn), date}, {day(z.Ende), date}, {str(z.Termin), text}}
		for j, c := range cells {
			col, _ := excelize.ColumnNumberToName(j + 1)
			if err := setCell(f, sheet, col, row, c.v, c.k, st.body[c.k]); err != nil {
				return err
			}
		}
		if err := pw.gantt(sheet, row, 6, z.Beginn, z.Ende, z.Farbe, z.Meilenstein); err != nil {
			return err
		}
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 5, YSplit: 1, TopLeftCell: "F2", ActivePane: "bottomRight",
		Selection: []excelize.Selection{{SQRef: "F2", ActiveCell: "F2", Pane: "bottomRight"}}})
}
