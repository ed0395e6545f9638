package main

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
)

// The benchmarks time the routes of benchcmp on the star agreements of the
// largest fixture, one agreement per iteration, for profiling:
//
//	go test ./cmd/benchcmp -run '^$' -bench SternVereinbarungPDF -benchmem -cpuprofile /tmp/pdf.prof
//	go tool pprof -top -cum /tmp/pdf.prof

const fixturesDir = "../../fixtures"

func benchRoute(b *testing.B, name string) {
	gen, err := generator.New(generator.Options{})
	if err != nil {
		b.Fatal(err)
	}
	s, err := loadAgreements(gen, filepath.Join(fixturesDir, benchFixtures[0]))
	if err != nil {
		b.Fatal(err)
	}
	var r route
	for _, x := range inprocRoutes {
		if x.name == name {
			r = x
		}
	}
	ctx := context.Background()
	if err := r.do(ctx, gen, s, s.kinds[0]); err != nil { // fonts parsed once, as in a run
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		if err := r.do(ctx, gen, s, s.kinds[i%len(s.kinds)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

func BenchmarkSternVereinbarungModell(b *testing.B)        { benchRoute(b, "modell") }
func BenchmarkSternVereinbarungDOCX(b *testing.B)          { benchRoute(b, "docx") }
func BenchmarkSternVereinbarungPDF(b *testing.B)           { benchRoute(b, "pdf") }
func BenchmarkSternVereinbarungDOCXSchreiber(b *testing.B) { benchRoute(b, "docx-schreiber") }
func BenchmarkSternVereinbarungPDFSchreiber(b *testing.B)  { benchRoute(b, "pdf-schreiber") }
