package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/model"
)

// render renders d and fails the test on error.
func render(t testing.TB, d *model.Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := Render(&buf, d, Options{}); err != nil {
		t.Fatalf("Render: %v", err)
	}
	return buf.Bytes()
}

// pkg is an unpacked DOCX: the parts in zip order and their content.
type pkg struct {
	names []string
	files map[string][]byte
	zip   *zip.Reader
}

func unpack(t testing.TB, data []byte) pkg {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("zip: %v", err)
	}
	p := pkg{files: map[string][]byte{}, zip: zr}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("open %s: %v", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("read %s: %v", f.Name, err)
		}
		p.names = append(p.names, f.Name)
		p.files[f.Name] = b
	}
	return p
}

// wellFormed parses data completely with encoding/xml.
func wellFormed(data []byte) error {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		_, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// elemText returns the decoded character data of every element with the
// given local name, concatenated in document order; paragraphs end in
// "\n", w:tab counts as "\t" and w:br as "\n".
func elemText(t testing.TB, data []byte, local string) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var b strings.Builder
	depth := 0
	var stack []string // element names, to tell a run's w:tab from a tab stop
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return b.String()
		}
		if err != nil {
			t.Fatalf("xml: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inRun := len(stack) > 0 && stack[len(stack)-1] == "r"
			stack = append(stack, tok.Name.Local)
			switch {
			case tok.Name.Local == local:
				depth++
			case local == "t" && inRun && tok.Name.Local == "tab":
				b.WriteByte('\t')
			case local == "t" && inRun && tok.Name.Local == "br":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
			if tok.Name.Local == local {
				depth--
			}
			if local == "t" && tok.Name.Local == "p" {
				b.WriteByte('\n')
			}
		case xml.CharData:
			if depth > 0 {
				b.Write(tok)
			}
		}
	}
}

// bodyPara builds a body paragraph.
func bodyPara(num string, text ...string) *model.Paragraph {
	p := &model.Paragraph{Pos: model.Pos{File: "test.tmpl", Line: 7}, Style: model.StyleBody, Number: num}
	for _, s := range text {
		p.Inlines = append(p.Inlines, model.Text{Text: s})
	}
	return p
}

// doc wraps blocks in a document with a fixed date.
func doc(blocks ...model.Block) *model.Document {
	d := &model.Document{Blocks: blocks}
	d.Meta.Title = "Test"
	d.Meta.ShortTitle = "Kurz"
	d.Meta.Language = "de-DE"
	return d
}
