package batch

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/vereinbar/vereinbar/generator/atomicfile"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/sheets"
)

// The Nachnutzungsübersichten of a run (Options.Uebersicht): one XLSX per
// party of the run's projects, in a folder of their own beside the
// project folders, written all together after the projects.
const (
	// UebersichtDir is the folder of the Übersichten in the output
	// directory; a project may not use it as its kurztitel while
	// Übersichten are written.
	UebersichtDir = "uebersicht"
	// KindUebersicht is the manifest kind of an Übersicht.
	KindUebersicht = "uebersicht"
)

// ErrReserved reports a project whose kurztitel is UebersichtDir in a run
// that writes Übersichten: both would write into the same folder.
var ErrReserved = errors.New("Kurztitel für die Übersichten reserviert")

// uebersichtPath is the slash path of a party's Übersicht relative to the
// output directory.
func uebersichtPath(party string) string {
	return UebersichtDir + "/uebersicht-" + party + ".xlsx"
}

// ownUebersicht recognises an Übersicht entry of an old manifest: kind,
// party, format and path must all agree, so a hostile manifest cannot
// name another file.
func ownUebersicht(f ManifestFile) (party string, ok bool) {
	if f.Kind != KindUebersicht || f.Format != "xlsx" {
		return "", false
	}
	if _, known := refdata.PartyByCode(f.Party); !known {
		return "", false
	}
	return f.Party, f.Path == uebersichtPath(f.Party)
}

// uebersichtParties are the parties whose Übersicht the run writes: every
// party of the projects in the Übersicht (only those of Options.Only),
// sorted.
func (r *runner) uebersichtParties() []string {
	set := map[string]bool{}
	for _, p := range r.sheetIn {
		if p.Projekt == nil {
			continue
		}
		for _, pt := range p.Projekt.Parteien {
			c := string(pt.Land)
			if len(r.opts.Only) == 0 || slices.Contains(r.opts.Only, c) {
				set[c] = true
			}
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// writeUebersichten builds the Übersicht of every party (on the workers),
// writes them all together or none (atomicfile.WriteAll), and then removes
// the stale ones: Übersichten the old manifest lists for parties this run
// no longer has. It runs only after every project was written; when the
// run is cancelled before writing begins, nothing is written and the run
// counts as interrupted.
func (r *runner) writeUebersichten(res *Result) {
	var projects []sheets.Project
	for _, p := range r.sheetIn {
		if p.Projekt != nil {
			projects = append(projects, p)
		}
	}
	parties := r.uebersichtParties()
	r.warnPartial()
	outs := make([][]byte, len(parties))
	errs := make([]error, len(parties))
	r.each(len(parties), func(i int) {
		u, err := sheets.Build(projects, sheets.Options{Land: parties[i]})
		if err == nil {
			var b bytes.Buffer
			err = sheets.WriteXLSX(&b, u)
			outs[i] = b.Bytes()
		}
		if err != nil {
			errs[i] = fmt.Errorf("Übersicht %s: %w", parties[i], err)
		}
	})
	if r.ctx.Err() != nil {
		res.Interrupted = true
		return
	}
	if err := errors.Join(errs...); err != nil {
		res.UebersichtErr = err
		return
	}
	dir := filepath.Join(r.opts.OutDir, UebersichtDir)
	r.removeTemps(dir)
	entries := make([]atomicfile.Entry, len(parties))
	for i, c := range parties {
		entries[i] = atomicfile.Entry{Path: filepath.Join(r.opts.OutDir, filepath.FromSlash(uebersichtPath(c))), Data: outs[i]}
	}
	if err := atomicfile.WriteAll(entries, atomicfile.Options{FS: r.opts.FS, Parallel: writeFanout}); err != nil {
		res.UebersichtErr = r.writeError(dir, err)
		res.NoSpace = r.noSpace.Load()
		return
	}
	if len(entries) > 0 {
		r.changed.Store(true)
	}
	written := map[string]bool{}
	for i, c := range parties {
		sum := sha256.Sum256(outs[i])
		var from []string
		for j, p := range r.sheetIn {
			if p.Projekt != nil && slices.ContainsFunc(p.Projekt.Parteien, func(pt data.Partei) bool { return string(pt.Land) == c }) {
				from = append(from, filepath.ToSlash(r.projects[j].Input))
			}
		}
		slices.Sort(from)
		res.Uebersichten = append(res.Uebersichten, File{Path: uebersichtPath(c), Kind: KindUebersicht, Party: c,
			Format: "xlsx", Size: int64(len(outs[i])), SHA256: hex.EncodeToString(sum[:]), Inputs: from})
		written[uebersichtPath(c)] = true
	}
	res.Removed = append(res.Removed, r.removeStaleUebersichten(written)...)
	_ = os.Remove(dir) // only if empty: no Übersicht and nothing else
}

// thisRun are the project files of this run, as the manifest names them.
func (r *runner) thisRun() map[string]bool {
	out := map[string]bool{}
	for _, p := range r.projects {
		out[filepath.ToSlash(p.Input)] = true
	}
	return out
}

// warnPartial tells the user when the Übersichten of this run leave out
// projects of the output directory: the old manifest names project files
// this run does not load (without Clean their files stay). An Übersicht
// is built from the projects of the run only, so it then lacks their rows.
func (r *runner) warnPartial() {
	if r.oldManifest == nil || r.opts.Clean {
		return
	}
	this := r.thisRun()
	var others []string
	for _, in := range r.oldManifest.Inputs {
		if !this[in.Path] {
			others = append(others, in.Path)
		}
	}
	if len(others) == 0 {
		return
	}
	slices.Sort(others)
	names := strings.Join(others[:min(3, len(others))], ", ")
	if len(others) > 3 {
		names += " und " + strconv.Itoa(len(others)-3) + " weitere"
	}
	r.notify(fmt.Sprintf("Die Übersichten in %s enthalten nur die Vorhaben dieses Laufs; es fehlen %d Projektdateien, deren Dokumente das Manifest nennt (%s). Vollständige Übersichten entstehen, wenn alle Projektdateien zusammen erzeugt werden; --clean entfernt stattdessen die Dateien der anderen.",
		filepath.Join(r.opts.OutDir, UebersichtDir), len(others), names))
}

// removeStaleUebersichten removes the Übersichten the old manifest lists
// that this run did not write: parties no longer in any project, of
// Options.Only if given (with Clean, any). Without Clean, an Übersicht
// with rows of a project file this run does not load stays: the Land
// still takes part in that project (a partial run must not delete it). A
// file the manifest does not list is not ours and stays.
func (r *runner) removeStaleUebersichten(written map[string]bool) []string {
	if r.oldManifest == nil {
		return nil
	}
	var removed []string
	this := r.thisRun()
	for _, f := range r.oldManifest.Files {
		party, ok := ownUebersicht(f)
		if !ok || written[f.Path] || slices.Contains(removed, f.Path) {
			continue
		}
		if !r.opts.Clean && slices.ContainsFunc(f.Inputs, func(in string) bool { return !this[in] }) {
			continue
		}
		if !r.opts.Clean && len(r.opts.Only) > 0 && !slices.Contains(r.opts.Only, party) {
			continue
		}
		ok, err := r.removeFile(filepath.Join(r.opts.OutDir, filepath.FromSlash(f.Path)))
		if err != nil {
			r.notify(err.Error())
		}
		if ok {
			removed = append(removed, f.Path)
		}
	}
	slices.Sort(removed)
	return removed
}
