package pdftest_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
	"github.com/vereinbar/vereinbar/generator/render/pdf"
	"github.com/vereinbar/vereinbar/generator/render/pdf/pdftest"
)

// TestReplaceModel: both ways of replacing the model give a file qpdf
// accepts, whose embedded model is the new one; only the incremental
// update adds a revision.
func TestReplaceModel(t *testing.T) {
	t.Parallel()
	r, err := pdf.NewRenderer()
	if err != nil {
		t.Fatal(err)
	}
	var orig bytes.Buffer
	if err := r.Render(&orig, modeltest.Sample(3), pdf.Options{}); err != nil {
		t.Fatal(err)
	}
	dump := []byte("document kind=\"anders\"\n")
	for _, incremental := range []bool{false, true} {
		b, err := pdftest.ReplaceModel(orig.Bytes(), dump, incremental)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "x.pdf")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		testtool.Run(t, "qpdf", "--check", path)
		if got, err := pdf.ReadEmbeddedModel(b); err != nil || !bytes.Equal(got, dump) {
			t.Errorf("incremental=%v: model %q, %v", incremental, got, err)
		}
		pages, err := pdf.ReadPages(b)
		want := 0
		if incremental {
			want = 1
		}
		if err != nil || pages.Updates != want {
			t.Errorf("incremental=%v: %v, %v; want %d updates", incremental, pages, err, want)
		}
	}
}
