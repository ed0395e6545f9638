package batch

import "errors"

// ErrLocked reports an output directory another run holds; the error is a
// *LockedError naming the holder.
var ErrLocked = errors.New("Ausgabeverzeichnis gesperrt")

// ErrNoSpace reports a full disk (or an exhausted quota): the project's
// files did not fit, and the run starts no further project.
var ErrNoSpace = errors.New("kein Platz mehr auf dem Datenträger")
