package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strconv"
	"sync"
)

// fpdf compresses every page content stream with a zlib writer of its own,
// and a new zlib writer allocates most of a megabyte of compressor state:
// for a document of a dozen pages that was more than a third of the
// render time. So fpdf writes the page contents uncompressed, and
// finishFpdf compresses them afterwards with a pooled writer, at
// fpdf's level. A reset writer gives the same bytes as a fresh one, so
// the result is byte for byte what fpdf writes with compression on.

// deflater is a zlib writer at fpdf's level with its output buffers: buf
// for the page contents, model for the model attachment.
type deflater struct {
	zw         *zlib.Writer
	buf, model bytes.Buffer
}

var deflaters = sync.Pool{New: func() any {
	d := new(deflater)
	// The level is valid, so there is no error.
	d.zw, _ = zlib.NewWriterLevel(&d.buf, zlib.BestSpeed)
	return d
}}

// deflate appends data to d.buf as one zlib stream.
func (d *deflater) deflate(data []byte) error { return d.deflateTo(&d.buf, data) }

// deflateTo appends data to dst as one zlib stream.
func (d *deflater) deflateTo(dst *bytes.Buffer, data []byte) error {
	d.zw.Reset(dst)
	if _, err := d.zw.Write(data); err != nil {
		return err
	}
	return d.zw.Close()
}

// contentStream is an uncompressed page content stream in fpdf's output:
// "N 0 obj\n<</Length L>>\nstream\n", L bytes of data, then
// "\nendstream\nendobj\n". Compressing replaces b[dict:end], the
// dictionary up to the end of the data.
type contentStream struct {
	obj       int
	dict, end int // the bytes to replace
	data      int // offset of the data
}

const (
	plainDict  = "<</Length "
	plainAfter = ">>\nstream\n"
	streamEnd  = "\nendstream\nendobj\n"
	flateDict  = "<</Filter /FlateDecode /Length "
)

// finishFpdf makes all edits of fpdf's output in one pass: the page
// contents compressed (contentEdits), as fpdf does with compression on,
// the model dump with its SHA-256 embedded (modelEdits) and a file
// identifier in the trailer; the cross-reference table is corrected.
// With dump nil only the page contents are compressed, which gives
// exactly what fpdf writes with compression on (the tests compare).
// Anything not shaped as expected is an error, never a silently wrong
// file.
func finishFpdf(pdf, dump []byte, sha string) ([]byte, error) {
	f, err := parseFpdf(pdf)
	if err != nil {
		return nil, err
	}
	d := deflaters.Get().(*deflater)
	defer deflaters.Put(d)
	edits, err := f.contentEdits(d)
	if err != nil {
		return nil, err
	}
	if dump == nil {
		return f.apply(edits, nil, false)
	}
	more, added, err := f.modelEdits(d, dump, sha)
	if err != nil {
		return nil, err
	}
	return f.apply(append(edits, more...), added, true)
}

// contentEdits returns the edits that compress the page content streams.
// Their data lies in d.buf, so d must not be reused before they are
// applied.
func (f *fpdfFile) contentEdits(d *deflater) ([]edit, error) {
	if !bytes.HasSuffix(f.b, []byte("\n%%EOF\n")) {
		return nil, errFpdf("%%EOF")
	}
	streams, err := f.contentStreams()
	if err != nil {
		return nil, err
	}
	d.buf.Reset()
	// The streams go into d.buf one after the other; the edits take their
	// slices once d.buf no longer grows.
	ends := make([]int, len(streams))
	for i, s := range streams {
		if err := d.deflate(f.b[s.data:s.end]); err != nil {
			return nil, fmt.Errorf("pdf: Inhaltsstrom von Objekt %d nicht komprimiert: %w", s.obj, err)
		}
		ends[i] = d.buf.Len()
	}
	z := d.buf.Bytes()
	edits := make([]edit, len(streams))
	start := 0
	for i, s := range streams {
		data := z[start:ends[i]]
		start = ends[i]
		edits[i] = edit{at: s.dict, n: s.end - s.dict, s: flateDict + strconv.Itoa(len(data)) + plainAfter, data: data}
	}
	return edits, nil
}

// contentStreams locates the content streams of all pages: the pages are
// the /Kids of the catalog's /Pages, each names its stream with /Contents.
func (f *fpdfFile) contentStreams() ([]contentStream, error) {
	_, catalog, err := f.catalog()
	if err != nil {
		return nil, err
	}
	pages, ok := ref(catalog, "/Pages ")
	if !ok {
		return nil, errFpdf("/Pages")
	}
	_, obj, err := f.object(pages)
	if err != nil {
		return nil, err
	}
	i := bytes.Index(obj, []byte("/Kids ["))
	if i < 0 {
		return nil, errFpdf("/Kids")
	}
	kids := obj[i+len("/Kids ["):]
	if i = bytes.IndexByte(kids, ']'); i < 0 {
		return nil, errFpdf("/Kids")
	}
	kids = kids[:i]
	var streams []contentStream
	seen := make(map[int]bool)
	for len(kids) > 0 {
		// "n 0 R "
		i := bytes.Index(kids, []byte(" 0 R "))
		if i < 0 {
			return nil, errFpdf("/Kids")
		}
		page, ok := digits(kids[:i])
		if !ok {
			return nil, errFpdf("/Kids")
		}
		kids = kids[i+len(" 0 R "):]
		_, obj, err := f.object(page)
		if err != nil {
			return nil, err
		}
		n, ok := ref(obj, "/Contents ")
		if !ok || seen[n] {
			return nil, errFpdf("/Contents von Objekt " + strconv.Itoa(page))
		}
		seen[n] = true
		s, err := f.contentStream(n)
		if err != nil {
			return nil, err
		}
		streams = append(streams, s)
	}
	if len(streams) == 0 {
		return nil, errFpdf("Seite")
	}
	return streams, nil
}

// contentStream checks the shape of the uncompressed stream object n.
func (f *fpdfFile) contentStream(n int) (contentStream, error) {
	bad := errFpdf("Inhaltsstrom Objekt " + strconv.Itoa(n))
	p, err := f.offset(n)
	if err != nil {
		return contentStream{}, bad
	}
	b := f.b[:f.xref]
	head := strconv.Itoa(n) + " 0 obj\n" + plainDict
	if !bytes.HasPrefix(b[p:], []byte(head)) {
		return contentStream{}, bad
	}
	s := contentStream{obj: n, dict: p + len(head) - len(plainDict)}
	p += len(head)
	i := bytes.IndexByte(b[p:min(p+12, len(b))], '>')
	if i < 0 {
		return contentStream{}, bad
	}
	length, ok := digits(b[p : p+i])
	if !ok || !bytes.HasPrefix(b[p+i:], []byte(plainAfter)) {
		return contentStream{}, bad
	}
	s.data = p + i + len(plainAfter)
	s.end = s.data + length
	if s.end > len(b) || !bytes.HasPrefix(b[s.end:], []byte(streamEnd)) {
		return contentStream{}, fmt.Errorf("pdf: Inhaltsstrom von Objekt %d in der fpdf-Ausgabe ist nicht %d Bytes lang", n, length)
	}
	return s, nil
}

// ref returns the object number of the reference "n 0 R" after key in
// obj.
func ref(obj []byte, key string) (int, bool) {
	i := bytes.Index(obj, []byte(key))
	if i < 0 {
		return 0, false
	}
	rest := obj[i+len(key):]
	j := bytes.Index(rest, []byte(" 0 R"))
	if j < 0 {
		return 0, false
	}
	return digits(rest[:j])
}
