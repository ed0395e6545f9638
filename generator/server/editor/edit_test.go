package editor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

const sample = `# Kopfkommentar
vorhaben:
  titel: "Nachnutzung"   # Titel
  kurztitel: test
  stand: 2026-01-15

  version: "1.0"

# Die Parteien
parteien:
  - land: ST          # umsetzend
    rolle: umsetzend
    vertreten_durch: "das Ministerium"

  # zweite Partei
  - land: BE
    rolle: nachnutzend
    vertreten_durch: "die Senatsverwaltung"
kosten:
  positionen:
    - id: betrieb
      art: betrieb
      bezeichnung: "Betrieb"
      betrag: "TODO"
      turnus: jaehrlich
      jahre: [2027, 2028]
vertrag:
  kuendigungsfrist_monate: 12
verteilung:
  umsetzendes_land_traegt_anteil: true
  schluessel:
    - {gewicht: 50, art: koenigstein, jahr: 2016}
    - {gewicht: 50, art: paritaet}
`

func mustApply(t *testing.T, src string, edits ...Edit) string {
	t.Helper()
	out, err := Apply([]byte(src), edits)
	if err != nil {
		t.Fatalf("Apply(%v): %v", edits, err)
	}
	return string(out)
}

// value reads the scalar at a path of the result with its tag.
func value(t *testing.T, src, path string) (string, string) {
	t.Helper()
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(src), &doc); err != nil {
		t.Fatalf("result is no YAML: %v\n%s", err, src)
	}
	segs, err := parsePath(path)
	if err != nil {
		t.Fatal(err)
	}
	cur := doc.Content[0]
	for _, s := range segs {
		if s.isIdx {
			if cur.Kind != yaml.SequenceNode || s.index >= len(cur.Content) {
				t.Fatalf("%s: no item %d", path, s.index)
			}
			cur = cur.Content[s.index]
			continue
		}
		cur = lookup(cur, s.key)
		if cur == nil {
			t.Fatalf("%s: missing in\n%s", path, src)
		}
	}
	return cur.Value, cur.Tag
}

// unchangedLines reports the lines of want missing from got in order.
func keepsLines(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("line %q lost:\n%s", w, got)
		}
	}
}

func TestSetzenKeepsFormatting(t *testing.T) {
	got := mustApply(t, sample, Edit{Op: OpSetzen, Pfad: "parteien[1].land", Wert: "SN"})
	want := strings.Replace(sample, "  - land: BE\n", "  - land: SN\n", 1)
	if got != want {
		t.Fatalf("only the edited line may change:\n%s", got)
	}
}

func TestSetzenTypes(t *testing.T) {
	cases := []struct {
		path, wert, value, tag string
	}{
		{"kosten.positionen[0].betrag", "480.000,00", "480.000,00", "!!str"},
		{"kosten.positionen[0].betrag", "480000.00", "480000.00", "!!str"},
		{"vertrag.kuendigungsfrist_monate", "24", "24", "!!int"},
		{"vertrag.kuendigungsfrist_monate", "zwölf", "zwölf", "!!str"},
		{"verteilung.umsetzendes_land_traegt_anteil", "false", "false", "!!bool"},
		{"verteilung.umsetzendes_land_traegt_anteil", "vielleicht", "vielleicht", "!!str"},
		{"vorhaben.stand", "2027-02-01", "2027-02-01", "!!timestamp"},
		{"vorhaben.stand", "01.02.2027", "01.02.2027", "!!str"},
		{"vorhaben.titel", "true", "true", "!!str"},
		{"vorhaben.titel", "null", "null", "!!str"},
		{"vorhaben.titel", "Titel: mit # Zeichen", "Titel: mit # Zeichen", "!!str"},
		{"vorhaben.kurztitel", "12", "12", "!!str"},
		{"verteilung.schluessel[0].gewicht", "40", "40", "!!int"},
		{"verteilung.schluessel[0].gewicht", "33,5", "33,5", "!!str"},
		{"kosten.positionen[0].jahre[1]", "2029", "2029", "!!int"},
	}
	for _, c := range cases {
		got := mustApply(t, sample, Edit{Op: OpSetzen, Pfad: c.path, Wert: c.wert})
		v, tag := value(t, got, c.path)
		if v != c.value || tag != c.tag {
			t.Errorf("%s = %q: got %q %s, want %q %s", c.path, c.wert, v, tag, c.value, c.tag)
		}
	}
}

