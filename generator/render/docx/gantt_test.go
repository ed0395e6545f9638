package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

// ganttTable reads the Gantt table of document.xml: per row the texts of
// its cells and the fill of each.
func ganttTable(t *testing.T, data []byte) (grid []int, rows [][2][]string) {
	t.Helper()
	var d struct {
		Body struct {
			Tbl []struct {
				Grid struct {
					Col []struct {
						W string `xml:"w,attr"`
					} `xml:"gridCol"`
				} `xml:"tblGrid"`
				Tr []struct {
					Tc []struct {
						TcPr struct {
							Shd struct {
								Fill string `xml:"fill,attr"`
							} `xml:"shd"`
						} `xml:"tcPr"`
						P []struct {
							R []struct {
								T []string `xml:"t"`
							} `xml:"r"`
						} `xml:"p"`
					} `xml:"tc"`
				} `xml:"tr"`
			} `xml:"tbl"`
		} `xml:"body"`
	}
	if err := xml.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	tbl := d.Body.Tbl[len(d.Body.Tbl)-1] // the chart is the last table of Plan
	for _, c := range tbl.Grid.Col {
		w, _ := strconv.Atoi(c.W)
		grid = append(grid, w)
	}
	for _, tr := range tbl.Tr {
		var texts, fills []string
		for _, tc := range tr.Tc {
			var b strings.Builder
			for _, p := range tc.P {
				for _, r := range p.R {
					b.WriteString(strings.Join(r.T, ""))
				}
			}
			texts = append(texts, b.String())
			fills = append(fills, tc.TcPr.Shd.Fill)
		}
		rows = append(rows, [2][]string{texts, fills})
	}
	return grid, rows
}

// TestGantt: the chart is a table of label, dates and one column per
// month, the months adding up to the text width; years span their
// months; a bar shades exactly the months it touches, a milestone puts a
// ◆ in its month, an undated row shades none.
func TestGantt(t *testing.T) {
	t.Parallel()
	d := modeltest.Plan()
	g := modeltest.Timeline()
	axis, err := g.Axis()
	if err != nil {
		t.Fatal(err)
	}
	p := unpack(t, render(t, d))
	for _, name := range p.names {
		if err := wellFormed(p.files[name]); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	grid, rows := ganttTable(t, p.files["word/document.xml"])
	if len(grid) != 2+len(axis.Months) {
		t.Fatalf("%d Spalten, erwartet 2 + %d Monate", len(grid), len(axis.Months))
	}
	sum := 0
	for _, w := range grid {
		sum += w
	}
	if want := textWidth(true); sum != want {
		t.Errorf("Spalten ergeben %d twips, Textbreite %d", sum, want)
	}
	if len(rows) != 2+len(g.Rows) {
		t.Fatalf("%d Zeilen, erwartet 2 Kopfzeilen + %d", len(rows), len(g.Rows))
	}
	if years := rows[0][0][2:]; strings.Join(years, " ") != "2025 2026" {
		t.Errorf("Jahre %q", years)
	}
	if months := rows[1][0][2:]; len(months) != 24 || months[2] != "Mär" && months[2] != "M" {
		t.Errorf("Monate %q", months)
	}
	for i, r := range g.Rows {
		texts, fills := rows[2+i][0], rows[2+i][1]
		if texts[0] != r.Label || texts[1] != r.Text {
			t.Errorf("Zeile %d: %q | %q", i+1, texts[0], texts[1])
		}
		for m := range axis.Months {
			covers := axis.Covers(r, m)
			fill, text := fills[2+m], texts[2+m]
			switch {
			case covers && r.Milestone:
				if text != "◆" || fill != "" {
					t.Errorf("Zeile %d, Monat %d: %q/%q, erwartet ◆ ohne Schattierung", i+1, m, text, fill)
				}
			case covers:
				if fill != r.Fill() || text != "" {
					t.Errorf("Zeile %d, Monat %d: Füllung %q, erwartet %q", i+1, m, fill, r.Fill())
				}
			default:
				if fill != "" || text != "" {
					t.Errorf("Zeile %d, Monat %d: %q/%q, erwartet leer", i+1, m, text, fill)
				}
			}
		}
	}
	doc := string(p.files["word/document.xml"])
	if !strings.Contains(doc, `<w:color w:val="7F7F7F"/>`) || !strings.Contains(doc, `<w:color w:val="C00000"/>`) {
		t.Error("Meilensteine nicht in ihren Farben")
	}
	if !strings.Contains(doc, `w:name="zeitplan"/><w:r><w:t xml:space="preserve">Zeitplan</w:t>`) {
		t.Error("Zeitplan ohne Lesezeichen")
	}
}

func TestGanttInvalid(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	err := Render(&buf, doc(&model.Gantt{Rows: []model.GanttRow{{Label: "x", Text: "offen"}}}), Options{})
	if !errors.Is(err, ErrInvalidModel) || !strings.Contains(err.Error(), "ohne Termine") {
		t.Errorf("Zeitplan ohne Termine: %v", err)
	}
	if buf.Len() != 0 {
		t.Error("bytes written despite the error")
	}
}

// TestLibreOfficeGantt lays out the plan in LibreOffice: one landscape
// page with every row's label and dates and the years of the axis.
func TestLibreOfficeGantt(t *testing.T) {
	t.Parallel()
	testtool.Require(t, "soffice")
	path := filepath.Join(t.TempDir(), "projektplan.docx")
	if err := RenderFile(path, modeltest.Plan(), Options{}); err != nil {
		t.Fatal(err)
	}
	pdf := testtool.LibreOffice(t, path, "pdf")
	info := testtool.Run(t, "pdfinfo", pdf)
	if !strings.Contains(info, "Pages:           1\n") || !strings.Contains(info, "841.89 x 595") {
		t.Errorf("nicht eine Seite A4 quer:\n%s", info)
	}
	text := regexp.MustCompile(`[ \x{00a0}]+`).ReplaceAllString(testtool.Run(t, "pdftotext", "-enc", "UTF-8", pdf, "-"), " ")
	for _, r := range modeltest.Timeline().Rows {
		for _, want := range []string{r.Text, word(r.Label)} {
			if !strings.Contains(text, want) {
				t.Errorf("LibreOffice-PDF ohne %q", want)
			}
		}
	}
	for _, want := range []string{"2025", "2026", "◆"} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice-PDF ohne %q", want)
		}
	}
	if t.Failed() {
		t.Logf("Text:\n%s", text)
	}
}

// word is the first word of s with at least five letters.
func word(s string) string {
	for _, w := range strings.Fields(s) {
		if len([]rune(w)) >= 5 {
			return w
		}
	}
	return s
}
