package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

// cobra and pflag write their own texts in English ("Usage", "Flags",
// "help for", "unknown flag", "(default …)"). vereinbar writes its help,
// its help and completion commands and its flag errors itself, in German.

// valueAnnotation names a flag's value in the help ("--out VERZEICHNIS").
const valueAnnotation = "vereinbar_wert"

// valueName gives a flag the German name of its value in the help.
func valueName(fs *pflag.FlagSet, flag, name string) {
	// The flag is defined next to each call; TestHelpInGerman shows the
	// names.
	_ = fs.SetAnnotation(flag, valueAnnotation, []string{name})
}

// germanize makes the tree below root German: help and version flags,
// the help text of every command, and the help and completion commands.
// It runs after every command is added.
func germanize(root *cobra.Command) {
	root.SetHelpFunc(func(c *cobra.Command, _ []string) {
		w := c.OutOrStdout()
		if text := strings.TrimSpace(cmp(c.Long, c.Short)); text != "" {
			fmt.Fprintf(w, "%s\n\n", text)
		}
		_ = writeUsage(w, c)
	})
	root.SetUsageFunc(func(c *cobra.Command) error { return writeUsage(c.OutOrStderr(), c) })
	root.SetFlagErrorFunc(flagError)
	root.SetVersionTemplate(versionLine() + "\n")
	root.InitDefaultVersionFlag()
	root.Flags().Lookup("version").Usage = "Version anzeigen"
	help := newHelpCmd()
	root.AddCommand(help, newCompletionCmd())
	root.SetHelpCommand(help)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.DisableFlagsInUseLine = true // writeUsage adds „[Optionen]“
		c.InitDefaultHelpFlag()
		c.Flags().Lookup("help").Usage = "Hilfe zu „" + c.CommandPath() + "“ anzeigen"
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// cmp returns the first of a and b that is not empty.
func cmp(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// writeUsage writes the usage part of a command's help: how it is called,
// examples, subcommands, options and global options.
func writeUsage(w io.Writer, c *cobra.Command) error {
	var b strings.Builder
	b.WriteString("Aufruf:\n")
	// The root runs nothing itself: it shows this help or refuses an
	// unknown command.
	if c.Runnable() && c.HasParent() {
		line := c.UseLine()
		if c.HasAvailableFlags() {
			line += " [Optionen]"
		}
		fmt.Fprintf(&b, "  %s\n", line)
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "  %s BEFEHL [Optionen]\n", c.CommandPath())
	}
	if c.HasExample() {
		fmt.Fprintf(&b, "\nBeispiele:\n%s\n", strings.TrimRight(c.Example, "\n"))
	}
	if c.HasAvailableSubCommands() {
		b.WriteString("\nBefehle:\n")
		tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				fmt.Fprintf(tw, "  %s\t%s\n", sub.Name(), sub.Short)
			}
		}
		_ = tw.Flush()
	}
	if fs := c.LocalFlags(); fs.HasAvailableFlags() {
		b.WriteString("\nOptionen:\n")
		writeFlags(&b, fs)
	}
	if fs := c.InheritedFlags(); fs.HasAvailableFlags() {
		b.WriteString("\nGlobale Optionen:\n")
		writeFlags(&b, fs)
	}
	if c.HasAvailableSubCommands() {
		fmt.Fprintf(&b, "\n„%s BEFEHL --help“ zeigt die Hilfe zu einem Befehl.\n", c.CommandPath())
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// writeFlags writes one line per visible flag: its forms, the German name
// of its value, what it does and its default.
func writeFlags(w io.Writer, fs *pflag.FlagSet) {
	tw := tabwriter.NewWriter(w, 0, 0, 3, ' ', 0)
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		short := "    "
		if f.Shorthand != "" {
			short = "-" + f.Shorthand + ", "
		}
		name := "--" + f.Name
		if v := flagValueName(f); v != "" {
			name += " " + v
		}
		usage := f.Usage
		if d := f.DefValue; d != "" && d != "false" && d != "0" && f.Value.Type() != "bool" {
			usage += " (Standard: " + d + ")"
		}
		fmt.Fprintf(tw, "  %s%s\t%s\n", short, name, usage)
	})
	_ = tw.Flush()
}

// flagValueName is the name of a flag's value in the help: its annotation,
// or one derived from its type; "" for a switch.
func flagValueName(f *pflag.Flag) string {
	if v := f.Annotations[valueAnnotation]; len(v) > 0 {
		return v[0]
	}
	switch f.Value.Type() {
	case "bool":
		return ""
	case "int":
		return "ZAHL"
	case "date":
		return "JJJJ-MM-TT"
	}
	return "TEXT"
}

