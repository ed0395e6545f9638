package costs

import (
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"pgregory.net/rapid"
)

// kv is one entry of a Values map, kept as a list so the map can be built
// in any order.
type kv struct {
	code  string
	value int64
}

// genPart is a generated key part with its values as an ordered list.
type genPart struct {
	kind   KeyKind
	weight int64
	values []kv
	label  string
}

// genCase is a generated input.
type genCase struct {
	parties   []Party
	reusers   []string
	parts     []genPart
	positions []Position
}

// partition draws n non-negative (or, if positive, positive) integers that
// add up to total.
func partition(t *rapid.T, name string, total int64, n int, positive bool) []int64 {
	var cuts []int64
	if positive {
		cuts = rapid.SliceOfNDistinct(rapid.Int64Range(1, total-1), n-1, n-1, rapid.ID[int64]).
			Draw(t, name+"-cuts")
	} else {
		cuts = rapid.SliceOfN(rapid.Int64Range(0, total), n-1, n-1).Draw(t, name+"-cuts")
	}
	slices.Sort(cuts)
	out := make([]int64, n)
	prev := int64(0)
	for i, c := range cuts {
		out[i] = c - prev
		prev = c
	}
	out[n-1] = total - prev
	return out
}

func drawCase(t *rapid.T) genCase {
	var c genCase
	n := rapid.IntRange(1, 20).Draw(t, "parties")
	var bearers []string
	for i := range n {
		code := fmt.Sprintf("L%02d", i)
		bears := rapid.Bool().Draw(t, "bears-"+code)
		if i == n-1 && len(bearers) == 0 {
			bears = true // at least one party bears
		}
		if bears {
			bearers = append(bearers, code)
		}
		c.parties = append(c.parties, Party{Code: code, Bears: bears})
		if rapid.Bool().Draw(t, "reuses-"+code) {
			c.reusers = append(c.reusers, code)
		}
	}

	m := rapid.IntRange(1, 4).Draw(t, "parts")
	weights := partition(t, "weight", FullWeight, m, true)
	kinds := []KeyKind{Koenigstein, Paritaet, Nutzung, Einwohner, Zielgruppe, Fest}
	for k := range m {
		p := genPart{
			kind:   rapid.SampledFrom(kinds).Draw(t, fmt.Sprintf("kind%d", k)),
			weight: weights[k],
			label:  fmt.Sprintf("Teil %d", k),
		}
		switch p.kind {
		case Paritaet:
		case Fest:
			fest := partition(t, fmt.Sprintf("fest%d", k), FullE5, len(bearers), false)
			for j, code := range bearers {
				p.values = append(p.values, kv{code, fest[j]})
			}
		default:
			maxV := rapid.SampledFrom([]int64{10, 1_000_000, 1 << 40, 1<<62 - 1}).Draw(t, fmt.Sprintf("max%d", k))
			var sum int64
			for _, code := range bearers {
				v := rapid.Int64Range(0, maxV).Draw(t, fmt.Sprintf("v%d-%s", k, code))
				sum |= v
				p.values = append(p.values, kv{code, v})
			}
			if sum == 0 {
				p.values[0].value = 1
			}
		}
		// Values of non-bearing parties are ignored but may be present.
		for _, party := range c.parties {
			if !party.Bears && p.kind != Paritaet && rapid.Bool().Draw(t, fmt.Sprintf("extra%d-%s", k, party.Code)) {
				p.values = append(p.values, kv{party.Code, rapid.Int64Range(0, 1<<40).Draw(t, "extra")})
			}
		}
		c.parts = append(c.parts, p)
	}

	np := rapid.IntRange(0, 6).Draw(t, "positions")
	bearerKinds := []BearerKind{"", ByKey, ByKey, Single, EachReuser, External}
	for i := range np {
		pos := Position{
			ID:          fmt.Sprintf("pos%d", i),
			Category:    "kat",
			AmountCents: rapid.Int64Range(0, MaxCents).Draw(t, fmt.Sprintf("amount%d", i)),
			Bearer:      Bearer{Kind: rapid.SampledFrom(bearerKinds).Draw(t, fmt.Sprintf("bearer%d", i))},
		}
		if pos.Bearer.Kind == EachReuser && len(c.reusers) == 0 {
			pos.Bearer.Kind = ByKey
		}
		if pos.Bearer.Kind == Single {
			pos.Bearer.Party = rapid.SampledFrom(c.parties).Draw(t, fmt.Sprintf("single%d", i)).Code
		}
		if rapid.Bool().Draw(t, fmt.Sprintf("yearly%d", i)) {
			pos.Years = rapid.SliceOfNDistinct(rapid.IntRange(2020, 2040), 1, 4, rapid.ID[int]).
				Draw(t, fmt.Sprintf("years%d", i))
		} else {
			pos.Year = rapid.SampledFrom([]int{0, 2026}).Draw(t, fmt.Sprintf("year%d", i))
		}
		c.positions = append(c.positions, pos)
	}
	return c
}

