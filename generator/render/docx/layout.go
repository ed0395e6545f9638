package docx

// Page geometry and indents in twips (1/20 pt; 567 twips ≈ 1 cm). The PDF
// renderer should use the same numbers so lines break alike.
const (
	pageShort = 11906 // A4 width in portrait
	pageLong  = 16838 // A4 height in portrait
	margin    = 1417  // 2.5 cm on every side
	hdrFtrGap = 709   // distance of header and footer from the page edge

	// indentStep is the width of a label column: "(2)" of a numbered
	// paragraph or "a)" of a list item; each list level adds one step.
	indentStep = 567

	// signatureGap separates the two columns of signature blocks.
	signatureGap = 567

	// fieldRowHeight is the least height of a table row with an empty
	// form field: 9 mm, room to write by hand (the PDF's row plus
	// fieldRoom).
	fieldRowHeight = 510
)

// textWidth is the width between the margins.
func textWidth(landscape bool) int {
	if landscape {
		return pageLong - 2*margin
	}
	return pageShort - 2*margin
}
