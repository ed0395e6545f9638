package docxread_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/docxread"
	"github.com/vereinbar/vereinbar/generator/model"
)

// zipOf builds a zip archive from name/content pairs.
func zipOf(t testing.TB, parts ...string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for i := 0; i+1 < len(parts); i += 2 {
		w, err := zw.Create(parts[i])
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, parts[i+1])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// minimal returns a small valid DOCX whose word/document.xml is doc.
func minimal(t testing.TB, doc string) []byte {
	return zipOf(t, "word/document.xml", doc)
}

const body = `<?xml version="1.0" encoding="UTF-8"?>` +
	`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>`

// zeros is a reader of n zero bytes that allocates nothing.
type zeros struct{ n int64 }

func (z *zeros) Read(p []byte) (int, error) {
	if z.n <= 0 {
		return 0, io.EOF
	}
	k := min(int64(len(p)), z.n)
	clear(p[:k])
	z.n -= k
	return int(k), nil
}

// bomb builds a DOCX whose word/document.xml inflates to size bytes of
// zeros; with lie, the headers claim 1000 bytes.
func bomb(t testing.TB, size int64, lie bool) []byte {
	t.Helper()
	var comp bytes.Buffer
	fw, _ := flate.NewWriter(&comp, flate.BestSpeed)
	crc := crc32.NewIEEE()
	if _, err := io.Copy(io.MultiWriter(fw, crc), &zeros{size}); err != nil {
		t.Fatal(err)
	}
	fw.Close()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	h := &zip.FileHeader{Name: "word/document.xml", Method: zip.Deflate,
		CRC32: crc.Sum32(), CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64(size)}
	if lie {
		h.UncompressedSize64 = 1000
	}
	w, err := zw.CreateRaw(h)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(comp.Bytes())
	zw.Close()
	return b.Bytes()
}

func readOpts(t testing.TB, b []byte, o docxread.Options) (*model.Document, error) {
	t.Helper()
	return docxread.Read(bytes.NewReader(b), int64(len(b)), o)
}

// TestRefusedInputs: hostile and broken files are refused with an error
// that says why, through the limits, never by running out of memory.
func TestRefusedInputs(t *testing.T) {
	t.Parallel()
	many := func() []byte {
		var parts []string
		for i := 0; i < 3000; i++ {
			parts = append(parts, fmt.Sprintf("x/%d.xml", i), "")
		}
		return zipOf(t, parts...)
	}
	nested := strings.Repeat("<w:tbl><w:tr><w:tc>", 200) + strings.Repeat("</w:tc></w:tr></w:tbl>", 200)
	cases := []struct {
		name string
		file func() []byte
		opts docxread.Options
		want error
		msg  string
	}{
		{"zip bomb with honest headers", func() []byte { return bomb(t, 256<<20, false) }, docxread.Options{}, docxread.ErrLimit, "entpackt"},
		{"zip bomb with lying headers", func() []byte { return bomb(t, 256<<20, true) }, docxread.Options{}, docxread.ErrLimit, "ZIP-Bombe"},
		{"compression ratio", func() []byte { return bomb(t, 20<<20, false) }, docxread.Options{}, docxread.ErrLimit, "ZIP-Bombe"},
		{"entry over a small limit", func() []byte { return bomb(t, 2<<20, false) }, docxread.Options{MaxEntrySize: 1 << 20, MaxRatio: 1 << 20}, docxread.ErrLimit, "höchstens 1,0 MiB"},
		{"too many entries", many, docxread.Options{}, docxread.ErrLimit, "3000 ZIP-Einträge"},
		{"file too large", func() []byte { return minimal(t, fmt.Sprintf(body, "")) }, docxread.Options{MaxFileSize: 100}, docxread.ErrLimit, "höchstens"},
		{"DOCTYPE with entities", func() []byte {
			return minimal(t, `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>`+
				`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&b;</w:t></w:r></w:p></w:body></w:document>`)
		}, docxread.Options{}, docxread.ErrDTD, "DTD"},
		{"external entity", func() []byte {
			return minimal(t, `<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd"><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`)
		}, docxread.Options{}, docxread.ErrDTD, "DOCTYPE"},
		{"DOCTYPE in styles", func() []byte {
			return zipOf(t, "word/document.xml", fmt.Sprintf(body, ""), "word/styles.xml", `<!DOCTYPE s [<!ENTITY x "y">]><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`)
		}, docxread.Options{}, docxread.ErrDTD, "styles.xml"},
		{"undefined entity", func() []byte { return minimal(t, fmt.Sprintf(body, `<w:p><w:r><w:t>&x;</w:t></w:r></w:p>`)) }, docxread.Options{}, docxread.ErrXML, "entity"},
		{"nested too deep", func() []byte { return minimal(t, fmt.Sprintf(body, nested)) }, docxread.Options{}, docxread.ErrLimit, "verschachtelt"},
		{"too many elements", func() []byte {
			return minimal(t, fmt.Sprintf(body, strings.Repeat("<w:p/>", 2000)))
		}, docxread.Options{MaxElements: 1000}, docxread.ErrLimit, "Elemente"},
		{"not a zip", func() []byte { return []byte("kein ZIP, sondern Text, der lang genug ist") }, docxread.Options{}, docxread.ErrNotDocx, "ZIP"},
		{"empty", func() []byte { return nil }, docxread.Options{}, docxread.ErrNotDocx, ""},
		{"no main document", func() []byte { return zipOf(t, "a.txt", "x") }, docxread.Options{}, docxread.ErrNotDocx, "Hauptdokument"},
		{"malformed XML", func() []byte { return minimal(t, fmt.Sprintf(body, "<w:p>")) }, docxread.Options{}, docxread.ErrXML, "document.xml"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			_, err := readOpts(t, c.file(), c.opts)
			if err == nil {
				t.Fatal("keine Ablehnung")
			}
			if c.want != nil && !errors.Is(err, c.want) {
				t.Errorf("Fehler %v, erwartet %v", err, c.want)
			}
			if !strings.Contains(err.Error(), c.msg) {
				t.Errorf("Fehler %q nennt nicht %q", err, c.msg)
			}
		})
	}
}

