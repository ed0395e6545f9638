package generator_test

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/batch"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/kind"
	"github.com/xuri/excelize/v2"
)

// liste is a kind declared only in this test that is a data output and
// nothing else: one sheet per project listing its parties, written by a
// function of the test as a kind file wires one of package sheets.
func liste() kind.Kind {
	return kind.Kind{
		Name: "liste", Title: "Parteienliste", Akkusativ: "eine Parteienliste",
		Files: []kind.FileName{{Stem: "parteienliste"}},
		Docs: func(pr *data.Projekt) []kind.Doc {
			if pr.Vertrag.Form != "ring" {
				return nil
			}
			return []kind.Doc{{File: "parteienliste"}}
		},
		Sheet: &kind.Sheet{Format: "xlsx", Write: func(w io.Writer, in kind.SheetInput) error {
			f := excelize.NewFile()
			defer f.Close()
			for i, p := range in.Projekt.Parteien {
				if err := f.SetCellStr("Sheet1", "A"+strconv.Itoa(i+1), string(p.Land)); err != nil {
					return err
				}
			}
			return f.Write(w)
		}},
	}
}

// TestSheetKindRegisteredInTest: a kind that is only a data output,
// added by its declaration alone, is written by generate in its format
// (and in no other), selected by --kinds, written by the batch with its
// kind in the manifest and removed as stale when no longer produced; the
// project's check, diff and signing status pass it by.
func TestSheetKindRegisteredInTest(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	gen, err := generator.New(generator.Options{Kinds: append(kind.Builtins(), liste())})
	if err != nil {
		t.Fatal(err)
	}
	ring := filepath.Join(fixturesDir, "wohngeld-ring.yaml")
	names, err := gen.ParseKinds("liste")
	if err != nil {
		t.Fatal(err)
	}

	// generate: only its format, whatever else is asked for
	written, err := gen.GenerateProject(context.Background(), ring, filepath.Join(dir, "out"), generator.Formats, names)
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != 1 || filepath.Base(written[0].Path) != "parteienliste.xlsx" {
		t.Fatalf("written %v, want parteienliste.xlsx only", written)
	}
	b, err := os.ReadFile(written[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue("Sheet1", "A1"); v == "" {
		t.Errorf("parteienliste.xlsx: A1 empty, the kind's writer did not write it")
	}
	f.Close()
	written, err = gen.GenerateProject(context.Background(), ring, filepath.Join(dir, "none"), []string{"docx", "pdf", "md"}, names)
	if err != nil || len(written) != 0 {
		t.Errorf("--formats docx,pdf,md --kinds liste wrote %v (%v), want nothing", written, err)
	}

	// the batch writes it with its kind and format, and removes it once
	// a run no longer produces it
	out := filepath.Join(dir, "batch")
	res, err := batch.Run(context.Background(), gen, []string{ring}, batch.Options{OutDir: out, Jobs: 2, Formats: []string{"md", "xlsx"}, Kinds: []string{"liste", "beschreibung"}})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Projects[0].Files {
		got = append(got, f.Path+" "+f.Kind+" "+f.Format)
	}
	want := []string{"wohngeld-ring/projektbeschreibung.md beschreibung md", "wohngeld-ring/parteienliste.xlsx liste xlsx"}
	if !slices.Equal(got, want) {
		t.Errorf("batch files %q, want %q", got, want)
	}
	m, err := os.ReadFile(filepath.Join(out, batch.ManifestName))
	if err != nil || !strings.Contains(string(m), `"path": "wohngeld-ring/parteienliste.xlsx"`) {
		t.Errorf("manifest lacks the sheet (%v):\n%s", err, m)
	}
	other, err := generator.New(generator.Options{Kinds: append(kind.Builtins(), func() kind.Kind {
		k := liste()
		k.Docs = func(*data.Projekt) []kind.Doc { return nil }
		return k
	}())})
	if err != nil {
		t.Fatal(err)
	}
	res, err = batch.Run(context.Background(), other, []string{ring}, batch.Options{OutDir: out, Jobs: 1, Formats: []string{"md", "xlsx"}, Kinds: []string{"liste", "beschreibung"}})
	if err != nil {
		t.Fatal(err)
	}
	if r := res.Projects[0].Removed; !slices.Equal(r, []string{"wohngeld-ring/parteienliste.xlsx"}) {
		t.Errorf("removed %v, want the sheet no longer produced", r)
	}

	// check, diff and status pass it by
	rep := gen.Check(context.Background(), ring, generator.CheckOptions{})
	if rep.Err != nil {
		t.Fatal(rep.Err)
	}
	for _, c := range rep.Checked {
		if strings.Contains(c, "parteienliste") {
			t.Errorf("check took the sheet for a document: %v", rep.Checked)
		}
	}
	side, err := gen.DiffSide(ring)
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(side, func(d generator.DiffDoc) bool { return d.Name == "parteienliste" }) {
		t.Errorf("diff side holds the sheet")
	}
	p, err := gen.LoadProject(ring)
	if err != nil {
		t.Fatal(err)
	}
	_ = gen.Status(p) // must not call the sheet's (absent) Check
}

// TestSheetGoldens compares a dump of every cell (testtool.DumpXLSX) of
// every data output of every fixture with
// testdata/<fixture>.<file>.<format>.txt (-update rewrites).
func TestSheetGoldens(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	for _, path := range fixtureFiles(t, fixturesDir) {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			p, res := loadFixture(t, gen, path)
			for _, d := range gen.AllDocs(p) {
				if d.Sheet == nil {
					continue
				}
				outs, err := gen.RenderDoc(context.Background(), p, res, d, []string{d.Sheet.Format})
				if err != nil {
					t.Fatal(err)
				}
				if len(outs) != 1 {
					t.Fatalf("%s: %d outputs, want the sheet", d.File, len(outs))
				}
				checkGolden(t, filepath.Join("testdata", name+"."+d.File+"."+d.Sheet.Format+".txt"), testtool.DumpXLSX(t, outs[0].Data))
			}
		})
	}
}
