package batch

import (
	"bytes"
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strings"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/data"
)

// Manifest is the content of OutDir/manifest.json: what a run wrote, from
// which inputs, with which tool and templates. It holds no time stamps and
// nothing that depends on the number of workers, so the same inputs give
// the same bytes.
type Manifest struct {
	Tool    string `json:"tool"`
	Version string `json:"version"`
	// Interrupted is true when the run was cancelled: Files then lists
	// only the projects written completely before the interruption.
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
	Input  string `json:"input"`
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
	slices.SortFunc(m.Templates, func(a, b ManifestTemplate) int { return strings.Compare(a.Path, b.Path) })
	slices.SortFunc(m.Inputs, func(a, b ManifestInput) int { return strings.Compare(a.Path, b.Path) })
	slices.SortFunc(m.Files, func(a, b ManifestFile) int { return strings.Compare(a.Path, b.Path) })
	return m
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
