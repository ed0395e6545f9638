package pdf

import (
	"io"
	"strconv"
	"time"

	"github.com/go-pdf/fpdf"
)

// docMeta is the checked metadata of a document.
type docMeta struct {
	title, subject, author, keywords string
	lang                             string // BCP 47, canonical
	date                             time.Time
	page                             pageGeom
}

// paintOpts are switches for tests: fpdf's own page compression instead of
// finishFpdf, fpdf's Text instead of the painter's own text operator.
type paintOpts struct {
	fpdfCompress bool
	fpdfText     bool
}

// painter draws operations with fpdf, setting fonts and colours only when
// they change (fpdf writes every call to the page).
type painter struct {
	pdf  *fpdf.Fpdf
	mode fontMode
	// ownText: text is written as fpdf's Text would write it, without its
	// fmt.Sprintf calls (simple fonts only; see show).
	ownText bool
	k, h    float64 // fpdf's scale factor and page height
	buf     []byte

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
			p.show(o.x, o.y, p.mode.encode(o.s))
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
		case opDiamond:
			p.fillColor(o.fill)
			p.pdf.Polygon([]fpdf.PointType{{X: o.x, Y: o.y - o.w}, {X: o.x + o.w, Y: o.y}, {X: o.x, Y: o.y + o.w}, {X: o.x - o.w, Y: o.y}}, "F")
		case opBookmark:
			p.pdf.Bookmark(p.mode.bookmark(o.s), o.level, o.y)
		}
	}
}

// show writes s at x, y. fpdf's Text formats every text with
// fmt.Sprintf, a good part of the painting time; for the simple fonts the
// painter writes the same bytes itself, as fpdf v0.9.0's Text does:
//
//	BT x y Td (s) Tj ET
//
// with x and y in points to two decimals and s escaped, wrapped in
// "q <text colour> ... Q" while the text colour differs from the fill
// colour. The UTF-8 fonts go through Text, which records the used runes
// for subsetting. Our styles never underline or strike out.
func (p *painter) show(x, y float64, s string) {
	if !p.ownText {
		p.pdf.Text(x, y, s)
		return
	}
	tr, tg, tb := p.pdf.GetTextColor()
	fr, fg, fb := p.pdf.GetFillColor()
	wrap := tr != fr || tg != fg || tb != fb
	b := p.buf[:0]
	if wrap {
		b = append(b, "q "...)
		b = appendColor(b, tr, tg, tb)
		b = append(b, ' ')
	}
	b = append(b, "BT "...)
	b = strconv.AppendFloat(b, x*p.k, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, (p.h-y)*p.k, 'f', 2, 64)
	b = append(b, " Td ("...)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '(', ')':
			b = append(b, '\\', c)
		case '\r':
			b = append(b, '\\', 'r')
		default:
			b = append(b, c)
		}
	}
	b = append(b, ") Tj ET"...)
	if wrap {
		b = append(b, " Q"...)
	}
	p.buf = b
	p.pdf.RawWriteStr(string(b))
}

// appendColor appends an RGB colour as fpdf writes a non-stroking colour:
// "v g" for grey (r, g and b equal, fpdf's test), else "r g b rg", each
// component c written as c/255 to three decimals.
func appendColor(b []byte, r, g, bl int) []byte {
	if r == g && r == bl {
		b = strconv.AppendFloat(b, float64(r)/255.0, 'f', 3, 64)
		return append(b, " g"...)
	}
	for _, c := range [...]int{r, g, bl} {
		b = strconv.AppendFloat(b, float64(c)/255.0, 'f', 3, 64)
		b = append(b, ' ')
	}
	return append(b, "rg"...)
}

// paint writes the pages as PDF. header is drawn on every page, footers[i]
// on page i.
func (r *Renderer) paint(w io.Writer, m docMeta, pages []page, header []op, footers [][]op, mode fontMode, used [numStyles]bool, opts paintOpts) error {
	init := &fpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: fpdf.SizeType{Wd: m.page.w, Ht: m.page.h}}
	if m.page.a4 {
		init.Size, init.SizeStr = fpdf.SizeType{}, "A4"
		if m.page.landscape {
			init.OrientationStr = "L"
		}
	}
	pdf := fpdf.NewCustom(init)
	// Reproducible output: fixed dates, sorted catalogs, fixed
	// compression. fpdf writes no /ID for unencrypted documents. The page
	// contents are written uncompressed and finishFpdf compresses
	// them afterwards, to the same bytes but without a new zlib writer
	// per page (fpdf still compresses the fonts itself; finishFpdf adds
	// the model attachment).
	pdf.SetCompression(opts.fpdfCompress)
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
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(m.page.margin, m.page.margin, m.page.margin)
	mode.register(pdf, &r.faces, used)

	_, simple := mode.(winAnsiMode)
	p := painter{pdf: pdf, mode: mode, ownText: simple && !opts.fpdfText, k: pdf.GetConversionRatio()}
	for i, pg := range pages {
		pdf.AddPage()
		p.reset()
		_, p.h = pdf.GetPageSize()
		// A font is current before anything else, so outline titles
		// are converted as the font mode expects.
		p.font(regular, footerStyle.size)
		p.ops(header)
		p.ops(pg.ops)
		p.ops(footers[i])
	}
	return pdf.Output(w)
}
