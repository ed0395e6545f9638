package main

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"
)

// Targets of issue 7, on a machine with two cores.
const (
	targetDOCX        = time.Millisecond     // per agreement of the largest fixture
	targetPDF         = 8 * time.Millisecond // per agreement of the largest fixture
	targetFilesPerSec = 200.0                // full batch
	targetRSSBytes    = 200_000_000          // peak RSS for at least 10,000 documents
	targetRSSDocs     = 10_000
)

// report collects every measurement of a run.
type report struct {
	machine   machine
	started   time.Time
	finished  time.Time
	sets      []*agreementSet
	inproc    []inprocResult
	inprocHWM int64 // KiB
	pandoc    peerResult
	soffice   peerResult
	batches   []batchResult
}

func (r *report) print(w io.Writer) error {
	p := &printer{w: w}
	m := r.machine
	p.f("vereinbar benchcmp · %s · Dauer %s\n", r.started.Format("2006-01-02 15:04"), r.finished.Sub(r.started).Round(time.Second))
	p.f("Rechner: %s · %d CPUs (GOMAXPROCS %d) · %s RAM · Linux %s · %s\n", m.cpu, m.cpus, m.gomaxprocs, mb(m.memKiB), m.kernel, m.goVersion)
	p.f("Last (1/5/15 min): %s zu Beginn, %s am Ende\n", orDash(m.loadStart), orDash(m.loadEnd))
	p.f("MB = 10⁶ Byte. ms/Dok.: Median der Runden; vereinbar im Prozess über die Fassade\n(Generator.Document bzw. RenderDoc: Vorlagen → Markup → Modell → DOCX/PDF im Speicher).\n\n")

	p.f("Vereinbarungen je Weg\n")
	t := p.table()
	fmt.Fprintln(t, "Weg\tEingabe\tDok.\tRunden\tms/Dok.\tschnellste\tCPU-ms/Dok.\tKiB/Dok.\t")
	for _, x := range r.inproc {
		fmt.Fprintf(t, "vereinbar %s\t%s\t%d\t%d\t%s\t%s\t%s\t%d\t\n", routeLabel(x.route), x.set, x.docs, x.rounds, ms(x.perDoc), ms(x.minPerDoc), ms(x.cpuPerDoc), x.allocPer/1024)
	}
	for _, s := range r.sets {
		if r.pandoc.ok() {
			fmt.Fprintf(t, "pandoc MD→DOCX, 1 Prozess/Dok.\t%s\t%d\t1\t%s\t\t%s\t\t\n", s.name, len(s.kinds), ms(r.pandoc.bySet[s.name]), ms(r.pandoc.cpuBySet[s.name]))
		}
	}
	if r.soffice.ok() {
		fmt.Fprintf(t, "LibreOffice DOCX→PDF, 1 Stapel\talle\t%d\t1\t%s\t\t%s\t\t\n", r.soffice.docs, ms(r.soffice.perDoc()), ms(r.soffice.cpuPerDoc()))
	}
	t.Flush()
	for _, pr := range []peerResult{r.pandoc, r.soffice} {
		switch {
		case pr.skipped:
			p.f("%s: nicht gemessen (-ohne-peers)\n", pr.name)
		case pr.missing:
			p.f("%s: nicht installiert\n", pr.name)
		case pr.err != nil:
			p.f("%s: Fehler: %v\n", pr.name, pr.err)
		default:
			p.f("%s: %s\n", pr.name, pr.version)
		}
	}

	n := 0
	for _, x := range r.inproc {
		if x.route == "docx" {
			n += x.docs
		}
	}
	p.f("\nVergleich über alle %d Vereinbarungen (ms je Dokument)\n", n)
	t = p.table()
	fmt.Fprintln(t, "Format\tvereinbar\tVergleichsweg\tms/Dok.\tvereinbar/Peer\tCPU-ms vereinbar\tCPU-ms Peer\tvereinbar/Peer (CPU)\t")
	r.compare(t, "DOCX", "docx", r.pandoc, "pandoc MD→DOCX")
	r.compare(t, "PDF", "pdf", r.soffice, "LibreOffice DOCX→PDF")
	t.Flush()

	p.f("\nStapellauf (alle Dokumentarten, Formate %s)\n", strings.Join(benchFormats, ", "))
	t = p.table()
	fmt.Fprintln(t, "Satz\tProjekte\tDokumente\tDateien\ts\tDateien/s\tCPU-s\tSpitzen-RSS\t")
	for _, b := range r.batches {
		if b.err != nil {
			fmt.Fprintf(t, "%s\t%d\tFehler: %v\t\t\t\t\t\n", b.describe, b.projects, oneLine(b.err))
			continue
		}
		fmt.Fprintf(t, "%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t\n", b.describe, b.projects, b.documents, b.files, dec(b.wall.Seconds(), 1), dec(b.filesPerSec(), 0), dec(b.cpu.Seconds(), 1), mb(b.maxRSSKiB))
	}
	t.Flush()
	if len(r.batches) > 0 {
		p.f("gemessen: %s\n", r.batches[0].how)
	}

	p.f("\nSpitzen-RSS der Vergleichswege\n")
	t = p.table()
	fmt.Fprintf(t, "benchcmp (vereinbar im Prozess, nach allen Messungen, VmHWM)\t%s\t\n", mb(r.inprocHWM))
	if r.pandoc.ok() {
		fmt.Fprintf(t, "pandoc (größter der %d Prozesse)\t%s\t\n", r.pandoc.docs, mb(r.pandoc.maxRSSKiB))
	}
	if r.soffice.ok() {
		fmt.Fprintf(t, "LibreOffice (Stapelprozess, %d Dokumente)\t%s\t\n", r.soffice.docs, mb(r.soffice.maxRSSKiB))
	}
	t.Flush()

	p.f("\nZiele (2 Kerne)\n")
	t = p.table()
	r.targets(t)
	t.Flush()
	return p.err
}

