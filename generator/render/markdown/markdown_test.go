package markdown

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

func TestRenderSample(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := Render(&b, modeltest.Sample(3)); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"# Verwaltungsvereinbarung\n",
		"## Präambel\n",
		"## §\u00a01 Gegenstand\n",
		"(2) Nicht Gegenstand sind:\n",
		"1. die Fachverfahren der Länder,\n",
		"    a) Schnittstellen,\n",
		"**Anteile und Beträge**\n",
		"| Land | Anteil | 2027 | Summe |\n|:--|--:|--:|--:|\n",
		"| **Summe** | **100,00000 %** |",
		"**Für der Partei " + modeltest.Hostile + "**  \nDas Ministerium für Inneres  \nOrt, Datum: ______________________________  \nUnterschrift: ______________________________  \nName: ______________________________  \nAmtsbezeichnung: ______________________________\n",
		"### Abrufendes Land\n",
		"\n---\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q\n%s", want, out)
		}
	}
	var again bytes.Buffer
	_ = Render(&again, modeltest.Sample(3))
	if again.String() != out {
		t.Error("two renders differ")
	}
}

// unknownBlock is a block kind the renderer cannot know.
type unknownBlock struct{ model.PageBreak }

func TestUnknownNodeIsAnError(t *testing.T) {
	t.Parallel()
	d := &model.Document{Blocks: []model.Block{&model.Paragraph{Inlines: []model.Inline{model.Text{Text: "x"}}}, &unknownBlock{}}}
	if err := Render(&bytes.Buffer{}, d); err == nil {
		t.Fatal("an unknown block must be an error, not dropped text")
	}
}

func TestRenderChart(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		chart *model.Chart
		want  string
	}{
		{"with title", modeltest.Shares(), "**Kostenanteile 2027**\n\n|  |  |\n|:--|--:|\n" +
			"| Freistaat Sachsen | 42,14071\u00a0% |\n" +
			"| Sachsen-Anhalt (umsetzendes Land) | 26,53499\u00a0% |\n" +
			"| Freistaat Thüringen | 22,14326\u00a0% |\n" +
			"| Freie Hansestadt Bremen " + modeltest.Hostile + " | 9,18104\u00a0% |\n" +
			"| Bund | 0,00000\u00a0% |\n"},
		{"pipes and no title", &model.Chart{Bars: []model.Bar{{Label: "a|b", ValueE5: 1, Text: "1"}}}, "|  |  |\n|:--|--:|\n| a\\|b | 1 |\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var b bytes.Buffer
			if err := Render(&b, &model.Document{Blocks: []model.Block{tt.chart}}); err != nil {
				t.Fatal(err)
			}
			if b.String() != tt.want {
				t.Errorf("got\n%q\nwant\n%q", b.String(), tt.want)
			}
		})
	}
}

func TestRenderGantt(t *testing.T) {
	t.Parallel()
	day := func(m time.Month, d int) time.Time { return time.Date(2026, m, d, 0, 0, 0, 0, time.UTC) }
	g := &model.Gantt{Title: "Zeitplan", Rows: []model.GanttRow{
		{Label: "A|B", Start: day(1, 15), End: day(2, 10), Text: "15.01.–10.02.2026"},
		{Label: "offen", Text: "Termin offen"},
		{Label: "M", Start: day(3, 31), End: day(3, 31), Milestone: true, Text: "31.03.2026"},
	}}
	var b bytes.Buffer
	if err := Render(&b, &model.Document{Blocks: []model.Block{g}}); err != nil {
		t.Fatal(err)
	}
	want := "**Zeitplan**\n\n|  | Termin | 01/26 | 02/26 | 03/26 |\n|:--|:--|:-:|:-:|:-:|\n" +
		"| A\\|B | 15.01.–10.02.2026 | ■ | ■ |  |\n" +
		"| offen | Termin offen |  |  |  |\n" +
		"| M | 31.03.2026 |  |  | ◆ |\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
	// a chart the model refuses is an error, not a table without months
	bad := &model.Gantt{Rows: []model.GanttRow{{Label: "x", Text: "offen"}}}
	if err := Render(&bytes.Buffer{}, &model.Document{Blocks: []model.Block{bad}}); err == nil || !strings.Contains(err.Error(), "ohne Termine") {
		t.Errorf("undated chart: %v", err)
	}
}

// TestStrike: struck text is ~~…~~, also bold; a line break inside a
// table cell is <br>, so the row stays one line of the table.
func TestStrike(t *testing.T) {
	t.Parallel()
	ins := []model.Inline{model.Text{Text: "a "}, model.Text{Text: "b", Strike: true}, model.LineBreak{}, model.Text{Text: "c", Bold: true, Strike: true}}
	d := &model.Document{Blocks: []model.Block{
		&model.Paragraph{Style: model.StyleBody, Inlines: ins},
		&model.Table{Widths: []int{1, 1}, Aligns: []model.Align{model.AlignLeft, model.AlignLeft}, Header: []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{model.Text{Text: "X"}}}, {Inlines: []model.Inline{model.Text{Text: "Y"}}}}}},
			Rows: []model.Row{{Cells: []model.Cell{{Inlines: ins}, {Inlines: []model.Inline{model.Text{Text: "d"}}}}}}},
	}}
	var b bytes.Buffer
	if err := Render(&b, d); err != nil {
		t.Fatal(err)
	}
	want := "a ~~b~~  \n**~~c~~**\n\n| X | Y |\n|:--|:--|\n| a ~~b~~<br>**~~c~~** | d |\n"
	if b.String() != want {
		t.Errorf("got\n%q\nwant\n%q", b.String(), want)
	}
}
