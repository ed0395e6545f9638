package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

// testRenderer is built once: building takes tens of milliseconds, and
// sharing it across parallel tests also exercises concurrent use.
var testRenderer = sync.OnceValues(NewRenderer)

func renderer(t testing.TB) *Renderer {
	t.Helper()
	r, err := testRenderer()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// renderBytes renders d in the automatic font mode, or with fpdf's UTF-8
// fonts if unicode is set.
func renderBytes(t testing.TB, d *model.Document, unicode bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := renderer(t).render(&buf, d, Options{}, unicode); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// writePDF renders d into a file in a fresh temporary directory.
func writePDF(t testing.TB, d *model.Document, unicode bool) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, renderBytes(t, d, unicode), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

var spaces = regexp.MustCompile(`[ \x{00a0}]+`)

// text returns the text of the pages from first to last (0: all) as
// pdftotext -layout sees it, runs of spaces collapsed to one: layout mode
// widens the gaps of justified lines.
func text(t testing.TB, path string, first, last int) string {
	t.Helper()
	args := []string{"-layout", "-enc", "UTF-8"}
	if first > 0 {
		args = append(args, "-f", strconv.Itoa(first), "-l", strconv.Itoa(last))
	}
	out := testtool.Run(t, "pdftotext", append(args, path, "-")...)
	return spaces.ReplaceAllString(out, " ")
}

func pageCount(t testing.TB, path string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindStringSubmatch(testtool.Run(t, "pdfinfo", path))
	if m == nil {
		t.Fatal("pdfinfo nennt keine Seitenzahl")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

var modes = []struct {
	name    string
	unicode bool
}{{"winansi", false}, {"unicode", true}}

func TestRenderSample(t *testing.T) {
	t.Parallel()
	for _, parties := range []int{2, 16, 40} {
		for _, mode := range modes {
			t.Run(strconv.Itoa(parties)+"/"+mode.name, func(t *testing.T) {
				t.Parallel()
				d := modeltest.Sample(parties)
				path := writePDF(t, d, mode.unicode)
				testtool.Run(t, "qpdf", "--check", path)
				checkFonts(t, path, mode.unicode)

				all := text(t, path, 0, 0)
				for _, s := range model.Sections(d) {
					if h := spaces.ReplaceAllString(s.Heading(), " "); !strings.Contains(all, h) {
						t.Errorf("Überschrift %q fehlt", h)
					}
				}
				for i := range parties {
					name := "dem Land Nummer " + strconv.Itoa(i+1)
					if i == 1 {
						name = "der Partei " + modeltest.Hostile
					}
					if line := name + ", vertreten durch das Ministerium für Inneres"; !strings.Contains(all, line) {
						t.Errorf("Zeile der Partei %q fehlt", line)
					}
				}
				total := regexp.MustCompile(`Summe 100,00000 % 480\.000,00 € 1\.440\.000,00 €`)
				if !total.MatchString(all) {
					t.Error("Summenzeile der Tabelle fehlt")
				}
				if !strings.Contains(all, modeltest.Hostile) {
					t.Errorf("%q fehlt", modeltest.Hostile)
				}
				n := pageCount(t, path)
				for _, p := range []int{1, n} {
					want := "Seite " + strconv.Itoa(p) + " von " + strconv.Itoa(n)
					if !strings.Contains(text(t, path, p, p), want) {
						t.Errorf("Seite %d: %q fehlt", p, want)
					}
				}
				checkTableHeaders(t, path, n, parties >= 40)
			})
		}
	}
}

// checkFonts asserts that pdffonts lists only embedded Liberation Sans.
func checkFonts(t *testing.T, path string, unicode bool) {
	t.Helper()
	out := testtool.Run(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts nennt keine Schrift:\n%s", out)
	}
	wantType := "TrueType WinAnsi"
	if unicode {
		wantType = "CID TrueType Identity-H"
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name, type (one or two words), encoding, emb, sub, uni, id, gen
		if len(f) < 7 || !strings.Contains(strings.ToLower(f[0]), "liberationsans") {
			t.Errorf("fremde Schrift: %s", l)
			continue
		}
		if !strings.Contains(strings.Join(f, " "), wantType) {
			t.Errorf("Schrift nicht vom Typ %q: %s", wantType, l)
		}
		if emb := f[len(f)-5]; emb != "yes" {
			t.Errorf("Schrift nicht eingebettet: %s", l)
		}
	}
}

// checkTableHeaders asserts that every page with rows of the
// distribution table shows its header row; spans says the table must
// reach over more than one page.
func checkTableHeaders(t *testing.T, path string, pages int, spans bool) {
	t.Helper()
	row := regexp.MustCompile(`Land \d+ 6,25000 %`)
	header := regexp.MustCompile(`Land Anteil 2027 Summe`)
	withRows := 0
	for p := 1; p <= pages; p++ {
		s := text(t, path, p, p)
		if !row.MatchString(s) {
			continue
		}
		withRows++
		if !header.MatchString(s) {
			t.Errorf("Seite %d zeigt Tabellenzeilen ohne Kopfzeile:\n%s", p, s)
		}
	}
	if withRows == 0 || (spans && withRows < 2) {
		t.Errorf("Tabelle auf %d Seiten, erwartet %s", withRows, map[bool]string{true: "mehr als einer", false: "mindestens einer"}[spans])
	}
}

func TestReproducible(t *testing.T) {
	t.Parallel()
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			t.Parallel()
			a := renderBytes(t, modeltest.Sample(16), mode.unicode)
			b := renderBytes(t, modeltest.Sample(16), mode.unicode)
			if !bytes.Equal(a, b) {
				t.Fatal("zwei Läufe ergeben verschiedene Bytes")
			}
			fresh, err := NewRenderer()
			if err != nil {
				t.Fatal(err)
			}
			var c bytes.Buffer
			if err := fresh.render(&c, modeltest.Sample(16), Options{}, mode.unicode); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a, c.Bytes()) {
				t.Fatal("ein neuer Renderer ergibt andere Bytes")
			}
			d := modeltest.Sample(16)
			d.Meta.Date = d.Meta.Date.AddDate(0, 0, 1)
			other := renderBytes(t, d, mode.unicode)
			if bytes.Equal(a, other) {
				t.Fatal("ein anderes Datum ergibt dieselben Bytes")
			}
			if !bytes.Contains(other, []byte("/CreationDate (D:20261129000000)")) {
				t.Error("CreationDate kommt nicht aus Meta.Date")
			}
		})
	}
}

