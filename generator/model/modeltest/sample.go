// Package modeltest provides documents that exercise every node kind of
// the document model, for renderer tests.
package modeltest

import (
	"fmt"
	"time"

	"github.com/vereinbar/vereinbar/generator/model"
)

// Hostile is text that breaks naive XML, PDF or Markdown writers.
const Hostile = "<w:t>&\"' €„“"

func text(s string) []model.Inline { return []model.Inline{model.Text{Text: s}} }

// Sample returns a ring-agreement-like document with every node kind:
// title, sections with numbered paragraphs, nested lists, a table long
// enough to span pages (header repeated), boxed form table, signature
// blocks, a page break, emphasis, line breaks and hostile characters.
// parties sets the number of parties (>= 2).
func Sample(parties int) *model.Document {
	d := &model.Document{Meta: model.Meta{
		Kind:       "vereinbarung",
		Title:      "Verwaltungsvereinbarung über die Nachnutzung des Online-Dienstes „Wohngeld“ " + Hostile,
		ShortTitle: "VwV Wohngeld",
		Subject:    "Wohngeld-Antrag online",
		Author:     "Land Schleswig-Holstein",
		Keywords:   []string{"OZG-ID 10092", "LeiKa 99107023000000"},
		Date:       time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC),
		Language:   "de-DE",
	}}
	p := func(style model.ParagraphStyle, num string, ins ...model.Inline) *model.Paragraph {
		return &model.Paragraph{Pos: model.Pos{File: "sample", Line: 1}, Style: style, Number: num, Inlines: ins}
	}
	d.Blocks = append(d.Blocks,
		p(model.StyleTitle, "", model.Text{Text: "Verwaltungsvereinbarung"}),
		p(model.StyleSubtitle, "", model.Text{Text: "über die Nachnutzung des Online-Dienstes „Wohngeld“"}, model.LineBreak{}, model.Text{Text: "(OZG-Leistung Wohngeld, OZG-ID 10092)"}),
		p(model.StyleCentered, "", model.Text{Text: "zwischen"}),
	)
	var sigs []model.Signature
	header := []model.Row{{Cells: []model.Cell{{Inlines: text("Land")}, {Inlines: text("Anteil")}, {Inlines: text("2027")}, {Inlines: text("Summe")}}}}
	var rows []model.Row
	for i := 0; i < parties; i++ {
		name := fmt.Sprintf("dem Land Nummer %d", i+1)
		if i == 1 {
			name = "der Partei " + Hostile
		}
		d.Blocks = append(d.Blocks, p(model.StyleBody, "", model.Text{Text: name, Bold: true}, model.Text{Text: ", vertreten durch das Ministerium für Inneres"}))
		sigs = append(sigs, model.Signature{Party: "Für " + name, Signer: "das Ministerium für Inneres", PlaceDate: "Ort, Datum"})
		rows = append(rows, model.Row{Cells: []model.Cell{{Inlines: text(fmt.Sprintf("Land %d", i+1))}, {Inlines: text("6,25000 %")}, {Inlines: text("30.000,00 €")}, {Inlines: text("90.000,00 €")}}})
	}
	rows = append(rows, model.Row{Total: true, Cells: []model.Cell{{Inlines: text("Summe")}, {Inlines: text("100,00000 %")}, {Inlines: text("480.000,00 €")}, {Inlines: text("1.440.000,00 €")}}})
	d.Blocks = append(d.Blocks,
		p(model.StyleBody, "", model.Text{Text: "schließen folgende Vereinbarung:"}),
		&model.Section{ID: "praeambel", Level: 1, Title: "Präambel", Blocks: []model.Block{
			p(model.StyleBody, "", model.Text{Text: "Die Länder arbeiten nach dem Prinzip „Einer für Alle“ zusammen. "}, model.Text{Text: "Kursiv", Italic: true}, model.Text{Text: " und Text mit " + Hostile + "."}),
		}},
		&model.Section{ID: "gegenstand", Level: 1, Number: "§\u00a01", Title: "Gegenstand", Blocks: []model.Block{
			p(model.StyleBody, "(1)", model.Text{Text: "Gegenstand ist der Online-Dienst „Wohngeld-Antrag online“."}),
			p(model.StyleBody, "(2)", model.Text{Text: "Nicht Gegenstand sind:"}),
			&model.List{Items: []model.ListItem{
				{Label: "1.", Blocks: []model.Block{p(model.StyleBody, "", model.Text{Text: "die Fachverfahren der Länder,"})}},
				{Label: "2.", Blocks: []model.Block{
					p(model.StyleBody, "", model.Text{Text: "die Anbindung der Kommunen, insbesondere"}),
					&model.List{Items: []model.ListItem{
						{Label: "a)", Blocks: []model.Block{p(model.StyleBody, "", model.Text{Text: "Schnittstellen,"})}},
						{Label: "b)", Blocks: []model.Block{p(model.StyleBody, "", model.Text{Text: "Schulungen."})}},
					}},
				}},
			}},
		}},
		&model.Section{ID: "kostenverteilung", Level: 1, Number: "§\u00a02", Title: "Kostenverteilung", Blocks: []model.Block{
			p(model.StyleBody, "(1)", model.Text{Text: "Die Kosten werden nach dem folgenden Schlüssel verteilt."}),
			&model.Table{ID: "verteilungstabelle", Caption: "Anteile und Beträge", Widths: []int{40, 20, 20, 20},
				Aligns: []model.Align{model.AlignLeft, model.AlignRight, model.AlignRight, model.AlignRight},
				Header: header, Rows: rows},
		}},
		&model.PageBreak{},
		&model.Section{ID: "unterschriften", Level: 1, Title: "Unterschriften", Blocks: []model.Block{
			&model.Signatures{Blocks: sigs},
		}},
		&model.Section{ID: "anlage-abruf", Level: 1, Title: "Anlage: Formular", Blocks: []model.Block{
			&model.Section{ID: "abrufendes-land", Level: 2, Title: "Abrufendes Land", Blocks: []model.Block{
				&model.Table{Boxed: true, Widths: []int{35, 65}, Aligns: []model.Align{model.AlignLeft, model.AlignLeft}, Rows: []model.Row{
					{Cells: []model.Cell{{Inlines: text("Behörde"), Shade: "E7E6E6"}, {Inlines: text("Ministerium " + Hostile)}}},
					{Cells: []model.Cell{{Inlines: text("Leitweg-ID"), Shade: "E7E6E6"}, {Inlines: text("15-0-12")}}},
				}},
			}},
		}},
	)
	return d
}
