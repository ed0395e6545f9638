package generator_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
)

// TestPDFCheckItalicNoteInTableCell: a PDF whose table cell holds an
// italic note in brackets — "(", italic "unverändert", ")", as every
// Synopse sets it — passes the page comparison. The page sets the three
// runs apart; the model embedded in the PDF kept only the cell's plain
// text, so check set "(unverändert)" as one word and reported PDF-002 on
// a correct file (and the Synopse was left out of the comparison).
func TestPDFCheckItalicNoteInTableCell(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	cell := func(ins ...model.Inline) model.Cell { return model.Cell{Inlines: ins} }
	d := &model.Document{
		Meta: model.Meta{Kind: generator.SynopseStem, Language: "de-DE", Title: "Synopse", Date: time.Date(2027, 3, 15, 0, 0, 0, 0, time.UTC)},
		Blocks: []model.Block{
			&model.Paragraph{Style: model.StyleTitle, Inlines: []model.Inline{model.Text{Text: "Synopse"}}},
			&model.Table{Widths: []int{50, 50}, Aligns: []model.Align{model.AlignLeft, model.AlignLeft}, Boxed: true,
				Header: []model.Row{{Cells: []model.Cell{cell(model.Text{Text: "Bisherige Fassung"}), cell(model.Text{Text: "Neue Fassung"})}}},
				Rows: []model.Row{
					{Cells: []model.Cell{
						cell(model.Text{Text: "(1) Die Länder betreiben das Verfahren gemeinsam."}),
						cell(model.Text{Text: "("}, model.Text{Text: "unverändert", Italic: true}, model.Text{Text: ")"}),
					}},
					{Cells: []model.Cell{
						cell(model.Text{Text: "Unterschriften"}),
						cell(model.Text{Text: "("}, model.Text{Text: "nicht Gegenstand der Änderung", Italic: true}, model.Text{Text: ")"}),
					}},
				}},
		},
	}
	b, err := gen.RenderModel(d, "pdf")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "synopse.pdf")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(testtool.Run(t, "pdftotext", "-enc", "UTF-8", path, "-")), " ")
	for _, w := range []string{"(unverändert)", "(nicht Gegenstand der Änderung)"} {
		if !strings.Contains(text, w) {
			t.Errorf("die Seite zeigt %q nicht: %q", w, text)
		}
	}
	rep := gen.Check(context.Background(), path, generator.CheckOptions{})
	if rep.Err != nil {
		t.Fatal(rep.Err)
	}
	if !strings.Contains(strings.Join(rep.Checked, "; "), "Seiten gegen das eingebettete Modell") {
		t.Errorf("die Seiten sind nicht mit dem Modell verglichen: %q", rep.Checked)
	}
	for _, f := range rep.Findings {
		t.Errorf("Befund an einem richtigen PDF: %s %s", f.Code, f.Message)
	}
}
