package costs

import (
	"math/big"
	"sort"
)

// Explanation lays open how the shares of a key come about, so that every
// share can be recomputed by hand: the values of every part, their sums,
// the exact weighted quota of every bearing party before rounding and the
// largest-remainder step.
type Explanation struct {
	// Parts are the key parts in key order.
	Parts []PartExplanation
	// Parties are the bearing parties in party order.
	Parties []QuotaExplanation
}

// PartExplanation is one part of the key.
type PartExplanation struct {
	Kind   KeyKind
	Weight int64 // in units of 0.01 %
	Label  string
	// Values are the values of the bearing parties (aligned with
	// Explanation.Parties; 1 each for Paritaet), Sum their sum.
	Values []*big.Int
	Sum    *big.Int
}

// QuotaExplanation is the rounding of one bearing party's share.
type QuotaExplanation struct {
	Code string
	// Quota is the exact share before rounding in e5 units (0.00001 %):
	// Σ_k Weight_k/10000 · Value_k/Sum_k · 10,000,000.
	Quota *big.Rat
	// Floor is the quota rounded down; Remainder the rest (0 ≤ r < 1).
	Floor     int64
	Remainder *big.Rat
	// Rank is the place of the remainder among all remainders (1 = the
	// largest; equal remainders rank by party order); Bonus reports
	// whether the party got one of the units left over after rounding
	// down.
	Rank  int
	Bonus bool
	// Share is the rounded share, Floor plus the bonus unit.
	Share int64
}

// Explain computes the shares of the parties under the key like Shares and
// returns every step.
func Explain(parties []Party, key []KeyPart) (*Explanation, error) {
	q, err := quotas(parties, key)
	if err != nil {
		return nil, err
	}
	shares, err := largestRemainder(q.nums, q.den, FullE5)
	if err != nil {
		return nil, err
	}
	ex := &Explanation{}
	for k, part := range key {
		ex.Parts = append(ex.Parts, PartExplanation{Kind: part.Kind, Weight: part.Weight, Label: part.Label, Values: q.vals[k], Sum: q.sums[k]})
	}
	order := make([]int, len(q.bearing))
	for j, i := range q.bearing {
		quota := new(big.Rat).SetFrac(q.nums[j], q.den)
		fl, rem := new(big.Int).QuoRem(q.nums[j], q.den, new(big.Int))
		ex.Parties = append(ex.Parties, QuotaExplanation{
			Code: parties[i].Code, Quota: quota, Floor: fl.Int64(),
			Remainder: new(big.Rat).SetFrac(rem, q.den), Share: shares[j],
		})
		ex.Parties[j].Bonus = shares[j] > fl.Int64()
		order[j] = j
	}
	sort.SliceStable(order, func(a, b int) bool {
		return ex.Parties[order[a]].Remainder.Cmp(ex.Parties[order[b]].Remainder) > 0
	})
	for rank, j := range order {
		ex.Parties[j].Rank = rank + 1
	}
	return ex, nil
}
