package generator_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/aenderung"
	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/markdown"
)

// aenderungFaelle are the fixture pairs under fixtures/aenderung/.
func aenderungFaelle(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join(fixturesDir, "aenderung", "*", "alt.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range dirs {
		out = append(out, filepath.Base(filepath.Dir(d)))
	}
	if len(out) < 6 {
		t.Fatalf("nur %d Beispielpaare unter fixtures/aenderung", len(out))
	}
	return out
}

func loadPair(t *testing.T, gen *generator.Generator, fall string) (alt, neu *generator.Project) {
	t.Helper()
	dir := filepath.Join(fixturesDir, "aenderung", fall)
	alt, _ = loadFixture(t, gen, filepath.Join(dir, "alt.yaml"))
	neu, _ = loadFixture(t, gen, filepath.Join(dir, "neu.yaml"))
	return alt, neu
}

// TestAenderungGoldens drafts the amendment of every fixture pair, checks
// its round trip independently of the drafter (Apply on ALT's agreement,
// compared with NEU's) and compares the model dump and the Markdown twin
// with testdata/aenderung/<fall>.<datei>.{dump,md} (-update rewrites).
func TestAenderungGoldens(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	for _, fall := range aenderungFaelle(t) {
		t.Run(fall, func(t *testing.T) {
			t.Parallel()
			dir := filepath.Join(fixturesDir, "aenderung", fall)
			alt, neu := loadPair(t, gen, fall)
			ams, err := gen.Aenderung(context.Background(), alt, neu, generator.AenderungOptions{})
			if err != nil {
				t.Fatal(err)
			}
			_, altDocs := buildDocuments(t, gen, filepath.Join(dir, "alt.yaml"))
			_, neuDocs := buildDocuments(t, gen, filepath.Join(dir, "neu.yaml"))
			for _, a := range ams {
				agreement := strings.Replace(a.File, generator.AenderungKind, "vereinbarung", 1)
				oldU, err := aenderung.Units(altDocs[agreement])
				if err != nil {
					t.Fatal(err)
				}
				newU, err := aenderung.Units(neuDocs[agreement])
				if err != nil {
					t.Fatal(err)
				}
				got, err := aenderung.Apply(oldU, a.Instructions)
				if err != nil {
					t.Fatal(err)
				}
				if err := aenderung.Compare(got, newU); err != nil {
					t.Fatalf("Rundweg: %v", err)
				}
				var dump, md bytes.Buffer
				if err := model.Dump(&dump, a.Doc); err != nil {
					t.Fatal(err)
				}
				if err := markdown.Render(&md, a.Doc); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, filepath.Join("testdata", "aenderung", fall+"."+a.File+".dump"), dump.Bytes())
				checkGolden(t, filepath.Join("testdata", "aenderung", fall+"."+a.File+".md"), md.Bytes())
			}
			// the companions that aenderung writes beside it
			fs, err := gen.AmendmentFassungen(context.Background(), alt, neu, generator.FassungOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if len(fs) != 2*len(ams) {
				t.Fatalf("%d Synopsen und Lesefassungen zu %d Änderungsvereinbarungen", len(fs), len(ams))
			}
			for _, f := range fs {
				var dump, md bytes.Buffer
				if err := model.Dump(&dump, f.Doc); err != nil {
					t.Fatal(err)
				}
				if err := markdown.Render(&md, f.Doc); err != nil {
					t.Fatal(err)
				}
				checkGolden(t, filepath.Join("testdata", "aenderung", fall+"."+f.File+".dump"), dump.Bytes())
				checkGolden(t, filepath.Join("testdata", "aenderung", fall+"."+f.File+".md"), md.Bytes())
			}
		})
	}
}

