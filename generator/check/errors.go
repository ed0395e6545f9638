package check

import "errors"

// ErrDump reports a model dump that cannot be read back.
var ErrDump = errors.New("Modell-Dump nicht lesbar")
