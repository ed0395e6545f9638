package sheets

import (
	"archive/zip"
	"bytes"
	"io"
	"time"
)

// restamp copies the zip archive src to w with every entry dated t
// (excelize leaves the date unset, which zip tools show as 1979 or 1980),
// keeping the order and the compressed data.
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

// msdos is t (UTC) as MS-DOS date and time (two-second resolution).
func msdos(t time.Time) (date, clock uint16) {
	t = t.UTC()
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}