// doc returns a document with the given blocks and valid metadata.
func doc(blocks ...model.Block) *model.Document {
	return &model.Document{
		Meta: model.Meta{
			Title: "Test", ShortTitle: "Test", Language: "de-DE",
			Date: time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC),
		},
		Blocks: blocks,
	}
}

func bodyPara(ins ...model.Inline) *model.Paragraph {
	return &model.Paragraph{Pos: model.Pos{File: "test.tmpl", Line: 7}, Style: model.StyleBody, Inlines: ins}
}

func txt(s string) model.Text { return model.Text{Text: s} }

func TestMissingGlyph(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		block model.Block
		want  []string
	}{
		{"emoji in paragraph", bodyPara(txt("Fertig \U0001F600")), []string{"U+1F600", "test.tmpl:7"}},
		{"CJK in bold run", bodyPara(model.Text{Text: "中", Bold: true}), []string{"U+4E2D", "test.tmpl:7"}},
		{"CJK in heading", &model.Section{Pos: model.Pos{File: "h.tmpl", Line: 3}, ID: "x", Level: 1, Title: "Titel 中"}, []string{"U+4E2D", "h.tmpl:3", `"x"`}},
		{"emoji in table cell", &model.Table{Pos: model.Pos{File: "t.tmpl", Line: 9}, Widths: []int{1, 1},
			Rows: []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{txt("a")}}, {Inlines: []model.Inline{txt("\U0001F600")}}}}}},
			[]string{"U+1F600", "t.tmpl:9", "Zeile 1, Spalte 2"}},
		{"CJK in signature", &model.Signatures{Pos: model.Pos{File: "s.tmpl", Line: 2}, Blocks: []model.Signature{{Party: "Für 中"}}}, []string{"U+4E2D", "s.tmpl:2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := renderer(t).Render(&bytes.Buffer{}, doc(tt.block), Options{})
			if !errors.Is(err, ErrMissingGlyph) {
				t.Fatalf("Fehler %v, erwartet ErrMissingGlyph", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("Fehler %q nennt %s nicht", err, w)
				}
			}
		})
	}
}

