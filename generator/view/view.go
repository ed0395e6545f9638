// Package view prepares a validated project and its cost split for the
// document templates: free text escaped for the markup, names and German
// labels looked up, amounts in cents, shares in e5 units, dates as
// time.Time. What every kind shares lives here; what one kind adds lives
// beside its declaration in package kind.
package view

import (
	"time"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/tmpl"
)

// View is the project as every document template sees it; a kind adds
// what is particular to its documents (see package kind). Every free text from the project
// file is already escaped for the markup (tmpl.Escape), so a template can
// print it as it is; amounts are integer cents, shares e5 units, dates
// time.Time — the template helpers format them.
type View struct {
	Titel, Kurztitel, Version string
	Stand                     time.Time

	OnlineDienst       string
	Modell             string // the key of the re-use model: efa, zentral_entwickelt_dezentral_betrieben, fim_eigenentwicklung
	FormBegruendung    string // why a star structure (vertrag.begruendung)
	OZG                []OZG
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

	// Parteien are every party of the project, in the order of the
	// documents (see Order); Nachnutzende the re-using ones among them,
	// in the same order.
	Parteien            []Partei
	Umsetzend           Partei
	Nachnutzende        []Partei
	HatAnsprechpersonen bool

	FITStore *FITStore
	Projekt  Projekt

	Kosten Kosten
	// Haushalt holds the budget clauses' figures: payment terms,
	// Höchstbeträge, Verpflichtungsermächtigungen, pro-rata years.
	Haushalt Haushalt
	// Berechnung lays the key open for the annex "Berechnung der
	// Kostenanteile" (nil when no party bears a share of the key).
	Berechnung *Berechnung

	// Plan is the project plan (BuildPlan) with the task data of the run,
	// set by the facade; nil where none was given.
	Plan *Plan

	// Neuberechnung is the recalculation of the shares when parties join
	// or leave the agreement (nil otherwise): the documents of accession
	// and notice read it, the agreement itself does not.
	Neuberechnung *Neuberechnung

	// Klauseln holds what the standard clauses (tax, signature,
	// extension, exit, service levels, data protection, security) read;
	// embedded, so templates write .Datenschutz.Rolle.
	Klauseln
}

// OZG is one OZG service.
type OZG struct{ ID, Bezeichnung string }

var modelle = map[string]string{
	"efa":                                    "Einer für Alle (EfA)",
	"zentral_entwickelt_dezentral_betrieben": "zentral entwickelt, dezentral betrieben",
	"fim_eigenentwicklung":                   "FIM-basierte Eigenentwicklung",
}

// DefaultEingangsformel is the enacting formula unless the data gives one.
const DefaultEingangsformel = "schließen – vorbehaltlich der Zustimmung ihrer gesetzgebenden Körperschaften, soweit diese erforderlich ist – folgende Vereinbarung:"

// Build prepares the template data of a validated project and its cost
// split; ks gives the source of a Königsteiner table the key names.
//
// When a party joins or leaves (r.Plan set), the view is the agreement as
// concluded — its parties without those that join later, its amounts
// from r.Plan — and Neuberechnung holds the recalculation of r.
func Build(pr *data.Projekt, r *costs.Result, ks *refdata.KSRegistry) View {
	if r.Plan == nil {
		return build(pr, r, ks)
	}
	v := build(pr.Vertragsfassung(), r.Plan, ks)
	v.Neuberechnung = buildNeuberechnung(pr, r, v, ks)
	return v
}

func build(pr *data.Projekt, r *costs.Result, ks *refdata.KSRegistry) View {
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
		v.OZG = append(v.OZG, OZG{ID: e(string(o.ID)), Bezeichnung: e(o.Bezeichnung)})
	}
	for _, l := range pr.Leistung.LeiKa {
		v.LeiKa = append(v.LeiKa, e(string(l)))
	}
	v.Kosten = buildKosten(pr, r, ks)
	v.Haushalt = buildHaushalt(pr, r, v.Kosten.Jahre)
	v.Berechnung = buildBerechnung(r, v.Kosten)
	v.Projekt = buildProjekt(pr)
	v.Klauseln = buildKlauseln(pr)
	if f := pr.Vertrag.FITStore; f != nil {
		v.FITStore = &FITStore{Angebot: e(f.Angebot), LeistungsbeschreibungVersion: e(f.LeistungsbeschreibungVersion), Abstimmungsschreiben: e(f.Abstimmungsschreiben), AVV: f.AVV}
	}
	results := make(map[string]costs.PartyResult, len(r.Parties))
	for _, pr := range r.Parties {
		results[pr.Code] = pr
	}
	// Partei is large: size the lists once instead of growing them.
	if n := len(pr.Parteien); n > 0 {
		v.Parteien = make([]Partei, 0, n)
		reusers := 0
		for _, pt := range pr.Parteien {
			if pt.Rolle != "umsetzend" {
				reusers++
			}
		}
		if reusers > 0 {
			v.Nachnutzende = make([]Partei, 0, reusers)
		}
	}
	for _, i := range Order(pr) {
		pt := pr.Parteien[i]
		ref, _ := refdata.PartyByCode(string(pt.Land))
		res := results[string(pt.Land)]
		rep := refdata.DeclineAuthority(pt.VertretenDurch)
		vp := Partei{
			Code: ref.Code, Kurzname: e(ref.Kurzname), Name: e(ref.Name),
			Nominativ: e(ref.Nominativ), Genitiv: e(ref.Genitiv), Dativ: e(ref.Dativ), Akkusativ: e(ref.Akkusativ),
			VertretenDurch: e(rep.Nominativ), VertretenDurchAkkusativ: e(rep.Akkusativ), VertretenDurchDativ: e(rep.Dativ),
			Umsetzend: pt.Rolle == "umsetzend", TraegtAnteil: res.Bears, IstLand: ref.IstLand,
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
			vp.Ansprechperson = &Kontakt{Name: e(k.Name), Funktion: e(k.Funktion), Email: e(k.Email), Telefon: e(k.Telefon)}
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
					vp.Kontakte = append(vp.Kontakte, RollenKontakt{Zustaendigkeit: c.z, Kontakt: Kontakt{Name: e(c.k.Name), Funktion: e(c.k.Funktion), Email: e(c.k.Email), Telefon: e(c.k.Telefon)}})
				}
			}
		}
		if u := pt.Unterschrift; u != nil {
			vp.Unterschrift = &Unterschrift{Datum: u.Datum.Time(), Ort: e(u.Ort), Name: e(u.Name), Amtsbezeichnung: e(u.Amtsbezeichnung)}
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
