package costs

import (
	"fmt"
	"math/big"
	"slices"
	"sort"
)

// FullE5 is 100 % in e5 units (0.00001 %).
const FullE5 int64 = 10_000_000

// FullWeight is 100 % in weight units (0.01 %); the weights of all parts of
// a key add up to exactly this value.
const FullWeight int64 = 10_000

// KeyKind names the kind of a partial key.
type KeyKind string

// Kinds of partial keys.
const (
	// Koenigstein uses the published Königsteiner Schlüssel in e5 units,
	// normalised to the bearing parties.
	Koenigstein KeyKind = "koenigstein"
	// Paritaet gives every bearing party the value 1 (equal shares).
	Paritaet KeyKind = "paritaet"
	// Nutzung uses usage counts.
	Nutzung KeyKind = "nutzung"
	// Einwohner uses population figures.
	Einwohner KeyKind = "einwohner"
	// Zielgruppe uses the size of the target group.
	Zielgruppe KeyKind = "zielgruppe"
	// Fest uses explicit shares in e5 units adding up to 10,000,000.
	Fest KeyKind = "fest"
)

// Valid reports whether k is one of the defined kinds.
func (k KeyKind) Valid() bool {
	switch k {
	case Koenigstein, Paritaet, Nutzung, Einwohner, Zielgruppe, Fest:
		return true
	}
	return false
}

// KeyPart is one weighted part of a distribution key.
type KeyPart struct {
	// Kind is the kind of the partial key.
	Kind KeyKind
	// Weight is the weight of this part in units of 0.01 % (50 % = 5000).
	// It must be positive, and the weights of all parts add up to 10000.
	Weight int64
	// Values holds the non-negative value of every bearing party, by party
	// code. It is ignored for Paritaet. Values of codes that are not bearing
	// parties are ignored but must not be negative.
	Values map[string]int64
	// Label is an optional human description, passed through unchanged.
	Label string
}

// Party is a party of the agreement.
type Party struct {
	// Code is the unique party code, e.g. "ST".
	Code string
	// Bears reports whether the party bears a share of the key split.
	Bears bool
	// From is the first month a party joining a running agreement takes
	// part; zero: from the beginning of the term.
	From Month
	// To is the last month a leaving party takes part; zero: to the end
	// of the term.
	To Month
}

// validateParties checks codes and returns a map from code to index.
func validateParties(parties []Party) (map[string]int, error) {
	if len(parties) == 0 {
		return nil, ErrNoParties
	}
	idx := make(map[string]int, len(parties))
	for i, p := range parties {
		if p.Code == "" {
			return nil, fmt.Errorf("Beteiligter Nr. %d: %w", i+1, ErrPartyCode)
		}
		if _, dup := idx[p.Code]; dup {
			return nil, fmt.Errorf("%q: %w", p.Code, ErrDuplicateParty)
		}
		idx[p.Code] = i
	}
	return idx, nil
}

// Shares computes the e5 shares of the parties under the key, in party
// order. Non-bearing parties get 0; the shares of the bearing parties add
// up to exactly FullE5 (largest-remainder rounding, ties to the earlier
// party).
func Shares(parties []Party, key []KeyPart) ([]int64, error) {
	q, err := quotas(parties, key)
	if err != nil {
		return nil, err
	}
	rounded, err := largestRemainder(q.nums, q.den, FullE5)
	if err != nil {
		return nil, err
	}
	out := make([]int64, len(parties))
	for j, i := range q.bearing {
		out[i] = rounded[j]
	}
	return out, nil
}

// exactQuotas are the exact shares of the bearing parties before rounding:
// quota j is nums[j]/den in e5 units.
type exactQuotas struct {
	bearing []int        // indexes of the bearing parties
	vals    [][]*big.Int // per key part, per bearing party
	sums    []*big.Int   // per key part
	nums    []*big.Int
	den     *big.Int
}

