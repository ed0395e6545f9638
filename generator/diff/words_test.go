package diff_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/diff"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

func TestWords(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, old, new string
		want           []diff.Segment
	}{
		{"equal", "a b", "a b", []diff.Segment{{Op: diff.Equal, Text: "a b"}}},
		{"one word", "Frist von 12 Monaten", "Frist von 6 Monaten", []diff.Segment{
			{Op: diff.Equal, Text: "Frist von "}, {Op: diff.Delete, Text: "12"}, {Op: diff.Insert, Text: "6"}, {Op: diff.Equal, Text: " Monaten"}}},
		{"appended", "der Finanzen", "der Finanzen und Justiz", []diff.Segment{
			{Op: diff.Equal, Text: "der Finanzen"}, {Op: diff.Insert, Text: " und Justiz"}}},
		{"empty old", "", "neu", []diff.Segment{{Op: diff.Insert, Text: "neu"}}},
		{"empty both", "", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := diff.Words(tt.old, tt.new); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Words(%q, %q) = %+v, want %+v", tt.old, tt.new, got, tt.want)
			}
		})
	}
}

func para(number, text string) *model.Paragraph {
	return &model.Paragraph{Style: model.StyleBody, Number: number, Inlines: []model.Inline{model.Text{Text: text}}}
}

func sec(id, number, title string, bs ...model.Block) *model.Section {
	return &model.Section{ID: id, Level: 1, Number: number, Title: title, Blocks: bs}
}

// TestCompareModels covers the alignment rules on small models.
func TestCompareModels(t *testing.T) {
	t.Parallel()
	a := sec("a", "§ 1", "Gegenstand", para("(1)", "Gegenstand ist der Dienst."))
	b := sec("b", "§ 2", "Kosten", para("(1)", "Die Kosten tragen alle."), para("(2)", "Zahlung jährlich."))
	c := sec("c", "§ 3", "Laufzeit", para("", "Unbefristet."))
	doc := func(bs ...model.Block) *model.Document { return &model.Document{Blocks: bs} }
	tests := []struct {
		name string
		old  *model.Document
		new  *model.Document
		want []string // Change.String() prefixes
		info []string
	}{
		{"identical", doc(a, b, c), doc(a, b, c), nil, nil},
		{"renumbered only", doc(a, b, c), doc(a, sec("b", "§ 3", "Kosten", b.Blocks...), sec("c", "§ 4", "Laufzeit", c.Blocks...)), nil,
			[]string{"Kosten: neu nummeriert (§ 2 → § 3)", "Laufzeit: neu nummeriert (§ 3 → § 4)"}},
		{"inserted clause", doc(a, c), doc(a, b, c), []string{"§ 2 Kosten: eingefügt: § 2 Kosten"}, nil},
		{"deleted clause", doc(a, b, c), doc(a, c), []string{"§ 2 Kosten: gelöscht: § 2 Kosten"}, nil},
		{"moved clause", doc(a, b, c), doc(a, sec("c", "§ 2", "Laufzeit", c.Blocks...), sec("b", "§ 3", "Kosten", b.Blocks...)), []string{"§ 2 Laufzeit: verschoben (§ 3 Laufzeit → § 2 Laufzeit)"}, []string{"Kosten: neu nummeriert (§ 2 → § 3)"}},
		{"inserted paragraph renumbers", doc(b), doc(sec("b", "§ 2", "Kosten", para("(1)", "Neu eingefügt."), para("(2)", "Die Kosten tragen alle."), para("(3)", "Zahlung jährlich."))),
			[]string{"§ 2, Abs. (1): eingefügt: Neu eingefügt."}, nil},
		{"changed heading", doc(a), doc(sec("a", "§ 1", "Gegenstand der Vereinbarung", a.Blocks...)),
			[]string{"§ 1, Überschrift: Gegenstand → Gegenstand der Vereinbarung"}, nil},
		{"matched by heading without id", doc(sec("", "§ 1", "Gegenstand", para("", "x"))), doc(sec("", "§ 1", "Gegenstand", para("", "y"))),
			[]string{"§ 1: x → y"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res, err := diff.Compare(tt.old, tt.new)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, c := range res.Changes {
				got = append(got, strings.ReplaceAll(c.String(), "\u00a0", " "))
			}
			if len(got) != len(tt.want) {
				t.Fatalf("changes %q, want %q", got, tt.want)
			}
			for i := range got {
				if !strings.HasPrefix(got[i], tt.want[i]) {
					t.Errorf("change %d = %q, want prefix %q", i, got[i], tt.want[i])
				}
			}
			if !reflect.DeepEqual(res.Info, tt.info) {
				t.Errorf("info %q, want %q", res.Info, tt.info)
			}
		})
	}
}

func TestCompareNil(t *testing.T) {
	t.Parallel()
	if _, err := diff.Compare(nil, &model.Document{}); err == nil {
		t.Error("no error for nil document")
	}
	if _, err := diff.Compare(&model.Document{Blocks: []model.Block{nil}}, &model.Document{}); err == nil {
		t.Error("no error for nil block")
	}
}

// TestCompareGantt: a Gantt chart is an item of its own, compared by its
// rows' labels and dates as shown; a moved phase is a change, the
// redline writes a changed chart as marked text.
func TestCompareGantt(t *testing.T) {
	t.Parallel()
	old := modeltest.Plan()
	same, err := diff.Compare(old, modeltest.Plan())
	if err != nil || len(same.Changes) != 0 {
		t.Fatalf("identical plans: %v, %v", same, err)
	}
	changed := modeltest.Plan()
	g := changed.Blocks[len(changed.Blocks)-1].(*model.Gantt)
	g.Rows[0].Text = "06.01.–30.04.2025"
	res, err := diff.Compare(old, changed)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Changes) != 1 || !strings.Contains(res.Changes[0].String(), "Zeitplan") || !strings.Contains(res.Changes[0].String(), "30.04.2025") {
		t.Fatalf("changes %v", res.Changes)
	}
	red, err := diff.Redline(old, changed)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := model.Dump(&b, red); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "30.04.2025") {
		t.Errorf("redline without the new dates:\n%s", b.String())
	}
}
