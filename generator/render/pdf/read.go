package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Limits of ReadEmbeddedModel, so a hostile file costs bounded memory.
const (
	// MaxModelSize is the largest embedded dump ReadEmbeddedModel
	// inflates: 64 MiB, hundreds of times a large agreement's.
	MaxModelSize = 64 << 20
	// maxInflate is what one call inflates in all, object streams
	// included, which every pass over the file decodes anew.
	maxInflate = 4 * MaxModelSize
	maxDepth   = 32 // nesting of dictionaries and arrays
)

// ReadEmbeddedModel returns the model dump embedded in a PDF written by
// this package: the content of the attachment ModelAttachment. If the
// document information holds ModelHashKey, the dump must match it.
//
// The PDF is parsed minimally and without trusting it: objects are found
// by scanning for "n g obj" (and inside object streams), streams are
// skipped by their direct /Length (or the next "endstream"), and only the
// file specification named ModelAttachment and its embedded file stream
// are read, so files rewritten by other tools or extended by incremental
// updates (the last definition wins) are read too. Streams must be
// unfiltered or FlateDecode; every inflated stream is limited to
// MaxModelSize. Every problem is an error wrapping ErrNoModel or
// ErrBadModel, never a panic.
func ReadEmbeddedModel(pdf []byte) (dump []byte, err error) {
	return readEmbeddedModel(pdf, maxInflate)
}

// readEmbeddedModel is ReadEmbeddedModel with the number of bytes that
// all streams together may inflate to.
func readEmbeddedModel(pdf []byte, total int64) (dump []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			dump, err = nil, fmt.Errorf("%w: interner Fehler: %v", ErrBadModel, p)
		}
	}()
	// The first pass finds the file specification and the hash, the
	// second the stream: nothing else is kept, so memory stays bounded
	// by the input.
	var spec pdfDict
	hash := ""
	budget := &inflateBudget{left: total, total: total}
	scanObjects(pdf, budget, func(o *pdfObject) {
		d, ok := o.value.(pdfDict)
		if !ok {
			return
		}
		if s, ok := d[ModelHashKey].(pdfString); ok {
			hash = string(s)
		}
		if _, ok := d["EF"]; ok && fileName(d) == ModelAttachment {
			spec = d // the last one wins, as with incremental updates
		}
	})
	if spec == nil {
		return nil, fmt.Errorf("%w %q", ErrNoModel, ModelAttachment)
	}
	dump, err = embeddedFile(pdf, spec, budget)
	if err != nil {
		return nil, err
	}
	if hash != "" {
		sum := sha256.Sum256(dump)
		if got := hex.EncodeToString(sum[:]); !strings.EqualFold(got, hash) {
			return nil, fmt.Errorf("%w: SHA-256 %s, %s nennt %q", ErrBadModel, got, ModelHashKey, hash)
		}
	}
	return dump, nil
}

// fileName returns the name of a file specification: /UF, else /F.
func fileName(d pdfDict) string {
	for _, k := range []string{"UF", "F"} {
		if s, ok := d[k].(pdfString); ok {
			return textString(s)
		}
	}
	return ""
}

// textString decodes a PDF text string: UTF-16BE or UTF-8 with a byte
// order mark, else PDFDocEncoding, read as Latin-1 (which agrees for
// every character of a file name we write).
func textString(s pdfString) string {
	switch {
	case len(s) >= 2 && s[0] == 0xfe && s[1] == 0xff:
		u := make([]uint16, 0, len(s)/2)
		for i := 2; i+1 < len(s); i += 2 {
			u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
		}
		return string(utf16.Decode(u))
	case len(s) >= 3 && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf && utf8.Valid(s[3:]):
		return string(s[3:])
	}
	r := make([]rune, len(s))
	for i, b := range s {
		r[i] = rune(b)
	}
	return string(r)
}

