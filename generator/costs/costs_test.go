package costs

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// ks2016 is the Königsteiner Schlüssel 2016 in e5 units; it sums to 10^7.
func ks2016() map[string]int64 {
	return map[string]int64{
		"BW": 1296662, "BY": 1553327, "BE": 508324, "BB": 303655,
		"HB": 95331, "HH": 255752, "HE": 739885, "MV": 201240,
		"NI": 933138, "NW": 2114424, "RP": 483089, "SL": 121111,
		"SN": 505577, "ST": 279941, "SH": 339074, "TH": 269470,
	}
}

func bearing(codes ...string) []Party {
	ps := make([]Party, len(codes))
	for i, c := range codes {
		ps[i] = Party{Code: c, Bears: true}
	}
	return ps
}

func ksKey() []KeyPart {
	return []KeyPart{{Kind: Koenigstein, Weight: 10000, Values: ks2016()}}
}

func TestKS2016SumsToFull(t *testing.T) {
	t.Parallel()
	var sum int64
	for _, v := range ks2016() {
		sum += v
	}
	if sum != FullE5 {
		t.Fatalf("KS 2016 sums to %d", sum)
	}
}

// TestPublicVectors checks the binding public test vectors, both through
// Shares/Split and through Compute.
func TestPublicVectors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		parties []Party
		key     []KeyPart
		shares  []int64
		total   int64
		amounts []int64
	}{
		{
			name:    "ST SN TH Königstein 2016",
			parties: bearing("ST", "SN", "TH"),
			key:     ksKey(),
			shares:  []int64{2653499, 4792254, 2554247},
			total:   10_000_000,
			amounts: []int64{2653499, 4792254, 2554247},
		},
		{
			name:    "BB BE TH Königstein 2016, 2 Cent",
			parties: bearing("BB", "BE", "TH"),
			key:     ksKey(),
			shares:  []int64{2807853, 4700397, 2491750},
			total:   2,
			amounts: []int64{1, 1, 0},
		},
		{
			name:    "Nordverbund Königstein 2016",
			parties: bearing("HB", "HH", "SH", "NI", "MV"),
			key:     ksKey(),
			shares:  []int64{522495, 1401738, 1858413, 5114388, 1102966},
			total:   25_000_000,
			amounts: []int64{1306238, 3504345, 4646032, 12785970, 2757415},
		},
		{
			name:    "ST SN TH Parität",
			parties: bearing("ST", "SN", "TH"),
			key:     []KeyPart{{Kind: Paritaet, Weight: 10000}},
			shares:  []int64{3333334, 3333333, 3333333},
			total:   100,
			amounts: []int64{34, 33, 33},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			shares, err := Shares(tc.parties, tc.key)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.shares, shares); diff != "" {
				t.Errorf("Shares (-want +got):\n%s", diff)
			}
			amounts, err := Split(tc.total, shares)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.amounts, amounts); diff != "" {
				t.Errorf("Split (-want +got):\n%s", diff)
			}

			res, err := Compute(Input{
				Parties:   tc.parties,
				Key:       tc.key,
				Positions: []Position{{ID: "x", AmountCents: tc.total}},
			})
			if err != nil {
				t.Fatal(err)
			}
			for i, p := range res.Parties {
				if p.ShareE5 != tc.shares[i] || p.TotalCents != tc.amounts[i] {
					t.Errorf("%s: share %d total %d, want %d %d",
						p.Code, p.ShareE5, p.TotalCents, tc.shares[i], tc.amounts[i])
				}
			}
			if res.TotalCents != tc.total {
				t.Errorf("TotalCents = %d, want %d", res.TotalCents, tc.total)
			}
		})
	}
}

