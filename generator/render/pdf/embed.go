package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"

	"github.com/vereinbar/vereinbar/generator/model"
)

// Every PDF carries the document model it was rendered from, so a later
// check can compare the PDF with exactly that model: the model.Dump
// output (UTF-8) is embedded as a file attachment named ModelAttachment,
// and its SHA-256 stands in the document information dictionary under
// ModelHashKey. ReadEmbeddedModel extracts the dump again.
const (
	// ModelAttachment is the file name of the embedded model dump.
	ModelAttachment = "vereinbar-modell.txt"
	// ModelHashKey is the key of the document information entry that
	// holds the SHA-256 of the embedded dump as 64 lower-case hex digits
	// (pdfinfo -custom shows it).
	ModelHashKey = "VereinbarModellSHA256"
)

// modelDump returns the dump of d and its SHA-256 in hex.
func modelDump(d *model.Document) ([]byte, string, error) {
	var b bytes.Buffer
	if err := model.Dump(&b, d); err != nil {
		return nil, "", err
	}
	sum := sha256.Sum256(b.Bytes())
	return b.Bytes(), hex.EncodeToString(sum[:]), nil
}

// modelEdits returns the edits fpdf has no API for: the attachment's key in
// the catalog's name tree and its file name /F become ModelAttachment
// (fpdf writes "Attachement1" and an empty /F, so qpdf --list-attachments
// and PDF 1.6 readers would not name it), and the document information
// dictionary gets the entry ModelHashKey with sha.
func (f *fpdfFile) modelEdits(sha string) ([]edit, error) {
	off, obj, err := f.catalog()
	if err != nil {
		return nil, err
	}
	key := []byte("(Attachement1) ")
	i := bytes.Index(obj, key)
	var spec int
	if i < 0 {
		return nil, errFpdf("Name der Anlage")
	}
	if _, err := fmt.Sscanf(string(obj[i+len(key):]), "%d 0 R", &spec); err != nil {
		return nil, errFpdf("Verweis auf die Anlage")
	}
	edits := []edit{{at: off + i, n: len(key) - 1, s: "(" + ModelAttachment + ")"}}

	if off, obj, err = f.object(spec); err != nil {
		return nil, err
	}
	empty := []byte("/Type /Filespec /F () ")
	if i = bytes.Index(obj, empty); i < 0 {
		return nil, errFpdf("Dateiname der Anlage")
	}
	edits = append(edits, edit{at: off + i, n: len(empty), s: "/Type /Filespec /F (" + ModelAttachment + ") "})

	info, err := f.trailerRef("/Info")
	if err != nil {
		return nil, err
	}
	if off, obj, err = f.object(info); err != nil {
		return nil, err
	}
	if i = bytes.LastIndex(obj, []byte("\n>>\n")); i < 0 {
		return nil, errFpdf("Ende des Info-Objekts")
	}
	edits = append(edits, edit{at: off + i + 1, s: "/" + ModelHashKey + " (" + sha + ")\n"})
	return edits, nil
}

// catalog returns the offset and text of the document catalog (/Root).
func (f *fpdfFile) catalog() (int, []byte, error) {
	root, err := f.trailerRef("/Root")
	if err != nil {
		return 0, nil, err
	}
	return f.object(root)
}

// fpdfFile is fpdf's output with its cross-reference table located. fpdf
// ends a document with a classic cross-reference table of fixed-width
// entries ("oooooooooo 00000 n \n"), so an edit can correct the offsets
// of the objects after it in place.
type fpdfFile struct {
	b        []byte
	xref     int // offset of "xref"
	entries  int // offset of the first entry (object 0)
	n        int // number of entries
	numStart int // offset of the number after "startxref"
	numEnd   int
	offs     []int // the objects' offsets (index 0 unused), once read
}

func errFpdf(what string) error {
	return fmt.Errorf("pdf: %s in der fpdf-Ausgabe nicht gefunden", what)
}

func errFpdfShape(what string) error {
	return fmt.Errorf("pdf: unerwartete fpdf-Ausgabe: %s", what)
}

func parseFpdf(b []byte) (*fpdfFile, error) {
	sx := bytes.LastIndex(b, []byte("\nstartxref\n"))
	if sx < 0 {
		return nil, errFpdf("startxref")
	}
	f := &fpdfFile{b: b, numStart: sx + len("\nstartxref\n")}
	nl := bytes.IndexByte(b[f.numStart:], '\n')
	if nl < 0 {
		return nil, errFpdf("startxref")
	}
	f.numEnd = f.numStart + nl
	var err error
	if f.xref, err = strconv.Atoi(string(b[f.numStart:f.numEnd])); err != nil || f.xref <= 0 || f.xref >= sx {
		return nil, errFpdf("Querverweistabelle")
	}
	head := b[f.xref:sx]
	if _, err := fmt.Sscanf(string(head[:min(len(head), 32)]), "xref\n0 %d\n", &f.n); err != nil || f.n < 2 {
		return nil, errFpdf("Querverweistabelle")
	}
	f.entries = f.xref + len("xref\n") + bytes.IndexByte(head[len("xref\n"):], '\n') + 1
	if f.entries+20*f.n > sx {
		return nil, errFpdf("Querverweistabelle")
	}
	return f, nil
}

