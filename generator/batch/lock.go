package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// LockName is the lock file's name in the output directory. It exists
// while a run holds the directory and names the holder; a clean end
// removes it.
//
// The lock itself is flock(2) on that file, not the file's existence: the
// kernel releases it when the holder ends in any way, kill -9 and crashes
// included, so a lock file nobody holds is known to be stale without
// guessing from process ids (which are reused, and mean nothing on another
// host sharing the directory).
const LockName = ".vereinbar.lock"

// lockPoll is how often a run that waits for the lock tries again. Polling
// rather than a blocking flock lets the wait end on cancellation.
const lockPoll = 100 * time.Millisecond

// LockOptions configure LockDir.
type LockOptions struct {
	// Wait makes LockDir wait for a held directory instead of failing
	// with a *LockedError; cancelling the context ends the wait.
	Wait bool
	// Notify, if set, receives notes for the user (German, one line
	// each): that the run waits, or that it took over a stale lock.
	Notify func(string)
	// Now is the clock for the holder's start time; nil means time.Now.
	Now func() time.Time
}

// Holder describes the run holding an output directory, as its lock file
// says. PID is 0 when the file could not be read.
type Holder struct {
	PID   int
	Host  string
	Since time.Time
}

// String names the holder: "PID 4711 auf rechner, seit 28.11.2026 20:51:03".
func (h Holder) String() string {
	if h.PID == 0 {
		return "PID unbekannt"
	}
	s := "PID " + strconv.Itoa(h.PID)
	if h.Host != "" {
		s += " auf " + h.Host
	}
	if !h.Since.IsZero() {
		s += ", seit " + h.Since.Local().Format("02.01.2006 15:04:05")
	}
	return s
}

// LockedError reports an output directory that another run holds. It
// matches ErrLocked.
type LockedError struct {
	Dir    string
	Holder Holder
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("Ausgabeverzeichnis %s ist gesperrt (%s): dort schreibt gerade ein anderer Lauf von vereinbar generate", e.Dir, e.Holder)
}

// Is makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Is(target error) bool { return target == ErrLocked }

// Lock is an output directory held by this process.
type Lock struct {
	f    *os.File
	path string
}

// LockDir takes the exclusive lock of an output directory, creating the
// directory if needed, and writes the holder (this process) into the lock
// file. A directory another run holds gives a *LockedError naming it, or
// with Wait, a wait until it is free. A lock file whose holder has ended
// without releasing it is taken over with a note.
func LockDir(ctx context.Context, dir string, opts LockOptions) (*Lock, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	path := filepath.Join(dir, LockName)
	notify := opts.Notify
	if notify == nil {
		notify = func(string) {}
	}
	now := opts.Now
	if now == nil {
		now = time.Now
	}
	waiting := false
	for {
		f, err := tryLock(path)
		if errors.Is(err, errLockMoved) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("Sperre %s: %w", path, err)
		}
		if f != nil {
			l := &Lock{f: f, path: path}
			if err := l.claim(now(), notify); err != nil {
				l.Release()
				return nil, fmt.Errorf("Sperre %s: %w", path, err)
			}
			return l, nil
		}
		held := &LockedError{Dir: dir, Holder: readHolder(path)}
		if !opts.Wait {
			return nil, held
		}
		if !waiting {
			waiting = true
			notify(fmt.Sprintf("Ausgabeverzeichnis %s ist gesperrt (%s); warte, bis der andere Lauf endet (Strg-C bricht ab)", dir, held.Holder))
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(lockPoll):
		}
	}
}

// claim notes a stale holder left in the lock file and writes this
// process's instead.
func (l *Lock) claim(since time.Time, notify func(string)) error {
	old, err := readAllFrom(l.f)
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(old)) > 0 {
		notify(fmt.Sprintf("verwaiste Sperre von %s, übernommen: jener Lauf endete, ohne %s freizugeben (kill -9, Absturz, Stromausfall)",
			parseHolder(old), l.path))
	}
	host, _ := os.Hostname()
	if err := l.f.Truncate(0); err != nil {
		return err
	}
	_, err = l.f.WriteAt(formatHolder(Holder{PID: os.Getpid(), Host: host, Since: since}), 0)
	return err
}

// Release removes the lock file and releases the lock. The file is
// removed first, so a run that opened it meanwhile finds it gone once it
// holds it and tries again (see tryLock). Release is nil-safe and may be
// called more than once.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	var err error
	if sameFile(l.f, l.path) {
		err = os.Remove(l.path)
	}
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}

// sameFile reports whether path still names the open file f.
func sameFile(f *os.File, path string) bool {
	a, err1 := f.Stat()
	b, err2 := os.Lstat(path)
	return err1 == nil && err2 == nil && os.SameFile(a, b)
}

// errLockMoved: the lock was taken on a file that is no longer at its
// path (its holder removed it on release); try again.
var errLockMoved = errors.New("Sperrdatei ersetzt")

// readHolder reads the holder from the lock file at path. A holder writes
// itself just after taking the lock, so an empty file is read again for a
// moment before the holder is given as unknown.
func readHolder(path string) Holder {
	for range 50 {
		b, err := os.ReadFile(path)
		if err != nil {
			return Holder{}
		}
		if h := parseHolder(b); h.PID != 0 {
			return h
		}
		time.Sleep(10 * time.Millisecond)
	}
	return Holder{}
}

// formatHolder is the lock file's content: one "key=value" line each for
// pid, host and start (RFC 3339).
func formatHolder(h Holder) []byte {
	return fmt.Appendf(nil, "pid=%d\nhost=%s\nstart=%s\n", h.PID, h.Host, h.Since.Format(time.RFC3339))
}

// parseHolder reads formatHolder's lines; what it cannot read stays zero.
func parseHolder(b []byte) Holder {
	var h Holder
	for _, line := range strings.Split(string(b), "\n") {
		k, v, _ := strings.Cut(line, "=")
		switch k {
		case "pid":
			h.PID, _ = strconv.Atoi(v)
		case "host":
			h.Host = v
		case "start":
			h.Since, _ = time.Parse(time.RFC3339, v)
		}
	}
	return h
}

// readAllFrom reads an open file from its start, at most 4 KiB (a lock
// file holds three short lines).
func readAllFrom(f *os.File) ([]byte, error) {
	b := make([]byte, 4096)
	n, err := f.ReadAt(b, 0)
	if err != nil && n == 0 && !errors.Is(err, io.EOF) {
		return nil, err
	}
	return b[:n], nil
}
