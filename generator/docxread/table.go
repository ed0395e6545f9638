package docxread

import (
	"slices"
	"strconv"
	"strings"

	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/vereinbar/vereinbar/generator/model"
)

// cell is a table cell as read.
type cell struct {
	paras  []para
	nested [][][]cell // nested tables: rows of cells
	shade  string
	topSz  int // width of the top border in eighths of a point; 0 if none
}

// totalRule is the top border of a total row: 8 eighths, 1 pt.
const totalRule = 8

type row struct {
	header bool
	cells  []cell
}

func (b *builder) readTable(t *node) (rows []row, grid []int) {
	for _, g := range t.child("tblGrid").kidsOrNil() {
		if g.name == "gridCol" {
			n, _ := strconv.Atoi(g.attr("w"))
			grid = append(grid, n)
		}
	}
	for _, tr := range unwrap(t.kids, "tr") {
		if tr.child("trPr").child("del") != nil {
			continue // a deleted row of tracked changes
		}
		r := row{header: on(tr.child("trPr").child("tblHeader"))}
		for _, tc := range unwrap(tr.kids, "tc") {
			var c cell
			if pr := tc.child("tcPr"); pr != nil {
				if f := pr.child("shd").attr("fill"); f != "" && f != "auto" {
					c.shade = strings.ToUpper(f)
				}
				if top := pr.child("tcBorders").child("top"); top != nil {
					switch top.attr("val") {
					case "nil", "none":
					default:
						c.topSz, _ = strconv.Atoi(top.attr("sz"))
					}
				}
			}
			for _, k := range unwrap(tc.kids, "p", "tbl") {
				switch k.name {
				case "p":
					c.paras = append(c.paras, b.cellPara(k))
				case "tbl":
					nr, _ := b.readTable(k)
					var nested [][]cell
					for _, x := range nr {
						nested = append(nested, x.cells)
					}
					c.nested = append(c.nested, nested)
				}
			}
			r.cells = append(r.cells, c)
		}
		rows = append(rows, r)
	}
	return rows, grid
}

// cellPara reads a paragraph of a table cell. A paragraph Word numbers
// itself counts in its list like one in the body, and its label stands
// before its text, as Word shows it.
func (b *builder) cellPara(p *node) para {
	pp := b.readPara(p)
	if !pp.numbered {
		return pp
	}
	if label, _ := b.num.next(pp.numID, pp.ilvl); label != "" {
		pp.inl = append([]model.Inline{model.Text{Text: label + " "}}, pp.inl...)
	}
	return pp
}

// unwrap returns the elements named in want among kids, looking through
// the wrappers Word puts around rows, cells and blocks: content controls
// (w:sdt), custom XML and the fallback of mc:AlternateContent.
func unwrap(kids []*node, want ...string) []*node {
	var out []*node
	var walk func([]*node)
	walk = func(kids []*node) {
		for _, k := range kids {
			switch {
			case slices.Contains(want, k.name):
				out = append(out, k)
			case k.name == "sdt":
				walk(k.child("sdtContent").kidsOrNil())
			case k.name == "customXml":
				walk(k.kids)
			case k.name == "AlternateContent":
				walk(k.child("Fallback").kidsOrNil())
			}
		}
	}
	walk(kids)
	return out
}

// inlines joins the cell's paragraphs (and nested tables' text) with line
// breaks.
func (c cell) inlines() []model.Inline {
	var out []model.Inline
	add := func(ins []model.Inline) {
		ins = trimInlines(ins)
		if len(ins) == 0 {
			return
		}
		if len(out) > 0 {
			out = append(out, model.LineBreak{})
		}
		out = append(out, ins...)
	}
	for _, p := range c.paras {
		add(p.inl)
	}
	for _, t := range c.nested {
		for _, r := range t {
			var parts []string
			for _, nc := range r {
				if s := plain(nc.inlines()); s != "" {
					parts = append(parts, s)
				}
			}
			if len(parts) > 0 {
				add([]model.Inline{model.Text{Text: strings.Join(parts, " ")}})
			}
		}
	}
	return out
}

func (b *builder) table(t *node) {
	caption := b.caption
	b.caption = nil
	rows, grid := b.readTable(t)
	if len(rows) == 0 {
		if caption != nil {
			b.caption = caption
			b.flushCaption()
		}
		return
	}
	var id string
	title := ""
	if caption != nil {
		title = plain(caption.inl)
		if len(caption.marks) > 0 {
			id = caption.marks[0]
		}
	}
	if id == "" && len(rows[0].cells) > 0 {
		for _, p := range rows[0].cells[0].paras {
			if len(p.marks) > 0 {
				id = p.marks[0]
				break
			}
		}
	}
	if id != "" {
		id = b.markID(id)
	}
	switch {
	case isSignatures(rows):
		b.add(signatures(rows))
	case isChart(rows):
		b.add(chart(rows, id, title))
	case ganttAxis(rows) != nil:
		b.add(gantt(rows, ganttAxis(rows), id, title))
	default:
		b.add(plainTable(rows, grid, id, title))
	}
}

func isSignatures(rows []row) bool {
	for _, r := range rows {
		for _, c := range r.cells {
			for _, p := range c.paras {
				if p.role == roleSigText || p.role == roleSigCaption {
					return true
				}
			}
		}
	}
	return false
}

