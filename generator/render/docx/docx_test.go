package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

func TestPackageStructure(t *testing.T) {
	t.Parallel()
	landscape := modeltest.Sample(3)
	landscape.Meta.Landscape = true
	empty := &model.Document{}
	tests := []struct {
		name string
		doc  *model.Document
	}{
		{"sample2", modeltest.Sample(2)},
		{"sample16", modeltest.Sample(16)},
		{"landscape", landscape},
		{"empty", empty},
		{"slide with chart", modeltest.Slide()},
	}
	want := []string{
		"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "docProps/app.xml",
		"word/document.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/settings.xml",
		"word/fontTable.xml", "word/header1.xml", "word/footer1.xml",
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := unpack(t, render(t, tt.doc))
			if strings.Join(p.names, " ") != strings.Join(want, " ") {
				t.Errorf("parts\n got %v\nwant %v", p.names, want)
			}
			for _, name := range p.names {
				if err := wellFormed(p.files[name]); err != nil {
					t.Errorf("%s is not well-formed: %v", name, err)
				}
			}
			for _, f := range p.zip.File {
				if f.Method != 8 { // zip.Deflate
					t.Errorf("%s: method %d, want Deflate", f.Name, f.Method)
				}
			}
			checkContentTypes(t, p)
			checkRels(t, p)
		})
	}
}

// checkContentTypes asserts every part has a content type, by Override or
// by Default extension, and every Override names an existing part.
func checkContentTypes(t *testing.T, p pkg) {
	t.Helper()
	var ct struct {
		Default []struct {
			Extension string `xml:"Extension,attr"`
		}
		Override []struct {
			PartName string `xml:"PartName,attr"`
		}
	}
	if err := xml.Unmarshal(p.files["[Content_Types].xml"], &ct); err != nil {
		t.Fatal(err)
	}
	covered := map[string]bool{}
	for _, o := range ct.Override {
		name := strings.TrimPrefix(o.PartName, "/")
		if _, ok := p.files[name]; !ok {
			t.Errorf("Override for missing part %s", o.PartName)
		}
		covered[name] = true
	}
	exts := map[string]bool{}
	for _, d := range ct.Default {
		exts[d.Extension] = true
	}
	for _, name := range p.names {
		if name == "[Content_Types].xml" {
			continue
		}
		if !covered[name] && !exts[strings.TrimPrefix(path.Ext(name), ".")] {
			t.Errorf("no content type for %s", name)
		}
	}
	for _, main := range []string{"word/document.xml", "word/styles.xml", "word/header1.xml", "word/footer1.xml", "docProps/core.xml"} {
		if !covered[main] {
			t.Errorf("%s needs an Override (application/xml is not enough)", main)
		}
	}
}

// checkRels asserts that every relationship target exists.
func checkRels(t *testing.T, p pkg) {
	t.Helper()
	for _, name := range p.names {
		if !strings.HasSuffix(name, ".rels") {
			continue
		}
		var rels struct {
			Relationship []struct {
				ID     string `xml:"Id,attr"`
				Target string `xml:"Target,attr"`
			}
		}
		if err := xml.Unmarshal(p.files[name], &rels); err != nil {
			t.Fatal(err)
		}
		// _rels/.rels belongs to the package root; word/_rels/x.rels to word/x.
		base := path.Dir(path.Dir(name))
		ids := map[string]bool{}
		for _, r := range rels.Relationship {
			target := path.Clean(path.Join(base, r.Target))
			if _, ok := p.files[target]; !ok {
				t.Errorf("%s: %s points to missing %s", name, r.ID, target)
			}
			if ids[r.ID] {
				t.Errorf("%s: duplicate id %s", name, r.ID)
			}
			ids[r.ID] = true
		}
	}
	doc := string(p.files["word/document.xml"])
	for _, id := range []string{ridHeader, ridFooter} {
		if !strings.Contains(doc, `r:id="`+id+`"`) {
			t.Errorf("document.xml does not reference %s", id)
		}
	}
}

