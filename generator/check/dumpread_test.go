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
	docs["styled cell"] = italicNoteInCell()
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

// italicNoteInCell is a table whose right cell holds an italic note in
// brackets, as the Synopse sets "(unverändert)".
func italicNoteInCell() *model.Document {
	return &model.Document{Blocks: []model.Block{&model.Table{Widths: []int{50, 50}, Aligns: []model.Align{model.AlignLeft, model.AlignLeft},
		Rows: []model.Row{{Cells: []model.Cell{
			{Inlines: []model.Inline{model.Text{Text: "(1) Der Text bleibt."}}},
			{Inlines: []model.Inline{model.Text{Text: "("}, model.Text{Text: "unverändert", Italic: true}, model.Text{Text: ")"}, model.LineBreak{}, model.Text{Text: "fett", Bold: true}}},
		}}}}}}
}

// TestParseDumpItalicNoteInTableCell: the runs of a table cell that
// changes style survive the dump, so a PDF's embedded model sets "(",
// italic "unverändert" and ")" as the page shows them, not
// "(unverändert)" as one run (PDF-002 on every Synopse).
func TestParseDumpItalicNoteInTableCell(t *testing.T) {
	t.Parallel()
	d := italicNoteInCell()
	parsed, err := check.ParseDump(strings.NewReader(dumpOf(t, d)))
	if err != nil {
		t.Fatal(err)
	}
	want, got := d.Blocks[0].(*model.Table).Rows[0].Cells, parsed.Blocks[0].(*model.Table).Rows[0].Cells
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Zellen nach dump → ParseDump (-Modell +Dump):\n%s", diff)
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
		{"cell text differs", head + "  table id=\"t\" widths=[50 50] aligns=[left left] boxed=false caption=\"\"\n    row \"a\" | \"(b)\"\n      cell 2\n        text italic \"c\"\n", "Zeile 9: Text der Zelle 2 \"c\" passt nicht zur Zeile (\"(b)\")"},
		{"cell beyond the row", head + "  table id=\"t\" widths=[50] aligns=[left] boxed=false caption=\"\"\n    row \"a\"\n      cell 2\n", "Zeile 9: die Zeile hat keine Zelle 2"},
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
