package sheets_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/sheets"
	"github.com/xuri/excelize/v2"
)

// variants are projects beyond the fixtures that exercise the payment
// terms: a fixture's file with lines replaced and lines appended.
var variants = []struct {
	name, from string
	replace    [][2]string
	add        string
}{
	// half-yearly in arrears, 45 days, a surcharge; the agreement begins
	// in April, so 2027 is charged for nine months
	{"bafoeg-halbjaehrlich", "bafoeg-stern.yaml", nil,
		"zahlung: {turnus: halbjaehrlich, zeitpunkt: nachschuessig, zahlungsziel_tage: 45, hoechstbetrag_zuschlag: 10}\n"},
	// quarterly in advance; begins mid-April 2027 and ends in August 2029
	{"wohngeld-vierteljaehrlich", "wohngeld-ring.yaml",
		[][2]string{{"  beginn: 2027-01-01\n  ende: 2029-12-31\n", "  beginn: 2027-04-15\n  ende: 2029-08-31\n"}},
		"zahlung: {turnus: vierteljaehrlich}\n"},
}

// zpProjects are the fixtures and the variants (written to dir).
func zpProjects(t *testing.T, dir string) []string {
	t.Helper()
	files := fixtures(t)
	for _, v := range variants {
		src, err := os.ReadFile(filepath.Join("../../fixtures", v.from))
		if err != nil {
			t.Fatal(err)
		}
		s := string(src)
		for _, r := range v.replace {
			if !strings.Contains(s, r[0]) {
				t.Fatalf("%s: %q not found", v.from, r[0])
			}
			s = strings.Replace(s, r[0], r[1], 1)
		}
		path := filepath.Join(dir, v.name+".yaml")
		if err := os.WriteFile(path, []byte(s+v.add), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, path)
	}
	return files
}

// engineJSON is the cost engine's result as `vereinbar costs --json`
// prints it.
type engineJSON struct {
	Parties []struct {
		Code        string           `json:"code"`
		TotalCents  int64            `json:"total_cents"`
		ByYear      map[string]int64 `json:"by_year"`
		WithoutYear *int64           `json:"without_year_cents"`
	} `json:"parties"`
	TotalCents int64 `json:"total_cents"`
}

// zpOf generates the Zahlungsplan of a project file through the facade
// (the kind, as generate writes it) and the cost engine's JSON.
func zpOf(t *testing.T, gen *generator.Generator, path string) ([]byte, engineJSON, *generator.Project) {
	t.Helper()
	p, err := gen.LoadProject(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := gen.Costs(p)
	if err != nil {
		t.Fatal(err)
	}
	var j engineJSON
	b, err := json.Marshal(res)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &j); err != nil {
		t.Fatal(err)
	}
	for _, d := range gen.AllDocs(p) {
		if d.Name != "zahlungsplan" {
			continue
		}
		outs, err := gen.RenderDoc(context.Background(), p, res, d, generator.Formats)
		if err != nil {
			t.Fatal(err)
		}
		if len(outs) != 1 || outs[0].Format != "xlsx" || outs[0].Name != p.Data().Vorhaben.Kurztitel+"/zahlungsplan.xlsx" {
			t.Fatalf("outputs %v, want <kurztitel>/zahlungsplan.xlsx only", outs)
		}
		return outs[0].Data, j, p
	}
	t.Fatalf("%s: no zahlungsplan", path)
	return nil, j, nil
}

// want is the engine's amount per party code and year ("" = without a
// year), the non-zero ones.
func (j engineJSON) want() map[[2]string]int64 {
	out := map[[2]string]int64{}
	for _, p := range j.Parties {
		for y, c := range p.ByYear {
			if c != 0 {
				out[[2]string{p.Code, y}] = c
			}
		}
		if p.WithoutYear != nil && *p.WithoutYear != 0 {
			out[[2]string{p.Code, ""}] = *p.WithoutYear
		}
	}
	return out
}

// table reads a sheet into header → column index and the rows below.
func table(t *testing.T, rows [][]string) (map[string]int, [][]string) {
	t.Helper()
	if len(rows) < 2 {
		t.Fatalf("table without rows: %q", rows)
	}
	h := map[string]int{}
	for i, c := range rows[0] {
		h[c] = i
	}
	return h, rows[1:]
}

