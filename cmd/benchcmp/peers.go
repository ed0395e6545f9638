package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/vereinbar/vereinbar/generator"
)

// peerTimeout bounds one subprocess; a hanging peer is reported, not
// waited for forever.
const peerTimeout = 10 * time.Minute

// agreementFile is one agreement written to disk as DOCX and Markdown
// twin, the inputs of the peers.
type agreementFile struct {
	set  string // fixture name
	base string // distinct base name, "<fixture>-<file>"
	docx string
	md   string
}

// writeAgreements writes every agreement of the sets as DOCX and Markdown
// into dir/docs.
func writeAgreements(ctx context.Context, gen *generator.Generator, sets []*agreementSet, dir string) ([]agreementFile, error) {
	docs := filepath.Join(dir, "docs")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		return nil, err
	}
	var out []agreementFile
	for _, s := range sets {
		for _, k := range s.kinds {
			outs, err := gen.RenderDoc(ctx, s.project, s.costs, k, []string{"docx", "md"})
			if err != nil {
				return nil, err
			}
			f := agreementFile{set: s.name, base: s.name + "-" + k.File}
			for _, o := range outs {
				path := filepath.Join(docs, f.base+"."+o.Format)
				if err := os.WriteFile(path, o.Data, 0o644); err != nil {
					return nil, err
				}
				if o.Format == "docx" {
					f.docx = path
				} else {
					f.md = path
				}
			}
			out = append(out, f)
		}
	}
	return out, nil
}

// peerResult is the measurement of one peer.
type peerResult struct {
	name      string
	skipped   bool   // -ohne-peers
	missing   bool   // not installed
	version   string // first line of --version
	err       error  // the peer failed
	docs      int
	bySet     map[string]time.Duration // wall time per document by fixture (one process per document)
	cpuBySet  map[string]time.Duration // CPU time per document by fixture
	total     time.Duration            // wall time of all documents
	cpu       time.Duration            // CPU time of all documents
	maxRSSKiB int64                    // largest peak RSS of the peer's processes (wait4 rusage, as /usr/bin/time -v)
}

func (p peerResult) perDoc() time.Duration {
	if p.docs == 0 {
		return 0
	}
	return p.total / time.Duration(p.docs)
}

func (p peerResult) cpuPerDoc() time.Duration {
	if p.docs == 0 {
		return 0
	}
	return p.cpu / time.Duration(p.docs)
}

// timed is what runTimed measures of one process.
type timed struct {
	wall   time.Duration
	cpu    time.Duration // user+system, the process and its waited-for descendants
	rssKiB int64
}

// runTimed runs a program and returns its wall time, CPU time and peak RSS. The
// peak comes from the rusage wait4 returns, which covers the process and
// its waited-for descendants (LibreOffice's soffice script starts
// soffice.bin), as /usr/bin/time -v reports it.
func runTimed(ctx context.Context, dir, name string, args ...string) (timed, error) {
	ctx, cancel := context.WithTimeout(ctx, peerTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	t := timed{wall: time.Since(start)}
	if cmd.ProcessState != nil {
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			t.rssKiB = ru.Maxrss // KiB on Linux
			t.cpu = rusageCPU(ru)
		}
	}
	if err != nil {
		return t, fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, firstLines(out.String(), 5))
	}
	return t, nil
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(strings.TrimSpace(s), "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// version returns the first line of `name --version`, or "".
func version(ctx context.Context, name string) string {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, "--version").Output()
	if err != nil {
		return ""
	}
	return firstLines(string(out), 1)
}

// measurePandoc converts each Markdown twin to DOCX with its own pandoc
// process, as a user would: pandoc -f markdown-fancy_lists -o x.docx x.md.
// One untimed conversion first fills the page cache.
func measurePandoc(ctx context.Context, docs []agreementFile, dir string) peerResult {
	res := peerResult{name: "pandoc", bySet: map[string]time.Duration{}, cpuBySet: map[string]time.Duration{}}
	path, err := exec.LookPath("pandoc")
	if err != nil {
		res.missing = true
		return res
	}
	res.version = version(ctx, path)
	out := filepath.Join(dir, "pandoc")
	if err := os.MkdirAll(out, 0o755); err != nil {
		res.err = err
		return res
	}
	convert := func(d agreementFile) (timed, error) {
		target := filepath.Join(out, d.base+".docx")
		t, err := runTimed(ctx, dir, path, "-f", "markdown-fancy_lists", "-o", target, d.md)
		if err == nil {
			err = nonEmpty(target)
		}
		return t, err
	}
	if _, err := convert(docs[0]); err != nil {
		res.err = err
		return res
	}
	count := map[string]int{}
	for _, d := range docs {
		t, err := convert(d)
		if err != nil {
			res.err = err
			return res
		}
		res.total += t.wall
		res.cpu += t.cpu
		res.bySet[d.set] += t.wall
		res.cpuBySet[d.set] += t.cpu
		count[d.set]++
		res.docs++
		res.maxRSSKiB = max(res.maxRSSKiB, t.rssKiB)
	}
	for s, n := range count {
		res.bySet[s] /= time.Duration(n)
		res.cpuBySet[s] /= time.Duration(n)
	}
	return res
}

// measureSoffice converts all DOCX files to PDF in one LibreOffice
// process with a private profile (so a LibreOffice already running on the
// machine is not used). An untimed conversion first creates the profile,
// which LibreOffice does only once per user.
func measureSoffice(ctx context.Context, docs []agreementFile, dir string) peerResult {
	res := peerResult{name: "LibreOffice"}
	path, err := exec.LookPath("soffice")
	if err != nil {
		res.missing = true
		return res
	}
	res.version = version(ctx, path)
	profile := "-env:UserInstallation=file://" + filepath.Join(dir, "lo-profile")
	warm := filepath.Join(dir, "lo-warm")
	if _, err := runTimed(ctx, dir, path, profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", warm, docs[0].docx); err != nil {
		res.err = err
		return res
	}
	out := filepath.Join(dir, "lo-pdf")
	args := []string{profile, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", out}
	for _, d := range docs {
		args = append(args, d.docx)
	}
	t, err := runTimed(ctx, dir, path, args...)
	if err == nil {
		for _, d := range docs {
			if err = nonEmpty(filepath.Join(out, d.base+".pdf")); err != nil {
				break
			}
		}
	}
	res.err = err
	res.total, res.cpu, res.docs, res.maxRSSKiB = t.wall, t.cpu, len(docs), t.rssKiB
	return res
}

func nonEmpty(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	if st.Size() == 0 {
		return fmt.Errorf("%s ist leer", path)
	}
	return nil
}
