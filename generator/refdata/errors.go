package refdata

import (
	"errors"
	"fmt"
	"strings"
)

// ErrKSDir is returned (wrapped) by [LoadKS] when the directory with user
// tables does not exist, is not a directory or cannot be listed.
var ErrKSDir = errors.New("refdata: KS-Verzeichnis nicht verwendbar")

// ErrInvalidKS is matched (via errors.Is) by every [Error] and by [Errors]:
// a Königsteiner-Schlüssel table file is invalid.
var ErrInvalidKS = errors.New("refdata: ungültige KS-Tabelle")

// ErrBuiltin is returned (wrapped) when the embedded reference data cannot be
// parsed. This indicates a broken build; the package tests guard against it.
var ErrBuiltin = errors.New("refdata: eingebettete Referenzdaten fehlerhaft")

// Error is a single problem found in a reference-data file.
//
// Line and Col are 1-based; 0 means unknown (for example for a file that is
// too large, or the column of a YAML syntax error, which the YAML parser does
// not report). Path is the field path inside the file ("werte.BY"), empty for
// problems concerning the whole file or document. Msg is German.
type Error struct {
	File string
	Line int
	Col  int
	Path string
	Msg  string
}

// Error formats the problem as "<file>:<line>:<col>: <path>: <msg>",
// leaving out the parts that are unknown (line/col 0, empty path).
func (e Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Col > 0 {
			fmt.Fprintf(&b, ":%d", e.Col)
		}
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns [ErrInvalidKS], so that errors.Is(err, ErrInvalidKS) holds.
func (e Error) Unwrap() error { return ErrInvalidKS }

// Errors collects all problems found while loading reference-data files,
// sorted by file, then line, then column.
type Errors []Error

// Error joins the formatted problems with "\n".
func (e Errors) Error() string {
	lines := make([]string, len(e))
	for i, x := range e {
		lines[i] = x.Error()
	}
	return strings.Join(lines, "\n")
}

// Unwrap returns the individual problems, so that errors.Is and errors.As
// see each [Error].
func (e Errors) Unwrap() []error {
	errs := make([]error, len(e))
	for i, x := range e {
		errs[i] = x
	}
	return errs
}