// TestAenderungFilesOpen writes every fixture pair's amendment with its
// Synopse and Lesefassung as DOCX, PDF and Markdown, as one set:
// LibreOffice reads each DOCX with what identifies it, qpdf accepts each
// PDF.
func TestAenderungFilesOpen(t *testing.T) {
	gen := newGenerator(t)
	var docxs, pdfs []string
	for _, fall := range aenderungFaelle(t) {
		alt, neu := loadPair(t, gen, fall)
		out := filepath.Join(t.TempDir(), fall)
		paths, err := gen.AenderungFiles(context.Background(), alt, neu, out, []string{"docx", "pdf", "md"}, generator.AenderungOptions{Nr: 2})
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, stem := range []string{"aenderungsvereinbarung", "synopse", "lesefassung"} {
			want = append(want, stem+".docx", stem+".pdf", stem+".md")
		}
		var names []string
		for _, p := range paths {
			names = append(names, filepath.Base(p))
			switch filepath.Ext(p) {
			case ".docx":
				docxs = append(docxs, p)
			case ".pdf":
				pdfs = append(pdfs, p)
			}
		}
		if !slices.Equal(names, want) {
			t.Fatalf("%s: geschrieben %v, erwartet %v", fall, names, want)
		}
	}
	// every fall writes the same file names: LibreOffice converts copies
	// named <fall>-<stem>.docx, else the texts overwrite one another
	copies := t.TempDir()
	var named []string
	for _, d := range docxs {
		b, err := os.ReadFile(d)
		if err != nil {
			t.Fatal(err)
		}
		c := filepath.Join(copies, filepath.Base(filepath.Dir(d))+"-"+filepath.Base(d))
		if err := os.WriteFile(c, b, 0o644); err != nil {
			t.Fatal(err)
		}
		named = append(named, c)
	}
	texts := testtool.LibreOfficeAll(t, named, "txt:Text")
	for i, txt := range texts {
		b, err := os.ReadFile(txt)
		if err != nil {
			t.Fatal(err)
		}
		s := strings.Join(strings.Fields(string(b)), " ")
		var wants []string
		switch stem := strings.TrimSuffix(filepath.Base(docxs[i]), ".docx"); stem {
		case "aenderungsvereinbarung":
			wants = []string{"Zweite Vereinbarung zur Änderung der Verwaltungsvereinbarung über die Nachnutzung", "vom 15. Dezember 2026", "Änderung der Verwaltungsvereinbarung", "wird wie folgt geändert:", "Inkrafttreten", "Für das Land Schleswig-Holstein"}
		case "synopse":
			wants = []string{"Synopse zur Zweiten Vereinbarung zur Änderung", "Bisherige Fassung", "Neue Fassung"}
		case "lesefassung":
			wants = []string{"Lesefassung unter Berücksichtigung der Zweiten Änderungsvereinbarung", "Verwaltungsvereinbarung", generator.NoSignatures}
			if filepath.Base(filepath.Dir(docxs[i])) == "schluessel" { // vertrag.aenderungen: the Erste is recorded
				wants[0] = "Lesefassung unter Berücksichtigung der Ersten Änderungsvereinbarung vom 30. Juni 2027 und der Zweiten Änderungsvereinbarung"
			}
		default:
			t.Fatalf("unerwartete Datei %s", docxs[i])
		}
		for _, w := range wants {
			if !strings.Contains(s, w) {
				t.Errorf("%s: LibreOffice-Text ohne %q", docxs[i], w)
			}
		}
	}
	for _, pdf := range pdfs {
		testtool.Run(t, "qpdf", "--check", pdf)
	}
}

