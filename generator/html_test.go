package generator_test

import (
	"bytes"
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/config"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/html"
	"github.com/vereinbar/vereinbar/generator/render/html/htmltest"
	"golang.org/x/text/unicode/norm"
)

// TestHTMLGoldens renders every document of every fixture to HTML as
// generate --formats html does and compares it with
// testdata/<fixture>.<document>.html (-update rewrites; a missing golden
// fails). Every page must pass htmltest.Check and hold every heading.
func TestHTMLGoldens(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	for _, path := range fixtureFiles(t, fixturesDir) {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, res := loadFixture(t, gen, path)
			for _, k := range gen.Docs(p) {
				outs, err := gen.RenderDoc(context.Background(), p, res, k, []string{"html"})
				if err != nil {
					t.Fatal(err)
				}
				if len(outs) != 1 || outs[0].Name != p.Data().Vorhaben.Kurztitel+"/"+k.File+".html" {
					t.Fatalf("outputs %+v", outs)
				}
				page := string(outs[0].Data)
				pg, err := htmltest.Check(page)
				if err != nil {
					t.Errorf("%s.html is not well-formed: %v", k.File, err)
				}
				d, err := gen.Document(context.Background(), p, res, k)
				if err != nil {
					t.Fatal(err)
				}
				if pg != nil {
					text := normalise(pg.Text)
					for _, s := range model.Sections(d) {
						if h := normalise(norm.NFC.String(s.Heading())); !strings.Contains(text, h) {
							t.Errorf("%s.html lacks the heading %q", k.File, h)
						}
					}
				}
				var again bytes.Buffer
				if err := html.Render(&again, d, html.Options{}); err != nil {
					t.Fatal(err)
				}
				if again.String() != page {
					t.Errorf("%s.html: a second render differs", k.File)
				}
				checkGolden(t, filepath.Join("testdata", name+"."+k.File+".html"), outs[0].Data)
			}
		})
	}
}

// TestAdversarialHTML renders the documents of every adversarial case
// that generates (expectation "OK") to HTML: each expected text must be
// in the page's text, literally, and the page well-formed with no
// element but the renderer's own.
func TestAdversarialHTML(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	for _, c := range loadAdversarialCases(t) {
		if c.errMsg != "" {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			p, res := loadFixture(t, gen, c.path)
			texts := map[string]string{}
			for _, k := range gen.Docs(p) {
				needed := false
				for _, w := range c.okWant {
					needed = needed || w.doc == k.File
				}
				if !needed {
					continue
				}
				outs, err := gen.RenderDoc(context.Background(), p, res, k, []string{"html"})
				if err != nil {
					t.Fatal(err)
				}
				pg, err := htmltest.Check(string(outs[0].Data))
				if err != nil {
					t.Fatalf("%s.html: %v", k.File, err)
				}
				texts[k.File] = normalise(pg.Text)
			}
			for _, w := range c.okWant {
				got, ok := texts[w.doc]
				if !ok {
					t.Errorf("Dokument %s fehlt", w.doc)
					continue
				}
				if want := normalise(norm.NFC.String(w.text)); !strings.Contains(got, want) {
					t.Errorf("%s.html enthält nicht %s", w.doc, shorten(want))
				}
			}
		})
	}
}

// BenchmarkStarAgreementHTML renders one agreement of the 16-Land star
// fixture to HTML: the renderer's share of a live preview.
func BenchmarkStarAgreementHTML(b *testing.B) {
	gen := newGenerator(b)
	p, err := gen.LoadProject(filepath.Join(fixturesDir, "einbuergerung-stern-16.yaml"))
	if err != nil {
		b.Fatal(err)
	}
	res, err := gen.Costs(p)
	if err != nil {
		b.Fatal(err)
	}
	var d *model.Document
	for _, k := range gen.Docs(p) {
		if strings.HasPrefix(k.File, "vereinbarung") {
			if d, err = gen.Document(context.Background(), p, res, k); err != nil {
				b.Fatal(err)
			}
			break
		}
	}
	if d == nil {
		b.Fatal("no agreement")
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := html.Render(&buf, d, html.Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(buf.Len()), "bytes/page")
}

// TestDefaultFormatsAreTheSetting: the default of the setting formate is
// generator.DefaultFormats, and HTML stays opt-in.
func TestDefaultFormatsAreTheSetting(t *testing.T) {
	t.Parallel()
	for _, s := range config.Settings() {
		if s.Key != "formate" {
			continue
		}
		got, err := generator.ParseFormats(s.Default)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, generator.DefaultFormats) || slices.Contains(got, "html") {
			t.Errorf("formate defaults to %v, DefaultFormats is %v", got, generator.DefaultFormats)
		}
		if _, err := generator.ParseFormats("docx,pdf,md,html"); err != nil {
			t.Error(err)
		}
		return
	}
	t.Fatal("no setting formate")
}
