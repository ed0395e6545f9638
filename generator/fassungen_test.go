package generator_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/markdown"
)

// fassungPair is a fixture (ALT) and the edits that make NEU of it.
type fassungPair struct {
	name    string
	fixture string
	edits   []string // old, new, old, new, …: each old must occur exactly once
}

// fassungPairs are the pairs the Synopse and the Lesefassung are
// golden-tested on: an amount and a free text of a ring agreement; an
// amount, a term of notice and a body's name of a star; a Land that
// joins, one that leaves and new key weights of the ring.
var fassungPairs = []fassungPair{
	{"wohngeld-ring-betrag-text", "wohngeld-ring.yaml", []string{
		`stand: 2026-11-28`, `stand: 2027-03-01`,
		`version: "1.0"`, `version: "1.1"`,
		`betrag: "480000.00"`, `betrag: "495000.00"`,
		`von 8 bis 17 Uhr`, `von 7 bis 18 Uhr`,
	}},
	{"wohngeld-ring-parteien-schluessel", "wohngeld-ring.yaml", []string{
		`stand: 2026-11-28`, `stand: 2027-05-01`,
		`version: "1.0"`, `version: "2.0"`,
		"  - land: HB\n", "  - land: BW\n    rolle: nachnutzend\n    vertreten_durch: \"das Ministerium für Landesentwicklung und Wohnen\"\n  - land: HB\n",
		"  - land: SL\n    rolle: nachnutzend\n    vertreten_durch: \"das Ministerium für Inneres, Bauen und Sport\"\n", "",
		"        SL: 12010\n", "        BW: 80500\n",
		`{gewicht: 50, art: koenigstein, jahr: 2016}`, `{gewicht: 40, art: koenigstein, jahr: 2016}`,
		`{gewicht: 25, art: paritaet}`, `{gewicht: 30, art: paritaet}`,
		"    - gewicht: 25\n      art: nutzung", "    - gewicht: 30\n      art: nutzung",
	}},
	{"bafoeg-stern-frist-gremium", "bafoeg-stern.yaml", []string{
		`stand: 2026-11-28`, `stand: 2027-02-15`,
		`version: "2.1"`, `version: "2.2"`,
		`kuendigungsfrist_monate: 6`, `kuendigungsfrist_monate: 9`,
		`steuerungsgremium: "Lenkungskreis BAföG Digital"`, `steuerungsgremium: "Lenkungsausschuss BAföG Digital"`,
		`betrag: "12345.67"`, `betrag: "13579.11"`,
	}},
}

// loadFassungPair returns ALT and NEU of a pair.
func loadFassungPair(t *testing.T, gen *generator.Generator, p fassungPair) (alt, neu *generator.Project) {
	t.Helper()
	path := filepath.Join(fixturesDir, p.fixture)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	alt, err = gen.ParseProject("fixtures/"+p.fixture, src)
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	for i := 0; i+1 < len(p.edits); i += 2 {
		if n := strings.Count(s, p.edits[i]); n != 1 {
			t.Fatalf("%s: %q occurs %d times, want once", p.fixture, p.edits[i], n)
		}
		s = strings.Replace(s, p.edits[i], p.edits[i+1], 1)
	}
	neu, err = gen.ParseProject("fixtures/"+p.name+".yaml", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return alt, neu
}

func fassungen(t *testing.T, gen *generator.Generator, p fassungPair) []generator.Fassung {
	t.Helper()
	alt, neu := loadFassungPair(t, gen, p)
	fs, err := gen.AmendmentFassungen(context.Background(), alt, neu, generator.FassungOptions{
		Amendment: generator.AmendmentRef{Nr: 1, Date: time.Date(2027, 4, 20, 0, 0, 0, 0, time.UTC)},
	})
	if err != nil {
		t.Fatal(err)
	}
	return fs
}

// TestFassungGoldens compares the Synopse and the Lesefassung of every
// pair with their goldens: the model dump and the Markdown twin (which
// shows the struck and the bold words of the Synopse).
func TestFassungGoldens(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	for _, p := range fassungPairs {
		t.Run(p.name, func(t *testing.T) {
			t.Parallel()
			fs := fassungen(t, gen, p)
			var files []string
			for _, f := range fs {
				files = append(files, f.File)
				var dump, md bytes.Buffer
				if err := model.Dump(&dump, f.Doc); err != nil {
					t.Fatal(err)
				}
				if err := markdown.Render(&md, f.Doc); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, filepath.Join("testdata", "fassungen", p.name+"."+f.File+".dump"), dump.Bytes())
				checkGolden(t, filepath.Join("testdata", "fassungen", p.name+"."+f.File+".md"), md.Bytes())
			}
			t.Logf("%s: %s", p.name, strings.Join(files, ", "))
		})
	}
}

