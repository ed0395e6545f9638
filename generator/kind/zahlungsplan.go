package kind

import (
	"io"

	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/sheets"
	"github.com/vereinbar/vereinbar/generator/view"
)

// Zahlungsplan is the payment plan of a project (issue 15): a spreadsheet
// of what every cost-bearing party pays in which Haushaltsjahr, when it is
// invoiced and due, its Höchstbetrag and its Verpflichtungsermächtigung.
// It is a data output only (no document model): the amounts come from the
// cost engine, the terms and caps from what the agreement's § Zahlung and
// § Haushalt state (view.HaushaltOf), so both say the same. Every project
// has one.
func Zahlungsplan() Kind {
	file := FileName{Stem: "zahlungsplan"}
	return Kind{
		Name:      "zahlungsplan",
		Title:     "Zahlungsplan",
		Akkusativ: "einen Zahlungsplan",
		Files:     []FileName{file},
		Docs: func(*data.Projekt) []Doc {
			return []Doc{{File: file.For("")}}
		},
		Sheet: &Sheet{Format: "xlsx", Write: writeZahlungsplan},
	}
}

// writeZahlungsplan wires the budget clauses' view into the payment plan
// of package sheets.
func writeZahlungsplan(w io.Writer, in SheetInput) error {
	pr, r := in.Projekt, in.Costs
	h := view.HaushaltOf(pr, r)
	caps := map[string]map[int]int64{}
	for _, hb := range h.Hoechstbetraege {
		caps[hb.Code] = map[int]int64{}
		for i, y := range r.Years {
			caps[hb.Code][y] = hb.ProJahr[i]
		}
	}
	term := view.TermOf(pr)
	zp, err := sheets.BuildZahlungsplan(sheets.ZahlungsplanInput{
		Projekt: pr, Costs: r,
		Turnus: h.Zahlung.Turnus, ImVoraus: h.Zahlung.ImVoraus, ZahlungszielTage: h.Zahlung.ZahlungszielTage,
		Zeitraum: h.Zahlung.Zeitraum, Termine: h.Zahlung.Termine,
		Zuschlag: h.Zuschlag, Hoechstbetraege: caps, VEJahre: h.VEJahre,
		// The months the cost engine charges a party in a year: the
		// agreement's term (costs.Input.Term).
		Months: func(_ string, y int) (int, int) { return term.MonthsIn(y) },
	})
	if err != nil {
		return err
	}
	return sheets.WriteZahlungsplanXLSX(w, zp)
}