// newHelpCmd replaces cobra's English help command.
func newHelpCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "help [BEFEHL]",
		Short: "Hilfe zu einem Befehl anzeigen",
		Long:  "Zeigt die Hilfe zu einem Befehl, z. B. „vereinbar help generate“ (dasselbe wie „vereinbar generate --help“).",
		ValidArgsFunction: func(c *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []cobra.Completion
			for _, sub := range c.Root().Commands() {
				if sub.IsAvailableCommand() && strings.HasPrefix(sub.Name(), toComplete) {
					out = append(out, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(c *cobra.Command, args []string) error {
			target, rest, err := c.Root().Find(args)
			if err != nil || len(rest) > 0 {
				topic := strings.Join(args, " ")
				if len(rest) > 0 {
					topic = rest[0]
				}
				return usageError{errors.New("unbekanntes Hilfethema „" + topic + "“" + meant(c.Root().SuggestionsFor(topic)))}
			}
			return target.Help()
		},
	}
}

// meant is „ – meinten Sie „x“?“ for the first suggestion, if any.
func meant(suggestions []string) string {
	if len(suggestions) == 0 {
		return ""
	}
	return " – meinten Sie „" + suggestions[0] + "“?"
}

// shells are the shells the completion command writes scripts for.
func shells() []string { return []string{"bash", "zsh", "fish", "powershell"} }

// newCompletionCmd replaces cobra's English completion command.
func newCompletionCmd() *cobra.Command {
	var noDesc bool
	cmd := &cobra.Command{
		Use:   "completion SHELL",
		Short: "Skript zur Vervollständigung in der Shell ausgeben (bash, zsh, fish, powershell)",
		Long: `Gibt das Skript aus, mit dem die Shell Befehle, Optionen, ihre Werte und
Dateinamen von vereinbar vervollständigt (Tabulatortaste).

bash (braucht das Paket bash-completion):
  in der laufenden Shell:  source <(vereinbar completion bash)
  dauerhaft (Linux):       vereinbar completion bash > /etc/bash_completion.d/vereinbar

zsh (einmal „autoload -U compinit; compinit“ in ~/.zshrc, falls noch nicht):
  in der laufenden Shell:  source <(vereinbar completion zsh)
  dauerhaft:               vereinbar completion zsh > "${fpath[1]}/_vereinbar"

fish:
  in der laufenden Shell:  vereinbar completion fish | source
  dauerhaft:               vereinbar completion fish > ~/.config/fish/completions/vereinbar.fish

powershell:
  in der laufenden Shell:  vereinbar completion powershell | Out-String | Invoke-Expression
  dauerhaft:               dieselbe Zeile in das PowerShell-Profil aufnehmen

Dauerhafte Einrichtungen gelten ab der nächsten Shell.`,
		Example:           "  source <(vereinbar completion bash)\n  vereinbar completion zsh --no-descriptions > \"${fpath[1]}/_vereinbar\"",
		Args:              exactArgs(1, "eine Shell (bash, zsh, fish oder powershell)"),
		ValidArgsFunction: fixedValues(shells()),
		RunE: func(cmd *cobra.Command, args []string) error {
			out, root := cmd.OutOrStdout(), cmd.Root()
			switch strings.ToLower(args[0]) {
			case "bash":
				return root.GenBashCompletionV2(out, !noDesc)
			case "zsh":
				if noDesc {
					return root.GenZshCompletionNoDesc(out)
				}
				return root.GenZshCompletion(out)
			case "fish":
				return root.GenFishCompletion(out, !noDesc)
			case "powershell":
				if noDesc {
					return root.GenPowerShellCompletion(out)
				}
				return root.GenPowerShellCompletionWithDesc(out)
			}
			return usagef("unbekannte Shell „%s“ (erlaubt: %s)", args[0], strings.Join(shells(), ", "))
		},
	}
	cmd.Flags().BoolVar(&noDesc, "no-descriptions", false, "Vorschläge ohne Beschreibung")
	return cmd
}

// flagError turns pflag's English errors into German ones. A flag that
// does not exist gets a close match among the command's flags, or the
// commands that have it.
func flagError(c *cobra.Command, err error) error {
	var (
		notExist *pflag.NotExistError
		required *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		name := "--" + notExist.GetSpecifiedName()
		if notExist.GetSpecifiedShortnames() != "" {
			name = "-" + notExist.GetSpecifiedName()
		}
		msg := "unbekannte Option „" + name + "“"
		var names []string
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if !f.Hidden {
				names = append(names, f.Name)
			}
		})
		if s := refdata.Suggest(notExist.GetSpecifiedName(), names); s != "" && len(notExist.GetSpecifiedName()) > 1 {
			msg += " – meinten Sie „--" + s + "“?"
		} else if others := commandsWithFlag(c.Root(), notExist.GetSpecifiedName()); len(others) > 0 {
			msg += fmt.Sprintf(" für „%s“; es gehört zu: %s", c.CommandPath(), strings.Join(others, ", "))
		}
		return usageError{errors.New(msg)}
	case errors.As(err, &required):
		name := "--" + required.GetSpecifiedName()
		if required.GetSpecifiedShortnames() != "" {
			name = "-" + required.GetSpecifiedName()
		}
		return usagef("Option „%s“ braucht einen Wert", name)
	case errors.As(err, &invalid):
		f := invalid.GetFlag()
		if f.Value.Type() == "bool" {
			return usagef("ungültiger Wert „%s“ für „--%s“: erlaubt sind true und false (oder „--%s“ allein für true)", invalid.GetValue(), f.Name, f.Name)
		}
		return usagef("ungültiger Wert „%s“ für „--%s“: %v", invalid.GetValue(), f.Name, errors.Unwrap(invalid))
	case errors.As(err, &syntax):
		return usagef("ungültige Schreibweise „%s“: Optionen beginnen mit „--“ (lang) oder „-“ (ein Buchstabe)", syntax.GetSpecifiedFlag())
	}
	return usageError{err}
}

// commandsWithFlag lists the commands below root that have the flag.
func commandsWithFlag(root *cobra.Command, name string) []string {
	var out []string
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if !c.Hidden && c.Flags().Lookup(name) != nil && c.Flags().Lookup(name).Annotations[cobra.FlagSetByCobraAnnotation] == nil {
			out = append(out, c.CommandPath())
		}
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	slices.Sort(out)
	return out
}
