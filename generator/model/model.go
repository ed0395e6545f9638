// Package model is vereinbar's document model: the contract between the
// template stage and every consumer (the DOCX and PDF renderers, the clause
// check and the diff). Templates never emit DOCX or PDF; renderers never
// read YAML or templates.
//
// The set of node kinds is closed: Block and Inline are sealed interfaces
// implemented only by the types of this package. A consumer that meets a
// kind it does not handle must return an error — silently dropped text in a
// contract is a defect.
//
// Numbers that readers cite ("§ 5", "(2)", "1.", "a)") are computed before
// the model is built and stored as text, so every output shows the same
// numbers and a diff can name them. Clause ids are stable across versions.
//
// The model imports nothing of vereinbar's.
package model

import (
	"fmt"
	"time"
)

// Pos is where a node came from: template file and line.
type Pos struct {
	File string
	Line int
}

// Document is one generated document.
type Document struct {
	Meta   Meta
	Blocks []Block
}

// Meta describes the document as a whole.
type Meta struct {
	Kind       string    // document kind, e.g. "vereinbarung"
	Title      string    // full title (core properties, PDF info)
	ShortTitle string    // running header
	Subject    string    // e.g. the online service
	Author     string    // e.g. the implementing Land
	Keywords   []string  // e.g. OZG-ID, LeiKa keys
	Date       time.Time // date of status from the project data; never "now"
	Language   string    // BCP 47, "de-DE"
	Landscape  bool      // page orientation; applies to A4 only
	Page       string    // page format: "" or PageA4 (A4), PageSlide (16:9 slide)
	// Draft marks a draft: every page of every output carries DraftMark
	// (DOCX and PDF in the running header, Markdown in its first line).
	// A final document (Draft false) carries no mark.
	Draft bool
}

// DraftMark is the mark every page of a draft carries.
const DraftMark = "ENTWURF"

// Page formats of Meta.Page.
const (
	// PageA4 is DIN A4, portrait or, with Meta.Landscape, landscape. The
	// empty string means the same.
	PageA4 = "a4"
	// PageSlide is a 16:9 slide page, 338.67 × 190.5 mm (960 × 540 pt,
	// PowerPoint's "Widescreen"), always landscape, with 12 mm margins
	// and a compact header and footer. Meta.Landscape does not apply.
	PageSlide = "folie"
)

// Block is a block-level node. Implemented only by this package's types.
type Block interface {
	Position() Pos
	block()
}

// Inline is an inline node. Implemented only by this package's types.
type Inline interface {
	inline()
}

// ParagraphStyle selects the look of a paragraph.
type ParagraphStyle string

// Paragraph styles every renderer must support.
const (
	StyleBody     ParagraphStyle = "body"
	StyleTitle    ParagraphStyle = "title"    // the document title
	StyleSubtitle ParagraphStyle = "subtitle" // lines under the title
	StyleCentered ParagraphStyle = "centered" // e.g. "zwischen", "und"
	StyleNote     ParagraphStyle = "note"     // small print
)

// Section is a clause ("§ 5 Kostenverteilung") or an unnumbered part
// (Präambel, Anlage). Level 1 is a clause or part, 2 and 3 are
// sub-headings inside it.
type Section struct {
	Pos    Pos
	ID     string // stable id, e.g. "kostenverteilung"; unique in the document
	Level  int    // 1..3
	Number string // "§ 5"; "" for unnumbered sections
	Title  string // "Kostenverteilung"
	Blocks []Block
	// HeadingChanges is set only in a redline: the heading as text runs
	// with tracked changes (e.g. "§ 6" deleted, "§ 5" inserted). Renderers
	// that show changes write it instead of Heading(); the others refuse
	// the document (see HasChanges).
	HeadingChanges []Inline
}

// Heading returns the full heading text, e.g. "§ 5 Kostenverteilung".
func (s *Section) Heading() string {
	if s.Number == "" {
		return s.Title
	}
	return s.Number + " " + s.Title
}

