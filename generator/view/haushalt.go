package view

import (
	"slices"
	"strconv"
	"strings"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/tmpl"
)

// Haushalt is what the budget clauses of an agreement say: when the
// shares are invoiced and due, the Höchstbetrag of every cost-bearing
// party per Haushaltsjahr, the years whose obligations need a
// Verpflichtungsermächtigung, the years the term covers only partly, and
// whether the term runs beyond the cost plan.
type Haushalt struct {
	Zahlung Zahlung
	// Zuschlag is the surcharge in percent on a party's planned amount that
	// gives its Höchstbetrag (zahlung.hoechstbetrag_zuschlag).
	Zuschlag int
	// Hoechstbetraege has a row per party that pays anything, in party
	// order; its amounts are aligned with Kosten.Jahre.
	Hoechstbetraege []Hoechstbetrag
	// Breiten are the column widths of the table of Höchstbeträge.
	Breiten string
	// ErstesJahr is the Haushaltsjahr in which the agreement begins.
	ErstesJahr int
	// VEJahre are the later years in which the parties owe payments: the
	// obligations of these years need a Verpflichtungsermächtigung.
	VEJahre []int
	// PlanBis is the last year with yearly costs (0: none).
	PlanBis int
	// Fortschreibung reports that the agreement runs beyond the cost plan
	// (it has no end, or ends after PlanBis): costs of later years are
	// fixed by amendment, the clause says how until then.
	Fortschreibung bool
	// Teiljahre are the years with yearly costs that the term covers only
	// partly, charged pro rata by month.
	Teiljahre []Teiljahr
}

// Zahlung are the payment terms with their German wording.
type Zahlung struct {
	Turnus           string // jaehrlich, halbjaehrlich, vierteljaehrlich
	ImVoraus         bool   // invoiced at the start of each period (else after it)
	ZahlungszielTage int
	// Zeitraum names the billing period: "Haushaltsjahr",
	// "Kalenderhalbjahr", "Kalendervierteljahr".
	Zeitraum string
	// Termine names the invoicing dates: "zum 1. Januar", "zum 1. Januar
	// und zum 1. Juli", … (in advance) or "nach dem 31. Dezember", …
	Termine string
}

// Hoechstbetrag is the cap of one party per column of the cost table.
type Hoechstbetrag struct {
	Code, Kurzname string
	ProJahr        []int64 // aligned with Kosten.Jahre
}

// Teiljahr is a year the term covers only partly.
type Teiljahr struct {
	Jahr, Monate int
	Von, Bis     string // month names, "April", "Dezember"
}

var zeitraeume = map[string]struct{ name, voraus, nachher string }{
	"jaehrlich":        {"Haushaltsjahr", "jeweils zu Beginn des Haushaltsjahres", "jeweils nach Ablauf des Haushaltsjahres"},
	"halbjaehrlich":    {"Kalenderhalbjahr", "jeweils zum 1. Januar und zum 1. Juli", "jeweils nach Ablauf des 30. Juni und des 31. Dezember"},
	"vierteljaehrlich": {"Kalendervierteljahr", "jeweils zum 1. Januar, 1. April, 1. Juli und 1. Oktober", "jeweils nach Ablauf eines Kalendervierteljahres"},
}

var monate = [...]string{"", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}

// buildHaushalt prepares the budget clauses; jahre are the columns of the
// cost table.
func buildHaushalt(pr *data.Projekt, r *costs.Result, jahre []Jahr) Haushalt {
	z := pr.ZahlungOrDefault()
	zr := zeitraeume[z.Turnus]
	h := Haushalt{
		Zahlung: Zahlung{
			Turnus: z.Turnus, ImVoraus: z.Zeitpunkt == data.DefaultZeitpunkt, ZahlungszielTage: z.ZahlungszielTage,
			Zeitraum: zr.name, Termine: zr.voraus,
		},
		Zuschlag:   z.HoechstbetragZuschlag,
		ErstesJahr: pr.Vertrag.Beginn.Time().Year(),
	}
	h.Breiten = capWidths(len(jahre))
	if !h.Zahlung.ImVoraus {
		h.Zahlung.Termine = zr.nachher
	}
	for _, i := range Order(pr) { // in the order the documents name the parties
		p := r.Parties[i]
		if p.TotalCents == 0 {
			continue
		}
		ref, _ := refdata.PartyByCode(p.Code)
		row := Hoechstbetrag{Code: p.Code, Kurzname: tmpl.Escape(ref.Kurzname)}
		for _, j := range jahre {
			row.ProJahr = append(row.ProJahr, Cap(p.ByYear[j.Jahr], h.Zuschlag))
		}
		h.Hoechstbetraege = append(h.Hoechstbetraege, row)
	}
	seenVE, seenPart := map[int]bool{}, map[int]bool{}
	for _, it := range r.Items {
		if it.Year > h.ErstesJahr && !seenVE[it.Year] {
			seenVE[it.Year] = true
			h.VEJahre = append(h.VEJahre, it.Year)
		}
		if it.Months > 0 {
			h.PlanBis = max(h.PlanBis, it.Year)
		}
		if it.Months > 0 && it.Months < 12 && !seenPart[it.Year] {
			seenPart[it.Year] = true
			first, last := TermOf(pr).MonthsIn(it.Year)
			h.Teiljahre = append(h.Teiljahre, Teiljahr{Jahr: it.Year, Monate: it.Months, Von: monate[first], Bis: monate[last]})
		}
	}
	slices.Sort(h.VEJahre)
	slices.SortFunc(h.Teiljahre, func(a, b Teiljahr) int { return a.Jahr - b.Jahr })
	end := pr.Vertrag.Ende
	h.Fortschreibung = h.PlanBis > 0 && (end == nil || end.Time().Year() > h.PlanBis)
	return h
}

// Cap is the Höchstbetrag of a planned amount: the amount plus the
// surcharge in percent, rounded up to full euros. A planned amount of 0
// has the cap 0.
func Cap(cents int64, surchargePercent int) int64 {
	return costs.Cap(cents, surchargePercent)
}

// TermOf is the term of the agreement by month, as the cost engine takes
// it: from the month of vertrag.beginn to the month of vertrag.ende (open
// without an end).
func TermOf(pr *data.Projekt) costs.Term {
	var t costs.Term
	if b := pr.Vertrag.Beginn.Time(); !b.IsZero() {
		t.From = costs.Month{Year: b.Year(), Month: int(b.Month())}
	}
	if pr.Vertrag.Ende != nil {
		e := pr.Vertrag.Ende.Time()
		t.To = costs.Month{Year: e.Year(), Month: int(e.Month())}
	}
	return t
}

// capWidths gives the relative column widths of the table of
// Höchstbeträge: the party and one column per year.
func capWidths(years int) string {
	w := []string{"30"}
	per := strconv.Itoa(max(1, 70/max(years, 1)))
	for range years {
		w = append(w, per)
	}
	return strings.Join(w, ",")
}

// HaushaltOf is what the budget clauses of the project's agreement say
// (§ Zahlungsmodalitäten, § Haushaltsvorbehalt und Höchstbeträge), with
// the Höchstbeträge aligned with r.Years: for data outputs such as the
// Zahlungsplan, which must state the same as the agreement.
func HaushaltOf(pr *data.Projekt, r *costs.Result) Haushalt {
	jahre := make([]Jahr, len(r.Years))
	for i, y := range r.Years {
		jahre[i] = Jahr{Jahr: y, Label: YearLabel(y)}
	}
	return buildHaushalt(pr, r, jahre)
}
