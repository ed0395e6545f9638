package generator

import (
	"context"
	"fmt"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/kind"
	"github.com/vereinbar/vereinbar/generator/markup"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/view"
)

// KindNames are the names of the built-in document kinds in output order,
// as --kinds takes them.
func KindNames() []string {
	var out []string
	for _, k := range kind.Builtins() {
		out = append(out, k.Name)
	}
	return out
}

// Doc is one document of a project, an instance of a kind (see package
// kind).
type Doc = kind.Doc

// SelectDocs keeps the documents whose kind is named in names (all when
// names is empty).
func SelectDocs(docs []Doc, names []string) []Doc { return kind.Select(docs, names) }

// ParseKinds checks a comma-separated list of kind names against the
// kinds in use; "" means all.
func (g *Generator) ParseKinds(s string) ([]string, error) { return g.kinds.ParseNames(s) }

// CheckKindFormats refuses kinds named explicitly (--kinds) none of whose
// files is in one of formats: „--kinds zahlungsplan --formats pdf“ would
// write nothing (kind.ErrNoFormat).
func (g *Generator) CheckKindFormats(kinds, formats []string) error {
	return g.kinds.CheckFormats(kinds, formats, Formats)
}

// Docs returns every document of a validated project that has a document
// model, kind by kind: the documents Document builds and check, diff and
// the signing status work on. AllDocs adds the data outputs.
func (g *Generator) Docs(p *Project) []Doc { return kind.Models(g.kinds.Docs(p.Data())) }

// AllDocs returns every document of a validated project, kind by kind,
// with the data outputs (kind.Sheet) such as the Zahlungsplan: what
// generate writes (RenderDoc).
func (g *Generator) AllDocs(p *Project) []Doc { return g.kinds.Docs(p.Data()) }

// Document builds the document model of one document of a validated
// project: the kind's view, its template, the markup.
// Cancelling ctx stops a running template.
func (g *Generator) Document(ctx context.Context, p *Project, r *costs.Result, d Doc) (*model.Document, error) {
	pr := p.Data()
	vw := view.Build(pr, r, g.ks)
	plan := view.BuildPlan(pr, g.plan)
	vw.Plan = &plan
	v, err := d.View(vw, d)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.Path, err)
	}
	src, err := g.templates.Execute(ctx, d.Template, v)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.Path, err)
	}
	blocks, err := markup.Convert(src, d.Template)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.Path, err)
	}
	return &model.Document{Meta: meta(p, d), Blocks: blocks}, nil
}

// meta gives a document its properties: title, running header, subject,
// author (the implementing Land), keywords, date and page.
func meta(p *Project, d Doc) model.Meta {
	pr := p.Data()
	var impl refdata.Party
	for _, pt := range pr.Parteien {
		if pt.Rolle == "umsetzend" {
			impl, _ = refdata.PartyByCode(string(pt.Land))
		}
	}
	var keywords []string
	for _, o := range pr.Leistung.OZG {
		keywords = append(keywords, "OZG-ID "+string(o.ID))
	}
	for _, l := range pr.Leistung.LeiKa {
		keywords = append(keywords, "LeiKa "+string(l))
	}
	keywords = append(keywords, string(pr.Leistung.Themenfeld))
	short := d.Title + " „" + pr.Leistung.OnlineDienst + "“"
	if d.Party != "" {
		ref, _ := refdata.PartyByCode(d.Party)
		short += " – " + ref.Kurzname
	}
	if pr.Vorhaben.Version != "" {
		short += " · Stand " + pr.Vorhaben.Stand.Time().Format("02.01.2006") + ", Version " + pr.Vorhaben.Version
	}
	return model.Meta{
		Kind:       d.Name,
		Title:      d.Title + ": " + pr.Vorhaben.Titel,
		ShortTitle: short,
		Subject:    pr.Leistung.OnlineDienst,
		Author:     impl.Name,
		Keywords:   keywords,
		Date:       pr.Vorhaben.Stand.Time(),
		Language:   "de-DE",
		Page:       d.Page,
		Landscape:  d.Landscape,
		Draft:      pr.Vorhaben.Entwurf(),
	}
}
