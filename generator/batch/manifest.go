package batch

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/data"
)

// Manifest is the content of OutDir/manifest.json: the documents in the
// output directory, from which inputs, with which tool and templates. A
// run lists what it wrote and keeps the entries of an earlier manifest
// for the projects it did not write (unless Options.Clean), so Files is
// every document of vereinbar on disk. It holds no time stamps and
// nothing that depends on the number of workers, so the same inputs give
// the same bytes.
type Manifest struct {
	Tool    string `json:"tool"` // Tool, Version and Templates: of the last run
	Version string `json:"version"`
	// Interrupted is true when the last run was cancelled or stopped by
	// a full disk before every project was written: the projects it did
	// not write keep their earlier entries (or none).
	Interrupted bool               `json:"interrupted"`
	Templates   []ManifestTemplate `json:"templates"` // sorted by path
	Inputs      []ManifestInput    `json:"inputs"`    // sorted by path
	Files       []ManifestFile     `json:"files"`     // sorted by path
}

// ManifestTemplate is one template and the layer it came from ("eingebaut"
// or the user's template directory).
type ManifestTemplate struct {
	Path  string `json:"path"`
	Layer string `json:"layer"`
}

// ManifestInput is one project file.
type ManifestInput struct {
	Path      string   `json:"path"`
	SHA256    string   `json:"sha256"`              // "" when unreadable
	Kurztitel string   `json:"kurztitel,omitempty"` // "" when invalid
	Status    Status   `json:"status"`
	Errors    []string `json:"errors,omitempty"` // one line each ("file:line:col: path: message" where known)
}

// ManifestFile is one written file.
type ManifestFile struct {
	Path   string `json:"path"` // relative to the output directory
	SHA256 string `json:"sha256"`
	Size   int64  `json:"size"`
	Kind   string `json:"kind"`
	Party  string `json:"party,omitempty"`
	Format string `json:"format"`
	Input  string `json:"input,omitempty"` // "" for an Übersicht
	// Inputs are the project files of an Übersicht's rows (kind
	// KindUebersicht), sorted.
	Inputs []string `json:"inputs,omitempty"`
}

// newManifest describes a finished (or interrupted) run.
func newManifest(gen *generator.Generator, res *Result) *Manifest {
	m := &Manifest{Tool: "vereinbar", Version: generator.Version, Interrupted: res.Interrupted,
		Templates: []ManifestTemplate{}, Inputs: []ManifestInput{}, Files: []ManifestFile{}}
	for _, e := range gen.Templates() {
		m.Templates = append(m.Templates, ManifestTemplate{Path: e.Path, Layer: e.Layer})
	}
	for _, p := range res.Projects {
		in := ManifestInput{Path: filepath.ToSlash(p.Input), SHA256: p.SHA256, Kurztitel: p.Kurztitel, Status: p.Status, Errors: Messages(p.Errs)}
		m.Inputs = append(m.Inputs, in)
		for _, f := range p.Files {
			m.Files = append(m.Files, ManifestFile{Path: f.Path, SHA256: f.SHA256, Size: f.Size, Kind: f.Kind,
				Party: f.Party, Format: f.Format, Input: in.Path})
		}
	}
	for _, f := range res.Uebersichten {
		m.Files = append(m.Files, ManifestFile{Path: f.Path, SHA256: f.SHA256, Size: f.Size, Kind: f.Kind,
			Party: f.Party, Format: f.Format, Inputs: f.Inputs})
	}
	slices.SortFunc(m.Templates, func(a, b ManifestTemplate) int { return strings.Compare(a.Path, b.Path) })
	slices.SortFunc(m.Inputs, func(a, b ManifestInput) int { return strings.Compare(a.Path, b.Path) })
	slices.SortFunc(m.Files, func(a, b ManifestFile) int { return strings.Compare(a.Path, b.Path) })
	return m
}

// merge adds to this run's manifest m what the old manifest lists and this
// run did not touch: the project files it did not process, skipped or
// cancelled (their old entries), and the files still on disk that it
// neither wrote nor removed. With folders set, only the files in those
// project folders are added, and no inputs.
func (r *runner) merge(m *Manifest, res *Result, folders map[string]bool) {
	old := r.oldManifest
	if old == nil {
		return
	}
	touched := map[string]bool{}
	for _, p := range res.Projects {
		for _, f := range p.Files {
			touched[f.Path] = true
		}
		for _, f := range p.Removed {
			touched[f] = true
		}
	}
	for _, f := range res.Uebersichten {
		touched[f.Path] = true
	}
	for _, f := range res.Removed {
		touched[f] = true
	}
	if folders == nil {
		cur := map[string]int{}
		for i, in := range m.Inputs {
			cur[in.Path] = i
		}
		for _, in := range old.Inputs {
			i, ok := cur[in.Path]
			switch {
			case !ok:
				cur[in.Path] = len(m.Inputs)
				m.Inputs = append(m.Inputs, in)
			case m.Inputs[i].Status == StatusSkipped || m.Inputs[i].Status == StatusCancelled:
				m.Inputs[i] = in
			}
		}
	}
	for _, f := range old.Files {
		folder, _, ok := ownPath(f)
		// An Übersicht this run did not write or remove is kept (with
		// Clean too: a run without Options.Uebersicht leaves them alone).
		_, sheet := ownUebersicht(f)
		if !sheet && (!ok || folders != nil && !folders[folder]) || touched[f.Path] {
			continue
		}
		touched[f.Path] = true // once
		if st, err := os.Lstat(filepath.Join(r.opts.OutDir, filepath.FromSlash(f.Path))); err != nil || !st.Mode().IsRegular() {
			continue // removed by hand
		}
		m.Files = append(m.Files, f)
	}
	slices.SortFunc(m.Inputs, func(a, b ManifestInput) int { return strings.Compare(a.Path, b.Path) })
	slices.SortFunc(m.Files, func(a, b ManifestFile) int { return strings.Compare(a.Path, b.Path) })
}

// encode renders the manifest as indented JSON with a final newline.
func (m *Manifest) encode() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Messages flattens errors into one line per mistake: a project file's
// data.Errors give one line each ("file:line:col: path: message").
func Messages(errs []error) []string {
	var out []string
	for _, err := range errs {
		var es data.Errors
		if errors.As(err, &es) {
			for _, e := range es {
				out = append(out, e.Error())
			}
			continue
		}
		out = append(out, err.Error())
	}
	return out
}
