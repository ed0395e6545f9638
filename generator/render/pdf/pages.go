package pdf

import (
	"bytes"
	"fmt"
	"regexp"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
)

// Pages is what a PDF shows on its pages and how the file was written,
// as ReadPages reads it back, to be compared with what the renderer sets
// from the embedded model (Renderer.PageText).
type Pages struct {
	// Text holds for each page, in page order, the text strings its
	// content streams show (Tj, TJ, ' and "), in the order shown.
	Text [][]string
	// Updates counts the incremental updates appended after the file's
	// first version: the sections ending in "startxref … %%EOF" after the
	// first. vereinbar writes none; a program that edits, annotates or
	// signs a PDF in place appends one.
	Updates int
	// Foreign lists what vereinbar never writes and the text comparison
	// cannot see: annotations other than links, and XObjects drawn on a
	// page (form or image), each as "Seite n: …".
	Foreign []string
}

// Limits of ReadPages.
const (
	maxPages    = 10_000 // pages read
	maxOperands = 64     // operands kept before an operator
)

var eofSection = regexp.MustCompile(`startxref[\x00\t\n\f\r ]+\d+[\x00\t\n\f\r ]+%%EOF`)

// ReadPages reads the text shown on the pages of a PDF written by this
// package: the page tree from its root, each page's content streams
// (unfiltered or FlateDecode), and the strings of the text operators,
// decoded with the page's fonts as this package writes them (simple
// TrueType fonts in WinAnsiEncoding, or Type0 fonts in Identity-H whose
// codes are the characters in UTF-16BE). It parses the file like
// ReadEmbeddedModel, without trusting it (the last definition of an object
// wins, as after incremental updates), and fails with ErrPageText on what
// it cannot read; never a panic.
func ReadPages(pdf []byte) (pages *Pages, err error) {
	defer func() {
		if p := recover(); p != nil {
			pages, err = nil, fmt.Errorf("%w: interner Fehler: %v", ErrPageText, p)
		}
	}()
	budget := &inflateBudget{left: maxInflate, total: maxInflate}
	objs := map[pdfRef]*pdfObject{}
	var catalog pdfRef
	scanObjects(pdf, budget, func(o *pdfObject) {
		ref := pdfRef{o.num, o.gen}
		objs[ref] = o
		if d, ok := o.value.(pdfDict); ok && d["Type"] == pdfName("Catalog") {
			catalog = ref // the last one wins, as after incremental updates
		}
	})
	r := pageReader{pdf: pdf, objs: objs, budget: budget}
	cat, _ := r.resolve(catalog).(pdfDict)
	root, ok := cat["Pages"].(pdfRef)
	if !ok {
		return nil, fmt.Errorf("%w: kein Katalog mit Seitenbaum", ErrPageText)
	}
	if err := r.tree(root, nil, 0); err != nil {
		return nil, err
	}
	r.out.Updates = max(0, len(eofSection.FindAllIndex(pdf, -1))-1)
	return &r.out, nil
}

// pageReader reads the pages of one file.
type pageReader struct {
	pdf    []byte
	objs   map[pdfRef]*pdfObject
	budget *inflateBudget
	seen   map[pdfRef]bool
	out    Pages
}

// resolve follows a reference (once: vereinbar writes no chains).
func (r *pageReader) resolve(v any) any {
	if ref, ok := v.(pdfRef); ok {
		if o := r.objs[ref]; o != nil {
			return o.value
		}
		return nil
	}
	return v
}

// tree reads the page tree node ref; inherited are the resources of the
// nodes above.
func (r *pageReader) tree(ref pdfRef, inherited any, depth int) error {
	if r.seen == nil {
		r.seen = map[pdfRef]bool{}
	}
	if r.seen[ref] || depth > maxDepth {
		return fmt.Errorf("%w: Seitenbaum verweist auf sich selbst oder ist zu tief", ErrPageText)
	}
	r.seen[ref] = true
	d, _ := r.resolve(ref).(pdfDict)
	if d == nil {
		return fmt.Errorf("%w: Seite %d %d R fehlt", ErrPageText, ref.num, ref.gen)
	}
	res := d["Resources"]
	if res == nil {
		res = inherited
	}
	if d["Type"] == pdfName("Page") {
		if len(r.out.Text) >= maxPages {
			return fmt.Errorf("%w: mehr als %d Seiten", ErrPageText, maxPages)
		}
		return r.page(d, res)
	}
	kids, _ := r.resolve(d["Kids"]).(pdfArray)
	for _, k := range kids {
		kref, ok := k.(pdfRef)
		if !ok {
			return fmt.Errorf("%w: Seitenbaum mit direktem Eintrag", ErrPageText)
		}
		if err := r.tree(kref, res, depth+1); err != nil {
			return err
		}
	}
	return nil
}

