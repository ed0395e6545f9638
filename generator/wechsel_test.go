package generator_test

import (
	"testing"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
)

// checkSplit checks the invariants of a cost split: with parties joining
// or leaving, the agreement as concluded (Plan) obeys those of every split
// and the recalculation its own.
func checkSplit(t *testing.T, pr *data.Projekt, res *costs.Result) {
	t.Helper()
	if res.Plan == nil {
		checkInvariants(t, pr, res)
		return
	}
	checkInvariants(t, pr.Vertragsfassung(), res.Plan)
	checkChangeInvariants(t, pr, res)
}

// checkChangeInvariants checks a split with parties joining or leaving:
// items add up, every period's shares make 100 %, a party pays nothing
// outside its months, the Höchstbeträge only move amounts (zero sum per
// year) and every party's years add up to its total.
func checkChangeInvariants(t *testing.T, pr *data.Projekt, res *costs.Result) {
	t.Helper()
	for _, per := range res.Periods {
		var sum int64
		for _, s := range per.Shares {
			sum += s.ShareE5
		}
		if sum != costs.FullE5 {
			t.Errorf("period from %s: shares sum to %d", per.From, sum)
		}
	}
	var total int64
	items := map[string]map[int]int64{}
	for _, it := range res.Items {
		var sum int64
		for _, pa := range it.Split {
			sum += pa.Cents
			if items[pa.Code] == nil {
				items[pa.Code] = map[int]int64{}
			}
			items[pa.Code][it.Year] += pa.Cents
		}
		if sum != it.AmountCents {
			t.Errorf("%s: split %d, amount %d", it.ID, sum, it.AmountCents)
		}
		total += it.AmountCents
	}
	if total != res.TotalCents {
		t.Errorf("items %d, total %d", total, res.TotalCents)
	}
	var parties int64
	moved := map[int]int64{}
	for i, p := range res.Parties {
		pt := pr.Parteien[i]
		var own int64
		for _, y := range res.Years {
			if p.ByYear[y] != items[p.Code][y]+p.CapAdjustByYear[y] {
				t.Errorf("%s %d: by_year %d, items %d + caps %d", p.Code, y, p.ByYear[y], items[p.Code][y], p.CapAdjustByYear[y])
			}
			moved[y] += p.CapAdjustByYear[y]
			own += p.ByYear[y]
			if pt.Beitretend() && y != 0 && y < pt.BeitrittAb.Time().Year() && p.ByYear[y] != 0 {
				t.Errorf("%s pays %d in %d before joining", p.Code, p.ByYear[y], y)
			}
			if pt.Ausscheidend() && y > pt.AustrittZum.Time().Year() && p.ByYear[y] != 0 {
				t.Errorf("%s pays %d in %d after leaving", p.Code, p.ByYear[y], y)
			}
			if c, ok := p.CapByYear[y]; ok && pt.Rolle != "umsetzend" && p.ByYear[y] > c {
				t.Errorf("%s pays %d in %d, above its Höchstbetrag %d", p.Code, p.ByYear[y], y, c)
			}
		}
		if own != p.TotalCents {
			t.Errorf("%s: years %d, total %d", p.Code, own, p.TotalCents)
		}
		parties += p.TotalCents
	}
	if parties != res.TotalCents {
		t.Errorf("parties %d, total %d", parties, res.TotalCents)
	}
	for y, m := range moved {
		if m != 0 {
			t.Errorf("%d: the Höchstbeträge move %d cents in sum, want 0", y, m)
		}
	}
}
