package batch_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
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

// thBlock is Thüringen's entry in the star fixture's parteien.
const thBlock = `  - land: TH
    rolle: nachnutzend
    vertreten_durch: "das Ministerium für Wirtschaft, Wissenschaft und Digitale Gesellschaft"
`

// copyFixture copies a fixture into dir and returns the copy's path.
func copyFixture(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixtures, name))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// TestStaleFilesRemoved: after Thüringen leaves the star project, the next
// run removes vereinbarung-TH.* (and lists it as removed) — but only the
// files of kinds, Länder and formats it generates, and never a file it did
// not write. (The old agreement stayed beside the new ones, and check
// passed it.)
func TestStaleFilesRemoved(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	cases := []struct {
		name        string
		kinds, only []string
		formats     []string
		removed     []string // besides them, nothing goes
	}{
		{name: "full run", formats: []string{"md", "docx"}, removed: []string{"bafoeg-stern/vereinbarung-TH.docx", "bafoeg-stern/vereinbarung-TH.md"}},
		{name: "one format", formats: []string{"md"}, removed: []string{"bafoeg-stern/vereinbarung-TH.md"}},
		{name: "other kinds", kinds: []string{"beschreibung"}, formats: []string{"md", "docx"}},
		{name: "other Land", only: []string{"SN"}, formats: []string{"md", "docx"}},
		{name: "Land named", only: []string{"SN", "TH"}, formats: []string{"md", "docx"}, removed: []string{"bafoeg-stern/vereinbarung-TH.docx", "bafoeg-stern/vereinbarung-TH.md"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			in := copyFixture(t, dir, "bafoeg-stern.yaml")
			out := filepath.Join(dir, "out")
			if _, err := batch.Run(context.Background(), gen, []string{in}, batch.Options{OutDir: out, Formats: []string{"md", "docx"}, Kinds: readyKinds(t, gen)}); err != nil {
				t.Fatal(err)
			}
			// Not ours: other names, an unknown Land, a folder.
			foreign := []string{"bafoeg-stern/notizen.txt", "bafoeg-stern/vereinbarung-XY.md", "bafoeg-stern/vereinbarung-TH.txt", "bafoeg-stern/Vereinbarung-TH.md"}
			for _, f := range foreign {
				if err := os.WriteFile(filepath.Join(out, f), []byte("von Hand"), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if err := os.Mkdir(filepath.Join(out, "bafoeg-stern", "vereinbarung-TH.pdf"), 0o755); err != nil {
				t.Fatal(err)
			}
			before := readTree(t, out)

			editInputs(t, []string{in}, thBlock, "")
			kinds := c.kinds
			if kinds == nil {
				kinds = readyKinds(t, gen)
			}
			res, err := batch.Run(context.Background(), gen, []string{in}, batch.Options{OutDir: out, Formats: c.formats, Kinds: kinds, Only: c.only})
			if err != nil {
				t.Fatal(err)
			}
			if p := res.Projects[0]; p.Status != batch.StatusOK || !slices.Equal(p.Removed, c.removed) {
				t.Errorf("%s, removed %q, want %q", p.Status, p.Removed, c.removed)
			}
			after := readTree(t, out)
			for f := range before {
				_, kept := after[f]
				if gone := slices.Contains(c.removed, f); kept == gone && f != batch.ManifestName {
					t.Errorf("%s: kept %v", f, kept)
				}
			}
			if st, err := os.Stat(filepath.Join(out, "bafoeg-stern", "vereinbarung-TH.pdf")); err != nil || !st.IsDir() {
				t.Errorf("folder named like a document: %v", err)
			}
			// The manifest lists what is ours on disk.
			m := readManifest(t, out)
			var listed []string
			for _, f := range m.Files {
				listed = append(listed, f.Path)
			}
			var ours []string
			for f := range after {
				if f != batch.ManifestName && !slices.Contains(foreign, f) {
					ours = append(ours, f)
				}
			}
			slices.Sort(ours)
			if !slices.Equal(listed, ours) {
				t.Errorf("manifest lists\n%q\nours on disk\n%q", listed, ours)
			}
		})
	}
}

// TestPartialRunKeepsOtherProjects: a run of one project file keeps the
// manifest entries of the others (merged, sorted); with Clean the files
// the old manifest lists and this run did not write are removed instead,
// and the project folders so emptied — files it does not list stay, and
// with them their folder. (The manifest of a partial run forgot the other
// projects.)
func TestPartialRunKeepsOtherProjects(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	for _, clean := range []bool{false, true} {
		t.Run(fmt.Sprint("clean=", clean), func(t *testing.T) {
			t.Parallel()
			out := t.TempDir()
			ring, star, ehe := fixtures+"/wohngeld-ring.yaml", fixtures+"/bafoeg-stern.yaml", fixtures+"/eheschliessung-ring.yaml"
			opts := batch.Options{OutDir: out, Formats: []string{"md"}, Kinds: readyKinds(t, gen)}
			if _, err := batch.Run(context.Background(), gen, []string{ring, star, ehe}, opts); err != nil {
				t.Fatal(err)
			}
			full := checkConsistent(t, out)
			note := filepath.Join(out, "bafoeg-stern", "notizen.txt")
			if err := os.WriteFile(note, []byte("von Hand"), 0o644); err != nil {
				t.Fatal(err)
			}
			opts.Clean = clean
			res, err := batch.Run(context.Background(), gen, []string{ring}, opts)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Remove(note); err != nil {
				t.Errorf("foreign file: %v", err)
			}
			m := checkConsistent(t, out)
			var inputs, others []string
			for _, in := range m.Inputs {
				inputs = append(inputs, in.Path)
			}
			for _, f := range full.Files {
				if !strings.HasPrefix(f.Path, "wohngeld-ring/") {
					others = append(others, f.Path)
				}
			}
			if !clean {
				if !slices.Equal(inputs, []string{star, ehe, ring}) || fmt.Sprint(m.Files) != fmt.Sprint(full.Files) {
					t.Errorf("inputs %q; files\n%v\nwant\n%v", inputs, m.Files, full.Files)
				}
				if len(res.Removed) != 0 {
					t.Errorf("removed %q", res.Removed)
				}
				return
			}
			if !slices.Equal(inputs, []string{ring}) || !slices.Equal(res.Removed, others) || len(others) == 0 {
				t.Errorf("inputs %q, removed %q, want %q", inputs, res.Removed, others)
			}
			if entries, err := os.ReadDir(filepath.Join(out, "bafoeg-stern")); err != nil || len(entries) != 0 {
				t.Errorf("folder that held a foreign file: %v, %v", entries, err)
			}
			if _, err := os.Stat(filepath.Join(out, "eheschliessung-ring")); !errors.Is(err, os.ErrNotExist) {
				t.Errorf("emptied project folder: %v", err)
			}
		})
	}
}

// TestHostileManifestRemovesNothing: names in an old manifest that are
// not ours — outside the output directory, not a document, a folder — are
// neither removed (even with Clean) nor carried into the new manifest.
func TestHostileManifestRemovesNothing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	victims := []string{
		filepath.Join(dir, "ausserhalb.md"),
		filepath.Join(out, "wohngeld-ring", "notizen.txt"),
		filepath.Join(out, "wohngeld-ring", ".versteckt.md"),
		filepath.Join(out, "tief", "unter", "vereinbarung.md"),
		filepath.Join(out, "vereinbarung.md"),
	}
	for _, v := range victims {
		if err := os.MkdirAll(filepath.Dir(v), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(v, []byte("nicht von vereinbar"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m := `{"tool": "vereinbar", "files": [
		{"path": "../ausserhalb.md", "format": "md", "kind": "vereinbarung"},
		{"path": "wohngeld-ring/../../ausserhalb.md", "format": "md", "kind": "vereinbarung"},
		{"path": "/` + strings.TrimPrefix(filepath.ToSlash(victims[0]), "/") + `", "format": "md", "kind": "vereinbarung"},
		{"path": "wohngeld-ring/notizen.txt", "format": "txt", "kind": "vereinbarung"},
		{"path": "wohngeld-ring/notizen.txt", "format": "md", "kind": "vereinbarung"},
		{"path": "wohngeld-ring/.versteckt.md", "format": "md", "kind": "vereinbarung"},
		{"path": "tief/unter/vereinbarung.md", "format": "md", "kind": "vereinbarung"},
		{"path": "vereinbarung.md", "format": "md", "kind": "vereinbarung"},
		{"path": "tief/unter", "format": "md", "kind": "vereinbarung"}
	]}`
	if err := os.WriteFile(filepath.Join(out, batch.ManifestName), []byte(m), 0o644); err != nil {
		t.Fatal(err)
	}
	gen := newGenerator(t)
	res, err := batch.Run(context.Background(), gen, []string{fixtures + "/wohngeld-ring.yaml"}, batch.Options{OutDir: out, Formats: []string{"md"}, Kinds: readyKinds(t, gen), Clean: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range victims {
		if _, err := os.Stat(v); err != nil {
			t.Errorf("%s: %v", v, err)
		}
	}
	if len(res.Removed) != 0 || len(res.Projects[0].Removed) != 0 {
		t.Errorf("removed %q %q", res.Removed, res.Projects[0].Removed)
	}
	for _, f := range readManifest(t, out).Files {
		if !strings.HasPrefix(f.Path, "wohngeld-ring/") || f.Format != "md" || strings.Contains(f.Path, "notizen") || strings.Contains(f.Path, "versteckt") {
			t.Errorf("manifest carries %q", f.Path)
		}
	}
}

// noManifestFS fails every write of a temporary file in dir (where only
// the manifest goes) with syscall.ENOSPC.
type noManifestFS struct {
	atomicfile.OS
	dir string
}

func (f noManifestFS) CreateTemp(dir, pattern string) (atomicfile.File, error) {
	file, err := f.OS.CreateTemp(dir, pattern)
	if err != nil || dir != f.dir {
		return file, err
	}
	return failingFile{file}, nil
}

type failingFile struct{ atomicfile.File }

func (f failingFile) Write([]byte) (int, error) {
	return 0, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
}

// TestManifestNotWritable: when the new manifest cannot be written after
// the run changed documents, the old one — which no longer matches them —
// is removed, and the error says so.
func TestManifestNotWritable(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	inputs := writeRingCopies(t, dir, "a-ring")
	out := filepath.Join(dir, "out")
	gen := newGenerator(t)
	opts := batch.Options{OutDir: out, Formats: []string{"md"}, Kinds: readyKinds(t, gen)}
	if _, err := batch.Run(context.Background(), gen, inputs, opts); err != nil {
		t.Fatal(err)
	}
	editInputs(t, inputs, `version: "1.0"`, `version: "1.1"`)
	opts.FS = noManifestFS{dir: out}
	res, err := batch.Run(context.Background(), gen, inputs, opts)
	if !errors.Is(err, syscall.ENOSPC) || res == nil || res.Manifest != "" {
		t.Fatalf("err = %v, want ENOSPC", err)
	}
	want := filepath.Join(out, batch.ManifestName) + ": kein Platz mehr auf dem Datenträger; das alte Manifest wurde entfernt, weil es nicht mehr zu den Dateien passte"
	if err.Error() != want {
		t.Errorf("error\n%s\nwant\n%s", err, want)
	}
	if _, err := os.Stat(filepath.Join(out, batch.ManifestName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("old manifest: %v", err)
	}
	if temps, _ := filepath.Glob(filepath.Join(out, atomicfile.TempPattern)); len(temps) > 0 {
		t.Errorf("temporary files left: %v", temps)
	}
}
