package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var servedURL = regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)

// startServe runs `vereinbar serve` with args in-process until the test
// ends or stop is called; it returns the URL the command announced.
func startServe(t *testing.T, args ...string) (url string, stdout, stderr *syncBuffer, stop func() error) {
	t.Helper()
	stdout, stderr = &syncBuffer{}, &syncBuffer{}
	in := catchInterrupts()
	t.Cleanup(in.stop)
	ctx, cancel := context.WithCancel(context.Background())
	root := newRootCmd(stdout, stderr, in)
	root.SetArgs(append([]string{"serve"}, args...))
	done := make(chan error, 1)
	go func() { done <- root.ExecuteContext(ctx) }()
	stop = func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(20 * time.Second):
			t.Fatal("serve did not stop")
			return nil
		}
	}
	t.Cleanup(func() { cancel() })
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := servedURL.FindString(stdout.String()); m != "" {
			return m, stdout, stderr, stop
		}
		select {
		case err := <-done:
			t.Fatalf("serve ended: %v\n%s%s", err, stdout, stderr)
		default:
		}
	}
	t.Fatalf("serve announced no address:\n%s%s", stdout, stderr)
	return "", nil, nil, nil
}

func get(t *testing.T, url, host string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if host != "" {
		req.Host = host
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// TestServe starts the server on a free port, lists the folder, refuses a
// foreign Host and stops in order when its context is cancelled (as on
// SIGINT or SIGTERM, see interrupts).
func TestServe(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "wohngeld-ring.yaml"), readFile(t, wohngeld))
	url, stdout, stderr, stop := startServe(t, dir, "--addr", "127.0.0.1:0")
	code, body := get(t, url, "")
	if code != 200 || !strings.Contains(body, `href="/projekt/wohngeld-ring.yaml"`) {
		t.Errorf("GET /: %d\n%s", code, body)
	}
	if code, _ := get(t, url, "evil.example"); code != http.StatusMisdirectedRequest {
		t.Errorf("foreign Host: %d", code)
	}
	if code, body := get(t, url+"projekt/wohngeld-ring.yaml", ""); code != 200 || !strings.Contains(body, `<meta name="csrf-token"`) {
		t.Errorf("editor: %d", code)
	}
	if err := stop(); err != nil {
		t.Errorf("stop: %v", err)
	}
	if !strings.Contains(stdout.String(), "beendet") || strings.Contains(stderr.String(), "Warnung") {
		t.Errorf("stdout %q stderr %q", stdout, stderr)
	}
}

// TestServeWarnsWithoutLoopback: an address open to the network names the
// missing login; --open without a browser says so and keeps serving.
func TestServeWarnsWithoutLoopback(t *testing.T) {
	t.Setenv("PATH", t.TempDir()) // no xdg-open
	url, _, stderr, stop := startServe(t, t.TempDir(), "--addr", "0.0.0.0:0", "--open")
	if code, _ := get(t, url, ""); code != 200 {
		t.Errorf("GET /: %d", code)
	}
	if err := stop(); err != nil {
		t.Error(err)
	}
	for _, want := range []string{"Warnung", "keine Anmeldung", "Der Browser ließ sich nicht öffnen"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q: %s", want, stderr)
		}
	}
}

func TestServeUsage(t *testing.T) {
	t.Parallel()
	file := writeFile(t, filepath.Join(t.TempDir(), "x.yaml"), "x: 1\n")
	runTable(t, []cliCase{
		{args: []string{"serve", "a", "b"}, code: 2, stderr: usage("höchstens ein Verzeichnis")},
		{args: []string{"serve", file}, code: 2, stderr: usage("kein Verzeichnis")},
		{args: []string{"serve", filepath.Join(os.TempDir(), "gibt-es-nicht-vereinbar")}, code: 1, stderr: contains("gibt-es-nicht-vereinbar")},
		{args: []string{"serve", t.TempDir(), "--addr", "8080"}, code: 2, stderr: usage("keine Adresse der Form Host:Port")},
	})
}

// TestServeRedlineZeroDateRefused: serve took --date 0001-01-01 for "not
// given" like diff did; it refuses the date before it listens.
func TestServeRedlineZeroDateRefused(t *testing.T) {
	t.Parallel()
	runTable(t, []cliCase{
		{args: []string{"serve", t.TempDir(), "--addr", "127.0.0.1:0", "--date", "0001-01-01"}, code: 2,
			stderr: usage("--date: Datum zwischen 1900-01-01 und 2100-12-31 erwartet, nicht „0001-01-01“")},
		{args: []string{"serve", t.TempDir(), "--addr", "127.0.0.1:0", "--date", "1.1.2027"}, code: 2,
			stderr: usage("--date: Datum als JJJJ-MM-TT erwartet")},
	})
}
