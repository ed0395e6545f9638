package generator_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/view"
	"github.com/xuri/excelize/v2"
)

// TestProjektplanIsOnePage renders the Projektplan of every fixture and
// asserts one landscape A4 page that qpdf accepts, in our PDF and in
// LibreOffice's rendering of our DOCX, with the Gantt chart on it where
// the project has dates.
func TestProjektplanIsOnePage(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	out := t.TempDir()
	var docxs []string
	for i, path := range fixtureFiles(t, fixturesDir) {
		files := generateInto(t, gen, path, out, "projektplan")
		f := files["projektplan"]
		if f == nil {
			t.Fatalf("%s: kein Projektplan geschrieben", path)
		}
		testtool.Run(t, "qpdf", "--check", f[".pdf"])
		checkLandscapePage(t, path+" (PDF)", f[".pdf"])
		dst := filepath.Join(out, "lo", strconv.Itoa(i)+".docx")
		testtool.Run(t, "install", "-D", f[".docx"], dst)
		docxs = append(docxs, dst)
	}
	for i, pdf := range testtool.LibreOfficeAll(t, docxs, "pdf") {
		checkLandscapePage(t, "LibreOffice "+strconv.Itoa(i), pdf)
	}
}

func checkLandscapePage(t *testing.T, what, pdf string) {
	t.Helper()
	info := testtool.Run(t, "pdfinfo", pdf)
	if !strings.Contains(info, "\nPages:           1\n") {
		t.Errorf("%s: nicht genau eine Seite:\n%s", what, info)
	}
	m := pdfinfoSize.FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("%s: pdfinfo nennt keine Seitengröße", what)
	}
	w, _ := strconv.ParseFloat(m[1], 64)
	h, _ := strconv.ParseFloat(m[2], 64)
	if w < 841 || w > 843 || h < 594 || h > 596 {
		t.Errorf("%s: Seite %s × %s pt, erwartet A4 quer (841,89 × 595,28)", what, m[1], m[2])
	}
}

// TestProjektplanDates: the plan's phases are dated from the project data
// as README says — a phase without dates is "Termin offen" without a
// bar, the Gantt chart has a row per phase and milestone with the
// project's dates, and without any date there is no chart but a note.
func TestProjektplanDates(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	seen := map[string]bool{}
	for _, path := range fixtureFiles(t, fixturesDir) {
		p, docs := buildDocuments(t, gen, path)
		d := docs["projektplan"]
		if d == nil || !d.Meta.Landscape || d.Meta.Kind != "projektplan" {
			t.Fatalf("%s: kein Projektplan auf A4 quer", path)
		}
		var g *model.Gantt
		var table *model.Table
		_ = model.Walk(d, func(b model.Block, _ []*model.Section) error {
			switch n := b.(type) {
			case *model.Gantt:
				g = n
			case *model.Table:
				if n.ID == "aufgaben" {
					table = n
				}
			}
			return nil
		})
		if table == nil || !table.Small || len(table.Rows) != 6 {
			t.Fatalf("%s: Aufgabentabelle fehlt, ist nicht klein oder hat nicht 6 Zeilen", path)
		}
		ps := p.Data().Projekt
		if len(ps.Phasen) == 0 && len(ps.Meilensteine) == 0 {
			seen["ohne Termine"] = true
			if g != nil {
				t.Errorf("%s: Zeitplan ohne Termine", path)
			}
			if !strings.Contains(dumpString(t, d), "der Zeitplan entfällt") {
				t.Errorf("%s: kein Hinweis auf den fehlenden Zeitplan", path)
			}
			continue
		}
		if g == nil {
			t.Fatalf("%s: kein Zeitplan", path)
		}
		if len(g.Rows) != 5+len(ps.Meilensteine) {
			t.Errorf("%s: %d Zeilen im Zeitplan, erwartet 5 Phasen und %d Meilensteine", path, len(g.Rows), len(ps.Meilensteine))
		}
		for i, key := range []string{"initialisierung", "pruefung", "planung", "umsetzung", "einfuehrung"} {
			row := g.Rows[i]
			dated := false
			for _, ph := range ps.Phasen {
				if ph.Phase == key {
					dated = true
					if !row.Start.Equal(ph.Beginn.Time()) || !row.End.Equal(ph.Ende.Time()) {
						t.Errorf("%s: %s von %v bis %v, die Projektdatei sagt %v bis %v", path, row.Label, row.Start, row.End, ph.Beginn, ph.Ende)
					}
				}
			}
			if !dated {
				seen["Phase ohne Termin"] = true
				if row.Dated() || row.Text != "Termin offen" {
					t.Errorf("%s: %s ohne Termin in der Projektdatei: %+v", path, row.Label, row)
				}
			}
		}
		for _, m := range ps.Meilensteine {
			found := false
			for _, row := range g.Rows[5:] {
				found = found || row.Milestone && row.Label == m.Bezeichnung && row.Start.Equal(m.Datum.Time())
			}
			if !found {
				t.Errorf("%s: Meilenstein %q fehlt", path, m.Bezeichnung)
			}
		}
	}
	if !seen["ohne Termine"] || !seen["Phase ohne Termin"] {
		t.Errorf("die Beispiele decken nicht jeden Fall ab: %v", seen)
	}
}

