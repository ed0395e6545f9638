// Package modeltest provides documents that exercise every node kind of
// the document model, for renderer tests: Sample (agreements, A4) and
// Slide (a project profile with a chart on a slide page).
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
// blocks, a page break, emphasis, line breaks, form fields (empty and
// filled in), a paragraph kept with the table it introduces and hostile
// characters.
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
	keep := func(p *model.Paragraph) *model.Paragraph { p.KeepNext = true; return p }
	var sigs []model.Signature
	header := []model.Row{{Cells: []model.Cell{{Inlines: text("Land")}, {Inlines: text("Anteil")}, {Inlines: text("2027")}, {Inlines: text("Summe")}}}}
	var rows []model.Row
	for i := 0; i < parties; i++ {
		name := fmt.Sprintf("dem Land Nummer %d", i+1)
		if i == 1 {
			name = "der Partei " + Hostile
		}
		d.Blocks = append(d.Blocks, p(model.StyleBody, "", model.Text{Text: name, Bold: true}, model.Text{Text: ", vertreten durch das Ministerium für Inneres"}))
		sigs = append(sigs, model.Signature{Party: "Für " + name, Signer: "Das Ministerium für Inneres", PlaceDate: "Ort, Datum", Lines: []string{"Unterschrift", "Name", "Amtsbezeichnung"}})
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
			keep(p(model.StyleBody, "(1)", model.Text{Text: "Die Kosten werden nach dem folgenden Schlüssel verteilt."})),
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
					{Cells: []model.Cell{{Inlines: text("Haushaltsstelle"), Shade: "E7E6E6"}, {Inlines: []model.Inline{model.Field{}}}}},
				}},
				p(model.StyleBody, "", model.Text{Text: "Ausgefüllt von: "}, model.Field{Text: "Erika Mustermann"},
					model.Text{Text: ", Telefon: "}, model.Field{}),
			}},
		}},
	)
	return d
}

// Shares is the bar chart of Slide: cost shares with a colour of its
// own, a zero share (drawn without a bar), a long label and hostile text.
func Shares() *model.Chart {
	return &model.Chart{Pos: model.Pos{File: "steckbrief.md.tmpl", Line: 20}, ID: "kostenanteile", Title: "Kostenanteile 2027",
		Bars: []model.Bar{
			{Label: "Freistaat Sachsen", ValueE5: 4214071, Text: "42,14071\u00a0%"},
			{Label: "Sachsen-Anhalt (umsetzendes Land)", ValueE5: 2653499, Text: "26,53499\u00a0%", Color: "C55A11"},
			{Label: "Freistaat Thüringen", ValueE5: 2214326, Text: "22,14326\u00a0%"},
			{Label: "Freie Hansestadt Bremen " + Hostile, ValueE5: 918104, Text: "9,18104\u00a0%"},
			{Label: "Bund", ValueE5: 0, Text: "0,00000\u00a0%"},
		}}
}

// Slide returns a one-page project profile ("Projektsteckbrief") on a
// 16:9 slide page: title, a status table whose cells are shaded like
// traffic lights (not a form table) and a bar chart of cost shares.
func Slide() *model.Document {
	d := &model.Document{Meta: model.Meta{
		Kind:       "steckbrief",
		Title:      "Projektsteckbrief Wohngeld-Antrag online",
		ShortTitle: "Projektsteckbrief Wohngeld",
		Subject:    "Wohngeld-Antrag online",
		Author:     "Land Sachsen-Anhalt",
		Keywords:   []string{"OZG-ID 10092"},
		Date:       time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC),
		Language:   "de-DE",
		Page:       model.PageSlide,
	}}
	pos := model.Pos{File: "steckbrief.md.tmpl", Line: 1}
	cell := func(s, shade string) model.Cell { return model.Cell{Inlines: text(s), Shade: shade} }
	const green, amber, red = "C6EFCE", "FFEB9C", "FFC7CE"
	d.Blocks = []model.Block{
		&model.Paragraph{Pos: pos, Style: model.StyleTitle, Inlines: text("Projektsteckbrief „Wohngeld-Antrag online“")},
		&model.Paragraph{Pos: pos, Style: model.StyleBody, Inlines: []model.Inline{
			model.Text{Text: "Umsetzendes Land: ", Bold: true}, model.Text{Text: "Sachsen-Anhalt · "},
			model.Text{Text: "Laufzeit: ", Bold: true}, model.Text{Text: "2027 bis 2030 · "},
			model.Text{Text: "Stand: ", Bold: true}, model.Text{Text: "28. November 2026"},
		}},
		&model.Table{Pos: model.Pos{File: "steckbrief.md.tmpl", Line: 9}, ID: "status", Caption: "Status",
			Widths: []int{25, 15, 60}, Aligns: []model.Align{model.AlignLeft, model.AlignCenter, model.AlignLeft},
			Header: []model.Row{{Cells: []model.Cell{cell("Bereich", ""), cell("Ampel", ""), cell("Anmerkung", "")}}},
			Rows: []model.Row{
				{Cells: []model.Cell{cell("Zeitplan", ""), cell("im Plan", green), cell("Pilotbetrieb seit Oktober 2026", "")}},
				{Cells: []model.Cell{cell("Kosten", ""), cell("Risiko", amber), cell("Betriebskosten 2027 noch nicht beschlossen", "")}},
				{Cells: []model.Cell{cell("Nachnutzung", ""), cell("kritisch", red), cell("Anbindung "+Hostile, "")}},
			}},
		Shares(),
	}
	return d
}

