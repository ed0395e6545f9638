package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"fmt"
	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/model/modeltest"
	"golang.org/x/text/unicode/norm"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGolden compares the pretty-printed parts that carry the document
// (body, header, footer, core properties) with testdata/*.golden. A
// missing golden fails unless -update is given; on a mismatch the output
// is written next to it as .got.
func TestGolden(t *testing.T) {
	t.Parallel()
	p := unpack(t, render(t, modeltest.Sample(2)))
	for _, name := range []string{"word/document.xml", "word/header1.xml", "word/footer1.xml", "docProps/core.xml", "word/styles.xml"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := pretty(t, p.files[name])
			golden := filepath.Join("testdata", "sample2_"+strings.ReplaceAll(name, "/", "_")+".golden")
			testtool.Golden(t, golden, got, *update)
		})
	}
}

// pretty re-indents XML one element per line, keeping prefixes as they
// are (encoding/xml's Encoder would rewrite the namespaces). Empty
// elements are self-closed, text is quoted on its element's line.
func pretty(t testing.TB, data []byte) []byte {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	var toks []xml.Token
	for {
		tok, err := dec.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		toks = append(toks, xml.CopyToken(tok))
	}
	name := func(n xml.Name) string {
		if n.Space != "" {
			return n.Space + ":" + n.Local
		}
		return n.Local
	}
	var b bytes.Buffer
	depth := 0
	for i := 0; i < len(toks); i++ {
		switch tok := toks[i].(type) {
		case xml.StartElement:
			b.WriteString(strings.Repeat("  ", depth) + "<" + name(tok.Name))
			for _, a := range tok.Attr {
				b.WriteString(" " + name(a.Name) + `="`)
				_ = xml.EscapeText(&b, []byte(a.Value))
				b.WriteString(`"`)
			}
			next := func(k int) xml.Token {
				if i+k < len(toks) {
					return toks[i+k]
				}
				return nil
			}
			if _, ok := next(1).(xml.EndElement); ok {
				b.WriteString("/>\n")
				i++
				continue
			}
			if text, ok := next(1).(xml.CharData); ok {
				if _, ok := next(2).(xml.EndElement); ok {
					fmt.Fprintf(&b, ">%q</%s>\n", string(text), name(tok.Name))
					i += 2
					continue
				}
			}
			b.WriteString(">\n")
			depth++
		case xml.EndElement:
			depth--
			b.WriteString(strings.Repeat("  ", depth) + "</" + name(tok.Name) + ">\n")
		case xml.CharData:
			if depth > 0 {
				fmt.Fprintf(&b, "%s%q\n", strings.Repeat("  ", depth), string(tok))
			}
		}
	}
	return b.Bytes()
}

func firstDiff(want, got []byte) string {
	wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d\n-%s\n+%s", i+1, w, g)
		}
	}
	return "same lines, different bytes"
}

// FuzzText puts arbitrary text into a paragraph, a heading, a table cell
// and the title. Invariant: an ErrInvalidChar or a package whose parts
// are well-formed and carry the text in NFC; never a panic.
func FuzzText(f *testing.F) {
	for _, s := range []string{modeltest.Hostile, "Mu\u0308nchen", "a\tb\nc", "]]>", "\x01", "\xff", "€\u00a0§", "<?xml?>", "&amp;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := doc(bodyPara("(1)", s))
		d.Meta.Title = s
		var buf bytes.Buffer
		err := Render(&buf, d, Options{})
		if err != nil {
			if !errors.Is(err, ErrInvalidChar) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		p := unpack(t, buf.Bytes())
		for _, name := range p.names {
			if err := wellFormed(p.files[name]); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		want := "(1)\t" + norm.NFC.String(s) + "\n"
		if got := elemText(t, p.files["word/document.xml"], "t"); got != want {
			t.Errorf("text = %q, want %q", got, want)
		}
	})
}
