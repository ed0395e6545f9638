package check

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/vereinbar/vereinbar/generator/model"
)

// Limits of ParseDump. A dump comes from a PDF, which may have been made
// by anyone; these bound the memory spent on it.
const (
	// MaxDumpBytes is the largest dump read (the dump of a 16-party ring
	// agreement has about 40 KB).
	MaxDumpBytes = 16 << 20
	// maxDumpLine is the longest line.
	maxDumpLine = 1 << 20
	// maxDumpDepth is the deepest indentation (nested lists and sections).
	maxDumpDepth = 64
)

// ParseDump reads the text form written by model.Dump back into a
// document. Dump → ParseDump → Dump gives the same text. What the dump
// does not carry is lost: the inline structure of table cells whose text
// keeps one style (such a cell becomes plain text with line breaks), and
// keywords containing ", ".
func ParseDump(r io.Reader) (*model.Document, error) {
	src, err := io.ReadAll(io.LimitReader(r, MaxDumpBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDump, err)
	}
	if len(src) > MaxDumpBytes {
		return nil, fmt.Errorf("%w: größer als %d MiB", ErrDump, MaxDumpBytes>>20)
	}
	var lines []dumpLine
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 64<<10), maxDumpLine)
	for n := 1; sc.Scan(); n++ {
		s := sc.Text()
		body := strings.TrimLeft(s, " ")
		ind := len(s) - len(body)
		if ind%2 != 0 {
			return nil, fmt.Errorf("%w: Zeile %d: ungerade Einrückung", ErrDump, n)
		}
		if ind/2 > maxDumpDepth {
			return nil, fmt.Errorf("%w: Zeile %d: mehr als %d Ebenen", ErrDump, n, maxDumpDepth)
		}
		lines = append(lines, dumpLine{no: n, depth: ind / 2, s: body})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrDump, err)
	}
	p := &dumpParser{lines: lines}
	d, err := p.document()
	if err != nil {
		return nil, err
	}
	return d, nil
}

type dumpLine struct {
	no, depth int
	s         string
}

type dumpParser struct {
	lines []dumpLine
	i     int
}

func (p *dumpParser) errorf(l dumpLine, format string, args ...any) error {
	return fmt.Errorf("%w: Zeile %d: %s", ErrDump, l.no, fmt.Sprintf(format, args...))
}

// next returns the next line if it has the given depth.
func (p *dumpParser) next(depth int) (dumpLine, bool) {
	if p.i >= len(p.lines) || p.lines[p.i].depth != depth {
		return dumpLine{}, false
	}
	p.i++
	return p.lines[p.i-1], true
}

func (p *dumpParser) document() (*model.Document, error) {
	l, ok := p.next(0)
	if !ok {
		return nil, fmt.Errorf("%w: „document“ fehlt am Anfang", ErrDump)
	}
	d := &model.Document{}
	m := &d.Meta
	sc := &scan{s: l.s}
	sc.lit("document kind=")
	m.Kind = sc.quoted()
	sc.lit(" lang=")
	m.Language = sc.quoted()
	sc.lit(" date=")
	if date := sc.word(); date != "" && sc.err == nil {
		t, err := time.Parse(time.DateOnly, date)
		if err != nil {
			sc.fail("Datum %q", date)
		} else if !t.Equal(time.Time{}) {
			m.Date = t
		}
	}
	sc.lit(" landscape=")
	m.Landscape = sc.boolean()
	if sc.err == nil && strings.HasPrefix(sc.s, " page=") {
		sc.lit(" page=")
		m.Page = sc.quoted()
	}
	if sc.err == nil && sc.s != "" {
		sc.lit(" draft=true")
		m.Draft = true
	}
	if err := sc.end(); err != nil {
		return nil, p.errorf(l, "%v", err)
	}
	var keywords string
	for _, f := range []struct {
		name string
		dst  *string
	}{{"title", &m.Title}, {"short", &m.ShortTitle}, {"subject", &m.Subject}, {"author", &m.Author}, {"keywords", &keywords}} {
		l, ok := p.next(1)
		if !ok {
			return nil, fmt.Errorf("%w: Metadatum %s fehlt", ErrDump, f.name)
		}
		sc := &scan{s: l.s}
		sc.lit(f.name + "=")
		*f.dst = sc.quoted()
		if err := sc.end(); err != nil {
			return nil, p.errorf(l, "%v", err)
		}
	}
	if keywords != "" {
		m.Keywords = strings.Split(keywords, ", ")
	}
	blocks, err := p.blocks(1)
	if err != nil {
		return nil, err
	}
	d.Blocks = blocks
	if p.i < len(p.lines) {
		return nil, p.errorf(p.lines[p.i], "unerwartete Einrückung")
	}
	return d, nil
}