func TestReproducible(t *testing.T) {
	t.Parallel()
	a := render(t, modeltest.Sample(16))
	b := render(t, modeltest.Sample(16))
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings of the same document differ")
	}
	date := modeltest.Sample(2).Meta.Date
	for _, f := range unpack(t, a).zip.File {
		if !f.Modified.Equal(date) {
			t.Errorf("%s: zip time %v, want %v", f.Name, f.Modified, date)
		}
	}
}

func TestCoreDates(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		date time.Time
		want string // "" for no dates
	}{
		{"utc", time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC), "2026-11-28T00:00:00Z"},
		{"berlin", time.Date(2026, 11, 28, 0, 0, 0, 0, time.FixedZone("CET", 3600)), "2026-11-27T23:00:00Z"},
		{"other day", time.Date(2027, 1, 5, 12, 30, 0, 0, time.UTC), "2027-01-05T12:30:00Z"},
		{"zero", time.Time{}, ""},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		d := modeltest.Sample(2)
		d.Meta.Date = tt.date
		core := string(unpack(t, render(t, d)).files["docProps/core.xml"])
		for _, el := range []string{"created", "modified"} {
			want := `<dcterms:` + el + ` xsi:type="dcterms:W3CDTF">` + tt.want + `</dcterms:` + el + `>`
			if got := strings.Contains(core, want); got != (tt.want != "") {
				t.Errorf("%s: core.xml has %s = %t, want %t:\n%s", tt.name, want, got, tt.want != "", core)
			}
		}
		if seen[core] {
			t.Errorf("%s: core.xml same as for another date", tt.name)
		}
		seen[core] = true
	}
}

func TestCoreProperties(t *testing.T) {
	t.Parallel()
	d := modeltest.Sample(2)
	var core struct {
		Title    string `xml:"title"`
		Subject  string `xml:"subject"`
		Creator  string `xml:"creator"`
		Keywords string `xml:"keywords"`
		Language string `xml:"language"`
	}
	if err := xml.Unmarshal(unpack(t, render(t, d)).files["docProps/core.xml"], &core); err != nil {
		t.Fatal(err)
	}
	want := [5]string{d.Meta.Title, d.Meta.Subject, d.Meta.Author, "OZG-ID 10092; LeiKa 99107023000000", "de-DE"}
	got := [5]string{core.Title, core.Subject, core.Creator, core.Keywords, core.Language}
	if got != want {
		t.Errorf("core properties\n got %q\nwant %q", got, want)
	}
}

func TestHostileText(t *testing.T) {
	t.Parallel()
	p := unpack(t, render(t, modeltest.Sample(2)))
	text := elemText(t, p.files["word/document.xml"], "t")
	for _, want := range []string{
		"der Partei " + modeltest.Hostile,
		"Text mit " + modeltest.Hostile + ".",
		"Ministerium " + modeltest.Hostile,
		"Für der Partei " + modeltest.Hostile,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("document.xml text lacks %q", want)
		}
	}
	if title := elemText(t, p.files["docProps/core.xml"], "title"); !strings.HasSuffix(title, modeltest.Hostile) {
		t.Errorf("core.xml title %q does not end in %q", title, modeltest.Hostile)
	}
	if strings.Contains(string(p.files["word/document.xml"]), modeltest.Hostile) {
		t.Error("hostile text appears unescaped in document.xml")
	}
}

func TestTabsAndNewlines(t *testing.T) {
	t.Parallel()
	d := doc(bodyPara("", "a\tb\nc"))
	got := elemText(t, unpack(t, render(t, d)).files["word/document.xml"], "t")
	if got != "a\tb\nc\n" {
		t.Errorf("text = %q, want %q", got, "a\tb\nc\n")
	}
}

