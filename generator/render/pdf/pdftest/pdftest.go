// Package pdftest edits PDF files as vereinbar writes them (one revision,
// a classic cross-reference table), for tests of what a check makes of a
// PDF changed after it was written.
package pdftest

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"

	"github.com/vereinbar/vereinbar/generator/render/pdf"
)

var (
	efRef      = regexp.MustCompile(`/EF << /F (\d+) 0 R >>`)
	infoRef    = regexp.MustCompile(`/Info (\d+) 0 R`)
	hashEntry  = regexp.MustCompile(`/` + pdf.ModelHashKey + ` \([0-9a-f]{64}\)`)
	objStart   = regexp.MustCompile(`(?m)^(\d+) 0 obj\b`)
	startXref  = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	trailerRE  = regexp.MustCompile(`(?s)trailer\s*(<<.*?>>)\s*startxref`)
	errNoShape = errors.New("pdftest: not a PDF as vereinbar writes it")
)

// ReplaceModel returns a copy of a PDF written by vereinbar whose
// embedded model is dump, its SHA-256 in the document information
// updated to match, as someone would who knows the format. With
// incremental the two objects are appended as an incremental update (a
// new cross-reference section and trailer pointing to the old one, as
// PDF editors save); otherwise they replace the old ones in place and the
// cross-reference table is rebuilt, so the file has one revision, as if
// written that way.
func ReplaceModel(file, dump []byte, incremental bool) ([]byte, error) {
	ef := efRef.FindSubmatch(file)
	trailer := trailerRE.FindAllSubmatch(file, -1)
	sx := startXref.FindSubmatch(file)
	if ef == nil || len(trailer) != 1 || sx == nil {
		return nil, errNoShape
	}
	info := infoRef.FindSubmatch(trailer[0][1])
	if info == nil {
		return nil, errNoShape
	}
	efNum, _ := strconv.Atoi(string(ef[1]))
	infoNum, _ := strconv.Atoi(string(info[1]))
	objs := objects(file)
	oldInfo, ok := objs[infoNum]
	if !ok || !hashEntry.Match(oldInfo) {
		return nil, errNoShape
	}
	sum := sha256.Sum256(dump)
	newInfo := hashEntry.ReplaceAll(oldInfo, []byte("/"+pdf.ModelHashKey+" ("+hex.EncodeToString(sum[:])+")"))
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(dump)
	zw.Close()
	check := md5.Sum(dump)
	var stream bytes.Buffer
	fmt.Fprintf(&stream, "%d 0 obj\n<< /Type /EmbeddedFile /Subtype /text#2Fplain /Length %d /Filter /FlateDecode /Params << /CheckSum <%x> /Size %d >> >>\nstream\n", efNum, z.Len(), check, len(dump))
	stream.Write(z.Bytes())
	stream.WriteString("\nendstream\nendobj\n")
	replaced := map[int][]byte{efNum: stream.Bytes(), infoNum: newInfo}

	var b bytes.Buffer
	if incremental {
		b.Write(file)
		offsets := map[int]int{}
		for _, n := range sortedKeys(replaced) {
			offsets[n] = b.Len()
			b.Write(replaced[n])
		}
		xref := b.Len()
		b.WriteString("xref\n0 1\n0000000000 65535 f \n")
		for _, n := range sortedKeys(offsets) {
			fmt.Fprintf(&b, "%d 1\n%010d 00000 n \n", n, offsets[n])
		}
		dict := bytes.TrimSuffix(bytes.TrimSpace(trailer[0][1]), []byte(">>"))
		fmt.Fprintf(&b, "trailer\n%s/Prev %s\n>>\nstartxref\n%d\n%%%%EOF\n", dict, sx[1], xref)
		return b.Bytes(), nil
	}
	first := objStart.FindIndex(file)
	if first == nil {
		return nil, errNoShape
	}
	b.Write(file[:first[0]])
	offsets := map[int]int{}
	for _, n := range sortedKeys(objs) {
		offsets[n] = b.Len()
		if r, ok := replaced[n]; ok {
			b.Write(r)
		} else {
			b.Write(objs[n])
		}
	}
	xref := b.Len()
	size := sortedKeys(objs)[len(objs)-1] + 1
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", size)
	for n := 1; n < size; n++ {
		if off, ok := offsets[n]; ok {
			fmt.Fprintf(&b, "%010d 00000 n \n", off)
		} else {
			b.WriteString("0000000000 65535 f \n")
		}
	}
	fmt.Fprintf(&b, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", trailer[0][1], xref)
	return b.Bytes(), nil
}

// objects returns the top-level objects of a one-revision file, each
// from "n 0 obj" through "endobj" and its line break.
func objects(file []byte) map[int][]byte {
	out := map[int][]byte{}
	locs := objStart.FindAllSubmatchIndex(file, -1)
	for i, l := range locs {
		end := len(file)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		obj := file[l[0]:end]
		if j := bytes.LastIndex(obj, []byte("endobj")); j >= 0 {
			obj = obj[:min(j+len("endobj\n"), len(obj))]
		}
		n, _ := strconv.Atoi(string(file[l[2]:l[3]]))
		out[n] = obj
	}
	return out
}

func sortedKeys[V any](m map[int]V) []int {
	keys := make([]int, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	return keys
}
