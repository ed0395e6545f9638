package check

import (
	"regexp"
	"strings"

	"github.com/vereinbar/vereinbar/generator/model"
)

// Placeholders. A draft may hold them; a final version (vorhaben.status
// final, documents without the draft mark) may not.
var (
	// dataPlaceholder finds what stands for a value still to be written
	// in a text of the project file. The decoder already refuses a value
	// that starts with "TODO"; these are the ones inside a text.
	dataPlaceholder = regexp.MustCompile(`\bTODO\b|\bXXX\b|\?\?\?|…|\.\.\.|\bN\. ?N\.`)
	// docPlaceholder finds, besides those, what the templates print for
	// a missing value.
	docPlaceholder = regexp.MustCompile(`\bTODO\b|\bXXX\b|\?\?\?|…|\.\.\.|\bN\. ?N\.|(?i:nicht angegeben|noch nicht (?:festgelegt|ermittelt|eingegangen)|noch festzulegen)`)
	// notGiven is what a form must never print in a declaration that is
	// signed.
	notGiven = regexp.MustCompile(`(?i)nicht angegeben`)
)

// checkFinalData refuses placeholders in the texts of a project file
// marked final.
func checkFinalData(c *ctx) {
	f := c.in.Project.File
	if f.Projekt.Vorhaben.Entwurf() {
		return
	}
	for path, value := range f.Texts() {
		if m := dataPlaceholder.FindString(value); m != "" {
			c.atData(path, "„vorhaben.status: final“, aber der Text enthält den Platzhalter „%s“; ausfüllen oder „status: entwurf“ setzen", m)
		}
	}
}

// checkFinalDocument refuses placeholder text in a document that is not
// marked as a draft. In a call-off form "nicht angegeben" is FASSUNG-003's;
// in a document generated from a project file, a placeholder of the data
// ("TODO") is FASSUNG-001's, at its line in the file.
func checkFinalDocument(c *ctx) {
	if c.in.Doc.Meta.Draft {
		return
	}
	eachText(c.in.Doc, func(b model.Block, text string) {
		for _, m := range docPlaceholder.FindAllString(text, -1) {
			if c.in.Kind == KindAbruf && notGiven.MatchString(m) || c.in.Project != nil && dataPlaceholder.MatchString(m) {
				continue
			}
			c.atBlock(b, "das Dokument ist nicht als Entwurf gekennzeichnet, zeigt aber den Platzhalter „%s“; Angabe ergänzen oder als Entwurf erzeugen („vorhaben.status: entwurf“)", m)
			return
		}
	})
}

// checkCallOffFields refuses "nicht angegeben" in a call-off form: what
// is missing stays an empty field to fill in before signing.
func checkCallOffFields(c *ctx) {
	eachText(c.in.Doc, func(b model.Block, text string) {
		if m := notGiven.FindString(text); m != "" {
			c.atBlock(b, "das Abrufformular druckt „%s“; eine fehlende Angabe bleibt ein leeres Feld zum Ausfüllen", m)
		}
	})
}

// eachText calls fn with every block that shows text of its own (a
// heading, paragraph, table, chart or signature block) and that text,
// normalised. Lists and sections are visited through their content.
func eachText(d *model.Document, fn func(b model.Block, text string)) {
	_ = model.Walk(d, func(b model.Block, _ []*model.Section) error {
		switch n := b.(type) {
		case *model.Section:
			fn(b, normText(n.Heading()))
		case *model.List, *model.PageBreak:
		default:
			if t := blockText(b); strings.TrimSpace(t) != "" {
				fn(b, t)
			}
		}
		return nil
	})
}
