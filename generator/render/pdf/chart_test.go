package pdf

import (
	"bytes"
	"errors"
	"math"
	"regexp"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

// TestSlide renders the project profile on a slide page: one page of
// 960 × 540 pt that qpdf accepts, with the chart's labels and values, the
// traffic-light table, header and footer.
func TestSlide(t *testing.T) {
	t.Parallel()
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			t.Parallel()
			path := writePDF(t, modeltest.Slide(), mode.unicode)
			testtool.Run(t, "qpdf", "--check", path)
			checkFonts(t, path, mode.unicode)
			info := testtool.Run(t, "pdfinfo", path)
			if !strings.Contains(info, "Page size:       960 x 540 pts") {
				t.Errorf("keine 16:9-Folie:\n%s", info)
			}
			if n := pageCount(t, path); n != 1 {
				t.Errorf("%d Seiten, erwartet 1", n)
			}
			all := text(t, path, 0, 0)
			for _, b := range modeltest.Shares().Bars {
				want := spaces.ReplaceAllString(b.Label+" "+b.Text, " ")
				if !strings.Contains(all, want) {
					t.Errorf("Balken %q fehlt", want)
				}
			}
			for _, want := range []string{"Kostenanteile 2027", "Zeitplan im Plan Pilotbetrieb", "Nachnutzung kritisch Anbindung " + modeltest.Hostile,
				"Projektsteckbrief Wohngeld"} {
				if !strings.Contains(all, want) {
					t.Errorf("%q fehlt:\n%s", want, all)
				}
			}
			// A slide is shown on its own: no "Seite 1 von 1".
			if strings.Contains(all, "Seite") {
				t.Errorf("Seitenzahl auf einer Folie:\n%s", all)
			}
		})
	}
}

// TestPageFormats checks the page size pdfinfo reports for every format.
func TestPageFormats(t *testing.T) {
	t.Parallel()
	tests := []struct {
		page      string
		landscape bool
		want      string
	}{
		{"", false, "595.28 x 841.89 pts (A4)"},
		{model.PageA4, false, "595.28 x 841.89 pts (A4)"},
		{model.PageA4, true, "841.89 x 595.28 pts"},
		{model.PageSlide, false, "960 x 540 pts"},
		{model.PageSlide, true, "960 x 540 pts"}, // a slide is always landscape
	}
	for _, tt := range tests {
		t.Run(tt.page+"/"+map[bool]string{true: "quer", false: "hoch"}[tt.landscape], func(t *testing.T) {
			t.Parallel()
			d := doc(bodyPara(txt("Text")))
			d.Meta.Page, d.Meta.Landscape = tt.page, tt.landscape
			info := testtool.Run(t, "pdfinfo", writePDF(t, d, false))
			if !strings.Contains(info, "Page size:       "+tt.want) {
				t.Errorf("Seitengröße nicht %s:\n%s", tt.want, info)
			}
		})
	}
}

