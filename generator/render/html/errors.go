package html

import (
	"errors"

	"github.com/vereinbar/vereinbar/generator/render/internal/textcheck"
)

// Sentinel errors of the HTML renderer; match them with errors.Is.
var (
	// ErrInvalidChar is the character rule shared with DOCX and PDF.
	ErrInvalidChar = textcheck.ErrInvalidChar

	// ErrInvalidModel reports a node the model allows by type but whose
	// content breaks the model's rules (section level, table shape,
	// colour, paragraph style, change kind, list item content).
	ErrInvalidModel = errors.New("ungültiges Dokumentmodell")

	// ErrNilDocument is returned when Render is called without a document.
	ErrNilDocument = errors.New("kein Dokument")
)
