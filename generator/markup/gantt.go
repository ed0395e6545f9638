package markup

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/vereinbar/vereinbar/generator/model"
	east "github.com/yuin/goldmark/extension/ast"
	"golang.org/x/text/unicode/norm"
)

// ganttColumns are the columns of a table after {:zeitplan …}, found by
// their heading in any order; Art and Farbe may be left out.
var ganttColumns = []string{"bezeichnung", "beginn", "ende", "termin", "art", "farbe"}

// gantt converts a table after {:zeitplan …} into a Gantt chart. The
// header row names the columns and is not shown: Bezeichnung, Beginn and
// Ende (dates JJJJ-MM-TT, both empty for a row not yet scheduled),
// Termin (the dates as the document shows them), optionally Art
// ("Meilenstein" for a point on Beginn; empty for a bar) and Farbe
// (RRGGBB). model.Gantt.Axis checks the rows as every renderer does.
func (c *converter) gantt(t *east.Table) (model.Block, error) {
	out := &model.Gantt{Pos: c.pos}
	for _, k := range keys(c.pending) {
		v := c.pending[k]
		switch k {
		case "zeitplan":
		case "id":
			if !validID(v) {
				return nil, c.errorf("Zeitplan-id %q: nur Kleinbuchstaben, Ziffern und Bindestriche", v)
			}
			out.ID = v
		case "titel":
			out.Title = norm.NFC.String(typography(v))
		default:
			return nil, c.errorf("unbekannte Zeitplanangabe %q (erlaubt: id, titel)", k)
		}
	}
	c.pending = nil
	what := "Zeitplan"
	if out.ID != "" {
		what += " " + out.ID
	}
	col := map[string]int{}
	if head, ok := t.FirstChild().(*east.TableHeader); ok {
		i := 0
		for cell := head.FirstChild(); cell != nil; cell = cell.NextSibling() {
			name := strings.ToLower(strings.TrimSpace(c.inlineText(cell)))
			if _, dup := col[name]; dup || !slices.Contains(ganttColumns, name) {
				return nil, c.errorf("%s: Spalte „%s“ unbekannt oder doppelt (erlaubt: Bezeichnung, Beginn, Ende, Termin, Art, Farbe)", what, name)
			}
			col[name] = i
			i++
		}
	}
	for _, need := range ganttColumns[:4] {
		if _, ok := col[need]; !ok {
			return nil, c.errorf("%s: die Tabelle braucht die Spalten Bezeichnung, Beginn, Ende und Termin (und darf Art und Farbe haben)", what)
		}
	}
	n := 0
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		if _, isHeader := row.(*east.TableHeader); isHeader {
			continue
		}
		n++
		var texts []string
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			if cellDirective(c.src, cell) != "" {
				return nil, c.errorf("%s, Zeile %d: Zellangaben {:…} gibt es im Zeitplan nicht; die Farbe steht in der Spalte „Farbe“", what, n)
			}
			ins, err := c.inlines(cell)
			if err != nil {
				return nil, err
			}
			texts = append(texts, strings.TrimSpace(model.PlainText(ins)))
		}
		get := func(name string) string {
			if i, ok := col[name]; ok && i < len(texts) {
				return texts[i]
			}
			return ""
		}
		r := model.GanttRow{Label: get("bezeichnung"), Text: get("termin")}
		var err error
		if r.Start, err = ganttDate(get("beginn")); err != nil {
			return nil, c.errorf("%s, Zeile %d (%s): Beginn: %v", what, n, r.Label, err)
		}
		if r.End, err = ganttDate(get("ende")); err != nil {
			return nil, c.errorf("%s, Zeile %d (%s): Ende: %v", what, n, r.Label, err)
		}
		switch art := strings.ToLower(get("art")); art {
		case "", "balken":
		case "meilenstein":
			r.Milestone = true
			if r.End.IsZero() {
				r.End = r.Start
			}
		default:
			return nil, c.errorf("%s, Zeile %d (%s): Art „%s“ (erlaubt: Balken, Meilenstein)", what, n, r.Label, art)
		}
		if f := get("farbe"); f != "" {
			hex, ok := hexColor(strings.TrimPrefix(f, "#"))
			if !ok {
				return nil, c.errorf("%s, Zeile %d (%s): Farbe %q ist keine Farbe RRGGBB", what, n, r.Label, f)
			}
			r.Color = hex
		}
		out.Rows = append(out.Rows, r)
	}
	if _, err := out.Axis(); err != nil {
		return nil, c.errorf("%s: %v", what, err)
	}
	return out, nil
}

// ganttDate parses a date JJJJ-MM-TT; "" is no date.
func ganttDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("„%s“ ist kein Datum JJJJ-MM-TT", s)
	}
	return t, nil
}
