package batch

import "errors"

// ErrLocked reports an output directory another run holds; the error is a
// *LockedError naming the holder.
var ErrLocked = errors.New("Ausgabeverzeichnis gesperrt")