// offset returns the offset of object i.
func (f *fpdfFile) offset(i int) (int, error) {
	if i < 1 || i >= f.n {
		return 0, errFpdf("Objekt " + strconv.Itoa(i))
	}
	offs, err := f.offsets()
	if err != nil {
		return 0, err
	}
	return offs[i], nil
}

// offsets returns the offsets of all objects from the cross-reference
// table (index 0 unused), each checked to be an entry "oooooooooo 00000 n
// \n" before the table.
func (f *fpdfFile) offsets() ([]int, error) {
	if f.offs != nil {
		return f.offs, nil
	}
	offs := make([]int, f.n)
	for i := 1; i < f.n; i++ {
		e := f.b[f.entries+20*i : f.entries+20*i+20]
		off, ok := digits(e[:10])
		if !ok || off >= f.xref || string(e[10:]) != " 00000 n \n" {
			return nil, errFpdf("Eintrag für Objekt " + strconv.Itoa(i))
		}
		offs[i] = off
	}
	f.offs = offs
	return offs, nil
}

// object returns the offset and the text of object i up to "endobj". It
// is meant for objects without a stream.
func (f *fpdfFile) object(i int) (int, []byte, error) {
	off, err := f.offset(i)
	if err != nil {
		return 0, nil, err
	}
	end := bytes.Index(f.b[off:f.xref], []byte("endobj\n"))
	if end < 0 {
		return 0, nil, errFpdf("Ende von Objekt " + strconv.Itoa(i))
	}
	return off, f.b[off : off+end], nil
}

// trailerRef returns the object number of a trailer entry, e.g. "/Info".
func (f *fpdfFile) trailerRef(key string) (int, error) {
	trailer := f.b[f.entries+20*f.n : f.numStart]
	i := bytes.Index(trailer, []byte(key+" "))
	if i < 0 {
		return 0, errFpdf(key)
	}
	var n int
	if _, err := fmt.Sscanf(string(trailer[i+len(key):]), " %d 0 R", &n); err != nil {
		return 0, errFpdf(key)
	}
	return n, nil
}

// edit replaces the n bytes at offset at, which lie inside an object
// (after its "N 0 obj" line), with s followed by data.
type edit struct {
	at, n int
	s     string
	data  []byte
}

// apply returns the file with the edits made, in one copy: each
// cross-reference entry moves by the growth of the edits before its
// object, and startxref by the growth of all. Edits may come in any order
// but must not overlap; an object that starts inside an edit is an error.
func (f *fpdfFile) apply(edits []edit) ([]byte, error) {
	offs, err := f.offsets()
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(edits, func(a, b edit) int { return a.at - b.at })
	size := len(f.b) + 10 // startxref may gain digits
	for _, e := range edits {
		size += len(e.s) + len(e.data) - e.n
	}
	out := make([]byte, 0, size)
	// growth[k] is the total growth of edits[:k+1].
	growth := make([]int, len(edits))
	prev, total := 0, 0
	for k, e := range edits {
		if e.at < prev || e.n < 0 || e.at+e.n > f.xref {
			return nil, errFpdfShape("Änderungen überlappen")
		}
		out = append(out, f.b[prev:e.at]...)
		out = append(out, e.s...)
		out = append(out, e.data...)
		total += len(e.s) + len(e.data) - e.n
		growth[k] = total
		prev = e.at + e.n
	}
	out = append(out, f.b[prev:f.entries+20]...) // up to object 0's entry
	for i := 1; i < f.n; i++ {
		off := offs[i]
		// The edits before k end at or before the object's start.
		k, _ := slices.BinarySearchFunc(edits, off, func(e edit, off int) int {
			if e.at+e.n <= off {
				return -1
			}
			return 1
		})
		if k < len(edits) && edits[k].at <= off || k > 0 && edits[k-1].at == off {
			return nil, errFpdfShape("Objekt " + strconv.Itoa(i) + " beginnt in einer Änderung")
		}
		if k > 0 {
			off += growth[k-1]
		}
		out = appendOffset(out, off)
		p := f.entries + 20*i
		out = append(out, f.b[p+10:p+20]...)
	}
	out = append(out, f.b[f.entries+20*f.n:f.numStart]...)
	out = strconv.AppendInt(out, int64(f.xref+total), 10)
	return append(out, f.b[f.numEnd:]...), nil
}

// appendOffset appends off as the ten digits of a cross-reference entry.
func appendOffset(b []byte, off int) []byte {
	var d [10]byte
	for i := len(d) - 1; i >= 0; i-- {
		d[i] = byte('0' + off%10)
		off /= 10
	}
	return append(b, d[:]...)
}

// digits parses a non-negative decimal number of at most 10 digits.
func digits(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 10 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
