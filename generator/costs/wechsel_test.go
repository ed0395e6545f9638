package costs

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"pgregory.net/rapid"
)

// TestCapsRedistribute: a party leaves and one joins; the recalculation
// raises B above its Höchstbetrag, the excess goes to A and the joining D
// up to their Höchstbeträge, the rest to the implementing U (which bears
// no share).
//
// 50 % Parität + 50 % Nutzung {A:0, B:10, C:10, D:0}, 1,200 € a year.
// 2027 (A, B, C): A 1/6, B and C 1/6 + 1/4 → 200 €, 500 €, 500 €.
// 2028 (A, B, D; C left at the end of 2027, D joined in January):
// A 1/6, B 1/6 + 1/2, D 1/6 → 200 €, 800 €, 200 €.
// Höchstbeträge with 10 %: A 220 € (plan 200 €), B 550 € (plan 500 €),
// D 220 € (its own 200 €). B's excess 250 € goes to A and D, 20 € each,
// the remaining 210 € to U.
func TestCapsRedistribute(t *testing.T) {
	t.Parallel()
	in := Input{
		Parties: []Party{
			{Code: "U"}, {Code: "A", Bears: true}, {Code: "B", Bears: true},
			{Code: "C", Bears: true, To: Month{2027, 12}}, {Code: "D", Bears: true, From: Month{2028, 1}},
		},
		Key: []KeyPart{
			{Kind: Paritaet, Weight: 5000},
			{Kind: Nutzung, Weight: 5000, Values: map[string]int64{"A": 0, "B": 10, "C": 10, "D": 0}},
		},
		Positions:           []Position{{ID: "betrieb", AmountCents: 120000, Years: []int{2027, 2028}}},
		Term:                Term{From: Month{2027, 1}},
		CapSurchargePercent: 10,
		Implementing:        "U",
	}
	res, err := Compute(in)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][2]int64{"U": {0, 21000}, "A": {20000, 22000}, "B": {50000, 55000}, "C": {50000, 0}, "D": {0, 22000}}
	for _, p := range res.Parties {
		if got := [2]int64{p.ByYear[2027], p.ByYear[2028]}; got != want[p.Code] {
			t.Errorf("%s pays %v, want %v (caps %v, moved %v)", p.Code, got, want[p.Code], p.CapByYear, p.CapAdjustByYear)
		}
	}
	if res.Plan == nil || len(res.Plan.Parties) != 4 || len(res.Periods) != 2 {
		t.Fatalf("plan %v, periods %v", res.Plan, res.Periods)
	}
	if got := res.Parties[2].CapAdjustByYear[2028]; got != -25000 {
		t.Errorf("B moved %d, want -25000", got)
	}
}

// TestCapsRestToImplementing: with no room anywhere the implementing Land
// bears the whole excess (surcharge 0, every amount rises after a leave).
func TestCapsRestToImplementing(t *testing.T) {
	t.Parallel()
	in := Input{
		Parties:             []Party{{Code: "U"}, {Code: "A", Bears: true}, {Code: "B", Bears: true}, {Code: "C", Bears: true, To: Month{2027, 12}}},
		Key:                 []KeyPart{{Kind: Paritaet, Weight: 10000}},
		Positions:           []Position{{ID: "betrieb", AmountCents: 120000, Years: []int{2027, 2028}}},
		Implementing:        "U",
		CapSurchargePercent: 0,
	}
	res, err := Compute(in)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int64{}
	for _, p := range res.Parties {
		got[p.Code] = p.ByYear[2028]
	}
	if got["U"] != 40000 || got["A"] != 40000 || got["B"] != 40000 || got["C"] != 0 {
		t.Errorf("2028: %v, want U 40000, A 40000, B 40000, C 0", got)
	}
}

