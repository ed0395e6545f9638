package generator

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/format"
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
	Modell             string // the key of the re-use model: efa, zentral_entwickelt_dezentral_betrieben, fim_eigenentwicklung
	FormBegruendung    string // why a star structure (vertrag.begruendung)
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

	Parteien            []ViewPartei // every party of the project
	Umsetzend           ViewPartei
	Nachnutzende        []ViewPartei
	HatAnsprechpersonen bool

	// Vertragsparteien are the parties of this document: all parties of a
	// ring agreement; the implementing Land and Partner in a star
	// agreement; Partner alone in a FIT-Store call-off.
	Vertragsparteien []ViewPartei
	Partner          *ViewPartei // the re-using Land of a per-party document
	FITStore         *ViewFITStore
	Projekt          ViewProjekt

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
	Kommune, Behoerde, Anschrift         string
	Kontakte                             []ViewRollenKontakt // fachlich, technisch, vertraglich, Rechnung
	LeitwegID, Haushaltsstelle           string
}

// ViewRollenKontakt is a contact with its responsibility.
type ViewRollenKontakt struct {
	Zustaendigkeit string // "fachlich", …
	ViewKontakt
}

// ViewKontakt is a contact person.
type ViewKontakt struct{ Name, Funktion, Email, Telefon string }

// ViewFITStore are the references of a FIT-Store offer.
type ViewFITStore struct {
	Angebot, LeistungsbeschreibungVersion, Abstimmungsschreiben string
	AVV                                                         bool
}

// ViewProjekt is the project state for the Projektbeschreibung and the
// Projektsteckbrief.
type ViewProjekt struct {
	Phase           string // current phase, e.g. "umsetzung" ("" if unknown)
	PhaseName       string // "Umsetzung (Pilotierung)"
	Ausgangslage    string
	Ziel            string
	Zielgruppen     []string
	Fallzahlen      string
	Phasen          []ViewPhase // always the five phases in order
	Meilensteine    []ViewMeilenstein
	Risiken         []ViewRisiko
	Dimensionen     []ViewDimension // roles grouped by dimension, fixed order
	Fachverfahren   string
	Schnittstellen  []string
	Basisdienste    []string
	Datenschutz     string
	Abhaengigkeiten []string
	Begruendung     string // why no re-use (FIM-based own development)
}

// ViewPhase is one of the five phases.
type ViewPhase struct {
	Phase, Name         string
	Beginn, Ende        time.Time // zero when not planned
	Aktuell, Abgelaufen bool      // current phase; phase before the current one
}

// ViewMeilenstein is a milestone.
type ViewMeilenstein struct {
	Bezeichnung string
	Datum       time.Time
	Erreicht    bool
}

// ViewRisiko is a risk with its traffic light.
type ViewRisiko struct {
	Bezeichnung, Bewertung, Massnahme string
	Ampel                             string // "rot", "gelb", "grün"
	Farbe                             string // cell shade "RRGGBB"
}

// ViewDimension holds the roles of one dimension.
type ViewDimension struct {
	Dimension, Name string
	Rollen          []ViewRolle
}

// ViewRolle is a role with its tasks.
type ViewRolle struct{ Rolle, Land, Aufgaben string }

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
	Jahre                         []int  // years of a yearly position, or the year of a one-off one (may be empty)
	Traeger                       string // "schluessel", "je_nachnutzendes_land", a party code, or "extern"
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

// phaseNames are the German names of the project phases (Leitfaden §3).
var phaseNames = map[string]string{
	"initialisierung": "Initialisierung",
	"pruefung":        "Prüfung Nachnutzung",
	"planung":         "Planung Nachnutzung",
	"umsetzung":       "Umsetzung (Pilotierung)",
	"einfuehrung":     "Einführung (Rollout)",
}

var dimensionNames = []struct{ key, name string }{
	{"organisatorisch", "Organisatorische Dimension"},
	{"rechtlich", "Rechtliche Dimension"},
	{"finanziell", "Finanzielle Dimension"},
	{"technisch", "Technische Dimension"},
}

