package model

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// Dump writes a deterministic, line-oriented text form of the document:
// one node per line, indented by depth, attributes in fixed order, strings
// quoted with strconv.Quote. It is the golden format of the tests and
// shows every piece of text and every number a reader would see.
func Dump(w io.Writer, d *Document) error {
	bw := bufio.NewWriter(w)
	m := d.Meta
	// The page format is written only when set, so dumps of A4
	// documents stay as they were before it existed.
	page := ""
	if m.Page != "" {
		page = " page=" + q(m.Page)
	}
	// Likewise the draft mark: a final document's dump has none.
	if m.Draft {
		page += " draft=true"
	}
	fmt.Fprintf(bw, "document kind=%s lang=%s date=%s landscape=%t%s\n", q(m.Kind), q(m.Language), m.Date.Format(time.DateOnly), m.Landscape, page)
	fmt.Fprintf(bw, "  title=%s\n  short=%s\n  subject=%s\n  author=%s\n  keywords=%s\n",
		q(m.Title), q(m.ShortTitle), q(m.Subject), q(m.Author), q(strings.Join(m.Keywords, ", ")))
	if err := dumpBlocks(bw, d.Blocks, 1); err != nil {
		return err
	}
	return bw.Flush()
}

func q(s string) string { return strconv.Quote(s) }

func pos(p Pos) string {
	if p.File == "" {
		return ""
	}
	return fmt.Sprintf(" @%s:%d", p.File, p.Line)
}

func dumpBlocks(w *bufio.Writer, bs []Block, depth int) error {
	ind := strings.Repeat("  ", depth)
	for _, b := range bs {
		switch n := b.(type) {
		case *Section:
			fmt.Fprintf(w, "%ssection id=%s level=%d number=%s title=%s%s\n", ind, q(n.ID), n.Level, q(n.Number), q(n.Title), pos(n.Pos))
			if len(n.HeadingChanges) > 0 {
				fmt.Fprintf(w, "%s  heading\n", ind)
				if err := dumpInlines(w, n.HeadingChanges, depth+2); err != nil {
					return err
				}
			}
			if err := dumpBlocks(w, n.Blocks, depth+1); err != nil {
				return err
			}
		case *Paragraph:
			keep := ""
			if n.KeepNext {
				keep = " keepnext"
			}
			fmt.Fprintf(w, "%sparagraph style=%s number=%s%s%s\n", ind, n.Style, q(n.Number), keep, pos(n.Pos))
			if err := dumpInlines(w, n.Inlines, depth+1); err != nil {
				return err
			}
		case *List:
			fmt.Fprintf(w, "%slist%s\n", ind, pos(n.Pos))
			for _, it := range n.Items {
				fmt.Fprintf(w, "%s  item label=%s\n", ind, q(it.Label))
				if len(it.LabelChanges) > 0 {
					fmt.Fprintf(w, "%s    label\n", ind)
					if err := dumpInlines(w, it.LabelChanges, depth+3); err != nil {
						return err
					}
				}
				if err := dumpBlocks(w, it.Blocks, depth+2); err != nil {
					return err
				}
			}
		case *Table:
			// small is written only when set, so dumps of other
			// tables stay as they were before it existed
			small := ""
			if n.Small {
				small = " small"
			}
			fmt.Fprintf(w, "%stable id=%s widths=%v aligns=%v boxed=%t%s caption=%s%s\n", ind, q(n.ID), n.Widths, n.Aligns, n.Boxed, small, q(n.Caption), pos(n.Pos))
			for _, r := range n.Header {
				if err := dumpRow(w, "header", r, depth+1); err != nil {
					return err
				}
			}
			for _, r := range n.Rows {
				if err := dumpRow(w, "row", r, depth+1); err != nil {
					return err
				}
			}
		case *Chart:
			cols := ""
			if n.Columns > 1 {
				cols = fmt.Sprintf(" columns=%d", n.Columns)
			}
			fmt.Fprintf(w, "%schart id=%s title=%s%s%s\n", ind, q(n.ID), q(n.Title), cols, pos(n.Pos))
			for _, b := range n.Bars {
				fmt.Fprintf(w, "%s  bar label=%s value=%d text=%s color=%s\n", ind, q(b.Label), b.ValueE5, q(b.Text), q(b.Color))
			}
		case *Gantt:
			fmt.Fprintf(w, "%sgantt id=%s title=%s%s\n", ind, q(n.ID), q(n.Title), pos(n.Pos))
			for _, r := range n.Rows {
				milestone := ""
				if r.Milestone {
					milestone = " milestone"
				}
				fmt.Fprintf(w, "%s  row label=%s start=%s end=%s%s text=%s color=%s\n", ind, q(r.Label), dumpDay(r.Start), dumpDay(r.End), milestone, q(r.Text), q(r.Color))
			}
		case *Signatures:
			fmt.Fprintf(w, "%ssignatures%s\n", ind, pos(n.Pos))
			for _, s := range n.Blocks {
				fmt.Fprintf(w, "%s  signature party=%s signer=%s placedate=%s", ind, q(s.Party), q(s.Signer), q(s.PlaceDate))
				for _, l := range s.Lines {
					fmt.Fprintf(w, " line=%s", q(l))
				}
				fmt.Fprintln(w)
			}
		case *PageBreak:
			fmt.Fprintf(w, "%spagebreak%s\n", ind, pos(n.Pos))
		default:
			return UnknownBlock(b)
		}
	}
	return nil
}

