package sheets

import (
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/xuri/excelize/v2"
)

// The Zahlungsplan (payment plan) of a project: what every cost-bearing
// party pays in which Haushaltsjahr, when it is invoiced and due, its
// Höchstbetrag and the amount for which it needs a
// Verpflichtungsermächtigung. Every amount comes from the cost engine
// (costs.Result, per party and year), the terms and caps from what the
// agreement's clauses state (ZahlungsplanInput), so the spreadsheet says
// what the agreement says.

// ErrZahlungsplan reports terms or a cost split the Zahlungsplan cannot
// lay out: a defect, never papered over.
var ErrZahlungsplan = errors.New("Zahlungsplan nicht aufstellbar")

// Turnus values of zahlung.turnus.
const (
	TurnusJaehrlich        = "jaehrlich"
	TurnusHalbjaehrlich    = "halbjaehrlich"
	TurnusVierteljaehrlich = "vierteljaehrlich"
)

// ZahlungsplanInput is what the Zahlungsplan is built from: the project,
// its exact cost split and the payment and budget terms as the
// agreement's clauses state them (package view computes them; the kind
// wires them in, so this package knows no template).
type ZahlungsplanInput struct {
	Projekt *data.Projekt
	Costs   *costs.Result
	// Turnus is zahlung.turnus (jaehrlich, halbjaehrlich,
	// vierteljaehrlich); ImVoraus is zahlung.zeitpunkt im_voraus.
	Turnus           string
	ImVoraus         bool
	ZahlungszielTage int
	// Zeitraum and Termine are the clause's words for the billing period
	// and the invoicing dates („Haushaltsjahr“, „jeweils zum 1. Januar“).
	Zeitraum, Termine string
	// Zuschlag is zahlung.hoechstbetrag_zuschlag in percent.
	Zuschlag int
	// Hoechstbetraege are the Höchstbeträge of § Haushaltsvorbehalt per
	// party code and year (0: one-off items without a year).
	Hoechstbetraege map[string]map[int]int64
	// VEJahre are the later Haushaltsjahre whose obligations need a
	// Verpflichtungsermächtigung (§ Haushaltsvorbehalt).
	VEJahre []int
	// Months tells the months of year y (first, last; 0, 0 for none) in
	// which party code takes part and bears yearly costs: the months for
	// which the cost engine charged it.
	Months func(code string, y int) (first, last int)
}

// Zahlungsplan is the payment plan of one project.
type Zahlungsplan struct {
	Titel, Kurztitel string
	// Stand is vorhaben.stand; it dates the file.
	Stand time.Time
	// Jahre are the overview rows: one per party and Haushaltsjahr with
	// an amount, parties in the documents' order, years ascending (one-off
	// items without a year last).
	Jahre []JahrZeile
	// Parteien are the cost-bearing parties with their payments.
	Parteien []ZahlungsPartei
	// Bedingungen are the terms of payment, label and text, for the sheet
	// „Zahlungsbedingungen“.
	Bedingungen [][2]string
	// Ausgleich is set when a row has an Ausgleich (its column is shown).
	Ausgleich bool
	// Folgejahr is set when an invoice falls due after its Leistungsjahr
	// (the column „davon fällig im Folgejahr“ is shown).
	Folgejahr bool
	// Hinweise is set when a row has a note (the column „Hinweis“ is
	// shown): a share that changes inside the row's months.
	Hinweise bool
}

// JahrZeile is what one party pays in one Haushaltsjahr.
type JahrZeile struct {
	Code, Name, Rolle string
	// ShareE5 is the share in force in the last month of the year the
	// party takes part in (after a join or a leave the key is computed
	// anew); Hinweis names every share of the year when it changes.
	ShareE5   int64
	Bears     bool
	Hinweis   string
	Jahr      int // Leistungsjahr: the year the costs are for (0: one-off items without a year)
	Monate    int // months of yearly costs (0: none)
	Jaehrlich int64
	Einmalig  int64
	// Ausgleich is what the engine charges beyond the party's items
	// (a move between parties that keeps each within its Höchstbetrag
	// after a recalculation); usually 0.
	Ausgleich         int64
	Betrag            int64 // = the cost engine's by_year of the party
	Hoechstbetrag     int64
	VE                int64 // the Höchstbetrag if the year needs a Verpflichtungsermächtigung, else 0
	ErsteRechnung     time.Time
	LetzteFaelligkeit time.Time
	// Folgejahr is the part of Betrag whose invoices fall due after the
	// Leistungsjahr (in arrears: the last billing period's invoice),
	// to be budgeted in the Haushaltsjahr of the payment.
	Folgejahr int64
}