func TestNFC(t *testing.T) {
	t.Parallel()
	const nfd, nfc = "Mu\u0308nchen", "München"
	d := doc(
		&model.Section{ID: "m", Level: 1, Number: "§\u00a01", Title: nfd, Blocks: []model.Block{
			bodyPara("(1)", nfd),
			&model.List{Items: []model.ListItem{{Label: "a)", Blocks: []model.Block{bodyPara("", nfd)}}}},
			&model.Table{Caption: nfd, Rows: []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{model.Text{Text: nfd}}}}}}},
			&model.Signatures{Blocks: []model.Signature{{Party: nfd, Signer: nfd, PlaceDate: nfd}}},
		}},
	)
	d.Meta.Title, d.Meta.ShortTitle = nfd, nfd
	p := unpack(t, render(t, d))
	for _, name := range []string{"word/document.xml", "word/header1.xml", "docProps/core.xml"} {
		s := string(p.files[name])
		if strings.Contains(s, nfd) {
			t.Errorf("%s contains NFD text", name)
		}
		if !strings.Contains(s, nfc) {
			t.Errorf("%s lacks %q", name, nfc)
		}
	}
	if n := strings.Count(string(p.files["word/document.xml"]), nfc); n != 8 {
		t.Errorf("document.xml has %q %d times, want 8", nfc, n)
	}
}

func TestInvalidCharacters(t *testing.T) {
	t.Parallel()
	cell := func(s string) *model.Table {
		return &model.Table{Rows: []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{model.Text{Text: "ok"}}}, {Inlines: []model.Inline{model.Text{Text: s}}}}}}}
	}
	tests := []struct {
		name  string
		doc   func() *model.Document
		wants []string // parts of the message
	}{
		{"paragraph", func() *model.Document {
			return doc(&model.Section{ID: "gegenstand", Level: 1, Title: "G", Blocks: []model.Block{bodyPara("(2)", "Gegen\x01stand")}})
		}, []string{"U+0001", `"Gegen\x01stand"`, "Absatz (2)", `Abschnitt "gegenstand"`, "test.tmpl:7"}},
		{"position of the enclosing section", func() *model.Document {
			inner := &model.Paragraph{Inlines: []model.Inline{model.Text{Text: "x\x01"}}}
			return doc(&model.Section{Pos: model.Pos{File: "vwv.tmpl", Line: 12}, ID: "s", Level: 1, Title: "S", Blocks: []model.Block{inner}})
		}, []string{"U+0001", "Absatz", "vwv.tmpl:12"}},
		{"heading", func() *model.Document {
			return doc(&model.Section{ID: "h", Level: 1, Title: "Kopf\x02"})
		}, []string{"U+0002", "Überschrift", `Abschnitt "h"`}},
		{"meta title", func() *model.Document {
			d := doc()
			d.Meta.Title = "Titel\x1b"
			return d
		}, []string{"U+001B", "Metadaten: Titel"}},
		{"meta keyword", func() *model.Document {
			d := doc()
			d.Meta.Keywords = []string{"a", "b\x00"}
			return d
		}, []string{"U+0000", "Schlagwörter"}},
		{"table cell", func() *model.Document { return doc(cell("x\x0b")) }, []string{"U+000B", "Tabelle", "Zeile 1, Spalte 2"}},
		{"caption", func() *model.Document {
			tb := cell("x")
			tb.Caption = "Cap\x0c"
			return doc(tb)
		}, []string{"U+000C", "Tabelle"}},
		{"list label", func() *model.Document {
			return doc(&model.List{Items: []model.ListItem{{Label: "a\x01)", Blocks: []model.Block{bodyPara("", "x")}}}})
		}, []string{"U+0001", `Listenpunkt "a\x01)"`}},
		{"signature", func() *model.Document {
			return doc(&model.Signatures{Blocks: []model.Signature{{Party: "Für A", Signer: "Signer\x07"}}})
		}, []string{"U+0007", "Unterschriftenblock Nr. 1"}},
		{"carriage return", func() *model.Document { return doc(bodyPara("", "a\r\nb")) }, []string{"U+000D"}},
		{"DEL", func() *model.Document { return doc(bodyPara("", "a\x7f")) }, []string{"U+007F"}},
		{"C1 control", func() *model.Document { return doc(bodyPara("", "a\u0085")) }, []string{"U+0085"}},
		{"U+FFFE", func() *model.Document { return doc(bodyPara("", "a\ufffe")) }, []string{"U+FFFE"}},
		{"invalid UTF-8", func() *model.Document { return doc(bodyPara("", "a\xffb")) }, []string{"UTF-8", "0xFF"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			err := Render(&buf, tt.doc(), Options{})
			if !errors.Is(err, ErrInvalidChar) {
				t.Fatalf("err = %v, want ErrInvalidChar", err)
			}
			for _, w := range tt.wants {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if buf.Len() != 0 {
				t.Errorf("%d bytes written despite the error", buf.Len())
			}
		})
	}
}

