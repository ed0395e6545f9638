package atomicfile_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"testing"

	"github.com/vereinbar/vereinbar/generator/atomicfile"
)

// faultFS is the real file system with one operation failing: the n-th
// call (from 1) of op, with the error the kernel gives.
type faultFS struct {
	atomicfile.OS
	op  string // "write" or "rename"
	n   int
	err syscall.Errno

	mu    sync.Mutex
	calls int
}

// fails counts a call of op and reports whether it is the one to fail.
func (f *faultFS) fails(op string) bool {
	if op != f.op {
		return false
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	return f.calls == f.n
}

func (f *faultFS) CreateTemp(dir, pattern string) (atomicfile.File, error) {
	file, err := f.OS.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return &faultFile{File: file, fs: f}, nil
}

func (f *faultFS) Rename(oldpath, newpath string) error {
	if f.fails("rename") {
		return &os.LinkError{Op: "rename", Old: oldpath, New: newpath, Err: f.err}
	}
	return f.OS.Rename(oldpath, newpath)
}

type faultFile struct {
	atomicfile.File
	fs *faultFS
}

func (f *faultFile) Write(p []byte) (int, error) {
	if f.fs.fails("write") {
		return 0, &os.PathError{Op: "write", Path: f.Name(), Err: f.fs.err}
	}
	return f.File.Write(p)
}

// tree returns every file in dir by name.
func tree(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		files[e.Name()] = string(b)
	}
	return files
}

// TestWriteAllAllOrNothing replaces a set of three files, one of them new,
// while the k-th write or rename fails: the directory afterwards holds
// exactly the old set (no new file, no temporary file, the old contents),
// and the error is the kernel's. Without a failure the new set is there.
func TestWriteAllAllOrNothing(t *testing.T) {
	t.Parallel()
	old := map[string]string{"a.docx": "alt a", "b.pdf": "alt b"}
	newSet := map[string]string{"a.docx": "neu a", "b.pdf": "neu b", "c.md": "neu c"}
	cases := []struct {
		op  string
		n   int
		err syscall.Errno
	}{
		{"write", 1, syscall.ENOSPC}, {"write", 3, syscall.ENOSPC}, {"write", 2, syscall.EDQUOT},
		{"rename", 1, syscall.EIO}, {"rename", 2, syscall.ENOSPC}, {"rename", 3, syscall.EIO},
		{"none", 0, 0},
	}
	for _, c := range cases {
		t.Run(c.op+"-"+string(rune('0'+c.n)), func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			for name, s := range old {
				if err := os.WriteFile(filepath.Join(dir, name), []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			var entries []atomicfile.Entry
			for _, name := range []string{"a.docx", "b.pdf", "c.md"} {
				entries = append(entries, atomicfile.Entry{Path: filepath.Join(dir, name), Data: []byte(newSet[name])})
			}
			err := atomicfile.WriteAll(entries, atomicfile.Options{FS: &faultFS{op: c.op, n: c.n, err: c.err}, Parallel: 2})
			want := old
			if c.op == "none" {
				want = newSet
				if err != nil {
					t.Fatal(err)
				}
			} else if !errors.Is(err, c.err) {
				t.Fatalf("error %v, want %v", err, c.err)
			}
			got := tree(t, dir)
			if len(got) != len(want) {
				t.Errorf("directory holds %v, want %v", slices.Sorted(mapKeys(got)), slices.Sorted(mapKeys(want)))
			}
			for name, s := range want {
				if got[name] != s {
					t.Errorf("%s = %q, want %q", name, got[name], s)
				}
			}
		})
	}
}

func mapKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
