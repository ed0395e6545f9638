package docx

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

// writeSample renders modeltest.Sample(16) into a temporary directory.
func writeSample(t *testing.T) (string, *model.Document) {
	t.Helper()
	d := modeltest.Sample(16)
	path := filepath.Join(t.TempDir(), "sample.docx")
	if err := RenderFile(path, d, Options{}); err != nil {
		t.Fatal(err)
	}
	return path, d
}

// TestLibreOfficeText opens the document in LibreOffice and checks that
// the text survives: every heading, every party, the table total, list
// labels and the hostile string.
func TestLibreOfficeText(t *testing.T) {
	t.Parallel()
	testtool.Require(t, "soffice")
	path, d := writeSample(t)
	raw, err := os.ReadFile(testtool.LibreOffice(t, path, "txt:Text"))
	if err != nil {
		t.Fatal(err)
	}
	// LibreOffice writes a byte order mark and keeps U+00A0 as it is, so
	// the headings compare with their no-break spaces.
	text := strings.TrimPrefix(string(raw), "\ufeff")
	want := []string{"§\u00a01 Gegenstand", "§\u00a02 Kostenverteilung", "1.440.000,00 €", "a)\tSchnittstellen,", "(2)\tNicht Gegenstand sind:", modeltest.Hostile}
	for _, s := range model.Sections(d) {
		want = append(want, s.Heading())
	}
	for _, b := range d.Blocks {
		if p, ok := b.(*model.Paragraph); ok && strings.Contains(model.PlainText(p.Inlines), "vertreten durch") {
			want = append(want, model.PlainText(p.Inlines))
		}
	}
	for _, s := range []string{"Für dem Land Nummer 16", "Für der Partei " + modeltest.Hostile, "Ort, Datum"} {
		want = append(want, s)
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("LibreOffice text lacks %q", w)
		}
	}
	if t.Failed() {
		t.Logf("LibreOffice text:\n%s", text)
	}
}

// TestLibreOfficePDF lays the document out in LibreOffice: the footer
// fields must be evaluated ("Seite 1 von N") and the header must show the
// short title.
func TestLibreOfficePDF(t *testing.T) {
	t.Parallel()
	testtool.Require(t, "soffice")
	path, d := writeSample(t)
	pdf := testtool.LibreOffice(t, path, "pdf")
	text := testtool.Run(t, "pdftotext", "-enc", "UTF-8", pdf, "-")
	pages := strings.Count(text, "\f")
	if pages < 2 {
		t.Fatalf("PDF has %d pages, want at least 2", pages)
	}
	// PDF text has no no-break spaces: pdftotext gives a plain space.
	want := []string{d.Meta.ShortTitle, "1.440.000,00", "§ 1 Gegenstand"}
	for i := 1; i <= pages; i++ {
		want = append(want, fmt.Sprintf("Seite %d von %d", i, pages))
	}
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("PDF text lacks %q", w)
		}
	}
	if n := strings.Count(text, d.Meta.ShortTitle); n != pages {
		t.Errorf("short title on %d of %d pages", n, pages)
	}
	if t.Failed() {
		t.Logf("PDF text:\n%s", text)
	}
}

// TestLibreOfficeSignaturesStayWithText: in LibreOffice's layout the
// heading „Unterschriften“ stands on the page of the first signature
// block and of the last paragraph before it (kept with the next), however
// much text comes first; the two blocks of a row share a page, and more
// rows break between rows, never inside one.
func TestLibreOfficeSignaturesStayWithText(t *testing.T) {
	t.Parallel()
	testtool.Require(t, "soffice")
	type variant struct{ parties, fillers int }
	var variants []variant
	var paths []string
	dir := t.TempDir()
	for _, parties := range []int{2, 8, 12} {
		for fillers := 20; fillers <= 40; fillers += 4 {
			var sigs []model.Signature
			for i := range parties {
				sigs = append(sigs, model.Signature{Party: fmt.Sprintf("Für Partei %d", i+1), Signer: "das Ministerium", PlaceDate: "Ort, Datum"})
			}
			var blocks []model.Block
			for i := range fillers {
				blocks = append(blocks, &model.Paragraph{Style: model.StyleBody, Inlines: []model.Inline{model.Text{Text: fmt.Sprintf("Füllabsatz %d.", i)}}})
			}
			blocks = append(blocks,
				&model.Paragraph{Style: model.StyleBody, KeepNext: true, Inlines: []model.Inline{model.Text{Text: "Letzter Satz vor den Unterschriften."}}},
				&model.Section{ID: "unterschriften", Level: 1, Title: "Unterschriften", Blocks: []model.Block{&model.Signatures{Blocks: sigs}}})
			d := &model.Document{Meta: modeltest.Sample(2).Meta, Blocks: blocks}
			path := filepath.Join(dir, fmt.Sprintf("sig-%d-%d.docx", parties, fillers))
			if err := RenderFile(path, d, Options{}); err != nil {
				t.Fatal(err)
			}
			variants = append(variants, variant{parties, fillers})
			paths = append(paths, path)
		}
	}
	moved := 0
	for i, pdf := range testtool.LibreOfficeAll(t, paths, "pdf") {
		v := variants[i]
		text := testtool.Run(t, "pdftotext", "-enc", "UTF-8", pdf, "-")
		pages := strings.Split(text, "\f")
		pageOf := func(s string) int {
			for j, p := range pages {
				if strings.Contains(p, s) {
					return j
				}
			}
			return -1
		}
		h, last, first := pageOf("Unterschriften"), pageOf("Letzter Satz"), pageOf("Für Partei 1\n")
		if h != last || h != first {
			t.Errorf("%d Parteien, %d Füllabsätze: letzter Satz auf Seite %d, Überschrift auf Seite %d, erste Unterschrift auf Seite %d", v.parties, v.fillers, last+1, h+1, first+1)
		}
		if v.parties == 2 && pageOf("Für Partei 2") != first {
			t.Errorf("2 Parteien, %d Füllabsätze: Unterschriften auf Seite %d bis %d", v.fillers, first+1, pageOf("Für Partei 2")+1)
		}
		if h > 0 {
			moved++
		}
	}
	if moved == 0 {
		t.Error("die Unterschriften standen immer auf Seite 1: der Test prüft keinen Umbruch")
	}
}
