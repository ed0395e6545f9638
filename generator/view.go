package generator

import (
	"strconv"
	"strings"
	"time"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/tmpl"
)

// View is what document templates see. Every free text from the project
// file is already escaped for the markup (tmpl.Escape), so a template can
// print it as it is; amounts are integer cents, shares e5 units, dates
// time.Time — the template helpers format them.
type View struct {
	Titel, Kurztitel, Version string
	Stand                     time.Time

	OnlineDienst       string
	OZG                []ViewOZG
	LeiKa              []string
	Themenfeld         string
	Nachnutzungsmodell string // German name, e.g. "Einer für Alle (EfA)"
	Reifegrad          *data.Reifegrad

	Form                   string // ring, stern, fit-store
	Beginn                 time.Time
	Ende                   time.Time // zero = unbefristet
	KuendigungsfristMonate int
	Steuerungsgremium      string
	Eingangsformel         string

	Parteien            []ViewPartei
	Umsetzend           ViewPartei
	Nachnutzende        []ViewPartei
	HatAnsprechpersonen bool

	Kosten ViewKosten
}

// ViewOZG is one OZG service.
type ViewOZG struct{ ID, Bezeichnung string }

// ViewPartei is one party with its official style and its costs.
type ViewPartei struct {
	Code, Kurzname, Name                 string
	Nominativ, Genitiv, Dativ, Akkusativ string
	VertretenDurch                       string
	Umsetzend, TraegtAnteil, IstLand     bool
	AnteilE5, GesamtCent                 int64
	ProJahr                              []int64 // aligned with Kosten.Jahre
	Ansprechperson                       *ViewKontakt
}

// ViewKontakt is a contact person.
type ViewKontakt struct{ Name, Funktion, Email, Telefon string }

// ViewKosten is the cost split prepared for tables and prose.
type ViewKosten struct {
	Jahre                       []ViewJahr
	Positionen                  []ViewPosten
	Extern                      []ViewPosten
	Kategorien                  []ViewKategorie
	SummeCent                   int64
	Schluessel                  string // "50 % Königsteiner Schlüssel 2016, 50 % Paritätsprinzip"
	Teile                       []ViewSchluesselteil
	KSJahr                      int // 0 when the KS is not used
	KSQuelle                    string
	UmsetzendesLandTraegtAnteil bool
	Festgelegt                  string
	Breiten                     string // column widths of the distribution table
}

// ViewJahr is one column of the cost table.
type ViewJahr struct {
	Jahr      int    // 0 for one-off items without a year
	Label     string // "2027" or "einmalig"
	SummeCent int64
}

// ViewPosten is one cost position.
type ViewPosten struct {
	ID, Bezeichnung, Art, ArtName string
	Kategorie                     string // IT-PLR 2021/24 letter "a" … "e" or ""
	Jaehrlich                     bool
	Zeitraum                      string // "2027 bis 2029", "2027" or ""
	BetragCent                    int64  // per year / per Land as in the data
	GesamtCent                    int64
	Verteilung                    string // "nach dem Verteilungsschlüssel", "je nachnutzendes Land", "trägt das Land …"
	Finanzierung                  string // for external items
}

// ViewKategorie is a cost category used in the project.
type ViewKategorie struct{ Art, Name, Kategorie string }

