package kind

import (
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/data"
)

// Kuendigung is a party's notice of a ring agreement
// (parteien[].austritt_zum): addressed to all other parties, citing the
// clause „Laufzeit und Kündigung“ with its period, the exit date, what
// the leaving party still owes, and the recalculated shares and amounts
// of the remaining parties from the day after. One per leaving party
// ("kuendigung-ST"), signed by it.
func Kuendigung() Kind {
	const tmpl = "kuendigung/kuendigung.md.tmpl"
	file := FileName{Stem: "kuendigung", PerParty: true}
	return Kind{
		Name:      "kuendigung",
		Title:     "Kündigung",
		Akkusativ: "eine Kündigung",
		Templates: []string{tmpl},
		Files:     []FileName{file},
		Docs:      wechselDocs(tmpl, file, data.Partei.Ausscheidend),
		View:      wechselView,
		Check:     fixed(check.KindKuendigung),
	}
}
