package generator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/vereinbar/vereinbar/generator/atomicfile"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/docx"
	"github.com/vereinbar/vereinbar/generator/render/markdown"
	"github.com/vereinbar/vereinbar/generator/render/pdf"
)

// Formats are the output formats, in the order files are written.
var Formats = []string{"docx", "pdf", "md"}

// ErrFormat reports an unknown output format.
var ErrFormat = errors.New("unbekanntes Ausgabeformat")

// ParseFormats checks a comma-separated list of formats.
func ParseFormats(s string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !slices.Contains(Formats, f) {
			return nil, fmt.Errorf("%w „%s“ (erlaubt: %s)", ErrFormat, f, strings.Join(Formats, ", "))
		}
		if !slices.Contains(out, f) {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%w: keines angegeben (erlaubt: %s)", ErrFormat, strings.Join(Formats, ", "))
	}
	return out, nil
}

// ProjectFiles expands paths: a file is taken as it is, a directory
// contributes its *.yaml and *.yml files (not those of subdirectories, so
// fixtures/invalid is not picked up by fixtures/). The result is sorted
// and free of duplicates.
func ProjectFiles(paths []string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		var files []string
		if st.IsDir() {
			entries, err := os.ReadDir(p)
			if err != nil {
				return nil, err
			}
			for _, e := range entries {
				ext := strings.ToLower(filepath.Ext(e.Name()))
				if !e.IsDir() && (ext == ".yaml" || ext == ".yml") {
					files = append(files, filepath.Join(p, e.Name()))
				}
			}
		} else {
			files = []string{p}
		}
		for _, f := range files {
			if !seen[f] {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	sort.Strings(out)
	return out, nil
}

// Written is one generated file.
type Written struct {
	Project string // input file
	Path    string // output file
}

// GenerateProject writes every document of one project in the formats
// into outDir/<kurztitel>/. Every file is written to a temporary file and
// renamed, so a failure never leaves a half-written document; documents
// are rendered completely in memory before the first file is written.
func (g *Generator) GenerateProject(ctx context.Context, path, outDir string, formats []string) ([]Written, error) {
	p, err := g.LoadProject(path)
	if err != nil {
		return nil, err
	}
	res, err := g.Costs(p)
	if err != nil {
		return nil, err
	}
	type file struct {
		path string
		data []byte
	}
	var files []file
	dir := filepath.Join(outDir, p.Data().Vorhaben.Kurztitel)
	for _, k := range Kinds(p.Data().Vertrag.Form) {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		d, err := g.Document(p, res, k)
		if err != nil {
			return nil, err
		}
		for _, f := range formats {
			b, err := g.render(d, f)
			if err != nil {
				return nil, fmt.Errorf("%s: %s.%s: %w", path, k.File, f, err)
			}
			files = append(files, file{filepath.Join(dir, k.File+"."+f), b})
		}
	}
	var written []Written
	for _, f := range files {
		if err := ctx.Err(); err != nil {
			return written, err
		}
		if err := atomicfile.WriteFile(f.path, f.data, 0o644); err != nil {
			return written, err
		}
		written = append(written, Written{Project: path, Path: f.path})
	}
	return written, nil
}

// render renders a document in one format into memory.
func (g *Generator) render(d *model.Document, format string) ([]byte, error) {
	var b bytes.Buffer
	var err error
	switch format {
	case "docx":
		err = g.docx.Render(&b, d, docx.Options{})
	case "pdf":
		var r *pdf.Renderer
		if r, err = g.pdf(); err == nil {
			err = r.Render(&b, d, pdf.Options{})
		}
	case "md":
		err = markdown.Render(&b, d)
	default:
		err = fmt.Errorf("%w „%s“", ErrFormat, format)
	}
	return b.Bytes(), err
}
