package kind

import (
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/data"
)

// Beitrittsmitteilung is the implementing Land's letter to the other
// parties of a ring agreement about a Land's declaration of accession
// (parteien[].beitritt_ab): it asks for their written consent, which the
// clause „Beitritt weiterer Länder“ requires, and states the effective
// date and the recalculated shares and amounts. One per joining Land
// ("beitrittsmitteilung-BB"): a letter is a document of its own in the
// files of the ministries, beside the declaration it encloses.
func Beitrittsmitteilung() Kind {
	const tmpl = "beitrittsmitteilung/beitrittsmitteilung.md.tmpl"
	file := FileName{Stem: "beitrittsmitteilung", PerParty: true}
	return Kind{
		Name:      "beitrittsmitteilung",
		Title:     "Mitteilung über den Beitritt",
		Akkusativ: "eine Mitteilung über den Beitritt",
		Templates: []string{tmpl},
		Files:     []FileName{file},
		Docs:      wechselDocs(tmpl, file, data.Partei.Beitretend),
		View:      wechselView,
		Check:     fixed(check.KindBeitrittsmitteilung),
	}
}
