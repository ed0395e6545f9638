package kind

import (
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/model"
)

// Steckbrief is the Projektsteckbrief, the one-page fact sheet shown as a
// slide in status presentations (Leitfaden §4); every project has one, on
// a 16:9 landscape page.
func Steckbrief() Kind {
	file := FileName{Stem: "projektsteckbrief"}
	const tmpl = "steckbrief/steckbrief.md.tmpl"
	return Kind{
		Name:      "steckbrief",
		Title:     "Projektsteckbrief",
		Akkusativ: "einen Projektsteckbrief",
		Templates: []string{tmpl},
		Files:     []FileName{file},
		Page:      model.PageSlide,
		Landscape: true,
		Docs: func(*data.Projekt) []Doc {
			return []Doc{{Template: tmpl, File: file.For("")}}
		},
		View:  allParties,
		Check: fixed(check.KindSteckbrief),
	}
}
