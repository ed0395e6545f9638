package sheets

import (
	"encoding/csv"
	"io"
	"regexp"
	"strings"

	"github.com/vereinbar/vereinbar/generator/format"
)

// bom is the UTF-8 byte order mark by which German Excel recognises UTF-8.
const bom = "\ufeff"

// WriteCSV writes the sheet „Übersicht“ as CSV the way German Excel reads
// it: UTF-8 with BOM, semicolons, CRLF, decimal comma without grouping
// (1234,56), the share in percent (26,53499), dates as TT.MM.JJJJ; the last
// line is the sum row, computed in cents.
func WriteCSV(w io.Writer, u *Uebersicht) error {
	if _, err := io.WriteString(w, bom); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	cw.Comma, cw.UseCRLF = ';', true
	cols := columns(u)
	rec := make([]string, len(cols))
	for i, c := range cols {
		rec[i] = c.header
		if c.kind == percent {
			rec[i] += " in %"
		}
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	sums := make([]int64, len(cols))
	for _, r := range u.Rows {
		for i, c := range cols {
			v := c.value(r)
			rec[i] = csvText(v, c.kind)
			if c.sum {
				sums[i] += v.n
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	for i, c := range cols {
		switch {
		case i == 0:
			rec[i] = "Summe"
		case c.sum:
			rec[i] = csvText(num(sums[i]), money)
		default:
			rec[i] = ""
		}
	}
	if err := cw.Write(rec); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// csvText is a cell as German text.
func csvText(v cell, k kind) string {
	if !v.ok {
		return ""
	}
	switch k {
	case text:
		if looksLikeDate(v.s) {
			// German Excel turns "1.1" (the Reifegradmodell) into the
			// 1st of January; a constant text formula keeps the text.
			return `="` + v.s + `"`
		}
		return defuse(v.s)
	case date:
		return v.t.Format("02.01.2006")
	case percent:
		return strings.Replace(format.FormatFixed(v.n, 5), ".", ",", 1)
	case money:
		return strings.Replace(format.FormatFixed(v.n, 2), ".", ",", 1)
	}
	return format.FormatFixed(v.n, 0)
}

// defuse keeps a text cell from being read as a formula: German Excel and
// LibreOffice evaluate a CSV field that begins with =, +, -, @ or a tab or
// carriage return as a formula (CSV injection, OWASP „CSV Injection“), and
// the text comes from project files that others may have written. A leading
// apostrophe makes such a field plain text, as Excel's own „Text“ input does.
func defuse(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// dateLike is text that German Excel and LibreOffice read as a date when
// they open a CSV file: day and month, with or without a year ("1.1",
// "2.0" is no date but "1.10" is).
var dateLike = regexp.MustCompile(`^(0?[1-9]|[12][0-9]|3[01])\.(0?[1-9]|1[0-2])\.?([0-9]{2}|[0-9]{4})?$`)

func looksLikeDate(s string) bool { return dateLike.MatchString(s) }