// embeddedFile returns the decoded content of the embedded file stream a
// file specification refers to.
func embeddedFile(pdf []byte, spec pdfDict, budget *inflateBudget) ([]byte, error) {
	ef, _ := spec["EF"].(pdfDict)
	ref, ok := ef["F"].(pdfRef)
	if !ok {
		ref, ok = ef["UF"].(pdfRef)
	}
	if !ok {
		return nil, fmt.Errorf("%w: die Dateiangabe verweist auf keinen Datenstrom (/EF /F)", ErrBadModel)
	}
	var stream *pdfObject
	scanObjects(pdf, budget, func(o *pdfObject) {
		if o.num == ref.num && o.gen == ref.gen {
			stream = o
		}
	})
	if stream == nil || stream.stream == nil {
		return nil, fmt.Errorf("%w: Datenstrom %d %d R fehlt", ErrBadModel, ref.num, ref.gen)
	}
	d, _ := stream.value.(pdfDict)
	if lref, ok := d["Length"].(pdfRef); ok {
		// An indirect length (as qpdf --qdf writes it) is resolved now;
		// the scan could only guess the end from "endstream".
		var n int64 = -1
		scanObjects(pdf, budget, func(o *pdfObject) {
			if v, ok := o.value.(int64); ok && o.num == lref.num && o.gen == lref.gen {
				n = v
			}
		})
		if n >= 0 && n <= int64(len(pdf)-stream.streamAt) {
			stream.stream = pdf[stream.streamAt : stream.streamAt+int(n)]
		}
	}
	data, err := decodeStream(d, stream.stream, budget)
	if err != nil {
		return nil, err
	}
	if params, ok := d["Params"].(pdfDict); ok {
		if size, ok := params["Size"].(int64); ok && size != int64(len(data)) {
			return nil, fmt.Errorf("%w: %d Bytes, /Size nennt %d", ErrBadModel, len(data), size)
		}
	}
	return data, nil
}

// inflateBudget is what one call of ReadEmbeddedModel may still inflate,
// over all streams and passes.
type inflateBudget struct{ left, total int64 }

// decodeStream returns the decoded data of a stream with dictionary d:
// unfiltered or FlateDecode without parameters, at most MaxModelSize
// bytes and at most what is left of the budget, which it reduces by what
// it inflated, also when it refuses the stream.
func decodeStream(d pdfDict, data []byte, budget *inflateBudget) ([]byte, error) {
	limit := min(MaxModelSize, budget.left)
	switch f := d["Filter"].(type) {
	case nil:
		// unfiltered: the data is the file's, counted as read all the same
		budget.left -= min(int64(len(data)), budget.left)
	case pdfName, pdfArray:
		if n, ok := f.(pdfName); ok {
			f = pdfArray{n}
		}
		arr := f.(pdfArray)
		if len(arr) != 1 || arr[0] != pdfName("FlateDecode") {
			return nil, fmt.Errorf("%w: Filter %v wird nicht unterstützt (nur FlateDecode)", ErrBadModel, f)
		}
		if _, ok := d["DecodeParms"]; ok {
			return nil, fmt.Errorf("%w: DecodeParms werden nicht unterstützt", ErrBadModel)
		}
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
		}
		data, err = io.ReadAll(io.LimitReader(zr, limit+1))
		budget.left -= min(int64(len(data)), budget.left)
		if err != nil {
			return nil, fmt.Errorf("%w: %v", ErrBadModel, err)
		}
	default:
		return nil, fmt.Errorf("%w: ungültiger Filter", ErrBadModel)
	}
	switch {
	case int64(len(data)) <= limit:
	case limit < MaxModelSize:
		// The budget of the whole file, not this stream's limit, ran out:
		// streams read before (object streams, in both passes) used it.
		return nil, fmt.Errorf("%w: die Datenströme der Datei entpacken zusammen mehr als %d Bytes", ErrBadModel, budget.total)
	default:
		return nil, fmt.Errorf("%w: entpackt mehr als %d Bytes", ErrBadModel, limit)
	}
	return data, nil
}

// pdfObject is an indirect object found in the file.
type pdfObject struct {
	num, gen int
	value    any    // pdfDict, pdfArray, pdfName, pdfString, pdfRef, int64, float64, bool or nil
	stream   []byte // raw stream data, nil without a stream
	streamAt int    // offset of the stream data in the file
}

type (
	pdfDict   map[string]any
	pdfArray  []any
	pdfName   string
	pdfString []byte
	pdfRef    struct{ num, gen int }
)

var objHeader = regexp.MustCompile(`(?:^|[\x00\t\n\f\r ])(\d{1,10})[\x00\t\n\f\r ]+(\d{1,5})[\x00\t\n\f\r ]+obj\b`)

