package generator_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/docxread"
	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

// TestSteckbriefIsOneSlide renders the Projektsteckbrief of every fixture
// and asserts one page of 960 × 540 pt (16:9) in our PDF and in
// LibreOffice's rendering of our DOCX.
func TestSteckbriefIsOneSlide(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	out := t.TempDir()
	var docxs []string
	for _, path := range fixtureFiles(t, fixturesDir) {
		files := generateInto(t, gen, path, out, "steckbrief")
		f := files["projektsteckbrief"]
		if f == nil {
			t.Fatalf("%s: no Projektsteckbrief written", path)
		}
		checkOneSlide(t, path+" (PDF)", f[".pdf"])
		docxs = append(docxs, f[".docx"])
	}
	// distinct base names for the batch conversion
	for i, d := range docxs {
		dst := filepath.Join(out, "lo", strconv.Itoa(i)+".docx")
		testtool.Run(t, "install", "-D", d, dst)
		docxs[i] = dst
	}
	for i, pdf := range testtool.LibreOfficeAll(t, docxs, "pdf") {
		checkOneSlide(t, "LibreOffice "+strconv.Itoa(i), pdf)
	}
}

var pdfinfoSize = regexp.MustCompile(`Page size:\s+([0-9.]+) x ([0-9.]+) pts`)

func checkOneSlide(t *testing.T, what, pdf string) {
	t.Helper()
	info := testtool.Run(t, "pdfinfo", pdf)
	if !strings.Contains(info, "\nPages:           1\n") {
		t.Errorf("%s: not exactly one page:\n%s", what, info)
	}
	m := pdfinfoSize.FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("%s: no page size in pdfinfo output", what)
	}
	w, _ := strconv.ParseFloat(m[1], 64)
	h, _ := strconv.ParseFloat(m[2], 64)
	if w < 959 || w > 961 || h < 539 || h > 541 {
		t.Errorf("%s: page %s × %s pt, want 960 × 540 (16:9, landscape)", what, m[1], m[2])
	}
	// A slide is shown on its own: no "Seite 1 von 1".
	if text := testtool.Run(t, "pdftotext", "-enc", "UTF-8", pdf, "-"); strings.Contains(text, "Seite") {
		t.Errorf("%s: page number on a slide:\n%s", what, text)
	}
}

