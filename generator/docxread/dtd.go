package docxread

import (
	"archive/zip"
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// refuseDTDs looks at the prolog of every entry of the package, also of
// the parts Read never parses ([Content_Types].xml, footers, settings,
// custom XML, …), and refuses a document type declaration wherever it
// stands: no DOCX needs one, and a file carrying one is hostile. Only the
// prolog is read (XML declaration, comments, processing instructions,
// white space up to the first element), so the cost is a few bytes an
// entry; entries that do not start like XML (images) end the scan at
// their first byte.
func (p *pkg) refuseDTDs() error {
	for _, f := range p.entries {
		if err := p.refuseDTD(f); err != nil {
			return err
		}
	}
	return nil
}

func (p *pkg) refuseDTD(f *zip.File) error {
	rc, err := p.openEntry(f)
	if err != nil {
		return err
	}
	defer rc.Close()
	// A byte order mark selects UTF-8 or UTF-16 (which the XML
	// specification allows with a BOM); without one the bytes are taken
	// as UTF-8.
	r := bufio.NewReader(transform.NewReader(rc, unicode.BOMOverride(transform.Nop)))
	decl, err := prologDirective(r)
	switch {
	case err != nil && errors.Is(err, ErrLimit):
		return err
	case decl != "":
		return fmt.Errorf("%w: %s enthält <!%s>", ErrDTD, f.Name, clip(decl))
	}
	return nil
}

// prologDirective reads the XML prolog from r and returns the start of the
// first markup declaration ("DOCTYPE …") it holds, "" if the prolog ends
// (with an element, other content or the end of the data) without one.
// Comments and processing instructions are skipped whole.
func prologDirective(r *bufio.Reader) (string, error) {
	for {
		b, err := r.ReadByte()
		if err != nil {
			return "", ignoreEOF(err)
		}
		switch b {
		case ' ', '\t', '\r', '\n':
			continue
		case '<':
		default:
			return "", nil
		}
		next, err := r.Peek(3)
		if err != nil && len(next) == 0 {
			return "", ignoreEOF(err)
		}
		switch {
		case bytes.HasPrefix(next, []byte("?")):
			if err := skipPast(r, "?>"); err != nil {
				return "", ignoreEOF(err)
			}
		case bytes.HasPrefix(next, []byte("!--")):
			if err := skipPast(r, "-->"); err != nil {
				return "", ignoreEOF(err)
			}
		case bytes.HasPrefix(next, []byte("!")):
			head, _ := r.Peek(48)
			return string(bytes.TrimPrefix(head, []byte("!"))), nil
		default:
			return "", nil // the root element: the prolog is over
		}
	}
}

// skipPast reads r up to and including the first occurrence of end.
func skipPast(r *bufio.Reader, end string) error {
	window := make([]byte, 0, len(end))
	for !bytes.Equal(window, []byte(end)) {
		b, err := r.ReadByte()
		if err != nil {
			return err
		}
		if len(window) == len(end) {
			window = window[1:]
		}
		window = append(window, b)
	}
	return nil
}

func ignoreEOF(err error) error {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return nil
	}
	return err
}
