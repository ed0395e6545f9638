package diff

import (
	"testing"

	"github.com/vereinbar/vereinbar/generator/model"
)

// TestAlignAgreesWithCompare checks that the exported alignment is the one
// Compare reports from: a changed paragraph pairs old and new items, an
// inserted clause has no Old side.
func TestAlignAgreesWithCompare(t *testing.T) {
	para := func(n, s string) *model.Paragraph {
		return &model.Paragraph{Number: n, Inlines: []model.Inline{model.Text{Text: s}}}
	}
	old := &model.Document{Blocks: []model.Block{
		&model.Section{ID: "kosten", Number: "§ 1", Title: "Kosten", Blocks: []model.Block{para("(1)", "Es werden 100 Euro gezahlt."), para("(2)", "Unverändert.")}},
	}}
	new := &model.Document{Blocks: []model.Block{
		&model.Section{ID: "kosten", Number: "§ 1", Title: "Kosten", Blocks: []model.Block{para("(1)", "Es werden 200 Euro gezahlt."), para("(2)", "Unverändert.")}},
		&model.Section{ID: "neu", Number: "§ 2", Title: "Neu", Blocks: []model.Block{para("", "Neuer Text.")}},
	}}
	a, err := Align(old, new)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Pairs) != 2 || a.Pairs[0].Old == nil || a.Pairs[0].New == nil || a.Pairs[1].Old != nil {
		t.Fatalf("Paare: %+v", a.Pairs)
	}
	ip := a.Pairs[0].Items
	if len(ip) != 2 || ip[0].Old.Text != "Es werden 100 Euro gezahlt." || ip[0].New.Text != "Es werden 200 Euro gezahlt." || ip[0].Old.Label != "(1)" {
		t.Fatalf("Absätze: %+v %+v", ip[0].Old, ip[0].New)
	}
	if got := ip[0].New.Location(a.Pairs[0].New).String(); got != "§ 1, Abs. (1)" {
		t.Errorf("Ort: %q", got)
	}
	res, err := Compare(old, new)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Changes) != 2 {
		t.Errorf("Compare: %v", res.Changes)
	}
}
