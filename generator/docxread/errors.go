package docxread

import "errors"

// Sentinel errors; every error of Read wraps one of them.
var (
	// ErrNotDocx: the file is no zip archive or holds no main document.
	ErrNotDocx = errors.New("keine lesbare DOCX-Datei")
	// ErrLimit: the file exceeds one of the limits of Options.
	ErrLimit = errors.New("DOCX-Datei überschreitet eine Grenze")
	// ErrDTD: an XML part holds a document type declaration or an entity
	// declaration, which are refused outright.
	ErrDTD = errors.New("DOCX-Datei mit DTD oder Entity-Deklaration abgelehnt")
	// ErrXML: an XML part is malformed.
	ErrXML = errors.New("fehlerhaftes XML in der DOCX-Datei")
)
