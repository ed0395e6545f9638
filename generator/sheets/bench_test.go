package sheets_test

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/sheets"
)

var kurztitel = regexp.MustCompile(`(?m)^(  kurztitel: )(\S+)`)

// BenchmarkUebersicht500 loads 500 project files (the fixtures, copied
// with distinct Kurztitel), computes their costs and writes the XLSX of
// every project (--alle): what „vereinbar uebersicht“ does. README,
// „Nachnutzungsübersicht“, states the time per 100 projects.
func BenchmarkUebersicht500(b *testing.B) {
	src := fixtures(b)
	dir := b.TempDir()
	var files []string
	for i := range 500 {
		data, err := os.ReadFile(src[i%len(src)])
		if err != nil {
			b.Fatal(err)
		}
		data = kurztitel.ReplaceAll(data, []byte(fmt.Sprintf("${1}${2}-%03d", i)))
		f := filepath.Join(dir, fmt.Sprintf("p%03d.yaml", i))
		if err := os.WriteFile(f, data, 0o644); err != nil {
			b.Fatal(err)
		}
		files = append(files, f)
	}
	g := newGenerator(b)
	for b.Loop() {
		u, err := g.Uebersicht(files, sheets.Options{Land: "ST", All: true})
		if err != nil {
			b.Fatal(err)
		}
		if len(u.Rows) != 500 {
			b.Fatalf("%d rows, want 500", len(u.Rows))
		}
		if err := generator.WriteUebersicht(io.Discard, u, "xlsx"); err != nil {
			b.Fatal(err)
		}
	}
}