// quotas validates the key and computes the exact quotas.
func quotas(parties []Party, key []KeyPart) (*exactQuotas, error) {
	if _, err := validateParties(parties); err != nil {
		return nil, err
	}
	q := &exactQuotas{}
	for i, p := range parties {
		if p.Bears {
			q.bearing = append(q.bearing, i)
		}
	}
	if len(q.bearing) == 0 {
		return nil, ErrNoBearer
	}
	if err := validateWeights(key); err != nil {
		return nil, err
	}

	// Collect and check the values of every part over the bearing parties.
	q.vals = make([][]*big.Int, len(key))
	q.sums = make([]*big.Int, len(key))
	for k, part := range key {
		q.vals[k] = make([]*big.Int, len(q.bearing))
		q.sums[k] = new(big.Int)
		for j, i := range q.bearing {
			v, err := partValue(part, k, parties[i].Code)
			if err != nil {
				return nil, err
			}
			q.vals[k][j] = big.NewInt(v)
			q.sums[k].Add(q.sums[k], q.vals[k][j])
		}
		if err := checkOtherValues(part, k); err != nil {
			return nil, err
		}
		if q.sums[k].Sign() == 0 {
			return nil, fmt.Errorf("Teilschlüssel %s: %w", partName(part, k), ErrZeroSum)
		}
		if part.Kind == Fest && q.sums[k].Cmp(big.NewInt(FullE5)) != 0 {
			return nil, fmt.Errorf("Teilschlüssel %s: Summe %s statt %d: %w",
				partName(part, k), q.sums[k], FullE5, ErrFestSum)
		}
	}

	// With α_k = Weight_k / FullWeight and Σ_k α_k = 1 (validated above),
	// Σ_i w_i = 1, so quota_j = FullE5 · w_j = Σ_k c_k · x_{k,j} / S_k with
	// c_k = Weight_k · FullE5/FullWeight = Weight_k · 1000. Over the common
	// denominator L = Π_k S_k every quota is the exact fraction N_j / L with
	// N_j = Σ_k c_k · x_{k,j} · (L / S_k); its remainders compare as integers.
	q.den = big.NewInt(1)
	for _, s := range q.sums {
		q.den.Mul(q.den, s)
	}
	q.nums = make([]*big.Int, len(q.bearing))
	for j := range q.nums {
		q.nums[j] = new(big.Int)
	}
	factor, term := new(big.Int), new(big.Int)
	for k, part := range key {
		factor.Quo(q.den, q.sums[k])
		factor.Mul(factor, big.NewInt(part.Weight*(FullE5/FullWeight))) // ≤ 10^7, no overflow
		for j := range q.bearing {
			q.nums[j].Add(q.nums[j], term.Mul(factor, q.vals[k][j]))
		}
	}
	return q, nil
}

func partName(part KeyPart, k int) string {
	if part.Label != "" {
		return fmt.Sprintf("%d (%s, %q)", k+1, part.Kind, part.Label)
	}
	return fmt.Sprintf("%d (%s)", k+1, part.Kind)
}

func validateWeights(key []KeyPart) error {
	if len(key) == 0 {
		return fmt.Errorf("kein Teilschlüssel angegeben: %w", ErrWeights)
	}
	var sum int64
	for k, part := range key {
		if !part.Kind.Valid() {
			return fmt.Errorf("Teilschlüssel %d: %q: %w", k+1, part.Kind, ErrKeyKind)
		}
		if part.Weight <= 0 || part.Weight > FullWeight {
			return fmt.Errorf("Teilschlüssel %s: Gewicht %d: %w", partName(part, k), part.Weight, ErrWeights)
		}
		sum += part.Weight // cannot overflow: every weight is at most FullWeight
		if sum > FullWeight {
			break
		}
	}
	if sum != FullWeight {
		return fmt.Errorf("Summe der Gewichte %d statt %d: %w", sum, FullWeight, ErrWeights)
	}
	return nil
}

// partValue returns the value of a bearing party in a partial key.
func partValue(part KeyPart, k int, code string) (int64, error) {
	if part.Kind == Paritaet {
		return 1, nil
	}
	v, ok := part.Values[code]
	if !ok {
		return 0, fmt.Errorf("Teilschlüssel %s, Land %q: %w", partName(part, k), code, ErrMissingValue)
	}
	if v < 0 {
		return 0, fmt.Errorf("Teilschlüssel %s, Land %q: %d: %w", partName(part, k), code, v, ErrNegativeValue)
	}
	return v, nil
}

// checkOtherValues rejects negative values of codes that are not bearing
// parties (those of bearing parties were checked by partValue before),
// reporting the alphabetically first for a deterministic message.
func checkOtherValues(part KeyPart, k int) error {
	if part.Kind == Paritaet {
		return nil
	}
	var bad []string
	for code, v := range part.Values {
		if v < 0 {
			bad = append(bad, code)
		}
	}
	if len(bad) == 0 {
		return nil
	}
	slices.Sort(bad)
	return fmt.Errorf("Teilschlüssel %s, Kürzel %q: %d: %w",
		partName(part, k), bad[0], part.Values[bad[0]], ErrNegativeValue)
}

// largestRemainder rounds the exact non-negative quotas nums[i]/den, which
// add up to total, to integers adding up to total (Hare/Niemeyer; ties to
// the lower index).
func largestRemainder(nums []*big.Int, den *big.Int, total int64) ([]int64, error) {
	out := make([]int64, len(nums))
	rems := make([]*big.Int, len(nums))
	order := make([]int, 0, len(nums))
	var assigned int64
	q := new(big.Int)
	for i, n := range nums {
		if n.Sign() < 0 || den.Sign() <= 0 {
			return nil, errInternal
		}
		rems[i] = new(big.Int)
		q.QuoRem(n, den, rems[i])
		if !q.IsInt64() || q.Int64() > total-assigned {
			return nil, errInternal
		}
		out[i] = q.Int64()
		assigned += out[i]
		if rems[i].Sign() > 0 {
			order = append(order, i)
		}
	}
	missing := total - assigned
	if missing < 0 || missing > int64(len(order)) {
		return nil, errInternal
	}
	sort.SliceStable(order, func(a, b int) bool {
		return rems[order[a]].Cmp(rems[order[b]]) > 0
	})
	for _, i := range order[:missing] {
		out[i]++
	}
	return out, nil
}