func TestSetzenCreatesParentsInSchemaOrder(t *testing.T) {
	got := mustApply(t, sample,
		Edit{Op: OpSetzen, Pfad: "vertrag.form", Wert: "ring"},
		Edit{Op: OpSetzen, Pfad: "leistung.online_dienst", Wert: "Wohngeld-Dienst"},
		Edit{Op: OpSetzen, Pfad: "parteien[0].ansprechperson.name", Wert: "Erika Muster"})
	if v, _ := value(t, got, "parteien[0].ansprechperson.name"); v != "Erika Muster" {
		t.Fatal(v)
	}
	// leistung comes after vorhaben, before parteien (schema order); form before kuendigungsfrist.
	if i, j := strings.Index(got, "leistung:"), strings.Index(got, "# Die Parteien"); i < 0 || i > j {
		t.Errorf("leistung not inserted before parteien:\n%s", got)
	}
	if i, j := strings.Index(got, "form: ring"), strings.Index(got, "kuendigungsfrist_monate"); i < 0 || i > j {
		t.Errorf("form not before kuendigungsfrist_monate:\n%s", got)
	}
	keepsLines(t, got, "# Kopfkommentar\n", "  titel: \"Nachnutzung\"   # Titel\n", "\n  version: \"1.0\"\n", "  # zweite Partei\n", "  - land: ST          # umsetzend\n")
}

func TestSetzenEmptyRemovesOptional(t *testing.T) {
	got := mustApply(t, sample, Edit{Op: OpSetzen, Pfad: "parteien[0].ansprechperson.name", Wert: "X"})
	got = mustApply(t, got, Edit{Op: OpSetzen, Pfad: "parteien[0].kommune", Wert: "Magdeburg"}, Edit{Op: OpSetzen, Pfad: "parteien[0].kommune", Wert: ""})
	if strings.Contains(got, "kommune") {
		t.Errorf("empty optional value not removed:\n%s", got)
	}
	got = mustApply(t, sample, Edit{Op: OpSetzen, Pfad: "vorhaben.titel", Wert: ""})
	if v, tag := value(t, got, "vorhaben.titel"); v != "" || tag != "!!str" {
		t.Errorf("required value must stay as empty text, got %q %s", v, tag)
	}
}

func TestHinzufuegen(t *testing.T) {
	got := mustApply(t, sample, Edit{Op: OpHinzufuegen, Pfad: "parteien"})
	if v, _ := value(t, got, "parteien[2].land"); v != "TODO" {
		t.Errorf("new party land %q", v)
	}
	if v, _ := value(t, got, "parteien[2].vertreten_durch"); v != "TODO" {
		t.Errorf("new party vertreten_durch %q", v)
	}
	keepsLines(t, got, "  # zweite Partei\n", "kosten:\n")
	if strings.Contains(got, "kommune") {
		t.Errorf("optional field in skeleton:\n%s", got)
	}
	got = mustApply(t, sample, Edit{Op: OpHinzufuegen, Pfad: "kosten.positionen"})
	if v, _ := value(t, got, "kosten.positionen[1].betrag"); v != "TODO" {
		t.Errorf("new position betrag %q", v)
	}
	got = mustApply(t, sample, Edit{Op: OpHinzufuegen, Pfad: "projekt.risiken"})
	if v, _ := value(t, got, "projekt.risiken[0].bewertung"); v != "TODO" {
		t.Errorf("risk %q\n%s", v, got)
	}
	got = mustApply(t, sample, Edit{Op: OpHinzufuegen, Pfad: "vertrag.fit_store"})
	if v, tag := value(t, got, "vertrag.fit_store.avv"); v != "false" || tag != "!!bool" {
		t.Errorf("fit_store skeleton avv %q %s\n%s", v, tag, got)
	}
	got = mustApply(t, sample, Edit{Op: OpHinzufuegen, Pfad: "verteilung.schluessel[1].werte", Wert: "ST"},
		Edit{Op: OpSetzen, Pfad: "verteilung.schluessel[1].werte.ST", Wert: "1200"})
	if v, tag := value(t, got, "verteilung.schluessel[1].werte.ST"); v != "1200" || tag != "!!int" {
		t.Errorf("werte.ST %q %s\n%s", v, tag, got)
	}
	got = mustApply(t, sample, Edit{Op: OpHinzufuegen, Pfad: "kosten.positionen[0].jahre"})
	if v, _ := value(t, got, "kosten.positionen[0].jahre[2]"); v != "0" {
		t.Errorf("jahre[2] %q", v)
	}
}