// TestAenderungRefuses: no change, a change of contract form and an ALT
// that not every party has signed are errors, and nothing is written.
func TestAenderungRefuses(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	alt, neu := loadPair(t, gen, "betrag")
	unsigned, _ := loadFixture(t, gen, filepath.Join(fixturesDir, "wohngeld-ring.yaml"))
	stern, _ := loadFixture(t, gen, filepath.Join(fixturesDir, "bafoeg-stern.yaml"))
	for _, c := range []struct {
		name     string
		alt, neu *generator.Project
		want     error
		msg      string
	}{
		{"keine Änderung", alt, alt, generator.ErrNoChange, "keine Änderung"},
		{"Formwechsel", alt, stern, generator.ErrAenderungForm, "vertrag.form"},
		{"nicht unterschrieben", unsigned, neu, generator.ErrAenderungDatum, "wohngeld-ring.yaml:47: parteien[0].unterschrift:"},
	} {
		t.Run(c.name, func(t *testing.T) {
			out := t.TempDir()
			_, err := gen.AenderungFiles(context.Background(), c.alt, c.neu, out, []string{"docx", "md"}, generator.AenderungOptions{Nr: 1})
			if !errors.Is(err, c.want) || !strings.Contains(err.Error(), c.msg) {
				t.Fatalf("Fehler %v, erwartet %v mit %q", err, c.want, c.msg)
			}
			if es, _ := os.ReadDir(out); len(es) != 0 {
				t.Errorf("geschrieben trotz Fehler: %v", es)
			}
		})
	}
}

// BenchmarkAenderung drafts and proves the amendment of the pair
// „kombination“ (both agreements built once): alignment, instructions,
// Apply, the German text and reading it back.
//
//	go test ./generator/ -run '^$' -bench BenchmarkAenderung -benchtime 20x
func BenchmarkAenderung(b *testing.B) {
	gen, err := generator.New(generator.Options{})
	if err != nil {
		b.Fatal(err)
	}
	var docs [2]*model.Document
	for i, f := range []string{"alt.yaml", "neu.yaml"} {
		p, err := gen.LoadProject(filepath.Join(fixturesDir, "aenderung", "kombination", f))
		if err != nil {
			b.Fatal(err)
		}
		res, err := gen.Costs(p)
		if err != nil {
			b.Fatal(err)
		}
		docs[i], err = gen.Document(context.Background(), p, res, generator.SelectDocs(gen.Docs(p), []string{"vereinbarung"})[0])
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := aenderung.Instructions(docs[0], docs[1]); err != nil {
			b.Fatal(err)
		}
	}
}

