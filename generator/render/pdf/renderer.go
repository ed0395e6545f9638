package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/language"

	"github.com/vereinbar/vereinbar/generator/atomicfile"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/internal/textcheck"
)

// Options controls rendering. There are none yet; the type keeps the
// signature stable.
type Options struct{}

// Renderer renders documents as PDF. It holds the fonts, parsed and
// prepared once; it is safe for concurrent use. Build one with
// NewRenderer and reuse it for many documents.
type Renderer struct {
	faces   [numStyles]*face
	metrics metrics
	winAnsi runeSet // the Windows-1252 characters every style covers
}

// NewRenderer parses the embedded Liberation Sans fonts and prepares
// everything a document needs from them. It takes a few tens of
// milliseconds; Render then takes no font work for most documents.
func NewRenderer() (*Renderer, error) {
	faces, m, win, err := loadFaces()
	if err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return &Renderer{faces: faces, metrics: m, winAnsi: win}, nil
}

// Render writes d as PDF to w. A character the font cannot show, a node
// kind it does not know or a broken model rule is an error, and nothing
// is written then.
func (r *Renderer) Render(w io.Writer, d *model.Document, opts Options) error {
	return r.render(w, d, opts, false)
}

// RenderFile renders d to the file path, atomically: readers see the old
// file or the complete new one.
func (r *Renderer) RenderFile(path string, d *model.Document, opts Options) error {
	var buf bytes.Buffer
	if err := r.Render(&buf, d, opts); err != nil {
		return err
	}
	if err := atomicfile.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("PDF schreiben: %w", err)
	}
	return nil
}

