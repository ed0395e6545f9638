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
// Only the text runs carry the change; paragraph marks are not tracked.
func (r *renderer) trackedRun(s string, bold, italic bool, change string) error {
	var tag, text string
	switch change {
	case model.ChangeIns:
		tag, text = "w:ins", "w:t"
	case model.ChangeDel:
		tag, text = "w:del", "w:delText"
	default:
		return r.invalid("unbekannte Änderungsart %q (erlaubt: %q, %q)", change, model.ChangeIns, model.ChangeDel)
	}
	if s == "" {
		return nil
	}
	author, err := r.clean(r.rev.author)
	if err != nil {
		return err
	}
	x := &r.x
	x.raw(`<` + tag)
	x.intAttr("w:id", r.rev.next)
	x.attr("w:author", author)
	x.attr("w:date", r.rev.date)
	x.raw(`>`)
	r.rev.next++
	x.runAs(s, bold, italic, text)
	x.raw(`</` + tag + `>`)
	return nil
}