// ZahlungsPartei is one cost-bearing party and its payments.
type ZahlungsPartei struct {
	Code, Name string
	// Sheet is the name of its sheet (its short name, at most 31
	// characters, unique in the workbook).
	Sheet     string
	Zahlungen []Zahlung
}

// Zahlung is one invoice of a party: a billing period's share of the
// yearly costs, or the one-off costs of a year.
type Zahlung struct {
	Jahr        int    // Leistungsjahr (0: without a year)
	Zeitraum    string // „1. Halbjahr 2027“, „einmalige Kosten“
	Kostenart   string // „jährliche Kosten“, „einmalige Kosten“
	Von, Bis    time.Time
	Monate      int
	Rechnung    time.Time // zero: when the service is rendered
	Faellig     time.Time // zero with Rechnung
	Betrag      int64
	Abrechnung  string // how and when it is invoiced
	Faelligkeit string // when it is due
	// Bears is set when the invoice is computed with a key share, ShareE5
	// (the share in force in the invoice's last month; Hinweis names each
	// share when it changes inside the period).
	Bears   bool
	ShareE5 int64
	Hinweis string
}

// Zahlungsjahr is the Haushaltsjahr of the payment: the year of the due
// date; the Leistungsjahr when the due date is not known in advance
// (one-off costs, Ausgleich).
func (z Zahlung) Zahlungsjahr() int {
	if z.Faellig.IsZero() {
		return z.Jahr
	}
	return z.Faellig.Year()
}

// period is a billing period: its first and last month and its name.
type period struct {
	from, to int
	name     string
}

// periods are the billing periods of a year by turnus.
var periods = map[string][]period{
	TurnusJaehrlich:        {{1, 12, "Haushaltsjahr"}},
	TurnusHalbjaehrlich:    {{1, 6, "1. Halbjahr"}, {7, 12, "2. Halbjahr"}},
	TurnusVierteljaehrlich: {{1, 3, "1. Quartal"}, {4, 6, "2. Quartal"}, {7, 9, "3. Quartal"}, {10, 12, "4. Quartal"}},
}

var rollen = map[string]string{"umsetzend": "umsetzendes Land", "nachnutzend": "nachnutzendes Land"}

