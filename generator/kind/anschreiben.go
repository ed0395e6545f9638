package kind

import (
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/view"
)

// Anschreiben is the cover letter of the signing round (Umlaufverfahren):
// with it the party that signed last sends the agreement to the next
// party in the circulation order of the clause „Ausfertigungen und
// Inkrafttreten“ and says what to do. A project gets one letter per
// agreement whose round has started — the implementing Land, which signs
// first, has signed (parteien[].unterschrift) — and is not complete,
// addressed to the first party that has not signed ("anschreiben-HH").
// The letter sets no deadline of its own: the agreement asks every party
// to forward it without delay, and the letter names the stated day of
// entry into force, if any, by which all must have signed.
func Anschreiben() Kind {
	const tmpl = "anschreiben/anschreiben.md.tmpl"
	file := FileName{Stem: "anschreiben", PerParty: true}
	return Kind{
		Name:      "anschreiben",
		Title:     "Anschreiben",
		Akkusativ: "ein Anschreiben",
		Templates: []string{tmpl},
		Files:     []FileName{file},
		Docs: func(pr *data.Projekt) []Doc {
			var out []Doc
			for _, a := range Vereinbarung().Docs(pr) {
				u := pr.Umlauf(a.Party)
				if u.Next < 0 || len(u.Parteien) == 0 || pr.Parteien[u.Parteien[0]].Unterschrift == nil {
					continue // complete, or not started by the implementing Land
				}
				out = append(out, Doc{Template: tmpl, File: file.For(string(pr.Parteien[u.Next].Land)), Party: string(pr.Parteien[u.Next].Land)})
			}
			return out
		},
		View:  letter,
		Check: fixed(check.KindAnschreiben),
	}
}

// Brief is what the template of a cover letter sees: the parties of the
// agreement (Partner set in star form), the addressee, the sender — the
// party that signed just before it — those that have signed, and where
// the agreement goes after the addressee has signed.
type Brief struct {
	Parties
	// Empfaenger is the party the letter goes to, the next to sign.
	Empfaenger view.Partei
	// Absender is the party before it in the circulation order.
	Absender view.Partei
	// Unterzeichnet are the parties that have signed, in signing order.
	Unterzeichnet []view.Partei
	// Danach is the next party without a signature after the addressee;
	// nil when the addressee signs last and the agreement goes back to
	// the implementing Land.
	Danach *view.Partei
}

// letter builds the view of a cover letter: the circulation order is the
// implementing Land first, then the other parties of the agreement in
// the order of the documents, as data.Projekt.Umlauf has it.
func letter(v view.View, d Doc) (any, error) {
	to, err := partner(v, d)
	if err != nil {
		return nil, err
	}
	p := Parties{View: v, Vertragsparteien: v.Parteien}
	order := append([]view.Partei{v.Umsetzend}, v.Nachnutzende...)
	if v.Form == "stern" {
		p.Vertragsparteien, p.Partner = bilateral(v, to.Code), to
		order = []view.Partei{v.Umsetzend, *to}
	}
	b := Brief{Parties: p, Empfaenger: *to}
	seen := false
	for i, q := range order {
		switch {
		case q.Code == to.Code:
			seen = true
			if i > 0 {
				b.Absender = order[i-1]
			}
		case seen && q.Unterschrift == nil && b.Danach == nil:
			q := q
			b.Danach = &q
		}
		if q.Unterschrift != nil {
			b.Unterzeichnet = append(b.Unterzeichnet, q)
		}
	}
	return b, nil
}
