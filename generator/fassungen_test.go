package generator_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/markdown"
)

// fassungPair is a fixture (ALT) and the edits that make NEU of it.
type fassungPair struct {
	name    string
	fixture string
	edits   []string // old, new, old, new, …: each old must occur exactly once
}

// fassungPairs are the pairs the Synopse and the Lesefassung are
// golden-tested on: an amount and a free text of a ring agreement; an
// amount, a term of notice and a body's name of a star.
var fassungPairs = []fassungPair{
	{"wohngeld-ring-betrag-text", "wohngeld-ring.yaml", []string{
		`stand: 2026-11-28`, `stand: 2027-03-01`,
		`version: "1.0"`, `version: "1.1"`,
		`betrag: "480000.00"`, `betrag: "495000.00"`,
		`von 8 bis 17 Uhr`, `von 7 bis 18 Uhr`,
	}},
	{"bafoeg-stern-frist-gremium", "bafoeg-stern.yaml", []string{
		`stand: 2026-11-28`, `stand: 2027-02-15`,
		`version: "2.1"`, `version: "2.2"`,
		`kuendigungsfrist_monate: 6`, `kuendigungsfrist_monate: 9`,
		`steuerungsgremium: "Lenkungskreis BAföG Digital"`, `steuerungsgremium: "Lenkungsausschuss BAföG Digital"`,
		`betrag: "12345.67"`, `betrag: "13579.11"`,
	}},
}

// loadPair returns ALT and NEU of a pair.
func loadPair(t *testing.T, gen *generator.Generator, p fassungPair) (alt, neu *generator.Project) {
	t.Helper()
	path := filepath.Join(fixturesDir, p.fixture)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	alt, err = gen.ParseProject("fixtures/"+p.fixture, src)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	for i := 0; i+1 < len(p.edits); i += 2 {
		if n := strings.Count(s, p.edits[i]); n != 1 {
			t.Fatalf("%s: %q occurs %d times, want once", p.fixture, p.edits[i], n)
		}
		s = strings.Replace(s, p.edits[i], p.edits[i+1], 1)
	}
	neu, err = gen.ParseProject("fixtures/"+p.name+".yaml", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return alt, neu
}

func fassungen(t *testing.T, gen *generator.Generator, p fassungPair) []generator.Fassung {
	t.Helper()
	alt, neu := loadPair(t, gen, p)
	fs, err := gen.AmendmentFassungen(context.Background(), alt, neu, generator.FassungOptions{
		Amendment: generator.Amendment{Nr: 1, Date: time.Date(2027, 4, 20, 0, 0, 0, 0, time.UTC)},
	})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// TestFassungGoldens compares the Synopse and the Lesefassung of every
// pair with their goldens: the model dump and the Markdown twin (which
// shows the struck and the bold words of the Synopse).
func TestFassungGoldens(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	for _, p := range fassungPairs {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			fs := fassungen(t, gen, p)
			var files []string
			for _, f := range fs {
				files = append(files, f.File)
				var dump, md bytes.Buffer
				if err := model.Dump(&dump, f.Doc); err != nil {
					t.Fatal(err)
				}
				if err := markdown.Render(&md, f.Doc); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, filepath.Join("testdata", "fassungen", p.name+"."+f.File+".dump"), dump.Bytes())
				checkGolden(t, filepath.Join("testdata", "fassungen", p.name+"."+f.File+".md"), md.Bytes())
			}
			t.Logf("%s: %s", p.name, strings.Join(files, ", "))
		})
	}
}
