package main

import (
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/diff"
	"github.com/vereinbar/vereinbar/generator/render/docx"
	"golang.org/x/term"
)

type diffOptions struct {
	format   string
	exitCode bool
	redline  string
	author   string
	doc      string
}

func newDiffCmd(g *globalOptions) *cobra.Command {
	o := &diffOptions{}
	cmd := &cobra.Command{
		Use:   "diff ALT NEU",
		Short: "Zwei Fassungen klauselweise vergleichen, optional mit Word-Änderungsverfolgung",
		Long: `Vergleicht zwei Fassungen Klausel für Klausel. Jede Seite ist

  - eine Projektdatei (*.yaml): alle ihre Dokumente, im Speicher erzeugt,
  - eine DOCX-Datei (von vereinbar oder von Hand bearbeitet) oder
  - ein Ausgabeverzeichnis: seine *.docx-Dateien; das Ausgabeverzeichnis eines
    Stapellaufs (mit manifest.json) mit allen Projektordnern („wohngeld-ring/vereinbarung“).

Dokumente werden über ihren Dateinamen gepaart („vereinbarung“, „projektbeschreibung“ …).
Klauseln werden über ihre feste Kennung, sonst über die Überschrift zugeordnet; eine
verschobene Klausel heißt „verschoben“, eine bloße Neunummerierung ist keine inhaltliche
Änderung. Absätze werden wortweise, Tabellen Zelle für Zelle (Zeile, Spalte) verglichen.

--redline schreibt NEU als DOCX mit Änderungsverfolgung (w:ins/w:del), die in Word oder
LibreOffice einzeln angenommen oder abgelehnt werden kann; Autor und Datum kommen aus
--author/--date oder aus config.yaml (redline_autor, redline_datum). Exit-Code 4 mit --exit-code,
wenn sich etwas geändert hat.`,
		Example: "  vereinbar diff alt.yaml fixtures/wohngeld-ring.yaml\n" +
			"  vereinbar diff out-alt/wohngeld-ring out/wohngeld-ring --format md\n" +
			"  vereinbar diff --exit-code out-alt out\n" +
			"  vereinbar diff alt.docx neu.docx --redline redline.docx --author \"Referat 12\"",
		Args: exactArgs(2, "zwei Pfade (ALT NEU)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			switch o.format {
			case "text", "md", "html", "json":
			default:
				return usagef("--format: erlaubt sind text, md, html und json, nicht „%s“", o.format)
			}
			gen, cfg, err := g.newGenerator(cmd)
			if err != nil {
				return err
			}
			// Author and date: flag > VEREINBAR_REDLINE_* > config.yaml.
			o.author = cfg.Get("redline_autor")
			var date time.Time
			if s := cfg.Get("redline_datum"); s != "" {
				d, err := time.Parse(time.DateOnly, s)
				if err != nil {
					return usagef("%s: Datum als JJJJ-MM-TT erwartet, nicht „%s“", cfg.Origin("redline_datum"), s)
				}
				date = d
			}
			rep, pairs, err := gen.Diff(args[0], args[1])
			if err != nil {
				return err
			}
			if o.redline != "" {
				if err := writeRedline(pairs, o, date); err != nil {
					return err
				}
			}
			out := cmd.OutOrStdout()
			switch o.format {
			case "json":
				err = rep.WriteJSON(out)
			case "md":
				err = rep.WriteMarkdown(out)
			case "html":
				err = rep.WriteHTML(out)
			default:
				err = rep.WriteText(out, colorOut(out))
			}
			if err != nil {
				return err
			}
			if o.exitCode && rep.Changed() {
				return exitWith(exitChanged)
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.format, "format", "text", "Ausgabeformat: text, md, html oder json")
	f.BoolVar(&o.exitCode, "exit-code", false, "Exit-Code 4, wenn sich etwas geändert hat")
	f.StringVar(&o.redline, "redline", "", "NEU mit Änderungsverfolgung als DOCX in diese Datei schreiben")
	f.StringVar(&o.doc, "doc", "", "Dokument für --redline, wenn mehrere verglichen werden (z. B. vereinbarung)")
	settingFlags(cmd, "ks_tabellen", "vorlagen", "vorlagen_max_mib", "redline_autor", "redline_datum")
	return cmd
}

// writeRedline writes the redline of one document pair: the one named by
// --doc, or the only pair both sides have.
func writeRedline(pairs []generator.DiffPair, o *diffOptions, date time.Time) error {
	var both []generator.DiffPair
	var names []string
	for _, p := range pairs {
		if p.Old != nil && p.New != nil {
			both = append(both, p)
			names = append(names, p.Name)
		}
	}
	var pick *generator.DiffPair
	for i := range both {
		if both[i].Name == o.doc || o.doc == "" && len(both) == 1 {
			pick = &both[i]
		}
	}
	if pick == nil {
		if o.doc == "" {
			return usagef("--redline: mehrere Dokumente (%s); eines mit --doc wählen", strings.Join(names, ", "))
		}
		return usagef("--doc: kein Dokument „%s“ auf beiden Seiten (vorhanden: %s)", o.doc, strings.Join(names, ", "))
	}
	red, err := diff.Redline(pick.Old.Doc, pick.New.Doc)
	if err != nil {
		return err
	}
	return docx.RenderFile(o.redline, red, docx.Options{Author: o.author, Date: date})
}

// colorOut reports whether w is a terminal, where the text form is
// coloured; pipes and buffers get plain text.
func colorOut(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
