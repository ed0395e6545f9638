package pdf

import (
	"math"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/vereinbar/vereinbar/generator/model"
)

// lineText returns the text of a line as drawn, spaces included.
func lineText(ln line) string {
	var b strings.Builder
	for i, bx := range ln.boxes {
		for _, p := range bx.pieces {
			b.WriteString(p.s)
		}
		if i < len(ln.boxes)-1 && bx.glue == glueSpace {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// joinLines reverses line breaking: what a reader would copy.
func joinLines(lines []line) string {
	var b strings.Builder
	for _, ln := range lines {
		b.WriteString(lineText(ln))
		switch ln.end {
		case glueSpace:
			b.WriteByte(' ')
		case glueBreak:
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func TestWrapMixedRuns(t *testing.T) {
	t.Parallel()
	words := strings.Fields("Die Kosten des Betriebs werden nach dem Königsteiner Schlüssel des Jahres " +
		"verteilt, soweit diese Vereinbarung nichts anderes bestimmt; das federführende Land " +
		"stellt die Beträge jährlich bis zum 31. März fest und teilt sie den Ländern mit.")
	var ins []model.Inline
	for i, w := range words {
		switch {
		case i%7 == 3:
			// Emphasis inside a word: no break between the runs.
			ins = append(ins, model.Text{Text: w[:1], Bold: true}, model.Text{Text: w[1:] + " ", Italic: true})
		case i == 20:
			ins = append(ins, model.Text{Text: w}, model.LineBreak{}, model.Text{Text: " "})
		default:
			ins = append(ins, model.Text{Text: w + "  ", Bold: i%3 == 0, Italic: i%5 == 0})
		}
	}
	want := strings.TrimSpace(regexp.MustCompile(` +`).ReplaceAllString(strings.ReplaceAll(model.PlainText(ins), "\n ", "\n"), " "))
	r := renderer(t)
	for _, width := range []float64{40, 75.5, 120, 160} {
		l := r.newLayout(a4Short, a4Long)
		bs, err := l.inlines(ins, false)
		if err != nil {
			t.Fatal(err)
		}
		k := unit(bodyStyle.size)
		lines := l.breakLines(bs, width/k)
		if got := joinLines(lines); got != want {
			t.Fatalf("Breite %v: Text nach dem Umbruch\n%q\nerwartet\n%q", width, got, want)
		}
		for i, ln := range lines {
			if w := float64(ln.units) * k; w > width+1e-9 {
				t.Errorf("Breite %v, Zeile %d ist %.2f mm breit: %q", width, i, w, lineText(ln))
			}
			if ln.end != glueSpace {
				continue
			}
			// Greedy: the next word would not have fitted.
			next := lines[i+1].boxes[0]
			if float64(ln.units+ln.boxes[len(ln.boxes)-1].glueUnits+next.units)*k <= width {
				t.Errorf("Breite %v, Zeile %d hätte noch Platz für %q", width, i, lineText(line{boxes: []box{next}}))
			}
			// Justified: the last word ends at the right edge.
			ops := lineOps(nil, ln, 0, 0, width, k, bodyStyle.size, alignJustify)
			last := ops[len(ops)-1]
			end := last.x + float64(l.tokWidth(last.st, last.s))*k
			if math.Abs(end-width) > 1e-6 {
				t.Errorf("Breite %v, Zeile %d endet bei %.4f mm statt %.4f mm", width, i, end, width)
			}
		}
	}
}

func TestBreakAfterHyphenAndInsideLongWords(t *testing.T) {
	t.Parallel()
	r := renderer(t)
	l := r.newLayout(a4Short, a4Long)
	k := unit(bodyStyle.size)
	tests := []struct {
		text  string
		width float64
		want  []string
	}{
		{"Wohngeld-Antrag", 25, []string{"Wohngeld-", "Antrag"}},
		{"A-B 10-12", 12, []string{"A-B", "10-12"}},
		// No break between digits: a number stays whole if it fits.
		{"Leitweg-ID 991-12345-67", 30, []string{"Leitweg-ID", "991-12345-67"}},
		// Wider than the line: split between characters, nothing lost.
		{"Donaudampfschifffahrtsgesellschaft", 30, nil},
	}
	for _, tt := range tests {
		bs, err := l.plain(tt.text, regular)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, ln := range l.breakLines(bs, tt.width/k) {
			if float64(ln.units)*k > tt.width {
				t.Errorf("%q: Zeile %q zu breit", tt.text, lineText(ln))
			}
			got = append(got, lineText(ln))
		}
		if tt.want != nil && strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q in %v mm: %q, erwartet %q", tt.text, tt.width, got, tt.want)
		}
		if strings.ReplaceAll(strings.Join(got, ""), " ", "") != strings.ReplaceAll(tt.text, " ", "") {
			t.Errorf("%q: Zeichen verloren: %q", tt.text, got)
		}
		if len(got) < 2 {
			t.Errorf("%q in %v mm: kein Umbruch", tt.text, tt.width)
		}
	}
}

// TestKeepHeadingWithNext moves a heading down the page line by line: it
// must always share its page with the first lines of its text.
func TestKeepHeadingWithNext(t *testing.T) {
	t.Parallel()
	r := renderer(t)
	moved := 0
	for n := 30; n < 60; n++ {
		var blocks []model.Block
		for range n {
			blocks = append(blocks, bodyPara(txt("Füllzeile")))
		}
		long := strings.Repeat("Erster Absatz des Schlusses mit etwas mehr Text. ", 6)
		blocks = append(blocks, &model.Section{ID: "schluss", Level: 1, Number: "§\u00a09", Title: "Schluss",
			Blocks: []model.Block{bodyPara(txt(long))}})
		l := r.newLayout(a4Short, a4Long)
		if err := l.blocks(blocks); err != nil {
			t.Fatal(err)
		}
		pages := l.paginate()
		pageOf := func(prefix string) (int, int) {
			first, count := -1, 0
			for i, p := range pages {
				for _, o := range p.ops {
					if o.kind == opText && strings.HasPrefix(o.s, prefix) {
						if first < 0 {
							first = i
						}
						if i == first {
							count++
						}
					}
				}
			}
			return first, count
		}
		hp, _ := pageOf("§\u00a09")
		tp, lines := pageOf("Erster")
		if hp != tp {
			t.Errorf("%d Füllzeilen: Überschrift auf Seite %d, Text auf Seite %d", n, hp+1, tp+1)
		}
		if lines < 2 {
			t.Errorf("%d Füllzeilen: nur %d Zeile des Absatzes bei der Überschrift", n, lines)
		}
		if hp > 0 {
			moved++
		}
	}
	if moved == 0 {
		t.Fatal("die Überschrift kam nie auf die zweite Seite; der Test prüft nichts")
	}
}

// TestWidthsMatchFont cross-checks the widths taken from fpdf against the
// advances sfnt reads: both must agree, or the layout would measure
// something else than fpdf writes into /W and /Widths.
func TestWidthsMatchFont(t *testing.T) {
	t.Parallel()
	r := renderer(t)
	for st, f := range r.faces {
		fnt, err := sfnt.Parse(f.ttf)
		if err != nil {
			t.Fatal(err)
		}
		var buf sfnt.Buffer
		upem := fnt.UnitsPerEm()
		bad := 0
		for c := rune(0); c < 0x10000; c++ {
			if !f.covered.has(c) {
				continue
			}
			gi, _ := fnt.GlyphIndex(&buf, c)
			adv, err := fnt.GlyphAdvance(&buf, gi, fixed.Int26_6(upem)<<6, font.HintingNone)
			if err != nil {
				t.Fatal(err)
			}
			want := int(math.Round(float64(adv) / 64 * 1000 / float64(upem)))
			if int(f.widths[c]) != want && bad < 5 {
				bad++
				t.Errorf("%s %U: fpdf-Breite %d, sfnt %d", f.name, c, f.widths[c], want)
			}
		}
		if !f.covered.has('€') || !f.covered.has('„') {
			t.Errorf("Stil %d: € oder „ fehlt", st)
		}
	}
}
