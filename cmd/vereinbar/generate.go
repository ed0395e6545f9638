package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/batch"
	"golang.org/x/term"
)

// generateOptions are the flags of generate.
type generateOptions struct {
	kinds string
	only  string
	quiet bool
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
Projektsteckbrief. Ohne Pfad werden die Projektdateien aus „eingabe“
(config.yaml, Standard: fixtures/) verarbeitet; ein Verzeichnis steht für seine
*.yaml-Dateien (ohne Unterverzeichnisse).

Die Dokumente entstehen parallel (--jobs, Standard: Anzahl der CPUs). Die
Dateien eines Projekts werden erst geschrieben, wenn alle seine Dokumente
fehlerfrei erzeugt sind, jede über eine temporäre Datei, die umbenannt wird.
Fehler einer Projektdatei halten die übrigen nicht auf; alle Fehler stehen am
Ende, der Exit-Code ist dann 1. Zuletzt entsteht <ausgabe>/manifest.json mit
jeder geschriebenen Datei (SHA-256, Größe, Art, Land, Format), jeder
Projektdatei (SHA-256, Ergebnis), der Version und der Herkunft jeder Vorlage.

Strg-C (SIGINT) oder SIGTERM bricht ab: Projekte, deren Dateien gerade
geschrieben werden, werden fertig geschrieben, alle übrigen gar nicht; es
bleiben keine temporären Dateien zurück, und das Manifest nennt genau die
vollständig geschriebenen Dateien ("interrupted": true).`,
		Example: "  vereinbar generate\n" +
			"  vereinbar generate --formats pdf fixtures/wohngeld-ring.yaml\n" +
			"  vereinbar generate --only ST,BY --jobs 4 projekte/ weitere/datei.yaml\n" +
			"  vereinbar generate --templates meine-vorlagen --out entwurf/",
		RunE: func(cmd *cobra.Command, args []string) error {
			return o.run(cmd, g, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.kinds, "kinds", "", "Dokumentarten, durch Kommas getrennt: "+strings.Join(generator.KindNames, ", ")+" (Standard: alle, die zur Vertragsform passen)")
	f.StringVar(&o.only, "only", "", "nur für diese Länder, durch Kommas getrennt (z. B. ST,BY): Dokumente je Land nur für sie; Projekte ohne eines von ihnen als Partei werden übersprungen")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "nur Fehler ausgeben: kein Fortschrittsbalken, keine Dateiliste, keine Zusammenfassung")
	settingFlags(cmd, "ks_tabellen", "vorlagen", "vorlagen_max_mib", "ausgabe", "formate", "parallel")
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
	opts := batch.Options{OutDir: cfg.Get("ausgabe"), Jobs: jobs}
	if opts.Formats, err = generator.ParseFormats(cfg.Get("formate")); err != nil {
		return usageError{err}
	}
	if opts.Kinds, err = generator.ParseKinds(o.kinds); err != nil {
		return usageError{err}
	}
	if opts.Only, err = batch.ParseOnly(o.only); err != nil {
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

	// A signal cancels the context; the batch finishes the projects it is
	// writing, removes nothing half-done and records what it completed.
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	stderr := cmd.ErrOrStderr()
	var bar *progressBar
	if !o.quiet && isTerminal(stderr) {
		bar = &progressBar{w: stderr}
		opts.Progress = bar.update
	}
	start := time.Now()
	res, err := batch.Run(ctx, gen, files, opts)
	elapsed := time.Since(start)
	bar.finish()
	if res == nil {
		return err
	}

	if !o.quiet {
		out := cmd.OutOrStdout()
		for _, p := range res.Projects {
			for _, f := range p.Files {
				fmt.Fprintln(out, filepath.Join(opts.OutDir, filepath.FromSlash(f.Path)))
			}
		}
	}
	for _, p := range res.Projects {
		for _, e := range p.Errs {
			printError(stderr, e)
		}
	}
	if !o.quiet || res.Interrupted {
		fmt.Fprintln(stderr, summary(res, opts, elapsed))
	}
	switch {
	case err != nil && !errors.Is(err, context.Canceled):
		return err // the manifest could not be written
	case res.Interrupted:
		return errors.New("abgebrochen")
	case res.Count(batch.StatusFailed) > 0:
		return errReported
	}
	return nil
}

// summary is the closing line: projects by outcome, files, time and rate.
func summary(res *batch.Result, opts batch.Options, elapsed time.Duration) string {
	n := res.Files()
	var b strings.Builder
	fmt.Fprintf(&b, "%s aus %s erzeugt in %s s (%s Dateien/s)",
		plural(n, "Datei", "Dateien"), plural(len(res.Projects), "Projektdatei", "Projektdateien"),
		decimal(elapsed.Seconds()), decimal(float64(n)/max(elapsed.Seconds(), 1e-9)))
	var parts []string
	if c := res.Count(batch.StatusFailed); c > 0 {
		parts = append(parts, fmt.Sprintf("%d fehlerhaft", c))
	}
	if c := res.Count(batch.StatusSkipped); c > 0 {
		parts = append(parts, fmt.Sprintf("%d übersprungen (ohne Partei aus %s)", c, strings.Join(opts.Only, ", ")))
	}
	if c := res.Count(batch.StatusCancelled); c > 0 {
		parts = append(parts, fmt.Sprintf("%d wegen Abbruchs nicht geschrieben", c))
	}
	if len(parts) > 0 {
		b.WriteString("; " + strings.Join(parts, ", "))
	}
	if res.Manifest != "" {
		b.WriteString("; Manifest: " + res.Manifest)
	}
	return b.String()
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
// update serially; the bar is created once the total is known.
type progressBar struct {
	w   io.Writer
	bar *progressbar.ProgressBar
}

func (p *progressBar) update(pr batch.Progress) {
	if pr.Total <= 0 {
		return
	}
	if p.bar == nil {
		p.bar = progressbar.NewOptions(pr.Total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription("Dokumente"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("Dateien"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
		)
	}
	if p.bar.GetMax() != pr.Total {
		p.bar.ChangeMax(pr.Total)
	}
	_ = p.bar.Set(pr.Rendered)
}

// finish removes the bar from the terminal; nil-safe.
func (p *progressBar) finish() {
	if p == nil || p.bar == nil {
		return
	}
	_ = p.bar.Finish()
	_ = p.bar.Clear()
}
