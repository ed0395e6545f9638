package generator_test

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/model"
)

// loadFixture loads a project file and computes its costs.
func loadFixture(t *testing.T, gen *generator.Generator, path string) (*generator.Project, *costs.Result) {
	t.Helper()
	p, err := gen.LoadProject(path)
	if err != nil {
		t.Fatal(err)
	}
	res, err := gen.Costs(p)
	if err != nil {
		t.Fatal(err)
	}
	return p, res
}

// renderDocx loads a project file and renders every document kind of it
// to DOCX, as generate does.
func renderDocx(t *testing.T, gen *generator.Generator, path string) []generator.Output {
	t.Helper()
	p, res := loadFixture(t, gen, path)
	var out []generator.Output
	for _, k := range gen.Docs(p) {
		outs, err := gen.RenderDoc(context.Background(), p, res, k, []string{"docx"})
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, outs...)
	}
	return out
}

// buildDocuments loads a fixture and builds every document kind of it.
func buildDocuments(t *testing.T, gen *generator.Generator, path string) (*generator.Project, map[string]*model.Document) {
	t.Helper()
	p, res := loadFixture(t, gen, path)
	docs := map[string]*model.Document{}
	for _, k := range gen.Docs(p) {
		d, err := gen.Document(context.Background(), p, res, k)
		if err != nil {
			t.Fatal(err)
		}
		docs[k.File] = d
	}
	return p, docs
}

// TestDocumentGoldens compares the model dump of every document of every
// fixture with testdata/<fixture>.<document>.dump (-update rewrites).
func TestDocumentGoldens(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	for _, path := range fixtureFiles(t, fixturesDir) {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			_, docs := buildDocuments(t, gen, path)
			for file, d := range docs {
				var b bytes.Buffer
				if err := model.Dump(&b, d); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, filepath.Join("testdata", name+"."+file+".dump"), b.Bytes())
			}
		})
	}
}

// ringKind is the agreement kind of the benchmark fixture.
func ringKind(tb testing.TB, gen *generator.Generator, p *generator.Project) generator.Doc {
	tb.Helper()
	for _, k := range gen.Docs(p) {
		if k.Name == "vereinbarung" {
			return k
		}
	}
	tb.Fatal("no agreement kind")
	return generator.Doc{}
}

// benchDocument builds the ring agreement of the benchmark fixture.
func benchDocument(tb testing.TB) *model.Document {
	tb.Helper()
	gen := newGenerator(tb)
	p, err := gen.LoadProject(filepath.Join(fixturesDir, benchFixture))
	if err != nil {
		tb.Fatal(err)
	}
	res, err := gen.Costs(p)
	if err != nil {
		tb.Fatal(err)
	}
	d, err := gen.Document(context.Background(), p, res, ringKind(tb, gen, p))
	if err != nil {
		tb.Fatal(err)
	}
	return d
}
