package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

// TestReadPagesIsPageText: what ReadPages reads from a rendered PDF is
// exactly what PageText says the renderer shows, page by page and string
// by string, with the simple fonts and with the Unicode fonts, also after
// qpdf rewrote the file; vereinbar's own PDFs have no incremental update
// and nothing foreign.
func TestReadPagesIsPageText(t *testing.T) {
	t.Parallel()
	docs := map[string]*model.Document{"sample": modeltest.Sample(3), "slide": modeltest.Slide(), "many": modeltest.Sample(16)}
	for name, d := range docs {
		for _, unicode := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s unicode=%v", name, unicode), func(t *testing.T) {
				t.Parallel()
				want, err := renderer(t).PageText(d)
				if err != nil {
					t.Fatal(err)
				}
				raw := renderBytes(t, d, unicode)
				comparePages(t, raw, want, 0)
				if unicode {
					return
				}
				for _, args := range [][]string{{"--object-streams=generate"}, {"--qdf"}, {"--linearize"}} {
					in := filepath.Join(t.TempDir(), "in.pdf")
					out := filepath.Join(t.TempDir(), "out.pdf")
					if err := os.WriteFile(in, raw, 0o644); err != nil {
						t.Fatal(err)
					}
					testtool.Run(t, "qpdf", append(args, in, out)...)
					b, err := os.ReadFile(out)
					if err != nil {
						t.Fatal(err)
					}
					updates := 0
					if args[0] == "--linearize" {
						updates = 1 // the first-page cross-reference section
					}
					comparePages(t, b, want, updates)
				}
			})
		}
	}
}

func comparePages(t *testing.T, raw []byte, want [][]string, updates int) {
	t.Helper()
	got, err := ReadPages(raw)
	if err != nil {
		t.Fatal(err)
	}
	if got.Updates != updates || len(got.Foreign) > 0 {
		t.Errorf("updates %d, foreign %q; want %d and none", got.Updates, got.Foreign, updates)
	}
	if len(got.Text) != len(want) {
		t.Fatalf("%d pages, want %d", len(got.Text), len(want))
	}
	for i := range want {
		if !slices.Equal(got.Text[i], want[i]) {
			t.Errorf("page %d:\n got %q\nwant %q", i+1, got.Text[i], want[i])
		}
	}
	// a slide has no page footer; every other page has one
	footer := slices.ContainsFunc(want[0], func(s string) bool { return strings.Contains(s, "Seite 1 von") })
	if slide := slices.ContainsFunc(want[0], func(s string) bool { return strings.HasPrefix(s, "Projektsteckbrief") }); footer == slide {
		t.Errorf("page 1: footer %v on a slide %v: %q", footer, slide, want[0])
	}
}

// TestReadPagesErrors: what is not a PDF of vereinbar is an error, never a
// panic.
func TestReadPagesErrors(t *testing.T) {
	t.Parallel()
	raw := renderBytes(t, modeltest.Sample(2), false)
	for name, pdf := range map[string][]byte{
		"empty":      nil,
		"not a PDF":  []byte("Hallo"),
		"truncated":  raw[:len(raw)/3],
		"other font": []byte(strings.Replace(string(raw), "/WinAnsiEncoding", "/MacRomanEncoding", 1)),
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if p, err := ReadPages(pdf); !errors.Is(err, ErrPageText) {
				t.Fatalf("got %v, %v; want ErrPageText", p, err)
			}
		})
	}
}

// TestReadPagesForeign: an annotation other than a link and an XObject
// drawn on a page, added after the file was written, are reported, and
// the text of the added content stream is read with the page's.
func TestReadPagesForeign(t *testing.T) {
	t.Parallel()
	raw := renderBytes(t, modeltest.Sample(2), false)
	page := regexp.MustCompile(`(?m)^(\d+) 0 obj\n<</Type /Page\n/Parent (\d+ 0 R)\n/Resources (\d+ 0 R)\n/Contents (\d+ 0 R)>>`).FindSubmatch(raw)
	if page == nil {
		t.Fatal("no page object as fpdf writes it")
	}
	font := regexp.MustCompile(`/(F[0-9a-f]+) \d+ 0 R`).FindSubmatch(raw)
	if font == nil {
		t.Fatal("no font resource")
	}
	added := fmt.Sprintf("%s 0 obj\n<</Type /Page /Parent %s /Resources %s /Contents [%s 990 0 R] /Annots [<< /Type /Annot /Subtype /Link /Rect [0 0 1 1] >> << /Type /Annot /Subtype /FreeText /Rect [0 0 9 9] /Contents (x) >>]>>\nendobj\n"+
		"990 0 obj\n<< /Length 44 >>\nstream\nBT /%s 9 Tf (1.500.000,00) Tj ET /Im1 Do\nendstream\nendobj\n",
		page[1], page[2], page[3], page[4], font[1])
	got, err := ReadPages(append(bytes.Clone(raw), added...))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Seite 1: Anmerkung /FreeText", "Seite 1: XObject /Im1"}
	if !slices.Equal(got.Foreign, want) {
		t.Errorf("foreign %q, want %q", got.Foreign, want)
	}
	if last := got.Text[0][len(got.Text[0])-1]; last != "1.500.000,00" {
		t.Errorf("last text of page 1 %q, want the added one", last)
	}
}
