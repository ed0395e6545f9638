package docx

import "github.com/vereinbar/vereinbar/generator/model"

// Slide page in twips: 960 × 540 pt (338.67 × 190.5 mm, PowerPoint's
// 16:9 "Widescreen"), 12 mm margins, header and footer 4 mm from the edge
// so they fit into the narrow margins.
const (
	slideW         = 19200
	slideH         = 10800
	slideMargin    = 680 // 12 mm
	slideHdrFtrGap = 227 // 4 mm
)

// pageGeom is the page format of a document in twips.
type pageGeom struct {
	w, h      int
	margin    int // on every side
	hdrFtr    int // distance of header and footer from the page edge
	landscape bool
}

// pageGeometry returns the page format Meta asks for: A4 portrait or,
// with Landscape, landscape; or a slide, which is always landscape.
func pageGeometry(m model.Meta) (pageGeom, bool) {
	switch m.Page {
	case "", model.PageA4:
		if m.Landscape {
			return pageGeom{w: pageLong, h: pageShort, margin: margin, hdrFtr: hdrFtrGap, landscape: true}, true
		}
		return pageGeom{w: pageShort, h: pageLong, margin: margin, hdrFtr: hdrFtrGap}, true
	case model.PageSlide:
		return pageGeom{w: slideW, h: slideH, margin: slideMargin, hdrFtr: slideHdrFtrGap, landscape: true}, true
	}
	return pageGeom{}, false
}

// textW is the width between the margins.
func (g pageGeom) textW() int { return g.w - 2*g.margin }

// sectPr writes the section properties: header, footer, page size and
// margins.
func (r *renderer) sectPr() {
	g := r.page
	x := &r.x
	x.raw(`<w:sectPr><w:headerReference w:type="default" r:id="` + ridHeader + `"/>` +
		`<w:footerReference w:type="default" r:id="` + ridFooter + `"/><w:pgSz`)
	x.intAttr("w:w", g.w)
	x.intAttr("w:h", g.h)
	if g.landscape {
		x.raw(` w:orient="landscape"`)
	}
	x.raw(`/><w:pgMar`)
	for _, a := range []string{"w:top", "w:right", "w:bottom", "w:left"} {
		x.intAttr(a, g.margin)
	}
	x.intAttr("w:header", g.hdrFtr)
	x.intAttr("w:footer", g.hdrFtr)
	x.raw(` w:gutter="0"/><w:cols w:space="708"/></w:sectPr>`)
}
