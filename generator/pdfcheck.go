package generator

import (
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/pdf"
)

// checkPDFModel checks the model d embedded in the PDF src like any
// document (runDocument), then whether the pages show what that model
// says: the rules of check.KindPDF compare the text of the pages with
// what the renderer sets from d, and report what was added to the file
// after it was written. A companion (the Synopse) has no rules of its
// own, but its pages are compared like any PDF's.
func (g *Generator) checkPDFModel(path string, src []byte, d *model.Document, opts CheckOptions, rep *check.FileReport) error {
	if err := g.runDocument(path, d, opts, rep, "PDF-Modell"); err != nil {
		return err
	}
	rep.Note = "im PDF eingebettetes Dokumentmodell geprüft und mit dem Text der Seiten verglichen"
	rep.Checked = append(rep.Checked, "Seiten gegen das eingebettete Modell")
	in := check.Input{Name: path, Kind: check.KindPDF, Doc: d, PDF: g.pdfPages(src, d)}
	rep.Findings = append(rep.Findings, check.Run(in)...)
	return nil
}

// pdfPages reads what the pages of src show and sets d's pages as the
// renderer would.
func (g *Generator) pdfPages(src []byte, d *model.Document) *check.PDFPages {
	out := &check.PDFPages{}
	shown, err := pdf.ReadPages(src)
	if err != nil {
		out.Unreadable = err.Error()
		return out
	}
	out.Shown, out.Updates, out.Foreign = shown.Text, shown.Updates, shown.Foreign
	r, err := g.pdf()
	if err == nil {
		out.Model, err = r.PageText(d)
	}
	if err != nil {
		out.Unreadable = "das eingebettete Modell lässt sich nicht setzen: " + err.Error()
	}
	return out
}
