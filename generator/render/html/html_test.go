package html

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
	"github.com/vereinbar/vereinbar/generator/render/html/htmltest"
)

// render renders d and checks the page is well-formed.
func render(t *testing.T, d *model.Document) (string, *htmltest.Page) {
	t.Helper()
	var b bytes.Buffer
	if err := Render(&b, d, Options{}); err != nil {
		t.Fatal(err)
	}
	pg, err := htmltest.Check(b.String())
	if err != nil {
		t.Fatalf("not well-formed: %v\n%s", err, b.String())
	}
	return b.String(), pg
}

func TestRenderSample(t *testing.T) {
	t.Parallel()
	d := modeltest.Sample(3)
	d.Meta.Draft = true
	out, pg := render(t, d)
	for _, want := range []string{
		"<html lang=\"de-DE\">",
		"<p class=\"entwurf\" role=\"note\">ENTWURF</p>\n<main class=\"a4\">",
		"<h1>Verwaltungsvereinbarung</h1>",
		"<section id=\"gegenstand\">\n<h2><span class=\"nr\">§\u00a01</span> Gegenstand</h2>",
		"<p class=\"absatz\"><span class=\"nr\">(2)</span> Nicht Gegenstand sind:</p>",
		"<li><span class=\"nr\">a)</span><div>\n<p class=\"absatz\">Schnittstellen,</p>",
		"<p class=\"absatz kn\">",
		"<caption>Anteile und Beträge</caption>",
		"<thead>\n<tr><th scope=\"col\">Land</th><th scope=\"col\" class=\"r\">Anteil</th>",
		"<tr class=\"summe\"><td>Summe</td><td class=\"r\">100,00000 %</td>",
		"<col class=\"sp400\">",
		".sp400{width:40%}",
		"<div class=\"seitenumbruch\" aria-hidden=\"true\"></div>",
		"<div class=\"linie\">Ort, Datum</div>\n<div class=\"linie raum\">Unterschrift</div>\n<div class=\"linie\">Name</div>",
		"<table class=\"formular\">",
		"<td class=\"bgE7E6E6\">Behörde</td>",
		".bgE7E6E6{background:#E7E6E6}",
		"<span class=\"feld\" role=\"img\" aria-label=\"Feld zum Ausfüllen\"></span>",
		"<span class=\"wert\">Erika Mustermann</span>",
		"<em>Kursiv</em>",
		"<strong>dem Land Nummer 1</strong>",
		"@page{size:A4;margin:20mm}",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if !strings.HasPrefix(pg.Title, "Verwaltungsvereinbarung über") || !strings.HasSuffix(pg.Title, modeltest.Hostile) {
		t.Errorf("title = %q", pg.Title)
	}
	if got := strings.Count(pg.Text, modeltest.Hostile); got != 4 {
		t.Errorf("hostile text %d times in the body text, want 4 (party, preamble, signature, form)", got)
	}
}

func TestRenderSlide(t *testing.T) {
	t.Parallel()
	out, pg := render(t, modeltest.Slide())
	for _, want := range []string{
		"<main class=\"folie\">",
		"main.folie{max-width:338.67mm;aspect-ratio:16/9",
		"@page{size:338.67mm 190.5mm;margin:12mm}",
		"<td class=\"c bgC6EFCE\">im Plan</td>",
		"<figure class=\"diagramm\" id=\"kostenanteile\">\n<figcaption><strong>Kostenanteile 2027</strong></figcaption>",
		"<tr><th scope=\"row\">Freistaat Sachsen</th><td><span class=\"bar bw1000 bf4472C4\" aria-hidden=\"true\"></span></td><td class=\"wert\">42,14071\u00a0%</td></tr>",
		"<span class=\"bar bw630 bfC55A11\"",
		".bw630{width:63%}",
		".bfC55A11{background:#C55A11}",
		// A zero share has no bar, but its value.
		"<tr><th scope=\"row\">Bund</th><td></td><td class=\"wert\">0,00000\u00a0%</td></tr>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if !strings.Contains(pg.Text, "Freie Hansestadt Bremen "+modeltest.Hostile) {
		t.Error("hostile bar label not literal in the text")
	}
}

func TestRenderGantt(t *testing.T) {
	t.Parallel()
	out, pg := render(t, modeltest.Plan())
	for _, want := range []string{
		"<figure class=\"zeitplan\" id=\"zeitplan\">\n<figcaption><strong>Zeitplan</strong></figcaption>",
		// 24 months of about 42 per mille each
		"<span class=\"monat bw42\">Jan 25</span>",
		"<span class=\"monat bw42\">Dez 26</span>",
		// 06.01.–28.03.2025: days 5 to 87 of 730
		"<tr><th scope=\"row\">1 Initialisierung</th><td class=\"termin\">06.01.–28.03.2025</td><td class=\"achse\"><span class=\"gbalken gl7 bw112 bf4472C4\" aria-hidden=\"true\"></span></td></tr>",
		".gl7{left:0.7%}",
		"bfA5A5A5",
		// an undated phase: listed, no bar
		"<tr><th scope=\"row\">3 Planung Nachnutzung</th><td class=\"termin\">Termin offen</td><td class=\"achse\"></td></tr>",
		"<span class=\"meilenstein gl977 gc7F7F7F\" aria-hidden=\"true\">◆</span>",
		".gcC00000{color:#C00000}",
		"@page{size:A4 landscape;margin:20mm}",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if !strings.Contains(pg.Text, "Pilotbetrieb "+modeltest.Hostile) {
		t.Error("hostile row label not literal in the text")
	}
	bad := &model.Document{Blocks: []model.Block{&model.Gantt{Rows: []model.GanttRow{{Label: "x"}}}}}
	if err := Render(&bytes.Buffer{}, bad, Options{}); err == nil || !strings.Contains(err.Error(), "ohne Termine") {
		t.Errorf("undated chart: %v", err)
	}
}

func TestRenderChartColumns(t *testing.T) {
	t.Parallel()
	c := modeltest.Shares()
	c.Columns = 2
	out, _ := render(t, &model.Document{Blocks: []model.Block{c}})
	if got := strings.Count(out, "<table>"); got != 2 {
		t.Errorf("%d tables for two columns", got)
	}
	// Down the first column, then the next: 3 bars, then 2.
	second := out[strings.LastIndex(out, "<table>"):]
	if !strings.Contains(second, "Bremen") || strings.Contains(second, "Thüringen") {
		t.Errorf("second column:\n%s", second)
	}
}

func TestRenderRedline(t *testing.T) {
	t.Parallel()
	d := modeltest.Redline()
	d.Blocks[0].(*model.Section).HeadingChanges = []model.Inline{
		model.Text{Text: "§ 2", Change: model.ChangeDel}, model.Text{Text: "§ 1", Change: model.ChangeIns}, model.Text{Text: " Laufzeit"},
	}
	out, _ := render(t, d)
	for _, want := range []string{
		"<h2><del>§ 2</del><ins>§ 1</ins> Laufzeit</h2>",
		"Frist von <del>12</del><ins>6</ins> Monaten.",
		"<td class=\"r\"><del>11.420,00</del><ins>11.532,17</ins></td>",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q\n%s", want, out)
		}
	}
}

// TestEveryNodeKind renders the model test documents and checks that
// between them they hold every node kind of the model, and that each
// kind leaves its mark in the page.
func TestEveryNodeKind(t *testing.T) {
	t.Parallel()
	marks := map[string]string{
		"*model.Section":    "<section",
		"*model.Paragraph":  "<p class=\"absatz",
		"*model.List":       "<ol class=\"liste\">",
		"*model.Table":      "<tbody>",
		"*model.Chart":      "<figure class=\"diagramm\"",
		"*model.Gantt":      "<figure class=\"zeitplan\"",
		"*model.Signatures": "<div class=\"unterschriften\">",
		"*model.PageBreak":  "<div class=\"seitenumbruch\"",
		"model.Text":        "<strong>",
		"model.LineBreak":   "<br>",
		"model.Field":       "<span class=\"feld\"",
		"ins":               "<ins>",
		"del":               "<del>",
	}
	seen := map[string]bool{}
	var all strings.Builder
	for _, d := range []*model.Document{modeltest.Sample(3), modeltest.Slide(), modeltest.Redline(), modeltest.Plan()} {
		out, _ := render(t, d)
		all.WriteString(out)
		err := model.Walk(d, func(b model.Block, _ []*model.Section) error {
			seen[fmt.Sprintf("%T", b)] = true
			var ins []model.Inline
			switch n := b.(type) {
			case *model.Paragraph:
				ins = n.Inlines
			case *model.Table:
				for _, r := range append(n.Header, n.Rows...) {
					for _, c := range r.Cells {
						ins = append(ins, c.Inlines...)
					}
				}
			}
			for _, in := range ins {
				seen[fmt.Sprintf("%T", in)] = true
				if t, ok := in.(model.Text); ok && t.Change != "" {
					seen[t.Change] = true
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for kind, mark := range marks {
		if !seen[kind] {
			t.Errorf("the test documents lack %s", kind)
		}
		if !strings.Contains(all.String(), mark) {
			t.Errorf("%s: no %q in the pages", kind, mark)
		}
	}
	for kind := range seen {
		if _, ok := marks[kind]; !ok {
			t.Errorf("node kind %s has no mark in this test", kind)
		}
	}
}

// TestHostileTextIsLiteral puts markup into every place text goes: it
// must come out as text, and no element but the renderer's own appears.
func TestHostileTextIsLiteral(t *testing.T) {
	t.Parallel()
	const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>` + modeltest.Hostile + ` ]]> --> &amp; &#0;`
	txt := func(s string) []model.Inline { return []model.Inline{model.Text{Text: s, Bold: true}} }
	d := &model.Document{
		Meta: model.Meta{Title: evil, Author: evil, Subject: evil, Keywords: []string{evil}, Language: `de"><script>`},
		Blocks: []model.Block{
			&model.Section{ID: `x" onclick="alert(1)`, Level: 1, Number: evil, Title: evil, Blocks: []model.Block{
				&model.Paragraph{Style: model.StyleBody, Number: evil, Inlines: append(txt(evil), model.Field{Text: evil})},
				&model.List{Items: []model.ListItem{{Label: evil, Blocks: []model.Block{&model.Paragraph{Inlines: txt(evil)}}}}},
				&model.Table{ID: evil, Caption: evil, Header: []model.Row{{Cells: []model.Cell{{Inlines: txt(evil)}}}}, Rows: []model.Row{{Cells: []model.Cell{{Inlines: txt(evil)}}}}},
				&model.Chart{ID: evil, Title: evil, Bars: []model.Bar{{Label: evil, ValueE5: 5, Text: evil}}},
				&model.Signatures{Blocks: []model.Signature{{Party: evil, Signer: evil, PlaceDate: evil, Lines: []string{evil}}}},
			}},
		},
	}
	out, pg := render(t, d)
	if strings.Contains(out, "<script") || strings.Contains(out, "<img") {
		t.Errorf("markup got through:\n%s", out)
	}
	if !strings.Contains(out, `<html lang="de">`) {
		t.Error("a malformed language must fall back to de")
	}
	if pg.Title != evil {
		t.Errorf("title = %q", pg.Title)
	}
	// number, title, paragraph number and text, field, label, item,
	// caption, header cell, body cell, chart title, label and value,
	// party, signer, place and date, signature line.
	if got := strings.Count(pg.Text, evil); got != 17 {
		t.Errorf("hostile text %d times literally in the body text, want 17:\n%s", got, pg.Text)
	}
	for _, id := range pg.IDs {
		if strings.ContainsAny(id, " \t\n") {
			t.Errorf("id %q holds white space", id)
		}
	}
}

// unknownBlock and unknownInline are node kinds the renderer cannot know.
type unknownBlock struct{ model.PageBreak }
type unknownInline struct{ model.Text }

func TestUnknownNodeIsAnError(t *testing.T) {
	t.Parallel()
	for name, d := range map[string]*model.Document{
		"block":     {Blocks: []model.Block{&model.Paragraph{Inlines: []model.Inline{model.Text{Text: "x"}}}, &unknownBlock{}}},
		"inline":    {Blocks: []model.Block{&model.Paragraph{Inlines: []model.Inline{unknownInline{}}}}},
		"in a cell": {Blocks: []model.Block{&model.Table{Rows: []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{unknownInline{}}}}}}}}},
	} {
		var b bytes.Buffer
		if err := Render(&b, d, Options{}); !errors.Is(err, model.ErrUnknownNode) {
			t.Errorf("%s: err = %v, want ErrUnknownNode", name, err)
		}
		if b.Len() != 0 {
			t.Errorf("%s: wrote %d bytes", name, b.Len())
		}
	}
}

