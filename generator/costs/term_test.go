package costs

import (
	"math/big"

	"errors"
	"math/rand/v2"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestMonthsIn(t *testing.T) {
	t.Parallel()
	term := Term{From: Month{2027, 4}, To: Month{2029, 9}}
	for _, c := range []struct {
		year, first, last int
	}{
		{2026, 0, 0}, {2027, 4, 12}, {2028, 1, 12}, {2029, 1, 9}, {2030, 0, 0},
	} {
		f, l := term.MonthsIn(c.year)
		if f != c.first || l != c.last {
			t.Errorf("%d: months %d–%d, want %d–%d", c.year, f, l, c.first, c.last)
		}
	}
	if f, l := (Term{}).MonthsIn(2031); f != 1 || l != 12 {
		t.Errorf("zero term: %d–%d, want the full year", f, l)
	}
	if f, l := (Term{From: Month{2027, 7}}).MonthsIn(2040); f != 1 || l != 12 {
		t.Errorf("open end: %d–%d, want the full year", f, l)
	}
}

// TestProRata: the twelfths rounded down, the leftover cents to the
// earliest months.
func TestProRata(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		cents       int64
		first, last int
		want        int64
	}{
		{18_000_000, 4, 12, 13_500_000}, // 180.000,00 € from April: nine months
		{18_000_000, 1, 12, 18_000_000},
		{1_234_567, 1, 12, 1_234_567},
		{1_234_567, 7, 12, 617_281}, // 102.880 × 6; the 7 leftover cents fall on January–July: one of them in July
		{1_234_567, 1, 6, 617_286},
		{11, 1, 11, 11},
		{11, 12, 12, 0},
		{0, 3, 5, 0},
	} {
		got, err := ProRata(c.cents, c.first, c.last)
		if err != nil || got != c.want {
			t.Errorf("ProRata(%d, %d, %d) = %d, %v; want %d", c.cents, c.first, c.last, got, err, c.want)
		}
	}
	for _, bad := range [][2]int{{0, 5}, {3, 13}, {7, 6}} {
		if _, err := ProRata(100, bad[0], bad[1]); !errors.Is(err, ErrYear) {
			t.Errorf("ProRata(100, %d, %d): got %v, want ErrYear", bad[0], bad[1], err)
		}
	}
}

// TestProRataAddsUp: for any amount and any cut of the year into two
// parts, the parts add up to the yearly amount exactly, and each part is
// the sum of its monthly amounts (which differ by at most one cent).
func TestProRataAddsUp(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(7, 11))
	for range 5000 {
		cents := r.Int64N(MaxCents + 1)
		var months [13]int64
		for m := 1; m <= 12; m++ {
			v, err := ProRata(cents, m, m)
			if err != nil {
				t.Fatal(err)
			}
			months[m] = v
			if d := v - cents/12; d < 0 || d > 1 {
				t.Fatalf("%d: month %d gets %d, not the twelfth %d or one cent more", cents, m, v, cents/12)
			}
		}
		cut := 1 + r.IntN(11)
		a, _ := ProRata(cents, 1, cut)
		b, _ := ProRata(cents, cut+1, 12)
		if a+b != cents {
			t.Fatalf("%d cut after month %d: %d + %d ≠ %d", cents, cut, a, b, cents)
		}
		var sum int64
		for m := 1; m <= cut; m++ {
			sum += months[m]
		}
		if sum != a {
			t.Fatalf("%d months 1–%d: %d, sum of the months %d", cents, cut, a, sum)
		}
	}
}

// TestComputeProRata: a yearly position in a year the term covers partly
// is charged for its months, split by the key as usual; a year outside
// the term is refused.
func TestComputeProRata(t *testing.T) {
	t.Parallel()
	in := Input{
		Parties: []Party{{Code: "ST", Bears: false}, {Code: "SN", Bears: true}, {Code: "TH", Bears: true}},
		Reusers: []string{"SN", "TH"},
		Key:     []KeyPart{{Kind: Paritaet, Weight: 10000}},
		Positions: []Position{
			{ID: "betrieb", AmountCents: 18_000_000, Years: []int{2027, 2028}},
			{ID: "support", AmountCents: 1_200, Years: []int{2027}, Bearer: Bearer{Kind: EachReuser}},
		},
		Term: Term{From: Month{2027, 4}},
	}
	res, err := Compute(in)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		amount int64
		months int
	}{"betrieb-2027": {13_500_000, 9}, "betrieb-2028": {18_000_000, 12}, "support-2027": {2 * 900, 9}}
	for _, it := range res.Items {
		w := want[it.ID]
		if it.AmountCents != w.amount || it.Months != w.months {
			t.Errorf("%s: %d cents for %d months, want %d for %d", it.ID, it.AmountCents, it.Months, w.amount, w.months)
		}
	}
	if got := res.Parties[1].ByYear[2027]; got != 6_750_000+900 {
		t.Errorf("SN 2027: %d, want 6.750.000 + 900", got)
	}
	in.Term = Term{From: Month{2028, 1}}
	if _, err := Compute(in); !errors.Is(err, ErrYear) {
		t.Errorf("year before the term: got %v, want ErrYear", err)
	}
}

// bigComparers let cmp compare the exact numbers of an Explanation.
var bigComparers = cmp.Options{
	cmp.Comparer(func(a, b *big.Int) bool { return a.Cmp(b) == 0 }),
	cmp.Comparer(func(a, b *big.Rat) bool { return a.Cmp(b) == 0 }),
}