// Paragraph is a paragraph, optionally numbered ("(2)").
type Paragraph struct {
	Pos     Pos
	Style   ParagraphStyle
	Number  string // "(2)"; "" when not numbered
	Inlines []Inline
	// KeepNext keeps the paragraph on the same page as the block that
	// follows it: a sentence introducing a table, or the "und" between
	// two parties of an agreement's head. Headings and captions keep
	// with what follows without it.
	KeepNext bool
}

// List is a list whose item labels are already computed.
type List struct {
	Pos   Pos
	Items []ListItem
}

// ListItem is one item: its label ("1.", "a)", "–") and content, which may
// hold a nested list.
type ListItem struct {
	Label  string
	Blocks []Block // Paragraphs and Lists only
	// LabelChanges is set only in a redline: the label as text runs with
	// tracked changes ("3." deleted, "2." inserted), written instead of
	// Label by renderers that show changes.
	LabelChanges []Inline
}

// Align is a horizontal alignment of table cells.
type Align string

// Alignments.
const (
	AlignLeft   Align = "left"
	AlignRight  Align = "right"
	AlignCenter Align = "center"
)

// Table is a table with header rows that repeat on every page and rows
// that are never split across pages.
type Table struct {
	Pos     Pos
	ID      string  // optional id ("verteilungstabelle")
	Widths  []int   // relative column widths; len == number of columns
	Aligns  []Align // per column
	Header  []Row   // repeated on each page
	Rows    []Row
	Caption string // optional, shown above the table
	Boxed   bool   // form layout: every cell boxed, labels shaded
	// Small sets the cells in the size of small print (8 pt instead of
	// 10 pt), for a dense table that must fit on one page, such as the
	// tasks of a project plan.
	Small bool
}

// Row is a table row.
type Row struct {
	Cells []Cell
	Total bool // a totals row, set in bold
}

// Cell is a table cell.
type Cell struct {
	Inlines []Inline
	Shade   string // optional background colour "RRGGBB"
}

// Signatures holds one signature block per party.
type Signatures struct {
	Pos    Pos
	Blocks []Signature
}

// Signature is one party's signature block: the party and the authority
// that signs for it at the top, then the lines to fill in when signing.
type Signature struct {
	Party     string // "Für das Land Sachsen-Anhalt"
	Signer    string // "Das Ministerium für Infrastruktur und Digitales"
	PlaceDate string // "Ort, Datum": caption of the first line
	// Lines are the captions of the lines below the one for place and
	// date: the first is the signature line, with room to sign above it
	// ("Unterschrift"), the others follow closer ("Name",
	// "Amtsbezeichnung"). None: one signature line without caption.
	Lines []string
}

// Chart is a horizontal bar chart of shares, e.g. the cost shares of the
// parties. Every bar's length is proportional to its ValueE5 relative to
// the largest bar of the chart; a bar with ValueE5 0 is drawn without a
// bar. The value shown is Text, computed before the model is built, so
// every output shows the same number.
type Chart struct {
	Pos   Pos
	ID    string // optional id ("kostenanteile")
	Title string // optional, shown above the chart
	Bars  []Bar  // at least one
	// Columns lays the bars out in that many columns side by side, down
	// the first column and then the next, all on the same scale: 16 bars
	// fit a slide in two columns of eight. 0 and 1 mean one column; at
	// most MaxChartColumns.
	Columns int
}

// MaxChartColumns is the largest Chart.Columns.
const MaxChartColumns = 4

// Rows returns the number of rows the chart's bars take in its columns,
// and the number of columns (at least 1), after checking Columns.
func (c *Chart) Rows() (rows, cols int, err error) {
	cols = max(c.Columns, 1)
	if c.Columns < 0 || c.Columns > MaxChartColumns {
		return 0, 0, fmt.Errorf("%d Spalten, erlaubt sind 1 bis %d", c.Columns, MaxChartColumns)
	}
	return (len(c.Bars) + cols - 1) / cols, cols, nil
}

