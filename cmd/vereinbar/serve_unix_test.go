//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServeStopsOnSignal runs serve in a child process and ends it with
// SIGINT (Ctrl-C) and with SIGTERM: it stops in order, says so and exits 0.
func TestServeStopsOnSignal(t *testing.T) {
	t.Parallel()
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "wohngeld-ring.yaml"), readFile(t, wohngeld))
		c := startChild(t, "serve", dir, "--addr", "127.0.0.1:0")
		var url string
		for deadline := time.Now().Add(time.Minute); url == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
			url = servedURL.FindString(c.stdout.String())
		}
		if url == "" {
			t.Fatalf("no address announced:\n%s%s", c.stdout.String(), c.stderr.String())
		}
		if code, _ := get(t, url, ""); code != 200 {
			t.Errorf("GET /: %d", code)
		}
		if err := c.cmd.Process.Signal(sig); err != nil {
			t.Fatal(err)
		}
		if code := c.wait(t); code != 0 {
			t.Errorf("%v: exit code %d\nstderr:\n%s", sig, code, c.stderr.String())
		}
		if !strings.Contains(c.stdout.String(), "beendet") {
			t.Errorf("%v: stdout %q", sig, c.stdout.String())
		}
	}
}
