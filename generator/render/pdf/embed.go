package pdf

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
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

// patchFpdf makes the edits fpdf has no API for: the attachment's key in
// the catalog's name tree and its file name /F become ModelAttachment
// (fpdf writes "Attachement1" and an empty /F, so qpdf --list-attachments
// and PDF 1.6 readers would not name it), and the document information
// dictionary gets the entry ModelHashKey with sha.
func patchFpdf(pdf []byte, sha string) ([]byte, error) {
	f, err := parseFpdf(pdf)
	if err != nil {
		return nil, err
	}
	root, err := f.trailerRef("/Root")
	if err != nil {
		return nil, err
	}
	off, obj, err := f.object(root)
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
	f.replace(off+i, len(key)-1, "("+ModelAttachment+")")

	if off, obj, err = f.object(spec); err != nil {
		return nil, err
	}
	empty := []byte("/Type /Filespec /F () ")
	if i = bytes.Index(obj, empty); i < 0 {
		return nil, errFpdf("Dateiname der Anlage")
	}
	f.replace(off+i, len(empty), "/Type /Filespec /F ("+ModelAttachment+") ")

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
	f.replace(off+i+1, 0, "/"+ModelHashKey+" ("+sha+")\n")
	return f.b, nil
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
}

func errFpdf(what string) error {
	return fmt.Errorf("pdf: %s in der fpdf-Ausgabe nicht gefunden", what)
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
	p := f.entries + 20*i
	off, err := strconv.Atoi(string(f.b[p : p+10]))
	if err != nil || off >= f.xref {
		return 0, errFpdf("Objekt " + strconv.Itoa(i))
	}
	return off, nil
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

// replace replaces the n bytes at offset at, which lies inside an object,
// with s and corrects the offsets of the objects after it and of the
// cross-reference table.
func (f *fpdfFile) replace(at, n int, s string) {
	shift := len(s) - n
	out := make([]byte, 0, len(f.b)+shift+4)
	out = append(out, f.b[:at]...)
	out = append(out, s...)
	out = append(out, f.b[at+n:f.numStart]...)
	entries := f.entries + shift
	for i := 1; i < f.n; i++ {
		p := entries + 20*i
		if off, err := strconv.Atoi(string(out[p : p+10])); err == nil && off > at {
			copy(out[p:p+10], fmt.Sprintf("%010d", off+shift))
		}
	}
	numStart := len(out)
	out = strconv.AppendInt(out, int64(f.xref+shift), 10)
	numEnd := len(out)
	out = append(out, f.b[f.numEnd:]...)
	*f = fpdfFile{b: out, xref: f.xref + shift, entries: entries, n: f.n, numStart: numStart, numEnd: numEnd}
}
