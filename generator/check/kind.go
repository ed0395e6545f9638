package check

import (
	"regexp"
	"strings"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

// Titles returns the titles a document read from a file names itself
// by — the title of its properties and its first title paragraph — with
// white space folded as the rules compare text. The kind registry
// recognises a document's kind by their beginning.
func Titles(d *model.Document) []string {
	titles := []string{normText(d.Meta.Title)}
	for _, b := range d.Blocks {
		if p, ok := b.(*model.Paragraph); ok && p.Style == model.StyleTitle {
			titles = append(titles, normText(model.PlainText(p.Inlines)))
			break
		}
	}
	return titles
}

// AgreementForm tells whether an agreement read from a file is in ring or
// star form, from its structure: an accession clause or more than two
// parties make a ring, a running header naming one Land or „beide
// Vertragsparteien“ a star; otherwise it is taken as a ring, the rule for
// EfA. reason explains the decision.
func AgreementForm(d *model.Document) (k Kind, reason string) {
	s := newSubject(Input{Doc: d})
	switch {
	case s.find(clBeitritt) != nil:
		return KindRing, "Beitrittsklausel"
	case len(s.head) > 2:
		return KindRing, "mehr als zwei Vertragsparteien"
	case starHeader(d.Meta.ShortTitle):
		return KindStern, "Kopfzeile nennt das nachnutzende Land"
	case bothParties.MatchString(blockText(&model.Section{Blocks: d.Blocks})):
		return KindStern, "„beide Vertragsparteien“"
	}
	return KindRing, "keine Merkmale der Sternstruktur"
}

var bothParties = regexp.MustCompile(`beider? Vertragsparteien`)

// starHeader reports whether a running header names a Land after a dash,
// as the generator writes it for per-party documents.
func starHeader(h string) bool {
	_, after, ok := strings.Cut(normText(h), " – ")
	if !ok {
		return false
	}
	for _, p := range refdata.Parties() {
		if strings.HasPrefix(after, p.Kurzname) {
			return true
		}
	}
	return false
}