// Timeline is the Gantt chart of Plan: five phases over two years, one
// of them without dates (listed, no bar), one with a colour of its own,
// milestones (one in a month of its own), a long label and hostile text.
func Timeline() *model.Gantt {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	return &model.Gantt{Pos: model.Pos{File: "projektplan.md.tmpl", Line: 30}, ID: "zeitplan", Title: "Zeitplan",
		Rows: []model.GanttRow{
			{Label: "1 Initialisierung", Start: d(2025, 1, 6), End: d(2025, 3, 28), Text: "06.01.–28.03.2025"},
			{Label: "2 Prüfung Nachnutzung", Start: d(2025, 4, 1), End: d(2025, 6, 30), Text: "01.04.–30.06.2025", Color: "A5A5A5"},
			{Label: "3 Planung Nachnutzung", Text: "Termin offen"},
			{Label: "4 Umsetzung (Pilotierung) mit einer langen Bezeichnung, die umbricht", Start: d(2025, 10, 1), End: d(2026, 9, 30), Text: "01.10.2025–30.09.2026"},
			{Label: "5 Einführung (Rollout)", Start: d(2026, 10, 1), End: d(2026, 12, 31), Text: "01.10.–31.12.2026"},
			{Label: "Pilotbetrieb " + Hostile, Start: d(2026, 9, 30), End: d(2026, 9, 30), Milestone: true, Text: "30.09.2026"},
			{Label: "Unterzeichnung", Start: d(2026, 12, 15), End: d(2026, 12, 15), Milestone: true, Text: "15.12.2026", Color: "7F7F7F"},
		}}
}

// Plan returns a one-page project plan on a landscape A4 page: title,
// a task table and a Gantt chart (Timeline).
func Plan() *model.Document {
	d := &model.Document{Meta: model.Meta{
		Kind:       "projektplan",
		Title:      "Projektplan Wohngeld-Antrag online",
		ShortTitle: "Projektplan Wohngeld",
		Subject:    "Wohngeld-Antrag online",
		Author:     "Land Schleswig-Holstein",
		Keywords:   []string{"OZG-ID 10092"},
		Date:       time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC),
		Language:   "de-DE",
		Landscape:  true,
	}}
	pos := model.Pos{File: "projektplan.md.tmpl", Line: 1}
	cell := func(s string) model.Cell { return model.Cell{Inlines: text(s)} }
	d.Blocks = []model.Block{
		&model.Paragraph{Pos: pos, Style: model.StyleTitle, Inlines: text("Projektplan „Wohngeld-Antrag online“")},
		&model.Table{Pos: pos, ID: "aufgaben", Widths: []int{20, 80}, Aligns: []model.Align{model.AlignLeft, model.AlignLeft},
			Header: []model.Row{{Cells: []model.Cell{cell("Phase"), cell("Aufgaben")}}},
			Rows:   []model.Row{{Cells: []model.Cell{cell("Initialisierung"), cell("OZG-K: Abstimmungstermine " + Hostile)}}}},
		Timeline(),
	}
	return d
}