// render is Render; unicode forces fpdf's UTF-8 fonts even for text that
// fits Windows-1252 (for tests of that path).
func (r *Renderer) render(w io.Writer, d *model.Document, _ Options, unicode bool) (err error) {
	if d == nil {
		return ErrNilDocument
	}
	if model.HasChanges(d) {
		// A redline is DOCX only; the PDF shows settled text.
		return fmt.Errorf("PDF: %w", model.ErrTrackedChange)
	}
	defer func() {
		// fpdf is third-party code; a panic there must not cross our
		// package boundary.
		if p := recover(); p != nil {
			err = fmt.Errorf("pdf: interner Fehler in fpdf: %v", p)
		}
	}()
	raw, err := r.fpdfOutput(d, unicode, paintOpts{})
	if err != nil {
		return err
	}
	dump, sha, err := modelDump(d)
	if err != nil {
		return fmt.Errorf("pdf: %w", err)
	}
	out, err := finishFpdf(raw, dump, sha)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

// fpdfOutput lays d out and returns fpdf's output, its page contents
// uncompressed unless a test sets opts.fpdfCompress. d is not nil and has
// no tracked changes.
func (r *Renderer) fpdfOutput(d *model.Document, unicode bool, opts paintOpts) ([]byte, error) {
	lo, err := r.layOut(d, unicode)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := r.paint(&buf, lo.meta, lo.pages, lo.header, lo.footers, lo.mode, lo.used, opts); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return buf.Bytes(), nil
}

// laidOut is a document laid out on pages, ready to paint.
type laidOut struct {
	meta    docMeta
	pages   []page
	header  []op
	footers [][]op
	mode    fontMode
	used    [numStyles]bool
}

// layOut lays d out: metadata, running header, pages and their footers,
// and the font mode. d is not nil and has no tracked changes.
func (r *Renderer) layOut(d *model.Document, unicode bool) (*laidOut, error) {
	m, err := r.meta(d.Meta)
	if err != nil {
		return nil, err
	}
	l := r.newPageLayout(m.page)
	header, err := l.header(d.Meta.ShortTitle, d.Meta.Draft)
	if err != nil {
		return nil, err
	}
	if err := l.blocks(d.Blocks); err != nil {
		return nil, err
	}
	pages := l.paginate()
	footers := make([][]op, len(pages))
	// A slide is one page shown on its own: no page numbers.
	if d.Meta.Page != model.PageSlide {
		for i := range pages {
			if footers[i], err = l.footer(i+1, len(pages)); err != nil {
				return nil, err
			}
		}
	}
	var mode fontMode = unicodeMode{}
	if l.chk.allWinAnsi && !unicode {
		mode = winAnsiMode{}
	}
	// The footer is drawn in the regular style, and the painter makes it
	// current on every page.
	l.chk.used[regular] = true
	return &laidOut{meta: m, pages: pages, header: header, footers: footers, mode: mode, used: l.chk.used}, nil
}

// PageText returns, for each page Render would write for d, the text
// strings it shows in the order it shows them — what ReadPages reads back
// from that PDF. A check compares the two to see whether a PDF shows
// what its embedded model says.
func (r *Renderer) PageText(d *model.Document) ([][]string, error) {
	if d == nil {
		return nil, ErrNilDocument
	}
	if model.HasChanges(d) {
		return nil, fmt.Errorf("PDF: %w", model.ErrTrackedChange)
	}
	lo, err := r.layOut(d, false)
	if err != nil {
		return nil, err
	}
	out := make([][]string, len(lo.pages))
	for i, pg := range lo.pages {
		for _, ops := range [][]op{lo.header, pg.ops, lo.footers[i]} {
			for _, o := range ops {
				if o.kind == opText {
					out[i] = append(out[i], o.s)
				}
			}
		}
	}
	return out, nil
}

// trailerEnd is how fpdf ends the trailer dictionary.
var trailerEnd = []byte("\n>>\nstartxref\n")

// newLayout returns a layout for pages of the given size in mm with the
// margins of A4.
func (r *Renderer) newLayout(pageW, pageH float64) *layout {
	return r.newPageLayout(pageGeom{w: pageW, h: pageH, margin: margin, hdrFtr: hdrFtrGap})
}

// newPageLayout returns a layout for pages of format g.
func (r *Renderer) newPageLayout(g pageGeom) *layout {
	return &layout{
		r:         r,
		chk:       checker{faces: &r.faces, winAnsi: &r.winAnsi, allWinAnsi: true},
		page:      g,
		x0:        g.margin,
		textW:     g.w - 2*g.margin,
		bodyH:     g.h - 2*g.margin,
		lastLevel: -1,
	}
}

// meta checks the metadata: text is NFC and free of control characters;
// the date is set; the language is a valid BCP 47 tag ("de-DE" if empty).
func (r *Renderer) meta(mt model.Meta) (docMeta, error) {
	if mt.Date.IsZero() {
		return docMeta{}, ErrNoDate
	}
	page, ok := pageGeometry(mt)
	if !ok {
		return docMeta{}, fmt.Errorf("%w: Seitenformat %q (erlaubt: %q, %q)", ErrInvalidModel, mt.Page, model.PageA4, model.PageSlide)
	}
	m := docMeta{date: mt.Date, page: page, lang: "de-DE"}
	if mt.Language != "" {
		tag, err := language.Parse(mt.Language)
		if err != nil {
			return docMeta{}, fmt.Errorf("%w: Meta.Language %q ist kein BCP-47-Sprachkennzeichen: %v", ErrInvalidModel, mt.Language, err)
		}
		m.lang = tag.String()
	}
	loc := textcheck.Location{What: "Metadaten"}
	fields := []struct {
		dst  *string
		name string
		s    string
	}{
		{&m.title, "Title", mt.Title},
		{&m.subject, "Subject", mt.Subject},
		{&m.author, "Author", mt.Author},
		{&m.keywords, "Keywords", strings.Join(mt.Keywords, ", ")},
	}
	for _, f := range fields {
		loc.Label = f.name
		s, err := cleanText(f.s, &loc)
		if err != nil {
			return docMeta{}, err
		}
		*f.dst = strings.NewReplacer("\t", " ", "\n", " ").Replace(s)
	}
	return m, nil
}

// header lays out the running header: the short title, small, grey and
// right-aligned, above a thin rule; in a draft, model.DraftMark in bold
// dark red at the left. No short title and no draft, no header.
func (l *layout) header(short string, draft bool) ([]op, error) {
	if short == "" && !draft {
		return nil, nil
	}
	l.loc = textcheck.Location{What: "Kopfzeile"}
	it := &vitem{}
	x, w, y := l.x0, l.textW, l.page.hdrFtr
	if draft {
		bs, err := l.plain(model.DraftMark, bold)
		if err != nil {
			return nil, err
		}
		y = l.textAt(it, bs, draftStyle, l.x0, l.page.hdrFtr, l.textW)
		markW := float64(bs[0].units)*unit(draftStyle.size) + draftGap
		x, w = x+markW, w-markW
		for i := range it.ops {
			it.ops[i].color = draftRed
		}
	}
	if short != "" {
		bs, err := l.plain(short, regular)
		if err != nil {
			return nil, err
		}
		first := len(it.ops)
		y = max(y, l.textAt(it, bs, headerStyle, x, l.page.hdrFtr, w))
		for i := first; i < len(it.ops); i++ {
			it.ops[i].color = headerGrey
		}
	}
	y += 1
	it.ops = append(it.ops, op{kind: opLine, x: l.x0, y: y, w: l.textW, size: ruleWidth, color: headerGrey})
	return it.ops, nil
}

// footer lays out "Seite n von total", centred, its baseline just above
// the footer distance from the bottom edge.
func (l *layout) footer(n, total int) ([]op, error) {
	l.loc = textcheck.Location{What: "Fußzeile"}
	bs, err := l.plain(fmt.Sprintf("Seite %d von %d", n, total), regular)
	if err != nil {
		return nil, err
	}
	ps := footerStyle
	k := unit(ps.size)
	y := l.page.h - l.page.hdrFtr - ps.size*ptMM*l.r.metrics.descent
	var ops []op
	for _, ln := range l.breakLines(bs, l.textW/k) {
		ops = lineOps(ops, ln, l.x0, y, l.textW, k, ps.size, ps.align)
	}
	return ops, nil
}
