package batch_test

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/atomicfile"
	"github.com/vereinbar/vereinbar/generator/batch"
	"github.com/vereinbar/vereinbar/generator/data"
)

const fixtures = "../../fixtures"

// stern16 is the largest fixture: 15 star agreements and 15 call-off
// forms besides the project-level documents.
const stern16 = fixtures + "/einbuergerung-stern-16.yaml"

func newGenerator(t testing.TB) *generator.Generator {
	t.Helper()
	gen, err := generator.New(generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return gen
}

// fixtureInputs are the valid fixtures (fixtures/*.yaml).
func fixtureInputs(t testing.TB) []string {
	t.Helper()
	files, err := generator.ProjectFiles([]string{fixtures})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// readyKinds are the kind names whose templates the generator has. Other
// sessions add templates kind by kind; the batch tests test the batch, and
// TestGeneratedDocumentsOpenAndRead in package generator requires every
// kind.
func readyKinds(t testing.TB, gen *generator.Generator) []string {
	t.Helper()
	have := map[string]bool{}
	for _, e := range gen.Templates() {
		have[e.Path] = true
	}
	ready := map[string]bool{}
	missing := map[string]bool{}
	for _, in := range fixtureInputs(t) {
		p, err := gen.LoadProject(in)
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range gen.AllDocs(p) {
			if !k.Model() || have[k.Template] { // a data output has no template
				ready[k.Name] = true
			} else {
				missing[k.Name] = true
			}
		}
	}
	var names []string
	for _, k := range generator.KindNames() {
		if ready[k] && !missing[k] {
			names = append(names, k)
		}
	}
	if len(names) == 0 {
		t.Fatal("no document kind has its templates")
	}
	return names
}

// writeStressSet writes n copies of the 16-Länder star project into dir,
// each with its own kurztitel, and returns their paths.
func writeStressSet(t testing.TB, dir string, n int) []string {
	t.Helper()
	src, err := os.ReadFile(stern16)
	if err != nil {
		t.Fatal(err)
	}
	const kt = "kurztitel: einbuergerung-stern-16"
	if !bytes.Contains(src, []byte(kt+"\n")) {
		t.Fatalf("%s lacks %q", stern16, kt)
	}
	var paths []string
	for i := range n {
		name := fmt.Sprintf("einbuergerung-%03d", i+1)
		p := filepath.Join(dir, name+".yaml")
		if err := os.WriteFile(p, bytes.Replace(src, []byte(kt+"\n"), []byte("kurztitel: "+name+"\n"), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// readTree returns every regular file under dir by slash path.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = b
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func readManifest(t testing.TB, dir string) batch.Manifest {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, batch.ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	var m batch.Manifest
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

// checkConsistent checks an output directory after any run, complete or
// not: no temporary files; the manifest lists exactly the files on disk
// with their hashes and sizes; no document is half-written (DOCX is a
// readable zip, PDF ends with %%EOF); every project directory is complete
// (all files its input produced in the manifest) or absent.
func checkConsistent(t *testing.T, dir string) batch.Manifest {
	t.Helper()
	m := readManifest(t, dir)
	tree := readTree(t, dir)
	delete(tree, batch.ManifestName)
	for p := range tree {
		if ok, _ := filepath.Match(atomicfile.TempPattern, filepath.Base(p)); ok {
			t.Errorf("temporary file left behind: %s", p)
		}
	}
	listed := map[string]bool{}
	for _, f := range m.Files {
		listed[f.Path] = true
		b, ok := tree[f.Path]
		if !ok {
			t.Errorf("manifest lists %s, which is not on disk", f.Path)
			continue
		}
		sum := sha256.Sum256(b)
		if hex.EncodeToString(sum[:]) != f.SHA256 || int64(len(b)) != f.Size {
			t.Errorf("%s: manifest says %d bytes %s…, disk has %d bytes", f.Path, f.Size, f.SHA256[:8], len(b))
		}
		switch f.Format {
		case "docx":
			if _, err := zip.NewReader(bytes.NewReader(b), int64(len(b))); err != nil {
				t.Errorf("%s is not a complete DOCX: %v", f.Path, err)
			}
		case "pdf":
			if !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
				t.Errorf("%s is not a complete PDF", f.Path)
			}
		}
	}
	for p := range tree {
		if !listed[p] {
			t.Errorf("%s is on disk but not in the manifest", p)
		}
	}
	return m
}

// TestWorkerCountDoesNotChangeOutput runs every fixture with one and with
// four workers and compares all bytes, the manifest included.
func TestWorkerCountDoesNotChangeOutput(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	inputs := fixtureInputs(t)
	var trees []map[string][]byte
	for _, jobs := range []int{1, 4} {
		out := t.TempDir()
		res, err := batch.Run(context.Background(), gen, inputs, batch.Options{OutDir: out, Jobs: jobs, Formats: generator.DefaultFormats, Kinds: readyKinds(t, gen)})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range res.Projects {
			if p.Status != batch.StatusOK {
				t.Fatalf("jobs=%d: %s: %s %v", jobs, p.Input, p.Status, p.Errs)
			}
		}
		checkConsistent(t, out)
		trees = append(trees, readTree(t, out))
	}
	one, four := trees[0], trees[1]
	if len(one) < 2*len(inputs) {
		t.Fatalf("only %d files for %d projects", len(one), len(inputs))
	}
	// the data outputs are compared too: every project has its
	// Zahlungsplan (XLSX)
	sheets := 0
	for p := range one {
		if strings.HasSuffix(p, "/zahlungsplan.xlsx") {
			sheets++
		}
	}
	if sheets != len(inputs) {
		t.Errorf("%d zahlungsplan.xlsx for %d projects", sheets, len(inputs))
	}
	for p, b := range one {
		if !bytes.Equal(b, four[p]) {
			t.Errorf("%s differs between 1 and 4 workers (%d vs %d bytes)", p, len(b), len(four[p]))
		}
	}
	for p := range four {
		if _, ok := one[p]; !ok {
			t.Errorf("%s only written with 4 workers", p)
		}
	}
}

// TestManifest checks the manifest's content for one ring project.
func TestManifest(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	out := t.TempDir()
	in := fixtures + "/wohngeld-ring.yaml"
	if _, err := batch.Run(context.Background(), gen, []string{in}, batch.Options{OutDir: out, Jobs: 2, Formats: []string{"md", "docx"}, Kinds: readyKinds(t, gen)}); err != nil {
		t.Fatal(err)
	}
	m := checkConsistent(t, out)
	src, _ := os.ReadFile(in)
	sum := sha256.Sum256(src)
	if m.Tool != "vereinbar" || m.Version != generator.Version || m.Interrupted {
		t.Errorf("header %q %q interrupted=%v", m.Tool, m.Version, m.Interrupted)
	}
	wantIn := []batch.ManifestInput{{Path: in, SHA256: hex.EncodeToString(sum[:]), Kurztitel: "wohngeld-ring", Status: batch.StatusOK}}
	if !slices.EqualFunc(m.Inputs, wantIn, func(a, b batch.ManifestInput) bool { return fmt.Sprint(a) == fmt.Sprint(b) }) {
		t.Errorf("inputs = %+v, want %+v", m.Inputs, wantIn)
	}
	var paths []string
	for _, f := range m.Files {
		paths = append(paths, f.Path)
		if f.Input != in || f.Party != "" || f.Format != strings.TrimPrefix(filepath.Ext(f.Path), ".") {
			t.Errorf("file entry %+v", f)
		}
		if strings.HasPrefix(f.Path, "wohngeld-ring/vereinbarung.") && f.Kind != "vereinbarung" {
			t.Errorf("%s has kind %q", f.Path, f.Kind)
		}
	}
	if !slices.IsSorted(paths) || !slices.Contains(paths, "wohngeld-ring/vereinbarung.docx") || !slices.Contains(paths, "wohngeld-ring/vereinbarung.md") {
		t.Errorf("files = %v", paths)
	}
	layers := map[string]string{}
	for _, e := range gen.Templates() {
		layers[e.Path] = e.Layer
	}
	if len(m.Templates) != len(layers) || len(m.Templates) == 0 {
		t.Fatalf("%d templates in manifest, generator has %d", len(m.Templates), len(layers))
	}
	for _, e := range m.Templates {
		if layers[e.Path] != e.Layer {
			t.Errorf("template %s: layer %q, want %q", e.Path, e.Layer, layers[e.Path])
		}
	}
}

// TestFailuresDoNotStopOthers mixes a valid project, an invalid one and a
// second file with the same kurztitel: the valid one is written, both
// others are reported with file:line, and the manifest records all three.
func TestFailuresDoNotStopOthers(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	src, err := os.ReadFile(fixtures + "/wohngeld-ring.yaml")
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "a-gut.yaml")
	bad := filepath.Join(dir, "b-kaputt.yaml")
	dup := filepath.Join(dir, "c-doppelt.yaml")
	for p, s := range map[string][]byte{
		good: src,
		bad:  bytes.Replace(src, []byte("kuendigungsfrist_monate: "), []byte("kuendigungsfrist_monat: "), 1),
		dup:  src,
	} {
		if err := os.WriteFile(p, s, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(dir, "out")
	gen := newGenerator(t)
	res, err := batch.Run(context.Background(), gen, []string{dup, bad, good}, batch.Options{OutDir: out, Jobs: 3, Formats: []string{"md"}, Kinds: readyKinds(t, gen)})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]batch.Project{}
	for _, p := range res.Projects {
		got[p.Input] = p
	}
	if p := got[good]; p.Status != batch.StatusOK || len(p.Files) == 0 {
		t.Errorf("good project: %s, %d files, %v", p.Status, len(p.Files), p.Errs)
	}
	for _, c := range []struct {
		path string
		want error
		line string
	}{
		{bad, data.ErrInvalid, "kuendigungsfrist_monat"},
		{dup, batch.ErrDuplicate, "kurztitel: wohngeld-ring"},
	} {
		p := got[c.path]
		if p.Status != batch.StatusFailed || len(p.Errs) != 1 || !errors.Is(p.Errs[0], c.want) {
			t.Errorf("%s: status %s, errors %v, want one %v", c.path, p.Status, p.Errs, c.want)
			continue
		}
		if len(p.Files) != 0 {
			t.Errorf("%s: files written: %v", c.path, p.Files)
		}
		at := fmt.Sprintf("%s:%d:", c.path, lineOf(t, src, c.line))
		if c.path == bad {
			at = fmt.Sprintf("%s:%d:", c.path, lineOf(t, src, "kuendigungsfrist_monate"))
		}
		if msgs := batch.Messages(p.Errs); !strings.HasPrefix(msgs[0], at) {
			t.Errorf("%s: message %q does not start with %q", c.path, msgs[0], at)
		}
	}
	m := checkConsistent(t, out)
	var status []string
	for _, in := range m.Inputs {
		status = append(status, filepath.Base(in.Path)+"="+string(in.Status))
		if in.SHA256 == "" {
			t.Errorf("%s has no hash", in.Path)
		}
	}
	if want := []string{"a-gut.yaml=ok", "b-kaputt.yaml=failed", "c-doppelt.yaml=failed"}; !slices.Equal(status, want) {
		t.Errorf("manifest inputs %v, want %v", status, want)
	}
}

// lineOf returns the 1-based line of the first line containing s.
func lineOf(t *testing.T, src []byte, s string) int {
	t.Helper()
	for i, l := range strings.Split(string(src), "\n") {
		if strings.Contains(l, s) {
			return i + 1
		}
	}
	t.Fatalf("no line contains %q", s)
	return 0
}

// TestOnly limits the parties: per-party documents for the named Länder
// only, project-level documents as usual, projects without them skipped.
func TestOnly(t *testing.T) {
	t.Parallel()
	out := t.TempDir()
	gen := newGenerator(t)
	res, err := batch.Run(context.Background(), gen, fixtureInputs(t),
		batch.Options{OutDir: out, Jobs: 2, Formats: []string{"md"}, Only: []string{"ST", "BY"}, Kinds: readyKinds(t, gen)})
	if err != nil {
		t.Fatal(err)
	}
	m := checkConsistent(t, out)
	parties := map[string]bool{}
	for _, f := range m.Files {
		if f.Party != "" {
			parties[f.Party] = true
		}
	}
	if len(parties) == 0 {
		t.Fatal("no per-party documents written")
	}
	for p := range parties {
		if p != "ST" && p != "BY" {
			t.Errorf("per-party document for %s written", p)
		}
	}
	tree := readTree(t, out)
	for _, want := range []string{"einbuergerung-stern-16/vereinbarung-ST.md", "einbuergerung-stern-16/vereinbarung-BY.md"} {
		if _, ok := tree[want]; !ok {
			t.Errorf("%s missing", want)
		}
	}
	for _, p := range res.Projects {
		pr, err := gen.LoadProject(p.Input)
		if err != nil {
			t.Fatal(err)
		}
		party := false
		for _, pt := range pr.Data().Parteien {
			party = party || pt.Land == "ST" || pt.Land == "BY"
		}
		if want := map[bool]batch.Status{true: batch.StatusOK, false: batch.StatusSkipped}[party]; p.Status != want {
			t.Errorf("%s: status %s, want %s", p.Input, p.Status, want)
		}
	}
	if res.Count(batch.StatusSkipped) == 0 {
		t.Error("no fixture skipped; the test needs one without ST and BY")
	}
}

func TestParseOnly(t *testing.T) {
	t.Parallel()
	got, err := batch.ParseOnly(" st, BY,st,,bund")
	if err != nil || !slices.Equal(got, []string{"ST", "BY", "BUND"}) {
		t.Errorf("ParseOnly = %v, %v", got, err)
	}
	if got, err := batch.ParseOnly(""); err != nil || got != nil {
		t.Errorf("ParseOnly(\"\") = %v, %v", got, err)
	}
	if _, err := batch.ParseOnly("ST,XY"); !errors.Is(err, batch.ErrUnknownParty) || !strings.Contains(err.Error(), "„XY“") {
		t.Errorf("ParseOnly(ST,XY) error = %v", err)
	}
}

// TestCancelAfterFirstWrite cancels the context as soon as the first
// project is written: the run stops, every project is complete or absent,
// nothing temporary remains, and the manifest lists what was written.
func TestCancelAfterFirstWrite(t *testing.T) {
	t.Parallel()
	for _, jobs := range []int{1, 3} {
		t.Run(fmt.Sprint("jobs=", jobs), func(t *testing.T) {
			t.Parallel()
			inputs := writeStressSet(t, t.TempDir(), 8)
			out := t.TempDir()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			opts := batch.Options{OutDir: out, Jobs: jobs, Formats: generator.DefaultFormats, Kinds: []string{"vereinbarung"},
				Progress: func(p batch.Progress) {
					if p.Written > 0 {
						cancel()
					}
				}}
			res, err := batch.Run(ctx, newGenerator(t), inputs, opts)
			if !errors.Is(err, context.Canceled) || !res.Interrupted {
				t.Fatalf("err = %v, interrupted = %v", err, res.Interrupted)
			}
			m := checkConsistent(t, out)
			if !m.Interrupted {
				t.Error("manifest does not say interrupted")
			}
			written := res.Count(batch.StatusOK)
			if written == 0 || written > 2*jobs || res.Count(batch.StatusCancelled) != len(inputs)-written {
				t.Errorf("%d written, %d cancelled of %d", written, res.Count(batch.StatusCancelled), len(inputs))
			}
			perProject := map[string]int{}
			for _, f := range m.Files {
				perProject[strings.Split(f.Path, "/")[0]]++
			}
			for kt, n := range perProject {
				// ten agreements (five Länder call off from the FIT-Store)
				if n != 10*3 {
					t.Errorf("%s: %d files, want 30 (complete) or none", kt, n)
				}
			}
		})
	}
}

// TestCancelBeforeStart: a run cancelled before it began (a Ctrl-C while
// the command started) does not touch the output directory.
func TestCancelBeforeStart(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "out")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	res, err := batch.Run(ctx, newGenerator(t), fixtureInputs(t), batch.Options{OutDir: out, Formats: generator.DefaultFormats})
	if !errors.Is(err, context.Canceled) || !res.Interrupted || res.Manifest != "" {
		t.Fatalf("err = %v, interrupted %v, manifest %q", err, res.Interrupted, res.Manifest)
	}
	if n := res.Count(batch.StatusCancelled); n != len(res.Projects) {
		t.Errorf("%d of %d cancelled", n, len(res.Projects))
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("output directory touched: %v", err)
	}
}

// TestChangedDuringRun edits a project file between scan and rendering:
// the run refuses it rather than record a hash it did not render.
func TestChangedDuringRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	inputs := writeStressSet(t, dir, 2)
	var once sync.Once
	opts := batch.Options{OutDir: filepath.Join(dir, "out"), Jobs: 1, Formats: []string{"md"}, Kinds: []string{"vereinbarung"},
		Progress: func(p batch.Progress) {
			once.Do(func() { // the first report comes after the scan
				f, err := os.OpenFile(inputs[1], os.O_APPEND|os.O_WRONLY, 0)
				if err == nil {
					_, err = f.WriteString("# geändert\n")
					f.Close()
				}
				if err != nil {
					t.Error(err)
				}
			})
		}}
	res, err := batch.Run(context.Background(), newGenerator(t), inputs, opts)
	if err != nil {
		t.Fatal(err)
	}
	if p := res.Projects[0]; p.Status != batch.StatusOK {
		t.Errorf("%s: %s %v", p.Input, p.Status, p.Errs)
	}
	if p := res.Projects[1]; p.Status != batch.StatusFailed || !errors.Is(p.Errs[0], batch.ErrChanged) {
		t.Errorf("%s: %s %v, want %v", p.Input, p.Status, p.Errs, batch.ErrChanged)
	}
}

// TestProgress reports a total up front and reaches it.
func TestProgress(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var seen []batch.Progress
	gen := newGenerator(t)
	opts := batch.Options{OutDir: t.TempDir(), Jobs: 2, Formats: []string{"md", "docx"}, Kinds: readyKinds(t, gen),
		Progress: func(p batch.Progress) { mu.Lock(); seen = append(seen, p); mu.Unlock() }}
	res, err := batch.Run(context.Background(), gen, []string{fixtures + "/bafoeg-stern.yaml", fixtures + "/wohngeld-ring.yaml"}, opts)
	if err != nil {
		t.Fatal(err)
	}
	last := seen[len(seen)-1]
	if seen[0].Total == 0 || last.Total != res.Files() || last.Rendered != res.Files() || last.Written != res.Files() {
		t.Errorf("first %+v, last %+v, %d files", seen[0], last, res.Files())
	}
	for i := 1; i < len(seen); i++ {
		if seen[i].Rendered < seen[i-1].Rendered || seen[i].Written < seen[i-1].Written {
			t.Errorf("progress went back: %+v after %+v", seen[i], seen[i-1])
		}
	}
}

var stressProjects = flag.Int("stress.projects", 20, "projects in BenchmarkBatchStress's stress set (copies of the 16-Länder star project)")

// BenchmarkBatchStress generates a stress set of copies of the 16-Länder
// star project (-stress.projects, default 20) and runs the whole batch
// once per iteration with the default number of workers, reporting
// files/s. It is not part of the normal test run; see README
// („Stapelläufe“) for the measured numbers:
//
//	go test -run '^$' -bench BatchStress -benchtime 1x ./generator/batch -stress.projects 200
func BenchmarkBatchStress(b *testing.B) {
	gen := newGenerator(b)
	inputs := writeStressSet(b, b.TempDir(), *stressProjects)
	opts := batch.Options{Formats: generator.DefaultFormats, Kinds: readyKinds(b, gen)}
	files := 0
	start := time.Now()
	for b.Loop() {
		opts.OutDir = b.TempDir()
		res, err := batch.Run(context.Background(), gen, inputs, opts)
		if err != nil {
			b.Fatal(err)
		}
		if n := res.Count(batch.StatusOK); n != len(inputs) {
			b.Fatalf("%d of %d projects written", n, len(inputs))
		}
		files += res.Files()
	}
	b.ReportMetric(float64(files)/time.Since(start).Seconds(), "files/s")
	b.ReportMetric(float64(files)/float64(b.N), "files/op")
}