func TestUnknownNodes(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		doc  *model.Document
	}{
		{"nil block", doc(nil)},
		{"typed nil paragraph", doc((*model.Paragraph)(nil))},
		{"typed nil section", doc((*model.Section)(nil))},
		{"nil in list item", doc(&model.List{Items: []model.ListItem{{Label: "1.", Blocks: []model.Block{(*model.Paragraph)(nil)}}}})},
		{"nil inline", doc(&model.Paragraph{Inlines: []model.Inline{nil}})},
		// *Text satisfies Inline through the value method, but only the
		// value forms are node kinds.
		{"pointer text", doc(&model.Paragraph{Inlines: []model.Inline{&model.Text{Text: "x"}}})},
		{"pointer break in cell", doc(&model.Table{Rows: []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{&model.LineBreak{}}}}}}})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := Render(&bytes.Buffer{}, tt.doc, Options{})
			if !errors.Is(err, model.ErrUnknownNode) {
				t.Fatalf("err = %v, want model.ErrUnknownNode", err)
			}
		})
	}
}

func TestInvalidModel(t *testing.T) {
	t.Parallel()
	row := func(n int) model.Row { return model.Row{Cells: make([]model.Cell, n)} }
	tests := []struct {
		name string
		doc  *model.Document
		want string
	}{
		{"section level 0", doc(&model.Section{ID: "a", Title: "A"}), "Ebene 0"},
		{"section level 4", doc(&model.Section{ID: "a", Level: 4, Title: "A"}), "Ebene 4"},
		{"paragraph style", doc(&model.Paragraph{Style: "fett"}), `"fett"`},
		{"table without rows", doc(&model.Table{Widths: []int{1}}), "ohne Zeilen"},
		{"row too short", doc(&model.Table{Widths: []int{1, 1}, Rows: []model.Row{row(2), row(1)}}), "Zeile 2 hat 1 Zellen"},
		{"header too long", doc(&model.Table{Widths: []int{1, 1}, Header: []model.Row{row(3)}, Rows: []model.Row{row(2)}}), "Kopfzeile 1 hat 3 Zellen"},
		{"zero width", doc(&model.Table{Widths: []int{1, 0}, Rows: []model.Row{row(2)}}), "Spalte 2"},
		{"alignment", doc(&model.Table{Aligns: []model.Align{"justify"}, Rows: []model.Row{row(1)}}), `"justify"`},
		{"too many alignments", doc(&model.Table{Aligns: []model.Align{"left", "left"}, Rows: []model.Row{row(1)}}), "2 Ausrichtungen"},
		{"shade", doc(&model.Table{Rows: []model.Row{{Cells: []model.Cell{{Shade: "grau"}}}}}), `"grau"`},
		{"table in list", doc(&model.List{Items: []model.ListItem{{Label: "1.", Blocks: []model.Block{&model.Table{}}}}}), "*model.Table in einem Listenpunkt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := Render(&bytes.Buffer{}, tt.doc, Options{})
			if !errors.Is(err, ErrInvalidModel) {
				t.Fatalf("err = %v, want ErrInvalidModel", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q lacks %q", err, tt.want)
			}
		})
	}
}

