package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
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

// withPart copies the DOCX from into to with the part name changed by fn.
func withPart(t *testing.T, from, to, name string, fn func(string) string) string {
	t.Helper()
	src := []byte(readFile(t, from))
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	found := false
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
		if f.Name == name {
			b, found = []byte(fn(string(b))), true
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
	if !found {
		t.Fatalf("%s has no part %s", from, name)
	}
	if err := os.WriteFile(to, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return to
}

// TestDTDInAnyDocxPart: a DTD was refused in word/document.xml but
// accepted in [Content_Types].xml, footers and the other parts the reader
// never parses. check and diff now refuse it in every part.
func TestDTDInAnyDocxPart(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if code, _, stderr := runCLI("generate", "--formats", "docx", "--kinds", "vereinbarung", "--out", dir, wohngeld); code != 0 {
		t.Fatalf("generate: %s", stderr)
	}
	orig := filepath.Join(dir, "wohngeld-ring", "vereinbarung.docx")
	dtd := func(x string) string {
		decl := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`
		if !strings.HasPrefix(x, decl) {
			t.Fatalf("part does not start with %s: %.80s", decl, x)
		}
		return decl + `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>` + x[len(decl):]
	}
	var cases []cliCase
	for _, part := range []string{"[Content_Types].xml", "word/footer1.xml", "word/settings.xml", "docProps/app.xml"} {
		f := withPart(t, orig, filepath.Join(dir, strings.NewReplacer("/", "-", "[", "", "]", "").Replace(part)+".docx"), part, dtd)
		want := f + ": DOCX-Datei mit DTD oder Entity-Deklaration abgelehnt: " + part + " enthält <!DOCTYPE x"
		cases = append(cases,
			cliCase{name: "check " + part, args: []string{"check", f}, code: 1, stdout: contains("1 Datei nicht lesbar"), stderr: contains(want)},
			cliCase{name: "diff " + part, args: []string{"diff", orig, f}, code: 1, stdout: empty, stderr: contains(want)},
		)
	}
	runTable(t, cases)
}

// TestReservedKurztitel: "kurztitel: con" was accepted, and generate made
// a folder out/con that Windows can neither create nor copy.
func TestReservedKurztitel(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	f := variant(t, dir, "con.yaml", "kurztitel: wohngeld-ring", "kurztitel: con")
	want := f + ":9:14: vorhaben.kurztitel: „con“ ist unter Windows ein reservierter Gerätename (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9) und kann keinen Ordner benennen – anderen Kurztitel wählen, z. B. „con-vorhaben“"
	// after the parallel subtests
	t.Cleanup(func() {
		if _, err := os.Stat(filepath.Join(out, "con")); !os.IsNotExist(err) {
			t.Errorf("out/con exists or cannot be checked: %v", err)
		}
	})
	runTable(t, []cliCase{
		{name: "costs", args: []string{"costs", f}, code: 1, stdout: empty, stderr: exactly(want + "\nvereinbar: 1 Fehler in " + f + "\n")},
		{name: "generate", args: []string{"generate", "--formats", "md", "--out", out, f}, code: 1, stdout: empty, stderr: contains(want)},
	})
}

// TestBinaryTag: "titel: !!binary …" was taken as the base64 text; only
// the standard tags are accepted now.
func TestBinaryTag(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := variant(t, dir, "binary.yaml", `titel: "Nachnutzung des EfA-Online-Dienstes „Wohngeld“"`, "titel: !!binary V29obmdlbGQ=")
	want := f + ":8:10: vorhaben.titel: YAML-Tag „!!binary“ wird nicht unterstützt; erlaubt sind nur !!str, !!int, !!float, !!bool, !!null, !!timestamp, !!map und !!seq – Tag entfernen\n"
	runTable(t, []cliCase{
		{name: "costs", args: []string{"costs", f}, code: 1, stdout: empty, stderr: exactly(want + "vereinbar: 1 Fehler in " + f + "\n")},
		{name: "generate", args: []string{"generate", "--formats", "md", "--out", filepath.Join(dir, "out"), f}, code: 1, stdout: empty, stderr: contains(want)},
	})
}

// TestYAMLSyntaxHints: YAML syntax errors were English and named the line
// where the enclosing block began. Each fixture holds one typical mistake;
// costs, check and generate report it in German at its line and column,
// with the line and a caret under the column, exactly as in the fixture's
// .err file.
func TestYAMLSyntaxHints(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var cases []cliCase
	for _, c := range []struct{ name, hint string }{
		{"einrueckung", "YAML-Syntaxfehler: Einrückung"},
		{"tabulator", "YAML-Syntaxfehler: Tabulator in der Einrückung"},
		{"doppelpunkt", "YAML-Syntaxfehler: fehlender Doppelpunkt"},
		{"syntaxfehler", "YAML-Syntaxfehler: nicht geschlossenes Anführungszeichen"},
		{"klammer", "YAML-Syntaxfehler: nicht geschlossene Klammer"},
	} {
		f := fixtures + "/invalid/" + c.name + ".yaml"
		report := strings.ReplaceAll(readFile(t, fixtures+"/invalid/"+c.name+".err"), "fixtures/invalid/", fixtures+"/invalid/")
		if !strings.Contains(report, c.hint) || !strings.Contains(report, "\n      | ") || !strings.HasSuffix(report, "^\n") {
			t.Errorf("%s.err lacks %q, the line or the caret:\n%s", c.name, c.hint, report)
		}
		cases = append(cases,
			cliCase{name: "costs " + c.name, args: []string{"costs", f}, code: 1, stdout: empty,
				stderr: exactly(report + "vereinbar: 1 Fehler in " + f + "\n")},
			cliCase{name: "check " + c.name, args: []string{"check", f}, code: 1,
				stdout: contains("1 Datei nicht lesbar"), stderr: contains(report)},
			cliCase{name: "generate " + c.name, args: []string{"generate", "--formats", "md", "--out", filepath.Join(dir, c.name), f}, code: 1,
				stdout: empty, stderr: contains(report, "1 fehlerhaft")},
		)
	}
	runTable(t, cases)
}

// TestImpossibleDates: "31.02.2027" got no suggestion, unlike other German
// dates; the schema for editors accepted 2027-02-31 and 0001-01-01 and
// had English messages only.
func TestImpossibleDates(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	f := variant(t, dir, "datum.yaml", "stand: 2026-11-28", "stand: 31.02.2027", "beginn: 2027-01-01", "beginn: 2027-02-31")
	beginn := lineOf(t, readFile(t, f), "  beginn: 2027-02-31")
	want := f + ":10:10: vorhaben.stand: „31.02.2027“ ist kein gültiges Datum der Form JJJJ-MM-TT – meinten Sie 2027-02-31? (der Monat hat 28 Tage)\n" +
		f + ":" + strconv.Itoa(beginn) + ":11: vertrag.beginn: „2027-02-31“ ist kein gültiges Datum der Form JJJJ-MM-TT (der Monat hat 28 Tage)\n" +
		"vereinbar: 2 Fehler in " + f + "\n"
	runTable(t, []cliCase{
		{name: "costs", args: []string{"costs", f}, code: 1, stdout: empty, stderr: exactly(want)},
		{name: "schema", args: []string{"schema"}, code: 0, stderr: empty, stdout: contains(
			`"pattern": "^(?:(?:20[0-9]{2}|2100)-(?:(?:0[13578]|1[02])-`,
			`"patternErrorMessage": "Datum in der Form JJJJ-MM-TT, ein Tag, den es gibt, zwischen 2000-01-01 und 2100-12-31`,
			`"patternErrorMessage": "Betrag in Euro mit Punkt als Dezimaltrenner`)},
	})
}