// TestHalfUpMissesTotal shows why the largest-remainder rule exists: the
// exact quotas of BB, BE, TH are
//
//	BB 3036550000000/1081449 ≈ 2807853.167
//	BE 5083240000000/1081449 ≈ 4700397.337
//	TH 2694700000000/1081449 ≈ 2491749.495
//
// so rounding each half-up gives 2807853 + 4700397 + 2491749 = 9999999,
// one unit short, while Hare/Niemeyer gives the missing unit to TH.
func TestHalfUpMissesTotal(t *testing.T) {
	t.Parallel()
	ks := ks2016()
	codes := []string{"BB", "BE", "TH"}
	var sum int64
	for _, c := range codes {
		sum += ks[c]
	}
	var halfUp int64
	for _, c := range codes {
		// round(10^7·x/sum) half-up = ⌊(2·10^7·x + sum) / (2·sum)⌋; fits int64.
		halfUp += (2*FullE5*ks[c] + sum) / (2 * sum)
	}
	if halfUp != 9_999_999 {
		t.Fatalf("half-up sum = %d, want 9999999", halfUp)
	}
	shares, err := Shares(bearing(codes...), ksKey())
	if err != nil {
		t.Fatal(err)
	}
	var got int64
	for _, s := range shares {
		got += s
	}
	if got != FullE5 {
		t.Fatalf("Hare/Niemeyer sum = %d, want %d", got, FullE5)
	}
}

func TestSharesCombinations(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		parties []Party
		key     []KeyPart
		want    []int64
	}{
		{
			// S = 279941 + 505577 + 269470 = 1054988.
			// w_i = 1/2 · x_i/S + 1/2 · 1/3:
			//   ST 1894811/6329928, SN 2571719/6329928, TH 931699/3164964.
			// quota = 10^7 · w_i:
			//   ST 2368513750000/791241 = 2993416 + 280744/791241
			//   SN 3214648750000/791241 = 4062793 + 353887/791241
			//   TH 2329247500000/791241 = 2943790 + 156610/791241
			// Floors sum to 9999999; the missing unit goes to SN (largest
			// remainder 353887/791241).
			name:    "50 % Königstein + 50 % Parität",
			parties: bearing("ST", "SN", "TH"),
			key: []KeyPart{
				{Kind: Koenigstein, Weight: 5000, Values: ks2016()},
				{Kind: Paritaet, Weight: 5000},
			},
			want: []int64{2993416, 4062794, 2943790},
		},
		{
			// quota = 10^7 · (3/10 · f_i/10^7 + 7/10 · x_i/S):
			//   ST 3357449.563…, SN 4254577.492…, TH 2387972.943…
			// Floors sum to 9999998; units go to TH (.943) and ST (.563).
			name:    "30 % fest + 70 % Königstein",
			parties: bearing("ST", "SN", "TH"),
			key: []KeyPart{
				{Kind: Fest, Weight: 3000, Values: map[string]int64{"ST": 5_000_000, "SN": 3_000_000, "TH": 2_000_000}},
				{Kind: Koenigstein, Weight: 7000, Values: ks2016()},
			},
			want: []int64{3357450, 4254577, 2387973},
		},
		{
			name:    "100 % fest",
			parties: bearing("ST", "SN", "TH"),
			key: []KeyPart{
				{Kind: Fest, Weight: 10000, Values: map[string]int64{"ST": 5_000_000, "SN": 3_000_000, "TH": 2_000_000}},
			},
			want: []int64{5_000_000, 3_000_000, 2_000_000},
		},
		{
			// quota = 10^7 · (6/10 · n_i/500 + 4/10 · e_i/8393682):
			//   ST 2479202.581…, SN 5547251.277…, TH 1973546.141…
			// Floors sum to 9999999; the unit goes to ST (.581).
			name:    "60 % Nutzung + 40 % Einwohner",
			parties: bearing("ST", "SN", "TH"),
			key: []KeyPart{
				{Kind: Nutzung, Weight: 6000, Values: map[string]int64{"ST": 120, "SN": 300, "TH": 80}},
				{Kind: Einwohner, Weight: 4000, Values: map[string]int64{"ST": 2180684, "SN": 4086152, "TH": 2126846}},
			},
			want: []int64{2479203, 5547251, 1973546},
		},
		{
			name:    "Zielgruppe, ein Land mit 0",
			parties: bearing("ST", "SN", "TH"),
			key:     []KeyPart{{Kind: Zielgruppe, Weight: 10000, Values: map[string]int64{"ST": 1, "SN": 0, "TH": 3}}},
			want:    []int64{2_500_000, 0, 7_500_000},
		},
		{
			// SN/(SN+TH) = 505577/775047 → 6523179, TH 3476821.
			name:    "umsetzendes Land trägt nicht",
			parties: []Party{{Code: "ST"}, {Code: "SN", Bears: true}, {Code: "TH", Bears: true}},
			key:     ksKey(),
			want:    []int64{0, 6523179, 3476821},
		},
		{
			name:    "ein Land trägt alles",
			parties: []Party{{Code: "ST"}, {Code: "SN", Bears: true}},
			key:     []KeyPart{{Kind: Paritaet, Weight: 10000}},
			want:    []int64{0, FullE5},
		},
		{
			name:    "Gleichstand an das früher genannte Land",
			parties: bearing("A", "B", "C", "D", "E", "F", "G"),
			key:     []KeyPart{{Kind: Paritaet, Weight: 10000}},
			// 10^7/7 = 1428571 + 3/7 each; 3 units to A, B, C.
			want: []int64{1428572, 1428572, 1428572, 1428571, 1428571, 1428571, 1428571},
		},
		{
			name:    "Werte sehr groß",
			parties: bearing("A", "B"),
			key:     []KeyPart{{Kind: Einwohner, Weight: 10000, Values: map[string]int64{"A": math.MaxInt64, "B": math.MaxInt64}}},
			want:    []int64{5_000_000, 5_000_000},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Shares(tc.parties, tc.key)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Shares (-want +got):\n%s", diff)
			}
		})
	}
}

