package pdf

import (
	"bytes"
	"compress/zlib"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

// fpdfBytes returns fpdf's output for d, its page contents compressed by
// fpdf if fpdfCompress is set.
func fpdfBytes(t testing.TB, d *model.Document, unicode, fpdfCompress bool) []byte {
	t.Helper()
	raw, err := renderer(t).fpdfOutput(d, unicode, paintOpts{fpdfCompress: fpdfCompress})
	if err != nil {
		t.Fatal(err)
	}
	return raw
}

// compressContents is finishFpdf without the model: the page contents
// compressed, nothing else changed.
func compressContents(pdf []byte) ([]byte, error) { return finishFpdf(pdf, nil, "") }

// TestCompressContentsLikeFpdf checks that compressing afterwards gives
// exactly the bytes fpdf writes with compression on.
func TestCompressContentsLikeFpdf(t *testing.T) {
	t.Parallel()
	docs := map[string]func() *model.Document{
		"2":     func() *model.Document { return modeltest.Sample(2) },
		"40":    func() *model.Document { return modeltest.Sample(40) },
		"folie": modeltest.Slide,
	}
	for name, d := range docs {
		for _, mode := range modes {
			t.Run(name+"/"+mode.name, func(t *testing.T) {
				t.Parallel()
				got, err := compressContents(fpdfBytes(t, d(), mode.unicode, false))
				if err != nil {
					t.Fatal(err)
				}
				if want := fpdfBytes(t, d(), mode.unicode, true); !bytes.Equal(got, want) {
					t.Errorf("nachträglich komprimiert (%d Bytes) ungleich fpdfs Ausgabe (%d Bytes)", len(got), len(want))
				}
			})
		}
	}
}

// TestCompressContents checks the pass on its own: every object is found
// at its new offset with the same text, each page content stream inflates
// to the uncompressed one, and qpdf finds nothing to complain about.
func TestCompressContents(t *testing.T) {
	t.Parallel()
	raw := fpdfBytes(t, modeltest.Sample(40), false, false)
	out, err := compressContents(raw)
	if err != nil {
		t.Fatal(err)
	}
	if len(out) >= len(raw) {
		t.Errorf("komprimiert %d Bytes, unkomprimiert %d", len(out), len(raw))
	}
	before := mustParse(t, raw)
	after := mustParse(t, out)
	if before.n != after.n {
		t.Fatalf("%d Objekte statt %d", after.n, before.n)
	}
	offAfter, err := after.offsets()
	if err != nil {
		t.Fatal(err)
	}
	streams, err := before.contentStreams()
	if err != nil {
		t.Fatal(err)
	}
	if len(streams) < 5 {
		t.Fatalf("nur %d Seiten", len(streams))
	}
	isContent := make(map[int]contentStream)
	for _, s := range streams {
		isContent[s.obj] = s
	}
	for i := 1; i < before.n; i++ {
		head := strconv.Itoa(i) + " 0 obj\n"
		at := out[offAfter[i]:after.xref]
		if !bytes.HasPrefix(at, []byte(head)) {
			t.Fatalf("Querverweis auf Objekt %d zeigt auf %.20q", i, at)
		}
		s, ok := isContent[i]
		if !ok {
			// Unchanged up to its end.
			_, a, err := before.object(i)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.HasPrefix(at, append(a, "endobj\n"...)) {
				t.Errorf("Objekt %d verändert", i)
			}
			continue
		}
		rest := at[len(head):]
		var length int
		prefix := flateDict
		if !bytes.HasPrefix(rest, []byte(prefix)) {
			t.Fatalf("Objekt %d beginnt mit %.40q", i, rest)
		}
		rest = rest[len(prefix):]
		j := bytes.Index(rest, []byte(plainAfter))
		if j < 0 {
			t.Fatalf("Objekt %d: kein Stream", i)
		}
		if length, err = strconv.Atoi(string(rest[:j])); err != nil {
			t.Fatalf("Objekt %d: Länge %q", i, rest[:j])
		}
		rest = rest[j+len(plainAfter):]
		if !bytes.HasPrefix(rest[length:], []byte(streamEnd)) {
			t.Fatalf("Objekt %d: Stream nicht %d Bytes lang", i, length)
		}
		zr, err := zlib.NewReader(bytes.NewReader(rest[:length]))
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(zr)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(data, raw[s.data:s.end]) {
			t.Errorf("Objekt %d entpackt nicht zum Inhalt der Seite", i)
		}
		if !bytes.Contains(data, []byte(" Tj")) {
			t.Errorf("Objekt %d: kein Text im Inhalt", i)
		}
	}
	// The rest of the file: the trailer is unchanged.
	if a, b := raw[before.entries+20*before.n:before.numStart], out[after.entries+20*after.n:after.numStart]; !bytes.Equal(a, b) {
		t.Errorf("Trailer verändert:\n%s\n%s", a, b)
	}

	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	testtool.Run(t, "qpdf", "--check", path)
}

// parsedSample is fpdf's uncompressed output of a small sample document,
// parsed, with its object offsets.
func parsedSample(t *testing.T) ([]byte, *fpdfFile, []int) {
	t.Helper()
	raw := fpdfBytes(t, modeltest.Sample(2), false, false)
	f := mustParse(t, raw)
	offs, err := f.offsets()
	if err != nil {
		t.Fatal(err)
	}
	return raw, f, offs
}

func mustParse(t *testing.T, b []byte) *fpdfFile {
	t.Helper()
	f, err := parseFpdf(b)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestCompressContentsErrors checks that input not shaped as fpdf writes
// it is an error, not a file.
func TestCompressContentsErrors(t *testing.T) {
	t.Parallel()
	raw, f, offs := parsedSample(t)
	streams, err := f.contentStreams()
	if err != nil {
		t.Fatal(err)
	}
	s := streams[0]
	length := strconv.Itoa(s.end - s.data)
	dict := plainDict + length + plainAfter
	if got := string(raw[s.dict : s.dict+len(dict)]); got != dict {
		t.Fatalf("Inhaltsstrom beginnt mit %q", got)
	}
	// edit returns raw with old, its first occurrence at or after at,
	// replaced by new of the same length, so no offset moves.
	edit := func(at int, old, new string) []byte {
		t.Helper()
		if len(old) != len(new) {
			t.Fatalf("%q und %q sind verschieden lang", old, new)
		}
		i := bytes.Index(raw[at:], []byte(old))
		if i < 0 {
			t.Fatalf("%q fehlt", old)
		}
		b := bytes.Clone(raw)
		copy(b[at+i:], new)
		return b
	}
	// A length of the same number of digits, one less or one more.
	shorter, _ := strconv.Atoi(length)
	shorter--
	longer := shorter + 2
	pages, _ := ref(mustObject(t, f, mustRef(t, f, "/Root")), "/Pages ")
	// fpdf writes each page right before its content stream.
	page := s.obj - 1
	if !bytes.Contains(mustObject(t, f, page), []byte("/Contents "+strconv.Itoa(s.obj)+" 0 R")) || len(strconv.Itoa(page)) != len(strconv.Itoa(s.obj)) {
		t.Fatalf("Objekt %d ist nicht die Seite von Objekt %d", page, s.obj)
	}
	s2 := streams[1]
	if len(strconv.Itoa(s2.obj)) != len(strconv.Itoa(s.obj)) {
		t.Fatalf("Objektnummern %d und %d verschieden lang", s.obj, s2.obj)
	}
	tests := []struct {
		name string
		pdf  []byte
		want string
	}{
		{"Länge zu kurz", edit(s.dict, dict, plainDict+strconv.Itoa(shorter)+plainAfter), "nicht " + strconv.Itoa(shorter) + " Bytes lang"},
		{"Länge zu lang", edit(s.dict, dict, plainDict+strconv.Itoa(longer)+plainAfter), "nicht " + strconv.Itoa(longer) + " Bytes lang"},
		{"kein /Length", edit(s.dict, "<</Length", "<</Lengte"), "Inhaltsstrom Objekt"},
		{"kein endstream", edit(s.end, "endstream", "endstreaM"), "Bytes lang"},
		{"Contents zeigt auf die Seite", edit(offs[page], "/Contents "+strconv.Itoa(s.obj)+" 0 R", "/Contents "+strconv.Itoa(page)+" 0 R"), "Inhaltsstrom Objekt"},
		{"Objekt fehlt", edit(f.entries+20*s.obj, " 00000 n ", " 00000 f "), "Eintrag für Objekt"},
		{"zwei Seiten, ein Inhalt", edit(offs[s2.obj-1], "/Contents "+strconv.Itoa(s2.obj)+" 0 R", "/Contents "+strconv.Itoa(s.obj)+" 0 R"), "/Contents von Objekt"},
		{"keine Seiten", edit(offs[pages], "/Kids [", "/Kidz ["), "/Kids"},
		{"kein startxref", edit(f.numStart-len("startxref\n"), "startxref", "startxreF"), "startxref"},
	}
	for _, tt := range tests {
		out, err := compressContents(tt.pdf)
		if err == nil {
			t.Errorf("%s: kein Fehler, %d Bytes", tt.name, len(out))
			continue
		}
		if out != nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "fpdf-Ausgabe") {
			t.Errorf("%s: %v, %d Bytes; erwartet Fehler mit %q", tt.name, err, len(out), tt.want)
		}
	}

	// Any truncation is an error, never a panic.
	for n := 0; n < len(raw); n += max(1, min(97, len(raw)-n-40)) {
		if out, err := compressContents(raw[:n]); err == nil {
			t.Fatalf("auf %d Bytes gekürzt: kein Fehler, %d Bytes", n, len(out))
		}
	}
}

func mustRef(t *testing.T, f *fpdfFile, key string) int {
	t.Helper()
	n, err := f.trailerRef(key)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func mustObject(t *testing.T, f *fpdfFile, n int) []byte {
	t.Helper()
	_, obj, err := f.object(n)
	if err != nil {
		t.Fatal(err)
	}
	return obj
}

// TestApplyErrors checks that edits apply refuses are errors.
func TestApplyErrors(t *testing.T) {
	t.Parallel()
	_, f, offs := parsedSample(t)
	o := offs[3]
	tests := []struct {
		name  string
		edits []edit
		want  string
	}{
		{"überlappend", []edit{{at: o + 20, n: 5, s: "x"}, {at: o + 10, n: 11}}, "überlappen"},
		{"über ein Objekt", []edit{{at: o - 2, n: 4, s: "x"}}, "Objekt 3 beginnt"},
		{"am Objektanfang", []edit{{at: o, s: "x"}}, "Objekt 3 beginnt"},
		{"in der Tabelle", []edit{{at: f.xref + 1, s: "x"}}, "überlappen"},
	}
	for _, tt := range tests {
		out, err := f.apply(tt.edits, nil, false)
		if err == nil || out != nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: %v, %d Bytes; erwartet Fehler mit %q", tt.name, err, len(out), tt.want)
		}
	}
	// Edits in any order give the same file.
	a := []edit{{at: o + 9, s: " "}, {at: offs[4] + 9, n: 1, s: "<<"}}
	b := []edit{a[1], a[0]}
	x, err := f.apply(a, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	y, err := f.apply(b, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x, y) {
		t.Error("die Reihenfolge der Änderungen ändert das Ergebnis")
	}
	g := mustParse(t, x)
	shifted, err := g.offsets()
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < f.n; i++ {
		want := offs[i]
		if offs[i] > o {
			want++
		}
		if offs[i] > offs[4] {
			want++
		}
		if shifted[i] != want {
			t.Errorf("Objekt %d bei %d statt %d", i, shifted[i], want)
		}
	}
	if g.xref != f.xref+2 {
		t.Errorf("Querverweistabelle bei %d statt %d", g.xref, f.xref+2)
	}
}

// TestOwnText checks that the painter's own text operator writes exactly
// what fpdf's Text writes.
func TestOwnText(t *testing.T) {
	t.Parallel()
	special := doc(
		bodyPara(txt(`Klammern (a), ) und ( mit \ Rückstrich \\ und \) „Zitat“ – § 3 €`)),
		bodyPara(model.Text{Text: `(kursiv\)`, Italic: true}),
	)
	docs := map[string]func() *model.Document{
		"2":         func() *model.Document { return modeltest.Sample(2) },
		"16":        func() *model.Document { return modeltest.Sample(16) },
		"folie":     modeltest.Slide,
		"sonderzei": func() *model.Document { return special },
	}
	wrapped, plain := false, false
	for name, d := range docs {
		own := fpdfBytes(t, d(), false, false)
		want, err := renderer(t).fpdfOutput(d(), false, paintOpts{fpdfText: true})
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(own, want) {
			t.Errorf("%s: eigener Textoperator schreibt andere Bytes als fpdfs Text", name)
		}
		wrapped = wrapped || bytes.Contains(own, []byte(" BT "))
		plain = plain || bytes.Contains(own, []byte("\nBT "))
		if name == "sonderzei" && !bytes.Contains(own, []byte(`Klammern \(a\), \) und \( mit \\ R`)) {
			t.Errorf("%s: Sonderzeichen nicht maskiert", name)
		}
	}
	if !wrapped || !plain {
		t.Errorf("Text in eigener Farbe %v, in Füllfarbe %v: beide Fälle gehören in den Test", wrapped, plain)
	}
}

// TestOwnTextColors checks the text colours the documents do not use yet:
// non-grey text, in and out of the fill colour.
func TestOwnTextColors(t *testing.T) {
	t.Parallel()
	r := renderer(t)
	var all [numStyles]bool
	for i := range all {
		all[i] = true
	}
	colors := []rgb{{0, 0, 0}, {0x12, 0x34, 0x56}, {10, 10, 10}, {10, 10, 20}, {10, 20, 10}, {20, 10, 10}, {0xff, 0xff, 0xff}, {0x59, 0x59, 0x59}}
	paint := func(own bool) []byte {
		pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "mm", SizeStr: "A4"})
		pdf.SetCompression(false)
		pdf.SetCatalogSort(true)
		pdf.SetCreationDate(time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC))
		pdf.SetModificationDate(time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC))
		winAnsiMode{}.register(pdf, &r.faces, all)
		p := painter{pdf: pdf, mode: winAnsiMode{}, ownText: own, k: pdf.GetConversionRatio()}
		pdf.AddPage()
		p.reset()
		_, p.h = pdf.GetPageSize()
		var ops []op
		for i, fill := range colors {
			ops = append(ops, op{kind: opRect, x: 10, y: float64(10 + 20*i), w: 50, h: 5, fill: fill})
			for j, c := range colors {
				ops = append(ops, op{kind: opText, x: 10.005 + float64(j), y: float64(11+20*i) + 0.333*float64(j), st: style(j % int(numStyles)), size: 11, color: c, s: "Farbe (" + strconv.Itoa(j) + ")"})
			}
		}
		p.ops(ops)
		var b bytes.Buffer
		if err := pdf.Output(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	own, want := paint(true), paint(false)
	if !bytes.Contains(want, []byte(" rg BT ")) || !bytes.Contains(want, []byte(" g BT ")) || !bytes.Contains(want, []byte("\nBT ")) {
		t.Fatal("nicht alle Fälle im Test")
	}
	if !bytes.Equal(own, want) {
		t.Error("eigener Textoperator schreibt andere Bytes als fpdfs Text")
	}
}
