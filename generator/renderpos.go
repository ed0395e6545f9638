package generator

import (
	"errors"
	"fmt"

	"github.com/vereinbar/vereinbar/generator/render/pdf"
)

// renderError names a render error of document doc ("vereinbarung.pdf")
// with the project file and, where the reason lies in the data, with the
// line, column and data path of the value: a character the PDF font lacks
// (the first text value holding it) and a table row too tall for a PDF
// page (the text value that fills one of its cells). Other errors name
// the file only; they are not the data's doing.
func renderError(p *Project, doc string, err error) error {
	var (
		mg *pdf.MissingGlyphError
		rt *pdf.RowTooTallError
	)
	switch {
	case errors.As(err, &mg):
		if path, pos, ok := p.File.FindRune(mg.Rune); ok {
			return fmt.Errorf("%s:%d:%d: %s: %s: %w", p.Path, pos.Line, pos.Col, path, doc, err)
		}
	case errors.As(err, &rt):
		if path, pos, ok := p.File.FindText(rt.Cells...); ok {
			return fmt.Errorf("%s:%d:%d: %s: %s: %w – Text kürzen", p.Path, pos.Line, pos.Col, path, doc, err)
		}
	}
	return fmt.Errorf("%s: %s: %w", p.Path, doc, err)
}
