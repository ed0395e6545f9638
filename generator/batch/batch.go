// Package batch generates the documents of many project files at once: all
// projects × parties × kinds × formats, rendered by a bounded pool of
// workers, written all together per project into an output directory the
// run holds alone, and recorded in a manifest.
//
// A run has two phases. The scan reads and validates every project file
// (in parallel) and keeps only what is needed to plan: the file's hash,
// its kurztitel and its document kinds, so the total number of files is
// known before rendering starts and memory does not grow with the number
// of projects. The render phase reads each project again, renders its
// documents one kind per task on the workers, and writes a project's files
// only when all of its documents rendered, and then all together or not at
// all (atomicfile.WriteAll): a failing project, a full disk included,
// leaves no fresh files next to stale ones. At most 2×Jobs projects are in
// flight (rendering or being written), so memory is bounded by the output
// of that many projects, not by the number of projects.
//
// With Options.Uebersicht the run then writes the Nachnutzungsübersicht
// of every party of its projects (package sheets) into OutDir/uebersicht,
// all together or none, before the manifest.
//
// Output does not depend on the number of workers: every file is the same
// bytes, and the manifest is sorted.
package batch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/atomicfile"
	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/kind"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/sheets"
)

// ManifestName is the manifest's file name in the output directory.
const ManifestName = generator.ManifestName

// Options configure a run.
type Options struct {
	// OutDir is the output directory; documents go to OutDir/<kurztitel>/.
	OutDir string
	// Jobs is the number of workers; < 1 means runtime.NumCPU().
	Jobs int
	// Formats are the output formats (see generator.ParseFormats).
	Formats []string
	// Kinds are the document kind names to generate; empty means all.
	Kinds []string
	// Only limits the parties (see ParseOnly): per-party documents are
	// generated only for these, and a project none of them is party to is
	// skipped. Empty means all.
	Only []string
	// Progress, if set, is called after every rendered document and every
	// written project; calls never overlap.
	Progress func(Progress)
	// FS is the file system the run writes documents and the manifest
	// to; nil means the real one (atomicfile.OS). Tests put one here that
	// fails like a full disk.
	FS atomicfile.FS
	// Clean makes the output directory hold only this run's documents:
	// the files the old manifest lists that this run did not write are
	// removed (see Run). Without it the manifest keeps the entries of
	// the projects this run did not write.
	Clean bool
	// Wait makes the run wait for an output directory another run holds
	// (see LockDir) instead of failing with a *LockedError.
	Wait bool
	// Uebersicht makes the run write, after the projects, the
	// Nachnutzungsübersicht (package sheets) of every party of the
	// projects that loaded (of Only, if given) to
	// OutDir/uebersicht/uebersicht-<LAND>.xlsx, all together or none,
	// and remove the Übersichten of parties no longer in any project
	// (see writeUebersichten). Without it, Übersichten of earlier runs
	// are left alone and stay in the manifest.
	Uebersicht bool
	// Notify, if set, receives notes for the user, one German line each
	// (waiting for the lock, a stale lock taken over); calls never
	// overlap.
	Notify func(string)
}

// Progress counts files of a run.
type Progress struct {
	Total    int // files the run will produce, known after the scan
	Rendered int // files rendered so far
	Written  int // files written so far
}

// Status is the outcome of one project file.
type Status string

// The outcomes of a project file.
const (
	StatusOK        Status = "ok"        // every file written
	StatusFailed    Status = "failed"    // an error; see Project.Errs
	StatusSkipped   Status = "skipped"   // none of Options.Only is a party
	StatusCancelled Status = "cancelled" // the run was interrupted before the project was written
)

// File is one written file.
type File struct {
	Path   string   // relative to the output directory, slash-separated
	Input  string   // project file it was generated from; "" for an Übersicht
	Inputs []string // of an Übersicht: the project files of its rows, sorted
	Kind   string   // document kind name
	Party  string   // party of a per-party document, else ""
	Format string
	Size   int64
	SHA256 string // hex
}

