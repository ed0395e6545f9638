package view

import (
	"strconv"
	"strings"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/tmpl"
)

// Kosten is the cost split prepared for tables and prose.
type Kosten struct {
	Jahre                       []Jahr
	Positionen                  []Posten
	Extern                      []Posten
	Kategorien                  []Kategorie
	SummeCent                   int64
	Schluessel                  string // "50 % Königsteiner Schlüssel 2016, 50 % Paritätsprinzip"
	Teile                       []Schluesselteil
	KSJahr                      int // 0 when the KS is not used
	KSQuelle                    string
	UmsetzendesLandTraegtAnteil bool
	Festgelegt                  string
	Breiten                     string // column widths of the distribution table
}

// Jahr is one column of the cost table.
type Jahr struct {
	Jahr      int    // 0 for one-off items without a year
	Label     string // "2027" or "einmalig"
	SummeCent int64
}

// Posten is one cost position.
type Posten struct {
	ID, Bezeichnung, Art, ArtName string
	Kategorie                     string // IT-PLR 2021/24 letter "a" … "e" or ""
	Jaehrlich                     bool
	Zeitraum                      string // "2027 bis 2029", "2027" or ""
	Jahre                         []int  // years of a yearly position, or the year of a one-off one (may be empty)
	Traeger                       string // "schluessel", "je_nachnutzendes_land", a party code, or "extern"
	BetragCent                    int64  // per year / per Land as in the data
	GesamtCent                    int64
	Verteilung                    string // "nach dem Verteilungsschlüssel", "je nachnutzendes Land", "trägt das Land …"
	Finanzierung                  string // for external items
	// Anteilig lists the years of a yearly position that the term covers
	// only partly, with the pro-rata amount (per Land for
	// je_nachnutzendes_land, as BetragCent).
	Anteilig []PostenTeiljahr
}

// PostenTeiljahr is the pro-rata amount of a yearly position in a year the
// term covers only partly.
type PostenTeiljahr struct {
	Jahr, Monate int
	BetragCent   int64
}

// Kategorie is a cost category used in the project.
type Kategorie struct{ Art, Name, Kategorie string }

// Schluesselteil is one part of the key.
type Schluesselteil struct {
	Art, Name, Gewicht, Quelle string
	Jahr                       int
	Werte                      bool // per-party values given
}

var kostenarten = map[string]struct{ name, itplr string }{
	"erstentwicklung":   {"Erstentwicklung", ""},
	"anbindung":         {"Anbindung (Nachnutzung)", ""},
	"betrieb":           {"Betrieb der technischen Infrastruktur", "a"},
	"weiterentwicklung": {"Fachliche Weiterentwicklung und Änderungsmanagement", "b"},
	"plattform":         {"Entgelte für die Nutzung von Plattformen (EfA-Anteil)", "c"},
	"wartung":           {"Wartung und Support (dem Betrieb des Dienstes unmittelbar zurechenbar)", "d"},
	"nutzungsabhaengig": {"Kosten, die der Nutzung unmittelbar zurechenbar sind (z. B. Druck und Porto)", "e"},
}

// financingProse names external funding sources for running text.
var financingProse = map[string]string{
	"konjunkturprogramm":           "aus Mitteln des Konjunkturprogramms",
	"fitko_digitalisierungsbudget": "aus dem Digitalisierungsbudget der FITKO",
	"fitko_stammbudget":            "aus dem Stammbudget der FITKO",
	"bund":                         "vom Bund",
	"sonstige":                     "aus sonstigen Mitteln",
}

