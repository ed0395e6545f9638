package refdata_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/refdata"
)

// TestBuiltinProjektplan: the embedded task data loads; every phase of
// the plan has tasks, every role named in the seed's list of roles
// (chapter 4) has at least one, every dimension occurs, and every task
// names its section of the seed guide.
func TestBuiltinProjektplan(t *testing.T) {
	t.Parallel()
	p, err := refdata.LoadProjektplan("")
	if err != nil {
		t.Fatal(err)
	}
	if p.Datei != "eingebaut:projektplan.yaml" || p.Quelldatei != "leitfaden-nachnutzung-ozg-sachsen-anhalt.txt" || !strings.Contains(p.Quelle, "Kapitel 3 und 4") {
		t.Errorf("Datei %q, Quelle %q", p.Datei, p.Quelle)
	}
	phases, roles, dims := map[string]int{}, map[string]int{}, map[string]int{}
	for _, a := range p.Aufgaben {
		phases[a.Phase]++
		roles[a.Rolle]++
		dims[a.Dimension]++
		if !strings.HasPrefix(a.Abschnitt, "3.") && !strings.HasPrefix(a.Abschnitt, "2.4.2 ") {
			t.Errorf("%q: Abschnitt %q ist keiner aus Kapitel 3 oder 2.4.2", a.Aufgabe, a.Abschnitt)
		}
	}
	for _, ph := range refdata.PlanPhasen {
		if phases[ph] == 0 {
			t.Errorf("Phase %s ohne Aufgaben", ph)
		}
	}
	for _, r := range []string{"OZG-K", "OZG-R", "FR", "VV", "IT-DL", "TF-FF", "LV", "PL", "FE", "EW"} {
		if roles[r] == 0 {
			t.Errorf("Rolle %s ohne Aufgaben", r)
		}
	}
	for _, d := range refdata.PlanDimensionen {
		if dims[d] == 0 {
			t.Errorf("Dimension %s ohne Aufgaben", d)
		}
	}
	// EfA projects see the tasks of the Themenfeld-Federführer, not those
	// of an own project group; an own development the reverse.
	efa, own := p.For("efa"), p.For("fim_eigenentwicklung")
	has := func(as []refdata.PlanAufgabe, role string) bool {
		return slices.ContainsFunc(as, func(a refdata.PlanAufgabe) bool { return a.Rolle == role })
	}
	if !has(efa, "TF-FF") || has(efa, "PL") || has(own, "TF-FF") || !has(own, "PL") || !has(own, "OZG-K") {
		t.Error("For filtert die Aufgaben nicht nach dem Nachnutzungsmodell")
	}
	if r, ok := p.Rolle("IT-DL"); !ok || r.Name != "IT-Dienstleister" {
		t.Errorf("Rolle IT-DL: %+v", r)
	}
}

func TestLoadProjektplanFromFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, s string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	good := "quelle: \"eigene Fassung\"\nrollen:\n  - {kuerzel: PL, name: Projektleitung, abschnitt: \"Handbuch 1\"}\naufgaben:\n  - {phase: planung, rolle: PL, dimension: finanziell, aufgabe: \"Budget planen\", abschnitt: \"Handbuch 2\"}\n"
	p, err := refdata.LoadProjektplan(write("gut.yaml", good))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Aufgaben) != 1 || p.Aufgaben[0].Aufgabe != "Budget planen" || !strings.HasSuffix(p.Datei, "gut.yaml") {
		t.Errorf("geladen: %+v", p)
	}
	for i, tt := range []struct{ src, want string }{
		{strings.Replace(good, "aufgabe:", "aufgab:", 1), "bad0.yaml:5: aufgaben[0].aufgab: unbekannter Schlüssel „aufgab“ – meinten Sie „aufgabe“?"},
		{strings.Replace(good, "phase: planung", "phase: plannung", 1), "bad1.yaml:5: aufgaben[0].phase: „plannung“ (erlaubt: initialisierung, pruefung, planung, umsetzung, einfuehrung, laufend) – meinten Sie „planung“?"},
		{strings.Replace(good, "rolle: PL", "rolle: XY", 1), "aufgaben[0].rolle: „XY“ (erlaubt: PL)"},
		{strings.Replace(good, "dimension: finanziell", "dimension: geld", 1), "aufgaben[0].dimension"},
		{strings.Replace(good, ", abschnitt: \"Handbuch 2\"", "", 1), "aufgaben[0].abschnitt: Abschnitt der Quelle fehlt"},
		{strings.Replace(good, "\"Handbuch 2\"}", "\"Handbuch 2\", modelle: [efa, ozg]}", 1), "aufgaben[0].modelle[1]: „ozg“"},
		{strings.Replace(good, "aufgaben:", "  - {kuerzel: PL, name: X, abschnitt: Y}\naufgaben:", 1), "bad6.yaml:4: rollen[1].kuerzel: Kürzel „PL“ doppelt"},
		{strings.Replace(good, "quelle: \"eigene Fassung\"", "quelle: \"\"", 1), "quelle: die Quelle der Aufgaben fehlt"},
		{strings.Split(good, "aufgaben:")[0], "aufgaben: keine Aufgaben"},
		{"", "Datei ist leer"},
		{"quelle: [\n", "kein gültiges YAML"},
		{"quelle: &q x\nrollen: []\naufgaben: *q\n", "Aliase"},
	} {
		path := write("bad"+string(rune('0'+i))+".yaml", tt.src)
		_, err := refdata.LoadProjektplan(path)
		if !errors.Is(err, refdata.ErrProjektplan) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Fall %d: %v\nerwartet %q", i, err, tt.want)
		}
	}
	// audit: a wrong type, broken YAML and a bad value in block style are
	// said in German with the line of the field and its path
	block := "quelle: \"eigene Fassung\"\nrollen:\n  - kuerzel: PL\n    name: Projektleitung\n    abschnitt: \"Handbuch 1\"\naufgaben:\n  - phase: planung\n    rolle: PL\n    dimension: finanziell\n    aufgabe: \"Budget planen\"\n    abschnitt: \"Handbuch 2\"\n"
	if _, err := refdata.LoadProjektplan(write("block.yaml", block)); err != nil {
		t.Fatal(err)
	}
	for i, tt := range []struct{ src, want string }{
		{strings.Replace(block, "aufgabe: \"Budget planen\"", "aufgabe: [1, 2]", 1), "block0.yaml:10: aufgaben[0].aufgabe: muss ein Text sein, nicht eine Liste"},
		{strings.Replace(block, "dimension: finanziell", "dimension: geld", 1), "block1.yaml:9: aufgaben[0].dimension: „geld“"},
		{strings.Replace(block, "    name: Projektleitung", "    name: {a: b}", 1), "block2.yaml:4: rollen[0].name: muss ein Text sein, nicht eine Zuordnung"},
		{strings.Replace(block, "rollen:\n", "rollen: x\nx:\n", 1), "block3.yaml:2: rollen: muss eine Liste sein, nicht „x“"},
		{strings.Replace(block, "  - phase: planung", "  - phase: planung\n   rolle: PL", 1), "block4.yaml:"},
		{strings.Replace(block, "aufgaben:\n", "aufgaben: [\n", 1), "kein gültiges YAML: "},
		{"- a\n- b\n", "block6.yaml:1: die Datei muss eine Zuordnung von Schlüsseln sein"},
		{strings.Replace(block, "    rolle: PL", "    rolle: PL\n    rolle: PL", 1), "block7.yaml:9: aufgaben[0].rolle: Schlüssel „rolle“ doppelt (zuerst in Zeile 8)"},
	} {
		_, err := refdata.LoadProjektplan(write("block"+string(rune('0'+i))+".yaml", tt.src))
		if !errors.Is(err, refdata.ErrProjektplan) || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Fall block%d: %v\nerwartet %q", i, err, tt.want)
		}
		// no English text of the YAML library
		for _, en := range []string{"cannot unmarshal", "did not find", "mapping values", "into string", "line "} {
			if err != nil && strings.Contains(err.Error(), en) {
				t.Errorf("Fall block%d: English %q in %v", i, en, err)
			}
		}
	}
	if _, err := refdata.LoadProjektplan(filepath.Join(dir, "fehlt.yaml")); !errors.Is(err, refdata.ErrProjektplan) || !strings.Contains(err.Error(), "existiert nicht") {
		t.Errorf("fehlende Datei: %v", err)
	}
	if _, err := refdata.LoadProjektplan(dir); !errors.Is(err, refdata.ErrProjektplan) || !strings.Contains(err.Error(), "keine reguläre Datei") {
		t.Errorf("Verzeichnis: %v", err)
	}
}
