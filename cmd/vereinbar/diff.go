package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/config"
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
Steht einer Projektdatei oder einem Verzeichnis eine einzelne DOCX-Datei gegenüber, wird sie
mit dem Dokument verglichen, das --doc nennt (z. B. vereinbarung-SN), sonst mit dem, dessen Art
und Vertragspartei sie selbst trägt (Titel und Kopfzeile der erzeugten Datei), sonst mit dem
gleichnamigen; die übrigen Dokumente der Gegenseite bleiben außen vor.
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
		Args:              exactArgs(2, "zwei Pfade (ALT NEU)"),
		ValidArgsFunction: files(2, "yaml", "yml", "docx"),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.format = strings.ToLower(o.format)
			if !slices.Contains(diffFormats(), o.format) {
				return usagef("--format: erlaubt sind text, md, html und json, nicht „%s“", o.format)
			}
			if o.redline != "" {
				if err := checkRedlineTarget(o.redline, args); err != nil {
					return err
				}
			}
			gen, cfg, err := g.newGenerator(cmd)
			if err != nil {
				return err
			}
			// Author and date: flag > VEREINBAR_REDLINE_* > config.yaml.
			o.author = cfg.Get("redline_autor")
			var date time.Time
			if s := cfg.Get("redline_datum"); s != "" {
				d, err := config.ParseDate(s)
				if err != nil {
					return usagef("%s: %v", cfg.Origin("redline_datum"), err)
				}
				date = d
			}
			if err := (inputs{command: "diff", what: "eine Projektdatei (*.yaml), DOCX oder ein Verzeichnis"}).check(args, cfg, false); err != nil {
				return err
			}
			rep, pairs, err := gen.Diff(args[0], args[1], generator.DiffOptions{Doc: o.doc})
			if errors.Is(err, generator.ErrNoSuchDoc) || errors.Is(err, generator.ErrUnpaired) {
				return usageError{err} // settled with --doc
			}
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
	f.StringVar(&o.doc, "doc", "", "Dokument der Gegenseite einer einzelnen DOCX-Datei bzw. Dokument für --redline, wenn mehrere verglichen werden (z. B. vereinbarung-SN)")
	valueName(f, "format", "FORMAT")
	valueName(f, "redline", "DATEI")
	valueName(f, "doc", "NAME")
	completeFlag(cmd, "format", fixedValues(diffFormats()))
	completeFlag(cmd, "redline", files(0, "docx"))
	completeFlag(cmd, "doc", g.completeDoc)
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
		if strings.EqualFold(both[i].Name, o.doc) || o.doc == "" && len(both) == 1 {
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

// checkRedlineTarget refuses a --redline path the redline must not
// replace: anything but a new file or an existing regular file (a
// device, a FIFO, a directory, a symbolic link, which would be replaced
// by a file), a name not ending in .docx (the redline is DOCX; PDF and
// Markdown show no tracked changes), and one of the inputs, also named
// through another path or link, or a document of an input directory.
func checkRedlineTarget(path string, inputs []string) error {
	st, err := os.Lstat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		st = nil
	case err != nil:
		if d := fileInPath(path); d != "" {
			return usagef("--redline: „%s“: „%s“ ist eine Datei, kein Verzeichnis; einen Pfad in einem Verzeichnis angeben", path, d)
		}
		return fmt.Errorf("--redline: „%s“ lässt sich nicht prüfen: %w", path, err)
	case !st.Mode().IsRegular():
		return usagef("--redline: „%s“ ist %s, keine reguläre Datei; einen neuen Dateinamen oder eine vorhandene DOCX-Datei angeben", path, fileKind(st.Mode()))
	}
	if !strings.EqualFold(filepath.Ext(path), ".docx") {
		return usagef("--redline: „%s“ endet nicht auf .docx; die Redline ist eine DOCX-Datei (PDF und Markdown zeigen keine Änderungsverfolgung)", path)
	}
	if st == nil {
		return nil
	}
	for i, in := range inputs {
		side := [...]string{"ALT", "NEU"}[min(i, 1)]
		ist, err := os.Stat(in)
		if err != nil {
			continue // diff reports the missing input
		}
		if os.SameFile(st, ist) {
			return usagef("--redline: „%s“ ist die Eingabe %s; für die Redline einen anderen Dateinamen angeben", path, side)
		}
		if ist.IsDir() && inInputDir(path, in) {
			return usagef("--redline: „%s“ ist ein Dokument der Eingabe %s („%s“); für die Redline einen anderen Dateinamen angeben", path, side, in)
		}
	}
	return nil
}

// inInputDir reports whether the DOCX path is one diff reads from the
// directory dir: one in dir itself or, for an output directory of
// generate (with its manifest), in one of its project folders.
func inInputDir(path, dir string) bool {
	same := func(a, b string) bool {
		sa, err := os.Stat(a)
		if err != nil {
			return false
		}
		sb, err := os.Stat(b)
		return err == nil && os.SameFile(sa, sb)
	}
	parent := filepath.Dir(path)
	if same(parent, dir) {
		return true
	}
	_, err := os.Stat(filepath.Join(dir, generator.ManifestName))
	return err == nil && same(filepath.Dir(parent), dir)
}

// fileInPath returns the first directory of path, from the end, that
// exists but is no directory, or "".
func fileInPath(path string) string {
	for d := filepath.Dir(path); ; d = filepath.Dir(d) {
		if st, err := os.Stat(d); err == nil {
			if st.IsDir() {
				return ""
			}
			return d
		}
		if d == filepath.Dir(d) {
			return ""
		}
	}
}

// fileKind names what a file that is no regular file is, for messages.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeSymlink != 0:
		return "ein symbolischer Link"
	case m.IsDir():
		return "ein Verzeichnis"
	case m&fs.ModeNamedPipe != 0:
		return "eine benannte Pipe (FIFO)"
	case m&fs.ModeDevice != 0:
		return "ein Gerät"
	case m&fs.ModeSocket != 0:
		return "ein Socket"
	}
	return "eine besondere Datei"
}

// colorOut reports whether w is a terminal, where the text form is
// coloured; pipes and buffers get plain text.
func colorOut(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