// page reads one page: its content streams in order, shown with its
// fonts.
func (r *pageReader) page(d pdfDict, resources any) error {
	n := len(r.out.Text) + 1
	res, _ := r.resolve(resources).(pdfDict)
	fonts, _ := r.resolve(res["Font"]).(pdfDict)
	annots, _ := r.resolve(d["Annots"]).(pdfArray)
	for _, a := range annots {
		ad, _ := r.resolve(a).(pdfDict)
		if sub, _ := ad["Subtype"].(pdfName); sub != "Link" {
			r.out.Foreign = append(r.out.Foreign, fmt.Sprintf("Seite %d: Anmerkung /%s", n, sub))
		}
	}
	var content []byte
	refs, ok := r.resolve(d["Contents"]).(pdfArray)
	if !ok {
		refs = pdfArray{d["Contents"]}
	}
	for _, c := range refs {
		ref, ok := c.(pdfRef)
		o := r.objs[ref]
		if !ok || o == nil || o.stream == nil {
			return fmt.Errorf("%w: Seite %d: Inhalt fehlt", ErrPageText, n)
		}
		sd, _ := o.value.(pdfDict)
		data, err := decodeStream(sd, r.streamOf(o, sd), r.budget)
		if err != nil {
			return fmt.Errorf("%w: Seite %d: %v", ErrPageText, n, err)
		}
		content = append(append(content, data...), '\n')
	}
	var texts []string
	err := showText(content, func(font pdfName, s pdfString) error {
		dec, err := r.decoder(fonts, font)
		if err != nil {
			return err
		}
		texts = append(texts, dec(s))
		return nil
	}, func(xobject pdfName) {
		r.out.Foreign = append(r.out.Foreign, fmt.Sprintf("Seite %d: XObject /%s", n, xobject))
	})
	if err != nil {
		return fmt.Errorf("%w: Seite %d: %v", ErrPageText, n, err)
	}
	r.out.Text = append(r.out.Text, texts)
	return nil
}

// streamOf returns the data of a stream, with an indirect /Length
// resolved (the scan could only guess the end from "endstream").
func (r *pageReader) streamOf(o *pdfObject, d pdfDict) []byte {
	if ref, ok := d["Length"].(pdfRef); ok {
		if n, ok := r.resolve(ref).(int64); ok && n >= 0 && n <= int64(len(r.pdf)-o.streamAt) {
			return r.pdf[o.streamAt : o.streamAt+int(n)]
		}
	}
	return o.stream
}

// decoder returns how to read the strings shown with the font named
// name in the page's font resources.
func (r *pageReader) decoder(fonts pdfDict, name pdfName) (func(pdfString) string, error) {
	f, _ := r.resolve(fonts[string(name)]).(pdfDict)
	switch {
	case f == nil:
		return nil, fmt.Errorf("Schrift /%s fehlt in den Ressourcen", name)
	case f["Subtype"] == pdfName("Type0") && f["Encoding"] == pdfName("Identity-H"):
		return decodeUTF16, nil
	case f["Subtype"] == pdfName("TrueType") && f["Encoding"] == pdfName("WinAnsiEncoding"):
		return decodeWinAnsi, nil
	}
	return nil, fmt.Errorf("Schrift /%s (%v, %v) ist keine, die vereinbar schreibt", name, f["Subtype"], f["Encoding"])
}

func decodeWinAnsi(s pdfString) string {
	r := make([]rune, len(s))
	for i, b := range s {
		r[i] = charmap.Windows1252.DecodeByte(b)
	}
	return string(r)
}

func decodeUTF16(s pdfString) string {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}

// showText reads a content stream and calls show for every string a
// text operator shows, with the current font (Tf), and xobject for every
// XObject drawn (Do). Inline images are skipped.
func showText(b []byte, show func(font pdfName, s pdfString) error, xobject func(pdfName)) error {
	l := lexer{b: b}
	var operands []any
	var font pdfName
	for {
		l.space()
		if l.p >= len(l.b) {
			return nil
		}
		switch c := l.b[l.p]; {
		case c == '/' || c == '(' || c == '<' || c == '[' || c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9':
			v, err := l.value(0)
			if err != nil {
				return fmt.Errorf("Inhaltsstrom bei Byte %d nicht lesbar", l.p)
			}
			if len(operands) < maxOperands {
				operands = append(operands, v)
			}
			continue
		}
		start := l.p
		for l.p < len(l.b) && !isDelim(l.b[l.p]) {
			l.p++
		}
		if l.p == start {
			return fmt.Errorf("Inhaltsstrom: unerwartetes Zeichen %q bei Byte %d", l.b[l.p], l.p)
		}
		op := string(l.b[start:l.p])
		last := func() any {
			if len(operands) == 0 {
				return nil
			}
			return operands[len(operands)-1]
		}
		var err error
		switch op {
		case "Tf":
			if len(operands) == 2 {
				font, _ = operands[0].(pdfName)
			}
		case "Tj", "'", `"`:
			if s, ok := last().(pdfString); ok {
				err = show(font, s)
			}
		case "TJ":
			arr, _ := last().(pdfArray)
			var joined pdfString
			for _, v := range arr {
				if s, ok := v.(pdfString); ok {
					joined = append(joined, s...)
				}
			}
			err = show(font, joined)
		case "Do":
			if n, ok := last().(pdfName); ok {
				xobject(n)
			}
		case "BI":
			i := bytes.Index(l.b[l.p:], []byte("EI"))
			if i < 0 {
				return nil
			}
			l.p += i + 2
		}
		if err != nil {
			return err
		}
		operands = operands[:0]
	}
}
