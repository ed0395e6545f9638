package view

import (
	"slices"
	"time"

	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/vereinbar/vereinbar/generator/tmpl"
)

// Klauseln is what the standard clauses of the agreement read from the
// project beyond parties and costs: tax, signature, extension, exit,
// service levels, data protection and information security. Defaults are
// applied here, so a template tests values, not their absence; the
// wording of every variant stays in the templates.
type Klauseln struct {
	// Umsatzsteuer is "nicht_steuerbar" (default), "steuerbar" or "offen".
	Umsatzsteuer   string
	Unterzeichnung Unterzeichnung
	// Verlaengerung of a fixed-term agreement; Art is "" when the
	// agreement has no end.
	Verlaengerung Verlaengerung
	// WeiterbetriebMonate is how long the implementing Land keeps the
	// service running after the end (default 12).
	WeiterbetriebMonate    int
	Betrieb                Betrieb
	Datenschutz            Datenschutz
	Informationssicherheit Informationssicherheit
}

// Unterzeichnung is how the agreement is signed and enters into force.
type Unterzeichnung struct {
	Elektronisch bool
	// Inkrafttreten is the stated day of entry into force; zero: with the
	// last signature.
	Inkrafttreten time.Time
}

// Verlaengerung is the extension of a fixed-term agreement.
type Verlaengerung struct {
	Art   string // "erklaerung", "automatisch", "keine"; "" without an end
	Jahre int
}

// Betrieb are the service levels of the annex Leistungsbeschreibung.
type Betrieb struct {
	Betreiber          *Dienstleister // nil: the implementing Land runs the service itself
	Verfuegbarkeit     string         // "99,5" (percent, German notation); "" if not agreed
	Messzeitraum       string         // "kalendermonat" (default), "quartal", "kalenderjahr"
	Servicezeiten      string
	Wartungsfenster    string
	Reaktionszeiten    []Reaktionszeit // most urgent first
	Unterauftragnehmer []Dienstleister
}

// Dienstleister is an IT service provider taking part in the operation.
type Dienstleister struct {
	Name, Anschrift, Leistung string
	// Landesbetrieb: part of the implementing Land itself (no processor
	// of its own).
	Landesbetrieb bool
}

// Reaktionszeit is the response time of one incident priority.
type Reaktionszeit struct {
	Stufe             string // kritisch, hoch, mittel, niedrig
	Reaktion          string // "2 Stunden"
	Wiederherstellung string // "" if not agreed
}

// Datenschutz is the data protection role and its annex data.
type Datenschutz struct {
	Rolle                   string // "auftragsverarbeitung" (default) or "gemeinsame_verantwortung"
	Festgelegt              bool   // the project file states the role (datenschutz.rolle)
	Auftragsverarbeitung    bool
	GemeinsameVerantwortung bool
	Datenarten, Betroffene  []string
	Anlaufstelle            string
	MeldefristStunden       int // default 24
	// Unterauftragsverarbeiter are the operator and the further
	// providers, in this order.
	Unterauftragsverarbeiter []Dienstleister
}

// Informationssicherheit is the security baseline.
type Informationssicherheit struct {
	Standard           string // it_grundschutz (default), iso27001_grundschutz, iso27001
	Sicherheitskonzept string
	Nachweis           string
}

// buildKlauseln prepares the data of the standard clauses, with the
// defaults of package data.
func buildKlauseln(pr *data.Projekt) Klauseln {
	e := tmpl.Escape
	c := &pr.Vertrag
	k := Klauseln{Umsatzsteuer: c.UmsatzsteuerWert(), WeiterbetriebMonate: c.WeiterbetriebWert()}
	k.Unterzeichnung.Elektronisch = c.UnterzeichnungsformWert() == "elektronisch"
	if u := c.Unterzeichnung; u != nil && u.Inkrafttreten != nil {
		k.Unterzeichnung.Inkrafttreten = u.Inkrafttreten.Time()
	}
	k.Verlaengerung.Art, k.Verlaengerung.Jahre = c.VerlaengerungWert()
	k.Betrieb = buildBetrieb(pr.Leistung.Betrieb)

	d := Datenschutz{Rolle: pr.DatenschutzRolle(), MeldefristStunden: pr.MeldefristStundenWert()}
	if ds := pr.Datenschutz; ds != nil {
		for _, s := range ds.Datenarten {
			d.Datenarten = append(d.Datenarten, e(s))
		}
		for _, s := range ds.Betroffene {
			d.Betroffene = append(d.Betroffene, e(s))
		}
		d.Anlaufstelle = e(ds.Anlaufstelle)
		d.Festgelegt = ds.Rolle != ""
	}
	d.Auftragsverarbeitung = d.Rolle == "auftragsverarbeitung"
	d.GemeinsameVerantwortung = d.Rolle == "gemeinsame_verantwortung"
	for _, u := range pr.Leistung.Betrieb.Unterauftragsverarbeiter() {
		d.Unterauftragsverarbeiter = append(d.Unterauftragsverarbeiter, Dienstleister{Name: e(u.Name), Anschrift: e(u.Anschrift), Leistung: e(u.Leistung)})
	}
	k.Datenschutz = d

	k.Informationssicherheit.Standard = pr.SicherheitsstandardWert()
	if is := pr.Informationssicherheit; is != nil {
		k.Informationssicherheit.Sicherheitskonzept = e(is.Sicherheitskonzept)
		k.Informationssicherheit.Nachweis = e(is.Nachweis)
	}
	return k
}

// buildBetrieb prepares the service levels; a value left out stays empty,
// and the annex states its fallback.
func buildBetrieb(b *data.Betrieb) Betrieb {
	e := tmpl.Escape
	out := Betrieb{Messzeitraum: data.DefaultMesszeitraum}
	if b == nil {
		return out
	}
	if b.Betreiber != nil {
		out.Betreiber = &Dienstleister{Name: e(b.Betreiber.Name), Anschrift: e(b.Betreiber.Anschrift), Leistung: data.BetreiberLeistung, Landesbetrieb: b.Betreiber.Landesbetrieb}
	}
	if b.Verfuegbarkeit != nil && b.Verfuegbarkeit.Hundertstel > 0 {
		out.Verfuegbarkeit = format.Weight(b.Verfuegbarkeit.Hundertstel)
	}
	if b.Messzeitraum != "" {
		out.Messzeitraum = b.Messzeitraum
	}
	out.Servicezeiten, out.Wartungsfenster = e(b.Servicezeiten), e(b.Wartungsfenster)
	for _, stufe := range data.Stoerungsstufen {
		i := slices.IndexFunc(b.Reaktionszeiten, func(r data.Reaktionszeit) bool { return r.Stufe == stufe })
		if i < 0 {
			continue
		}
		r := b.Reaktionszeiten[i]
		rz := Reaktionszeit{Stufe: stufe, Reaktion: format.Dauer(r.ReaktionMinuten)}
		if r.WiederherstellungMinuten > 0 {
			rz.Wiederherstellung = format.Dauer(r.WiederherstellungMinuten)
		}
		out.Reaktionszeiten = append(out.Reaktionszeiten, rz)
	}
	for _, u := range b.Unterauftragnehmer {
		out.Unterauftragnehmer = append(out.Unterauftragnehmer, Dienstleister{Name: e(u.Name), Anschrift: e(u.Anschrift), Leistung: e(u.Leistung)})
	}
	return out
}
