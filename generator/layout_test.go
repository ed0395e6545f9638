package generator_test

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
)

// fixtureOutputs renders every document of every fixture in the given
// format, with its model.
type fixtureOutput struct {
	name string // "<fixture>/<file>"
	doc  *model.Document
	data []byte
}

func fixtureOutputs(t *testing.T, gen *generator.Generator, format string) []fixtureOutput {
	t.Helper()
	var out []fixtureOutput
	for _, path := range fixtureFiles(t, fixturesDir) {
		p, res := loadFixture(t, gen, path)
		for _, k := range gen.Docs(p) {
			d, err := gen.Document(context.Background(), p, res, k)
			if err != nil {
				t.Fatal(err)
			}
			outs, err := gen.RenderDoc(context.Background(), p, res, k, []string{format})
			if err != nil {
				t.Fatal(err)
			}
			name := strings.TrimSuffix(filepath.Base(path), ".yaml") + "/" + k.File
			out = append(out, fixtureOutput{name: name, doc: d, data: outs[0].Data})
		}
	}
	return out
}

// bodyPages returns the lines of the text body of every page of a PDF:
// pdftotext with the physical layout, cropped to the type area, so the
// running header and footer are left out. Lines are trimmed, with runs of
// spaces (no-break spaces too) as one space; empty lines are dropped.
func bodyPages(t *testing.T, pdf []byte, m model.Meta) [][]string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "d.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	w, h := 595, 842 // A4 in points
	if m.Landscape {
		w, h = h, w
	}
	// The type area starts 25 mm (71 pt) from the edges; header and
	// footer text end 12.5 mm from them plus their own height.
	raw := testtool.Run(t, "pdftotext", "-layout", "-enc", "UTF-8", "-r", "72",
		"-x", "0", "-y", "60", "-W", fmt.Sprint(w), "-H", fmt.Sprint(h-120), path, "-")
	var pages [][]string
	for _, page := range strings.Split(strings.TrimRight(raw, "\f"), "\f") {
		var lines []string
		for _, l := range strings.Split(page, "\n") {
			if l = normalise(l); l != "" {
				lines = append(lines, l)
			}
		}
		pages = append(pages, lines)
	}
	return pages
}

// keptTexts are the headings, captions and chart titles of a document:
// text that must never be the last line of a page.
func keptTexts(d *model.Document) map[string]bool {
	out := map[string]bool{}
	_ = model.Walk(d, func(b model.Block, _ []*model.Section) error {
		switch n := b.(type) {
		case *model.Section:
			out[normalise(n.Heading())] = true
		case *model.Table:
			if n.Caption != "" {
				out[normalise(n.Caption)] = true
			}
		case *model.Chart:
			if n.Title != "" {
				out[normalise(n.Title)] = true
			}
		}
		return nil
	})
	return out
}

var (
	// lineEndsBeforeNumber: a line that ends where a number should follow.
	lineEndsBeforeNumber = regexp.MustCompile(`(^|\s)(§|§§|Abs\.|Az\.|Nr\.)$`)
	// lineStartsWithUnit: a line that starts with the unit of a number on
	// the line before.
	lineStartsWithUnit = regexp.MustCompile(`^(€|%)(\s|$)`)
	lineEndsWithDay    = regexp.MustCompile(`(^|\s)\d{1,2}\.$`)
	lineStartsWithMon  = regexp.MustCompile(`^(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\b`)
)

