package tmpl

import (
	"errors"
	"fmt"
)

// ErrTemplate classifies template errors.
var ErrTemplate = errors.New("Vorlagenfehler")

// ErrLimit classifies a template stopped at one of the limits of an
// execution (Limits): output too large, a helper result too large, a
// value that refers to itself, too many steps.
var ErrLimit = errors.New("Grenze der Vorlage überschritten")

// LimitError is a template stopped at one of the limits of an execution.
// It names the template file and line as far as they are known: the
// action for a helper or a printed value, the block being written (the
// last position marker) for the output and the step count.
type LimitError struct {
	File   string // template file (with the user directory), "" if unknown
	Line   int    // line in the file, 0 if unknown
	Col    int    // column, 0 if unknown
	Action string // the action as written, e.g. `repeat 1500000000 "x"`; "" for the output
	Msg    string // what was too much, in German
}

func (e *LimitError) Error() string {
	at := e.File
	if e.Line > 0 {
		at += fmt.Sprintf(":%d", e.Line)
		if e.Col > 0 {
			at += fmt.Sprintf(":%d", e.Col)
		}
	}
	msg := e.Msg
	if e.Action != "" {
		msg = "{{" + e.Action + "}}: " + msg
	}
	if at == "" {
		return ErrTemplate.Error() + ": " + msg
	}
	return ErrTemplate.Error() + ": " + at + ": " + msg
}

// Is makes errors.Is(err, ErrLimit) and errors.Is(err, ErrTemplate) hold.
func (e *LimitError) Is(target error) bool { return target == ErrLimit || target == ErrTemplate }