func at(row []string, i int) string {
	if i < len(row) {
		return row[i]
	}
	return ""
}

// checkAgainstEngine compares the overview rows (party, year → Betrag),
// the overview's sum row and every party sheet's sum row with the
// engine's JSON. sums are the computed sum rows by sheet.
func checkAgainstEngine(t *testing.T, what string, j engineJSON, overview [][]string, sums map[string]int64, partySheets map[string]string) {
	t.Helper()
	h, rows := table(t, overview)
	got := map[[2]string]int64{}
	for _, r := range rows {
		if r[0] == "Summe" {
			continue
		}
		got[[2]string{at(r, h["Kürzel"]), at(r, h["Leistungsjahr"])}] += cents(t, at(r, h["Betrag"]))
	}
	want := j.want()
	for k, c := range want {
		if got[k] != c {
			t.Errorf("%s: %s %q: Betrag %d cents, costs --json says %d", what, k[0], k[1], got[k], c)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: %d rows of party and year, costs --json has %d amounts: %v", what, len(got), len(want), got)
	}
	if sums[sheets.OverviewSheet] != j.TotalCents {
		t.Errorf("%s: sum of Betrag %d cents, total_cents %d", what, sums[sheets.OverviewSheet], j.TotalCents)
	}
	for _, p := range j.Parties {
		sheet, ok := partySheets[p.Code]
		if p.TotalCents == 0 {
			if ok {
				t.Errorf("%s: %s pays nothing but has a sheet", what, p.Code)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: no sheet for %s", what, p.Code)
			continue
		}
		if sums[sheet] != p.TotalCents {
			t.Errorf("%s: sheet %s sums to %d cents, %s total_cents %d", what, sheet, sums[sheet], p.Code, p.TotalCents)
		}
	}
}

// partySheets maps the party codes of the overview to their sheets (the
// name in column Vertragspartei is the sheet's name).
func partySheets(t *testing.T, overview [][]string, sheetList []string) map[string]string {
	t.Helper()
	h, rows := table(t, overview)
	out := map[string]string{}
	for _, r := range rows {
		if r[0] == "Summe" {
			continue
		}
		name := at(r, h["Vertragspartei"])
		if !slices.Contains(sheetList, name) {
			t.Fatalf("no sheet %q (sheets %v)", name, sheetList)
		}
		out[at(r, h["Kürzel"])] = name
	}
	return out
}

// TestZahlungsplanEqualsCosts: for every fixture and variant, the
// Zahlungsplan's amounts read back with excelize — per party and
// Haushaltsjahr, the sum rows computed by excelize's formula engine —
// equal `costs --json` to the cent.
func TestZahlungsplanEqualsCosts(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	for _, path := range zpProjects(t, t.TempDir()) {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			data, j, _ := zpOf(t, gen, path)
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			overview, err := f.GetRows(sheets.OverviewSheet, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			ps := partySheets(t, overview, f.GetSheetList())
			sums := map[string]int64{}
			for _, sheet := range append(sortedValues(ps), sheets.OverviewSheet) {
				rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				h, body := table(t, rows)
				last := body[len(body)-1]
				if last[0] != "Summe" {
					t.Fatalf("%s: last row %q is no sum row", sheet, last)
				}
				ref, _ := excelize.CoordinatesToCellName(h["Betrag"]+1, len(rows))
				if formula, _ := f.GetCellFormula(sheet, ref); !strings.HasPrefix(formula, "SUM(") {
					t.Errorf("%s!%s holds %q, want a SUM formula", sheet, ref, formula)
				}
				v, err := f.CalcCellValue(sheet, ref, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				sums[sheet] = cents(t, v)
			}
			checkAgainstEngine(t, "excelize", j, overview, sums, ps)
		})
	}
}

// sortedValues are the values of m in the order of its keys.
func sortedValues(m map[string]string) []string {
	var out []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		out = append(out, m[k])
	}
	return out
}

// TestLibreOfficeOpensZahlungsplan: LibreOffice opens every Zahlungsplan
// headless; its CSV of every sheet (formulas computed by LibreOffice) has
// the engine's amounts per party and year and its sums, and it reads the
// date cells as dates.
func TestLibreOfficeOpensZahlungsplan(t *testing.T) {
	t.Parallel()
	testtool.RequireCalc(t)
	gen := newGenerator(t)
	dir := t.TempDir()
	paths := zpProjects(t, t.TempDir())
	var xlsx []string
	var engines []engineJSON
	for _, p := range paths {
		data, j, _ := zpOf(t, gen, p)
		out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(p), ".yaml")+".xlsx")
		if err := os.WriteFile(out, data, 0o644); err != nil {
			t.Fatal(err)
		}
		xlsx = append(xlsx, out)
		engines = append(engines, j)
	}
	for i, csvs := range testtool.LibreOfficeSheets(t, xlsx) {
		what := "LibreOffice " + filepath.Base(xlsx[i])
		overview := readCSV(t, csvs[sheets.OverviewSheet])
		var list []string
		for s := range csvs {
			list = append(list, s)
		}
		ps := partySheets(t, overview, list)
		sums := map[string]int64{}
		for _, s := range append(sortedValues(ps), sheets.OverviewSheet) {
			rows := readCSV(t, csvs[s])
			h, body := table(t, rows)
			last := body[len(body)-1]
			if last[0] != "Summe" {
				t.Fatalf("%s %s: last row %q is no sum row", what, s, last)
			}
			sums[s] = cents(t, at(last, h["Betrag"]))
			// A date cell comes out as a date (MM/DD/YYYY), not a number.
			for _, r := range body[:len(body)-1] {
				for _, col := range []string{"Erste Rechnung", "Rechnung zum", "Fällig am"} {
					if i, ok := h[col]; ok && at(r, i) != "" {
						if _, err := time.Parse("01/02/2006", at(r, i)); err != nil {
							t.Errorf("%s %s: %s = %q, not a date", what, s, col, at(r, i))
						}
					}
				}
			}
		}
		checkAgainstEngine(t, what, engines[i], overview, sums, ps)
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff"))))
	r.Comma = ';'
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// TestZahlungsplanTerms: the due dates follow the payment clause — the
// billing period (turnus), invoicing in advance (from the agreement's
// beginning in its first period) or in arrears, the days to pay — and a
// year the term covers only partly is charged for its months; the
// periods of a year add up to the engine's amount, each within a cent
// per month of an even split.
func TestZahlungsplanTerms(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	dir := t.TempDir()
	paths := zpProjects(t, dir)
	d := func(s string) string { return s } // dates as excelize shows them (dd.mm.yyyy)
	for _, c := range []struct {
		variant string
		land    string
		// rows of the party's sheet: Abrechnungszeitraum, Von, Monate,
		// Rechnung zum, Fällig am
		want [][5]string
	}{
		{"bafoeg-halbjaehrlich", "Sachsen", [][5]string{
			{"1. Halbjahr 2027", d("01.04.2027"), "3", d("01.07.2027"), d("15.08.2027")},
			{"2. Halbjahr 2027", d("01.07.2027"), "6", d("01.01.2028"), d("15.02.2028")},
		}},
		{"wohngeld-vierteljaehrlich", "Berlin", [][5]string{
			{"2. Quartal 2027", d("01.04.2027"), "3", d("15.04.2027"), d("15.05.2027")},
			{"3. Quartal 2027", d("01.07.2027"), "3", d("01.07.2027"), d("31.07.2027")},
			{"4. Quartal 2027", d("01.10.2027"), "3", d("01.10.2027"), d("31.10.2027")},
		}},
		{"wohngeld-vierteljaehrlich", "Berlin", [][5]string{
			{"3. Quartal 2029", d("01.07.2029"), "2", d("01.07.2029"), d("31.07.2029")},
		}},
	} {
		path := filepath.Join(dir, c.variant+".yaml")
		if !slices.Contains(paths, path) {
			t.Fatalf("no variant %s", c.variant)
		}
		data, _, _ := zpOf(t, gen, path)
		f, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		rows, err := f.GetRows(c.land)
		if err != nil {
			t.Fatal(err)
		}
		h, body := table(t, rows)
		byPeriod := map[string][]string{}
		for _, r := range body {
			byPeriod[at(r, h["Abrechnungszeitraum"])] = r
		}
		for _, w := range c.want {
			r, ok := byPeriod[w[0]]
			if !ok {
				t.Errorf("%s %s: no row %s in %q", c.variant, c.land, w[0], body)
				continue
			}
			got := [5]string{w[0], at(r, h["Von"]), at(r, h["Monate"]), at(r, h["Rechnung zum"]), at(r, h["Fällig am"])}
			if got != w {
				t.Errorf("%s %s: %q, want %q", c.variant, c.land, got, w)
			}
		}
		// the periods of each year add up to the engine's yearly amount
		// of yearly costs and split it evenly by month
		raw, _ := f.GetRows(c.land, excelize.Options{RawCellValue: true})
		_, rawBody := table(t, raw)
		perYear := map[string][][2]int64{} // year → (months, cents)
		for _, r := range rawBody {
			if at(r, h["Kostenart"]) == "jährliche Kosten" {
				m, _ := strconv.ParseInt(at(r, h["Monate"]), 10, 64)
				perYear[at(r, h["Leistungsjahr"])] = append(perYear[at(r, h["Leistungsjahr"])], [2]int64{m, cents(t, at(r, h["Betrag"]))})
			}
		}
		f.Close()
		for y, ps := range perYear {
			var months, sum int64
			for _, p := range ps {
				months += p[0]
				sum += p[1]
			}
			for _, p := range ps {
				lo := p[0] * (sum / months)
				if p[1] < lo || p[1] > lo+p[0] {
					t.Errorf("%s %s %s: %d months charged %d cents, not an even share of %d cents over %d months", c.variant, c.land, y, p[0], p[1], sum, months)
				}
			}
			if len(ps) == 0 || months > 12 {
				t.Errorf("%s %s %s: %d months", c.variant, c.land, y, months)
			}
		}
	}
}

// TestZahlungsplanCapsAsAgreement: the Höchstbeträge of the Zahlungsplan
// are those of the agreement's table „Höchstbeträge je Haushaltsjahr“,
// party by party and year by year, and the Verpflichtungsermächtigung is
// asked for exactly in the later years.
func TestZahlungsplanCapsAsAgreement(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	for _, path := range zpProjects(t, t.TempDir()) {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			data, _, p := zpOf(t, gen, path)
			agreed := agreementCaps(t, gen, p)
			if len(agreed) == 0 {
				t.Skip("no agreement with a table of Höchstbeträge (FIT-Store)")
			}
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows(sheets.OverviewSheet, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Fatal(err)
			}
			h, body := table(t, rows)
			first := p.Data().Vertrag.Beginn.Time().Year()
			n := 0
			for _, r := range body {
				if r[0] == "Summe" {
					continue
				}
				year := at(r, h["Leistungsjahr"])
				label := year
				if year == "" {
					label = "einmalig"
				}
				want, ok := agreed[[2]string{at(r, h["Vertragspartei"]), label}]
				if !ok {
					continue // a party whose row the star agreements do not show
				}
				n++
				if got := cents(t, at(r, h["Höchstbetrag"])); got != want {
					t.Errorf("%s %s: Höchstbetrag %d cents, the agreement says %d", r[0], label, got, want)
				}
				y, _ := strconv.Atoi(year)
				ve := at(r, h["Verpflichtungsermächtigung"])
				if later := y > first; later != (ve != "") || later && cents(t, ve) != want {
					t.Errorf("%s %s: Verpflichtungsermächtigung %q (Beginn %d, Höchstbetrag %d cents)", r[0], label, ve, first, want)
				}
			}
			if n == 0 {
				t.Fatal("no row of the Zahlungsplan found in the agreement's table")
			}
		})
	}
}