// handEditedParts are the parts of a DOCX edited by hand: renamed and
// derived heading styles, split runs, tracked changes, a content control,
// outline levels.
func handEditedParts() []string {
	styles := `<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">` +
		`<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="Klausel"><w:name w:val="Klausel"/><w:basedOn w:val="berschrift1"/></w:style>` +
		`<w:style w:type="paragraph" w:styleId="P2"><w:name w:val="Paragraf"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>` +
		`</w:styles>`
	p := func(style, inner string) string {
		pr := ""
		if style != "" {
			pr = `<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`
		}
		return `<w:p>` + pr + inner + `</w:p>`
	}
	r := func(s string) string { return `<w:r><w:t xml:space="preserve">` + s + `</w:t></w:r>` }
	doc := fmt.Sprintf(body,
		p("Titel", r("Verwaltungs")+r("vereinbarung"))+
			p("berschrift1", `<w:bookmarkStart w:id="0" w:name="_GoBack"/>`+r("§ 1 Gegen")+r("stand"))+
			p("", r("(1)")+`<w:r><w:tab/></w:r>`+r("Erster Absatz"))+
			p("", `<w:ins w:id="1" w:author="A"><w:r><w:t>(2) eingefügter</w:t></w:r></w:ins><w:del w:id="2" w:author="A"><w:r><w:delText>gelöscht</w:delText></w:r></w:del>`+r(" Absatz"))+
			`<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr>`+r("automatisch nummeriert")+`</w:p>`+
			`<w:sdt><w:sdtContent>`+p("Klausel", r("§ 2 Datenschutz"))+`</w:sdtContent></w:sdt>`+
			p("", r("Text"))+
			p("P2", r("Unterabschnitt"))+
			`<w:p><w:pPr><w:outlineLvl w:val="0"/></w:pPr>`+r("Anlage 1 Ansprechpersonen")+`</w:p>`)
	return []string{"word/document.xml", doc, "word/styles.xml", styles}
}

