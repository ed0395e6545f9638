package kind

import (
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/view"
)

// Vereinbarung is the Verwaltungsvereinbarung, modelled on the Blaupause
// Verwaltungsabkommen (Leitfaden §2.3.4): in ring form one multilateral
// agreement of all parties; in star form one bilateral agreement between
// the implementing Land and each re-using Land.
func Vereinbarung() Kind {
	const ring, stern = "vereinbarung/ring.md.tmpl", "vereinbarung/stern.md.tmpl"
	whole, perLand := FileName{Stem: "vereinbarung"}, FileName{Stem: "vereinbarung", PerParty: true}
	return Kind{
		Name:      "vereinbarung",
		Title:     "Verwaltungsvereinbarung",
		Akkusativ: "eine Verwaltungsvereinbarung",
		Aliases:   []string{"Verwaltungsabkommen"},
		Templates: []string{ring, stern},
		Files:     []FileName{whole, perLand},
		Docs: func(pr *data.Projekt) []Doc {
			switch pr.Vertrag.Form {
			case "ring":
				return []Doc{{Template: ring, File: whole.For("")}}
			case "stern":
				// in the order the documents name the parties (view.Order);
				// a Land that calls off from the FIT-Store (parteien[].weg)
				// owes its share there and gets no agreement
				var out []Doc
				for _, i := range view.Order(pr) {
					pt := pr.Parteien[i]
					if pt.Rolle == "nachnutzend" && !pr.CallsOff(pt) {
						out = append(out, Doc{Template: stern, File: perLand.For(string(pt.Land)), Party: string(pt.Land)})
					}
				}
				return out
			}
			return nil
		},
		View: func(v view.View, d Doc) (any, error) {
			if d.Party == "" {
				return allParties(v, d)
			}
			p, err := partner(v, d)
			if err != nil {
				return nil, err
			}
			return Parties{View: v, Vertragsparteien: bilateral(v, p.Code), Partner: p}, nil
		},
		Check: func(pr *data.Projekt, d *model.Document) (check.Kind, string) {
			switch {
			case pr == nil:
				return check.AgreementForm(d)
			case pr.Vertrag.Form == "stern":
				return check.KindStern, "Projektdaten"
			}
			return check.KindRing, "Projektdaten"
		},
	}
}