// writeFassung renders a companion in format into dir and returns the
// path.
func writeFassung(t *testing.T, gen *generator.Generator, dir string, d *model.Document, file, format string) string {
	t.Helper()
	b, err := gen.RenderModel(d, format)
	if err != nil {
		t.Fatalf("%s.%s: %v", file, format, err)
	}
	path := filepath.Join(dir, file+"."+format)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestFassungenOpen renders the Synopse and the Lesefassung of the ring
// pair in every format: the DOCX opens in LibreOffice with its text and
// the struck words, the PDF passes qpdf --check and shows old and new
// amounts, the HTML renders.
func TestFassungenOpen(t *testing.T) {
	t.Parallel()
	testtool.Require(t, "soffice")
	gen := newGenerator(t)
	dir := t.TempDir()
	var docxs []string
	want := map[string][]string{
		"synopse":     {"Bisherige Fassung", "Neue Fassung", "480.000,00", "495.000,00", "von 8 bis 17 Uhr", "von 7 bis 18 Uhr", "unverändert"},
		"lesefassung": {"Lesefassung unter Berücksichtigung der Ersten Änderungsvereinbarung vom 20. April 2027", "jährlich 495.000,00"},
	}
	for _, f := range fassungen(t, gen, fassungPairs[0]) {
		docxs = append(docxs, writeFassung(t, gen, dir, f.Doc, f.File, "docx"))
		pdf := writeFassung(t, gen, dir, f.Doc, f.File, "pdf")
		testtool.Run(t, "qpdf", "--check", pdf)
		text := strings.Join(strings.Fields(testtool.Run(t, "pdftotext", "-enc", "UTF-8", pdf, "-")), " ")
		for _, w := range want[f.File] {
			if !strings.Contains(text, w) {
				t.Errorf("%s.pdf lacks %q", f.File, w)
			}
		}
		writeFassung(t, gen, dir, f.Doc, f.File, "html")
	}
	if xml := string(testtool.ZipFileEntry(t, docxs[0], "word/document.xml")); !strings.Contains(xml, "<w:strike/>") || !strings.Contains(xml, `w:orient="landscape"`) {
		t.Error("Synopse DOCX lacks struck text or landscape page")
	}
	for i, txt := range testtool.LibreOfficeAll(t, docxs, "txt:Text") {
		b, err := os.ReadFile(txt)
		if err != nil {
			t.Fatal(err)
		}
		text := strings.Join(strings.Fields(string(b)), " ")
		name := strings.TrimSuffix(filepath.Base(docxs[i]), ".docx")
		for _, w := range want[name] {
			if !strings.Contains(text, w) {
				t.Errorf("%s.docx via LibreOffice lacks %q", name, w)
			}
		}
	}
}

// TestLesefassungChecksAsAgreement: check reads a Lesefassung (from its
// PDF, as a file given to "vereinbar check") as a Verwaltungsvereinbarung
// and finds what it finds in the agreement itself, nothing more.
func TestLesefassungChecksAsAgreement(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	dir := t.TempDir()
	for _, p := range fassungPairs {
		_, neu := loadFassungPair(t, gen, p)
		res, err := gen.Costs(neu)
		if err != nil {
			t.Fatal(err)
		}
		agreements := map[string]generator.Doc{}
		for _, d := range gen.Docs(neu) {
			agreements[d.File] = d
		}
		for _, f := range fassungen(t, gen, p) {
			if !strings.HasPrefix(f.File, generator.LesefassungStem) {
				continue
			}
			orig := strings.Replace(f.File, generator.LesefassungStem, "vereinbarung", 1)
			d, err := gen.Document(context.Background(), neu, res, agreements[orig])
			if err != nil {
				t.Fatal(err)
			}
			got := gen.Check(context.Background(), writeFassung(t, gen, dir, f.Doc, p.name+"-"+f.File, "pdf"), generator.CheckOptions{})
			want := gen.Check(context.Background(), writeFassung(t, gen, dir, d, p.name+"-"+orig, "pdf"), generator.CheckOptions{})
			if got.Err != nil || want.Err != nil {
				t.Fatalf("%s: %v / %v", f.File, got.Err, want.Err)
			}
			if !strings.Contains(strings.Join(got.Checked, " "), "vereinbarung") && !strings.Contains(strings.Join(got.Checked, " "), "Vereinbarung") {
				t.Errorf("%s checked as %v", f.File, got.Checked)
			}
			if g, w := findingKeys(got.Findings), findingKeys(want.Findings); g != w {
				t.Errorf("%s: findings\n%s\nin the agreement\n%s", f.File, g, w)
			}
		}
	}
}

func findingKeys(fs []check.Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code+": "+f.Message)
	}
	return strings.Join(out, "\n")
}

