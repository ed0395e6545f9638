package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/vereinbar/vereinbar/generator/atomicfile"
	"github.com/vereinbar/vereinbar/generator/batch"
)

// mountTmpfs mounts a tmpfs of the given size (e.g. "4m") on a fresh
// directory for the test and unmounts it at the end. It needs root (or
// CAP_SYS_ADMIN); without, the test fails where tools are required (CI,
// VEREINBAR_REQUIRE_TOOLS=1, as scripts/test.sh sets it) and is skipped
// elsewhere.
func mountTmpfs(t *testing.T, size string) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, "size="+size); err != nil {
		msg := fmt.Sprintf("tmpfs mit size=%s nicht einhängbar (%v): der Test braucht root oder CAP_SYS_ADMIN", size, err)
		if os.Getenv("CI") != "" || os.Getenv("VEREINBAR_REQUIRE_TOOLS") == "1" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	// Runs before TempDir's removal (cleanups run last-in first-out).
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("umount %s: %v", dir, err)
		}
	})
	return dir
}

// fillDisk fills the file system of dir up to leave bytes.
func fillDisk(t *testing.T, dir string, leave int64) {
	t.Helper()
	f, err := os.Create(filepath.Join(dir, "füllung"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, chunk := range []int{1 << 20, 4 << 10} {
		buf := make([]byte, chunk)
		for {
			if _, err := f.Write(buf); err != nil {
				if !errors.Is(err, syscall.ENOSPC) {
					t.Fatal(err)
				}
				break
			}
		}
	}
	size, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(size - leave); err != nil {
		t.Fatal(err)
	}
}

// TestGenerateDiskFull regenerates four written projects, changed, into a
// real tmpfs with 64 KiB left: the first project's new files do not fit
// and it keeps its old files exactly; the run begins no further project
// and says so once (exit code 1); no temporary file remains, and the
// manifest matches the disk. (The files of a project used to be replaced
// one by one — a new DOCX beside an old PDF — and the run went on after
// the first ENOSPC with an error per file.)
func TestGenerateDiskFull(t *testing.T) {
	t.Parallel()
	mnt := mountTmpfs(t, "8m")
	in := t.TempDir()
	src := readFile(t, wohngeld)
	for _, kt := range []string{"a-ring", "b-ring", "c-ring", "d-ring"} {
		writeFile(t, filepath.Join(in, kt+".yaml"), strings.Replace(src, "kurztitel: wohngeld-ring\n", "kurztitel: "+kt+"\n", 1))
	}
	out := filepath.Join(mnt, "out")
	cliCase{args: []string{"generate", "-q", "--formats", "md,docx", "--out", out, in}, code: 0, stdout: empty, stderr: empty}.run(t)
	before := map[string]string{}
	for _, f := range outputFiles(t, out) {
		before[f] = readFile(t, filepath.Join(out, f))
	}

	for _, kt := range []string{"a-ring", "b-ring", "c-ring", "d-ring"} {
		p := filepath.Join(in, kt+".yaml")
		writeFile(t, p, strings.Replace(readFile(t, p), `version: "1.0"`, `version: "1.1"`, 1))
	}
	fillDisk(t, mnt, 64<<10)
	_, stderr := cliCase{args: []string{"generate", "--jobs", "1", "--formats", "docx,pdf,md", "--out", out, in}, code: 1,
		stderr: all(
			contains(filepath.Join(out, "a-ring")+"/", ": kein Platz mehr auf dem Datenträger; die bisherigen Dateien in "+filepath.Join(out, "a-ring")+" bleiben unverändert\n"),
			contains("wegen vollen Datenträgers nicht geschrieben"),
		)}.run(t)
	if n := strings.Count(stderr, "wurde keines mehr begonnen"); n != 1 {
		t.Errorf("the stop is told %d times, want once:\n%s", n, stderr)
	}
	// Only projects in flight at the first error fail (two with one worker).
	if n := strings.Count(stderr, "kein Platz mehr"); n < 2 || n > 3 {
		t.Errorf("%d messages of a full disk, want 1 or 2 projects and the closing one:\n%s", n, stderr)
	}
	for _, f := range outputFiles(t, out) {
		if ok, _ := filepath.Match(atomicfile.TempPattern, filepath.Base(f)); ok {
			t.Errorf("temporary file left behind: %s", f)
		}
		if f == batch.ManifestName {
			continue
		}
		if got, ok := before[f]; !ok || got != readFile(t, filepath.Join(out, f)) {
			t.Errorf("%s new or changed", f)
		}
	}
	for f := range before {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	checkManifestMatchesDisk(t, out)
}