// agreementCaps reads the table hoechstbetraege of every agreement of the
// project from its model dump: party name and year label → cents.
func agreementCaps(t *testing.T, gen *generator.Generator, p *generator.Project) map[[2]string]int64 {
	t.Helper()
	res, err := gen.Costs(p)
	if err != nil {
		t.Fatal(err)
	}
	out := map[[2]string]int64{}
	for _, d := range gen.Docs(p) {
		if d.Name != "vereinbarung" {
			continue
		}
		doc, err := gen.Document(context.Background(), p, res, d)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := model.Dump(&b, doc); err != nil {
			t.Fatal(err)
		}
		in := false
		var header []string
		sc := bufio.NewScanner(&b)
		for sc.Scan() {
			line := strings.TrimSpace(sc.Text())
			switch {
			case strings.HasPrefix(line, `table id="hoechstbetraege"`):
				in = true
			case in && strings.HasPrefix(line, "header "):
				header = quoted(t, strings.TrimPrefix(line, "header "))
			case in && strings.HasPrefix(line, "row "):
				cells := quoted(t, strings.TrimPrefix(line, "row "))
				for i := 1; i < len(cells) && i < len(header); i++ {
					year, _, _ := strings.Cut(header[i], " ")
					out[[2]string{cells[0], year}] = germanCents(t, cells[i])
				}
			case in:
				in = false
			}
		}
	}
	return out
}