// TestJoinProRata: a Land joining in July pays its share of the months
// July to December; the months before are split among the others.
func TestJoinProRata(t *testing.T) {
	t.Parallel()
	in := Input{
		Parties:      []Party{{Code: "U", Bears: true}, {Code: "J", Bears: true, From: Month{2027, 7}}},
		Key:          []KeyPart{{Kind: Paritaet, Weight: 10000}},
		Positions:    []Position{{ID: "b", AmountCents: 1207, Years: []int{2027}}},
		Implementing: "U",
		// a high surcharge, so no Höchstbetrag limits the shift
		CapSurchargePercent: 1000,
	}
	res, err := Compute(in)
	if err != nil {
		t.Fatal(err)
	}
	// twelfths of 1207: 100 each, 7 cents to January–July → Jan–Jun 606,
	// Jul–Dec 601; July to December split 50:50 → 301 (U, the earlier) and 300.
	if u, j := res.Parties[0].ByYear[2027], res.Parties[1].ByYear[2027]; u != 907 || j != 300 {
		t.Errorf("U %d, J %d; want 907, 300", u, j)
	}
}

// TestItemRuns: a yearly item whose key changes within its year names its
// runs of months with their splits (the Zahlungsplan invoices by them):
// January–June 606 cents for U alone, July–December 601 split 301/300.
// An item without a change of key has no runs.
func TestItemRuns(t *testing.T) {
	t.Parallel()
	in := Input{
		Parties:             []Party{{Code: "U", Bears: true}, {Code: "J", Bears: true, From: Month{2027, 7}}},
		Key:                 []KeyPart{{Kind: Paritaet, Weight: 10000}},
		Positions:           []Position{{ID: "b", AmountCents: 1207, Years: []int{2027, 2028}}},
		Implementing:        "U",
		CapSurchargePercent: 1000,
	}
	res, err := Compute(in)
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(res.Items[0].Runs)
	if want := "[{1 6 [{U 606}]} {7 12 [{U 301} {J 300}]}]"; got != want {
		t.Errorf("runs of 2027: %s, want %s", got, want)
	}
	if res.Items[1].Runs != nil {
		t.Errorf("runs of 2028 without a change: %v", res.Items[1].Runs)
	}
	b, err := json.Marshal(res.Items[0])
	if err != nil || strings.Contains(string(b), "First") || strings.Contains(string(b), "runs") {
		t.Errorf("runs leak into the JSON: %s %v", b, err)
	}
}

