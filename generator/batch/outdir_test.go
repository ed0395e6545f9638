package batch_test

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/atomicfile"
	"github.com/vereinbar/vereinbar/generator/batch"
)

// writeRingCopies writes copies of the ring fixture into dir, one per
// kurztitel, and returns their paths in order.
func writeRingCopies(t *testing.T, dir string, kurztitel ...string) []string {
	t.Helper()
	src, err := os.ReadFile(fixtures + "/wohngeld-ring.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const kt = "kurztitel: wohngeld-ring\n"
	if !bytes.Contains(src, []byte(kt)) {
		t.Fatalf("fixture lacks %q", kt)
	}
	var paths []string
	for _, name := range kurztitel {
		p := filepath.Join(dir, name+".yaml")
		if err := os.WriteFile(p, bytes.Replace(src, []byte(kt), []byte("kurztitel: "+name+"\n"), 1), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// editInputs replaces old by new in every input file.
func editInputs(t *testing.T, inputs []string, old, new string) {
	t.Helper()
	for _, in := range inputs {
		b, err := os.ReadFile(in)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(old)) {
			t.Fatalf("%s lacks %q", in, old)
		}
		if err := os.WriteFile(in, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// smallDisk is the real file system with only free bytes left for the
// files written through it, the way a nearly full disk behaves: a write
// beyond them fails with syscall.ENOSPC in an *os.PathError, as
// (*os.File).Write reports it; removing a file written through it, or
// replacing a file by renaming over it, frees the bytes again.
type smallDisk struct {
	atomicfile.OS
	mu      sync.Mutex
	free    int64
	sizes   map[string]int64 // bytes of the files written through it
	refused int              // writes refused
}

func newSmallDisk(free int64) *smallDisk {
	return &smallDisk{free: free, sizes: map[string]int64{}}
}

func (d *smallDisk) CreateTemp(dir, pattern string) (atomicfile.File, error) {
	f, err := d.OS.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return &smallDiskFile{File: f, d: d}, nil
}

func (d *smallDisk) Remove(name string) error {
	err := d.OS.Remove(name)
	if err == nil {
		d.mu.Lock()
		d.free += d.sizes[name]
		delete(d.sizes, name)
		d.mu.Unlock()
	}
	return err
}

func (d *smallDisk) Rename(oldpath, newpath string) error {
	var replaced int64
	if st, err := os.Lstat(newpath); err == nil {
		replaced = st.Size()
	}
	err := d.OS.Rename(oldpath, newpath)
	if err == nil {
		d.mu.Lock()
		d.free += replaced
		d.sizes[newpath] = d.sizes[oldpath]
		delete(d.sizes, oldpath)
		d.mu.Unlock()
	}
	return err
}

type smallDiskFile struct {
	atomicfile.File
	d *smallDisk
}

func (f *smallDiskFile) Write(p []byte) (int, error) {
	f.d.mu.Lock()
	if int64(len(p)) > f.d.free {
		f.d.refused++
		f.d.mu.Unlock()
		return 0, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	f.d.free -= int64(len(p))
	f.d.sizes[f.Name()] += int64(len(p))
	f.d.mu.Unlock()
	return f.File.Write(p)
}

// TestDiskFullKeepsOldSet regenerates four written projects, changed, on
// a disk with room for a few KB: the first project's new files do not
// fit, so it keeps its old set exactly (no new DOCX beside an old PDF, no
// temporary file), and the run starts no further project after that
// error. (The files of a project used to be replaced one by one, and the
// run went on writing after the first ENOSPC.)
func TestDiskFullKeepsOldSet(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	inputs := writeRingCopies(t, dir, "a-ring", "b-ring", "c-ring", "d-ring")
	out := filepath.Join(dir, "out")
	gen := newGenerator(t)
	opts := batch.Options{OutDir: out, Jobs: 1, Formats: []string{"md", "docx"}, Kinds: readyKinds(t, gen)}
	if _, err := batch.Run(context.Background(), gen, inputs, opts); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	delete(before, batch.ManifestName)

	editInputs(t, inputs, `version: "1.0"`, `version: "1.1"`)
	disk := newSmallDisk(30_000)
	opts.FS, opts.Formats = disk, generator.Formats
	res, err := batch.Run(context.Background(), gen, inputs, opts)
	if !errors.Is(err, batch.ErrNoSpace) || !res.NoSpace {
		t.Fatalf("err = %v, NoSpace = %v; want ErrNoSpace", err, res.NoSpace)
	}
	a := res.Projects[0]
	if a.Status != batch.StatusFailed || len(a.Errs) != 1 || !errors.Is(a.Errs[0], batch.ErrNoSpace) || !errors.Is(a.Errs[0], syscall.ENOSPC) {
		t.Fatalf("%s: %s %v, want one ErrNoSpace", a.Input, a.Status, a.Errs)
	}
	if msg := a.Errs[0].Error(); !strings.Contains(msg, filepath.Join(out, "a-ring")) || !strings.Contains(msg, "kein Platz") || !strings.Contains(msg, "bleiben unverändert") {
		t.Errorf("message %q", msg)
	}
	// The second project may have been rendered while the first was
	// written (two projects in flight with one worker); it is then not
	// written either. The others are not begun.
	if b := res.Projects[1]; b.Status != batch.StatusCancelled && !(b.Status == batch.StatusFailed && errors.Is(b.Errs[0], batch.ErrNoSpace)) {
		t.Errorf("%s: %s %v", b.Input, b.Status, b.Errs)
	}
	for _, p := range res.Projects[2:] {
		if p.Status != batch.StatusCancelled {
			t.Errorf("%s: %s %v, want not begun", p.Input, p.Status, p.Errs)
		}
	}
	after := readTree(t, out)
	delete(after, batch.ManifestName)
	for p, b := range after {
		if !bytes.Equal(b, before[p]) {
			t.Errorf("%s changed or new (%d bytes, %d before)", p, len(b), len(before[p]))
		}
	}
	for p := range before {
		if _, ok := after[p]; !ok {
			t.Errorf("%s removed", p)
		}
	}
}
