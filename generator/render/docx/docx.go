// Package docx renders the document model as Office Open XML
// (WordprocessingML), written directly with archive/zip and small XML
// helpers: no DOCX library supports fields, headers and footers, tracked
// changes and reproducible output together.
//
// The output is reproducible: the same document gives the same bytes.
// Parts are written in a fixed order with Deflate and a timestamp taken
// from Meta.Date, never from the clock. Numbers ("§ 5", "(2)", "a)") come
// from the model as text; the renderer uses no Word numbering, so Word,
// LibreOffice and the PDF show the same labels.
//
// Pages are A4 (portrait or landscape) or a 16:9 slide (Meta.Page
// "folie", without page numbers); bar charts (model.Chart) become
// borderless tables with shaded cells as bars (chart.go). A draft
// (Meta.Draft) carries "ENTWURF" in the header; a form field
// (model.Field) is a plain-text content control; paragraphs marked
// KeepNext keep with the next (w:keepNext).
package docx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/klauspost/compress/flate"
	"github.com/vereinbar/vereinbar/generator/atomicfile"
	"github.com/vereinbar/vereinbar/generator/model"
)

// Options controls rendering. Author and Date are those of the tracked
// changes of a redline (model.Text.Change, see redline.go); they do not
// affect a document without changes.
type Options struct {
	Author string    // "" means "vereinbar"
	Date   time.Time // zero means Meta.Date, never the clock
}

// Render writes d as a DOCX package to w. All text is validated before the
// first byte is written, so on error w has received nothing. It uses one
// Renderer shared by the process.
func Render(w io.Writer, d *model.Document, opts Options) error {
	return shared.Render(w, d, opts)
}

var shared = NewRenderer()

// Renderer renders DOCX packages. It keeps Deflate compressors for reuse
// (creating one allocates several hundred KB) and the compressed form of
// the parts that are the same in most documents (styles, settings,
// relationships, footer). It is safe for concurrent use and never changes
// the output: a cached part is exactly what compressing it again gives.
type Renderer struct {
	flaters sync.Pool
	static  sync.Map // part name → *compressedPart
}

// compressedPart is a static part's content and its Deflate stream.
type compressedPart struct {
	data, comp []byte
}

// NewRenderer returns a Renderer.
func NewRenderer() *Renderer { return &Renderer{} }

// Render writes d as a DOCX package to w, like the function Render.
func (r *Renderer) Render(w io.Writer, d *model.Document, opts Options) error {
	if d == nil {
		return fmt.Errorf("docx: %w", ErrNilDocument)
	}
	parts, err := buildParts(d, opts)
	if err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	fw, _ := r.flaters.Get().(*flate.Writer)
	if fw == nil {
		var err error
		if fw, err = flate.NewWriter(io.Discard, flate.BestSpeed); err != nil {
			return fmt.Errorf("docx: %w", err)
		}
	}
	defer r.flaters.Put(fw)
	if err := r.writeZip(w, parts, zipTime(d.Meta.Date), fw); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return nil
}

// compressed returns the Deflate stream of a static part, from the cache
// when the cached content is the same, otherwise compressed with fw and,
// if nothing is cached under the name yet, remembered.
func (r *Renderer) compressed(p part, fw *flate.Writer) ([]byte, error) {
	if c, ok := r.static.Load(p.name); ok && bytes.Equal(c.(*compressedPart).data, p.data) {
		return c.(*compressedPart).comp, nil
	}
	var buf bytes.Buffer
	fw.Reset(&buf)
	if _, err := fw.Write(p.data); err != nil {
		return nil, err
	}
	if err := fw.Close(); err != nil {
		return nil, err
	}
	comp := buf.Bytes()
	r.static.LoadOrStore(p.name, &compressedPart{data: bytes.Clone(p.data), comp: comp})
	return comp, nil
}

// precompressed is the compressor of a part whose Deflate stream is known:
// the zip writer passes the content through Write (for the CRC and the
// sizes, which it computes itself) and Close writes the stream.
type precompressed struct {
	out  io.Writer
	comp []byte
}

func (p *precompressed) Write(b []byte) (int, error) { return len(b), nil }

func (p *precompressed) Close() error {
	_, err := p.out.Write(p.comp)
	return err
}

// RenderFile renders d to path. The file is replaced atomically, so
// readers never see a half-written document.
func RenderFile(path string, d *model.Document, opts Options) error {
	var buf bytes.Buffer
	if err := Render(&buf, d, opts); err != nil {
		return err
	}
	if err := atomicfile.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("docx: %w", err)
	}
	return nil
}

