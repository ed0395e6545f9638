package html

import (
	"strconv"
	"strings"

	"github.com/vereinbar/vereinbar/generator/model"
)

// table writes a table: caption, header rows in <thead>, columns aligned
// as the model says, totals rows bold, shaded cells and relative column
// widths as per-document classes.
func (r *renderer) table(t *model.Table) error {
	widths, err := r.widths(t)
	if err != nil {
		return err
	}
	aligns, err := r.aligns(t, len(widths))
	if err != nil {
		return err
	}
	id, err := r.id(t.ID)
	if err != nil {
		return err
	}
	r.raw("<table")
	r.idAttr(id)
	small := ""
	if t.Small {
		small = r.rule("klein", "font-size:8pt")
	}
	switch {
	case t.Boxed && t.Small:
		r.raw(" class=\"formular " + small + "\"")
	case t.Boxed:
		r.raw(" class=\"formular\"")
	case t.Small:
		r.raw(" class=\"" + small + "\"")
	}
	r.raw(">\n")
	if t.Caption != "" {
		r.raw("<caption>")
		if err := r.text(t.Caption); err != nil {
			return err
		}
		r.raw("</caption>\n")
	}
	r.raw("<colgroup>")
	for _, w := range widths {
		r.raw("<col class=\"" + r.rule("sp"+strconv.Itoa(w), "width:"+permille(w)+"%") + "\">")
	}
	r.raw("</colgroup>\n")
	if len(t.Header) > 0 {
		r.raw("<thead>\n")
		for _, row := range t.Header {
			if err := r.row(row, aligns, "th"); err != nil {
				return err
			}
		}
		r.raw("</thead>\n")
	}
	r.raw("<tbody>\n")
	for _, row := range t.Rows {
		if err := r.row(row, aligns, "td"); err != nil {
			return err
		}
	}
	r.raw("</tbody>\n</table>\n")
	return nil
}

func (r *renderer) row(row model.Row, aligns []string, cell string) error {
	if row.Total {
		r.raw("<tr class=\"summe\">")
	} else {
		r.raw("<tr>")
	}
	for i, c := range row.Cells {
		classes := aligns[i]
		if c.Shade != "" {
			if !model.IsColor(c.Shade) {
				return r.invalid("Schattierung %q ist keine Farbe RRGGBB", c.Shade)
			}
			shade := strings.ToUpper(c.Shade)
			classes = strings.TrimSpace(classes + " " + r.rule("bg"+shade, "background:#"+shade))
		}
		r.raw("<" + cell)
		if cell == "th" {
			r.raw(" scope=\"col\"")
		}
		if classes != "" {
			r.raw(" class=\"" + classes + "\"")
		}
		r.raw(">")
		if err := r.inlines(c.Inlines); err != nil {
			return err
		}
		r.raw("</" + cell + ">")
	}
	r.raw("</tr>\n")
	return nil
}

// widths returns the column widths in per mille of the table width,
// checking the table's shape as the DOCX renderer does; without widths
// the columns are equal. Rounding the running sum keeps the total 1000.
func (r *renderer) widths(t *model.Table) ([]int, error) {
	if len(t.Header)+len(t.Rows) == 0 {
		return nil, r.invalid("Tabelle ohne Zeilen")
	}
	weights := t.Widths
	if len(weights) == 0 {
		first := t.Rows
		if len(t.Header) > 0 {
			first = t.Header
		}
		weights = make([]int, len(first[0].Cells))
		for i := range weights {
			weights[i] = 1
		}
	}
	n := len(weights)
	if n == 0 {
		return nil, r.invalid("Tabelle ohne Spalten")
	}
	for i, row := range t.Header {
		if len(row.Cells) != n {
			return nil, r.invalid("Kopfzeile %d hat %d Zellen, die Tabelle %d Spalten", i+1, len(row.Cells), n)
		}
	}
	for i, row := range t.Rows {
		if len(row.Cells) != n {
			return nil, r.invalid("Zeile %d hat %d Zellen, die Tabelle %d Spalten", i+1, len(row.Cells), n)
		}
	}
	sum := 0
	for i, w := range weights {
		if w <= 0 {
			return nil, r.invalid("Breite %d der Spalte %d ist nicht positiv", w, i+1)
		}
		sum += w
	}
	out := make([]int, n)
	prev, acc := 0, 0
	for i, w := range weights {
		acc += w
		edge := (2*1000*acc + sum) / (2 * sum)
		out[i] = edge - prev
		prev = edge
	}
	return out, nil
}

