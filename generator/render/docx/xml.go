package docx

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
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
	if s == "" {
		return
	}
	x.raw(`<w:r>`)
	switch {
	case bold && italic:
		x.raw(`<w:rPr><w:b/><w:bCs/><w:i/><w:iCs/></w:rPr>`)
	case bold:
		x.raw(`<w:rPr><w:b/><w:bCs/></w:rPr>`)
	case italic:
		x.raw(`<w:rPr><w:i/><w:iCs/></w:rPr>`)
	}
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

// clean validates s and returns it normalised to NFC. It fails on
// characters XML 1.0 cannot carry (C0 controls other than tab and line
// feed; U+FFFE, U+FFFF; invalid UTF-8) and on DEL and the C1 controls,
// which XML 1.0 discourages and which in German text are always the trace
// of a wrong decoding. Carriage returns are rejected too: the markup stage
// delivers line breaks as model.LineBreak or "\n".
func clean(s string) (string, error) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n') || c == 0x7f {
				return "", badChar(s, i, rune(c))
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && n == 1) || (r >= 0x80 && r <= 0x9f) || r == 0xfffe || r == 0xffff {
			return "", badChar(s, i, r)
		}
		i += n
	}
	return norm.NFC.String(s), nil
}

// badChar describes the character at byte offset i of s. Text is quoted
// with %q so the offending character is visible in the message.
func badChar(s string, i int, r rune) error {
	what := fmt.Sprintf("%U", r)
	if r == utf8.RuneError {
		what = fmt.Sprintf("ungültiges UTF-8 (Byte 0x%02X)", s[i])
	}
	return fmt.Errorf("%w %s an Byte %d in %q", ErrInvalidChar, what, i, excerpt(s, i))
}

// excerpt returns up to about 30 bytes of s on either side of offset i,
// cut at rune boundaries.
func excerpt(s string, i int) string {
	const span = 30
	lo, hi := i-span, i+span
	if lo < 0 {
		lo = 0
	}
	if hi > len(s) {
		hi = len(s)
	}
	for lo > 0 && !utf8.RuneStart(s[lo]) {
		lo--
	}
	for hi < len(s) && !utf8.RuneStart(s[hi]) {
		hi++
	}
	out := s[lo:hi]
	if lo > 0 {
		out = "…" + out
	}
	if hi < len(s) {
		out += "…"
	}
	return out
}
