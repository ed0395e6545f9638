package docxread

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Namespaces of WordprocessingML: transitional (what Word and LibreOffice
// write) and strict.
const (
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
	nsMC      = "http://schemas.openxmlformats.org/markup-compatibility/2006"
)

// node is an element kept from an XML part: its local name, its
// attributes by local name, its children and its character data (only
// for text elements).
type node struct {
	name  string
	attrs []attr
	kids  []*node
	text  string
}

// attr is an attribute by local name.
type attr struct{ name, value string }

// keptAttrs are the attributes the reader looks at; all others (rsids,
// fonts, sizes, …) are dropped to keep the tree small.
var keptAttrs = map[string]bool{
	"val": true, "styleId": true, "type": true, "left": true, "start": true, "name": true,
	"fill": true, "sz": true, "w": true, "Type": true, "Target": true, "TargetMode": true,
	"char": true, "abstractNumId": true, "numId": true, "ilvl": true,
}

// attr returns the attribute with the local name, "" if absent.
func (n *node) attr(name string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.attrs {
		if a.name == name {
			return a.value
		}
	}
	return ""
}

// child returns the first child with the local name, nil if none.
func (n *node) child(name string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// parseOpts says which elements of a part to keep.
type parseOpts struct {
	// keep reports whether an element (space, local name) and its subtree
	// are kept; nil keeps everything.
	keep func(space, local string) bool
	// textOf lists the local names whose character data is kept.
	textOf map[string]bool
}

// parseXML reads one XML part safely: any directive (DOCTYPE, ENTITY) is
// refused, undefined entities fail (Strict, no Entity map), and depth and
// element count are capped. Elements that opts does not keep are skipped
// with their subtrees.
func parseXML(r io.Reader, name string, o Options, opts parseOpts) (*node, error) {
	d := xml.NewDecoder(r)
	d.Strict = true
	root := &node{name: "#root"}
	stack := []*node{root}
	skip := 0 // depth inside a skipped subtree
	elements := 0
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			switch {
			case errors.Is(err, ErrLimit) || errors.Is(err, ErrNotDocx):
				return nil, err
			case errors.Is(err, zip.ErrFormat):
				// archive/zip stops at the size the directory declares
				return nil, fmt.Errorf("%w: %s entpackt mehr, als das ZIP-Verzeichnis angibt (ZIP-Bombe?)", ErrLimit, name)
			case errors.Is(err, zip.ErrChecksum):
				return nil, fmt.Errorf("%w: %s: Prüfsumme falsch", ErrNotDocx, name)
			}
			return nil, fmt.Errorf("%w: %s: %v", ErrXML, name, err)
		}
		switch t := tok.(type) {
		case xml.Directive:
			return nil, fmt.Errorf("%w: %s enthält <!%s>", ErrDTD, name, clip(string(t)))
		case xml.StartElement:
			if len(stack)+skip > o.MaxDepth {
				return nil, fmt.Errorf("%w: %s ist tiefer als %d Ebenen verschachtelt", ErrLimit, name, o.MaxDepth)
			}
			if skip > 0 || (opts.keep != nil && !opts.keep(t.Name.Space, t.Name.Local)) {
				skip++
				continue
			}
			elements++
			if elements > o.MaxElements {
				return nil, fmt.Errorf("%w: %s hat mehr als %d Elemente", ErrLimit, name, o.MaxElements)
			}
			n := &node{name: t.Name.Local}
			for _, a := range t.Attr {
				if keptAttrs[a.Name.Local] {
					n.attrs = append(n.attrs, attr{a.Name.Local, a.Value})
				}
			}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if skip > 0 {
				continue
			}
			if top := stack[len(stack)-1]; opts.textOf[top.name] {
				top.text += string(t)
			}
		}
	}
	return root, nil
}

func clip(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

// isW reports whether space is the WordprocessingML namespace.
func isW(space string) bool { return space == nsW || space == nsWStrict }

// documentKeep keeps what the model needs from word/document.xml and
// skips drawings, deleted text, field instructions and the old formatting
// of tracked changes. Of Markup Compatibility's mc:AlternateContent it
// keeps mc:Fallback, what a consumer that knows none of the choices' extra
// namespaces must read (ECMA-376 Part 3, 10.2); Word puts runs there as
// well as drawings and text boxes, which stay skipped.
func documentKeep(space, local string) bool {
	if space == nsMC {
		return local == "AlternateContent" || local == "Fallback"
	}
	if !isW(space) {
		return false
	}
	switch local {
	case "drawing", "pict", "object", "moveFrom", "delText", "delInstrText", "instrText",
		"rPrChange", "pPrChange", "tblPrChange", "trPrChange", "tcPrChange", "sectPrChange", "numberingChange",
		"footnoteReference", "endnoteReference", "commentReference", "sectPr":
		return false
	}
	return true
}