// scanObjects calls visit for the indirect objects in document order,
// including those inside object streams (after the stream itself). An
// object whose value cannot be parsed is skipped, and the scan goes on
// where parsing stopped, so every byte is read a bounded number of times.
func scanObjects(b []byte, budget *inflateBudget, visit func(*pdfObject)) {
	for pos := 0; pos < len(b); {
		m := objHeader.FindSubmatchIndex(b[pos:])
		if m == nil {
			return
		}
		num, _ := strconv.Atoi(string(b[pos+m[2] : pos+m[3]]))
		gen, _ := strconv.Atoi(string(b[pos+m[4] : pos+m[5]]))
		lx := lexer{b: b, p: pos + m[1]}
		v, err := lx.value(0)
		pos = max(lx.p, pos+m[1])
		if err != nil {
			continue
		}
		o := pdfObject{num: num, gen: gen, value: v}
		lx.space()
		if bytes.HasPrefix(b[lx.p:], []byte("stream")) {
			o.stream, o.streamAt, lx.p = streamData(b, lx.p+len("stream"), v)
		}
		pos = max(lx.p, pos)
		visit(&o)
		if d, ok := v.(pdfDict); ok && o.stream != nil && d["Type"] == pdfName("ObjStm") {
			objectStream(d, o.stream, budget, visit)
		}
	}
}

// objectStream calls visit for the objects compressed in an object
// stream (ISO 32000-1, 7.5.7), as tools write when they rewrite a PDF.
// A broken object stream is skipped.
func objectStream(d pdfDict, data []byte, budget *inflateBudget, visit func(*pdfObject)) {
	n, _ := d["N"].(int64)
	first, _ := d["First"].(int64)
	raw, err := decodeStream(d, data, budget)
	if err != nil || first < 0 || first > int64(len(raw)) {
		return
	}
	head := lexer{b: raw[:first]}
	for i := int64(0); i < n; i++ {
		num, err1 := head.value(0)
		off, err2 := head.value(0)
		nn, ok1 := num.(int64)
		oo, ok2 := off.(int64)
		if err1 != nil || err2 != nil || !ok1 || !ok2 || nn < 0 || nn > 1<<31 || oo < 0 || oo > int64(len(raw))-first {
			return
		}
		lx := lexer{b: raw, p: int(first + oo)}
		if v, err := lx.value(0); err == nil {
			visit(&pdfObject{num: int(nn), value: v})
		}
	}
}

// streamData returns the data of a stream whose keyword ends at p, its
// offset and the offset after it. The direct /Length is used when
// "endstream" follows it; otherwise the data runs up to the next
// "endstream".
func streamData(b []byte, p int, dict any) ([]byte, int, int) {
	if bytes.HasPrefix(b[p:], []byte("\r\n")) {
		p += 2
	} else if bytes.HasPrefix(b[p:], []byte("\n")) || bytes.HasPrefix(b[p:], []byte("\r")) {
		p++
	}
	if d, ok := dict.(pdfDict); ok {
		if n, ok := d["Length"].(int64); ok && n >= 0 && n <= int64(len(b)-p) {
			end := p + int(n)
			rest := bytes.TrimLeft(b[end:], "\x00\t\n\f\r ")
			if bytes.HasPrefix(rest, []byte("endstream")) {
				return b[p:end], p, end
			}
		}
	}
	i := bytes.Index(b[p:], []byte("endstream"))
	if i < 0 {
		return b[p:], p, len(b)
	}
	data := bytes.TrimSuffix(b[p:p+i], []byte("\n"))
	data = bytes.TrimSuffix(data, []byte("\r"))
	return data, p, p + i
}

// errSyntax is any syntax error of the lexer; the object is skipped.
var errSyntax = errors.New("PDF-Syntaxfehler")

// lexer reads PDF values (ISO 32000-1, 7.3) from b at p.
type lexer struct {
	b []byte
	p int
}

func isSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isDelim(c byte) bool {
	return isSpace(c) || bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

// space skips white space and comments.
func (l *lexer) space() {
	for l.p < len(l.b) {
		c := l.b[l.p]
		switch {
		case isSpace(c):
			l.p++
		case c == '%':
			for l.p < len(l.b) && l.b[l.p] != '\n' && l.b[l.p] != '\r' {
				l.p++
			}
		default:
			return
		}
	}
}

// value reads one value; depth counts the enclosing dictionaries and
// arrays.
func (l *lexer) value(depth int) (any, error) {
	if depth > maxDepth {
		return nil, errSyntax
	}
	l.space()
	if l.p >= len(l.b) {
		return nil, errSyntax
	}
	switch c := l.b[l.p]; {
	case c == '/':
		return l.name(), nil
	case c == '(':
		return l.literal()
	case c == '<' && l.p+1 < len(l.b) && l.b[l.p+1] == '<':
		return l.dict(depth)
	case c == '<':
		return l.hex()
	case c == '[':
		return l.array(depth)
	case c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9':
		return l.number()
	}
	start := l.p
	for l.p < len(l.b) && !isDelim(l.b[l.p]) {
		l.p++
	}
	switch string(l.b[start:l.p]) {
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	}
	return nil, errSyntax
}

func (l *lexer) name() pdfName {
	l.p++ // '/'
	start := l.p
	for l.p < len(l.b) && !isDelim(l.b[l.p]) {
		l.p++
	}
	return pdfName(l.b[start:l.p]) // #xx escapes are not needed for the names we look for
}

func (l *lexer) literal() (pdfString, error) {
	l.p++ // '('
	var out []byte
	depth := 1
	for l.p < len(l.b) {
		c := l.b[l.p]
		l.p++
		switch c {
		case '(':
			depth++
		case ')':
			if depth--; depth == 0 {
				return out, nil
			}
		case '\\':
			if l.p >= len(l.b) {
				return nil, errSyntax
			}
			e := l.b[l.p]
			l.p++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.p < len(l.b) && l.b[l.p] == '\n' {
					l.p++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.p < len(l.b) && l.b[l.p] >= '0' && l.b[l.p] <= '7'; k++ {
						v = v*8 + int(l.b[l.p]-'0')
						l.p++
					}
					c = byte(v)
				} else {
					c = e // \( \) \\ and unknown escapes: the character itself
				}
			}
		}
		out = append(out, c)
	}
	return nil, errSyntax
}

func (l *lexer) hex() (pdfString, error) {
	l.p++ // '<'
	var out []byte
	var hi byte
	odd := false
	for l.p < len(l.b) {
		c := l.b[l.p]
		l.p++
		var v byte
		switch {
		case c == '>':
			if odd {
				out = append(out, hi<<4)
			}
			return out, nil
		case isSpace(c):
			continue
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			return nil, errSyntax
		}
		if odd {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		odd = !odd
	}
	return nil, errSyntax
}

func (l *lexer) dict(depth int) (pdfDict, error) {
	l.p += 2 // "<<"
	d := pdfDict{}
	for {
		l.space()
		if l.p+1 < len(l.b) && l.b[l.p] == '>' && l.b[l.p+1] == '>' {
			l.p += 2
			return d, nil
		}
		if l.p >= len(l.b) || l.b[l.p] != '/' {
			return nil, errSyntax
		}
		key := l.name()
		v, err := l.value(depth + 1)
		if err != nil {
			return nil, err
		}
		d[string(key)] = v
	}
}

func (l *lexer) array(depth int) (pdfArray, error) {
	l.p++ // '['
	var a pdfArray
	for {
		l.space()
		if l.p < len(l.b) && l.b[l.p] == ']' {
			l.p++
			return a, nil
		}
		v, err := l.value(depth + 1)
		if err != nil {
			return nil, err
		}
		a = append(a, v)
	}
}

// number reads an integer, a real or a reference "num gen R".
func (l *lexer) number() (any, error) {
	start := l.p
	for l.p < len(l.b) && !isDelim(l.b[l.p]) {
		l.p++
	}
	tok := string(l.b[start:l.p])
	n, err := strconv.ParseInt(tok, 10, 64)
	if err != nil {
		f, err := strconv.ParseFloat(tok, 64)
		if err != nil {
			return nil, errSyntax
		}
		return f, nil
	}
	// A reference? "num gen R"
	save := l.p
	l.space()
	gstart := l.p
	for l.p < len(l.b) && l.b[l.p] >= '0' && l.b[l.p] <= '9' {
		l.p++
	}
	if l.p > gstart && l.p-gstart <= 5 && n >= 0 && n <= 1<<31 {
		gen, _ := strconv.Atoi(string(l.b[gstart:l.p]))
		l.space()
		if l.p < len(l.b) && l.b[l.p] == 'R' && (l.p+1 == len(l.b) || isDelim(l.b[l.p+1])) {
			l.p++
			return pdfRef{num: int(n), gen: gen}, nil
		}
	}
	l.p = save
	return n, nil
}
