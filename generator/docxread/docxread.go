// Package docxread reads a DOCX file — one that vereinbar wrote, or one
// that Word or LibreOffice saved after editing it by hand — back into the
// document model, so the clause check can judge what a document says now.
//
// The file is untrusted input. Read refuses DTDs and entity declarations
// in every part, also in those it never parses ([Content_Types].xml,
// footers, settings); it caps the file size, the number of zip entries,
// the uncompressed size of each entry read and of all entries together,
// the compression ratio, the XML nesting depth and the number of XML
// elements kept; so time and memory stay bounded whatever the file holds.
// It never panics.
//
// The structure comes back from what the renderer writes and what a word
// processor keeps when editing:
//   - headings by style (Heading1…3, Title, Subtitle; localized or renamed
//     styles through their name in word/styles.xml or their outline level),
//     split into number and title ("§ 7" and "Kostenverteilung"); the
//     section id comes from the heading's bookmark, or from the title;
//   - numbered paragraphs by their leading "(n)" and tab (or space);
//   - list items by a leading label ("–", "1.", "a)") and tab, nested by
//     their left indent;
//   - paragraphs and headings with Word numbering (w:numPr, direct or
//     from the style) by the label word/numbering.xml gives them: "(1)"
//     as the paragraph number, "§ 7" before the heading, "a)" as a list
//     label, "•" for bullets and lists numbering.xml does not define;
//   - tables with header rows (w:tblHeader), total rows, captions and the
//     bookmark that carries the table id; signature tables by their
//     styles; bar charts (tables of nested tables, in one or more column
//     pairs) as charts;
//   - plain-text content controls (w:sdt with w:text) as form fields:
//     empty while they show their placeholder or hold only underscores,
//     else with what was typed; a paragraph's own w:keepNext;
//   - "ENTWURF" at the start of the running header as the draft mark
//     (Meta.Draft).
//
// Of Markup Compatibility's mc:AlternateContent, which Word writes around
// newer features, the mc:Fallback is read, as a consumer must that knows
// none of the choices' namespaces. What the model cannot hold is dropped:
// images, text boxes, footnotes, comments and deleted text of tracked
// changes (inserted text is kept).
package docxread

import (
	"fmt"
	"io"

	"github.com/vereinbar/vereinbar/generator/model"
)

// Options are the limits of Read. A zero field takes its default.
type Options struct {
	// MaxFileSize is the largest file accepted (default 32 MiB).
	MaxFileSize int64
	// MaxEntries is the largest number of zip entries (default 2000).
	MaxEntries int
	// MaxEntrySize is the largest uncompressed size of one entry that is
	// read (default 32 MiB).
	MaxEntrySize int64
	// MaxTotalSize is the largest sum of the uncompressed sizes of all
	// entries, as declared and as read (default 128 MiB).
	MaxTotalSize int64
	// MaxRatio is the largest compression ratio of an entry of more than
	// 1 MiB (default 100, as Apache POI's zip bomb check).
	MaxRatio int64
	// MaxDepth is the deepest XML nesting (default 128).
	MaxDepth int
	// MaxElements is the largest number of XML elements kept from the
	// main document (default 500000).
	MaxElements int
}

// Defaults of Options.
const (
	DefaultMaxFileSize  = 32 << 20
	DefaultMaxEntries   = 2000
	DefaultMaxEntrySize = 32 << 20
	DefaultMaxTotalSize = 128 << 20
	DefaultMaxRatio     = 100
	DefaultMaxDepth     = 128
	DefaultMaxElements  = 500_000
)

// ratioFloor is the uncompressed size up to which an entry's ratio is not
// judged: small parts compress extremely well and are harmless.
const ratioFloor = 1 << 20

func (o Options) withDefaults() Options {
	if o.MaxFileSize <= 0 {
		o.MaxFileSize = DefaultMaxFileSize
	}
	if o.MaxEntries <= 0 {
		o.MaxEntries = DefaultMaxEntries
	}
	if o.MaxEntrySize <= 0 {
		o.MaxEntrySize = DefaultMaxEntrySize
	}
	if o.MaxTotalSize <= 0 {
		o.MaxTotalSize = DefaultMaxTotalSize
	}
	if o.MaxRatio <= 0 {
		o.MaxRatio = DefaultMaxRatio
	}
	if o.MaxDepth <= 0 {
		o.MaxDepth = DefaultMaxDepth
	}
	if o.MaxElements <= 0 {
		o.MaxElements = DefaultMaxElements
	}
	return o
}

// Read reads the DOCX file r of size bytes into a document. Meta comes
// from docProps/core.xml (title, subject, author, keywords, language,
// date) and the running header (ShortTitle, Draft); Meta.Kind stays empty.
func Read(r io.ReaderAt, size int64, opts Options) (doc *model.Document, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("%w: interner Fehler: %v", ErrNotDocx, p)
		}
	}()
	o := opts.withDefaults()
	pkg, err := openPackage(r, size, o)
	if err != nil {
		return nil, err
	}
	if err := pkg.refuseDTDs(); err != nil {
		return nil, err
	}
	return pkg.document()
}