// TestLesefassungNote: the note names every amendment taken into
// account, in words up to the twelfth and in figures after, with its
// date or as not yet signed; a Lesefassung needs an agreement and at
// least one amendment.
func TestLesefassungNote(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	p, err := gen.LoadProject(filepath.Join(fixturesDir, "wohngeld-ring.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var agreement, other generator.Doc
	for _, d := range gen.Docs(p) {
		switch d.Name {
		case "vereinbarung":
			agreement = d
		case "beschreibung":
			other = d
		}
	}
	date := time.Date(2027, 4, 20, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		amendments []generator.AmendmentRef
		want       string
	}{
		{[]generator.AmendmentRef{{Nr: 1, Date: date}, {Nr: 2}},
			"Lesefassung unter Berücksichtigung der Ersten Änderungsvereinbarung vom 20. April 2027 und der Zweiten Änderungsvereinbarung (noch nicht unterzeichnet). Die Lesefassung dient dem Überblick und wird nicht unterzeichnet. Verbindlich ist allein der Wortlaut der Verwaltungsvereinbarung vom 28. November 2026 und der Änderungsvereinbarungen."},
		{[]generator.AmendmentRef{{Nr: 11, Date: date}, {Nr: 12, Date: date}, {Nr: 13, Date: date}, {Nr: 21, Date: date}},
			"der Elften Änderungsvereinbarung vom 20. April 2027, der Zwölften Änderungsvereinbarung vom 20. April 2027, der Dreizehnten Änderungsvereinbarung vom 20. April 2027 und der 21. Änderungsvereinbarung vom 20. April 2027."},
	} {
		d, err := gen.Lesefassung(context.Background(), p, agreement, generator.LesefassungOptions{Amendments: tt.amendments})
		if err != nil {
			t.Fatal(err)
		}
		var md bytes.Buffer
		if err := markdown.Render(&md, d); err != nil {
			t.Fatal(err)
		}
		// the markup joins day, month and year with no-break spaces
		if text := strings.ReplaceAll(md.String(), "\u00a0", " "); !strings.Contains(text, tt.want) {
			t.Errorf("Lesefassung lacks\n%s\n%s", tt.want, text[:1500])
		}
		if d.Meta.Kind != "vereinbarung" || !strings.HasPrefix(d.Meta.ShortTitle, "Lesefassung: ") || !strings.HasPrefix(d.Meta.Title, "Verwaltungsvereinbarung (Lesefassung): ") {
			t.Errorf("meta %q, %q, %q", d.Meta.Kind, d.Meta.Title, d.Meta.ShortTitle)
		}
	}
	if _, err := gen.Lesefassung(context.Background(), p, agreement, generator.LesefassungOptions{}); err == nil {
		t.Error("no error without an amendment")
	}
	if _, err := gen.Lesefassung(context.Background(), p, other, generator.LesefassungOptions{Amendments: []generator.AmendmentRef{{Nr: 1}}}); err == nil {
		t.Error("no error for a Projektbeschreibung")
	}
}

// TestFassungenNeedACommonAgreement: a ring that became a star has no
// agreement to compare.
func TestFassungenNeedACommonAgreement(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	alt, err := gen.LoadProject(filepath.Join(fixturesDir, "wohngeld-ring.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	neu, err := gen.LoadProject(filepath.Join(fixturesDir, "bafoeg-stern.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gen.AmendmentFassungen(context.Background(), alt, neu, generator.FassungOptions{}); !errors.Is(err, generator.ErrNoCommonAgreement) {
		t.Errorf("err = %v, want ErrNoCommonAgreement", err)
	}
}

// TestAgreementDate: the agreement amended is cited by the day of its
// last signature once every party has signed, by its Stand before.
func TestAgreementDate(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	path := filepath.Join(fixturesDir, "eheschliessung-ring.yaml")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	partly, err := gen.ParseProject(path, src)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := generator.AgreementDate(partly, ""), time.Date(2026, 10, 1, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("one signature missing: %v, want the Stand %v", got, want)
	}
	s := string(src)
	for land, day := range map[string]string{"NI": "2026-09-29", "HH": "2026-09-30", "SH": "2026-09-29"} {
		line := "  - land: " + land + "\n    rolle: nachnutzend\n"
		if strings.Count(s, line) != 1 {
			t.Fatalf("%q not once in the fixture", line)
		}
		s = strings.Replace(s, line, line+"    unterschrift: {datum: "+day+", ort: Kiel, name: \"N. N.\", amtsbezeichnung: Staatssekretär}\n", 1)
	}
	signed, err := gen.ParseProject(path, []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := generator.AgreementDate(signed, ""), time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("all signed: %v, want the last signature %v", got, want)
	}
}

// TestLesefassungHasNoSignatureLines (audit: the Lesefassung kept the
// blank lines "Ort, Datum: ____" although its note says it is not
// signed): a Lesefassung has nothing to sign on. Where signatures are
// recorded it shows them as given ("gez."), a party that has not signed
// as such; where none is, one line stands for them. It still checks as
// the agreement does.
func TestLesefassungHasNoSignatureLines(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	src := filepath.Join(fixturesDir, "aenderung", "betrag", "alt.yaml")
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	const hb = `    unterschrift: {datum: 2026-12-04, ort: Bremen, name: "Unterzeichnende HB", amtsbezeichnung: Staatssekretärin}` + "\n"
	if !bytes.Contains(b, []byte(hb)) {
		t.Fatal("fixture changed: no signature of HB")
	}
	mixed := filepath.Join(t.TempDir(), "alt.yaml")
	if err := os.WriteFile(mixed, bytes.Replace(b, []byte(hb), nil, 1), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name, path string
		want, not  []string
	}{
		{"signed", src,
			[]string{"**Für das Land Schleswig-Holstein**  \nDas Ministerium für Inneres, Kommunales, Wohnen und Sport  \nKiel, 1. Dezember 2026  \ngez. Unterzeichnende SH  \nStaatssekretärin\n"},
			[]string{"____", "Ort, Datum", generator.NoSignatures, "(nicht unterzeichnet)"}},
		{"one has not signed", mixed,
			[]string{"gez. Unterzeichnende SH", "**Für die Freie Hansestadt Bremen**  \nDie Senatorin für Bau, Mobilität und Stadtentwicklung  \n(nicht unterzeichnet)\n"},
			[]string{"____", "Ort, Datum", generator.NoSignatures}},
		{"none signed", filepath.Join(fixturesDir, "wohngeld-ring.yaml"),
			[]string{"## Unterschriften\n\n" + generator.NoSignatures + "\n"},
			[]string{"____", "Ort, Datum", "**Für das Land"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, err := gen.LoadProject(tt.path)
			if err != nil {
				t.Fatal(err)
			}
			var d generator.Doc
			for _, k := range gen.Docs(p) {
				if k.Name == "vereinbarung" {
					d = k
				}
			}
			lese, err := gen.Lesefassung(context.Background(), p, d, generator.LesefassungOptions{Amendments: []generator.AmendmentRef{{Nr: 1}}})
			if err != nil {
				t.Fatal(err)
			}
			md, err := gen.RenderModel(lese, "md")
			if err != nil {
				t.Fatal(err)
			}
			s := strings.ReplaceAll(string(md), "\u00a0", " ")
			for _, w := range tt.want {
				if !strings.Contains(s, w) {
					t.Errorf("Lesefassung ohne %q", w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(s, w) {
					t.Errorf("Lesefassung mit %q", w)
				}
			}
			if !check.IsLesefassung(lese) {
				t.Error("not recognised as a Lesefassung")
			}
			got := gen.Check(context.Background(), writeFassung(t, gen, t.TempDir(), lese, "lese", "docx"), generator.CheckOptions{})
			if got.Err != nil {
				t.Fatal(got.Err)
			}
			for _, f := range got.Findings {
				if f.Code == "PARTEIEN-003" {
					t.Errorf("check of the Lesefassung: %s", f.Message)
				}
			}
		})
	}
}

// fassungText is a companion rendered as Markdown, no-break spaces as
// spaces.
func fassungText(t *testing.T, f generator.Fassung) string {
	t.Helper()
	var md bytes.Buffer
	if err := markdown.Render(&md, f.Doc); err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(md.String(), "\u00a0", " ")
}

// TestSynopseShowsEingangAndAusfertigungenNotAmended (reviewer's finding
// 1): the amendment does not amend the Eingang nor the Ausfertigungen
// sentence, so the Synopse shows neither as changed — no party struck or
// bold in the Eingang, no "zwölf → elf" — and its Eingang row cites the
// articles of the amendment that state accession and exit, with the
// numbers the amendment itself gives them; the Lesefassung keeps the
// original's number of Ausfertigungen and names who joined and left.
func TestSynopseShowsEingangAndAusfertigungenNotAmended(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	alt, neu := loadPair(t, gen, "kombination")
	ams, err := gen.Aenderung(context.Background(), alt, neu, generator.AenderungOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var am bytes.Buffer
	if err := markdown.Render(&am, ams[0].Doc); err != nil {
		t.Fatal(err)
	}
	artikel := func(title string) string {
		m := regexp.MustCompile(`## (Artikel \d+) ` + title).FindStringSubmatch(strings.ReplaceAll(am.String(), "\u00a0", " "))
		if m == nil {
			t.Fatalf("amendment has no article %q", title)
		}
		return m[1]
	}
	fs, err := gen.AmendmentFassungen(context.Background(), alt, neu, generator.FassungOptions{})
	if err != nil {
		t.Fatal(err)
	}
	syn, lese := fassungText(t, fs[0]), fassungText(t, fs[1])
	wantRow := "| Überschrift und Eingang | Überschrift und Eingang (*unverändert; Beitritt des Landes Hessen: " + artikel("Beitritt") + "; Ausscheiden des Saarlandes: " + artikel("Ausscheiden") + " der Ersten Änderungsvereinbarung*) |"
	if !strings.Contains(syn, wantRow) {
		t.Errorf("Synopse lacks the Eingang row %q", wantRow)
	}
	for _, bad := range []string{"~~dem Saarland,~~", "**dem Land Hessen,**", "~~zwölf~~", "**dreizehn**", "**elf**"} {
		if strings.Contains(syn, bad) {
			t.Errorf("Synopse shows %q, a change the amendment does not make", bad)
		}
	}
	if !strings.Contains(syn, "| § 20 Ausfertigungen und Inkrafttreten | § 20 Ausfertigungen und Inkrafttreten (*unverändert*) |") {
		t.Error("Synopse: § 20 not unchanged")
	}
	if !strings.Contains(lese, "Diese Vereinbarung wird in zwölf gleichlautenden Ausfertigungen unterzeichnet") {
		t.Error("Lesefassung: not the original's number of Ausfertigungen")
	}
	for _, want := range []string{"Das Land Hessen ist der Vereinbarung mit der Ersten Änderungsvereinbarung beigetreten.", "Das Saarland ist mit der Ersten Änderungsvereinbarung ausgeschieden."} {
		if !strings.Contains(lese, want) {
			t.Errorf("Lesefassung lacks %q", want)
		}
	}
	// a Land leaves, none joins: NEU counts eleven Ausfertigungen
	alt, neu = loadPair(t, gen, "austritt")
	fs, err = gen.AmendmentFassungen(context.Background(), alt, neu, generator.FassungOptions{})
	if err != nil {
		t.Fatal(err)
	}
	syn, lese = fassungText(t, fs[0]), fassungText(t, fs[1])
	if strings.Contains(syn, "~~zwölf~~") || strings.Contains(syn, "**elf**") {
		t.Error("austritt: Synopse changes the number of Ausfertigungen")
	}
	if !strings.Contains(lese, "Diese Vereinbarung wird in zwölf gleichlautenden Ausfertigungen unterzeichnet") || strings.Contains(lese, "in elf gleichlautenden") {
		t.Error("austritt: Lesefassung not with the original's number of Ausfertigungen")
	}
}

// TestSynopseHeadDatesByAgreementsNotStand (reviewer's finding 2): the
// head of the Synopse dates the old version by the agreement and the
// amendments before, the new one by this amendment — not by the Stand of
// the project files.
func TestSynopseHeadDatesByAgreementsNotStand(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	alt, neu := loadPair(t, gen, "schluessel")
	fs, err := gen.AmendmentFassungen(context.Background(), alt, neu, generator.FassungOptions{})
	if err != nil {
		t.Fatal(err)
	}
	syn := fassungText(t, fs[0])
	want := "links die Verwaltungsvereinbarung in der Fassung vom 15. Dezember 2026, zuletzt geändert durch die Erste Änderungsvereinbarung vom 30. Juni 2027 (bisherige Fassung) und rechts in der Fassung der Zweiten Änderungsvereinbarung (neue Fassung)."
	if !strings.Contains(syn, want) {
		t.Errorf("Synopse head lacks %q", want)
	}
	if strings.Contains(syn, "(Stand ") {
		t.Error("Synopse head dates a version by its Stand")
	}
}
