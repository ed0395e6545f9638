package main

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/kind"
)

type aenderungOptions struct {
	nr int
}

func newAenderungCmd(g *globalOptions) *cobra.Command {
	o := &aenderungOptions{}
	cmd := &cobra.Command{
		Use:   "aenderung ALT NEU",
		Short: "Änderungsvereinbarung aus zwei Fassungen einer Projektdatei erzeugen",
		Long: `Erzeugt die Änderungsvereinbarung, die die unterzeichnete Vereinbarung (ALT) in die
neue Fassung (NEU) überführt: Titel „Erste Vereinbarung zur Änderung der
Verwaltungsvereinbarung über … vom <Tag der letzten Unterschrift von ALT>“, die
Vertragsparteien von NEU (ein hinzukommendes Land als beitretendes Land, ein
ausscheidendes, solange es noch nicht ausgeschieden ist), je ein Artikel „Beitritt“
und „Ausscheiden“, wenn Länder hinzukommen oder wegfallen, den Artikel „Änderung
der Verwaltungsvereinbarung“ mit den Änderungsbefehlen nach dem Handbuch der
Rechtsförmlichkeit, den Artikel „Inkrafttreten“ und die Unterschriftenblöcke.

Die Befehle sind bewiesen: auf den Text von ALT angewandt ergeben sie den Text von
NEU genau; sonst schreibt der Befehl nichts (Exit-Code 1). Ringstruktur:
aenderungsvereinbarung.*, dazu synopse.* (Gegenüberstellung bisherige/neue
Fassung) und lesefassung.* (die neue Fassung mit Hinweis); Sternstruktur:
aenderungsvereinbarung-<LAND>.*, synopse-<LAND>.* und lesefassung-<LAND>.* je
geänderter Vereinbarung. Alle Dateien werden zusammen geschrieben oder keine.
xlsx in den Formaten (Einstellung formate) gilt hier nicht.

Eingang und Ausfertigungen der Vereinbarung werden nicht geändert: ein Land, das
beitritt oder ausscheidet, steht in einem eigenen Artikel („Beitritt“,
„Ausscheiden“); eine andere vertretende Stelle (vertreten_durch) allein ist keine
Änderung. Ändert die Vereinbarung Beträge eines Haushaltsjahres, das am Stand von
NEU schon begonnen hat, warnt der Befehl auf stderr (Regel AENDERUNG-002) und
schreibt trotzdem: für den Beitritt zu einem Tag ist parteien[].beitritt_ab mit
der Beitrittserklärung gedacht, sonst ist die Rückwirkung bewusst zu vereinbaren.

Fehler (Exit-Code 1): keine Änderung, andere Vertragsform in NEU, ALT nicht von
allen Parteien unterschrieben (parteien[].unterschrift), ungültige Projektdatei.
Ohne --out: das Verzeichnis von NEU unter der Einstellung ausgabe
(out/<kurztitel>/), mit --out genau dieses Verzeichnis.`,
		Example: "  vereinbar aenderung fixtures/aenderung/betrag/alt.yaml fixtures/aenderung/betrag/neu.yaml\n" +
			"  vereinbar aenderung alt.yaml neu.yaml --nr 2 --formats docx,pdf --out aenderung/",
		Args:              exactArgs(2, "zwei Projektdateien (ALT NEU)"),
		ValidArgsFunction: files(2, "yaml", "yml"),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runAenderung(cmd, g, o, args)
		},
	}
	f := cmd.Flags()
	f.IntVar(&o.nr, "nr", 0, fmt.Sprintf("Nummer der Änderung: 1 „Erste“, 2 „Zweite“ … bis %d; ohne Angabe die nächste nach den in „vertrag.aenderungen“ eingetragenen (sonst 1)", generator.MaxAenderungNr))
	valueName(f, "nr", "ZAHL")
	completeFlag(cmd, "nr", cobra.NoFileCompletions)
	settingFlags(cmd, "ks_tabellen", "vorlagen", "vorlagen_max_mib", "ausgabe", "formate")
	return cmd
}

func runAenderung(cmd *cobra.Command, g *globalOptions, o *aenderungOptions, args []string) error {
	if cmd.Flags().Changed("nr") && (o.nr < 1 || o.nr > generator.MaxAenderungNr) {
		return usagef("--nr: erwartet eine ganze Zahl von 1 bis %d, erhalten: %d", generator.MaxAenderungNr, o.nr)
	}
	gen, cfg, err := g.newGenerator(cmd)
	if err != nil {
		return err
	}
	formats, err := generator.ParseFormats(strings.ToLower(cfg.Get("formate")))
	if err != nil {
		return usageError{err}
	}
	// the amendment and its companions are documents: data formats
	// (xlsx, in the default formats for the Zahlungsplan) do not apply
	formats = slices.DeleteFunc(formats, func(f string) bool { return slices.Contains(kind.DataFormats, f) })
	if len(formats) == 0 {
		return usagef("--formats: die Änderungsvereinbarung, Synopse und Lesefassung gibt es als docx, pdf, md und html, nicht als Tabelle")
	}
	in := inputs{command: "aenderung", what: "eine Projektdatei (*.yaml)", hint: initHint}
	if err := in.check(args, cfg, false); err != nil {
		return err
	}
	alt, err := gen.LoadProject(args[0])
	if err != nil {
		return err
	}
	neu, err := gen.LoadProject(args[1])
	if err != nil {
		return err
	}
	nr, err := generator.AenderungNr(alt, o.nr)
	if errors.Is(err, generator.ErrAenderungNr) {
		return usageError{err}
	}
	if err != nil {
		return err
	}
	out := cfg.Get("ausgabe")
	if !cmd.Flags().Changed("out") {
		out = filepath.Join(out, neu.Data().Vorhaben.Kurztitel)
	}
	paths, err := gen.AenderungFiles(cmd.Context(), alt, neu, out, formats, generator.AenderungOptions{Nr: nr, Warn: func(msg string) {
		fmt.Fprintln(cmd.ErrOrStderr(), "Warnung: "+msg)
	}})
	if err != nil {
		return err
	}
	for _, p := range paths {
		fmt.Fprintln(cmd.OutOrStdout(), p)
	}
	return nil
}
