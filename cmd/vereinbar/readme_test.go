package main

import (
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

const readmeFile = "../../README.md"

// optionsChapter is the README chapter that documents every command with
// every option; rootSection is its section on the options of all commands.
const (
	optionsChapter = "## Alle Befehle und Optionen"
	rootSection    = "### Für alle Befehle"
)

// readmeSections splits the options chapter of the README into its
// sections, by heading ("### `vereinbar generate`" …).
func readmeSections(t *testing.T) map[string]string {
	t.Helper()
	readme := readFile(t, readmeFile)
	start := strings.Index(readme, "\n"+optionsChapter+"\n")
	if start < 0 {
		t.Fatalf("README lacks the chapter %q", optionsChapter)
	}
	chapter := readme[start+1+len(optionsChapter):]
	if end := strings.Index(chapter, "\n## "); end >= 0 {
		chapter = chapter[:end]
	}
	sections := map[string]string{}
	parts := strings.Split(chapter, "\n### ")
	for _, p := range parts[1:] {
		head, body, _ := strings.Cut(p, "\n")
		sections["### "+head] = body
	}
	return sections
}

// sectionOf is the heading of a command's section: "### `vereinbar diff`".
func sectionOf(c *cobra.Command) string {
	if !c.HasParent() {
		return rootSection
	}
	return "### `" + c.CommandPath() + "`"
}

// documented is how the README writes a flag: "`--out VERZEICHNIS`",
// "`--json`", and "`-j`" for the one-letter form.
func documented(f *pflag.Flag) []string {
	long := "`--" + f.Name
	if v := flagValueName(f); v != "" {
		long += " " + v
	}
	out := []string{long + "`"}
	if f.Shorthand != "" {
		out = append(out, "`-"+f.Shorthand+"`")
	}
	return out
}

// readmeFlag matches a flag the README names in backquotes.
var readmeFlag = regexp.MustCompile("`(--[a-z][a-z-]*)")

// TestReadmeDocumentsEveryFlag: the README's chapter on options has a
// section for every command, which names each of its options as the help
// does (with the value's name) — and no option the command does not have.
// The options of all commands (--config, --help, --version) are in one
// section.
func TestReadmeDocumentsEveryFlag(t *testing.T) {
	t.Parallel()
	sections := readmeSections(t)
	root := newRootCmd(io.Discard, io.Discard, nil)
	seen := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		for _, sub := range c.Commands() {
			if !sub.Hidden {
				walk(sub)
			}
		}
		heading := sectionOf(c)
		seen[heading] = true
		body, ok := sections[heading]
		if !ok {
			t.Errorf("README: no section %q", heading)
			return
		}
		own := map[string]bool{}
		c.LocalFlags().VisitAll(func(f *pflag.Flag) {
			own["--"+f.Name] = true
			// cobra's help flag is on every command: documented once, for
			// all commands.
			if f.Annotations[cobra.FlagSetByCobraAnnotation] != nil && c.HasParent() {
				return
			}
			for _, d := range documented(f) {
				if !strings.Contains(body, d) {
					t.Errorf("README %s: option %s is not documented as %s", heading, "--"+f.Name, d)
				}
			}
		})
		for _, m := range readmeFlag.FindAllStringSubmatch(body, -1) {
			if !own[m[1]] && c.InheritedFlags().Lookup(strings.TrimPrefix(m[1], "--")) == nil {
				t.Errorf("README %s names %s, which %s does not have", heading, m[1], c.CommandPath())
			}
		}
	}
	walk(root)
	for h := range sections {
		if !seen[h] {
			t.Errorf("README: section %q names no command", h)
		}
	}
}

// TestReadmeExamples: every command line of the README that calls
// vereinbar calls the installed binary (not go run), a command that exists
// and only options that command has.
func TestReadmeExamples(t *testing.T) {
	t.Parallel()
	root := newRootCmd(io.Discard, io.Discard, nil)
	readme := readFile(t, readmeFile)
	if !strings.Contains(readme, "go install ./cmd/vereinbar") {
		t.Error("README does not say how to install the binary (go install ./cmd/vereinbar)")
	}
	n := 0
	inCode := false
	for i, line := range strings.Split(readme, "\n") {
		if strings.HasPrefix(line, "```") {
			inCode = !inCode
			continue
		}
		if inCode && strings.HasPrefix(line, "go run ./cmd/vereinbar ") {
			t.Errorf("README:%d: the example uses go run instead of the installed vereinbar: %q", i+1, line)
		}
		if !inCode || !strings.HasPrefix(line, "vereinbar ") {
			continue
		}
		n++
		if before, _, ok := strings.Cut(line, " #"); ok {
			line = before
		}
		words := strings.Fields(line)[1:]
		cmd, rest, err := root.Find(words)
		if err != nil || cmd == root && len(rest) > 0 && !strings.HasPrefix(rest[0], "-") {
			t.Errorf("README:%d: %q calls no command", i+1, line)
			continue
		}
		for _, w := range rest {
			if !strings.HasPrefix(w, "--") {
				continue
			}
			name, _, _ := strings.Cut(strings.TrimPrefix(w, "--"), "=")
			if cmd.Flags().Lookup(name) == nil && cmd.InheritedFlags().Lookup(name) == nil && !slices.Contains([]string{"help"}, name) {
				t.Errorf("README:%d: %s has no option --%s: %q", i+1, cmd.CommandPath(), name, line)
			}
		}
	}
	if n < 10 {
		t.Errorf("README has only %d command lines calling vereinbar", n)
	}
}