func signatures(rows []row) *model.Signatures {
	s := &model.Signatures{}
	for _, r := range rows {
		for _, c := range r.cells {
			var sig model.Signature
			var texts []string
			for _, p := range c.paras {
				t := plain(p.inl)
				switch {
				case t == "":
				case p.role == roleSigCaption && sig.PlaceDate == "":
					sig.PlaceDate = t
				case p.role == roleSigCaption:
					sig.Lines = append(sig.Lines, t)
				default:
					texts = append(texts, t)
				}
			}
			if len(texts) == 0 && sig.PlaceDate == "" {
				continue
			}
			if len(texts) > 0 {
				sig.Party = texts[0]
			}
			if len(texts) > 1 {
				sig.Signer = strings.Join(texts[1:], " ")
			}
			s.Blocks = append(s.Blocks, sig)
		}
	}
	return s
}

// isChart reports whether rows are a bar chart as the renderer writes it:
// pairs of a label cell and a cell holding the bar's nested table, one
// pair per chart column; only the last row may have empty pairs at its
// end (the last column is shorter).
func isChart(rows []row) bool {
	if len(rows) == 0 || len(rows[0].cells) == 0 || len(rows[0].cells)%2 != 0 {
		return false
	}
	for i, r := range rows {
		if len(r.cells) != len(rows[0].cells) || r.header {
			return false
		}
		for j := 0; j < len(r.cells); j += 2 {
			switch {
			case len(r.cells[j+1].nested) > 0:
			case j > 0 && i == len(rows)-1 && len(r.cells[j].nested) == 0 && plain(r.cells[j].inlines()) == "":
				// an empty place in the last row; bars after it are not
				// the renderer's
				for k := j + 2; k < len(r.cells); k += 2 {
					if len(r.cells[k+1].nested) > 0 {
						return false
					}
				}
			default:
				return false
			}
		}
	}
	return true
}

// chart reads the bars down each column of pairs, then the next column.
func chart(rows []row, id, title string) *model.Chart {
	c := &model.Chart{ID: id, Title: title}
	if cols := len(rows[0].cells) / 2; cols > 1 {
		c.Columns = cols
	}
	for j := 0; j < len(rows[0].cells); j += 2 {
		for _, r := range rows {
			if len(r.cells[j+1].nested) > 0 {
				c.Bars = append(c.Bars, bar(r.cells[j], r.cells[j+1]))
			}
		}
	}
	return c
}

// bar reads one bar from its label cell and its bar cell.
func bar(label, area cell) model.Bar {
	bar := model.Bar{Label: plain(label.inlines())}
	for _, nr := range area.nested[0] {
		for _, nc := range nr {
			if s := plain(nc.inlines()); s != "" {
				bar.Text = s
			} else if nc.shade != "" && bar.Color == "" {
				bar.Color = nc.shade
			}
		}
	}
	if v, err := format.ParseGermanE5(bar.Text); err == nil && v >= 0 {
		bar.ValueE5 = v
	}
	if bar.Color == model.DefaultBarColor {
		bar.Color = ""
	}
	return bar
}

func plainTable(rows []row, grid []int, id, caption string) *model.Table {
	t := &model.Table{ID: id, Caption: caption}
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r.cells))
	}
	if len(grid) == cols {
		t.Widths = grid
	}
	for i, r := range rows {
		mr := model.Row{}
		for _, c := range r.cells {
			mr.Cells = append(mr.Cells, model.Cell{Inlines: c.inlines(), Shade: c.shade})
		}
		if i == 0 && len(r.cells) == cols {
			for _, c := range r.cells {
				a := model.AlignLeft
				if len(c.paras) > 0 {
					switch c.paras[0].jc {
					case "right", "end":
						a = model.AlignRight
					case "center":
						a = model.AlignCenter
					}
				}
				t.Aligns = append(t.Aligns, a)
			}
		}
		if r.header {
			// Header rows are bold by the renderer; their runs are not
			// marked bold in the model.
			unbold(mr.Cells)
			t.Header = append(t.Header, mr)
			continue
		}
		// The renderer rules a total row off with a thick top border
		// (1 pt), which Word and LibreOffice keep (LibreOffice writes
		// thin borders on every other cell); a row added by hand is
		// recognised by its label.
		mr.Total = len(r.cells) > 0 && r.cells[0].topSz >= totalRule ||
			len(mr.Cells) > 0 && totalLabel.MatchString(plain(mr.Cells[0].Inlines))
		if mr.Total {
			unbold(mr.Cells)
		}
		t.Rows = append(t.Rows, mr)
	}
	return t
}

// unbold clears the bold mark the renderer sets on header and total rows
// and merges the runs that now look alike.
func unbold(cells []model.Cell) {
	for i := range cells {
		var pp para
		for _, in := range cells[i].Inlines {
			switch t := in.(type) {
			case model.Text:
				appendText(&pp, t.Text, model.Text{Italic: t.Italic, Strike: t.Strike})
			default:
				pp.inl = append(pp.inl, in)
			}
		}
		cells[i].Inlines = pp.inl
	}
}
