package markup_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/vereinbar/vereinbar/generator/markup"
	"github.com/vereinbar/vereinbar/generator/model"
)

// TestConvertConcurrent converts the seed markup from several goroutines
// at once, as a batch run does: the goldmark parser is shared, so every
// conversion must give the dump of a conversion on its own (run it with
// -race).
func TestConvertConcurrent(t *testing.T) {
	t.Parallel()
	paths, err := filepath.Glob(filepath.Join(seedsDir, "*.md"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("keine Seeds in %s: %v", seedsDir, err)
	}
	srcs := make([][]byte, len(paths))
	want := make([]string, len(paths))
	for i, p := range paths {
		if srcs[i], err = os.ReadFile(p); err != nil {
			t.Fatal(err)
		}
		want[i] = dumpOrError(srcs[i])
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(paths))
	for g := range 8 {
		wg.Go(func() {
			for k := range srcs {
				i := (k + g) % len(srcs)
				if got := dumpOrError(srcs[i]); got != want[i] {
					errs <- paths[i]
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for p := range errs {
		t.Errorf("%s: nebenläufig ein anderes Ergebnis", p)
	}
}

// dumpOrError is the dump of the converted markup or the error text; it
// does not touch t, so goroutines may call it.
func dumpOrError(src []byte) string {
	blocks, err := markup.Convert(src, "seed.md")
	if err != nil {
		return "error: " + err.Error()
	}
	var b bytes.Buffer
	if err := model.Dump(&b, &model.Document{Blocks: blocks}); err != nil {
		return "dump error: " + err.Error()
	}
	return b.String()
}
