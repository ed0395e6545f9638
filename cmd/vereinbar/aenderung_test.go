package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const aenderungDir = fixtures + "/aenderung"

// listed is the lines of paths in dir that a command prints.
func listed(dir string, names ...string) string {
	var b strings.Builder
	for _, n := range names {
		b.WriteString(filepath.Join(dir, n) + "\n")
	}
	return b.String()
}

// TestAenderung: the command writes the amendment with its Synopse and
// Lesefassung (the files listed on stdout), check proves it with --alt/--neu and finds a wrong pair, and
// every refusal exits non-zero with nothing written.
func TestAenderung(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	alt, neu := aenderungDir+"/betrag/alt.yaml", aenderungDir+"/betrag/neu.yaml"
	docx := filepath.Join(out, "aenderungsvereinbarung.docx")
	cliCase{name: "written", args: []string{"aenderung", alt, neu, "--out", out, "--formats", "docx,md", "--nr", "2"}, code: 0,
		// the operating costs of 2027 rise on 15 March 2027: written, with a warning
		stderr: contains("Warnung: aenderungsvereinbarung: AENDERUNG-002: Die Änderung ändert die Beträge des Haushaltsjahres 2027, das am Stand der neuen Fassung (15.03.2027) schon begonnen hat", "beitritt_ab"),
		stdout: exactly(listed(out, "aenderungsvereinbarung.docx", "aenderungsvereinbarung.md", "synopse.docx", "synopse.md", "lesefassung.docx", "lesefassung.md"))}.run(t)
	md := strings.ReplaceAll(readFile(t, filepath.Join(out, "aenderungsvereinbarung.md")), "\u00a0", " ")
	for _, w := range []string{"# Zweite Vereinbarung zur Änderung der Verwaltungsvereinbarung über die Nachnutzung des Online-Dienstes „Wohngeld-Antrag online“ vom 15. Dezember 2026", "## Artikel 1 Änderung der Verwaltungsvereinbarung", "1. § 6 Absatz 2 wird durch den folgenden Absatz 2 ersetzt:", "## Artikel 2 Inkrafttreten"} {
		if !strings.Contains(md, w) {
			t.Errorf("Markdown ohne %q", w)
		}
	}
	// Hessen joins before the term begins: no warning
	outB := t.TempDir()
	cliCase{name: "beitritt without warning", args: []string{"aenderung", aenderungDir + "/beitritt/alt.yaml", aenderungDir + "/beitritt/neu.yaml", "--out", outB, "--formats", "md"}, code: 0, stderr: empty,
		stdout: contains("aenderungsvereinbarung.md")}.run(t)
	runTable(t, []cliCase{
		{name: "check warns about the retroactive change", args: []string{"check", "--alt", alt, "--neu", neu, docx}, code: 0,
			stdout: contains("AENDERUNG-002")},
		{name: "check proves it", args: []string{"check", "--alt", alt, "--neu", neu, docx}, code: 0, stderr: empty,
			stdout: contains("DOCX als aenderung", "0 Fehler")},
		{name: "check finds a wrong pair", args: []string{"check", "--alt", aenderungDir + "/freitext/alt.yaml", "--neu", aenderungDir + "/freitext/neu.yaml", docx}, code: 3,
			stdout: contains("AENDERUNG-001", "§\u00a06 Absatz 2 lautet")},
		{name: "check --alt without --neu", args: []string{"check", "--alt", alt, docx}, code: 2, stderr: contains("--alt und --neu nur zusammen")},
		// the review found --alt/--neu silently ignored without an amendment
		{name: "check --alt --neu without a document", args: []string{"check", "--alt", alt, "--neu", neu}, code: 2, stdout: empty, stderr: contains("brauchen die Änderungsvereinbarung (DOCX oder PDF)")},
		{name: "check --alt --neu with a project file", args: []string{"check", "--alt", alt, "--neu", neu, neu}, code: 2, stdout: empty, stderr: contains("nicht die Projektdatei")},
	})
	for _, c := range []cliCase{
		{name: "no change", args: []string{"aenderung", alt, alt}, code: 1, stdout: empty, stderr: contains("keine Änderung")},
		{name: "ALT not signed", args: []string{"aenderung", fixtures + "/wohngeld-ring.yaml", neu}, code: 1, stdout: empty,
			stderr: contains("wohngeld-ring.yaml:47: parteien[0].unterschrift: Datum der Vereinbarung fehlt")},
		{name: "form changed", args: []string{"aenderung", alt, fixtures + "/bafoeg-stern.yaml"}, code: 1, stdout: empty, stderr: contains("vertrag.form: Vertragsform geändert")},
		{name: "nr out of range", args: []string{"aenderung", alt, neu, "--nr", "21"}, code: 2, stderr: contains("--nr: erwartet eine ganze Zahl von 1 bis 20")},
		{name: "nr contradicts the history", args: []string{"aenderung", aenderungDir + "/schluessel/alt.yaml", aenderungDir + "/schluessel/neu.yaml", "--nr", "1"}, code: 2, stdout: empty,
			stderr: contains("schluessel/alt.yaml:40: vertrag.aenderungen:", "die neue ist also die Zweite")},
		{name: "one argument", args: []string{"aenderung", alt}, code: 2},
		{name: "missing file", args: []string{"aenderung", alt, "gibt-es-nicht.yaml"}, code: 1, stderr: contains("gibt-es-nicht.yaml")},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			c.args = append(c.args, "--out", dir)
			c.run(t)
			if es, _ := os.ReadDir(dir); len(es) != 0 {
				t.Errorf("geschrieben trotz Fehler: %v", es)
			}
		})
	}
}

// TestCheckAenderungFolderKnowsSynopse (audit: check of the folder
// aenderung writes failed with "synopse.docx/pdf: Datei nicht prüfbar:
// Dokumentart nicht erkannt", exit 1): check recognises the Synopse by
// its title (DOCX) and its model kind (PDF) and says that there are no
// rules for it; the folder checks with exit 0.
func TestCheckAenderungFolderKnowsSynopse(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	alt, neu := aenderungDir+"/kombination/alt.yaml", aenderungDir+"/kombination/neu.yaml"
	// kombination changes 2027's amounts at a stand in 2027: written, with the warning
	cliCase{name: "written", args: []string{"aenderung", alt, neu, "--out", out, "--formats", "docx,pdf"}, code: 0, stderr: contains("AENDERUNG-002")}.run(t)
	code, stdout, stderr := runCLI("check", out)
	if code != 0 || strings.Contains(stdout+stderr, "nicht prüfbar") || strings.Contains(stdout+stderr, "nicht erkannt") {
		t.Fatalf("check %s: exit %d\n%s\n%s", out, code, stdout, stderr)
	}
	for _, w := range []string{
		filepath.Join(out, "synopse.docx") + ": geprüft: DOCX als Synopse (Titel „Synopse“): Gegenüberstellung zu einer Änderungsvereinbarung, keine Prüfregeln",
		filepath.Join(out, "synopse.pdf") + ": geprüft: PDF-Modell als Synopse (Dokumentart „synopse“)",
		filepath.Join(out, "lesefassung.pdf") + ": geprüft: PDF-Modell als vereinbarung-ring",
		"6 Dateien geprüft: 0 Fehler",
	} {
		if !strings.Contains(stdout, w) {
			t.Errorf("check ohne %q:\n%s", w, stdout)
		}
	}
}
