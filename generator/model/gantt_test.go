package model_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestGanttAxis(t *testing.T) {
	t.Parallel()
	g := modeltest.Timeline()
	a, err := g.Axis()
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Months) != 24 || !a.Start.Equal(date(2025, 1, 1)) || a.Days != 365+365 {
		t.Fatalf("axis: %d months from %s, %d days; want 24 from 2025-01-01, 730 days", len(a.Months), a.Start.Format(time.DateOnly), a.Days)
	}
	if m := a.Months[2]; m.Label != "Mär" || m.Year != 2025 || m.Days != 31 {
		t.Errorf("third month %+v", m)
	}
	if m := a.Months[13]; m.Label != "Feb" || m.Year != 2026 || m.Days != 28 {
		t.Errorf("14th month %+v", m)
	}
	from, to := a.Span(g.Rows[0])
	if from != 5 || to != 31+28+28 {
		t.Errorf("span of the first row %d..%d, want 5..87", from, to)
	}
	// the milestone on 30.09.2026 covers September 2026 only
	var covered []int
	for m := range a.Months {
		if a.Covers(g.Rows[5], m) {
			covered = append(covered, m)
		}
	}
	if len(covered) != 1 || covered[0] != 20 {
		t.Errorf("milestone covers months %v, want [20]", covered)
	}
	// an undated row covers nothing
	for m := range a.Months {
		if a.Covers(g.Rows[2], m) {
			t.Errorf("undated row covers month %d", m)
		}
	}
	// the bar from 01.04. to 30.06.2025 covers April to June
	for m := range a.Months {
		if want := m >= 3 && m <= 5; a.Covers(g.Rows[1], m) != want {
			t.Errorf("row 2, month %d: covers %t, want %t", m, !want, want)
		}
	}
}

func TestGanttAxisRefusesBadRows(t *testing.T) {
	t.Parallel()
	d1, d2 := date(2026, 3, 1), date(2026, 5, 31)
	for _, tt := range []struct {
		name string
		rows []model.GanttRow
		err  string
	}{
		{"none dated", []model.GanttRow{{Label: "a"}}, "ohne Termine"},
		{"no rows", nil, "ohne Termine"},
		{"no label", []model.GanttRow{{Start: d1, End: d2}}, "Zeile 1: ohne Bezeichnung"},
		{"start only", []model.GanttRow{{Label: "a", Start: d1}}, "Beginn und Ende gibt es nur zusammen"},
		{"end before start", []model.GanttRow{{Label: "a", Start: d2, End: d1}}, "Ende 2026-03-01 vor Beginn 2026-05-31"},
		{"milestone over days", []model.GanttRow{{Label: "m", Start: d1, End: d2, Milestone: true}}, "auf einem Tag"},
		{"milestone undated", []model.GanttRow{{Label: "x", Start: d1, End: d1}, {Label: "m", Milestone: true}}, "Zeile 2 („m“): Meilenstein ohne Datum"},
		{"colour", []model.GanttRow{{Label: "a", Start: d1, End: d2, Color: "grün"}}, "keine Farbe"},
		{"too long", []model.GanttRow{{Label: "a", Start: d1, End: date(2036, 3, 1)}}, "mehr als 120 Monate"},
	} {
		g := &model.Gantt{Rows: tt.rows}
		if _, err := g.Axis(); err == nil || !strings.Contains(err.Error(), tt.err) {
			t.Errorf("%s: %v, want %q", tt.name, err, tt.err)
		}
	}
	// ten years exactly are allowed
	g := &model.Gantt{Rows: []model.GanttRow{{Label: "a", Start: d1, End: date(2036, 2, 29)}}}
	if a, err := g.Axis(); err != nil || len(a.Months) != 120 {
		t.Errorf("120 months: %v", err)
	}
}

func TestGanttFill(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		row  model.GanttRow
		want string
	}{
		{model.GanttRow{}, model.DefaultBarColor},
		{model.GanttRow{Milestone: true}, model.DefaultMilestoneColor},
		{model.GanttRow{Milestone: true, Color: "00FF00"}, "00FF00"},
		{model.GanttRow{Color: "123456"}, "123456"},
	} {
		if got := tt.row.Fill(); got != tt.want {
			t.Errorf("%+v: %s, want %s", tt.row, got, tt.want)
		}
	}
}

func TestDumpGantt(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := model.Dump(&b, modeltest.Plan()); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`  gantt id="zeitplan" title="Zeitplan" @projektplan.md.tmpl:30` + "\n",
		`    row label="1 Initialisierung" start=2025-01-06 end=2025-03-28 text="06.01.–28.03.2025" color=""` + "\n",
		`    row label="3 Planung Nachnutzung" start=- end=- text="Termin offen" color=""` + "\n",
		`    row label="Unterzeichnung" start=2026-12-15 end=2026-12-15 milestone text="15.12.2026" color="7F7F7F"` + "\n",
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("dump lacks %q:\n%s", want, b.String())
		}
	}
	n := 0
	if err := model.Walk(modeltest.Plan(), func(b model.Block, _ []*model.Section) error {
		if _, ok := b.(*model.Gantt); ok {
			n++
		}
		return nil
	}); err != nil || n != 1 {
		t.Errorf("walk: %d Gantt charts, %v", n, err)
	}
}
