package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator"
)

func newGenerateCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "generate [PFAD...]",
		Short: "Dokumente aus Projektdateien erzeugen",
		Long: `Erzeugt die Dokumente der Projektdateien als DOCX, PDF und Markdown-Textzwilling
unter <ausgabe>/<kurztitel>/. Ohne Pfad werden die Projektdateien aus „eingabe“
(config.yaml, Standard: fixtures/) verarbeitet; ein Verzeichnis steht für seine
*.yaml-Dateien (ohne Unterverzeichnisse). Jede Datei wird erst vollständig erzeugt
und dann unter ihrem Namen abgelegt; Fehler einer Projektdatei halten die übrigen
nicht auf.`,
		Example: "  vereinbar generate\n  vereinbar generate --formats pdf fixtures/wohngeld-ring.yaml\n  vereinbar generate --templates meine-vorlagen --out entwurf/",
		RunE: func(cmd *cobra.Command, args []string) error {
			gen, cfg, err := g.newGenerator(cmd)
			if err != nil {
				return err
			}
			formats, err := generator.ParseFormats(cfg.Get("formate"))
			if err != nil {
				return usageError{err}
			}
			if len(args) == 0 {
				args = []string{cfg.Get("eingabe")}
			}
			files, err := generator.ProjectFiles(args)
			if err != nil {
				return err
			}
			if len(files) == 0 {
				return fmt.Errorf("keine Projektdateien in %s", strings.Join(args, ", "))
			}
			out := cmd.OutOrStdout()
			failed := 0
			total := 0
			for _, f := range files {
				written, err := gen.GenerateProject(cmd.Context(), f, cfg.Get("ausgabe"), formats)
				if err != nil {
					failed++
					printError(cmd.ErrOrStderr(), err)
					continue
				}
				for _, w := range written {
					fmt.Fprintln(out, w.Path)
				}
				total += len(written)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%d Dateien aus %d Projektdateien erzeugt", total, len(files)-failed)
			if failed > 0 {
				fmt.Fprintf(cmd.ErrOrStderr(), "; %d Projektdateien fehlerhaft\n", failed)
				return errReported
			}
			fmt.Fprintln(cmd.ErrOrStderr())
			return nil
		},
	}
}
