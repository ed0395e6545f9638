package sheets

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"time"
)

// restamp copies the zip archive src to w with every entry dated t
// (excelize leaves the date unset, which zip tools show as 1979 or 1980),
// keeping the order and the compressed data. A worksheet's filterMode
// flag is dropped: excelize sets it with every autofilter, but it tells
// the spreadsheet program that a filter is applied, and vereinbar never
// sets one (the autofilter buttons stay).
func restamp(w io.Writer, src []byte, t time.Time) error {
	zr, err := zip.NewReader(bytes.NewReader(src), int64(len(src)))
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, e := range zr.File {
		h := e.FileHeader
		h.Modified = time.Time{}
		h.ModifiedDate, h.ModifiedTime = msdos(t)
		h.Extra = nil
		if strings.HasPrefix(e.Name, "xl/worksheets/") && strings.HasSuffix(e.Name, ".xml") {
			if err := copyUnfiltered(zw, e, h); err != nil {
				return err
			}
			continue
		}
		raw, err := e.OpenRaw()
		if err != nil {
			return err
		}
		out, err := zw.CreateRaw(&h)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, raw); err != nil {
			return err
		}
	}
	return zw.Close()
}

// noFilterMode matches the filterMode attribute of a sheet's sheetPr.
var noFilterMode = regexp.MustCompile(`(<sheetPr[^>]*?) filterMode="(?:true|1)"`)

// copyUnfiltered copies the worksheet e without the filterMode flag,
// compressed anew (deterministically).
func copyUnfiltered(zw *zip.Writer, e *zip.File, h zip.FileHeader) error {
	r, err := e.Open()
	if err != nil {
		return err
	}
	b, err := io.ReadAll(r)
	r.Close()
	if err != nil {
		return err
	}
	b = noFilterMode.ReplaceAll(b, []byte("$1"))
	h.CRC32, h.CompressedSize64, h.UncompressedSize64, h.CompressedSize, h.UncompressedSize = 0, 0, 0, 0, 0
	h.Method = zip.Deflate
	out, err := zw.CreateHeader(&h)
	if err != nil {
		return err
	}
	_, err = out.Write(b)
	return err
}

// msdos is t (UTC) as MS-DOS date and time (two-second resolution).
func msdos(t time.Time) (date, clock uint16) {
	t = t.UTC()
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}