func TestNFCAndUnicodeFallback(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in, want string
		unicode        bool // the document needs fpdf's UTF-8 fonts
	}{
		{"NFD umlaut", "Mu\u0308nchen", "München", false},
		{"Polish", "Łódź und Kraków", "Łódź und Kraków", true},
		{"Greek", "Ωmega", "Ωmega", true},
		{"NFD in Windows-1252", "Z\u030cilina", "Žilina", false},
		{"NFD outside Windows-1252", "C\u030cesky\u0301", "Český", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			path := writePDF(t, doc(bodyPara(txt(tt.in))), false)
			if got := text(t, path, 0, 0); !strings.Contains(got, tt.want) {
				t.Errorf("pdftotext zeigt %q, erwartet %q", got, tt.want)
			}
			checkFonts(t, path, tt.unicode)
		})
	}
}

func TestCatalog(t *testing.T) {
	t.Parallel()
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			t.Parallel()
			path := writePDF(t, modeltest.Sample(2), mode.unicode)
			raw, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(raw, []byte("/Lang (de-DE)")) {
				t.Error("/Lang (de-DE) fehlt im Katalog")
			}
			trailer := testtool.Run(t, "qpdf", "--show-object=trailer", path)
			if !regexp.MustCompile(`/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]`).MatchString(trailer) {
				t.Errorf("Trailer ohne /ID: %s", trailer)
			}
			// The identifier is derived from the file without it.
			entry := regexp.MustCompile(`\n/ID \[<([0-9a-f]{32})> <([0-9a-f]{32})>\]\n>>\nstartxref\n`).FindSubmatchIndex(raw)
			if entry == nil {
				t.Fatal("/ID nicht am Ende des Trailers")
			}
			sum := sha256.Sum256(slices.Concat(raw[:entry[0]], raw[entry[1]-len("\n>>\nstartxref\n"):]))
			for _, half := range [][]byte{raw[entry[2]:entry[3]], raw[entry[4]:entry[5]]} {
				if string(half) != hex.EncodeToString(sum[:16]) {
					t.Errorf("/ID %s, erwartet %x", half, sum[:16])
				}
			}
			js := testtool.Run(t, "qpdf", "--json", "--json-key=outlines", path)
			for _, s := range model.Sections(modeltest.Sample(2)) {
				if !strings.Contains(js, `"title": "`+s.Heading()+`"`) {
					t.Errorf("Lesezeichen %q fehlt", s.Heading())
				}
			}
			// The level-2 section is a child of its level-1 section.
			if !regexp.MustCompile(`(?s)"kids": \[\s*\{.*"title": "Abrufendes Land".*"title": "Anlage: Formular"`).MatchString(js) {
				t.Errorf("Gliederung nicht verschachtelt:\n%s", js)
			}
			info := testtool.Run(t, "pdfinfo", path)
			for _, want := range []string{"Creator:         vereinbar", "Author:          Land Schleswig-Holstein",
				"Title:           Verwaltungsvereinbarung über die Nachnutzung des Online-Dienstes „Wohngeld“ " + modeltest.Hostile,
				"Subject:         Wohngeld-Antrag online", "Keywords:        OZG-ID 10092, LeiKa 99107023000000",
				"CreationDate:    Sat Nov 28 00:00:00 2026"} {
				if !strings.Contains(info, want) {
					t.Errorf("pdfinfo zeigt %q nicht:\n%s", want, info)
				}
			}
		})
	}
}

func TestLandscape(t *testing.T) {
	t.Parallel()
	d := modeltest.Sample(2)
	d.Meta.Landscape = true
	path := writePDF(t, d, false)
	if info := testtool.Run(t, "pdfinfo", path); !strings.Contains(info, "841.89 x 595.28 pts") {
		t.Errorf("Seitengröße nicht A4 quer:\n%s", info)
	}
}

