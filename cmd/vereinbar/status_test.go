package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

const ehe = fixtures + "/eheschliessung-ring.yaml"

// signAll writes the eheschliessung fixture with every party's signature,
// the last on day last, and returns its path.
func signAll(t *testing.T, last string) string {
	t.Helper()
	src := readFile(t, ehe)
	for _, l := range []struct{ land, day string }{{"NI", "2026-09-29"}, {"HH", "2026-09-29"}, {"SH", last}} {
		old := "  - land: " + l.land + "\n"
		if !strings.Contains(src, old) {
			t.Fatalf("test setup: %q not in %s", old, ehe)
		}
		src = strings.Replace(src, old, old+"    unterschrift: {datum: "+l.day+", ort: X, name: N, amtsbezeichnung: A}\n", 1)
	}
	src = strings.Replace(src, "stand: 2026-10-01", "stand: 2027-03-01", 1)
	p := filepath.Join(t.TempDir(), "ehe.yaml")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestStatus: status shows who has signed, who is missing, the next party
// in the circulation order and the day of entry into force — the stated
// day or the last signature, whichever is later.
func TestStatus(t *testing.T) {
	t.Parallel()
	early, late := signAll(t, "2026-09-30"), signAll(t, "2027-02-15")
	runTable(t, []cliCase{
		{name: "ring, implementing Land signed", args: []string{"status", ehe}, code: 0, stderr: empty,
			stdout: exactly(ehe + ":\n" +
				"  vereinbarung (elektronisch, Umlauf HB → HH → NI → SH)\n" +
				"    unterschrieben: HB (Bremen) am 28.09.2026 in Bremen – Dr. Jana Beispiel, Staatsrätin\n" +
				"    nicht unterschrieben: HH, NI, SH\n" +
				"    als Nächstes: HH (Hamburg)\n" +
				"    Inkrafttreten: noch nicht in Kraft\n")},
		{name: "all signed before the stated day", args: []string{"status", early}, code: 0, stderr: empty,
			stdout: contains("    Inkrafttreten: 01.01.2027\n")},
		{name: "last signature after the stated day", args: []string{"status", late}, code: 0, stderr: empty,
			stdout: contains("    Inkrafttreten: 15.02.2027\n")},
		{name: "star: one agreement per re-using Land", args: []string{"status", bafoeg}, code: 0, stderr: empty,
			stdout: contains("  vereinbarung-BB (papier, Umlauf ST → BB)\n", "  vereinbarung-SN (papier, Umlauf ST → SN)\n", "    als Nächstes: ST (Sachsen-Anhalt)\n")},
		{name: "fit-store has no agreement", args: []string{"status", aufenthalt}, code: 0, stderr: empty,
			stdout: contains("keine Vereinbarung zu unterzeichnen")},
		{name: "invalid file", args: []string{"status", ehe, fixtures + "/invalid/einrueckung.yaml"}, code: 1,
			stdout: contains(ehe + ":\n"), stderr: contains("einrueckung.yaml:34:9: YAML-Syntaxfehler")},
		{name: "missing file", args: []string{"status", "gibt-es-nicht.yaml"}, code: 1, stdout: empty,
			stderr: contains("gibt-es-nicht.yaml")},
	})
}

// TestStatusJSON: --json keeps its schema — every key present, lists
// never null — so scripts can rely on it.
func TestStatusJSON(t *testing.T) {
	t.Parallel()
	code, stdout, stderr := runCLI("status", "--json", ehe, aufenthalt, signAll(t, "2026-09-30"))
	if code != 0 || stderr != "" {
		t.Fatalf("exit code %d, stderr %q", code, stderr)
	}
	var got []map[string]any
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v:\n%s", err, stdout)
	}
	if len(got) != 3 {
		t.Fatalf("%d projects, want 3", len(got))
	}
	// ProjectFiles gives the files in a stable order; find each by name
	byFile := map[string]map[string]any{}
	for _, p := range got {
		byFile[filepath.Base(p["file"].(string))] = p
	}
	a := byFile["eheschliessung-ring.yaml"]["agreements"].([]any)[0].(map[string]any)
	want := map[string]any{
		"document": "vereinbarung", "form": "elektronisch",
		"order":   []any{"HB", "HH", "NI", "SH"},
		"signed":  []any{map[string]any{"land": "HB", "date": "2026-09-28", "place": "Bremen", "name": "Dr. Jana Beispiel", "amtsbezeichnung": "Staatsrätin"}},
		"missing": []any{"HH", "NI", "SH"}, "next": "HH", "in_force": "",
	}
	if !reflect.DeepEqual(a, want) {
		t.Errorf("agreement\n got %v\nwant %v", a, want)
	}
	if ags, ok := byFile["aufenthaltstitel-fitstore.yaml"]["agreements"].([]any); !ok || len(ags) != 0 {
		t.Errorf("fit-store project: agreements = %#v, want []", byFile["aufenthaltstitel-fitstore.yaml"]["agreements"])
	}
	done := byFile["ehe.yaml"]["agreements"].([]any)[0].(map[string]any)
	if done["in_force"] != "2027-01-01" || done["next"] != "" || len(done["missing"].([]any)) != 0 {
		t.Errorf("all signed: %v", done)
	}
}