// TestHandEditedStructures: what Word and LibreOffice write when a
// document is edited — German style ids, outline levels on the paragraph,
// split runs, tracked changes, content controls, automatic numbering —
// reads back into sections, numbered paragraphs and lists.
func TestHandEditedStructures(t *testing.T) {
	t.Parallel()
	b := zipOf(t, handEditedParts()...)
	got := readDump(t, b)
	want := `document kind="" lang="" date=0001-01-01 landscape=false
  title=""
  short=""
  subject=""
  author=""
  keywords=""
  paragraph style=title number=""
    text "Verwaltungsvereinbarung"
  section id="gegenstand" level=1 number="§ 1" title="Gegenstand"
    paragraph style=body number="(1)"
      text "Erster Absatz"
    paragraph style=body number="(2)"
      text "eingefügter Absatz"
    list
      item label="•"
        paragraph style=body number=""
          text "automatisch nummeriert"
  section id="datenschutz" level=1 number="§ 2" title="Datenschutz"
    paragraph style=body number=""
      text "Text"
    section id="unterabschnitt" level=2 number="" title="Unterabschnitt"
  section id="ansprechpersonen" level=1 number="Anlage 1" title="Ansprechpersonen"
`
	if got != want {
		t.Errorf("gelesen:\n%s\nerwartet:\n%s", got, want)
	}
}

// alternateContentParts is a document with mc:AlternateContent at block,
// paragraph and run level.
func alternateContentParts() []string {
	const mc = `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"`
	alt := func(choice, fallback string) string {
		s := `<mc:AlternateContent ` + mc + `><mc:Choice Requires="w14">` + choice + `</mc:Choice>`
		if fallback != "" {
			s += `<mc:Fallback>` + fallback + `</mc:Fallback>`
		}
		return s + `</mc:AlternateContent>`
	}
	r := func(s string) string { return `<w:r><w:t xml:space="preserve">` + s + `</w:t></w:r>` }
	p := func(inner string) string { return `<w:p>` + inner + `</w:p>` }
	doc := fmt.Sprintf(body,
		p(r("Absatz mit ")+alt(r("Wahl"), r("Ersatz"))+r(" im Lauf"))+
			p(`<w:r><w:t xml:space="preserve">Im </w:t>`+alt(`<w:t>Wahl</w:t>`, `<w:t>Ersatz</w:t>`)+`<w:t xml:space="preserve"> Lauftext</w:t></w:r>`)+
			alt(p(r("Wahlabsatz")), p(r("Ersatzabsatz")))+
			p(r("Ohne Ersatz:")+alt(r(" Wahl"), "")))
	return []string{"word/document.xml", doc}
}

// TestAlternateContent: of Markup Compatibility's mc:AlternateContent the
// reader takes mc:Fallback, at block, paragraph and run level, never the
// choice as well (the text would stand twice); without a fallback the
// content is left out, as ECMA-376 Part 3 prescribes for a consumer that
// knows none of the choices' namespaces.
func TestAlternateContent(t *testing.T) {
	t.Parallel()
	got := readDump(t, zipOf(t, alternateContentParts()...))
	for _, want := range []string{`text "Absatz mit Ersatz im Lauf"`, `text "Im Ersatz Lauftext"`, `text "Ersatzabsatz"`, `text "Ohne Ersatz:"`} {
		if !strings.Contains(got, want+"\n") {
			t.Errorf("%s fehlt:\n%s", want, got)
		}
	}
	if strings.Contains(got, "Wahl") {
		t.Errorf("Inhalt aus mc:Choice gelesen:\n%s", got)
	}
}

