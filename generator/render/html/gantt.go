package html

import (
	"strconv"
	"strings"

	"github.com/vereinbar/vereinbar/generator/model"
)

// gantt writes a Gantt chart as a table: per row the label, the dates as
// shown and the time line, in which the bar (or the milestone's ◆) is
// placed by CSS classes in per mille of the axis, so the bars are as long
// as in the PDF. The head row shows the months ("Jan 26") on the same
// scale. The dates are text, so the plan reads without the bars.
// ganttCSS is the style of Gantt charts, written into pages that have
// one.
const ganttCSS = `.zeitplan{margin:0 0 1em}
.zeitplan th{font-weight:normal;width:22%}
.zeitplan .termin{white-space:nowrap;width:10em}
.zeitplan .achse{position:relative;width:auto;border-left:1px solid #595959}
.zeitplan thead .achse{display:flex;padding:0;font-size:7pt}
.monat{display:block;overflow:hidden;text-align:center;border-right:1px solid #ccc}
.gbalken{position:absolute;top:.3em;bottom:.3em;min-width:1px}
.meilenstein{position:absolute;top:0;margin-left:-.4em}
`

func (r *renderer) gantt(g *model.Gantt) error {
	r.hasGantt = true
	axis, err := g.Axis()
	if err != nil {
		return r.invalid("%v", err)
	}
	id, err := r.id(g.ID)
	if err != nil {
		return err
	}
	pm := func(days int) int { return (days*1000 + axis.Days/2) / axis.Days }
	r.raw("<figure class=\"zeitplan\"")
	r.idAttr(id)
	r.raw(">\n")
	if g.Title != "" {
		r.raw("<figcaption><strong>")
		if err := r.text(g.Title); err != nil {
			return err
		}
		r.raw("</strong></figcaption>\n")
	}
	r.raw("<table>\n<thead>\n<tr><th></th><th>Termin</th><th class=\"achse\">")
	at := 0
	for _, m := range axis.Months {
		w := pm(at+m.Days) - pm(at)
		at += m.Days
		r.raw("<span class=\"monat " + r.rule("bw"+strconv.Itoa(w), "width:"+permille(w)+"%") + "\">" +
			escape(m.Label) + " " + strconv.Itoa(m.Year%100) + "</span>")
	}
	r.raw("</th></tr>\n</thead>\n<tbody>\n")
	for _, row := range g.Rows {
		r.raw("<tr><th scope=\"row\">")
		if err := r.text(row.Label); err != nil {
			return err
		}
		r.raw("</th><td class=\"termin\">")
		if err := r.text(row.Text); err != nil {
			return err
		}
		r.raw("</td><td class=\"achse\">")
		if row.Dated() {
			from, to := axis.Span(row)
			fill := strings.ToUpper(row.Fill())
			left := r.rule("gl"+strconv.Itoa(pm(from)), "left:"+permille(pm(from))+"%")
			if row.Milestone {
				r.raw("<span class=\"meilenstein " + left + " " + r.rule("gc"+fill, "color:#"+fill) + "\" aria-hidden=\"true\">◆</span>")
			} else {
				w := max(pm(to)-pm(from), 1)
				r.raw("<span class=\"gbalken " + left + " " + r.rule("bw"+strconv.Itoa(w), "width:"+permille(w)+"%") +
					" " + r.rule("bf"+fill, "background:#"+fill) + "\" aria-hidden=\"true\"></span>")
			}
		}
		r.raw("</td></tr>\n")
	}
	r.raw("</tbody>\n</table>\n</figure>\n")
	return nil
}
