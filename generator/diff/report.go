package diff

import (
	"encoding/json"
	"fmt"
	"html"
	"io"
	"strings"
	"unicode"
)

// FileDiff is the comparison of one pair of documents, paired by name.
type FileDiff struct {
	Name   string  `json:"name"`          // document file name without extension, e.g. "vereinbarung"
	Old    string  `json:"alt,omitempty"` // where OLD came from; "" when only NEW has it
	New    string  `json:"neu,omitempty"` // where NEW came from; "" when only OLD has it
	Result *Result `json:"ergebnis,omitempty"`
}

// Report is the comparison of all documents of two sides.
type Report struct {
	Files []FileDiff `json:"dokumente"`
}

// Changed reports whether anything changed: a change in a document, or a
// document only one side has.
func (r *Report) Changed() bool {
	for _, f := range r.Files {
		if f.Old == "" || f.New == "" || f.Result != nil && !f.Result.Empty() {
			return true
		}
	}
	return false
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// ANSI colours of the text form.
const (
	ansiRed   = "\x1b[31m"
	ansiGreen = "\x1b[32m"
	ansiBold  = "\x1b[1m"
	ansiDim   = "\x1b[2m"
	ansiReset = "\x1b[0m"
)

// WriteText writes the report for a reader on a terminal: one block per
// document, one line per change, deleted words red and struck through,
// inserted ones green and underlined when color is set. Without colour,
// deletions read [-…-] and insertions {+…+}.
func (r *Report) WriteText(w io.Writer, color bool) error {
	var b strings.Builder
	paint := func(code, s string) string {
		if !color {
			return s
		}
		return code + s + ansiReset
	}
	for _, f := range r.Files {
		b.WriteString(paint(ansiBold, "== "+f.Name) + "\n")
		switch {
		case f.Old == "":
			b.WriteString("  nur in NEU: " + f.New + "\n")
			continue
		case f.New == "":
			b.WriteString("  nur in ALT: " + f.Old + "\n")
			continue
		case f.Result.Empty():
			b.WriteString("  keine inhaltlichen Änderungen\n")
		}
		for _, c := range f.Result.Changes {
			fmt.Fprintf(&b, "  %s %s: ", kindTag(c.Kind), c.Loc)
			switch c.Kind {
			case Inserted:
				b.WriteString(paint(ansiGreen, short(c.New)))
			case Deleted:
				b.WriteString(paint(ansiRed, short(c.Old)))
			case Moved:
				b.WriteString(c.Old + " → " + c.New)
			default:
				b.WriteString(segmentsText(c, color))
			}
			b.WriteString("\n")
		}
		for _, in := range f.Result.Info {
			b.WriteString(paint(ansiDim, "  Hinweis: "+in) + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func kindTag(k Kind) string {
	switch k {
	case Inserted:
		return "[eingefügt] "
	case Deleted:
		return "[gelöscht]  "
	case Moved:
		return "[verschoben]"
	}
	return "[geändert]  "
}

// segmentsText shows a change: short texts as "old → new", longer ones
// as the text with the changed words marked.
func segmentsText(c Change, color bool) string {
	if len([]rune(c.Old)) <= 60 && len([]rune(c.New)) <= 60 && !strings.Contains(c.Old+c.New, "\n") {
		if color {
			return ansiRed + c.Old + ansiReset + " → " + ansiGreen + c.New + ansiReset
		}
		return c.Old + " → " + c.New
	}
	var b strings.Builder
	for i, s := range c.Segments {
		switch {
		case s.Op == Equal:
			b.WriteString(context(s.Text, i == 0, i == len(c.Segments)-1))
		case color && s.Op == Delete:
			b.WriteString("\x1b[31;9m" + s.Text + ansiReset)
		case color:
			b.WriteString("\x1b[32;4m" + s.Text + ansiReset)
		case s.Op == Delete:
			b.WriteString("[-" + s.Text + "-]")
		default:
			b.WriteString("{+" + s.Text + "+}")
		}
	}
	return strings.ReplaceAll(b.String(), "\n", " ⏎ ")
}

// context shortens unchanged text around a change to about 40
// characters on each side.
func context(s string, first, last bool) string {
	const n = 40
	r := []rune(s)
	switch {
	case first && len(r) > n:
		return "…" + string(r[len(r)-n:])
	case last && len(r) > n:
		return string(r[:n]) + "…"
	case !first && !last && len(r) > 2*n:
		return string(r[:n]) + " … " + string(r[len(r)-n:])
	}
	return s
}

// WriteMarkdown writes the report as Markdown: a heading per document,
// a table of changes with deleted words ~~struck~~ and inserted **bold**.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# Änderungen\n")
	for _, f := range r.Files {
		b.WriteString("\n## " + mdEsc(f.Name) + "\n\n")
		switch {
		case f.Old == "":
			b.WriteString("Nur in NEU: " + mdEsc(f.New) + "\n")
			continue
		case f.New == "":
			b.WriteString("Nur in ALT: " + mdEsc(f.Old) + "\n")
			continue
		case f.Result.Empty():
			b.WriteString("Keine inhaltlichen Änderungen.\n")
		default:
			b.WriteString("| Art | Stelle | Änderung |\n|---|---|---|\n")
			for _, c := range f.Result.Changes {
				fmt.Fprintf(&b, "| %s | %s | %s |\n", c.Kind, mdEsc(c.Loc.String()), mdChange(c))
			}
		}
		for _, in := range f.Result.Info {
			b.WriteString("\n- Hinweis: " + mdEsc(in))
		}
		if len(f.Result.Info) > 0 {
			b.WriteString("\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func mdChange(c Change) string {
	switch c.Kind {
	case Inserted:
		return "**" + mdEsc(short(c.New)) + "**"
	case Deleted:
		return "~~" + mdEsc(short(c.Old)) + "~~"
	case Moved:
		return mdEsc(c.Old + " → " + c.New)
	}
	var b strings.Builder
	for _, s := range c.Segments {
		// The marks hug the changed words (Markdown ignores "~~ x ~~"),
		// the white space around them stays outside, so words do not
		// run together.
		rest := strings.TrimLeftFunc(s.Text, unicode.IsSpace)
		lead := s.Text[:len(s.Text)-len(rest)]
		core := strings.TrimRightFunc(rest, unicode.IsSpace)
		trail := rest[len(core):]
		if core == "" {
			b.WriteString(mdSpace(s.Text))
			continue
		}
		t := mdEsc(mdSpaces(core))
		switch s.Op {
		case Delete:
			t = "~~" + t + "~~"
		case Insert:
			t = "**" + t + "**"
		}
		b.WriteString(mdSpace(lead) + t + mdSpace(trail))
	}
	return b.String()
}

// mdSpaces writes every run of white space in s as one space (see
// mdSpace): a table row of Markdown is one line.
func mdSpaces(s string) string {
	var b strings.Builder
	run := -1 // start of the current run of white space
	for i, r := range s {
		switch {
		case unicode.IsSpace(r) && run < 0:
			run = i
		case !unicode.IsSpace(r) && run >= 0:
			b.WriteString(mdSpace(s[run:i]))
			run = -1
			fallthrough
		case !unicode.IsSpace(r):
			b.WriteRune(r)
		}
	}
	if run >= 0 {
		b.WriteString(mdSpace(s[run:]))
	}
	return b.String()
}

// mdSpace is a run of white space as one space: a lone no-break space
// (before "€", in "§ 7") stays one, anything else becomes " "; "" stays "".
func mdSpace(ws string) string {
	switch ws {
	case "", "\u00a0", "\u202f":
		return ws
	}
	return " "
}

var mdEscaper = strings.NewReplacer("|", `\|`, "*", `\*`, "~", `\~`, "_", `\_`, "\n", " ", "<", "&lt;")

func mdEsc(s string) string { return mdEscaper.Replace(s) }

// WriteHTML writes the report as a self-contained HTML page with del and
// ins elements.
func (r *Report) WriteHTML(w io.Writer) error {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>Änderungen</title>\n" +
		"<style>body{font-family:sans-serif}del{color:#b00;background:#fdd}ins{color:#070;background:#dfd}" +
		"td,th{border:1px solid #ccc;padding:4px;vertical-align:top}table{border-collapse:collapse}</style></head><body>\n<h1>Änderungen</h1>\n")
	e := html.EscapeString
	for _, f := range r.Files {
		b.WriteString("<h2>" + e(f.Name) + "</h2>\n")
		switch {
		case f.Old == "":
			b.WriteString("<p>Nur in NEU: " + e(f.New) + "</p>\n")
			continue
		case f.New == "":
			b.WriteString("<p>Nur in ALT: " + e(f.Old) + "</p>\n")
			continue
		case f.Result.Empty():
			b.WriteString("<p>Keine inhaltlichen Änderungen.</p>\n")
		default:
			b.WriteString("<table><tr><th>Art</th><th>Stelle</th><th>Änderung</th></tr>\n")
			for _, c := range f.Result.Changes {
				b.WriteString("<tr><td>" + e(string(c.Kind)) + "</td><td>" + e(c.Loc.String()) + "</td><td>" + htmlChange(c) + "</td></tr>\n")
			}
			b.WriteString("</table>\n")
		}
		for _, in := range f.Result.Info {
			b.WriteString("<p><small>Hinweis: " + e(in) + "</small></p>\n")
		}
	}
	b.WriteString("</body></html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

func htmlChange(c Change) string {
	e := html.EscapeString
	switch c.Kind {
	case Inserted:
		return "<ins>" + e(c.New) + "</ins>"
	case Deleted:
		return "<del>" + e(c.Old) + "</del>"
	case Moved:
		return e(c.Old + " → " + c.New)
	}
	var b strings.Builder
	for _, s := range c.Segments {
		switch s.Op {
		case Equal:
			b.WriteString(e(s.Text))
		case Delete:
			b.WriteString("<del>" + e(s.Text) + "</del>")
		case Insert:
			b.WriteString("<ins>" + e(s.Text) + "</ins>")
		}
	}
	return b.String()
}
