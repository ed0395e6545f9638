package kind

import (
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/view"
)

// Abruf is the FIT-Store call-off form, one per re-using Land that can
// call off (a Land, not a Kommune: Leitfaden §2.3.4): for form fit-store,
// where the call-offs replace the agreement, and for a star project that
// names a FIT-Store offer (vertrag.fit_store), as the alternative route
// for each re-using Land.
func Abruf() Kind {
	const form = "abruf/fit-store.md.tmpl"
	return Kind{
		Name:      "abruf",
		Title:     "FIT-Store-Abruf",
		Akkusativ: "einen FIT-Store-Abruf",
		Aliases:   []string{"Abruf aus dem FIT-Store"},
		Templates: []string{form},
		Docs: func(pr *data.Projekt) []Doc {
			if pr.Vertrag.Form != "fit-store" && (pr.Vertrag.Form != "stern" || pr.Vertrag.FITStore == nil) {
				return nil
			}
			var out []Doc
			for _, land := range reusers(pr, true) {
				out = append(out, Doc{Template: form, File: "fit-store-abruf-" + land, Party: land})
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
