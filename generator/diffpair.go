package generator

import (
	"fmt"
	"strings"

	"github.com/vereinbar/vereinbar/generator/model"
)

// DiffOptions are the choices of Diff.
type DiffOptions struct {
	// Doc names the document of the other side ("vereinbarung-SN") to
	// compare when one side is a single document (a DOCX) and the other
	// has several (a project file, a directory). Without it the single
	// document is paired by its own kind and party, see PairSingle.
	Doc string
}

// pairSides pairs the documents of two sides: a single document against
// several with PairSingle, everything else with PairDocs.
func pairSides(old, new []DiffDoc, o DiffOptions) ([]DiffPair, error) {
	switch {
	case len(old) == 1 && len(new) > 1:
		d, err := PairSingle(&old[0], new, o.Doc)
		if err != nil {
			return nil, err
		}
		return []DiffPair{{Name: d.Name, Old: &old[0], New: d}}, nil
	case len(new) == 1 && len(old) > 1:
		d, err := PairSingle(&new[0], old, o.Doc)
		if err != nil {
			return nil, err
		}
		return []DiffPair{{Name: d.Name, Old: d, New: &new[0]}}, nil
	}
	return PairDocs(old, new), nil
}

// PairSingle returns the document of many that one is a version of: the
// one named doc when doc is given; else the one of the same kind and
// party as one says it is itself (the title, "Verwaltungsvereinbarung:
// …", and the running header, "… – Sachsen · Stand …", which a generated
// DOCX carries and Word keeps); else the one of the same name. The
// comparison is then about that document alone.
func PairSingle(one *DiffDoc, many []DiffDoc, doc string) (*DiffDoc, error) {
	var names []string
	for _, d := range many {
		names = append(names, d.Name)
	}
	side := sideName(many)
	if doc != "" {
		for i := range many {
			if many[i].Name == doc {
				return &many[i], nil
			}
		}
		return nil, fmt.Errorf("--doc: %w „%s“ in %s (vorhanden: %s)", ErrNoSuchDoc, doc, side, strings.Join(names, ", "))
	}
	if kind, party := identity(one.Doc); kind != "" {
		var match []*DiffDoc
		for i := range many {
			if k, p := identity(many[i].Doc); k == kind && p == party {
				match = append(match, &many[i])
			}
		}
		if len(match) == 1 {
			return match[0], nil
		}
	}
	for i := range many {
		if many[i].Name == one.Name {
			return &many[i], nil
		}
	}
	return nil, fmt.Errorf("„%s“ %w von %s; eines mit --doc wählen (vorhanden: %s)", one.Source, ErrUnpaired, side, strings.Join(names, ", "))
}

// sideName names a side of several documents for messages: the project
// file or directory they come from ("x.yaml" of "x.yaml (vereinbarung)").
func sideName(ds []DiffDoc) string {
	if len(ds) == 0 {
		return "der anderen Seite"
	}
	src := ds[0].Source
	if i := strings.LastIndex(src, " ("); i > 0 {
		return src[:i] // a project file
	}
	if i := strings.LastIndexAny(src, `/\`); i > 0 {
		return src[:i] // a directory
	}
	return "der anderen Seite"
}

// identity is the kind and party a document states of itself: the kind
// is the title up to ": " ("Verwaltungsvereinbarung", "Projektbeschreibung"),
// the party what the running header names after the online service
// ("Verwaltungsvereinbarung „BAföG Digital“ – Sachsen · Stand …" gives
// "Sachsen"; "" for a document of the whole project). Both come from the
// same metadata for a generated document and one read back from DOCX,
// and do not change with the version, the date or the project's title.
func identity(d *model.Document) (kind, party string) {
	if d == nil {
		return "", ""
	}
	kind, _, ok := strings.Cut(d.Meta.Title, ": ")
	if !ok {
		return "", ""
	}
	short := d.Meta.ShortTitle
	if i := strings.LastIndex(short, " · Stand "); i >= 0 {
		short = short[:i]
	}
	if i := strings.LastIndex(short, "“ – "); i >= 0 {
		party = short[i+len("“ – "):]
	}
	return strings.TrimSpace(kind), strings.TrimSpace(party)
}