// TestPropertyChanges draws inputs with joining and leaving parties and
// checks what must hold whatever the numbers: items add up, every period's
// shares make 100 %, nobody pays in a year it takes no part in, nobody but
// the implementing Land pays above its Höchstbetrag, the moves add up to
// zero, the totals add up, and the result is the same when computed again.
func TestPropertyChanges(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		n := rapid.IntRange(2, 7).Draw(t, "parties")
		in := Input{Implementing: "L00", CapSurchargePercent: rapid.IntRange(0, 30).Draw(t, "surcharge"),
			Term: Term{From: Month{2027, rapid.IntRange(1, 12).Draw(t, "from")}}}
		values := map[string]int64{}
		for i := range n {
			code := fmt.Sprintf("L%02d", i)
			p := Party{Code: code, Bears: i == 0 || rapid.IntRange(0, 4).Draw(t, "bears-"+code) > 0}
			if i > 0 {
				// L01 signed the agreement: an agreement is concluded by the
				// implementing Land and at least one re-using Land
				change := 0
				if i > 1 {
					change = rapid.IntRange(0, 2).Draw(t, "change-"+code)
				}
				switch change {
				case 1:
					p.From = Month{rapid.IntRange(2027, 2030).Draw(t, "fy-"+code), rapid.IntRange(1, 12).Draw(t, "fm-"+code)}
				case 2:
					p.To = Month{rapid.IntRange(2027, 2029).Draw(t, "ty-"+code), 12}
				}
				in.Reusers = append(in.Reusers, code)
			}
			values[code] = rapid.Int64Range(1, 1_000_000).Draw(t, "v-"+code)
			in.Parties = append(in.Parties, p)
		}
		w := rapid.Int64Range(1, FullWeight-1).Draw(t, "weight")
		in.Key = []KeyPart{{Kind: Paritaet, Weight: w}, {Kind: Nutzung, Weight: FullWeight - w, Values: values}}
		for i := range rapid.IntRange(1, 4).Draw(t, "positions") {
			pos := Position{ID: fmt.Sprintf("p%d", i), AmountCents: rapid.Int64Range(0, 1_000_000_000).Draw(t, "amount")}
			pos.Bearer.Kind = rapid.SampledFrom([]BearerKind{ByKey, ByKey, EachReuser}).Draw(t, "bearer")
			if rapid.Bool().Draw(t, "yearly") {
				pos.Years = rapid.SliceOfNDistinct(rapid.IntRange(2027, 2031), 1, 5, rapid.ID[int]).Draw(t, "years")
			} else {
				pos.Year = rapid.IntRange(2027, 2031).Draw(t, "year")
			}
			in.Positions = append(in.Positions, pos)
		}
		res, err := Compute(in)
		if err != nil {
			t.Fatal(err)
		}
		again, _ := Compute(in)
		a, _ := json.Marshal(res)
		b, _ := json.Marshal(again)
		if string(a) != string(b) {
			t.Fatal("not deterministic")
		}
		if !changing(in.Parties) {
			if res.Plan != nil || res.Periods != nil {
				t.Fatal("plan or periods without a change")
			}
			return
		}
		for _, per := range res.Periods {
			var s int64
			for _, ps := range per.Shares {
				s += ps.ShareE5
			}
			if s != FullE5 {
				t.Fatalf("period %v: shares %d", per.From, s)
			}
		}
		items := map[string]map[int]int64{}
		for _, it := range res.Items {
			var s int64
			for _, pa := range it.Split {
				s += pa.Cents
				if items[pa.Code] == nil {
					items[pa.Code] = map[int]int64{}
				}
				items[pa.Code][it.Year] += pa.Cents
			}
			if s != it.AmountCents {
				t.Fatalf("%s: split %d, amount %d", it.ID, s, it.AmountCents)
			}
		}
		var total int64
		moved := map[int]int64{}
		for i, p := range res.Parties {
			party := in.Parties[i]
			var own int64
			for _, y := range res.Years {
				own += p.ByYear[y]
				moved[y] += p.CapAdjustByYear[y]
				if p.ByYear[y] != items[p.Code][y]+p.CapAdjustByYear[y] {
					t.Fatalf("%s %d: %d ≠ items %d + moved %d", p.Code, y, p.ByYear[y], items[p.Code][y], p.CapAdjustByYear[y])
				}
				if a, _ := overlap(party.From, party.To, y, 1, 12); a == 0 && items[p.Code][y] != 0 {
					t.Fatalf("%s pays %d for items of %d, outside its months", p.Code, items[p.Code][y], y)
				}
				if c, ok := p.CapByYear[y]; ok && p.Code != in.Implementing && p.ByYear[y] > c {
					t.Fatalf("%s pays %d in %d above its cap %d", p.Code, p.ByYear[y], y, c)
				}
				if p.CapAdjustByYear[y] > 0 && p.Code != in.Implementing && p.ByYear[y] > p.CapByYear[y] {
					t.Fatalf("%s received beyond its cap", p.Code)
				}
			}
			if own != p.TotalCents {
				t.Fatalf("%s: years %d, total %d", p.Code, own, p.TotalCents)
			}
			total += p.TotalCents
		}
		if total != res.TotalCents {
			t.Fatalf("parties %d, total %d", total, res.TotalCents)
		}
		for y, m := range moved {
			if m != 0 {
				t.Fatalf("%d: moves add up to %d", y, m)
			}
		}
	})
}
