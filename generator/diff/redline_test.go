package diff_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator/diff"
	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/docx"
)

// TestRedlineText renders redlines of the fixture variants and reads
// their word/document.xml back: taken with insertions and without
// deletions the text is NEW's, with deletions and without insertions it
// is OLD's. One redline is opened in LibreOffice.
func TestRedlineText(t *testing.T) {
	t.Parallel()
	base := documents(t, variant{})
	tests := []struct {
		name string
		v    func(t *testing.T) variant
	}{
		{name: "changed share", v: func(*testing.T) variant { return variant{replace: []string{"SL: 12010", "SL: 22010"}} }},
		{name: "changed amount", v: func(*testing.T) variant {
			return variant{replace: []string{`betrag: "1850000.00"`, `betrag: "1850100.00"`}}
		}},
		{name: "changed clause text", v: func(*testing.T) variant {
			return variant{replace: []string{"kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: 6"}}
		}},
		{name: "changed party", v: func(*testing.T) variant {
			return variant{replace: []string{"das Ministerium der Finanzen", "das Ministerium der Finanzen und der Justiz"}}
		}},
		{name: "removed party", v: func(*testing.T) variant {
			return variant{replace: []string{"  - land: SL\n    rolle: nachnutzend\n    vertreten_durch: \"das Ministerium für Inneres, Bauen und Sport\"\n", "", "        SL: 12010\n", ""}}
		}},
		// The clauses after a moved, deleted or inserted clause are
		// renumbered: their headings carry the old number deleted and the
		// new one inserted.
		{name: "moved clause", v: func(t *testing.T) variant { return variant{templates: swappedClauses(t)} }},
		{name: "deleted clause", v: func(t *testing.T) variant {
			return variant{templates: editedTemplate(t, "vereinbarung/ring.md.tmpl", `{{template "vereinbarung/klauseln/steuerung.md.tmpl" .}}`+"\n", "")}
		}},
		{name: "inserted clause", v: func(t *testing.T) variant {
			return variant{templates: editedTemplate(t, "vereinbarung/ring.md.tmpl", `{{template "vereinbarung/klauseln/haftung.md.tmpl" .}}`,
				"## Evaluierung {#evaluierung}\n\nDie Vertragsparteien bewerten den Online-Dienst jährlich.\n\nDas Ergebnis wird veröffentlicht.\n\n"+`{{template "vereinbarung/klauseln/haftung.md.tmpl" .}}`)}
		}},
		// 3., 4., 5. become 2., 3., 4.
		{name: "deleted list item", v: func(t *testing.T) variant {
			return variant{templates: editedTemplate(t, "vereinbarung/klauseln/begriffe.md.tmpl", lineStartingWith(t, "vereinbarung/klauseln/begriffe.md.tmpl", "2. nachnutzendes Land"), "")}
		}},
		// 3., 4., 5. become 4., 5., 6.
		{name: "inserted list item", v: func(t *testing.T) variant {
			const file = "vereinbarung/klauseln/begriffe.md.tmpl"
			line := lineStartingWith(t, file, "3. Betrieb")
			return variant{templates: editedTemplate(t, file, line, "3. Plattform: die gemeinsam genutzten Basisdienste;\n"+line)}
		}},
		// (3) and (4) become (2) and (3).
		{name: "deleted paragraph", v: func(t *testing.T) variant {
			const file = "vereinbarung/klauseln/steuerung.md.tmpl"
			return variant{templates: editedTemplate(t, file, lineStartingWith(t, file, "Das Steuerungsgremium stimmt die Planung")+"\n", "")}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			next := documents(t, tt.v(t))
			for _, name := range []string{"vereinbarung", "projektbeschreibung"} {
				old, new := base[name], next[name]
				red, err := diff.Redline(old, new)
				if err != nil {
					t.Fatal(err)
				}
				res, err := diff.Compare(old, new)
				if err != nil {
					t.Fatal(err)
				}
				if res.Empty() {
					if model.HasChanges(red) {
						t.Errorf("%s: redline marks changes, the diff has none", name)
					}
					continue
				}
				if !model.HasChanges(red) {
					t.Errorf("%s: redline marks no change", name)
				}
				rx := documentXML(t, red, docx.Options{Author: "Prüfung", Date: time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)})
				if got, want := docText(t, rx, true, false), docText(t, documentXML(t, new, docx.Options{}), true, true); got != want {
					t.Errorf("%s: redline with insertions, without deletions differs from NEW:\n%s", name, lineDiff(got, want))
				}
				if got, want := docText(t, rx, false, true), docText(t, documentXML(t, old, docx.Options{}), true, true); got != want {
					t.Errorf("%s: redline with deletions, without insertions differs from OLD:\n%s", name, lineDiff(got, want))
				}
				if !bytes.Contains(rx, []byte(`w:author="Prüfung" w:date="2026-12-01T00:00:00Z"`)) {
					t.Errorf("%s: author and date missing", name)
				}
			}
		})
	}
}

