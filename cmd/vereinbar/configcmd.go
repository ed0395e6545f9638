package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator/config"
)

func newConfigCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Wirksame Einstellungen und ihre Herkunft anzeigen",
		Long: `Zeigt jede Einstellung mit ihrem wirksamen Wert und woher er stammt.
Vorrang: Kommandozeilen-Flag > Umgebungsvariable VEREINBAR_* > config.yaml > Standard.`,
		Args:              exactArgs(0, "keine Argumente"),
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := g.loadConfig(cmd)
			if err != nil {
				return err
			}
			w := cmd.OutOrStdout()
			file := cfg.File
			if file == "" {
				file = "(keine)"
			}
			fmt.Fprintf(w, "Konfigurationsdatei: %s\n\n", file)
			tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "Schlüssel\tWert\tHerkunft\tFlag\tUmgebungsvariable")
			for _, v := range cfg.Values() {
				val, flag := v.Value, "–"
				if val == "" {
					val = `""`
				}
				if v.Flag != "" {
					flag = "--" + v.Flag
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", v.Key, val, v.Origin, flag, v.Env())
			}
			return tw.Flush()
		},
	}
	var all []string
	for _, s := range config.Settings() {
		all = append(all, s.Key)
	}
	settingFlags(cmd, all...)
	return cmd
}
