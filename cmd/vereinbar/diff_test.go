package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/diff"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/docx"
)

// projectModels builds every document of project in memory, as generate
// does, in the order of the kind registry.
func projectModels(t *testing.T, project string) ([]generator.Doc, []*model.Document) {
	t.Helper()
	g, err := generator.New(generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, err := g.LoadProject(project)
	if err != nil {
		t.Fatal(err)
	}
	r, err := g.Costs(p)
	if err != nil {
		t.Fatal(err)
	}
	docs := g.Docs(p)
	models := make([]*model.Document, len(docs))
	for i, k := range docs {
		if models[i], err = g.Document(context.Background(), p, r, k); err != nil {
			t.Fatal(err)
		}
	}
	return docs, models
}

// writeDocxDir renders every document of project into dir as DOCX, like
// generate does, and returns dir.
func writeDocxDir(t *testing.T, project, dir string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	docs, models := projectModels(t, project)
	for i, k := range docs {
		if err := docx.RenderFile(filepath.Join(dir, k.File+".docx"), models[i], docx.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// clauseNumber is the number ("§ 14") of the clause with the id in the
// first document of a project, so that expectations follow added clauses.
func clauseNumber(t *testing.T, project, id string) string {
	t.Helper()
	_, models := projectModels(t, project)
	for _, sec := range model.Sections(models[0]) {
		if sec.ID == id {
			return sec.Number
		}
	}
	t.Fatalf("%s: no clause %s", project, id)
	return ""
}

// editDocx copies the DOCX src to dst with old replaced by new in
// word/document.xml, as a hand edit in a word processor would.
func editDocx(t *testing.T, src, dst, old, new string) string {
	t.Helper()
	zr, err := zip.OpenReader(src)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		if f.Name == "word/document.xml" {
			if !bytes.Contains(b, []byte(old)) {
				t.Fatalf("document.xml lacks %q", old)
			}
			b = bytes.Replace(b, []byte(old), []byte(new), 1)
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return writeFile(t, dst, buf.String())
}

func TestDiffCommand(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	changed := writeFile(t, filepath.Join(dir, "neu.yaml"), strings.Replace(readFile(t, wohngeld), "kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: 6", 1))
	amount := writeFile(t, filepath.Join(dir, "betrag.yaml"), strings.Replace(readFile(t, wohngeld), `betrag: "480000.00"`, `betrag: "495000.00"`, 1))
	outDir := writeDocxDir(t, wohngeld, filepath.Join(dir, "out"))
	edited := editDocx(t, filepath.Join(outDir, "vereinbarung.docx"), filepath.Join(dir, "vereinbarung.docx"), "Frist von 12 Monaten", "Frist von drei Monaten")
	redline := filepath.Join(dir, "redline.docx")
	where := clauseNumber(t, wohngeld, "laufzeit") + ", Abs. (2)"
	isJSON := func(t *testing.T, stream, got string) {
		t.Helper()
		var rep diff.Report
		if err := json.Unmarshal([]byte(got), &rep); err != nil {
			t.Fatalf("%s: %v", stream, err)
		}
		if !rep.Changed() || len(rep.Files) != 4 || rep.Files[0].Result.Changes[0].Loc.Paragraph != "(2)" {
			t.Errorf("%s: unexpected report %s", stream, got)
		}
	}
	runTable(t, []cliCase{
		{name: "identical projects", args: []string{"diff", "--exit-code", wohngeld, wohngeld}, code: 0,
			stdout: all(contains("== vereinbarung\n  keine inhaltlichen Änderungen"), notContains("geändert")), stderr: empty},
		{name: "project against its own DOCX output", args: []string{"diff", "--exit-code", wohngeld, outDir}, code: 0,
			stdout: notContains("[ge", "[ein", "[ver", "nur in"), stderr: empty},
		{name: "changed clause text", args: []string{"diff", "--exit-code", wohngeld, changed}, code: exitChanged,
			stdout: contains("[geändert]   "+where+": ", "[-12-]{+6+}"), stderr: empty},
		{name: "changes without --exit-code", args: []string{"diff", wohngeld, changed}, code: 0,
			stdout: contains(where), stderr: empty},
		{name: "hand-edited DOCX", args: []string{"diff", "--exit-code", filepath.Join(outDir, "vereinbarung.docx"), edited}, code: exitChanged,
			stdout: contains(where, "[-12-]{+drei+}"), stderr: empty},
		{name: "json", args: []string{"diff", "--format", "json", wohngeld, changed}, code: 0, stdout: isJSON, stderr: empty},
		{name: "markdown", args: []string{"diff", "--format", "md", wohngeld, changed}, code: 0,
			stdout: contains("# Änderungen", "| geändert | "+where+" |", "Frist von ~~12~~**6** Monaten"), stderr: empty},
		// The spaces around a change stay (were dropped: "jährlich~~480.000,00~~**495.000,00**€").
		{name: "markdown keeps spaces", args: []string{"diff", "--format", "md", wohngeld, amount}, code: 0,
			stdout: contains("| jährlich ~~480.000,00~~**495.000,00**\u00a0€, 2027 bis 2029;"), stderr: empty},
		{name: "html", args: []string{"diff", "--format", "html", wohngeld, changed}, code: 0,
			stdout: contains("<!DOCTYPE html>", "<del>12</del><ins>6</ins>"), stderr: empty},
		{name: "bad format", args: []string{"diff", "--format", "pdf", wohngeld, changed}, code: exitUsage,
			stdout: empty, stderr: contains("--format")},
		{name: "one argument", args: []string{"diff", wohngeld}, code: exitUsage, stdout: empty, stderr: contains("zwei Pfade")},
		{name: "redline needs a document", args: []string{"diff", "--redline", redline, wohngeld, changed}, code: exitUsage,
			stdout: empty, stderr: contains("--doc", "vereinbarung")},
		{name: "bad date", args: []string{"diff", "--redline", redline, "--date", "morgen", wohngeld, changed}, code: exitUsage,
			stdout: empty, stderr: contains("--date")},
		{name: "missing file", args: []string{"diff", wohngeld, filepath.Join(dir, "fehlt.yaml")}, code: exitError,
			stdout: empty, stderr: contains("fehlt.yaml")},
	})
	redlineXML := func(t *testing.T, args ...string) []byte {
		t.Helper()
		code, _, stderr := runCLI(append([]string{"diff", "--redline", redline, "--doc", "vereinbarung"}, append(args, wohngeld, changed)...)...)
		if code != 0 {
			t.Fatalf("exit code %d: %s", code, stderr)
		}
		zr, err := zip.OpenReader(redline)
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		f, err := zr.Open("word/document.xml")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		b, err := io.ReadAll(f)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	// redlineCfg is a config file that sets the redline's author and date.
	redlineCfg := filepath.Join(dir, "redline.yaml")
	if err := os.WriteFile(redlineCfg, []byte("redline_autor: \"Referat 34\"\nredline_datum: 2027-01-15\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name         string
		args         []string
		author, date string
	}{
		// The date defaults to NEW's Stand (vorhaben.stand), never the clock.
		{"author flag", []string{"--author", "Referat 12"}, "Referat 12", "2026-11-28T00:00:00Z"},
		{"config file", []string{"--config", redlineCfg}, "Referat 34", "2027-01-15T00:00:00Z"},
		{"flags over config file", []string{"--config", redlineCfg, "--author", "Referat 12", "--date", "2027-02-01"}, "Referat 12", "2027-02-01T00:00:00Z"},
	} {
		t.Run("redline/"+tc.name, func(t *testing.T) {
			b := redlineXML(t, tc.args...)
			attrs := `w:author="` + tc.author + `" w:date="` + tc.date + `"`
			for _, w := range []string{`<w:del w:id="100000" ` + attrs + `>`, `<w:delText xml:space="preserve">12</w:delText>`, `<w:ins w:id="100001" ` + attrs + `><w:r><w:t xml:space="preserve">6</w:t>`} {
				if !bytes.Contains(b, []byte(w)) {
					t.Errorf("redline lacks %s", w)
				}
			}
		})
	}
	t.Run("redline/bad date in config file", func(t *testing.T) {
		bad := filepath.Join(dir, "bad.yaml")
		if err := os.WriteFile(bad, []byte("redline_datum: morgen\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		code, stdout, stderr := runCLI("diff", "--config", bad, "--redline", redline, "--doc", "vereinbarung", wohngeld, changed)
		if code != exitError || stdout != "" || !strings.Contains(stderr, "bad.yaml:1:16: redline_datum: erwartet ein Datum JJJJ-MM-TT, gefunden „morgen“") {
			t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
		}
	})
}

// notContains checks that none of subs occurs.
func notContains(subs ...string) check {
	return func(t *testing.T, stream, got string) {
		t.Helper()
		for _, s := range subs {
			if strings.Contains(got, s) {
				t.Errorf("%s contains %q:\n%s", stream, s, got)
			}
		}
	}
}

// TestDiffOutputDirectories compares two output directories of generate:
// the documents of every project folder are paired by "kurztitel/name".
func TestDiffOutputDirectories(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	changed := writeFile(t, filepath.Join(dir, "wohngeld-ring.yaml"), strings.Replace(readFile(t, wohngeld), "kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: 6", 1))
	old, new := filepath.Join(dir, "alt"), filepath.Join(dir, "neu")
	for _, run := range [][]string{{old, wohngeld}, {new, changed}} {
		if code, _, stderr := runCLI("generate", "-q", "--formats", "docx", "--out", run[0], run[1], bafoeg); code != 0 {
			t.Fatalf("generate: %s", stderr)
		}
	}
	runTable(t, []cliCase{
		{name: "two output directories", args: []string{"diff", "--exit-code", old, new}, code: exitChanged,
			stdout: all(contains("== bafoeg-stern/vereinbarung-SN\n  keine inhaltlichen Änderungen", "== wohngeld-ring/vereinbarung\n  [geändert]   "+clauseNumber(t, wohngeld, "laufzeit")+", Abs. (2): ", "[-12-]{+6+}"), notContains("nur in")), stderr: empty},
		{name: "one project folder each", args: []string{"diff", "--exit-code", filepath.Join(old, "bafoeg-stern"), filepath.Join(new, "bafoeg-stern")}, code: 0,
			stdout: contains("== vereinbarung-TH\n  keine inhaltlichen Änderungen"), stderr: empty},
	})
}

// rewrittenDocx writes a DOCX of one clause whose paragraphs are n words
// long, numbered (1), (2) …; word i reads prefix+i but every tenth word,
// which is "und" in every version.
func rewrittenDocx(t *testing.T, path, prefix string, paras, n int) string {
	t.Helper()
	var bs []model.Block
	for p := range paras {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			if i%10 == 9 {
				b.WriteString("und")
			} else {
				fmt.Fprintf(&b, "%s%d", prefix, i)
			}
		}
		bs = append(bs, &model.Paragraph{Style: model.StyleBody, Number: fmt.Sprintf("(%d)", p+1), Inlines: []model.Inline{model.Text{Text: b.String()}}})
	}
	d := &model.Document{Meta: model.Meta{Language: "de-DE", Title: "T"}, Blocks: []model.Block{
		&model.Section{ID: "gegenstand", Level: 1, Number: "§ 1", Title: "Gegenstand", Blocks: bs}}}
	if err := docx.RenderFile(path, d, docx.Options{}); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestDiffRewrittenParagraphs: two versions of long paragraphs that share
// few words took a cubic number of steps (a paragraph of 2,000 words
// minutes, 3,000 words a quarter of an hour). The comparison now ends,
// reports each paragraph as changed, and the redline holds both texts.
func TestDiffRewrittenParagraphs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	old := rewrittenDocx(t, filepath.Join(dir, "alt.docx"), "alt", 3, 3000)
	new := rewrittenDocx(t, filepath.Join(dir, "neu.docx"), "neu", 3, 3000)
	redline := filepath.Join(dir, "redline.docx")
	code, stdout, stderr := runCLI("diff", "--exit-code", "--redline", redline, old, new)
	if code != exitChanged || stderr != "" {
		t.Fatalf("exit code %d, stderr %q", code, stderr)
	}
	for _, w := range []string{"[geändert]   § 1, Abs. (1): [-alt0 alt1 ", " alt2998-]{+neu0 neu1 ", " neu2998+} und\n", "[geändert]   § 1, Abs. (3): "} {
		if !strings.Contains(stdout, w) {
			t.Errorf("report lacks %q", w)
		}
	}
	b := docxPart(t, redline, "word/document.xml")
	for _, w := range []string{"alt2998", "neu2998", "<w:del ", "<w:ins "} {
		if !strings.Contains(b, w) {
			t.Errorf("redline lacks %s", w)
		}
	}
}

// docxPart returns one part of a DOCX file.
func docxPart(t *testing.T, path, name string) string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestDiffRedlineTarget: --redline replaced whatever was at its path
// (a device, a FIFO, a symbolic link, even the NEU input) and wrote DOCX
// bytes under any name, with exit code 0. It takes a new file or an
// existing regular file ending in .docx that is none of the inputs. (A
// device is checked in TestRedlineTargetDevice without running diff: run
// as root, a regression would replace it.)
func TestDiffRedlineTarget(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	outDir := writeDocxDir(t, wohngeld, filepath.Join(dir, "out"))
	old := filepath.Join(outDir, "vereinbarung.docx")
	new := editDocx(t, old, filepath.Join(dir, "neu.docx"), "Frist von 12 Monaten", "Frist von drei Monaten")
	newBytes := readFile(t, new)
	link := filepath.Join(dir, "link.docx")
	if err := os.Symlink(filepath.Join(dir, "ziel.docx"), link); err != nil {
		t.Fatal(err)
	}
	linkToNew := filepath.Join(dir, "neu-link.docx")
	if err := os.Symlink(new, linkToNew); err != nil {
		t.Fatal(err)
	}
	hardToNew := filepath.Join(dir, "neu-hart.docx")
	if err := os.Link(new, hardToNew); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "ordner.docx")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	existing := writeFile(t, filepath.Join(dir, "alt-redline.docx"), "alte Redline")
	redline := func(target string, args ...string) []string {
		return append([]string{"diff", "--redline", target}, args...)
	}
	cases := []cliCase{
		{name: "symbolic link", args: redline(link, old, new), code: exitUsage, stdout: empty,
			stderr: usage("--redline: „" + link + "“ ist ein symbolischer Link, keine reguläre Datei")},
		{name: "directory", args: redline(folder, old, new), code: exitUsage, stdout: empty,
			stderr: usage("--redline: „" + folder + "“ ist ein Verzeichnis, keine reguläre Datei")},
		{name: "PDF name", args: redline(filepath.Join(dir, "redline.pdf"), old, new), code: exitUsage, stdout: empty,
			stderr: usage("--redline: „" + filepath.Join(dir, "redline.pdf") + "“ endet nicht auf .docx")},
		{name: "no extension", args: redline(filepath.Join(dir, "redline"), old, new), code: exitUsage, stdout: empty,
			stderr: usage("endet nicht auf .docx")},
		{name: "the NEU input", args: redline(new, old, new), code: exitUsage, stdout: empty,
			stderr: usage("--redline: „" + new + "“ ist die Eingabe NEU")},
		{name: "the ALT input", args: redline(old, old, new), code: exitUsage, stdout: empty,
			stderr: usage("--redline: „" + old + "“ ist die Eingabe ALT")},
		{name: "NEU through another path", args: redline(filepath.Join(dir, ".", "..", filepath.Base(dir), "neu.docx"), old, new), code: exitUsage, stdout: empty,
			stderr: usage("ist die Eingabe NEU")},
		{name: "NEU given through a symbolic link", args: redline(new, old, linkToNew), code: exitUsage, stdout: empty,
			stderr: usage("ist die Eingabe NEU")},
		{name: "NEU through a hard link", args: redline(hardToNew, old, new), code: exitUsage, stdout: empty,
			stderr: usage("ist die Eingabe NEU")},
		{name: "a document of the ALT directory", args: redline(old, outDir, new), code: exitUsage, stdout: empty,
			stderr: usage("--redline: „" + old + "“ ist ein Dokument der Eingabe ALT („" + outDir + "“)")},
		{name: "below a file", args: redline(filepath.Join(new, "redline.docx"), old, new), code: exitUsage, stdout: empty,
			stderr: usage("--redline: „" + filepath.Join(new, "redline.docx") + "“: „" + new + "“ ist eine Datei, kein Verzeichnis")},
		{name: "existing file", args: redline(existing, old, new), code: 0, stdout: contains("[geändert]"), stderr: empty},
	}
	if fifo := mkfifo(t, filepath.Join(dir, "fifo.docx")); fifo != "" {
		cases = append(cases, cliCase{name: "FIFO", args: redline(fifo, old, new), code: exitUsage, stdout: empty,
			stderr: usage("--redline: „" + fifo + "“ ist eine benannte Pipe (FIFO), keine reguläre Datei")})
	}
	// After all cases, also the parallel ones: the refused targets are
	// as they were, the existing redline is replaced.
	t.Cleanup(func() {
		if readFile(t, new) != newBytes {
			t.Error("the NEU input was overwritten")
		}
		if target, err := os.Readlink(link); err != nil || target != filepath.Join(dir, "ziel.docx") {
			t.Errorf("the symbolic link was replaced: %q, %v", target, err)
		}
		if !strings.HasPrefix(readFile(t, existing), "PK") {
			t.Error("the existing redline was not replaced")
		}
	})
	runTable(t, cases)
}

// TestRedlineTargetDevice: a device is refused as --redline target. Only
// the check runs, so a regression cannot replace the device.
func TestRedlineTargetDevice(t *testing.T) {
	t.Parallel()
	err := checkRedlineTarget(os.DevNull, []string{wohngeld, wohngeld})
	if exitCode(err) != exitUsage || err == nil || !strings.Contains(err.Error(), "--redline: „"+os.DevNull+"“ ist ein Gerät, keine reguläre Datei") {
		t.Errorf("checkRedlineTarget(%s) = %v", os.DevNull, err)
	}
}

// TestDiffProjectAgainstOneDocx: a project compared with one DOCX of it
// compared nothing unless the DOCX kept its generated name (every
// document showed as "nur in"). The DOCX is paired by its own title and
// running header (kind and party), or by --doc; the project's other
// documents are not part of the comparison.
func TestDiffProjectAgainstOneDocx(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	star := writeDocxDir(t, bafoeg, filepath.Join(dir, "stern"))
	ring := writeDocxDir(t, wohngeld, filepath.Join(dir, "ring"))
	edited := editDocx(t, filepath.Join(star, "vereinbarung-SN.docx"), filepath.Join(dir, "vereinbarung-bearbeitet.docx"), "Frist von 6 Monaten", "Frist von 3 Monaten")
	copied := editDocx(t, filepath.Join(star, "vereinbarung-SN.docx"), filepath.Join(dir, "entwurf.docx"), "Frist von 6 Monaten", "Frist von 6 Monaten")
	ringCopy := editDocx(t, filepath.Join(ring, "projektbeschreibung.docx"), filepath.Join(dir, "beschreibung-alt.docx"), "Wohngeld", "Wohngeld")
	misnamed := editDocx(t, filepath.Join(star, "vereinbarung-SN.docx"), filepath.Join(dir, "falsch", "vereinbarung-TH.docx"), "Frist von 6 Monaten", "Frist von 6 Monaten")
	foreign := rewrittenDocx(t, filepath.Join(dir, "fremd.docx"), "x", 1, 20)
	redline := filepath.Join(dir, "redline.docx")
	const change = "[-6-]{+3+}"
	runTable(t, []cliCase{
		{name: "edited under another name", args: []string{"diff", "--exit-code", bafoeg, edited}, code: exitChanged,
			stdout: all(contains("== vereinbarung-SN\n  [geändert]   ", change), notContains("nur in", "vereinbarung-BB", "projektbeschreibung")), stderr: empty},
		{name: "DOCX as ALT", args: []string{"diff", "--exit-code", edited, bafoeg}, code: exitChanged,
			stdout: all(contains("== vereinbarung-SN\n", "[-3-]{+6+}"), notContains("nur in")), stderr: empty},
		{name: "unchanged copy", args: []string{"diff", "--exit-code", bafoeg, copied}, code: 0,
			stdout: exactly("== vereinbarung-SN\n  keine inhaltlichen Änderungen\n"), stderr: empty},
		{name: "what the DOCX says over its name", args: []string{"diff", "--exit-code", bafoeg, misnamed}, code: 0,
			stdout: exactly("== vereinbarung-SN\n  keine inhaltlichen Änderungen\n"), stderr: empty},
		{name: "ring project", args: []string{"diff", "--exit-code", ringCopy, wohngeld}, code: 0,
			stdout: exactly("== projektbeschreibung\n  keine inhaltlichen Änderungen\n"), stderr: empty},
		{name: "--doc picks another party", args: []string{"diff", "--exit-code", "--doc", "vereinbarung-TH", bafoeg, copied}, code: exitChanged,
			stdout: all(contains("== vereinbarung-TH\n", "Thüringen"), notContains("nur in")), stderr: empty},
		{name: "--doc unknown", args: []string{"diff", "--doc", "vereinbarung-XX", bafoeg, edited}, code: exitUsage, stdout: empty,
			stderr: usage("--doc: kein Dokument „vereinbarung-XX“ in " + bafoeg + " (vorhanden: vereinbarung-BB, vereinbarung-SN, vereinbarung-TH, projektbeschreibung, projektsteckbrief, projektplan)")},
		{name: "foreign DOCX", args: []string{"diff", bafoeg, foreign}, code: exitUsage, stdout: empty,
			stderr: usage("„" + foreign + "“ passt zu keinem Dokument von " + bafoeg + "; eines mit --doc wählen (vorhanden: vereinbarung-BB, vereinbarung-SN, vereinbarung-TH, ")},
		{name: "redline needs no --doc", args: []string{"diff", "--redline", redline, bafoeg, edited}, code: 0,
			stdout: contains("== vereinbarung-SN\n"), stderr: empty},
	})
}

// TestRedlineZeroDateRefused: `diff --redline … --date 0001-01-01` exited 0
// and dated the tracked changes with NEW's Stand, because the zero date
// stood for "not given". A date the user gives is used or refused (exit 2,
// naming where it came from); nothing is written.
func TestRedlineZeroDateRefused(t *testing.T) {
	dir := t.TempDir()
	changed := writeFile(t, filepath.Join(dir, "neu.yaml"), strings.Replace(readFile(t, wohngeld), "kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: 6", 1))
	redline := filepath.Join(dir, "r.docx")
	diffArgs := func(extra ...string) []string {
		return append(append([]string{"diff", "--doc", "vereinbarung", "--redline", redline}, extra...), wohngeld, changed)
	}
	for _, date := range []string{"0001-01-01", "1899-12-31", "2101-01-01", "9999-12-31"} {
		runTable(t, []cliCase{
			{name: "flag " + date, args: diffArgs("--date", date), code: exitUsage, stdout: empty,
				stderr: usage("--date: Datum zwischen 1900-01-01 und 2100-12-31 erwartet, nicht „" + date + "“")},
		})
	}
	t.Run("environment", func(t *testing.T) {
		t.Setenv("VEREINBAR_REDLINE_DATUM", "0001-01-01")
		cliCase{args: diffArgs(), code: exitUsage, stdout: empty,
			stderr: usage("VEREINBAR_REDLINE_DATUM: Datum zwischen 1900-01-01 und 2100-12-31 erwartet")}.run(t)
	})
	t.Run("config file", func(t *testing.T) {
		cfg := writeFile(t, filepath.Join(dir, "alt.yaml"), "redline_datum: 0001-01-01\n")
		cliCase{args: diffArgs("--config", cfg), code: exitError, stdout: empty,
			stderr: contains("alt.yaml:1:16: redline_datum: erwartet ein Datum von 1900-01-01 bis 2100-12-31, gefunden „0001-01-01“")}.run(t)
	})
	if _, err := os.Stat(redline); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("refused date still wrote %s (%v)", redline, err)
	}
	// The bounds themselves are dates like any other.
	for _, date := range []string{"1900-01-01", "2100-12-31"} {
		cliCase{args: diffArgs("--date", date), code: 0, stderr: empty}.run(t)
		zr, err := zip.OpenReader(redline)
		if err != nil {
			t.Fatal(err)
		}
		f, err := zr.Open("word/document.xml")
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(f)
		f.Close()
		zr.Close()
		if err != nil {
			t.Fatal(err)
		}
		if want := `w:date="` + date + `T00:00:00Z"`; !bytes.Contains(b, []byte(want)) {
			t.Errorf("--date %s: redline lacks %s", date, want)
		}
	}
}
