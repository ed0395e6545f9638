package view

import (
	"slices"
	"strconv"
	"time"

	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

// Plan is the project plan of a project (Musterprojektplan, Leitfaden
// chapters 3 and 4): the phases dated from the project's phases, the
// tasks the task data (refdata.Projektplan) assigns per phase, dimension
// and role for the project's re-use model, and the rows of its time plan.
// The Projektplan document (kind projektplan) and its spreadsheet
// (sheets.Projektplan) are built from it.
//
// Unlike the rest of the view, its text is plain, not escaped for the
// markup: the spreadsheet needs it as it is, and templates escape it with
// md.
//
// Dating: the five phases of the plan are the five phases of the project
// data (projekt.phasen, the same keys); a phase the data gives no dates
// is "Termin offen" and has no bar. The tasks independent of phases
// (Leitfaden 3.6) run from the first dated day to the last. Milestones
// (projekt.meilensteine) are points of the time plan. When nothing is
// dated, the time plan is empty.
type Plan struct {
	Quelle string // source of the task data
	Datei  string // file of the task data ("eingebaut:projektplan.yaml")
	// Phasen are the five phases in order, then the tasks independent of
	// phases ("laufend").
	Phasen []PlanPhase
	// Zeitplan are the rows of the time plan: the five phases and the
	// milestones by date. Empty when no phase and no milestone has a
	// date.
	Zeitplan []PlanZeile
	// Beginn and Ende span the dated phases; zero when none is dated.
	Beginn, Ende time.Time
	// Rollen are the roles with tasks in this plan, in the order of the
	// task data.
	Rollen []refdata.PlanRolle
}

// PlanPhase is one phase of the plan with its tasks.
type PlanPhase struct {
	Phase  string // "initialisierung", …, "laufend"
	Name   string // "Initialisierung", "Laufende Aufgaben"
	Nummer int    // 1 to 5; 0 for the tasks independent of phases
	// Beginn and Ende are the dates of the phase, zero when not dated.
	Beginn, Ende time.Time
	// Termin is the dates as shown: "05.01.–27.02.2026", "Termin offen".
	Termin              string
	Aktuell, Abgelaufen bool
	// Farbe is the phase's colour in the time plan: done grey, current
	// blue, planned light blue, independent of phases light grey.
	Farbe string
	// Dimensionen are the four dimensions in order, each with its tasks
	// grouped by role.
	Dimensionen []PlanDimension
	// Aufgaben are the phase's tasks in the order of the task data.
	Aufgaben []PlanAufgabe
}

// PlanDimension holds the tasks of one dimension of a phase, by role.
type PlanDimension struct {
	Dimension string // "organisatorisch"
	Name      string // "Organisatorisch"
	Rollen    []PlanRollenAufgaben
}

// PlanRollenAufgaben are the tasks of one role in one dimension of a
// phase.
type PlanRollenAufgaben struct {
	Rolle    string // "OZG-K"
	Aufgaben []string
}

// PlanAufgabe is one task with its role and the section of the seed guide
// it comes from.
type PlanAufgabe struct {
	Rolle, RolleName, Dimension, Aufgabe, Abschnitt string
}

// PlanZeile is one row of the time plan.
type PlanZeile struct {
	Bezeichnung  string
	Beginn, Ende time.Time // zero: not dated; a milestone's Ende is its Beginn
	Meilenstein  bool
	Termin       string // dates as shown
	Farbe        string // fill "RRGGBB"
}

// PlanPhaseNames are the names of the plan's phases.
var planPhaseNames = map[string]string{
	"initialisierung": "Initialisierung",
	"pruefung":        "Prüfung Nachnutzung",
	"planung":         "Planung Nachnutzung",
	"umsetzung":       "Umsetzung (Pilotierung)",
	"einfuehrung":     "Einführung (Rollout)",
	"laufend":         "Laufende Aufgaben",
}

var planDimensionNames = map[string]string{
	"organisatorisch": "Organisatorisch",
	"rechtlich":       "Rechtlich",
	"finanziell":      "Finanziell",
	"technisch":       "Technisch",
}

// Colours of the time plan: phases done grey, the current one blue, the
// planned ones light blue; the tasks independent of phases light grey;
// milestones reached grey, open ones red.
const (
	farbeAbgelaufen  = "A5A5A5"
	farbeAktuell     = "4472C4"
	farbeGeplant     = "9DC3E6"
	farbeLaufend     = "D9D9D9"
	farbeErreicht    = "7F7F7F"
	farbeMeilenstein = "C00000"
)

// Termin is the dates of a span as a German document shows them:
// "05.01.–27.02.2026" within a year, "01.10.2025–30.09.2026" across
// years, "Termin offen" without dates.
func Termin(beginn, ende time.Time) string {
	switch {
	case beginn.IsZero() || ende.IsZero():
		return "Termin offen"
	case beginn.Year() == ende.Year():
		return format.DateShort(beginn)[:6] + "–" + format.DateShort(ende)
	}
	return format.DateShort(beginn) + "–" + format.DateShort(ende)
}

// BuildPlan builds the project plan of a validated project from the task
// data.
func BuildPlan(pr *data.Projekt, tasks *refdata.Projektplan) Plan {
	p := Plan{Quelle: tasks.Quelle, Datei: tasks.Datei}
	ps := pr.Projekt
	if ps == nil {
		ps = &data.Projektstand{}
	}
	current := slices.Index(data.Phasen, ps.Phase)
	applicable := tasks.For(pr.Leistung.Nachnutzungsmodell)
	usedRoles := map[string]bool{}
	for _, key := range refdata.PlanPhasen {
		ph := PlanPhase{Phase: key, Name: planPhaseNames[key]}
		if k := slices.Index(data.Phasen, key); k >= 0 {
			ph.Nummer = k + 1
			ph.Aktuell, ph.Abgelaufen = k == current, current >= 0 && k < current
			for _, d := range ps.Phasen {
				if d.Phase == key {
					ph.Beginn, ph.Ende = d.Beginn.Time(), d.Ende.Time()
				}
			}
			if !ph.Beginn.IsZero() {
				if p.Beginn.IsZero() || ph.Beginn.Before(p.Beginn) {
					p.Beginn = ph.Beginn
				}
				if ph.Ende.After(p.Ende) {
					p.Ende = ph.Ende
				}
			}
		}
		for _, dim := range refdata.PlanDimensionen {
			pd := PlanDimension{Dimension: dim, Name: planDimensionNames[dim]}
			for _, a := range applicable {
				if a.Phase != key || a.Dimension != dim {
					continue
				}
				j := slices.IndexFunc(pd.Rollen, func(r PlanRollenAufgaben) bool { return r.Rolle == a.Rolle })
				if j < 0 {
					pd.Rollen = append(pd.Rollen, PlanRollenAufgaben{Rolle: a.Rolle})
					j = len(pd.Rollen) - 1
				}
				pd.Rollen[j].Aufgaben = append(pd.Rollen[j].Aufgaben, a.Aufgabe)
			}
			ph.Dimensionen = append(ph.Dimensionen, pd)
		}
		for _, a := range applicable {
			if a.Phase == key {
				r, _ := tasks.Rolle(a.Rolle)
				ph.Aufgaben = append(ph.Aufgaben, PlanAufgabe{Rolle: a.Rolle, RolleName: r.Name, Dimension: a.Dimension, Aufgabe: a.Aufgabe, Abschnitt: a.Abschnitt})
				usedRoles[a.Rolle] = true
			}
		}
		p.Phasen = append(p.Phasen, ph)
	}
	// the tasks independent of phases run the whole project
	laufend := &p.Phasen[len(p.Phasen)-1]
	laufend.Beginn, laufend.Ende = p.Beginn, p.Ende
	for i := range p.Phasen {
		ph := &p.Phasen[i]
		ph.Termin = Termin(ph.Beginn, ph.Ende)
		switch {
		case ph.Phase == "laufend":
			ph.Farbe = farbeLaufend
		case ph.Aktuell:
			ph.Farbe = farbeAktuell
		case ph.Abgelaufen:
			ph.Farbe = farbeAbgelaufen
		default:
			ph.Farbe = farbeGeplant
		}
		if ph.Phase == "laufend" {
			ph.Termin = "ganze Projektdauer"
			if !ph.Beginn.IsZero() {
				ph.Termin = Termin(ph.Beginn, ph.Ende)
			}
		}
	}
	for _, r := range tasks.Rollen {
		if usedRoles[r.Kuerzel] {
			p.Rollen = append(p.Rollen, r)
		}
	}
	p.Zeitplan = planRows(p, ps)
	return p
}

// planRows are the rows of the time plan, none when nothing is dated.
func planRows(p Plan, ps *data.Projektstand) []PlanZeile {
	var rows []PlanZeile
	dated := false
	for _, ph := range p.Phasen {
		if ph.Phase == "laufend" {
			continue // the span of the phases; a row of its own adds nothing
		}
		dated = dated || !ph.Beginn.IsZero()
		rows = append(rows, PlanZeile{Bezeichnung: strconv.Itoa(ph.Nummer) + " " + ph.Name, Beginn: ph.Beginn, Ende: ph.Ende, Termin: ph.Termin, Farbe: ph.Farbe})
	}
	ms := slices.Clone(ps.Meilensteine)
	slices.SortStableFunc(ms, func(a, b data.Meilenstein) int { return a.Datum.Time().Compare(b.Datum.Time()) })
	for _, m := range ms {
		dated = true
		z := PlanZeile{Bezeichnung: m.Bezeichnung, Beginn: m.Datum.Time(), Ende: m.Datum.Time(), Meilenstein: true, Termin: format.DateShort(m.Datum.Time()), Farbe: farbeMeilenstein}
		if m.Erreicht {
			z.Termin += " (erreicht)"
			z.Farbe = farbeErreicht
		}
		rows = append(rows, z)
	}
	if !dated {
		return nil
	}
	return rows
}
