package costs

import (
	"fmt"
	"math/bits"
	"sort"
)

// MaxCents is the largest amount of one cost position, 100 billion euros
// (10^13 cents).
const MaxCents int64 = 10_000_000_000_000

// Split divides totalCents by the e5 shares (largest-remainder method): every
// party first gets ⌊T · share / 10,000,000⌋ cents, then the cents still
// missing go one each to the largest remainders, ties to the earlier
// party. The result is in the order of shares and adds up to exactly
// totalCents; a party with share 0 always gets 0.
//
// totalCents must not be negative (ErrAmount); the shares must each lie in
// [0, 10,000,000] and add up to exactly 10,000,000 (ErrShares). Any int64
// total is computed exactly with 128-bit products.
func Split(totalCents int64, shares []int64) ([]int64, error) {
	if totalCents < 0 {
		return nil, fmt.Errorf("%d Cent: %w", totalCents, ErrAmount)
	}
	var sum int64
	for i, s := range shares {
		if s < 0 || s > FullE5 {
			return nil, fmt.Errorf("Anteil Nr. %d = %d: %w", i+1, s, ErrShares)
		}
		sum += s // cannot overflow: checked against FullE5 after every step
		if sum > FullE5 {
			break
		}
	}
	if sum != FullE5 {
		return nil, fmt.Errorf("Summe der Anteile %d statt %d: %w", sum, FullE5, ErrShares)
	}

	out := make([]int64, len(shares))
	rems := make([]uint64, len(shares))
	order := make([]int, 0, len(shares))
	var assigned int64
	for i, s := range shares {
		// T < 2^63 and s <= 10^7, so hi < 10^7 and Div64 cannot panic;
		// the quotient is at most T.
		hi, lo := bits.Mul64(uint64(totalCents), uint64(s))
		q, r := bits.Div64(hi, lo, uint64(FullE5))
		out[i] = int64(q)
		rems[i] = r
		assigned += int64(q) // Σ q <= T
		if r > 0 {
			order = append(order, i)
		}
	}
	missing := totalCents - assigned
	// Σ r = missing · 10^7 with every r < 10^7, hence missing < len(order).
	if missing < 0 || missing > int64(len(order)) {
		return nil, errInternal
	}
	sort.SliceStable(order, func(a, b int) bool { return rems[order[a]] > rems[order[b]] })
	for _, i := range order[:missing] {
		out[i]++
	}
	return out, nil
}