// buildKosten prepares the cost split for tables and prose.
func buildKosten(pr *data.Projekt, r *costs.Result, ks *refdata.KSRegistry) Kosten {
	e := tmpl.Escape
	k := Kosten{
		SummeCent:                   r.TotalCents,
		Schluessel:                  KeyDescription(pr.Verteilung),
		UmsetzendesLandTraegtAnteil: pr.Verteilung.UmsetzendesLandTraegtAnteil,
		Festgelegt:                  e(pr.Verteilung.Festgelegt),
	}
	k.Breiten = tableWidths(len(r.Years))
	for _, y := range r.Years {
		vj := Jahr{Jahr: y, Label: YearLabel(y)}
		for _, p := range r.Parties {
			vj.SummeCent += p.ByYear[y]
		}
		k.Jahre = append(k.Jahre, vj)
	}
	for _, t := range pr.Verteilung.Schluessel {
		st := Schluesselteil{Art: t.Art, Name: keyNames[t.Art], Gewicht: format.Weight(t.Gewicht.Hundertstel), Jahr: t.Jahr, Quelle: e(t.Quelle), Werte: t.Werte != nil}
		if t.Art == "koenigstein" {
			k.KSJahr = t.Jahr
			if tab, ok := ks.Table(t.Jahr); ok {
				k.KSQuelle = e(tab.Quelle)
			}
		}
		k.Teile = append(k.Teile, st)
	}
	totals := map[string]int64{}
	partial := map[string][]PostenTeiljahr{}
	for _, it := range r.Items {
		totals[it.Position] += it.AmountCents
		if it.Months > 0 && it.Months < 12 {
			amount := it.AmountCents
			if it.Basis == costs.EachReuser {
				amount = 0
				if len(it.Split) > 0 {
					amount = it.Split[0].Cents
				}
			}
			partial[it.Position] = append(partial[it.Position], PostenTeiljahr{Jahr: it.Year, Monate: it.Months, BetragCent: amount})
		}
	}
	for _, it := range r.External {
		totals[it.Position] += it.AmountCents
	}
	seen := map[string]bool{}
	for _, pos := range pr.Kosten.Positionen {
		art := kostenarten[pos.Art]
		vp := Posten{
			ID: pos.ID, Bezeichnung: e(pos.Bezeichnung), Art: pos.Art, ArtName: art.name, Kategorie: art.itplr,
			Jaehrlich: pos.Turnus == "jaehrlich", BetragCent: pos.Betrag.Cent, GesamtCent: totals[pos.ID],
			Zeitraum: zeitraum(pos), Traeger: string(pos.Traegt), Anteilig: partial[pos.ID],
		}
		switch {
		case pos.Turnus == "jaehrlich":
			vp.Jahre = pos.Jahre
		case pos.Jahr != 0:
			vp.Jahre = []int{pos.Jahr}
		}
		if vp.Traeger == "" {
			vp.Traeger = string(data.TraegtSchluessel)
		}
		if pos.FinanziertDurch != "" {
			vp.Traeger = "extern"
		}
		switch {
		case pos.FinanziertDurch != "":
			vp.Finanzierung = financingProse[pos.FinanziertDurch]
			k.Extern = append(k.Extern, vp)
			continue
		case pos.Traegt == data.TraegtJeNachnutzendesLand:
			vp.Verteilung = "in voller Höhe je nachnutzendes Land"
		case pos.Traegt == "" || pos.Traegt == data.TraegtSchluessel:
			vp.Verteilung = "nach dem Verteilungsschlüssel"
		default:
			ref, _ := refdata.PartyByCode(string(pos.Traegt))
			vp.Verteilung = "trägt " + e(ref.Nominativ) + " allein"
		}
		k.Positionen = append(k.Positionen, vp)
		if !seen[pos.Art] {
			seen[pos.Art] = true
			k.Kategorien = append(k.Kategorien, Kategorie{Art: pos.Art, Name: art.name, Kategorie: art.itplr})
		}
	}
	return k
}

func zeitraum(p data.Position) string {
	switch {
	case p.Turnus == "jaehrlich" && len(p.Jahre) > 0:
		first, last := p.Jahre[0], p.Jahre[len(p.Jahre)-1]
		if first == last {
			return strconv.Itoa(first)
		}
		if last-first+1 == len(p.Jahre) {
			return strconv.Itoa(first) + " bis " + strconv.Itoa(last)
		}
		ys := make([]string, len(p.Jahre))
		for i, y := range p.Jahre {
			ys[i] = strconv.Itoa(y)
		}
		return strings.Join(ys, ", ")
	case p.Jahr != 0:
		return strconv.Itoa(p.Jahr)
	}
	return ""
}

// tableWidths gives the distribution table's relative column widths: the
// party name, the share, one column per year and the total.
func tableWidths(years int) string {
	w := []string{"21", "14"}
	per := strconv.Itoa(max(1, 65/(years+1)))
	for i := 0; i <= years; i++ {
		w = append(w, per)
	}
	return strings.Join(w, ",")
}

// keyNames are the German names of the key kinds.
var keyNames = map[string]string{
	"koenigstein": "Königsteiner Schlüssel",
	"paritaet":    "Paritätsprinzip",
	"nutzung":     "Inanspruchnahme",
	"einwohner":   "Einwohnerzahl",
	"zielgruppe":  "Zielgruppengröße",
	"fest":        "feste Anteile",
}

// KeyDescription describes the distribution key in German, e.g.
// "50 % Königsteiner Schlüssel 2016, 50 % Paritätsprinzip".
func KeyDescription(v data.Verteilung) string {
	parts := make([]string, len(v.Schluessel))
	for i, k := range v.Schluessel {
		name := keyNames[k.Art]
		if k.Art == "koenigstein" {
			name += " " + strconv.Itoa(k.Jahr)
		}
		if len(v.Schluessel) == 1 {
			parts[i] = name
		} else {
			parts[i] = format.Weight(k.Gewicht.Hundertstel) + "\u00a0% " + name
		}
	}
	return strings.Join(parts, ", ")
}

// YearLabel is the column label of a year of the cost table: "2027", or
// "einmalig" for one-off items without a year (0).
func YearLabel(y int) string {
	if y == 0 {
		return "einmalig"
	}
	return strconv.Itoa(y)
}
