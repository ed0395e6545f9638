// Package markdown renders the document model as a Markdown text twin of
// the DOCX and PDF: the same text and numbers, one paragraph per line
// block, so agreements can be reviewed and diffed in git. It is meant for
// reading, not for parsing back.
package markdown

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/vereinbar/vereinbar/generator/model"
)

// Render writes the Markdown twin of d.
// A document with tracked changes (a redline) is refused with
// model.ErrTrackedChange: Markdown has no standard mark for them.
func Render(w io.Writer, d *model.Document) error {
	if d != nil && model.HasChanges(d) {
		return fmt.Errorf("markdown: %w", model.ErrTrackedChange)
	}
	bw := bufio.NewWriter(w)
	r := &renderer{w: bw}
	if d.Meta.Draft {
		// The running header of DOCX and PDF carries the mark on every
		// page; the twin says it once, first.
		r.para("", "**"+model.DraftMark+"**")
	}
	if err := r.blocks(d.Blocks, ""); err != nil {
		return err
	}
	return bw.Flush()
}

type renderer struct {
	w     *bufio.Writer
	first bool
}

func (r *renderer) para(indent, s string) {
	if r.first {
		r.w.WriteString("\n")
	}
	r.first = true
	r.w.WriteString(indent + s + "\n")
}

func (r *renderer) blocks(bs []model.Block, indent string) error {
	for _, b := range bs {
		switch n := b.(type) {
		case *model.Section:
			r.para("", strings.Repeat("#", n.Level+1)+" "+n.Heading())
			if err := r.blocks(n.Blocks, indent); err != nil {
				return err
			}
		case *model.Paragraph:
			text, err := inlines(n.Inlines)
			if err != nil {
				return err
			}
			switch n.Style {
			case model.StyleTitle:
				text = "# " + text
			case model.StyleSubtitle, model.StyleCentered:
				text = "*" + text + "*"
			}
			if n.Number != "" {
				text = n.Number + " " + text
			}
			r.para(indent, text)
		case *model.List:
			for _, it := range n.Items {
				for i, ib := range it.Blocks {
					if p, ok := ib.(*model.Paragraph); ok && i == 0 {
						text, err := inlines(p.Inlines)
						if err != nil {
							return err
						}
						r.para(indent, it.Label+" "+text)
						continue
					}
					if err := r.blocks([]model.Block{ib}, indent+"    "); err != nil {
						return err
					}
				}
			}
		case *model.Table:
			if err := r.table(n); err != nil {
				return err
			}
		case *model.Chart:
			r.chart(n)
		case *model.Gantt:
			if err := r.gantt(n); err != nil {
				return err
			}
		case *model.Signatures:
			for _, s := range n.Blocks {
				r.signature(indent, s)
			}
		case *model.PageBreak:
			r.para(indent, "---")
		default:
			return model.UnknownBlock(b)
		}
	}
	return nil
}

// fillIn stands for a line to fill in by hand.
const fillIn = "______________________________"

// signature writes a signature block as the DOCX and PDF lay it out:
// party and signer, then each line to fill in after its caption.
func (r *renderer) signature(indent string, s model.Signature) {
	var b strings.Builder
	b.WriteString("**" + s.Party + "**  \n" + s.Signer)
	for _, c := range append([]string{s.PlaceDate}, s.Lines...) {
		b.WriteString("  \n" + c + ": " + fillIn)
	}
	if len(s.Lines) == 0 {
		b.WriteString("  \n" + fillIn)
	}
	r.para(indent, b.String())
}

