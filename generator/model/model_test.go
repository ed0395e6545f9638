package model_test

import (
	"bytes"
	"errors"
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
	if len(chains) != 1 || chains[0] != "anlage-abruf>abrufendes-land" {
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
