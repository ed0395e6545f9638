package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator"
	chk "github.com/vereinbar/vereinbar/generator/check"
)

type checkOptions struct {
	json   bool
	failOn string
	kind   string
}

func newCheckCmd(g *globalOptions) *cobra.Command {
	o := &checkOptions{}
	cmd := &cobra.Command{
		Use:   "check [PFAD...]",
		Short: "Pflichtklauseln zu Parteien, Gegenstand und Kostenverteilung prüfen",
		Long: `Prüft Projektdateien und Dokumente gegen die Regeln aus „vereinbar rules“:
Vertragsparteien, Gegenstand, Kostenverteilung, den Aufbau der Vereinbarung und
die Regeln aus Leitfaden und IT-Planungsrat.

  - Projektdatei (*.yaml): die Daten und jedes daraus erzeugte Dokument;
    Fundstellen als datei:zeile:spalte und Datenpfad.
  - DOCX: auch eine in Word oder LibreOffice bearbeitete Datei; Klauseln werden
    an ihren Überschriften erkannt, die Kostentabellen aus ihren eigenen Zahlen
    nachgerechnet. Fundstellen als Klausel und Absatz („§ 7 Abs. 2“).
  - PDF von vereinbar: geprüft wird das beim Erzeugen eingebettete
    Dokumentmodell, und der Text der Seiten wird damit verglichen: Beträge
    und Anteile (PDF-001), alle übrigen Wörter (PDF-002); eine nachträglich
    angehängte Aktualisierung, Anmerkungen und XObjects meldet PDF-003.
  - Verzeichnis: seine *.yaml-, *.docx- und *.pdf-Dateien (ohne
    Unterverzeichnisse und ohne config.yaml); ein Ausgabeverzeichnis von generate (mit manifest.json)
    samt seinen Projektordnern. Ohne Pfad: „eingabe“ aus config.yaml (Standard fixtures/).

Exit-Code 3, wenn ein Befund die Schwelle --fail-on erreicht (Standard: error);
1, wenn eine Datei nicht gelesen werden kann.`,
		Example:           "  vereinbar check fixtures/\n  vereinbar check out/\n  vereinbar check out/wohngeld-ring/vereinbarung.docx\n  vereinbar check --json --fail-on warning fixtures/bafoeg-stern.yaml",
		ValidArgsFunction: files(0, "yaml", "yml", "docx", "pdf"),
		RunE: func(cmd *cobra.Command, args []string) error {
			failOn, err := chk.ParseSeverity(o.failOn)
			if err != nil || failOn == chk.Info {
				return usagef("--fail-on: erlaubt sind error und warning, nicht „%s“", o.failOn)
			}
			opts := generator.CheckOptions{}
			if o.kind != "" {
				k, err := chk.ParseKind(strings.ToLower(o.kind))
				if err != nil || k == chk.KindData {
					return usagef("--kind: %v", err)
				}
				opts.Kind = k
			}
			gen, cfg, err := g.newGenerator(cmd)
			if err != nil {
				return err
			}
			args, err = inputs{command: "check", what: "eine Projektdatei (*.yaml), DOCX, PDF oder ein Verzeichnis"}.resolve(args, cfg)
			if err != nil {
				return err
			}
			files, err := generator.CheckFiles(args)
			if err != nil {
				return err
			}
			if len(files) == 0 {
				return fmt.Errorf("keine prüfbaren Dateien (*.yaml, *.docx, *.pdf) in %s", strings.Join(args, ", "))
			}
			rep := &chk.Report{}
			for _, f := range files {
				fr := gen.Check(cmd.Context(), f, opts)
				if fr.Err != nil && !o.json {
					printError(cmd.ErrOrStderr(), fr.Err)
				}
				rep.Files = append(rep.Files, fr)
			}
			out := cmd.OutOrStdout()
			if o.json {
				err = rep.WriteJSON(out)
			} else {
				err = rep.WriteText(out)
			}
			switch {
			case err != nil:
				return err
			case rep.Failed():
				return errReported
			case rep.Reaches(failOn):
				return exitWith(exitFinding)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.BoolVar(&o.json, "json", false, "Befunde als JSON ausgeben")
	f.StringVar(&o.failOn, "fail-on", "error", "Exit-Code 3 ab dieser Schwere: error oder warning")
	f.StringVar(&o.kind, "kind", "", "Dokumentart von DOCX und PDF vorgeben statt erkennen: "+strings.Join(checkKinds(), ", "))
	valueName(f, "fail-on", "SCHWERE")
	valueName(f, "kind", "ART")
	completeFlag(cmd, "fail-on", fixedValues([]string{"error", "warning"}))
	completeFlag(cmd, "kind", fixedValues(checkKinds()))
	settingFlags(cmd, "ks_tabellen", "projektplan_aufgaben", "vorlagen", "vorlagen_max_mib")
	return cmd
}