// TestPageBreaksInFixtures reads every page of every A4 document of the
// fixtures as pdftotext sees it: no page ends with a heading, a table
// caption or a chart title (they stay with what follows), no page starts
// or ends with a lone „und“ (the agreement head keeps it with both
// parties), and no line breaks inside „§ 7“, „Abs. 2“, „Az. …“, an amount
// or a date (no-break spaces). At least one document runs over several
// pages, so the page checks are not empty.
func TestPageBreaksInFixtures(t *testing.T) {
	t.Parallel()
	testtool.Require(t, "pdftotext")
	gen := newGenerator(t)
	multi := 0
	for _, o := range fixtureOutputs(t, gen, "pdf") {
		if o.doc.Meta.Page == model.PageSlide {
			continue
		}
		pages := bodyPages(t, o.data, o.doc.Meta)
		if len(pages) > 1 {
			multi++
		}
		checkPageBreaks(t, o.name, o.doc, pages)
	}
	if multi == 0 {
		t.Fatal("kein Dokument hat mehr als eine Seite: der Test prüft keine Seitenumbrüche")
	}
}

// TestPageBreaksInLibreOffice applies the checks of
// TestPageBreaksInFixtures to LibreOffice's layout of the DOCX (same page
// and margins): every document of the fixtures but the fifteen star
// agreements and call-off forms of the 16-Land fixture, of which one each.
func TestPageBreaksInLibreOffice(t *testing.T) {
	t.Parallel()
	testtool.Require(t, "soffice")
	gen := newGenerator(t)
	dir := t.TempDir()
	var outs []fixtureOutput
	var paths []string
	for _, o := range fixtureOutputs(t, gen, "docx") {
		if o.doc.Meta.Page == model.PageSlide || strings.HasPrefix(o.name, "einbuergerung-stern-16/") && !strings.HasSuffix(o.name, "-BE") && !strings.HasSuffix(o.name, "/projektbeschreibung") {
			continue
		}
		path := filepath.Join(dir, strings.ReplaceAll(o.name, "/", "_")+".docx")
		if err := os.WriteFile(path, o.data, 0o644); err != nil {
			t.Fatal(err)
		}
		outs = append(outs, o)
		paths = append(paths, path)
	}
	for i, pdf := range testtool.LibreOfficeAll(t, paths, "pdf") {
		data, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatal(err)
		}
		checkPageBreaks(t, outs[i].name+" (LibreOffice)", outs[i].doc, bodyPages(t, data, outs[i].doc.Meta))
	}
}

// checkPageBreaks checks the body lines of the pages of one document.
func checkPageBreaks(t *testing.T, name string, d *model.Document, pages [][]string) {
	t.Helper()
	kept := keptTexts(d)
	for i, lines := range pages {
		if len(lines) == 0 {
			continue
		}
		first, last := lines[0], lines[len(lines)-1]
		if kept[last] && i < len(pages)-1 {
			t.Errorf("%s: Seite %d endet mit der Überschrift „%s“", name, i+1, last)
		}
		if first == "und" || last == "und" {
			t.Errorf("%s: Seite %d beginnt oder endet mit „und“ (erste Zeile „%s“, letzte „%s“)", name, i+1, first, last)
		}
		for j, l := range lines {
			if lineEndsBeforeNumber.MatchString(l) || lineStartsWithUnit.MatchString(l) {
				t.Errorf("%s: Seite %d: Zeilenumbruch in einer Angabe: „%s“", name, i+1, l)
			}
			if j+1 < len(lines) && lineEndsWithDay.MatchString(l) && lineStartsWithMon.MatchString(lines[j+1]) {
				t.Errorf("%s: Seite %d: Zeilenumbruch in einem Datum: „%s“ / „%s“", name, i+1, l, lines[j+1])
			}
		}
	}
}

// bodyItem is a paragraph or a table directly in the body of
// word/document.xml.
type bodyItem struct {
	table    bool
	style    string // w:pStyle
	keepNext bool   // w:keepNext in the paragraph's own properties
	text     string
}

