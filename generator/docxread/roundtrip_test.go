package docxread_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/docxread"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
	"github.com/vereinbar/vereinbar/generator/render/docx"
)

// fixtureDocs returns the generated documents of the fixtures that have
// templates, keyed by "<fixture>/<file>".
func fixtureDocs(t testing.TB) map[string]*model.Document {
	t.Helper()
	g, err := generator.New(generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	files, err := generator.ProjectFiles([]string{"../../fixtures"})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]*model.Document{}
	for _, f := range files {
		p, err := g.LoadProject(f)
		if err != nil {
			t.Fatal(err)
		}
		res, err := g.Costs(p)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range g.Docs(p) {
			d, err := g.Document(context.Background(), p, res, k)
			if err != nil {
				continue // templates of other kinds may not exist yet
			}
			out[p.Data().Vorhaben.Kurztitel+"/"+k.File] = d
		}
	}
	if len(out) == 0 {
		t.Fatal("keine Dokumente erzeugt")
	}
	return out
}

func render(t testing.TB, d *model.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := docx.Render(&b, d, docx.Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func read(t testing.TB, b []byte) *model.Document {
	t.Helper()
	d, err := docxread.Read(bytes.NewReader(b), int64(len(b)), docxread.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// normalize removes what a DOCX does not carry back (positions, layout,
// the kind) and puts text into one canonical form, so a document and its
// DOCX reading can be compared.
func normalize(d *model.Document) string {
	m := d.Meta
	m.Kind, m.Landscape, m.Page = "", false, ""
	n := &model.Document{Meta: m, Blocks: normBlocks(d.Blocks)}
	var b strings.Builder
	if err := model.Dump(&b, n); err != nil {
		panic(err)
	}
	return b.String()
}

func normBlocks(bs []model.Block) []model.Block {
	var out []model.Block
	for _, b := range bs {
		switch n := b.(type) {
		case *model.Section:
			c := *n
			c.Pos = model.Pos{}
			c.Blocks = normBlocks(n.Blocks)
			out = append(out, &c)
		case *model.Paragraph:
			c := *n
			c.Pos = model.Pos{}
			c.Inlines = normInlines(n.Inlines)
			out = append(out, &c)
		case *model.List:
			c := &model.List{}
			for _, it := range n.Items {
				c.Items = append(c.Items, model.ListItem{Label: it.Label, Blocks: normBlocks(it.Blocks)})
			}
			out = append(out, c)
		case *model.Table:
			c := &model.Table{ID: n.ID, Caption: n.Caption}
			for _, rows := range []struct {
				in  []model.Row
				out *[]model.Row
			}{{n.Header, &c.Header}, {n.Rows, &c.Rows}} {
				for _, r := range rows.in {
					nr := model.Row{Total: r.Total}
					for _, cl := range r.Cells {
						nr.Cells = append(nr.Cells, model.Cell{Inlines: normInlines(cl.Inlines), Shade: cl.Shade})
					}
					*rows.out = append(*rows.out, nr)
				}
			}
			out = append(out, c)
		case *model.Chart:
			c := *n
			c.Pos = model.Pos{}
			out = append(out, &c)
		case *model.Signatures:
			c := *n
			c.Pos = model.Pos{}
			out = append(out, &c)
		case *model.Gantt:
			// A DOCX holds the plan to the month (see gantt.go) and
			// the colour of bars, not of milestones.
			c := &model.Gantt{ID: n.ID, Title: n.Title}
			for _, r := range n.Rows {
				if r.Dated() {
					r.Start = time.Date(r.Start.Year(), r.Start.Month(), 1, 0, 0, 0, 0, time.UTC)
					r.End = time.Date(r.End.Year(), r.End.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, -1)
				}
				if r.Milestone || !r.Dated() {
					r.End, r.Color = r.Start, "" // no bar, no colour
				}
				if r.Color == model.DefaultBarColor {
					r.Color = ""
				}
				c.Rows = append(c.Rows, r)
			}
			out = append(out, c)
		case *model.PageBreak:
			// A DOCX cannot say whether a page break between two
			// sections belongs to the first or to the top level.
		}
	}
	return out
}

// normInlines splits "\n" into line breaks and merges neighbouring runs
// of the same look.
func normInlines(ins []model.Inline) []model.Inline {
	var out []model.Inline
	add := func(t model.Text) {
		if t.Text == "" {
			return
		}
		if k := len(out); k > 0 {
			if p, ok := out[k-1].(model.Text); ok && p.Bold == t.Bold && p.Italic == t.Italic {
				p.Text += t.Text
				out[k-1] = p
				return
			}
		}
		out = append(out, t)
	}
	for _, in := range ins {
		switch n := in.(type) {
		case model.Text:
			for i, part := range strings.Split(n.Text, "\n") {
				if i > 0 {
					out = append(out, model.LineBreak{})
				}
				add(model.Text{Text: part, Bold: n.Bold, Italic: n.Italic})
			}
		default:
			out = append(out, in)
		}
	}
	return out
}

// TestRoundTrip: a document written by the renderer reads back with the
// same structure and text.
func TestRoundTrip(t *testing.T) {
	t.Parallel()
	docs := map[string]*model.Document{
		"sample": modeltest.Sample(3),
		"slide":  modeltest.Slide(),
		"plan":   modeltest.Plan(),
	}
	for k, d := range fixtureDocs(t) {
		docs[k] = d
	}
	for name, d := range docs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got := normalize(read(t, render(t, d)))
			want := normalize(d)
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("Rundreise Modell → DOCX → Modell (-Modell +gelesen):\n%s", diff)
			}
		})
	}
}

// TestStrikeReadBack: struck text (a Synopse's deleted words) reads back
// struck, in paragraphs and table cells, bold and struck text too.
func TestStrikeReadBack(t *testing.T) {
	t.Parallel()
	ins := []model.Inline{model.Text{Text: "a "}, model.Text{Text: "b", Strike: true}, model.Text{Text: " "}, model.Text{Text: "c", Bold: true, Strike: true}}
	d := &model.Document{Meta: model.Meta{Title: "T", ShortTitle: "K", Language: "de-DE"}, Blocks: []model.Block{
		&model.Paragraph{Style: model.StyleBody, Inlines: ins},
		&model.Table{Widths: []int{1}, Rows: []model.Row{{Cells: []model.Cell{{Inlines: ins}}}}},
	}}
	got := read(t, render(t, d))
	p, ok := got.Blocks[0].(*model.Paragraph)
	if !ok {
		t.Fatalf("first block %T", got.Blocks[0])
	}
	tb, ok := got.Blocks[1].(*model.Table)
	if !ok {
		t.Fatalf("second block %T", got.Blocks[1])
	}
	for _, read := range [][]model.Inline{p.Inlines, tb.Rows[0].Cells[0].Inlines} {
		if fmt.Sprint(read) != fmt.Sprint(ins) {
			t.Errorf("read back %v, want %v", read, ins)
		}
	}
}
