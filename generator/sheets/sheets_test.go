package sheets_test

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/sheets"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixtures are the example projects of the repository.
func fixtures(t testing.TB) []string {
	t.Helper()
	files, err := generator.ProjectFiles([]string{"../../fixtures"})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func newGenerator(t testing.TB) *generator.Generator {
	t.Helper()
	g, err := generator.New(generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func build(t testing.TB, files []string, o sheets.Options) *sheets.Uebersicht {
	t.Helper()
	u, err := newGenerator(t).Uebersicht(files, o)
	if err != nil {
		t.Fatal(err)
	}
	return u
}

func write(t testing.TB, u *sheets.Uebersicht, format string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := generator.WriteUebersicht(&buf, u, format); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// engineTotals are the cost engine's amounts of land over files: per
// Haushaltsjahr (0 = without year) and in total, in cents.
func engineTotals(t testing.TB, files []string, land string) (map[int]int64, int64) {
	t.Helper()
	g := newGenerator(t)
	byYear, total := map[int]int64{}, int64(0)
	for _, f := range files {
		p, err := g.LoadProject(f)
		if err != nil {
			t.Fatal(err)
		}
		r, err := g.Costs(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, pr := range r.Parties {
			if pr.Code == land {
				total += pr.TotalCents
				for y, c := range pr.ByYear {
					byYear[y] += c
				}
			}
		}
	}
	return byYear, total
}

// cents reads a decimal amount ("1234.5", "1234,50", "-0.01") as cents.
func cents(t testing.TB, s string) int64 {
	t.Helper()
	s = strings.TrimSpace(strings.ReplaceAll(s, ",", "."))
	whole, frac, _ := strings.Cut(s, ".")
	frac = (frac + "00")[:2]
	n, err := strconv.ParseInt(whole+frac, 10, 64)
	if err != nil {
		t.Fatalf("amount %q: %v", s, err)
	}
	return n
}

// TestUebersichtGoldens: the CSV and a dump of every cell of the XLSX
// (type, number format, value or formula) for ST over the fixtures, with
// and without --alle.
func TestUebersichtGoldens(t *testing.T) {
	t.Parallel()
	for _, all := range []bool{false, true} {
		name := "uebersicht-ST"
		if all {
			name += "-alle"
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			u := build(t, fixtures(t), sheets.Options{Land: "ST", All: all})
			testtool.Golden(t, filepath.Join("testdata", name+".csv"), write(t, u, "csv"), *update)
			testtool.Golden(t, filepath.Join("testdata", name+".xlsx.txt"), dumpXLSX(t, write(t, u, "xlsx")), *update)
		})
	}
}

// dumpXLSX lists every cell of every sheet (testtool.DumpXLSX).
func dumpXLSX(t testing.TB, data []byte) []byte { return testtool.DumpXLSX(t, data) }

func typeName(c excelize.CellType) string { return testtool.CellTypeName(c) }

func numFmt(t testing.TB, f *excelize.File, sheet, ref string) string {
	return testtool.NumFmt(t, f, sheet, ref)
}

// TestXLSXReproducible: the same inputs give the same bytes, in any order.
func TestXLSXReproducible(t *testing.T) {
	t.Parallel()
	files := fixtures(t)
	first := write(t, build(t, files, sheets.Options{Land: "ST", All: true}), "xlsx")
	second := write(t, build(t, files, sheets.Options{Land: "ST", All: true}), "xlsx")
	if !bytes.Equal(first, second) {
		t.Fatal("two runs over the same files differ")
	}
	rev := slices.Clone(files)
	slices.Reverse(rev)
	if !bytes.Equal(first, write(t, build(t, rev, sheets.Options{Land: "ST", All: true}), "xlsx")) {
		t.Fatal("the order of the input files changes the XLSX")
	}
	csv1 := write(t, build(t, files, sheets.Options{Land: "ST"}), "csv")
	if !bytes.Equal(csv1, write(t, build(t, rev, sheets.Options{Land: "ST"}), "csv")) {
		t.Fatal("the order of the input files changes the CSV")
	}
}

// TestXLSXCellTypes: amounts, shares and Reifegrade are numeric cells,
// dates numeric cells with a date format; the sum row holds formulas.
func TestXLSXCellTypes(t *testing.T) {
	t.Parallel()
	u := build(t, fixtures(t), sheets.Options{Land: "ST"})
	f, err := excelize.OpenReader(bytes.NewReader(write(t, u, "xlsx")))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	header, err := f.GetRows(sheets.OverviewSheet)
	if err != nil {
		t.Fatal(err)
	}
	col := func(name string) string {
		i := slices.Index(header[0], name)
		if i < 0 {
			t.Fatalf("no column %q in %q", name, header[0])
		}
		c, _ := excelize.ColumnNumberToName(i + 1)
		return c
	}
	want := map[string]string{
		"HJ 2027": `#,##0.00\ "€"`, "Summe": `#,##0.00\ "€"`, "Anteil": "0.00000%",
		"Phase Beginn": "dd.mm.yyyy", "Meilenstein Datum": "dd.mm.yyyy", "Reifegrad Ist": "0",
	}
	for name, nf := range want {
		for row := 2; row <= len(u.Rows)+1; row++ {
			ref := col(name) + strconv.Itoa(row)
			typ, err := f.GetCellType(sheets.OverviewSheet, ref)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := f.GetCellValue(sheets.OverviewSheet, ref, excelize.Options{RawCellValue: true})
			if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
				t.Errorf("%s (%s) is of type %s, want a number", ref, name, typeName(typ))
			}
			if _, err := strconv.ParseFloat(raw, 64); err != nil {
				t.Errorf("%s (%s) = %q, not a number", ref, name, raw)
			}
			if got := numFmt(t, f, sheets.OverviewSheet, ref); got != nf {
				t.Errorf("%s (%s) has number format %q, want %q", ref, name, got, nf)
			}
		}
	}
	// A date cell holds the serial number of its day.
	d, err := f.GetCellValue(sheets.OverviewSheet, col("Phase Beginn")+"2")
	if err != nil || d != "01.10.2026" {
		t.Errorf("first Phase Beginn shown as %q (%v), want 01.10.2026", d, err)
	}
}

// TestSumsEqualEngine: the sum row of the XLSX (computed by excelize's
// formula engine) and of the CSV equal the cost engine's amounts of the
// Land to the cent, per Haushaltsjahr and in total.
func TestSumsEqualEngine(t *testing.T) {
	t.Parallel()
	files := fixtures(t)
	for _, land := range []string{"ST", "SN", "BB", "HB"} {
		t.Run(land, func(t *testing.T) {
			t.Parallel()
			byYear, total := engineTotals(t, files, land)
			u := build(t, files, sheets.Options{Land: land})
			f, err := excelize.OpenReader(bytes.NewReader(write(t, u, "xlsx")))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			rows, err := f.GetRows(sheets.OverviewSheet)
			if err != nil {
				t.Fatal(err)
			}
			sumRow := len(u.Rows) + 2
			got := map[string]int64{}
			for i, h := range rows[0] {
				if !strings.HasPrefix(h, "HJ ") && h != "Summe" && h != "ohne Jahr" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(i+1, sumRow)
				v, err := f.CalcCellValue(sheets.OverviewSheet, ref, excelize.Options{RawCellValue: true})
				if err != nil {
					t.Fatal(err)
				}
				got[h] = cents(t, v)
			}
			checkSums(t, "XLSX", got, byYear, total)
			checkSums(t, "CSV", csvSums(t, write(t, u, "csv")), byYear, total)
		})
	}
}

// csvSums reads the sum row (the last) of a CSV by header.
func csvSums(t testing.TB, data []byte) map[string]int64 {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\ufeff"))))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	last := recs[len(recs)-1]
	if last[0] != "Summe" {
		t.Fatalf("last row %q is no sum row", last)
	}
	got := map[string]int64{}
	for i, h := range recs[0] {
		if strings.HasPrefix(h, "HJ ") || h == "Summe" || h == "ohne Jahr" {
			got[h] = cents(t, strings.TrimSuffix(strings.TrimSpace(last[i]), "€"))
		}
	}
	return got
}

func checkSums(t *testing.T, what string, got map[string]int64, byYear map[int]int64, total int64) {
	t.Helper()
	want := map[string]int64{"Summe": total}
	for y, c := range byYear {
		if y == 0 {
			if c != 0 {
				want["ohne Jahr"] = c
			}
			continue
		}
		want["HJ "+strconv.Itoa(y)] = c
	}
	for h, c := range want {
		if got[h] != c {
			t.Errorf("%s: sum of %s = %d cents, the cost engine says %d", what, h, got[h], c)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: sum columns %v, want %v", what, got, want)
	}
}

// TestLibreOfficeOpensXLSX: LibreOffice opens the XLSX headless; its CSV
// of the sheet Übersicht (formulas computed by LibreOffice) has the cost
// engine's sums.
func TestLibreOfficeOpensXLSX(t *testing.T) {
	t.Parallel()
	testtool.RequireCalc(t)
	files := fixtures(t)
	byYear, total := engineTotals(t, files, "ST")
	path := filepath.Join(t.TempDir(), "uebersicht-ST.xlsx")
	if err := os.WriteFile(path, write(t, build(t, files, sheets.Options{Land: "ST"}), "xlsx"), 0o644); err != nil {
		t.Fatal(err)
	}
	// Semicolons, UTF-8, raw values (not as shown) in en-US: 1234.56.
	out := testtool.LibreOffice(t, path, "csv:Text - txt - csv (StarCalc):59,34,76,1,,1033,false,true,false,false,false")
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	checkSums(t, "LibreOffice", csvSums(t, data), byYear, total)
}

// TestUebersichtSigning (audit: „Unterzeichnung“ ignored the signing
// data): for every ring project of the fixtures and every party that
// signs the agreement, the column says what `vereinbar status` says — in
// force since its day, the circulation's count, or the draft state; a
// joining Land „Beitritt ab …“.
func TestUebersichtSigning(t *testing.T) {
	t.Parallel()
	g := newGenerator(t)
	checked := map[string]bool{}
	for _, f := range fixtures(t) {
		p, err := g.LoadProject(f)
		if err != nil {
			t.Fatal(err)
		}
		pr := p.Data()
		if pr.Vertrag.Form != "ring" {
			continue
		}
		st := g.Status(p)
		if len(st.Agreements) != 1 {
			t.Fatalf("%s: %d agreements in ring form", f, len(st.Agreements))
		}
		a := st.Agreements[0]
		for _, pt := range pr.Parteien {
			u := build(t, []string{f}, sheets.Options{Land: string(pt.Land)})
			got := u.Rows[0].Status
			var want string
			switch {
			case pt.Beitretend():
				want = "Beitritt ab " + pt.BeitrittAb.Time().Format("02.01.2006")
			case a.InForce != "":
				want = "in Kraft seit " + a.InForce[8:10] + "." + a.InForce[5:7] + "." + a.InForce[:4]
			case len(a.Signed) > 0:
				want = "Umlauf: " + strconv.Itoa(len(a.Signed)) + " von " + strconv.Itoa(len(a.Order)) + " unterzeichnet"
			case pr.Vorhaben.Entwurf():
				want = "Entwurf"
			default:
				want = "final, nicht unterzeichnet"
			}
			if got != want {
				t.Errorf("%s, %s: Unterzeichnung %q, want %q (status %+v)", filepath.Base(f), pt.Land, got, want, a)
			}
			checked[strings.SplitN(want, " ", 2)[0]] = true
		}
	}
	// the ring fixtures hold these states (drafts: the star fixtures in
	// the goldens)
	for _, k := range []string{"in", "Umlauf:", "Beitritt"} {
		if !checked[k] {
			t.Errorf("no fixture party with state %q (checked %v)", k, checked)
		}
	}
}

// TestUebersichtJoinLeave (audit: joining and leaving Länder were
// invisible): at the reference date (vorhaben.stand 2028-05-15) BB has not
// joined yet — role and state say when it joins, it is not yet „bereits
// digital“, its share is the one from its join; MV is still in, its role
// says when it leaves, its share is the one in force at the reference
// date; the next milestone is the join, which comes before the project's
// own milestones.
func TestUebersichtJoinLeave(t *testing.T) {
	t.Parallel()
	file := "../../fixtures/elterngeld-ring-beitritt.yaml"
	g := newGenerator(t)
	p, err := g.LoadProject(file)
	if err != nil {
		t.Fatal(err)
	}
	res, err := g.Costs(p)
	if err != nil {
		t.Fatal(err)
	}
	// the engine's shares by period: BB from its join, the others in May 2028
	shareIn := func(code string, y, m int) int64 {
		for _, per := range res.Periods {
			if (per.From.IsZero() || y*12+m >= per.From.Year*12+per.From.Month) && (per.To.IsZero() || y*12+m <= per.To.Year*12+per.To.Month) {
				for _, s := range per.Shares {
					if s.Code == code {
						return s.ShareE5
					}
				}
			}
		}
		t.Fatalf("%s: no share in %d/%d", code, m, y)
		return 0
	}
	for _, c := range []struct {
		land, group, rolle string
		share              int64
	}{
		{"BB", "b) Nachnutzung aus anderem Land", "nachnutzend, Beitritt ab 01.07.2028", shareIn("BB", 2028, 7)},
		{"MV", "a) bereits digital", "nachnutzend, Ausscheiden zum 31.12.2028", shareIn("MV", 2028, 5)},
		{"HH", "a) bereits digital", "nachnutzend", shareIn("HH", 2028, 5)},
	} {
		u := build(t, []string{file}, sheets.Options{Land: c.land})
		r := u.Rows[0]
		if r.Group.String() != c.group || r.Rolle != c.rolle || r.ShareE5 != c.share {
			t.Errorf("%s: group %q, role %q, share %d; want %q, %q, %d", c.land, r.Group, r.Rolle, r.ShareE5, c.group, c.rolle, c.share)
		}
		if r.Meilenstein != "Beitritt Brandenburg" || r.MeilensteinDatum.Format("2006-01-02") != "2028-07-01" {
			t.Errorf("%s: next milestone %q %s, want the join of Brandenburg on 01.07.2028", c.land, r.Meilenstein, r.MeilensteinDatum)
		}
	}
	if bb, mv := shareIn("BB", 2028, 7), shareIn("MV", 2028, 5); bb == 0 || mv == shareIn("MV", 2028, 7) {
		t.Fatalf("fixture changed: BB %d, MV %d/%d", bb, mv, shareIn("MV", 2028, 7))
	}
}
