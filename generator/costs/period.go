package costs

import (
	"fmt"
	"slices"
)

// Joining and leaving (Party.From, Party.To).
//
// A party that joins a running agreement takes part from the month From,
// a party that leaves until the month To (inclusive). Between the months
// in which the composition changes the agreement runs in periods of
// constant composition; the key is computed for each period over the
// bearing parties that take part in it (Period). A yearly item is split
// month-exactly: the months of its year are cut at the period boundaries,
// each run of months is charged its pro-rata amount (ProRata: twelfths,
// leftover cents to the first months of the year) and split by the shares
// of its period. The parts of a year add up to the yearly amount, so
// every item still adds up exactly. A one-off item is split by the
// shares in force in its reference month: January of its year (or the
// first month of the term, if later), or the first month of the term
// for an item without a year. A party paying per re-using Land
// (EachReuser) pays a yearly item for its months of the year and a
// one-off item if it takes part in the reference month.

// Period is a stretch of the term with one composition of the parties.
type Period struct {
	// From is the first month; zero when the term has no stated
	// beginning. To is the last month; zero for an open end.
	From, To Month
	// Shares holds the key share of every bearing party taking part in
	// the period, in party input order; nil when no party bears a share.
	Shares []PartyShare
	// shares aligned with the input parties (0 for those not taking part);
	// nil when no bearing party takes part.
	shares []int64
	// key explains the shares (nil with shares).
	key *Explanation
}

// PartyShare is one party's key share in a period.
type PartyShare struct {
	Code    string
	ShareE5 int64
}

// index is a month as a number for comparisons (year·12 + month − 1).
func (m Month) index() int { return m.Year*12 + m.Month - 1 }

func monthOf(i int) Month { return Month{Year: i / 12, Month: i%12 + 1} }

// IsZero reports an unset month.
func (m Month) IsZero() bool { return m.Year == 0 }

// String formats as JJJJ-MM.
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", m.Year, m.Month) }

const (
	minMonth = -1 << 40
	maxMonth = 1 << 40
)

// span is a party's participation as month indices, inclusive.
func (p Party) span() (from, to int) {
	from, to = minMonth, maxMonth
	if !p.From.IsZero() {
		from = p.From.index()
	}
	if !p.To.IsZero() {
		to = p.To.index()
	}
	return from, to
}

// takesPart reports whether the party takes part in month m (an index).
func (p Party) takesPart(m int) bool {
	from, to := p.span()
	return from <= m && m <= to
}

// changing reports whether any party joins or leaves.
func changing(parties []Party) bool {
	return slices.ContainsFunc(parties, func(p Party) bool { return !p.From.IsZero() || !p.To.IsZero() })
}

// validateSpans checks the months of joining and leaving parties.
func validateSpans(parties []Party) error {
	for _, p := range parties {
		for _, m := range []Month{p.From, p.To} {
			if !m.IsZero() && (m.Year < 1 || m.Month < 1 || m.Month > 12) {
				return fmt.Errorf("Beteiligter %q: Monat %d/%d: %w", p.Code, m.Month, m.Year, ErrYear)
			}
		}
		if !p.From.IsZero() && !p.To.IsZero() && p.To.index() < p.From.index() {
			return fmt.Errorf("Beteiligter %q: scheidet (%s) vor dem Beitritt (%s) aus: %w", p.Code, p.To, p.From, ErrYear)
		}
	}
	return nil
}

// periods cuts the term at every month in which the composition changes
// and computes the key of every period.
func periods(in Input) ([]Period, error) {
	start, end := minMonth, maxMonth
	if !in.Term.From.IsZero() {
		start = in.Term.From.index()
	}
	if !in.Term.To.IsZero() {
		end = in.Term.To.index()
	}
	cuts := []int{start}
	for _, p := range in.Parties {
		if !p.From.IsZero() {
			cuts = append(cuts, p.From.index())
		}
		if !p.To.IsZero() {
			cuts = append(cuts, p.To.index()+1)
		}
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)
	var out []Period
	for k, c := range cuts {
		if c < start || c > end {
			continue
		}
		last := end
		if k+1 < len(cuts) {
			last = min(end, cuts[k+1]-1)
		}
		per := Period{}
		if c != minMonth {
			per.From = monthOf(c)
		}
		if last != maxMonth {
			per.To = monthOf(last)
		}
		if err := per.compute(in.Parties, in.Key, c); err != nil {
			return nil, err
		}
		out = append(out, per)
	}
	if len(out) == 0 { // a term ending before it begins: one period
		per := Period{}
		if err := per.compute(in.Parties, in.Key, start); err != nil {
			return nil, err
		}
		out = append(out, per)
	}
	return out, nil
}

// compute fills the shares of the bearing parties taking part in month m.
func (per *Period) compute(parties []Party, key []KeyPart, m int) error {
	present := make([]Party, len(parties))
	some := false
	for i, p := range parties {
		present[i] = Party{Code: p.Code, Bears: p.Bears && p.takesPart(m)}
		some = some || present[i].Bears
	}
	if !some {
		return nil
	}
	ex, err := Explain(present, key)
	if err != nil {
		return err
	}
	per.key = ex
	per.shares = make([]int64, len(parties))
	idx := make(map[string]int, len(parties))
	for i, p := range parties {
		idx[p.Code] = i
	}
	for _, q := range ex.Parties {
		per.shares[idx[q.Code]] = q.Share
		per.Shares = append(per.Shares, PartyShare{Code: q.Code, ShareE5: q.Share})
	}
	return nil
}

// at returns the period containing month m (an index): the first period
// for a month before the term, the last for one after it.
func at(ps []Period, m int) *Period {
	for k := range ps {
		to := maxMonth
		if !ps[k].To.IsZero() {
			to = ps[k].To.index()
		}
		if m <= to {
			return &ps[k]
		}
	}
	return &ps[len(ps)-1]
}

// reference is the month whose shares split a one-off item of year y (0:
// none): January of y or the first month of the term, if later.
func reference(term Term, y int) int {
	start := minMonth
	if !term.From.IsZero() {
		start = term.From.index()
	}
	if y == 0 {
		if start == minMonth {
			return 0 // no term, no year: the one period there is
		}
		return start
	}
	return max(start, Month{Year: y, Month: 1}.index())
}
