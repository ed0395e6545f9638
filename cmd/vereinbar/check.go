package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator"
	chk "github.com/vereinbar/vereinbar/generator/check"
)

type checkOptions struct {
	json   bool
	failOn string
	kind   string
	alt    string
	neu    string
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
1, wenn eine Datei nicht gelesen werden kann.

Eine Änderungsvereinbarung (von „vereinbar aenderung“, erkannt am Titel „…
Vereinbarung zur Änderung der …“) wird mit --alt ALT.yaml --neu NEU.yaml bewiesen:
die Änderungsbefehle, aus ihrem Text zurückgelesen, machen aus der Vereinbarung von
ALT genau die von NEU (AENDERUNG-001).`,
		Example:           "  vereinbar check fixtures/\n  vereinbar check out/\n  vereinbar check out/wohngeld-ring/vereinbarung.docx\n  vereinbar check --json --fail-on warning fixtures/bafoeg-stern.yaml\n  vereinbar check --alt alt.yaml --neu neu.yaml out/wohngeld-ring/aenderungsvereinbarung.docx",
		ValidArgsFunction: files(0, "yaml", "yml", "docx", "pdf"),
		RunE: func(cmd *cobra.Command, args []string) error {
			failOn, err := chk.ParseSeverity(o.failOn)
			if err != nil || failOn == chk.Info {
				return usagef("--fail-on: erlaubt sind error und warning, nicht „%s“", o.failOn)
			}
			if (o.alt == "") != (o.neu == "") {
				return usagef("--alt und --neu nur zusammen: die beiden Fassungen der Vereinbarung, zwischen denen die Änderungsvereinbarung steht")
			}
			if o.alt != "" {
				// without the amendment the two versions would be ignored
				// and the input folder checked as if they were not given
				if len(args) == 0 {
					return usagef("--alt und --neu brauchen die Änderungsvereinbarung (DOCX oder PDF) als Pfad: vereinbar check --alt ALT.yaml --neu NEU.yaml aenderungsvereinbarung.docx")
				}
				for _, a := range args {
					if ext := strings.ToLower(filepath.Ext(a)); ext == ".yaml" || ext == ".yml" {
						return usagef("--alt und --neu prüfen eine Änderungsvereinbarung (DOCX oder PDF), nicht die Projektdatei %s", a)
					}
				}
			}
			opts := generator.CheckOptions{Alt: o.alt, Neu: o.neu}
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
	f.StringVar(&o.alt, "alt", "", "Änderungsvereinbarung (DOCX, PDF): Projektdatei der bisherigen Fassung; mit --neu werden die Änderungsbefehle bewiesen (AENDERUNG-001)")
	f.StringVar(&o.neu, "neu", "", "Änderungsvereinbarung: Projektdatei der neuen Fassung (mit --alt)")
	valueName(f, "alt", "DATEI")
	valueName(f, "neu", "DATEI")
	completeFlag(cmd, "alt", files(0, "yaml", "yml"))
	completeFlag(cmd, "neu", files(0, "yaml", "yml"))
	settingFlags(cmd, "ks_tabellen", "projektplan_aufgaben", "vorlagen", "vorlagen_max_mib")
	return cmd
}
