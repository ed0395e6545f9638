package diff

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/vereinbar/vereinbar/generator/model"
)

// tableChanges compares two tables cell by cell; see diffTable.
func (mt *matcher) tableChanges(l Location, ot, nt *model.Table) []Change {
	cs, _ := mt.diffTable(l, ot, nt)
	return cs
}

// columns returns the column names of a table: the texts of the last
// header row, or the column numbers when a header cell is empty.
func columns(t *model.Table) []string {
	n := 0
	for _, rs := range [][]model.Row{t.Header, t.Rows} {
		for _, r := range rs {
			n = max(n, len(r.Cells))
		}
	}
	names := make([]string, n)
	for i := range names {
		names[i] = strconv.Itoa(i + 1)
	}
	if len(t.Header) > 0 {
		for i, c := range t.Header[len(t.Header)-1].Cells {
			if s := model.PlainText(c.Inlines); s != "" {
				names[i] = s
			}
		}
	}
	return names
}

func cellText(r model.Row, i int) string {
	if i < 0 || i >= len(r.Cells) {
		return ""
	}
	return model.PlainText(r.Cells[i].Inlines)
}

func rowLabel(r model.Row, n int) string {
	if s := cellText(r, 0); s != "" {
		return s
	}
	return fmt.Sprintf("Nr. %d", n+1)
}

// diffTable compares two tables: header rows as a whole, body rows
// aligned by their label (first cell), cells by column header. It also
// returns NEW's table marked up for the redline: changed cells with
// inserted and deleted words, new rows inserted, removed rows deleted.
func (mt *matcher) diffTable(l Location, ot, nt *model.Table) ([]Change, *model.Table) {
	var cs []Change
	red := *nt
	red.Header = nt.Header
	oh, nh := make([]string, len(ot.Header)), make([]string, len(nt.Header))
	for i, r := range ot.Header {
		oh[i] = rowText(r)
	}
	for i, r := range nt.Header {
		nh[i] = rowText(r)
	}
	ncells := tableCols(nt)
	if !slices.Equal(oh, nh) {
		hl := l
		hl.Row = "Kopfzeile"
		o, n := joinLines(oh), joinLines(nh)
		cs = append(cs, mt.changed(hl, o, n))
		red.Header = markRows(nt.Header, model.ChangeIns)
		red.Header = append(fitRows(markRows(ot.Header, model.ChangeDel), ncells), red.Header...)
	}
	ocols, ncols := columns(ot), columns(nt)
	ocol := make(map[string]int, len(ocols)) // OLD's first column of each name
	for i, c := range slices.Backward(ocols) {
		ocol[c] = i
	}
	colOf := func(name string, j int) int { // OLD's column of NEW's column j
		if i, ok := ocol[name]; ok {
			return i
		}
		if j < len(ocols) && len(ocols) == len(ncols) {
			return j
		}
		return -1
	}
	a := make([]string, len(ot.Rows))
	for i, r := range ot.Rows {
		a[i] = rowLabel(r, i)
	}
	b := make([]string, len(nt.Rows))
	for j, r := range nt.Rows {
		b[j] = rowLabel(r, j)
	}
	red.Rows = nil
	rowLoc := func(label string) Location {
		rl := l
		rl.Row = label
		return rl
	}
	for _, oc := range mt.opcodes(a, b) {
		switch oc.Tag {
		case 'e', 'r':
			n := min(oc.I2-oc.I1, oc.J2-oc.J1)
			for k := 0; k < n; k++ {
				or, nr := ot.Rows[oc.I1+k], nt.Rows[oc.J1+k]
				rc, rr := mt.diffRow(rowLoc(b[oc.J1+k]), or, nr, ncols, colOf)
				cs = append(cs, rc...)
				red.Rows = append(red.Rows, rr)
			}
			for _, r := range ot.Rows[oc.I1+n : oc.I2] {
				cs = append(cs, Change{Kind: Deleted, Loc: rowLoc(rowLabel(r, 0)), Old: rowText(r)})
				red.Rows = append(red.Rows, fitRows(markRows([]model.Row{r}, model.ChangeDel), ncells)...)
			}
			for _, r := range nt.Rows[oc.J1+n : oc.J2] {
				cs = append(cs, Change{Kind: Inserted, Loc: rowLoc(rowLabel(r, 0)), New: rowText(r)})
				red.Rows = append(red.Rows, markRows([]model.Row{r}, model.ChangeIns)...)
			}
		case 'd':
			for i, r := range ot.Rows[oc.I1:oc.I2] {
				cs = append(cs, Change{Kind: Deleted, Loc: rowLoc(a[oc.I1+i]), Old: rowText(r)})
				red.Rows = append(red.Rows, fitRows(markRows([]model.Row{r}, model.ChangeDel), ncells)...)
			}
		case 'i':
			for j, r := range nt.Rows[oc.J1:oc.J2] {
				cs = append(cs, Change{Kind: Inserted, Loc: rowLoc(b[oc.J1+j]), New: rowText(r)})
				red.Rows = append(red.Rows, markRows([]model.Row{r}, model.ChangeIns)...)
			}
		}
	}
	return cs, &red
}

