package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/config"
)

// goErrors are the texts of Go's own file errors; none may reach the user.
var goErrors = []string{"stat ", "open ", "mkdir ", "rename ", "lstat ", "no such file", "not a directory", "is a directory", "file exists", "permission denied", "read ", "refdata:"}

// noGoError fails if a stream holds one of Go's English file errors.
func noGoError(t *testing.T, stream, got string) {
	t.Helper()
	for _, w := range goErrors {
		if strings.Contains(got, w) {
			t.Errorf("%s holds Go's %q:\n%s", stream, w, got)
		}
	}
}

// oneError is a single German line naming what is wrong and what to do.
func oneError(subs ...string) check {
	return all(contains(subs...), noGoError, noEnglish, exactlyLines(1), func(t *testing.T, stream, got string) {
		t.Helper()
		if !strings.HasPrefix(got, "vereinbar: ") {
			t.Errorf("%s does not start with „vereinbar: “:\n%s", stream, got)
		}
	})
}

// TestMissingPaths: a path that does not exist, or is a file where a
// directory is wanted (or the other way round), is named in German with
// what to do, for every command that takes paths — never Go's own
// "stat x: no such file or directory".
func TestMissingPaths(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	missing := filepath.Join(dir, "fehlt.yaml")
	file := writeFile(t, filepath.Join(dir, "datei"), "kein Verzeichnis\n")
	emptyConfig := writeFile(t, filepath.Join(dir, "eingabe-fehlt.yaml"), "eingabe: fehlt\n")
	runTable(t, []cliCase{
		{name: "generate: missing project file", args: []string{"generate", "--out", filepath.Join(dir, "out"), missing}, code: 1, stdout: empty,
			stderr: oneError("„"+missing+"“ gibt es nicht", "Pfad prüfen", "vereinbar init")},
		{name: "generate: missing default input", args: []string{"generate", "--config", emptyConfig, "--out", filepath.Join(dir, "out")}, code: 1, stdout: empty,
			stderr: oneError("„"+filepath.Join(dir, "fehlt")+"“ gibt es nicht", "Einstellung eingabe", emptyConfig, "vereinbar generate PFAD")},
		{name: "generate: output is a file", args: []string{"generate", "--out", file, wohngeld}, code: 1, stdout: empty,
			stderr: oneError("Ausgabeverzeichnis „"+file+"“", "--out")},
		{name: "generate: templates missing", args: []string{"generate", "--templates", filepath.Join(dir, "vorlagen"), "--out", filepath.Join(dir, "out"), wohngeld}, code: 1, stdout: empty,
			stderr: oneError("„"+filepath.Join(dir, "vorlagen")+"“ gibt es nicht", "--templates", "eingebauten Vorlagen")},
		{name: "generate: KS tables a file", args: []string{"generate", "--ks-tabellen", file, "--out", filepath.Join(dir, "out"), wohngeld}, code: 1, stdout: empty,
			stderr: oneError("„"+file+"“ ist kein Verzeichnis", "--ks-tabellen")},
		{name: "check: missing", args: []string{"check", filepath.Join(dir, "fehlt")}, code: 1, stdout: empty,
			stderr: oneError("„"+filepath.Join(dir, "fehlt")+"“ gibt es nicht", "Pfad prüfen")},
		{name: "check: below a file", args: []string{"check", filepath.Join(file, "x.yaml")}, code: 1, stdout: empty,
			stderr: oneError("„" + file + "“ ist kein Verzeichnis")},
		{name: "costs: missing", args: []string{"costs", missing}, code: 1, stdout: empty,
			stderr: oneError("„"+missing+"“ gibt es nicht", "vereinbar init")},
		{name: "costs: a directory", args: []string{"costs", dir}, code: 1, stdout: empty,
			stderr: oneError("„"+dir+"“ ist ein Verzeichnis", "eine Projektdatei")},
		{name: "diff: ALT missing", args: []string{"diff", missing, wohngeld}, code: 1, stdout: empty,
			stderr: oneError("„" + missing + "“ gibt es nicht")},
		{name: "diff: NEU missing", args: []string{"diff", wohngeld, filepath.Join(dir, "neu.docx")}, code: 1, stdout: empty,
			stderr: oneError("„" + filepath.Join(dir, "neu.docx") + "“ gibt es nicht")},
		{name: "init: below a file", args: []string{"init", filepath.Join(file, "x.yaml")}, code: 1, stdout: empty,
			stderr: oneError("„" + file + "“ ist kein Verzeichnis")},
		{name: "init: a directory", args: []string{"init", "--force", dir}, code: 1, stdout: empty,
			stderr: oneError("„"+dir+"“ ist ein Verzeichnis", "Dateinamen")},
		{name: "templates: templates missing", args: []string{"templates", "--templates", filepath.Join(dir, "vorlagen")}, code: 1, stdout: empty,
			stderr: oneError("„"+filepath.Join(dir, "vorlagen")+"“ gibt es nicht", "--templates")},
		{name: "templates: KS tables missing", args: []string{"templates", "--ks-tabellen", filepath.Join(dir, "ks")}, code: 1, stdout: empty,
			stderr: oneError("„"+filepath.Join(dir, "ks")+"“ gibt es nicht", "--ks-tabellen")},
		{name: "schema: config missing", args: []string{"schema", "--config", filepath.Join(dir, "config.yaml")}, code: 1, stdout: empty,
			stderr: oneError("„"+filepath.Join(dir, "config.yaml")+"“ gibt es nicht", "--config")},
		{name: "costs: config missing", args: []string{"costs", "--config", filepath.Join(dir, "config.yaml"), wohngeld}, code: 1, stdout: empty,
			stderr: oneError("„"+filepath.Join(dir, "config.yaml")+"“ gibt es nicht", "--config")},
	})
}

// TestMissingRelativePath: a relative path that does not exist names the
// directory it was looked for in (the working directory), so a user in the
// wrong directory sees why. It changes the working directory, so it is not
// parallel.
func TestMissingRelativePath(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	cliCase{args: []string{"generate"}, code: 1, stdout: empty,
		stderr: oneError("„fixtures“ gibt es nicht", "gesucht in "+dir, "Standard", "vereinbar generate PFAD")}.run(t)
	cliCase{args: []string{"costs", "projekt.yaml"}, code: 1, stdout: empty,
		stderr: oneError("„projekt.yaml“ gibt es nicht", "gesucht in "+dir)}.run(t)
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a failed run left %v behind", entries)
	}
}

// TestConfigFileInInputDirectory: config.yaml next to the project files is
// the configuration, not a project file: generate and check leave it out
// of a directory they expand (a file named on the command line is taken
// as given).
func TestConfigFileInInputDirectory(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "projekte")
	writeFile(t, filepath.Join(in, "wohngeld.yaml"), readFile(t, wohngeld))
	writeFile(t, filepath.Join(in, config.DefaultFile), "ausgabe: anderswo\nparallel: 1\n")
	out := filepath.Join(dir, "out")
	runTable(t, []cliCase{
		{name: "generate", args: []string{"generate", "--out", out, in}, code: 0, stdout: notContains(config.DefaultFile),
			stderr: all(contains("aus 1 Projektdatei erzeugt"), notContains(config.DefaultFile))},
		{name: "check", args: []string{"check", in}, code: 0, stdout: all(contains("wohngeld.yaml"), notContains(config.DefaultFile)), stderr: empty},
	})
}
