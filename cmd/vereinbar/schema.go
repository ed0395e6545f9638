package main

import (
	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator/data"
)

func newSchemaCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "JSON Schema der Projektdatei ausgeben",
		Long: `Gibt das JSON Schema der Projektdatei aus, erzeugt aus den Go-Typen.
Editoren mit YAML-Unterstützung (yaml-language-server) vervollständigen und prüfen
Projektdateien, die in der ersten Zeile darauf verweisen:

  # yaml-language-server: $schema=vorhaben.schema.json`,
		Args:              exactArgs(0, "keine Argumente"),
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, _ []string) error {
			b, err := data.Schema()
			if err != nil {
				return err
			}
			_, err = cmd.OutOrStdout().Write(b)
			return err
		},
	}
}
