package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestUebersichtErrors: wrong calls of uebersicht end with a German
// message, exit code 2 for a wrong call and 1 for data at fault, and
// write nothing.
func TestUebersichtErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	proj := filepath.Join(dir, "projekt.csv") // a project file under a spreadsheet's name
	link := filepath.Join(dir, "verweis.xlsx")
	if err := os.WriteFile(proj, []byte(readFile(t, wohngeld)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(proj, link); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "u.xlsx")
	if err := os.Mkdir(filepath.Join(dir, "ordner.xlsx"), 0o755); err != nil {
		t.Fatal(err)
	}
	runTable(t, []cliCase{
		{name: "unknown Land", args: []string{"uebersicht", wohngeld, "--land", "XX", "--out", out}, code: 2,
			stdout: empty, stderr: usage("--land: unbekanntes Länderkürzel „XX“; erlaubt sind BW, BY")},
		{name: "Land by name", args: []string{"uebersicht", wohngeld, "--land", "Bremen", "--out", out}, code: 2,
			stdout: empty, stderr: usage("meinten Sie „HB“ (Bremen)?")},
		{name: "no Land", args: []string{"uebersicht", wohngeld, "--out", out}, code: 2,
			stdout: empty, stderr: usage("--land fehlt")},
		{name: "no project with the Land", args: []string{"uebersicht", wohngeld, "--land", "BW", "--out", out}, code: 1,
			stdout: empty, stderr: exactly("vereinbar: keine der 1 Projektdateien (" + wohngeld + ") hat Baden-Württemberg (BW) als Vertragspartei; mit --alle enthält die Übersicht alle Vorhaben\n")},
		{name: "bad format", args: []string{"uebersicht", wohngeld, "--land", "ST", "--format", "pdf"}, code: 2,
			stdout: empty, stderr: usage("--format: erlaubt sind xlsx und csv, nicht „pdf“")},
		{name: "out without extension", args: []string{"uebersicht", wohngeld, "--land", "ST", "--out", filepath.Join(dir, "u.ods")}, code: 2,
			stdout: empty, stderr: usage("endet nicht auf .xlsx oder .csv")},
		{name: "out and format disagree", args: []string{"uebersicht", wohngeld, "--land", "ST", "--format", "csv", "--out", out}, code: 2,
			stdout: empty, stderr: usage("endet auf .xlsx, --format ist aber csv")},
		{name: "out is the input", args: []string{"uebersicht", proj, "--land", "ST", "--out", proj}, code: 2,
			stdout: empty, stderr: usage("ist die Projektdatei „" + proj + "“ und würde überschrieben")},
		{name: "out links to the input", args: []string{"uebersicht", proj, "--land", "ST", "--out", link}, code: 2,
			stdout: empty, stderr: usage("ist die Projektdatei „" + proj + "“ und würde überschrieben")},
		{name: "out is a directory", args: []string{"uebersicht", wohngeld, "--land", "ST", "--out", filepath.Join(dir, "ordner.xlsx")}, code: 2,
			stdout: empty, stderr: usage("ist ein Verzeichnis, keine reguläre Datei")},
		{name: "data at fault", args: []string{"uebersicht", fixtures + "/invalid/einrueckung.yaml", "--land", "ST", "--out", out}, code: 1,
			stdout: empty, stderr: contains("einrueckung.yaml:34:9: YAML-Syntaxfehler")},
	})
	t.Cleanup(func() {
		if _, err := os.Stat(out); err == nil {
			t.Errorf("a failed call wrote %s", out)
		}
		if got := readFile(t, proj); got != readFile(t, wohngeld) {
			t.Error("the project file was changed")
		}
	})
}

// TestUebersichtWrites: the XLSX by default, CSV by the ending of --out,
// with the number of projects on stdout.
func TestUebersichtWrites(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	xlsx, csv := filepath.Join(dir, "u.xlsx"), filepath.Join(dir, "u.csv")
	runTable(t, []cliCase{
		{name: "xlsx", args: []string{"uebersicht", fixtures, "--land", "st", "--out", xlsx}, code: 0,
			stdout: exactly(xlsx + ": 3 Vorhaben, Übersicht Sachsen-Anhalt\n"), stderr: empty},
		{name: "csv", args: []string{"uebersicht", fixtures, "--land", "ST", "--alle", "--out", csv}, code: 0,
			stdout: exactly(csv + ": 6 Vorhaben, Übersicht Sachsen-Anhalt\n"), stderr: empty},
	})
	t.Cleanup(func() {
		if b, err := os.ReadFile(xlsx); err != nil || !bytes.HasPrefix(b, []byte("PK")) {
			t.Errorf("%s is no XLSX (zip): %v", xlsx, err)
		}
		if b, err := os.ReadFile(csv); err != nil || !bytes.HasPrefix(b, []byte("\ufeffGruppe;OZG-ID;")) {
			t.Errorf("%s is no CSV with BOM and semicolons: %v", csv, err)
		}
	})
}
