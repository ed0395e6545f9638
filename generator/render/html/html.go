// Package html renders the document model as a standalone HTML5 page: the
// same text and numbers as the DOCX and PDF, for reading in a browser and
// for the live preview of `vereinbar serve`.
//
// The page loads nothing: no external resources, no JavaScript, and no
// style attributes. All styling is one <style> element in the head, so a
// strict Content-Security-Policy can admit it by its hash. Column widths,
// cell shading and bar lengths, which vary per document, become classes
// whose rules the renderer writes into that element.
//
// Text from the model reaches the page only through html.EscapeString,
// after the same character rule the DOCX and PDF renderers apply
// (textcheck.Clean): hostile text from a project file comes out literally.
package html

import (
	"bytes"
	"fmt"
	"html"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/vereinbar/vereinbar/generator/atomicfile"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/internal/textcheck"
)

// Options control rendering. There are none yet; the type keeps the
// signature the same as that of the other renderers.
type Options struct{}

// Render writes d as a complete HTML5 document to w. The whole page is
// built in memory first, so on error w has received nothing. The output
// depends only on d: two renders are byte-identical.
func Render(w io.Writer, d *model.Document, opts Options) error {
	if d == nil {
		return fmt.Errorf("html: %w", ErrNilDocument)
	}
	r := &renderer{ids: map[string]bool{}, rules: map[string]string{}}
	if err := r.blocks(d.Blocks, 0); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	var page bytes.Buffer
	if err := r.page(&page, d); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	_, err := w.Write(page.Bytes())
	return err
}

// RenderFile renders d into the file at path, atomically.
func RenderFile(path string, d *model.Document, opts Options) error {
	var buf bytes.Buffer
	if err := Render(&buf, d, opts); err != nil {
		return err
	}
	if err := atomicfile.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	return nil
}

// renderer accumulates the body and the per-document style rules.
type renderer struct {
	body  bytes.Buffer
	ids   map[string]bool   // ids handed out, to keep them unique
	rules map[string]string // class name -> declarations
	// gantt is set once a Gantt chart is written: the page then carries
	// ganttCSS (documents without one keep their style sheet as it was)
	hasGantt bool
	loc      model.Pos // position of the block being rendered
}

// raw writes markup that is a constant of this package.
func (r *renderer) raw(s string) { r.body.WriteString(s) }

// text writes model text, checked and escaped.
func (r *renderer) text(s string) error {
	c, err := r.clean(s)
	if err != nil {
		return err
	}
	r.body.WriteString(escape(c))
	return nil
}

// escape escapes text for element content and double-quoted attribute
// values; a line feed in text becomes a line break, as in DOCX and PDF.
func escape(s string) string {
	return strings.ReplaceAll(html.EscapeString(s), "\n", "<br>")
}

func (r *renderer) clean(s string) (string, error) {
	c, err := textcheck.Clean(s)
	if err != nil {
		return "", r.where(err)
	}
	return c, nil
}

func (r *renderer) where(err error) error {
	if r.loc.File == "" {
		return err
	}
	return fmt.Errorf("%w (%s:%d)", err, r.loc.File, r.loc.Line)
}

// invalid reports a model rule broken at the current location.
func (r *renderer) invalid(format string, args ...any) error {
	return r.where(fmt.Errorf("%w: %s", ErrInvalidModel, fmt.Sprintf(format, args...)))
}

// id returns a unique, attribute-safe id derived from a model id, "" for
// none. Section ids are unique in the model already; tables and charts
// may repeat them, and then get a suffix.
func (r *renderer) id(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	c, err := r.clean(s)
	if err != nil {
		return "", err
	}
	base := strings.Join(strings.Fields(c), "-")
	out := base
	for n := 2; r.ids[out]; n++ {
		out = base + "-" + strconv.Itoa(n)
	}
	r.ids[out] = true
	return out, nil
}

// idAttr writes ` id="…"` for a non-empty id.
func (r *renderer) idAttr(id string) {
	if id != "" {
		r.raw(` id="` + escape(id) + `"`)
	}
}

// rule registers a per-document class and returns its name.
func (r *renderer) rule(class, decl string) string {
	r.rules[class] = decl
	return class
}

