package batch

import (
	"encoding/json"
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/atomicfile"
	"github.com/vereinbar/vereinbar/generator/kind"
)

// What a run may remove. vereinbar removes only what it wrote itself:
// files the old manifest lists, or files in a project folder named the way
// it names its documents ("vereinbarung-SN.pdf"). Such a file is stale
// when the run generates its kind, Land and format for the project and
// did not write it this time (a Land left the project, a star project
// became a ring project); files of kinds, Länder and formats the run
// does not generate (--kinds, --only, --formats) are not stale.

// fileID is what a document file is: its kind, party and format.
type fileID struct {
	kind, party, format string
}

// ownName recognises a file name generate gives a document in a project
// folder: a stem the kind registry knows (kind.Registry.Recognise) and one
// of generator.Formats.
func ownName(kinds *kind.Registry, name string) (fileID, bool) {
	ext := path.Ext(name)
	format := strings.TrimPrefix(ext, ".")
	if !slices.Contains(generator.Formats, format) {
		return fileID{}, false
	}
	k, party, ok := kinds.Recognise(strings.TrimSuffix(name, ext))
	if !ok {
		return fileID{}, false
	}
	return fileID{k, party, format}, true
}

// ownPath checks a path from an old manifest: a document directly in a
// project folder ("<kurztitel>/<name>.<format>", slash-separated, local,
// not hidden, ending in one of generator.Formats). Anything else is not
// ours: never removed, never carried into the new manifest. An Übersicht
// (also an xlsx in a folder) is not a project's document: ownUebersicht
// recognises it.
func ownPath(f ManifestFile) (folder, name string, ok bool) {
	folder, name, ok = strings.Cut(f.Path, "/")
	switch {
	case !ok, f.Kind == KindUebersicht, strings.ContainsAny(name, `/\`), strings.ContainsAny(folder, `\`),
		!filepath.IsLocal(filepath.FromSlash(f.Path)), strings.ContainsRune(f.Path, 0),
		folder == "", strings.HasPrefix(folder, "."), strings.HasPrefix(name, "."),
		!slices.Contains(generator.Formats, f.Format), path.Ext(name) != "."+f.Format:
		return "", "", false
	}
	return folder, name, true
}

// readOldManifest reads the manifest an earlier run left in the output
// directory; nil when there is none. A manifest that cannot be read is
// replaced, with a note: what it listed is then forgotten.
func (r *runner) readOldManifest() *Manifest {
	p := filepath.Join(r.opts.OutDir, ManifestName)
	b, err := os.ReadFile(p)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	var m Manifest
	if err == nil {
		err = json.Unmarshal(b, &m)
	}
	if err != nil {
		r.notify(p + " ist nicht lesbar (" + err.Error() + "); es wird ersetzt, und was es nannte, entfernt vereinbar nicht mehr")
		return nil
	}
	return &m
}

// oldFiles indexes the old manifest's own files by project folder.
func oldFiles(m *Manifest) map[string]map[string]fileID {
	byFolder := map[string]map[string]fileID{}
	if m == nil {
		return byFolder
	}
	for _, f := range m.Files {
		folder, name, ok := ownPath(f)
		if !ok {
			continue
		}
		if byFolder[folder] == nil {
			byFolder[folder] = map[string]fileID{}
		}
		byFolder[folder][name] = fileID{f.Kind, f.Party, f.Format}
	}
	return byFolder
}

// selected reports whether this run generates files like id, so that one
// it did not write is stale.
func (r *runner) selected(id fileID) bool {
	return slices.Contains(r.opts.Formats, id.format) &&
		(len(r.opts.Kinds) == 0 || slices.Contains(r.opts.Kinds, id.kind)) &&
		(id.party == "" || len(r.opts.Only) == 0 || slices.Contains(r.opts.Only, id.party))
}

// removeStale removes from the folder of a project this run has written
// the files of earlier runs it no longer produces, and records them in
// pr.Removed; a file it cannot remove is an error of the project.
func (r *runner) removeStale(pr *Project) {
	dir := filepath.Join(r.opts.OutDir, pr.Kurztitel)
	written := map[string]bool{}
	for _, f := range pr.Files {
		written[path.Base(f.Path)] = true
	}
	candidates := map[string]fileID{}
	for name, id := range r.old[pr.Kurztitel] {
		candidates[name] = id
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if id, ok := ownName(r.gen.Kinds(), e.Name()); ok {
			if _, listed := candidates[e.Name()]; !listed {
				candidates[e.Name()] = id
			}
		}
	}
	for _, name := range slices.Sorted(maps.Keys(candidates)) {
		if written[name] || !r.selected(candidates[name]) {
			continue
		}
		removed, err := r.removeFile(filepath.Join(dir, name))
		if err != nil {
			pr.Status = StatusFailed
			pr.Errs = append(pr.Errs, err)
		}
		if removed {
			pr.Removed = append(pr.Removed, pr.Kurztitel+"/"+name)
		}
	}
}

// clean removes the files the old manifest lists that this run did not
// write, except those of projects that failed in this run (their old
// files stay, as without Clean), then the project folders that became
// empty. It returns what it removed and the folders it kept.
func (r *runner) clean(res *Result) (removed []string, keep map[string]bool) {
	keep = map[string]bool{}
	oldKurztitel := map[string]string{}
	if r.oldManifest != nil {
		for _, in := range r.oldManifest.Inputs {
			oldKurztitel[in.Path] = in.Kurztitel
		}
	}
	written := map[string]bool{}
	for _, p := range res.Projects {
		for _, f := range p.Files {
			written[f.Path] = true
		}
		if p.Status == StatusFailed {
			keep[p.Kurztitel] = true
			keep[oldKurztitel[filepath.ToSlash(p.Input)]] = true
		}
	}
	for _, folder := range slices.Sorted(maps.Keys(r.old)) {
		if keep[folder] {
			continue
		}
		for _, name := range slices.Sorted(maps.Keys(r.old[folder])) {
			rel := folder + "/" + name
			if written[rel] {
				continue
			}
			ok, err := r.removeFile(filepath.Join(r.opts.OutDir, folder, name))
			if err != nil {
				r.notify(err.Error())
			}
			if ok {
				removed = append(removed, rel)
			}
		}
		// Only if empty: a folder holding anything else stays.
		r.removeTemps(filepath.Join(r.opts.OutDir, folder))
		_ = os.Remove(filepath.Join(r.opts.OutDir, folder))
	}
	return removed, keep
}

// removeTemps removes the temporary files a killed run left in dir. It is
// safe while the run holds the output directory: no other generate writes
// there. A failure is left to the write that follows.
func (r *runner) removeTemps(dir string) {
	n, _ := atomicfile.RemoveTemps(r.opts.FS, dir)
	r.temps.Add(int64(n))
}

// removeFile removes a regular file; anything else (gone, a folder, a
// link) is left alone.
func (r *runner) removeFile(p string) (bool, error) {
	st, err := os.Lstat(p)
	if err != nil || !st.Mode().IsRegular() {
		return false, nil
	}
	if err := r.opts.FS.Remove(p); err != nil {
		return false, &germanError{msg: p + ": nicht mehr erzeugt, aber nicht entfernt (" + errText(err) + ")", errs: []error{err}}
	}
	r.changed.Store(true)
	return true, nil
}
