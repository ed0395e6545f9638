package check

import (
	"strings"

	"github.com/vereinbar/vereinbar/generator/aenderung"
	"github.com/vereinbar/vereinbar/generator/model"
)

// Fassungen are the two versions of an agreement an amendment agreement
// stands between: Alt, the version it changes, and Neu, the one it must
// give.
type Fassungen struct {
	Alt, Neu *model.Document
}

// IsAenderung reports whether a document read from a file is an amendment
// agreement: its title says „… Vereinbarung zur Änderung der …“.
func IsAenderung(d *model.Document) bool {
	for _, t := range Titles(d) {
		if strings.Contains(t, "Vereinbarung zur Änderung der ") {
			return true
		}
	}
	return false
}

// IsLesefassung reports whether a document is the reading version of an
// amended agreement (generator.Lesefassung): its properties' title says
// "(Lesefassung)" or a line under its title "– Lesefassung –". A
// Lesefassung is checked as the agreement, but it is not signed and has
// no signature blocks.
func IsLesefassung(d *model.Document) bool {
	if strings.Contains(d.Meta.Title, "(Lesefassung)") {
		return true
	}
	for _, b := range d.Blocks {
		p, ok := b.(*model.Paragraph)
		if !ok || (p.Style != model.StyleTitle && p.Style != model.StyleSubtitle) {
			break
		}
		if normText(model.PlainText(p.Inlines)) == "– Lesefassung –" {
			return true
		}
	}
	return false
}

// checkAmendment reads the instructions of Artikel 1 back from the text
// of the amendment and carries them out on the text of the agreement's
// old version: the result must be the new version exactly. The finding
// names the first instruction that cannot be carried out or the first
// unit that comes out differently.
func checkAmendment(c *ctx) {
	f := c.in.Fassungen
	if f == nil || f.Alt == nil || f.Neu == nil || c.in.Doc == nil {
		return
	}
	loc := Location{File: c.in.Name, Document: c.in.Document, Clause: "Artikel 1"}
	ins, err := aenderung.Parse(c.in.Doc)
	if err != nil {
		c.report(loc, "%v", err)
		return
	}
	old, err := aenderung.Units(f.Alt)
	if err != nil {
		c.report(loc, "bisherige Fassung: %v", err)
		return
	}
	neu, err := aenderung.Units(f.Neu)
	if err != nil {
		c.report(loc, "neue Fassung: %v", err)
		return
	}
	got, err := aenderung.Apply(old, ins)
	if err == nil {
		err = aenderung.Compare(got, neu)
	}
	if err != nil {
		c.report(loc, "%v", err)
	}
}