func TestSplit(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		total  int64
		shares []int64
		want   []int64
	}{
		{"null", 0, []int64{3333334, 3333333, 3333333}, []int64{0, 0, 0}},
		{"ein Cent an den größten Rest", 1, []int64{2807853, 4700397, 2491750}, []int64{0, 1, 0}},
		{"Gleichstand früheres Land", 1, []int64{5_000_000, 5_000_000}, []int64{1, 0}},
		{"Anteil 0 bekommt nie etwas", 7, []int64{0, 5_000_000, 0, 5_000_000}, []int64{0, 4, 0, 3}},
		{"10^13 Cent", MaxCents, []int64{2653499, 4792254, 2554247},
			[]int64{2653499000000, 4792254000000, 2554247000000}},
		{"MaxInt64", math.MaxInt64, []int64{1, FullE5 - 1},
			[]int64{922337203685, 9223371114517572122}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Split(tc.total, tc.shares)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("Split (-want +got):\n%s", diff)
			}
		})
	}
}

// saxony is the shared fixture for the Compute tests: ST implements and
// does not bear, SN and TH bear and re-use.
func saxony() Input {
	return Input{
		Parties: []Party{{Code: "ST"}, {Code: "SN", Bears: true}, {Code: "TH", Bears: true}},
		Reusers: []string{"TH", "SN"}, // file order differs from party order
		Key:     ksKey(),
		Positions: []Position{
			{ID: "betrieb", Category: "betrieb", Label: "Betrieb", AmountCents: 48_000_000, Years: []int{2028, 2027}},
			{ID: "anbindung", Category: "anbindung", Label: "Anbindung", AmountCents: 1_000_000, Bearer: Bearer{Kind: EachReuser}},
			{ID: "entwicklung", Category: "entwicklung", AmountCents: 12_345, Year: 2026, Bearer: Bearer{Kind: Single, Party: "ST"}},
			{ID: "ozg", Category: "entwicklung", Label: "OZG-Mittel", AmountCents: 99_000_000, Bearer: Bearer{Kind: External}},
			{ID: "schulung", AmountCents: 12_345, Bearer: Bearer{Kind: ByKey}},
		},
	}
}

