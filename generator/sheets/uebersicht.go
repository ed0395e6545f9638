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
	"strconv"
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
	Rolle                       string    // "" = not a party; with a join or leave its date
	Vertragsform                string
	// Status is the state of signing as `vereinbar status` sees it:
	// „in Kraft seit 01.01.2027“, „Umlauf: 3 von 6 unterzeichnet“,
	// „Entwurf“; for a joining Land „Beitritt ab 01.07.2028“.
	Status string
	Party  bool // the Land is a party: share and amounts apply
	// ShareE5 is the Land's share in force at the reference date (Stand
	// of the Übersicht); before its join the share from its join, after
	// its leave the share until then.
	ShareE5          int64
	ByYear           map[int]int64 // cents per Haushaltsjahr; key 0: without year
	TotalCents       int64
	Meilenstein      string
	MeilensteinDatum time.Time // zero = none
}

// Uebersicht is the Nachnutzungsübersicht of one Land.
type Uebersicht struct {
	Land, LandName string
	// Stand is the newest vorhaben.stand of the projects in the rows; it
	// dates the file (document properties, zip entries) and is the
	// reference date of every row: the share in force, the group (a Land
	// that joins later is not yet digital), the state of signing and the
	// next milestone (a join or leave after it counts).
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
		if (o.All || takesPart(p.Projekt, o.Land)) && p.Projekt.Vorhaben.Stand.Time().After(u.Stand) {
			u.Stand = p.Projekt.Vorhaben.Stand.Time()
		}
	}
	for _, p := range projects {
		r, ok := row(p, o.Land, u.Stand)
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

// takesPart reports whether land is a party of pr.
func takesPart(pr *data.Projekt, land string) bool {
	return slices.ContainsFunc(pr.Parteien, func(pt data.Partei) bool { return string(pt.Land) == land })
}

// row is the project seen from land at the reference date ref; ok is
// false when land is no party.
func row(p Project, land string, ref time.Time) (Row, bool) {
	pr := p.Projekt
	r := Row{
		Kurztitel:    pr.Vorhaben.Kurztitel,
		OnlineDienst: pr.Leistung.OnlineDienst,
		Themenfeld:   string(pr.Leistung.Themenfeld),
		Modell:       modelle[pr.Leistung.Nachnutzungsmodell],
		Vertragsform: formen[pr.Vertrag.Form],
		ReifegradIst: -1, ReifegradZiel: -1,
		Group: Other,
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
	// a join or leave after the reference date is a milestone too, when
	// it comes before the project's next one
	for _, pt := range pr.Parteien {
		name := string(pt.Land)
		if rp, ok := refdata.PartyByCode(name); ok {
			name = rp.Kurzname
		}
		var what string
		var when time.Time
		switch {
		case pt.Beitretend():
			what, when = "Beitritt "+name, pt.BeitrittAb.Time()
		case pt.Ausscheidend():
			what, when = "Ausscheiden "+name, pt.AustrittZum.Time()
		default:
			continue
		}
		if when.After(ref) && (r.Meilenstein == "" || when.Before(r.MeilensteinDatum)) {
			r.Meilenstein, r.MeilensteinDatum = what, when
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
	r.Status = signing(pr, self, land, ref)
	if self == nil {
		return r, false
	}
	r.Party, r.Rolle = true, self.Rolle
	joinsLater := self.Beitretend() && self.BeitrittAb.Time().After(ref)
	left := self.Ausscheidend() && !self.AustrittZum.Time().After(ref)
	switch {
	case self.Beitretend():
		r.Rolle += ", Beitritt ab " + self.BeitrittAb.Time().Format("02.01.2006")
	case left:
		r.Rolle += ", ausgeschieden zum " + self.AustrittZum.Time().Format("02.01.2006")
	case self.Ausscheidend():
		r.Rolle += ", Ausscheiden zum " + self.AustrittZum.Time().Format("02.01.2006")
	}
	if pr.CallsOff(*self) && pr.Vertrag.Form != "fit-store" {
		r.Vertragsform += " (Abruf FIT-Store)"
	}
	switch {
	case self.Rolle == "umsetzend":
		r.Group = Own
	case left:
		r.Group = Other // no longer takes part
	case phase == "einfuehrung" && !joinsLater:
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
		if pres.Bears {
			m := refMonth(ref, 0)
			switch {
			case !pres.From.IsZero() && (pres.From.Year*12+pres.From.Month) > m.Year()*12+int(m.Month()):
				m = time.Date(pres.From.Year, time.Month(pres.From.Month), 1, 0, 0, 0, 0, time.UTC)
			case !pres.To.IsZero() && (pres.To.Year*12+pres.To.Month) < m.Year()*12+int(m.Month()):
				m = time.Date(pres.To.Year, time.Month(pres.To.Month), 1, 0, 0, 0, 0, time.UTC)
			}
			r.ShareE5 += ShareAt(p.Costs, pres.Code, pres.ShareE5, m.Year(), int(m.Month()))
		}
		r.TotalCents += pres.TotalCents
		for y, c := range pres.ByYear {
			r.ByYear[y] += c
		}
	}
	return r, true
}

// signing is the state of signing of the agreement land is bound by, as
// `vereinbar status` reads it (data.Umlauf): in force, in circulation or
// a draft. A joining Land signs a Beitrittserklärung, not the agreement;
// a FIT-Store call-off has no circulation (the draft state of the
// project). In star form the implementing Land (and a Land without a
// part, with All) sees every agreement.
func signing(pr *data.Projekt, self *data.Partei, land string, ref time.Time) string {
	if self != nil && self.Beitretend() {
		s := "Beitritt ab " + self.BeitrittAb.Time().Format("02.01.2006")
		if self.Unterschrift != nil {
			s += " (Beitrittserklärung unterzeichnet am " + self.Unterschrift.Datum.Time().Format("02.01.2006") + ")"
		}
		return s
	}
	draft := "Entwurf"
	if !pr.Vorhaben.Entwurf() {
		draft = "final, nicht unterzeichnet"
	}
	if pr.Vertrag.Form == "fit-store" || (self != nil && pr.CallsOff(*self)) {
		return strings.TrimSuffix(draft, ", nicht unterzeichnet")
	}
	var partners []string
	switch {
	case pr.Vertrag.Form != "stern":
		partners = []string{""}
	case self != nil && self.Rolle != "umsetzend":
		partners = []string{land}
	default:
		for _, pt := range pr.Parteien {
			if pt.Rolle == "nachnutzend" && !pr.CallsOff(pt) && !slices.Contains(partners, string(pt.Land)) {
				partners = append(partners, string(pt.Land))
			}
		}
	}
	inForce, signed, total := 0, 0, 0
	var since time.Time
	for _, partner := range partners {
		u := pr.Umlauf(partner)
		signed += len(u.Signed)
		total += len(u.Parteien)
		if !u.InKraft.IsZero() {
			inForce++
			if t := u.InKraft.Time(); t.After(since) {
				since = t
			}
		}
	}
	switch {
	case len(partners) == 0 || total == 0:
		return draft
	case inForce == len(partners):
		word := "in Kraft seit "
		if since.After(ref) {
			word = "in Kraft ab "
		}
		if len(partners) > 1 {
			return word + since.Format("02.01.2006") + " (alle " + strconv.Itoa(len(partners)) + " Vereinbarungen)"
		}
		return word + since.Format("02.01.2006")
	case inForce > 0:
		return "in Kraft: " + strconv.Itoa(inForce) + " von " + strconv.Itoa(len(partners)) + " Vereinbarungen"
	case signed > 0:
		return "Umlauf: " + strconv.Itoa(signed) + " von " + strconv.Itoa(total) + " unterzeichnet"
	}
	return draft
}
