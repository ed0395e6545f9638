// Package textcheck holds the rule both the DOCX and the PDF renderer
// apply to every piece of text of a document — which characters may stand
// in a contract — and the Location their errors name. Keeping them in one
// place keeps the two formats from accepting different text or reporting
// the same fault differently.
package textcheck

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/vereinbar/vereinbar/generator/model"
)

// ErrInvalidChar reports text that XML 1.0 cannot carry or that never
// belongs in a contract: control characters other than tab and line feed,
// DEL and the C1 controls, U+FFFE, U+FFFF and invalid UTF-8.
var ErrInvalidChar = errors.New("unzulässiges Zeichen")

// Clean returns s normalised to NFC after checking its characters. It
// fails with ErrInvalidChar on characters XML 1.0 cannot carry (C0
// controls other than tab and line feed; U+FFFE, U+FFFF; invalid UTF-8)
// and on DEL and the C1 controls, which XML 1.0 discourages and which in
// German text are always the trace of a wrong decoding. Carriage returns
// are refused too: the markup stage delivers line breaks as
// model.LineBreak or "\n". The error names the character, its byte
// offset and the text around it.
func Clean(s string) (string, error) {
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
	return fmt.Errorf("%w %s an Byte %d in %q", ErrInvalidChar, what, i, Excerpt(s, i))
}

// Excerpt returns up to about 30 bytes of s on either side of byte offset
// i, cut at rune boundaries, with "…" where it cuts.
func Excerpt(s string, i int) string {
	const span = 30
	lo, hi := max(i-span, 0), min(i+span, len(s))
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

// Location is the node a renderer is writing, kept up to date as it walks
// the model and formatted only when an error occurs, so tracking it costs
// no allocations. Errors about text name it: "Absatz (2), Abschnitt
// "haftung", vereinbarung/ring.md.tmpl:41".
type Location struct {
	Pos      model.Pos
	Section  string // id of the innermost section
	What     string // "Absatz", "Listenpunkt", "Tabelle", ...
	Label    string // paragraph number, list label or table id
	Index    int    // 1-based signature block; 0 otherwise
	Row, Col int    // 1-based table cell; 0 outside tables
}

func (l Location) String() string {
	var b strings.Builder
	b.WriteString(l.What)
	if _, err := Clean(l.Label); err != nil {
		fmt.Fprintf(&b, " %q", l.Label) // make the bad character visible
	} else if l.Label != "" {
		fmt.Fprintf(&b, " %s", l.Label)
	}
	if l.Index > 0 {
		fmt.Fprintf(&b, " Nr. %d", l.Index)
	}
	if l.Row > 0 {
		fmt.Fprintf(&b, ", Zeile %d, Spalte %d", l.Row, l.Col)
	}
	if l.Section != "" {
		fmt.Fprintf(&b, ", Abschnitt %q", l.Section)
	}
	if l.Pos.File != "" {
		fmt.Fprintf(&b, ", %s:%d", l.Pos.File, l.Pos.Line)
	}
	return b.String()
}
