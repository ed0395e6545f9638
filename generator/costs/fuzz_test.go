package costs

import (
	"encoding/binary"
	"math/big"
	"testing"
)

// FuzzSplit feeds arbitrary totals and shares to Split: it must never
// panic, and every accepted input must be split exactly.
func FuzzSplit(f *testing.F) {
	enc := func(shares ...int64) []byte {
		var b []byte
		for _, s := range shares {
			b = binary.LittleEndian.AppendUint64(b, uint64(s))
		}
		return b
	}
	f.Add(int64(2), enc(2807853, 4700397, 2491750))
	f.Add(int64(100), enc(3333334, 3333333, 3333333))
	f.Add(int64(-1), enc(FullE5))
	f.Add(int64(1<<63-1), enc(1, FullE5-1))
	f.Add(int64(0), enc())
	f.Fuzz(func(t *testing.T, total int64, raw []byte) {
		shares := make([]int64, 0, len(raw)/8)
		for len(raw) >= 8 {
			shares = append(shares, int64(binary.LittleEndian.Uint64(raw)))
			raw = raw[8:]
		}
		amounts, err := Split(total, shares)
		if err != nil {
			return
		}
		if len(amounts) != len(shares) {
			t.Fatalf("%d amounts for %d shares", len(amounts), len(shares))
		}
		sum := new(big.Int)
		full := big.NewInt(FullE5)
		for i, a := range amounts {
			sum.Add(sum, big.NewInt(a))
			d := new(big.Int).Mul(big.NewInt(a), full)
			d.Sub(d, new(big.Int).Mul(big.NewInt(total), big.NewInt(shares[i])))
			if d.Abs(d).Cmp(full) >= 0 {
				t.Fatalf("amount %d for share %d of %d", a, shares[i], total)
			}
		}
		if sum.Cmp(big.NewInt(total)) != 0 {
			t.Fatalf("split of %d sums to %s", total, sum)
		}
	})
}

// FuzzCompute builds small inputs from fuzz data: Compute must never panic.
func FuzzCompute(f *testing.F) {
	f.Add([]byte{3, 1, 1, 0, 5, 9, 200, 7})
	f.Fuzz(func(t *testing.T, data []byte) {
		next := func() int64 {
			if len(data) == 0 {
				return 0
			}
			b := int64(int8(data[0]))
			data = data[1:]
			return b
		}
		n := int(next()&7) + 1
		in := Input{}
		codes := []string{"A", "B", "C", "D", "E", "F", "G", "H"}
		for i := range n {
			in.Parties = append(in.Parties, Party{Code: codes[(int(next())&7+i)%8], Bears: next()&1 == 1})
			if next()&1 == 1 {
				in.Reusers = append(in.Reusers, codes[int(next())&7])
			}
		}
		kinds := []KeyKind{Koenigstein, Paritaet, Nutzung, Einwohner, Zielgruppe, Fest, "x"}
		for range int(next()&3) + 1 {
			part := KeyPart{Kind: kinds[int(next()&7)%len(kinds)], Weight: next() * 100, Values: map[string]int64{}}
			for _, c := range codes[:int(next()&7)] {
				part.Values[c] = next() * next() * 1000
			}
			in.Key = append(in.Key, part)
		}
		bearers := []BearerKind{"", ByKey, Single, EachReuser, External, "y"}
		for i := range int(next() & 7) {
			pos := Position{ID: codes[i], AmountCents: next() << 40, Year: int(next()),
				Bearer: Bearer{Kind: bearers[int(next()&7)%len(bearers)], Party: codes[int(next())&7]}}
			if next()&1 == 1 {
				pos.Years = []int{int(next()), int(next())}
			}
			in.Positions = append(in.Positions, pos)
		}
		res, err := Compute(in)
		if err != nil {
			return
		}
		var sum int64
		for _, p := range res.Parties {
			sum += p.TotalCents
		}
		if sum != res.TotalCents {
			t.Fatalf("party totals %d != total %d", sum, res.TotalCents)
		}
	})
}
