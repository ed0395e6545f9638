// Package costtable prints the cost split of a project as a German
// plain-text table, as „vereinbar costs“ shows it, and as HTML tables for
// the page of `vereinbar serve`.
package costtable

import (
	"fmt"
	"html"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/view"
)

// Table is the cost split as `vereinbar costs` shows it: the lines above
// the tables, then the tables (parties, items, and what is financed
// elsewhere).
type Table struct {
	Intro []string
	Parts []Part
}

// Part is one table: its title ("" for the first), its rows (the first is
// the head) and the first right-aligned (numeric) column.
type Part struct {
	Title      string
	Rows       [][]string
	FirstRight int
	// Sum says the last row is the sum.
	Sum bool
	// SharesE5 are the shares of the body rows in 1/100000 percent, for
	// the bars of the HTML table (the parties' table only).
	SharesE5 []int64
}

// Build computes the table: one row per party with its share, its amount
// per year and in total, in the order of the documents (view.Order), then
// the items and what is financed elsewhere.
func Build(pr *data.Projekt, r *costs.Result) Table {
	var t Table
	t.Intro = append(t.Intro, "Kostenverteilung: "+pr.Vorhaben.Titel, "Schlüssel: "+view.KeyDescription(pr.Verteilung))
	if pr.Verteilung.UmsetzendesLandTraegtAnteil {
		t.Intro = append(t.Intro, "Das umsetzende Land trägt einen Anteil.")
	} else {
		t.Intro = append(t.Intro, "Das umsetzende Land trägt keinen Anteil.")
	}
	t.Intro = append(t.Intro, "Rundung: Hare/Niemeyer (größte Reste) auf 0,00001 % und auf den Cent; bei Gleichstand die in der Projektdatei früher genannte Partei.")

	head := []string{"Land", "Rolle", "Anteil"}
	for _, y := range r.Years {
		head = append(head, view.YearLabel(y))
	}
	head = append(head, "Summe")
	parties := Part{Rows: [][]string{head}, FirstRight: 2, Sum: true}
	roles := map[string]string{}
	for _, pt := range pr.Parteien {
		roles[string(pt.Land)] = pt.Rolle
		switch {
		case pt.Beitretend():
			roles[string(pt.Land)] += ", Beitritt " + pt.BeitrittAb.Time().Format("02.01.2006")
		case pt.Ausscheidend():
			roles[string(pt.Land)] += ", Austritt " + pt.AustrittZum.Time().Format("02.01.2006")
		}
	}
	var shareSum int64
	yearSum := map[int]int64{}
	byCode := make(map[string]costs.PartyResult, len(r.Parties))
	for _, p := range r.Parties {
		byCode[p.Code] = p
	}
	for _, i := range view.Order(pr) {
		res, ok := byCode[string(pr.Parteien[i].Land)]
		if !ok {
			continue
		}
		name := res.Code
		if ref, ok := refdata.PartyByCode(res.Code); ok {
			name = ref.Kurzname
		}
		row := []string{name, roles[res.Code], format.Percent(res.ShareE5)}
		for _, y := range r.Years {
			row = append(row, format.Money(res.ByYear[y]))
			yearSum[y] += res.ByYear[y]
		}
		row = append(row, format.Money(res.TotalCents))
		parties.Rows = append(parties.Rows, row)
		parties.SharesE5 = append(parties.SharesE5, res.ShareE5)
		shareSum += res.ShareE5
	}
	sum := []string{"Summe", "", format.Percent(shareSum)}
	if r.Plan != nil {
		// shares differ by period (listed below); a sum of first shares
		// would mean nothing
		sum[2] = ""
	}
	for _, y := range r.Years {
		sum = append(sum, format.Money(yearSum[y]))
	}
	sum = append(sum, format.Money(r.TotalCents))
	parties.Rows = append(parties.Rows, sum)
	t.Parts = append(t.Parts, parties)
	if r.Plan != nil {
		t.Parts = append(t.Parts, periodParts(pr, r)...)
	}

	items := Part{Title: "Posten", Rows: [][]string{{"Kennung", "Bezeichnung", "Verteilung", "Betrag"}}, FirstRight: 3}
	for _, it := range r.Items {
		basis := basisText(it)
		if it.Months > 0 && it.Months < 12 {
			basis += fmt.Sprintf(", anteilig %d Monate", it.Months)
		}
		items.Rows = append(items.Rows, []string{it.ID, it.Label, basis, format.Money(it.AmountCents)})
	}
	t.Parts = append(t.Parts, items)
	if len(r.External) > 0 {
		ext := Part{Title: "Außerhalb der Vereinbarung finanziert (nicht verteilt)", Rows: [][]string{{"Kennung", "Bezeichnung", "Finanzierung", "Betrag"}}, FirstRight: 3}
		for _, it := range r.External {
			ext.Rows = append(ext.Rows, []string{it.ID, it.Label, financing(pr, it.Position), format.Money(it.AmountCents)})
		}
		t.Parts = append(t.Parts, ext)
	}
	return t
}