func TestNilDocument(t *testing.T) {
	t.Parallel()
	if err := Render(&bytes.Buffer{}, nil, Options{}); !errors.Is(err, ErrNilDocument) {
		t.Fatalf("err = %v, want ErrNilDocument", err)
	}
}

// TestHeadingBookmarks checks that every section heading is wrapped in a
// bookmark named after the section id.
func TestHeadingBookmarks(t *testing.T) {
	t.Parallel()
	d := modeltest.Sample(4)
	data := unpack(t, render(t, d)).files["word/document.xml"]
	type heading struct {
		style, text, mark string
		startID, endID    string
	}
	var got []heading
	dec := xml.NewDecoder(bytes.NewReader(data))
	var cur *heading
	inT := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			attr := func(name string) string {
				for _, a := range tok.Attr {
					if a.Name.Local == name {
						return a.Value
					}
				}
				return ""
			}
			switch tok.Name.Local {
			case "p":
				cur = &heading{}
			case "pStyle":
				if cur != nil {
					cur.style = attr("val")
				}
			case "bookmarkStart":
				if cur != nil {
					cur.mark, cur.startID = attr("name"), attr("id")
				}
			case "bookmarkEnd":
				if cur != nil {
					cur.endID = attr("id")
				}
			case "t":
				inT = true
			}
		case xml.CharData:
			if inT && cur != nil {
				cur.text += string(tok)
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "t":
				inT = false
			case "p":
				if cur != nil && strings.HasPrefix(cur.style, "Heading") {
					got = append(got, *cur)
				}
				cur = nil
			}
		}
	}
	want := map[string]string{ // section id -> bookmark name
		"praeambel": "praeambel", "gegenstand": "gegenstand", "kostenverteilung": "kostenverteilung",
		"unterschriften": "unterschriften", "anlage-abruf": "anlage_abruf", "abrufendes-land": "abrufendes_land",
	}
	secs := model.Sections(d)
	if len(got) != len(secs) {
		t.Fatalf("%d headings, want %d", len(got), len(secs))
	}
	names := map[string]bool{}
	for i, s := range secs {
		h := got[i]
		if h.style != headingStyle(s.Level) || h.text != s.Heading() {
			t.Errorf("heading %d = %s %q, want %s %q", i, h.style, h.text, headingStyle(s.Level), s.Heading())
		}
		if h.mark != want[s.ID] {
			t.Errorf("section %s: bookmark %q, want %q", s.ID, h.mark, want[s.ID])
		}
		if h.startID == "" || h.startID != h.endID {
			t.Errorf("section %s: bookmark start id %q, end id %q", s.ID, h.startID, h.endID)
		}
		if names[h.mark] {
			t.Errorf("bookmark %q used twice", h.mark)
		}
		names[h.mark] = true
	}
}