// wrappedTableParts is a table whose rows, cells and paragraphs are
// wrapped in content controls, custom XML and alternate content, with
// tracked rows.
func wrappedTableParts() []string {
	const mc = `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`
	r := func(s string) string { return `<w:r><w:t>` + s + `</w:t></w:r>` }
	tc := func(s string) string { return `<w:tc><w:p>` + r(s) + `</w:p></w:tc>` }
	tr := func(pr string, cells ...string) string {
		return `<w:tr>` + pr + strings.Join(cells, "") + `</w:tr>`
	}
	sdt := func(inner string) string {
		return `<w:sdt><w:sdtPr/><w:sdtContent>` + inner + `</w:sdtContent></w:sdt>`
	}
	doc := fmt.Sprintf(body, `<w:tbl><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>`+
		tr(`<w:trPr><w:tblHeader/></w:trPr>`, tc("Land"), tc("Betrag"))+
		sdt(tr("", tc("Bremen"), tc("1,00")))+
		`<w:customXml w:element="x">`+tr("", `<w:customXml w:element="y">`+tc("Hamburg")+`</w:customXml>`, sdt(tc("2,00")))+`</w:customXml>`+
		tr("", `<w:tc>`+sdt(`<w:p>`+r("Berlin")+`</w:p>`)+`</w:tc>`, `<w:tc><mc:AlternateContent `+mc+`><mc:Choice Requires="w14"><w:p>`+r("9,99")+`</w:p></mc:Choice><mc:Fallback><w:p>`+r("3,00")+`</w:p></mc:Fallback></mc:AlternateContent></w:tc>`)+
		tr(`<w:trPr><w:del w:id="1" w:author="A"/></w:trPr>`, `<w:tc><w:p><w:del w:id="2" w:author="A"><w:r><w:delText>Sachsen</w:delText></w:r></w:del></w:p></w:tc>`, `<w:tc><w:p><w:del w:id="3" w:author="A"><w:r><w:delText>4,00</w:delText></w:r></w:del></w:p></w:tc>`)+
		tr(`<w:trPr><w:ins w:id="4" w:author="A"/></w:trPr>`, `<w:tc><w:p><w:ins w:id="5" w:author="A">`+r("Hessen")+`</w:ins></w:p></w:tc>`, `<w:tc><w:p><w:ins w:id="6" w:author="A">`+r("5,00")+`</w:ins></w:p></w:tc>`)+
		`</w:tbl>`)
	return []string{"word/document.xml", doc}
}

// TestWrappedTableParts: rows, cells and cell paragraphs that Word wraps
// in content controls, custom XML or alternate content are read; a row
// deleted with tracked changes is left out, an inserted one kept.
func TestWrappedTableParts(t *testing.T) {
	t.Parallel()
	d, err := readOpts(t, zipOf(t, wrappedTableParts()...), docxread.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Blocks) != 1 {
		t.Fatalf("%d Blöcke, erwartet eine Tabelle", len(d.Blocks))
	}
	tbl, ok := d.Blocks[0].(*model.Table)
	if !ok {
		t.Fatalf("%T, erwartet *model.Table", d.Blocks[0])
	}
	var got []string
	for _, row := range append(tbl.Header, tbl.Rows...) {
		var cells []string
		for _, c := range row.Cells {
			cells = append(cells, plainText(c.Inlines))
		}
		got = append(got, strings.Join(cells, "|"))
	}
	want := []string{"Land|Betrag", "Bremen|1,00", "Hamburg|2,00", "Berlin|3,00", "Hessen|5,00"}
	if !slices.Equal(got, want) {
		t.Errorf("Zeilen %q, erwartet %q", got, want)
	}
}