// bodyItems reads the top-level paragraphs and tables of a document.xml.
func bodyItems(t *testing.T, doc []byte) []bodyItem {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	var out []bodyItem
	var path []string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch el := tok.(type) {
		case xml.StartElement:
			path = append(path, el.Name.Local)
			at := strings.Join(path, "/")
			switch {
			case at == "document/body/p":
				out = append(out, bodyItem{})
			case at == "document/body/tbl":
				out = append(out, bodyItem{table: true})
			case at == "document/body/p/pPr/pStyle":
				for _, a := range el.Attr {
					if a.Name.Local == "val" {
						out[len(out)-1].style = a.Value
					}
				}
			case at == "document/body/p/pPr/keepNext":
				out[len(out)-1].keepNext = true
			}
		case xml.CharData:
			if len(path) >= 3 && path[2] == "p" && path[len(path)-1] == "t" {
				out[len(out)-1].text += string(el)
			}
		case xml.EndElement:
			path = path[:len(path)-1]
		}
	}
}

// TestDocxKeepNext checks the DOCX of every fixture document: the heading
// and caption styles keep with the next paragraph; every paragraph right
// before a table (an introducing sentence) keeps with it, directly or
// through its style; each paragraph the model keeps with the next
// (KeepNext: „zwischen“, „und“ and the party before it, the last
// paragraph before the signatures) carries w:keepNext, and „und“ in the
// head of an agreement does.
func TestDocxKeepNext(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	keepStyles := map[string]bool{"Heading1": true, "Heading2": true, "Heading3": true, "Caption": true, "Title": true, "Subtitle": true}
	und := 0
	for _, o := range fixtureOutputs(t, gen, "docx") {
		styles := string(testtool.ZipEntry(t, o.data, "word/styles.xml"))
		for id := range keepStyles {
			m := regexp.MustCompile(`<w:style [^>]*w:styleId="` + id + `">.*?</w:style>`).FindString(styles)
			if !strings.Contains(m, "<w:keepNext/>") {
				t.Fatalf("%s: Formatvorlage %s ohne keepNext", o.name, id)
			}
		}
		items := bodyItems(t, testtool.ZipEntry(t, o.data, "word/document.xml"))
		keepWant := 0
		_ = model.Walk(o.doc, func(b model.Block, _ []*model.Section) error {
			if p, ok := b.(*model.Paragraph); ok && p.KeepNext {
				keepWant++
			}
			return nil
		})
		keepGot := 0
		for i, it := range items {
			if it.table {
				continue
			}
			if it.keepNext {
				keepGot++
			}
			if it.text == "und" {
				und++
				if !it.keepNext || i == 0 || !items[i-1].keepNext {
					t.Errorf("%s: „und“ im Kopf nicht mit beiden Parteien zusammengehalten", o.name)
				}
			}
			if i+1 < len(items) && items[i+1].table && it.style != "TableEnd" && !it.keepNext && !keepStyles[it.style] {
				t.Errorf("%s: Absatz vor einer Tabelle ohne keepNext: „%.80s“", o.name, it.text)
			}
		}
		if keepGot != keepWant {
			t.Errorf("%s: %d Absätze mit eigenem keepNext, das Modell hält %d mit dem Folgenden zusammen", o.name, keepGot, keepWant)
		}
	}
	if und == 0 {
		t.Error("kein „und“ im Kopf einer Vereinbarung gefunden: der Test prüft es nicht")
	}
}