func TestBookmarkNames(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("abcdefghij", 5)
	tests := []struct {
		name string
		ids  []string
		want []string
	}{
		{"plain", []string{"gegenstand"}, []string{"gegenstand"}},
		{"hyphen and dot", []string{"anlage-abruf.1"}, []string{"anlage_abruf_1"}},
		{"umlauts", []string{"präambel", "Übergangsbestimmungen", "schluß"}, []string{"praeambel", "Uebergangsbestimmungen", "schluss"}},
		{"nfd umlaut", []string{"pra\u0308ambel"}, []string{"praeambel"}},
		{"leading digit", []string{"1-abschnitt"}, []string{"S1_abschnitt"}},
		{"leading underscore", []string{"_x"}, []string{"S_x"}},
		{"empty", []string{"", ""}, []string{"S", "S_2"}},
		{"long", []string{long, long}, []string{long[:40], long[:38] + "_2"}},
		{"duplicates", []string{"a-b", "a_b", "A_B", "a_b_2"}, []string{"a_b", "a_b_2", "A_B_3", "a_b_2_2"}},
	}
	valid := regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{0,39}$`)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var b bookmarks
			for i, id := range tt.ids {
				n, name := b.add(id)
				if n != i {
					t.Errorf("id %d, want %d", n, i)
				}
				if name != tt.want[i] {
					t.Errorf("add(%q) = %q, want %q", id, name, tt.want[i])
				}
				if !valid.MatchString(name) {
					t.Errorf("%q breaks Word's bookmark rules", name)
				}
			}
		})
	}
}

func TestTableGrid(t *testing.T) {
	t.Parallel()
	row := func(n int) []model.Row { return []model.Row{{Cells: make([]model.Cell, n)}} }
	tests := []struct {
		name      string
		landscape bool
		table     model.Table
		want      []int
	}{
		{"relative", false, model.Table{Widths: []int{40, 20, 20, 20}, Rows: row(4)}, []int{3629, 1814, 1815, 1814}},
		{"thirds", false, model.Table{Widths: []int{1, 1, 1}, Rows: row(3)}, []int{3024, 3024, 3024}},
		{"equal without widths", false, model.Table{Rows: row(2)}, []int{4536, 4536}},
		{"landscape", true, model.Table{Widths: []int{35, 65}, Rows: row(2)}, []int{4901, 9103}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := renderer{textW: textWidth(tt.landscape)}
			got, err := r.grid(&tt.table)
			if err != nil {
				t.Fatal(err)
			}
			sum := 0
			for _, w := range got {
				sum += w
			}
			if sum != r.textW {
				t.Errorf("columns sum to %d, text width is %d", sum, r.textW)
			}
			if !slicesEqual(got, tt.want) {
				t.Errorf("grid = %v, want %v", got, tt.want)
			}
		})
	}
}

func slicesEqual(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// TestTableRows checks the row properties in the sample's cost table:
// header rows repeat, no row splits, the totals row is bold.
func TestTableRows(t *testing.T) {
	t.Parallel()
	doc := string(unpack(t, render(t, modeltest.Sample(16))).files["word/document.xml"])
	if n := strings.Count(doc, "<w:tblHeader/>"); n != 1 {
		t.Errorf("%d header rows, want 1", n)
	}
	// 1 header + 17 rows, 3 boxed rows, 8 signature rows.
	if n, rows := strings.Count(doc, "<w:cantSplit/>"), strings.Count(doc, "<w:tr>"); n != rows || rows != 18+3+8 {
		t.Errorf("%d of %d rows cantSplit, want 29 of 29", n, rows)
	}
	if !strings.Contains(doc, `<w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">1.440.000,00 €</w:t>`) {
		t.Error("total is not bold")
	}
	if !strings.Contains(doc, `<w:shd w:val="clear" w:color="auto" w:fill="E7E6E6"/>`) {
		t.Error("boxed cell shading missing")
	}
}

func TestPageSize(t *testing.T) {
	t.Parallel()
	for _, landscape := range []bool{false, true} {
		d := modeltest.Sample(2)
		d.Meta.Landscape = landscape
		doc := string(unpack(t, render(t, d)).files["word/document.xml"])
		want := `<w:pgSz w:w="11906" w:h="16838"/>`
		if landscape {
			want = `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>`
		}
		if !strings.Contains(doc, want) {
			t.Errorf("landscape=%t: document lacks %s", landscape, want)
		}
		if !strings.Contains(doc, `<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417"`) {
			t.Errorf("landscape=%t: margins are not 2.5 cm", landscape)
		}
	}
}

