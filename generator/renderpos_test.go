package generator_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestRowTooTallNamesTheDataPosition: a risk measure of 6,000 words makes
// a table row taller than a page, which the PDF renderer refuses. The
// message used to name only the template ("Tabelle risiken-tabelle, …
// projektbeschreibung.md.tmpl:277"); it now names the line, column and
// data path of the text in the project file, as for a missing glyph.
func TestRowTooTallNamesTheDataPosition(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join(fixturesDir, "wohngeld-ring.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	const old = `massnahme: "Kommunikationskampagne der Länder"`
	words := make([]string, 6000)
	for i := range words {
		words[i] = fmt.Sprintf("Wort%d", i)
	}
	s := string(src)
	at := strings.Index(s, old)
	if at < 0 {
		t.Fatalf("%q not in the fixture", old)
	}
	s = s[:at] + `massnahme: "` + strings.Join(words, " ") + `"` + s[at+len(old):]
	line := strings.Count(s[:at], "\n") + 1
	col := utf8.RuneCountInString(s[strings.LastIndex(s[:at], "\n")+1:at]) + len("massnahme: ") + 1
	path := filepath.Join(t.TempDir(), "lang.yaml")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	gen := newGenerator(t)
	for _, c := range []struct{ kind, file string }{
		{"beschreibung", "projektbeschreibung"},
		{"steckbrief", "projektsteckbrief"},
	} {
		t.Run(c.kind, func(t *testing.T) {
			t.Parallel()
			out := t.TempDir()
			_, err := gen.GenerateProject(context.Background(), path, out, []string{"pdf"}, []string{c.kind})
			want := fmt.Sprintf("%s:%d:%d: projekt.risiken[2].massnahme: %s.pdf: ungültiges Dokumentmodell: Zeile ", path, line, col, c.file)
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Fatalf("err = %v\nwant prefix %s", err, want)
			}
			if !strings.Contains(err.Error(), "passt auf keine Seite") || !strings.HasSuffix(err.Error(), "Text kürzen") {
				t.Errorf("err = %v, want the reason and what to do", err)
			}
		})
	}
}
