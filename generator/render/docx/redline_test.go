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
			parts, err := buildParts(modeltest.Redline(), tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			var doc string
			for _, p := range parts {
				if p.name == pathDocument {
					doc = string(p.data)
				}
			}
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