func quoted(t *testing.T, s string) []string {
	t.Helper()
	var out []string
	for _, part := range strings.Split(s, " | ") {
		u, err := strconv.Unquote(part)
		if err != nil {
			t.Fatalf("cell %s: %v", part, err)
		}
		out = append(out, u)
	}
	return out
}

// germanCents parses "113.661,00".
func germanCents(t *testing.T, s string) int64 {
	t.Helper()
	return cents(t, strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", "."))
}

// TestZahlungsplanGoldenVariants: cell dumps of the variants (the
// fixtures' are in generator/testdata, TestSheetGoldens).
func TestZahlungsplanGoldenVariants(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	dir := t.TempDir()
	zpProjects(t, dir)
	for _, v := range variants {
		data, _, _ := zpOf(t, gen, filepath.Join(dir, v.name+".yaml"))
		testtool.Golden(t, filepath.Join("testdata", "zahlungsplan-"+v.name+".xlsx.txt"), dumpXLSX(t, data), *update)
	}
}

// TestZahlungsplanReproducible: the same project gives the same bytes.
func TestZahlungsplanReproducible(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	for _, path := range fixtures(t) {
		a, _, _ := zpOf(t, gen, path)
		b, _, _ := zpOf(t, newGenerator(t), path)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two Zahlungspläne differ", path)
		}
	}
}

