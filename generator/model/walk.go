package model

import (
	"errors"
	"fmt"
	"strings"
)

// ErrUnknownNode is returned by consumers that meet a node kind they do not
// handle.
var ErrUnknownNode = errors.New("unbekannter Knotentyp im Dokumentmodell")

// UnknownBlock returns an error for a block a consumer cannot handle.
func UnknownBlock(b Block) error {
	return fmt.Errorf("%w: %T bei %s:%d", ErrUnknownNode, b, b.Position().File, b.Position().Line)
}

// UnknownInline returns an error for an inline a consumer cannot handle.
func UnknownInline(in Inline) error {
	return fmt.Errorf("%w: %T", ErrUnknownNode, in)
}

// WalkFunc is called for every block in document order. The sections
// argument is the chain of enclosing sections, outermost first. Returning
// an error stops the walk.
type WalkFunc func(b Block, sections []*Section) error

// Walk visits every block of the document depth-first in document order,
// including blocks nested in sections and list items.
func Walk(d *Document, fn WalkFunc) error {
	return walkBlocks(d.Blocks, nil, fn)
}

func walkBlocks(bs []Block, secs []*Section, fn WalkFunc) error {
	for _, b := range bs {
		if err := fn(b, secs); err != nil {
			return err
		}
		switch n := b.(type) {
		case *Section:
			inner := append(secs[:len(secs):len(secs)], n)
			if err := walkBlocks(n.Blocks, inner, fn); err != nil {
				return err
			}
		case *List:
			for _, it := range n.Items {
				if err := walkBlocks(it.Blocks, secs, fn); err != nil {
					return err
				}
			}
		case *Paragraph, *Table, *Chart, *Gantt, *Signatures, *PageBreak:
		default:
			return UnknownBlock(b)
		}
	}
	return nil
}

// PlainText returns the text of inlines; line breaks become "\n", a form
// field its filled-in text ("" when empty).
func PlainText(ins []Inline) string {
	var b strings.Builder
	for _, in := range ins {
		switch n := in.(type) {
		case Text:
			b.WriteString(n.Text)
		case LineBreak:
			b.WriteString("\n")
		case Field:
			b.WriteString(n.Text)
		}
	}
	return b.String()
}

// Sections returns every section in document order.
func Sections(d *Document) []*Section {
	var out []*Section
	_ = Walk(d, func(b Block, _ []*Section) error {
		if s, ok := b.(*Section); ok {
			out = append(out, s)
		}
		return nil
	})
	return out
}