func dumpString(t *testing.T, d *model.Document) string {
	t.Helper()
	var b strings.Builder
	if err := model.Dump(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestProjektplanXLSX: projektplan.xlsx of every fixture is the same bytes
// twice; it has a row per task of the plan and per milestone, dates as
// date cells equal to the phases' dates, and LibreOffice opens it and
// converts the sheet to CSV with the same rows.
func TestProjektplanXLSX(t *testing.T) {
	t.Parallel()
	testtool.RequireCalc(t)
	gen := newGenerator(t)
	tasks, err := refdata.LoadProjektplan("")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	var paths []string
	want := map[string]int{}
	begins := map[string]time.Time{}
	for _, path := range fixtureFiles(t, fixturesDir) {
		p, res := loadFixture(t, gen, path)
		var outs [2][]byte
		for i := range outs {
			for _, d := range gen.AllDocs(p) {
				if d.Name != "projektplan" {
					continue
				}
				o, err := gen.RenderDoc(context.Background(), p, res, d, []string{"xlsx"})
				if err != nil || len(o) != 1 {
					t.Fatalf("%s: %v, %d Ausgaben", path, err, len(o))
				}
				outs[i] = o[0].Data
			}
		}
		if outs[0] == nil || !bytes.Equal(outs[0], outs[1]) {
			t.Fatalf("%s: projektplan.xlsx fehlt oder ist nicht byte-gleich", path)
		}
		plan := view.BuildPlan(p.Data(), tasks)
		rows := 0
		for _, ph := range plan.Phasen {
			rows += len(ph.Aufgaben)
		}
		for _, z := range plan.Zeitplan {
			if z.Meilenstein {
				rows++
			}
		}
		f, err := excelize.OpenReader(bytes.NewReader(outs[0]))
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.GetRows("Projektplan", excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != rows+1 {
			t.Errorf("%s: %d Zeilen, erwartet Kopf und %d", path, len(got), rows)
		}
		// the first task's dates: date cells with the first phase's dates
		if ph := plan.Phasen[0]; !ph.Beginn.IsZero() {
			for col, day := range map[string]time.Time{"G2": ph.Beginn, "H2": ph.Ende} {
				v, _ := f.GetCellValue("Projektplan", col, excelize.Options{RawCellValue: true})
				serial, err := strconv.Atoi(v)
				if err != nil || time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, serial) != day {
					t.Errorf("%s: %s = %q, erwartet das Datum %s als Zahl", path, col, v, day.Format(time.DateOnly))
				}
				if nf := testtool.NumFmt(t, f, "Projektplan", col); nf != "dd.mm.yyyy" {
					t.Errorf("%s: %s im Zahlenformat %q, erwartet dd.mm.yyyy", path, col, nf)
				}
			}
		}
		panes, err := f.GetPanes("Projektplan")
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.XSplit != 9 {
			t.Errorf("%s: fixiert %+v, %v; erwartet Kopfzeile und Spalten bis „Ende“", path, panes, err)
		}
		f.Close()
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		paths = append(paths, filepath.Join(dir, name+".xlsx"))
		want[name] = rows
		begins[name] = plan.Phasen[0].Beginn
		if err := os.WriteFile(paths[len(paths)-1], outs[0], 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i, out := range testtool.LibreOfficeAll(t, paths, "csv:Text - txt - csv (StarCalc):59,34,76,1,,1031,false,true,false,false,false") {
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		r := csv.NewReader(bytes.NewReader(b))
		r.Comma, r.FieldsPerRecord = ';', -1
		recs, err := r.ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(paths[i]), ".xlsx")
		if len(recs) != want[name]+1 || recs[0][5] != "Aufgabe" || recs[0][6] != "Beginn" {
			t.Errorf("%s: LibreOffice-CSV mit %d Zeilen, Kopf %q; erwartet %d", name, len(recs), recs[0], want[name]+1)
		}
		// the month headers are date cells: LibreOffice exports them as
		// dates, the first of a month (text „Jan 26“ before the audit)
		if len(recs[0]) > 9 {
			// (in the German order of the format's locale)
			if d, err := time.Parse("02.01.2006", recs[0][9]); err != nil || d.Day() != 1 {
				t.Errorf("%s: Monatskopf %q ist in LibreOffice kein Datum", name, recs[0][9])
			}
		}
		// LibreOffice writes a date cell's raw value as a date (US order
		// in this export), a number cell as a number
		if len(recs) > 1 && recs[1][6] != "" {
			d, err := time.Parse("01/02/2006", recs[1][6])
			if err != nil || !d.Equal(begins[name]) {
				t.Errorf("%s: Beginn %q ist in LibreOffice nicht das Datum %s", name, recs[1][6], begins[name].Format(time.DateOnly))
			}
		}
	}
}

// TestProjektplanOwnTasks: a task file named in Options.PlanFile replaces
// the built-in tasks in the document and in the spreadsheet; a broken
// one stops the generator with file, line and path.
func TestProjektplanOwnTasks(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	own := filepath.Join(dir, "aufgaben.yaml")
	src := "quelle: \"Projekthandbuch 2027\"\nrollen:\n  - {kuerzel: PL, name: Projektleitung, abschnitt: \"Handbuch 2.1\"}\naufgaben:\n" +
		"  - {phase: planung, rolle: PL, dimension: finanziell, aufgabe: \"Budget mit der Haushaltsabteilung planen\", abschnitt: \"Handbuch 3.2\"}\n"
	if err := os.WriteFile(own, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	gen, err := generator.New(generator.Options{PlanFile: own})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(fixturesDir, "wohngeld-ring.yaml")
	p, docs := buildDocuments(t, gen, path)
	text := dumpString(t, docs["projektplan"])
	if !strings.Contains(text, "PL: Budget mit der Haushaltsabteilung planen") || strings.Contains(text, "OZG-K") || !strings.Contains(text, "Projekthandbuch 2027") {
		t.Errorf("eigene Aufgaben nicht im Projektplan:\n%s", text)
	}
	res, err := gen.Costs(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range gen.AllDocs(p) {
		if d.Name != "projektplan" {
			continue
		}
		o, err := gen.RenderDoc(context.Background(), p, res, d, []string{"xlsx"})
		if err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(bytes.NewReader(o[0].Data))
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows("Projektplan")
		if len(rows) != 2+3 || rows[1][5] != "Budget mit der Haushaltsabteilung planen" || rows[1][8] != "Handbuch 3.2" {
			t.Errorf("eigene Aufgaben nicht in der Tabelle: %q", rows)
		}
	}
	bad := filepath.Join(dir, "kaputt.yaml")
	if err := os.WriteFile(bad, []byte(strings.Replace(src, "phase: planung", "phase: plannung", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = generator.New(generator.Options{PlanFile: bad})
	if !errors.Is(err, refdata.ErrProjektplan) || !strings.Contains(err.Error(), "kaputt.yaml:5: aufgaben[0].phase: „plannung“") {
		t.Errorf("kaputte Aufgabendatei: %v", err)
	}
}
