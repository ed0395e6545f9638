package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/atomicfile"
)

type initOptions struct {
	form  string
	force bool
	now   func() time.Time
}

func newInitCmd() *cobra.Command {
	o := &initOptions{now: time.Now}
	cmd := &cobra.Command{
		Use:   "init DATEI",
		Short: "Kommentierte Vorlage einer Projektdatei anlegen",
		Long: `Legt eine kommentierte Projektdatei an. Alle Stellen mit „TODO“ sind auszufüllen;
bis dahin meldet vereinbar jede offene Stelle mit Zeile und Spalte.`,
		Example:           "  vereinbar init wohngeld.yaml\n  vereinbar init --form stern wohngeld.yaml",
		Args:              exactArgs(1, "genau einen Dateinamen"),
		ValidArgsFunction: files(1, "yaml"),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := args[0]
			o.form = strings.ToLower(o.form)
			if !validForm(o.form) {
				return usagef("--form: unbekannte Vertragsform „%s“ (erlaubt: %s)", o.form, strings.Join(generator.Forms, ", "))
			}
			st, err := os.Stat(path)
			switch {
			case err == nil && st.IsDir():
				return fmt.Errorf("„%s“ ist ein Verzeichnis; einen Dateinamen angeben, z. B. „vereinbar init %s“", path, filepath.Join(path, "projekt.yaml"))
			case err == nil && !o.force:
				return fmt.Errorf("%s existiert bereits; mit --force überschreiben", path)
			case err != nil && !errors.Is(err, fs.ErrNotExist):
				return errors.New(pathProblem(path, err) + ". Pfad prüfen")
			}
			b, err := generator.Starter(o.form, path, o.now())
			if err != nil {
				return err
			}
			if err := atomicfile.WriteFile(path, b, 0o644); err != nil {
				return fmt.Errorf("„%s“ lässt sich nicht schreiben: %s. Einen anderen Ort angeben", path, cannotWrite(path, err))
			}
			fmt.Fprintf(cmd.OutOrStdout(), "%s angelegt (Vertragsform %s). Jetzt die TODO-Stellen ausfüllen und mit „vereinbar costs %s“ prüfen.\n", path, o.form, path)
			return nil
		},
	}
	cmd.Flags().StringVar(&o.form, "form", "ring", "Vertragsform: "+strings.Join(generator.Forms, ", "))
	valueName(cmd.Flags(), "form", "FORM")
	completeFlag(cmd, "form", fixedValues(generator.Forms))
	cmd.Flags().BoolVar(&o.force, "force", false, "vorhandene Datei überschreiben")
	return cmd
}

func validForm(f string) bool {
	for _, x := range generator.Forms {
		if x == f {
			return true
		}
	}
	return false
}
