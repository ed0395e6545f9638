package main

import (
	"encoding/json"

	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator"
)

type costsOptions struct {
	json bool
}

func newCostsCmd(g *globalOptions) *cobra.Command {
	o := &costsOptions{}
	cmd := &cobra.Command{
		Use:   "costs DATEI",
		Short: "Kostenverteilung eines Vorhabens berechnen",
		Long: `Berechnet die Kostenverteilung centgenau: Anteile je Partei in 0,00001 %,
Beträge je Posten, Jahr und Partei. Gerundet wird nach Hare/Niemeyer (größte Reste);
bei Gleichstand erhält die in der Datei früher genannte Partei den Rest. Die
Tabelle nennt die Parteien in der Reihenfolge der Dokumente (vertrag.reihenfolge).

Mit --json wird das maschinenlesbare Ergebnis ausgegeben, die Parteien in der
Reihenfolge der Datei:
  {"parties":[{"code":"ST","share_e5":2653499,"total_cents":123}],
   "items":[{"id":"betrieb-2027","amount_cents":48000000,"split":{"ST":11420400}}],
   "total_cents":0}
share_e5 ist der Anteil in Einheiten von 0,00001 % (Summe 10000000).`,
		Example: "  vereinbar costs fixtures/wohngeld-ring.yaml\n  vereinbar costs --json fixtures/wohngeld-ring.yaml",
		Args:    exactArgs(1, "genau eine Projektdatei"),
		RunE: func(cmd *cobra.Command, args []string) error {
			gen, _, err := g.newGenerator(cmd)
			if err != nil {
				return err
			}
			p, err := gen.LoadProject(args[0])
			if err != nil {
				return err
			}
			res, err := gen.Costs(p)
			if err != nil {
				return err
			}
			if o.json {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(res)
			}
			return generator.WriteCostTable(cmd.OutOrStdout(), p, res)
		},
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "Ergebnis als JSON ausgeben")
	settingFlags(cmd, "ks_tabellen")
	return cmd
}
