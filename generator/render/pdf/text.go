package pdf

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/internal/textcheck"
)

// checker validates and normalises every piece of text before it is
// measured, and records what the painter needs to know about it.
type checker struct {
	faces   *[numStyles]*face
	winAnsi *runeSet

	allWinAnsi bool            // every character drawn lies in Windows-1252
	used       [numStyles]bool // styles that draw at least one character
}

// clean returns s in NFC after checking that it is valid text and that
// the font of style st has a glyph for every character. Tab and line feed
// pass (the tokenizer turns them into a space and a line break); the soft
// hyphen passes and is dropped by the tokenizer.
func (c *checker) clean(s string, st style, loc *textcheck.Location) (string, error) {
	s, err := cleanText(s, loc)
	if err != nil {
		return "", err
	}
	f := c.faces[st]
	for _, r := range s {
		switch r {
		case '\t', '\n', '\u00ad':
			continue
		}
		if !f.covered.has(r) {
			return "", &MissingGlyphError{Rune: r, Excerpt: textcheck.Excerpt(s, strings.IndexRune(s, r)), Where: loc.String()}
		}
		if !c.winAnsi.has(r) {
			c.allWinAnsi = false
		}
		c.used[st] = true
	}
	return s, nil
}

// cleanText is textcheck.Clean, the text rule both renderers apply, with
// the location in the error.
func cleanText(s string, loc *textcheck.Location) (string, error) {
	c, err := textcheck.Clean(s)
	if err != nil {
		return "", fmt.Errorf("%w (%s)", err, loc)
	}
	return c, nil
}

// glueKind is what follows a box.
type glueKind uint8

const (
	glueEnd    glueKind = iota // end of the paragraph
	glueSpace                  // an inter-word space: a break, stretched when justifying
	glueHyphen                 // after a hyphen inside a word: a break of no width
	glueBreak                  // a forced line break
)

// piece is text in one style inside a box, or an empty form field: a
// line to write on, units wide.
type piece struct {
	st     style
	s      string
	units  int // width in 1/1000 em
	field  bool
	strike bool // struck through (model.Text.Strike)
}

// box is a run of text that is never broken across lines (except when it
// is wider than a whole line), followed by its glue.
type box struct {
	pieces    []piece
	units     int
	glue      glueKind
	glueSt    style // style of the space, for its width and when drawn
	glueUnits int
	// glueStrike strikes the space through: one between two struck
	// words, so the line runs on.
	glueStrike bool
}

// tokenizer turns inlines into boxes.
type tokenizer struct {
	r      *Renderer
	boxes  []box
	cur    box
	strike bool // the text being added is struck through
}

func (t *tokenizer) width(st style, s string) int {
	w := &t.r.faces[st].widths
	n := 0
	for _, r := range s {
		if r < 0x10000 {
			n += int(w[r])
		}
	}
	return n
}

// add appends text in style st to the current box.
func (t *tokenizer) add(st style, s string) {
	if s == "" {
		return
	}
	u := t.width(st, s)
	if k := len(t.cur.pieces); k > 0 && t.cur.pieces[k-1].st == st && !t.cur.pieces[k-1].field && t.cur.pieces[k-1].strike == t.strike {
		p := &t.cur.pieces[k-1]
		// Runs of one style that meet inside a word, or text around a
		// dropped soft hyphen, continue the piece.
		p.s += s
		p.units += u
	} else {
		t.cur.pieces = append(t.cur.pieces, piece{st: st, s: s, units: u, strike: t.strike})
	}
	t.cur.units += u
}

// fieldUnits is the width of an empty form field in a paragraph, in
// 1/1000 em: 12 em, about 4.6 cm at 11 pt. In a table cell that holds
// nothing else the field spans the cell (see row).
const fieldUnits = 12000

// addField appends an empty form field, units wide, to the current box:
// no line breaks next to it unless there is a space.
func (t *tokenizer) addField(st style, units int) {
	t.cur.pieces = append(t.cur.pieces, piece{st: st, units: units, field: true})
	t.cur.units += units
}

// finish closes the current box with glue g. Spaces collapse and leading
// spaces vanish; an empty box is kept only for a forced break that starts
// a line (an empty line).
func (t *tokenizer) finish(g glueKind, st style) {
	if len(t.cur.pieces) == 0 {
		if g != glueBreak {
			return
		}
		if n := len(t.boxes); n > 0 && t.boxes[n-1].glue == glueSpace {
			t.boxes[n-1].glue, t.boxes[n-1].glueUnits = glueBreak, 0
			return
		}
	}
	t.cur.glue, t.cur.glueSt = g, st
	if g == glueSpace {
		t.cur.glueStrike = t.strike
		t.cur.glueUnits = int(t.r.faces[st].widths[' '])
	}
	t.boxes = append(t.boxes, t.cur)
	t.cur = box{}
}

