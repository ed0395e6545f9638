package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/batch"
	"golang.org/x/term"
)

// generateOptions are the flags of generate.
type generateOptions struct {
	kinds      string
	only       string
	quiet      bool
	wait       bool
	clean      bool
	uebersicht bool
}

func newGenerateCmd(g *globalOptions) *cobra.Command {
	o := &generateOptions{}
	cmd := &cobra.Command{
		Use:   "generate [PFAD...]",
		Short: "Dokumente aus Projektdateien erzeugen",
		Long: `Erzeugt die Dokumente der Projektdateien als DOCX, PDF und Markdown-Textzwilling
unter <ausgabe>/<kurztitel>/: die Verwaltungsvereinbarung (Ring: eine; Stern: je
nachnutzendes Land vereinbarung-<LAND>) bzw. beim FIT-Store je nachnutzendes Land
das Abrufformular fit-store-abruf-<LAND>, dazu Projektbeschreibung und
Projektsteckbrief, und die Tabellen als XLSX (der Zahlungsplan zahlungsplan.xlsx);
jedes Dokument in den Formaten von --formats, die es hat. Ohne Pfad werden die Projektdateien aus „eingabe“
(config.yaml, Standard: fixtures/) verarbeitet; ein Verzeichnis steht für seine
*.yaml-Dateien (ohne Unterverzeichnisse und ohne config.yaml).

Die Dokumente entstehen parallel (--jobs, Standard: Anzahl der CPUs). Die
Dateien eines Projekts werden alle zusammen ersetzt oder gar nicht: erst wenn
alle seine Dokumente fehlerfrei erzeugt und als temporäre Dateien geschrieben
sind, werden sie umbenannt. Ist der Datenträger voll, behält das Projekt seine
bisherigen Dateien, und es wird kein weiteres begonnen. Fehler einer
Projektdatei halten die übrigen nicht auf; alle Fehler stehen am Ende, der
Exit-Code ist dann 1.

Ein Projektordner, den der Lauf schreibt, enthält danach genau dessen Dateien:
Dokumente früherer Läufe, die er nicht mehr erzeugt (vereinbarung-TH.*, wenn
Thüringen ausgestiegen ist), werden entfernt und mit „entfernt:“ genannt –
nur Dateien von vereinbar (im bisherigen Manifest genannt oder nach dem
Muster seiner Dokumente benannt), und nur Arten, Länder und Formate, die der
Lauf erzeugt (--kinds, --only, --formats). Zuletzt entsteht
<ausgabe>/manifest.json mit jeder Datei (SHA-256, Größe, Art, Land, Format),
jeder Projektdatei (SHA-256, Ergebnis), der Version und der Herkunft jeder
Vorlage; Projekte, die der Lauf nicht schreibt, behält es aus dem bisherigen
Manifest. Mit --uebersicht entsteht danach je Land (und Bund), das an einem der
geladenen Vorhaben beteiligt ist, die Nachnutzungsübersicht
<ausgabe>/uebersicht/uebersicht-<LAND>.xlsx (wie „vereinbar uebersicht“), alle
zusammen; die eines Landes, das an keinem Vorhaben mehr beteiligt ist, wird
entfernt. Ohne --uebersicht bleiben vorhandene Übersichten unberührt. Mit --clean werden stattdessen alle Dateien entfernt, die das
bisherige Manifest nennt und dieser Lauf nicht geschrieben hat (außer denen
von Projekten, die diesmal fehlschlagen), dazu leer gewordene Projektordner.

Ein Lauf hält das Ausgabeverzeichnis für sich allein (Sperrdatei
<ausgabe>/.vereinbar.lock mit seiner PID): ein zweiter Lauf in dasselbe
Verzeichnis endet mit einer Meldung, die den ersten nennt, oder wartet mit
--wait, bis es frei ist. Die Sperre eines Laufs, der nicht mehr läuft (kill -9,
Absturz), wird mit einem Hinweis übernommen.

Strg-C (SIGINT) oder SIGTERM bricht ab, auch schon während des Starts:
Projekte, deren Dateien gerade geschrieben werden, werden fertig geschrieben,
alle übrigen gar nicht; es bleiben keine temporären Dateien zurück, und das
Manifest nennt genau die Dateien auf dem Datenträger ("interrupted": true).`,
		Example: "  vereinbar generate\n" +
			"  vereinbar generate --formats pdf fixtures/wohngeld-ring.yaml\n" +
			"  vereinbar generate --only ST,BY --jobs 4 projekte/ weitere/datei.yaml\n" +
			"  vereinbar generate --templates meine-vorlagen --out entwurf/",
		ValidArgsFunction: files(0, "yaml", "yml"),
		Annotations:       map[string]string{cancellable: "ja"},
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run(cmd, g, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.kinds, "kinds", "", "Dokumentarten, durch Kommas getrennt: "+strings.Join(generator.KindNames(), ", ")+" (Standard: alle, die zur Vertragsform passen)")
	f.StringVar(&o.only, "only", "", "nur für diese Länder, durch Kommas getrennt (z. B. ST,BY): Dokumente je Land nur für sie; Projekte ohne eines von ihnen als Partei werden übersprungen")
	valueName(f, "kinds", "ARTEN")
	valueName(f, "only", "LÄNDER")
	completeFlag(cmd, "kinds", listValues(choices(generator.KindNames())))
	completeFlag(cmd, "only", listValues(partyChoices()))
	f.BoolVarP(&o.quiet, "quiet", "q", false, "nur Fehler ausgeben: kein Fortschrittsbalken, keine Dateiliste, keine Zusammenfassung, keine Hinweise")
	f.BoolVar(&o.clean, "clean", false, "danach nur die Dateien dieses Laufs: was das bisherige Manifest nennt und dieser Lauf nicht schreibt, entfernen (sonst bleiben andere Projekte erhalten)")
	f.BoolVar(&o.uebersicht, "uebersicht", false, "danach je beteiligtes Land die Nachnutzungsübersicht uebersicht/uebersicht-LAND.xlsx schreiben (veraltete entfernen)")
	f.BoolVar(&o.wait, "wait", false, "schreibt schon ein anderer Lauf in das Ausgabeverzeichnis, warten, bis er endet (sonst Fehler)")
	settingFlags(cmd, "ks_tabellen", "projektplan_aufgaben", "vorlagen", "vorlagen_max_mib", "ausgabe", "formate", "parallel")
	f.Lookup("jobs").Usage = "Anzahl paralleler Worker (0 = Anzahl der CPUs, hier " + strconv.Itoa(runtime.NumCPU()) + "); Einstellung parallel"
	return cmd
}

// run parses the options, runs the batch and reports.
func (o *generateOptions) run(cmd *cobra.Command, g *globalOptions, args []string) error {
	gen, cfg, err := g.newGenerator(cmd)
	if err != nil {
		return err
	}
	jobs, err := strconv.Atoi(cfg.Get("parallel"))
	if err != nil || jobs < 0 {
		return usagef("%s: erwartet eine ganze Zahl ab 0 (0 = Anzahl der CPUs), erhalten: „%s“", cfg.Origin("parallel"), cfg.Get("parallel"))
	}
	opts := batch.Options{OutDir: cfg.Get("ausgabe"), Jobs: jobs, Wait: o.wait, Clean: o.clean, Uebersicht: o.uebersicht}
	if opts.Formats, err = generator.ParseFormats(strings.ToLower(cfg.Get("formate"))); err != nil {
		return usageError{err}
	}
	if opts.Kinds, err = gen.ParseKinds(strings.ToLower(o.kinds)); err != nil {
		return usageError{err}
	}
	if err := gen.CheckKindFormats(opts.Kinds, opts.Formats); err != nil {
		return usageError{err}
	}
	if opts.Only, err = batch.ParseOnly(o.only); err != nil {
		return usageError{err}
	}
	args, err = inputs{command: "generate", what: "eine Projektdatei (*.yaml) oder ein Verzeichnis", hint: initHint}.resolve(args, cfg)
	if err != nil {
		return err
	}
	// Once here rather than once per document in the batch.
	if err := os.MkdirAll(opts.OutDir, 0o755); err != nil {
		return fmt.Errorf("Ausgabeverzeichnis „%s“ (%s) lässt sich nicht anlegen: %s. Einen anderen Ort mit --out angeben", opts.OutDir, settingOrigin(cfg, "ausgabe"), cannotWrite(opts.OutDir, err))
	}
	files, err := projectFiles(args)
	if err != nil {
		return err
	}

	// A signal cancels the context (see interrupts); the batch finishes
	// the projects it is writing, removes nothing half-done and records
	// what it completed.
	ctx := cmd.Context()
	stderr := cmd.ErrOrStderr()
	if !o.quiet {
		opts.Notify = func(msg string) { fmt.Fprintln(stderr, "Hinweis: "+msg) }
	}
	var bar *progressBar
	if !o.quiet && isTerminal(stderr) {
		bar = &progressBar{w: stderr, throttle: 100 * time.Millisecond}
		opts.Progress = bar.update
	}
	start := time.Now()
	res, err := batch.Run(ctx, gen, files, opts)
	elapsed := time.Since(start)
	bar.finish()
	if res == nil {
		if errors.Is(err, batch.ErrLocked) {
			return fmt.Errorf("%w; warten Sie, bis er endet, oder rufen Sie generate mit --wait auf, um darauf zu warten", err)
		}
		return err
	}

	if !o.quiet {
		out := cmd.OutOrStdout()
		for _, p := range res.Projects {
			for _, f := range p.Files {
				fmt.Fprintln(out, filepath.Join(opts.OutDir, filepath.FromSlash(f.Path)))
			}
		}
		for _, f := range res.Uebersichten {
			fmt.Fprintln(out, filepath.Join(opts.OutDir, filepath.FromSlash(f.Path)))
		}
	}
	for _, p := range res.Projects {
		for _, e := range p.Errs {
			printError(stderr, e)
		}
	}
	if res.UebersichtErr != nil {
		printError(stderr, res.UebersichtErr)
	}
	if !o.quiet {
		for _, f := range removed(res) {
			fmt.Fprintln(stderr, "entfernt: "+filepath.Join(opts.OutDir, filepath.FromSlash(f)))
		}
	}
	if !o.quiet || res.Interrupted {
		fmt.Fprintln(stderr, summary(res, opts, elapsed))
	}
	switch {
	case errors.Is(res.UebersichtErr, batch.ErrNoSpace):
		return errReported // every project was written; the message names the Übersichten
	case errors.Is(err, batch.ErrNoSpace):
		return fmt.Errorf("kein Platz mehr auf dem Datenträger von %s: nach dem ersten Projekt, dessen Dateien nicht passten, wurde keines mehr begonnen; schaffen Sie Platz und rufen Sie generate erneut auf", opts.OutDir)
	case err != nil && !errors.Is(err, context.Canceled):
		return err // the manifest could not be written
	case res.Interrupted:
		return errInterrupted
	case res.Count(batch.StatusFailed) > 0, res.UebersichtErr != nil:
		return errReported
	}
	return nil
}

// summary is the closing line: projects by outcome, files, time and rate.
func summary(res *batch.Result, opts batch.Options, elapsed time.Duration) string {
	n := res.Files()
	var b strings.Builder
	files := plural(n, "Datei", "Dateien")
	if opts.Uebersicht {
		files += " und " + plural(len(res.Uebersichten), "Übersicht", "Übersichten")
	}
	fmt.Fprintf(&b, "%s aus %s erzeugt in %s s (%s Dateien/s)",
		files, plural(len(res.Projects), "Projektdatei", "Projektdateien"),
		decimal(elapsed.Seconds()), decimal(float64(n)/max(elapsed.Seconds(), 1e-9)))
	var parts []string
	if c := res.Count(batch.StatusFailed); c > 0 {
		parts = append(parts, fmt.Sprintf("%d fehlerhaft", c))
	}
	if c := res.Count(batch.StatusSkipped); c > 0 {
		parts = append(parts, fmt.Sprintf("%d übersprungen (ohne Partei aus %s)", c, strings.Join(opts.Only, ", ")))
	}
	if c := res.Count(batch.StatusCancelled); c > 0 && res.NoSpace {
		parts = append(parts, fmt.Sprintf("%d wegen vollen Datenträgers nicht geschrieben", c))
	} else if c > 0 {
		parts = append(parts, fmt.Sprintf("%d wegen Abbruchs nicht geschrieben", c))
	}
	if len(parts) > 0 {
		b.WriteString("; " + strings.Join(parts, ", "))
	}
	if n := len(removed(res)); n > 0 {
		fmt.Fprintf(&b, "; %d entfernt", n)
	}
	if res.Manifest != "" {
		b.WriteString("; Manifest: " + res.Manifest)
	}
	return b.String()
}

// removed lists the files the run removed: those its projects no longer
// produce, then those --clean removed.
func removed(res *batch.Result) []string {
	var out []string
	for _, p := range res.Projects {
		out = append(out, p.Removed...)
	}
	return append(out, res.Removed...)
}

// plural writes a count with the singular or plural noun.
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// decimal writes x with one decimal and a decimal comma.
func decimal(x float64) string {
	return strings.Replace(strconv.FormatFloat(x, 'f', 1, 64), ".", ",", 1)
}

// isTerminal reports whether w is a terminal; buffers and pipes are not.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// progressBar draws the batch's progress on a terminal. The batch calls
// update serially; the bar is created once the total is known. The rate
// and the time left are shown once the first file is done: before that
// there is nothing to measure.
type progressBar struct {
	w        io.Writer
	now      func() time.Time // nil: time.Now
	throttle time.Duration    // least time between two draws
	start    time.Time
	bar      *progressbar.ProgressBar
}

func (p *progressBar) clock() time.Time {
	if p.now == nil {
		return time.Now()
	}
	return p.now()
}

func (p *progressBar) update(pr batch.Progress) {
	if pr.Total <= 0 {
		return
	}
	if p.bar == nil {
		p.start = p.clock()
		p.bar = progressbar.NewOptions(pr.Total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionShowCount(),
			progressbar.OptionShowDescriptionAtLineEnd(),
			progressbar.OptionSetPredictTime(false),
			progressbar.OptionSetElapsedTime(false),
			progressbar.OptionThrottle(p.throttle),
			progressbar.OptionClearOnFinish(),
		)
	}
	if p.bar.GetMax() != pr.Total {
		p.bar.ChangeMax(pr.Total)
	}
	p.bar.Describe(progressText(pr, p.clock().Sub(p.start)))
	_ = p.bar.Set(pr.Rendered)
}

// progressText is the bar's text: "Dokumente", and once a file is done
// the rate and the time left ("Dokumente, 2,5 Dateien/s, noch etwa 2 s").
func progressText(pr batch.Progress, elapsed time.Duration) string {
	if pr.Rendered <= 0 || elapsed <= 0 {
		return "Dokumente"
	}
	rate := float64(pr.Rendered) / elapsed.Seconds()
	left := time.Duration(math.Ceil(float64(pr.Total-pr.Rendered)/rate)) * time.Second
	return fmt.Sprintf("Dokumente, %s Dateien/s, noch etwa %s", decimal(rate), approx(left))
}

// approx writes a time left in whole seconds, minutes or hours and
// minutes, rounded up: "2 s", "3 min", "2 h 44 min".
func approx(d time.Duration) string {
	s := int(math.Ceil(d.Seconds()))
	if s < 60 {
		return strconv.Itoa(s) + " s"
	}
	m := (s + 59) / 60
	if m < 60 {
		return strconv.Itoa(m) + " min"
	}
	return fmt.Sprintf("%d h %d min", m/60, m%60)
}

// finish removes the bar from the terminal; nil-safe.
func (p *progressBar) finish() {
	if p == nil || p.bar == nil {
		return
	}
	_ = p.bar.Finish()
	_ = p.bar.Clear()
}
