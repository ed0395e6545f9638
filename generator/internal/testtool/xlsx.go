package testtool

import (
	"bytes"
	"fmt"
	"path/filepath"
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

// CSVSheetsFilter is LibreOffice's CSV export with semicolons, UTF-8,
// raw values (en-US: 1234.56, dates as MM/DD/YYYY) and every sheet to a
// file of its own (sheet number -1).
const CSVSheetsFilter = "csv:Text - txt - csv (StarCalc):59,34,76,1,,1033,false,true,false,false,false,-1"

// LibreOfficeSheets converts spreadsheets to CSV, every sheet of each,
// in one LibreOffice process and returns the CSV files per input (in the
// order of ins) and sheet name. The inputs must have distinct base names.
// A failed conversion is tried once more with a fresh profile, as in
// LibreOfficeAll.
func LibreOfficeSheets(t testing.TB, ins []string) []map[string]string {
	t.Helper()
	RequireCalc(t)
	var failure string
	for attempt := 1; attempt <= 2; attempt++ {
		dir := t.TempDir()
		args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--norestore",
			"--convert-to", CSVSheetsFilter, "--outdir", dir}, ins...)
		out, err := RunErr(t, "soffice", args...)
		failure = ""
		if err != nil {
			failure = fmt.Sprintf("soffice %s: %v\n%s", strings.Join(args, " "), err, out)
		}
		res := make([]map[string]string, len(ins))
		for i, in := range ins {
			base := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
			files, _ := filepath.Glob(filepath.Join(dir, base+"-*.csv"))
			res[i] = map[string]string{}
			for _, f := range files {
				res[i][strings.TrimSuffix(strings.TrimPrefix(filepath.Base(f), base+"-"), ".csv")] = f
			}
			if len(files) == 0 && failure == "" {
				failure = fmt.Sprintf("LibreOffice hat %s nicht nach CSV umgewandelt\n%s", in, out)
			}
		}
		if failure == "" {
			return res
		}
		if attempt == 1 {
			t.Logf("LibreOffice, erster Versuch gescheitert, zweiter mit neuem Profil: %s", failure)
		}
	}
	t.Fatal(failure)
	return nil
}