// wordNumberingParts are a document numbered by Word itself, with its
// styles and numbering definitions.
func wordNumberingParts() []string {
	const ns = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"`
	lvl := func(i int, fmt, text string) string {
		return `<w:lvl w:ilvl="` + strconv.Itoa(i) + `"><w:start w:val="1"/><w:numFmt w:val="` + fmt + `"/><w:lvlText w:val="` + text + `"/></w:lvl>`
	}
	numbering := `<w:numbering ` + ns + `>` +
		`<w:abstractNum w:abstractNumId="0">` + lvl(0, "decimal", "(%1)") + lvl(1, "lowerLetter", "%2)") + `</w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="1">` + lvl(0, "decimal", "§ %1") +
		`<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:pStyle w:val="berschrift2"/><w:lvlText w:val="%1.%2"/></w:lvl></w:abstractNum>` +
		`<w:abstractNum w:abstractNumId="2">` + lvl(0, "bullet", "\uf0b7") + lvl(1, "lowerRoman", "%1.%2") + `</w:abstractNum>` +
		`<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>` +
		`<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>` +
		`<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>` +
		`<w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>` +
		`</w:numbering>`
	styles := `<w:styles ` + ns + `><w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/>` +
		`<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>` +
		`<w:style w:type="paragraph" w:styleId="berschrift2"><w:name w:val="heading 2"/>` +
		`<w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>`
	p := func(pr, text string) string {
		return `<w:p><w:pPr>` + pr + `</w:pPr><w:r><w:t>` + text + `</w:t></w:r></w:p>`
	}
	num := func(id string, ilvl int) string {
		return `<w:numPr><w:ilvl w:val="` + strconv.Itoa(ilvl) + `"/><w:numId w:val="` + id + `"/></w:numPr>`
	}
	h1 := `<w:pStyle w:val="berschrift1"/>`
	doc := fmt.Sprintf(body,
		p(h1, "Gegenstand")+
			p(num("1", 0), "Erster Absatz")+
			p(num("1", 1), "Punkt")+
			p(num("1", 1), "Punkt zwei")+
			`<w:tbl><w:tr><w:tc>`+p(num("1", 0), "In der Tabelle")+`</w:tc></w:tr></w:tbl>`+
			p(num("1", 0), "Zweiter Absatz")+
			p(h1, "Kosten")+
			p(num("1", 1), "Neu gezählt")+
			p(`<w:pStyle w:val="berschrift2"/>`, "Einzelheiten")+
			p(num("3", 0), "Ab fünf")+
			p(num("4", 0), "Aufzählung")+
			p(num("4", 1), "Römisch")+
			p(h1+num("0", 0), "Anlagen"))
	return []string{"word/document.xml", doc, "word/styles.xml", styles, "word/numbering.xml", numbering}
}

// TestWordNumbering: paragraphs and headings that Word numbers itself
// (w:numPr, directly or through the style) get their label back from
// word/numbering.xml: "(1)" as the paragraph number, "a)" as a list label,
// "§ 1" before the heading's title, in a table cell before the text (and
// counted like Word counts it); a style that names the list but not the
// level finds its level through w:pStyle ("2.1" for Überschrift 2);
// deeper levels restart, a start
// override counts from its value, a bullet level gives "•", and numId 0
// switches the style's numbering off.
func TestWordNumbering(t *testing.T) {
	t.Parallel()
	b := zipOf(t, wordNumberingParts()...)
	got := readDump(t, b)
	want := `document kind="" lang="" date=0001-01-01 landscape=false
  title=""
  short=""
  subject=""
  author=""
  keywords=""
  section id="gegenstand" level=1 number="§ 1" title="Gegenstand"
    paragraph style=body number="(1)"
      text "Erster Absatz"
    list
      item label="a)"
        paragraph style=body number=""
          text "Punkt"
      item label="b)"
        paragraph style=body number=""
          text "Punkt zwei"
    table id="" widths=[] aligns=[left] boxed=false caption=""
      row "(2) In der Tabelle"
    paragraph style=body number="(3)"
      text "Zweiter Absatz"
  section id="kosten" level=1 number="§ 2" title="Kosten"
    list
      item label="a)"
        paragraph style=body number=""
          text "Neu gezählt"
    section id="2-1-einzelheiten" level=2 number="" title="2.1 Einzelheiten"
      paragraph style=body number="(5)"
        text "Ab fünf"
      list
        item label="•"
          paragraph style=body number=""
            text "Aufzählung"
          list
            item label="1.i"
              paragraph style=body number=""
                text "Römisch"
  section id="anlagen" level=1 number="" title="Anlagen"
`
	if got != want {
		t.Errorf("gelesen:\n%s\nerwartet:\n%s", got, want)
	}
}

