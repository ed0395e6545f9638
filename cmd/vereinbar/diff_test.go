package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/diff"
	"github.com/vereinbar/vereinbar/generator/render/docx"
)

// writeDocxDir renders every document of project into dir as DOCX, like
// generate does, and returns dir.
func writeDocxDir(t *testing.T, project, dir string) string {
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
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, k := range generator.Kinds(p) {
		d, err := g.Document(context.Background(), p, r, k)
		if err != nil {
			t.Fatal(err)
		}
		if err := docx.RenderFile(filepath.Join(dir, k.File+".docx"), d, docx.Options{}); err != nil {
			t.Fatal(err)
		}
	}
	return dir
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
	outDir := writeDocxDir(t, wohngeld, filepath.Join(dir, "out"))
	edited := editDocx(t, filepath.Join(outDir, "vereinbarung.docx"), filepath.Join(dir, "vereinbarung.docx"), "Frist von 12 Monaten", "Frist von drei Monaten")
	redline := filepath.Join(dir, "redline.docx")
	const where = "§\u00a013, Abs. (2)"
	isJSON := func(t *testing.T, stream, got string) {
		t.Helper()
		var rep diff.Report
		if err := json.Unmarshal([]byte(got), &rep); err != nil {
			t.Fatalf("%s: %v", stream, err)
		}
		if !rep.Changed() || len(rep.Files) != 3 || rep.Files[0].Result.Changes[0].Loc.Paragraph != "(2)" {
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
			stdout: contains("# Änderungen", "| geändert | "+where+" |", "~~12~~", "**6**"), stderr: empty},
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
			stdout: all(contains("== bafoeg-stern/vereinbarung-SN\n  keine inhaltlichen Änderungen", "== wohngeld-ring/vereinbarung\n  [geändert]   §\u00a013, Abs. (2): ", "[-12-]{+6+}"), notContains("nur in")), stderr: empty},
		{name: "one project folder each", args: []string{"diff", "--exit-code", filepath.Join(old, "bafoeg-stern"), filepath.Join(new, "bafoeg-stern")}, code: 0,
			stdout: contains("== vereinbarung-TH\n  keine inhaltlichen Änderungen"), stderr: empty},
	})
}
