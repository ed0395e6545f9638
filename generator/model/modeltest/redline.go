package modeltest

import "github.com/vereinbar/vereinbar/generator/model"

// Redline returns a small document with tracked changes: a paragraph
// with a deleted and an inserted word, and a table cell likewise.
func Redline() *model.Document {
	return &model.Document{
		Meta: model.Meta{Kind: "vereinbarung", Title: "Redline", Language: "de-DE", Date: Sample(2).Meta.Date},
		Blocks: []model.Block{
			&model.Section{ID: "laufzeit", Level: 1, Number: "§ 1", Title: "Laufzeit", Blocks: []model.Block{
				&model.Paragraph{Style: model.StyleBody, Number: "(1)", Inlines: []model.Inline{
					model.Text{Text: "Frist von "},
					model.Text{Text: "12", Change: model.ChangeDel},
					model.Text{Text: "6", Change: model.ChangeIns},
					model.Text{Text: " Monaten."},
				}},
				&model.Table{Widths: []int{1, 1}, Aligns: []model.Align{model.AlignLeft, model.AlignRight},
					Header: []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{model.Text{Text: "Land"}}}, {Inlines: []model.Inline{model.Text{Text: "2028"}}}}}},
					Rows: []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{model.Text{Text: "Sachsen-Anhalt"}}}, {Inlines: []model.Inline{
						model.Text{Text: "11.420,00", Change: model.ChangeDel}, model.Text{Text: "11.532,17", Change: model.ChangeIns}}}}}},
				},
			}},
		},
	}
}