// TestZahlungsplanAdjustment: when the engine charges a party more or
// less than its items in a year (the moves that keep parties within their
// Höchstbeträge after a recalculation), the plan shows the difference in
// „Ausgleich Höchstbetrag“ and still pays exactly the engine's amount.
func TestZahlungsplanAdjustment(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	p, err := gen.LoadProject("../../fixtures/wohngeld-ring.yaml")
	if err != nil {
		t.Fatal(err)
	}
	res, err := gen.Costs(p)
	if err != nil {
		t.Fatal(err)
	}
	// BE pays 5 € less in 2028, SH (the implementing Land) 5 € more
	for i := range res.Parties {
		by := maps.Clone(res.Parties[i].ByYear)
		switch res.Parties[i].Code {
		case "BE":
			by[2028] -= 500
		case "SH":
			by[2028] += 500
		}
		res.Parties[i].ByYear = by
	}
	zp, err := sheets.BuildZahlungsplan(sheets.ZahlungsplanInput{Projekt: p.Data(), Costs: res, Turnus: sheets.TurnusJaehrlich, ImVoraus: true,
		ZahlungszielTage: 30, Months: func(string, int) (int, int) { return 1, 12 }})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := sheets.WriteZahlungsplanXLSX(&buf, zp); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheets.OverviewSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	h, body := table(t, rows)
	if _, ok := h["Ausgleich Höchstbetrag"]; !ok {
		t.Fatalf("no column Ausgleich Höchstbetrag in %q", rows[0])
	}
	found := map[string]bool{}
	for _, r := range body {
		code, year := at(r, h["Kürzel"]), at(r, h["Leistungsjahr"])
		if r[0] == "Summe" || year != "2028" || (code != "BE" && code != "SH") {
			continue
		}
		found[code] = true
		want := map[string]int64{"BE": -500, "SH": 500}[code]
		if got := cents(t, at(r, h["Ausgleich Höchstbetrag"])); got != want {
			t.Errorf("%s 2028: Ausgleich %d cents, want %d", code, got, want)
		}
		for _, pr := range res.Parties {
			if pr.Code == code && cents(t, at(r, h["Betrag"])) != pr.ByYear[2028] {
				t.Errorf("%s 2028: Betrag %s, the engine says %d cents", code, at(r, h["Betrag"]), pr.ByYear[2028])
			}
		}
	}
	if !found["BE"] || !found["SH"] {
		t.Errorf("rows of BE and SH 2028 missing: %v", found)
	}
}

