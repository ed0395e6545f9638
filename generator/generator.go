// Package generator is the facade that wires vereinbar's stages: it reads
// and validates project files (package data) against the reference data
// (package refdata) and computes the exact cost split (package costs).
// The CLI in cmd/vereinbar talks only to this package, cobra and viper.
package generator

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"sync"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/format"
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
	// TemplatesDir overrides built-in templates file by file ("" = none).
	TemplatesDir string
	// MaxTemplateOutput bounds the markup of one document in bytes and
	// every string a template helper makes (0 = tmpl.DefaultMaxOutput).
	MaxTemplateOutput int64
}

// Generator holds what all projects of a run share: reference data and
// templates. It is safe for concurrent use.
type Generator struct {
	ks        *refdata.KSRegistry
	templates *tmpl.Set
	docx      *docx.Renderer
	pdf       func() (*pdf.Renderer, error) // parses the fonts once, on first use
}

// New loads and validates the reference data and the templates.
func New(opts Options) (*Generator, error) {
	ks, err := refdata.LoadKS(opts.KSDir)
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
	return &Generator{ks: ks, templates: set, docx: docx.NewRenderer(), pdf: sync.OnceValues(pdf.NewRenderer)}, nil
}

// Templates lists every template with the layer it comes from.
func (g *Generator) Templates() []tmpl.Entry { return g.templates.Entries() }

// KS returns the Königsteiner Schlüssel tables in use.
func (g *Generator) KS() *refdata.KSRegistry { return g.ks }

// Project is a validated project file.
type Project struct {
	Path string
	File *data.File
}

// Data returns the decoded project.
func (p *Project) Data() *data.Projekt { return &p.File.Projekt }

// LoadProject reads, decodes and validates a project file. On any mistake
// it returns data.Errors with every mistake of the file in file order.
func (g *Generator) LoadProject(path string) (*Project, error) {
	src, err := readCapped(path, data.DefaultMaxBytes)
	if err != nil {
		return nil, err
	}
	return g.ParseProject(path, src)
}

// ParseProject decodes and validates project source; name is used in
// messages.
func (g *Generator) ParseProject(name string, src []byte) (*Project, error) {
	f, err := data.Decode(name, src, data.Reference{KSJahre: g.ks.Years()})
	if err != nil {
		return nil, err
	}
	return &Project{Path: name, File: f}, nil
}

// readCapped reads a file but refuses one larger than max bytes before
// reading it whole.
func readCapped(path string, max int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	if st, err := fh.Stat(); err == nil && st.Size() > max {
		return nil, fmt.Errorf("%s: %w: %s, höchstens %s erlaubt", path, data.ErrTooLarge, mib(st.Size()), mib(max))
	}
	src, err := io.ReadAll(io.LimitReader(fh, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(src)) > max {
		return nil, fmt.Errorf("%s: %w: mehr als %s", path, data.ErrTooLarge, mib(max))
	}
	return src, nil
}

// ErrCosts wraps failures of the cost engine on a validated project; they
// indicate a gap between validation and engine and are reported, never
// papered over.
var ErrCosts = errors.New("Kostenverteilung nicht berechenbar")

// Costs computes the exact cost split of a validated project.
func (g *Generator) Costs(p *Project) (*costs.Result, error) {
	in, err := g.costInput(p.Data())
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", p.Path, ErrCosts, err)
	}
	res, err := costs.Compute(in)
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %v", p.Path, ErrCosts, err)
	}
	return res, nil
}

// costInput maps the project onto the engine's input.
func (g *Generator) costInput(pr *data.Projekt) (costs.Input, error) {
	var in costs.Input
	for _, pt := range pr.Parteien {
		bears := pt.Rolle == "nachnutzend" || pr.Verteilung.UmsetzendesLandTraegtAnteil
		in.Parties = append(in.Parties, costs.Party{Code: string(pt.Land), Bears: bears})
		if pt.Rolle == "nachnutzend" {
			in.Reusers = append(in.Reusers, string(pt.Land))
		}
	}
	for i, k := range pr.Verteilung.Schluessel {
		part := costs.KeyPart{Kind: costs.KeyKind(k.Art), Weight: k.Gewicht.Hundertstel, Values: map[string]int64{}}
		switch k.Art {
		case "koenigstein":
			t, ok := g.ks.Table(k.Jahr)
			if !ok {
				return in, fmt.Errorf("verteilung.schluessel[%d]: keine KS-Tabelle %d", i, k.Jahr)
			}
			for _, p := range in.Parties {
				if p.Bears {
					part.Values[p.Code] = t.Werte[p.Code]
				}
			}
			part.Label = "Königsteiner Schlüssel " + strconv.Itoa(k.Jahr)
		case "paritaet":
		case "fest":
			for _, w := range werte(k) {
				v, err := format.ParseE5(w.Literal)
				if err != nil {
					return in, err
				}
				part.Values[w.Land] = v
			}
		default:
			for _, w := range werte(k) {
				v, err := strconv.ParseInt(w.Literal, 10, 64)
				if err != nil {
					return in, err
				}
				part.Values[w.Land] = v
			}
		}
		in.Key = append(in.Key, part)
	}
	for _, pos := range pr.Kosten.Positionen {
		cp := costs.Position{ID: pos.ID, Category: pos.Art, Label: pos.Bezeichnung, AmountCents: pos.Betrag.Cent, Year: pos.Jahr}
		if pos.Turnus == "jaehrlich" {
			cp.Years = pos.Jahre
		}
		switch {
		case pos.FinanziertDurch != "":
			cp.Bearer = costs.Bearer{Kind: costs.External}
		case pos.Traegt == data.TraegtJeNachnutzendesLand:
			cp.Bearer = costs.Bearer{Kind: costs.EachReuser}
		case pos.Traegt == "" || pos.Traegt == data.TraegtSchluessel:
			cp.Bearer = costs.Bearer{Kind: costs.ByKey}
		default:
			cp.Bearer = costs.Bearer{Kind: costs.Single, Party: string(pos.Traegt)}
		}
		in.Positions = append(in.Positions, cp)
	}
	return in, nil
}

func werte(k data.Schluesselteil) []data.Wert {
	if k.Werte == nil {
		return nil
	}
	return k.Werte.Eintraege
}

// mib renders a byte count in MiB with one decimal, German style.
func mib(n int64) string {
	tenths := n * 10 / (1 << 20)
	return fmt.Sprintf("%d,%d MiB", tenths/10, tenths%10)
}
