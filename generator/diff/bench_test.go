package diff

import (
	"fmt"
	"testing"

	"github.com/vereinbar/vereinbar/generator/model"
)

// BenchmarkWordsFewCommonWords compares two versions of one paragraph
// that share every tenth word: before the matching was bounded, 1,000
// words took 24 s and 2,000 words 173 s.
//
//	go test ./generator/diff -run '^$' -bench 'FewCommonWords|WorstCase' -benchtime 3x
func BenchmarkWordsFewCommonWords(b *testing.B) {
	for _, n := range []int{1000, 2000, 50_000} {
		old, new := fewCommonWords(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				Words(old, new)
			}
		})
	}
}

// BenchmarkCompareWorstCase compares two documents of 100 paragraphs of
// 2,000 words each, every one rewritten but for every tenth word: each
// paragraph pair spends its whole limit, the comparison its whole budget.
func BenchmarkCompareWorstCase(b *testing.B) {
	var ob, nb []model.Block
	for i := range 100 {
		o, n := fewCommonWords(2000 + i)
		ob = append(ob, &model.Paragraph{Number: fmt.Sprintf("(%d)", i+1), Inlines: []model.Inline{model.Text{Text: o}}})
		nb = append(nb, &model.Paragraph{Number: fmt.Sprintf("(%d)", i+1), Inlines: []model.Inline{model.Text{Text: n}}})
	}
	old := &model.Document{Blocks: []model.Block{&model.Section{ID: "s", Number: "§ 1", Title: "T", Blocks: ob}}}
	new := &model.Document{Blocks: []model.Block{&model.Section{ID: "s", Number: "§ 1", Title: "T", Blocks: nb}}}
	for b.Loop() {
		if _, err := Compare(old, new); err != nil {
			b.Fatal(err)
		}
		if _, err := Redline(old, new); err != nil {
			b.Fatal(err)
		}
	}
}