// input builds the Input; perm (if not nil) permutes the insertion order
// of every Values map.
func (c genCase) input(perm func(n int) []int) Input {
	in := Input{Parties: c.parties, Reusers: c.reusers, Positions: c.positions}
	for _, p := range c.parts {
		part := KeyPart{Kind: p.kind, Weight: p.weight, Label: p.label}
		if p.kind != Paritaet {
			part.Values = make(map[string]int64, len(p.values))
			order := make([]int, len(p.values))
			for i := range order {
				order[i] = i
			}
			if perm != nil {
				order = perm(len(p.values))
			}
			for _, i := range order {
				part.Values[p.values[i].code] = p.values[i].value
			}
		}
		in.Key = append(in.Key, part)
	}
	return in
}

// referenceShares is an independent oracle: exact quotas with big.Rat, then
// repeatedly one unit to the largest remaining fraction (earliest on ties).
func referenceShares(in Input) []int64 {
	var bearers []int
	for i, p := range in.Parties {
		if p.Bears {
			bearers = append(bearers, i)
		}
	}
	quota := make([]*big.Rat, len(in.Parties))
	for i := range quota {
		quota[i] = new(big.Rat)
	}
	for _, part := range in.Key {
		sum := new(big.Int)
		val := func(i int) *big.Int {
			if part.Kind == Paritaet {
				return big.NewInt(1)
			}
			return big.NewInt(part.Values[in.Parties[i].Code])
		}
		for _, i := range bearers {
			sum.Add(sum, val(i))
		}
		for _, i := range bearers {
			// weight/10000 · x/sum · 10^7 = weight · x · 1000 / sum
			num := new(big.Int).Mul(big.NewInt(part.Weight*1000), val(i))
			quota[i].Add(quota[i], new(big.Rat).SetFrac(num, sum))
		}
	}
	out := make([]int64, len(in.Parties))
	rest := make([]*big.Rat, len(in.Parties))
	var assigned int64
	for i, q := range quota {
		f := new(big.Int).Quo(q.Num(), q.Denom())
		out[i] = f.Int64()
		assigned += out[i]
		rest[i] = new(big.Rat).Sub(q, new(big.Rat).SetInt(f))
	}
	for ; assigned < FullE5; assigned++ {
		best := -1
		for i, r := range rest {
			if r.Sign() > 0 && (best < 0 || r.Cmp(rest[best]) > 0) {
				best = i
			}
		}
		out[best]++
		rest[best] = new(big.Rat) // used up
	}
	return out
}

func TestPropertyShares(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		c := drawCase(t)
		in := c.input(nil)
		shares, err := Shares(in.Parties, in.Key)
		if err != nil {
			t.Fatal(err)
		}
		var sum int64
		for i, s := range shares {
			if s < 0 || (!in.Parties[i].Bears && s != 0) {
				t.Fatalf("share %d of %s", s, in.Parties[i].Code)
			}
			sum += s
		}
		if sum != FullE5 {
			t.Fatalf("shares sum to %d", sum)
		}
		if diff := cmp.Diff(referenceShares(in), shares); diff != "" {
			t.Fatalf("shares differ from reference (-want +got):\n%s", diff)
		}
	})
}

func TestPropertySplit(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(1, 20).Draw(t, "n")
		shares := partition(t, "share", FullE5, n, false)
		total := rapid.Int64Range(0, MaxCents).Draw(t, "total")
		amounts, err := Split(total, shares)
		if err != nil {
			t.Fatal(err)
		}
		checkSplit(t, total, shares, amounts)
		checkLargestRemainder(t, total, shares, amounts)
	})
}

