package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"time"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/batch"
)

// projectSet describes a generated set of project files: copies of
// fixtures, each with its own kurztitel.
type projectSet struct {
	describe string                           // for the report
	sources  func(fixtures []string) []string // fixture base names, one per copy
}

// mixedSet takes the fixtures in turn: n copies in all.
func mixedSet(n int) projectSet {
	return projectSet{
		describe: fmt.Sprintf("%d Projektdateien, reihum aus den Beispielprojekten", n),
		sources: func(fixtures []string) []string {
			out := make([]string, n)
			for i := range out {
				out[i] = fixtures[i%len(fixtures)]
			}
			return out
		},
	}
}

// sameSet is n copies of one fixture.
func sameSet(fixture string, n int) projectSet {
	return projectSet{
		describe: fmt.Sprintf("%d × %s", n, fixture),
		sources: func([]string) []string {
			out := make([]string, n)
			for i := range out {
				out[i] = fixture
			}
			return out
		},
	}
}

var kurztitelRE = regexp.MustCompile(`(?m)^(\s*kurztitel:\s*)([a-z0-9-]+)\s*$`)

// writeSet writes the project files of set into dir: copy i of fixture
// f gets the kurztitel "<kurztitel>-<i>", so every copy writes its own
// output directory.
func writeSet(fixturesDir string, set projectSet, dir string) (int, error) {
	all, err := filepath.Glob(filepath.Join(fixturesDir, "*.yaml"))
	if err != nil {
		return 0, err
	}
	var names []string
	for _, p := range all {
		names = append(names, filepath.Base(p))
	}
	sort.Strings(names)
	if len(names) == 0 {
		return 0, fmt.Errorf("keine Projektdateien in %s", fixturesDir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	sources := set.sources(names)
	srcs := map[string][]byte{}
	for i, name := range sources {
		src, ok := srcs[name]
		if !ok {
			if src, err = os.ReadFile(filepath.Join(fixturesDir, name)); err != nil {
				return 0, err
			}
			if !kurztitelRE.Match(src) {
				return 0, fmt.Errorf("%s: kein „kurztitel:“ gefunden", name)
			}
			srcs[name] = src
		}
		dup := kurztitelRE.ReplaceAll(src, []byte(fmt.Sprintf("${1}${2}-%04d", i)))
		file := fmt.Sprintf("%04d-%s", i, name)
		if err := os.WriteFile(filepath.Join(dir, file), dup, 0o644); err != nil {
			return 0, err
		}
	}
	return len(sources), nil
}

// batchResult is one measured batch.
type batchResult struct {
	label     string // "stapel" or "rss"
	describe  string
	projects  int
	files     int // files written
	documents int // documents (files / formats)
	failed    int // projects that failed
	wall      time.Duration
	cpu       time.Duration // user+system of the child
	maxRSSKiB int64
	how       string // "Kindprozess (batch.Run)" or the vereinbar command
	err       error
}

func (b batchResult) filesPerSec() float64 {
	if b.wall <= 0 {
		return 0
	}
	return float64(b.files) / b.wall.Seconds()
}

// childReport is what the child prints.
type childReport struct {
	Files    int     `json:"files"`
	Failed   int     `json:"failed"`
	Seconds  float64 `json:"seconds"`
	VmHWMKiB int64   `json:"vmhwm_kib"`
	Errors   string  `json:"errors,omitempty"`
}

// measureBatch writes the project set and generates it in a fresh
// process: a child of benchcmp calling batch.Run (the code path of
// vereinbar generate), or the given vereinbar binary. Wall time and peak
// RSS are the child's.
func measureBatch(ctx context.Context, o options, work, label string, set projectSet) batchResult {
	res := batchResult{label: label, describe: set.describe}
	in := filepath.Join(work, label+"-eingabe")
	out := filepath.Join(work, label+"-ausgabe")
	defer os.RemoveAll(out) // the RSS run writes about a gigabyte
	res.projects, res.err = writeSet(o.fixtures, set, in)
	if res.err != nil {
		return res
	}
	var args []string
	var prog string
	if o.vereinbar != "" {
		prog = o.vereinbar
		args = []string{"generate", "-q", "--formats", strings.Join(benchFormats, ","), "--out", out, in}
		if o.jobs > 0 {
			args = append(args, "--jobs", fmt.Sprint(o.jobs))
		}
		res.how = o.vereinbar + " generate -q"
	} else {
		self, err := os.Executable()
		if err != nil {
			res.err = err
			return res
		}
		prog = self
		args = []string{"-intern-stapel", in, "-intern-out", out, "-jobs", fmt.Sprint(o.jobs)}
		res.how = "Kindprozess, batch.Run wie vereinbar generate"
	}
	cmd := exec.CommandContext(ctx, prog, args...)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	res.wall = time.Since(start)
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			res.maxRSSKiB = ru.Maxrss
			res.cpu = rusageCPU(ru)
		}
	}
	if err != nil {
		res.err = fmt.Errorf("%s: %v\n%s", prog, err, firstLines(stderr.String(), 5))
		return res
	}
	if o.vereinbar == "" {
		var rep childReport
		if err := json.Unmarshal([]byte(stdout.String()), &rep); err != nil {
			res.err = fmt.Errorf("Bericht des Kindprozesses: %v", err)
			return res
		}
		// The wall time stays the parent's: process start, templates and
		// fonts included, as a user of vereinbar generate waits for them.
		res.files, res.failed = rep.Files, rep.Failed
		if rep.Errors != "" {
			res.err = fmt.Errorf("%s", rep.Errors)
		}
	} else if res.files, err = countFiles(out); err != nil {
		res.err = err
	}
	res.documents = res.files / len(benchFormats)
	return res
}

// countFiles counts the documents written (the manifest not counted).
func countFiles(dir string) (int, error) {
	n := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Name() != batch.ManifestName {
			n++
		}
		return nil
	})
	return n, err
}

// childBatch is benchcmp -intern-stapel: one batch in this process,
// reported as JSON on stdout.
func childBatch(o options, stdout io.Writer) error {
	gen, err := generator.New(generator.Options{})
	if err != nil {
		return err
	}
	files, err := generator.ProjectFiles([]string{o.internStapel})
	if err != nil {
		return err
	}
	start := time.Now()
	res, err := batch.Run(context.Background(), gen, files, batch.Options{
		OutDir: o.internOut, Jobs: o.jobs, Formats: benchFormats,
	})
	elapsed := time.Since(start)
	if err != nil {
		return err
	}
	rep := childReport{Files: res.Files(), Failed: res.Count(batch.StatusFailed), Seconds: elapsed.Seconds(), VmHWMKiB: vmHWM()}
	var errs []string
	for _, p := range res.Projects {
		for _, e := range p.Errs {
			errs = append(errs, e.Error())
		}
	}
	if len(errs) > 0 {
		rep.Errors = firstLines(strings.Join(errs, "\n"), 5)
	}
	return json.NewEncoder(stdout).Encode(rep)
}

// benchFormats are the formats the batch is measured in: the documents of
// record (DOCX, PDF, Markdown), as in the measurements the README states
// — not generator.DefaultFormats, whose XLSX data outputs (one file per
// project, not per document) would change what a document counts.
var benchFormats = []string{"docx", "pdf", "md"}
