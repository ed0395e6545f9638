package kind

import (
	"fmt"
	"strings"
	"time"

	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/view"
)

// Beitrittserklaerung is the declaration by which a Land accedes to a
// running ring agreement in its current version (parteien[].beitritt_ab):
// the effective date, its pro-rata share in the first Haushaltsjahr and
// its full amounts after, its Höchstbetrag, and the recalculated shares
// and amounts of every party from that date. One per joining Land
// ("beitrittserklaerung-BB"), signed by that Land.
func Beitrittserklaerung() Kind {
	const tmpl = "beitrittserklaerung/beitrittserklaerung.md.tmpl"
	file := FileName{Stem: "beitrittserklaerung", PerParty: true}
	return Kind{
		Name:      "beitrittserklaerung",
		Title:     "Beitrittserklärung",
		Akkusativ: "eine Beitrittserklärung",
		Templates: []string{tmpl},
		Files:     []FileName{file},
		Docs:      wechselDocs(tmpl, file, data.Partei.Beitretend),
		View:      wechselView,
		Check:     fixed(check.KindBeitritt),
	}
}

// wechselDocs gives one document per party that joins (or leaves) a ring
// agreement, in the order of the documents.
func wechselDocs(tmpl string, file FileName, is func(data.Partei) bool) func(pr *data.Projekt) []Doc {
	return func(pr *data.Projekt) []Doc {
		if pr.Vertrag.Form != "ring" {
			return nil
		}
		var out []Doc
		for _, i := range view.Order(pr) {
			if pt := pr.Parteien[i]; is(pt) {
				out = append(out, Doc{Template: tmpl, File: file.For(string(pt.Land)), Party: string(pt.Land)})
			}
		}
		return out
	}
}

// Wechsel is what the documents of accession and notice see: the
// agreement's parties (as concluded), the joining or leaving party, the
// day from which the shares are recalculated, and per party its share
// before and after and its amounts per Haushaltsjahr from then on.
type Wechsel struct {
	Parties
	// Land is the party that joins or leaves.
	Land view.NeuePartei
	// Beitritt reports an accession (else a notice).
	Beitritt bool
	// Ab is the first day of the recalculated shares: the first of the
	// month of accession, the day after the exit.
	Ab time.Time
	// Jahre are the columns of the amounts from the year of Ab on
	// (Spalten: their indices in Neuberechnung.Jahre).
	Jahre   []view.Jahr
	Spalten []int
	// Zeilen are the parties of the period before or from Ab, in the
	// order of the documents.
	Zeilen []WechselZeile
	// AnteilNeu is the share of Land from Ab (accession).
	AnteilNeu int64
	// ErstesJahr is the year of accession; ErstesJahrMonate the months
	// Land takes part in it, Von and Bis their names; ErstesJahrCent
	// what Land pays for it (0 for a notice).
	ErstesJahr, ErstesJahrMonate int
	Von, Bis                     string
	ErstesJahrCent               int64
	// LetztesJahrCent is what a leaving party pays for its last year.
	LetztesJahrCent int64
	// Weitere are the other parties joining or leaving, whose changes the
	// recalculated amounts take into account too.
	Weitere []view.NeuePartei
	// Empfaenger are the addressees of a letter: every party of the
	// agreement but the sender and Land.
	Empfaenger []view.Partei
	// Summen are the column sums of the amounts (aligned with Jahre).
	Summen []int64
	// Breiten are the column widths of the table of amounts.
	Breiten string
}

// WechselZeile is one party's row: share before and from Ab (-1: none),
// amounts from Ab's year (aligned with Wechsel.Jahre), Höchstbeträge and
// what they moved.
type WechselZeile struct {
	view.NeuePartei
	Bisher, Neu                int64
	Betraege, Hoechst, Kappung []int64
	// Zahlt reports whether the party pays anything in those years (the
	// table of amounts leaves out a party that has left).
	Zahlt bool
}