// TestDraftMark: a draft (vorhaben.status entwurf, the default) carries
// „ENTWURF“ in the header of every page of the PDF and of LibreOffice's
// rendering of the DOCX and in the first line of the Markdown twin; a
// final version (wohngeld-ring) nowhere. Without status, a project is a
// draft.
func TestDraftMark(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	src, err := os.ReadFile(filepath.Join(fixturesDir, "bafoeg-stern.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	noStatus := filepath.Join(t.TempDir(), "ohne-status.yaml")
	if err := os.WriteFile(noStatus, regexp.MustCompile(`(?m)^  status: .*\n`).ReplaceAll(src, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		path  string
		draft bool
	}{
		{filepath.Join(fixturesDir, "bafoeg-stern.yaml"), true},
		{noStatus, true},
		{filepath.Join(fixturesDir, "wohngeld-ring.yaml"), false},
	} {
		out := t.TempDir()
		files := generateInto(t, gen, tt.path, out)
		var docxs []string
		for base, f := range files {
			pdf := testtool.Run(t, "pdftotext", "-enc", "UTF-8", f[".pdf"], "-")
			pages := strings.Split(strings.TrimRight(pdf, "\f"), "\f")
			for i, page := range pages {
				if got := strings.Contains(page, model.DraftMark); got != tt.draft {
					t.Errorf("%s %s.pdf, Seite %d von %d: ENTWURF %t, erwartet %t", filepath.Base(tt.path), base, i+1, len(pages), got, tt.draft)
				}
			}
			md, err := os.ReadFile(f[".md"])
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.HasPrefix(string(md), "**"+model.DraftMark+"**\n"); got != tt.draft {
				t.Errorf("%s %s.md: ENTWURF am Anfang %t, erwartet %t", filepath.Base(tt.path), base, got, tt.draft)
			}
			if strings.HasPrefix(base, "vereinbarung") {
				docxs = append(docxs, f[".docx"])
			}
		}
		// One agreement through LibreOffice: the header mark on every page.
		pdf := testtool.LibreOffice(t, docxs[0], "pdf")
		text := testtool.Run(t, "pdftotext", "-enc", "UTF-8", pdf, "-")
		pages := strings.Split(strings.TrimRight(text, "\f"), "\f")
		if len(pages) < 2 {
			t.Fatalf("%s: LibreOffice gibt %d Seite(n); der Test braucht mehrere", docxs[0], len(pages))
		}
		for i, page := range pages {
			if got := strings.Contains(page, model.DraftMark); got != tt.draft {
				t.Errorf("%s in LibreOffice, Seite %d von %d: ENTWURF %t, erwartet %t", filepath.Base(docxs[0]), i+1, len(pages), got, tt.draft)
			}
		}
	}
}

// TestLibreOfficeSignaturesWithText: in LibreOffice's layout of every
// fixture agreement, the heading „Unterschriften“ stands on the page of
// the first signature block (LibreOffice moves a table whose rows all keep
// together, but is taller than a page, away from its heading; so only
// tables that fit keep their rows together).
func TestLibreOfficeSignaturesWithText(t *testing.T) {
	t.Parallel()
	testtool.Require(t, "soffice")
	gen := newGenerator(t)
	dir := t.TempDir()
	var paths []string
	var firsts []string
	for _, o := range fixtureOutputs(t, gen, "docx") {
		if o.doc.Meta.Kind != "vereinbarung" || !strings.HasSuffix(o.name, "/vereinbarung") && !strings.HasSuffix(o.name, "-BE") && !strings.HasSuffix(o.name, "-SN") {
			continue
		}
		var first string
		_ = model.Walk(o.doc, func(b model.Block, _ []*model.Section) error {
			if s, ok := b.(*model.Signatures); ok && first == "" {
				first = s.Blocks[0].Party
			}
			return nil
		})
		path := filepath.Join(dir, strings.ReplaceAll(o.name, "/", "_")+".docx")
		if err := os.WriteFile(path, o.data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
		firsts = append(firsts, first)
	}
	if len(paths) < 3 {
		t.Fatalf("nur %d Vereinbarungen", len(paths))
	}
	for i, pdf := range testtool.LibreOfficeAll(t, paths, "pdf") {
		pages := strings.Split(testtool.Run(t, "pdftotext", "-enc", "UTF-8", pdf, "-"), "\f")
		heading, sig := -1, -1
		for j, p := range pages {
			if heading < 0 && regexp.MustCompile(`(?m)^Unterschriften$`).MatchString(p) {
				heading = j
			}
			if sig < 0 && strings.Contains(normalise(p), normalise(firsts[i])) {
				sig = j
			}
		}
		if heading < 0 || heading != sig {
			t.Errorf("%s in LibreOffice: Überschrift „Unterschriften“ auf Seite %d, erste Unterschrift auf Seite %d", filepath.Base(paths[i]), heading+1, sig+1)
		}
	}
}
