package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/config"
)

// run executes the command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	// First of all, so that no Ctrl-C is lost while the command starts.
	in := catchInterrupts()
	defer in.stop()
	root := newRootCmd(stdout, stderr, in)
	root.SetArgs(args)
	cmd, err := root.ExecuteContextC(in.ctx)
	if err != nil {
		printError(stderr, err)
		if exitCode(err) == exitUsage {
			// The help of the command that was called, not the root's;
			// an unknown help topic is best answered by the list of
			// commands.
			if cmd.Name() == "help" {
				cmd = cmd.Root()
			}
			fmt.Fprintf(stderr, "Siehe „%s --help“\n", cmd.CommandPath())
		}
	}
	return exitCode(err)
}

// globalOptions are the flags every command shares.
type globalOptions struct {
	configFile string
}

func newRootCmd(stdout, stderr io.Writer, in *interrupts) *cobra.Command {
	g := &globalOptions{}
	root := &cobra.Command{
		Use:   "vereinbar",
		Short: "Verwaltungsvereinbarungen und Projektunterlagen für EfA-Nachnutzungen erzeugen",
		Long: `vereinbar erzeugt aus einer YAML-Datei je Nachnutzungsvorhaben die Unterlagen
einer EfA-Nachnutzung und berechnet die Kostenverteilung centgenau.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Version:       generator.Version,
		Args:          cobra.ArbitraryArgs,
		// A --config that names nothing is an error for every command,
		// also for those that read no settings. A command that does not
		// stop in order on a cancelled context gets the signals' default
		// effect back before it begins.
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			if err := checkConfigFile(g.configFile); err != nil {
				return err
			}
			if cmd.Annotations[cancellable] == "" && in.release() {
				return errInterrupted
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return cmd.Help()
			}
			return usageError{errors.New("unbekannter Befehl „" + args[0] + "“" + meant(cmd.SuggestionsFor(args[0])))}
		},
	}
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.PersistentFlags().StringVar(&g.configFile, "config", "", "Konfigurationsdatei (Standard: ./"+config.DefaultFile+", falls vorhanden)")
	valueName(root.PersistentFlags(), "config", "DATEI")
	completeFlag(root, "config", files(0, "yaml", "yml"))
	root.AddCommand(
		newVersionCmd(),
		newConfigCmd(g),
		newCostsCmd(g),
		newSchemaCmd(),
		newInitCmd(),
		newGenerateCmd(g),
		newTemplatesCmd(g),
		newCheckCmd(g),
		newRulesCmd(),
		newDiffCmd(g),
		newUebersichtCmd(g),
		newStatusCmd(g),
		newAenderungCmd(g),
		newServeCmd(g),
	)
	germanize(root)
	return root
}

// settingFlags gives cmd the flags of the named settings (config.yaml keys).
// A setting's flag belongs to the commands that use it, so no command
// accepts a flag it would ignore; `config` has them all.
func settingFlags(cmd *cobra.Command, keys ...string) {
	f := cmd.Flags()
	for _, s := range config.Settings() {
		if s.Flag == "" || !slices.Contains(keys, s.Key) {
			continue
		}
		v := &settingValue{s: s.Default, kind: s.Kind}
		f.VarP(v, s.Flag, s.Short, s.Help+"; Einstellung "+s.Key)
		valueName(f, s.Flag, settingValueName(s))
		switch {
		case s.IsFile:
			completeFlag(cmd, s.Flag, files(0, "yaml", "yml"))
		case s.IsPath:
			completeFlag(cmd, s.Flag, directories)
		case s.Key == "formate":
			completeFlag(cmd, s.Flag, listValues(choices(generator.Formats)))
		default:
			completeFlag(cmd, s.Flag, cobra.NoFileCompletions)
		}
	}
}

// settingValueName names a setting's value in the help.
func settingValueName(s config.Setting) string {
	switch {
	case s.IsFile:
		return "DATEI"
	case s.IsPath:
		return "VERZEICHNIS"
	case s.Kind == config.Number:
		return "ZAHL"
	case s.Kind == config.Date:
		return "JJJJ-MM-TT"
	case s.Key == "formate":
		return "LISTE"
	}
	return "NAME"
}

// settingValue is a setting's flag. It keeps the text as given — config.Load
// checks it where the value is used, naming the flag — and names its kind
// in the help (--jobs int, --date date).
type settingValue struct {
	s    string
	kind config.Kind
}

func (v *settingValue) String() string     { return v.s }
func (v *settingValue) Set(s string) error { v.s = s; return nil }
func (v *settingValue) Type() string {
	switch v.kind {
	case config.Number:
		return "int"
	case config.Date:
		return "date"
	}
	return "string"
}

// loadConfig resolves the settings after flags are parsed.
func (g *globalOptions) loadConfig(cmd *cobra.Command) (*config.Config, error) {
	return config.Load(config.Options{File: g.configFile, Flags: cmd.Flags()})
}

// newGenerator loads the configuration and the reference data.
func (g *globalOptions) newGenerator(cmd *cobra.Command) (*generator.Generator, *config.Config, error) {
	cfg, err := g.loadConfig(cmd)
	if err != nil {
		return nil, nil, err
	}
	if err := checkSettingDirs(cfg); err != nil {
		return nil, nil, err
	}
	maxMiB, err := strconv.Atoi(cfg.Get("vorlagen_max_mib"))
	if err != nil || maxMiB < 1 || maxMiB > 65535 {
		return nil, nil, usagef("%s: erwartet eine ganze Zahl von 1 bis 65535 (MiB), erhalten: „%s“", cfg.Origin("vorlagen_max_mib"), cfg.Get("vorlagen_max_mib"))
	}
	gen, err := generator.New(generator.Options{KSDir: cfg.Get("ks_tabellen"), PlanFile: cfg.Get("projektplan_aufgaben"), TemplatesDir: cfg.Get("vorlagen"), MaxTemplateOutput: int64(maxMiB) << 20})

	if err != nil {
		return nil, nil, err
	}
	return gen, cfg, nil
}

// exactArgs is cobra.ExactArgs with a usage error and a German message.
func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(_ *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("erwartet %s, erhalten: %d Argument(e)", what, len(args))
		}
		return nil
	}
}