// TestSlideMargins checks the slide's geometry: 12 mm margins, header and
// footer inside them.
func TestSlideMargins(t *testing.T) {
	t.Parallel()
	r := renderer(t)
	g := slideGeometry(t)
	if math.Abs(g.w-338.6667) > 0.001 || math.Abs(g.h-190.5) > 1e-9 || g.margin != 12 {
		t.Errorf("Folie %.4f × %.4f mm, Rand %v", g.w, g.h, g.margin)
	}
	l := r.newPageLayout(g)
	header, err := l.header("Kurztitel", true)
	if err != nil {
		t.Fatal(err)
	}
	footer, err := l.footer(1, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, o := range header {
		if o.y > g.margin-1 {
			t.Errorf("Kopfzeile reicht bis %.1f mm, der Rand ist %v mm", o.y, g.margin)
		}
	}
	for _, o := range footer {
		if top := o.y - footerStyle.size*ptMM; top < g.h-g.margin+1 {
			t.Errorf("Fußzeile beginnt bei %.1f mm, der Text endet bei %.1f mm", top, g.h-g.margin)
		}
	}
}

// chartOps lays out a chart alone and returns its rows' operations in
// page coordinates.
func chartOps(t *testing.T, c *model.Chart) (*layout, []op) {
	t.Helper()
	l := renderer(t).newLayout(a4Short, a4Long)
	if err := l.chart(c); err != nil {
		t.Fatal(err)
	}
	pages := l.paginate()
	if len(pages) != 1 {
		t.Fatalf("%d Seiten", len(pages))
	}
	return l, pages[0].ops
}

func TestChartLayout(t *testing.T) {
	t.Parallel()
	bars := func(ops []op) []op {
		var out []op
		for _, o := range ops {
			if o.kind == opRect && !o.grid {
				out = append(out, o)
			}
		}
		return out
	}
	tests := []struct {
		name  string
		chart *model.Chart
		check func(t *testing.T, c *model.Chart, l *layout, ops []op)
	}{
		{"proportional bars, default and own colours, zero without bar", modeltest.Shares(), func(t *testing.T, c *model.Chart, l *layout, ops []op) {
			rects := bars(ops)
			if len(rects) != 4 {
				t.Fatalf("%d Balken, erwartet 4 (der Nullwert ohne Balken)", len(rects))
			}
			for i, r := range rects {
				want := rects[0].w * float64(c.Bars[i].ValueE5) / float64(c.Bars[0].ValueE5)
				if math.Abs(r.w-want) > 1e-9 {
					t.Errorf("Balken %d: %.4f mm, erwartet %.4f mm", i+1, r.w, want)
				}
				if r.x != rects[0].x {
					t.Errorf("Balken %d beginnt bei %.2f mm, nicht an der Achse %.2f mm", i+1, r.x, rects[0].x)
				}
			}
			if blue := (rgb{0x44, 0x72, 0xc4}); rects[0].fill != blue || rects[1].fill != (rgb{0xc5, 0x5a, 0x11}) {
				t.Errorf("Farben %v, %v", rects[0].fill, rects[1].fill)
			}
			// The longest bar leaves room for its value text.
			end := rects[0].x + rects[0].w
			for _, o := range ops {
				if o.kind == opText && o.s == "42,14071\u00a0%" {
					if o.x < end || o.x > end+chartPad+0.01 {
						t.Errorf("Wert bei %.2f mm, Balken endet bei %.2f mm", o.x, end)
					}
					if w := float64(l.tokWidth(o.st, o.s)) * unit(o.size); o.x+w > l.x0+l.textW+1e-9 {
						t.Errorf("Wert ragt über den Rand: %.2f mm", o.x+w)
					}
				}
			}
		}},
		{"labels end at the axis", modeltest.Shares(), func(t *testing.T, c *model.Chart, l *layout, ops []op) {
			axis := bars(ops)[0].x
			for _, o := range ops {
				if o.kind == opText && o.x < axis && o.s != c.Title {
					w := float64(l.tokWidth(o.st, o.s)) * unit(o.size)
					if math.Abs(o.x+w-(axis-chartPad)) > 1e-6 {
						t.Errorf("Beschriftung %q endet bei %.3f mm, erwartet %.3f mm", o.s, o.x+w, axis-chartPad)
					}
				}
			}
		}},
		{"axis is continuous", modeltest.Shares(), func(t *testing.T, c *model.Chart, l *layout, ops []op) {
			var lines []op
			for _, o := range ops {
				if o.kind == opLine {
					lines = append(lines, o)
				}
			}
			if len(lines) != len(c.Bars) {
				t.Fatalf("%d Achsenstücke", len(lines))
			}
			for i := 1; i < len(lines); i++ {
				if math.Abs(lines[i].y-(lines[i-1].y+lines[i-1].h)) > 1e-9 || lines[i].x != lines[0].x {
					t.Errorf("Achse unterbrochen vor Balken %d", i+1)
				}
			}
		}},
		{"all zero: no bars", &model.Chart{Bars: []model.Bar{{Label: "A", Text: "0 %"}, {Label: "B", Text: "0 %"}}}, func(t *testing.T, c *model.Chart, l *layout, ops []op) {
			if n := len(bars(ops)); n != 0 {
				t.Errorf("%d Balken", n)
			}
		}},
		{"tiny value still visible", &model.Chart{Bars: []model.Bar{{Label: "A", ValueE5: model.MaxBarE5, Text: "100 %"}, {Label: "B", ValueE5: 1, Text: "0,00001 %"}}}, func(t *testing.T, c *model.Chart, l *layout, ops []op) {
			if r := bars(ops); len(r) != 2 || r[1].w != chartMinBar {
				t.Errorf("Balken %v", r)
			}
		}},
		{"long label wraps", &model.Chart{Bars: []model.Bar{{Label: strings.Repeat("Sehr langer Name ", 8), ValueE5: 5, Text: "5"}}}, func(t *testing.T, c *model.Chart, l *layout, ops []op) {
			n := 0
			for _, o := range ops {
				if o.kind == opText && strings.HasPrefix(o.s, "Sehr") {
					n++
				}
			}
			if n < 2 {
				t.Errorf("Beschriftung auf %d Zeilen", n)
			}
			if l.items[0].h <= chartBarH+2*chartGap {
				t.Errorf("Zeile nicht höher als ein Balken: %.2f mm", l.items[0].h)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l, ops := chartOps(t, tt.chart)
			tt.check(t, tt.chart, l, ops)
		})
	}
}

// TestChartKeptTogether puts a chart near the end of a page: it moves to
// the next page as a whole, its title with it.
func TestChartKeptTogether(t *testing.T) {
	t.Parallel()
	r := renderer(t)
	for n := 40; n < 52; n++ {
		var blocks []model.Block
		for range n {
			blocks = append(blocks, bodyPara(txt("Füllzeile")))
		}
		blocks = append(blocks, modeltest.Shares())
		l := r.newLayout(a4Short, a4Long)
		if err := l.blocks(blocks); err != nil {
			t.Fatal(err)
		}
		pages := l.paginate()
		seen := map[int]bool{}
		for i, p := range pages {
			for _, o := range p.ops {
				if o.kind == opText && (o.s == "Kostenanteile 2027" || o.s == "Bund") {
					seen[i] = true
				}
			}
		}
		if len(seen) != 1 {
			t.Errorf("%d Füllzeilen: Diagramm auf den Seiten %v", n, seen)
		}
	}
}

// TestCellShadeInPlainTables checks that Cell.Shade fills the cell in
// tables that are not form tables too (traffic lights), and that the
// header keeps its grey where no shade is given.
func TestCellShadeInPlainTables(t *testing.T) {
	t.Parallel()
	l := renderer(t).newLayout(a4Short, a4Long)
	tb := &model.Table{Widths: []int{1, 1}, Header: []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{txt("Thema")}}, {Inlines: []model.Inline{txt("Ampel")}, Shade: "D9D9D9"}}}},
		Rows: []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{txt("Kosten")}}, {Inlines: []model.Inline{txt("rot")}, Shade: "FFC7CE"}}}}}
	if err := l.table(tb); err != nil {
		t.Fatal(err)
	}
	var fills []rgb
	for _, it := range l.items {
		for _, o := range it.ops {
			if o.kind == opRect && !o.grid {
				fills = append(fills, o.fill)
			}
		}
	}
	want := []rgb{headShade, {0xd9, 0xd9, 0xd9}, {0xff, 0xc7, 0xce}}
	if len(fills) != len(want) {
		t.Fatalf("Füllungen %v, erwartet %v", fills, want)
	}
	for i := range want {
		if fills[i] != want[i] {
			t.Errorf("Füllung %d: %v, erwartet %v", i+1, fills[i], want[i])
		}
	}
}

