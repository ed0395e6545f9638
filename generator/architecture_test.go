package generator_test

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

const module = "github.com/vereinbar/vereinbar/"

// forbidden are the dependency rules of the pipeline (README, Aufbau):
// per package directory below generator/, the packages of ours it must not
// import (a prefix covers its sub-packages). The model imports nothing of
// ours; renderers know nothing of kinds, views, project data or templates;
// the view knows no kind; kinds know neither the facade nor the batch;
// the Synopse reads two models through diff and knows nothing else;
// spreadsheets are data outputs and know no document model or renderer;
// the German YAML messages import nothing of ours;
// the server's editor knows the project schema only.
var forbidden = map[string][]string{
	"model":  {"generator"},
	"render": {"generator/kind", "generator/view", "generator/data", "generator/tmpl", "generator/costs", "generator/batch", "generator/check", "generator/diff", "generator/sheets"},
	"view":   {"generator/kind", "generator/batch", "generator/check", "generator/diff", "generator/render", "generator/markup"},
	"kind":   {"generator/batch", "generator/render", "generator/tmpl", "generator/markup", "generator/diff"},
	"check":  {"generator/kind", "generator/view", "generator/batch", "generator/render"},
	"diff":   {"generator/kind", "generator/view", "generator/batch"},
	// the amendment reads changes through diff's alignment and works on
	// the document model only: no project data, templates or renderers
	"aenderung": {"generator/kind", "generator/view", "generator/batch", "generator/data", "generator/costs", "generator/tmpl", "generator/markup", "generator/render", "generator/check", "generator/sheets"},
	"costtable": {"generator/kind", "generator/render", "generator/batch"},
	"synopse":   {"generator/kind", "generator/view", "generator/data", "generator/tmpl", "generator/markup", "generator/costs", "generator/batch", "generator/check", "generator/render"},
	"sheets":    {"generator/kind", "generator/render", "generator/batch", "generator/tmpl", "generator/markup", "generator/model", "generator/check", "generator/diff"},
	// The web server sits on top of the facade, like the batch: it builds
	// documents only through it (never through kinds, views, templates or
	// markup, so no text of a request is ever executed as a template) and
	// renders the models the facade gives it.
	"server": {"generator/kind", "generator/view", "generator/tmpl", "generator/markup", "generator/batch", "generator/sheets", "generator/docxread"},
	// the editor (form, YAML edits, page) knows the project schema only;
	// documents, costs and checks reach the page through the server.
	"server/editor": {"generator/kind", "generator/view", "generator/render", "generator/tmpl", "generator/markup", "generator/model", "generator/costs", "generator/batch", "generator/check", "generator/diff", "generator/sheets"},

	// the German YAML messages, shared by the project data and the
	// reference data, import nothing of ours
	"internal/yamlde": {"generator"},
}

// forbiddenExternal are rules on imports from outside the module, by the
// same package prefixes: a kind wires a writer of package sheets (its
// Sheet) but never builds a spreadsheet itself, so the spreadsheet library
// stays in generator/sheets; the document model and its renderers know
// nothing of spreadsheets.
var forbiddenExternal = map[string][]string{
	"kind":   {"github.com/xuri/excelize"},
	"model":  {"github.com/xuri/excelize"},
	"render": {"github.com/xuri/excelize"},
	"view":   {"github.com/xuri/excelize"},
}

// TestDependencyDirection parses the imports of every non-test file below
// generator/ and fails on an import the rules above forbid, and on any
// import of the facade (package generator) from below it (only the batch
// and the web server sit on top of the facade).
func TestDependencyDirection(t *testing.T) {
	t.Parallel()
	fset := token.NewFileSet()
	checked := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		dir := filepath.ToSlash(filepath.Dir(path))
		if dir == "." || strings.Contains(dir, "testdata") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		checked++
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			ours, ok := strings.CutPrefix(p, module)
			if !ok {
				for prefix, rules := range forbiddenExternal {
					if dir != prefix && !strings.HasPrefix(dir, prefix+"/") {
						continue
					}
					for _, r := range rules {
						if p == r || strings.HasPrefix(p, r+"/") {
							t.Errorf("%s (package %s) imports %s", path, dir, p)
						}
					}
				}
				continue
			}
			if ours == "generator" && dir != "batch" && dir != "server" { // the batch and the server run on top of the facade
				t.Errorf("%s imports the facade %s", path, p)
			}
			if strings.HasPrefix("generator/"+dir, ours+"/") {
				continue // a helper package of its parent (model/modeltest)
			}
			for prefix, rules := range forbidden {
				if dir != prefix && !strings.HasPrefix(dir, prefix+"/") {
					continue
				}
				for _, r := range rules {
					if ours == r || strings.HasPrefix(ours, r+"/") {
						t.Errorf("%s (package %s) imports %s", path, dir, p)
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 50 {
		t.Fatalf("only %d files parsed; is the test running in generator/?", checked)
	}
}
