package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestTemplateLimits runs generate with user templates that would make
// gigabytes: a repeat bomb (took 52 s and 5.9 GB before the limits) and a
// loop writing more than --template-max-mib. Each is refused with the
// template file and line, and nothing of the project is written.
func TestTemplateLimits(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	templates := func(name, src string) string {
		d := filepath.Join(dir, name)
		writeFile(t, filepath.Join(d, "steckbrief", "steckbrief.md.tmpl"), src)
		return d
	}
	bomb := templates("bombe", "# Steckbrief\n\nText\n{{repeat 1500000000 \"x\"}}\n")
	loop := templates("schleife", "# Steckbrief\n\nText\n\n{{range until 3000}}{{repeat 1000 \"x\"}}{{end}}\n") // 3 MB
	file := filepath.Join("steckbrief", "steckbrief.md.tmpl")
	out := func(name string) string { return filepath.Join(dir, "out-"+name) }
	args := func(tmpl, name string, more ...string) []string {
		return append([]string{"generate", "--templates", tmpl, "--kinds", "steckbrief", "--formats", "md", "--out", out(name), wohngeld}, more...)
	}
	// Parallel subtests finish before the cleanup runs.
	t.Cleanup(func() {
		for _, name := range []string{"bombe", "schleife", "konfig"} {
			if _, err := os.Stat(filepath.Join(out(name), "wohngeld-ring")); !os.IsNotExist(err) {
				t.Errorf("%s: the project folder exists (%v); nothing may be written", name, err)
			}
		}
	})
	runTable(t, []cliCase{
		{
			name: "repeat bomb", args: args(bomb, "bombe"), code: 1, stdout: empty,
			stderr: contains(filepath.Join(bomb, file)+":4:2: {{repeat 1500000000 \"x\"}}: das Ergebnis hätte 1.430,5 MiB, erlaubt sind höchstens 16,0 MiB je Dokument (Einstellung vorlagen_max_mib)", "1 fehlerhaft"),
		},
		{
			name: "output over --template-max-mib", args: args(loop, "schleife", "--template-max-mib", "1"), code: 1, stdout: empty,
			stderr: contains(filepath.Join(loop, file)+":5: die Ausgabe der Vorlage wäre größer als 1,0 MiB je Dokument (Einstellung vorlagen_max_mib)", "1 fehlerhaft"),
		},
		{
			name: "output over vorlagen_max_mib in config.yaml", args: args(loop, "konfig", "--config", writeFile(t, filepath.Join(dir, "config.yaml"), "vorlagen_max_mib: 2\n")), code: 1, stdout: empty,
			stderr: contains(filepath.Join(loop, file) + ":5: die Ausgabe der Vorlage wäre größer als 2,0 MiB je Dokument (Einstellung vorlagen_max_mib)"),
		},
		{name: "the same loop within the default", args: args(loop, "standard"), code: 0, stdout: contains("projektsteckbrief.md")},
		{name: "zero MiB", args: args(loop, "null", "--template-max-mib", "0"), code: 2, stdout: empty, stderr: usage("--template-max-mib: erwartet eine ganze Zahl von 1 bis 65535 (MiB), erhalten: „0“")},
	})
}
