package check

import (
	"regexp"
	"strings"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

// titlePrefixes map the start of a document's title to its kind (the
// generator titles documents "Verwaltungsvereinbarung: …" and so on; the
// first paragraph repeats the name).
var titlePrefixes = []struct {
	prefix string
	kind   string
}{
	{"Verwaltungsvereinbarung", "vereinbarung"},
	{"Verwaltungsabkommen", "vereinbarung"},
	{"FIT-Store-Abruf", "abruf"},
	{"Abruf aus dem FIT-Store", "abruf"},
	{"Projektbeschreibung", "beschreibung"},
	{"Projektsteckbrief", "steckbrief"},
}

// DetectKind tells which kind a document read from a file is. The kind
// of document comes from Meta.Kind (PDF) or the title; whether an
// agreement is a ring or a star agreement from its structure: an
// accession clause or more than two parties make a ring, a running
// header naming one Land or „beide Vertragsparteien“ a star; otherwise
// it is taken as a ring, the rule for EfA. reason explains the decision;
// ok is false when the document is none of vereinbar's kinds.
func DetectKind(d *model.Document) (k Kind, reason string, ok bool) {
	base := d.Meta.Kind
	if base == "" {
		titles := []string{d.Meta.Title}
		for _, b := range d.Blocks {
			if p, isPara := b.(*model.Paragraph); isPara && p.Style == model.StyleTitle {
				titles = append(titles, model.PlainText(p.Inlines))
				break
			}
		}
	search:
		for _, t := range titles {
			t = normText(t)
			for _, tp := range titlePrefixes {
				if strings.HasPrefix(t, tp.prefix) {
					base = tp.kind
					break search
				}
			}
		}
	}
	switch base {
	case "abruf":
		return KindAbruf, "Titel", true
	case "beschreibung":
		return KindBeschreibung, "Titel", true
	case "steckbrief":
		return KindSteckbrief, "Titel", true
	case "vereinbarung":
	default:
		return "", "", false
	}
	s := newSubject(Input{Doc: d})
	switch {
	case s.find(clBeitritt) != nil:
		return KindRing, "Beitrittsklausel", true
	case len(s.head) > 2:
		return KindRing, "mehr als zwei Vertragsparteien", true
	case starHeader(d.Meta.ShortTitle):
		return KindStern, "Kopfzeile nennt das nachnutzende Land", true
	case bothParties.MatchString(blockText(&model.Section{Blocks: d.Blocks})):
		return KindStern, "„beide Vertragsparteien“", true
	}
	return KindRing, "keine Merkmale der Sternstruktur", true
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