// BuildZahlungsplan lays out the payments of every party that pays
// anything, in the order the documents name the parties. A party's
// yearly costs of a Haushaltsjahr are split over its billing periods by
// the months they cover, with the agreement's rule for monthly amounts
// applied to the party's amount: equal monthly amounts rounded down to
// the cent, the cents left over to the earliest months. So the periods
// of a year add up to the engine's amount exactly.
func BuildZahlungsplan(in ZahlungsplanInput) (*Zahlungsplan, error) {
	pr, r := in.Projekt, in.Costs
	ps, ok := periods[in.Turnus]
	if !ok {
		return nil, fmt.Errorf("%w: Turnus „%s“", ErrZahlungsplan, in.Turnus)
	}
	if len(r.Parties) != len(pr.Parteien) {
		return nil, fmt.Errorf("%w: %d Parteien, Kostenverteilung für %d", ErrZahlungsplan, len(pr.Parteien), len(r.Parties))
	}
	zp := &Zahlungsplan{Titel: pr.Vorhaben.Titel, Kurztitel: pr.Vorhaben.Kurztitel, Stand: pr.Vorhaben.Stand.Time()}
	beginn := pr.Vertrag.Beginn.Time()
	ve := map[int]bool{}
	for _, y := range in.VEJahre {
		ve[y] = true
	}
	sheetNames := map[string]bool{OverviewSheet: true, TermsSheet: true}
	for _, i := range pr.Order() {
		pres, pt := r.Parties[i], pr.Parteien[i]
		if pres.TotalCents == 0 {
			continue
		}
		ref, _ := refdata.PartyByCode(pres.Code)
		name := ref.Kurzname
		if pt.Kommune != "" {
			name = pt.Kommune
		}
		yearly, oneOff := map[int]int64{}, map[int]int64{}
		// runs are the party's yearly amounts per year and run of months
		// with one key (months 0, 0: all months it takes part in)
		runs := map[int]map[[2]int]int64{}
		for _, it := range r.Items {
			for _, s := range it.Split {
				if s.Code != pres.Code {
					continue
				}
				if it.Months == 0 {
					oneOff[it.Year] += s.Cents
					continue
				}
				yearly[it.Year] += s.Cents
				if runs[it.Year] == nil {
					runs[it.Year] = map[[2]int]int64{}
				}
				if it.Runs == nil {
					runs[it.Year][[2]int{}] += s.Cents
				}
				for _, rn := range it.Runs {
					for _, a := range rn.Split {
						if a.Code == pres.Code {
							runs[it.Year][[2]int{rn.First, rn.Last}] += a.Cents
						}
					}
				}
			}
		}
		party := ZahlungsPartei{Code: pres.Code, Name: name, Sheet: sheetName(name, sheetNames)}
		for _, y := range r.Years { // ascending, 0 last
			// What the engine charges beyond the party's items: the moves
			// that keep every party within its Höchstbetrag after a
			// recalculation (§ Haushaltsvorbehalt und Höchstbeträge).
			adjust := pres.ByYear[y] - yearly[y] - oneOff[y]
			if yearly[y] == 0 && oneOff[y] == 0 && adjust == 0 {
				continue
			}
			row := JahrZeile{Code: pres.Code, Name: name, Rolle: rolle(pt), ShareE5: pres.ShareE5, Bears: pres.Bears,
				Jahr: y, Jaehrlich: yearly[y], Einmalig: oneOff[y], Ausgleich: adjust, Betrag: pres.ByYear[y],
				Hoechstbetrag: in.Hoechstbetraege[pres.Code][y]}
			zp.Ausgleich = zp.Ausgleich || adjust != 0
			if ve[y] {
				row.VE = row.Hoechstbetrag
			}
			var pays []Zahlung
			if yearly[y] > 0 {
				first, last := in.Months(pres.Code, y)
				if first == 0 {
					return nil, fmt.Errorf("%w: %s zahlt %s jährliche Kosten außerhalb seiner Teilnahme", ErrZahlungsplan, pres.Code, yearName(y))
				}
				row.Monate = last - first + 1
				pays = periodic(in, ps, y, first, last, monthly(runs[y], first, last), beginn)
				if pres.Bears {
					row.ShareE5, row.Hinweis = shareRun(r, pres.Code, pres.ShareE5, y, first, last)
					for k := range pays {
						pays[k].Bears = true
						pays[k].ShareE5, pays[k].Hinweis = shareRun(r, pres.Code, pres.ShareE5, y, int(pays[k].Von.Month()), int(pays[k].Bis.Month()))
					}
				}
			} else if pres.Bears {
				// one-off costs only: the share of their reference month
				// (January of the year, or the beginning, if later)
				m := refMonth(beginn, y)
				row.ShareE5 = ShareAt(r, pres.Code, pres.ShareE5, m.Year(), int(m.Month()))
			}
			if oneOff[y] > 0 {
				z := Zahlung{Jahr: y, Zeitraum: "einmalige Kosten", Kostenart: "einmalige Kosten", Betrag: oneOff[y],
					Abrechnung:  "sobald die Leistung erbracht ist",
					Faelligkeit: strconv.Itoa(in.ZahlungszielTage) + " Tage nach Zugang der Rechnung"}
				if pres.Bears {
					m := refMonth(beginn, y)
					z.Bears, z.ShareE5 = true, ShareAt(r, pres.Code, pres.ShareE5, m.Year(), int(m.Month()))
				}
				pays = append(pays, z)
			}
			if adjust != 0 {
				pays = append(pays, Zahlung{Jahr: y, Zeitraum: "Ausgleich " + yearName(y), Kostenart: "Ausgleich Höchstbetrag", Betrag: adjust,
					Abrechnung:  "mit der Neuberechnung der Anteile (Höchstbeträge)",
					Faelligkeit: strconv.Itoa(in.ZahlungszielTage) + " Tage nach Zugang der Rechnung"})
			}
			for _, p := range pays {
				if !p.Rechnung.IsZero() && (row.ErsteRechnung.IsZero() || p.Rechnung.Before(row.ErsteRechnung)) {
					row.ErsteRechnung = p.Rechnung
				}
				if p.Faellig.After(row.LetzteFaelligkeit) {
					row.LetzteFaelligkeit = p.Faellig
				}
				if y != 0 && p.Zahlungsjahr() != y {
					row.Folgejahr += p.Betrag
				}
				zp.Hinweise = zp.Hinweise || p.Hinweis != ""
			}
			zp.Folgejahr = zp.Folgejahr || row.Folgejahr != 0
			zp.Hinweise = zp.Hinweise || row.Hinweis != ""
			party.Zahlungen = append(party.Zahlungen, pays...)
			zp.Jahre = append(zp.Jahre, row)
		}
		zp.Parteien = append(zp.Parteien, party)
	}
	zp.Bedingungen = terms(in)
	return zp, nil
}

