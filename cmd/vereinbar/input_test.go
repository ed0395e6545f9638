package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// lacks fails if the stream holds any of subs.
func lacks(subs ...string) check {
	return func(t *testing.T, stream, got string) {
		t.Helper()
		for _, s := range subs {
			if strings.Contains(got, s) {
				t.Errorf("%s holds %q:\n%s", stream, s, got)
			}
		}
	}
}

// variant writes the Wohngeld fixture with the replacements old → new (in
// pairs) into dir/name and returns its path.
func variant(t *testing.T, dir, name string, pairs ...string) string {
	t.Helper()
	src := readFile(t, wohngeld)
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(src, pairs[i]) {
			t.Fatalf("%q not in %s", pairs[i], wohngeld)
		}
		src = strings.Replace(src, pairs[i], pairs[i+1], 1)
	}
	return writeFile(t, filepath.Join(dir, name), src)
}

// TestStandYearOne: "stand: 0001-01-01" passed validation and check, then
// every PDF failed with the renderer's "Meta.Date fehlt" and no position.
// Now generate, check and costs name the line, the column and the data
// path, and no lower layer's message reaches the user.
func TestStandYearOne(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := variant(t, dir, "stand.yaml", "stand: 2026-11-28", "stand: 0001-01-01")
	at := f + ":10:10: vorhaben.stand: Datum 0001-01-01 liegt außerhalb des plausiblen Bereichs 2000-01-01 bis 2100-12-31"
	runTable(t, []cliCase{
		{name: "generate", args: []string{"generate", "--out", filepath.Join(dir, "out"), f}, code: 1,
			stdout: empty, stderr: all(contains(at, "1 fehlerhaft"), lacks("Meta.Date"))},
		{name: "check", args: []string{"check", f}, code: 1,
			stdout: contains("1 Datei nicht lesbar"), stderr: contains(at)},
		{name: "costs", args: []string{"costs", f}, code: 1, stdout: empty, stderr: exactly(at + " – Tippfehler im Jahr?\nvereinbar: 1 Fehler in " + f + "\n")},
	})
}

// TestRowTooTallAtDataPosition: a text too long for a table row of a PDF
// page is named by line, column and data path, not by the template only.
func TestRowTooTallAtDataPosition(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	long := strings.TrimSpace(strings.Repeat("Informationskampagne ", 3000))
	f := variant(t, dir, "lang.yaml", `massnahme: "Kommunikationskampagne der Länder"`, `massnahme: "`+long+`"`)
	line := lineOf(t, readFile(t, f), `    - {bezeichnung: "Geringe Nutzung`)
	cliCase{args: []string{"generate", "--kinds", "beschreibung", "--formats", "pdf", "--out", filepath.Join(dir, "out"), f}, code: 1, stdout: empty,
		stderr: contains(fmt.Sprintf("%s:%d:91: projekt.risiken[2].massnahme: projektbeschreibung.pdf: ungültiges Dokumentmodell: Zeile 4 ist", f, line), "Text kürzen")}.run(t)
}
