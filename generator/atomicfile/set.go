package atomicfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
)

// Entry is one file of a set written by WriteAll.
type Entry struct {
	Path string
	Data []byte
}

// Options configure WriteAll.
type Options struct {
	FS       FS          // nil means OS
	Perm     os.FileMode // of the new files; 0 means 0o644
	Parallel int         // files written at once; < 1 means 1
}

// ErrPartial reports a set that WriteAll could not put back as it was
// after a failed rename: some targets have the new content, some the old.
var ErrPartial = errors.New("alte Fassung nicht vollständig wiederhergestellt")

// WriteAll writes a set of files all together or not at all. First every
// file goes to a temporary file in its directory (Parallel at once), each
// synced; when one of them fails (a full disk), the temporary files are
// removed and no target has changed. Only when all are complete are they
// renamed over their targets, one after the other. When a rename fails,
// the targets renamed before it get their old content back, from hard
// links made before the first rename (a target that did not exist is
// removed again), and the error says so if that fails (ErrPartial). On a
// file system without hard links a failing rename cannot be undone.
//
// Errors are *os.PathError naming the target and carrying the file
// system's error (syscall.ENOSPC for a full disk).
func WriteAll(entries []Entry, opts Options) error {
	fsys := opts.FS
	if fsys == nil {
		fsys = OS{}
	}
	perm := opts.Perm
	if perm == 0 {
		perm = 0o644
	}
	made := map[string]bool{}
	for _, e := range entries {
		if dir := filepath.Dir(e.Path); !made[dir] {
			if err := fsys.MkdirAll(dir, 0o755); err != nil {
				return pathError("mkdir", dir, err)
			}
			made[dir] = true
		}
	}
	temps := make([]string, len(entries))
	errs := make([]error, len(entries))
	sem := make(chan struct{}, max(opts.Parallel, 1))
	var wg sync.WaitGroup
	for i, e := range entries {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			temps[i], errs[i] = writeTemp(fsys, e, perm)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		removeAll(fsys, temps)
		for _, err := range errs {
			if err != nil {
				return err // the first in entry order
			}
		}
	}
	return commit(fsys, entries, temps)
}

// writeTemp writes e's data to a synced temporary file beside e.Path and
// returns its name; on failure it leaves nothing behind.
func writeTemp(fsys FS, e Entry, perm os.FileMode) (name string, err error) {
	tmp, err := fsys.CreateTemp(filepath.Dir(e.Path), TempPattern)
	if err != nil {
		return "", pathError("create", e.Path, err)
	}
	op := "write"
	defer func() {
		if err != nil {
			tmp.Close()
			fsys.Remove(tmp.Name())
			name, err = "", pathError(op, e.Path, err)
		}
	}()
	if _, err = tmp.Write(e.Data); err != nil {
		return "", err
	}
	if op, err = "chmod", tmp.Chmod(perm); err != nil {
		return "", err
	}
	if op, err = "sync", tmp.Sync(); err != nil {
		return "", err
	}
	if op, err = "close", tmp.Close(); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}

// commit renames the complete temporary files over their targets, undoing
// the renames done when one fails.
func commit(fsys FS, entries []Entry, temps []string) error {
	n := len(entries)
	backups := make([]string, n) // hard links to the old targets; "" for none
	existed := make([]bool, n)
	removeBackups := func() { removeAll(fsys, backups) }
	// The last target needs no backup: when its rename fails the earlier
	// ones are restored, and when it succeeds the set is complete.
	for i := range n - 1 {
		st, err := os.Lstat(entries[i].Path)
		if err != nil {
			continue // a new file
		}
		existed[i] = true
		if !st.Mode().IsRegular() {
			continue // its rename fails before any harm
		}
		b := strings.TrimSuffix(temps[i], ".tmp") + "-alt.tmp"
		if err := fsys.Link(entries[i].Path, b); err != nil {
			if NoSpace(err) {
				removeBackups()
				removeAll(fsys, temps)
				return pathError("link", entries[i].Path, err)
			}
			continue // no hard links here: this one cannot be restored
		}
		backups[i] = b
	}
	for i := range n {
		if err := fsys.Rename(temps[i], entries[i].Path); err != nil {
			rerr := restore(fsys, entries[:i], backups[:i], existed[:i])
			removeAll(fsys, temps[i:])
			removeBackups()
			perr := pathError("rename", entries[i].Path, err)
			if rerr != nil {
				return fmt.Errorf("%w; %w: %v", perr, ErrPartial, rerr)
			}
			return perr
		}
	}
	removeBackups()
	return nil
}

// restore puts the old content back at the targets already renamed; a
// backup it renames back is cleared from backups.
func restore(fsys FS, entries []Entry, backups []string, existed []bool) error {
	var errs []error
	for j, e := range entries {
		switch {
		case backups[j] != "":
			if err := fsys.Rename(backups[j], e.Path); err != nil {
				errs = append(errs, err)
				continue
			}
			backups[j] = ""
		case !existed[j]:
			if err := fsys.Remove(e.Path); err != nil {
				errs = append(errs, err)
			}
		default:
			errs = append(errs, fmt.Errorf("%s: keine Sicherung der alten Fassung", e.Path))
		}
	}
	return errors.Join(errs...)
}

// removeAll removes the named files, skipping "".
func removeAll(fsys FS, names []string) {
	for _, name := range names {
		if name != "" {
			fsys.Remove(name)
		}
	}
}

// pathError names the target path in err, dropping the temporary file's
// name an *os.PathError or *os.LinkError from the file system carries.
func pathError(op, path string, err error) error {
	var pe *os.PathError
	var le *os.LinkError
	switch {
	case errors.As(err, &pe):
		err = pe.Err
	case errors.As(err, &le):
		err = le.Err
	}
	return &os.PathError{Op: op, Path: path, Err: err}
}

// NoSpace reports whether err is a full disk or an exhausted quota.
func NoSpace(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EDQUOT)
}
