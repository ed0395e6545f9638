package kind

import (
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/data"
)

// Beschreibung is the Projektbeschreibung, the detailed description of a
// re-use project (Leitfaden §4, Arbeitshilfen); every project has one.
func Beschreibung() Kind {
	file := FileName{Stem: "projektbeschreibung"}
	const tmpl = "beschreibung/projektbeschreibung.md.tmpl"
	return Kind{
		Name:      "beschreibung",
		Title:     "Projektbeschreibung",
		Akkusativ: "eine Projektbeschreibung",
		Templates: []string{tmpl},
		Files:     []FileName{file},
		Docs: func(*data.Projekt) []Doc {
			return []Doc{{Template: tmpl, File: file.For("")}}
		},
		View:  allParties,
		Check: fixed(check.KindBeschreibung),
	}
}
