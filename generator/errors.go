package generator

import "errors"

// Errors of pairing a single document with one of several (PairSingle);
// the CLI reports them as wrong command lines, to be settled with --doc.
var (
	// ErrNoSuchDoc reports a DiffOptions.Doc the other side does not have.
	ErrNoSuchDoc = errors.New("kein Dokument")
	// ErrUnpaired reports a single document that matches no document of
	// the other side.
	ErrUnpaired = errors.New("passt zu keinem Dokument")
)