// TestAenderungStern: in star form every bilateral agreement that changed
// gets its own amendment (aenderungsvereinbarung-<LAND>) between the
// implementing Land and that Land, dated by their two signatures.
func TestAenderungStern(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	src, err := os.ReadFile(filepath.Join(fixturesDir, "bafoeg-stern.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	alt := string(src)
	for _, l := range []struct{ land, day string }{{"ST", "01"}, {"SN", "03"}, {"TH", "04"}, {"BB", "05"}} {
		re := regexp.MustCompile(`(?m)^(  - land: ` + l.land + `\n(?:    .*\n)*?    vertreten_durch: .*\n)`)
		if !re.MatchString(alt) {
			t.Fatalf("%s nicht gefunden", l.land)
		}
		alt = re.ReplaceAllString(alt, "${1}    unterschrift: {datum: 2026-11-"+l.day+", ort: X, name: N, amtsbezeichnung: A}\n")
	}
	alt = regexp.MustCompile(`stand: \d{4}-\d\d-\d\d`).ReplaceAllString(alt, "stand: 2026-12-01")
	neu := regexp.MustCompile(`betrag: "\d+\.\d\d"`).ReplaceAllStringFunc(alt, func(string) string { return `betrag: "123456.78"` })
	pa, err := gen.ParseProject("alt.yaml", []byte(alt))
	if err != nil {
		t.Fatal(err)
	}
	pn, err := gen.ParseProject("neu.yaml", []byte(neu))
	if err != nil {
		t.Fatal(err)
	}
	ams, err := gen.Aenderung(context.Background(), pa, pn, generator.AenderungOptions{Nr: 1})
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, a := range ams {
		files = append(files, a.File)
		var md bytes.Buffer
		if err := markdown.Render(&md, a.Doc); err != nil {
			t.Fatal(err)
		}
		text := strings.ReplaceAll(md.String(), "\u00a0", " ")
		if a.Party == "SN" && !strings.Contains(text, "„BAföG Digital“ vom 3. November 2026") {
			t.Errorf("SN: nicht vom Tag der letzten Unterschrift (ST 1., SN 3. November)")
		}
		if n := strings.Count(text, "**Für "); n != 2 {
			t.Errorf("%s: %d Unterschriftenblöcke, erwartet 2", a.File, n)
		}
		// two parties: the notice goes to „der anderen Vertragspartei“
		if !strings.Contains(text, "teilt der anderen Vertragspartei den Tag der letzten Unterschrift") || strings.Contains(text, "den anderen Vertragsparteien") {
			t.Errorf("%s: Artikel „Inkrafttreten“ nicht in der Einzahl:\n%s", a.File, text[strings.Index(text, "Inkrafttreten"):])
		}
	}
	if want := []string{"aenderungsvereinbarung-BB", "aenderungsvereinbarung-SN", "aenderungsvereinbarung-TH"}; !slices.Equal(files, want) {
		t.Errorf("Dateien %v, erwartet %v", files, want)
	}
}

// TestAenderungNr derives the ordinal from vertrag.aenderungen and
// refuses a --nr that contradicts it, naming the key and its line.
func TestAenderungNr(t *testing.T) {
	gen := newGenerator(t)
	alt, _ := loadPair(t, gen, "schluessel") // one amendment recorded
	if nr, err := generator.AenderungNr(alt, 0); err != nil || nr != 2 {
		t.Errorf("AenderungNr(0) = %d, %v; want 2", nr, err)
	}
	if nr, err := generator.AenderungNr(alt, 2); err != nil || nr != 2 {
		t.Errorf("AenderungNr(2) = %d, %v; want 2", nr, err)
	}
	_, err := generator.AenderungNr(alt, 1)
	if !errors.Is(err, generator.ErrAenderungNr) || !strings.Contains(err.Error(), "alt.yaml:40: vertrag.aenderungen:") {
		t.Errorf("AenderungNr(1) = %v; want ErrAenderungNr at alt.yaml:40 naming vertrag.aenderungen", err)
	}
	plain, _ := loadPair(t, gen, "betrag") // none recorded: --nr stands
	if nr, err := generator.AenderungNr(plain, 3); err != nil || nr != 3 {
		t.Errorf("without history AenderungNr(3) = %d, %v; want 3", nr, err)
	}
}

// amendmentText drafts the amendment of two project texts and returns its
// Markdown (non-breaking spaces as blanks).
func amendmentText(t *testing.T, gen *generator.Generator, alt, neu string) string {
	t.Helper()
	pa, err := gen.ParseProject("alt.yaml", []byte(alt))
	if err != nil {
		t.Fatal(err)
	}
	pn, err := gen.ParseProject("neu.yaml", []byte(neu))
	if err != nil {
		t.Fatal(err)
	}
	ams, err := gen.Aenderung(context.Background(), pa, pn, generator.AenderungOptions{Nr: 1})
	if err != nil {
		t.Fatal(err)
	}
	var md bytes.Buffer
	if err := markdown.Render(&md, ams[0].Doc); err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(md.String(), "\u00a0", " ")
}

// TestAenderungParteien: a change of parties leaves the Eingang and the
// Ausfertigungen of the signed agreement alone; a Land that joins is
// stated in the article „Beitritt“, one that leaves in the article
// „Ausscheiden“, and a leaving Land signs the amendment only while its
// exit is not yet effective (reviewer's audit, finding 1).
func TestAenderungParteien(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	read := func(fall, name string) string {
		b, err := os.ReadFile(filepath.Join(fixturesDir, "aenderung", fall, name))
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	for _, fall := range []string{"austritt", "beitritt", "kombination"} {
		text := amendmentText(t, gen, read(fall, "alt.yaml"), read(fall, "neu.yaml"))
		for _, bad := range []string{"Eingang wird", "Ausfertigungen", "„zwölf“"} {
			if strings.Contains(text, bad) {
				t.Errorf("%s: die Änderungsvereinbarung enthält %q", fall, bad)
			}
		}
		if fall != "austritt" && !regexp.MustCompile(`## Artikel 1 Beitritt\n\nDas Land Hessen tritt mit dem Inkrafttreten dieser Vereinbarung der Verwaltungsvereinbarung über .* vom 15\. Dezember 2026 in der durch Artikel \d geänderten Fassung als nachnutzendes Land bei\.`).MatchString(text) {
			t.Errorf("%s: kein Artikel „Beitritt“ für Hessen", fall)
		}
		if fall != "beitritt" {
			if !regexp.MustCompile(`## Artikel \d Ausscheiden\n\nDas Saarland scheidet mit dem Inkrafttreten dieser Vereinbarung aus`).MatchString(text) {
				t.Errorf("%s: kein Artikel „Ausscheiden“ für das Saarland", fall)
			}
			// not yet left: the Saarland is a party and signs
			if !strings.Contains(text, "– ausscheidendes Land –") || !strings.Contains(text, "**Für das Saarland**") {
				t.Errorf("%s: das Saarland ist nicht Vertragspartei der Änderungsvereinbarung", fall)
			}
		}
	}

	// exit by notice: effective before NEU's stand — stated, no party;
	// not yet effective — it still signs
	alt := strings.Replace(read("austritt", "alt.yaml"), `vertreten_durch: "das Ministerium für Inneres, Bauen und Sport"`,
		"vertreten_durch: \"das Ministerium für Inneres, Bauen und Sport\"\n    kuendigung_am: 2026-12-20\n    austritt_zum: 2027-12-31", 1)
	neu := read("austritt", "neu.yaml")
	for _, c := range []struct {
		stand, want string
		party       bool
	}{
		{"2028-01-15", "Das Saarland hat die Verwaltungsvereinbarung über die Nachnutzung des Online-Dienstes „Wohngeld-Antrag online“ vom 15. Dezember 2026 nach § 16 gekündigt und ist mit Ablauf des 31. Dezember 2027 aus ihr ausgeschieden. Das Saarland ist nicht Vertragspartei dieser Vereinbarung", false},
		{"2027-03-15", "gekündigt und scheidet mit Ablauf des 31. Dezember 2027 aus ihr aus. Bis dahin bleibt das Saarland Vertragspartei", true},
	} {
		text := amendmentText(t, gen, alt, strings.Replace(neu, "stand: 2027-03-15", "stand: "+c.stand, 1))
		if !strings.Contains(text, c.want) {
			t.Errorf("Stand %s: erwartet %q in\n%s", c.stand, c.want, text[strings.Index(text, "## Artikel 1"):strings.Index(text, "## Artikel 2")])
		}
		if got := strings.Contains(text, "**Für das Saarland**"); got != c.party {
			t.Errorf("Stand %s: Saarland unterzeichnet %v, erwartet %v", c.stand, got, c.party)
		}
	}
}

// TestAenderungParteienGeprueft: a template of the user's that does not
// name the Land that joins (or leaves) is refused — the articles on the
// parties are checked against the party differences of ALT and NEU.
func TestAenderungParteienGeprueft(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ fall, file, body string }{
		{"beitritt", "beitritt.md.tmpl", "{{with .Beitretende}}\n## Beitritt {#artikel-beitritt}\n\nEin Land tritt bei.\n{{end}}"},
		{"austritt", "ausscheiden.md.tmpl", "{{with .Ausscheidende}}\n## Ausscheiden {#artikel-ausscheiden}\n\nEin Land scheidet aus.\n{{end}}"},
	} {
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(dir, "aenderung"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "aenderung", c.file), []byte(c.body), 0o644); err != nil {
			t.Fatal(err)
		}
		gen, err := generator.New(generator.Options{TemplatesDir: dir})
		if err != nil {
			t.Fatal(err)
		}
		pa, err := gen.LoadProject(filepath.Join(fixturesDir, "aenderung", c.fall, "alt.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		pn, err := gen.LoadProject(filepath.Join(fixturesDir, "aenderung", c.fall, "neu.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		_, err = gen.Aenderung(context.Background(), pa, pn, generator.AenderungOptions{Nr: 1})
		if !errors.Is(err, generator.ErrAenderungParteien) {
			t.Errorf("%s: %v, erwartet ErrAenderungParteien", c.fall, err)
		}
	}
}

// TestAenderungVertretenDurch: a renamed ministry (vertreten_durch) alone
// needs no amendment — the Eingang of the signed agreement is not
// amended (reviewer's audit, finding 1a).
func TestAenderungVertretenDurch(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	b, err := os.ReadFile(filepath.Join(fixturesDir, "aenderung", "betrag", "alt.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	alt := string(b)
	neu := strings.Replace(alt, `vertreten_durch: "das Ministerium der Finanzen"`, `vertreten_durch: "das Ministerium der Finanzen und für Digitales"`, 1)
	if neu == alt {
		t.Fatal("vertreten_durch von RP nicht gefunden")
	}
	pa, err := gen.ParseProject("alt.yaml", []byte(alt))
	if err != nil {
		t.Fatal(err)
	}
	pn, err := gen.ParseProject("neu.yaml", []byte(neu))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gen.Aenderung(context.Background(), pa, pn, generator.AenderungOptions{Nr: 1}); !errors.Is(err, generator.ErrNoChange) {
		t.Errorf("nur vertreten_durch geändert: %v, erwartet „keine Änderung“", err)
	}
}

// The legal review preferred „die durch die Erste Änderungsvereinbarung
// vom 30. Juni 2027 geändert worden ist“ to „durch Vereinbarung vom …“:
// the opening sentence names the last amendment by its ordinal.
func TestAenderungCitesLastAmendmentByName(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	for _, c := range []struct {
		extra string // further recorded amendments
		nr    int
		want  string
	}{
		{"", 2, "vom 15. Dezember 2026, die durch die Erste Änderungsvereinbarung vom 30. Juni 2027 geändert worden ist, wird wie folgt geändert:"},
		{"\n    - datum: 2027-06-30", 3, "vom 15. Dezember 2026, die zuletzt durch die Zweite Änderungsvereinbarung vom 30. Juni 2027 geändert worden ist, wird wie folgt geändert:"},
	} {
		src, err := os.ReadFile(filepath.Join(fixturesDir, "aenderung", "schluessel", "alt.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		const first = "    - datum: 2027-06-30 # die Erste Änderungsvereinbarung"
		altSrc := strings.Replace(string(src), first, first+c.extra, 1)
		if c.extra != "" && altSrc == string(src) {
			t.Fatal("vertrag.aenderungen nicht gefunden")
		}
		neuSrc, err := os.ReadFile(filepath.Join(fixturesDir, "aenderung", "schluessel", "neu.yaml"))
		if err != nil {
			t.Fatal(err)
		}
		pa, err := gen.ParseProject("alt.yaml", []byte(altSrc))
		if err != nil {
			t.Fatal(err)
		}
		pn, err := gen.ParseProject("neu.yaml", neuSrc)
		if err != nil {
			t.Fatal(err)
		}
		ams, err := gen.Aenderung(context.Background(), pa, pn, generator.AenderungOptions{Nr: c.nr})
		if err != nil {
			t.Fatal(err)
		}
		var md bytes.Buffer
		if err := markdown.Render(&md, ams[0].Doc); err != nil {
			t.Fatal(err)
		}
		if got := strings.ReplaceAll(md.String(), "\u00a0", " "); !strings.Contains(got, c.want) {
			t.Errorf("Nr %d: %q fehlt", c.nr, c.want)
		}
	}
}