var ampeln = map[string]struct{ ampel, farbe string }{
	"hoch":    {"rot", "F4B6B6"},
	"mittel":  {"gelb", "FFE699"},
	"niedrig": {"grün", "C6E0B4"},
}

// newView prepares the template data of a validated project for one
// document kind.
func (g *Generator) newView(p *Project, r *costs.Result, k Kind) (View, error) {
	v := g.baseView(p, r)
	switch {
	case k.Party != "":
		for i := range v.Parteien {
			if v.Parteien[i].Code == k.Party {
				partner := v.Parteien[i]
				v.Partner = &partner
			}
		}
		if v.Partner == nil {
			return v, fmt.Errorf("%s ist keine Vertragspartei", k.Party)
		}
		if k.Name == KindAbruf {
			v.Vertragsparteien = []ViewPartei{*v.Partner}
		} else {
			v.Vertragsparteien = []ViewPartei{v.Umsetzend, *v.Partner}
		}
	default:
		v.Vertragsparteien = v.Parteien
	}
	return v, nil
}

// baseView prepares the template data shared by all kinds.
func (g *Generator) baseView(p *Project, r *costs.Result) View {
	pr := p.Data()
	e := tmpl.Escape
	v := View{
		Titel: e(pr.Vorhaben.Titel), Kurztitel: e(pr.Vorhaben.Kurztitel), Version: e(pr.Vorhaben.Version),
		Stand:                  pr.Vorhaben.Stand.Time(),
		OnlineDienst:           e(pr.Leistung.OnlineDienst),
		Themenfeld:             e(string(pr.Leistung.Themenfeld)),
		Nachnutzungsmodell:     modelle[pr.Leistung.Nachnutzungsmodell],
		Modell:                 pr.Leistung.Nachnutzungsmodell,
		FormBegruendung:        e(pr.Vertrag.Begruendung),
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
	v.Projekt = viewProjekt(pr)
	if f := pr.Vertrag.FITStore; f != nil {
		v.FITStore = &ViewFITStore{Angebot: e(f.Angebot), LeistungsbeschreibungVersion: e(f.LeistungsbeschreibungVersion), Abstimmungsschreiben: e(f.Abstimmungsschreiben), AVV: f.AVV}
	}
	results := make(map[string]costs.PartyResult, len(r.Parties))
	for _, pr := range r.Parties {
		results[pr.Code] = pr
	}
	// ViewPartei is large: size the lists once instead of growing them.
	if n := len(pr.Parteien); n > 0 {
		v.Parteien = make([]ViewPartei, 0, n)
		reusers := 0
		for _, pt := range pr.Parteien {
			if pt.Rolle != "umsetzend" {
				reusers++
			}
		}
		if reusers > 0 {
			v.Nachnutzende = make([]ViewPartei, 0, reusers)
		}
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
		if len(v.Kosten.Jahre) > 0 {
			vp.ProJahr = make([]int64, 0, len(v.Kosten.Jahre))
		}
		for _, y := range v.Kosten.Jahre {
			vp.ProJahr = append(vp.ProJahr, res.ByYear[y.Jahr])
		}
		if k := pt.Ansprechperson; k != nil {
			v.HatAnsprechpersonen = true
			vp.Ansprechperson = &ViewKontakt{Name: e(k.Name), Funktion: e(k.Funktion), Email: e(k.Email), Telefon: e(k.Telefon)}
		}
		vp.Kommune, vp.Behoerde, vp.Anschrift = e(pt.Kommune), e(pt.Behoerde), e(pt.Anschrift)
		if pt.Rechnung != nil {
			vp.LeitwegID, vp.Haushaltsstelle = e(string(pt.Rechnung.LeitwegID)), e(pt.Rechnung.Haushaltsstelle)
		}
		if kk := pt.Kontakte; kk != nil {
			for _, c := range []struct {
				z string
				k *data.Kontakt
			}{{"fachlich", kk.Fachlich}, {"technisch", kk.Technisch}, {"vertraglich", kk.Vertraglich}, {"Rechnung", kk.Rechnung}} {
				if c.k != nil {
					vp.Kontakte = append(vp.Kontakte, ViewRollenKontakt{Zustaendigkeit: c.z, ViewKontakt: ViewKontakt{Name: e(c.k.Name), Funktion: e(c.k.Funktion), Email: e(c.k.Email), Telefon: e(c.k.Telefon)}})
				}
			}
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
		st := ViewSchluesselteil{Art: t.Art, Name: keyNames[t.Art], Gewicht: format.Weight(t.Gewicht.Hundertstel), Jahr: t.Jahr, Quelle: e(t.Quelle), Werte: t.Werte != nil}
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
			Zeitraum: zeitraum(pos), Traeger: string(pos.Traegt),
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
	per := strconv.Itoa(max(1, 65/(years+1)))
	for i := 0; i <= years; i++ {
		w = append(w, per)
	}
	return strings.Join(w, ",")
}

func viewProjekt(pr *data.Projekt) ViewProjekt {
	e := tmpl.Escape
	vp := ViewProjekt{Begruendung: e(pr.Leistung.Begruendung)}
	ps := pr.Projekt
	if ps == nil {
		ps = &data.Projektstand{}
	}
	vp.Phase, vp.PhaseName = ps.Phase, phaseNames[ps.Phase]
	vp.Ausgangslage, vp.Ziel, vp.Fallzahlen, vp.Datenschutz = e(ps.Ausgangslage), e(ps.Ziel), e(ps.Fallzahlen), e(ps.Datenschutz)
	for _, z := range ps.Zielgruppen {
		vp.Zielgruppen = append(vp.Zielgruppen, e(z))
	}
	for _, a := range ps.Abhaengigkeiten {
		vp.Abhaengigkeiten = append(vp.Abhaengigkeiten, e(a))
	}
	current := slices.Index(data.Phasen, ps.Phase)
	for i, name := range data.Phasen {
		ph := ViewPhase{Phase: name, Name: phaseNames[name], Aktuell: i == current, Abgelaufen: current >= 0 && i < current}
		for _, d := range ps.Phasen {
			if d.Phase == name {
				ph.Beginn, ph.Ende = d.Beginn.Time(), d.Ende.Time()
			}
		}
		vp.Phasen = append(vp.Phasen, ph)
	}
	for _, m := range ps.Meilensteine {
		vp.Meilensteine = append(vp.Meilensteine, ViewMeilenstein{Bezeichnung: e(m.Bezeichnung), Datum: m.Datum.Time(), Erreicht: m.Erreicht})
	}
	for _, r := range ps.Risiken {
		a := ampeln[r.Bewertung]
		vp.Risiken = append(vp.Risiken, ViewRisiko{Bezeichnung: e(r.Bezeichnung), Bewertung: r.Bewertung, Massnahme: e(r.Massnahme), Ampel: a.ampel, Farbe: a.farbe})
	}
	// highest risks first, file order within a rating
	order := map[string]int{"hoch": 0, "mittel": 1, "niedrig": 2}
	slices.SortStableFunc(vp.Risiken, func(a, b ViewRisiko) int { return order[a.Bewertung] - order[b.Bewertung] })
	for _, d := range dimensionNames {
		vd := ViewDimension{Dimension: d.key, Name: d.name}
		for _, r := range ps.Rollen {
			if r.Dimension == d.key {
				land := ""
				if ref, ok := refdata.PartyByCode(string(r.Land)); ok {
					land = e(ref.Kurzname)
				}
				vd.Rollen = append(vd.Rollen, ViewRolle{Rolle: e(r.Rolle), Land: land, Aufgaben: e(r.Aufgaben)})
			}
		}
		if len(vd.Rollen) > 0 {
			vp.Dimensionen = append(vp.Dimensionen, vd)
		}
	}
	if t := ps.Technik; t != nil {
		vp.Fachverfahren = e(t.Fachverfahren)
		for _, x := range t.Schnittstellen {
			vp.Schnittstellen = append(vp.Schnittstellen, e(x))
		}
		for _, x := range t.Basisdienste {
			vp.Basisdienste = append(vp.Basisdienste, e(x))
		}
	}
	return vp
}