// TestSlidePixels rasterises the slide and samples colours: the traffic
// lights and the bars are painted, in their colours.
func TestSlidePixels(t *testing.T) {
	t.Parallel()
	path := writePDF(t, modeltest.Slide(), false)
	l := renderer(t).newPageLayout(slideGeometry(t))
	if err := l.blocks(modeltest.Slide().Blocks); err != nil {
		t.Fatal(err)
	}
	pages := l.paginate()
	img := rasterize(t, path)
	found := map[rgb]bool{}
	for _, o := range pages[0].ops {
		if o.kind != opRect || o.grid {
			continue
		}
		// Left of the cell's text, half-way down, at 100 dpi.
		x, y := int((o.x+min(1, o.w/2))/25.4*100), int((o.y+o.h/2)/25.4*100)
		if got := img.at(x, y); near(got, o.fill) {
			found[o.fill] = true
		} else {
			t.Errorf("bei %d,%d: Farbe %v, erwartet %v", x, y, got, o.fill)
		}
	}
	for _, c := range []rgb{{0xc6, 0xef, 0xce}, {0xff, 0xeb, 0x9c}, {0xff, 0xc7, 0xce}, {0x44, 0x72, 0xc4}, {0xc5, 0x5a, 0x11}} {
		if !found[c] {
			t.Errorf("Farbe %v nicht gemalt", c)
		}
	}
}

