package costs

import (
	"math/big"
	"testing"
)

// TestExplain: the explanation of the public KS 2016 vector (BB, BE, TH,
// the case half-up rounding gets wrong: 99,99999 %) shows the values, the exact
// quotas, the floors and which remainders got the units left over; its
// shares are those of Shares.
func TestExplain(t *testing.T) {
	t.Parallel()
	parties := bearing("BB", "BE", "TH")
	ex, err := Explain(parties, ksKey())
	if err != nil {
		t.Fatal(err)
	}
	if len(ex.Parts) != 1 || ex.Parts[0].Sum.Int64() != 303655+508324+269470 {
		t.Fatalf("part sum %v, want the sum of the three KS values", ex.Parts[0].Sum)
	}
	want := []struct {
		code         string
		floor, share int64
		bonus        bool
	}{{"BB", 2807853, 2807853, false}, {"BE", 4700397, 4700397, false}, {"TH", 2491749, 2491750, true}}
	sum := new(big.Rat)
	for j, w := range want {
		q := ex.Parties[j]
		if q.Code != w.code || q.Floor != w.floor || q.Share != w.share || q.Bonus != w.bonus {
			t.Errorf("%s: floor %d share %d bonus %v, want %+v", q.Code, q.Floor, q.Share, q.Bonus, w)
		}
		// quota = FullE5 · value / sum exactly
		exact := new(big.Rat).SetFrac(new(big.Int).Mul(big.NewInt(FullE5), ex.Parts[0].Values[j]), ex.Parts[0].Sum)
		if q.Quota.Cmp(exact) != 0 {
			t.Errorf("%s: quota %s, want %s", q.Code, q.Quota.FloatString(6), exact.FloatString(6))
		}
		sum.Add(sum, q.Quota)
	}
	if sum.Cmp(new(big.Rat).SetInt64(FullE5)) != 0 {
		t.Errorf("quotas add up to %s, want exactly %d", sum.FloatString(6), FullE5)
	}
	// rounded down, the three add up to 9,999,999 units: the one left over
	// goes to the largest remainder, Thüringen's
	if ex.Parties[2].Rank != 1 {
		t.Errorf("ranks %d %d %d: TH holds the largest remainder", ex.Parties[0].Rank, ex.Parties[1].Rank, ex.Parties[2].Rank)
	}
	shares, err := Shares(parties, ksKey())
	if err != nil {
		t.Fatal(err)
	}
	for j, s := range shares {
		if ex.Parties[j].Share != s {
			t.Errorf("%s: explained share %d, Shares %d", ex.Parties[j].Code, ex.Parties[j].Share, s)
		}
	}
}