// TestSteckbriefShowsEveryParty: the chart of every fixture's Steckbrief
// has one bar per cost-bearing party with its exact share, largest
// first, all on one scale — no bar that lumps the rest together and
// dwarfs the named parties; above six bars it is laid out in two columns
// (the 16-party star has 16 bars).
func TestSteckbriefShowsEveryParty(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	sixteen := false
	for _, path := range fixtureFiles(t, fixturesDir) {
		_, res := loadFixture(t, gen, path)
		if res.Plan != nil {
			res = res.Plan // the Steckbrief shows the agreement as concluded
		}
		_, docs := buildDocuments(t, gen, path)
		var chart *model.Chart
		_ = model.Walk(docs["projektsteckbrief"], func(b model.Block, _ []*model.Section) error {
			if c, ok := b.(*model.Chart); ok {
				chart = c
			}
			return nil
		})
		if chart == nil {
			t.Fatalf("%s: Steckbrief without chart", path)
		}
		var want []string
		shares := map[string]int64{}
		for _, pr := range res.Parties {
			if pr.ShareE5 > 0 {
				ref, _ := refdata.PartyByCode(pr.Code)
				want = append(want, ref.Kurzname)
				shares[ref.Kurzname] = pr.ShareE5
			}
		}
		var got []string
		for i, b := range chart.Bars {
			got = append(got, b.Label)
			if b.ValueE5 != shares[b.Label] {
				t.Errorf("%s: bar %q shows %d, the party's share is %d", path, b.Label, b.ValueE5, shares[b.Label])
			}
			if i > 0 && b.ValueE5 > chart.Bars[i-1].ValueE5 {
				t.Errorf("%s: bar %q is larger than the one before it", path, b.Label)
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s: bars %q, want one per cost-bearing party %q", path, got, want)
		}
		if wantCols := map[bool]int{true: 2, false: 0}[len(want) > 6]; chart.Columns != wantCols {
			t.Errorf("%s: %d bars in %d columns, want %d", path, len(want), chart.Columns, wantCols)
		}
		sixteen = sixteen || len(chart.Bars) == 16
	}
	if !sixteen {
		t.Error("no fixture with 16 bars")
	}
}

// TestCallOffFormFields: in a call-off form a missing value is an empty
// form field, never text; filled in as Word does it (the placeholder
// replaced, w:showingPlcHdr gone), the DOCX reads back with the value in
// the field, and check finds nothing new.
func TestCallOffFormFields(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	path := filepath.Join(fixturesDir, "einbuergerung-stern-16.yaml")
	p, res := loadFixture(t, gen, path)
	var k generator.Doc
	for _, d := range gen.Docs(p) {
		if d.File == "fit-store-abruf-BE" {
			k = d
		}
	}
	d, err := gen.Document(context.Background(), p, res, k)
	if err != nil {
		t.Fatal(err)
	}
	behoerde := findTable(t, d, "abrufendes-land-angaben").Rows[1]
	if model.PlainText(behoerde.Cells[0].Inlines) != "Behörde" || len(behoerde.Cells[1].Inlines) != 1 || behoerde.Cells[1].Inlines[0] != (model.Field{}) {
		t.Fatalf("Behörde row is %#v, want an empty field", behoerde.Cells)
	}
	outs, err := gen.RenderDoc(context.Background(), p, res, k, []string{"docx"})
	if err != nil {
		t.Fatal(err)
	}
	const typed = "Senatsverwaltung für Inneres und Sport"
	filled := testtool.EditZipEntry(t, outs[0].Data, "word/document.xml", func(xml string) string {
		re := regexp.MustCompile(`<w:sdt><w:sdtPr><w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent><w:r><w:rPr><w:color w:val="808080"/></w:rPr><w:t>_+</w:t></w:r>`)
		loc := re.FindStringIndex(xml)
		if loc == nil {
			t.Fatal("no empty field in word/document.xml")
		}
		return xml[:loc[0]] + `<w:sdt><w:sdtPr><w:id w:val="1"/><w:text/></w:sdtPr><w:sdtContent><w:r><w:t>` + typed + `</w:t></w:r>` + xml[loc[1]:]
	})
	file := filepath.Join(t.TempDir(), "fit-store-abruf-BE.docx")
	if err := os.WriteFile(file, filled, 0o644); err != nil {
		t.Fatal(err)
	}
	read, err := docxread.Read(bytes.NewReader(filled), int64(len(filled)), docxread.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got := findTable(t, read, "abrufendes-land-angaben").Rows[1].Cells[1].Inlines
	if len(got) != 1 || got[0] != (model.Field{Text: typed}) {
		t.Errorf("filled-in field read back as %#v", got)
	}
	rep := gen.Check(context.Background(), file, generator.CheckOptions{})
	if rep.Err != nil {
		t.Fatal(rep.Err)
	}
	for _, f := range rep.Findings {
		if f.Severity == check.Error {
			t.Errorf("filled-in form: %s", f)
		}
	}
}

// TestSixteenLandStar checks the 16-Land star fixture: every re-using
// Land owes its share in exactly one document — its agreement, or its
// FIT-Store call-off form where it chose the FIT-Store (parteien[].weg) —
// and the amounts the documents show add up to the items' totals: the
// partners' totals (table "eigener-anteil" of each agreement, "Summe über
// die Laufzeit" of each call-off form) plus the implementing Land's total
// (its row in the Verteilungstabelle) equal the total of all items.
func TestSixteenLandStar(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	p, docs := buildDocuments(t, gen, filepath.Join(fixturesDir, "einbuergerung-stern-16.yaml"))
	res, err := gen.Costs(p)
	if err != nil {
		t.Fatal(err)
	}
	owedIn := map[string][]string{} // Land -> documents that oblige it to pay
	var agreements []string
	for file := range docs {
		switch {
		case strings.HasPrefix(file, "vereinbarung-"):
			agreements = append(agreements, file)
			owedIn[strings.TrimPrefix(file, "vereinbarung-")] = append(owedIn[strings.TrimPrefix(file, "vereinbarung-")], file)
		case strings.HasPrefix(file, "fit-store-abruf-"):
			owedIn[strings.TrimPrefix(file, "fit-store-abruf-")] = append(owedIn[strings.TrimPrefix(file, "fit-store-abruf-")], file)
		}
	}
	if len(owedIn) != 15 || len(agreements) != 10 {
		t.Fatalf("%d re-using Länder with documents, %d agreements; want 15 Länder, 10 of them with an agreement and 5 calling off", len(owedIn), len(agreements))
	}
	var shown int64
	for code, files := range owedIn {
		if len(files) != 1 {
			t.Errorf("%s owes its share in %v, want exactly one document", code, files)
			continue
		}
		d := docs[files[0]]
		if strings.HasPrefix(files[0], "vereinbarung-") {
			for _, r := range findTable(t, d, "eigener-anteil").Rows {
				if r.Total {
					shown += germanCents(t, model.PlainText(r.Cells[1].Inlines))
				}
			}
			continue
		}
		total := int64(-1)
		for _, r := range findTable(t, d, "entgelte-angaben").Rows {
			if model.PlainText(r.Cells[0].Inlines) == "Summe über die Laufzeit" {
				total = germanCents(t, model.PlainText(r.Cells[1].Inlines))
			}
		}
		if total < 0 {
			t.Fatalf("%s: no „Summe über die Laufzeit“", files[0])
		}
		shown += total
	}
	// the implementing Land's row of the full table in any agreement
	full := findTable(t, docs[agreements[0]], "verteilungstabelle")
	for _, r := range full.Rows {
		if model.PlainText(r.Cells[0].Inlines) == "Nordrhein-Westfalen" {
			shown += germanCents(t, model.PlainText(r.Cells[len(r.Cells)-1].Inlines))
		}
	}
	if shown != res.TotalCents {
		t.Errorf("the documents show %d cents in all, the items total %d", shown, res.TotalCents)
	}
}

func findTable(t *testing.T, d *model.Document, id string) *model.Table {
	t.Helper()
	var found *model.Table
	_ = model.Walk(d, func(b model.Block, _ []*model.Section) error {
		if tb, ok := b.(*model.Table); ok && tb.ID == id && found == nil {
			found = tb
		}
		return nil
	})
	if found == nil {
		t.Fatalf("%s: no table %q", d.Meta.Title, id)
	}
	return found
}

// germanCents parses "1.234,56" or "1.234,56 €" exactly.
func germanCents(t *testing.T, s string) int64 {
	t.Helper()
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "€"))
	s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
	s = strings.TrimRight(s, "\u00a0 ")
	v, err := strconv.ParseInt(strings.Replace(s, ".", "", 1), 10, 64)
	if err != nil || !strings.Contains(s, ".") || len(s)-strings.Index(s, ".") != 3 {
		t.Fatalf("not a German amount: %q", s)
	}
	return v
}
