package data

import (
	"cmp"
	"slices"

	"github.com/vereinbar/vereinbar/generator/refdata"
)

// Order returns the indices of the parties in the order every document
// and table names them (vertrag.reihenfolge, by default the official
// order: the Bund first, then the Länder from Baden-Württemberg to
// Thüringen; with umsetzendes_land_zuerst the implementing party first).
func (p *Projekt) Order() []int {
	idx := make([]int, len(p.Parteien))
	for i := range idx {
		idx[i] = i
	}
	first := p.Vertrag.Reihenfolge == "umsetzendes_land_zuerst"
	rank := func(i int) int {
		pt := p.Parteien[i]
		if first && pt.Rolle == "umsetzend" {
			return -1
		}
		return refdata.OfficialRank(string(pt.Land))
	}
	// stable: parties of one Land (which validation forbids) keep their
	// file order
	slices.SortStableFunc(idx, func(a, b int) int { return cmp.Compare(rank(a), rank(b)) })
	return idx
}

// Umlauf is the state of the signing round (Umlaufverfahren) of one
// agreement, as the clause „Ausfertigungen und Inkrafttreten“ describes
// it: the implementing Land signs first, then the others in the order the
// head of the agreement names them; the last sends it back to the
// implementing Land.
type Umlauf struct {
	// Parteien are the indices of the agreement's parties in the order
	// they sign.
	Parteien []int
	// Signed and Missing split Parteien by whether the party's signature
	// is recorded (parteien[].unterschrift), each in signing order.
	Signed, Missing []int
	// Next is the party the agreement goes to next: the first in signing
	// order that has not signed; -1 when all have.
	Next int
	// InKraft is the day the agreement enters into force once all have
	// signed: the day of the last signature or the stated day
	// (vertrag.unterzeichnung.inkrafttreten), whichever is later; without
	// a stated day the last signature, at the earliest the beginning.
	// Zero while a signature is missing.
	InKraft Datum
}

// Umlauf returns the signing round of the agreement with partner (the
// re-using Land of a star agreement) or of the ring agreement (partner
// ""). In star form the implementing Land's one recorded signature stands
// for each of its agreements.
func (p *Projekt) Umlauf(partner string) Umlauf {
	u := Umlauf{Next: -1}
	var rest []int
	for _, i := range p.Order() {
		pt := p.Parteien[i]
		switch {
		case pt.Beitretend():
			// a joining Land signs its Beitrittserklärung, not the agreement
		case pt.Rolle == "umsetzend":
			u.Parteien = append(u.Parteien, i)
		case partner == "" || string(pt.Land) == partner:
			rest = append(rest, i)
		}
	}
	u.Parteien = append(u.Parteien, rest...)
	var last Datum
	for _, i := range u.Parteien {
		s := p.Parteien[i].Unterschrift
		if s == nil {
			u.Missing = append(u.Missing, i)
			if u.Next < 0 {
				u.Next = i
			}
			continue
		}
		u.Signed = append(u.Signed, i)
		if s.Datum.Time().After(last.Time()) {
			last = s.Datum
		}
	}
	if len(u.Missing) > 0 || len(u.Parteien) == 0 {
		return u
	}
	floor := p.Vertrag.Beginn
	if us := p.Vertrag.Unterzeichnung; us != nil && us.Inkrafttreten != nil && !us.Inkrafttreten.IsZero() {
		floor = *us.Inkrafttreten
	}
	u.InKraft = last
	if floor.Time().After(last.Time()) {
		u.InKraft = floor
	}
	return u
}

// Started reports whether at least one party has signed.
func (u Umlauf) Started() bool { return len(u.Signed) > 0 }

// Complete reports whether every party has signed.
func (u Umlauf) Complete() bool { return len(u.Parteien) > 0 && len(u.Missing) == 0 }
