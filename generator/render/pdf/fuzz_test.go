package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// miniPDF returns a small PDF shaped like this package's output: the
// dump as a compressed embedded file, its file specification, an
// information dictionary with the hash and a catalog. With objStm, the
// file specification sits in a compressed object stream, as tools that
// rewrite PDFs put it. Rendered PDFs carry tens of kilobytes of fonts,
// which would make the fuzzer's minimizing slow; these seeds keep only
// what ReadEmbeddedModel reads.
func miniPDF(dump string, objStm bool) []byte {
	z := func(s string) []byte {
		var b bytes.Buffer
		zw := zlib.NewWriter(&b)
		zw.Write([]byte(s))
		zw.Close()
		return b.Bytes()
	}
	sum := sha256.Sum256([]byte(dump))
	data := z(dump)
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	fmt.Fprintf(&b, "1 0 obj\n<< /Type /EmbeddedFile /Length %d /Filter /FlateDecode /Params << /Size %d >> >>\nstream\n", len(data), len(dump))
	b.Write(data)
	b.WriteString("\nendstream\nendobj\n")
	spec := fmt.Sprintf("<< /Type /Filespec /F (%s) /UF <%X> /EF << /F 1 0 R >> >>", ModelAttachment, utf16BE(ModelAttachment))
	if objStm {
		body := z("2 0 " + spec)
		fmt.Fprintf(&b, "5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length %d /Filter /FlateDecode >>\nstream\n", len(body))
		b.Write(body)
		b.WriteString("\nendstream\nendobj\n")
	} else {
		fmt.Fprintf(&b, "2 0 obj\n%s\nendobj\n", spec)
	}
	fmt.Fprintf(&b, "3 0 obj\n<< /Producer (x) /%s (%s) >>\nendobj\n", ModelHashKey, hex.EncodeToString(sum[:]))
	b.WriteString("4 0 obj\n<< /Type /Catalog /Names << /EmbeddedFiles << /Names [(" + ModelAttachment + ") 2 0 R] >> >> >>\nendobj\n")
	b.WriteString("trailer\n<< /Root 4 0 R /Info 3 0 R >>\n%%EOF\n")
	return b.Bytes()
}

func TestMiniPDF(t *testing.T) {
	t.Parallel()
	const dump = "document kind=\"x\"\n"
	for _, objStm := range []bool{false, true} {
		got, err := ReadEmbeddedModel(miniPDF(dump, objStm))
		if err != nil || string(got) != dump {
			t.Errorf("objStm=%t: %q, %v", objStm, got, err)
		}
	}
}

// FuzzReadEmbeddedModel feeds ReadEmbeddedModel and ReadPages small PDFs
// and fragments. Invariant: an error wrapping ErrNoModel or ErrBadModel,
// or a dump within MaxModelSize; an error wrapping ErrPageText or pages;
// never a panic (the recovers report one as "interner Fehler", which
// fails too).
func FuzzReadEmbeddedModel(f *testing.F) {
	f.Add(miniPDF("document kind=\"vereinbarung\"\n  section id=\"a\"\n", false))
	f.Add(miniPDF("document kind=\"steckbrief\" page=\"folie\"\n  chart id=\"k\"\n", true))
	for _, s := range []string{
		"2 0 obj << /Length 9 0 R >> stream\nabc\nendstream endobj 9 0 obj 3 endobj " +
			"1 0 obj << /UF <FEFF0076> /EF << /UF 2 0 R >> >> endobj",
		"5 0 obj << /Type /ObjStm /N 1 /First 4 /Length 47 >> stream\n1 0 << /F (" + ModelAttachment + ") /EF << /F 2 0 R >> >>\nendstream endobj",
		"1 0 obj << /A [[[[[[ (unterminated \\",
		"1 0 obj (a) endobj 1 0 obj <414> endobj 1 0 obj 1 2 R endobj % comment\r\n",
		"1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj 2 0 obj << /Type /Pages /Kids [3 0 R] >> endobj " +
			"3 0 obj << /Type /Page /Parent 2 0 R /Resources << /Font << /F1 4 0 R >> >> /Contents [5 0 R] /Annots [<< /Subtype /Link >>] >> endobj " +
			"4 0 obj << /Type /Font /Subtype /TrueType /Encoding /WinAnsiEncoding >> endobj " +
			"5 0 obj << /Length 43 >> stream\nBT /F1 9 Tf (Hallo \\(1,50\\)) Tj [(a) -5 (b)] TJ ET\nendstream endobj",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if _, err := ReadPages(b); err != nil && (!errors.Is(err, ErrPageText) || strings.Contains(err.Error(), "interner Fehler")) {
			t.Fatalf("ReadPages: %v", err)
		}
		dump, err := ReadEmbeddedModel(b)
		if err != nil {
			if !errors.Is(err, ErrNoModel) && !errors.Is(err, ErrBadModel) {
				t.Fatalf("Fehler ohne Sentinel: %v", err)
			}
			if strings.Contains(err.Error(), "interner Fehler") {
				t.Fatal(err)
			}
			return
		}
		if len(dump) > MaxModelSize {
			t.Fatalf("%d Bytes, mehr als MaxModelSize", len(dump))
		}
	})
}

// TestInflateBudgetExhausted: when the streams read before the model have
// used up what one call may inflate, the model stream is refused with a
// message naming that budget. It used to say "entpackt mehr als 0 Bytes".
func TestInflateBudgetExhausted(t *testing.T) {
	t.Parallel()
	pdf := miniPDF("document kind=\"x\"\n", true)
	// What the first pass inflates: the object stream holding the file
	// specification. With exactly that much, nothing is left for the model.
	first := &inflateBudget{left: maxInflate, total: maxInflate}
	scanObjects(pdf, first, func(*pdfObject) {})
	used := maxInflate - first.left
	if used <= 0 {
		t.Fatalf("the object stream inflated %d bytes", used)
	}
	_, err := readEmbeddedModel(pdf, used)
	want := fmt.Sprintf("die Datenströme der Datei entpacken zusammen mehr als %d Bytes", used)
	if !errors.Is(err, ErrBadModel) || !strings.Contains(err.Error(), want) {
		t.Fatalf("err = %v, want ErrBadModel with %q", err, want)
	}
	if strings.Contains(err.Error(), "mehr als 0 Bytes") {
		t.Errorf("err = %v", err)
	}
}
