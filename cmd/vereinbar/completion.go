package main

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"
	chk "github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

// The shell completes flag values from their lists and file arguments by
// extension. cobra asks through its hidden command "__complete", which
// the scripts of `vereinbar completion` call.

// choice is one value the shell may propose, with a description.
type choice struct{ value, desc string }

func choices(values []string) []choice {
	out := make([]choice, len(values))
	for i, v := range values {
		out[i] = choice{value: v}
	}
	return out
}

// partyChoices are the codes --only takes, named.
func partyChoices() []choice {
	var out []choice
	for _, p := range refdata.Parties() {
		out = append(out, choice{p.Code, p.Kurzname})
	}
	return out
}

// checkKinds are the document kinds check --kind takes, from the rule
// table itself, so a new kind cannot be missing from help and completion.
func checkKinds() []string {
	var out []string
	for _, k := range chk.DocumentKinds() {
		out = append(out, string(k))
	}
	return out
}

// diffFormats are the output formats of diff.
func diffFormats() []string { return []string{"text", "md", "html", "json"} }

// completeFlag registers the completion of a flag's value. The flag is
// defined next to each call, so registering cannot fail.
func completeFlag(cmd *cobra.Command, flag string, f cobra.CompletionFunc) {
	_ = cmd.RegisterFlagCompletionFunc(flag, f)
}

// caseOf returns v in lower case when the user types in lower case (the
// values are accepted in any case, and the shell keeps what matches what
// was typed).
func caseOf(v, typed string) string {
	if typed != "" && typed == strings.ToLower(typed) && typed != strings.ToUpper(typed) {
		return strings.ToLower(v)
	}
	return v
}

// fixedValues completes one value from a fixed list, ignoring case.
func fixedValues(values []string) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, v := range values {
			if strings.HasPrefix(strings.ToLower(v), strings.ToLower(toComplete)) {
				out = append(out, v)
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// fixedValuesWithDesc completes one value from a fixed list with
// descriptions (--land: „ST“ Sachsen-Anhalt), ignoring case.
func fixedValuesWithDesc(values []choice) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		var out []cobra.Completion
		for _, c := range values {
			if strings.HasPrefix(strings.ToLower(c.value), strings.ToLower(toComplete)) {
				out = append(out, cobra.CompletionWithDesc(caseOf(c.value, toComplete), c.desc))
			}
		}
		return out, cobra.ShellCompDirectiveNoFileComp
	}
}

// listValues completes the last item of a comma-separated list ("ST,B" →
// "ST,BW", "ST,BY" …), leaving out the items already given and adding no
// space, so another comma may follow.
func listValues(values []choice) cobra.CompletionFunc {
	return func(_ *cobra.Command, _ []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
		i := strings.LastIndex(toComplete, ",")
		done, part := toComplete[:i+1], toComplete[i+1:]
		given := strings.Split(strings.ToLower(done), ",")
		var out []cobra.Completion
		for _, c := range values {
			v := strings.ToLower(c.value)
			if slices.Contains(given, v) || !strings.HasPrefix(v, strings.ToLower(part)) {
				continue
			}
			out = append(out, cobra.CompletionWithDesc(done+caseOf(c.value, part), c.desc))
		}
		return out, cobra.ShellCompDirectiveNoFileComp | cobra.ShellCompDirectiveNoSpace
	}
}

// files completes file names by extension (and directories to descend
// into); after max arguments (0: no limit) it proposes nothing.
func files(max int, exts ...string) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, _ string) ([]cobra.Completion, cobra.ShellCompDirective) {
		if max > 0 && len(args) >= max {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		return exts, cobra.ShellCompDirectiveFilterFileExt
	}
}

// directories completes directory names only.
func directories(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
	return nil, cobra.ShellCompDirectiveFilterDirs
}

// completeDoc proposes the documents of the sides given so far (for diff
// --doc): the names of every project file's documents, DOCX files and
// output directories, sorted.
func (g *globalOptions) completeDoc(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
	gen, _, err := g.newGenerator(cmd)
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	var names []string
	for _, a := range args {
		docs, err := gen.DiffSide(a)
		if err != nil {
			continue
		}
		for _, d := range docs {
			if strings.HasPrefix(strings.ToLower(d.Name), strings.ToLower(toComplete)) {
				names = append(names, d.Name)
			}
		}
	}
	slices.Sort(names)
	return slices.Compact(names), cobra.ShellCompDirectiveNoFileComp
}
