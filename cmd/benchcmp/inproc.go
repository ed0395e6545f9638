package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/docx"
	"github.com/vereinbar/vereinbar/generator/render/pdf"
)

// agreementSet is the agreements of one fixture, ready to render.
type agreementSet struct {
	name    string // fixture name without extension, e.g. "einbuergerung-stern-16"
	project *generator.Project
	costs   *costs.Result
	kinds   []generator.Doc
	models  map[string]*model.Document // built once, by Kind.File, for the writer routes
}

// loadAgreements reads a fixture and selects its agreements (one for a
// ring, one per re-using Land for a star).
func loadAgreements(gen *generator.Generator, path string) (*agreementSet, error) {
	p, err := gen.LoadProject(path)
	if err != nil {
		return nil, err
	}
	res, err := gen.Costs(p)
	if err != nil {
		return nil, err
	}
	ks := generator.SelectDocs(gen.Docs(p), []string{"vereinbarung"})
	if len(ks) == 0 {
		return nil, fmt.Errorf("%s: keine Vereinbarung", path)
	}
	name := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	models := map[string]*model.Document{}
	for _, k := range ks {
		if models[k.File], err = gen.Document(context.Background(), p, res, k); err != nil {
			return nil, err
		}
	}
	return &agreementSet{name: name, project: p, costs: res, kinds: ks, models: models}, nil
}

// route is one in-process way to a document, timed per document.
type route struct {
	name string // "modell", "docx", "pdf"
	do   func(ctx context.Context, g *generator.Generator, s *agreementSet, k generator.Doc) error
}

// inprocRoutes: the model alone (templates and markup), the full way
// from the validated project to a DOCX and to a PDF file in memory, the
// model included, exactly as GenerateProject and the batch call it, and
// the writers alone on a model built beforehand (a batch builds the model
// once for all formats of a document).
var inprocRoutes = []route{
	{"modell", func(_ context.Context, g *generator.Generator, s *agreementSet, k generator.Doc) error {
		_, err := g.Document(context.Background(), s.project, s.costs, k)
		return err
	}},
	{"docx", renderRoute("docx")},
	{"pdf", renderRoute("pdf")},
	{"docx-schreiber", writerRoute(func(w io.Writer, d *model.Document) error {
		return docxWriter.Render(w, d, docx.Options{})
	})},
	{"pdf-schreiber", writerRoute(func(w io.Writer, d *model.Document) error {
		r, err := pdfWriter()
		if err != nil {
			return err
		}
		return r.Render(w, d, pdf.Options{})
	})},
}

// The writers of the writer routes, one per process as in a batch.
var (
	docxWriter = docx.NewRenderer()
	pdfWriter  = sync.OnceValues(pdf.NewRenderer)
)

// writerRoute renders the prepared model of an agreement into memory.
func writerRoute(render func(io.Writer, *model.Document) error) func(context.Context, *generator.Generator, *agreementSet, generator.Doc) error {
	return func(_ context.Context, _ *generator.Generator, s *agreementSet, k generator.Doc) error {
		var buf bytes.Buffer
		if err := render(&buf, s.models[k.File]); err != nil {
			return err
		}
		if buf.Len() == 0 {
			return fmt.Errorf("%s: %s ist leer", s.name, k.File)
		}
		return nil
	}
}

func renderRoute(format string) func(context.Context, *generator.Generator, *agreementSet, generator.Doc) error {
	formats := []string{format}
	return func(ctx context.Context, g *generator.Generator, s *agreementSet, k generator.Doc) error {
		outs, err := g.RenderDoc(ctx, s.project, s.costs, k, formats)
		if err == nil && (len(outs) != 1 || len(outs[0].Data) == 0) {
			err = fmt.Errorf("%s: %s.%s ist leer", s.name, k.File, format)
		}
		return err
	}
}

// inprocResult is the measurement of one route on one fixture.
type inprocResult struct {
	set       string
	route     string
	docs      int           // documents per round
	rounds    int           // rounds measured
	perDoc    time.Duration // median over the rounds of round time / docs
	minPerDoc time.Duration // fastest round / docs
	cpuPerDoc time.Duration // CPU time of the process (user+system, GC included) per document (mean)
	allocPer  uint64        // bytes allocated per document (mean)
}

// measureInProcess renders every agreement of s once per round, after one
// warm-up round, until at least d has passed and at least five rounds are
// done. The median round is reported because other work on the machine
// slows single rounds down.
func measureInProcess(ctx context.Context, g *generator.Generator, s *agreementSet, r route, d time.Duration) (inprocResult, error) {
	round := func() (time.Duration, error) {
		start := time.Now()
		for _, k := range s.kinds {
			if err := r.do(ctx, g, s, k); err != nil {
				return 0, err
			}
		}
		return time.Since(start), nil
	}
	if _, err := round(); err != nil { // warm-up: fonts parsed, caches filled
		return inprocResult{}, err
	}
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	cpuBefore := cpuTime(syscall.RUSAGE_SELF)
	var times []time.Duration
	var total time.Duration
	for total < d || len(times) < 5 {
		t, err := round()
		if err != nil {
			return inprocResult{}, err
		}
		times = append(times, t)
		total += t
	}
	cpu := cpuTime(syscall.RUSAGE_SELF) - cpuBefore
	runtime.ReadMemStats(&after)
	slices.Sort(times)
	n := time.Duration(len(s.kinds))
	return inprocResult{
		set:       s.name,
		route:     r.name,
		docs:      len(s.kinds),
		rounds:    len(times),
		perDoc:    times[len(times)/2] / n,
		minPerDoc: times[0] / n,
		cpuPerDoc: cpu / (n * time.Duration(len(times))),
		allocPer:  (after.TotalAlloc - before.TotalAlloc) / uint64(len(times)*len(s.kinds)),
	}, nil
}

// cpuTime is the user and system CPU time of this process (RUSAGE_SELF)
// or of its waited-for children (RUSAGE_CHILDREN). Unlike wall time it
// hardly grows when other work competes for the cores.
func cpuTime(who int) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(who, &ru); err != nil {
		return 0
	}
	return rusageCPU(&ru)
}

func rusageCPU(ru *syscall.Rusage) time.Duration {
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
