package generator_test

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
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