func TestInvalidModel(t *testing.T) {
	t.Parallel()
	p := func(ins ...model.Inline) *model.Paragraph { return &model.Paragraph{Inlines: ins} }
	cell := model.Cell{Inlines: []model.Inline{model.Text{Text: "x"}}}
	tests := []struct {
		name string
		d    *model.Document
		want error
	}{
		{"nil document", nil, ErrNilDocument},
		{"control character", &model.Document{Blocks: []model.Block{p(model.Text{Text: "a\x00b"})}}, ErrInvalidChar},
		{"invalid UTF-8 in the title", &model.Document{Meta: model.Meta{Title: "\xff"}}, ErrInvalidChar},
		{"section level", &model.Document{Blocks: []model.Block{&model.Section{Level: 4}}}, ErrInvalidModel},
		{"paragraph style", &model.Document{Blocks: []model.Block{&model.Paragraph{Style: "fancy"}}}, ErrInvalidModel},
		{"change kind", &model.Document{Blocks: []model.Block{p(model.Text{Text: "x", Change: "move"})}}, ErrInvalidModel},
		{"table shape", &model.Document{Blocks: []model.Block{&model.Table{Widths: []int{1, 1}, Rows: []model.Row{{Cells: []model.Cell{cell}}}}}}, ErrInvalidModel},
		{"shade", &model.Document{Blocks: []model.Block{&model.Table{Rows: []model.Row{{Cells: []model.Cell{{Shade: "red;x"}}}}}}}, ErrInvalidModel},
		{"align", &model.Document{Blocks: []model.Block{&model.Table{Aligns: []model.Align{"justify"}, Rows: []model.Row{{Cells: []model.Cell{cell}}}}}}, ErrInvalidModel},
		{"bar colour", &model.Document{Blocks: []model.Block{&model.Chart{Bars: []model.Bar{{Color: "0;x"}}}}}, ErrInvalidModel},
		{"bar value", &model.Document{Blocks: []model.Block{&model.Chart{Bars: []model.Bar{{ValueE5: model.MaxBarE5 + 1}}}}}, ErrInvalidModel},
		{"no bars", &model.Document{Blocks: []model.Block{&model.Chart{}}}, ErrInvalidModel},
		{"table in a list item", &model.Document{Blocks: []model.Block{&model.List{Items: []model.ListItem{{Blocks: []model.Block{&model.Table{}}}}}}}, ErrInvalidModel},
		{"page format", &model.Document{Meta: model.Meta{Page: "a3"}}, ErrInvalidModel},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var b bytes.Buffer
			if err := Render(&b, tt.d, Options{}); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
			if b.Len() != 0 {
				t.Errorf("wrote %d bytes", b.Len())
			}
		})
	}
}