// text splits cleaned text of one style at spaces, line feeds and after
// hyphens that join two letters.
func (t *tokenizer) text(st style, s string) {
	start := 0
	var prev, prev2 rune
	for i, r := range s {
		switch {
		case r == '\n':
			t.add(st, s[start:i])
			t.finish(glueBreak, st)
			start = i + 1
		case r == '\u00ad':
			t.add(st, s[start:i])
			start = i + len("\u00ad")
		case unicode.IsSpace(r) && !noBreakSpace(r):
			t.add(st, s[start:i])
			t.finish(glueSpace, st)
			start = i + utf8.RuneLen(r)
		case prev == '-' && unicode.IsLetter(prev2) && unicode.IsLetter(r):
			t.add(st, s[start:i])
			t.finish(glueHyphen, st)
			start = i
		}
		prev2, prev = prev, r
	}
	t.add(st, s[start:])
}

// noBreakSpace reports spaces that join words: no-break space, figure
// space, narrow no-break space.
func noBreakSpace(r rune) bool {
	return r == '\u00a0' || r == '\u2007' || r == '\u202f'
}

// done closes the last box and returns all boxes. Trailing spaces are
// dropped.
func (t *tokenizer) done() []box {
	if len(t.cur.pieces) > 0 {
		t.finish(glueEnd, regular)
	}
	if n := len(t.boxes); n > 0 && t.boxes[n-1].glue != glueBreak {
		t.boxes[n-1].glue, t.boxes[n-1].glueUnits = glueEnd, 0
	}
	return t.boxes
}

// inlines checks and tokenizes a paragraph's inlines. forceBold sets every
// run in bold (table headers and totals).
func (l *layout) inlines(ins []model.Inline, forceBold bool) ([]box, error) {
	t := tokenizer{r: l.r}
	for _, in := range ins {
		switch n := in.(type) {
		case model.Text:
			st := styleOf(n.Bold || forceBold, n.Italic)
			s, err := l.chk.clean(n.Text, st, &l.loc)
			if err != nil {
				return nil, err
			}
			t.strike = n.Strike
			t.text(st, s)
			t.strike = false
		case model.LineBreak:
			t.finish(glueBreak, regular)
		case model.Field:
			st := styleOf(forceBold, false)
			if n.Text == "" {
				t.addField(st, fieldUnits)
				continue
			}
			s, err := l.chk.clean(n.Text, st, &l.loc)
			if err != nil {
				return nil, err
			}
			t.text(st, s)
		default:
			if in == nil {
				return nil, fmt.Errorf("%w: leeres Inline (%s)", model.ErrUnknownNode, &l.loc)
			}
			return nil, model.UnknownInline(in)
		}
	}
	return t.done(), nil
}

// plain checks and tokenizes a string in one style.
func (l *layout) plain(s string, st style) ([]box, error) {
	s, err := l.chk.clean(s, st, &l.loc)
	if err != nil {
		return nil, err
	}
	return l.tokenize(st, s), nil
}

// tokenize splits checked text of one style into boxes.
func (l *layout) tokenize(st style, s string) []box {
	t := tokenizer{r: l.r}
	t.text(st, s)
	return t.done()
}

// line is one line of a paragraph.
type line struct {
	boxes  []box
	units  int      // natural width without the glue after the last box
	spaces int      // stretchable spaces inside the line
	end    glueKind // glue after the last box
}

// breakLines fills lines greedily up to limit units, as word processors
// do. A box wider than a whole line starts a new line and is split
// between characters.
func (l *layout) breakLines(bs []box, limit float64) []line {
	var lines []line
	start, w, spaces := 0, 0, 0
	for i := 0; i < len(bs); i++ {
		b := bs[i]
		if float64(b.units) > limit && onlyField(b) {
			// A form field alone never splits: it shrinks to the line.
			b.pieces = []piece{{st: b.pieces[0].st, units: int(limit), field: true}}
			b.units = int(limit)
			bs[i] = b
		}
		if float64(b.units) > limit && len(b.pieces) > 0 {
			if i > start {
				lines = append(lines, line{boxes: bs[start:i], units: w, spaces: spaces, end: bs[i-1].glue})
				start, w, spaces = i, 0, 0
			}
			if split := l.splitBox(b, limit); len(split) > 1 {
				bs = append(bs[:i:i], append(split, bs[i+1:]...)...)
				b = bs[i]
			}
		}
		add, sp := b.units, 0
		if i > start {
			g := bs[i-1]
			add += g.glueUnits
			if g.glue == glueSpace {
				sp = 1
			}
		}
		if i > start && float64(w+add) > limit {
			lines = append(lines, line{boxes: bs[start:i], units: w, spaces: spaces, end: bs[i-1].glue})
			start, w, spaces = i, b.units, 0
		} else {
			w += add
			spaces += sp
		}
		if b.glue == glueBreak || b.glue == glueEnd || i == len(bs)-1 {
			lines = append(lines, line{boxes: bs[start : i+1], units: w, spaces: spaces, end: b.glue})
			start, w, spaces = i+1, 0, 0
		}
	}
	return lines
}

