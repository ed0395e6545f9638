package docx

import (
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/vereinbar/vereinbar/generator/render/internal/textcheck"
)

// xw accumulates the markup of one part. Markup comes only from string
// constants of this package (raw) and from integers (int); text from the
// model reaches the buffer only through escaped, which uses
// encoding/xml.EscapeText — raw text is never concatenated into markup.
type xw struct {
	buf     bytes.Buffer
	scratch []byte // reused for EscapeText's []byte argument
}

// raw writes markup that is a constant of this package.
func (x *xw) raw(s string) { x.buf.WriteString(s) }

// int writes a decimal number.
func (x *xw) int(n int) {
	var b [20]byte
	x.buf.Write(strconv.AppendInt(b[:0], int64(n), 10))
}

// escaped writes s escaped for element content and for attribute values
// in double quotes. s must have passed clean.
func (x *xw) escaped(s string) {
	x.scratch = append(x.scratch[:0], s...)
	// bytes.Buffer never fails to write, so EscapeText cannot fail either.
	_ = xml.EscapeText(&x.buf, x.scratch)
}

// attr writes ` name="value"` with value escaped.
func (x *xw) attr(name, value string) {
	x.buf.WriteByte(' ')
	x.buf.WriteString(name)
	x.buf.WriteString(`="`)
	x.escaped(value)
	x.buf.WriteByte('"')
}

// intAttr writes ` name="n"`.
func (x *xw) intAttr(name string, n int) {
	x.buf.WriteByte(' ')
	x.buf.WriteString(name)
	x.buf.WriteString(`="`)
	x.int(n)
	x.buf.WriteByte('"')
}

// run writes one run of cleaned text. Tabs become w:tab and line feeds
// w:br, so no control character ever reaches w:t.
func (x *xw) run(s string, bold, italic bool) { x.runAs(s, bold, italic, "w:t") }

// runAs is run with the text element named tag: "w:t", or "w:delText"
// for deleted text of a tracked change.
func (x *xw) runAs(s string, bold, italic bool, tag string) {
	x.runMarked(s, runMarks{bold: bold, italic: italic}, tag)
}

// runMarks are the marks of a run of text.
type runMarks struct{ bold, italic, strike bool }

// runMarked writes a run of cleaned text with its marks (bold, italic,
// struck through) in the text element named tag.
func (x *xw) runMarked(s string, m runMarks, tag string) {
	if s == "" {
		return
	}
	x.raw(`<w:r>`)
	if m.bold || m.italic || m.strike {
		x.raw(`<w:rPr>`)
		if m.bold {
			x.raw(`<w:b/><w:bCs/>`)
		}
		if m.italic {
			x.raw(`<w:i/><w:iCs/>`)
		}
		if m.strike {
			x.raw(`<w:strike/>`)
		}
		x.raw(`</w:rPr>`)
	}
	x.runText(s, tag)
}

// sizedRun writes a run of cleaned text in a size of its own, in half
// points; 0 keeps the style's.
func (x *xw) sizedRun(s string, halfPts int) {
	if halfPts == 0 {
		x.run(s, false, false)
		return
	}
	if s == "" {
		return
	}
	x.raw(`<w:r><w:rPr><w:sz`)
	x.intAttr("w:val", halfPts)
	x.raw(`/><w:szCs`)
	x.intAttr("w:val", halfPts)
	x.raw(`/></w:rPr>`)
	x.runText(s, "w:t")
}

// runText writes the text of a run and closes it.
func (x *xw) runText(s, tag string) {
	for s != "" {
		i := strings.IndexAny(s, "\t\n")
		if i < 0 {
			i = len(s)
		}
		if i > 0 {
			x.raw(`<` + tag + ` xml:space="preserve">`)
			x.escaped(s[:i])
			x.raw(`</` + tag + `>`)
		}
		if i == len(s) {
			break
		}
		if s[i] == '\t' {
			x.raw(`<w:tab/>`)
		} else {
			x.raw(`<w:br/>`)
		}
		s = s[i+1:]
	}
	x.raw(`</w:r>`)
}

// bytes returns the part's content.
func (x *xw) bytes() []byte { return x.buf.Bytes() }

// clean is textcheck.Clean: the text rule both renderers apply.
func clean(s string) (string, error) { return textcheck.Clean(s) }
