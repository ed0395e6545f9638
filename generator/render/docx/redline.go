package docx

import (
	"time"

	"github.com/vereinbar/vereinbar/generator/model"
)

// revision holds the author and date of tracked changes and numbers them.
type revision struct {
	author string
	date   string // ISO 8601, UTC
	next   int
}

// revisionIDBase keeps revision ids apart from bookmark ids.
const revisionIDBase = 100000

func newRevision(o Options, metaDate time.Time) revision {
	a, d := o.Author, o.Date
	if a == "" {
		a = "vereinbar"
	}
	if d.IsZero() {
		d = metaDate
	}
	return revision{author: a, date: d.UTC().Format("2006-01-02T15:04:05Z"), next: revisionIDBase}
}

// trackedRun writes a run of inserted (w:ins) or deleted (w:del, text in
// w:delText) text, so Word and LibreOffice offer to accept or reject it.
func (r *renderer) trackedRun(s string, bold, italic bool, change string) error {
	return r.trackedRunMarked(s, runMarks{bold: bold, italic: italic}, change)
}

// trackedRunMarked is trackedRun with every mark of a run.
func (r *renderer) trackedRunMarked(s string, m runMarks, change string) error {
	tag, text, err := r.changeTags(change)
	if err != nil {
		return err
	}
	if s == "" {
		return nil
	}
	if err := r.revisionStart(tag); err != nil {
		return err
	}
	r.x.raw(`>`)
	r.x.runMarked(s, m, text)
	r.x.raw(`</` + tag + `>`)
	return nil
}

// changeTags returns the element of a change and the element of its text.
func (r *renderer) changeTags(change string) (tag, text string, err error) {
	switch change {
	case model.ChangeIns:
		return "w:ins", "w:t", nil
	case model.ChangeDel:
		return "w:del", "w:delText", nil
	}
	return "", "", r.invalid("unbekannte Änderungsart %q (erlaubt: %q, %q)", change, model.ChangeIns, model.ChangeDel)
}

// revisionStart writes `<w:ins w:id=… w:author=… w:date=…` (or w:del)
// without closing the tag.
func (r *renderer) revisionStart(tag string) error {
	author, err := r.clean(r.rev.author)
	if err != nil {
		return err
	}
	x := &r.x
	x.raw(`<` + tag)
	x.intAttr("w:id", r.rev.next)
	x.attr("w:author", author)
	x.attr("w:date", r.rev.date)
	r.rev.next++
	return nil
}

// markMark tracks a paragraph mark (inside w:pPr/w:rPr) or a table row
// (inside w:trPr) as inserted or deleted, so that rejecting an inserted
// paragraph or accepting a deleted one removes it instead of leaving an
// empty paragraph or row behind.
func (r *renderer) markMark(change string) error {
	tag, _, err := r.changeTags(change)
	if err != nil {
		return err
	}
	if err := r.revisionStart(tag); err != nil {
		return err
	}
	r.x.raw(`/>`)
	return nil
}

// paragraphMark tracks the paragraph mark (w:pPr/w:rPr) as inserted or
// deleted; "" writes nothing.
func (r *renderer) paragraphMark(change string) error {
	if change == "" {
		return nil
	}
	r.x.raw(`<w:rPr>`)
	if err := r.markMark(change); err != nil {
		return err
	}
	r.x.raw(`</w:rPr>`)
	return nil
}

// wholeChange returns the change that every non-empty text run of ins
// carries, or "" when some run is unmarked, the marks differ or there is
// no text: a paragraph (or row) wholly inserted or deleted.
func wholeChange(ins []model.Inline, change string) (string, bool) {
	for _, in := range ins {
		t, ok := in.(model.Text)
		if !ok || t.Text == "" {
			continue
		}
		if t.Change == "" || change != "" && t.Change != change {
			return "", false
		}
		change = t.Change
	}
	return change, true
}

// paragraphChange is wholeChange of one paragraph's runs.
func paragraphChange(ins []model.Inline) string {
	c, ok := wholeChange(ins, "")
	if !ok {
		return ""
	}
	return c
}

// rowChange is wholeChange over all cells of a row.
func rowChange(row model.Row) string {
	change := ""
	for _, c := range row.Cells {
		var ok bool
		if change, ok = wholeChange(c.Inlines, change); !ok {
			return ""
		}
	}
	return change
}

// tableChange is the change of a table whose rows are all wholly
// inserted or deleted alike; its caption is marked the same way.
func tableChange(t *model.Table) string {
	change := ""
	for _, rs := range [][]model.Row{t.Header, t.Rows} {
		for _, row := range rs {
			c := rowChange(row)
			if c == "" || change != "" && c != change {
				return ""
			}
			change = c
		}
	}
	return change
}
