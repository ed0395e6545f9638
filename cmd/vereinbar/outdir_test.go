package main

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// child is the command line run in a child process (the test binary, see
// TestMain), so signals can be sent to it and it can hold locks of its own.
type child struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
	exited         chan struct{} // closed when the process has been waited for
	err            error         // of Wait, once exited is closed
}

// startChild starts vereinbar with args in a child process.
func startChild(t *testing.T, args ...string) *child {
	t.Helper()
	c := &child{exited: make(chan struct{})}
	c.cmd = exec.Command(os.Args[0], args...)
	c.cmd.Env = append(os.Environ(), "VEREINBAR_TEST_MAIN=1")
	c.cmd.Stdout, c.cmd.Stderr = &c.stdout, &c.stderr
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		c.err = c.cmd.Wait()
		close(c.exited)
	}()
	t.Cleanup(func() {
		_ = c.cmd.Process.Kill()
		<-c.exited
	})
	return c
}

// wait waits for the child to end and returns its exit code (-1 when a
// signal ended it).
func (c *child) wait(t *testing.T) int {
	t.Helper()
	select {
	case <-c.exited:
	case <-time.After(3 * time.Minute):
		t.Fatalf("vereinbar %s runs for more than three minutes\nstderr:\n%s", strings.Join(c.cmd.Args[1:], " "), c.stderr.String())
	}
	return c.cmd.ProcessState.ExitCode()
}

// serveFIFO makes a named pipe at path for a process that reads the file
// at path. opened is closed when the reader has the pipe open: it is then
// blocked in its read, at a known point of its run, until release is
// called. release hands it content and puts a regular file with the same
// content at path for every later read.
func serveFIFO(t *testing.T, path, content string) (opened <-chan struct{}, release func()) {
	t.Helper()
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Fatal(err)
	}
	regular := path + ".regulär"
	if err := os.WriteFile(regular, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	first := make(chan struct{})
	released := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(released) }) }
	stop := make(chan struct{})
	done := make(chan struct{})
	t.Cleanup(func() { close(stop); <-done })
	go func() {
		defer close(done)
		var f *os.File
		for {
			// Non-blocking: opening for writing fails with ENXIO while
			// nobody reads, so the loop can end with the test.
			var err error
			f, err = os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0)
			if err == nil {
				break
			}
			if !errors.Is(err, syscall.ENXIO) {
				t.Error(err)
				return
			}
			select {
			case <-stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
		defer f.Close()
		close(first)
		select {
		case <-released:
		case <-stop:
			return
		}
		if err := os.Rename(regular, path); err != nil {
			t.Error(err)
		}
		// EPIPE: the reader has ended meanwhile.
		if _, err := f.WriteString(content); err != nil && !errors.Is(err, syscall.EPIPE) {
			t.Error(err)
		}
	}()
	return first, release
}

// TestGenerateEarlySignal sends SIGINT while generate is still reading its
// configuration (blocked on a named pipe), before the generator is built:
// the run stops in order — "abgebrochen", exit code 1, nothing written —
// instead of the process dying of the signal (the handler used to be
// installed only when the batch began).
func TestGenerateEarlySignal(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config.yaml")
	opened, release := serveFIFO(t, cfg, "formate: md\n")
	out := filepath.Join(dir, "out")
	c := startChild(t, "generate", "--config", cfg, "--out", out, wohngeld)
	select {
	case <-opened:
	case <-c.exited:
		t.Fatalf("ended before reading its configuration: %v\n%s", c.err, c.stderr.String())
	}
	if err := c.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	release()
	if code := c.wait(t); code != 1 {
		t.Fatalf("exit code %d (%v), want 1\nstderr:\n%s", code, c.err, c.stderr.String())
	}
	if !strings.HasSuffix(c.stderr.String(), "vereinbar: abgebrochen\n") {
		t.Errorf("stderr does not end with „vereinbar: abgebrochen“:\n%s", c.stderr.String())
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("output directory touched (%v): %v", err, outputFiles(t, out))
	}
}

// TestOtherCommandsEndOnSignal: a command that does not stop in order on
// a cancelled context (here check, blocked reading a project file) still
// ends at once on SIGINT, as before the handler moved to the start of run.
func TestOtherCommandsEndOnSignal(t *testing.T) {
	t.Parallel()
	in := filepath.Join(t.TempDir(), "projekt.yaml")
	opened, release := serveFIFO(t, in, readFile(t, wohngeld))
	c := startChild(t, "check", in)
	select {
	case <-opened:
	case <-c.exited:
		t.Fatalf("ended before reading the project file: %v\n%s", c.err, c.stderr.String())
	}
	if err := c.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	code := c.wait(t)
	release()
	ws, _ := c.cmd.ProcessState.Sys().(syscall.WaitStatus)
	if code != -1 || !ws.Signaled() || ws.Signal() != syscall.SIGINT {
		t.Errorf("exit code %d (%v), want the end by SIGINT\nstderr:\n%s", code, c.err, c.stderr.String())
	}
}
