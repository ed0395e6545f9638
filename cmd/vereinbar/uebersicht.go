package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/atomicfile"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

type uebersichtOptions struct {
	land   string
	alle   bool
	out    string
	format string
}

func newUebersichtCmd(g *globalOptions) *cobra.Command {
	o := &uebersichtOptions{}
	cmd := &cobra.Command{
		Use:   "uebersicht [PFAD...] --land LAND",
		Short: "Nachnutzungsübersicht eines Landes als XLSX oder CSV",
		Long: `Schreibt die ressorteigene Nachnutzungsübersicht eines Landes (Leitfaden, Kapitel 4):
je Projektdatei, an der das Land beteiligt ist, eine Zeile, gruppiert in

  a) bereits digital: nachgenutzt aus einem anderen Land, Projektphase Einführung (Rollout),
  b) Nachnutzung aus anderem Land: nachgenutzt, noch nicht im Rollout,
  c) eigene Umsetzung für andere: das Land ist umsetzend.

Mit --alle kommen die übrigen Vorhaben als „ohne Beteiligung“ hinzu. Die Spalten nennen
OZG-ID, Leistung, Themenfeld, Nachnutzungsmodell, Reifegrad, Phase mit Beginn und Ende,
das umsetzende Land, die Rolle des Landes, die Vertragsform, den Stand (Entwurf/final),
den Anteil des Landes, seine Kosten je Haushaltsjahr und insgesamt (centgenau aus der
Kostenverteilung) und den nächsten nicht erreichten Meilenstein. Das XLSX hat das Blatt
„Übersicht“ und je Haushaltsjahr ein Blatt „HJ JJJJ“, jedes mit fixierter Kopfzeile,
Autofilter und einer Summenzeile aus Formeln. Gleiche Eingaben ergeben dieselbe Datei.

Mit --format csv dieselben Daten als CSV für ein deutsches Excel: UTF-8 mit BOM,
Semikolon, Dezimalkomma. Ohne Pfad: „eingabe“ aus config.yaml (Standard fixtures/).`,
		Example: "  vereinbar uebersicht --land ST\n" +
			"  vereinbar uebersicht projekte/ --land BY --alle --out berichte/uebersicht-BY.xlsx\n" +
			"  vereinbar uebersicht --land HB --format csv",
		Args:              cobra.ArbitraryArgs,
		ValidArgsFunction: files(0, "yaml", "yml"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runUebersicht(cmd, g, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.land, "land", "", "Kürzel des Landes, dessen Übersicht entsteht (z. B. ST, auch BUND); Pflicht")
	f.BoolVar(&o.alle, "alle", false, "auch die Vorhaben aufnehmen, an denen das Land nicht beteiligt ist")
	f.StringVar(&o.out, "out", "", "Ausgabedatei, endet auf .xlsx oder .csv (Standard: uebersicht-LAND.xlsx bzw. .csv)")
	f.StringVar(&o.format, "format", "", "Ausgabeformat: xlsx oder csv (Standard: nach der Endung von --out, sonst xlsx)")
	valueName(f, "land", "LAND")
	valueName(f, "out", "DATEI")
	valueName(f, "format", "FORMAT")
	completeFlag(cmd, "land", fixedValuesWithDesc(partyChoices()))
	completeFlag(cmd, "format", fixedValues(generator.UebersichtFormats))
	completeFlag(cmd, "out", files(0, generator.UebersichtFormats...))
	settingFlags(cmd, "ks_tabellen")
	return cmd
}

func runUebersicht(cmd *cobra.Command, g *globalOptions, o *uebersichtOptions, args []string) error {
	land, err := landFlag(o.land)
	if err != nil {
		return err
	}
	format, out, err := o.target(land)
	if err != nil {
		return err
	}
	gen, cfg, err := g.newGenerator(cmd)
	if err != nil {
		return err
	}
	args, err = inputs{command: "uebersicht", what: "eine Projektdatei (*.yaml) oder ein Verzeichnis", hint: initHint}.resolve(args, cfg)
	if err != nil {
		return err
	}
	files, err := projectFiles(args)
	if err != nil {
		return err
	}
	if err := checkOutTarget(out, files); err != nil {
		return err
	}
	u, err := gen.Uebersicht(files, generator.UebersichtOptions{Land: land, All: o.alle})
	if errors.Is(err, generator.ErrNoProjectOfLand) {
		return fmt.Errorf("keine der %d Projektdateien (%s) hat %s (%s) als Vertragspartei; mit --alle enthält die Übersicht alle Vorhaben",
			len(files), strings.Join(args, ", "), landName(land), land)
	}
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := generator.WriteUebersicht(&buf, u, format); err != nil {
		return err
	}
	if err := atomicfile.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("--out: „%s“ lässt sich nicht schreiben: %s", out, cannotWrite(out, err))
	}
	fmt.Fprintf(cmd.OutOrStdout(), "%s: %d Vorhaben, Übersicht %s\n", out, len(u.Rows), u.LandName)
	return nil
}

// landFlag checks --land: a party code in any case; a name is answered
// with its code.
func landFlag(s string) (string, error) {
	if s == "" {
		return "", usagef("--land fehlt: das Land der Übersicht angeben, z. B. „--land ST“")
	}
	code := strings.ToUpper(strings.TrimSpace(s))
	if _, ok := refdata.PartyByCode(code); ok {
		return code, nil
	}
	hint := "; erlaubt sind " + strings.Join(append(refdata.LandCodes(), refdata.BundCode), ", ")
	if p, ok := refdata.PartyByName(s); ok {
		hint = " – meinten Sie „" + p.Code + "“ (" + p.Kurzname + ")?"
	}
	return "", usagef("--land: unbekanntes Länderkürzel „%s“%s", s, hint)
}

// landName is the short name of a party code.
func landName(code string) string {
	p, _ := refdata.PartyByCode(code)
	return p.Kurzname
}

// target decides format and output file: --format, else the ending of
// --out, else xlsx; --out must end in the format's extension.
func (o *uebersichtOptions) target(land string) (format, out string, err error) {
	format = strings.ToLower(o.format)
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(o.out), "."))
	if format == "" {
		format = "xlsx"
		if slices.Contains(generator.UebersichtFormats, ext) {
			format = ext
		}
	}
	if !slices.Contains(generator.UebersichtFormats, format) {
		return "", "", usagef("--format: erlaubt sind xlsx und csv, nicht „%s“", o.format)
	}
	if o.out == "" {
		return format, "uebersicht-" + land + "." + format, nil
	}
	if !slices.Contains(generator.UebersichtFormats, ext) {
		return "", "", usagef("--out: „%s“ endet nicht auf .xlsx oder .csv; die Endung bestimmt, womit die Datei geöffnet wird", o.out)
	}
	if ext != format {
		return "", "", usagef("--out: „%s“ endet auf .%s, --format ist aber %s; eines von beiden anpassen", o.out, ext, format)
	}
	return format, o.out, nil
}

// checkOutTarget refuses an output that is no regular file, lies below a
// file, or is one of the project files (also through another path or a
// link).
func checkOutTarget(out string, inputs []string) error {
	st, err := os.Stat(out)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if d := fileInPath(out); d != "" {
			return usagef("--out: „%s“: „%s“ ist eine Datei, kein Verzeichnis; einen Pfad in einem Verzeichnis angeben", out, d)
		}
		return nil
	case err != nil:
		return fmt.Errorf("--out: „%s“ lässt sich nicht prüfen: %w", out, err)
	case !st.Mode().IsRegular():
		return usagef("--out: „%s“ ist %s, keine reguläre Datei; einen neuen Dateinamen angeben", out, fileKind(st.Mode()))
	}
	for _, in := range inputs {
		if ist, err := os.Stat(in); err == nil && os.SameFile(st, ist) {
			return usagef("--out: „%s“ ist die Projektdatei „%s“ und würde überschrieben; einen anderen Dateinamen angeben", out, in)
		}
	}
	return nil
}