// Write prints the cost split (see Build) as a German plain-text table.
func Write(w io.Writer, pr *data.Projekt, r *costs.Result) error {
	t := Build(pr, r)
	bw := &errWriter{w: w}
	for _, l := range t.Intro {
		bw.printf("%s\n", l)
	}
	bw.printf("\n")
	for i, p := range t.Parts {
		if i > 0 {
			bw.printf("\n%s\n", p.Title)
		}
		bw.table(p.Rows, p.FirstRight)
	}
	return bw.err
}

// WriteHTML writes the cost split (see Build) as HTML tables for a page:
// escaped text, a caption per table, header cells with scope, numbers
// right-aligned by class, and each party's share also as a <meter> bar
// (a bar that needs no style attribute, so a strict Content-Security-
// Policy shows it).
func WriteHTML(w io.Writer, pr *data.Projekt, r *costs.Result) error {
	t := Build(pr, r)
	e := html.EscapeString
	var b strings.Builder
	b.WriteString("<div class=\"kostenverteilung\">\n")
	for _, l := range t.Intro {
		b.WriteString("<p>" + e(l) + "</p>\n")
	}
	for i, p := range t.Parts {
		title := p.Title
		if i == 0 {
			title = "Anteile und Beträge je Land"
		}
		b.WriteString("<table>\n<caption>" + e(title) + "</caption>\n<thead><tr>")
		for j, c := range p.Rows[0] {
			b.WriteString("<th scope=\"col\"" + numClass(j, p.FirstRight) + ">" + e(c) + "</th>")
		}
		b.WriteString("</tr></thead>\n<tbody>\n")
		for k, row := range p.Rows[1:] {
			sum := p.Sum && k == len(p.Rows)-2
			if sum {
				b.WriteString("</tbody>\n<tfoot>\n")
			}
			b.WriteString("<tr>")
			for j, c := range row {
				switch {
				case j == 0:
					b.WriteString("<th scope=\"row\">" + e(c) + "</th>")
				case j == 2 && p.SharesE5 != nil && !sum:
					b.WriteString(fmt.Sprintf("<td class=\"r\">%s <meter min=\"0\" max=\"10000000\" value=\"%d\" aria-hidden=\"true\"></meter></td>", e(c), p.SharesE5[k]))
				default:
					b.WriteString("<td" + numClass(j, p.FirstRight) + ">" + e(c) + "</td>")
				}
			}
			b.WriteString("</tr>\n")
			if sum {
				b.WriteString("</tfoot>\n")
			}
		}
		if !p.Sum {
			b.WriteString("</tbody>\n")
		}
		b.WriteString("</table>\n")
	}
	b.WriteString("</div>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func numClass(col, firstRight int) string {
	if col >= firstRight {
		return " class=\"r\""
	}
	return ""
}

func basisText(it costs.ItemResult) string {
	switch it.Basis {
	case costs.EachReuser:
		if len(it.Split) > 0 {
			return "je nachnutzendes Land " + format.Money(it.Split[0].Cents)
		}
		return "je nachnutzendes Land"
	case costs.Single:
		if len(it.Split) > 0 {
			return "trägt " + it.Split[0].Code
		}
	}
	return "nach Schlüssel"
}

var financingNames = map[string]string{
	"konjunkturprogramm":           "Konjunkturprogramm",
	"fitko_digitalisierungsbudget": "Digitalisierungsbudget der FITKO",
	"fitko_stammbudget":            "Stammbudget der FITKO",
	"bund":                         "Bund",
	"sonstige":                     "sonstige Mittel",
}

func financing(pr *data.Projekt, position string) string {
	for _, p := range pr.Kosten.Positionen {
		if p.ID == position {
			return financingNames[p.FinanziertDurch]
		}
	}
	return ""
}

// errWriter keeps the first write error.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(f string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, f, args...)
	}
}