// periodShare is the share of code in force in month m of year y by the
// cost engine's periods, as `costs --json` lists them (independent of the
// package's own lookup); ok is false when the month lies in no period.
func periodShare(t *testing.T, gen *generator.Generator, p *generator.Project, code string, y, m int) (int64, bool) {
	t.Helper()
	r, err := gen.Costs(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, per := range r.Periods {
		from, to := per.From.Year*100+per.From.Month, per.To.Year*100+per.To.Month
		if ym := y*100 + m; (per.From.IsZero() || ym >= from) && (per.To.IsZero() || ym <= to) {
			for _, s := range per.Shares {
				if s.Code == code {
					return s.ShareE5, true
				}
			}
			return 0, true
		}
	}
	return 0, false
}

// e5 reads a raw percent cell ("0.1787916") as e5 units.
func e5(t *testing.T, s string) int64 {
	t.Helper()
	whole, frac, _ := strings.Cut(s, ".")
	frac = (frac + "0000000")[:7]
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		t.Fatalf("share %q: %v", s, err)
	}
	return n
}

// TestZahlungsplanSharesInForce (audit, issue: „Anteil“ is the starting
// share in every year): with a join and a leave, every invoice row of a
// party sheet states the share in force in its months — the cost
// engine's period share — and its amount follows the shares: within a
// year the invoices of months with the same share have equal monthly
// amounts, so those with another share differ. The overview states the
// share in the last month of the year and names each share in „Hinweis“.
func TestZahlungsplanSharesInForce(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	data, _, p := zpOf(t, gen, "../../fixtures/elterngeld-ring-beitritt.yaml")
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	overview, err := f.GetRows(sheets.OverviewSheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	ps := partySheets(t, overview, f.GetSheetList())
	checked := 0
	for code, sheet := range ps {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		h, body := table(t, rows)
		for _, col := range []string{"Anteil", "Hinweis", "Haushaltsjahr der Zahlung"} {
			if _, ok := h[col]; !ok {
				t.Fatalf("%s: no column %q: %q", sheet, col, rows[0])
			}
		}
		for _, r := range body {
			if r[0] == "Summe" || at(r, h["Kostenart"]) != "jährliche Kosten" {
				continue
			}
			y, _ := strconv.Atoi(at(r, h["Leistungsjahr"]))
			to, err := time.Parse("2006-01-02", strings.SplitN(at(r, h["Bis"]), "T", 2)[0])
			if err != nil {
				// raw date cells are serial numbers
				n, _ := strconv.Atoi(at(r, h["Bis"]))
				to = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, n)
			}
			want, ok := periodShare(t, gen, p, code, y, int(to.Month()))
			if !ok {
				t.Fatalf("%s %d: month %s in no period", code, y, to.Format("01/2006"))
			}
			if got := e5(t, at(r, h["Anteil"])); got != want {
				t.Errorf("%s %s: Anteil %d e5, the period's share is %d", sheet, at(r, h["Abrechnungszeitraum"]), got, want)
			}
			checked++
		}
	}
	if checked < 20 {
		t.Fatalf("only %d invoice rows checked", checked)
	}
	// the audit's cases: BB after MV left, HB in 2028 before and after BB joined
	h, rows := table(t, overview)
	shares := map[string]string{}
	notes := map[string]string{}
	for _, r := range rows {
		k := at(r, h["Kürzel"]) + " " + at(r, h["Leistungsjahr"])
		shares[k], notes[k] = at(r, h["Anteil"]), at(r, h["Hinweis"])
	}
	for k, want := range map[string]int64{"BB 2028": 1546745, "BB 2029": 1787916, "BB 2030": 1787916, "HB 2028": 1057305} {
		if got := e5(t, shares[k]); got != want {
			t.Errorf("Übersicht %s: Anteil %d, want %d", k, got, want)
		}
	}
	if n := notes["HB 2028"]; !strings.Contains(n, "12,61247") || !strings.Contains(n, "10,57305") {
		t.Errorf("Übersicht HB 2028: Hinweis %q does not name both shares", n)
	}
	if n := notes["HB 2027"]; n != "" {
		t.Errorf("Übersicht HB 2027: Hinweis %q without a change of the share", n)
	}
	hb, _ := f.GetRows(ps["HB"], excelize.Options{RawCellValue: true})
	hh, body := table(t, hb)
	var h1, h2 int64
	for _, r := range body {
		switch at(r, hh["Abrechnungszeitraum"]) {
		case "1. Halbjahr 2028":
			h1 = cents(t, at(r, hh["Betrag"]))
		case "2. Halbjahr 2028":
			h2 = cents(t, at(r, hh["Betrag"]))
		}
	}
	// 12,61247 % for the first half, 10,57305 % for the second: the
	// invoices must not be equal halves of the year's amount
	if h1 == 0 || h2 == 0 || h1*1057305/1261247-h2 > 100 || h2-h1*1057305/1261247 > 100 {
		t.Errorf("HB 2028: invoices %d and %d cents do not follow the shares 12,61247 %% and 10,57305 %%", h1, h2)
	}
}

