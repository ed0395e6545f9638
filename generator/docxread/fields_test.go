package docxread_test

import (
	"fmt"
	"github.com/vereinbar/vereinbar/generator/docxread"
	"testing"
)

// TestFormFields: a plain-text content control reads back as a form
// field — empty while it shows its placeholder (as vereinbar writes it),
// or when it holds nothing but a line of underscores (as LibreOffice
// saves the placeholder), and with what was typed once it is filled in
// (Word drops w:showingPlcHdr then). Other content controls stay
// transparent; a paragraph of one empty field is kept; a paragraph's own
// w:keepNext is read.
func TestFormFields(t *testing.T) {
	t.Parallel()
	r := func(s string) string { return `<w:r><w:t xml:space="preserve">` + s + `</w:t></w:r>` }
	field := func(pr, content string) string {
		return `<w:sdt><w:sdtPr>` + pr + `</w:sdtPr><w:sdtContent>` + content + `</w:sdtContent></w:sdt>`
	}
	doc := fmt.Sprintf(body,
		`<w:p>`+r("Leer: ")+field(`<w:showingPlcHdr/><w:text/>`, r("______________"))+`</w:p>`+
			`<w:p>`+r("Ausgefüllt: ")+field(`<w:id w:val="7"/><w:text/>`, r("Kapitel ")+r("0500"))+r(", Titel 51111")+`</w:p>`+
			`<w:p>`+r("LibreOffice: ")+field(`<w:text/>`, r("________"))+`</w:p>`+
			`<w:p>`+field(`<w:showingPlcHdr/><w:text/>`, r("Klicken Sie hier"))+`</w:p>`+
			`<w:p><w:pPr><w:keepNext/></w:pPr>`+r("Reicher Text: ")+field(`<w:richText/>`, r("bleibt Text"))+`</w:p>`)
	want := `document kind="" lang="" date=0001-01-01 landscape=false
  title=""
  short=""
  subject=""
  author=""
  keywords=""
  paragraph style=body number=""
    text "Leer: "
    field ""
  paragraph style=body number=""
    text "Ausgefüllt: "
    field "Kapitel 0500"
    text ", Titel 51111"
  paragraph style=body number=""
    text "LibreOffice: "
    field ""
  paragraph style=body number=""
    field ""
  paragraph style=body number="" keepnext
    text "Reicher Text: bleibt Text"
`
	if got := readDump(t, minimal(t, doc)); got != want {
		t.Errorf("gelesen:\n%s\nerwartet:\n%s", got, want)
	}
}

// TestDraftMark: the draft mark leading the running header makes the
// document a draft and is not part of the short title; a header without
// it (or with the word inside the title) is a final document's.
func TestDraftMark(t *testing.T) {
	t.Parallel()
	const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>`
	header := func(inner string) string {
		return `<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p>` + inner + `</w:p></w:hdr>`
	}
	tests := []struct {
		name, header, short string
		draft               bool
	}{
		{"Entwurf", `<w:r><w:t>ENTWURF</w:t></w:r><w:r><w:tab/><w:t>VwV Wohngeld</w:t></w:r>`, "VwV Wohngeld", true},
		{"nur die Marke", `<w:r><w:t>ENTWURF</w:t></w:r>`, "", true},
		{"final", `<w:r><w:t>VwV Wohngeld</w:t></w:r>`, "VwV Wohngeld", false},
		{"Wort im Titel", `<w:r><w:t>ENTWURFSFASSUNG Wohngeld</w:t></w:r>`, "ENTWURFSFASSUNG Wohngeld", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			b := zipOf(t, "word/document.xml", fmt.Sprintf(body, `<w:p/>`),
				"word/_rels/document.xml.rels", rels, "word/header1.xml", header(tt.header))
			d, err := readOpts(t, b, docxread.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if d.Meta.ShortTitle != tt.short || d.Meta.Draft != tt.draft {
				t.Errorf("Kurztitel %q, Entwurf %t; erwartet %q, %t", d.Meta.ShortTitle, d.Meta.Draft, tt.short, tt.draft)
			}
		})
	}
}