// TestRedlineOpensInLibreOffice converts a redline with LibreOffice.
func TestRedlineOpensInLibreOffice(t *testing.T) {
	t.Parallel()
	testtool.Require(t, "soffice")
	old := documents(t, variant{})["vereinbarung"]
	// Changed words and cells, a moved clause and renumbered headings.
	new := documents(t, variant{replace: []string{"kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: 6", "SL: 12010", "SL: 22010"}, templates: swappedClauses(t)})["vereinbarung"]
	red, err := diff.Redline(old, new)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "redline.docx")
	if err := docx.RenderFile(path, red, docx.Options{}); err != nil {
		t.Fatal(err)
	}
	// Converted to ODT, LibreOffice keeps what it understood as tracked
	// changes in content.xml: insertions and deletions with their author.
	odt := testtool.LibreOffice(t, path, "odt")
	content := string(testtool.ZipFileEntry(t, odt, "content.xml"))
	for _, w := range []string{"<text:tracked-changes", "<text:insertion>", "<text:deletion>", "<dc:creator>vereinbar</dc:creator>", "<dc:date>2026-11-28"} {
		if !strings.Contains(content, w) {
			t.Errorf("LibreOffice's ODT lacks %q", w)
		}
	}
	// The old copy of the moved clause is a deleted heading with its
	// paragraphs, which LibreOffice keeps as one deleted region.
	var haftung string
	for _, sec := range model.Sections(old) {
		if sec.ID == "haftung" {
			haftung = sec.Number
		}
	}
	if !regexp.MustCompile(`<text:deletion><office:change-info><dc:creator>[^<]*</dc:creator><dc:date>[^<]*</dc:date></office:change-info><text:h [^>]*>` + regexp.QuoteMeta(haftung) + ` Haftung</text:h><text:p [^>]*>\(1\)<text:tab/>Jede Vertragspartei haftet`).MatchString(content) {
		t.Errorf("LibreOffice's ODT lacks the deletion of the moved clause's old copy (heading and paragraphs)")
	}
	if t.Failed() {
		if i := strings.Index(content, "<text:tracked-changes"); i >= 0 {
			t.Logf("content.xml: %.1500s", content[i:])
		}
	}
}

func documentXML(t *testing.T, d *model.Document, opts docx.Options) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := docx.Render(&buf, d, opts); err != nil {
		t.Fatal(err)
	}
	return testtool.ZipEntry(t, buf.Bytes(), "word/document.xml")
}

