package pdf

import (
	"bytes"
	"math"
	"testing"

	"github.com/vereinbar/vereinbar/generator/model"
)

// TestStrikeLine: struck text (a Synopse's deleted words) gets a line
// through it from where the struck run starts to where it ends, spaces
// between struck words included, and nothing else is struck.
func TestStrikeLine(t *testing.T) {
	t.Parallel()
	r := renderer(t)
	l := r.newLayout(a4Short, a4Long)
	ins := []model.Inline{txt("bisher "), model.Text{Text: "zwei Wörter", Strike: true}, txt(" und "), model.Text{Text: "fett", Bold: true, Strike: true}, txt(" Ende")}
	bs, err := l.inlines(ins, false)
	if err != nil {
		t.Fatal(err)
	}
	k := unit(bodyStyle.size)
	lines := l.breakLines(bs, 160/k)
	if len(lines) != 1 {
		t.Fatalf("%d lines, want 1", len(lines))
	}
	ops := lineOps(nil, lines[0], 10, 50, 160, k, bodyStyle.size, alignLeft)
	var strikes []op
	for _, o := range ops {
		if o.kind == opLine {
			strikes = append(strikes, o)
		}
	}
	w := func(st style, s string) float64 { return float64(l.tokWidth(st, s)) * k }
	space := w(regular, " ")
	want := []struct{ x, w float64 }{
		{10 + w(regular, "bisher") + space, w(regular, "zwei") + space + w(regular, "Wörter")},
		{10 + w(regular, "bisher zwei Wörter und") + space, w(bold, "fett")},
	}
	if len(strikes) != len(want) {
		t.Fatalf("%d lines drawn, want %d: %+v", len(strikes), len(want), strikes)
	}
	for i, s := range strikes {
		if math.Abs(s.x-want[i].x) > 1e-6 || math.Abs(s.w-want[i].w) > 1e-6 {
			t.Errorf("strike %d from %.3f, %.3f mm long; want from %.3f, %.3f mm", i, s.x, s.w, want[i].x, want[i].w)
		}
		if s.y >= 50 || s.y < 50-0.5*1000*k {
			t.Errorf("strike %d at y %.3f, want within the lower half of the em above the baseline 50", i, s.y)
		}
	}
}

// TestStrikeRenders: a document with struck text in a paragraph and a
// table cell renders.
func TestStrikeRenders(t *testing.T) {
	t.Parallel()
	ins := []model.Inline{txt("a "), model.Text{Text: "b", Strike: true}}
	d := doc(bodyPara(ins...), &model.Table{Widths: []int{1}, Rows: []model.Row{{Cells: []model.Cell{{Inlines: ins}}}}})
	var b bytes.Buffer
	if err := renderer(t).Render(&b, d, Options{}); err != nil {
		t.Fatal(err)
	}
}
