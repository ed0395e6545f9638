package generator_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/atomicfile"
	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"golang.org/x/text/unicode/norm"
)

// adversarialDir holds hostile project files, one case per <name>.yaml,
// each with its expectation in <name>.erwartet: either the exact error
// text (the file named as fixtures/adversarial/<name>.yaml), or "OK"
// followed by lines "<document>: <text>" naming texts that must come out
// of that document (file base name, e.g. "vereinbarung-HB") in the DOCX
// read back by LibreOffice, in the PDF read by pdftotext and in the
// Markdown twin. A text in double quotes is a Go string literal, so
// invisible characters stay visible in the expectation.
const adversarialDir = "../fixtures/adversarial"

// adversarialCase is one file of the corpus with its expectation.
type adversarialCase struct {
	name   string
	path   string // as passed to GenerateProject
	okWant []wantText
	errMsg string // expected error text; "" for an OK case
	expect string // path of the .erwartet file
}

// wantText is a text a document of an OK case must contain.
type wantText struct {
	doc, text string
}

// adversarialOutcome is what a case produced.
type adversarialOutcome struct {
	out     string              // the case's output directory
	written []generator.Written // files GenerateProject reports
	err     error
	panic   any
}

// TestAdversarialCorpus runs every hostile project file through
// GenerateProject. Each either renders correctly — its hostile text
// survives a LibreOffice round trip of the DOCX and pdftotext on the PDF —
// or fails with exactly the expected error; never a panic, never a file
// outside the output directory, never a temporary file left behind, and
// the corpus itself stays unchanged. All DOCX files are read back by one
// LibreOffice process, because starting LibreOffice costs seconds.
func TestAdversarialCorpus(t *testing.T) {
	t.Parallel()
	cases := loadAdversarialCases(t)
	before := snapshotDir(t, adversarialDir)
	gen := newGenerator(t)
	base := t.TempDir()

	outcomes := map[string]adversarialOutcome{}
	for _, c := range cases {
		o := adversarialOutcome{out: filepath.Join(base, c.name, "out")}
		o.written, o.err, o.panic = generateRecovering(gen, c.path, o.out)
		outcomes[c.name] = o
	}

	// One LibreOffice batch for the DOCX files of every OK case. The
	// inputs need distinct base names: link them as <case>--<document>.docx.
	staging := filepath.Join(t.TempDir(), "docx")
	if err := os.MkdirAll(staging, 0o755); err != nil {
		t.Fatal(err)
	}
	var docxs []string
	texts := map[string]string{} // "<case>--<document>" -> LibreOffice text
	for _, c := range cases {
		o := outcomes[c.name]
		if c.errMsg != "" || o.err != nil || o.panic != nil {
			continue
		}
		for _, w := range o.written {
			if filepath.Ext(w.Path) != ".docx" {
				continue
			}
			key := c.name + "--" + strings.TrimSuffix(filepath.Base(w.Path), ".docx")
			link := filepath.Join(staging, key+".docx")
			if err := os.Link(w.Path, link); err != nil {
				t.Fatal(err)
			}
			docxs = append(docxs, link)
		}
	}
	if len(docxs) > 0 {
		for i, txt := range testtool.LibreOfficeAll(t, docxs, "txt:Text") {
			b, err := os.ReadFile(txt)
			if err != nil {
				t.Fatal(err)
			}
			texts[strings.TrimSuffix(filepath.Base(docxs[i]), ".docx")] = string(b)
		}
	}

	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			o := outcomes[c.name]
			if o.panic != nil {
				t.Fatalf("panic: %v", o.panic)
			}
			checkConfined(t, filepath.Dir(o.out), o.out, o.written)
			if c.errMsg != "" || o.err != nil {
				checkAdversarialError(t, c, o)
				return
			}
			checkAdversarialTexts(t, c, o, texts)
		})
	}

	// Nothing outside the cases' output directories, anywhere under base.
	err := filepath.WalkDir(base, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(base, path)
		parts := strings.SplitN(filepath.ToSlash(rel), "/", 3)
		if len(parts) < 3 || parts[1] != "out" {
			t.Errorf("Datei außerhalb eines Ausgabeverzeichnisses: %s", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat("/tmp/vereinbar-ausserhalb"); err == nil {
		t.Errorf("/tmp/vereinbar-ausserhalb existiert: ein Kurztitel hat aus dem Ausgabeverzeichnis hinausgeschrieben")
	}
	// -update rewrites expectations there; otherwise nothing may change.
	if after := snapshotDir(t, adversarialDir); !*update && !maps.Equal(before, after) {
		var changed []string
		for p := range maps.Keys(before) {
			if before[p] != after[p] {
				changed = append(changed, p)
			}
		}
		for p := range maps.Keys(after) {
			if _, ok := before[p]; !ok {
				changed = append(changed, p)
			}
		}
		slices.Sort(changed)
		t.Errorf("%s hat sich während des Tests verändert: %s", adversarialDir, strings.Join(changed, ", "))
	}
}

// generateRecovering runs GenerateProject with every format and kind and
// turns a panic into a value, so one case cannot take the others down.
func generateRecovering(gen *generator.Generator, path, out string) (w []generator.Written, err error, p any) {
	defer func() { p = recover() }()
	w, err = gen.GenerateProject(context.Background(), path, out, generator.Formats, nil)
	return w, err, nil
}

// checkConfined checks the case directory: every file in it is a written
// document inside out, every written document is there, none twice, and
// no temporary file is left.
func checkConfined(t *testing.T, caseDir, out string, written []generator.Written) {
	t.Helper()
	want := map[string]bool{}
	for _, w := range written {
		rel, err := filepath.Rel(out, w.Path)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
			t.Errorf("geschrieben außerhalb von %s: %s", out, w.Path)
		}
		if want[w.Path] {
			t.Errorf("zweimal geschrieben (die zweite Fassung überschreibt die erste): %s", w.Path)
		}
		want[w.Path] = true
	}
	err := filepath.WalkDir(caseDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) && path == caseDir {
				return fs.SkipAll // nothing written at all
			}
			return err
		}
		if ok, _ := filepath.Match(atomicfile.TempPattern, d.Name()); ok {
			t.Errorf("temporäre Datei übrig: %s", path)
		}
		if d.IsDir() {
			return nil
		}
		if !want[path] {
			t.Errorf("unerwartete Datei: %s", path)
		}
		delete(want, path)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for p := range want {
		t.Errorf("gemeldet, aber nicht vorhanden: %s", p)
	}
}