func TestCompute(t *testing.T) {
	t.Parallel()
	res, err := Compute(saxony())
	if err != nil {
		t.Fatal(err)
	}
	// Shares SN 6523179, TH 3476821 (see TestSharesCombinations).
	// 48,000,000 · share: SN 31311259.2 → 31311259, TH 16688740.8 → 16688741.
	// 12,345 · share: SN 8052.85… → 8053, TH 4292.13… → 4292.
	want := &Result{
		Parties: []PartyResult{
			{Code: "ST", ShareE5: 0, TotalCents: 12_345,
				ByYear: map[int]int64{2026: 12_345, 2027: 0, 2028: 0, 0: 0}},
			{Code: "SN", Bears: true, ShareE5: 6523179, TotalCents: 2*31311259 + 1_000_000 + 8053,
				ByYear: map[int]int64{2026: 0, 2027: 31311259, 2028: 31311259, 0: 1_000_000 + 8053}},
			{Code: "TH", Bears: true, ShareE5: 3476821, TotalCents: 2*16688741 + 1_000_000 + 4292,
				ByYear: map[int]int64{2026: 0, 2027: 16688741, 2028: 16688741, 0: 1_000_000 + 4292}},
		},
		Items: []ItemResult{
			{ID: "betrieb-2027", Position: "betrieb", Category: "betrieb", Label: "Betrieb", Year: 2027,
				AmountCents: 48_000_000, Months: 12, Basis: ByKey,
				Split: []PartyAmount{{"SN", 31311259}, {"TH", 16688741}}},
			{ID: "betrieb-2028", Position: "betrieb", Category: "betrieb", Label: "Betrieb", Year: 2028,
				AmountCents: 48_000_000, Months: 12, Basis: ByKey,
				Split: []PartyAmount{{"SN", 31311259}, {"TH", 16688741}}},
			{ID: "anbindung", Position: "anbindung", Category: "anbindung", Label: "Anbindung",
				AmountCents: 2_000_000, Basis: EachReuser,
				Split: []PartyAmount{{"SN", 1_000_000}, {"TH", 1_000_000}}},
			{ID: "entwicklung", Position: "entwicklung", Category: "entwicklung", Year: 2026,
				AmountCents: 12_345, Basis: Single,
				Split: []PartyAmount{{"ST", 12_345}}},
			{ID: "schulung", Position: "schulung", AmountCents: 12_345, Basis: ByKey,
				Split: []PartyAmount{{"SN", 8053}, {"TH", 4292}}},
		},
		External: []ItemResult{
			{ID: "ozg", Position: "ozg", Category: "entwicklung", Label: "OZG-Mittel",
				AmountCents: 99_000_000, Basis: External},
		},
		TotalCents: 2*48_000_000 + 2_000_000 + 12_345 + 12_345,
		Years:      []int{2026, 2027, 2028, 0},
	}
	if diff := cmp.Diff(want, res, cmpopts.IgnoreFields(Result{}, "Key")); diff != "" {
		t.Errorf("Compute (-want +got):\n%s", diff)
	}
	var sum int64
	for _, p := range res.Parties {
		sum += p.TotalCents
	}
	if sum != res.TotalCents {
		t.Errorf("Σ party totals %d != TotalCents %d", sum, res.TotalCents)
	}
}

