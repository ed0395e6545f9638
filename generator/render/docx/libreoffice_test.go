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
