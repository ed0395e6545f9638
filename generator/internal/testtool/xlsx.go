package testtool

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// DumpXLSX lists every cell of every sheet: reference, type, number
// format, formula or value; and the frozen panes and autofilter.
func DumpXLSX(t testing.TB, data []byte) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "properties: title=%q created=%s modified=%s\n", props.Title, props.Created, props.Modified)
	for _, n := range f.GetDefinedName() {
		fmt.Fprintf(&b, "defined name: %s (%s) = %s\n", n.Name, n.Scope, n.RefersTo)
	}
	for _, sheet := range f.GetSheetList() {
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "== %s (frozen=%v ySplit=%d)\n", sheet, panes.Freeze, panes.YSplit)
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c := range row {
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				typ, _ := f.GetCellType(sheet, ref)
				formula, _ := f.GetCellFormula(sheet, ref)
				v := row[c]
				if formula != "" {
					v = "=" + formula
				}
				if v == "" {
					continue
				}
				fmt.Fprintf(&b, "%s\t%s\t%s\t%s\n", ref, CellTypeName(typ), NumFmt(t, f, sheet, ref), v)
			}
		}
	}
	return []byte(b.String())
}

// CellTypeName names a cell type of excelize.
func CellTypeName(c excelize.CellType) string {
	return [...]string{"unset", "bool", "date", "error", "formula", "inline", "number", "shared"}[c]
}

// NumFmt is the custom number format of a cell ("general" if none).
func NumFmt(t testing.TB, f *excelize.File, sheet, ref string) string {
	id, err := f.GetCellStyle(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt != nil {
		return *st.CustomNumFmt
	}
	return "general"
}
