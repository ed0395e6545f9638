package kind

import (
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/view"
)

// Abruf is the FIT-Store call-off form, one per re-using Land that takes
// the service through the FIT-Store (data.Projekt.CallsOff): every Land of
// form fit-store, and in a star project with an offer those that chose
// weg: fit_store — for them the call-off replaces the bilateral
// agreement, so no Land owes the same cost twice. A Kommune cannot call
// off (Leitfaden §2.3.4).
func Abruf() Kind {
	const form = "abruf/fit-store.md.tmpl"
	file := FileName{Stem: "fit-store-abruf", PerParty: true}
	return Kind{
		Name:      "abruf",
		Title:     "FIT-Store-Abruf",
		Akkusativ: "einen FIT-Store-Abruf",
		Aliases:   []string{"Abruf aus dem FIT-Store"},
		Templates: []string{form},
		Files:     []FileName{file},
		Docs: func(pr *data.Projekt) []Doc {
			var out []Doc
			for _, i := range view.Order(pr) { // in the order of the documents
				pt := pr.Parteien[i]
				if pr.CallsOff(pt) {
					out = append(out, Doc{Template: form, File: file.For(string(pt.Land)), Party: string(pt.Land)})
				}
			}
			return out
		},
		View: func(v view.View, d Doc) (any, error) {
			p, err := partner(v, d)
			if err != nil {
				return nil, err
			}
			return Parties{View: v, Vertragsparteien: []view.Partei{*p}, Partner: p}, nil
		},
		Check: fixed(check.KindAbruf),
	}
}
