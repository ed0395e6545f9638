package synopse_test

import (
	"fmt"
	"math/rand"
	"slices"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/diff"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/synopse"
)

var vocabulary = strings.Fields("die der das Land Kosten Betrag 1.000,00 € trägt zahlt jährlich Vereinbarung Anteil nach § 7 und oder bis zum 31. März Vertragspartei")

type rdoc struct {
	secs []rsec
}

type rsec struct {
	id    string
	title string
	paras []string
	table [][]string // nil: none
}

func words(r *rand.Rand, n int) string {
	w := make([]string, n)
	for i := range w {
		w[i] = vocabulary[r.Intn(len(vocabulary))]
	}
	return strings.Join(w, " ")
}

func randomDoc(r *rand.Rand) rdoc {
	var d rdoc
	for i := 0; i < 1+r.Intn(6); i++ {
		s := rsec{id: fmt.Sprintf("s%d", i), title: "Titel " + words(r, 1)}
		for j := 0; j < 1+r.Intn(4); j++ {
			s.paras = append(s.paras, words(r, 3+r.Intn(15)))
		}
		if r.Intn(3) == 0 {
			for k := 0; k < 1+r.Intn(30); k++ {
				s.table = append(s.table, []string{fmt.Sprintf("Zeile %d", k), words(r, 1), words(r, 2)})
			}
		}
		d.secs = append(d.secs, s)
	}
	return d
}

// mutate changes words, paragraphs, cells, rows and clauses, and gives
// every clause that stays a paragraph of its own, so none is unchanged.
func mutate(r *rand.Rand, d rdoc) rdoc {
	var out rdoc
	for i, s := range d.secs {
		if r.Intn(6) == 0 {
			continue // clause deleted
		}
		n := rsec{id: s.id, title: s.title}
		for _, p := range s.paras {
			w := strings.Fields(p)
			switch r.Intn(6) {
			case 0:
				continue // paragraph deleted
			case 1:
				w[r.Intn(len(w))] = vocabulary[r.Intn(len(vocabulary))]
			case 2:
				k := r.Intn(len(w) + 1)
				w = slices.Insert(w, k, "neu")
			}
			n.paras = append(n.paras, strings.Join(w, " "))
		}
		n.paras = append(n.paras, fmt.Sprintf("Zusatz %d.", i))
		for _, row := range s.table {
			row = slices.Clone(row)
			if r.Intn(5) == 0 {
				row[1+r.Intn(2)] = words(r, 1)
			}
			n.table = append(n.table, row)
			if r.Intn(8) == 0 {
				n.table = append(n.table, []string{"eingefügt", words(r, 1), words(r, 1)})
			}
		}
		out.secs = append(out.secs, n)
		if r.Intn(6) == 0 {
			out.secs = append(out.secs, rsec{id: fmt.Sprintf("neu%d", i), title: "Neu", paras: []string{words(r, 5)}})
		}
	}
	return out
}

func (d rdoc) model() *model.Document {
	md := &model.Document{}
	for i, s := range d.secs {
		sec := &model.Section{ID: s.id, Level: 1, Number: fmt.Sprintf("§ %d", i+1), Title: s.title}
		for j, p := range s.paras {
			num := ""
			if len(s.paras) > 1 {
				num = fmt.Sprintf("(%d)", j+1)
			}
			sec.Blocks = append(sec.Blocks, &model.Paragraph{Style: model.StyleBody, Number: num, Inlines: []model.Inline{model.Text{Text: p}}})
		}
		if s.table != nil {
			t := &model.Table{Widths: []int{1, 1, 1}}
			for _, row := range s.table {
				var cells []model.Cell
				for _, c := range row {
					cells = append(cells, model.Cell{Inlines: []model.Inline{model.Text{Text: c}}})
				}
				t.Rows = append(t.Rows, model.Row{Cells: cells})
			}
			sec.Blocks = append(sec.Blocks, t)
		}
		md.Blocks = append(md.Blocks, sec)
	}
	return md
}