func TestModelErrors(t *testing.T) {
	t.Parallel()
	cells := func(n int) []model.Cell { return make([]model.Cell, n) }
	tests := []struct {
		name string
		d    *model.Document
		want error
	}{
		{"nil document", nil, ErrNilDocument},
		{"nil block", doc(nil), model.ErrUnknownNode},
		{"nil paragraph", doc((*model.Paragraph)(nil)), model.ErrUnknownNode},
		{"nil inline", doc(bodyPara(nil)), model.ErrUnknownNode},
		{"no date", &model.Document{}, ErrNoDate},
		{"bad language", func() *model.Document { d := doc(); d.Meta.Language = "de_DE!"; return d }(), ErrInvalidModel},
		{"section level", doc(&model.Section{Level: 4, Title: "x"}), ErrInvalidModel},
		{"paragraph style", doc(&model.Paragraph{Style: "fancy"}), ErrInvalidModel},
		{"cell count", doc(&model.Table{Widths: []int{1, 1}, Rows: []model.Row{{Cells: cells(3)}}}), ErrInvalidModel},
		{"no columns", doc(&model.Table{}), ErrInvalidModel},
		{"bad shade", doc(&model.Table{Widths: []int{1}, Rows: []model.Row{{Cells: []model.Cell{{Shade: "grau"}}}}}), ErrInvalidModel},
		{"table in list", doc(&model.List{Items: []model.ListItem{{Label: "1.", Blocks: []model.Block{&model.Table{}}}}}), ErrInvalidModel},
		{"control character", doc(bodyPara(txt("a\x00b"))), ErrInvalidChar},
		{"invalid UTF-8", doc(bodyPara(txt("a\xffb"))), ErrInvalidChar},
		{"row taller than a page", doc(&model.Table{Widths: []int{1, 30}, Rows: []model.Row{{Cells: []model.Cell{
			{Inlines: []model.Inline{txt(strings.Repeat("Wort ", 200))}}, {}}}}}), ErrInvalidModel},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := renderer(t).Render(&bytes.Buffer{}, tt.d, Options{})
			if !errors.Is(err, tt.want) {
				t.Fatalf("Fehler %v, erwartet %v", err, tt.want)
			}
		})
	}
}

// TestRowTooTallCarriesCells: the error of a row taller than a page
// carries the text of its cells, so the generator can name where in the
// project file the text came from.
func TestRowTooTallCarriesCells(t *testing.T) {
	t.Parallel()
	long := strings.TrimSpace(strings.Repeat("Wort ", 200))
	d := doc(&model.Table{ID: "t", Widths: []int{1, 30}, Rows: []model.Row{{Cells: []model.Cell{
		{Inlines: []model.Inline{txt(long)}}, {Inlines: []model.Inline{txt("kurz")}}}}}})
	err := renderer(t).Render(&bytes.Buffer{}, d, Options{})
	var rt *RowTooTallError
	if !errors.As(err, &rt) || !errors.Is(err, ErrInvalidModel) {
		t.Fatalf("Fehler %v, erwartet RowTooTallError", err)
	}
	if rt.Row != 1 || len(rt.Cells) != 2 || rt.Cells[0] != long || rt.Cells[1] != "kurz" {
		t.Errorf("Zeile %d, Zellen %q", rt.Row, rt.Cells)
	}
	if !strings.Contains(err.Error(), "passt auf keine Seite") || !strings.Contains(err.Error(), "Tabelle t") {
		t.Errorf("Meldung %q nennt Grund oder Tabelle nicht", err)
	}
}

func TestRenderFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "out", "vereinbarung.pdf")
	if err := renderer(t).RenderFile(path, modeltest.Sample(2), Options{}); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, renderBytes(t, modeltest.Sample(2), false)) {
		t.Error("RenderFile schreibt andere Bytes als Render")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("%d Einträge im Verzeichnis, erwartet nur die PDF-Datei", len(entries))
	}
	// A failed render leaves an existing file alone.
	if err := renderer(t).RenderFile(path, doc(bodyPara(txt("\U0001F600"))), Options{}); err == nil {
		t.Fatal("kein Fehler")
	}
	if again, _ := os.ReadFile(path); !bytes.Equal(again, got) {
		t.Error("ein fehlgeschlagener Lauf hat die Datei verändert")
	}
}

func TestConcurrentRenders(t *testing.T) {
	t.Parallel()
	want := renderBytes(t, modeltest.Sample(16), false)
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for range 8 {
		wg.Go(func() {
			var buf bytes.Buffer
			if err := renderer(t).Render(&buf, modeltest.Sample(16), Options{}); err != nil {
				errs <- err
				return
			}
			if !bytes.Equal(buf.Bytes(), want) {
				errs <- errors.New("gleichzeitiger Lauf ergibt andere Bytes")
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

func BenchmarkRender16(b *testing.B) {
	for _, mode := range modes {
		b.Run(mode.name, func(b *testing.B) {
			r := renderer(b)
			d := modeltest.Sample(16)
			var buf bytes.Buffer
			b.ReportAllocs()
			for b.Loop() {
				buf.Reset()
				if err := r.render(&buf, d, Options{}, mode.unicode); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(buf.Len()), "bytes/pdf")
		})
	}
}

func BenchmarkNewRenderer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewRenderer(); err != nil {
			b.Fatal(err)
		}
	}
}