// buildParts renders every part in memory, in the order of the zip. A
// panic here would be a bug of this package; it becomes an error so it
// never crosses the package boundary.
func buildParts(d *model.Document, opts Options) (parts []part, err error) {
	defer func() {
		if p := recover(); p != nil {
			parts, err = nil, fmt.Errorf("interner Fehler: %v", p)
		}
	}()
	meta, err := newCleanMeta(d.Meta)
	if err != nil {
		return nil, err
	}
	page, ok := pageGeometry(d.Meta)
	if !ok {
		return nil, fmt.Errorf("%w: Seitenformat %q (erlaubt: %q, %q)", ErrInvalidModel, d.Meta.Page, model.PageA4, model.PageSlide)
	}
	r := renderer{page: page, textW: page.textW(), rev: newRevision(opts, d.Meta.Date)}
	if err := r.document(d, meta); err != nil {
		return nil, err
	}
	parts = []part{
		{name: pathContentTypes, static: true},
		{name: pathRootRels, data: []byte(rootRels), static: true},
		{name: pathCore, contentType: "application/vnd.openxmlformats-package.core-properties+xml", data: coreXML(meta)},
		{name: pathApp, contentType: "application/vnd.openxmlformats-officedocument.extended-properties+xml", data: []byte(appXML), static: true},
		{name: pathDocument, contentType: ctPrefix + "document.main+xml", data: r.x.bytes()},
		{name: pathDocRels, data: []byte(docRels), static: true},
		{name: pathStyles, contentType: ctPrefix + "styles+xml", data: stylesXML(meta.lang), static: true},
		{name: pathSettings, contentType: ctPrefix + "settings+xml", data: settingsXML(meta.lang), static: true},
		{name: pathFontTable, contentType: ctPrefix + "fontTable+xml", data: []byte(fontTableXML), static: true},
		{name: pathHeader, contentType: ctPrefix + "header+xml", data: headerXML(meta.short, d.Meta.Draft, r.textW)},
		{name: pathFooter, contentType: ctPrefix + "footer+xml", data: []byte(footerFor(d.Meta)), static: true},
	}
	parts[0].data = contentTypes(parts)
	return parts, nil
}

// headerXML puts the short title, small and right-aligned, on every page;
// in a draft, model.DraftMark in bold dark red at the left, the title
// after a right tab at the margin (docxread reads the mark back).
func headerXML(short string, draft bool, textW int) []byte {
	var x xw
	x.raw(xmlDecl + `<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">` +
		`<w:p><w:pPr><w:pStyle w:val="` + styleHeader + `"/>`)
	if draft {
		x.raw(`<w:tabs><w:tab w:val="right"`)
		x.intAttr("w:pos", textW)
		x.raw(`/></w:tabs><w:jc w:val="left"/>`)
	}
	x.raw(`</w:pPr>`)
	if draft {
		x.raw(`<w:r><w:rPr><w:b/><w:bCs/><w:color w:val="` + draftColor + `"/></w:rPr><w:t>` + model.DraftMark + `</w:t></w:r>`)
		if short != "" {
			x.raw(`<w:r><w:tab/></w:r>`)
		}
	}
	x.run(short, false, false)
	x.raw(`</w:p></w:hdr>`)
	return x.bytes()
}

// draftColor is the dark red of the draft mark, as in the PDF.
const draftColor = "C00000"

// footerFor returns the footer: "Seite X von Y", or on a slide, which is
// shown on its own, an empty footer.
func footerFor(m model.Meta) string {
	if m.Page == model.PageSlide {
		return slideFooterXML
	}
	return footerXML
}

// slideFooterXML is the footer of a slide: one empty paragraph.
const slideFooterXML = xmlDecl + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">` +
	`<w:p><w:pPr><w:pStyle w:val="` + styleFooter + `"/></w:pPr></w:p></w:ftr>`

// A complex field. The cached result "1" shows until the application
// updates the field, which Word and LibreOffice do on layout.
const (
	fieldBegin = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> `
	fieldEnd   = ` </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
		`<w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`
)

// footerXML reads "Seite X von Y", centered.
const footerXML = xmlDecl + `<w:ftr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `">` +
	`<w:p><w:pPr><w:pStyle w:val="` + styleFooter + `"/></w:pPr>` +
	`<w:r><w:t xml:space="preserve">Seite </w:t></w:r>` + fieldBegin + `PAGE` + fieldEnd +
	`<w:r><w:t xml:space="preserve"> von </w:t></w:r>` + fieldBegin + `NUMPAGES` + fieldEnd +
	`</w:p></w:ftr>`

// zipTime is the timestamp of every zip entry: Meta.Date in UTC, clamped
// to the range both the MS-DOS fields and the extended timestamp can hold.
func zipTime(t time.Time) time.Time {
	lo := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	hi := time.Date(2105, 12, 31, 23, 59, 58, 0, time.UTC) // the extended timestamp is uint32 seconds
	t = t.UTC()
	switch {
	case t.Before(lo):
		return lo
	case t.After(hi):
		return hi
	}
	return t
}

// writeZip writes the parts in order. Every header field that could vary
// is set explicitly: name, method, time (Modified and, derived from it,
// the MS-DOS fields).
//
// Deflate (github.com/klauspost/compress/flate, about three times as fast
// as compress/flate at the same size) runs at BestSpeed with one
// compressor reused for all parts: higher levels cost twice the time or
// more for output about a tenth smaller. Static parts come compressed
// from the Renderer's cache.
func (r *Renderer) writeZip(w io.Writer, parts []part, mod time.Time, fw *flate.Writer) error {
	// The static parts' streams first: fw is busy once the zip is written.
	comps := make([][]byte, len(parts))
	for i, p := range parts {
		if p.static {
			var err error
			if comps[i], err = r.compressed(p, fw); err != nil {
				return fmt.Errorf("%s: %w", p.name, err)
			}
		}
	}
	zw := zip.NewWriter(w)
	var comp []byte // the current part's stream when it is static
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		if comp != nil {
			return &precompressed{out: out, comp: comp}, nil
		}
		fw.Reset(out)
		return fw, nil
	})
	for i, p := range parts {
		comp = comps[i]
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: mod})
		if err != nil {
			return err
		}
		if _, err := f.Write(p.data); err != nil {
			return fmt.Errorf("%s: %w", p.name, err)
		}
	}
	return zw.Close()
}