// blocks reads the blocks at depth.
func (p *dumpParser) blocks(depth int) ([]model.Block, error) {
	var out []model.Block
	for {
		l, ok := p.next(depth)
		if !ok {
			return out, nil
		}
		b, err := p.block(l)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
}

func (p *dumpParser) block(l dumpLine) (model.Block, error) {
	sc := &scan{s: l.s}
	kind := sc.word()
	var b model.Block
	var err error
	switch kind {
	case "section":
		b, err = p.section(l, sc)
	case "paragraph":
		b, err = p.paragraph(l, sc)
	case "list":
		b, err = p.list(l, sc)
	case "table":
		b, err = p.table(l, sc)
	case "chart":
		b, err = p.chart(l, sc)
	case "gantt":
		b, err = p.gantt(l, sc)
	case "signatures":
		b, err = p.signatures(l, sc)
	case "pagebreak":
		pb := &model.PageBreak{Pos: sc.pos()}
		b, err = pb, sc.end()
	default:
		return nil, p.errorf(l, "unbekannter Knoten %q", kind)
	}
	if err != nil {
		var de *dumpError
		if errors.As(err, &de) {
			return nil, p.errorf(l, "%v", err)
		}
		return nil, err
	}
	return b, nil
}

func (p *dumpParser) section(l dumpLine, sc *scan) (model.Block, error) {
	s := &model.Section{}
	sc.lit(" id=")
	s.ID = sc.quoted()
	sc.lit(" level=")
	s.Level = sc.integer()
	sc.lit(" number=")
	s.Number = sc.quoted()
	sc.lit(" title=")
	s.Title = sc.quoted()
	s.Pos = sc.pos()
	if err := sc.end(); err != nil {
		return nil, err
	}
	bs, err := p.blocks(l.depth + 1)
	s.Blocks = bs
	return s, err
}

func (p *dumpParser) paragraph(l dumpLine, sc *scan) (model.Block, error) {
	para := &model.Paragraph{}
	sc.lit(" style=")
	para.Style = model.ParagraphStyle(sc.word())
	sc.lit(" number=")
	para.Number = sc.quoted()
	if sc.err == nil && strings.HasPrefix(sc.s, " keepnext") {
		sc.lit(" keepnext")
		para.KeepNext = true
	}
	para.Pos = sc.pos()
	if err := sc.end(); err != nil {
		return nil, err
	}
	for {
		il, ok := p.next(l.depth + 1)
		if !ok {
			return para, nil
		}
		in, err := inline(il.s)
		if err != nil {
			return nil, p.errorf(il, "%v", err)
		}
		para.Inlines = append(para.Inlines, in)
	}
}

func inline(s string) (model.Inline, error) {
	if s == "break" {
		return model.LineBreak{}, nil
	}
	sc := &scan{s: s}
	if strings.HasPrefix(s, "field ") {
		sc.lit("field ")
		f := model.Field{Text: sc.quoted()}
		return f, sc.end()
	}
	sc.lit("text")
	var t model.Text
	if strings.HasPrefix(sc.s, " bold") {
		t.Bold = true
		sc.s = sc.s[len(" bold"):]
	}
	if strings.HasPrefix(sc.s, " italic") {
		t.Italic = true
		sc.s = sc.s[len(" italic"):]
	}
	if strings.HasPrefix(sc.s, " strike") {
		t.Strike = true
		sc.s = sc.s[len(" strike"):]
	}
	sc.lit(" ")
	t.Text = sc.quoted()
	return t, sc.end()
}

func (p *dumpParser) list(l dumpLine, sc *scan) (model.Block, error) {
	li := &model.List{Pos: sc.pos()}
	if err := sc.end(); err != nil {
		return nil, err
	}
	for {
		il, ok := p.next(l.depth + 1)
		if !ok {
			return li, nil
		}
		isc := &scan{s: il.s}
		isc.lit("item label=")
		label := isc.quoted()
		if err := isc.end(); err != nil {
			return nil, p.errorf(il, "%v", err)
		}
		bs, err := p.blocks(l.depth + 2)
		if err != nil {
			return nil, err
		}
		li.Items = append(li.Items, model.ListItem{Label: label, Blocks: bs})
	}
}

func (p *dumpParser) table(l dumpLine, sc *scan) (model.Block, error) {
	t := &model.Table{}
	sc.lit(" id=")
	t.ID = sc.quoted()
	sc.lit(" widths=")
	for _, w := range sc.bracketed() {
		n, err := strconv.Atoi(w)
		if err != nil {
			sc.fail("Breite %q", w)
		}
		t.Widths = append(t.Widths, n)
	}
	sc.lit(" aligns=")
	for _, a := range sc.bracketed() {
		t.Aligns = append(t.Aligns, model.Align(a))
	}
	sc.lit(" boxed=")
	t.Boxed = sc.boolean()
	if sc.err == nil && strings.HasPrefix(sc.s, " small") {
		sc.lit(" small")
		t.Small = true
	}
	sc.lit(" caption=")
	t.Caption = sc.quoted()
	t.Pos = sc.pos()
	if err := sc.end(); err != nil {
		return nil, err
	}
	for {
		rl, ok := p.next(l.depth + 1)
		if !ok {
			return t, nil
		}
		rsc := &scan{s: rl.s}
		kind := rsc.word()
		if kind != "header" && kind != "row" {
			return nil, p.errorf(rl, "erwartet header oder row, nicht %q", kind)
		}
		var r model.Row
		if strings.HasPrefix(rsc.s, " total") {
			r.Total = true
			rsc.s = rsc.s[len(" total"):]
		}
		rsc.lit(" ")
		for i := 0; rsc.err == nil && rsc.s != ""; i++ {
			if i > 0 {
				rsc.lit(" | ")
			}
			var c model.Cell
			if strings.HasPrefix(rsc.s, `field"`) {
				rsc.lit("field")
				c.Inlines = []model.Inline{model.Field{Text: rsc.quoted()}}
			} else {
				c.Inlines = cellInlines(rsc.quoted())
			}
			if strings.HasPrefix(rsc.s, "#") {
				rsc.s = rsc.s[1:]
				c.Shade = rsc.until(" ")
			}
			r.Cells = append(r.Cells, c)
		}
		if err := rsc.end(); err != nil {
			return nil, p.errorf(rl, "%v", err)
		}
		if err := p.cellRuns(rl, r); err != nil {
			return nil, err
		}
		if kind == "header" {
			t.Header = append(t.Header, r)
		} else {
			t.Rows = append(t.Rows, r)
		}
	}
}

// cellRuns reads the inlines model.Dump lists beneath the row line rl
// for its styled cells ("cell 2", then one inline a line) into r. Their
// text must be the cell's text on the row line.
func (p *dumpParser) cellRuns(rl dumpLine, r model.Row) error {
	for {
		cl, ok := p.next(rl.depth + 1)
		if !ok {
			return nil
		}
		sc := &scan{s: cl.s}
		sc.lit("cell ")
		n := sc.integer()
		if err := sc.end(); err != nil {
			return p.errorf(cl, "%v", err)
		}
		if n < 1 || n > len(r.Cells) {
			return p.errorf(cl, "die Zeile hat keine Zelle %d", n)
		}
		var ins []model.Inline
		for {
			il, ok := p.next(cl.depth + 1)
			if !ok {
				break
			}
			in, err := inline(il.s)
			if err != nil {
				return p.errorf(il, "%v", err)
			}
			ins = append(ins, in)
		}
		if got, want := model.PlainText(ins), model.PlainText(r.Cells[n-1].Inlines); got != want {
			return p.errorf(cl, "Text der Zelle %d %q passt nicht zur Zeile (%q)", n, got, want)
		}
		r.Cells[n-1].Inlines = ins
	}
}

// cellInlines turns a cell's plain text back into inlines: "\n" becomes a
// line break, as model.PlainText wrote it.
func cellInlines(s string) []model.Inline {
	if s == "" {
		return nil
	}
	var out []model.Inline
	for i, part := range strings.Split(s, "\n") {
		if i > 0 {
			out = append(out, model.LineBreak{})
		}
		if part != "" {
			out = append(out, model.Text{Text: part})
		}
	}
	return out
}

func (p *dumpParser) chart(l dumpLine, sc *scan) (model.Block, error) {
	c := &model.Chart{}
	sc.lit(" id=")
	c.ID = sc.quoted()
	sc.lit(" title=")
	c.Title = sc.quoted()
	if sc.err == nil && strings.HasPrefix(sc.s, " columns=") {
		sc.lit(" columns=")
		c.Columns = sc.integer()
	}
	c.Pos = sc.pos()
	if err := sc.end(); err != nil {
		return nil, err
	}
	for {
		bl, ok := p.next(l.depth + 1)
		if !ok {
			return c, nil
		}
		bsc := &scan{s: bl.s}
		var b model.Bar
		bsc.lit("bar label=")
		b.Label = bsc.quoted()
		bsc.lit(" value=")
		b.ValueE5 = int64(bsc.integer())
		bsc.lit(" text=")
		b.Text = bsc.quoted()
		bsc.lit(" color=")
		b.Color = bsc.quoted()
		if err := bsc.end(); err != nil {
			return nil, p.errorf(bl, "%v", err)
		}
		c.Bars = append(c.Bars, b)
	}
}

func (p *dumpParser) gantt(l dumpLine, sc *scan) (model.Block, error) {
	g := &model.Gantt{}
	sc.lit(" id=")
	g.ID = sc.quoted()
	sc.lit(" title=")
	g.Title = sc.quoted()
	g.Pos = sc.pos()
	if err := sc.end(); err != nil {
		return nil, err
	}
	for {
		rl, ok := p.next(l.depth + 1)
		if !ok {
			return g, nil
		}
		rsc := &scan{s: rl.s}
		var r model.GanttRow
		rsc.lit("row label=")
		r.Label = rsc.quoted()
		rsc.lit(" start=")
		r.Start = rsc.day()
		rsc.lit(" end=")
		r.End = rsc.day()
		if rsc.err == nil && strings.HasPrefix(rsc.s, " milestone") {
			rsc.lit(" milestone")
			r.Milestone = true
		}
		rsc.lit(" text=")
		r.Text = rsc.quoted()
		rsc.lit(" color=")
		r.Color = rsc.quoted()
		if err := rsc.end(); err != nil {
			return nil, p.errorf(rl, "%v", err)
		}
		g.Rows = append(g.Rows, r)
	}
}

// day reads a date of a Gantt row: "JJJJ-MM-TT" or "-" for none.
func (sc *scan) day() time.Time {
	w := sc.word()
	if sc.err != nil || w == "-" {
		return time.Time{}
	}
	t, err := time.Parse(time.DateOnly, w)
	if err != nil {
		sc.fail("erwartet ein Datum JJJJ-MM-TT oder -, nicht %q", w)
	}
	return t
}

func (p *dumpParser) signatures(l dumpLine, sc *scan) (model.Block, error) {
	s := &model.Signatures{Pos: sc.pos()}
	if err := sc.end(); err != nil {
		return nil, err
	}
	for {
		sl, ok := p.next(l.depth + 1)
		if !ok {
			return s, nil
		}
		ssc := &scan{s: sl.s}
		var sig model.Signature
		ssc.lit("signature party=")
		sig.Party = ssc.quoted()
		ssc.lit(" signer=")
		sig.Signer = ssc.quoted()
		ssc.lit(" placedate=")
		sig.PlaceDate = ssc.quoted()
		for ssc.err == nil && strings.HasPrefix(ssc.s, " line=") {
			ssc.lit(" line=")
			sig.Lines = append(sig.Lines, ssc.quoted())
		}
		if err := ssc.end(); err != nil {
			return nil, p.errorf(sl, "%v", err)
		}
		s.Blocks = append(s.Blocks, sig)
	}
}

// dumpError is a malformed line; the parser adds the line number.
type dumpError struct{ msg string }

func (e *dumpError) Error() string { return e.msg }

// scan reads one line from left to right; the first mistake sticks and
// later calls do nothing.
type scan struct {
	s   string
	err error
}

func (sc *scan) fail(format string, args ...any) {
	if sc.err == nil {
		sc.err = &dumpError{fmt.Sprintf(format, args...)}
	}
}

// lit consumes the literal prefix want.
func (sc *scan) lit(want string) {
	if sc.err != nil {
		return
	}
	if !strings.HasPrefix(sc.s, want) {
		sc.fail("erwartet %q bei %q", want, clip(sc.s))
		return
	}
	sc.s = sc.s[len(want):]
}

// until consumes up to (not including) the first occurrence of stop or
// the end of the line.
func (sc *scan) until(stop string) string {
	if sc.err != nil {
		return ""
	}
	i := strings.Index(sc.s, stop)
	if i < 0 {
		i = len(sc.s)
	}
	w := sc.s[:i]
	sc.s = sc.s[i:]
	return w
}

// word consumes up to the next space.
func (sc *scan) word() string { return sc.until(" ") }

func (sc *scan) quoted() string {
	if sc.err != nil {
		return ""
	}
	q, err := strconv.QuotedPrefix(sc.s)
	if err != nil {
		sc.fail("erwartet eine Zeichenkette in Anführungszeichen bei %q", clip(sc.s))
		return ""
	}
	sc.s = sc.s[len(q):]
	s, err := strconv.Unquote(q)
	if err != nil {
		sc.fail("%v", err)
	}
	return s
}

func (sc *scan) integer() int {
	w := sc.word()
	if sc.err != nil {
		return 0
	}
	n, err := strconv.Atoi(w)
	if err != nil {
		sc.fail("erwartet eine Zahl, nicht %q", w)
	}
	return n
}

func (sc *scan) boolean() bool {
	w := sc.word()
	if sc.err != nil {
		return false
	}
	b, err := strconv.ParseBool(w)
	if err != nil || (w != "true" && w != "false") {
		sc.fail("erwartet true oder false, nicht %q", w)
	}
	return b
}

// bracketed reads "[a b c]" as written by fmt's %v of a slice.
func (sc *scan) bracketed() []string {
	sc.lit("[")
	inner := sc.until("]")
	sc.lit("]")
	if sc.err != nil || inner == "" {
		return nil
	}
	return strings.Split(inner, " ")
}

// pos reads an optional " @file:line" at the end of the line.
func (sc *scan) pos() model.Pos {
	if sc.err != nil || sc.s == "" {
		return model.Pos{}
	}
	sc.lit(" @")
	rest := sc.s
	i := strings.LastIndex(rest, ":")
	if sc.err != nil || i < 0 {
		sc.fail("Position ohne Zeile: %q", clip(rest))
		return model.Pos{}
	}
	line, err := strconv.Atoi(rest[i+1:])
	if err != nil {
		sc.fail("Position ohne Zeile: %q", clip(rest))
		return model.Pos{}
	}
	sc.s = ""
	return model.Pos{File: rest[:i], Line: line}
}

func (sc *scan) end() error {
	if sc.err == nil && sc.s != "" {
		sc.fail("unerwarteter Rest %q", clip(sc.s))
	}
	return sc.err
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