func TestComputeBearers(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		in     Input
		items  []ItemResult
		totals []int64
	}{
		{
			name: "Single zahlt alles, auch wenn es nicht trägt",
			in: Input{
				Parties:   []Party{{Code: "ST"}, {Code: "SN"}},
				Positions: []Position{{ID: "p", AmountCents: 500, Bearer: Bearer{Kind: Single, Party: "SN"}}},
			},
			items:  []ItemResult{{ID: "p", Position: "p", AmountCents: 500, Basis: Single, Split: []PartyAmount{{"SN", 500}}}},
			totals: []int64{0, 500},
		},
		{
			name: "EachReuser: jedes nachnutzende Land den vollen Betrag",
			in: Input{
				Parties:   []Party{{Code: "ST"}, {Code: "SN"}, {Code: "TH"}, {Code: "BB"}},
				Reusers:   []string{"BB", "SN"},
				Positions: []Position{{ID: "p", AmountCents: 700, Years: []int{2030}, Bearer: Bearer{Kind: EachReuser}}},
			},
			items: []ItemResult{{ID: "p-2030", Position: "p", Year: 2030, AmountCents: 1400, Months: 12, Basis: EachReuser,
				Split: []PartyAmount{{"SN", 700}, {"BB", 700}}}},
			totals: []int64{0, 700, 0, 700},
		},
		{
			name: "External wird nicht verteilt, keine tragenden Länder nötig",
			in: Input{
				Parties:   []Party{{Code: "ST"}},
				Positions: []Position{{ID: "p", AmountCents: 700, Bearer: Bearer{Kind: External}}},
			},
			items:  []ItemResult{},
			totals: []int64{0},
		},
		{
			name: "Betrag 0 nach Schlüssel: leere Aufteilung",
			in: Input{
				Parties:   bearing("ST", "SN"),
				Key:       []KeyPart{{Kind: Paritaet, Weight: 10000}},
				Positions: []Position{{ID: "p"}},
			},
			items:  []ItemResult{{ID: "p", Position: "p", Basis: ByKey}},
			totals: []int64{0, 0},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := Compute(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tc.items, res.Items); diff != "" {
				t.Errorf("Items (-want +got):\n%s", diff)
			}
			var totals []int64
			for _, p := range res.Parties {
				totals = append(totals, p.TotalCents)
			}
			if diff := cmp.Diff(tc.totals, totals); diff != "" {
				t.Errorf("totals (-want +got):\n%s", diff)
			}
		})
	}
}

