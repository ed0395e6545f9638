package batch

import (
	"testing"

	"github.com/vereinbar/vereinbar/generator"
)

// TestOwnNameKnowsEveryKind: every document name generate gives in the
// fixtures is recognised as its own, with its kind and party (the names
// come from the kind registry, which declares them), and names it does not
// give are not.
func TestOwnNameKnowsEveryKind(t *testing.T) {
	t.Parallel()
	gen, err := generator.New(generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, err := generator.ProjectFiles([]string{"../../fixtures"})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, in := range files {
		p, err := gen.LoadProject(in)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range gen.AllDocs(p) {
			seen[k.Name] = true
			for _, f := range generator.Formats {
				id, ok := ownName(gen.Kinds(), k.File+"."+f)
				if want := (fileID{k.Name, k.Party, f}); !ok || id != want {
					t.Errorf("ownName(%s.%s) = %v, %v; want %v", k.File, f, id, ok, want)
				}
			}
		}
	}
	for _, k := range generator.KindNames() {
		if !seen[k] {
			t.Errorf("no fixture has kind %s", k)
		}
	}
	for _, name := range []string{"vereinbarung-XY.md", "vereinbarung-sn.md", "Vereinbarung.md", "vereinbarung.txt", "vereinbarung",
		"vereinbarung-.md", "notizen.md", ".vereinbarung.md", "projektsteckbrief-SN.md", "fit-store-abruf.md", "vereinbarung.md.tmp"} {
		if id, ok := ownName(gen.Kinds(), name); ok {
			t.Errorf("ownName(%q) = %v, want not ours", name, id)
		}
	}
}

// TestOwnPath accepts only a document directly in a project folder.
func TestOwnPath(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		path, format string
		ok           bool
	}{
		{"wohngeld-ring/vereinbarung.pdf", "pdf", true},
		{"wohngeld-ring/notizen.pdf", "pdf", true}, // listed: ours, whatever the name
		{"wohngeld-ring/vereinbarung.pdf", "docx", false},
		{"wohngeld-ring/vereinbarung.txt", "txt", false},
		{"vereinbarung.pdf", "pdf", false},
		{"a/b/vereinbarung.pdf", "pdf", false},
		{"../vereinbarung.pdf", "pdf", false},
		{"a/../vereinbarung.pdf", "pdf", false},
		{"/etc/vereinbarung.pdf", "pdf", false},
		{`a\..\vereinbarung.pdf`, "pdf", false},
		{"./vereinbarung.pdf", "pdf", false},
		{"a/.vereinbarung.pdf", "pdf", false},
		{".a/vereinbarung.pdf", "pdf", false},
		{"a/", "pdf", false},
		{"a/x\x00.pdf", "pdf", false},
	} {
		if _, _, ok := ownPath(ManifestFile{Path: c.path, Format: c.format}); ok != c.ok {
			t.Errorf("ownPath(%q, %s) = %v, want %v", c.path, c.format, ok, c.ok)
		}
	}
}
