package main

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator"
)

// completion is what the shell asks through cobra's hidden __complete
// command: the proposals (without their descriptions) and the directive.
type completion struct {
	values    []string
	directive cobra.ShellCompDirective
}

// complete runs `vereinbar __complete args…` as the shell script does.
func complete(t *testing.T, args ...string) completion {
	t.Helper()
	code, stdout, _ := runCLI(append([]string{"__complete"}, args...)...)
	if code != 0 {
		t.Fatalf("__complete %q: exit code %d\n%s", args, code, stdout)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	last := lines[len(lines)-1]
	d, err := strconv.Atoi(strings.TrimPrefix(last, ":"))
	if !strings.HasPrefix(last, ":") || err != nil {
		t.Fatalf("__complete %q: no directive at the end:\n%s", args, stdout)
	}
	var c completion
	c.directive = cobra.ShellCompDirective(d)
	for _, l := range lines[:len(lines)-1] {
		c.values = append(c.values, strings.SplitN(l, "\t", 2)[0])
	}
	return c
}

const (
	noFiles = cobra.ShellCompDirectiveNoFileComp
	noSpace = cobra.ShellCompDirectiveNoSpace
	byExt   = cobra.ShellCompDirectiveFilterFileExt
	dirs    = cobra.ShellCompDirectiveFilterDirs
)

// TestShellCompletion: the shell completes every flag value from its
// list (comma lists item by item, in any case), file arguments by
// extension and directories where a directory is wanted.
func TestShellCompletion(t *testing.T) {
	t.Parallel()
	kinds := generator.KindNames()
	cases := []struct {
		name      string
		args      []string
		values    []string
		directive cobra.ShellCompDirective
	}{
		{"form", []string{"init", "--form", ""}, []string{"ring", "stern", "fit-store"}, noFiles},
		{"uebersicht land", []string{"uebersicht", "--land", "s"}, []string{"sl", "sn", "st", "sh"}, noFiles},
		{"uebersicht format", []string{"uebersicht", "--format", ""}, []string{"xlsx", "csv"}, noFiles},
		{"uebersicht out", []string{"uebersicht", "--out", ""}, []string{"xlsx", "csv"}, byExt},
		{"uebersicht files", []string{"uebersicht", ""}, []string{"yaml", "yml"}, byExt},
		{"status files", []string{"status", ""}, []string{"yaml", "yml"}, byExt},
		{"form in any case", []string{"init", "--form", "St"}, []string{"stern"}, noFiles},
		{"kinds", []string{"generate", "--kinds", ""}, kinds, noFiles | noSpace},
		{"kinds after a comma", []string{"generate", "--kinds", "vereinbarung,"}, []string{"vereinbarung,abruf", "vereinbarung,beschreibung", "vereinbarung,steckbrief", "vereinbarung,projektplan", "vereinbarung,anschreiben", "vereinbarung,beitrittserklaerung", "vereinbarung,beitrittsmitteilung", "vereinbarung,kuendigung", "vereinbarung,zahlungsplan"}, noFiles | noSpace},
		{"kinds with =", []string{"generate", "--kinds=ab"}, []string{"abruf"}, noFiles | noSpace},
		{"formats", []string{"generate", "--formats", "pdf,"}, []string{"pdf,docx", "pdf,md", "pdf,html", "pdf,xlsx"}, noFiles | noSpace},
		{"formats of config", []string{"config", "--formats", "m"}, []string{"md"}, noFiles | noSpace},
		{"only", []string{"generate", "--only", "ST,B"}, []string{"ST,BW", "ST,BY", "ST,BE", "ST,BB", "ST,BUND"}, noFiles | noSpace},
		{"only in lower case", []string{"generate", "--only", "st,h"}, []string{"st,hb", "st,hh", "st,he"}, noFiles | noSpace},
		{"format", []string{"diff", "--format", ""}, []string{"text", "md", "html", "json"}, noFiles},
		{"fail-on", []string{"check", "--fail-on", ""}, []string{"error", "warning"}, noFiles},
		{"kind", []string{"check", "--kind", "vereinbarung"}, []string{"vereinbarung-ring", "vereinbarung-stern"}, noFiles},
		{"every kind check takes", []string{"check", "--kind", "b"}, []string{"beschreibung", "beitrittserklaerung", "beitrittsmitteilung"}, noFiles},
		{"kind of the signing round", []string{"check", "--kind", "a"}, []string{"abruf", "anschreiben", "aenderung"}, noFiles},
		{"doc: the documents of both sides", []string{"diff", wohngeld, bafoeg, "--doc", "vereinbarung"}, []string{"vereinbarung", "vereinbarung-BB", "vereinbarung-SN", "vereinbarung-TH"}, noFiles},
		{"shell", []string{"completion", "f"}, []string{"fish"}, noFiles},
		{"help topic", []string{"help", "ge"}, []string{"generate"}, noFiles},
		{"out", []string{"generate", "--out", ""}, nil, dirs},
		{"templates", []string{"check", "--templates", ""}, nil, dirs},
		{"ks-tabellen", []string{"costs", "--ks-tabellen", ""}, nil, dirs},
		{"config", []string{"generate", "--config", ""}, []string{"yaml", "yml"}, byExt},
		{"redline", []string{"diff", "--redline", ""}, []string{"docx"}, byExt},
		{"jobs", []string{"generate", "--jobs", ""}, nil, noFiles},
		{"author", []string{"diff", "--author", ""}, nil, noFiles},
		{"generate: project files", []string{"generate", ""}, []string{"yaml", "yml"}, byExt},
		{"generate: more project files", []string{"generate", wohngeld, ""}, []string{"yaml", "yml"}, byExt},
		{"check: project files, DOCX, PDF", []string{"check", ""}, []string{"yaml", "yml", "docx", "pdf"}, byExt},
		{"costs: one project file", []string{"costs", ""}, []string{"yaml", "yml"}, byExt},
		{"costs: no second", []string{"costs", wohngeld, ""}, nil, noFiles},
		{"diff: project files and DOCX", []string{"diff", ""}, []string{"yaml", "yml", "docx"}, byExt},
		{"diff: NEU", []string{"diff", wohngeld, ""}, []string{"yaml", "yml", "docx"}, byExt},
		{"diff: no third", []string{"diff", wohngeld, wohngeld, ""}, nil, noFiles},
		{"init: the new project file", []string{"init", ""}, []string{"yaml"}, byExt},
		{"rules: no files", []string{"rules", ""}, nil, noFiles},
		{"schema: no files", []string{"schema", ""}, nil, noFiles},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			got := complete(t, c.args...)
			if !slices.Equal(got.values, c.values) || got.directive != c.directive {
				t.Errorf("__complete %q:\n got %q, directive %d\nwant %q, directive %d", c.args, got.values, got.directive, c.values, c.directive)
			}
		})
	}
}