func TestComputeExternalListed(t *testing.T) {
	t.Parallel()
	res, err := Compute(Input{
		Parties:   []Party{{Code: "ST"}},
		Positions: []Position{{ID: "kp", AmountCents: 700, Years: []int{2021, 2020}, Bearer: Bearer{Kind: External}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	ids := []string{}
	for _, it := range res.External {
		ids = append(ids, it.ID)
		if it.Split != nil || it.Basis != External {
			t.Errorf("%s: split %v basis %q", it.ID, it.Split, it.Basis)
		}
	}
	if diff := cmp.Diff([]string{"kp-2020", "kp-2021"}, ids); diff != "" {
		t.Errorf("external IDs (-want +got):\n%s", diff)
	}
	if res.TotalCents != 0 || len(res.Years) != 0 {
		t.Errorf("external counted: total %d years %v", res.TotalCents, res.Years)
	}
}

func TestErrors(t *testing.T) {
	t.Parallel()
	base := saxony
	with := func(f func(*Input)) Input {
		in := base()
		f(&in)
		return in
	}
	tests := []struct {
		name string
		in   Input
		want error
	}{
		{"keine Beteiligten", Input{}, ErrNoParties},
		{"leeres Kürzel", with(func(in *Input) { in.Parties[0].Code = "" }), ErrPartyCode},
		{"doppeltes Kürzel", with(func(in *Input) { in.Parties[2].Code = "SN" }), ErrDuplicateParty},
		{"unbekannter Nachnutzer", with(func(in *Input) { in.Reusers = []string{"XX"} }), ErrUnknownParty},
		{"doppelter Nachnutzer", with(func(in *Input) { in.Reusers = []string{"TH", "TH"} }), ErrDuplicateParty},
		{"keine Gewichte", with(func(in *Input) { in.Key = nil }), ErrWeights},
		{"Gewichte unter 100 %", with(func(in *Input) { in.Key[0].Weight = 9999 }), ErrWeights},
		{"Gewichte über 100 %", with(func(in *Input) {
			in.Key = append(in.Key, KeyPart{Kind: Paritaet, Weight: 1})
		}), ErrWeights},
		{"Gewicht 0", with(func(in *Input) {
			in.Key = append(in.Key, KeyPart{Kind: Paritaet, Weight: 0})
		}), ErrWeights},
		{"Gewicht negativ", with(func(in *Input) {
			in.Key = []KeyPart{{Kind: Paritaet, Weight: 10001}, {Kind: Paritaet, Weight: -1}}
		}), ErrWeights},
		{"Gewicht riesig", with(func(in *Input) {
			in.Key = []KeyPart{{Kind: Paritaet, Weight: math.MaxInt64}, {Kind: Paritaet, Weight: math.MaxInt64}}
		}), ErrWeights},
		{"unbekannte Schlüsselart", with(func(in *Input) { in.Key[0].Kind = "bip" }), ErrKeyKind},
		{"Wert fehlt", with(func(in *Input) { delete(in.Key[0].Values, "TH") }), ErrMissingValue},
		{"Werte fehlen ganz", with(func(in *Input) { in.Key[0].Values = nil }), ErrMissingValue},
		{"Wert negativ", with(func(in *Input) { in.Key[0].Values["SN"] = -1 }), ErrNegativeValue},
		{"Wert eines Nichtträgers negativ", with(func(in *Input) { in.Key[0].Values["BY"] = -5 }), ErrNegativeValue},
		{"Summe null", with(func(in *Input) {
			in.Key = []KeyPart{{Kind: Nutzung, Weight: 10000, Values: map[string]int64{"SN": 0, "TH": 0, "ST": 7}}}
		}), ErrZeroSum},
		{"fest nicht 100 %", with(func(in *Input) {
			in.Key = []KeyPart{{Kind: Fest, Weight: 10000, Values: map[string]int64{"SN": 5_000_000, "TH": 4_999_999}}}
		}), ErrFestSum},
		{"fest zählt nur Träger", with(func(in *Input) {
			in.Key = []KeyPart{{Kind: Fest, Weight: 10000, Values: map[string]int64{"ST": 1, "SN": 5_000_000, "TH": 4_999_999}}}
		}), ErrFestSum},
		{"kein Träger bei Schlüsselposition", with(func(in *Input) { in.Parties[1].Bears, in.Parties[2].Bears = false, false }), ErrNoBearer},
		{"Betrag negativ", with(func(in *Input) { in.Positions[0].AmountCents = -1 }), ErrAmount},
		{"Betrag über 10^13", with(func(in *Input) { in.Positions[0].AmountCents = MaxCents + 1 }), ErrAmount},
		{"Position ohne ID", with(func(in *Input) { in.Positions[0].ID = "" }), ErrPosition},
		{"Position doppelt", with(func(in *Input) { in.Positions[1].ID = "schulung" }), ErrDuplicateItem},
		{"Item-ID kollidiert", with(func(in *Input) { in.Positions[4].ID = "betrieb-2027" }), ErrDuplicateItem},
		{"Jahr doppelt", with(func(in *Input) { in.Positions[0].Years = []int{2027, 2027} }), ErrYear},
		{"Jahr 0 in Years", with(func(in *Input) { in.Positions[0].Years = []int{0} }), ErrYear},
		{"Jahr negativ", with(func(in *Input) { in.Positions[2].Year = -2026 }), ErrYear},
		{"Year und Years", with(func(in *Input) { in.Positions[0].Year = 2027 }), ErrYear},
		{"unbekannte Kostentragung", with(func(in *Input) { in.Positions[0].Bearer.Kind = "bund" }), ErrBearerKind},
		{"Single unbekannt", with(func(in *Input) { in.Positions[2].Bearer.Party = "XX" }), ErrUnknownParty},
		{"Single leer", with(func(in *Input) { in.Positions[2].Bearer.Party = "" }), ErrUnknownParty},
		{"keine Nachnutzer", with(func(in *Input) { in.Reusers = nil }), ErrNoReusers},
		{"Summe läuft über", manyReusers(1000, []Position{{ID: "p", AmountCents: MaxCents,
			Years: yearsFrom(1, 1000), Bearer: Bearer{Kind: EachReuser}}}), ErrOverflow},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			res, err := Compute(tc.in)
			if !errors.Is(err, tc.want) {
				t.Fatalf("Compute error = %v, want %v", err, tc.want)
			}
			if res != nil {
				t.Errorf("result %v returned with error", res)
			}
		})
	}
}

// manyReusers returns n parties that all re-use and bear nothing.
func manyReusers(n int, positions []Position) Input {
	in := Input{Positions: positions}
	for i := range n {
		code := fmt.Sprintf("L%04d", i)
		in.Parties = append(in.Parties, Party{Code: code})
		in.Reusers = append(in.Reusers, code)
	}
	return in
}

func yearsFrom(first, n int) []int {
	ys := make([]int, n)
	for i := range ys {
		ys[i] = first + i
	}
	return ys
}

func TestSharesErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		parties []Party
		key     []KeyPart
		want    error
	}{
		{"keine Beteiligten", nil, ksKey(), ErrNoParties},
		{"keine Träger", []Party{{Code: "ST"}}, ksKey(), ErrNoBearer},
		{"doppelt", bearing("ST", "ST"), ksKey(), ErrDuplicateParty},
		{"leer", bearing(""), ksKey(), ErrPartyCode},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if _, err := Shares(tc.parties, tc.key); !errors.Is(err, tc.want) {
				t.Fatalf("error = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestSplitErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		total  int64
		shares []int64
		want   error
	}{
		{"Betrag negativ", -1, []int64{FullE5}, ErrAmount},
		{"MinInt64", math.MinInt64, []int64{FullE5}, ErrAmount},
		{"keine Anteile", 5, nil, ErrShares},
		{"Summe zu klein", 5, []int64{FullE5 - 1}, ErrShares},
		{"Summe zu groß", 5, []int64{FullE5, 1}, ErrShares},
		{"Anteil negativ", 5, []int64{FullE5 + 1, -1}, ErrShares},
		{"Anteile riesig", 5, []int64{math.MaxInt64, math.MaxInt64}, ErrShares},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			if _, err := Split(tc.total, tc.shares); !errors.Is(err, tc.want) {
				t.Fatalf("error = %v, want %v", err, tc.want)
			}
		})
	}
}

