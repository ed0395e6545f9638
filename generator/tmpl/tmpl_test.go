package tmpl

import (
	"context"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/Masterminds/sprig/v3"
)

func TestFuncExamples(t *testing.T) {
	t.Parallel()
	for _, f := range Funcs() {
		if len(f.Examples) == 0 || f.Doc == "" {
			t.Errorf("%s: every helper needs a doc line and an example", f.Name)
		}
		for _, ex := range f.Examples {
			set, err := Load(Layer{Name: "test", FS: fstest.MapFS{"x.tmpl": {Data: []byte(ex.Template)}}})
			if err != nil {
				t.Fatalf("%s: %v", f.Name, err)
			}
			out, err := set.Execute(context.Background(), "x.tmpl", ExampleData)
			if err != nil {
				t.Fatalf("%s %s: %v", f.Name, ex.Template, err)
			}
			// the marker of the first line is not part of the example
			got := strings.TrimPrefix(string(out), "<!--@x.tmpl:1-->\n")
			if got != ex.Output {
				t.Errorf("%s: %s = %q, want %q", f.Name, ex.Template, got, ex.Output)
			}
		}
	}
}

func TestDeniedHelpersAreGone(t *testing.T) {
	t.Parallel()
	m := FuncMap()
	all := sprig.TxtFuncMap()
	for _, d := range Denied() {
		if _, ok := all[d]; !ok {
			t.Errorf("%s is not a sprig helper; the deny list is stale", d)
		}
		if _, ok := m[d]; ok {
			t.Errorf("%s must not be available to templates", d)
		}
	}
	for _, keep := range []string{"upper", "join", "default", "add", "trimSuffix"} {
		if _, ok := m[keep]; !ok {
			t.Errorf("%s should be available", keep)
		}
	}
}

func TestHelperErrors(t *testing.T) {
	t.Parallel()
	for _, src := range []string{`{{land "XX" "dativ"}}`, `{{land "BY" "ablativ"}}`, `{{ref "a" 1 2}}`, `{{fall "genitiv" "der Senator"}}`, `{{.Fehlt}}`} {
		set, err := Load(Layer{Name: "test", FS: fstest.MapFS{"x.tmpl": {Data: []byte(src)}}})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := set.Execute(context.Background(), "x.tmpl", map[string]any{}); err == nil {
			t.Errorf("%s: want an error", src)
		}
	}
}

func TestLayersOverrideByPath(t *testing.T) {
	t.Parallel()
	builtin := fstest.MapFS{
		"doc/main.md.tmpl":  {Data: []byte(`A{{template "doc/teil.md.tmpl" .}}`)},
		"doc/teil.md.tmpl":  {Data: []byte(`-eingebaut`)},
		"doc/other.md.tmpl": {Data: []byte(`x`)},
	}
	user := fstest.MapFS{"doc/teil.md.tmpl": {Data: []byte(`-eigen`)}}
	set, err := Load(Layer{Name: "eingebaut", FS: builtin}, Layer{Name: "/meine/vorlagen", FS: user})
	if err != nil {
		t.Fatal(err)
	}
	out, err := set.Execute(context.Background(), "doc/main.md.tmpl", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.ReplaceAll(string(out), "<!--@doc/main.md.tmpl:1-->\n", ""); !strings.HasSuffix(got, "-eigen") || strings.Contains(got, "eingebaut") {
		t.Errorf("override not used: %q", out)
	}
	want := []Entry{{"doc/main.md.tmpl", "eingebaut"}, {"doc/other.md.tmpl", "eingebaut"}, {"doc/teil.md.tmpl", "/meine/vorlagen"}}
	got := set.Entries()
	if len(got) != len(want) {
		t.Fatalf("entries = %v", got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("entry %d = %v, want %v", i, got[i], want[i])
		}
	}
}

func TestMark(t *testing.T) {
	t.Parallel()
	src := "## Titel {#t}\n\nAbsatz\nzweite Zeile\n\n- Liste\n- weiter\n\n1. eins\n\n| a |\n|--|\n\n{{range .X}}\n\n{{- .}}\n{{end}}\n\n```unterschriften\n\nA | B\n```\n\n  eingerückt\n"
	got := string(Mark("d/v.md.tmpl", []byte(src)))
	want := "<!--@d/v.md.tmpl:1-->\n## Titel {#t}\n\n<!--@d/v.md.tmpl:3-->\nAbsatz\nzweite Zeile\n\n- Liste\n- weiter\n\n1. eins\n\n| a |\n|--|\n\n<!--@d/v.md.tmpl:14-->\n{{range .X}}\n\n{{- .}}\n{{end}}\n\n<!--@d/v.md.tmpl:19-->\n```unterschriften\n\nA | B\n```\n\n  eingerückt\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestEscapeSurvivesMarkdownLiterally(t *testing.T) {
	t.Parallel()
	// Escape's promise is checked end to end in the markup package tests;
	// here: every special character is escaped exactly once.
	in := `<w:t>&"' €„“ *a* _b_ [c](d) #1 1. - | ~ \ {x}`
	got := Escape(in)
	want := `\<w:t\>&"' €„“ \*a\* \_b\_ \[c\]\(d\) \#1 1\. \- \| \~ \\ \{x\}`
	if got != want {
		t.Errorf("Escape(%q) = %q, want %q", in, got, want)
	}
}
