package docx

import (
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/model"
)

// TestStrike: struck text (a Synopse's deleted words) is a run with
// w:strike, in paragraphs and table cells alike; other runs carry none.
func TestStrike(t *testing.T) {
	t.Parallel()
	ins := []model.Inline{model.Text{Text: "bisher "}, model.Text{Text: "alt", Strike: true}, model.Text{Text: " und "}, model.Text{Text: "neu", Bold: true}}
	d := doc(
		&model.Paragraph{Style: model.StyleBody, Inlines: ins},
		&model.Table{Rows: []model.Row{{Cells: []model.Cell{{Inlines: ins}, {Inlines: []model.Inline{model.Text{Text: "fett und gestrichen", Bold: true, Strike: true}}}}}}},
	)
	body := string(unpack(t, render(t, d)).files["word/document.xml"])
	for _, want := range []string{
		`<w:r><w:rPr><w:strike/></w:rPr><w:t xml:space="preserve">alt</w:t></w:r>`,
		`<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">neu</w:t></w:r>`,
		`<w:r><w:rPr><w:b/><w:bCs/><w:strike/></w:rPr><w:t xml:space="preserve">fett und gestrichen</w:t></w:r>`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if n := strings.Count(body, "<w:strike/>"); n != 3 {
		t.Errorf("%d runs struck, want 3", n)
	}
}
