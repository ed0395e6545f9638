package view

import (
	"slices"
	"time"

	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/tmpl"
)

// Projekt is the project state for the Projektbeschreibung and the
// Projektsteckbrief.
type Projekt struct {
	Phase           string // current phase, e.g. "umsetzung" ("" if unknown)
	PhaseName       string // "Umsetzung (Pilotierung)"
	Ausgangslage    string
	Ziel            string
	Zielgruppen     []string
	Fallzahlen      string
	Phasen          []Phase // always the five phases in order
	Meilensteine    []Meilenstein
	Risiken         []Risiko
	Dimensionen     []Dimension // roles grouped by dimension, fixed order
	Fachverfahren   string
	Schnittstellen  []string
	Basisdienste    []string
	Datenschutz     string
	Abhaengigkeiten []string
	Begruendung     string // why no re-use (FIM-based own development)
}

// Phase is one of the five phases.
type Phase struct {
	Phase, Name         string
	Beginn, Ende        time.Time // zero when not planned
	Aktuell, Abgelaufen bool      // current phase; phase before the current one
}

// Meilenstein is a milestone.
type Meilenstein struct {
	Bezeichnung string
	Datum       time.Time
	Erreicht    bool
}

// Risiko is a risk with its traffic light.
type Risiko struct {
	Bezeichnung, Bewertung, Massnahme string
	Ampel                             string // "rot", "gelb", "grün"
	Farbe                             string // cell shade "RRGGBB"
}

// Dimension holds the roles of one dimension.
type Dimension struct {
	Dimension, Name string
	Rollen          []Rolle
}

// Rolle is a role with its tasks.
type Rolle struct{ Rolle, Land, Aufgaben string }

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

// buildProjekt prepares the project state for the Projektbeschreibung
// and the Projektsteckbrief.
func buildProjekt(pr *data.Projekt) Projekt {
	e := tmpl.Escape
	vp := Projekt{Begruendung: e(pr.Leistung.Begruendung)}
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
		ph := Phase{Phase: name, Name: phaseNames[name], Aktuell: i == current, Abgelaufen: current >= 0 && i < current}
		for _, d := range ps.Phasen {
			if d.Phase == name {
				ph.Beginn, ph.Ende = d.Beginn.Time(), d.Ende.Time()
			}
		}
		vp.Phasen = append(vp.Phasen, ph)
	}
	for _, m := range ps.Meilensteine {
		vp.Meilensteine = append(vp.Meilensteine, Meilenstein{Bezeichnung: e(m.Bezeichnung), Datum: m.Datum.Time(), Erreicht: m.Erreicht})
	}
	for _, r := range ps.Risiken {
		a := ampeln[r.Bewertung]
		vp.Risiken = append(vp.Risiken, Risiko{Bezeichnung: e(r.Bezeichnung), Bewertung: r.Bewertung, Massnahme: e(r.Massnahme), Ampel: a.ampel, Farbe: a.farbe})
	}
	// highest risks first, file order within a rating
	order := map[string]int{"hoch": 0, "mittel": 1, "niedrig": 2}
	slices.SortStableFunc(vp.Risiken, func(a, b Risiko) int { return order[a.Bewertung] - order[b.Bewertung] })
	for _, d := range dimensionNames {
		vd := Dimension{Dimension: d.key, Name: d.name}
		for _, r := range ps.Rollen {
			if r.Dimension == d.key {
				land := ""
				if ref, ok := refdata.PartyByCode(string(r.Land)); ok {
					land = e(ref.Kurzname)
				}
				vd.Rollen = append(vd.Rollen, Rolle{Rolle: e(r.Rolle), Land: land, Aufgaben: e(r.Aufgaben)})
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
