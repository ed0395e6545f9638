package model_test

import (
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

func TestHasChanges(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		doc  *model.Document
		want bool
	}{
		{"nil", nil, false},
		{"generated document", modeltest.Sample(16), false},
		{"redline", modeltest.Redline(), true},
		{"changed heading only", &model.Document{Blocks: []model.Block{&model.Section{Level: 1, Number: "§ 5", Title: "Haftung",
			HeadingChanges: []model.Inline{model.Text{Text: "§ 6", Change: model.ChangeDel}, model.Text{Text: "§ 5", Change: model.ChangeIns}, model.Text{Text: " Haftung"}}}}}, true},
		{"changed list label only", &model.Document{Blocks: []model.Block{&model.List{Items: []model.ListItem{{Label: "2.",
			LabelChanges: []model.Inline{model.Text{Text: "3.", Change: model.ChangeDel}, model.Text{Text: "2.", Change: model.ChangeIns}},
			Blocks:       []model.Block{&model.Paragraph{Inlines: []model.Inline{model.Text{Text: "Betrieb"}}}}}}}}}, true},
		{"nil nodes", &model.Document{Blocks: []model.Block{(*model.Paragraph)(nil), (*model.Table)(nil), nil}}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := model.HasChanges(tt.doc); got != tt.want {
				t.Errorf("HasChanges = %t, want %t", got, tt.want)
			}
		})
	}
}

// TestDumpShowsChanges: the dump names the mark of a tracked change, so
// a redline's golden shows it.
func TestDumpShowsChanges(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	if err := model.Dump(&b, modeltest.Redline()); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`text del "12"`, `text ins "6"`} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("dump lacks %s:\n%s", w, b.String())
		}
	}
}

// TestDumpShowsStrike: the dump names struck text after the other marks,
// so a Synopse's golden shows it.
func TestDumpShowsStrike(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	d := &model.Document{Blocks: []model.Block{&model.Paragraph{Style: model.StyleBody, Inlines: []model.Inline{
		model.Text{Text: "alt", Strike: true}, model.Text{Text: "neu", Bold: true, Italic: true, Strike: true}}}}}
	if err := model.Dump(&b, d); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`text strike "alt"`, `text bold italic strike "neu"`} {
		if !strings.Contains(b.String(), w) {
			t.Errorf("dump lacks %s:\n%s", w, b.String())
		}
	}
}