// permille formats n per mille as a percentage: 405 → "40.5".
func permille(n int) string {
	s := strconv.Itoa(n / 10)
	if n%10 != 0 {
		s += "." + strconv.Itoa(n%10)
	}
	return s
}

// aligns returns the class of every column: "", "r" or "c".
func (r *renderer) aligns(t *model.Table, n int) ([]string, error) {
	if len(t.Aligns) > n {
		return nil, r.invalid("%d Ausrichtungen für %d Spalten", len(t.Aligns), n)
	}
	out := make([]string, n)
	for i, a := range t.Aligns {
		switch a {
		case "", model.AlignLeft:
		case model.AlignRight:
			out[i] = "r"
		case model.AlignCenter:
			out[i] = "c"
		default:
			return nil, r.invalid("unbekannte Ausrichtung %q in Spalte %d", a, i+1)
		}
	}
	return out, nil
}

// chart writes a bar chart as tables of label, bar and value, one per
// column of the chart, all on the scale of the largest bar. The value is
// text, so the numbers are there without the bars (and for screen
// readers, which skip the bars).
func (r *renderer) chart(c *model.Chart) error {
	rows, cols, err := c.Rows()
	if err != nil {
		return r.invalid("%v", err)
	}
	if len(c.Bars) == 0 {
		return r.invalid("Diagramm ohne Balken")
	}
	var top int64
	fills := make([]string, len(c.Bars))
	for i, b := range c.Bars {
		if fills[i], err = b.Fill(); err != nil {
			return r.invalid("%v", err)
		}
		top = max(top, b.ValueE5)
	}
	id, err := r.id(c.ID)
	if err != nil {
		return err
	}
	r.raw("<figure class=\"diagramm\"")
	r.idAttr(id)
	r.raw(">\n")
	if c.Title != "" {
		r.raw("<figcaption><strong>")
		if err := r.text(c.Title); err != nil {
			return err
		}
		r.raw("</strong></figcaption>\n")
	}
	r.raw("<div class=\"spalten\">\n")
	for col := 0; col < cols; col++ {
		lo, hi := col*rows, min((col+1)*rows, len(c.Bars))
		if lo >= hi {
			break
		}
		r.raw("<table>\n<tbody>\n")
		for i := lo; i < hi; i++ {
			if err := r.bar(c.Bars[i], fills[i], top); err != nil {
				return err
			}
		}
		r.raw("</tbody>\n</table>\n")
	}
	r.raw("</div>\n</figure>\n")
	return nil
}

// bar writes one bar; its length is in per mille of the largest bar.
func (r *renderer) bar(b model.Bar, fill string, top int64) error {
	r.raw("<tr><th scope=\"row\">")
	if err := r.text(b.Label); err != nil {
		return err
	}
	r.raw("</th><td>")
	if b.ValueE5 > 0 && top > 0 {
		w := int((b.ValueE5*1000 + top/2) / top)
		fill = strings.ToUpper(fill)
		r.raw("<span class=\"bar " + r.rule("bw"+strconv.Itoa(w), "width:"+permille(w)+"%") +
			" " + r.rule("bf"+fill, "background:#"+fill) + "\" aria-hidden=\"true\"></span>")
	}
	r.raw("</td><td class=\"wert\">")
	if err := r.text(b.Text); err != nil {
		return err
	}
	r.raw("</td></tr>\n")
	return nil
}
