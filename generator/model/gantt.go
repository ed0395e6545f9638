package model

import (
	"fmt"
	"time"
)

// Gantt is a time plan drawn as bars over a time axis of months (a Gantt
// chart): one row per activity with a bar from its first to its last
// day, milestones as points. Dates are calendar days (midnight UTC, as
// the project data has them). The axis runs from the first day of the
// month of the earliest date of any row to the last day of the month of
// the latest; Axis computes it, so every renderer draws the same months.
//
// A row without dates (Start and End zero) is listed with its Text but
// has no bar: a phase not yet scheduled is shown as such, not dropped.
// The value shown beside a row is Text, computed before the model is
// built ("05.01.–27.02.2026", "Termin offen").
type Gantt struct {
	Pos   Pos
	ID    string     // optional id ("zeitplan")
	Title string     // optional, shown above the chart
	Rows  []GanttRow // at least one with dates
}

// GanttRow is one row of a Gantt chart: a bar or a milestone.
type GanttRow struct {
	Label string    // "Initialisierung"
	Start time.Time // first day; zero with End: no bar
	End   time.Time // last day (inclusive); a milestone's equals Start
	// Milestone draws the row as a point (a diamond) on Start instead of
	// a bar.
	Milestone bool
	Text      string // dates as shown, e.g. "05.01.–27.02.2026"
	Color     string // optional fill "RRGGBB"; "" is DefaultBarColor
}

// Dated reports whether the row has dates, i.e. a bar or a point.
func (r GanttRow) Dated() bool { return !r.Start.IsZero() }

// MaxGanttMonths is the longest axis a Gantt chart may span: ten years
// of months, beyond which no page shows a month legibly.
const MaxGanttMonths = 120

// GanttAxis is the time axis of a Gantt chart: whole months.
type GanttAxis struct {
	Start  time.Time    // first day of the first month
	Months []GanttMonth // in order
	Days   int          // days from Start to the end of the last month
}

// GanttMonth is one month of the axis.
type GanttMonth struct {
	Start time.Time // first day
	Days  int       // its length in days
	Label string    // German abbreviation: "Jan", "Feb", "Mär", …
	Year  int
}

var monthLabels = [12]string{"Jan", "Feb", "Mär", "Apr", "Mai", "Jun", "Jul", "Aug", "Sep", "Okt", "Nov", "Dez"}

// day is t as a calendar day at midnight UTC.
func day(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Axis checks the chart as every renderer must — at least one dated row,
// every row with a label, both dates or none, the end not before the
// start, a milestone on one day, colours six hexadecimal digits, at most
// MaxGanttMonths months — and returns its time axis.
func (g *Gantt) Axis() (GanttAxis, error) {
	var first, last time.Time
	for i, r := range g.Rows {
		at := fmt.Sprintf("Zeile %d", i+1)
		if r.Label != "" {
			at += " („" + r.Label + "“)"
		}
		switch {
		case r.Label == "":
			return GanttAxis{}, fmt.Errorf("%s: ohne Bezeichnung", at)
		case r.Start.IsZero() != r.End.IsZero():
			return GanttAxis{}, fmt.Errorf("%s: Beginn und Ende gibt es nur zusammen", at)
		case r.Color != "" && !IsColor(r.Color):
			return GanttAxis{}, fmt.Errorf("%s: Farbe %q ist keine Farbe RRGGBB", at, r.Color)
		case !r.Dated():
			if r.Milestone {
				return GanttAxis{}, fmt.Errorf("%s: Meilenstein ohne Datum", at)
			}
			continue
		case day(r.End).Before(day(r.Start)):
			return GanttAxis{}, fmt.Errorf("%s: Ende %s vor Beginn %s", at, r.End.Format(time.DateOnly), r.Start.Format(time.DateOnly))
		case r.Milestone && !day(r.End).Equal(day(r.Start)):
			return GanttAxis{}, fmt.Errorf("%s: ein Meilenstein liegt auf einem Tag", at)
		}
		if first.IsZero() || day(r.Start).Before(first) {
			first = day(r.Start)
		}
		if last.IsZero() || day(r.End).After(last) {
			last = day(r.End)
		}
	}
	if first.IsZero() {
		return GanttAxis{}, fmt.Errorf("Zeitplan ohne Termine: mindestens eine Zeile braucht Beginn und Ende")
	}
	a := GanttAxis{Start: time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC)}
	for m := a.Start; !m.After(last); m = m.AddDate(0, 1, 0) {
		if len(a.Months) == MaxGanttMonths {
			return GanttAxis{}, fmt.Errorf("Zeitplan über mehr als %d Monate (%s bis %s)", MaxGanttMonths, first.Format(time.DateOnly), last.Format(time.DateOnly))
		}
		next := m.AddDate(0, 1, 0)
		days := int(next.Sub(m).Hours() / 24)
		a.Months = append(a.Months, GanttMonth{Start: m, Days: days, Label: monthLabels[m.Month()-1], Year: m.Year()})
		a.Days += days
	}
	return a, nil
}

// Offset is the number of days from the axis start to t.
func (a GanttAxis) Offset(t time.Time) int {
	return int(day(t).Sub(a.Start).Hours() / 24)
}

// Span is where a dated row lies on the axis in days: from the start of
// its first day to the end of its last (a milestone: its one day).
func (a GanttAxis) Span(r GanttRow) (from, to int) {
	return a.Offset(r.Start), a.Offset(r.End) + 1
}

// Covers reports whether a dated row's bar or point falls into month m
// of the axis: the cells a month grid fills.
func (a GanttAxis) Covers(r GanttRow, m int) bool {
	if !r.Dated() || m < 0 || m >= len(a.Months) {
		return false
	}
	start := a.Months[m].Start
	end := start.AddDate(0, 1, -1)
	return !day(r.Start).After(end) && !day(r.End).Before(start)
}

// DefaultMilestoneColor is the fill of a milestone without a Color.
const DefaultMilestoneColor = "C00000"

// Fill returns the fill of the row: its Color, else DefaultBarColor for
// a bar and DefaultMilestoneColor for a milestone.
func (r GanttRow) Fill() string {
	switch {
	case r.Color != "":
		return r.Color
	case r.Milestone:
		return DefaultMilestoneColor
	}
	return DefaultBarColor
}

// Position returns where the Gantt chart came from.
func (g *Gantt) Position() Pos { return g.Pos }

func (*Gantt) block() {}
