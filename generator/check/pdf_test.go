package check_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/pdf"
	"github.com/vereinbar/vereinbar/generator/render/pdf/pdftest"
)

// tamperedPDF renders a generated document as PDF and checks the file
// through the facade, as `vereinbar check x.pdf` does. With edits the
// pages show the edited document while the file embeds the model of the
// unedited one (rewritten in place, one revision); with update the model
// is embedded again by an incremental update.
func tamperedPDF(fixture, file string, update bool, edits ...edit) variant {
	return func(t *testing.T, g *generator.Generator) []check.Finding {
		t.Helper()
		orig := generated(t, g, fixture, file).Doc
		shown := generated(t, g, fixture, file).Doc
		for _, e := range edits {
			e(t, shown)
		}
		b := renderPDF(t, shown)
		if len(edits) > 0 || update {
			var dump bytes.Buffer
			if err := model.Dump(&dump, orig); err != nil {
				t.Fatal(err)
			}
			var err error
			if b, err = pdftest.ReplaceModel(b, dump.Bytes(), update); err != nil {
				t.Fatal(err)
			}
		}
		path := filepath.Join(t.TempDir(), file+".pdf")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		rep := g.Check(context.Background(), path, generator.CheckOptions{})
		if rep.Err != nil {
			t.Fatal(rep.Err)
		}
		return rep.Findings
	}
}

func renderPDF(t testing.TB, d *model.Document) []byte {
	t.Helper()
	r, err := pdf.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.Render(&b, d, pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func pdfCase(code, name string, update bool, edits ...edit) ruleCase {
	return ruleCase{code, name, pdfVariant(wohngeld, ring), tamperedPDF(wohngeld, ring, update, edits...)}
}

var pdfCases = []ruleCase{
	pdfCase("PDF-001", "anderer Betrag auf der Seite als im Modell", false, replace("kosten", "", "480.000,00", "490.000,00")),
	pdfCase("PDF-002", "andere Vertretung auf der Seite als im Modell", false,
		replace("", "", "Ministerium für Infrastruktur und Digitales", "Ministerium der Finanzen")),
	pdfCase("PDF-003", "Modell per inkrementeller Aktualisierung neu eingebettet", true),
}