func TestHeaderFooter(t *testing.T) {
	t.Parallel()
	p := unpack(t, render(t, modeltest.Sample(2)))
	if got := elemText(t, p.files["word/header1.xml"], "t"); got != "VwV Wohngeld\n" {
		t.Errorf("header text = %q", got)
	}
	if got := elemText(t, p.files["word/footer1.xml"], "instrText"); got != " PAGE  NUMPAGES " {
		t.Errorf("footer fields = %q", got)
	}
	if got := elemText(t, p.files["word/footer1.xml"], "t"); got != "Seite 1 von 1\n" {
		t.Errorf("footer text = %q", got)
	}
}

func TestRenderFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "v.docx")
	d := modeltest.Sample(2)
	if err := RenderFile(out, d, Options{}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, render(t, d)) {
		t.Error("file differs from Render's output")
	}
	bad := doc(bodyPara("", "\x01"))
	if err := RenderFile(filepath.Join(dir, "bad.docx"), bad, Options{}); !errors.Is(err, ErrInvalidChar) {
		t.Errorf("err = %v, want ErrInvalidChar", err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only v.docx", len(entries))
	}
}

func BenchmarkRender16(b *testing.B) {
	d := modeltest.Sample(16)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Render(&buf, d, Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(buf.Len()))
}

// TestTableBookmarks checks that a table id becomes a bookmark: on the
// caption, or on the first cell when the table has none.
func TestTableBookmarks(t *testing.T) {
	t.Parallel()
	cell := []model.Cell{{Inlines: []model.Inline{model.Text{Text: "Zelle"}}}}
	tests := []struct {
		name  string
		table *model.Table
		want  string
	}{
		{"caption", &model.Table{ID: "kosten-2027", Caption: "Kosten", Rows: []model.Row{{Cells: cell}}},
			`<w:p><w:pPr><w:pStyle w:val="Caption"/></w:pPr><w:bookmarkStart w:id="0" w:name="kosten_2027"/><w:r><w:t xml:space="preserve">Kosten</w:t></w:r><w:bookmarkEnd w:id="0"/></w:p>`},
		{"first cell", &model.Table{ID: "form", Rows: []model.Row{{Cells: cell}, {Cells: cell}}},
			`<w:bookmarkStart w:id="0" w:name="form"/><w:r><w:t xml:space="preserve">Zelle</w:t></w:r><w:bookmarkEnd w:id="0"/>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := string(unpack(t, render(t, doc(tt.table))).files["word/document.xml"])
			if !strings.Contains(got, tt.want) {
				t.Errorf("document.xml lacks\n%s", tt.want)
			}
			if n := strings.Count(got, "<w:bookmarkStart"); n != 1 {
				t.Errorf("%d bookmarks, want 1", n)
			}
		})
	}
}

// TestRendererCacheKeepsOutput: a Renderer shared by goroutines, which
// caches the compressed static parts, gives the same bytes as a fresh
// render for every document, also when a static part differs between
// documents (styles and settings name the language).
func TestRendererCacheKeepsOutput(t *testing.T) {
	t.Parallel()
	var docs []*model.Document
	for i, lang := range []string{"de-DE", "de-AT", "", "de-DE", "en-GB", "de-DE"} {
		d := modeltest.Sample(2 + i)
		d.Meta.Language = lang
		docs = append(docs, d)
	}
	want := make([][]byte, len(docs))
	for i, d := range docs {
		var buf bytes.Buffer
		if err := NewRenderer().Render(&buf, d, Options{}); err != nil {
			t.Fatal(err)
		}
		want[i] = buf.Bytes()
	}
	if bytes.Equal(want[0], want[1]) {
		t.Fatal("test documents do not differ")
	}
	r := NewRenderer()
	var wg sync.WaitGroup
	for round := 0; round < 4; round++ {
		for i, d := range docs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				var buf bytes.Buffer
				if err := r.Render(&buf, d, Options{}); err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(buf.Bytes(), want[i]) {
					t.Errorf("round %d, document %d (%q): shared Renderer gives other bytes than a fresh one", round, i, d.Meta.Language)
				}
			}()
		}
	}
	wg.Wait()
}
