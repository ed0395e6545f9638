package docx

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

// TestRedlineRuns: marked text becomes w:ins and w:del (text in
// w:delText) with author and date; defaults are "vereinbar" and
// Meta.Date; an unknown mark is an error.
func TestRedlineRuns(t *testing.T) {
	t.Parallel()
	date := time.Date(2027, 2, 3, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		opts Options
		want []string
	}{
		{"defaults", Options{}, []string{
			`<w:del w:id="100000" w:author="vereinbar" w:date="` + modeltest.Redline().Meta.Date.UTC().Format("2006-01-02T15:04:05Z") + `"><w:r><w:delText xml:space="preserve">12</w:delText></w:r></w:del>`,
			`<w:ins w:id="100001" w:author="vereinbar"`,
		}},
		{"author and date", Options{Author: "Müller & Co", Date: date}, []string{
			`<w:ins w:id="100001" w:author="Müller &amp; Co" w:date="2027-02-03T10:00:00Z"><w:r><w:t xml:space="preserve">6</w:t></w:r></w:ins>`,
			`<w:delText xml:space="preserve">11.420,00</w:delText>`,
			`<w:t xml:space="preserve">11.532,17</w:t></w:r></w:ins>`,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			doc := documentPart(t, modeltest.Redline(), tt.opts)
			for _, w := range tt.want {
				if !strings.Contains(doc, w) {
					t.Errorf("document.xml lacks %s", w)
				}
			}
		})
	}
	t.Run("unknown mark", func(t *testing.T) {
		t.Parallel()
		d := modeltest.Redline()
		p := d.Blocks[0].(*model.Section).Blocks[0].(*model.Paragraph)
		p.Inlines = []model.Inline{model.Text{Text: "x", Change: "moved"}}
		if err := Render(&bytes.Buffer{}, d, Options{}); !errors.Is(err, ErrInvalidModel) {
			t.Fatalf("err = %v, want ErrInvalidModel", err)
		}
	})
}

// TestRedlineWholeBlocks: a wholly inserted or deleted paragraph, heading
// or table row also has its paragraph mark or row tracked, and its number
// and caption go with its text, so rejecting or accepting it leaves
// nothing behind. A heading's changes replace its text; a deleted copy of
// a clause (no id) gets no bookmark.
func TestRedlineWholeBlocks(t *testing.T) {
	t.Parallel()
	d := redlineBlocks()
	doc := documentPart(t, d, Options{Author: "A", Date: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)})
	rev := func(tag string) string { return `<` + tag + ` w:id="` }
	for _, w := range []string{
		// the deleted heading: mark and text deleted, no bookmark
		`<w:pStyle w:val="Heading1"/><w:rPr>` + rev("w:del"),
		`<w:delText xml:space="preserve">§ 4 Haftung</w:delText>`,
		// the deleted numbered paragraph takes its number along
		`<w:delText xml:space="preserve">(1)</w:delText><w:tab/>`,
		// the deleted table: caption and rows tracked
		`<w:pStyle w:val="` + styleCaption + `"/><w:rPr>` + rev("w:del"),
		`<w:delText xml:space="preserve">Alte Tabelle</w:delText>`,
		`<w:tblHeader/>` + rev("w:del"),
		`<w:trPr><w:cantSplit/>` + rev("w:del"),
		// the renumbered heading keeps its bookmark and marks the number
		`<w:bookmarkStart w:id="0" w:name="laufzeit"/>` + rev("w:del"),
		`<w:delText xml:space="preserve">§ 6</w:delText>`,
		`<w:t xml:space="preserve">§ 5</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> Laufzeit</w:t>`,
		// the inserted paragraph and list item take number and label along
		`<w:t xml:space="preserve">(2)</w:t><w:tab/></w:r></w:ins>`,
		`<w:t xml:space="preserve">a)</w:t><w:tab/></w:r></w:ins>`,
		`<w:t xml:space="preserve">1. </w:t></w:r></w:ins>`,
		// a changed list label: old deleted, new inserted, then the tab
		`<w:delText xml:space="preserve">c)</w:delText></w:r></w:del>` + rev("w:ins"),
		`<w:t xml:space="preserve">b)</w:t></w:r></w:ins><w:r><w:tab/></w:r><w:r><w:t xml:space="preserve">Umbenannt</w:t>`,
	} {
		if !strings.Contains(doc, w) {
			t.Errorf("document.xml lacks %s", w)
		}
	}
	// The partly changed paragraph (3) keeps an unmarked number and mark.
	if i := strings.Index(doc, `(3)`); i < 0 || strings.Contains(doc[strings.LastIndex(doc[:i], "<w:p>"):i], "<w:rPr><w:ins") {
		t.Errorf("paragraph (3) is only partly changed, yet its mark or number is tracked")
	}
	if n := strings.Count(doc, "<w:bookmarkStart"); n != 1 {
		t.Errorf("%d bookmarks, want 1 (the deleted clause has no id)", n)
	}
}

// redlineBlocks is the document of TestRedlineWholeBlocks: a deleted
// heading with a deleted paragraph and table, a renumbered heading, an
// inserted and a partly changed paragraph and a list with an inserted item
// and a changed label.
func redlineBlocks() *model.Document {
	del := func(s string) model.Text { return model.Text{Text: s, Change: model.ChangeDel} }
	ins := func(s string) model.Text { return model.Text{Text: s, Change: model.ChangeIns} }
	return &model.Document{
		Meta: modeltest.Redline().Meta,
		Blocks: []model.Block{
			&model.Section{Level: 1, Number: "§ 4", Title: "Haftung", HeadingChanges: []model.Inline{del("§ 4 Haftung")}, Blocks: []model.Block{
				&model.Paragraph{Number: "(1)", Inlines: []model.Inline{del("Gelöschter Absatz.")}},
				&model.Table{Caption: "Alte Tabelle", Widths: []int{1}, Aligns: []model.Align{model.AlignLeft},
					Header: []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{del("Land")}}}}},
					Rows:   []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{del("Bremen")}}}}}},
			}},
			&model.Section{ID: "laufzeit", Level: 1, Number: "§ 5", Title: "Laufzeit", HeadingChanges: []model.Inline{del("§ 6"), ins("§ 5"), model.Text{Text: " Laufzeit"}}, Blocks: []model.Block{
				&model.Paragraph{Number: "(2)", Inlines: []model.Inline{ins("Neuer Absatz.")}},
				&model.Paragraph{Number: "(3)", Inlines: []model.Inline{model.Text{Text: "Frist von "}, ins("6")}},
				&model.List{Items: []model.ListItem{
					{Label: "a)", Blocks: []model.Block{&model.Paragraph{Number: "1.", Inlines: []model.Inline{ins("Punkt")}}}},
					{Label: "b)", LabelChanges: []model.Inline{del("c)"), ins("b)")}, Blocks: []model.Block{&model.Paragraph{Inlines: []model.Inline{model.Text{Text: "Umbenannt"}}}}},
				}},
			}},
		},
	}
}

// documentPart renders d and returns word/document.xml.
func documentPart(t *testing.T, d *model.Document, opts Options) string {
	t.Helper()
	parts, err := buildParts(d, opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parts {
		if p.name == pathDocument {
			return string(p.data)
		}
	}
	t.Fatal("no word/document.xml")
	return ""
}