// TestReproducible: the page depends only on the document; the style
// rules collected in a map come out sorted.
func TestReproducible(t *testing.T) {
	t.Parallel()
	for _, d := range []*model.Document{modeltest.Sample(5), modeltest.Slide(), modeltest.Redline()} {
		first, _ := render(t, d)
		for range 5 {
			if again, _ := render(t, d); again != first {
				t.Fatalf("%s: two renders differ", d.Meta.Title)
			}
		}
	}
}

func TestDuplicateIDsGetSuffix(t *testing.T) {
	t.Parallel()
	cell := model.Cell{Inlines: []model.Inline{model.Text{Text: "x"}}}
	d := &model.Document{Blocks: []model.Block{
		&model.Section{ID: "kosten", Level: 1, Title: "Kosten"},
		&model.Table{ID: "kosten", Rows: []model.Row{{Cells: []model.Cell{cell}}}},
		&model.Chart{ID: "kosten", Bars: []model.Bar{{Label: "a", ValueE5: 1, Text: "1"}}},
	}}
	_, pg := render(t, d)
	if got := strings.Join(pg.IDs, ","); got != "kosten,kosten-2,kosten-3" {
		t.Errorf("ids = %s", got)
	}
}

func TestRenderFile(t *testing.T) {
	t.Parallel()
	path := t.TempDir() + "/vereinbarung.html"
	if err := RenderFile(path, modeltest.Sample(2), Options{}); err != nil {
		t.Fatal(err)
	}
}

// TestStrike: struck text is <s>, inside <strong> when also bold.
func TestStrike(t *testing.T) {
	t.Parallel()
	d := &model.Document{Meta: model.Meta{Title: "T", Language: "de-DE"}, Blocks: []model.Block{&model.Paragraph{Style: model.StyleBody, Inlines: []model.Inline{
		model.Text{Text: "a "}, model.Text{Text: "b", Strike: true}, model.Text{Text: " "}, model.Text{Text: "c", Bold: true, Strike: true},
	}}}}
	out, _ := render(t, d)
	if !strings.Contains(out, "a <s>b</s> <strong><s>c</s></strong>") {
		t.Errorf("struck text not marked:\n%s", out)
	}
}
