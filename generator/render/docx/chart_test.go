package docx

import (
	"bytes"
	"encoding/xml"
	"errors"
	"math"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

// barRow is what a chart row shows in document.xml.
type barRow struct {
	label, text string
	bar, rest   int    // widths of the nested table's columns; bar 0 without a bar
	fill        string // fill of the bar cell
}

// chartRows reads the rows of the chart tables in document.xml: outer rows
// whose second cell holds a nested table.
func chartRows(t *testing.T, data []byte) []barRow {
	t.Helper()
	type tc struct {
		TcPr struct {
			W struct {
				W string `xml:"w,attr"`
			} `xml:"tcW"`
			Shd struct {
				Fill string `xml:"fill,attr"`
			} `xml:"shd"`
		} `xml:"tcPr"`
		P []struct {
			R []struct {
				T []string `xml:"t"`
			} `xml:"r"`
		} `xml:"p"`
		Tbl []struct {
			Tr []struct {
				Tc []tc `xml:"tc"`
			} `xml:"tr"`
		} `xml:"tbl"`
	}
	var d struct {
		Body struct {
			Tbl []struct {
				Tr []struct {
					Tc []tc `xml:"tc"`
				} `xml:"tr"`
			} `xml:"tbl"`
		} `xml:"body"`
	}
	if err := xml.Unmarshal(data, &d); err != nil {
		t.Fatal(err)
	}
	text := func(c tc) string {
		var b strings.Builder
		for _, p := range c.P {
			for _, r := range p.R {
				b.WriteString(strings.Join(r.T, ""))
			}
		}
		return b.String()
	}
	var out []barRow
	for _, tbl := range d.Body.Tbl {
		for _, tr := range tbl.Tr {
			if len(tr.Tc) != 2 || len(tr.Tc[1].Tbl) != 1 {
				continue
			}
			inner := tr.Tc[1].Tbl[0].Tr[0].Tc
			r := barRow{label: text(tr.Tc[0]), text: text(inner[len(inner)-1])}
			r.rest, _ = strconv.Atoi(inner[len(inner)-1].TcPr.W.W)
			if len(inner) == 2 {
				r.bar, _ = strconv.Atoi(inner[0].TcPr.W.W)
				r.fill = inner[0].TcPr.Shd.Fill
			}
			out = append(out, r)
		}
	}
	return out
}

func TestChart(t *testing.T) {
	t.Parallel()
	c := modeltest.Shares()
	for _, page := range []string{"", model.PageSlide} {
		t.Run("page="+page, func(t *testing.T) {
			t.Parallel()
			d := doc(c)
			d.Meta.Page = page
			p := unpack(t, render(t, d))
			for _, name := range p.names {
				if err := wellFormed(p.files[name]); err != nil {
					t.Errorf("%s: %v", name, err)
				}
			}
			rows := chartRows(t, p.files["word/document.xml"])
			if len(rows) != len(c.Bars) {
				t.Fatalf("%d Balkenzeilen, erwartet %d", len(rows), len(c.Bars))
			}
			area := rows[0].bar + rows[0].rest
			for i, r := range rows {
				b := c.Bars[i]
				if r.label != b.Label || r.text != b.Text {
					t.Errorf("Zeile %d: %q | %q", i+1, r.label, r.text)
				}
				if r.bar+r.rest != area {
					t.Errorf("Zeile %d: Balkenbereich %d, erwartet %d", i+1, r.bar+r.rest, area)
				}
				want := float64(rows[0].bar) * float64(b.ValueE5) / float64(c.Bars[0].ValueE5)
				if math.Abs(float64(r.bar)-want) > 1 {
					t.Errorf("Zeile %d: Balken %d twips, erwartet %.1f", i+1, r.bar, want)
				}
				wantFill := b.Color
				if wantFill == "" {
					wantFill = model.DefaultBarColor
				}
				if b.ValueE5 == 0 {
					wantFill = ""
				}
				if r.fill != wantFill {
					t.Errorf("Zeile %d: Füllung %q, erwartet %q", i+1, r.fill, wantFill)
				}
			}
			// The longest bar leaves room for its value text.
			if rows[0].rest < len([]rune(c.Bars[0].Text))*chartCharW {
				t.Errorf("nach dem längsten Balken nur %d twips für %q", rows[0].rest, c.Bars[0].Text)
			}
			doc := string(p.files["word/document.xml"])
			// Title with the id's bookmark; rows kept together.
			if !strings.Contains(doc, `<w:bookmarkStart w:id="0" w:name="kostenanteile"/><w:r><w:t xml:space="preserve">Kostenanteile 2027</w:t></w:r><w:bookmarkEnd w:id="0"/>`) {
				t.Error("Titel ohne Lesezeichen")
			}
			if n := strings.Count(doc, `<w:keepNext/><w:jc w:val="right"/>`); n != len(c.Bars)-1 {
				t.Errorf("%d Beschriftungen mit keepNext, erwartet %d", n, len(c.Bars)-1)
			}
		})
	}
}

// TestChartWithoutTitle puts the id's bookmark on the first label.
func TestChartWithoutTitle(t *testing.T) {
	t.Parallel()
	c := &model.Chart{ID: "anteile", Bars: []model.Bar{{Label: "A", ValueE5: 1, Text: "x"}}}
	doc := string(unpack(t, render(t, doc(c))).files["word/document.xml"])
	if !strings.Contains(doc, `<w:bookmarkStart w:id="0" w:name="anteile"/><w:r><w:t xml:space="preserve">A</w:t></w:r><w:bookmarkEnd w:id="0"/>`) {
		t.Errorf("kein Lesezeichen an der ersten Beschriftung:\n%s", doc)
	}
	if strings.Contains(doc, styleCaption) {
		t.Error("Überschrift ohne Titel")
	}
}

func TestPageFormats(t *testing.T) {
	t.Parallel()
	tests := []struct {
		page      string
		landscape bool
		want      string
	}{
		{"", false, `<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417" w:header="709" w:footer="709"`},
		{model.PageA4, false, `<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417"`},
		{model.PageA4, true, `<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1417"`},
		{model.PageSlide, false, `<w:pgSz w:w="19200" w:h="10800" w:orient="landscape"/><w:pgMar w:top="680" w:right="680" w:bottom="680" w:left="680" w:header="227" w:footer="227"`},
		{model.PageSlide, true, `<w:pgSz w:w="19200" w:h="10800" w:orient="landscape"/>`},
	}
	for _, tt := range tests {
		t.Run(tt.page+"/"+strconv.FormatBool(tt.landscape), func(t *testing.T) {
			t.Parallel()
			d := doc(bodyPara("", "x"))
			d.Meta.Page, d.Meta.Landscape = tt.page, tt.landscape
			if got := string(unpack(t, render(t, d)).files["word/document.xml"]); !strings.Contains(got, tt.want) {
				t.Errorf("document.xml lacks %s", tt.want)
			}
		})
	}
	d := doc()
	d.Meta.Page = "A4"
	if err := Render(&bytes.Buffer{}, d, Options{}); !errors.Is(err, ErrInvalidModel) || !strings.Contains(err.Error(), `"A4"`) {
		t.Errorf("err = %v, want ErrInvalidModel naming the format", err)
	}
}

// TestSlideTableWidth checks that tables span the slide's text width.
func TestSlideTableWidth(t *testing.T) {
	t.Parallel()
	doc := string(unpack(t, render(t, modeltest.Slide())).files["word/document.xml"])
	if n := strings.Count(doc, `<w:tblW w:w="17840" w:type="dxa"/>`); n != 2 {
		t.Errorf("%d Tabellen über die Textbreite 17840 twips, erwartet 2 (Status und Diagramm)", n)
	}
}

// TestCellShadeInPlainTables checks that Cell.Shade reaches tables that
// are not form tables (traffic lights).
func TestCellShadeInPlainTables(t *testing.T) {
	t.Parallel()
	doc := string(unpack(t, render(t, modeltest.Slide())).files["word/document.xml"])
	for _, c := range []string{"C6EFCE", "FFEB9C", "FFC7CE"} {
		if !strings.Contains(doc, `<w:shd w:val="clear" w:color="auto" w:fill="`+c+`"/>`) {
			t.Errorf("Schattierung %s fehlt", c)
		}
	}
}

func TestChartInvalid(t *testing.T) {
	t.Parallel()
	bar := func(v int64, color string) model.Bar {
		return model.Bar{Label: "A", ValueE5: v, Text: "x", Color: color}
	}
	tests := []struct {
		name  string
		chart *model.Chart
		want  error
		msg   string
	}{
		{"no bars", &model.Chart{ID: "k"}, ErrInvalidModel, "Diagramm k"},
		{"negative", &model.Chart{Bars: []model.Bar{bar(-1, "")}}, ErrInvalidModel, "Wert -1"},
		{"above 100 %", &model.Chart{Bars: []model.Bar{bar(model.MaxBarE5+1, "")}}, ErrInvalidModel, "Wert 10000001"},
		{"bad colour", &model.Chart{Bars: []model.Bar{bar(1, "#4472C4")}}, ErrInvalidModel, `"#4472C4"`},
		{"control character in label", &model.Chart{Pos: model.Pos{File: "c.tmpl", Line: 3}, Bars: []model.Bar{{Label: "A\x01", Text: "1"}}}, ErrInvalidChar, "Zeile 1, Spalte 1, c.tmpl:3"},
		{"control character in title", &model.Chart{Title: "T\x02", Bars: []model.Bar{bar(1, "")}}, ErrInvalidChar, "Diagramm"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var buf bytes.Buffer
			err := Render(&buf, doc(tt.chart), Options{})
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q lacks %q", err, tt.msg)
			}
			if buf.Len() != 0 {
				t.Error("bytes written despite the error")
			}
		})
	}
}