// ViewSchluesselteil is one part of the key.
type ViewSchluesselteil struct {
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

var modelle = map[string]string{
	"efa":                                    "Einer für Alle (EfA)",
	"zentral_entwickelt_dezentral_betrieben": "zentral entwickelt, dezentral betrieben",
	"fim_eigenentwicklung":                   "FIM-basierte Eigenentwicklung",
}

// DefaultEingangsformel is the enacting formula unless the data gives one.
const DefaultEingangsformel = "schließen – vorbehaltlich der Zustimmung ihrer gesetzgebenden Körperschaften, soweit diese erforderlich ist – folgende Vereinbarung:"

// newView prepares the template data of a validated project.
func (g *Generator) newView(p *Project, r *costs.Result) View {
	pr := p.Data()
	e := tmpl.Escape
	v := View{
		Titel: e(pr.Vorhaben.Titel), Kurztitel: e(pr.Vorhaben.Kurztitel), Version: e(pr.Vorhaben.Version),
		Stand:                  pr.Vorhaben.Stand.Time(),
		OnlineDienst:           e(pr.Leistung.OnlineDienst),
		Themenfeld:             e(string(pr.Leistung.Themenfeld)),
		Nachnutzungsmodell:     modelle[pr.Leistung.Nachnutzungsmodell],
		Reifegrad:              pr.Leistung.Reifegrad,
		Form:                   pr.Vertrag.Form,
		Beginn:                 pr.Vertrag.Beginn.Time(),
		KuendigungsfristMonate: pr.Vertrag.KuendigungsfristMonate,
		Steuerungsgremium:      e(pr.Vertrag.Steuerungsgremium),
		Eingangsformel:         DefaultEingangsformel,
	}
	if pr.Vertrag.Eingangsformel != "" {
		v.Eingangsformel = e(pr.Vertrag.Eingangsformel)
	}
	if pr.Vertrag.Ende != nil {
		v.Ende = pr.Vertrag.Ende.Time()
	}
	for _, o := range pr.Leistung.OZG {
		v.OZG = append(v.OZG, ViewOZG{ID: e(string(o.ID)), Bezeichnung: e(o.Bezeichnung)})
	}
	for _, l := range pr.Leistung.LeiKa {
		v.LeiKa = append(v.LeiKa, e(string(l)))
	}
	v.Kosten = g.viewKosten(pr, r)
	results := map[string]costs.PartyResult{}
	for _, pr := range r.Parties {
		results[pr.Code] = pr
	}
	for _, pt := range pr.Parteien {
		ref, _ := refdata.PartyByCode(string(pt.Land))
		res := results[string(pt.Land)]
		vp := ViewPartei{
			Code: ref.Code, Kurzname: e(ref.Kurzname), Name: e(ref.Name),
			Nominativ: e(ref.Nominativ), Genitiv: e(ref.Genitiv), Dativ: e(ref.Dativ), Akkusativ: e(ref.Akkusativ),
			VertretenDurch: e(pt.VertretenDurch),
			Umsetzend:      pt.Rolle == "umsetzend", TraegtAnteil: res.Bears, IstLand: ref.IstLand,
			AnteilE5: res.ShareE5, GesamtCent: res.TotalCents,
		}
		for _, y := range v.Kosten.Jahre {
			vp.ProJahr = append(vp.ProJahr, res.ByYear[y.Jahr])
		}
		if k := pt.Ansprechperson; k != nil {
			v.HatAnsprechpersonen = true
			vp.Ansprechperson = &ViewKontakt{Name: e(k.Name), Funktion: e(k.Funktion), Email: e(k.Email), Telefon: e(k.Telefon)}
		}
		v.Parteien = append(v.Parteien, vp)
		if vp.Umsetzend {
			v.Umsetzend = vp
		} else {
			v.Nachnutzende = append(v.Nachnutzende, vp)
		}
	}
	return v
}

func (g *Generator) viewKosten(pr *data.Projekt, r *costs.Result) ViewKosten {
	e := tmpl.Escape
	k := ViewKosten{
		SummeCent:                   r.TotalCents,
		Schluessel:                  KeyDescription(pr.Verteilung),
		UmsetzendesLandTraegtAnteil: pr.Verteilung.UmsetzendesLandTraegtAnteil,
		Festgelegt:                  e(pr.Verteilung.Festgelegt),
	}
	k.Breiten = tableWidths(len(r.Years))
	for _, y := range r.Years {
		vj := ViewJahr{Jahr: y, Label: yearLabel(y)}
		for _, p := range r.Parties {
			vj.SummeCent += p.ByYear[y]
		}
		k.Jahre = append(k.Jahre, vj)
	}
	for _, t := range pr.Verteilung.Schluessel {
		st := ViewSchluesselteil{Art: t.Art, Name: keyNames[t.Art], Gewicht: weightText(t.Gewicht.Hundertstel), Jahr: t.Jahr, Quelle: e(t.Quelle), Werte: t.Werte != nil}
		if t.Art == "koenigstein" {
			k.KSJahr = t.Jahr
			if tab, ok := g.ks.Table(t.Jahr); ok {
				k.KSQuelle = e(tab.Quelle)
			}
		}
		k.Teile = append(k.Teile, st)
	}
	totals := map[string]int64{}
	for _, it := range r.Items {
		totals[it.Position] += it.AmountCents
	}
	for _, it := range r.External {
		totals[it.Position] += it.AmountCents
	}
	seen := map[string]bool{}
	for _, pos := range pr.Kosten.Positionen {
		art := kostenarten[pos.Art]
		vp := ViewPosten{
			ID: pos.ID, Bezeichnung: e(pos.Bezeichnung), Art: pos.Art, ArtName: art.name, Kategorie: art.itplr,
			Jaehrlich: pos.Turnus == "jaehrlich", BetragCent: pos.Betrag.Cent, GesamtCent: totals[pos.ID],
			Zeitraum: zeitraum(pos),
		}
		switch {
		case pos.FinanziertDurch != "":
			vp.Finanzierung = financingProse[pos.FinanziertDurch]
			k.Extern = append(k.Extern, vp)
			continue
		case pos.Traegt == data.TraegtJeNachnutzendesLand:
			vp.Verteilung = "trägt jedes nachnutzende Land in voller Höhe"
		case pos.Traegt == "" || pos.Traegt == data.TraegtSchluessel:
			vp.Verteilung = "nach dem Verteilungsschlüssel"
		default:
			ref, _ := refdata.PartyByCode(string(pos.Traegt))
			vp.Verteilung = "trägt " + e(ref.Nominativ) + " allein"
		}
		k.Positionen = append(k.Positionen, vp)
		if !seen[pos.Art] {
			seen[pos.Art] = true
			k.Kategorien = append(k.Kategorien, ViewKategorie{Art: pos.Art, Name: art.name, Kategorie: art.itplr})
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
	per := strconv.Itoa(65 / (years + 1))
	for i := 0; i <= years; i++ {
		w = append(w, per)
	}
	return strings.Join(w, ",")
}
