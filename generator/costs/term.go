package costs

import "fmt"

// Month is a calendar month.
type Month struct {
	Year  int
	Month int // 1–12
}

// Term is the running time of an agreement by month, From to To
// inclusive; a zero To means an open end. A month in which the agreement
// runs for at least one day counts in full. The zero Term covers every
// year in full.
type Term struct {
	From, To Month
}

// MonthsIn returns the first and last month of year y the term covers,
// (1, 12) for a full year and (0, 0) for a year outside the term.
func (t Term) MonthsIn(y int) (first, last int) {
	first, last = 1, 12
	if t.From.Year != 0 {
		switch {
		case y < t.From.Year:
			return 0, 0
		case y == t.From.Year:
			first = t.From.Month
		}
	}
	if t.To.Year != 0 {
		switch {
		case y > t.To.Year:
			return 0, 0
		case y == t.To.Year:
			last = t.To.Month
		}
	}
	if first > last {
		return 0, 0
	}
	return first, last
}

// ProRata is the part of a yearly amount that falls on months first to
// last (1 ≤ first ≤ last ≤ 12): the year is split into twelve monthly
// amounts by the largest-remainder method (Hare/Niemeyer) — each month
// gets the twelfth rounded down, the cents left over go one each to the
// earliest months — and the months of the term are added up. A full year
// gives the yearly amount exactly; the pro-rata parts of the months of a
// year always add up to it.
func ProRata(yearCents int64, first, last int) (int64, error) {
	if first < 1 || last > 12 || first > last {
		return 0, fmt.Errorf("Monate %d bis %d: %w", first, last, ErrYear)
	}
	if yearCents < 0 {
		return 0, fmt.Errorf("%d Cent: %w", yearCents, ErrAmount)
	}
	base, rest := yearCents/12, int(yearCents%12)
	sum := base * int64(last-first+1)
	// months 1..rest carry one cent more
	if rest >= first {
		sum += int64(min(rest, last) - first + 1)
	}
	return sum, nil
}
