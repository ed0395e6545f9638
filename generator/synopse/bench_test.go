package synopse_test

import (
	"math/rand"
	"testing"

	"github.com/vereinbar/vereinbar/generator/synopse"
)

// BenchmarkBuild builds the Synopse of a random document of up to six
// clauses and its mutation, tables of up to 30 rows included.
func BenchmarkBuild(b *testing.B) {
	r := rand.New(rand.NewSource(1))
	type pair struct{ alt, neu rdoc }
	var pairs []pair
	for len(pairs) < 50 {
		d := randomDoc(r)
		if m := mutate(r, d); len(m.secs) > 0 {
			pairs = append(pairs, pair{d, m})
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := pairs[i%len(pairs)]
		if _, err := synopse.Build(p.alt.model(), p.neu.model(), synopse.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