// diffRow compares two rows under NEW's column names.
func (mt *matcher) diffRow(l Location, or, nr model.Row, ncols []string, colOf func(string, int) int) ([]Change, model.Row) {
	var cs []Change
	red := model.Row{Total: nr.Total, Cells: make([]model.Cell, len(nr.Cells))}
	copy(red.Cells, nr.Cells)
	for j := range nr.Cells {
		name := strconv.Itoa(j + 1)
		if j < len(ncols) {
			name = ncols[j]
		}
		o, n := cellText(or, colOf(name, j)), cellText(nr, j)
		if o == n {
			continue
		}
		cl := l
		cl.Column = name
		c := mt.changed(cl, o, n)
		cs = append(cs, c)
		var oldInlines []model.Inline
		if k := colOf(name, j); k >= 0 && k < len(or.Cells) {
			oldInlines = or.Cells[k].Inlines
		}
		red.Cells[j].Inlines = styledSegments(c.Segments, oldInlines, nr.Cells[j].Inlines)
	}
	return cs, red
}

func joinLines(ss []string) string { return strings.Join(ss, "\n") }

// markRows copies rows with every text run marked as change.
func markRows(rs []model.Row, change string) []model.Row {
	out := make([]model.Row, len(rs))
	for i, r := range rs {
		out[i] = model.Row{Total: r.Total, Cells: make([]model.Cell, len(r.Cells))}
		for k, c := range r.Cells {
			out[i].Cells[k] = model.Cell{Shade: c.Shade, Inlines: markInlines(c.Inlines, change)}
		}
	}
	return out
}

// markInlines copies inlines with every text run marked as change.
func markInlines(ins []model.Inline, change string) []model.Inline {
	out := make([]model.Inline, len(ins))
	for i, in := range ins {
		if t, ok := in.(model.Text); ok {
			t.Change = change
			in = t
		}
		out[i] = in
	}
	return out
}

// styledSegments turns word-level segments into marked text runs that
// keep the emphasis (bold, italic) of the text they come from: equal and
// inserted text from NEW's inlines, deleted text from OLD's. When the
// segments do not spell out both texts exactly, it falls back to
// segmentInlines.
func styledSegments(segs []Segment, old, new []model.Inline) []model.Inline {
	var ot, nt strings.Builder
	for _, s := range segs {
		if s.Op != Insert {
			ot.WriteString(s.Text)
		}
		if s.Op != Delete {
			nt.WriteString(s.Text)
		}
	}
	if ot.String() != model.PlainText(old) || nt.String() != model.PlainText(new) {
		return segmentInlines(segs)
	}
	oc, nc := runCursor{runs: textRuns(old)}, runCursor{runs: textRuns(new)}
	var out []model.Inline
	for _, s := range segs {
		switch s.Op {
		case Equal:
			oc.take(len(s.Text), "", nil)
			out = nc.take(len(s.Text), "", out)
		case Insert:
			out = nc.take(len(s.Text), model.ChangeIns, out)
		case Delete:
			out = oc.take(len(s.Text), model.ChangeDel, out)
		}
	}
	return out
}

// textRuns is inlines as text runs, a line break as "\n" (as PlainText).
func textRuns(ins []model.Inline) []model.Text {
	var out []model.Text
	for _, in := range ins {
		switch n := in.(type) {
		case model.Text:
			out = append(out, n)
		case model.LineBreak:
			out = append(out, model.Text{Text: "\n"})
		}
	}
	return out
}

// runCursor walks text runs byte by byte.
type runCursor struct {
	runs []model.Text
	i    int // current run
	off  int // byte offset in it
}

// take consumes n bytes and appends them to out as runs with their
// emphasis and the change, merged with the last run where they match.
func (c *runCursor) take(n int, change string, out []model.Inline) []model.Inline {
	for n > 0 && c.i < len(c.runs) {
		r := c.runs[c.i]
		k := min(n, len(r.Text)-c.off)
		piece := model.Text{Text: r.Text[c.off : c.off+k], Bold: r.Bold, Italic: r.Italic, Change: change}
		if last := len(out) - 1; last >= 0 {
			if t, ok := out[last].(model.Text); ok && t.Bold == piece.Bold && t.Italic == piece.Italic && t.Change == piece.Change {
				t.Text += piece.Text
				out[last] = t
				piece.Text = ""
			}
		}
		if piece.Text != "" {
			out = append(out, piece)
		}
		c.off += k
		n -= k
		if c.off == len(r.Text) {
			c.i, c.off = c.i+1, 0
		}
	}
	return out
}

// segmentInlines turns word-level segments into marked text runs.
func segmentInlines(segs []Segment) []model.Inline {
	out := make([]model.Inline, 0, len(segs))
	for _, s := range segs {
		t := model.Text{Text: s.Text}
		switch s.Op {
		case Insert:
			t.Change = model.ChangeIns
		case Delete:
			t.Change = model.ChangeDel
		}
		out = append(out, t)
	}
	return out
}

// fitRows gives OLD's rows NEW's number of columns n, so deleted rows fit
// into NEW's table: missing cells are empty, surplus cells are joined
// into the last one. n 0 leaves the rows as they are.
func fitRows(rs []model.Row, n int) []model.Row {
	if n == 0 {
		return rs
	}
	for i, r := range rs {
		switch {
		case len(r.Cells) < n:
			rs[i].Cells = append(r.Cells, make([]model.Cell, n-len(r.Cells))...)
		case len(r.Cells) > n:
			last := r.Cells[n-1]
			ins := append([]model.Inline(nil), last.Inlines...)
			for _, c := range r.Cells[n:] {
				ins = append(ins, model.Text{Text: " ", Change: model.ChangeDel})
				ins = append(ins, c.Inlines...)
			}
			last.Inlines = ins
			rs[i].Cells = append(r.Cells[:n-1:n-1], last)
		}
	}
	return rs
}

// tableCols is the number of columns of t as the renderers count them.
func tableCols(t *model.Table) int {
	if len(t.Widths) > 0 {
		return len(t.Widths)
	}
	return len(columns(t))
}
