package check_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

func dumpOf(t *testing.T, d *model.Document) string {
	t.Helper()
	var b strings.Builder
	if err := model.Dump(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestDumpRoundTrip: dump → ParseDump → dump gives the same text, for the
// model samples (every node kind, hostile text, a slide page) and every
// document generated from the fixtures.
func TestDumpRoundTrip(t *testing.T) {
	t.Parallel()
	docs := map[string]*model.Document{"sample": modeltest.Sample(3), "slide": modeltest.Slide(), "plan": modeltest.Plan(), "empty": {},
		"strike": {Blocks: []model.Block{&model.Paragraph{Style: model.StyleBody, Inlines: []model.Inline{
			model.Text{Text: "a", Strike: true}, model.Text{Text: "b", Bold: true, Italic: true, Strike: true}}}}}}
	for _, in := range allGenerated(t, newGen(t)) {
		docs[in.Name+"/"+in.Document] = in.Doc
	}
	for name, d := range docs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			want := dumpOf(t, d)
			parsed, err := check.ParseDump(strings.NewReader(want))
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(want, dumpOf(t, parsed)); diff != "" {
				t.Errorf("dump → ParseDump → dump (-vorher +nachher):\n%s", diff)
			}
		})
	}
}

// TestParseDumpChecksLikeTheModel: a parsed dump gives the same findings
// as the document it was dumped from.
func TestParseDumpChecksLikeTheModel(t *testing.T) {
	t.Parallel()
	for _, in := range allGenerated(t, newGen(t)) {
		in.Project, in.Party = nil, ""
		parsed, err := check.ParseDump(strings.NewReader(dumpOf(t, in.Doc)))
		if err != nil {
			t.Fatal(err)
		}
		want := locations(check.Run(in))
		in.Doc = parsed
		if diff := cmp.Diff(want, locations(check.Run(in))); diff != "" {
			t.Errorf("%s/%s (-Modell +Dump):\n%s", in.Name, in.Document, diff)
		}
	}
}

func TestParseDumpErrors(t *testing.T) {
	t.Parallel()
	head := "document kind=\"vereinbarung\" lang=\"de-DE\" date=2026-11-28 landscape=false\n" +
		"  title=\"T\"\n  short=\"\"\n  subject=\"\"\n  author=\"\"\n  keywords=\"\"\n"
	cases := []struct{ name, in, msg string }{
		{"empty", "", "„document“ fehlt"},
		{"unknown node", head + "  figure id=\"x\"\n", "Zeile 7: unbekannter Knoten \"figure\""},
		{"odd indent", head + "   paragraph style=body number=\"\"\n", "Zeile 7: ungerade Einrückung"},
		{"bad quote", head + "  section id=\"x level=1 number=\"\" title=\"\"\n", "Zeile 7"},
		{"bad date", strings.Replace(head, "2026-11-28", "28.11.2026", 1), "Datum"},
		{"missing meta", "document kind=\"\" lang=\"\" date=0001-01-01 landscape=false\n  title=\"\"\n", "Metadatum short fehlt"},
		{"trailing garbage", head + "  pagebreak x\n", "Zeile 7"},
		{"deeper than its parent", head + "      paragraph style=body number=\"\"\n", "Einrückung"},
		{"too deep", head + strings.Repeat("  ", 70) + "x\n", "Ebenen"},
		{"gantt date", head + "  gantt id=\"z\" title=\"\"\n    row label=\"a\" start=05.01.2026 end=- text=\"\" color=\"\"\n", "Zeile 8: erwartet ein Datum JJJJ-MM-TT oder -, nicht \"05.01.2026\""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			_, err := check.ParseDump(strings.NewReader(c.in))
			if !errors.Is(err, check.ErrDump) || !strings.Contains(err.Error(), c.msg) {
				t.Errorf("Fehler %v, erwartet ErrDump mit %q", err, c.msg)
			}
		})
	}
	big := bytes.Repeat([]byte("x"), check.MaxDumpBytes+1)
	if _, err := check.ParseDump(bytes.NewReader(big)); !errors.Is(err, check.ErrDump) {
		t.Errorf("zu großer Dump: %v", err)
	}
}

// FuzzParseDump: any text gives a document or ErrDump, never a panic; a
// document it gives dumps and parses again to the same dump.
func FuzzParseDump(f *testing.F) {
	for _, d := range []*model.Document{modeltest.Sample(2), modeltest.Slide()} {
		var b strings.Builder
		model.Dump(&b, d)
		f.Add(b.String())
	}
	f.Add("document kind=\"\" lang=\"\" date=0001-01-01 landscape=false\n  title=\"\"\n  short=\"\"\n  subject=\"\"\n  author=\"\"\n  keywords=\"\"\n")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := check.ParseDump(strings.NewReader(s))
		if err != nil {
			if !errors.Is(err, check.ErrDump) {
				t.Fatalf("Fehler ohne ErrDump: %v", err)
			}
			return
		}
		var once strings.Builder
		if err := model.Dump(&once, d); err != nil {
			t.Fatalf("Dump: %v", err)
		}
		again, err := check.ParseDump(strings.NewReader(once.String()))
		if err != nil {
			t.Fatalf("eigener Dump nicht lesbar: %v\n%s", err, once.String())
		}
		var twice strings.Builder
		model.Dump(&twice, again)
		if once.String() != twice.String() {
			t.Fatalf("Dump nicht stabil:\n%s\n---\n%s", once.String(), twice.String())
		}
	})
}
