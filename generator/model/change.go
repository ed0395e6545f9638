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
// change (Text.Change set), in headings, paragraphs, list items and their
// labels or table cells. It tolerates malformed models (nil nodes), which renderers report
// later.
func HasChanges(d *Document) bool {
	return d != nil && blocksChanged(d.Blocks)
}

func blocksChanged(bs []Block) bool {
	for _, b := range bs {
		switch n := b.(type) {
		case *Section:
			if n != nil && (inlinesChanged(n.HeadingChanges) || blocksChanged(n.Blocks)) {
				return true
			}
		case *Paragraph:
			if n != nil && inlinesChanged(n.Inlines) {
				return true
			}
		case *List:
			if n == nil {
				continue
			}
			for _, it := range n.Items {
				if inlinesChanged(it.LabelChanges) || blocksChanged(it.Blocks) {
					return true
				}
			}
		case *Table:
			if n == nil {
				continue
			}
			for _, rs := range [][]Row{n.Header, n.Rows} {
				for _, r := range rs {
					for _, c := range r.Cells {
						if inlinesChanged(c.Inlines) {
							return true
						}
					}
				}
			}
		}
	}
	return false
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
