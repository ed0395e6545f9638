package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator/atomicfile"
	"github.com/vereinbar/vereinbar/generator/batch"
)

// TestMain lets a test run the real command line in a child process (the
// test binary itself, with VEREINBAR_TEST_MAIN=1), so signals can be sent
// to it.
func TestMain(m *testing.M) {
	if os.Getenv("VEREINBAR_TEST_MAIN") == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// summaryLine matches generate's closing line.
var summaryLine = regexp.MustCompile(`^\d+ Datei(?:en)?(?: und \d+ Übersicht(?:en)?)? aus \d+ Projektdatei(?:en)? erzeugt in \d+,\d s \(\d+,\d Dateien/s\)(; [^\n]*)?; Manifest: [^\n]+manifest\.json\n$`)

// writeCopies writes n copies of the 16-Länder star project into dir, each
// with its own kurztitel.
func writeCopies(t *testing.T, dir string, n int) {
	t.Helper()
	src := readFile(t, fixtures+"/einbuergerung-stern-16.yaml")
	const kt = "kurztitel: einbuergerung-stern-16\n"
	if !strings.Contains(src, kt) {
		t.Fatalf("fixture lacks %q", kt)
	}
	for i := range n {
		name := fmt.Sprintf("einbuergerung-%03d", i+1)
		writeFile(t, filepath.Join(dir, name+".yaml"), strings.Replace(src, kt, "kurztitel: "+name+"\n", 1))
	}
}

func readManifestFile(t *testing.T, out string) batch.Manifest {
	t.Helper()
	var m batch.Manifest
	if err := json.Unmarshal([]byte(readFile(t, filepath.Join(out, batch.ManifestName))), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

// outputFiles lists the files under out (slash paths), temporary files
// included.
func outputFiles(t *testing.T, out string) []string {
	t.Helper()
	var files []string
	_ = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(files)
	return files
}

func TestGenerate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	broken := writeFile(t, filepath.Join(dir, "kaputt", "b.yaml"), strings.Replace(readFile(t, wohngeld), "kuendigungsfrist_monate:", "kuendigungsfrist_monat:", 1))
	writeFile(t, filepath.Join(dir, "kaputt", "a.yaml"), readFile(t, wohngeld))
	brokenLine := lineOf(t, readFile(t, broken), "  kuendigungsfrist_monat:")
	out := func(name string) string { return filepath.Join(dir, name) }
	// Lists the files the manifest names, one path a line, as stdout does.
	listed := func(name string) check {
		return func(t *testing.T, stream, got string) {
			t.Helper()
			m := readManifestFile(t, out(name))
			var want strings.Builder
			var paths []string
			for _, f := range m.Files {
				paths = append(paths, f.Path)
			}
			for _, p := range paths {
				fmt.Fprintln(&want, filepath.Join(out(name), p))
			}
			lines := strings.SplitAfter(got, "\n")
			slices.Sort(lines)
			wantLines := strings.SplitAfter(want.String(), "\n")
			slices.Sort(wantLines)
			if len(paths) == 0 || !slices.Equal(lines, wantLines) {
				t.Errorf("%s lists\n%s\nmanifest names\n%s", stream, got, want.String())
			}
		}
	}
	summary := func(t *testing.T, stream, got string) {
		t.Helper()
		last := got[strings.LastIndex(strings.TrimSuffix(got, "\n"), "\n")+1:]
		if !summaryLine.MatchString(last) {
			t.Errorf("%s does not end with the summary:\n%q", stream, got)
		}
		// Not a terminal: no progress bar, no carriage returns, no colours.
		if strings.ContainsAny(got, "\r\x1b") {
			t.Errorf("%s holds terminal control characters:\n%q", stream, got)
		}
	}
	md := []string{"--kinds", "vereinbarung", "--formats", "md"}
	runTable(t, []cliCase{
		{name: "unknown Land", args: []string{"generate", "--only", "ST,XY", wohngeld}, code: 2, stdout: empty, stderr: usage("unbekanntes Länderkürzel „XY“")},
		{name: "negative jobs", args: []string{"generate", "--jobs", "-1", wohngeld}, code: 2, stdout: empty, stderr: usage("--jobs")},
		{name: "jobs not a number", args: []string{"generate", "--jobs", "viele", wohngeld}, code: 2, stdout: empty, stderr: usage("viele")},
		{name: "unknown kind", args: []string{"generate", "--kinds", "vertrag", wohngeld}, code: 2, stdout: empty, stderr: usage("„vertrag“")},
		// the Zahlungsplan is only a spreadsheet: asked for without xlsx,
		// the run would write nothing of it
		{name: "kind without its format", args: []string{"generate", "--kinds", "zahlungsplan", "--formats", "pdf", "--out", out("ohne-xlsx"), wohngeld}, code: 2, stdout: empty,
			stderr: usage("„zahlungsplan“ gibt es nur als xlsx, verlangt sind pdf; --formats um xlsx ergänzen")},
		{name: "the Zahlungsplan", args: []string{"generate", "--kinds", "zahlungsplan", "--out", out("zp"), wohngeld}, code: 0,
			stdout: all(exactlyLines(1), contains(filepath.Join(out("zp"), "wohngeld-ring", "zahlungsplan.xlsx"))), stderr: summary},
		{name: "missing path", args: []string{"generate", out("fehlt.yaml")}, code: 1, stdout: empty, stderr: contains("fehlt.yaml")},
		{
			name: "two projects", args: append([]string{"generate", "--out", out("zwei"), wohngeld, bafoeg}, md...), code: 0,
			stdout: listed("zwei"), stderr: all(exactlyLines(1), summary, contains("aus 2 Projektdateien")),
		},
		{name: "quiet", args: append([]string{"generate", "-q", "--out", out("leise"), wohngeld}, md...), code: 0, stdout: empty, stderr: empty},
		{
			name: "a failing project does not stop the other", args: append([]string{"generate", "--out", out("fehler"), filepath.Join(dir, "kaputt")}, md...), code: 1,
			stdout: listed("fehler"),
			stderr: all(summary, contains(fmt.Sprintf("%s:%d:", broken, brokenLine), "kuendigungsfrist_monat", "1 fehlerhaft")),
		},
		{
			name: "quiet still reports failures", args: append([]string{"generate", "-q", "--out", out("fehler-leise"), filepath.Join(dir, "kaputt")}, md...), code: 1,
			stdout: empty, stderr: all(contains(fmt.Sprintf("%s:%d:", broken, brokenLine)), func(t *testing.T, stream, got string) {
				if strings.Contains(got, "Dateien/s") {
					t.Errorf("%s has a summary despite -q:\n%s", stream, got)
				}
			}),
		},
		{
			name: "only", args: append([]string{"generate", "--only", "hb", "--out", out("nur-hb"), fixtures}, md...), code: 0,
			stdout: all(contains("vereinbarung-HB.md\n"), func(t *testing.T, stream, got string) {
				if regexp.MustCompile(`vereinbarung-(?:[A-GI-Z]\w|H[AC-Z])\.md`).MatchString(got) {
					t.Errorf("%s lists agreements of other Länder:\n%s", stream, got)
				}
			}),
			stderr: all(summary, contains("übersprungen (ohne Partei aus HB)")),
		},
	})
}

// TestGenerateJobsGiveSameBytes compares the outputs of --jobs 1 and
// --jobs 4, manifest included.
func TestGenerateJobsGiveSameBytes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var trees []map[string]string
	for _, jobs := range []string{"1", "4"} {
		out := filepath.Join(dir, jobs)
		cliCase{args: []string{"generate", "-q", "--jobs", jobs, "--kinds", "vereinbarung,zahlungsplan", "--out", out, wohngeld, bafoeg}, code: 0, stdout: empty, stderr: empty}.run(t)
		tree := map[string]string{}
		for _, f := range outputFiles(t, out) {
			tree[f] = readFile(t, filepath.Join(out, f))
		}
		trees = append(trees, tree)
	}
	if len(trees[0]) < 10 || fmt.Sprint(trees[0]) != fmt.Sprint(trees[1]) {
		t.Errorf("outputs differ or are too few: %d vs %d files", len(trees[0]), len(trees[1]))
	}
}

// TestGenerateInterruptedBySignal runs generate in a child process, sends
// SIGINT (Ctrl-C) or SIGTERM once the first project is written, and checks
// that what is left is complete: no temporary files, every written
// document in the manifest with its hash, every project directory
// complete or absent.
func TestGenerateInterruptedBySignal(t *testing.T) {
	t.Parallel()
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			t.Parallel()
			interruptBySignal(t, sig)
		})
	}
}

