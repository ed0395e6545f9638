package generator

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/vereinbar/vereinbar/generator/diff"
	"github.com/vereinbar/vereinbar/generator/docxread"
	"github.com/vereinbar/vereinbar/generator/model"
)

// DiffDoc is one document of a side of a diff.
type DiffDoc struct {
	Name   string // file name without extension: "vereinbarung", "fit-store-abruf-SN"
	Source string // where it came from, for messages: "x.yaml (vereinbarung)", "out/a.docx"
	Doc    *model.Document
}

// ErrDiffSide reports a path that is no project file, DOCX or directory.
var ErrDiffSide = errors.New("weder Projektdatei (*.yaml) noch DOCX noch Verzeichnis")

// DiffSide loads one side of a diff: a project file (every document of
// the project, built in memory), a DOCX (read back with docxread, also
// when edited by hand) or a directory (its *.docx files, not recursive;
// for an output directory of generate, one holding ManifestName, also
// those of its project folders, named "kurztitel/vereinbarung").
func (g *Generator) DiffSide(path string) ([]DiffDoc, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.IsDir() {
		out, err := dirDocs(path, "")
		if err != nil {
			return nil, err
		}
		// The output directory of generate: its project folders too,
		// named "kurztitel/vereinbarung".
		if _, err := os.Stat(filepath.Join(path, ManifestName)); err == nil {
			_, dirs, err := checkableIn(path)
			if err != nil {
				return nil, err
			}
			for _, d := range dirs {
				more, err := dirDocs(d, filepath.Base(d)+"/")
				if err != nil {
					return nil, err
				}
				out = append(out, more...)
			}
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("%s: keine *.docx-Dateien", path)
		}
		return out, nil
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".docx":
		d, err := readDocx(path)
		if err != nil {
			return nil, err
		}
		return []DiffDoc{d}, nil
	case ".yaml", ".yml":
		return g.projectDocs(path)
	}
	return nil, fmt.Errorf("%s: %w", path, ErrDiffSide)
}

// dirDocs reads the *.docx files of a directory, their names prefixed.
func dirDocs(dir, prefix string) ([]DiffDoc, error) {
	ms, err := filepath.Glob(filepath.Join(dir, "*.docx"))
	if err != nil {
		return nil, err
	}
	sort.Strings(ms)
	var out []DiffDoc
	for _, m := range ms {
		d, err := readDocx(m)
		if err != nil {
			return nil, err
		}
		d.Name = prefix + d.Name
		out = append(out, d)
	}
	return out, nil
}

func readDocx(path string) (DiffDoc, error) {
	fh, err := os.Open(path)
	if err != nil {
		return DiffDoc{}, err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return DiffDoc{}, err
	}
	d, err := docxread.Read(fh, st.Size(), docxread.Options{})
	if err != nil {
		return DiffDoc{}, fmt.Errorf("%s: %w", path, err)
	}
	return DiffDoc{Name: strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), Source: path, Doc: d}, nil
}

func (g *Generator) projectDocs(path string) ([]DiffDoc, error) {
	p, err := g.LoadProject(path)
	if err != nil {
		return nil, err
	}
	return g.ProjectDiffDocs(context.Background(), p)
}

// ProjectDiffDocs builds every document of a validated project held in
// memory as one side of a diff (see DiffDocs), named as DiffSide names
// the documents of a project file.
func (g *Generator) ProjectDiffDocs(ctx context.Context, p *Project) ([]DiffDoc, error) {
	path := p.Path
	r, err := g.Costs(p)
	if err != nil {
		return nil, err
	}
	var out []DiffDoc
	for _, k := range g.Docs(p) {
		d, err := g.Document(ctx, p, r, k)
		if err != nil {
			return nil, err
		}
		out = append(out, DiffDoc{Name: k.File, Source: path + " (" + k.File + ")", Doc: d})
	}
	return out, nil
}

// DiffPair is a pair of documents to compare; Old or New is nil when only
// one side has the document.
type DiffPair struct {
	Name     string
	Old, New *DiffDoc
}

// PairDocs pairs the documents of two sides by name, in NEW's order and
// then OLD's leftovers. When each side has exactly one document they are
// paired whatever their names.
func PairDocs(old, new []DiffDoc) []DiffPair {
	if len(old) == 1 && len(new) == 1 {
		return []DiffPair{{Name: new[0].Name, Old: &old[0], New: &new[0]}}
	}
	byName := map[string]int{}
	for i, d := range old {
		byName[d.Name] = i
	}
	used := make([]bool, len(old))
	var out []DiffPair
	for j := range new {
		p := DiffPair{Name: new[j].Name, New: &new[j]}
		if i, ok := byName[new[j].Name]; ok && !used[i] {
			used[i], p.Old = true, &old[i]
		}
		out = append(out, p)
	}
	for i := range old {
		if !used[i] {
			out = append(out, DiffPair{Name: old[i].Name, Old: &old[i]})
		}
	}
	return out
}

// Diff compares two sides (see DiffSide) document by document; see
// DiffOptions for a single document against several.
func (g *Generator) Diff(oldPath, newPath string, o DiffOptions) (*diff.Report, []DiffPair, error) {
	old, err := g.DiffSide(oldPath)
	if err != nil {
		return nil, nil, err
	}
	new, err := g.DiffSide(newPath)
	if err != nil {
		return nil, nil, err
	}
	return DiffDocs(old, new, o)
}

// DiffDocs compares two sides already loaded (DiffSide, ProjectDiffDocs)
// document by document, as Diff does.
func DiffDocs(old, new []DiffDoc, o DiffOptions) (*diff.Report, []DiffPair, error) {
	pairs, err := pairSides(old, new, o)
	if err != nil {
		return nil, nil, err
	}
	rep := &diff.Report{}
	for _, p := range pairs {
		f := diff.FileDiff{Name: p.Name}
		if p.Old != nil {
			f.Old = p.Old.Source
		}
		if p.New != nil {
			f.New = p.New.Source
		}
		if p.Old != nil && p.New != nil {
			res, err := diff.Compare(p.Old.Doc, p.New.Doc)
			if err != nil {
				return nil, nil, fmt.Errorf("%s: %w", p.Name, err)
			}
			f.Result = res
		}
		rep.Files = append(rep.Files, f)
	}
	return rep, pairs, nil
}
