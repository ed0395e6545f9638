package kind

import (
	"io"

	"github.com/vereinbar/vereinbar/generator/costs"
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
	// The terms and the Höchstbeträge are those of the agreement as
	// concluded (view.Build does the same): with a join or a leave, the
	// project without them and the cost plan the agreement names.
	h, years := view.HaushaltOf(pr, r), r.Years
	if r.Plan != nil {
		h, years = view.HaushaltOf(pr.Vertragsfassung(), r.Plan), r.Plan.Years
	}
	caps := map[string]map[int]int64{}
	for _, hb := range h.Hoechstbetraege {
		caps[hb.Code] = map[int]int64{}
		for i, y := range years {
			caps[hb.Code][y] = hb.ProJahr[i]
		}
	}
	// After a join or a leave the cost engine's caps per year are the
	// binding ones (the joining Land's is the one its declaration states).
	parties := map[string]costs.PartyResult{}
	for _, p := range r.Parties {
		parties[p.Code] = p
		if p.CapByYear != nil {
			caps[p.Code] = p.CapByYear
		}
	}
	term := view.TermOf(pr)
	zp, err := sheets.BuildZahlungsplan(sheets.ZahlungsplanInput{
		Projekt: pr, Costs: r,
		Turnus: h.Zahlung.Turnus, ImVoraus: h.Zahlung.ImVoraus, ZahlungszielTage: h.Zahlung.ZahlungszielTage,
		Zeitraum: h.Zahlung.Zeitraum, Termine: h.Zahlung.Termine,
		Zuschlag: h.Zuschlag, Hoechstbetraege: caps, VEJahre: h.VEJahre,
		// The months the cost engine charges a party in a year: the
		// agreement's term, cut to the months the party takes part in
		// (costs.PartyResult.From/To for a joining or leaving party).
		Months: func(code string, y int) (int, int) {
			first, last := term.MonthsIn(y)
			p := parties[code]
			if first == 0 {
				return 0, 0
			}
			if !p.From.IsZero() {
				if p.From.Year > y {
					return 0, 0
				}
				if p.From.Year == y {
					first = max(first, p.From.Month)
				}
			}
			if !p.To.IsZero() {
				if p.To.Year < y {
					return 0, 0
				}
				if p.To.Year == y {
					last = min(last, p.To.Month)
				}
			}
			if first > last {
				return 0, 0
			}
			return first, last
		},
	})
	if err != nil {
		return err
	}
	return sheets.WriteZahlungsplanXLSX(w, zp)
}