// cellText is a cell's text, line breaks as "\n", and whether it is a
// note (ends in italic: "unverändert", "entfällt").
func cellText(c model.Cell) (text string, note bool, bold, struck bool) {
	var b strings.Builder
	for _, in := range c.Inlines {
		switch n := in.(type) {
		case model.Text:
			b.WriteString(n.Text)
			note = n.Italic
			bold = bold || n.Bold
			struck = struck || n.Strike
		case model.LineBreak:
			b.WriteString("\n")
			note = false
		}
	}
	return b.String(), note, bold, struck
}

func labelled(it *diff.Item) string {
	if it.Label != "" {
		return it.Label + " " + it.Text
	}
	return it.Text
}

// TestSynopseKeepsTheText runs the Synopse on random pairs of documents
// (fixed seed) and requires that no word is lost or invented: the left
// column, read row by row, is the text of every unit of ALT, the right
// column without its notes the text of every unit of NEU that changed or
// is new, or belongs to an Absatz that changed; only the left column strikes, only the right one is bold.
func TestSynopseKeepsTheText(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewSource(13))
	for i := 0; i < 400; i++ {
		altD := randomDoc(r)
		alt, neu := altD.model(), mutate(r, altD).model()
		if len(neu.Blocks) == 0 {
			continue
		}
		syn, err := synopse.Build(alt, neu, synopse.Options{})
		if err != nil {
			t.Fatal(err)
		}
		a, err := diff.Align(alt, neu)
		if err != nil {
			t.Fatal(err)
		}
		var wantLeft, wantRight []string
		for _, p := range a.Pairs {
			switch {
			case p.Old == nil:
				for _, it := range p.New.Items {
					wantRight = append(wantRight, labelled(it))
				}
			case p.New == nil:
				for _, it := range p.Old.Items {
					wantLeft = append(wantLeft, labelled(it))
				}
			default:
				// An Absatz is a numbered paragraph with what follows it
				// up to the next one; when a unit of it changed, every
				// unit of it stands in full on the right.
				var groups [][]diff.ItemPair
				for _, ip := range p.Items {
					num := func(it *diff.Item) bool { return it != nil && it.What == "Absatz" && it.Label != "" }
					if len(groups) == 0 || num(ip.Old) || num(ip.New) {
						groups = append(groups, nil)
					}
					groups[len(groups)-1] = append(groups[len(groups)-1], ip)
				}
				for _, g := range groups {
					changed := false
					for _, ip := range g {
						changed = changed || ip.Old == nil || ip.New == nil || ip.Old.Text != ip.New.Text
					}
					for _, ip := range g {
						if ip.Old != nil {
							wantLeft = append(wantLeft, labelled(ip.Old))
						}
						if ip.New != nil && changed {
							wantRight = append(wantRight, labelled(ip.New))
						}
					}
				}
			}
		}
		var left, right []string
		tab := syn.Blocks[len(syn.Blocks)-1].(*model.Table)
		for _, row := range tab.Rows {
			if row.Cells[0].Shade == synopse.HeadingShade {
				continue
			}
			lt, _, lbold, _ := cellText(row.Cells[0])
			rt, note, _, rstruck := cellText(row.Cells[1])
			if lbold || rstruck {
				t.Fatalf("case %d: bold on the left or struck on the right: %q | %q", i, lt, rt)
			}
			if lt != "" {
				left = append(left, lt)
			}
			if rt != "" && !note {
				right = append(right, rt)
			}
		}
		if got, want := strings.Join(left, "\n"), strings.Join(wantLeft, "\n"); got != want {
			t.Fatalf("case %d: left column\n%s\nwant\n%s", i, got, want)
		}
		if got, want := strings.Join(right, "\n"), strings.Join(wantRight, "\n"); got != want {
			t.Fatalf("case %d: right column\n%s\nwant\n%s", i, got, want)
		}
	}
}