// refMonth is the reference month of one-off items of year y (0: none):
// January of y or the month of the beginning, if later — the month whose
// shares split them (cost engine).
func refMonth(beginn time.Time, y int) time.Time {
	b := time.Date(beginn.Year(), beginn.Month(), 1, 0, 0, 0, 0, time.UTC)
	if y == 0 {
		return b
	}
	if j := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC); j.After(b) {
		return j
	}
	return b
}

// rolle is the role column of a party: its role, and its joining or
// leaving („nachnutzendes Land, Beitritt ab 01.07.2028“).
func rolle(pt data.Partei) string {
	out := rollen[pt.Rolle]
	if pt.Beitretend() {
		out += ", Beitritt ab " + pt.BeitrittAb.Time().Format("02.01.2006")
	}
	if pt.Ausscheidend() {
		out += ", Ausscheiden zum " + pt.AustrittZum.Time().Format("02.01.2006")
	}
	return out
}

// monthly spreads a party's yearly amounts of a year over its months:
// each run of months with one key (from runs; [0 0]: the months first to
// last the party takes part in) in equal monthly amounts rounded down to
// the cent, the cents left over to the run's earliest months. Without a
// change of the key there is one run, the party's yearly amount.
func monthly(runs map[[2]int]int64, first, last int) [13]int64 {
	var out [13]int64
	keys := slices.SortedFunc(maps.Keys(runs), func(a, b [2]int) int {
		if a[0] != b[0] {
			return a[0] - b[0]
		}
		return a[1] - b[1]
	})
	for _, k := range keys {
		a, b := k[0], k[1]
		if a == 0 {
			a, b = first, last
		}
		amount := runs[k]
		n := int64(b - a + 1)
		base, rest := amount/n, int(amount%n)
		for m := a; m <= b; m++ {
			out[m] += base
			if m < a+rest {
				out[m]++
			}
		}
	}
	return out
}

