package costs

import (
	"fmt"
	"testing"
)

// BenchmarkCompute16Laender splits 10 yearly positions over 3 years among
// all 16 Länder with a 3-part key.
func BenchmarkCompute16Laender(b *testing.B) {
	codes := []string{"BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV",
		"NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"}
	in := Input{Parties: bearing(codes...), Reusers: codes}
	usage := make(map[string]int64, len(codes))
	for i, c := range codes {
		usage[c] = int64(1000 + 37*i)
	}
	in.Key = []KeyPart{
		{Kind: Koenigstein, Weight: 5000, Values: ks2016()},
		{Kind: Paritaet, Weight: 2000},
		{Kind: Nutzung, Weight: 3000, Values: usage},
	}
	for i := range 10 {
		in.Positions = append(in.Positions, Position{
			ID:          fmt.Sprintf("pos%d", i),
			AmountCents: int64(48_000_000 + 12_345*i),
			Years:       []int{2027, 2028, 2029},
		})
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Compute(in); err != nil {
			b.Fatal(err)
		}
	}
}
