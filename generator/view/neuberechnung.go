package view

import (
	"time"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

// Neuberechnung is the recalculation of the shares when parties join or
// leave a ring agreement (costs.Result with Plan): the periods of
// constant composition with their shares, and per party what it pays per
// Haushaltsjahr after the recalculation, its Höchstbetrag and what the
// Höchstbeträge moved. The documents of accession and notice read it;
// the agreement's own tables stay those of the agreement as concluded.
type Neuberechnung struct {
	// Parteien are all parties, the joining ones included, in the order
	// of the documents, with their amounts after the recalculation
	// (Partei.ProJahr aligned with Jahre, GesamtCent) and their share in
	// the first period they take part in (Partei.AnteilE5).
	Parteien []NeuePartei
	// Jahre are the columns of the tables (the same as Kosten.Jahre of
	// the agreement).
	Jahre []Jahr
	// Perioden are the stretches of the term with one composition.
	Perioden []Periode
	// Zuschlag is the surcharge that gives the Höchstbeträge.
	Zuschlag int
	// Kappung reports whether a Höchstbetrag limited any amount.
	Kappung bool
	// VereinbarungVom is the day the agreement was concluded, its last
	// signature; zero while a signature is missing.
	VereinbarungVom time.Time
}

// NeuePartei is a party in the recalculation.
type NeuePartei struct {
	Partei
	// BeitrittAb, AustrittZum, Kuendigung: the day of accession, of
	// exit and of the notice (zero when none).
	BeitrittAb, AustrittZum, Kuendigung time.Time
	// Hoechst is the Höchstbetrag per column of Jahre (0: none) and
	// Kappung what the Höchstbeträge moved to (+) or from (−) the party.
	Hoechst, Kappung []int64
	// Bisher is the party's amount per column in the agreement as
	// concluded (0 for a joining Land); BisherAnteilE5 its share there.
	Bisher         []int64
	BisherAnteilE5 int64
}

// Periode is one stretch of the term with its shares.
type Periode struct {
	// Von is the first day; Bis the last (zero: open end).
	Von, Bis time.Time
	// Anteile are the shares of the bearing parties taking part, in the
	// order of the documents.
	Anteile []PeriodenAnteil
}

// PeriodenAnteil is one party's share in a period.
type PeriodenAnteil struct {
	Code, Kurzname string
	AnteilE5       int64
}

// Anteil returns the share of the party with the code in the period, and
// whether it takes part.
func (p Periode) Anteil(code string) (int64, bool) {
	for _, a := range p.Anteile {
		if a.Code == code {
			return a.AnteilE5, true
		}
	}
	return 0, false
}

// buildNeuberechnung prepares the recalculation of r for the documents;
// agreement is the view of the agreement as concluded.
func buildNeuberechnung(pr *data.Projekt, r *costs.Result, agreement View, ks *refdata.KSRegistry) *Neuberechnung {
	full := build(pr, r, ks)
	n := &Neuberechnung{Jahre: full.Kosten.Jahre, Zuschlag: agreement.Haushalt.Zuschlag}
	if u := pr.Umlauf(""); u.Complete() {
		// an agreement is dated by its last signature (its conclusion)
		for _, i := range u.Signed {
			if d := pr.Parteien[i].Unterschrift.Datum.Time(); d.After(n.VereinbarungVom) {
				n.VereinbarungVom = d
			}
		}
	}
	results := map[string]costs.PartyResult{}
	for _, p := range r.Parties {
		results[p.Code] = p
	}
	before := map[string]Partei{}
	for _, p := range agreement.Parteien {
		before[p.Code] = p
	}
	byCode := map[string]data.Partei{}
	for _, pt := range pr.Parteien {
		byCode[string(pt.Land)] = pt
	}
	for _, p := range full.Parteien {
		np := NeuePartei{Partei: p}
		pt := byCode[p.Code]
		if pt.Beitretend() {
			np.BeitrittAb = pt.BeitrittAb.Time()
		}
		if pt.Ausscheidend() {
			np.AustrittZum = pt.AustrittZum.Time()
			np.Kuendigung = pr.Kuendigungstag(pt).Time()
		}
		res := results[p.Code]
		old, inAgreement := before[p.Code]
		np.BisherAnteilE5 = old.AnteilE5
		for k, j := range n.Jahre {
			np.Hoechst = append(np.Hoechst, res.CapByYear[j.Jahr])
			np.Kappung = append(np.Kappung, res.CapAdjustByYear[j.Jahr])
			if res.CapAdjustByYear[j.Jahr] != 0 {
				n.Kappung = true
			}
			var b int64
			if inAgreement && k < len(old.ProJahr) {
				b = old.ProJahr[k]
			}
			np.Bisher = append(np.Bisher, b)
		}
		n.Parteien = append(n.Parteien, np)
	}
	for _, per := range r.Periods {
		vp := Periode{}
		if !per.From.IsZero() {
			vp.Von = time.Date(per.From.Year, time.Month(per.From.Month), 1, 0, 0, 0, 0, time.UTC)
		}
		if !per.To.IsZero() {
			vp.Bis = time.Date(per.To.Year, time.Month(per.To.Month)+1, 0, 0, 0, 0, 0, time.UTC)
		}
		shares := map[string]int64{}
		for _, s := range per.Shares {
			shares[s.Code] = s.ShareE5
		}
		for _, p := range full.Parteien {
			if s, ok := shares[p.Code]; ok {
				vp.Anteile = append(vp.Anteile, PeriodenAnteil{Code: p.Code, Kurzname: p.Kurzname, AnteilE5: s})
			}
		}
		n.Perioden = append(n.Perioden, vp)
	}
	return n
}
