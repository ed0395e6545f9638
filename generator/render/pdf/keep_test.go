package pdf

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/model"
)

// pagesOf lays blocks out on A4 pages and returns, per page, the texts
// drawn (one string per text operation, in drawing order).
func pagesOf(t *testing.T, blocks []model.Block) [][]string {
	t.Helper()
	l := renderer(t).newLayout(a4Short, a4Long)
	if err := l.blocks(blocks); err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, p := range l.paginate() {
		var texts []string
		for _, o := range p.ops {
			if o.kind == opText {
				texts = append(texts, o.s)
			}
		}
		out = append(out, texts)
	}
	return out
}

// pageWith returns the first page that draws a text starting with
// prefix, -1 if none.
func pageWith(pages [][]string, prefix string) int {
	for i, p := range pages {
		for _, s := range p {
			if strings.HasPrefix(s, prefix) {
				return i
			}
		}
	}
	return -1
}

func fillers(n int) []model.Block {
	var bs []model.Block
	for range n {
		bs = append(bs, bodyPara(txt("Füllzeile")))
	}
	return bs
}

// TestIntroKeptWithTable: a paragraph marked KeepNext (the sentence
// introducing a table) is never the last thing on a page while the table
// starts on the next one, however much text comes before it; without the
// mark it would be, for some amount of text (so the test can fail).
func TestIntroKeptWithTable(t *testing.T) {
	t.Parallel()
	table := func() *model.Table {
		tb := &model.Table{ID: "t", Widths: []int{1, 1}, Header: []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{txt("Kopf A")}}, {Inlines: []model.Inline{txt("Kopf B")}}}}}}
		for i := range 4 {
			tb.Rows = append(tb.Rows, model.Row{Cells: []model.Cell{{Inlines: []model.Inline{txt(fmt.Sprintf("Zeile %d", i))}}, {Inlines: []model.Inline{txt("x")}}}})
		}
		return tb
	}
	split := map[bool]int{}
	for _, keep := range []bool{true, false} {
		for n := 40; n < 70; n++ {
			intro := bodyPara(txt("Es ergeben sich folgende Anteile:"))
			intro.KeepNext = keep
			pages := pagesOf(t, append(fillers(n), intro, table()))
			if pageWith(pages, "Es ergeben") != pageWith(pages, "Kopf A") {
				split[keep]++
			}
		}
	}
	if split[true] > 0 {
		t.Errorf("%d-mal stand der einleitende Satz ohne die Tabelle am Seitenende", split[true])
	}
	if split[false] == 0 {
		t.Error("auch ohne KeepNext nie getrennt: der Test prüft nichts")
	}
}

// TestHeadingKeptWhenChainIsTooTall: a heading followed by more kept
// rows than fit on a page (16 signature blocks) still stays with the
// first of them, and the last line of the clause before keeps with the
// heading; the rows that do not fit on that page follow, none lost.
func TestHeadingKeptWhenChainIsTooTall(t *testing.T) {
	t.Parallel()
	var sigs []model.Signature
	for i := range 16 {
		sigs = append(sigs, model.Signature{Party: fmt.Sprintf("Für Partei %d", i+1), Signer: "das Ministerium", PlaceDate: "Ort, Datum"})
	}
	moved := 0
	for n := 20; n < 60; n++ {
		last := bodyPara(txt("Letzter Satz der Klausel."))
		last.KeepNext = true
		blocks := append(fillers(n), last,
			&model.Section{ID: "unterschriften", Level: 1, Title: "Unterschriften", Blocks: []model.Block{&model.Signatures{Blocks: sigs}}})
		pages := pagesOf(t, blocks)
		h, first := pageWith(pages, "Unterschriften"), pageWith(pages, "Für Partei 1")
		if l := pageWith(pages, "Letzter Satz"); l != h || h != first {
			t.Errorf("%d Füllzeilen: letzter Satz auf Seite %d, Überschrift auf Seite %d, erste Unterschrift auf Seite %d", n, l+1, h+1, first+1)
		}
		if pageWith(pages, "Für Partei 15") < 0 {
			t.Errorf("%d Füllzeilen: Unterschriften fehlen", n)
		}
		if h > 0 {
			moved++
		}
	}
	if moved == 0 {
		t.Error("die Überschrift kam nie auf eine neue Seite: der Test prüft nichts")
	}
}

// TestSignatureRowsStayTogether: signature rows that fit on one page
// are never split across two.
func TestSignatureRowsStayTogether(t *testing.T) {
	t.Parallel()
	var sigs []model.Signature
	for i := range 6 {
		sigs = append(sigs, model.Signature{Party: fmt.Sprintf("Für Partei %d", i+1), Signer: "das Ministerium", PlaceDate: "Ort, Datum"})
	}
	for n := 20; n < 60; n++ {
		pages := pagesOf(t, append(fillers(n), &model.Signatures{Blocks: sigs}))
		if a, b := pageWith(pages, "Für Partei 1"), pageWith(pages, "Für Partei 6"); a != b {
			t.Errorf("%d Füllzeilen: Unterschriften auf Seite %d bis %d", n, a+1, b+1)
		}
	}
}

// TestNoBreakInsideUnits: a no-break space joins what must stay on one
// line ("§ 7", "Abs. 2", an amount, a date, a file reference): at every
// measure, no line ends before one of them is complete.
func TestNoBreakInsideUnits(t *testing.T) {
	t.Parallel()
	r := renderer(t)
	l := r.newLayout(a4Short, a4Long)
	units := []string{"§\u00a07\u00a0Abs.\u00a02", "1.234.567,89\u00a0€", "28.\u00a0November\u00a02026", "Az.\u00a021-0412/2026", "26,53499\u00a0%"}
	text := strings.Repeat("Nach "+strings.Join(units, " und ")+" gilt Folgendes. ", 3)
	bs, err := l.plain(text, regular)
	if err != nil {
		t.Fatal(err)
	}
	k := unit(bodyStyle.size)
	widest := 0.0
	for _, u := range units {
		ub, err := l.plain(u, regular)
		if err != nil {
			t.Fatal(err)
		}
		widest = max(widest, float64(ub[0].units)*k)
	}
	for width := widest; width <= 160; width += 0.5 {
		count := map[string]int{}
		for _, ln := range l.breakLines(bs, width/k) {
			s := lineText(ln)
			for _, u := range units {
				count[u] += strings.Count(s, u)
			}
			if strings.HasSuffix(s, "§") || strings.HasSuffix(s, "Abs.") || strings.HasSuffix(s, "Az.") {
				t.Fatalf("Breite %.1f: Zeile endet vor ihrer Zahl: %q", width, s)
			}
		}
		for _, u := range units {
			if count[u] != 3 {
				t.Fatalf("Breite %.1f: %q steht %d-mal ganz auf einer Zeile, erwartet 3-mal", width, u, count[u])
			}
		}
	}
}
