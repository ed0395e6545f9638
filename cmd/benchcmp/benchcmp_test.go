package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator"
)

// TestWriteSetGivesEachCopyItsOwnKurztitel: the generated project set
// must load, and no two copies may share an output directory.
func TestWriteSetGivesEachCopyItsOwnKurztitel(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	n, err := writeSet(fixturesDir, mixedSet(7), dir)
	if err != nil {
		t.Fatal(err)
	}
	if n != 7 {
		t.Fatalf("%d Projektdateien geschrieben, erwartet 7", n)
	}
	gen, err := generator.New(generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, err := generator.ProjectFiles([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]string{}
	for _, f := range files {
		p, err := gen.LoadProject(f)
		if err != nil {
			t.Fatal(err)
		}
		k := p.Data().Vorhaben.Kurztitel
		if other, dup := seen[k]; dup {
			t.Errorf("%s und %s haben denselben Kurztitel %s", f, other, k)
		}
		seen[k] = f
	}
	if len(seen) != 7 {
		t.Errorf("%d verschiedene Kurztitel, erwartet 7", len(seen))
	}
}

// TestMissingPeerIsReported: without pandoc and soffice on the PATH the
// peers say "nicht installiert" and the comparison says so too.
func TestMissingPeerIsReported(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	ctx := context.Background()
	docs := []agreementFile{{set: "x", base: "x-vereinbarung", docx: "x.docx", md: "x.md"}}
	rep := &report{
		machine: machine{cpus: 2},
		pandoc:  measurePandoc(ctx, docs, t.TempDir()),
		soffice: measureSoffice(ctx, docs, t.TempDir()),
		inproc: []inprocResult{
			{set: "x", route: "docx", docs: 1, rounds: 5, perDoc: time.Millisecond},
			{set: "x", route: "pdf", docs: 1, rounds: 5, perDoc: time.Millisecond},
		},
	}
	if !rep.pandoc.missing || !rep.soffice.missing {
		t.Fatalf("pandoc missing=%t, soffice missing=%t; want both missing", rep.pandoc.missing, rep.soffice.missing)
	}
	var out bytes.Buffer
	if err := rep.print(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"pandoc: nicht installiert", "LibreOffice: nicht installiert"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("Bericht ohne %q:\n%s", want, out.String())
		}
	}
	for _, line := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(line, "DOCX ") && !strings.Contains(line, "nicht installiert") {
			t.Errorf("Vergleichszeile ohne „nicht installiert“: %s", line)
		}
	}
}

// TestChildBatchReportsFiles runs the child mode on one small project.
func TestChildBatchReportsFiles(t *testing.T) {
	t.Parallel()
	in := t.TempDir()
	src, err := os.ReadFile(filepath.Join(fixturesDir, "wohngeld-ring.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "p.yaml"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	o := options{internStapel: in, internOut: t.TempDir(), jobs: 1}
	if err := childBatch(o, &out); err != nil {
		t.Fatal(err)
	}
	// vereinbarung, projektbeschreibung, projektsteckbrief and projektplan
	// in the measured formats docx, pdf and md
	if !strings.Contains(out.String(), `"files":12`) || !strings.Contains(out.String(), `"failed":0`) {
		t.Errorf("Bericht %s, erwartet 12 Dateien ohne Fehler", out.String())
	}
}