// table prints rows with columns padded to their widths in runes; the
// columns from firstRight on are right-aligned (numbers).
func (e *errWriter) table(rows [][]string, firstRight int) {
	var width []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(width) {
				width = append(width, 0)
			}
			width[i] = max(width[i], utf8.RuneCountInString(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			pad := strings.Repeat(" ", width[i]-utf8.RuneCountInString(c))
			if i > 0 {
				b.WriteString("  ")
			}
			if i >= firstRight {
				b.WriteString(pad + c)
			} else {
				b.WriteString(c + pad)
			}
		}
		e.printf("%s\n", strings.TrimRight(b.String(), " "))
	}
}

// periodParts are the tables of the shares of every period of constant composition
// when parties join or leave, and the moves of the Höchstbeträge. The
// column Anteil above is a party's share in its first period.
func periodParts(pr *data.Projekt, r *costs.Result) []Part {
	head := []string{"Land"}
	for _, per := range r.Periods {
		label := "ab Beginn"
		if !per.From.IsZero() {
			label = fmt.Sprintf("ab %02d/%d", per.From.Month, per.From.Year)
		}
		head = append(head, label)
	}
	rows := [][]string{head}
	for _, i := range view.Order(pr) {
		code := string(pr.Parteien[i].Land)
		name := code
		if ref, ok := refdata.PartyByCode(code); ok {
			name = ref.Kurzname
		}
		row := []string{name}
		for _, per := range r.Periods {
			cell := "–"
			for _, s := range per.Shares {
				if s.Code == code {
					cell = format.Percent(s.ShareE5)
				}
			}
			row = append(row, cell)
		}
		rows = append(rows, row)
	}
	sum := []string{"Summe"}
	for _, per := range r.Periods {
		var s int64
		for _, ps := range per.Shares {
			s += ps.ShareE5
		}
		sum = append(sum, format.Percent(s))
	}
	parts := []Part{{Title: "Anteil: in der Tabelle der Anteil im ersten Zeitraum der Teilnahme; neu berechnet je Zeitraum:", Rows: append(rows, sum), FirstRight: 1, Sum: true}}
	var moves [][]string
	for _, i := range view.Order(pr) {
		code := string(pr.Parteien[i].Land)
		for _, p := range r.Parties {
			if p.Code != code {
				continue
			}
			for _, y := range r.Years {
				if a := p.CapAdjustByYear[y]; a != 0 {
					moves = append(moves, []string{code, view.YearLabel(y), format.Money(p.CapByYear[y]), format.Money(a)})
				}
			}
		}
	}
	if len(moves) > 0 {
		parts = append(parts, Part{Title: "Höchstbeträge (in den Beträgen oben enthalten): Verschiebung je Haushaltsjahr", Rows: append([][]string{{"Land", "Jahr", "Höchstbetrag", "Verschiebung"}}, moves...), FirstRight: 2})
	}
	return parts
}