func slideGeometry(t *testing.T) pageGeom {
	t.Helper()
	g, ok := pageGeometry(model.Meta{Page: model.PageSlide})
	if !ok {
		t.Fatal("kein Folienformat")
	}
	return g
}

func near(a, b rgb) bool {
	d := func(x, y uint8) int { return max(int(x)-int(y), int(y)-int(x)) }
	return d(a.r, b.r) <= 3 && d(a.g, b.g) <= 3 && d(a.b, b.b) <= 3
}

// ppm is a decoded binary PPM image.
type ppm struct {
	w, h int
	pix  []byte
}

func (p ppm) at(x, y int) rgb {
	i := 3 * (y*p.w + x)
	if x < 0 || y < 0 || x >= p.w || y >= p.h {
		return rgb{}
	}
	return rgb{p.pix[i], p.pix[i+1], p.pix[i+2]}
}

// rasterize renders page 1 at 100 dpi with pdftoppm.
func rasterize(t *testing.T, path string) ppm {
	t.Helper()
	out := testtool.Run(t, "pdftoppm", "-r", "100", "-f", "1", "-l", "1", path)
	var p ppm
	var maxv int
	b := []byte(out)
	m := regexp.MustCompile(`^P6\s+(\d+)\s+(\d+)\s+(\d+)\s`).FindSubmatchIndex(b)
	if m == nil {
		t.Fatal("pdftoppm liefert kein PPM")
	}
	for i, dst := range []*int{&p.w, &p.h, &maxv} {
		for _, c := range b[m[2+2*i]:m[3+2*i]] {
			*dst = *dst*10 + int(c-'0')
		}
	}
	p.pix = b[m[1]:]
	if maxv != 255 || len(p.pix) != 3*p.w*p.h {
		t.Fatalf("PPM %dx%d, max %d, %d Bytes", p.w, p.h, maxv, len(p.pix))
	}
	return p
}

func TestSlideReproducible(t *testing.T) {
	t.Parallel()
	for _, mode := range modes {
		a := renderBytes(t, modeltest.Slide(), mode.unicode)
		b := renderBytes(t, modeltest.Slide(), mode.unicode)
		if !bytes.Equal(a, b) {
			t.Errorf("%s: zwei Läufe ergeben verschiedene Bytes", mode.name)
		}
	}
}

