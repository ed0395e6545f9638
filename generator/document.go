package generator

import (
	"fmt"
	"strings"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/markup"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

// Kind is a document kind that vereinbar generates.
type Kind struct {
	Name     string // "vereinbarung"
	Template string // template path
	File     string // output base name without extension
}

// Kinds returns the document kinds for a project's contract form.
func Kinds(form string) []Kind {
	switch form {
	case "ring":
		return []Kind{{Name: "vereinbarung", Template: "vereinbarung/ring.md.tmpl", File: "vereinbarung"}}
	}
	return nil // star and FIT-Store documents follow (issue 4)
}

// Document builds the document model of one kind for a validated project.
func (g *Generator) Document(p *Project, r *costs.Result, k Kind) (*model.Document, error) {
	v := g.newView(p, r)
	src, err := g.templates.Execute(k.Template, v)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.Path, err)
	}
	blocks, err := markup.Convert(src, k.Template)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.Path, err)
	}
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
	return &model.Document{
		Meta: model.Meta{
			Kind:       k.Name,
			Title:      "Verwaltungsvereinbarung: " + pr.Vorhaben.Titel,
			ShortTitle: shortTitle(pr.Leistung.OnlineDienst, pr.Vorhaben.Version),
			Subject:    pr.Leistung.OnlineDienst,
			Author:     impl.Name,
			Keywords:   keywords,
			Date:       pr.Vorhaben.Stand.Time(),
			Language:   "de-DE",
		},
		Blocks: blocks,
	}, nil
}

func shortTitle(service, version string) string {
	s := "Verwaltungsvereinbarung „" + service + "“"
	if version != "" {
		s += " · Entwurf " + version
	}
	return strings.TrimSpace(s)
}
