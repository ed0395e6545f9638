package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/vereinbar/vereinbar/generator"
)

// The fixtures whose agreements are measured: the largest (15 star
// agreements) and a ring agreement with twelve parties.
var benchFixtures = []string{"einbuergerung-stern-16.yaml", "wohngeld-ring.yaml"}

// options are benchcmp's flags.
type options struct {
	fixtures    string        // directory with the fixtures
	dauer       time.Duration // minimum measuring time per in-process route and fixture
	stapel      int           // projects in the files/s batch
	rssProjekte int           // projects (each 32 documents) in the peak-RSS run; 0 skips it
	jobs        int           // workers of the batch; 0 = number of CPUs
	vereinbar   string        // run the batch with this vereinbar binary instead of in a child of benchcmp
	ohnePeers   bool          // skip pandoc and LibreOffice

	// Child mode: run one batch in this process and report as JSON.
	internStapel string
	internOut    string
}

// run parses the flags and runs every measurement; the exit code is 0
// unless a measurement could not be made (1) or the flags are wrong (2).
// Missed targets are reported in the table, not in the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	o, err := parseFlags(args, stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if o.internStapel != "" {
		if err := childBatch(o, stdout); err != nil {
			fmt.Fprintln(stderr, "benchcmp:", err)
			return 1
		}
		return 0
	}
	if err := measure(context.Background(), o, stdout, stderr); err != nil {
		fmt.Fprintln(stderr, "benchcmp:", err)
		return 1
	}
	return 0
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("benchcmp", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.fixtures, "fixtures", "fixtures", "Verzeichnis mit "+benchFixtures[0]+" und "+benchFixtures[1])
	fs.DurationVar(&o.dauer, "dauer", 2*time.Second, "Mindestmesszeit je vereinbar-Weg und Projektdatei")
	fs.IntVar(&o.stapel, "stapel", 50, "Projektdateien im Stapellauf für Dateien/s (reihum aus -fixtures erzeugt)")
	fs.IntVar(&o.rssProjekte, "rss-projekte", 560, "Kopien von "+benchFixtures[0]+" (je 18 Dokumente: 10 Vereinbarungen, 5 Abrufe, Beschreibung, Steckbrief, Projektplan; × 3 Formate) im Lauf für den Spitzen-RSS; 0 = auslassen")
	fs.IntVar(&o.jobs, "jobs", 0, "Worker des Stapellaufs (0 = Anzahl der CPUs)")
	fs.StringVar(&o.vereinbar, "vereinbar", "", "Stapelläufe mit diesem vereinbar-Programm (vereinbar generate -q) statt im Kindprozess von benchcmp")
	fs.BoolVar(&o.ohnePeers, "ohne-peers", false, "pandoc und LibreOffice nicht messen")
	fs.StringVar(&o.internStapel, "intern-stapel", "", "(intern) Stapellauf über dieses Verzeichnis im eigenen Prozess")
	fs.StringVar(&o.internOut, "intern-out", "", "(intern) Ausgabeverzeichnis des Stapellaufs")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "benchcmp: unerwartete Argumente: %v\n", fs.Args())
		return o, errors.New("usage")
	}
	if o.stapel < 1 || o.rssProjekte < 0 || o.jobs < 0 || o.dauer <= 0 {
		fmt.Fprintln(stderr, "benchcmp: -stapel ≥ 1, -rss-projekte ≥ 0, -jobs ≥ 0, -dauer > 0")
		return o, errors.New("usage")
	}
	return o, nil
}

// measure runs the measurements in order (in-process first, so the
// subprocesses do not compete with it) and prints the report.
func measure(ctx context.Context, o options, stdout, stderr io.Writer) error {
	rep := &report{machine: readMachine(), started: time.Now()}
	progress := func(format string, args ...any) { fmt.Fprintf(stderr, "… "+format+"\n", args...) }

	gen, err := generator.New(generator.Options{})
	if err != nil {
		return err
	}
	var sets []*agreementSet
	for _, f := range benchFixtures {
		s, err := loadAgreements(gen, filepath.Join(o.fixtures, f))
		if err != nil {
			return err
		}
		sets = append(sets, s)
	}
	rep.sets = sets

	progress("vereinbar im Prozess (je Weg mindestens %s)", o.dauer)
	for _, s := range sets {
		for _, r := range inprocRoutes {
			m, err := measureInProcess(ctx, gen, s, r, o.dauer)
			if err != nil {
				return err
			}
			rep.inproc = append(rep.inproc, m)
		}
	}
	rep.inprocHWM = vmHWM()

	work, err := os.MkdirTemp("", "benchcmp-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)

	rep.pandoc = peerResult{name: "pandoc", skipped: true}
	rep.soffice = peerResult{name: "LibreOffice", skipped: true}
	if !o.ohnePeers {
		docs, err := writeAgreements(ctx, gen, sets, work)
		if err != nil {
			return err
		}
		progress("pandoc (Markdown-Zwilling → DOCX, ein Prozess je Dokument)")
		rep.pandoc = measurePandoc(ctx, docs, work)
		progress("LibreOffice (DOCX → PDF, ein Stapelprozess)")
		rep.soffice = measureSoffice(ctx, docs, work)
	}

	progress("Stapellauf: %d Projektdateien", o.stapel)
	rep.batches = append(rep.batches, measureBatch(ctx, o, work, "stapel", mixedSet(o.stapel)))
	if o.rssProjekte > 0 {
		progress("Stapellauf für den Spitzen-RSS: %d × %s", o.rssProjekte, benchFixtures[0])
		rep.batches = append(rep.batches, measureBatch(ctx, o, work, "rss", sameSet(benchFixtures[0], o.rssProjekte)))
	}
	rep.finished = time.Now()
	rep.machine.loadEnd = loadAvg()
	return rep.print(stdout)
}
