package generator_test

import (
	"bytes"
	"context"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

// hostile is text that breaks naive XML, PDF and Markdown writers.
const hostile = `<w:t>&"' €„“`

// generateInto runs GenerateProject for one project file (the given kinds,
// all when none) into out and returns the written paths by document file
// name and extension, e.g. files["vereinbarung"][".pdf"].
func generateInto(t *testing.T, gen *generator.Generator, path, out string, kinds ...string) map[string]map[string]string {
	t.Helper()
	written, err := gen.GenerateProject(context.Background(), path, out, []string{"docx", "pdf", "md"}, kinds)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]map[string]string{}
	for _, w := range written {
		ext := filepath.Ext(w.Path)
		base := strings.TrimSuffix(filepath.Base(w.Path), ext)
		if files[base] == nil {
			files[base] = map[string]string{}
		}
		files[base][ext] = w.Path
	}
	for base, byExt := range files {
		if len(byExt) != 3 {
			t.Fatalf("%s: written %v, want docx, pdf and md", base, byExt)
		}
	}
	return files
}

// normalise makes extracted text comparable: no-break spaces become
// spaces and runs of white space collapse, as LibreOffice and pdftotext
// break lines where they like.
func normalise(s string) string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	return strings.Join(strings.Fields(s), " ")
}

// expectedTexts are strings every rendering of a document must contain:
// every section heading, the official name of every party named in the
// document, and for agreements the cost total.
func expectedTexts(t *testing.T, p *generator.Project, res *costs.Result, d *model.Document) []string {
	t.Helper()
	var want []string
	var dump bytes.Buffer // the text of the pages, not the metadata
	if err := model.Dump(&dump, &model.Document{Blocks: d.Blocks}); err != nil {
		t.Fatal(err)
	}
	for _, pt := range p.Data().Parteien {
		ref, _ := refdata.PartyByCode(string(pt.Land))
		if strings.Contains(dump.String(), ref.Name) {
			want = append(want, ref.Name)
		}
	}
	for _, s := range model.Sections(d) {
		want = append(want, normalise(s.Heading()))
	}
	if d.Meta.Kind == "vereinbarung" && p.Data().Vertrag.Form == "ring" {
		want = append(want, normalise(format.MoneyPlain(res.TotalCents)))
	}
	return want
}

func TestGeneratedDocumentsOpenAndRead(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	for _, path := range fixtureFiles(t, fixturesDir) {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, docs := buildDocuments(t, gen, path)
			res, err := gen.Costs(p)
			if err != nil {
				t.Fatal(err)
			}
			files := generateInto(t, gen, path, t.TempDir())
			if len(files) != len(docs) {
				t.Fatalf("%d documents written, %d built", len(files), len(docs))
			}
			bases := slices.Sorted(maps.Keys(files))
			var docxs []string
			for _, base := range bases {
				docxs = append(docxs, files[base][".docx"])
			}
			texts := testtool.LibreOfficeAll(t, docxs, "txt:Text")
			for i, base := range bases {
				f := files[base]
				t.Run(base, func(t *testing.T) {
					want := expectedTexts(t, p, res, docs[base])
					b, err := os.ReadFile(texts[i])
					if err != nil {
						t.Fatal(err)
					}
					checkContains(t, "DOCX via LibreOffice", normalise(string(b)), want)

					testtool.Run(t, "qpdf", "--check", f[".pdf"])
					checkFontsEmbedded(t, testtool.Run(t, "pdffonts", f[".pdf"]))
					checkContains(t, "PDF via pdftotext", normalise(testtool.Run(t, "pdftotext", "-enc", "UTF-8", f[".pdf"], "-")), want)

					md, err := os.ReadFile(f[".md"])
					if err != nil {
						t.Fatal(err)
					}
					checkContains(t, "Markdown twin", normalise(string(md)), want)
				})
			}
		})
	}
}

func checkContains(t *testing.T, what, text string, want []string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(text, w) {
			t.Errorf("%s lacks %q", what, w)
		}
	}
}

// checkFontsEmbedded reads pdffonts' table: every font row must say "yes"
// in the emb column, and there must be at least one.
func checkFontsEmbedded(t *testing.T, out string) {
	t.Helper()
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) < 3 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		// name type [encoding words…] emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", l)
		}
		if !strings.Contains(strings.ToLower(f[0]), "liberation") {
			t.Errorf("unexpected font %s", f[0])
		}
	}
}

