package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/format"
)

type statusOptions struct {
	json bool
}

func newStatusCmd(g *globalOptions) *cobra.Command {
	o := &statusOptions{}
	cmd := &cobra.Command{
		Use:   "status [PFAD...]",
		Short: "Stand der Unterzeichnung (Umlaufverfahren) je Vereinbarung",
		Long: `Zeigt je Projektdatei und Vereinbarung (Ringstruktur: eine; Sternstruktur: eine je
nachnutzendem Land mit Vereinbarung), wer unterschrieben hat (Tag, Ort), wer fehlt, an
wen die Vereinbarung als Nächstes geht und wann sie in Kraft tritt. Die Reihenfolge
ist die des Umlaufs: das umsetzende Land zuerst, dann die anderen in der Reihenfolge
des Eingangs der Vereinbarung. Die Unterschriften stehen in der Projektdatei unter
„parteien[].unterschrift“.

In Kraft tritt die Vereinbarung, wenn alle unterschrieben haben: mit der letzten
Unterschrift oder am vereinbarten Tag („vertrag.unterzeichnung.inkrafttreten“),
je nachdem, was später ist; ohne vereinbarten Tag frühestens am Beginn. Solange
eine Unterschrift fehlt: „noch nicht in Kraft“.

Mit --json je Projektdatei ein Objekt in einer Liste:
  [{"file":"…","agreements":[{"document":"vereinbarung","form":"elektronisch",
    "order":["HB","HH"],"signed":[{"land":"HB","date":"2026-09-28","place":"Bremen",
    "name":"…","amtsbezeichnung":"…"}],"missing":["HH"],"next":"HH","in_force":""}]}]
„in_force“ ist JJJJ-MM-TT oder leer, „next“ leer, wenn alle unterschrieben haben.
Ohne Pfad: „eingabe“ aus config.yaml (Standard fixtures/). Exit-Code 1, wenn eine
Projektdatei nicht lesbar oder ungültig ist; die übrigen werden trotzdem gezeigt.`,
		Example:           "  vereinbar status fixtures/eheschliessung-ring.yaml\n  vereinbar status --json projekte/",
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: files(0, "yaml", "yml"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runStatus(cmd, g, o, args)
		},
	}
	cmd.Flags().BoolVar(&o.json, "json", false, "maschinenlesbar als JSON ausgeben")
	settingFlags(cmd, "ks_tabellen")
	return cmd
}

func runStatus(cmd *cobra.Command, g *globalOptions, o *statusOptions, args []string) error {
	gen, cfg, err := g.newGenerator(cmd)
	if err != nil {
		return err
	}
	args, err = inputs{command: "status", what: "eine Projektdatei (*.yaml) oder ein Verzeichnis", hint: initHint}.resolve(args, cfg)
	if err != nil {
		return err
	}
	files, err := projectFiles(args)
	if err != nil {
		return err
	}
	all := []generator.Status{}
	failed := false
	for _, f := range files {
		p, err := gen.LoadProject(f)
		if err != nil {
			printError(cmd.ErrOrStderr(), err)
			failed = true
			continue
		}
		all = append(all, gen.Status(p))
	}
	w := cmd.OutOrStdout()
	if o.json {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		if err := enc.Encode(all); err != nil {
			return err
		}
	} else {
		for _, st := range all {
			writeStatus(w, st)
		}
	}
	if failed {
		return errReported
	}
	return nil
}

// writeStatus prints the signing round of a project's agreements.
func writeStatus(w io.Writer, st generator.Status) {
	fmt.Fprintf(w, "%s:\n", st.File)
	if len(st.Agreements) == 0 {
		fmt.Fprintln(w, "  keine Vereinbarung zu unterzeichnen (Abruf aus dem FIT-Store)")
	}
	for _, a := range st.Agreements {
		fmt.Fprintf(w, "  %s (%s, Umlauf %s)\n", a.Document, a.Form, strings.Join(a.Order, " → "))
		for _, s := range a.Signed {
			fmt.Fprintf(w, "    unterschrieben: %s (%s) am %s in %s – %s, %s\n", s.Land, landName(s.Land), germanDate(s.Date), s.Place, s.Name, s.Amtsbezeichnung)
		}
		if len(a.Missing) > 0 {
			fmt.Fprintf(w, "    nicht unterschrieben: %s\n", strings.Join(a.Missing, ", "))
			fmt.Fprintf(w, "    als Nächstes: %s (%s)\n", a.Next, landName(a.Next))
		}
		if a.InForce == "" {
			fmt.Fprintln(w, "    Inkrafttreten: noch nicht in Kraft")
		} else {
			fmt.Fprintf(w, "    Inkrafttreten: %s\n", germanDate(a.InForce))
		}
	}
}

// germanDate writes a JJJJ-MM-TT date as TT.MM.JJJJ.
func germanDate(s string) string {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return format.DateShort(d)
}