// checkAdversarialError compares the error with the expectation; an
// error case writes no file at all (documents are rendered in memory
// before the first file is written). With -update the expectation is
// rewritten from the error.
func checkAdversarialError(t *testing.T, c adversarialCase, o adversarialOutcome) {
	t.Helper()
	if len(o.written) > 0 {
		t.Errorf("Fehlerfall hat %d Dateien geschrieben", len(o.written))
	}
	if o.err == nil {
		t.Fatalf("kein Fehler, erwartet:\n%s", c.errMsg)
	}
	got := strings.ReplaceAll(o.err.Error(), c.path, "fixtures/adversarial/"+c.name+".yaml")
	if *update {
		if err := os.WriteFile(c.expect, []byte(got+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if c.errMsg == "" {
		t.Fatalf("Fehler, erwartet OK:\n%s", got)
	}
	if got != c.errMsg {
		t.Errorf("Fehlermeldung weicht ab (mit -update übernehmen, wenn gewollt)\nerhalten:\n%s\nerwartet:\n%s", got, c.errMsg)
	}
}

// checkAdversarialTexts checks each expected text in the DOCX (as
// LibreOffice reads it), the PDF (as pdftotext reads it) and the
// Markdown twin of its document.
func checkAdversarialTexts(t *testing.T, c adversarialCase, o adversarialOutcome, texts map[string]string) {
	t.Helper()
	files := map[string]map[string]string{} // document -> extension -> path
	for _, w := range o.written {
		ext := filepath.Ext(w.Path)
		doc := strings.TrimSuffix(filepath.Base(w.Path), ext)
		if files[doc] == nil {
			files[doc] = map[string]string{}
		}
		files[doc][ext] = w.Path
	}
	type extracted struct{ docx, pdf, md string }
	got := map[string]extracted{}
	for _, w := range c.okWant {
		if _, done := got[w.doc]; done {
			continue
		}
		f, ok := files[w.doc]
		if !ok {
			t.Errorf("Dokument %s fehlt (geschrieben: %v)", w.doc, slices.Sorted(maps.Keys(files)))
			got[w.doc] = extracted{}
			continue
		}
		md, err := os.ReadFile(f[".md"])
		if err != nil {
			t.Fatal(err)
		}
		got[w.doc] = extracted{
			docx: normalise(norm.NFC.String(texts[c.name+"--"+w.doc])),
			// -raw keeps the order of the content stream, which is the
			// reading order; the default layout analysis takes the wide
			// gaps of justified lines and tab stops for column borders.
			pdf: squeeze(pdfBody(testtool.Run(t, "pdftotext", "-raw", "-enc", "UTF-8", f[".pdf"], "-"))),
			// The twin escapes "|" in table cells, as Markdown requires.
			md: normalise(strings.ReplaceAll(string(md), `\|`, "|")),
		}
	}
	for _, w := range c.okWant {
		g := got[w.doc]
		want := normalise(norm.NFC.String(w.text))
		if !strings.Contains(g.docx, want) {
			t.Errorf("%s.docx (über LibreOffice) enthält nicht %s", w.doc, shorten(want))
		}
		if !strings.Contains(g.pdf, squeeze(want)) {
			t.Errorf("%s.pdf (über pdftotext) enthält nicht %s", w.doc, shorten(want))
		}
		if !strings.Contains(g.md, want) {
			t.Errorf("%s.md enthält nicht %s", w.doc, shorten(want))
		}
	}
}

// footerLine is the page footer of every PDF page.
var footerLine = regexp.MustCompile(`^Seite \d+ von \d+$`)

// pdfBody removes the running header and footer from pdftotext -raw
// output: every page ends with "Seite n von m" and begins with the same
// header line, which would otherwise split a text that runs across a page
// break.
func pdfBody(raw string) string {
	pages := strings.Split(raw, "\f")
	header, _, _ := strings.Cut(pages[0], "\n")
	var b strings.Builder
	for _, p := range pages {
		lines := strings.Split(strings.TrimRight(p, "\n"), "\n")
		if n := len(lines); n > 0 && footerLine.MatchString(lines[n-1]) {
			lines = lines[:n-1]
		}
		if len(lines) > 0 && lines[0] == header {
			lines = lines[1:]
		}
		b.WriteString(strings.Join(lines, "\n"))
		b.WriteString("\n")
	}
	return b.String()
}

// squeeze prepares PDF text for comparison: pdftotext breaks lines where
// the layout does (also inside a 10,000-character word), so every white
// space goes; soft hyphens are break hints the PDF shows only at a line
// end, so they go too; and pdftotext wraps runs of right-to-left text in
// its own bidi embedding marks, so every bidi control goes.
func squeeze(s string) string {
	s = norm.NFC.String(s)
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ', r == '\t', r == '\n', r == '\r', r == '\f', r == '\u00a0', r == '\u00ad':
			return -1
		case r == '\u200e', r == '\u200f', r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
			return -1
		}
		return r
	}, s)
}