// periodic lays out the yearly costs of year y, charged for months first
// to last (amounts per month), over the billing periods.
func periodic(in ZahlungsplanInput, ps []period, y, first, last int, months [13]int64, beginn time.Time) []Zahlung {
	var out []Zahlung
	for _, p := range ps {
		a, b := max(p.from, first), min(p.to, last)
		if a > b {
			continue
		}
		var sum int64
		for m := a; m <= b; m++ {
			sum += months[m]
		}
		z := Zahlung{Jahr: y, Kostenart: "jährliche Kosten", Monate: b - a + 1, Betrag: sum,
			Von: time.Date(y, time.Month(a), 1, 0, 0, 0, 0, time.UTC),
			Bis: time.Date(y, time.Month(b)+1, 0, 0, 0, 0, 0, time.UTC)}
		z.Zeitraum = p.name + " " + strconv.Itoa(y)
		if in.ImVoraus {
			start := time.Date(y, time.Month(p.from), 1, 0, 0, 0, 0, time.UTC)
			z.Rechnung = start
			z.Abrechnung = "im Voraus zu Beginn des Zeitraums"
			if z.Von.After(z.Rechnung) {
				z.Rechnung = z.Von
				z.Abrechnung = "im Voraus zu Beginn der Teilnahme im Zeitraum"
			}
			// the agreement begins in the period: the first invoice with its
			// beginning (§ Zahlungsmodalitäten)
			if b := beginn.UTC(); b.After(start) && !b.Before(z.Von) && !b.After(z.Bis) {
				z.Rechnung = time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
				z.Abrechnung = "mit Beginn der Vereinbarung"
			}
		} else {
			z.Rechnung = time.Date(y, time.Month(p.to)+1, 1, 0, 0, 0, 0, time.UTC)
			z.Abrechnung = "nach Ablauf des Zeitraums"
		}
		z.Faellig = z.Rechnung.AddDate(0, 0, in.ZahlungszielTage)
		z.Faelligkeit = strconv.Itoa(in.ZahlungszielTage) + " Tage nach Zugang der Rechnung"
		out = append(out, z)
	}
	return out
}

// terms are the rows of the sheet „Zahlungsbedingungen“.
func terms(in ZahlungsplanInput) [][2]string {
	pr := in.Projekt
	termine := in.Termine
	if in.ImVoraus {
		termine = "im Voraus " + termine
	}
	out := [][2]string{
		{"Vorhaben", pr.Vorhaben.Titel},
		{"Stand", pr.Vorhaben.Stand.Time().Format("02.01.2006") + ", Version " + pr.Vorhaben.Version},
		{"Abrechnungszeitraum", in.Zeitraum},
		{"Rechnungsstellung", "jährliche Kosten " + termine + "; beginnt die Vereinbarung im Laufe eines Abrechnungszeitraums, mit ihrem Beginn; einmalige Kosten, sobald die Leistung erbracht ist"},
		{"Fälligkeit", strconv.Itoa(in.ZahlungszielTage) + " Tage nach Zugang der Rechnung; die Spalte „Fällig am“ setzt den Zugang am Rechnungsdatum voraus"},
		{"Leistungsjahr und Haushaltsjahr der Zahlung", "„Leistungsjahr“ ist das Jahr, für das die Kosten anfallen; die Beträge je Leistungsjahr sind die der Kostenverteilung („vereinbar costs“). Veranschlagt wird im „Haushaltsjahr der Zahlung“, dem Jahr der Fälligkeit: bei nachträglicher Abrechnung wird die Rechnung des letzten Zeitraums eines Jahres erst im Folgejahr fällig (Übersicht: „davon fällig im Folgejahr“)"},
		{"Anteil", "jede Rechnung nennt den Anteil, mit dem sie berechnet ist (§ Zahlungsmodalitäten); nach einem Beitritt oder Ausscheiden gilt ab dem Monat der Änderung der neu berechnete Anteil. Die Übersicht nennt den Anteil im letzten Monat des Jahres, die Spalte „Hinweis“ jeden Anteil eines Jahres, in dem er sich ändert"},
		{"Anteilige Zeiträume", "jährliche Kosten nur für die Monate der Teilnahme (ein angefangener Monat zählt voll); der Jahresbetrag einer Vertragspartei verteilt sich zu gleichen Monatsbeträgen, auf volle Cent abgerundet, die verbleibenden Cent auf die ersten Monate; ändert sich der Anteil im Laufe des Jahres (Beitritt, Ausscheiden), gilt das je Zeitraum gleicher Anteile für den Betrag, den die Kostenverteilung diesem Zeitraum zuordnet"},
	}
	hb := "geplanter Betrag, aufgerundet auf volle Euro"
	if in.Zuschlag > 0 {
		hb = "geplanter Betrag zuzüglich " + strconv.Itoa(in.Zuschlag) + " Prozent, aufgerundet auf volle Euro"
	}
	out = append(out, [2]string{"Höchstbetrag", hb})
	ve := "keine (alle Zahlungen im Haushaltsjahr des Beginns)"
	if len(in.VEJahre) > 0 {
		var ys []string
		for _, y := range in.VEJahre {
			ys = append(ys, strconv.Itoa(y))
		}
		ve = "für die Haushaltsjahre " + strings.Join(ys, ", ") + " in Höhe des Höchstbetrags (§ 38 der Haushaltsordnung)"
		if len(ys) == 1 {
			ve = "für das Haushaltsjahr " + ys[0] + " in Höhe des Höchstbetrags (§ 38 der Haushaltsordnung)"
		}
	}
	out = append(out, [2]string{"Verpflichtungsermächtigung", ve},
		[2]string{"Quelle", "Verwaltungsvereinbarung, §§ Zahlungsmodalitäten, Haushaltsvorbehalt und Höchstbeträge, Kostenverteilung; Beträge aus „vereinbar costs“"})
	return out
}

