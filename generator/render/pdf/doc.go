// Package pdf renders a model.Document as PDF with github.com/go-pdf/fpdf.
//
// Only the embedded Liberation Sans fonts (regular, bold, italic, bold
// italic; SIL Open Font License, see README.md and LICENSE-OFL.txt) are
// used, never fpdf's core fonts. Every character is checked against the
// font's cmap before anything is drawn: a character the font cannot show
// is an error naming the character and the node, never a silent
// substitute.
//
// The renderer lays the document out itself — word wrapping over runs of
// mixed emphasis (never at a no-break space), justification, hanging
// indents, keep-with-next for headings, captions and paragraphs marked
// KeepNext (held even when what they keep with is taller than a page),
// orphan and widow control, tables whose header rows repeat and whose
// rows never split, signature blocks that never split and stay together
// when they fit on a page, form fields as lines to write on — and then
// paints the finished pages with fpdf. Because the page count is known
// before painting, the footer "Seite X von Y" is exact and centred
// without fpdf's page-number alias; a slide has none. A draft
// (Meta.Draft) carries "ENTWURF" in the header of every page.
//
// Fonts are prepared once by NewRenderer and shared by every Render. A
// document whose text lies entirely within Windows-1252 (the usual case
// for German text: umlauts, ß, €, „“, –, §, no-break space) is painted
// with simple TrueType fonts whose definitions and embedded subsets were
// built in NewRenderer, so a document costs no font parsing at all. Any
// other document is painted with fpdf's UTF-8 (Type0, Identity-H) fonts,
// which fpdf parses and subsets per document; the layout is identical in
// both cases because both use the same glyph widths.
//
// Pages are A4 (portrait or landscape) or, with Meta.Page "folie", a 16:9
// slide of 960 × 540 pt with 12 mm margins. Bar charts (model.Chart) are
// drawn natively: labels, axis, filled bars, value texts, in one column or
// several side by side.
//
// Every PDF carries the model it was rendered from: the model.Dump output
// as the attachment "vereinbar-modell.txt" and its SHA-256 in the
// document information (ModelHashKey). ReadEmbeddedModel extracts it, so a
// check can verify a PDF against the model of its generation; ReadPages
// reads the text the pages show and Renderer.PageText says what the
// renderer shows for a model, so a check can see whether the pages still
// show what the embedded model says.
//
// Output is reproducible: the same document gives the same bytes. The
// creation and modification dates come from Meta.Date, catalogs are
// sorted, compression is always on, and the trailer's /ID is a hash of the
// document's bytes.
package pdf
