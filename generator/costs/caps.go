package costs

import (
	"fmt"
	"math/big"
)

// Höchstbeträge (caps) after a recalculation.
//
// The agreement names for every cost-bearing party and Haushaltsjahr a
// Höchstbetrag: its planned amount (Result.Plan) plus the surcharge,
// rounded up to full euros (Cap). A joining Land's Höchstbetrag is the one
// its Beitrittserklärung names: its own recalculated amount plus the
// surcharge, rounded up alike. When parties join or leave, the clause
// „Haushaltsvorbehalt und Höchstbeträge“ decides, year by year:
//
//  1. a party whose recalculated amount exceeds its Höchstbetrag pays the
//     Höchstbetrag;
//  2. the excess goes to the other cost-bearing parties taking part in
//     that year in proportion to their shares (their share in the last
//     period of the year they take part in), each up to its Höchstbetrag,
//     rounded by largest remainders and repeated while some have room;
//  3. what is left is borne by the implementing Land.
//
// The moves are recorded per party and year (PartyResult.CapAdjustByYear)
// and included in ByYear and TotalCents; they add up to zero in every
// year, so the result still adds up to the item totals. Items keep the
// split by the recalculated shares. Items without a year are not capped.

// Cap is the Höchstbetrag of a planned amount: the amount plus the
// surcharge in percent, rounded up to full euros. A planned amount of 0
// has the cap 0.
func Cap(cents int64, surchargePercent int) int64 {
	if cents <= 0 {
		return 0
	}
	// cents ≤ 10^15 (validated total) and the factor ≤ 150: no overflow
	raised := cents*int64(100+surchargePercent) + 99 // ceil of /100
	raised /= 100
	return (raised + 99) / 100 * 100
}

// applyCaps limits every party's yearly amount to its Höchstbetrag.
func (r *Result) applyCaps(in Input, ps []Period, plan *Result) error {
	if in.CapSurchargePercent < 0 || in.CapSurchargePercent > 1000 {
		return fmt.Errorf("Zuschlag %d %%: %w", in.CapSurchargePercent, ErrAmount)
	}
	impl := -1
	for i, p := range in.Parties {
		if p.Code == in.Implementing {
			impl = i
		}
	}
	if impl < 0 {
		return fmt.Errorf("umsetzendes Land %q: %w", in.Implementing, ErrUnknownParty)
	}
	planned := map[string]PartyResult{}
	for _, p := range plan.Parties {
		planned[p.Code] = p
	}
	for i := range r.Parties {
		if in.Parties[i].Bears {
			r.Parties[i].CapByYear = map[int]int64{}
		}
		r.Parties[i].CapAdjustByYear = map[int]int64{}
	}
	for _, y := range r.Years {
		if y == 0 {
			continue
		}
		if err := r.capYear(in, ps, planned, impl, y); err != nil {
			return err
		}
	}
	for i := range r.Parties {
		p := &r.Parties[i]
		for y, a := range p.CapAdjustByYear {
			p.ByYear[y] += a
			p.TotalCents += a // |a| ≤ the year's total: no overflow
		}
	}
	return nil
}

// capYear moves the excess over the Höchstbeträge of year y.
func (r *Result) capYear(in Input, ps []Period, planned map[string]PartyResult, impl, y int) error {
	first, last := in.Term.MonthsIn(y)
	if first == 0 {
		first, last = 1, 12
	}
	n := len(in.Parties)
	amount, room, weight := make([]int64, n), make([]int64, n), make([]int64, n)
	capped := make([]bool, n)
	var excess int64
	for i, p := range in.Parties {
		amount[i] = r.Parties[i].ByYear[y]
		if a, _ := overlap(p.From, p.To, y, first, last); !p.Bears || a == 0 {
			continue
		}
		capped[i] = true
		c := Cap(amount[i], in.CapSurchargePercent) // a joining Land: its declaration
		if p.From.IsZero() {
			c = Cap(planned[p.Code].ByYear[y], in.CapSurchargePercent)
		}
		r.Parties[i].CapByYear[y] = c
		if amount[i] > c {
			excess += amount[i] - c
			r.Parties[i].CapAdjustByYear[y] -= amount[i] - c
			amount[i] = c
		}
		room[i] = c - amount[i]
		weight[i] = shareInYear(ps, i, y)
	}
	for excess > 0 {
		var who []int
		var ws []int64
		for i := range in.Parties {
			if capped[i] && room[i] > 0 && weight[i] > 0 {
				who = append(who, i)
				ws = append(ws, weight[i])
			}
		}
		if len(who) == 0 {
			break
		}
		parts, err := splitWeights(excess, ws)
		if err != nil {
			return err
		}
		var given int64
		for k, i := range who {
			g := min(parts[k], room[i])
			room[i] -= g
			given += g
			r.Parties[i].CapAdjustByYear[y] += g
		}
		excess -= given
	}
	if excess > 0 {
		r.Parties[impl].CapAdjustByYear[y] += excess
	}
	for i := range r.Parties {
		if r.Parties[i].CapAdjustByYear[y] == 0 {
			delete(r.Parties[i].CapAdjustByYear, y)
		}
	}
	return nil
}

// shareInYear is party i's share in the last period of year y in which it
// bears a share (0 if none).
func shareInYear(ps []Period, i, y int) int64 {
	var s int64
	for _, per := range ps {
		if a, _ := overlap(per.From, per.To, y, 1, 12); a == 0 || per.shares == nil {
			continue
		}
		if per.shares[i] > 0 {
			s = per.shares[i]
		}
	}
	return s
}

// splitWeights divides total by the positive weights (largest remainders,
// ties to the earlier).
func splitWeights(total int64, ws []int64) ([]int64, error) {
	den := new(big.Int)
	nums := make([]*big.Int, len(ws))
	for k, w := range ws {
		den.Add(den, big.NewInt(w))
		nums[k] = new(big.Int).Mul(big.NewInt(total), big.NewInt(w))
	}
	return largestRemainder(nums, den, total)
}