// page writes the complete document around the rendered body.
func (r *renderer) page(w *bytes.Buffer, d *model.Document) error {
	lang := "de"
	if isLang(d.Meta.Language) {
		lang = d.Meta.Language
	}
	title, err := r.clean(d.Meta.Title)
	if err != nil {
		return err
	}
	w.WriteString("<!DOCTYPE html>\n<html lang=\"" + lang + "\">\n<head>\n<meta charset=\"utf-8\">\n" +
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	w.WriteString("<title>" + escape(title) + "</title>\n")
	meta := func(name, value string) error {
		c, err := r.clean(value)
		if err != nil || c == "" {
			return err
		}
		w.WriteString("<meta name=\"" + name + "\" content=\"" + html.EscapeString(c) + "\">\n")
		return nil
	}
	if err := meta("author", d.Meta.Author); err != nil {
		return err
	}
	if err := meta("description", d.Meta.Subject); err != nil {
		return err
	}
	if err := meta("keywords", strings.Join(d.Meta.Keywords, ", ")); err != nil {
		return err
	}
	w.WriteString("<meta name=\"generator\" content=\"vereinbar\">\n<style>\n")
	pageClass, err := r.styles(w, d)
	if err != nil {
		return err
	}
	w.WriteString("</style>\n</head>\n<body>\n")
	r.content(w, d, pageClass)
	w.WriteString("</body>\n</html>\n")
	return nil
}

// styles writes the style sheet of the document (the fixed part, the
// page size, the per-document classes) and returns the class of <main>.
func (r *renderer) styles(w *bytes.Buffer, d *model.Document) (pageClass string, err error) {
	w.WriteString(css)
	pageClass = "a4"
	switch d.Meta.Page {
	case "", model.PageA4:
		size := "A4"
		if d.Meta.Landscape {
			size, pageClass = "A4 landscape", "a4 quer"
		}
		w.WriteString("@page{size:" + size + ";margin:20mm}\n")
	case model.PageSlide:
		pageClass = "folie"
		w.WriteString("@page{size:338.67mm 190.5mm;margin:12mm}\n")
	default:
		return "", fmt.Errorf("%w: Seitenformat %q (erlaubt: %q, %q)", ErrInvalidModel, d.Meta.Page, model.PageA4, model.PageSlide)
	}
	if r.hasGantt {
		w.WriteString(ganttCSS)
	}
	classes := make([]string, 0, len(r.rules))
	for c := range r.rules {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	for _, c := range classes {
		w.WriteString("." + c + "{" + r.rules[c] + "}\n")
	}
	return pageClass, nil
}

// content writes what the page shows: the draft mark and the document.
func (r *renderer) content(w *bytes.Buffer, d *model.Document, pageClass string) {
	if d.Meta.Draft {
		w.WriteString("<p class=\"entwurf\" role=\"note\">" + model.DraftMark + "</p>\n")
	}
	w.WriteString("<main class=\"" + pageClass + "\">\n")
	w.Write(r.body.Bytes())
	w.WriteString("</main>\n")
}

// isLang reports whether s looks like a BCP 47 tag ("de-DE"); anything
// else falls back to "de".
func isLang(s string) bool {
	if s == "" || len(s) > 35 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// css is the fixed part of the style sheet. Per-document classes (column
// widths, shading, bars) follow it.
const css = `:root{color-scheme:light}
body{margin:0;background:#f2f2f2;color:#000;font-family:"Liberation Sans",Arial,Helvetica,sans-serif;font-size:11pt;line-height:1.4}
main{box-sizing:border-box;max-width:210mm;margin:1em auto;padding:20mm;background:#fff}
main.quer{max-width:297mm}
main.folie{max-width:338.67mm;aspect-ratio:16/9;padding:12mm}
h1,h2,h3,h4{font-weight:bold;break-after:avoid;page-break-after:avoid}
h1{font-size:16pt;text-align:center;margin:0 0 .5em}
h2{font-size:12pt;margin:1.2em 0 .5em}
h3,h4{font-size:11pt;margin:1em 0 .4em}
p{margin:0 0 .6em}
.absatz{text-align:justify;hyphens:auto}
.untertitel{text-align:center;font-size:12pt}
.mitte{text-align:center}
.klein{font-size:9pt}
.kn,caption,figcaption{break-after:avoid;page-break-after:avoid}
.liste{list-style:none;margin:0 0 .6em;padding:0}
.liste>li{display:grid;grid-template-columns:2.5em 1fr}
.liste>li>.nr{margin:0}
table{border-collapse:collapse;margin:0 0 1em;width:100%}
caption{font-weight:bold;text-align:left;padding:0 0 .3em}
th,td{padding:.15em .4em;vertical-align:top;text-align:left}
thead th{border-bottom:1px solid #000}
tr{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
.summe td{font-weight:bold;border-top:1px solid #000}
.formular td{border:1px solid #000}
.r{text-align:right}
.c{text-align:center}
.feld{display:inline-block;min-width:8em;border-bottom:1px solid #000}
ins{color:#006100;background:#dfd;text-decoration:underline}
del{color:#9c0006;background:#fdd;text-decoration:line-through}
.diagramm{margin:0 0 1em}
.diagramm .spalten{display:flex;gap:1em}
.diagramm table{flex:1}
.diagramm th{font-weight:normal;width:40%}
.diagramm .wert{text-align:right;white-space:nowrap;width:6em}
.bar{display:block;height:1em}
.unterschriften{display:grid;grid-template-columns:repeat(auto-fill,minmax(16em,1fr));gap:2em;margin:1em 0}
.unterschrift{break-inside:avoid;page-break-inside:avoid}
.linie{border-top:1px solid #000;margin-top:2em;font-size:9pt}
.linie.raum{margin-top:4em}
.seitenumbruch{border-top:1px dashed #999;margin:2em 0}
.entwurf{margin:0;padding:.3em;text-align:center;font-weight:bold;letter-spacing:.3em;color:#9c0006;background:#ffc7ce}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
@media print{body{background:#fff}main{margin:0;padding:0;max-width:none;aspect-ratio:auto}.seitenumbruch{border:0;margin:0;break-after:page;page-break-after:always}}
`
