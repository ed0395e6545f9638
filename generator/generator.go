// Package generator is the facade that wires vereinbar's stages: it reads
// and validates project files (package data) against the reference data
// (package refdata), computes the exact cost split (package costs), builds
// the documents of every kind in the registry (package kind) through the
// templates (tmpl) and the markup into the document model, renders them
// (render/docx, render/pdf, render/markdown), checks (check) and compares
// (diff) them. The CLI in cmd/vereinbar talks only to this package, cobra
// and viper.
package generator

import (
	"fmt"
	"io/fs"
	"sync"

	"github.com/vereinbar/vereinbar/generator/kind"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/render/docx"
	"github.com/vereinbar/vereinbar/generator/render/pdf"
	"github.com/vereinbar/vereinbar/generator/tmpl"
	"github.com/vereinbar/vereinbar/templates"
)

// Version is vereinbar's version.
const Version = "0.1.0-dev"

// Options configure a Generator.
type Options struct {
	// KSDir is a directory with additional Königsteiner Schlüssel tables
	// ("" = built-in tables only).
	KSDir string
	// PlanFile is a file with the tasks of the Musterprojektplan that
	// replaces the built-in ones ("" = built-in; refdata.LoadProjektplan).
	PlanFile string
	// TemplatesDir overrides built-in templates file by file ("" = none).
	TemplatesDir string
	// Kinds are the document kinds, in output order (nil = the built-in
	// kinds, kind.Builtins). A kind's templates must exist in the
	// built-in templates or in TemplatesDir.
	Kinds []kind.Kind
	// MaxTemplateOutput bounds the markup of one document in bytes and
	// every string a template helper makes (0 = tmpl.DefaultMaxOutput).
	MaxTemplateOutput int64
}

// Generator holds what all projects of a run share: reference data and
// templates. It is safe for concurrent use.
type Generator struct {
	ks        *refdata.KSRegistry
	plan      *refdata.Projektplan
	templates *tmpl.Set
	kinds     *kind.Registry
	docx      *docx.Renderer
	pdf       func() (*pdf.Renderer, error) // parses the fonts once, on first use
}

// New loads and validates the reference data and the templates.
func New(opts Options) (*Generator, error) {
	ks, err := refdata.LoadKS(opts.KSDir)
	if err != nil {
		return nil, err
	}
	plan, err := refdata.LoadProjektplan(opts.PlanFile)
	if err != nil {
		return nil, err
	}
	builtin, err := fs.Sub(templates.FS, ".")
	if err != nil {
		return nil, err
	}
	layers := []tmpl.Layer{{Name: "eingebaut", FS: builtin}}
	if opts.TemplatesDir != "" {
		l, err := tmpl.DirLayer(opts.TemplatesDir)
		if err != nil {
			return nil, err
		}
		layers = append(layers, l)
	}
	set, err := tmpl.LoadLimited(tmpl.Limits{MaxOutput: opts.MaxTemplateOutput}, layers...)
	if err != nil {
		return nil, err
	}
	decl := opts.Kinds
	if decl == nil {
		decl = kind.Builtins()
	}
	kinds, err := kind.New(decl...)
	if err != nil {
		return nil, err
	}
	for _, k := range kinds.Kinds() {
		for _, t := range k.Templates {
			if !set.Has(t) {
				return nil, fmt.Errorf("%w: Vorlage %s der Dokumentart „%s“ fehlt", kind.ErrDeclaration, t, k.Name)
			}
		}
	}
	return &Generator{ks: ks, plan: plan, templates: set, kinds: kinds, docx: docx.NewRenderer(), pdf: sync.OnceValues(pdf.NewRenderer)}, nil
}

// Templates lists every template with the layer it comes from.
func (g *Generator) Templates() []tmpl.Entry { return g.templates.Entries() }

// Projektplan returns the tasks of the Musterprojektplan in use.
func (g *Generator) Projektplan() *refdata.Projektplan { return g.plan }

// KS returns the Königsteiner Schlüssel tables in use.
func (g *Generator) KS() *refdata.KSRegistry { return g.ks }

// Kinds returns the registry of document kinds in use.
func (g *Generator) Kinds() *kind.Registry { return g.kinds }