// TermsSheet is the name of the sheet with the terms of payment.
const TermsSheet = "Zahlungsbedingungen"

// sheetName makes a unique sheet name of at most 31 characters without
// the characters spreadsheets refuse in one.
func sheetName(name string, used map[string]bool) string {
	clean := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, name)
	rs := []rune(clean)
	if len(rs) > 31 {
		rs = rs[:31]
	}
	out := string(rs)
	for i := 2; used[out]; i++ {
		suffix := " (" + strconv.Itoa(i) + ")"
		out = string(rs[:min(len(rs), 31-len([]rune(suffix)))]) + suffix
	}
	used[out] = true
	return out
}

func yearName(y int) string {
	if y == 0 {
		return "ohne Jahr"
	}
	return strconv.Itoa(y)
}

// zahlungsplanColumns are the columns of the overview; „Ausgleich
// Höchstbetrag“ only when a row has one.
func zahlungsplanColumns(zp *Zahlungsplan) []column[JahrZeile] {
	cs := []column[JahrZeile]{
		{"Vertragspartei", text, 26, false, func(r JahrZeile) cell { return str(r.Name) }},
		{"Kürzel", text, 8, false, func(r JahrZeile) cell { return str(r.Code) }},
		{"Rolle", text, 20, false, func(r JahrZeile) cell { return str(r.Rolle) }},
		{"Anteil", percent, 12, false, func(r JahrZeile) cell {
			if !r.Bears {
				return cell{}
			}
			return num(r.ShareE5)
		}},
		{"Leistungsjahr", integer, 14, false, func(r JahrZeile) cell {
			if r.Jahr == 0 {
				return cell{}
			}
			return num(int64(r.Jahr))
		}},
		{"Monate", integer, 8, false, func(r JahrZeile) cell {
			if r.Monate == 0 {
				return cell{}
			}
			return num(int64(r.Monate))
		}},
		{"Jährliche Kosten", money, 17, true, func(r JahrZeile) cell { return num(r.Jaehrlich) }},
		{"Einmalige Kosten", money, 18, true, func(r JahrZeile) cell { return num(r.Einmalig) }},
	}
	if zp.Ausgleich {
		cs = append(cs, column[JahrZeile]{"Ausgleich Höchstbetrag", money, 24, true, func(r JahrZeile) cell { return num(r.Ausgleich) }})
	}
	cs = append(cs, []column[JahrZeile]{
		{"Betrag", money, 16, true, func(r JahrZeile) cell { return num(r.Betrag) }},
		{"Höchstbetrag", money, 16, true, func(r JahrZeile) cell { return num(r.Hoechstbetrag) }},
		{"Verpflichtungsermächtigung", money, 29, true, func(r JahrZeile) cell {
			if r.VE == 0 {
				return cell{}
			}
			return num(r.VE)
		}},
		{"Erste Rechnung", date, 16, false, func(r JahrZeile) cell { return day(r.ErsteRechnung) }},
		{"Letzte Fälligkeit", date, 18, false, func(r JahrZeile) cell { return day(r.LetzteFaelligkeit) }},
	}...)
	if zp.Folgejahr {
		cs = append(cs, column[JahrZeile]{"davon fällig im Folgejahr", money, 26, true, func(r JahrZeile) cell {
			if r.Folgejahr == 0 {
				return cell{}
			}
			return num(r.Folgejahr)
		}})
	}
	if zp.Hinweise {
		cs = append(cs, column[JahrZeile]{"Hinweis", text, 60, false, func(r JahrZeile) cell { return str(r.Hinweis) }})
	}
	return cs
}