// checkLargestRemainder asserts that the extra cents went to the largest
// remainders of T·share mod 10^7, ties to the earlier party.
func checkLargestRemainder(t *rapid.T, total int64, shares, amounts []int64) {
	full := big.NewInt(FullE5)
	rems := make([]*big.Int, len(shares))
	bumped := make([]bool, len(shares))
	for i, s := range shares {
		q, r := new(big.Int).QuoRem(new(big.Int).Mul(big.NewInt(total), big.NewInt(s)), full, new(big.Int))
		rems[i] = r
		bumped[i] = amounts[i] != q.Int64()
	}
	for i := range shares {
		for j := range shares {
			if !bumped[i] || bumped[j] {
				continue
			}
			if c := rems[i].Cmp(rems[j]); c < 0 || (c == 0 && i > j) {
				t.Fatalf("party %d (remainder %s) got a cent before party %d (remainder %s)", i, rems[i], j, rems[j])
			}
		}
	}
}

// checkSplit asserts Σ amounts = T and |amount·10^7 − T·share| < 10^7.
func checkSplit(t *rapid.T, total int64, shares, amounts []int64) {
	var sum int64
	full := big.NewInt(FullE5)
	for i, a := range amounts {
		sum += a
		lhs := new(big.Int).Mul(big.NewInt(a), full)
		rhs := new(big.Int).Mul(big.NewInt(total), big.NewInt(shares[i]))
		diff := lhs.Sub(lhs, rhs)
		if diff.Abs(diff).Cmp(full) >= 0 {
			t.Fatalf("amount %d for share %d of %d is more than one cent off", a, shares[i], total)
		}
	}
	if sum != total {
		t.Fatalf("split sums to %d, want %d", sum, total)
	}
}

func TestPropertyCompute(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		c := drawCase(t)
		in := c.input(nil)
		res, err := Compute(in)
		if err != nil {
			t.Fatal(err)
		}
		shares := make([]int64, len(res.Parties))
		for i, p := range res.Parties {
			shares[i] = p.ShareE5
		}
		pos := make(map[string]int)
		for i, p := range in.Parties {
			pos[p.Code] = i
		}

		var total int64
		for _, it := range res.Items {
			total += it.AmountCents
			if it.Basis != ByKey {
				continue
			}
			amounts := make([]int64, len(in.Parties))
			last := -1
			for _, pa := range it.Split {
				if pa.Cents <= 0 || pos[pa.Code] <= last {
					t.Fatalf("item %s: split %v not positive and in party order", it.ID, it.Split)
				}
				last = pos[pa.Code]
				amounts[last] = pa.Cents
			}
			checkSplit(t, it.AmountCents, shares, amounts)
		}
		if total != res.TotalCents {
			t.Fatalf("TotalCents %d, items sum to %d", res.TotalCents, total)
		}
		var parties int64
		for _, p := range res.Parties {
			parties += p.TotalCents
			var byYear int64
			for _, v := range p.ByYear {
				byYear += v
			}
			if byYear != p.TotalCents {
				t.Fatalf("%s: by_year sums to %d, total %d", p.Code, byYear, p.TotalCents)
			}
		}
		if parties != res.TotalCents {
			t.Fatalf("party totals sum to %d, TotalCents %d", parties, res.TotalCents)
		}

		// Deterministic: a second computation, also with every Values map
		// built in another order, gives the identical result and JSON.
		perm := func(n int) []int {
			ids := make([]int, n)
			for i := range ids {
				ids[i] = i
			}
			return rapid.Permutation(ids).Draw(t, "perm")
		}
		again, err := Compute(c.input(perm))
		if err != nil {
			t.Fatal(err)
		}
		if diff := cmp.Diff(res, again, bigComparers); diff != "" {
			t.Fatalf("results differ (-first +second):\n%s", diff)
		}
		a, err := json.Marshal(res)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(again)
		if err != nil {
			t.Fatal(err)
		}
		if string(a) != string(b) {
			t.Fatalf("JSON differs:\n%s\n%s", a, b)
		}
	})
}
