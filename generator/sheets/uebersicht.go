// Package sheets writes vereinbar's spreadsheets: data outputs (XLSX and
// CSV) built from validated projects and their exact cost split, not from
// the document model. The first is the ministry's Nachnutzungsübersicht
// (Leitfaden, chapter 4): one row per project a Land takes part in.
//
// Amounts stay integer cents until a cell is written; a cell gets the
// decimal string of the cents, so every value is exact to the cent, and
// sums are SUM formulas over those cells.
package sheets

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

// ErrUnknownLand is returned for a code that is neither a Land nor the Bund.
var ErrUnknownLand = errors.New("unbekanntes Länderkürzel")

// ErrNoProject is returned when no input project has the Land as a party
// (and not every project is wanted).
var ErrNoProject = errors.New("kein Vorhaben mit diesem Land")

// Group is the seed guide's grouping of a Land's services (Leitfaden,
// ressorteigene Nachnutzungsübersicht).
type Group int

// The groups in the order of the sheet.
const (
	// Digital: re-used from another Land and already rolled out
	// (project phase einfuehrung): the service is digital in the Land.
	Digital Group = iota
	// Reused: re-used from another Land, not yet rolled out.
	Reused
	// Own: implemented by the Land itself for others.
	Own
	// Other: a project the Land takes no part in (only with All).
	Other
)

// String is the group's label in the sheet.
func (g Group) String() string {
	return [...]string{"a) bereits digital", "b) Nachnutzung aus anderem Land", "c) eigene Umsetzung für andere", "ohne Beteiligung"}[g]
}

// Project is one input: a validated project and its cost split.
type Project struct {
	Projekt *data.Projekt
	Costs   *costs.Result
}

// Options select the rows of an Übersicht.
type Options struct {
	// Land is the party code whose view the sheet takes ("ST", "BUND").
	Land string
	// All includes projects without the Land (group Other).
	All bool
}

// Row is one project seen from the Land.
type Row struct {
	Group                       Group
	Kurztitel                   string
	OZGIDs, Leistung            string
	OnlineDienst, Themenfeld    string
	Modell                      string
	ReifegradIst, ReifegradZiel int // -1 = not given
	Reifegradmodell             string
	Phase                       string
	PhaseBeginn, PhaseEnde      time.Time // zero = not given
	Umsetzend                   string    // Kurzname of the implementing Land
	Rolle                       string    // "" = not a party
	Vertragsform                string
	Status                      string // Entwurf | final
	Party                       bool   // the Land is a party: share and amounts apply
	ShareE5                     int64
	ByYear                      map[int]int64 // cents per Haushaltsjahr; key 0: without year
	TotalCents                  int64
	Meilenstein                 string
	MeilensteinDatum            time.Time // zero = none
}

// Uebersicht is the Nachnutzungsübersicht of one Land.
type Uebersicht struct {
	Land, LandName string
	// Stand is the newest vorhaben.stand of the projects in the rows; it
	// dates the file (document properties, zip entries).
	Stand time.Time
	// Years are the Haushaltsjahre of all rows, ascending.
	Years []int
	// WithoutYear is set when a row has amounts of one-off items without
	// a year (column „ohne Jahr“).
	WithoutYear bool
	Rows        []Row
}

var modelle = map[string]string{
	"efa":                                    "EfA",
	"zentral_entwickelt_dezentral_betrieben": "zentral entwickelt, dezentral betrieben",
	"fim_eigenentwicklung":                   "FIM-basierte Eigenentwicklung",
}

var phasen = map[string]string{
	"initialisierung": "Initialisierung",
	"pruefung":        "Prüfung Nachnutzung",
	"planung":         "Planung Nachnutzung",
	"umsetzung":       "Umsetzung (Pilotierung)",
	"einfuehrung":     "Einführung (Rollout)",
}

var formen = map[string]string{"ring": "Ring", "stern": "Stern", "fit-store": "FIT-Store"}

