package docx

import (
	"errors"

	"github.com/vereinbar/vereinbar/generator/render/internal/textcheck"
)

// Sentinel errors of the DOCX renderer; match them with errors.Is. The
// messages are German because they reach the user of the command line.
var (
	// ErrInvalidChar reports text that XML 1.0 cannot carry or that never
	// belongs in a contract: control characters other than tab and line
	// feed, U+FFFE, U+FFFF and invalid UTF-8. It is the same error as
	// pdf.ErrInvalidChar: both renderers apply one rule (textcheck).
	ErrInvalidChar = textcheck.ErrInvalidChar

	// ErrInvalidModel reports a node the model allows by type but whose
	// content breaks the model's rules (section level, table shape,
	// shading colour, a block kind not allowed in a list item).
	ErrInvalidModel = errors.New("ungültiges Dokumentmodell")

	// ErrNilDocument is returned when Render is called without a document.
	ErrNilDocument = errors.New("kein Dokument")
)