func interruptBySignal(t *testing.T, sig os.Signal) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	out := filepath.Join(dir, "out")
	const projects = 40
	writeCopies(t, in, projects)
	cmd := exec.Command(os.Args[0], "generate", "--jobs", "2", "--kinds", "vereinbarung", "--out", out, in)
	cmd.Env = append(os.Environ(), "VEREINBAR_TEST_MAIN=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(2 * time.Minute)
	for !slices.ContainsFunc(outputFiles(t, out), func(f string) bool { return strings.HasSuffix(f, ".md") }) {
		if time.Now().After(deadline) {
			_ = cmd.Process.Kill()
			t.Fatal("no file written within two minutes")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	err := cmd.Wait()
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Fatalf("exit code %d (%v), want 1\nstderr:\n%s", code, err, stderr.String())
	}
	if !strings.Contains(stderr.String(), "vereinbar: abgebrochen\n") || !strings.Contains(stderr.String(), "wegen Abbruchs nicht geschrieben") {
		t.Errorf("stderr:\n%s", stderr.String())
	}

	m := readManifestFile(t, out)
	if !m.Interrupted {
		t.Error("manifest does not say interrupted")
	}
	inManifest := map[string]batch.ManifestFile{}
	perProject := map[string]int{}
	for _, f := range m.Files {
		inManifest[f.Path] = f
		perProject[strings.Split(f.Path, "/")[0]]++
	}
	for _, f := range outputFiles(t, out) {
		if ok, _ := filepath.Match(atomicfile.TempPattern, filepath.Base(f)); ok {
			t.Errorf("temporary file left behind: %s", f)
			continue
		}
		if f == batch.ManifestName {
			continue
		}
		e, ok := inManifest[f]
		if !ok {
			t.Errorf("%s is not in the manifest", f)
			continue
		}
		if got := int64(len(readFile(t, filepath.Join(out, f)))); got != e.Size {
			t.Errorf("%s: %d bytes, manifest says %d", f, got, e.Size)
		}
		delete(inManifest, f)
	}
	for f := range inManifest {
		t.Errorf("manifest lists %s, which is not on disk", f)
	}
	if len(perProject) == 0 || len(perProject) == projects {
		t.Errorf("%d of %d projects written; the interruption came too late or too early", len(perProject), projects)
	}
	for p, n := range perProject {
		// ten agreements (five Länder call off from the FIT-Store)
		if n != 10*3 {
			t.Errorf("%s: %d files, want 30 or none", p, n)
		}
	}
	// stdout names exactly the files written.
	if got := strings.Count(stdout.String(), "\n"); got != len(m.Files) {
		t.Errorf("stdout lists %d files, manifest %d", got, len(m.Files))
	}
}

// TestProgressBar draws on a writer and is off for a pipe.
func TestProgressBar(t *testing.T) {
	t.Parallel()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()
	if isTerminal(w) || isTerminal(&bytes.Buffer{}) {
		t.Error("a pipe or a buffer taken for a terminal")
	}
	var b bytes.Buffer
	p := &progressBar{w: &b}
	p.update(batch.Progress{})
	if b.Len() != 0 {
		t.Errorf("drawn before the total is known: %q", b.String())
	}
	p.update(batch.Progress{Total: 10, Rendered: 3})
	if !strings.Contains(b.String(), "Dokumente") || !strings.Contains(b.String(), "3/10") {
		t.Errorf("bar: %q", b.String())
	}
	p.finish()
	var nilBar *progressBar
	nilBar.finish()
}

// TestProgressBarRateBeforeFirstFile: before the first file there is no
// rate to show ("0 Dateien/hr" was shown), then the bar shows files per
// second and the time left, in German, measured on the bar's own clock.
func TestProgressBarRateBeforeFirstFile(t *testing.T) {
	t.Parallel()
	start := time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)
	now := start
	var b bytes.Buffer
	p := &progressBar{w: &b, now: func() time.Time { return now }}
	p.update(batch.Progress{Total: 10})
	first := b.String()
	if !strings.Contains(first, "0/10") {
		t.Fatalf("bar not drawn at the start: %q", first)
	}
	for _, bad := range []string{"/hr", "/min", "/s", "0s", "noch"} {
		if strings.Contains(first, bad) {
			t.Errorf("the start shows %q before there is a rate: %q", bad, first)
		}
	}
	now = start.Add(2 * time.Second)
	b.Reset()
	p.update(batch.Progress{Total: 10, Rendered: 5})
	if got := b.String(); !strings.Contains(got, "5/10") || !strings.Contains(got, "2,5 Dateien/s, noch etwa 2 s") {
		t.Errorf("bar after 5 of 10 files in 2 s: %q", got)
	}
	now = start.Add(200 * time.Second)
	b.Reset()
	p.update(batch.Progress{Total: 1000, Rendered: 20})
	if got := b.String(); !strings.Contains(got, "0,1 Dateien/s, noch etwa 2 h 44 min") {
		t.Errorf("slow bar: %q", got)
	}
}