func TestChartErrors(t *testing.T) {
	t.Parallel()
	bar := func(v int64, color string) model.Bar {
		return model.Bar{Label: "A", ValueE5: v, Text: "x", Color: color}
	}
	tests := []struct {
		name string
		d    *model.Document
		want error
		msg  string
	}{
		{"no bars", doc(&model.Chart{ID: "k"}), ErrInvalidModel, "Diagramm ohne Balken"},
		{"negative", doc(&model.Chart{Bars: []model.Bar{bar(-1, "")}}), ErrInvalidModel, "Wert -1"},
		{"above 100 %", doc(&model.Chart{Bars: []model.Bar{bar(model.MaxBarE5+1, "")}}), ErrInvalidModel, "Wert 10000001"},
		{"bad colour", doc(&model.Chart{Bars: []model.Bar{bar(1, "blau")}}), ErrInvalidModel, `"blau"`},
		{"missing glyph in label", doc(&model.Chart{Pos: model.Pos{File: "c.tmpl", Line: 3}, Bars: []model.Bar{{Label: "中", Text: "1"}}}), ErrMissingGlyph, "c.tmpl:3"},
		{"control character in value", doc(&model.Chart{Bars: []model.Bar{{Label: "A", Text: "1\x01"}}}), ErrInvalidChar, "Zeile 1, Spalte 2"},
		{"unknown page format", func() *model.Document { d := doc(); d.Meta.Page = "a5"; return d }(), ErrInvalidModel, `Seitenformat "a5"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			err := renderer(t).Render(&bytes.Buffer{}, tt.d, Options{})
			if !errors.Is(err, tt.want) {
				t.Fatalf("Fehler %v, erwartet %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Fehler %q nennt %q nicht", err, tt.msg)
			}
		})
	}
}

// TestGantt renders the project plan with its Gantt chart on landscape
// A4: one page that qpdf accepts, every row's label and dates, the years
// and months of the axis.
func TestGantt(t *testing.T) {
	t.Parallel()
	for _, mode := range modes {
		t.Run(mode.name, func(t *testing.T) {
			t.Parallel()
			path := writePDF(t, modeltest.Plan(), mode.unicode)
			testtool.Run(t, "qpdf", "--check", path)
			if n := pageCount(t, path); n != 1 {
				t.Errorf("%d Seiten, erwartet 1", n)
			}
			if info := testtool.Run(t, "pdfinfo", path); !strings.Contains(info, "Page size:       841.89 x 595.28 pts") {
				t.Errorf("nicht A4 quer:\n%s", info)
			}
			all := text(t, path, 0, 0)
			for _, r := range modeltest.Timeline().Rows {
				for _, want := range []string{r.Text, strings.Fields(r.Label)[0]} {
					if !strings.Contains(all, want) {
						t.Errorf("%q fehlt:\n%s", want, all)
					}
				}
			}
			for _, want := range []string{"Zeitplan", "2025", "2026", "Pilotbetrieb " + modeltest.Hostile} {
				if !strings.Contains(all, want) {
					t.Errorf("%q fehlt:\n%s", want, all)
				}
			}
		})
	}
}

// TestGanttLayout: bars start and end where their days are on the axis,
// an undated row has none, milestones are diamonds on their day, and the
// rows keep together.
func TestGanttLayout(t *testing.T) {
	t.Parallel()
	g := modeltest.Timeline()
	axis, err := g.Axis()
	if err != nil {
		t.Fatal(err)
	}
	l := renderer(t).newLayout(a4Long, a4Short)
	if err := l.gantt(g); err != nil {
		t.Fatal(err)
	}
	pages := l.paginate()
	if len(pages) != 1 {
		t.Fatalf("%d Seiten", len(pages))
	}
	var bars, diamonds []op
	for _, o := range pages[0].ops {
		switch {
		case o.kind == opRect && !o.grid:
			bars = append(bars, o)
		case o.kind == opDiamond:
			diamonds = append(diamonds, o)
		}
	}
	if len(bars) != 4 || len(diamonds) != 2 {
		t.Fatalf("%d Balken, %d Rauten; erwartet 4 und 2 (eine Phase ohne Termin)", len(bars), len(diamonds))
	}
	// scale from the first bar: mm per day
	from0, to0 := axis.Span(g.Rows[0])
	scale := bars[0].w / float64(to0-from0)
	x0 := bars[0].x - scale*float64(from0)
	if math.Abs(x0+scale*float64(axis.Days)-(l.x0+l.textW)) > 0.01 {
		t.Errorf("Achse endet bei %.2f mm, der Text bei %.2f mm", x0+scale*float64(axis.Days), l.x0+l.textW)
	}
	dated := []model.GanttRow{g.Rows[0], g.Rows[1], g.Rows[3], g.Rows[4]}
	for i, r := range dated {
		from, to := axis.Span(r)
		if math.Abs(bars[i].x-(x0+scale*float64(from))) > 0.01 || math.Abs(bars[i].w-scale*float64(to-from)) > 0.01 {
			t.Errorf("Balken %q bei %.2f+%.2f mm, erwartet %.2f+%.2f", r.Label, bars[i].x, bars[i].w, x0+scale*float64(from), scale*float64(to-from))
		}
	}
	if bars[1].fill != (rgb{0xa5, 0xa5, 0xa5}) || bars[0].fill != parseHex(model.DefaultBarColor) {
		t.Errorf("Farben %v, %v", bars[0].fill, bars[1].fill)
	}
	for i, r := range []model.GanttRow{g.Rows[5], g.Rows[6]} {
		from, _ := axis.Span(r)
		if want := x0 + scale*(float64(from)+0.5); math.Abs(diamonds[i].x-want) > 0.01 {
			t.Errorf("Raute %q bei %.2f mm, erwartet %.2f", r.Label, diamonds[i].x, want)
		}
	}
	if diamonds[1].fill != (rgb{0x7f, 0x7f, 0x7f}) || diamonds[0].fill != parseHex(model.DefaultMilestoneColor) {
		t.Errorf("Rautenfarben %v, %v", diamonds[0].fill, diamonds[1].fill)
	}
	for i, it := range l.items[:len(l.items)-1] {
		if !it.keepNext {
			t.Errorf("Zeile %d hält nicht mit der nächsten zusammen", i)
		}
	}
	bad := &model.Gantt{Rows: []model.GanttRow{{Label: "x", Text: "offen"}}}
	if err := renderer(t).newLayout(a4Long, a4Short).gantt(bad); !errors.Is(err, ErrInvalidModel) {
		t.Errorf("Zeitplan ohne Termine: %v", err)
	}
}