// dumpDay writes a date of a Gantt row, "-" for none.
func dumpDay(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(time.DateOnly)
}

func dumpRow(w *bufio.Writer, kind string, r Row, depth int) error {
	ind := strings.Repeat("  ", depth)
	cells := make([]string, len(r.Cells))
	for i, c := range r.Cells {
		cells[i] = q(PlainText(c.Inlines))
		// A cell that is one form field says so; other cells, fields
		// among text included, show their text only.
		if len(c.Inlines) == 1 {
			if f, ok := c.Inlines[0].(Field); ok {
				cells[i] = "field" + q(f.Text)
			}
		}
		if c.Shade != "" {
			cells[i] += "#" + c.Shade
		}
	}
	total := ""
	if r.Total {
		total = " total"
	}
	if _, err := fmt.Fprintf(w, "%s%s%s %s\n", ind, kind, total, strings.Join(cells, " | ")); err != nil {
		return err
	}
	// A cell whose text changes style (an italic note in a Synopse:
	// "(", italic "unverändert", ")") also lists its inlines beneath the
	// row, so that a model read back from the dump sets the same runs as
	// the document it was written from; other cells, and so the dumps of
	// most documents, keep the row line only.
	for i, c := range r.Cells {
		if !styled(c.Inlines) {
			continue
		}
		fmt.Fprintf(w, "%s  cell %d\n", ind, i+1)
		if err := dumpInlines(w, c.Inlines, depth+2); err != nil {
			return err
		}
	}
	return nil
}

// styled reports whether some text of ins is bold, italic or struck.
func styled(ins []Inline) bool {
	for _, in := range ins {
		if t, ok := in.(Text); ok && (t.Bold || t.Italic || t.Strike) {
			return true
		}
	}
	return false
}

func dumpInlines(w *bufio.Writer, ins []Inline, depth int) error {
	ind := strings.Repeat("  ", depth)
	for _, in := range ins {
		switch n := in.(type) {
		case Text:
			marks := ""
			if n.Bold {
				marks += " bold"
			}
			if n.Italic {
				marks += " italic"
			}
			if n.Strike {
				marks += " strike"
			}
			if n.Change != "" {
				marks += " " + n.Change // tracked change of a redline
			}
			fmt.Fprintf(w, "%stext%s %s\n", ind, marks, q(n.Text))
		case LineBreak:
			fmt.Fprintf(w, "%sbreak\n", ind)
		case Field:
			fmt.Fprintf(w, "%sfield %s\n", ind, q(n.Text))
		default:
			return UnknownInline(in)
		}
	}
	return nil
}
