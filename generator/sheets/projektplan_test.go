package sheets_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator/sheets"
	"github.com/vereinbar/vereinbar/generator/view"
	"github.com/xuri/excelize/v2"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// samplePlan has a dated phase with two tasks, an undated one with a
// task, and a milestone, over three months.
func samplePlan() view.Plan {
	return view.Plan{
		Phasen: []view.PlanPhase{
			{Phase: "initialisierung", Name: "Initialisierung", Nummer: 1, Beginn: day(2026, 1, 15), Ende: day(2026, 2, 10), Termin: "15.01.–10.02.2026", Farbe: "A5A5A5",
				Aufgaben: []view.PlanAufgabe{
					{Rolle: "OZG-K", RolleName: "OZG-Koordination", Dimension: "organisatorisch", Aufgabe: "Termine ansetzen", Abschnitt: "3.1 Phase 1: Initialisierung"},
					{Rolle: "FR", RolleName: "Fachreferat", Dimension: "technisch", Aufgabe: "Stand einschätzen", Abschnitt: "3.1 Phase 1: Initialisierung"},
				}},
			{Phase: "pruefung", Name: "Prüfung Nachnutzung", Nummer: 2, Termin: "Termin offen", Farbe: "9DC3E6",
				Aufgaben: []view.PlanAufgabe{{Rolle: "FR", RolleName: "Fachreferat", Dimension: "organisatorisch", Aufgabe: "Kontakt aufnehmen", Abschnitt: "3.2"}}},
		},
		Zeitplan: []view.PlanZeile{
			{Bezeichnung: "1 Initialisierung", Beginn: day(2026, 1, 15), Ende: day(2026, 2, 10), Termin: "15.01.–10.02.2026", Farbe: "A5A5A5"},
			{Bezeichnung: "2 Prüfung Nachnutzung", Termin: "Termin offen", Farbe: "9DC3E6"},
			{Bezeichnung: "Start", Beginn: day(2026, 3, 31), Ende: day(2026, 3, 31), Meilenstein: true, Termin: "31.03.2026", Farbe: "C00000"},
		},
	}
}

// TestProjektplanSheet: a row per task and milestone with date cells, a
// month column per month of the time plan, filled (and 1) where the
// task's phase falls, ◆ in a milestone's month, nothing for an undated
// phase; frozen header and task columns; the same plan gives the same
// bytes.
func TestProjektplanSheet(t *testing.T) {
	t.Parallel()
	var a, b bytes.Buffer
	stand := day(2026, 11, 28)
	if err := sheets.Projektplan(&a, samplePlan(), "Projektplan: Test", stand); err != nil {
		t.Fatal(err)
	}
	if err := sheets.Projektplan(&b, samplePlan(), "Projektplan: Test", stand); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("not byte-identical")
	}
	f, err := excelize.OpenReader(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != sheets.PlanSheet || got[1] != sheets.ScheduleSheet {
		t.Fatalf("sheets %v", got)
	}
	rows, err := f.GetRows(sheets.PlanSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	// header + 3 tasks + 1 milestone; months Jan, Feb, Mar 2026 in J, K, L
	// the month headers are date cells (1 January 2026 = 46023) shown
	// „Jan 26“ by a German month format (audit: they were text)
	if len(rows) != 5 || rows[0][9] != "46023" || rows[0][10] != "46054" || rows[0][11] != "46082" || len(rows[0]) != 12 {
		t.Fatalf("rows %q", rows)
	}
	for _, ref := range []string{"J1", "L1"} {
		id, _ := f.GetCellStyle(sheets.PlanSheet, ref)
		st, err := f.GetStyle(id)
		if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != `[$-407]MMM YY` {
			t.Errorf("%s: number format %v, want [$-407]MMM YY (%v)", ref, st.CustomNumFmt, err)
		}
	}
	// no sheet claims a filter is applied (audit: filterMode was set)
	zr, err := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	sheetsSeen := 0
	for _, e := range zr.File {
		if !strings.HasPrefix(e.Name, "xl/worksheets/sheet") {
			continue
		}
		sheetsSeen++
		r, _ := e.Open()
		x, _ := io.ReadAll(r)
		r.Close()
		if bytes.Contains(x, []byte("filterMode")) {
			t.Errorf("%s: filterMode set", e.Name)
		}
		if e.Name == "xl/worksheets/sheet1.xml" && !bytes.Contains(x, []byte("<autoFilter")) {
			t.Errorf("%s: the autofilter is gone", e.Name)
		}
	}
	if sheetsSeen != 2 {
		t.Errorf("%d worksheets", sheetsSeen)
	}
	cell := func(ref string) string {
		v, err := f.GetCellValue(sheets.PlanSheet, ref, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	fill := func(ref string) string {
		id, err := f.GetCellStyle(sheets.PlanSheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if len(st.Fill.Color) == 0 {
			return ""
		}
		return st.Fill.Color[0]
	}
	if cell("G2") != "46037" || cell("H2") != "46063" { // 15.01.2026, 10.02.2026 as day numbers
		t.Errorf("dates %s, %s", cell("G2"), cell("H2"))
	}
	for ref, want := range map[string]string{"J2": "1", "K2": "1", "L2": "", "J3": "1", "J4": "", "K4": "", "L5": "◆", "K5": ""} {
		if got := cell(ref); got != want {
			t.Errorf("%s = %q, want %q", ref, got, want)
		}
	}
	if fill("J2") != "A5A5A5" || fill("L2") != "" || fill("J4") != "" {
		t.Errorf("fills J2 %q, L2 %q, J4 %q", fill("J2"), fill("L2"), fill("J4"))
	}
	if cell("B5") != "Meilenstein" || cell("F5") != "Start" || cell("G5") != "46112" {
		t.Errorf("milestone row %q", rows[4])
	}
	if cell("G4") != "" || cell("B4") != "2 Prüfung Nachnutzung" {
		t.Errorf("undated phase row %q", rows[3])
	}
	panes, err := f.GetPanes(sheets.PlanSheet)
	if err != nil || !panes.Freeze || panes.XSplit != 9 || panes.YSplit != 1 {
		t.Errorf("panes %+v, %v", panes, err)
	}
	sched, err := f.GetRows(sheets.ScheduleSheet, excelize.Options{RawCellValue: true})
	if err != nil || len(sched) != 4 || sched[3][1] != "Meilenstein" || sched[1][4] != "15.01.–10.02.2026" {
		t.Errorf("Zeitplan %q, %v", sched, err)
	}
}

// TestProjektplanSheetWithoutDates: without any date the sheet has the
// tasks and no month columns.
func TestProjektplanSheetWithoutDates(t *testing.T) {
	t.Parallel()
	p := samplePlan()
	p.Phasen[0].Beginn, p.Phasen[0].Ende = time.Time{}, time.Time{}
	p.Zeitplan = nil
	var buf bytes.Buffer
	if err := sheets.Projektplan(&buf, p, "Projektplan", day(2026, 1, 1)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(sheets.PlanSheet)
	if len(rows) != 4 || len(rows[0]) != 9 {
		t.Errorf("rows %q", rows)
	}
}