// Project is the outcome of one project file.
type Project struct {
	Input     string
	SHA256    string // hex hash of the bytes read; "" if the file could not be read
	Kurztitel string
	Status    Status
	Errs      []error // distinct errors, in document order, when Status is StatusFailed
	Files     []File  // files written, in document and format order
	// Removed are files of earlier runs that this run no longer
	// produces and removed from the project's folder (slash paths
	// relative to the output directory, sorted).
	Removed []string
}

// Result is the outcome of a run.
type Result struct {
	Projects    []Project // in input order (sorted, duplicates removed)
	Interrupted bool      // the context was cancelled before the run finished
	// Removed are the files Clean removed (slash paths relative to the
	// output directory, sorted).
	Removed []string
	// NoSpace is true when a project's files did not fit on the disk;
	// the run then began no further project (see ErrNoSpace).
	NoSpace  bool
	Manifest string // path of the manifest written ("" if none)
	// Uebersichten are the Übersichten written (Options.Uebersicht),
	// sorted by party.
	Uebersichten []File
	// UebersichtErr is why the Übersichten were not written; the old
	// ones are then unchanged.
	UebersichtErr error
}

// Files counts the files written.
func (r *Result) Files() int {
	n := 0
	for _, p := range r.Projects {
		n += len(p.Files)
	}
	return n
}

// Count counts the projects with status s.
func (r *Result) Count(s Status) int {
	n := 0
	for _, p := range r.Projects {
		if p.Status == s {
			n++
		}
	}
	return n
}

// ErrUnknownParty reports an unknown party code in --only.
var ErrUnknownParty = errors.New("unbekanntes Länderkürzel")

// ErrChanged reports a project file that changed between scan and
// rendering; the run does not know which content to record.
var ErrChanged = errors.New("Projektdatei hat sich während des Laufs geändert")

// ErrDuplicate reports a second project file with a kurztitel already in
// use: both would write into the same directory.
var ErrDuplicate = errors.New("Kurztitel doppelt")

