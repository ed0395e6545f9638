package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"
	chk "github.com/vereinbar/vereinbar/generator/check"
)

func newRulesCmd() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "Regeln der Klauselprüfung mit Code, Schwere, Dokumentarten und Quelle auflisten",
		Long: `Listet jede Regel von „vereinbar check“: den festen Code, die Schwere
(error, warning, info), die Dokumentarten, für die sie gilt (data = die
Projektdatei selbst, pdf = die Seiten eines PDF im Vergleich mit dem darin
eingebetteten Modell), ihre Quelle und was sie verlangt.`,
		Args:              exactArgs(0, "keine Argumente"),
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, _ []string) error {
			rules := chk.Rules()
			out := cmd.OutOrStdout()
			if asJSON {
				type row struct {
					Code     string   `json:"code"`
					Severity string   `json:"severity"`
					Kinds    []string `json:"kinds"`
					Source   string   `json:"source"`
					Title    string   `json:"title"`
				}
				rows := make([]row, len(rules))
				for i, r := range rules {
					rows[i] = row{r.Code, r.Severity.String(), kindNames(r.Kinds), r.Source, r.Title}
				}
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				return enc.Encode(rows)
			}
			tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
			fmt.Fprintln(tw, "CODE\tSCHWERE\tDOKUMENTARTEN\tQUELLE\tREGEL")
			for _, r := range rules {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", r.Code, r.Severity, strings.Join(kindNames(r.Kinds), ","), r.Source, r.Title)
			}
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "Regeln als JSON ausgeben")
	return cmd
}

func kindNames(ks []chk.Kind) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = string(k)
	}
	return out
}
