package generator_test

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/diff"
	"github.com/vereinbar/vereinbar/generator/render/docx"
	"github.com/vereinbar/vereinbar/generator/render/docx/docxtest"
)

// docxOrderFile is the child order of WordprocessingML transcribed from
// ECMA-376, shared with the tests of package docx.
const docxOrderFile = "render/docx/testdata/ooxml-reihenfolge.txt"

// TestDocxSchemaOrder renders every document of every valid fixture and of
// every adversarial case that renders ("OK") to DOCX, as `vereinbar
// generate` does, and checks each XML part against the child order of the
// ECMA-376 schema (docxtest; Word rejects a package with children out of
// order, LibreOffice does not). It also fails when a document has a w:
// parent the order file does not list.
func TestDocxSchemaOrder(t *testing.T) {
	t.Parallel()
	order, err := docxtest.LoadOrder(docxOrderFile)
	if err != nil {
		t.Fatalf("%s: %v", docxOrderFile, err)
	}
	paths := fixtureFiles(t, fixturesDir)
	if len(paths) == 0 {
		t.Fatal("no fixtures")
	}
	for _, c := range loadAdversarialCases(t) {
		if c.errMsg == "" {
			paths = append(paths, c.path)
		}
	}
	gen := newGenerator(t)
	for _, path := range paths {
		name := strings.TrimPrefix(path, "../")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for _, out := range renderDocx(t, gen, path) {
				checkDocxOrder(t, order, out.Name, out.Data)
			}
		})
	}
	// Redlines between the valid fixtures, both ways, as `vereinbar diff
	// --redline` writes them: inserted and deleted runs, paragraphs,
	// clauses, table rows and renumbered headings from real documents.
	valid := fixtureFiles(t, fixturesDir)
	for i, oldPath := range valid {
		for j, newPath := range valid {
			if i == j {
				continue
			}
			name := "redline " + strings.TrimPrefix(oldPath, "../") + " → " + strings.TrimPrefix(newPath, "../")
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				old, err := gen.DiffSide(oldPath)
				if err != nil {
					t.Fatal(err)
				}
				new, err := gen.DiffSide(newPath)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range generator.PairDocs(old, new) {
					if p.Old == nil || p.New == nil {
						continue
					}
					red, err := diff.Redline(p.Old.Doc, p.New.Doc)
					if err != nil {
						t.Fatalf("%s: %v", p.Name, err)
					}
					var buf bytes.Buffer
					if err := docx.Render(&buf, red, docx.Options{Author: "Prüfer", Date: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
						t.Fatalf("%s: %v", p.Name, err)
					}
					checkDocxOrder(t, order, p.Name+".docx", buf.Bytes())
				}
			})
		}
	}
}

// checkDocxOrder checks one DOCX package and reports its problems.
func checkDocxOrder(t *testing.T, order *docxtest.Order, name string, data []byte) {
	t.Helper()
	r, err := order.CheckPackage(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	r.Report(t, name)
}