// ParseOnly checks a comma-separated list of party codes (Länder and
// BUND, any case); "" means all parties.
func ParseOnly(s string) ([]string, error) {
	var out []string
	for _, c := range strings.Split(s, ",") {
		c = strings.ToUpper(strings.TrimSpace(c))
		if c == "" {
			continue
		}
		if _, ok := refdata.PartyByCode(c); !ok {
			var codes []string
			for _, p := range refdata.Parties() {
				codes = append(codes, p.Code)
			}
			return nil, fmt.Errorf("%w „%s“ (erlaubt: %s)", ErrUnknownParty, c, strings.Join(codes, ", "))
		}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out, nil
}

// Run generates every project file in inputs (sorted first, duplicates
// removed) and writes OutDir/manifest.json last. A failing project does
// not stop the others; its errors are in the result. Run returns an error
// only when the run as a whole fails (the output directory cannot be
// locked, the disk is full, the manifest cannot be written) or is
// interrupted (ctx's error); the result is nil when the directory could
// not be locked, and valid otherwise.
//
// The run holds OutDir exclusively (LockDir) from start to end, so two
// runs never write into one directory at once. A project's files are
// replaced all together or not at all (atomicfile.WriteAll); after a full
// disk (ErrNoSpace) no further project is begun. Files of earlier runs
// that a written project no longer produces are removed (Project.Removed,
// see removeStale), and the manifest keeps the entries of the projects
// this run did not write — or, with Options.Clean, their files are
// removed (see clean).
//
// When ctx is cancelled, workers stop after the document they render; a
// project whose files are being written is finished, all others are left
// unwritten (StatusCancelled). No temporary file is left behind, and the
// manifest lists exactly the documents of vereinbar on disk, with
// "interrupted": true. A run cancelled before it began, or while it
// waited for the lock, does not touch OutDir.
func Run(ctx context.Context, gen *generator.Generator, inputs []string, opts Options) (*Result, error) {
	if opts.Jobs < 1 {
		opts.Jobs = runtime.NumCPU()
	}
	if opts.FS == nil {
		opts.FS = atomicfile.OS{}
	}
	inputs = slices.Compact(slices.Sorted(slices.Values(inputs)))
	r := &runner{gen: gen, opts: opts, projects: make([]Project, len(inputs))}
	for i, in := range inputs {
		r.projects[i] = Project{Input: in, Status: StatusCancelled}
	}
	if err := ctx.Err(); err != nil {
		return &Result{Projects: r.projects, Interrupted: true}, err
	}
	lock, err := LockDir(ctx, opts.OutDir, LockOptions{Wait: opts.Wait, Notify: opts.Notify})
	if ctx.Err() != nil {
		lock.Release()
		return &Result{Projects: r.projects, Interrupted: true}, ctx.Err()
	}
	if err != nil {
		return nil, err
	}
	defer lock.Release()
	var stop context.CancelCauseFunc
	r.ctx, stop = context.WithCancelCause(ctx)
	defer stop(nil)
	r.stop = stop
	res, err := r.run(inputs)
	switch {
	case err != nil:
		return res, err
	case res.NoSpace:
		return res, ErrNoSpace
	case res.Interrupted:
		return res, ctx.Err()
	}
	return res, nil
}

// run is Run in the locked output directory.
func (r *runner) run(inputs []string) (*Result, error) {
	r.oldManifest = r.readOldManifest()
	r.old = oldFiles(r.oldManifest)
	plans := r.scan(inputs)
	r.render(plans)
	res := &Result{Projects: r.projects, NoSpace: r.noSpace.Load()}
	// A signal that comes when every project is done interrupts nothing.
	res.Interrupted = r.ctx.Err() != nil && res.Count(StatusCancelled) > 0
	if r.opts.Uebersicht && !res.Interrupted && !res.NoSpace {
		r.writeUebersichten(res)
	}
	r.removeTemps(r.opts.OutDir) // of the manifest
	if n := r.temps.Load(); n > 0 {
		what := fmt.Sprintf("%d verwaiste temporäre Dateien", n)
		if n == 1 {
			what = "1 verwaiste temporäre Datei"
		}
		r.notify(fmt.Sprintf("%s (%s) eines abgebrochenen Laufs entfernt", what, atomicfile.TempPattern))
	}
	m := newManifest(r.gen, res)
	switch {
	case !r.opts.Clean:
		r.merge(m, res, nil)
	case res.Interrupted || res.NoSpace:
		r.notify("wegen des Abbruchs nicht aufgeräumt: die Dateien früherer Läufe bleiben, und das Manifest nennt sie weiter")
		r.merge(m, res, nil)
	default:
		removed, keep := r.clean(res)
		res.Removed = append(res.Removed, removed...)
		slices.Sort(res.Removed)
		r.merge(m, res, keep)
	}
	path := filepath.Join(r.opts.OutDir, ManifestName)
	if err := r.writeManifest(path, m); err != nil {
		return res, err
	}
	res.Manifest = path
	return res, nil
}

// writeManifest writes the manifest. When that fails after the run has
// changed the output directory, the old manifest no longer describes it:
// it is removed (which also frees its space) and writing tried once more.
func (r *runner) writeManifest(path string, m *Manifest) error {
	b, err := m.encode()
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	err = atomicfile.WriteFileFS(r.opts.FS, path, b, 0o644)
	if err != nil && r.changed.Load() {
		if rerr := r.opts.FS.Remove(path); rerr == nil {
			err = atomicfile.WriteFileFS(r.opts.FS, path, b, 0o644)
			if err != nil {
				return fmt.Errorf("%w; das alte Manifest wurde entfernt, weil es nicht mehr zu den Dateien passte", fileError(path, err))
			}
		}
	}
	if err != nil {
		return fileError(path, err)
	}
	return nil
}

// runner is the state of one run.
type runner struct {
	ctx      context.Context // cancelled on interruption or a full disk
	stop     context.CancelCauseFunc
	gen      *generator.Generator
	opts     Options
	projects []Project // index-addressed; a project is written by one goroutine at a time
	noSpace  atomic.Bool
	changed  atomic.Bool  // a file in the output directory was written or removed
	temps    atomic.Int64 // stale temporary files removed

	oldManifest *Manifest                    // the manifest an earlier run left, or nil
	old         map[string]map[string]fileID // its own files by project folder and name

	// sheetIn are the projects of the Übersichten (Options.Uebersicht),
	// by input index: those that loaded in the scan and again when
	// rendered; the zero value for the others.
	sheetIn []sheets.Project

	mu       sync.Mutex // serialises progress and notes
	progress Progress
}

// notify passes a note to Options.Notify.
func (r *runner) notify(msg string) {
	if r.opts.Notify == nil {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.opts.Notify(msg)
}

// plan is what the scan keeps of a project file.
type plan struct {
	sum       string
	kurztitel string
	pos       data.Pos // of vorhaben.kurztitel
	kinds     []kind.Doc
	parties   []string
	ok        bool // valid; render it
}

// scan reads and validates every input on the workers and plans it.
func (r *runner) scan(inputs []string) []plan {
	plans := make([]plan, len(inputs))
	if r.opts.Uebersicht {
		r.sheetIn = make([]sheets.Project, len(inputs))
	}
	r.each(len(inputs), func(i int) {
		p, res, sum, err := r.load(inputs[i])
		pr := &r.projects[i]
		pr.SHA256 = sum
		if err != nil {
			pr.Status, pr.Errs = StatusFailed, []error{err}
			return
		}
		pl := plan{sum: sum, kurztitel: p.Data().Vorhaben.Kurztitel, pos: p.File.Pos("vorhaben.kurztitel"), ok: true}
		for _, pt := range p.Data().Parteien {
			pl.parties = append(pl.parties, string(pt.Land))
		}
		pl.kinds = r.selectKinds(p)
		pr.Kurztitel = pl.kurztitel
		plans[i] = pl
		if r.sheetIn != nil {
			r.sheetIn[i] = sheets.Project{Projekt: p.Data(), Costs: res}
		}
	})
	if r.ctx.Err() != nil {
		return plans
	}
	first := map[string]int{}
	total := 0
	for i := range plans {
		pl := &plans[i]
		if !pl.ok {
			continue
		}
		pr := &r.projects[i]
		if j, dup := first[pl.kurztitel]; dup {
			pl.ok = false
			pr.Status = StatusFailed
			pr.Errs = []error{data.Errors{{File: pr.Input, Pos: pl.pos, Path: "vorhaben.kurztitel",
				Msg: fmt.Sprintf("Kurztitel „%s“ schon in %s verwendet; beide schrieben nach %s", pl.kurztitel, r.projects[j].Input, filepath.Join(r.opts.OutDir, pl.kurztitel)),
				Err: ErrDuplicate}}}
			continue
		}
		first[pl.kurztitel] = i
		if r.opts.Uebersicht && pl.kurztitel == UebersichtDir {
			pl.ok = false
			pr.Status = StatusFailed
			pr.Errs = []error{data.Errors{{File: pr.Input, Pos: pl.pos, Path: "vorhaben.kurztitel",
				Msg: fmt.Sprintf("Kurztitel „%s“ ist mit --uebersicht für die Übersichten reserviert (%s); einen anderen Kurztitel wählen", pl.kurztitel, filepath.Join(r.opts.OutDir, UebersichtDir)),
				Err: ErrReserved}}}
			continue
		}
		if len(r.opts.Only) > 0 && !slices.ContainsFunc(pl.parties, func(c string) bool { return slices.Contains(r.opts.Only, c) }) {
			pl.ok = false
			pr.Status = StatusSkipped
			continue
		}
		total += r.files(pl.kinds)
	}
	r.report(func(p *Progress) { p.Total = total })
	for i, pl := range plans {
		if !pl.ok && r.sheetIn != nil {
			r.sheetIn[i] = sheets.Project{}
		}
	}
	return plans
}

// selectKinds applies Options.Kinds, Options.Only and Options.Formats to
// a project's kinds: a document none of whose formats is asked for (a
// Zahlungsplan with --formats pdf) is left out.
func (r *runner) selectKinds(p *generator.Project) []kind.Doc {
	var out []kind.Doc
	for _, k := range kind.Select(r.gen.AllDocs(p), r.opts.Kinds) {
		if k.Party != "" && len(r.opts.Only) > 0 && !slices.Contains(r.opts.Only, k.Party) {
			continue
		}
		if len(k.Formats(r.opts.Formats)) == 0 {
			continue
		}
		out = append(out, k)
	}
	return out
}

// files counts the files the documents give in the run's formats.
func (r *runner) files(docs []kind.Doc) int {
	n := 0
	for _, d := range docs {
		n += len(d.Formats(r.opts.Formats))
	}
	return n
}

// load reads, validates and costs one project file.
func (r *runner) load(path string) (*generator.Project, *costs.Result, string, error) {
	p, src, err := r.gen.ReadProject(path)
	sum := ""
	if src != nil {
		h := sha256.Sum256(src)
		sum = hex.EncodeToString(h[:])
	}
	if err != nil {
		return nil, nil, sum, err
	}
	res, err := r.gen.Costs(p)
	if err != nil {
		return nil, nil, sum, err
	}
	return p, res, sum, nil
}

// each calls f(0) … f(n-1) on Jobs workers and returns when all calls
// returned; after cancellation it starts no further calls.
func (r *runner) each(n int, f func(int)) {
	next := atomic.Int64{}
	var wg sync.WaitGroup
	for range min(r.opts.Jobs, n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n || r.ctx.Err() != nil {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}

// job is one project in the render phase.
type job struct {
	idx     int
	p       *generator.Project
	res     *costs.Result
	kinds   []kind.Doc
	outs    [][]generator.Output // by kind; each slot is written by one task only
	errs    []error              // by kind
	pending atomic.Int32
}

// task renders one kind of a job.
type task struct {
	j *job
	k int
}

// writeFanout is how many files of one project are written at once. Each
// file is synced before the project's files are renamed; overlapping the
// syncs lets the file system commit them together, which on a busy disk is
// several times faster than one after the other.
const writeFanout = 8

// render runs the render phase: a dispatcher loads the planned projects in
// order and hands out one task per document to the workers; when a
// project's last document is rendered, a goroutine of its own writes the
// project, so workers keep rendering while files are synced. slots bounds
// the projects in flight (rendering or being written), and with them the
// memory held by rendered files.
func (r *runner) render(plans []plan) {
	tasks := make(chan task)
	slots := make(chan struct{}, 2*r.opts.Jobs)
	var workers, writers sync.WaitGroup
	for range r.opts.Jobs {
		workers.Go(func() {
			for t := range tasks {
				if r.work(t) {
					writers.Go(func() {
						r.finish(t.j)
						<-slots
					})
				}
			}
		})
	}
	r.dispatch(plans, tasks, slots)
	close(tasks)
	workers.Wait()
	writers.Wait()
}

// dispatch feeds the tasks of every planned project; it stops at
// cancellation, leaving the remaining projects cancelled.
func (r *runner) dispatch(plans []plan, tasks chan<- task, slots chan struct{}) {
	done := r.ctx.Done()
	for i, pl := range plans {
		if !pl.ok {
			continue
		}
		if r.ctx.Err() != nil {
			return
		}
		select {
		case slots <- struct{}{}:
		case <-done:
			return
		}
		pr := &r.projects[i]
		p, res, sum, err := r.load(pr.Input)
		if err == nil && sum != pl.sum {
			err = fmt.Errorf("%s: %w", pr.Input, ErrChanged)
		}
		if err != nil {
			pr.SHA256, pr.Status, pr.Errs = sum, StatusFailed, []error{err}
			if r.sheetIn != nil {
				r.sheetIn[i] = sheets.Project{}
			}
			r.report(func(p *Progress) { p.Total -= r.files(pl.kinds) })
			<-slots
			continue
		}
		if len(pl.kinds) == 0 {
			// Nothing selected (e.g. --kinds abruf for a ring project):
			// the project succeeds with no files.
			pr.Status = StatusOK
			r.removeStale(pr)
			<-slots
			continue
		}
		j := &job{idx: i, p: p, res: res, kinds: pl.kinds, outs: make([][]generator.Output, len(pl.kinds)), errs: make([]error, len(pl.kinds))}
		j.pending.Store(int32(len(pl.kinds)))
		for k := range pl.kinds {
			select {
			case tasks <- task{j, k}:
			case <-done:
				// Tasks already handed out end the job; if none is
				// left, release its slot here.
				if j.pending.Add(-int32(len(pl.kinds)-k)) == 0 {
					<-slots
				}
				return
			}
		}
	}
}

// work renders one document and reports whether it was the job's last.
func (r *runner) work(t task) (last bool) {
	j := t.j
	if r.ctx.Err() == nil {
		outs, err := r.gen.RenderDoc(r.ctx, j.p, j.res, j.kinds[t.k], r.opts.Formats)
		j.outs[t.k], j.errs[t.k] = outs, err
		if err == nil {
			r.report(func(p *Progress) { p.Rendered += len(outs) })
		}
	}
	return j.pending.Add(-1) == 0
}

// finish writes a job whose documents are all rendered, unless one failed
// or the run was cancelled. Once writing has begun the project is written
// completely, even if the run is cancelled meanwhile (it takes a fraction
// of a second), so an interrupted run leaves every project either complete
// or untouched.
func (r *runner) finish(j *job) {
	pr := &r.projects[j.idx]
	var errs []error
	seen := map[string]bool{}
	for _, err := range j.errs {
		if err != nil && !errors.Is(err, context.Canceled) && !seen[err.Error()] {
			seen[err.Error()] = true
			errs = append(errs, err)
		}
	}
	switch {
	case len(errs) > 0:
		pr.Status, pr.Errs = StatusFailed, errs
		missing := 0
		for k, outs := range j.outs {
			if outs == nil {
				missing += len(j.kinds[k].Formats(r.opts.Formats))
			}
		}
		r.report(func(p *Progress) { p.Total -= missing })
		return
	case r.ctx.Err() != nil:
		return // stays StatusCancelled (interrupted, or the disk is full)
	}
	outs := slices.Concat(j.outs...)
	j.outs = nil
	r.removeTemps(filepath.Join(r.opts.OutDir, pr.Kurztitel))
	entries := make([]atomicfile.Entry, len(outs))
	for i, o := range outs {
		entries[i] = atomicfile.Entry{Path: filepath.Join(r.opts.OutDir, filepath.FromSlash(o.Name)), Data: o.Data}
	}
	// All files of the project or none: a failure (a full disk) leaves
	// its old files as they were.
	if err := atomicfile.WriteAll(entries, atomicfile.Options{FS: r.opts.FS, Parallel: writeFanout}); err != nil {
		pr.Status, pr.Errs = StatusFailed, []error{r.writeError(filepath.Join(r.opts.OutDir, pr.Kurztitel), err)}
		return
	}
	r.changed.Store(true)
	for _, o := range outs {
		sum := sha256.Sum256(o.Data)
		pr.Files = append(pr.Files, File{Path: o.Name, Input: pr.Input, Kind: o.Doc.Name, Party: o.Doc.Party,
			Format: o.Format, Size: int64(len(o.Data)), SHA256: hex.EncodeToString(sum[:])})
	}
	pr.Status = StatusOK
	r.removeStale(pr)
	r.report(func(p *Progress) { p.Written += len(pr.Files) })
}

// report updates the progress and tells Options.Progress.
func (r *runner) report(update func(*Progress)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	update(&r.progress)
	if r.opts.Progress != nil {
		r.opts.Progress(r.progress)
	}
}
