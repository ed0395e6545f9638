package pdf

import (
	"io"
	"time"

	"github.com/go-pdf/fpdf"
)

// docMeta is the checked metadata of a document.
type docMeta struct {
	title, subject, author, keywords string
	lang                             string // BCP 47, canonical
	date                             time.Time
	page                             pageGeom
	dump                             []byte // model.Dump of the document, embedded as ModelAttachment
	dumpSHA                          string // its SHA-256 in hex
}

// painter draws operations with fpdf, setting fonts and colours only when
// they change (fpdf writes every call to the page).
type painter struct {
	pdf  *fpdf.Fpdf
	mode fontMode

	st        style
	size      float64
	text      rgb
	draw      rgb
	fill      rgb
	lineWidth float64
}

// reset forgets the state at the start of a page: fpdf starts each page
// with its own defaults.
func (p *painter) reset() {
	p.size, p.lineWidth = 0, -1
	p.text, p.draw, p.fill = rgb{1, 1, 1}, rgb{1, 1, 1}, rgb{1, 1, 1}
}

func (p *painter) font(st style, size float64) {
	if st != p.st || size != p.size {
		p.pdf.SetFont(family, st.fpdf(), size)
		p.st, p.size = st, size
	}
}

func (p *painter) textColor(c rgb) {
	if c != p.text {
		p.pdf.SetTextColor(int(c.r), int(c.g), int(c.b))
		p.text = c
	}
}

func (p *painter) drawColor(c rgb) {
	if c != p.draw {
		p.pdf.SetDrawColor(int(c.r), int(c.g), int(c.b))
		p.draw = c
	}
}

func (p *painter) fillColor(c rgb) {
	if c != p.fill {
		p.pdf.SetFillColor(int(c.r), int(c.g), int(c.b))
		p.fill = c
	}
}

func (p *painter) width(w float64) {
	if w != p.lineWidth {
		p.pdf.SetLineWidth(w)
		p.lineWidth = w
	}
}

func (p *painter) ops(ops []op) {
	for _, o := range ops {
		switch o.kind {
		case opText:
			p.font(o.st, o.size)
			p.textColor(o.color)
			p.pdf.Text(o.x, o.y, p.mode.encode(o.s))
		case opLine:
			p.drawColor(o.color)
			p.width(o.size)
			p.pdf.Line(o.x, o.y, o.x+o.w, o.y+o.h)
		case opRect:
			if o.grid {
				p.drawColor(o.color)
				p.width(o.size)
				p.pdf.Rect(o.x, o.y, o.w, o.h, "D")
			} else {
				p.fillColor(o.fill)
				p.pdf.Rect(o.x, o.y, o.w, o.h, "F")
			}
		case opBookmark:
			p.pdf.Bookmark(p.mode.bookmark(o.s), o.level, o.y)
		}
	}
}

// paint writes the pages as PDF. header is drawn on every page, footers[i]
// on page i.
func (r *Renderer) paint(w io.Writer, m docMeta, pages []page, header []op, footers [][]op, mode fontMode, used [numStyles]bool) error {
	init := &fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: m.page.w, Ht: m.page.h}}
	if m.page.a4 {
		init.Size, init.SizeStr = fpdf.SizeType{}, "A4"
		if m.page.landscape {
			init.OrientationStr = "L"
		}
	}
	pdf := fpdf.NewCustom(init)
	// Reproducible output: fixed dates, sorted catalogs, fixed
	// compression. fpdf writes no /ID for unencrypted documents.
	pdf.SetCompression(true)
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(m.date)
	pdf.SetModificationDate(m.date)
	pdf.SetLang(m.lang)
	// Metadata is passed as UTF-16BE text strings with isUTF8 false, so
	// fpdf copies it unchanged; its own converter handles only the BMP.
	for _, kv := range []struct {
		set func(string, bool)
		s   string
	}{
		{pdf.SetTitle, m.title},
		{pdf.SetSubject, m.subject},
		{pdf.SetAuthor, m.author},
		{pdf.SetKeywords, m.keywords},
		{pdf.SetCreator, "vereinbar"},
	} {
		if kv.s != "" {
			kv.set(utf16BE(kv.s), false)
		}
	}
	pdf.SetAttachments([]fpdf.Attachment{{
		Content:     m.dump,
		Filename:    ModelAttachment,
		Description: "Dokumentmodell (model.Dump), SHA-256 " + m.dumpSHA,
	}})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(m.page.margin, m.page.margin, m.page.margin)
	mode.register(pdf, &r.faces, used)

	p := painter{pdf: pdf, mode: mode}
	for i, pg := range pages {
		pdf.AddPage()
		p.reset()
		// A font is current before anything else, so outline titles
		// are converted as the font mode expects.
		p.font(regular, footerStyle.size)
		p.ops(header)
		p.ops(pg.ops)
		p.ops(footers[i])
	}
	return pdf.Output(w)
}
