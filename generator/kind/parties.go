package kind

import (
	"fmt"

	"github.com/vereinbar/vereinbar/generator/view"
)

// Parties is the view of the document kinds that name their own parties:
// the shared project view, the parties of this document and, in a
// per-party document, the re-using Land it is for.
type Parties struct {
	view.View
	// Vertragsparteien are the parties of this document, in the order
	// of the documents (view.Order): every party of a ring agreement; the
	// implementing Land and Partner in a star agreement; Partner alone in
	// a FIT-Store call-off form; every party of the project in the
	// project documents.
	Vertragsparteien []view.Partei
	// Partner is the re-using Land of a per-party document; nil otherwise.
	Partner *view.Partei
}

// allParties is the view of a document of the whole project: every party
// is a party of it.
func allParties(v view.View, _ Doc) (any, error) {
	return Parties{View: v, Vertragsparteien: v.Parteien}, nil
}

// partner finds the re-using Land a per-party document is for.
func partner(v view.View, d Doc) (*view.Partei, error) {
	for i := range v.Parteien {
		if v.Parteien[i].Code == d.Party {
			p := v.Parteien[i]
			return &p, nil
		}
	}
	return nil, fmt.Errorf("%s ist keine Vertragspartei", d.Party)
}

// bilateral returns the two parties of a star agreement, the
// implementing Land and the partner, in the order of the documents
// (view.Order).
func bilateral(v view.View, partner string) []view.Partei {
	out := make([]view.Partei, 0, 2)
	for _, p := range v.Parteien {
		if p.Umsetzend || p.Code == partner {
			out = append(out, p)
		}
	}
	return out
}
