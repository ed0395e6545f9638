package aenderung

import (
	"errors"
	"strconv"
	"testing"

	"github.com/vereinbar/vereinbar/generator/model"
)

// FuzzAenderung changes a small agreement as the fuzzer says — a
// paragraph's text, an Absatz appended, a § removed, inserted or moved
// (the §§ renumbered, as the generator numbers them), a heading — and
// requires instructions whose round trip holds, or ErrNoChange; never
// another error, never a panic.
//
//	go test ./generator/aenderung -run '^$' -fuzz FuzzAenderung -fuzztime 20s
func FuzzAenderung(f *testing.F) {
	f.Add(uint8(1), uint8(0), "Die Kosten betragen 1.851.234,56\u00a0€.", "")
	f.Add(uint8(1), uint8(0), "Sie werden nach dem Schlüssel zu 25\u00a0% und zu 30\u00a0% verteilt.", "")
	f.Add(uint8(0), uint8(1), "Weiteres gilt.", "")
	f.Add(uint8(2), uint8(2), "", "")
	f.Add(uint8(1), uint8(3), "Datenschutz", "Es gilt die DSGVO.")
	f.Add(uint8(3), uint8(4), "Laufzeit und Kündigung", "")
	f.Add(uint8(4), uint8(0), "Änderungen bedürfen der Schriftform und der Zustimmung.", "x")
	f.Add(uint8(2), uint8(5), "", "")
	// marks beside changed words, words dropped, quotes in the quote
	f.Add(uint8(2), uint8(0), "Jede Vertragspartei haftet „selbst“.", "")
	f.Add(uint8(2), uint8(0), "Jede (Vertragspartei) haftet selbst.", "")
	f.Add(uint8(2), uint8(0), "Jede haftet selbst.", "")
	f.Add(uint8(2), uint8(0), "Jede Vertragspartei haftet ‚selbst‘.", "")
	f.Add(uint8(0), uint8(0), "„Gegenstand ist der Online-Dienst.", "")
	f.Fuzz(func(t *testing.T, which, op uint8, a, b string) {
		ss := base()
		i := int(which) % len(ss)
		switch op % 6 {
		case 0: // a paragraph's text
			s := ss[i]
			k := int(which/8) % len(s.Blocks)
			c := *s
			c.Blocks = append([]model.Block{}, s.Blocks...)
			p := *c.Blocks[k].(*model.Paragraph)
			p.Inlines = []model.Inline{model.Text{Text: a}}
			c.Blocks[k] = &p
			ss[i] = &c
		case 1: // an Absatz appended
			c := *ss[i]
			c.Blocks = append(append([]model.Block{}, c.Blocks...), &model.Paragraph{Style: model.StyleBody, Number: "(" + strconv.Itoa(len(c.Blocks)+1) + ")", Inlines: []model.Inline{model.Text{Text: a}}})
			if len(c.Blocks) == 2 { // the first becomes (1)
				p := *c.Blocks[0].(*model.Paragraph)
				p.Number = "(1)"
				c.Blocks[0] = &p
			}
			ss[i] = &c
		case 2: // a § removed
			ss = append(ss[:i:i], ss[i+1:]...)
		case 3: // a § inserted
			ss = append(ss[:i:i], append([]*model.Section{sec("neu", "", a, b)}, ss[i:]...)...)
		case 4: // a heading
			c := *ss[i]
			c.Title = a
			ss[i] = &c
		case 5: // a § moved to another place
			s := ss[i]
			ss = append(ss[:i:i], ss[i+1:]...)
			j := int(which/8) % (len(ss) + 1)
			ss = append(ss[:j:j], append([]*model.Section{s}, ss[j:]...)...)
		}
		for k, s := range ss { // numbered as the generator numbers
			c := *s
			c.Number = "§\u00a0" + strconv.Itoa(k+1)
			ss[k] = &c
		}
		old, neu := doc(base()...), doc(ss...)
		ins, err := Instructions(old, neu)
		if errors.Is(err, ErrNoChange) {
			return
		}
		if err != nil {
			t.Fatalf("%v", err)
		}
		ou, _ := Units(old)
		nu, _ := Units(neu)
		got, err := Apply(ou, ins)
		if err != nil {
			t.Fatal(err)
		}
		if err := Compare(got, nu); err != nil {
			t.Fatal(err)
		}
		if len(Render(ins)) < len(ins) {
			t.Fatal("weniger Absätze als Befehle")
		}
	})
}
