package batch_test

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/vereinbar/vereinbar/generator/atomicfile"
	"github.com/vereinbar/vereinbar/generator/batch"
)

// uebersichten returns the manifest's Übersicht entries by party.
func uebersichten(m batch.Manifest) map[string]batch.ManifestFile {
	out := map[string]batch.ManifestFile{}
	for _, f := range m.Files {
		if f.Kind == batch.KindUebersicht {
			out[f.Party] = f
		}
	}
	return out
}

// TestUebersichtEveryLand: with Uebersicht a run over the fixtures writes
// uebersicht/uebersicht-<LAND>.xlsx for exactly the parties of its
// projects, lists them in the manifest with the project files of their
// rows, and the bytes do not depend on the number of workers.
func TestUebersichtEveryLand(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	inputs := fixtureInputs(t)
	wantInputs := map[string][]string{}
	for _, in := range inputs {
		p, err := gen.LoadProject(in)
		if err != nil {
			t.Fatal(err)
		}
		for _, pt := range p.Data().Parteien {
			if c := string(pt.Land); !slices.Contains(wantInputs[c], filepath.ToSlash(in)) {
				wantInputs[c] = append(wantInputs[c], filepath.ToSlash(in))
			}
		}
	}
	var trees []map[string][]byte
	for _, jobs := range []int{1, 4} {
		out := t.TempDir()
		res, err := batch.Run(context.Background(), gen, inputs, batch.Options{OutDir: out, Jobs: jobs, Formats: []string{"md"}, Kinds: readyKinds(t, gen), Uebersicht: true})
		if err != nil || res.UebersichtErr != nil {
			t.Fatal(err, res.UebersichtErr)
		}
		if len(res.Uebersichten) != len(wantInputs) {
			t.Errorf("jobs=%d: %d Übersichten, want %d", jobs, len(res.Uebersichten), len(wantInputs))
		}
		m := checkConsistent(t, out)
		got := uebersichten(m)
		if len(got) != len(wantInputs) {
			t.Errorf("jobs=%d: manifest lists %d Übersichten, want %d", jobs, len(got), len(wantInputs))
		}
		tree := readTree(t, out)
		for land, from := range wantInputs {
			f, ok := got[land]
			slices.Sort(from)
			switch {
			case !ok:
				t.Errorf("no Übersicht for %s", land)
			case f.Path != "uebersicht/uebersicht-"+land+".xlsx", f.Format != "xlsx", f.Input != "", !slices.Equal(f.Inputs, from):
				t.Errorf("entry %+v, want inputs %q", f, from)
			}
			b := tree["uebersicht/uebersicht-"+land+".xlsx"]
			if _, err := zip.NewReader(bytes.NewReader(b), int64(len(b))); err != nil {
				t.Errorf("%s: not a complete XLSX: %v", land, err)
			}
		}
		trees = append(trees, tree)
	}
	if len(trees[0]) != len(trees[1]) {
		t.Errorf("%d files with 1 worker, %d with 4", len(trees[0]), len(trees[1]))
	}
	for p, b := range trees[0] {
		if !bytes.Equal(b, trees[1][p]) {
			t.Errorf("%s differs between 1 and 4 workers", p)
		}
	}
}

