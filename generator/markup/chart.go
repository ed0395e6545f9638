package markup

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"golang.org/x/text/unicode/norm"
)

// chart converts a table after {:diagramm …} into a bar chart. The
// header row names the columns and is not shown; each body row is one
// bar: its label, its share as the document shows it ("26,53499 %") and,
// if the table has a third column headed "Farbe", the bar's colour. The
// share is parsed exactly from its text (format.ParseGermanE5), and the
// text itself is what every renderer shows at the bar.
func (c *converter) chart(t *east.Table) (model.Block, error) {
	out := &model.Chart{Pos: c.pos}
	for _, k := range keys(c.pending) {
		v := c.pending[k]
		switch k {
		case "diagramm":
		case "id":
			if !validID(v) {
				return nil, c.errorf("Diagramm-id %q: nur Kleinbuchstaben, Ziffern und Bindestriche", v)
			}
			out.ID = v
		case "titel":
			out.Title = norm.NFC.String(typography(v))
		case "spalten":
			n, err := strconv.Atoi(v)
			if err != nil || n < 1 || n > model.MaxChartColumns {
				return nil, c.errorf("spalten=%s: eine Zahl von 1 bis %d", v, model.MaxChartColumns)
			}
			out.Columns = n
		default:
			return nil, c.errorf("unbekannte Diagrammangabe %q (erlaubt: id, titel, spalten)", k)
		}
	}
	c.pending = nil
	what := "Diagramm"
	if out.ID != "" {
		what += " " + out.ID
	}
	cols := len(t.Alignments)
	colored := false
	if head, ok := t.FirstChild().(*east.TableHeader); ok && cols == 3 {
		third := head.FirstChild().NextSibling().NextSibling()
		colored = strings.EqualFold(strings.TrimSpace(c.inlineText(third)), "farbe")
	}
	if cols != 2 && !colored {
		return nil, c.errorf("%s: die Tabelle braucht genau zwei Spalten „Bezeichnung | Anteil“ (und höchstens eine dritte „Farbe“), sie hat %d", what, cols)
	}
	n := 0
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		if _, isHeader := row.(*east.TableHeader); isHeader {
			continue
		}
		n++
		bar, err := c.bar(row, what, n)
		if err != nil {
			return nil, err
		}
		out.Bars = append(out.Bars, bar)
	}
	if len(out.Bars) == 0 {
		return nil, c.errorf("%s ohne Balken: jede Tabellenzeile unter dem Kopf ist ein Balken", what)
	}
	return out, nil
}

// bar converts the n-th body row of a chart table.
func (c *converter) bar(row ast.Node, what string, n int) (model.Bar, error) {
	var texts [3]string
	i := 0
	for cell := row.FirstChild(); cell != nil && i < len(texts); cell = cell.NextSibling() {
		if cellDirective(c.src, cell) != "" {
			return model.Bar{}, c.errorf("%s, Zeile %d: Zellangaben {:…} gibt es in Diagrammen nicht; die Farbe steht in der Spalte „Farbe“", what, n)
		}
		ins, err := c.inlines(cell)
		if err != nil {
			return model.Bar{}, err
		}
		texts[i] = strings.TrimSpace(model.PlainText(ins))
		i++
	}
	bar := model.Bar{Label: texts[0], Text: texts[1]}
	if bar.Label == "" {
		return bar, c.errorf("%s, Zeile %d: Balken ohne Bezeichnung", what, n)
	}
	v, err := format.ParseGermanE5(bar.Text)
	if err != nil {
		return bar, c.errorf("%s, Zeile %d (%s): Anteil: %v", what, n, bar.Label, err)
	}
	if v < 0 {
		return bar, c.errorf("%s, Zeile %d (%s): Anteil %s ist negativ", what, n, bar.Label, bar.Text)
	}
	bar.ValueE5 = v
	if col := texts[2]; col != "" {
		hex, ok := hexColor(strings.TrimPrefix(col, "#"))
		if !ok {
			return bar, c.errorf("%s, Zeile %d (%s): Farbe %q ist keine Farbe RRGGBB", what, n, bar.Label, col)
		}
		bar.Color = hex
	}
	return bar, nil
}

// cellDirective returns the directive "{:…}" a table cell's markup starts
// with, or "". It reads the markup as written, so text from the data,
// which md escapes ("\{:…"), never becomes a directive.
func cellDirective(src []byte, cell ast.Node) string {
	t, ok := cell.FirstChild().(*ast.Text)
	if !ok {
		return ""
	}
	// "{:" up to the first "}" (as `^\{:([^}]*)\}` would match it):
	// "{:farbe=2E7D32}", optionally followed by text.
	v := t.Segment.Value(src)
	if !bytes.HasPrefix(v, []byte("{:")) {
		return ""
	}
	end := bytes.IndexByte(v[2:], '}')
	if end < 0 || string(v[:end+3]) == fieldToken {
		return ""
	}
	return string(v[:end+3])
}

// cell converts a table cell. A cell whose markup starts with
// {:farbe=RRGGBB} gets that background colour; the directive is removed
// from its text.
func (c *converter) cell(n ast.Node) (model.Cell, error) {
	dir := cellDirective(c.src, n)
	ins, err := c.inlines(n)
	if err != nil || dir == "" {
		return model.Cell{Inlines: ins}, err
	}
	attrs, err := parseAttrs(dir[2 : len(dir)-1])
	if err != nil {
		return model.Cell{}, c.errorf("%v", err)
	}
	var out model.Cell
	for _, k := range keys(attrs) {
		v := attrs[k]
		if k != "farbe" {
			return out, c.errorf("unbekannte Zellangabe %q in %s (erlaubt: {:farbe=RRGGBB})", k, dir)
		}
		hex, ok := hexColor(v)
		if !ok {
			return out, c.errorf("Zellfarbe %q in %s ist keine Farbe RRGGBB", v, dir)
		}
		out.Shade = hex
	}
	// The directive is plain ASCII without escapes, so the converted text
	// starts with it exactly.
	var first model.Text
	ok := len(ins) > 0
	if ok {
		first, ok = ins[0].(model.Text)
	}
	if !ok || !strings.HasPrefix(first.Text, dir) {
		return out, c.errorf("Zellangabe %s muss am Anfang der Zelle stehen", dir)
	}
	first.Text = strings.TrimLeft(first.Text[len(dir):], " ")
	if first.Text == "" {
		ins = ins[1:]
	} else {
		ins[0] = first
	}
	out.Inlines = mergeText(ins)
	return out, nil
}

// hexColor returns s as an upper-case "RRGGBB" colour.
func hexColor(s string) (string, bool) {
	if len(s) != 6 {
		return "", false
	}
	for i := 0; i < len(s); i++ {
		b := s[i]
		if !(b >= '0' && b <= '9' || b >= 'a' && b <= 'f' || b >= 'A' && b <= 'F') {
			return "", false
		}
	}
	return strings.ToUpper(s), true
}
