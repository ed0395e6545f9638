//go:build unix

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator/atomicfile"
	"github.com/vereinbar/vereinbar/generator/batch"
)

// child is the command line run in a child process (the test binary, see
// TestMain), so signals can be sent to it and it can hold locks of its own.
type child struct {
	cmd            *exec.Cmd
	stdout, stderr syncBuffer
	exited         chan struct{} // closed when the process has been waited for
	err            error         // of Wait, once exited is closed
}

// syncBuffer is a bytes.Buffer the test may read while the child writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor waits until the child's stderr holds s; it fails the test when
// the child ends first.
func (c *child) waitFor(t *testing.T, s string) {
	t.Helper()
	for !strings.Contains(c.stderr.String(), s) {
		select {
		case <-c.exited:
			t.Fatalf("ended (%v) without %q on stderr:\n%s", c.err, s, c.stderr.String())
		case <-time.After(5 * time.Millisecond):
		}
	}
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
// the run stops in order — "abgebrochen", exit code 1, no document
// written — instead of the process dying of the signal (the handler used
// to be installed only when the batch began).
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
	// The signal reaches the run's context a moment after it came; the
	// run may have begun by then, but it writes no document.
	if files := outputFiles(t, out); len(files) > 1 || len(files) == 1 && files[0] != batch.ManifestName {
		t.Errorf("documents written after the signal: %v", files)
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

// holdOutput starts a generate run into out in a child process that holds
// out while it reads a project file from a named pipe: it stays in the
// middle of its run until release is called (then it writes
// wohngeld-ring's agreement as Markdown).
func holdOutput(t *testing.T, out string) (c *child, release func()) {
	t.Helper()
	in := filepath.Join(t.TempDir(), "gehalten.yaml")
	opened, release := serveFIFO(t, in, readFile(t, wohngeld))
	c = startChild(t, "generate", "--formats", "md", "--kinds", "vereinbarung", "--out", out, in)
	select {
	case <-opened:
	case <-c.exited:
		t.Fatalf("ended before reading its project file: %v\n%s", c.err, c.stderr.String())
	}
	return c, release
}

// checkManifestMatchesDisk compares the manifest with the files under out.
func checkManifestMatchesDisk(t *testing.T, out string) {
	t.Helper()
	m := readManifestFile(t, out)
	var listed []string
	for _, f := range m.Files {
		listed = append(listed, f.Path)
		if got := int64(len(readFile(t, filepath.Join(out, f.Path)))); got != f.Size {
			t.Errorf("%s: %d bytes, manifest says %d", f.Path, got, f.Size)
		}
	}
	onDisk := slices.DeleteFunc(outputFiles(t, out), func(f string) bool { return f == batch.ManifestName })
	if !slices.Equal(listed, onDisk) {
		t.Errorf("manifest lists\n%v\ndisk holds\n%v", listed, onDisk)
	}
}

// TestGenerateSecondRunIsRefused runs generate into a directory another
// generate (a child process) is writing: the second run fails at once,
// naming the holder's PID and --wait, and writes nothing; the first run
// ends normally, its manifest matching the disk. (Both used to write and
// exit 0, the manifest of the one ending last not matching the disk.)
func TestGenerateSecondRunIsRefused(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "out")
	holder, release := holdOutput(t, out)
	pid := fmt.Sprint(holder.cmd.Process.Pid)
	cliCase{
		args: []string{"generate", "--formats", "md", "--out", out, bafoeg}, code: 1, stdout: empty,
		stderr: all(exactlyLines(1), contains("vereinbar: Ausgabeverzeichnis "+out+" ist gesperrt", "PID "+pid, "--wait")),
	}.run(t)
	release()
	if code := holder.wait(t); code != 0 {
		t.Fatalf("first run: exit code %d\n%s", code, holder.stderr.String())
	}
	checkManifestMatchesDisk(t, out)
	if files := outputFiles(t, out); slices.ContainsFunc(files, func(f string) bool { return strings.HasPrefix(f, "bafoeg") }) {
		t.Errorf("the refused run wrote: %v", files)
	}
}

// TestGenerateWait: with --wait the second run says once that it waits,
// and goes on when the first has ended; both projects are then in the
// directory.
func TestGenerateWait(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "out")
	holder, release := holdOutput(t, out)
	waiter := startChild(t, "generate", "--wait", "--formats", "md", "--kinds", "vereinbarung", "--out", out, bafoeg)
	waiter.waitFor(t, "warte")
	release()
	for _, c := range []*child{holder, waiter} {
		if code := c.wait(t); code != 0 {
			t.Fatalf("vereinbar %s: exit code %d\n%s", strings.Join(c.cmd.Args[1:], " "), code, c.stderr.String())
		}
	}
	msg := fmt.Sprintf("Ausgabeverzeichnis %s ist gesperrt (PID %d", out, holder.cmd.Process.Pid)
	if got := waiter.stderr.String(); strings.Count(got, msg) != 1 || strings.Count(got, "warte") != 1 {
		t.Errorf("stderr does not say once that it waits for PID %d:\n%s", holder.cmd.Process.Pid, got)
	}
	if files := outputFiles(t, out); !slices.Contains(files, "bafoeg-stern/vereinbarung-SN.md") {
		t.Errorf("the waiting run wrote nothing: %v", files)
	}
}

