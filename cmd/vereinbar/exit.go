package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/vereinbar/vereinbar/generator/data"
)

// Exit codes of vereinbar.
const (
	exitOK      = 0 // success
	exitError   = 1 // invalid input or failure
	exitUsage   = 2 // wrong command line
	exitFinding = 3 // check found findings at or above the threshold
	exitChanged = 4 // diff found changes (with --exit-code)
)

// usageError marks a wrong command line (exit code 2).
type usageError struct{ error }

func (e usageError) Unwrap() error { return e.error }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// errReported means the failures were already printed; only the exit code
// remains to be set.
var errReported = errors.New("Fehler bereits gemeldet")

// codeError carries a specific exit code for an outcome that is not a
// failure of the program, such as findings of check (3) or changes found
// by diff (4). It prints nothing.
type codeError struct{ code int }

func (e codeError) Error() string { return fmt.Sprintf("Exit-Code %d", e.code) }

// exitWith returns an error that makes run exit with code silently.
func exitWith(code int) error { return codeError{code} }

// exitCode maps an error from a command to the process exit code.
func exitCode(err error) int {
	var ue usageError
	var ce codeError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ce):
		return ce.code
	case errors.As(err, &ue):
		return exitUsage
	}
	return exitError
}

// printError writes err once to stderr. A project file's mistakes come one
// per line ("file:line:col: path: message") with a count at the end.
func printError(w io.Writer, err error) {
	var ce codeError
	if errors.Is(err, errReported) || errors.As(err, &ce) {
		return
	}
	var es data.Errors
	if errors.As(err, &es) {
		for _, e := range es {
			fmt.Fprintln(w, e.Error())
		}
		n := "1 Fehler"
		if len(es) != 1 {
			n = fmt.Sprintf("%d Fehler", len(es))
		}
		fmt.Fprintf(w, "vereinbar: %s in %s\n", n, es[0].File)
		return
	}
	msg := explainPathErrors(err)
	fmt.Fprintln(w, "vereinbar: "+strings.TrimPrefix(msg, "vereinbar: "))
}