// compare prints one format's line: vereinbar's mean per document over
// all agreements against the peer's.
func (r *report) compare(t io.Writer, label, route string, peer peerResult, peerLabel string) {
	var total, cpu time.Duration
	docs := 0
	for _, x := range r.inproc {
		if x.route == route {
			total += x.perDoc * time.Duration(x.docs)
			cpu += x.cpuPerDoc * time.Duration(x.docs)
			docs += x.docs
		}
	}
	if docs == 0 {
		return
	}
	ours, oursCPU := total/time.Duration(docs), cpu/time.Duration(docs)
	switch {
	case peer.skipped:
		fmt.Fprintf(t, "%s\t%s\t%s\tnicht gemessen\t\t\n", label, ms(ours), peerLabel)
	case peer.missing:
		fmt.Fprintf(t, "%s\t%s\t%s\tnicht installiert\t\t\n", label, ms(ours), peerLabel)
	case peer.err != nil:
		fmt.Fprintf(t, "%s\t%s\t%s\tFehler\t\t\n", label, ms(ours), peerLabel)
	default:
		theirs, theirsCPU := peer.perDoc(), peer.cpuPerDoc()
		fmt.Fprintf(t, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t\n", label, ms(ours), peerLabel, ms(theirs), ratio(ours, theirs), ms(oursCPU), ms(theirsCPU), ratio(oursCPU, theirsCPU))
	}
}

// targets prints each target of issue 7 with the measured value.
func (r *report) targets(t io.Writer) {
	largest := benchFixtureName(0)
	for _, x := range r.inproc {
		if x.set != largest {
			continue
		}
		switch x.route {
		case "docx":
			fmt.Fprintf(t, "DOCX ≤ %s ms je Vereinbarung (%s), ganzer Weg mit Modell\t%s ms (CPU %s ms)\t%s\t\n", dec(float64(targetDOCX)/1e6, 0), largest, ms(x.perDoc), ms(x.cpuPerDoc), verdict(x.perDoc <= targetDOCX))
		case "docx-schreiber":
			fmt.Fprintf(t, "DOCX ≤ %s ms je Vereinbarung (%s), Schreiber allein\t%s ms (CPU %s ms)\t%s\t\n", dec(float64(targetDOCX)/1e6, 0), largest, ms(x.perDoc), ms(x.cpuPerDoc), verdict(x.perDoc <= targetDOCX))
		case "pdf":
			fmt.Fprintf(t, "PDF ≤ %s ms je Vereinbarung (%s), ganzer Weg mit Modell\t%s ms (CPU %s ms)\t%s\t\n", dec(float64(targetPDF)/1e6, 0), largest, ms(x.perDoc), ms(x.cpuPerDoc), verdict(x.perDoc <= targetPDF))
		case "pdf-schreiber":
			fmt.Fprintf(t, "PDF ≤ %s ms je Vereinbarung (%s), Schreiber allein\t%s ms (CPU %s ms)\t%s\t\n", dec(float64(targetPDF)/1e6, 0), largest, ms(x.perDoc), ms(x.cpuPerDoc), verdict(x.perDoc <= targetPDF))
		}
	}
	for _, b := range r.batches {
		if b.err != nil {
			continue
		}
		if b.label == "stapel" {
			fmt.Fprintf(t, "Stapel ≥ %s Dateien/s (%s)\t%s Dateien/s\t%s\t\n", dec(targetFilesPerSec, 0), b.describe, dec(b.filesPerSec(), 0), verdict(b.filesPerSec() >= targetFilesPerSec))
		}
		if b.label == "rss" {
			ok := b.maxRSSKiB*1024 <= targetRSSBytes
			note := ""
			if b.documents < targetRSSDocs {
				note = fmt.Sprintf(" (nur %d Dokumente; -rss-projekte erhöhen)", b.documents)
				ok = false
			}
			fmt.Fprintf(t, "Spitzen-RSS ≤ %s bei ≥ %d Dokumenten (%d)\t%s\t%s%s\t\n", mb(targetRSSBytes/1024), targetRSSDocs, b.documents, mb(b.maxRSSKiB), verdict(ok), note)
			fmt.Fprintf(t, "  dabei Stapel ≥ %s Dateien/s\t%s Dateien/s\t%s\t\n", dec(targetFilesPerSec, 0), dec(b.filesPerSec(), 0), verdict(b.filesPerSec() >= targetFilesPerSec))
		}
	}
}

// ratio formats a/b with the speed-up b/a.
func ratio(a, b time.Duration) string {
	if a <= 0 || b <= 0 {
		return "–"
	}
	r := float64(a) / float64(b)
	return fmt.Sprintf("%s (%s× schneller)", dec(r, 4), dec(1/r, 0))
}

func benchFixtureName(i int) string { return strings.TrimSuffix(benchFixtures[i], ".yaml") }

func (p peerResult) ok() bool { return !p.skipped && !p.missing && p.err == nil }

func routeLabel(r string) string {
	switch r {
	case "modell":
		return "Modell (Vorlagen+Markup)"
	case "docx":
		return "DOCX (mit Modell)"
	case "pdf":
		return "PDF (mit Modell)"
	case "docx-schreiber":
		return "DOCX-Schreiber (Modell fertig)"
	case "pdf-schreiber":
		return "PDF-Schreiber (Modell fertig)"
	}
	return r
}

func verdict(ok bool) string {
	if ok {
		return "erfüllt"
	}
	return "VERFEHLT"
}

// printer writes and remembers the first error.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) f(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

func (p *printer) table() *tabwriter.Writer {
	return tabwriter.NewWriter(p.w, 0, 0, 2, ' ', 0)
}

// ms formats a duration in milliseconds with German decimals: two
// significant decimals below 10 ms, one below 100 ms, none above.
func ms(d time.Duration) string {
	v := float64(d) / float64(time.Millisecond)
	switch {
	case v < 10:
		return dec(v, 3)
	case v < 100:
		return dec(v, 1)
	}
	return dec(v, 0)
}

// mb formats KiB as MB (10⁶ bytes).
func mb(k int64) string {
	if k <= 0 {
		return "–"
	}
	return dec(float64(k)*1024/1e6, 0) + " MB"
}

// dec formats a number with a decimal comma.
func dec(v float64, places int) string {
	return strings.Replace(fmt.Sprintf("%.*f", places, v), ".", ",", 1)
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return strings.ReplaceAll(s, ".", ",")
}

func oneLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}
