package docxread_test

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"testing"

	"github.com/vereinbar/vereinbar/generator/docxread"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

// maxFuzzInput bounds the bytes one fuzz input may have: the fuzzer
// spends its time on mutating and minimising inputs, and a rendered
// agreement (30 KB zipped, 200 KB of XML) took it seconds per input, so a
// short run made a hundred executions.
const maxFuzzInput = 8 << 10

// FuzzDocxRead: any input gives a document or an error, never a panic,
// and a document can always be dumped (no unknown node).
//
// An input is either a whole file (raw: the zip container and all) or the
// XML of word/document.xml, word/styles.xml and word/numbering.xml, which
// the target packs into a valid zip itself, so mutations reach the XML
// instead of breaking the zip's checksums. Seeds are small documents:
// what Word and LibreOffice write when they edit one, numbering, alternate
// content, wrapped tables, symbols, and vereinbar's own smallest document.
func FuzzDocxRead(f *testing.F) {
	for _, s := range docxSeeds(f) {
		f.Add(s.raw, s.document, s.styles, s.numbering)
	}
	f.Fuzz(func(t *testing.T, raw bool, document, styles, numbering []byte) {
		if len(document)+len(styles)+len(numbering) > maxFuzzInput {
			return
		}
		b := document
		if !raw {
			b = pack(t, document, styles, numbering)
		}
		d, err := docxread.Read(bytes.NewReader(b), int64(len(b)), docxread.Options{MaxEntrySize: 4 << 20, MaxTotalSize: 8 << 20})
		if err != nil {
			return
		}
		if err := model.Dump(io.Discard, d); err != nil {
			t.Fatalf("Dump: %v", err)
		}
	})
}

// docxSeed is one seed of FuzzDocxRead: a whole file (raw) or the parts
// the target packs.
type docxSeed struct {
	raw                         bool
	document, styles, numbering []byte
}

// docxSeeds are the seeds of FuzzDocxRead.
func docxSeeds(t testing.TB) []docxSeed {
	seeds := []docxSeed{
		{raw: true, document: render(t, modeltest.Sample(1))},
		{raw: true, document: zipOf(t, handEditedParts()...)},
	}
	for _, parts := range [][]string{
		handEditedParts(), alternateContentParts(), wrappedTableParts(), wordNumberingParts(), symParts(),
		{"word/document.xml", fmt.Sprintf(body, `<w:p><w:r><w:t>(1)</w:t><w:tab/><w:t>x</w:t></w:r></w:p>`)},
	} {
		byName := map[string][]byte{}
		for i := 0; i+1 < len(parts); i += 2 {
			byName[parts[i]] = []byte(parts[i+1])
		}
		seeds = append(seeds, docxSeed{document: byName["word/document.xml"], styles: byName["word/styles.xml"], numbering: byName["word/numbering.xml"]})
	}
	return seeds
}

// TestFuzzDocxReadSeeds: every seed fits the input bound (a larger one
// would be skipped, and large seeds made the fuzzer spend a short run on
// minimising them) and reads as a document, so mutations start from
// inputs that reach deep into the reader.
func TestFuzzDocxReadSeeds(t *testing.T) {
	t.Parallel()
	for i, s := range docxSeeds(t) {
		if n := len(s.document) + len(s.styles) + len(s.numbering); n > maxFuzzInput {
			t.Errorf("seed %d: %d bytes, more than %d", i, n, maxFuzzInput)
		}
		b := s.document
		if !s.raw {
			b = pack(t, s.document, s.styles, s.numbering)
		}
		if _, err := docxread.Read(bytes.NewReader(b), int64(len(b)), docxread.Options{}); err != nil {
			t.Errorf("seed %d: %v", i, err)
		}
	}
}

// pack zips the parts, leaving out empty styles and numbering.
func pack(t testing.TB, document, styles, numbering []byte) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range []struct {
		name string
		data []byte
	}{{"word/document.xml", document}, {"word/styles.xml", styles}, {"word/numbering.xml", numbering}} {
		if p.name != "word/document.xml" && len(p.data) == 0 {
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Store})
		if err == nil {
			_, err = w.Write(p.data)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
