package pdf

import (
	"errors"
	"fmt"

	"github.com/vereinbar/vereinbar/generator/render/internal/textcheck"
)

// Sentinel errors of the PDF renderer; match them with errors.Is. The
// messages are German because they reach the user of the command line.
var (
	// ErrMissingGlyph reports a character that Liberation Sans cannot
	// show. The error names the character (U+XXXX) and the node.
	ErrMissingGlyph = errors.New("Zeichen fehlt in der Schrift Liberation Sans")

	// ErrInvalidChar reports text that never belongs in a contract:
	// control characters other than tab and line feed, U+FFFE, U+FFFF
	// and invalid UTF-8. It is the same error as docx.ErrInvalidChar:
	// both renderers apply one rule (textcheck).
	ErrInvalidChar = textcheck.ErrInvalidChar

	// ErrInvalidModel reports a node the model allows by type but whose
	// content breaks the model's rules (section level, table shape,
	// shading colour, a block kind not allowed in a list item, a table
	// row too tall for a page).
	ErrInvalidModel = errors.New("ungültiges Dokumentmodell")

	// ErrNilDocument is returned when Render is called without a document.
	ErrNilDocument = errors.New("kein Dokument")

	// ErrNoDate is returned when Meta.Date is zero: the PDF's creation
	// date must come from the document, never from the clock.
	ErrNoDate = errors.New("Meta.Date fehlt; das Erstellungsdatum der PDF-Datei muss aus dem Dokument kommen")

	// ErrNoModel is returned by ReadEmbeddedModel for a PDF without the
	// attachment ModelAttachment.
	ErrNoModel = errors.New("die PDF-Datei enthält keine eingebettete Modelldatei")

	// ErrBadModel is returned by ReadEmbeddedModel when the attachment
	// exists but cannot be read: broken stream, unsupported filter, too
	// large, or a SHA-256 that does not match ModelHashKey.
	ErrBadModel = errors.New("die eingebettete Modelldatei ist unlesbar")

	// ErrPageText is returned by ReadPages when the pages of a PDF cannot
	// be read as vereinbar writes them: no page tree, a content stream
	// that does not decode, a font of an encoding vereinbar does not use.
	ErrPageText = errors.New("der Text der Seiten ist unlesbar")
)

// MissingGlyphError is the error behind ErrMissingGlyph: the character,
// an excerpt of the text around it and the node (template position). The
// caller may know where the text came from in its input and say so.
type MissingGlyphError struct {
	Rune    rune
	Excerpt string
	Where   string // node and template position, e.g. "Absatz, kopf.md.tmpl:20"
}

func (e *MissingGlyphError) Error() string {
	return fmt.Sprintf("%v: %U %q in %q (%s)", ErrMissingGlyph, e.Rune, e.Rune, e.Excerpt, e.Where)
}

// Unwrap makes errors.Is(err, ErrMissingGlyph) hold.
func (e *MissingGlyphError) Unwrap() error { return ErrMissingGlyph }

// RowTooTallError is the error behind a table row that is taller than a
// page, header rows included: rows are never split across pages. It
// wraps ErrInvalidModel and carries the plain text of each cell, so a
// caller may find where the text came from in its input and say so.
type RowTooTallError struct {
	Row    int      // 1-based, header rows counted
	Height float64  // in mm, with the header rows
	Cells  []string // plain text of each cell
	Where  string   // table and template position
}

// Error says which row is too tall, how tall, and where it comes from.
func (e *RowTooTallError) Error() string {
	return fmt.Sprintf("%v: Zeile %d ist mit den Kopfzeilen %.0f mm hoch und passt auf keine Seite; Zeilen werden nicht geteilt (%s)", ErrInvalidModel, e.Row, e.Height, e.Where)
}

// Unwrap makes errors.Is(err, ErrInvalidModel) hold.
func (e *RowTooTallError) Unwrap() error { return ErrInvalidModel }
