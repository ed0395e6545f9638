// Package atomicfile writes files so that readers see either the old
// content or the complete new content, never a half-written file: data goes
// to a temporary file in the same directory, is synced, and is renamed over
// the target.
package atomicfile

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// TempPattern is the name pattern of temporary files; a crash may leave one
// behind, and cleaners can recognise it.
const TempPattern = ".vereinbar-*.tmp"

// FS is the file system atomicfile writes to. OS is the real one; tests
// substitute one that fails where they choose, with the errors the real
// one returns (syscall.ENOSPC in an *os.PathError for a full disk).
type FS interface {
	MkdirAll(path string, perm os.FileMode) error
	CreateTemp(dir, pattern string) (File, error)
	Rename(oldpath, newpath string) error
	Link(oldname, newname string) error
	Remove(name string) error
}

// File is a temporary file being written, as *os.File is.
type File interface {
	io.Writer
	Name() string
	Chmod(mode os.FileMode) error
	Sync() error
	Close() error
}

// OS is FS on the operating system's file system.
type OS struct{}

// MkdirAll is os.MkdirAll.
func (OS) MkdirAll(path string, perm os.FileMode) error { return os.MkdirAll(path, perm) }

// CreateTemp is os.CreateTemp.
func (OS) CreateTemp(dir, pattern string) (File, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return f, nil
}

// Rename is os.Rename.
func (OS) Rename(oldpath, newpath string) error { return os.Rename(oldpath, newpath) }

// Link is os.Link.
func (OS) Link(oldname, newname string) error { return os.Link(oldname, newname) }

// Remove is os.Remove.
func (OS) Remove(name string) error { return os.Remove(name) }

// WriteFile writes data to path atomically with permissions perm. Missing
// parent directories are created.
func WriteFile(path string, data []byte, perm os.FileMode) error {
	return WriteFileFS(OS{}, path, data, perm)
}

// WriteFileFS is WriteFile on fsys.
func WriteFileFS(fsys FS, path string, data []byte, perm os.FileMode) error {
	return WriteAll([]Entry{{Path: path, Data: data}}, Options{FS: fsys, Perm: perm})
}

// RemoveTemps removes the temporary files (TempPattern) in dir that a
// writer ended by a crash or kill -9 left behind, and returns how many.
// Only regular files directly in dir are removed. The caller must know
// that no writer is at work in dir (batch holds the output directory's
// lock): a temporary file being written looks the same.
func RemoveTemps(fsys FS, dir string) (int, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	n := 0
	for _, e := range entries {
		if ok, _ := filepath.Match(TempPattern, e.Name()); !ok || !e.Type().IsRegular() {
			continue
		}
		if err := fsys.Remove(filepath.Join(dir, e.Name())); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return n, err
		}
		n++
	}
	return n, nil
}