// Build makes the Übersicht of o.Land over projects. The rows are sorted
// by group, OZG-ID and Kurztitel, so the order of the inputs does not
// matter.
func Build(projects []Project, o Options) (*Uebersicht, error) {
	party, ok := refdata.PartyByCode(o.Land)
	if !ok {
		return nil, fmt.Errorf("%w „%s“", ErrUnknownLand, o.Land)
	}
	u := &Uebersicht{Land: o.Land, LandName: party.Kurzname}
	years := map[int]bool{}
	for _, p := range projects {
		r, ok := row(p, o.Land)
		if !ok && !o.All {
			continue
		}
		for y, c := range r.ByYear {
			if y == 0 {
				u.WithoutYear = u.WithoutYear || c != 0
				continue
			}
			years[y] = true
		}
		if s := p.Projekt.Vorhaben.Stand.Time(); s.After(u.Stand) {
			u.Stand = s
		}
		u.Rows = append(u.Rows, r)
	}
	if len(u.Rows) == 0 {
		return nil, fmt.Errorf("%w", ErrNoProject)
	}
	for y := range years {
		u.Years = append(u.Years, y)
	}
	slices.Sort(u.Years)
	slices.SortFunc(u.Rows, func(a, b Row) int {
		if a.Group != b.Group {
			return int(a.Group - b.Group)
		}
		if c := strings.Compare(a.OZGIDs, b.OZGIDs); c != 0 {
			return c
		}
		return strings.Compare(a.Kurztitel, b.Kurztitel)
	})
	return u, nil
}

// row is the project seen from land; ok is false when land is no party.
func row(p Project, land string) (Row, bool) {
	pr := p.Projekt
	r := Row{
		Kurztitel:    pr.Vorhaben.Kurztitel,
		OnlineDienst: pr.Leistung.OnlineDienst,
		Themenfeld:   string(pr.Leistung.Themenfeld),
		Modell:       modelle[pr.Leistung.Nachnutzungsmodell],
		Vertragsform: formen[pr.Vertrag.Form],
		Status:       "Entwurf",
		ReifegradIst: -1, ReifegradZiel: -1,
		Group: Other,
	}
	if !pr.Vorhaben.Entwurf() {
		r.Status = "final"
	}
	var ids, names []string
	for _, o := range pr.Leistung.OZG {
		ids = append(ids, string(o.ID))
		names = append(names, o.Bezeichnung)
	}
	r.OZGIDs, r.Leistung = strings.Join(ids, ", "), strings.Join(names, "; ")
	if rg := pr.Leistung.Reifegrad; rg != nil {
		r.ReifegradIst, r.ReifegradZiel, r.Reifegradmodell = rg.Ist, rg.Ziel, rg.Modell
	}
	phase := ""
	if st := pr.Projekt; st != nil {
		phase = st.Phase
		r.Phase = phasen[st.Phase]
		for _, ph := range st.Phasen {
			if ph.Phase == st.Phase {
				r.PhaseBeginn, r.PhaseEnde = ph.Beginn.Time(), ph.Ende.Time()
			}
		}
		for _, m := range st.Meilensteine {
			if !m.Erreicht {
				r.Meilenstein, r.MeilensteinDatum = m.Bezeichnung, m.Datum.Time()
				break
			}
		}
	}
	var self *data.Partei
	for i, pt := range pr.Parteien {
		if pt.Rolle == "umsetzend" {
			if rp, ok := refdata.PartyByCode(string(pt.Land)); ok {
				r.Umsetzend = rp.Kurzname
			}
		}
		if string(pt.Land) == land && self == nil {
			self = &pr.Parteien[i]
		}
	}
	if self == nil {
		return r, false
	}
	r.Party, r.Rolle = true, self.Rolle
	if pr.CallsOff(*self) && pr.Vertrag.Form != "fit-store" {
		r.Vertragsform += " (Abruf FIT-Store)"
	}
	switch {
	case self.Rolle == "umsetzend":
		r.Group = Own
	case phase == "einfuehrung":
		r.Group = Digital
	default:
		r.Group = Reused
	}
	r.ByYear = map[int]int64{}
	for _, pres := range p.Costs.Parties {
		if pres.Code != land {
			continue
		}
		// A Land with a Kommune as a second party pays for both.
		r.ShareE5 += pres.ShareE5
		r.TotalCents += pres.TotalCents
		for y, c := range pres.ByYear {
			r.ByYear[y] += c
		}
	}
	return r, true
}
