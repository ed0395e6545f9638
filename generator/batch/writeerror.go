package batch

import (
	"errors"
	"fmt"
	"os"
	"syscall"

	"github.com/vereinbar/vereinbar/generator/atomicfile"
)

// writeError describes why a project's files could not be written. A full
// disk stops the run: no further project is begun.
func (r *runner) writeError(dir string, err error) error {
	if atomicfile.NoSpace(err) {
		r.noSpace.Store(true)
		r.stop(ErrNoSpace)
	}
	keep := "die bisherigen Dateien in " + dir + " bleiben unverändert"
	if errors.Is(err, atomicfile.ErrPartial) {
		keep = "die Dateien in " + dir + " sind nun teils neu, teils alt; erzeugen Sie das Projekt erneut"
	}
	return fmt.Errorf("%w; %s", fileError("", err), keep)
}

// fileError says in German what went wrong with a file, keeping the file
// system's error (and ErrNoSpace for a full disk) for errors.Is. path is
// the file when err does not name it.
func fileError(path string, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		path = pe.Path
	}
	what, errs := "nicht geschrieben ("+errText(err)+")", []error{err}
	switch {
	case atomicfile.NoSpace(err):
		what, errs = ErrNoSpace.Error(), []error{ErrNoSpace, err}
	case errors.Is(err, syscall.EACCES), errors.Is(err, syscall.EPERM):
		what = "nicht geschrieben: keine Schreibberechtigung"
	case errors.Is(err, syscall.EROFS):
		what = "nicht geschrieben: Dateisystem nur lesbar"
	case errors.Is(err, syscall.EIO):
		what = "nicht geschrieben: Ein-/Ausgabefehler des Datenträgers"
	}
	return &germanError{msg: path + ": " + what, errs: errs}
}

// errText is the innermost message of a file system error.
func errText(err error) string {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// germanError is a message of its own over the errors it stands for.
type germanError struct {
	msg  string
	errs []error
}

func (e *germanError) Error() string   { return e.msg }
func (e *germanError) Unwrap() []error { return e.errs }