// TestLibreOfficeSlide lays out the project profile in LibreOffice: one
// page of 960 × 540 pt with the chart's labels and values and the
// traffic-light table.
func TestLibreOfficeSlide(t *testing.T) {
	t.Parallel()
	testtool.Require(t, "soffice")
	path := filepath.Join(t.TempDir(), "steckbrief.docx")
	if err := RenderFile(path, modeltest.Slide(), Options{}); err != nil {
		t.Fatal(err)
	}
	pdf := testtool.LibreOffice(t, path, "pdf")
	info := testtool.Run(t, "pdfinfo", pdf)
	m := regexp.MustCompile(`Page size:\s+([\d.]+) x ([\d.]+) pts`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo nennt keine Seitengröße:\n%s", info)
	}
	w, _ := strconv.ParseFloat(m[1], 64)
	h, _ := strconv.ParseFloat(m[2], 64)
	if math.Abs(w-960) > 0.5 || math.Abs(h-540) > 0.5 {
		t.Errorf("Seite %v × %v pt, erwartet 960 × 540", w, h)
	}
	if !strings.Contains(info, "Pages:           1\n") {
		t.Errorf("nicht eine Seite:\n%s", info)
	}
	text := regexp.MustCompile(`[ \x{00a0}]+`).ReplaceAllString(testtool.Run(t, "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"), " ")
	want := []string{"Kostenanteile 2027", "Zeitplan im Plan Pilotbetrieb seit Oktober 2026", "Projektsteckbrief Wohngeld"}
	if strings.Contains(text, "Seite") {
		t.Errorf("Seitenzahl auf einer Folie")
	}
	for _, b := range modeltest.Shares().Bars {
		want = append(want, strings.ReplaceAll(b.Label+" "+b.Text, "\u00a0", " "))
	}
	for _, s := range want {
		if !strings.Contains(text, s) {
			t.Errorf("LibreOffice-PDF ohne %q", s)
		}
	}
	if t.Failed() {
		t.Logf("Text:\n%s", text)
	}
}
