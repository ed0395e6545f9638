package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

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
		Example:           "  vereinbar costs fixtures/wohngeld-ring.yaml\n  vereinbar costs --json fixtures/wohngeld-ring.yaml",
		Args:              exactArgs(1, "genau eine Projektdatei"),
		ValidArgsFunction: files(1, "yaml", "yml"),
		RunE: func(cmd *cobra.Command, args []string) error {
			gen, cfg, err := g.newGenerator(cmd)
			if err != nil {
				return err
			}
			if err := (inputs{command: "costs", what: "eine Projektdatei (*.yaml)", hint: initHint}).check(args, cfg, false); err != nil {
				return err
			}
			if st, err := os.Stat(args[0]); err == nil && st.IsDir() {
				return fmt.Errorf("„%s“ ist ein Verzeichnis; costs berechnet eine Projektdatei (*.yaml), z. B. „vereinbar costs %s“", args[0], filepath.Join(args[0], "projekt.yaml"))
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