// TestGenerateUebersicht: generate --uebersicht writes the Übersicht of
// every party next to the documents, names them on stdout and in the
// summary, gives the same bytes at any --jobs, and removes the Übersicht
// of a Land that left (and says so); without the flag it stays.
func TestGenerateUebersicht(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := writeFile(t, filepath.Join(dir, "bafoeg.yaml"), readFile(t, bafoeg))
	md := []string{"--kinds", "vereinbarung", "--formats", "md"}
	var trees []map[string]string
	for _, jobs := range []string{"1", "4"} {
		out := filepath.Join(dir, "out"+jobs)
		code, stdout, stderr := runCLI(append([]string{"generate", "--uebersicht", "--jobs", jobs, "--out", out, in}, md...)...)
		if code != 0 || !strings.Contains(stderr, " und 4 Übersichten aus 1 Projektdatei erzeugt") || !summaryLine.MatchString(stderr) {
			t.Fatalf("jobs %s: exit %d, stderr:\n%s", jobs, code, stderr)
		}
		for _, land := range []string{"BB", "SN", "ST", "TH"} {
			p := filepath.Join(out, "uebersicht", "uebersicht-"+land+".xlsx")
			if !strings.Contains(stdout, p+"\n") {
				t.Errorf("stdout does not name %s:\n%s", p, stdout)
			}
		}
		var n int
		for _, f := range readManifestFile(t, out).Files {
			if f.Kind == batch.KindUebersicht {
				n++
			}
		}
		if n != 4 {
			t.Errorf("manifest lists %d Übersichten", n)
		}
		tree := map[string]string{}
		for _, f := range outputFiles(t, out) {
			tree[f] = readFile(t, filepath.Join(out, f))
		}
		trees = append(trees, tree)
	}
	if fmt.Sprint(trees[0]) != fmt.Sprint(trees[1]) {
		t.Error("output differs between --jobs 1 and --jobs 4")
	}

	out := filepath.Join(dir, "out1")
	th := "  - land: TH\n    rolle: nachnutzend\n    vertreten_durch: \"das Ministerium für Wirtschaft, Wissenschaft und Digitale Gesellschaft\"\n"
	src := readFile(t, in)
	if !strings.Contains(src, th) {
		t.Fatal("fixture changed: no TH block")
	}
	writeFile(t, in, strings.Replace(src, th, "", 1))
	sheet := filepath.Join(out, "uebersicht", "uebersicht-TH.xlsx")
	code, _, stderr := runCLI(append([]string{"generate", "--out", out, in}, md...)...)
	if _, err := os.Stat(sheet); code != 0 || err != nil {
		t.Fatalf("without --uebersicht: exit %d, %v\n%s", code, err, stderr)
	}
	code, _, stderr = runCLI(append([]string{"generate", "--uebersicht", "--out", out, in}, md...)...)
	if _, err := os.Stat(sheet); code != 0 || err == nil || !strings.Contains(stderr, "entfernt: "+sheet+"\n") || !strings.Contains(stderr, "und 3 Übersichten") {
		t.Errorf("with --uebersicht: exit %d, %v\n%s", code, err, stderr)
	}
}