// TestUebersichtStale: when Thüringen leaves the only project, a run with
// Uebersicht removes uebersicht-TH.xlsx (listed in the old manifest) but
// not an Übersicht the manifest does not list; a run without it leaves
// every Übersicht and its manifest entry alone, with Clean too.
func TestUebersichtStale(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	for _, c := range []struct {
		name       string
		uebersicht bool
		clean      bool
		only       []string
		removed    []string
	}{
		{name: "with Uebersicht", uebersicht: true, removed: []string{"uebersicht/uebersicht-TH.xlsx"}},
		{name: "with Uebersicht and Clean", uebersicht: true, clean: true, removed: []string{"uebersicht/uebersicht-TH.xlsx"}},
		{name: "other Land only", uebersicht: true, only: []string{"SN"}},
		{name: "without Uebersicht"},
		{name: "without Uebersicht, Clean", clean: true},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			in := copyFixture(t, dir, "bafoeg-stern.yaml")
			out := filepath.Join(dir, "out")
			opts := batch.Options{OutDir: out, Formats: []string{"md"}, Kinds: readyKinds(t, gen), Uebersicht: true}
			if _, err := batch.Run(context.Background(), gen, []string{in}, opts); err != nil {
				t.Fatal(err)
			}
			before := uebersichten(readManifest(t, out))
			if _, ok := before["TH"]; !ok || len(before) != 4 {
				t.Fatalf("first run: Übersichten %v", before)
			}
			// Not ours: not in the manifest.
			foreign := filepath.Join(out, "uebersicht", "uebersicht-HH.xlsx")
			if err := os.WriteFile(foreign, []byte("von Hand"), 0o644); err != nil {
				t.Fatal(err)
			}

			editInputs(t, []string{in}, thBlock, "")
			opts.Uebersicht, opts.Clean, opts.Only = c.uebersicht, c.clean, c.only
			res, err := batch.Run(context.Background(), gen, []string{in}, opts)
			if err != nil {
				t.Fatal(err)
			}
			var removed []string
			for _, f := range res.Removed {
				if filepath.Dir(f) == "uebersicht" {
					removed = append(removed, f)
				}
			}
			if !slices.Equal(removed, c.removed) {
				t.Errorf("removed %q, want %q", removed, c.removed)
			}
			_, err = os.Stat(filepath.Join(out, "uebersicht", "uebersicht-TH.xlsx"))
			if gone := errors.Is(err, os.ErrNotExist); gone != (len(c.removed) > 0) {
				t.Errorf("uebersicht-TH.xlsx gone: %v", gone)
			}
			if _, err := os.Stat(foreign); err != nil {
				t.Errorf("a file the manifest does not list was removed: %v", err)
			}
			after := uebersichten(readManifest(t, out))
			if _, listed := after["TH"]; listed == (len(c.removed) > 0) {
				t.Errorf("TH listed: %v", listed)
			}
			if _, listed := after["HH"]; listed {
				t.Error("a file vereinbar did not write is listed")
			}
			if len(after) < 3 {
				t.Errorf("Übersichten after: %v", after)
			}
		})
	}
}

// TestUebersichtNotWhenInterrupted: a signal after the last project but
// before the Übersichten leaves none written, and the manifest says the
// run was interrupted.
func TestUebersichtNotWhenInterrupted(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	progress := func(p batch.Progress) {
		if p.Total > 0 && p.Written == p.Total {
			cancel()
		}
	}
	res, err := batch.Run(ctx, gen, []string{fixtures + "/wohngeld-ring.yaml"}, batch.Options{OutDir: out, Jobs: 2, Formats: []string{"md"}, Kinds: readyKinds(t, gen), Uebersicht: true, Progress: progress})
	if !errors.Is(err, context.Canceled) || !res.Interrupted || len(res.Uebersichten) != 0 {
		t.Fatalf("err %v, interrupted %v, %d Übersichten", err, res.Interrupted, len(res.Uebersichten))
	}
	m := checkConsistent(t, out)
	if !m.Interrupted || len(uebersichten(m)) != 0 {
		t.Errorf("manifest interrupted=%v, Übersichten %v", m.Interrupted, uebersichten(m))
	}
}

// TestUebersichtReservedKurztitel: with Uebersicht, a project may not
// write into the Übersichten's folder.
func TestUebersichtReservedKurztitel(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	dir := t.TempDir()
	inputs := writeRingCopies(t, dir, "uebersicht", "wohngeld")
	res, err := batch.Run(context.Background(), gen, inputs, batch.Options{OutDir: filepath.Join(dir, "out"), Formats: []string{"md"}, Kinds: readyKinds(t, gen), Uebersicht: true})
	if err != nil {
		t.Fatal(err)
	}
	p := res.Projects[slices.IndexFunc(res.Projects, func(p batch.Project) bool { return p.Kurztitel == "uebersicht" })]
	if p.Status != batch.StatusFailed || len(p.Errs) != 1 || !errors.Is(p.Errs[0], batch.ErrReserved) {
		t.Errorf("%s %v", p.Status, p.Errs)
	}
	for _, f := range res.Uebersichten {
		if !slices.Equal(f.Inputs, []string{filepath.ToSlash(inputs[1])}) {
			t.Errorf("%s from %q", f.Path, f.Inputs)
		}
	}
	if len(res.Uebersichten) == 0 {
		t.Error("no Übersicht")
	}
}

