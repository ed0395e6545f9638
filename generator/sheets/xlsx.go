package sheets

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/xuri/excelize/v2"
)

// OverviewSheet is the name of the first sheet.
const OverviewSheet = "Übersicht"

// Number formats of the cells (Excel codes; LibreOffice reads them too).
const (
	moneyFormat   = `#,##0.00\ "€"`
	percentFormat = `0.00000%`
	dateFormat    = `dd.mm.yyyy`
	integerFormat = `0`
)

// epoch is day 0 of the spreadsheet date serial numbers (1900 date system).
var epoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// styles are the cell styles of the workbook, by column kind.
type styles struct {
	header, sumLabel int
	body, sum        map[kind]int
}

// newWorkbook starts a workbook of ours: the styles and the first sheet
// named first (excelize starts with "Sheet1"). The caller closes it.
func newWorkbook(first string) (*excelize.File, *styles, error) {
	f := excelize.NewFile()
	st, err := newStyles(f)
	if err == nil {
		err = f.SetSheetName("Sheet1", first)
	}
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// WriteXLSX writes the Übersicht as a workbook: the sheet „Übersicht“ and
// one sheet per Haushaltsjahr („HJ 2027“), each with a frozen header, an
// autofilter and a sum row of SUM formulas. The same Übersicht gives the
// same bytes: the document properties carry u.Stand, the zip entries too.
func WriteXLSX(w io.Writer, u *Uebersicht) error {
	f, st, err := newWorkbook(OverviewSheet)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := writeTable(f, st, OverviewSheet, columns(u), u.Rows); err != nil {
		return err
	}
	for _, y := range u.Years {
		name := "HJ " + strconv.Itoa(y)
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
		var rows []Row
		for _, r := range u.Rows {
			if r.Party && r.ByYear[y] != 0 {
				rows = append(rows, r)
			}
		}
		if err := writeTable(f, st, name, yearColumns(y), rows); err != nil {
			return err
		}
	}
	return save(w, f, "Nachnutzungsübersicht "+u.LandName, u.Stand)
}

// save writes the workbook f to w byte-reproducibly: the document
// properties carry the title and the date stand (creator vereinbar, no
// clock), and so do the zip entries. The sum rows hold formulas without a
// cached result: the program that opens the file computes them.
func save(w io.Writer, f *excelize.File, title string, stand time.Time) error {
	ts := stand.UTC().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Created: ts, Modified: ts,
		Creator: "vereinbar", LastModifiedBy: "vereinbar",
		Title:    title,
		Language: "de-DE",
	}); err != nil {
		return err
	}
	full := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &full}); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	return restamp(w, buf.Bytes(), stand)
}

func newStyles(f *excelize.File) (*styles, error) {
	st := &styles{body: map[kind]int{}, sum: map[kind]int{}}
	formats := map[kind]string{integer: integerFormat, date: dateFormat, percent: percentFormat, money: moneyFormat}
	var err error
	mk := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	bold := &excelize.Font{Bold: true}
	st.header = mk(&excelize.Style{Font: bold, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E2F3"}}})
	st.sumLabel = mk(&excelize.Style{Font: bold})
	for _, k := range []kind{text, integer, date, percent, money} {
		var nf *string
		if s, ok := formats[k]; ok {
			nf = &s
		}
		st.body[k] = mk(&excelize.Style{CustomNumFmt: nf, Alignment: &excelize.Alignment{Vertical: "top", WrapText: k == text}})
		st.sum[k] = mk(&excelize.Style{CustomNumFmt: nf, Font: bold})
	}
	return st, err
}

// writeTable writes a header, one row per r and the sum row.
func writeTable[R any](f *excelize.File, st *styles, sheet string, cols []column[R], rows []R) error {
	last := len(rows) + 1
	for i, c := range cols {
		col, err := excelize.ColumnNumberToName(i + 1)
		if err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, col, col, c.width); err != nil {
			return err
		}
		if err := setCell(f, sheet, col, 1, str(c.header), text, st.header); err != nil {
			return err
		}
		for j, r := range rows {
			if err := setCell(f, sheet, col, j+2, c.value(r), c.kind, st.body[c.kind]); err != nil {
				return err
			}
		}
		sumRow := last + 1
		switch {
		case i == 0:
			err = setCell(f, sheet, col, sumRow, str("Summe"), text, st.sumLabel)
		case c.sum:
			ref := col + strconv.Itoa(sumRow)
			if err = f.SetCellFormula(sheet, ref, fmt.Sprintf("SUM(%s2:%s%d)", col, col, max(last, 2))); err == nil {
				err = f.SetCellStyle(sheet, ref, ref, st.sum[c.kind])
			}
		}
		if err != nil {
			return err
		}
	}
	lastCol, _ := excelize.ColumnNumberToName(len(cols))
	if err := f.AutoFilter(sheet, fmt.Sprintf("A1:%s%d", lastCol, max(last, 2)), nil); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}})
}

// setCell writes v as a cell of kind k: text as a string, numbers as the
// exact decimal string of their integer units (cents, e5), dates as the
// serial number of the day.
func setCell(f *excelize.File, sheet, col string, row int, v cell, k kind, style int) error {
	ref := col + strconv.Itoa(row)
	if err := f.SetCellStyle(sheet, ref, ref, style); err != nil {
		return err
	}
	if !v.ok {
		return nil
	}
	switch k {
	case text:
		return f.SetCellStr(sheet, ref, v.s)
	case date:
		days := int64(v.t.Sub(epoch) / (24 * time.Hour))
		return f.SetCellInt(sheet, ref, days)
	case percent:
		return f.SetCellDefault(sheet, ref, format.FormatFixed(v.n, 7)) // e5 of a percent = 10^-7
	case money:
		return f.SetCellDefault(sheet, ref, format.FormatFixed(v.n, 2))
	}
	return f.SetCellInt(sheet, ref, v.n)
}
