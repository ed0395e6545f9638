package generator

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/markup"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

// Document kind names, as --kinds takes them.
const (
	KindVereinbarung = "vereinbarung"
	KindAbruf        = "abruf"
	KindBeschreibung = "beschreibung"
	KindSteckbrief   = "steckbrief"
)

// KindNames are all kind names in output order.
var KindNames = []string{KindVereinbarung, KindAbruf, KindBeschreibung, KindSteckbrief}

// Kind is one document to generate for a project.
type Kind struct {
	Name     string // one of KindNames
	Template string // template path
	File     string // output base name without extension, e.g. "vereinbarung-SN"
	Party    string // the re-using Land of a per-party document (star agreement, call-off form)
}

// Kinds returns every document of a project: the agreement (ring: one;
// star: one per re-using Land), the FIT-Store call-off form per re-using
// Land (form fit-store, or a star project with vertrag.fit_store), then
// the Projektbeschreibung and the Projektsteckbrief.
func Kinds(p *Project) []Kind {
	pr := p.Data()
	var ks []Kind
	switch pr.Vertrag.Form {
	case "ring":
		ks = append(ks, Kind{Name: KindVereinbarung, Template: "vereinbarung/ring.md.tmpl", File: "vereinbarung"})
	case "stern":
		for _, pt := range pr.Parteien {
			if pt.Rolle == "nachnutzend" {
				ks = append(ks, Kind{Name: KindVereinbarung, Template: "vereinbarung/stern.md.tmpl", File: "vereinbarung-" + string(pt.Land), Party: string(pt.Land)})
			}
		}
	}
	// Call-off forms exist when the service is offered in the FIT-Store:
	// always for form fit-store (where they replace the agreement), and for
	// a star project whose file names the offer, as the alternative route
	// for each re-using Land.
	if pr.Vertrag.Form == "fit-store" || pr.Vertrag.Form == "stern" && pr.Vertrag.FITStore != nil {
		for _, pt := range pr.Parteien {
			if pt.Rolle == "nachnutzend" && pt.Kommune == "" { // Kommunen cannot call off (Leitfaden §2.3.4)
				ks = append(ks, Kind{Name: KindAbruf, Template: "abruf/fit-store.md.tmpl", File: "fit-store-abruf-" + string(pt.Land), Party: string(pt.Land)})
			}
		}
	}
	return append(ks,
		Kind{Name: KindBeschreibung, Template: "beschreibung/projektbeschreibung.md.tmpl", File: "projektbeschreibung"},
		Kind{Name: KindSteckbrief, Template: "steckbrief/steckbrief.md.tmpl", File: "projektsteckbrief"},
	)
}

// ParseKinds checks a comma-separated list of kind names; "" means all.
func ParseKinds(s string) ([]string, error) {
	var out []string
	for _, k := range strings.Split(s, ",") {
		k = strings.TrimSpace(k)
		if k == "" {
			continue
		}
		if !slices.Contains(KindNames, k) {
			return nil, fmt.Errorf("%w „%s“ (erlaubt: %s)", ErrKind, k, strings.Join(KindNames, ", "))
		}
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out, nil
}

// ErrKind reports an unknown document kind.
var ErrKind = fmt.Errorf("unbekannte Dokumentart")

// SelectKinds keeps the kinds whose name is in names (all when names is
// empty).
func SelectKinds(ks []Kind, names []string) []Kind {
	if len(names) == 0 {
		return ks
	}
	var out []Kind
	for _, k := range ks {
		if slices.Contains(names, k.Name) {
			out = append(out, k)
		}
	}
	return out
}

// titles are the document titles by kind.
var titles = map[string]string{
	KindVereinbarung: "Verwaltungsvereinbarung",
	KindAbruf:        "FIT-Store-Abruf",
	KindBeschreibung: "Projektbeschreibung",
	KindSteckbrief:   "Projektsteckbrief",
}

// Document builds the document model of one kind for a validated project.
func (g *Generator) Document(ctx context.Context, p *Project, r *costs.Result, k Kind) (*model.Document, error) {
	v, err := g.newView(p, r, k)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.Path, err)
	}
	src, err := g.templates.Execute(ctx, k.Template, v)
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
	title := titles[k.Name]
	short := title + " „" + pr.Leistung.OnlineDienst + "“"
	if k.Party != "" {
		ref, _ := refdata.PartyByCode(k.Party)
		short += " – " + ref.Kurzname
	}
	if pr.Vorhaben.Version != "" {
		short += " · Stand " + pr.Vorhaben.Stand.Time().Format("02.01.2006") + ", Version " + pr.Vorhaben.Version
	}
	meta := model.Meta{
		Kind:       k.Name,
		Title:      title + ": " + pr.Vorhaben.Titel,
		ShortTitle: short,
		Subject:    pr.Leistung.OnlineDienst,
		Author:     impl.Name,
		Keywords:   keywords,
		Date:       pr.Vorhaben.Stand.Time(),
		Language:   "de-DE",
	}
	if k.Name == KindSteckbrief {
		meta.Page, meta.Landscape = model.PageSlide, true
	}
	return &model.Document{Meta: meta, Blocks: blocks}, nil
}
