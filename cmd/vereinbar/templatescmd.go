package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

func newTemplatesCmd(g *globalOptions) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "templates",
		Short: "Vorlagen und ihre Herkunft auflisten",
		Long: `Listet jede Vorlage mit der Ebene, aus der sie stammt: „eingebaut“ oder das
Verzeichnis aus --templates bzw. „vorlagen“ in config.yaml. Eine eigene Datei mit
demselben relativen Pfad ersetzt die eingebaute Vorlage.`,
		Args:              exactArgs(0, "keine Argumente"),
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, _ []string) error {
			gen, _, err := g.newGenerator(cmd)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "Vorlage\tEbene")
			for _, e := range gen.Templates() {
				fmt.Fprintf(tw, "%s\t%s\n", e.Path, e.Layer)
			}
			return tw.Flush()
		},
	}
	settingFlags(cmd, "ks_tabellen", "vorlagen")
	return cmd
}