func TestValuesOfOtherCodesIgnored(t *testing.T) {
	t.Parallel()
	// Passing the complete table or only the bearing parties' values gives
	// the same shares.
	ks := ks2016()
	only := map[string]int64{"ST": ks["ST"], "SN": ks["SN"], "TH": ks["TH"]}
	a, err := Shares(bearing("ST", "SN", "TH"), ksKey())
	if err != nil {
		t.Fatal(err)
	}
	b, err := Shares(bearing("ST", "SN", "TH"), []KeyPart{{Kind: Koenigstein, Weight: 10000, Values: only}})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(a, b) {
		t.Fatalf("%v != %v", a, b)
	}
	// Paritaet ignores values entirely, even negative ones.
	c, err := Shares(bearing("ST", "SN"), []KeyPart{{Kind: Paritaet, Weight: 10000, Values: map[string]int64{"ST": -4}}})
	if err != nil || !slices.Equal(c, []int64{5_000_000, 5_000_000}) {
		t.Fatalf("paritaet: %v %v", c, err)
	}
}

func TestComputeDoesNotModifyInput(t *testing.T) {
	t.Parallel()
	in := saxony()
	years := slices.Clone(in.Positions[0].Years)
	values := maps.Clone(in.Key[0].Values)
	if _, err := Compute(in); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(years, in.Positions[0].Years) || !maps.Equal(values, in.Key[0].Values) {
		t.Fatal("input modified")
	}
}
