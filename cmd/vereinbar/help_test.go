package main

import (
	"io"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// english are words of cobra's and pflag's own texts; none may reach the
// user.
var english = []string{
	"Usage", "Flags:", "help for", "Available Commands", "Global Flags", "for more information",
	"Additional", "Examples:", "Aliases:", "(default", "Generate the", "Help about", "version for",
	"unknown", "invalid argument", "requires", "arg(s)", "flag needs", "bad flag", "shorthand",
	"accepts", "Did you mean", "Error:", "Run '", " string ", " int ", " stringSlice", "[flags]", "[command]",
}

// noEnglish fails if a stream holds one of cobra's English texts.
func noEnglish(t *testing.T, stream, got string) {
	t.Helper()
	for _, w := range english {
		if strings.Contains(got, w) {
			t.Errorf("%s holds the English %q:\n%s", stream, w, got)
		}
	}
}

// commandPaths lists every command of the tree the user can reach, as
// arguments: [] (the root), ["generate"], ["completion"], ["help"] ….
func commandPaths(t *testing.T) [][]string {
	t.Helper()
	var out [][]string
	var walk func(c *cobra.Command, path []string)
	walk = func(c *cobra.Command, path []string) {
		out = append(out, path)
		for _, sub := range c.Commands() {
			if !sub.Hidden {
				walk(sub, append(append([]string(nil), path...), sub.Name()))
			}
		}
	}
	walk(newRootCmd(io.Discard, io.Discard, nil), nil)
	for _, want := range []string{"help", "completion", "generate", "check", "diff"} {
		found := false
		for _, p := range out {
			found = found || len(p) == 1 && p[0] == want
		}
		if !found {
			t.Errorf("no command %q in the tree", want)
		}
	}
	return out
}

// TestHelpInGerman: the help of every command — through --help, -h and
// the help command — is German: no "Usage", "Flags", "help for",
// "(default …)", and the help and completion commands are German too.
func TestHelpInGerman(t *testing.T) {
	t.Parallel()
	var cases []cliCase
	for _, p := range commandPaths(t) {
		name := strings.Join(append([]string{"vereinbar"}, p...), " ")
		german := all(contains("Aufruf:\n  "+name, "Optionen:", "-h, --help", "Hilfe zu „"+name+"“ anzeigen"), noEnglish)
		cases = append(cases,
			cliCase{name: name + " --help", args: append(append([]string(nil), p...), "--help"), code: 0, stdout: german, stderr: empty},
			cliCase{name: name + " -h", args: append(append([]string(nil), p...), "-h"), code: 0, stdout: german, stderr: empty},
			cliCase{name: "vereinbar help " + strings.Join(p, " "), args: append([]string{"help"}, p...), code: 0, stdout: german, stderr: empty},
		)
	}
	cases = append(cases,
		cliCase{name: "vereinbar", args: nil, code: 0, stdout: all(contains("Befehle:", "\n  completion  Skript", "\n  help        Hilfe zu einem Befehl", "„vereinbar BEFEHL --help“"), noEnglish), stderr: empty},
		// A flag's value is named in German, with its default.
		cliCase{name: "placeholders", args: []string{"generate", "--help"}, code: 0,
			stdout: all(contains("--out VERZEICHNIS", "--formats LISTE", "-j, --jobs ZAHL", "--kinds ARTEN", "--only LÄNDER", "(Standard: docx,pdf,md,xlsx)", "Globale Optionen:", "--config DATEI"), noEnglish), stderr: empty},
		cliCase{name: "diff placeholders", args: []string{"diff", "--help"}, code: 0,
			stdout: all(contains("--date JJJJ-MM-TT", "--author NAME", "--redline DATEI", "--format FORMAT", "(Standard: text)"), noEnglish), stderr: empty},
		cliCase{name: "completion explains the shells", args: []string{"completion", "--help"}, code: 0,
			stdout: all(contains("bash", "zsh", "fish", "powershell", "source <(vereinbar completion bash)"), noEnglish), stderr: empty},
		cliCase{name: "--version", args: []string{"--version"}, code: 0, stdout: all(contains("vereinbar 0.1.0-dev ("), noEnglish), stderr: empty},
	)
	runTable(t, cases)
}

// seeHelp is the stderr of a wrong command line: the German message once,
// then a pointer to the help of the command that was called.
func seeHelp(command string, msg ...string) check {
	return all(contains(msg...), noEnglish, func(t *testing.T, stream, got string) {
		t.Helper()
		want := "\nSiehe „" + command + " --help“\n"
		if !strings.HasPrefix(got, "vereinbar: ") || !strings.HasSuffix(got, want) || strings.Count(got, "\n") != 2 {
			t.Errorf("%s is not „vereinbar: …%s“:\n%s", stream, want, got)
		}
	})
}

// TestFlagErrorsInGerman: pflag's and cobra's errors come in German, with
// a close match where there is one, and point to the command's own help.
func TestFlagErrorsInGerman(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	runTable(t, []cliCase{
		{name: "unknown flag", args: []string{"generate", "--bla", wohngeld}, code: 2, stdout: empty,
			stderr: seeHelp("vereinbar generate", "unbekannte Option „--bla“")},
		{name: "close match", args: []string{"generate", "--format", "pdf", wohngeld}, code: 2, stdout: empty,
			stderr: seeHelp("vereinbar generate", "unbekannte Option „--format“ – meinten Sie „--formats“?")},
		{name: "flag of another command", args: []string{"costs", "--out", dir, wohngeld}, code: 2, stdout: empty,
			stderr: seeHelp("vereinbar costs", "unbekannte Option „--out“", "vereinbar config", "vereinbar generate")},
		{name: "unknown shorthand", args: []string{"init", "-x", filepath.Join(dir, "x.yaml")}, code: 2, stdout: empty,
			stderr: seeHelp("vereinbar init", "unbekannte Option „-x“")},
		{name: "missing value", args: []string{"generate", "--jobs"}, code: 2, stdout: empty,
			stderr: seeHelp("vereinbar generate", "Option „--jobs“ braucht einen Wert")},
		{name: "missing value of a shorthand", args: []string{"generate", "-j"}, code: 2, stdout: empty,
			stderr: seeHelp("vereinbar generate", "Option „-j“ braucht einen Wert")},
		{name: "bool with a value", args: []string{"costs", "--json=3", wohngeld}, code: 2, stdout: empty,
			stderr: seeHelp("vereinbar costs", "ungültiger Wert „3“ für „--json“", "true", "false")},
		{name: "bad syntax", args: []string{"check", "---json"}, code: 2, stdout: empty,
			stderr: seeHelp("vereinbar check", "„---json“")},
		{name: "wrong argument count", args: []string{"costs"}, code: 2, stdout: empty,
			stderr: seeHelp("vereinbar costs", "erwartet genau eine Projektdatei")},
		{name: "wrong value", args: []string{"diff", "--format", "pdf", wohngeld, wohngeld}, code: 2, stdout: empty,
			stderr: seeHelp("vereinbar diff", "--format", "„pdf“")},
		{name: "unknown command", args: []string{"generat"}, code: 2, stdout: empty,
			stderr: seeHelp("vereinbar", "unbekannter Befehl „generat“ – meinten Sie „generate“?")},
		{name: "unknown help topic", args: []string{"help", "generat"}, code: 2, stdout: empty,
			stderr: seeHelp("vereinbar", "unbekanntes Hilfethema „generat“ – meinten Sie „generate“?")},
		{name: "unknown shell", args: []string{"completion", "tcsh"}, code: 2, stdout: empty,
			stderr: seeHelp("vereinbar completion", "„tcsh“", "bash, zsh, fish, powershell")},
		{name: "completion without shell", args: []string{"completion"}, code: 2, stdout: empty,
			stderr: seeHelp("vereinbar completion", "erwartet eine Shell")},
		{name: "unknown flag of the root", args: []string{"--bla"}, code: 2, stdout: empty,
			stderr: seeHelp("vereinbar", "unbekannte Option „--bla“")},
	})
}

// TestCompletionScripts: the completion command writes a script for every
// shell it names.
func TestCompletionScripts(t *testing.T) {
	t.Parallel()
	runTable(t, []cliCase{
		{name: "bash", args: []string{"completion", "bash"}, code: 0, stdout: contains("__start_vereinbar"), stderr: empty},
		{name: "zsh", args: []string{"completion", "zsh"}, code: 0, stdout: contains("#compdef vereinbar"), stderr: empty},
		{name: "fish", args: []string{"completion", "fish"}, code: 0, stdout: contains("complete -c vereinbar"), stderr: empty},
		{name: "powershell", args: []string{"completion", "powershell"}, code: 0, stdout: contains("Register-ArgumentCompleter"), stderr: empty},
		{name: "bash without descriptions", args: []string{"completion", "bash", "--no-descriptions"}, code: 0, stdout: contains("__start_vereinbar"), stderr: empty},
	})
}

// TestEnumFlagsIgnoreCase: a value from a fixed list is accepted in any
// case, as the README says (--form Stern, --formats PDF, --kinds
// Vereinbarung, --format MD, --fail-on WARNING, --kind Vereinbarung-Ring).
func TestEnumFlagsIgnoreCase(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	stern := filepath.Join(dir, "stern.yaml")
	cliCase{args: []string{"init", "--form", "Stern", stern}, code: 0, stdout: contains("Vertragsform stern"), stderr: empty}.run(t)
	if !strings.Contains(readFile(t, stern), "\n  form: stern\n") {
		t.Errorf("init --form Stern did not write a star project:\n%s", readFile(t, stern))
	}
	out := filepath.Join(dir, "out")
	cliCase{args: []string{"generate", "-q", "--formats", "DOCX", "--kinds", "Vereinbarung", "--only", "sn", "--out", out, wohngeld}, code: 0, stdout: empty, stderr: empty}.run(t)
	var docs []string
	for _, f := range outputFiles(t, out) {
		if strings.HasPrefix(f, "wohngeld-ring/") {
			docs = append(docs, f)
		}
	}
	if strings.Join(docs, " ") != "wohngeld-ring/vereinbarung.docx" {
		t.Errorf("generate --formats DOCX --kinds Vereinbarung wrote %v", docs)
	}
	doc := filepath.Join(out, "wohngeld-ring", "vereinbarung.docx")
	runTable(t, []cliCase{
		{name: "diff --format MD", args: []string{"diff", "--format", "MD", wohngeld, wohngeld}, code: 0, stdout: contains("# Änderungen", "Keine inhaltlichen Änderungen."), stderr: empty},
		// the agreement warns about its old Königsteiner table (KOSTEN-012)
		{name: "check --fail-on WARNING", args: []string{"check", "--fail-on", "WARNING", doc}, code: exitFinding, stdout: contains("Warnung KOSTEN-012"), stderr: empty},
		{name: "check --kind Vereinbarung-Ring", args: []string{"check", "--kind", "Vereinbarung-Ring", doc}, code: 0, stdout: contains("vereinbarung-ring (vorgegeben)"), stderr: empty},
	})
}

// helpLine matches the pointer to a command's help.
var helpLine = regexp.MustCompile(`\nSiehe „vereinbar( [a-z]+)* --help“\n$`)
