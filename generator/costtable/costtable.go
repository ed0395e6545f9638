// Package costtable prints the cost split of a project as a German
// plain-text table, as „vereinbar costs“ shows it.
package costtable

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/view"
)

// Write prints the cost split as a German plain-text table: one
// row per party with its share, its amount per year and in total, in the
// order of the documents (view.Order), then the items and what is
// financed elsewhere.
func Write(w io.Writer, pr *data.Projekt, r *costs.Result) error {
	bw := &errWriter{w: w}
	bw.printf("Kostenverteilung: %s\n", pr.Vorhaben.Titel)
	bw.printf("Schlüssel: %s\n", view.KeyDescription(pr.Verteilung))
	if pr.Verteilung.UmsetzendesLandTraegtAnteil {
		bw.printf("Das umsetzende Land trägt einen Anteil.\n")
	} else {
		bw.printf("Das umsetzende Land trägt keinen Anteil.\n")
	}
	bw.printf("Rundung: Hare/Niemeyer (größte Reste) auf 0,00001 %% und auf den Cent; bei Gleichstand die in der Projektdatei früher genannte Partei.\n\n")

	head := []string{"Land", "Rolle", "Anteil"}
	for _, y := range r.Years {
		head = append(head, view.YearLabel(y))
	}
	head = append(head, "Summe")
	rows := [][]string{head}
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
		rows = append(rows, row)
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
	rows = append(rows, sum)
	bw.table(rows, 2)
	if r.Plan != nil {
		writePeriods(bw, pr, r)
	}

	bw.printf("\nPosten\n")
	items := [][]string{{"Kennung", "Bezeichnung", "Verteilung", "Betrag"}}
	for _, it := range r.Items {
		basis := basisText(it)
		if it.Months > 0 && it.Months < 12 {
			basis += fmt.Sprintf(", anteilig %d Monate", it.Months)
		}
		items = append(items, []string{it.ID, it.Label, basis, format.Money(it.AmountCents)})
	}
	bw.table(items, 3)
	if len(r.External) > 0 {
		bw.printf("\nAußerhalb der Vereinbarung finanziert (nicht verteilt)\n")
		ext := [][]string{{"Kennung", "Bezeichnung", "Finanzierung", "Betrag"}}
		for _, it := range r.External {
			ext = append(ext, []string{it.ID, it.Label, financing(pr, it.Position), format.Money(it.AmountCents)})
		}
		bw.table(ext, 3)
	}
	return bw.err
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

// writePeriods lists the shares of every period of constant composition
// when parties join or leave, and the moves of the Höchstbeträge. The
// column Anteil above is a party's share in its first period.
func writePeriods(bw *errWriter, pr *data.Projekt, r *costs.Result) {
	bw.printf("\nAnteil: in der Tabelle der Anteil im ersten Zeitraum der Teilnahme; neu berechnet je Zeitraum:\n")
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
	bw.table(append(rows, sum), 1)
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
		bw.printf("\nHöchstbeträge (in den Beträgen oben enthalten): Verschiebung je Haushaltsjahr\n")
		bw.table(append([][]string{{"Land", "Jahr", "Höchstbetrag", "Verschiebung"}}, moves...), 2)
	}
}
