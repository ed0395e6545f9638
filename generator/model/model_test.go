package model_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

func TestWalkVisitsEveryBlockInOrder(t *testing.T) {
	t.Parallel()
	d := modeltest.Sample(2)
	var kinds []string
	var chains []string
	err := model.Walk(d, func(b model.Block, secs []*model.Section) error {
		switch n := b.(type) {
		case *model.Section:
			kinds = append(kinds, "section:"+n.ID)
		case *model.List:
			kinds = append(kinds, "list")
		case *model.Table:
			kinds = append(kinds, "table")
		case *model.Signatures:
			kinds = append(kinds, "signatures")
		case *model.PageBreak:
			kinds = append(kinds, "pagebreak")
		}
		if len(secs) == 2 {
			chains = append(chains, secs[0].ID+">"+secs[1].ID)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(kinds, " ")
	want := "section:praeambel section:gegenstand list list section:kostenverteilung table pagebreak section:unterschriften signatures section:anlage-abruf section:abrufendes-land table"
	if got != want {
		t.Errorf("walk order\n got %s\nwant %s", got, want)
	}
	if len(chains) != 2 || chains[0] != "anlage-abruf>abrufendes-land" || chains[1] != chains[0] {
		t.Errorf("section chains = %v", chains)
	}
	if n := len(model.Sections(d)); n != 6 {
		t.Errorf("Sections = %d, want 6", n)
	}
}

func TestWalkStopsOnError(t *testing.T) {
	t.Parallel()
	stop := errors.New("stop")
	n := 0
	err := model.Walk(modeltest.Sample(2), func(model.Block, []*model.Section) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 {
		t.Fatalf("err=%v after %d blocks, want stop after 3", err, n)
	}
}

func TestDumpIsDeterministicAndComplete(t *testing.T) {
	t.Parallel()
	var a, b bytes.Buffer
	if err := model.Dump(&a, modeltest.Sample(2)); err != nil {
		t.Fatal(err)
	}
	_ = model.Dump(&b, modeltest.Sample(2))
	if a.String() != b.String() {
		t.Fatal("dump differs between runs")
	}
	for _, want := range []string{
		`section id="gegenstand" level=1 number="§\u00a01" title="Gegenstand"`,
		`paragraph style=body number="(2)"`,
		`item label="a)"`,
		`header "Land" | "Anteil" | "2027" | "Summe"`,
		`row total "Summe" | "100,00000 %"`,
		`row "Behörde"#E7E6E6 | "Ministerium <w:t>&\"' €„“"`,
		`signature party="Für der Partei`,
		`text bold "dem Land Nummer 1"`,
		`break`,
	} {
		if !strings.Contains(a.String(), want) {
			t.Errorf("dump lacks %s", want)
		}
	}
}

func TestDumpChartAndPage(t *testing.T) {
	t.Parallel()
	chart := &model.Chart{Pos: model.Pos{File: "s.tmpl", Line: 4}, ID: "anteile", Title: "Anteile „2027“",
		Bars: []model.Bar{
			{Label: "Sachsen-Anhalt", ValueE5: 2653499, Text: "26,53499\u00a0%", Color: "C55A11"},
			{Label: "Bund", Text: "0 %"},
		}}
	tests := []struct {
		name string
		doc  *model.Document
		want []string // lines of the dump, without indentation
		not  []string
	}{
		{"chart", &model.Document{Blocks: []model.Block{chart}}, []string{
			`chart id="anteile" title="Anteile „2027“" @s.tmpl:4`,
			`bar label="Sachsen-Anhalt" value=2653499 text="26,53499\u00a0%" color="C55A11"`,
			`bar label="Bund" value=0 text="0 %" color=""`,
		}, nil},
		{"chart in a section", &model.Document{Blocks: []model.Block{&model.Section{ID: "k", Level: 1, Title: "K", Blocks: []model.Block{chart}}}}, []string{
			`section id="k" level=1 number="" title="K"`,
			`chart id="anteile" title="Anteile „2027“" @s.tmpl:4`,
		}, nil},
		{"slide page", &model.Document{Meta: model.Meta{Page: model.PageSlide}}, []string{
			`document kind="" lang="" date=0001-01-01 landscape=false page="folie"`,
		}, nil},
		{"a4 page", &model.Document{Meta: model.Meta{Page: model.PageA4, Landscape: true}}, []string{
			`document kind="" lang="" date=0001-01-01 landscape=true page="a4"`,
		}, nil},
		// Dumps of documents without a page format stay as they were.
		{"no page", &model.Document{}, []string{
			`document kind="" lang="" date=0001-01-01 landscape=false`,
		}, []string{"page="}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var b bytes.Buffer
			if err := model.Dump(&b, tt.doc); err != nil {
				t.Fatal(err)
			}
			lines := map[string]bool{}
			for _, l := range strings.Split(b.String(), "\n") {
				lines[strings.TrimSpace(l)] = true
			}
			for _, w := range tt.want {
				if !lines[w] {
					t.Errorf("dump lacks the line\n%s\ndump:\n%s", w, b.String())
				}
			}
			for _, n := range tt.not {
				if strings.Contains(b.String(), n) {
					t.Errorf("dump contains %q:\n%s", n, b.String())
				}
			}
		})
	}
}

func TestWalkVisitsCharts(t *testing.T) {
	t.Parallel()
	var got []string
	err := model.Walk(modeltest.Slide(), func(b model.Block, _ []*model.Section) error {
		got = append(got, strings.TrimPrefix(fmt.Sprintf("%T", b), "*model."))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if s := strings.Join(got, " "); s != "Paragraph Paragraph Table Chart" {
		t.Errorf("walk visits %s", s)
	}
}
