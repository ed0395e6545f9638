package pdf

import "github.com/vereinbar/vereinbar/generator/model"

// Slide page in mm: 960 × 540 pt (338.67 × 190.5 mm, PowerPoint's 16:9
// "Widescreen"), 12 mm margins, header and footer 4 mm from the edge so
// they fit into the narrow margins. The DOCX renderer uses the same
// numbers in twips.
const (
	slideW         = 960 * ptMM
	slideH         = 540 * ptMM
	slideMargin    = 12.0
	slideHdrFtrGap = 4.0
)

// pageGeom is the page format of a document in mm.
type pageGeom struct {
	w, h      float64
	margin    float64 // on every side
	hdrFtr    float64 // distance of header and footer text from the page edge
	a4        bool    // fpdf's own A4 size, so A4 output stays as it was
	landscape bool
}

// pageGeometry returns the page format Meta asks for: A4 portrait or,
// with Landscape, landscape; or a slide, which is always landscape.
func pageGeometry(m model.Meta) (pageGeom, bool) {
	switch m.Page {
	case "", model.PageA4:
		if m.Landscape {
			return pageGeom{w: a4Long, h: a4Short, margin: margin, hdrFtr: hdrFtrGap, a4: true, landscape: true}, true
		}
		return pageGeom{w: a4Short, h: a4Long, margin: margin, hdrFtr: hdrFtrGap, a4: true}, true
	case model.PageSlide:
		return pageGeom{w: slideW, h: slideH, margin: slideMargin, hdrFtr: slideHdrFtrGap, landscape: true}, true
	}
	return pageGeom{}, false
}