func TestEntfernenUndVerschieben(t *testing.T) {
	got := mustApply(t, sample, Edit{Op: OpEntfernen, Pfad: "parteien[0]"})
	if v, _ := value(t, got, "parteien[0].land"); v != "BE" {
		t.Errorf("after removing [0], [0] is %q", v)
	}
	if strings.Contains(got, "land: ST") {
		t.Errorf("removed party still there:\n%s", got)
	}
	keepsLines(t, got, "# Kopfkommentar\n", "  titel: \"Nachnutzung\"   # Titel\n")
	got = mustApply(t, sample, Edit{Op: OpVerschieben, Pfad: "parteien[1]", Nach: 0})
	if v, _ := value(t, got, "parteien[0].land"); v != "BE" {
		t.Errorf("after moving, [0] is %q:\n%s", v, got)
	}
	if i, j := strings.Index(got, "# zweite Partei"), strings.Index(got, "land: ST"); i < 0 || i > j {
		t.Errorf("the comment must move with its item:\n%s", got)
	}
	got = mustApply(t, sample, Edit{Op: OpEntfernen, Pfad: "vorhaben.stand"})
	if strings.Contains(got, "stand:") {
		t.Errorf("key not removed:\n%s", got)
	}
	keepsLines(t, got, "\n  version: \"1.0\"\n")
}

func TestHostileEdits(t *testing.T) {
	bad := []Edit{
		{Op: OpSetzen, Pfad: "", Wert: "x"},
		{Op: OpSetzen, Pfad: ".", Wert: "x"},
		{Op: OpSetzen, Pfad: "..", Wert: "x"},
		{Op: OpSetzen, Pfad: "../etc/passwd", Wert: "x"},
		{Op: OpSetzen, Pfad: "parteien[", Wert: "x"},
		{Op: OpSetzen, Pfad: "parteien[-1].land", Wert: "x"},
		{Op: OpSetzen, Pfad: "parteien[99999999999999999999].land", Wert: "x"},
		{Op: OpSetzen, Pfad: "parteien[01].land", Wert: "x"},
		{Op: OpSetzen, Pfad: "parteien[7].land", Wert: "x"},
		{Op: OpSetzen, Pfad: "parteien", Wert: "x"},
		{Op: OpSetzen, Pfad: "gibtsnicht", Wert: "x"},
		{Op: OpSetzen, Pfad: "vorhaben.titel.tiefer", Wert: "x"},
		{Op: OpSetzen, Pfad: "vorhaben[0]", Wert: "x"},
		{Op: OpSetzen, Pfad: "verteilung.schluessel[0].werte.XX", Wert: "1"},
		{Op: OpSetzen, Pfad: strings.Repeat("a.", 400), Wert: "x"},
		{Op: OpHinzufuegen, Pfad: "vorhaben.titel"},
		{Op: OpHinzufuegen, Pfad: "vorhaben"},
		{Op: OpHinzufuegen, Pfad: "verteilung.schluessel[0].werte", Wert: "Atlantis"},
		{Op: OpEntfernen, Pfad: "parteien[5]"},
		{Op: OpEntfernen, Pfad: "projekt.phase"},
		{Op: OpVerschieben, Pfad: "parteien[0]", Nach: 2},
		{Op: OpVerschieben, Pfad: "parteien[0]", Nach: -1},
		{Op: OpVerschieben, Pfad: "parteien", Nach: 0},
		{Op: "löschen", Pfad: "parteien[0]"},
	}
	for _, e := range bad {
		out, err := Apply([]byte(sample), []Edit{e})
		if err == nil {
			t.Errorf("%+v: accepted, gave\n%s", e, out)
		}
	}
	for _, src := range []string{"- a\n- b\n", "a: 1\n---\nb: 2\n", "a: [1\n", "x: &a {titel: 1}\nvorhaben: *a\n"} {
		if _, err := Apply([]byte(src), []Edit{{Op: OpSetzen, Pfad: "vorhaben.titel", Wert: "x"}}); err == nil {
			t.Errorf("%q: accepted", src)
		}
	}
}

func TestNoEditsIsIdentity(t *testing.T) {
	out, err := Apply([]byte(sample), nil)
	if err != nil || string(out) != sample {
		t.Fatal("no edits must return the text unchanged")
	}
	// setting a value to what it is changes nothing either
	out = []byte(mustApply(t, sample, Edit{Op: OpSetzen, Pfad: "vorhaben.kurztitel", Wert: "test"}))
	if string(out) != sample {
		t.Fatalf("same value changed the text:\n%s", out)
	}
}

// TestFixturesRoundTrip edits every fixture and checks that only the
// edited line changed, byte for byte.
func TestFixturesRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("../../../fixtures/*.yaml")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		got := mustApply(t, string(src), Edit{Op: OpSetzen, Pfad: "vorhaben.version", Wert: "9.9-test"})
		a, b := lines(string(src)), lines(got)
		if len(a) != len(b) {
			t.Errorf("%s: %d lines became %d", f, len(a), len(b))
			continue
		}
		diff := 0
		for i := range a {
			if a[i] != b[i] {
				diff++
				if !strings.Contains(b[i], "9.9-test") {
					t.Errorf("%s: line %d changed: %q → %q", f, i+1, a[i], b[i])
				}
			}
		}
		if diff != 1 {
			t.Errorf("%s: %d lines changed, want 1", f, diff)
		}
	}
}