func (r *renderer) table(t *model.Table) error {
	var b strings.Builder
	if t.Caption != "" {
		b.WriteString("**" + t.Caption + "**\n\n")
	}
	row := func(cells []model.Cell, bold bool) error {
		b.WriteString("|")
		for _, c := range cells {
			s, err := inlines(c.Inlines)
			if err != nil {
				return err
			}
			// A line break inside a cell must not end the table row:
			// GitHub Flavored Markdown takes <br> there.
			s = strings.ReplaceAll(s, "  \n", "<br>")
			s = strings.ReplaceAll(s, "|", `\|`)
			if bold && s != "" {
				s = "**" + s + "**"
			}
			b.WriteString(" " + s + " |")
		}
		b.WriteString("\n")
		return nil
	}
	header := t.Header
	if len(header) == 0 {
		header = []model.Row{{Cells: make([]model.Cell, len(t.Widths))}}
	}
	for _, h := range header {
		if err := row(h.Cells, false); err != nil {
			return err
		}
	}
	b.WriteString("|")
	for _, a := range t.Aligns {
		switch a {
		case model.AlignRight:
			b.WriteString("--:|")
		case model.AlignCenter:
			b.WriteString(":-:|")
		default:
			b.WriteString(":--|")
		}
	}
	b.WriteString("\n")
	for _, rw := range t.Rows {
		if err := row(rw.Cells, rw.Total); err != nil {
			return err
		}
	}
	r.para("", strings.TrimSuffix(b.String(), "\n"))
	return nil
}

// chart writes a bar chart as the table of its values, "| Label | Text |",
// under its title: the twin shows the numbers, not the bars.
func (r *renderer) chart(c *model.Chart) {
	var b strings.Builder
	if c.Title != "" {
		b.WriteString("**" + c.Title + "**\n\n")
	}
	b.WriteString("|  |  |\n|:--|--:|\n")
	cell := func(s string) string {
		return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
	}
	for _, bar := range c.Bars {
		b.WriteString("| " + cell(bar.Label) + " | " + cell(bar.Text) + " |\n")
	}
	r.para("", strings.TrimSuffix(b.String(), "\n"))
}

// Marks of the Gantt chart's month grid in the Markdown twin.
const (
	ganttBar       = "■"
	ganttMilestone = "◆"
)

// gantt writes a Gantt chart as a text table under its title: a row per
// activity with its dates as shown and a column per month of the axis
// ("01/26"), marked ■ where a bar falls into the month and ◆ where a
// milestone does.
func (r *renderer) gantt(g *model.Gantt) error {
	axis, err := g.Axis()
	if err != nil {
		return fmt.Errorf("Zeitplan %q: %w", g.ID, err)
	}
	var b strings.Builder
	if g.Title != "" {
		b.WriteString("**" + g.Title + "**\n\n")
	}
	cell := func(s string) string {
		return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
	}
	b.WriteString("|  | Termin |")
	for _, m := range axis.Months {
		fmt.Fprintf(&b, " %02d/%02d |", m.Start.Month(), m.Year%100)
	}
	b.WriteString("\n|:--|:--|" + strings.Repeat(":-:|", len(axis.Months)) + "\n")
	for _, row := range g.Rows {
		b.WriteString("| " + cell(row.Label) + " | " + cell(row.Text) + " |")
		for m := range axis.Months {
			switch {
			case !axis.Covers(row, m):
				b.WriteString("  |")
			case row.Milestone:
				b.WriteString(" " + ganttMilestone + " |")
			default:
				b.WriteString(" " + ganttBar + " |")
			}
		}
		b.WriteString("\n")
	}
	r.para("", strings.TrimSuffix(b.String(), "\n"))
	return nil
}

func inlines(ins []model.Inline) (string, error) {
	var b strings.Builder
	for _, in := range ins {
		switch n := in.(type) {
		case model.Text:
			s := n.Text
			if n.Strike && s != "" {
				s = "~~" + s + "~~"
			}
			switch {
			case n.Bold && n.Italic:
				s = "***" + s + "***"
			case n.Bold:
				s = "**" + s + "**"
			case n.Italic:
				s = "*" + s + "*"
			}
			b.WriteString(s)
		case model.LineBreak:
			b.WriteString("  \n")
		case model.Field:
			if n.Text == "" {
				b.WriteString(model.FieldBlank)
			} else {
				b.WriteString(n.Text)
			}
		default:
			return "", model.UnknownInline(in)
		}
	}
	return b.String(), nil
}