// paymentColumns are the columns of a party's sheet.
func paymentColumns(zp *Zahlungsplan) []column[Zahlung] {
	cs := []column[Zahlung]{
		{"Leistungsjahr", integer, 14, false, func(z Zahlung) cell {
			if z.Jahr == 0 {
				return cell{}
			}
			return num(int64(z.Jahr))
		}},
		{"Abrechnungszeitraum", text, 23, false, func(z Zahlung) cell { return str(z.Zeitraum) }},
		{"Kostenart", text, 16, false, func(z Zahlung) cell { return str(z.Kostenart) }},
		{"Von", date, 12, false, func(z Zahlung) cell { return day(z.Von) }},
		{"Bis", date, 12, false, func(z Zahlung) cell { return day(z.Bis) }},
		{"Monate", integer, 8, false, func(z Zahlung) cell {
			if z.Monate == 0 {
				return cell{}
			}
			return num(int64(z.Monate))
		}},
		{"Rechnung", text, 30, false, func(z Zahlung) cell { return str(z.Abrechnung) }},
		{"Rechnung zum", date, 15, false, func(z Zahlung) cell { return day(z.Rechnung) }},
		{"Fällig am", date, 12, false, func(z Zahlung) cell { return day(z.Faellig) }},
		{"Fälligkeit", text, 30, false, func(z Zahlung) cell { return str(z.Faelligkeit) }},
		{"Haushaltsjahr der Zahlung", integer, 27, false, func(z Zahlung) cell {
			if z.Zahlungsjahr() == 0 {
				return cell{}
			}
			return num(int64(z.Zahlungsjahr()))
		}},
		{"Anteil", percent, 12, false, func(z Zahlung) cell {
			if !z.Bears {
				return cell{}
			}
			return num(z.ShareE5)
		}},
		{"Betrag", money, 16, true, func(z Zahlung) cell { return num(z.Betrag) }},
	}
	if zp.Hinweise {
		cs = append(cs, column[Zahlung]{"Hinweis", text, 60, false, func(z Zahlung) cell { return str(z.Hinweis) }})
	}
	return cs
}

// WriteZahlungsplanXLSX writes the Zahlungsplan as a workbook: the sheet
// „Übersicht“ (one row per party and Haushaltsjahr), one sheet per party
// (one row per invoice) and „Zahlungsbedingungen“. Tables have a frozen
// header, an autofilter and a sum row of SUM formulas. The same plan
// gives the same bytes.
func WriteZahlungsplanXLSX(w io.Writer, zp *Zahlungsplan) error {
	f, st, err := newWorkbook(OverviewSheet)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := writeTable(f, st, OverviewSheet, zahlungsplanColumns(zp), zp.Jahre); err != nil {
		return err
	}
	for _, p := range zp.Parteien {
		if _, err := f.NewSheet(p.Sheet); err != nil {
			return err
		}
		if err := writeTable(f, st, p.Sheet, paymentColumns(zp), p.Zahlungen); err != nil {
			return err
		}
	}
	if _, err := f.NewSheet(TermsSheet); err != nil {
		return err
	}
	if err := writeTerms(f, st, zp.Bedingungen); err != nil {
		return err
	}
	return save(w, f, "Zahlungsplan: "+zp.Titel, zp.Stand)
}

// writeTerms writes the label–text rows of the terms of payment.
func writeTerms(f *excelize.File, st *styles, rows [][2]string) error {
	if err := f.SetColWidth(TermsSheet, "A", "A", 26); err != nil {
		return err
	}
	if err := f.SetColWidth(TermsSheet, "B", "B", 100); err != nil {
		return err
	}
	for i, r := range rows {
		if err := setCell(f, TermsSheet, "A", i+1, str(r[0]), text, st.sumLabel); err != nil {
			return err
		}
		if err := setCell(f, TermsSheet, "B", i+1, str(r[1]), text, st.body[text]); err != nil {
			return err
		}
	}
	return nil
}