// onlyField reports whether b is one empty form field.
func onlyField(b box) bool {
	return len(b.pieces) == 1 && b.pieces[0].field
}

// splitBox cuts a box that is wider than max into boxes that fit, joined
// by breaks of no width. It is the last resort for long identifiers in
// narrow table columns.
func (l *layout) splitBox(b box, limit float64) []box {
	var out []box
	var cur box
	for _, p := range b.pieces {
		if p.field {
			// A field goes whole to a part of its own.
			if cur.units > 0 && float64(cur.units+p.units) > limit {
				cur.glue = glueHyphen
				out = append(out, cur)
				cur = box{}
			}
			cur.pieces = append(cur.pieces, p)
			cur.units += p.units
			continue
		}
		w := &l.r.faces[p.st].widths
		start := 0
		for i, r := range p.s {
			u := int(w[r])
			if float64(cur.units+u) > limit && (cur.units > 0 || i > start) {
				if i > start {
					cur.pieces = append(cur.pieces, piece{st: p.st, s: p.s[start:i], units: l.tokWidth(p.st, p.s[start:i])})
				}
				cur.glue = glueHyphen
				out = append(out, cur)
				cur = box{}
				start = i
			}
			cur.units += u
		}
		if start < len(p.s) {
			cur.pieces = append(cur.pieces, piece{st: p.st, s: p.s[start:], units: l.tokWidth(p.st, p.s[start:])})
		}
	}
	cur.glue, cur.glueSt, cur.glueUnits = b.glue, b.glueSt, b.glueUnits
	return append(out, cur)
}

func (l *layout) tokWidth(st style, s string) int {
	t := tokenizer{r: l.r}
	return t.width(st, s)
}

// align is a horizontal alignment of lines.
type align uint8

const (
	alignLeft align = iota
	alignCenter
	alignRight
	alignJustify
)

// An empty form field is a line this far below the baseline, in mm.
const (
	fieldBelow     = 0.8
	fieldLineWidth = 0.2
)

// lineOps appends the text operations of one line. x is the left edge,
// y the baseline, width the measure, k the size of one unit in mm.
// Adjacent pieces of one style become one operation; a justified line
// starts a new operation after every stretched space, so each word sits
// exactly where the layout put it. Spaces are drawn as characters, so
// copied text and text extraction keep them.
func lineOps(ops []op, ln line, x, y, width, k, size float64, a align) []op {
	natural := float64(ln.units) * k
	extra := 0.0
	switch a {
	case alignCenter:
		x += (width - natural) / 2
	case alignRight:
		x += width - natural
	case alignJustify:
		if ln.end == glueSpace || ln.end == glueHyphen {
			if ln.spaces > 0 && width > natural {
				extra = (width - natural) / float64(ln.spaces)
			}
		}
	}
	var sb strings.Builder
	var spanX float64
	spanSt := style(0)
	open := false
	flush := func() {
		if open && sb.Len() > 0 {
			ops = append(ops, op{kind: opText, x: spanX, y: y, st: spanSt, size: size, s: sb.String()})
		}
		sb.Reset()
		open = false
	}
	// A struck run is drawn as text and, after it, a line through it from
	// strikeX to where the run ends.
	striking, strikeX := false, 0.0
	endStrike := func() {
		if striking && x > strikeX {
			ops = append(ops, op{kind: opLine, x: strikeX, y: y - strikeRise*k, w: x - strikeX, size: strikeWidth * k, color: black})
		}
		striking = false
	}
	emit := func(st style, s string, u int, strike bool) {
		if !open || st != spanSt {
			flush()
			open, spanSt, spanX = true, st, x
		}
		if strike && !striking {
			striking, strikeX = true, x
		} else if !strike && striking {
			endStrike()
		}
		sb.WriteString(s)
		x += float64(u) * k
	}
	for i, b := range ln.boxes {
		for _, p := range b.pieces {
			if p.field {
				flush()
				endStrike()
				w := float64(p.units) * k
				ops = append(ops, op{kind: opLine, x: x, y: y + fieldBelow, w: w, size: fieldLineWidth, color: black})
				x += w
				continue
			}
			emit(p.st, p.s, p.units, p.strike)
		}
		if i == len(ln.boxes)-1 {
			break
		}
		if b.glue == glueSpace {
			emit(b.glueSt, " ", b.glueUnits, b.glueStrike && striking)
			if extra > 0 {
				x += extra
				flush()
			}
		}
	}
	flush()
	endStrike()
	return ops
}

// The line through struck text: strikeRise above the baseline (about the
// middle of a lower-case letter), strikeWidth thick, both in 1/1000 em.
const (
	strikeRise  = 280
	strikeWidth = 50
)
