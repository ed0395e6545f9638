package model

import "errors"

// Values of Text.Change: a tracked change, as a redline shows it. The
// model of a generated document never holds any; only a redline made by
// the diff does. Renderers that cannot show tracked changes must return
// ErrTrackedChange rather than print changed text as if it were settled.
const (
	ChangeIns = "ins" // inserted text
	ChangeDel = "del" // deleted text, kept so a reviewer can reject the deletion
)

// HasChanges reports whether any text run of d is marked as a tracked
// change (Text.Change set), in paragraphs, list items or table cells.
func HasChanges(d *Document) bool {
	found := false
	_ = Walk(d, func(b Block, _ []*Section) error {
		switch n := b.(type) {
		case *Paragraph:
			found = found || inlinesChanged(n.Inlines)
		case *Table:
			for _, rs := range [][]Row{n.Header, n.Rows} {
				for _, r := range rs {
					for _, c := range r.Cells {
						found = found || inlinesChanged(c.Inlines)
					}
				}
			}
		}
		return nil
	})
	return found
}

func inlinesChanged(ins []Inline) bool {
	for _, in := range ins {
		if t, ok := in.(Text); ok && t.Change != "" {
			return true
		}
	}
	return false
}

// ErrTrackedChange is returned by renderers that cannot show tracked
// changes (PDF, Markdown) when a document holds any: a redline is a DOCX
// only, and printing deleted text as settled would be wrong.
var ErrTrackedChange = errors.New("Änderungsmarkierungen (eingefügt/gelöscht) kann dieses Format nicht darstellen; Redlines gibt es nur als DOCX")
