package generator_test

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/internal/testtool"
)

// TestWordLikeRewrites takes every generated document and rewrites its
// word/document.xml the way Word writes a document it has saved —
// runs split word by word, each wrapped in a hyperlink, smart tag,
// content control, custom XML or alternate content (with a different
// mc:Choice), revision ids on paragraphs and runs, proofing marks, the
// _GoBack bookmark, table rows in content controls — and requires that
// diff finds no change of content against the original and that check
// finds nothing it did not find in the original. The reader must see
// through all of it; a construct it drops shows up as deleted text.
func TestWordLikeRewrites(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	for _, path := range fixtureFiles(t, fixturesDir) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			for _, out := range renderDocx(t, gen, path) {
				name := strings.ReplaceAll(out.Name, "/", "_")
				orig := filepath.Join(dir, name)
				if err := os.WriteFile(orig, out.Data, 0o644); err != nil {
					t.Fatal(err)
				}
				edited := filepath.Join(dir, "word-"+name)
				var xml string
				rewritten := testtool.EditZipEntry(t, out.Data, "word/document.xml", func(doc string) string {
					xml = wordLike(doc)
					return xml
				})
				// The rewrite must have taken hold everywhere.
				for _, s := range []string{"<w:hyperlink ", "<w:smartTag ", "<w:sdtContent><w:r ", "<w:customXml ", "<mc:Fallback>", "<w:sdtContent><w:tr ", "_GoBack", "<w:proofErr "} {
					if !strings.Contains(xml, s) && (s != "<w:sdtContent><w:tr " || strings.Contains(xml, "<w:tr ")) {
						t.Fatalf("%s: Umschreiben ohne %s", name, s)
					}
				}
				for _, r := range simpleRun.FindAllString(xml, -1) {
					if !strings.Contains(r, "NICHT LESEN") { // only the mc:Choice runs stay as they are
						t.Fatalf("%s: Lauf nicht umgeschrieben: %s", name, r)
					}
				}
				if err := os.WriteFile(edited, rewritten, 0o644); err != nil {
					t.Fatal(err)
				}
				rep, _, err := gen.Diff(orig, edited, generator.DiffOptions{})
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				if rep.Changed() {
					var b bytes.Buffer
					rep.WriteText(&b, false)
					t.Errorf("%s: diff findet Änderungen nach dem Umschreiben wie Word:\n%s", name, b.String())
				}
				before := gen.Check(context.Background(), orig, generator.CheckOptions{})
				after := gen.Check(context.Background(), edited, generator.CheckOptions{})
				if after.Err != nil {
					t.Fatalf("%s: check: %v", name, after.Err)
				}
				if b, a := findingCodes(before), findingCodes(after); b != a {
					t.Errorf("%s: check vorher %q, nachher %q", name, b, a)
				}
			}
		})
	}
}

// findingCodes lists the codes of the findings at warning or above.
func findingCodes(r check.FileReport) string {
	var codes []string
	for _, f := range r.Findings {
		if f.Severity >= check.Warning {
			codes = append(codes, f.Code)
		}
	}
	return strings.Join(codes, " ")
}

var (
	// simpleRun is a run of our writer with one text element.
	simpleRun = regexp.MustCompile(`<w:r>(<w:rPr>(?:[^<]|<[^/]|</[^w]|</w:[^r]|</w:r[^P])*?</w:rPr>)?<w:t( xml:space="preserve")?>([^<]*)</w:t></w:r>`)
	paraStart = regexp.MustCompile(`<w:p>`)
	rowStart  = regexp.MustCompile(`<w:tr>`)
)

const mcNS = `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"`

// wordLike rewrites document.xml as described at TestWordLikeRewrites.
func wordLike(doc string) string {
	n := 0
	doc = simpleRun.ReplaceAllStringFunc(doc, func(run string) string {
		m := simpleRun.FindStringSubmatch(run)
		rPr, text := m[1], m[3]
		var b strings.Builder
		for i, word := range splitKeep(text) {
			n++
			r := fmt.Sprintf(`<w:r w:rsidR="00A1%04X" w:rsidRPr="00B2C3D4">%s<w:t xml:space="preserve">%s</w:t></w:r>`, n%0xFFFF, rPr, word)
			switch n % 6 {
			case 0:
				r = `<w:hyperlink w:anchor="_Toc1" w:history="1">` + r + `</w:hyperlink>`
			case 1:
				r = `<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="PersonName">` + r + `</w:smartTag>`
			case 2:
				r = `<w:sdt><w:sdtPr><w:alias w:val="Feld"/><w:id w:val="` + fmt.Sprint(n) + `"/></w:sdtPr><w:sdtContent>` + r + `</w:sdtContent></w:sdt>`
			case 3:
				r = `<w:customXml w:element="x">` + r + `</w:customXml>`
			case 4:
				r = `<mc:AlternateContent ` + mcNS + `><mc:Choice Requires="w14"><w:r><w:t>NICHT LESEN</w:t></w:r></mc:Choice><mc:Fallback>` + r + `</mc:Fallback></mc:AlternateContent>`
			}
			if i == 0 && n%5 == 0 {
				r = `<w:proofErr w:type="spellStart"/>` + r + `<w:proofErr w:type="spellEnd"/>`
			}
			b.WriteString(r)
		}
		return b.String()
	})
	doc = paraStart.ReplaceAllString(doc, `<w:p w:rsidR="00C4D5E6" w:rsidRDefault="00C4D5E6" w14:paraId="1A2B3C4D" `+`xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">`)
	doc = strings.Replace(doc, `<w:body>`, `<w:body><w:bookmarkStart w:id="9999" w:name="_GoBack"/><w:bookmarkEnd w:id="9999"/>`, 1)
	doc = rowStart.ReplaceAllStringFunc(doc, func(string) string { return `<w:tr w:rsidR="00D5E6F7">` })
	return wrapRows(doc)
}

// splitKeep splits text into words, each keeping the spaces after it, so
// that joining the parts gives text again.
func splitKeep(text string) []string {
	var parts []string
	for text != "" {
		i := strings.Index(text, " ")
		if i < 0 {
			parts = append(parts, text)
			break
		}
		j := i
		for j < len(text) && text[j] == ' ' {
			j++
		}
		parts = append(parts, text[:j])
		text = text[j:]
	}
	return parts
}

// wrapRows puts every other table row into a row-level content control,
// as Word's repeating sections do.
func wrapRows(doc string) string {
	var b strings.Builder
	i := 0
	for k := 0; ; k++ {
		start := strings.Index(doc[i:], `<w:tr `)
		if start < 0 {
			break
		}
		start += i
		end := matchingEnd(doc, start, `<w:tr `, `</w:tr>`)
		b.WriteString(doc[i:start])
		if k%2 == 0 {
			b.WriteString(`<w:sdt><w:sdtPr/><w:sdtContent>` + doc[start:end] + `</w:sdtContent></w:sdt>`)
		} else {
			b.WriteString(doc[start:end])
		}
		i = end
	}
	b.WriteString(doc[i:])
	return b.String()
}

// matchingEnd returns the offset after the element that starts at start,
// counting nested elements of the same name.
func matchingEnd(doc string, start int, open, close string) int {
	depth := 0
	for i := start; i < len(doc); {
		switch {
		case strings.HasPrefix(doc[i:], open):
			depth++
			i += len(open)
		case strings.HasPrefix(doc[i:], close):
			depth--
			i += len(close)
			if depth == 0 {
				return i
			}
		default:
			i++
		}
	}
	return len(doc)
}
