package editor

import "testing"

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