func TestGenerateIsReproducible(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	path := filepath.Join(fixturesDir, "wohngeld-ring.yaml")
	a := generateInto(t, gen, path, t.TempDir())
	b := generateInto(t, gen, path, t.TempDir())
	for base, byExt := range a {
		for ext, pa := range byExt {
			x, _ := os.ReadFile(pa)
			y, _ := os.ReadFile(b[base][ext])
			if len(x) == 0 || !bytes.Equal(x, y) {
				t.Errorf("%s%s differs between two runs (%d vs %d bytes)", base, ext, len(x), len(y))
			}
		}
	}
}

// TestHostileTextComesOutLiterally puts XML and PDF metacharacters into
// the title and a party's representative and checks they come out
// literally in all three formats.
func TestHostileTextComesOutLiterally(t *testing.T) {
	t.Parallel()
	src, err := os.ReadFile(filepath.Join(fixturesDir, "wohngeld-ring.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), `titel: "Nachnutzung des EfA-Online-Dienstes „Wohngeld“"`, `titel: 'Wohngeld `+strings.ReplaceAll(hostile, "'", "''")+`'`, 1)
	s = strings.Replace(s, `online_dienst: "Wohngeld-Antrag online"`, `online_dienst: 'Wohngeld `+strings.ReplaceAll(hostile, "'", "''")+`'`, 1)
	s = strings.Replace(s, `vertreten_durch: "das Ministerium der Finanzen"`, `vertreten_durch: 'das Ministerium `+strings.ReplaceAll(hostile, "'", "''")+` *fett* [x](y)'`, 1)
	dir := t.TempDir()
	path := filepath.Join(dir, "feindlich.yaml")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	gen := newGenerator(t)
	files := generateInto(t, gen, path, filepath.Join(dir, "out"), "vereinbarung")["vereinbarung"]
	want := []string{"Wohngeld " + hostile, "das Ministerium " + hostile + " *fett* [x](y)"}

	txt := testtool.LibreOffice(t, files[".docx"], "txt:Text")
	b, _ := os.ReadFile(txt)
	checkContains(t, "DOCX", normalise(string(b)), want)
	checkContains(t, "PDF", normalise(testtool.Run(t, "pdftotext", "-enc", "UTF-8", files[".pdf"], "-")), want)
	md, _ := os.ReadFile(files[".md"])
	checkContains(t, "Markdown", normalise(string(md)), want)
}

// TestTemplateOverrideChangesOnlyThatPart overrides one clause template
// and checks that the model differs in that clause only.
func TestTemplateOverrideChangesOnlyThatPart(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	clause := filepath.Join(dir, "vereinbarung", "klauseln", "haftung.md.tmpl")
	if err := os.MkdirAll(filepath.Dir(clause), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(clause, []byte("## Haftung {#haftung}\n\nDie Vertragsparteien haften nach den gesetzlichen Vorschriften.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	own, err := generator.New(generator.Options{TemplatesDir: dir})
	if err != nil {
		t.Fatal(err)
	}
	layers := map[string]string{}
	for _, e := range own.Templates() {
		layers[e.Path] = e.Layer
	}
	if layers["vereinbarung/klauseln/haftung.md.tmpl"] != dir || layers["vereinbarung/klauseln/kosten.md.tmpl"] != "eingebaut" {
		t.Fatalf("layers = %v", layers)
	}
	path := filepath.Join(fixturesDir, "wohngeld-ring.yaml")
	_, base := buildDocuments(t, newGenerator(t), path)
	_, changed := buildDocuments(t, own, path)
	a, b := base["vereinbarung"], changed["vereinbarung"]
	if len(a.Blocks) != len(b.Blocks) {
		t.Fatalf("block count changed: %d vs %d", len(a.Blocks), len(b.Blocks))
	}
	for i := range a.Blocks {
		var x, y bytes.Buffer
		_ = model.Dump(&x, &model.Document{Blocks: a.Blocks[i : i+1]})
		_ = model.Dump(&y, &model.Document{Blocks: b.Blocks[i : i+1]})
		sec, isSec := a.Blocks[i].(*model.Section)
		differs := x.String() != y.String()
		if isSec && sec.ID == "haftung" {
			if !differs || !strings.Contains(y.String(), "gesetzlichen Vorschriften") {
				t.Errorf("haftung was not overridden:\n%s", y.String())
			}
			continue
		}
		if differs {
			t.Errorf("block %d changed although only haftung was overridden:\n%s\n---\n%s", i, x.String(), y.String())
		}
	}
}