var monatsnamen = [...]string{"", "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}

// wechselView builds the view of an accession or notice document.
func wechselView(v view.View, d Doc) (any, error) {
	n := v.Neuberechnung
	if n == nil {
		return nil, fmt.Errorf("%s: kein Beitritt und kein Ausscheiden in den Daten", d.File)
	}
	w := Wechsel{Parties: Parties{View: v, Vertragsparteien: v.Parteien}}
	found := false
	for _, p := range n.Parteien {
		if p.Code == d.Party {
			w.Land, found = p, true
		} else if !p.BeitrittAb.IsZero() || !p.AustrittZum.IsZero() {
			w.Weitere = append(w.Weitere, p)
		}
	}
	if !found {
		return nil, fmt.Errorf("%s ist keine Vertragspartei", d.Party)
	}
	w.Beitritt = !w.Land.BeitrittAb.IsZero()
	if w.Beitritt {
		b := w.Land.BeitrittAb
		w.Ab = time.Date(b.Year(), b.Month(), 1, 0, 0, 0, 0, time.UTC)
	} else {
		w.Ab = w.Land.AustrittZum.AddDate(0, 0, 1)
	}
	var before, after *view.Periode
	for k := range n.Perioden {
		per := &n.Perioden[k]
		if per.Von.Equal(w.Ab) {
			after = per
			if k > 0 {
				before = &n.Perioden[k-1]
			}
		}
	}
	if after == nil {
		return nil, fmt.Errorf("%s: kein Zeitraum ab dem %s", d.File, w.Ab.Format(time.DateOnly))
	}
	w.AnteilNeu, _ = after.Anteil(d.Party)
	for k, j := range n.Jahre {
		if j.Jahr >= w.Ab.Year() {
			w.Jahre = append(w.Jahre, j)
			w.Spalten = append(w.Spalten, k)
		}
		if w.Beitritt && j.Jahr == w.Ab.Year() {
			w.ErstesJahrCent = w.Land.ProJahr[k]
		}
		if !w.Beitritt && j.Jahr == w.Land.AustrittZum.Year() {
			w.LetztesJahrCent = w.Land.ProJahr[k]
		}
	}
	w.ErstesJahr = w.Ab.Year()
	if w.Beitritt {
		w.ErstesJahrMonate = 13 - int(w.Ab.Month())
		w.Von, w.Bis = monatsnamen[w.Ab.Month()], monatsnamen[12]
	}
	for _, p := range n.Parteien {
		z := WechselZeile{NeuePartei: p, Bisher: -1, Neu: -1}
		if before != nil {
			if s, ok := before.Anteil(p.Code); ok {
				z.Bisher = s
			}
		}
		if s, ok := after.Anteil(p.Code); ok {
			z.Neu = s
		}
		if z.Bisher < 0 && z.Neu < 0 {
			continue
		}
		for _, k := range w.Spalten {
			z.Betraege = append(z.Betraege, p.ProJahr[k])
			z.Hoechst = append(z.Hoechst, p.Hoechst[k])
			z.Kappung = append(z.Kappung, p.Kappung[k])
			z.Zahlt = z.Zahlt || p.ProJahr[k] != 0
		}
		w.Zeilen = append(w.Zeilen, z)
	}
	w.Summen = make([]int64, len(w.Jahre))
	for _, p := range n.Parteien {
		for c, k := range w.Spalten {
			w.Summen[c] += p.ProJahr[k]
		}
	}
	sender := v.Umsetzend.Code
	if !w.Beitritt {
		sender = d.Party
	}
	for _, p := range v.Parteien {
		if p.Code != sender && p.Code != d.Party {
			w.Empfaenger = append(w.Empfaenger, p)
		}
	}
	cols := []string{"30"}
	per := max(1, 70/max(len(w.Jahre), 1))
	for range w.Jahre {
		cols = append(cols, fmt.Sprint(per))
	}
	w.Breiten = strings.Join(cols, ",")
	return w, nil
}
