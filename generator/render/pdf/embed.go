package pdf

import (
	"bytes"
	"crypto/md5"
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

// The attachment is written here, not by fpdf: fpdf compresses an
// attachment with a zlib writer of its own, and a new zlib writer
// allocates most of a megabyte (a tenth of a PDF's render time), and it
// can name the attachment neither in the catalog's name tree nor in /F.

// modelEdits returns what embeds dump as the attachment ModelAttachment:
// the edits that name it in the catalog's name tree and put ModelHashKey
// with sha into the document information dictionary, and the two objects
// appended as numbers f.n (the embedded file stream, its data deflated
// into d.model) and f.n+1 (the file specification).
func (f *fpdfFile) modelEdits(d *deflater, dump []byte, sha string) ([]edit, [][]byte, error) {
	stream, spec := f.n, f.n+1
	off, obj, err := f.catalog()
	if err != nil {
		return nil, nil, err
	}
	// fpdf writes an empty name tree of embedded files when it has none.
	empty := []byte("/EmbeddedFiles << /Names [\n  \n] >>")
	i := bytes.Index(obj, empty)
	if i < 0 {
		return nil, nil, errFpdf("leere Liste eingebetteter Dateien im Katalog")
	}
	edits := []edit{{at: off + i, n: len(empty), s: "/EmbeddedFiles << /Names [(" + ModelAttachment + ") " + strconv.Itoa(spec) + " 0 R] >>"}}

	info, err := f.trailerRef("/Info")
	if err != nil {
		return nil, nil, err
	}
	if off, obj, err = f.object(info); err != nil {
		return nil, nil, err
	}
	if i = bytes.LastIndex(obj, []byte("\n>>\n")); i < 0 {
		return nil, nil, errFpdf("Ende des Info-Objekts")
	}
	edits = append(edits, edit{at: off + i + 1, s: "/" + ModelHashKey + " (" + sha + ")\n"})

	d.model.Reset()
	if err := d.deflateTo(&d.model, dump); err != nil {
		return nil, nil, fmt.Errorf("pdf: Dokumentmodell nicht komprimiert: %w", err)
	}
	z := d.model.Bytes()
	sum := md5.Sum(dump) // /CheckSum is an MD5 digest (ISO 32000-1, 7.11.4)
	var b bytes.Buffer
	fmt.Fprintf(&b, "%d 0 obj\n<< /Type /EmbeddedFile /Subtype /text#2Fplain /Length %d /Filter /FlateDecode /Params << /CheckSum <%x> /Size %d >> >>\nstream\n", stream, len(z), sum, len(dump))
	b.Write(z)
	b.WriteString("\nendstream\nendobj\n")
	streamObj := b.Bytes()
	specObj := fmt.Appendf(nil, "%d 0 obj\n<< /Type /Filespec /F (%s) /UF <%X> /EF << /F %d 0 R >> /Desc <%X> >>\nendobj\n",
		spec, ModelAttachment, utf16BE(ModelAttachment), stream, utf16BE("Dokumentmodell (model.Dump), SHA-256 "+sha))
	return edits, [][]byte{streamObj, specObj}, nil
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

// apply returns the file with the edits made and the objects added
// appended as numbers f.n, f.n+1, …, in one copy: each cross-reference
// entry moves by the growth of the edits before its object, the table
// gains an entry per added object, the trailer's /Size counts them, and
// startxref points to the moved table. With id, the trailer gets a file
// identifier (see fileID). Edits may come in any order but must not
// overlap; an object that starts inside an edit is an error.
func (f *fpdfFile) apply(edits []edit, added [][]byte, id bool) ([]byte, error) {
	offs, err := f.offsets()
	if err != nil {
		return nil, err
	}
	trailer := f.b[f.entries+20*f.n : f.numStart]
	size := []byte("\n/Size " + strconv.Itoa(f.n) + "\n")
	sizeAt := bytes.Index(trailer, size)
	if sizeAt < 0 {
		return nil, errFpdf("/Size im Trailer")
	}
	endAt := bytes.LastIndex(trailer, trailerEnd)
	if endAt < sizeAt+len(size)-1 {
		return nil, errFpdf("Ende des Trailers")
	}
	slices.SortStableFunc(edits, func(a, b edit) int { return a.at - b.at })
	capacity := len(f.b) + 10 + 30*len(added) + len(idEntry) // xref header, /Size and startxref may gain digits
	for _, e := range edits {
		capacity += len(e.s) + len(e.data) - e.n
	}
	for _, a := range added {
		capacity += len(a)
	}
	out := make([]byte, 0, capacity)
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
	out = append(out, f.b[prev:f.xref]...)
	addedAt := make([]int, len(added))
	for i, a := range added {
		addedAt[i] = len(out)
		out = append(out, a...)
	}
	xref := len(out)
	n := f.n + len(added)
	out = append(out, "xref\n0 "...)
	out = strconv.AppendInt(out, int64(n), 10)
	out = append(out, '\n')
	out = append(out, f.b[f.entries:f.entries+20]...) // object 0's entry
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
	for _, off := range addedAt {
		out = appendOffset(out, off)
		out = append(out, " 00000 n \n"...)
	}
	out = append(out, trailer[:sizeAt]...)
	out = append(out, "\n/Size "...)
	out = strconv.AppendInt(out, int64(n), 10)
	out = append(out, trailer[sizeAt+len(size)-1:endAt]...)
	idAt := len(out)
	if id {
		out = append(out, idEntry...) // filled in below
	}
	out = append(out, trailer[endAt:]...)
	out = strconv.AppendInt(out, int64(xref), 10)
	out = append(out, f.b[f.numEnd:]...)
	if id {
		fileID(out[idAt:idAt+len(idEntry)], out[:idAt], out[idAt+len(idEntry):])
	}
	return out, nil
}

// idEntry is the trailer entry of the file identifier, as long as it is
// once filled in.
const idEntry = "\n/ID [<00000000000000000000000000000000> <00000000000000000000000000000000>]"

// fileID fills in dst, a copy of idEntry, with a file identifier, which
// fpdf writes only for encrypted documents (ISO 32000-1, 14.4: "should"
// be present; PDF/A and PDF 2.0 require it). Both of its halves are the
// first 16 bytes of the SHA-256 of the file without the entry (before and
// after, the bytes around it), so the same document keeps the same
// identifier.
func fileID(dst, before, after []byte) {
	h := sha256.New()
	h.Write(before)
	h.Write(after)
	sum := h.Sum(nil)
	id := hex.AppendEncode(nil, sum[:16])
	copy(dst[len("\n/ID [<"):], id)
	copy(dst[len("\n/ID [<")+len(id)+len("> <"):], id)
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