// TestGenerateWaitInterrupted: a Ctrl-C while waiting for the lock ends
// the run at once ("abgebrochen", exit code 1), while the holder still
// holds the directory.
func TestGenerateWaitInterrupted(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "out")
	holder, release := holdOutput(t, out)
	defer release()
	waiter := startChild(t, "generate", "--wait", "--formats", "md", "--out", out, bafoeg)
	waiter.waitFor(t, "warte")
	if err := waiter.cmd.Process.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	if code := waiter.wait(t); code != 1 || !strings.HasSuffix(waiter.stderr.String(), "vereinbar: abgebrochen\n") {
		t.Errorf("exit code %d, stderr:\n%s", code, waiter.stderr.String())
	}
	select {
	case <-holder.exited:
		t.Fatalf("the holder ended first: %v\n%s", holder.err, holder.stderr.String())
	default:
	}
}

// TestGenerateStaleLock kills a run with SIGKILL while it holds the
// directory: its lock stays behind, and the next run takes it over with a
// note naming the dead PID.
func TestGenerateStaleLock(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "out")
	holder, _ := holdOutput(t, out)
	if err := holder.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	holder.wait(t)
	if _, err := os.Stat(filepath.Join(out, batch.LockName)); err != nil {
		t.Fatalf("the killed run left no lock: %v", err)
	}
	cliCase{
		args: []string{"generate", "--formats", "md", "--kinds", "vereinbarung", "--out", out, bafoeg}, code: 0,
		stderr: contains(fmt.Sprintf("Hinweis: verwaiste Sperre von PID %d", holder.cmd.Process.Pid), "übernommen"),
	}.run(t)
	if _, err := os.Stat(filepath.Join(out, batch.LockName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("lock not removed at the end: %v", err)
	}
}

// TestGenerateRemovesStaleFiles: after Thüringen leaves the star project,
// generate removes vereinbarung-TH.* and names the files "entfernt", so
// check of the output directory no longer sees them; a file vereinbar did
// not write stays. (The old agreement stayed, and check passed it.)
func TestGenerateRemovesStaleFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := writeFile(t, filepath.Join(dir, "bafoeg-stern.yaml"), readFile(t, bafoeg))
	out := filepath.Join(dir, "out")
	args := []string{"generate", "--formats", "docx,md", "--kinds", "vereinbarung", "--out", out, in}
	cliCase{args: args, code: 0, stdout: contains("vereinbarung-TH.docx\n")}.run(t)
	note := writeFile(t, filepath.Join(out, "bafoeg-stern", "notizen.txt"), "von Hand")

	const th = "  - land: TH\n    rolle: nachnutzend\n"
	src := readFile(t, in)
	if !strings.Contains(src, th) {
		t.Fatalf("%s lacks %q", in, th)
	}
	writeFile(t, in, regexp.MustCompile(`(?m)^  - land: TH\n(    .*\n)+`).ReplaceAllString(src, ""))
	stale := []string{filepath.Join(out, "bafoeg-stern", "vereinbarung-TH.docx"), filepath.Join(out, "bafoeg-stern", "vereinbarung-TH.md")}
	cliCase{args: args, code: 0,
		stdout: func(t *testing.T, stream, got string) {
			if strings.Contains(got, "-TH.") || strings.Count(got, "\n") != 4 {
				t.Errorf("%s:\n%s", stream, got)
			}
		},
		stderr: all(exactlyLines(3), contains("entfernt: "+stale[0]+"\nentfernt: "+stale[1]+"\n", "; 2 entfernt; Manifest: ")),
	}.run(t)
	for _, f := range stale {
		if _, err := os.Stat(f); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: %v", f, err)
		}
	}
	if _, err := os.Stat(note); err != nil {
		t.Errorf("foreign file: %v", err)
	}
	os.Remove(note)
	checkManifestMatchesDisk(t, out)
	cliCase{args: []string{"check", out}, code: 0, stdout: all(contains("2 Dateien geprüft"), func(t *testing.T, stream, got string) {
		if strings.Contains(got, "-TH.") {
			t.Errorf("check sees a removed file:\n%s", got)
		}
	})}.run(t)
}