// shorten quotes a text for a message, cutting long ones in the middle.
func shorten(s string) string {
	if len(s) > 160 {
		s = s[:80] + "…" + s[len(s)-60:]
	}
	return strconv.Quote(s)
}

// loadAdversarialCases reads the corpus: every *.yaml needs its
// .erwartet (a missing one fails; -update creates it for error cases).
func loadAdversarialCases(t *testing.T) []adversarialCase {
	t.Helper()
	paths := fixtureFiles(t, adversarialDir)
	if len(paths) == 0 {
		t.Fatalf("keine Fälle in %s", adversarialDir)
	}
	var cases []adversarialCase
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".yaml")
		c := adversarialCase{name: name, path: p, expect: strings.TrimSuffix(p, ".yaml") + ".erwartet"}
		b, err := os.ReadFile(c.expect)
		switch {
		case os.IsNotExist(err) && *update:
			cases = append(cases, c)
			continue
		case err != nil:
			t.Fatalf("%s: Erwartung fehlt (%v)", name, err)
		}
		first, rest, _ := strings.Cut(string(b), "\n")
		if first != "OK" {
			c.errMsg = strings.TrimSuffix(string(b), "\n")
			cases = append(cases, c)
			continue
		}
		sc := bufio.NewScanner(strings.NewReader(rest))
		sc.Buffer(nil, 1<<20)
		for n := 2; sc.Scan(); n++ {
			line := sc.Text()
			if line == "" {
				continue
			}
			doc, text, ok := strings.Cut(line, ": ")
			if !ok || doc == "" || text == "" {
				t.Fatalf("%s:%d: erwartet „<Dokument>: <Text>“", c.expect, n)
			}
			if strings.HasPrefix(text, `"`) {
				if text, err = strconv.Unquote(text); err != nil {
					t.Fatalf("%s:%d: %v", c.expect, n, err)
				}
			}
			c.okWant = append(c.okWant, wantText{doc, text})
		}
		if len(c.okWant) == 0 {
			t.Fatalf("%s: OK ohne erwartete Texte", c.expect)
		}
		cases = append(cases, c)
	}
	// every .erwartet belongs to a case
	exp, _ := filepath.Glob(filepath.Join(adversarialDir, "*.erwartet"))
	for _, e := range exp {
		if _, err := os.Stat(strings.TrimSuffix(e, ".erwartet") + ".yaml"); err != nil {
			t.Errorf("%s ohne Projektdatei", e)
		}
	}
	return cases
}

// snapshotDir records every file of dir with size, mode, time and hash.
func snapshotDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		st, err := d.Info()
		if err != nil {
			return err
		}
		sum := ""
		if !d.IsDir() {
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			sum = fmt.Sprintf("%x", sha256.Sum256(b))
		}
		out[path] = fmt.Sprintf("%d %v %d %s", st.Size(), st.Mode(), st.ModTime().UnixNano(), sum)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
