package generator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/vereinbar/vereinbar/generator/atomicfile"
	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/kind"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/docx"
	"github.com/vereinbar/vereinbar/generator/render/html"
	"github.com/vereinbar/vereinbar/generator/render/markdown"
	"github.com/vereinbar/vereinbar/generator/render/pdf"
)

// Formats are the output formats, in the order files are written: the
// renderings of the document model, then the data outputs (kind.Sheet,
// kind.DataFormats). A document is written in those of the formats asked
// for that it has (kind.Doc.Formats): a Zahlungsplan only as xlsx, an
// agreement never as xlsx.
var Formats = []string{"docx", "pdf", "md", "html", "xlsx"}

// DefaultFormats are the formats written when none are asked for, the
// default of the setting formate (generator/config). HTML is opt-in
// (--formats html): the page is for the browser preview and for reading,
// the documents of record are DOCX and PDF with the Markdown twin. XLSX is
// in: the kinds that are spreadsheets (the Zahlungsplan) are written by
// default, and --formats docx,pdf,md leaves them out.
var DefaultFormats = []string{"docx", "pdf", "md", "xlsx"}

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

// Written is one generated file.
type Written struct {
	Project string // input file
	Path    string // output file
}

// Output is one rendered file, held in memory until it is written.
type Output struct {
	Doc    Doc
	Format string // one of Formats
	Name   string // path relative to the output directory, slash-separated: "<kurztitel>/<file>.<format>"
	Data   []byte
}

// RenderDoc builds document k of a validated project and renders it in
// each of the formats it has (k.Formats), in that order, into memory: the
// document model in the document formats, the kind's sheet in its format.
// Errors name the project file.
func (g *Generator) RenderDoc(ctx context.Context, p *Project, res *costs.Result, k Doc, formats []string) ([]Output, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	formats = k.Formats(formats)
	var d *model.Document
	outs := make([]Output, 0, len(formats))
	for _, f := range formats {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		var b []byte
		var err error
		switch {
		case k.Sheet != nil && f == k.Sheet.Format:
			var buf bytes.Buffer
			err = k.Sheet.Write(&buf, kind.SheetInput{Projekt: p.Data(), Costs: res, Doc: k, Projektplan: g.plan})
			b = buf.Bytes()
		default:
			if d == nil {
				if d, err = g.Document(ctx, p, res, k); err != nil {
					return nil, err
				}
			}
			b, err = g.render(d, f)
		}
		if err != nil {
			return nil, renderError(p, k.File+"."+f, err)
		}
		name := p.Data().Vorhaben.Kurztitel + "/" + k.File + "." + f
		outs = append(outs, Output{Doc: k, Format: f, Name: name, Data: b})
	}
	return outs, nil
}

// GenerateProject writes the documents of one project (all kinds, or those
// named in kinds) in the formats into outDir/<kurztitel>/. Every file is
// written to a temporary file and renamed, so a failure never leaves a
// half-written document; documents are rendered completely in memory
// before the first file is written. Package batch runs many projects in
// parallel on top of ReadProject and RenderDoc.
func (g *Generator) GenerateProject(ctx context.Context, path, outDir string, formats, kinds []string) ([]Written, error) {
	p, err := g.LoadProject(path)
	if err != nil {
		return nil, err
	}
	res, err := g.Costs(p)
	if err != nil {
		return nil, err
	}
	var outs []Output
	for _, k := range SelectDocs(g.AllDocs(p), kinds) {
		o, err := g.RenderDoc(ctx, p, res, k, formats)
		if err != nil {
			return nil, err
		}
		outs = append(outs, o...)
	}
	var written []Written
	for _, o := range outs {
		if err := ctx.Err(); err != nil {
			return written, err
		}
		path := filepath.Join(outDir, filepath.FromSlash(o.Name))
		if err := atomicfile.WriteFile(path, o.Data, 0o644); err != nil {
			return written, err
		}
		written = append(written, Written{Project: p.Path, Path: path})
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
	case "html":
		err = html.Render(&b, d, html.Options{})
	default:
		err = fmt.Errorf("%w „%s“", ErrFormat, format)
	}
	return b.Bytes(), err
}
