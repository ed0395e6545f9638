package generator_test

import (
	"bytes"
	"context"
	"path/filepath"
	"testing"

	"github.com/vereinbar/vereinbar/generator/render/docx"
	"github.com/vereinbar/vereinbar/generator/render/pdf"
)

// The largest fixture's agreement: twelve parties, three years.
const benchFixture = "wohngeld-ring.yaml"

func BenchmarkRingAgreementModel(b *testing.B) {
	gen := newGenerator(b)
	p, err := gen.LoadProject(filepath.Join(fixturesDir, benchFixture))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		res, err := gen.Costs(p)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := gen.Document(context.Background(), p, res, ringKind(b, gen, p)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRingAgreementDOCX(b *testing.B) {
	d := benchDocument(b)
	r := docx.NewRenderer()
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := r.Render(&buf, d, docx.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRingAgreementPDF(b *testing.B) {
	d := benchDocument(b)
	r, err := pdf.NewRenderer()
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := r.Render(&buf, d, pdf.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
