package generator_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
)

// TestProjectAndCheckFiles: which files generate and check take from the
// paths they are given — files as they are, directories by extension and
// without subdirectories, output directories (with a manifest) with
// their project folders, Word's lock files never; sorted, each once.
func TestProjectAndCheckFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, f := range []string{
		"p/b.yaml", "p/a.yml", "p/c.YAML", "p/notiz.txt", "p/v.docx", "p/v.pdf", "p/~$v.docx",
		"p/unter/x.yaml",
		"out/manifest.json", "out/proj/vereinbarung.docx", "out/proj/vereinbarung.pdf", "out/proj/vereinbarung.md",
		"out/proj/tiefer/x.docx",
		"einzeln.txt",
	} {
		path := filepath.Join(dir, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	in := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, filepath.Join(dir, filepath.FromSlash(n)))
		}
		return out
	}
	tests := []struct {
		name  string
		list  func([]string) ([]string, error)
		paths []string
		want  []string
	}{
		{"generate: directory", generator.ProjectFiles, in("p"), in("p/a.yml", "p/b.yaml", "p/c.YAML")},
		{"generate: file as it is, each once", generator.ProjectFiles, in("einzeln.txt", "p", "p/b.yaml"), in("einzeln.txt", "p/a.yml", "p/b.yaml", "p/c.YAML")},
		{"check: directory", generator.CheckFiles, in("p"), in("p/a.yml", "p/b.yaml", "p/c.YAML", "p/v.docx", "p/v.pdf")},
		{"check: output directory", generator.CheckFiles, in("out"), in("out/proj/vereinbarung.docx", "out/proj/vereinbarung.pdf")},
		{"check: each once", generator.CheckFiles, in("p/v.pdf", "p", "p/v.pdf"), in("p/a.yml", "p/b.yaml", "p/c.YAML", "p/v.docx", "p/v.pdf")},
	}
	for _, tt := range tests {
		got, err := tt.list(tt.paths)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
	if _, err := generator.ProjectFiles(in("fehlt")); !os.IsNotExist(err) {
		t.Errorf("missing path: err = %v, want not exist", err)
	}
}