// docText extracts the text of word/document.xml, one line per non-empty
// paragraph: w:t outside w:ins always, w:t inside w:ins when ins is set,
// w:delText inside w:del when del is set. Tabs and breaks are left out,
// the same on both sides.
func docText(t *testing.T, docXML []byte, ins, del bool) string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(docXML))
	var lines []string
	var cur strings.Builder
	var inIns, inDel, inT, inDelText bool
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			switch e.Name.Local {
			case "ins":
				inIns = true
			case "del":
				inDel = true
			case "t":
				inT = true
			case "delText":
				inDelText = true
			case "p":
				cur.Reset()
			}
		case xml.EndElement:
			switch e.Name.Local {
			case "ins":
				inIns = false
			case "del":
				inDel = false
			case "t":
				inT = false
			case "delText":
				inDelText = false
			case "p":
				if cur.Len() > 0 {
					lines = append(lines, cur.String())
				}
				cur.Reset()
			}
		case xml.CharData:
			switch {
			case inT && (!inIns || ins) && !inDel:
				cur.Write(e)
			case inDelText && inDel && del:
				cur.Write(e)
			}
		}
	}
	return strings.Join(lines, "\n")
}

// lineDiff names the first differing line.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			return "line " + itoa(i+1) + ":\n got:  " + a + "\n want: " + b
		}
	}
	return ""
}

func itoa(i int) string { return strconv.Itoa(i) }

// lineStartingWith returns the line of a built-in template that starts
// with prefix, with its line feed.
func lineStartingWith(t *testing.T, file, prefix string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("../../templates", file))
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.SplitAfter(string(src), "\n") {
		if strings.HasPrefix(l, prefix) {
			return l
		}
	}
	t.Fatalf("%s: no line starts with %q", file, prefix)
	return ""
}

// TestRedlineKeepsEmphasis: a changed paragraph or cell keeps the bold and
// italic of its text; inserted words take NEW's emphasis, deleted ones
// OLD's.
func TestRedlineKeepsEmphasis(t *testing.T) {
	t.Parallel()
	doc := func(party, cell string) *model.Document {
		return &model.Document{Blocks: []model.Block{&model.Section{ID: "kopf", Level: 1, Title: "Kopf", Blocks: []model.Block{
			&model.Paragraph{Inlines: []model.Inline{
				model.Text{Text: "zwischen "}, model.Text{Text: party, Bold: true}, model.Text{Text: ", vertreten durch "}, model.Text{Text: "das Ministerium", Italic: true}, model.Text{Text: " und"},
			}},
			&model.Table{Widths: []int{1}, Aligns: []model.Align{model.AlignLeft},
				Header: []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{model.Text{Text: "Land"}}}}}},
				Rows:   []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{model.Text{Text: "Anteil "}, model.Text{Text: cell, Bold: true}}}}}}},
		}}}}
	}
	red, err := diff.Redline(doc("dem Land Bremen", "12,5 %"), doc("der Freien Hansestadt Bremen", "13,0 %"))
	if err != nil {
		t.Fatal(err)
	}
	sec := red.Blocks[0].(*model.Section)
	para := sec.Blocks[0].(*model.Paragraph).Inlines
	cell := sec.Blocks[1].(*model.Table).Rows[0].Cells[0].Inlines
	type run struct {
		text         string
		bold, italic bool
		change       string
	}
	find := func(ins []model.Inline, word string) (run, bool) {
		for _, in := range ins {
			if x, ok := in.(model.Text); ok && strings.Contains(x.Text, word) {
				return run{word, x.Bold, x.Italic, x.Change}, true
			}
		}
		return run{}, false
	}
	for _, tt := range []struct {
		ins  []model.Inline
		want run
	}{
		{para, run{"zwischen", false, false, ""}},
		{para, run{"Land", true, false, model.ChangeDel}},
		{para, run{"Hansestadt", true, false, model.ChangeIns}},
		{para, run{"Bremen", true, false, ""}},
		{para, run{"Ministerium", false, true, ""}},
		{cell, run{"Anteil", false, false, ""}},
		{cell, run{"12,5", true, false, model.ChangeDel}},
		{cell, run{"13,0", true, false, model.ChangeIns}},
	} {
		got, ok := find(tt.ins, tt.want.text)
		if !ok || got != tt.want {
			t.Errorf("%q: got %+v (found %t), want %+v", tt.want.text, got, ok, tt.want)
		}
	}
}