// Bar is one bar of a Chart.
type Bar struct {
	Label   string // "Sachsen-Anhalt"
	ValueE5 int64  // share in units of 0.00001 %: 0..10,000,000 (100 %)
	Text    string // value label shown at the bar, e.g. "26,53499 %"
	Color   string // optional fill "RRGGBB"; "" is the renderer's default
}

// MaxBarE5 is the largest Bar.ValueE5: 100 % in units of 0.00001 %.
const MaxBarE5 = 10_000_000

// DefaultBarColor is the fill of a bar without a Color, the same in
// every renderer.
const DefaultBarColor = "4472C4"

// Fill returns the fill of the bar, its Color or DefaultBarColor, after
// checking the bar as every renderer must: the value within 0 … MaxBarE5,
// the colour six hexadecimal digits.
func (b Bar) Fill() (string, error) {
	if b.ValueE5 < 0 || b.ValueE5 > MaxBarE5 {
		return "", fmt.Errorf("Wert %d außerhalb von 0 bis %d", b.ValueE5, MaxBarE5)
	}
	if b.Color == "" {
		return DefaultBarColor, nil
	}
	if !IsColor(b.Color) {
		return "", fmt.Errorf("Balkenfarbe %q ist keine Farbe RRGGBB", b.Color)
	}
	return b.Color, nil
}

// IsColor reports whether s is a colour "RRGGBB" of six hexadecimal
// digits, the form of Bar.Color and Cell.Shade.
func IsColor(s string) bool {
	if len(s) != 6 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// PageBreak starts a new page.
type PageBreak struct {
	Pos Pos
}

// Text is a run of text with optional emphasis.
type Text struct {
	Text   string
	Bold   bool
	Italic bool
	// Strike draws a line through the text: words struck out in a
	// Synopse's column of the former version. It is a visible mark of
	// the document, unlike Change (a tracked change a reader can accept
	// or reject). Every renderer shows it: DOCX w:strike, PDF a line
	// through the text, Markdown ~~…~~, HTML <s>.
	Strike bool
	// Change marks a tracked change in a redline: "" (none), ChangeIns or
	// ChangeDel (see change.go).
	Change string
}

// LineBreak is a forced line break inside a paragraph or cell.
type LineBreak struct{}

// Field is a form field: a place in a form to fill in, e.g. the
// Leitweg-ID in a FIT-Store call-off. Text is what has been filled in;
// a generated document prints known values as text and leaves a Field
// empty only where a value is missing. An empty field is shown as a
// content control with a placeholder (DOCX), a line to write on (PDF) or
// FieldBlank (Markdown); a filled one as its text.
type Field struct {
	Text string
}

// FieldBlank is how the Markdown twin shows an empty Field: a line of
// underscores. The DOCX placeholder is a longer line of them, which
// prints as a line to write on; a field holding only underscores is
// empty.
const FieldBlank = "________"

// Position returns where the section came from.
func (s *Section) Position() Pos { return s.Pos }

// Position returns where the paragraph came from.
func (p *Paragraph) Position() Pos { return p.Pos }

// Position returns where the list came from.
func (l *List) Position() Pos { return l.Pos }

// Position returns where the table came from.
func (t *Table) Position() Pos { return t.Pos }

// Position returns where the signature blocks came from.
func (s *Signatures) Position() Pos { return s.Pos }

// Position returns where the chart came from.
func (c *Chart) Position() Pos { return c.Pos }

// Position returns where the page break came from.
func (p *PageBreak) Position() Pos { return p.Pos }

func (*Section) block()    {}
func (*Paragraph) block()  {}
func (*List) block()       {}
func (*Table) block()      {}
func (*Signatures) block() {}
func (*Chart) block()      {}
func (*PageBreak) block()  {}

func (Text) inline()      {}
func (LineBreak) inline() {}
func (Field) inline()     {}
