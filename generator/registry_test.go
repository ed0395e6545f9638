package generator_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/batch"
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/kind"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/view"
)

// TestEveryKindIsComplete keeps the README's "how to add a document kind"
// true for every registered kind: it is declared in generator/kind/<name>.go,
// its templates are built in, at least one fixture produces it, every
// document of it uses one of its declared templates and has a golden model
// dump under testdata (whose content TestDocumentGoldens compares); a
// kind with a data output (kind.Sheet) has a golden cell dump of it
// (TestSheetGoldens), and a kind that is only a data output needs no
// template.
func TestEveryKindIsComplete(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	builtin := map[string]bool{}
	for _, e := range gen.Templates() {
		builtin[e.Path] = true
	}
	produced := map[string][]string{}
	for _, path := range fixtureFiles(t, fixturesDir) {
		p, err := gen.LoadProject(path)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		for _, d := range gen.AllDocs(p) {
			produced[d.Name] = append(produced[d.Name], name)
			if k, party, ok := gen.Kinds().Recognise(d.File); !ok || k != d.Name || party != d.Party {
				t.Errorf("%s: %s is not named as its kind declares (Recognise: %q, %q, %v)", name, d.File, k, party, ok)
			}
			if d.Sheet != nil {
				golden := filepath.Join("testdata", name+"."+d.File+"."+d.Sheet.Format+".txt")
				if _, err := os.Stat(golden); err != nil {
					t.Errorf("%s: no golden cell dump for %s (%v); write it with go test -run TestSheetGoldens -update", name, d.File, err)
				}
			}
			if !d.Model() {
				continue
			}
			if !slices.Contains(d.Templates, d.Template) {
				t.Errorf("%s: %s uses %s, not one of its kind's templates %v", name, d.File, d.Template, d.Templates)
			}
			golden := filepath.Join("testdata", name+"."+d.File+".dump")
			if _, err := os.Stat(golden); err != nil {
				t.Errorf("%s: no golden dump for %s (%v); write it with go test -run TestDocumentGoldens -update", name, d.File, err)
			}
		}
	}
	// every file of package kind besides its infrastructure declares a
	// registered kind of its name (a declaration left out of
	// kind.Builtins would never be generated)
	infra := map[string]bool{"kind.go": true, "parties.go": true, "builtin.go": true}
	decls, err := filepath.Glob(filepath.Join("kind", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range decls {
		base := filepath.Base(f)
		if infra[base] || strings.HasSuffix(base, "_test.go") {
			continue
		}
		if gen.Kinds().Lookup(strings.TrimSuffix(base, ".go")) == nil {
			t.Errorf("generator/kind/%s declares no kind listed in kind.Builtins", base)
		}
	}
	for _, k := range gen.Kinds().Kinds() {
		if _, err := os.Stat(filepath.Join("kind", k.Name+".go")); err != nil {
			t.Errorf("kind %s: not declared in a file of its own, generator/kind/%s.go", k.Name, k.Name)
		}
		for _, tp := range k.Templates {
			if !builtin[tp] {
				t.Errorf("kind %s: template %s is not built in", k.Name, tp)
			}
		}
		if len(produced[k.Name]) == 0 {
			t.Errorf("kind %s: no fixture produces it", k.Name)
		}
	}
}

// merkblatt is a kind declared only in this test, as a new kind is
// declared in its own file: a one-page leaflet of the project for the
// Kommunen.
func merkblatt() kind.Kind {
	const tmpl = "merkblatt/merkblatt.md.tmpl"
	return kind.Kind{
		Name: "merkblatt", Title: "Merkblatt", Akkusativ: "ein Merkblatt",
		Templates: []string{tmpl},
		Files:     []kind.FileName{{Stem: "merkblatt"}},
		Docs: func(pr *data.Projekt) []kind.Doc {
			if pr.Vertrag.Form != "ring" {
				return nil
			}
			return []kind.Doc{{Template: tmpl, File: "merkblatt"}}
		},
		View: func(v view.View, _ kind.Doc) (any, error) {
			type merkblattView struct {
				view.View
				Anzahl int // what this kind adds to the shared view
			}
			return merkblattView{View: v, Anzahl: len(v.Parteien)}, nil
		},
		Check: func(*data.Projekt, *model.Document) (check.Kind, string) {
			return check.KindBeschreibung, "Merkblatt"
		},
	}
}

// merkblattTemplate is the kind's template, in a template directory of
// the test.
const merkblattTemplate = `# Merkblatt zum Online-Dienst „{{.OnlineDienst}}“

## Beteiligte Länder {#beteiligte}

An der Nachnutzung beteiligen sich {{.Anzahl}} Länder: {{range $i, $p := .Parteien}}{{if $i}}, {{end}}{{$p.Kurzname}}{{end}}.
`

// TestKindRegisteredInTest: a kind added by a declaration and its
// template — nothing else — is generated in every format, selected by
// --kinds, written by the batch with its kind in the manifest, checked
// with the project and read back from its DOCX, and compared by diff.
func TestKindRegisteredInTest(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	tmplDir := filepath.Join(dir, "vorlagen")
	if err := os.MkdirAll(filepath.Join(tmplDir, "merkblatt"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(tmplDir, "merkblatt", "merkblatt.md.tmpl"), []byte(merkblattTemplate), 0o644); err != nil {
		t.Fatal(err)
	}
	gen, err := generator.New(generator.Options{TemplatesDir: tmplDir, Kinds: append(kind.Builtins(), merkblatt())})
	if err != nil {
		t.Fatal(err)
	}
	ring := filepath.Join(fixturesDir, "wohngeld-ring.yaml")

	// generate, selected by name
	names, err := gen.ParseKinds("merkblatt")
	if err != nil {
		t.Fatal(err)
	}
	files := generateInto(t, gen, ring, filepath.Join(dir, "out"), names...)
	if len(files) != 1 || files["merkblatt"] == nil {
		t.Fatalf("written %v, want merkblatt.{docx,pdf,md} only", files)
	}
	md, err := os.ReadFile(files["merkblatt"][".md"])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(md), "An der Nachnutzung beteiligen sich") {
		t.Errorf("merkblatt.md lacks the template's text:\n%s", md)
	}

	// the batch writes it and records its kind
	res, err := batch.Run(context.Background(), gen, []string{ring}, batch.Options{OutDir: filepath.Join(dir, "batch"), Jobs: 2, Formats: []string{"md"}, Kinds: names})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Projects[0].Files; len(got) != 1 || got[0].Kind != "merkblatt" || got[0].Path != "wohngeld-ring/merkblatt.md" {
		t.Errorf("batch files %+v, want wohngeld-ring/merkblatt.md of kind merkblatt", got)
	}

	// check takes it with the project and recognises it in its DOCX
	rep := gen.Check(context.Background(), ring, generator.CheckOptions{})
	if rep.Err != nil {
		t.Fatal(rep.Err)
	}
	if !slices.Contains(rep.Checked, "merkblatt (beschreibung)") {
		t.Errorf("check of the project: checked %v, want merkblatt (beschreibung)", rep.Checked)
	}
	rep = gen.Check(context.Background(), files["merkblatt"][".docx"], generator.CheckOptions{})
	if rep.Err != nil || !slices.Contains(rep.Checked, "DOCX als beschreibung (Merkblatt)") {
		t.Errorf("check of merkblatt.docx: checked %v, err %v", rep.Checked, rep.Err)
	}

	// diff sees it on the project side
	side, err := gen.DiffSide(ring)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(side, func(d generator.DiffDoc) bool { return d.Name == "merkblatt" }) {
		t.Errorf("diff side of the project lacks merkblatt")
	}

	// a star project does not get it; the built-in registry does not know it
	p, err := gen.LoadProject(filepath.Join(fixturesDir, "bafoeg-stern.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(gen.Docs(p), func(d generator.Doc) bool { return d.Name == "merkblatt" }) {
		t.Errorf("star project got a merkblatt")
	}
	if _, err := newGenerator(t).ParseKinds("merkblatt"); !errors.Is(err, kind.ErrKind) {
		t.Errorf("built-in registry accepted merkblatt: %v", err)
	}
}

// TestKindWithoutTemplateIsRefused: New refuses a kind whose template is
// in no template layer, naming the kind and the template.
func TestKindWithoutTemplateIsRefused(t *testing.T) {
	t.Parallel()
	_, err := generator.New(generator.Options{Kinds: append(kind.Builtins(), merkblatt())})
	if !errors.Is(err, kind.ErrDeclaration) || !strings.Contains(err.Error(), "merkblatt/merkblatt.md.tmpl") {
		t.Fatalf("got %v, want ErrDeclaration naming the template", err)
	}
}
