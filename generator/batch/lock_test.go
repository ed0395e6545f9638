package batch_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator/batch"
)

// TestLockDir: a held directory is refused to a second holder — in the
// same process too, the lock being per open file, not per process —
// naming the holder; after Release it can be taken again and the lock
// file is gone.
func TestLockDir(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "out")
	since := time.Date(2026, 11, 28, 20, 51, 3, 0, time.Local)
	first, err := batch.LockDir(context.Background(), dir, batch.LockOptions{Now: func() time.Time { return since }})
	if err != nil {
		t.Fatal(err)
	}
	_, err = batch.LockDir(context.Background(), dir, batch.LockOptions{})
	var le *batch.LockedError
	if !errors.Is(err, batch.ErrLocked) || !errors.As(err, &le) {
		t.Fatalf("second lock: %v, want a *LockedError", err)
	}
	host, _ := os.Hostname()
	if le.Holder.PID != os.Getpid() || le.Holder.Host != host || !le.Holder.Since.Equal(since) {
		t.Errorf("holder %+v, want PID %d on %s since %v", le.Holder, os.Getpid(), host, since)
	}
	want := fmt.Sprintf("Ausgabeverzeichnis %s ist gesperrt (PID %d auf %s, seit 28.11.2026 20:51:03)", dir, os.Getpid(), host)
	if !strings.HasPrefix(err.Error(), want) {
		t.Errorf("message %q does not start with %q", err, want)
	}
	if err := first.Release(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, batch.LockName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock file after Release: %v", err)
	}
	again, err := batch.LockDir(context.Background(), dir, batch.LockOptions{})
	if err != nil {
		t.Fatalf("after Release: %v", err)
	}
	again.Release()
	again.Release() // twice is harmless
}

// TestLockDirWait waits for the holder with one note, and the wait ends
// on cancellation.
func TestLockDirWait(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	holder, err := batch.LockDir(context.Background(), dir, batch.LockOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var notes []string
	waiting := make(chan struct{})
	notify := func(s string) {
		mu.Lock()
		defer mu.Unlock()
		if notes = append(notes, s); len(notes) == 1 {
			close(waiting)
		}
	}

	// Cancelled while waiting.
	ctx, cancel := context.WithCancel(context.Background())
	got := make(chan error)
	go func() {
		_, err := batch.LockDir(ctx, dir, batch.LockOptions{Wait: true, Notify: notify})
		got <- err
	}()
	<-waiting
	cancel()
	if err := <-got; !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled wait: %v", err)
	}

	// Waits until released.
	mu.Lock()
	notes = nil
	waiting = make(chan struct{})
	mu.Unlock()
	done := make(chan *batch.Lock)
	go func() {
		l, err := batch.LockDir(context.Background(), dir, batch.LockOptions{Wait: true, Notify: notify})
		if err != nil {
			t.Error(err)
		}
		done <- l
	}()
	<-waiting
	select {
	case <-done:
		t.Fatal("took the lock while it was held")
	default:
	}
	holder.Release()
	(<-done).Release()
	want := fmt.Sprintf("Ausgabeverzeichnis %s ist gesperrt (PID %d", dir, os.Getpid())
	if len(notes) != 1 || !strings.HasPrefix(notes[0], want) || !strings.Contains(notes[0], "warte") {
		t.Errorf("notes %q, want one starting %q", notes, want)
	}
}

// TestLockDirStale: a lock file nobody holds (its holder ended without
// releasing it) is taken over with a note naming the old holder.
func TestLockDirStale(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, batch.LockName), []byte("pid=999999\nhost=anderswo\nstart=2026-11-28T20:51:03+01:00\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var notes []string
	l, err := batch.LockDir(context.Background(), dir, batch.LockOptions{Notify: func(s string) { notes = append(notes, s) }})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	if len(notes) != 1 || !strings.HasPrefix(notes[0], "verwaiste Sperre von PID 999999 auf anderswo, seit 28.11.2026") || !strings.Contains(notes[0], "übernommen") {
		t.Errorf("notes %q", notes)
	}
	b, _ := os.ReadFile(filepath.Join(dir, batch.LockName))
	if !strings.HasPrefix(string(b), fmt.Sprintf("pid=%d\n", os.Getpid())) {
		t.Errorf("lock file not taken over: %q", b)
	}
}

// TestRunRefusesHeldDirectory: a run into a held directory fails with a
// *LockedError and writes nothing.
func TestRunRefusesHeldDirectory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	l, err := batch.LockDir(context.Background(), dir, batch.LockOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	res, err := batch.Run(context.Background(), newGenerator(t), []string{fixtures + "/wohngeld-ring.yaml"}, batch.Options{OutDir: dir, Formats: []string{"md"}})
	if !errors.Is(err, batch.ErrLocked) || res != nil {
		t.Fatalf("Run: %v, %v; want ErrLocked", res, err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("directory holds %d entries, want only the lock", len(entries))
	}
}
