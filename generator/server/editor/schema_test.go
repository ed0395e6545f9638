package editor

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/vereinbar/vereinbar/generator/data"
)

func TestSchemaOrderAndKinds(t *testing.T) {
	r, err := root()
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, p := range r.props {
		keys = append(keys, p.key)
	}
	if len(keys) < 6 || keys[0] != "vorhaben" || keys[3] != "parteien" {
		t.Fatalf("root keys %v, want schema order vorhaben, leistung, vertrag, parteien, …", keys)
	}
	p, _ := r.prop("parteien")
	if p.node.kind != kList || p.node.items.kind != kObject || !p.required {
		t.Fatalf("parteien: %+v", p)
	}
	land, _ := p.node.items.prop("land")
	if len(land.node.enum) != 17 {
		t.Errorf("land enum %v", land.node.enum)
	}
}

// TestEveryEnumValueHasAGermanLabel walks the raw schema of data.Schema()
// (every "enum", wherever it sits, property names included) and wants a
// German label for each value: a new enum in generator/data fails here
// until labels.go names its values.
func TestEveryEnumValueHasAGermanLabel(t *testing.T) {
	b, err := data.Schema()
	if err != nil {
		t.Fatal(err)
	}
	var s any
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	values := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if e, ok := v["enum"].([]any); ok {
				for _, x := range e {
					values[fmt.Sprint(x)] = true
				}
			}
			for _, c := range v {
				walk(c)
			}
		case []any:
			for _, c := range v {
				walk(c)
			}
		}
	}
	walk(s)
	if len(values) < 40 {
		t.Fatalf("only %d enum values found in the schema", len(values))
	}
	for v := range values {
		if isParty(v) {
			continue // named by landName
		}
		if r, _ := utf8.DecodeRuneInString(v); unicode.IsUpper(r) {
			continue // a label already (Themenfeld "Familie & Kind")
		}
		if _, ok := optionLabels[v]; !ok {
			t.Errorf("enum value %q has no German label in optionLabels (labels.go)", v)
		}
	}
	// The labels of the audit's examples, and a label is what the select shows.
	for v, want := range map[string]string{"koenigstein": "Königsteiner Schlüssel", "paritaet": "Paritätsprinzip", "pruefung": "Prüfung Nachnutzung",
		"einfuehrung": "Einführung", "jaehrlich": "jährlich", "nutzungsabhaengig": "nutzungsabhängig", "fim_eigenentwicklung": "FIM"} {
		if got := optionLabel(v); !strings.Contains(got, want) {
			t.Errorf("optionLabel(%q) = %q, want it to contain %q", v, got, want)
		}
	}
}

// TestSelectsShowGermanLabels: the select of an enum shows the label,
// its value stays the YAML value.
func TestSelectsShowGermanLabels(t *testing.T) {
	src, err := os.ReadFile("../../../fixtures/wohngeld-ring.yaml")
	if err != nil {
		t.Fatal(err)
	}
	h, err := Form(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<option value="koenigstein" selected>Königsteiner Schlüssel</option>`, `<option value="paritaet" selected>Paritätsprinzip (gleiche Anteile)</option>`, `<option value="jaehrlich"`} {
		if !strings.Contains(string(h), want) {
			t.Errorf("form lacks %s", want)
		}
	}
	for _, raw := range []string{">koenigstein<", ">paritaet<", ">jaehrlich<", ">nutzungsabhaengig<"} {
		if strings.Contains(string(h), raw) {
			t.Errorf("form shows the raw value %s", raw)
		}
	}
}
