package data

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Sentinel errors. Every problem found in a project file is reported as an
// Error (with position and data path); these classify the whole result.
var (
	// ErrInvalid is wrapped by Errors: the file decoded but has mistakes.
	ErrInvalid = errors.New("ungültige Projektdatei")
	// ErrTooLarge: the file exceeds the size limit and was not parsed.
	ErrTooLarge = errors.New("Projektdatei zu groß")
	// ErrHostile: the file was refused unparsed or undecoded because it
	// would expand beyond the limits (alias bomb, absurd nesting).
	ErrHostile = errors.New("Projektdatei abgelehnt")
)

// Pos is a 1-based position in a YAML file; the zero value means unknown.
type Pos struct {
	Line, Col int
}

// Error is one mistake in a project file.
type Error struct {
	File string // file name as given by the caller
	Pos  Pos
	Path string // data path, e.g. "parteien[3].land"; empty for the whole file
	Msg  string // German message
	Err  error  // optional cause, e.g. ErrTooLarge, for errors.Is
	// Source is the line of the file at Pos, for a mistake that is best
	// seen in it (YAML syntax); Error shows it with a caret under Pos.Col.
	Source string
}

// Error formats the mistake as "file:line:col: path: message", followed
// by the source line with a caret under the column when Source is set.
func (e Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Pos.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Pos.Line, e.Pos.Col)
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	if e.Source != "" && e.Pos.Line > 0 {
		b.WriteString("\n")
		b.WriteString(excerpt(e.Pos.Line, e.Source, e.Pos.Col))
	}
	return b.String()
}

// Errors is every mistake of one file, in file order.
type Errors []Error

// Error joins all mistakes, one per line.
func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap lets errors.Is identify a validation failure (ErrInvalid) and
// the cause of any single mistake (e.g. ErrTooLarge).
func (es Errors) Unwrap() []error {
	out := []error{ErrInvalid}
	for _, e := range es {
		if e.Err != nil {
			out = append(out, e.Err)
		}
	}
	return out
}

// sortErrors orders by position; errors without position (whole-file) come
// first, ties keep their insertion order.
func sortErrors(es Errors) {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i].Pos, es[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}