// fullSheetDisk is the real file system, full for the Übersichten' folder.
type fullSheetDisk struct{ atomicfile.OS }

func (fullSheetDisk) CreateTemp(dir, pattern string) (atomicfile.File, error) {
	if filepath.Base(dir) == batch.UebersichtDir {
		return nil, &os.PathError{Op: "open", Path: filepath.Join(dir, pattern), Err: syscall.ENOSPC}
	}
	return atomicfile.OS{}.CreateTemp(dir, pattern)
}

// TestUebersichtDiskFull: when the Übersichten do not fit, the old ones
// stay as they were, listed in the manifest, and the run reports a full
// disk; the projects are written.
func TestUebersichtDiskFull(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	dir := t.TempDir()
	in := copyFixture(t, dir, "bafoeg-stern.yaml")
	out := filepath.Join(dir, "out")
	opts := batch.Options{OutDir: out, Formats: []string{"md"}, Kinds: readyKinds(t, gen), Uebersicht: true}
	if _, err := batch.Run(context.Background(), gen, []string{in}, opts); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	editInputs(t, []string{in}, thBlock, "")
	opts.FS = fullSheetDisk{}
	res, err := batch.Run(context.Background(), gen, []string{in}, opts)
	if !errors.Is(err, batch.ErrNoSpace) || !errors.Is(res.UebersichtErr, batch.ErrNoSpace) || res.Projects[0].Status != batch.StatusOK {
		t.Fatalf("err %v, Übersicht %v, project %s", err, res.UebersichtErr, res.Projects[0].Status)
	}
	after := readTree(t, out)
	for p, b := range before {
		if filepath.Dir(p) == batch.UebersichtDir && !bytes.Equal(b, after[p]) {
			t.Errorf("%s changed", p)
		}
	}
	if n := len(uebersichten(checkConsistent(t, out))); n != 4 {
		t.Errorf("manifest lists %d Übersichten, want the 4 old ones", n)
	}
}

// TestUebersichtPartialRun (audit): a run with Uebersicht over one project
// into a folder that holds a run over two keeps the Übersichten of the
// Länder that take part only in the other project (they still hold its
// rows), and tells the user that the Übersichten it writes lack the other
// project; with Clean it removes them and says nothing.
func TestUebersichtPartialRun(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	for _, clean := range []bool{false, true} {
		dir := t.TempDir()
		one := copyFixture(t, dir, "bafoeg-stern.yaml")
		other := copyFixture(t, dir, "eheschliessung-ring.yaml")
		out := filepath.Join(dir, "out")
		opts := batch.Options{OutDir: out, Formats: []string{"md"}, Kinds: readyKinds(t, gen), Uebersicht: true}
		if _, err := batch.Run(context.Background(), gen, []string{one, other}, opts); err != nil {
			t.Fatal(err)
		}
		full := uebersichten(readManifest(t, out))
		var onlyOther []string
		for land, f := range full {
			if !slices.Contains(f.Inputs, filepath.ToSlash(one)) {
				onlyOther = append(onlyOther, land)
			}
		}
		if len(onlyOther) == 0 {
			t.Fatalf("no Land only in %s: %v", other, full)
		}
		var notes []string
		opts.Clean = clean
		opts.Notify = func(s string) { notes = append(notes, s) }
		if _, err := batch.Run(context.Background(), gen, []string{one}, opts); err != nil {
			t.Fatal(err)
		}
		warned := slices.ContainsFunc(notes, func(s string) bool {
			return strings.Contains(s, "enthalten nur die Vorhaben dieses Laufs") && strings.Contains(s, filepath.ToSlash(other))
		})
		if warned == clean {
			t.Errorf("clean=%v: warned %v: %q", clean, warned, notes)
		}
		for _, land := range onlyOther {
			_, err := os.Stat(filepath.Join(out, "uebersicht", "uebersicht-"+land+".xlsx"))
			if kept := err == nil; kept == clean {
				t.Errorf("clean=%v: Übersicht of %s (only in the other project) kept: %v", clean, land, kept)
			}
		}
		checkConsistent(t, out)
	}
}
