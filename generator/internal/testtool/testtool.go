// Package testtool lets tests use real external programs (LibreOffice,
// qpdf, poppler-utils). When a program is missing the test fails if CI is
// set or VEREINBAR_REQUIRE_TOOLS=1 (as scripts/test.sh sets it), and is
// skipped with a hint otherwise: in CI a missing tool fails, never skips.
package testtool

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Require returns the path of program name or stops the test.
func Require(t testing.TB, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err == nil {
		return path
	}
	msg := fmt.Sprintf("%s fehlt; scripts/test.sh installiert es (apt-get)", name)
	if os.Getenv("CI") != "" || os.Getenv("VEREINBAR_REQUIRE_TOOLS") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
	return ""
}

// RequireCalc stops the test unless LibreOffice can open spreadsheets:
// soffice runs documents of Writer without its Calc component
// (libreoffice-calc-nogui), and without it converts no XLSX ("source
// file could not be loaded").
func RequireCalc(t testing.TB) {
	t.Helper()
	soffice := Require(t, "soffice")
	prog, err := filepath.EvalSymlinks(soffice)
	if err == nil {
		if _, err = os.Stat(filepath.Join(filepath.Dir(prog), "libsclo.so")); err == nil {
			return
		}
	}
	msg := "LibreOffice Calc fehlt (libsclo.so neben " + prog + "); scripts/test.sh installiert es (apt-get libreoffice-calc-nogui)"
	if os.Getenv("CI") != "" || os.Getenv("VEREINBAR_REQUIRE_TOOLS") == "1" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// Run runs program name with args and returns its standard output; a
// non-zero exit fails the test with the program's output.
func Run(t testing.TB, name string, args ...string) string {
	t.Helper()
	out, err := RunErr(t, name, args...)
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return out
}

// RunErr is Run without failing: it returns combined output and the error.
func RunErr(t testing.TB, name string, args ...string) (string, error) {
	t.Helper()
	path := Require(t, name)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, path, args...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	return out.String(), err
}

// LibreOffice converts the file in to format (e.g. "txt:Text", "pdf")
// with a headless LibreOffice using its own profile directory, so tests
// may run in parallel, and returns the path of the converted file.
func LibreOffice(t testing.TB, in, format string) string {
	t.Helper()
	return LibreOfficeAll(t, []string{in}, format)[0]
}

// LibreOfficeAll converts several files to format in one LibreOffice
// process (starting LibreOffice costs seconds) and returns the converted
// paths in the order of ins. The inputs must have distinct base names.
//
// A conversion that fails is run once more with a fresh profile before
// the test fails: a LibreOffice that cannot convert a file fails again,
// but the first start of a profile on a loaded machine now and then ends
// without output or with an error of its own. The first attempt's output
// is logged.
func LibreOfficeAll(t testing.TB, ins []string, format string) []string {
	t.Helper()
	if len(ins) == 0 {
		return nil
	}
	ext, _, _ := strings.Cut(format, ":")
	var outs []string
	var failure string
	for attempt := 1; attempt <= 2; attempt++ {
		dir := t.TempDir()
		profile := "file://" + filepath.Join(dir, "profile")
		args := append([]string{"-env:UserInstallation=" + profile, "--headless", "--norestore",
			"--convert-to", format, "--outdir", dir}, ins...)
		out, err := RunErr(t, "soffice", args...)
		failure = ""
		if err != nil {
			failure = fmt.Sprintf("soffice %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		outs = make([]string, len(ins))
		for i, in := range ins {
			base := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
			outs[i] = filepath.Join(dir, base+"."+ext)
			if _, err := os.Stat(outs[i]); err != nil && failure == "" {
				failure = fmt.Sprintf("LibreOffice hat %s nicht nach %s umgewandelt: %v\n%s", in, format, err, out)
			}
		}
		if failure == "" {
			return outs
		}
		if attempt == 1 {
			t.Logf("LibreOffice, erster Versuch gescheitert, zweiter mit neuem Profil: %s", failure)
		}
	}
	t.Fatal(failure)
	return nil
}