// TestZahlungsplanPaymentYear (audit: invoices due in the next year were
// booked to the service year): every invoice names the Haushaltsjahr of
// its payment, the year of its due date, and the overview's „davon fällig
// im Folgejahr“ adds up the invoices of a Leistungsjahr due later.
func TestZahlungsplanPaymentYear(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	dir := t.TempDir()
	var path string
	for _, f := range zpProjects(t, dir) {
		if strings.HasSuffix(f, "bafoeg-halbjaehrlich.yaml") { // in arrears
			path = f
		}
	}
	data, _, _ := zpOf(t, gen, path)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	overview, err := f.GetRows(sheets.OverviewSheet)
	if err != nil {
		t.Fatal(err)
	}
	oh, orows := table(t, overview)
	if _, ok := oh["davon fällig im Folgejahr"]; !ok {
		t.Fatalf("no column „davon fällig im Folgejahr“: %q", overview[0])
	}
	later := map[[2]string]int64{}
	ps := partySheets(t, overview, f.GetSheetList())
	for code, sheet := range ps {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		h, body := table(t, rows)
		for _, r := range body {
			if r[0] == "Summe" || at(r, h["Fällig am"]) == "" {
				continue
			}
			due, err := time.Parse("02.01.2006", at(r, h["Fällig am"]))
			if err != nil {
				t.Fatal(err)
			}
			if got := at(r, h["Haushaltsjahr der Zahlung"]); got != strconv.Itoa(due.Year()) {
				t.Errorf("%s %s: Haushaltsjahr der Zahlung %q, due %s", sheet, at(r, h["Abrechnungszeitraum"]), got, due.Format("02.01.2006"))
			}
			if ly := at(r, h["Leistungsjahr"]); ly != strconv.Itoa(due.Year()) {
				later[[2]string{code, ly}] += cents(t, strings.NewReplacer("€", "", ",", "").Replace(at(r, h["Betrag"])))
			}
		}
	}
	if len(later) == 0 {
		t.Fatal("in arrears, no invoice falls due in the next year")
	}
	for _, r := range orows {
		if r[0] == "Summe" {
			continue
		}
		k := [2]string{at(r, oh["Kürzel"]), at(r, oh["Leistungsjahr"])}
		got := int64(0)
		if s := at(r, oh["davon fällig im Folgejahr"]); s != "" {
			got = cents(t, strings.NewReplacer("€", "", ",", "").Replace(s))
		}
		if got != later[k] {
			t.Errorf("Übersicht %v: davon fällig im Folgejahr %d cents, invoices due later %d", k, got, later[k])
		}
	}
}
