package diff_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/diff"
	"github.com/vereinbar/vereinbar/generator/model"
)

const fixture = "../../fixtures/wohngeld-ring.yaml"

// variant is a test version of the wohngeld-ring fixture: edits of the
// project file by string replacement, and optionally a template override
// directory.
type variant struct {
	replace   []string // old, new, old, new, ...
	templates string   // "" = built-in templates only
}

// documents builds every document of the variant, by file name.
func documents(t *testing.T, v variant) map[string]*model.Document {
	t.Helper()
	src, err := os.ReadFile(fixture)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	for i := 0; i+1 < len(v.replace); i += 2 {
		if !strings.Contains(s, v.replace[i]) {
			t.Fatalf("fixture lacks %q", v.replace[i])
		}
		s = strings.Replace(s, v.replace[i], v.replace[i+1], 1)
	}
	g, err := generator.New(generator.Options{TemplatesDir: v.templates})
	if err != nil {
		t.Fatal(err)
	}
	p, err := g.ParseProject("wohngeld-ring.yaml", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	r, err := g.Costs(p)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*model.Document{}
	for _, k := range g.Docs(p) {
		d, err := g.Document(context.Background(), p, r, k)
		if err != nil {
			t.Fatal(err)
		}
		out[k.File] = d
	}
	return out
}

// swappedClauses writes a template override that puts the clause
// "nutzungsrechte" after "haftung" in the ring agreement.
func swappedClauses(t *testing.T) string {
	t.Helper()
	const a, b = `{{template "vereinbarung/klauseln/nutzungsrechte.md.tmpl" .}}`, `{{template "vereinbarung/klauseln/haftung.md.tmpl" .}}`
	return editedTemplate(t, "vereinbarung/ring.md.tmpl", a+"\n"+b, b+"\n"+a)
}

// editedTemplate writes a template override directory in which the
// built-in template file has old replaced by new.
func editedTemplate(t *testing.T, file, old, new string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("../../templates", file))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), old, new, 1)
	if s == string(src) {
		t.Fatalf("%s: %q not found", file, old)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, filepath.FromSlash(file))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// want is one change expected at an exact place; "§ " stands for the
// "§" and no-break space of the documents.
type want struct {
	kind     diff.Kind
	loc      string // Location.String()
	del, ins string // a deleted and an inserted word segment ("" = not checked)
}

func TestCompareFixtures(t *testing.T) {
	t.Parallel()
	base := documents(t, variant{})
	// clause numbers as the agreement has them, so adding a clause does
	// not break the expectations
	num := func(id string) string {
		for _, sec := range model.Sections(base["vereinbarung"]) {
			if sec.ID == id {
				return strings.TrimPrefix(sec.Number, "§\u00a0")
			}
		}
		t.Fatalf("no clause %s", id)
		return ""
	}
	tests := []struct {
		name  string
		v     func(t *testing.T) variant
		doc   string
		want  []want
		exact bool // no other change in doc
	}{
		{
			name: "identical",
			v:    func(*testing.T) variant { return variant{} },
			doc:  "", exact: true,
		},
		{
			name: "changed share",
			v:    func(*testing.T) variant { return variant{replace: []string{"SL: 12010", "SL: 22010"}} },
			doc:  "vereinbarung",
			want: []want{{kind: diff.Changed, loc: "§ " + num("kostenverteilung") + ", Tabelle „Anteile und Beträge je Vertragspartei“, Zeile Saarland, Spalte Anteil in\u00a0%"}},
		},
		{
			name: "changed amount",
			v: func(*testing.T) variant {
				return variant{replace: []string{`betrag: "1850000.00"`, `betrag: "1850100.00"`}}
			},
			doc:   "vereinbarung",
			want:  []want{{kind: diff.Changed, loc: "§ " + num("kosten") + ", Aufzählungspunkt 1", del: "1.850.000,00", ins: "1.850.100,00"}},
			exact: true,
		},
		{
			name: "changed party",
			v: func(*testing.T) variant {
				return variant{replace: []string{"das Ministerium der Finanzen", "das Ministerium der Finanzen und der Justiz"}}
			},
			doc: "vereinbarung",
			want: []want{
				{kind: diff.Changed, loc: "Kopf"},
				{kind: diff.Changed, loc: "Unterschriften, Unterschrift Für das Land Rheinland-Pfalz"},
			},
			exact: true,
		},
		{
			name: "changed clause text",
			v: func(*testing.T) variant {
				return variant{replace: []string{"kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: 6"}}
			},
			doc: "vereinbarung",
			// The notice period stands in the notice and in the extension.
			want:  []want{{kind: diff.Changed, loc: "§ " + num("laufzeit") + ", Abs. (2)", del: "12", ins: "6"}, {kind: diff.Changed, loc: "§ " + num("laufzeit") + ", Abs. (4)", del: "12", ins: "6"}},
			exact: true,
		},
		{
			name: "moved clause",
			v:    func(t *testing.T) variant { return variant{templates: swappedClauses(t)} },
			doc:  "vereinbarung",
			want: []want{
				// The swap is one move; which of the two clauses moved
				// is the diff library's choice, stable for these inputs.
				{kind: diff.Moved, loc: "§ " + num("nutzungsrechte") + " Haftung"},
				// The cross-references to the moved clause did change.
				{kind: diff.Changed, loc: "§ " + num("leistungen") + ", Abs. (5)", del: num("nutzungsrechte"), ins: num("haftung")},
				{kind: diff.Changed, loc: "§ " + num("beendigung") + ", 3.", del: num("nutzungsrechte"), ins: num("haftung")},
			},
			exact: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			next := documents(t, tt.v(t))
			for name, old := range base {
				res, err := diff.Compare(old, next[name])
				if err != nil {
					t.Fatal(err)
				}
				if name != tt.doc {
					if tt.doc == "" && !res.Empty() || tt.exact && tt.doc == "" {
						for _, c := range res.Changes {
							t.Errorf("%s: unexpected change %s", name, c)
						}
					}
					continue
				}
				checkChanges(t, res, tt.want, tt.exact)
			}
		})
	}
}

func checkChanges(t *testing.T, res *diff.Result, ws []want, exact bool) {
	t.Helper()
	found := make([]bool, len(res.Changes))
	for _, w := range ws {
		ok := false
		for i, c := range res.Changes {
			if c.Kind != w.kind || c.Loc.String() != strings.ReplaceAll(w.loc, "§ ", "§\u00a0") {
				continue
			}
			if w.del != "" && !hasSegment(c, diff.Delete, w.del) || w.ins != "" && !hasSegment(c, diff.Insert, w.ins) {
				t.Errorf("%s: segments %+v lack -%q/+%q", c.Loc, c.Segments, w.del, w.ins)
			}
			ok, found[i] = true, true
		}
		if !ok {
			t.Errorf("no %s change at %q", w.kind, w.loc)
		}
	}
	for i, c := range res.Changes {
		if exact && !found[i] {
			t.Errorf("unexpected change: %s", c)
		}
		if c.Kind == diff.Inserted || c.Kind == diff.Deleted {
			if exact {
				continue
			}
			t.Errorf("unexpected insertion or deletion: %s", c)
		}
	}
	if t.Failed() {
		for _, c := range res.Changes {
			t.Logf("got %s", c)
		}
	}
}

func hasSegment(c diff.Change, op diff.Op, text string) bool {
	for _, s := range c.Segments {
		if s.Op == op && strings.TrimSpace(s.Text) == text {
			return true
		}
	}
	return false
}