// TestGenerateClean: a run of one project keeps the other project in the
// manifest; with --clean the other project's files are removed ("entfernt")
// and the manifest holds only this run.
func TestGenerateClean(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "out")
	md := []string{"--formats", "md", "--kinds", "vereinbarung", "--out", out}
	cliCase{args: append(append([]string{"generate"}, md...), wohngeld, bafoeg), code: 0}.run(t)
	cliCase{args: append(append([]string{"generate"}, md...), wohngeld), code: 0, stderr: exactlyLines(1)}.run(t)
	checkManifestMatchesDisk(t, out)
	if m := readManifestFile(t, out); len(m.Inputs) != 2 || len(m.Files) != 4 {
		t.Errorf("manifest after a partial run: %d inputs, %d files; want 2 and 4", len(m.Inputs), len(m.Files))
	}
	cliCase{args: append(append([]string{"generate", "--clean"}, md...), wohngeld), code: 0,
		stderr: all(exactlyLines(4), contains("entfernt: "+filepath.Join(out, "bafoeg-stern", "vereinbarung-BB.md")+"\n", "; 3 entfernt;")),
	}.run(t)
	checkManifestMatchesDisk(t, out)
	if m := readManifestFile(t, out); len(m.Inputs) != 1 || len(m.Files) != 1 {
		t.Errorf("manifest after --clean: %d inputs, %d files; want 1 and 1", len(m.Inputs), len(m.Files))
	}
	if _, err := os.Stat(filepath.Join(out, "bafoeg-stern")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("emptied project folder: %v", err)
	}
}

// processState is the state letter of a process in /proc ("T" stopped),
// or "" when it cannot be read.
func processState(pid int) string {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return ""
	}
	// pid (comm) state …; comm may hold spaces and parentheses.
	s := string(b)
	if i := strings.LastIndexByte(s, ')'); i >= 0 && i+2 < len(s) {
		return s[i+2 : i+3]
	}
	return ""
}

// killWhileWriting runs generate in a child process and kills it with
// SIGKILL at a moment when temporary files exist in its project folders:
// it stops the child (SIGSTOP) as soon as one is seen, and kills it only
// if they are still there, else lets it go on. It returns the temporary
// files left behind; a child that ends before it is caught is run again.
func killWhileWriting(t *testing.T, out string, args ...string) []string {
	t.Helper()
	pattern := filepath.Join(out, "*", atomicfile.TempPattern)
	for range 20 {
		c := startChild(t, args...)
		for {
			select {
			case <-c.exited:
			default:
				if temps, _ := filepath.Glob(pattern); len(temps) == 0 {
					time.Sleep(200 * time.Microsecond)
					continue
				}
				pid := c.cmd.Process.Pid
				if err := c.cmd.Process.Signal(syscall.SIGSTOP); err != nil {
					continue // it has just ended
				}
				for processState(pid) != "T" {
					time.Sleep(time.Millisecond)
				}
				if temps, _ := filepath.Glob(pattern); len(temps) > 0 {
					_ = c.cmd.Process.Kill()
					<-c.exited
					return temps
				}
				_ = c.cmd.Process.Signal(syscall.SIGCONT)
				continue
			}
			break
		}
	}
	t.Fatal("generate never caught with temporary files in 20 runs")
	return nil
}

// TestGenerateAfterKill kills generate with SIGKILL while it writes
// temporary files; the next run takes over the stale lock, removes the
// temporary files in the project folders it writes, and leaves a
// directory that matches its manifest. (The temporary files of a killed
// run used to stay for good.)
func TestGenerateAfterKill(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	writeCopies(t, in, 4)
	out := filepath.Join(dir, "out")
	args := []string{"generate", "--jobs", "2", "--kinds", "vereinbarung", "--out", out, in}
	temps := killWhileWriting(t, out, args...)
	if _, err := os.Stat(filepath.Join(out, batch.LockName)); err != nil {
		t.Errorf("the killed run left no lock: %v", err)
	}
	cliCase{args: args, code: 0, stderr: contains("Hinweis: verwaiste Sperre von PID")}.run(t)
	for _, f := range temps {
		if _, err := os.Stat(f); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s: %v", f, err)
		}
	}
	checkManifestMatchesDisk(t, out)
}