// symParts is a paragraph with characters inserted as w:sym.
func symParts() []string {
	doc := fmt.Sprintf(body, `<w:p><w:r><w:t xml:space="preserve">nach </w:t><w:sym w:font="Times New Roman" w:char="00A7"/><w:t xml:space="preserve"> 7 </w:t><w:sym w:font="Wingdings" w:char="F0FC"/><w:sym w:font="X" w:char="zz"/></w:r></w:p>`)
	return []string{"word/document.xml", doc}
}

// TestSym: a character Word inserts as w:sym reads as its Unicode
// character; a symbol-font glyph (private use area) as U+FFFD.
func TestSym(t *testing.T) {
	t.Parallel()
	d, err := readOpts(t, zipOf(t, symParts()...), docxread.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, ok := d.Blocks[0].(*model.Paragraph)
	if !ok {
		t.Fatalf("%T, erwartet *model.Paragraph", d.Blocks[0])
	}
	if got, want := plainText(p.Inlines), "nach § 7 \uFFFD"; got != want {
		t.Errorf("%q, erwartet %q", got, want)
	}
}

// readDump reads a DOCX with the default limits and returns the model
// dump.
func readDump(t *testing.T, b []byte) string {
	t.Helper()
	d, err := readOpts(t, b, docxread.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got strings.Builder
	if err := model.Dump(&got, d); err != nil {
		t.Fatal(err)
	}
	return got.String()
}

// plainText joins the text of inlines.
func plainText(ins []model.Inline) string {
	var b strings.Builder
	for _, in := range ins {
		if t, ok := in.(model.Text); ok {
			b.WriteString(t.Text)
		}
	}
	return b.String()
}

// TestDTDScanReadsOnlyDeclarations: the scan of every part refuses a
// real declaration only; the words in a comment, a processing instruction
// or CDATA, binary parts and a UTF-16 part without one are accepted.
func TestDTDScanReadsOnlyDeclarations(t *testing.T) {
	t.Parallel()
	utf16 := func(s string) string {
		b := []byte{0xff, 0xfe}
		for _, r := range s {
			b = append(b, byte(r), 0)
		}
		return string(b)
	}
	ok := zipOf(t,
		"word/document.xml", fmt.Sprintf(body, `<w:p><w:r><w:t><![CDATA[<!DOCTYPE x>]]></w:t></w:r></w:p>`),
		"word/footer1.xml", `<?xml version="1.0"?><!-- <!DOCTYPE x> ---><?pi <!ENTITY y "z"> ?><w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`,
		"word/media/image1.png", "\x89PNG\r\n\x1a\n<!DOCTYPE",
		"customXml/item1.xml", utf16(`<?xml version="1.0" encoding="UTF-16"?><x/>`),
		"docProps/custom.xml", "",
	)
	if _, err := readOpts(t, ok, docxread.Options{}); err != nil {
		t.Fatalf("abgelehnt: %v", err)
	}
	bad := zipOf(t, "word/document.xml", fmt.Sprintf(body, ""), "customXml/item1.xml", utf16(`<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY y "z">]><x/>`))
	if _, err := readOpts(t, bad, docxread.Options{}); !errors.Is(err, docxread.ErrDTD) || !strings.Contains(err.Error(), "customXml/item1.xml enthält <!DOCTYPE x") {
		t.Errorf("UTF-16 mit DTD: %v", err)
	}
}
