// Package markup turns the text that templates emit — Markdown with a few
// documented extensions — into the document model. It is parsed with
// goldmark; numbering ("§ 5", "(2)", "1.", "a)") and clause references are
// computed here, so every renderer shows the same numbers.
//
// The markup (see templates/README.md for authors):
//
//	# Titel                        title paragraph
//	## Gegenstand {#gegenstand}    clause, numbered "§ n"; the id is required and stable
//	## Präambel {#praeambel .ohne-nummer}   unnumbered part
//	## Kostenplan {#kostenplan .anlage}     annex, numbered "Anlage n"
//	### Überschrift {#id}          sub-heading inside a clause (level 2; #### level 3)
//	paragraphs                     in a clause with two or more paragraphs numbered "(1)", "(2)"
//	1. / - lists                   labels "1.", "a)", "aa)" by depth; bullets "–"
//	| a | b | pipe tables          first row is the header (repeated on every page)
//	**fett**, *kursiv*, hard line break (two spaces or backslash at line end)
//	[](#id) / [](#id/2)            reference, becomes "§ 5" / "§ 5 Abs. 2"
//	{:seitenumbruch}               page break (a paragraph of its own)
//	{:titel} {:untertitel} {:mitte} {:hinweis}   style of the next paragraph
//	{:zusammen} {:mitte zusammen}  the next paragraph keeps with the block after it
//	Leitweg-ID: {:feld}           an empty form field (in paragraphs and table cells)
//	{:tabelle id=x breiten=40,20,20 summe formular klein beschriftung="…"}   attributes of the next table (klein: 8 pt)
//	{:diagramm id=x titel="…" spalten=2}   the next table (Bezeichnung | Anteil [| Farbe]) becomes a bar chart
//	{:zeitplan id=x titel="…"}     the next table (Bezeichnung | Beginn | Ende | Termin [| Art | Farbe]) becomes a Gantt chart
//	| {:farbe=RRGGBB} Text |       a table cell with a background colour (e.g. traffic lights)
//	```unterschriften              one signature block per line: Partei | Unterzeichner | Ort, Datum [| Unterschrift | Name | …]
//	<!--@datei:zeile-->            position marker inserted by the template stage
//
// Anything else a template might emit by accident — raw HTML, code, links,
// images, block quotes, rules — is an error naming the template position,
// so free text from the project data must be escaped (tmpl's md helper).
package markup

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/text/unicode/norm"
)

// ErrMarkup classifies every error of this package.
var ErrMarkup = errors.New("Markup-Fehler")

// Convert parses markup and returns the blocks of the document. file names
// the source in positions until the first marker.
func Convert(src []byte, file string) ([]model.Block, error) {
	root := mdParser.Parse(text.NewReader(src))
	start := model.Pos{File: file, Line: 1}
	c := &converter{src: src, pos: start, base: start, baseSrc: 1, clauses: map[string]*clause{}}
	if err := c.number(root); err != nil {
		return nil, err
	}
	c.pos, c.base, c.baseSrc = start, start, 1
	blocks, err := c.blocks(root)
	if err != nil {
		return nil, err
	}
	return nest(blocks), nil
}

// mdParser is built once: goldmark's parser keeps all per-document state
// in the parse context it creates for every Parse call, and the table
// extension, the attribute option and markerParser hold none, so one
// parser serves concurrent conversions.
var mdParser = goldmark.New(
	goldmark.WithExtensions(extension.Table),
	goldmark.WithParserOptions(
		parser.WithAttribute(),
		parser.WithBlockParsers(util.Prioritized(markerParser{parser.NewHTMLBlockParser()}, 899)),
	),
).Parser()

// markerParser opens the HTML block of a position marker line
// ("<!--@file:line-->") exactly as goldmark's HTML block parser would (a
// comment, HTML block type 2) but without trying its regular expressions
// first; it runs just before that parser and leaves every other line to
// it. Continuing and closing the block is the HTML block parser's.
type markerParser struct {
	parser.BlockParser // goldmark's HTML block parser
}

var markerPrefix = []byte("<!--@")

func (markerParser) Trigger() []byte { return []byte{'<'} }

func (markerParser) Open(parent ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, segment := reader.PeekLine()
	if !bytes.HasPrefix(line, markerPrefix) {
		return nil, parser.NoChildren
	}
	node := ast.NewHTMLBlock(ast.HTMLBlockType2)
	reader.AdvanceToEOL()
	node.Lines().Append(segment)
	return node, parser.NoChildren
}

// markAt is the position state after a top-level marker.
type markAt struct {
	node    *ast.HTMLBlock
	pos     model.Pos
	baseSrc int
}

// clause is what references need to know about a section.
type clause struct {
	number     string // "§ 5", "Anlage 1" or ""
	paragraphs int    // numbered paragraphs
}

type converter struct {
	src        []byte
	pos        model.Pos // position of the current block
	base       model.Pos // position of the last marker (or the file start)
	baseSrc    int       // line in src of the line after that marker (1-based)
	lineStarts []int     // byte offsets of line starts in src
	clauses    map[string]*clause
	pending    map[string]string // attributes from a directive for the next block
	inl        inlineBuilder     // reused by inlines
	files      map[string]string // file names of markers, interned
	marks      []markAt          // the markers of the first pass, replayed by the second
	nextMark   int
	// numbering state of the second pass
	cur       *clause
	paraIndex int
}

func (c *converter) errorf(format string, args ...any) error {
	return fmt.Errorf("%w: %s:%d: %s", ErrMarkup, c.pos.File, c.pos.Line, fmt.Sprintf(format, args...))
}

// parseMarker reads a position marker "<!--@file:line-->"; it runs for
// every block of every document, so it avoids regular expressions.
func parseMarker(raw []byte) (file []byte, line int, ok bool) {
	body, found := bytes.CutPrefix(raw, []byte("<!--@"))
	if !found {
		return nil, 0, false
	}
	body, found = bytes.CutSuffix(body, []byte("-->"))
	if !found {
		return nil, 0, false
	}
	i := bytes.LastIndexByte(body, ':')
	if i <= 0 {
		return nil, 0, false
	}
	line, err := strconv.Atoi(string(body[i+1:]))
	if err != nil || line < 0 || bytes.ContainsAny(body[:i], "\n>") {
		return nil, 0, false
	}
	return body[:i], line, true
}

// marker updates the position from a marker HTML block; other HTML is an
// error.
func (c *converter) marker(n *ast.HTMLBlock) error {
	var v []byte
	if lines := n.Lines(); lines.Len() == 1 {
		seg := lines.At(0)
		v = seg.Value(c.src)
	} else {
		v = lines.Value(c.src)
	}
	raw := bytes.TrimSpace(v)
	name, line, ok := parseMarker(raw)
	if !ok {
		return c.errorf("HTML ist im Markup nicht erlaubt: %q (Text aus den Daten mit md maskieren)", firstLine(string(raw)))
	}
	// A document names few template files in many markers (and each
	// marker is read in both passes): keep one string per name.
	file, ok := c.files[string(name)]
	if !ok {
		if c.files == nil {
			c.files = map[string]string{}
		}
		file = string(name)
		c.files[file] = file
	}
	c.pos = model.Pos{File: file, Line: line}
	c.base = c.pos
	if lines := n.Lines(); lines.Len() > 0 {
		c.baseSrc = c.srcLine(lines.At(0).Start) + 1
	}
	return nil
}

// srcLine is the 1-based line of a byte offset in the markup.
func (c *converter) srcLine(off int) int {
	if c.lineStarts == nil {
		c.lineStarts = make([]int, 1, 1+bytes.Count(c.src, []byte{'\n'}))
		for i := 0; ; i++ {
			j := bytes.IndexByte(c.src[i:], '\n')
			if j < 0 {
				break
			}
			i += j
			c.lineStarts = append(c.lineStarts, i+1)
		}
	}
	i, found := slices.BinarySearch(c.lineStarts, off)
	if found {
		return i + 1
	}
	return i
}

// at maps a node to its template position: the last marker's line plus the
// node's distance from it in the markup.
func (c *converter) at(n ast.Node) model.Pos {
	for x := n; x != nil; x = x.FirstChild() {
		if x.Type() == ast.TypeBlock && x.Lines().Len() > 0 {
			l := c.srcLine(x.Lines().At(0).Start)
			return model.Pos{File: c.base.File, Line: c.base.Line + l - c.baseSrc}
		}
	}
	return c.base
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// number is the first pass: it numbers clauses and annexes and counts the
// body paragraphs of each, so references can be resolved in the second.
func (c *converter) number(root ast.Node) error {
	clauses, annexes := 0, 0
	var cur *clause
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.HTMLBlock:
			if err := c.marker(n); err != nil {
				return err
			}
			c.marks = append(c.marks, markAt{n, c.pos, c.baseSrc})
		case *ast.Heading:
			if n.Level != 2 {
				continue
			}
			id, class, err := c.headingAttrs(n)
			if err != nil {
				return err
			}
			if _, dup := c.clauses[id]; dup {
				return c.errorf("Klausel-id %q ist doppelt", id)
			}
			cur = &clause{}
			switch {
			case hasClass(class, "anlage"):
				annexes++
				cur.number = "Anlage " + strconv.Itoa(annexes)
			case hasClass(class, "ohne-nummer"):
			default:
				clauses++
				cur.number = "§\u00a0" + strconv.Itoa(clauses)
			}
			c.clauses[id] = cur
		case *ast.Paragraph:
			if cur != nil && cur.number != "" && !isDirective(n, c.src) {
				cur.paragraphs++
			}
		}
	}
	return nil
}

func (c *converter) headingAttrs(h *ast.Heading) (id, class string, err error) {
	if v, ok := h.AttributeString("id"); ok {
		id = attrString(v)
	}
	if v, ok := h.AttributeString("class"); ok {
		class = attrString(v)
	}
	if id == "" {
		return "", "", c.errorf("Überschrift %q braucht eine id, z. B. {#gegenstand}", c.inlineText(h))
	}
	if !validID(id) {
		return "", "", c.errorf("id %q: nur Kleinbuchstaben, Ziffern und Bindestriche", id)
	}
	return id, class, nil
}

// validID reports whether s is an id: `^[a-z][a-z0-9]*(-[a-z0-9]+)*$`,
// lower-case letters, digits and single inner hyphens, starting with a
// letter. It runs for every heading twice, so it is written out.
func validID(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' || s[len(s)-1] == '-' {
		return false
	}
	for i := 1; i < len(s); i++ {
		switch b := s[i]; {
		case b >= 'a' && b <= 'z', b >= '0' && b <= '9':
		case b == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

func attrString(v any) string {
	switch v := v.(type) {
	case []byte:
		return string(v)
	case string:
		return v
	}
	return fmt.Sprint(v)
}

func hasClass(classes, c string) bool {
	for _, x := range strings.Fields(classes) {
		if x == c {
			return true
		}
	}
	return false
}

// inlineText is the plain text of a node's inline children, for messages.
func (c *converter) inlineText(n ast.Node) string {
	var b strings.Builder
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if t, ok := ch.(*ast.Text); ok {
			b.Write(t.Segment.Value(c.src))
		}
	}
	return b.String()
}

// blocks is the second pass: it converts the top-level nodes in order.
// Sections are returned flat (a *model.Section followed by its content)
// and nested afterwards.
func (c *converter) blocks(root ast.Node) ([]model.Block, error) {
	var out []model.Block
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		b, err := c.block(n, 0)
		if err != nil {
			return nil, err
		}
		if b != nil {
			out = append(out, b)
		}
	}
	if len(c.pending) > 0 {
		return nil, c.errorf("Anweisung ohne folgenden Block: %v", keys(c.pending))
	}
	keepIntros(out)
	return out, nil
}

// keepIntros keeps a paragraph with the block it introduces: a table or
// chart right after it, or a list after a paragraph ending in a colon
// ("Nicht Gegenstand sind:"). A page never ends with such a sentence. The
// last paragraph before signature blocks (headings between them
// included) keeps with them too: signatures never stand on a page
// without the text they sign.
func keepIntros(bs []model.Block) {
	for i, b := range bs {
		if _, ok := b.(*model.Signatures); !ok {
			continue
		}
		j := i - 1
		for j >= 0 {
			if _, ok := bs[j].(*model.Section); !ok {
				break
			}
			j--
		}
		if j >= 0 {
			if p, ok := bs[j].(*model.Paragraph); ok {
				p.KeepNext = true
			}
		}
	}
	for i := 0; i+1 < len(bs); i++ {
		p, ok := bs[i].(*model.Paragraph)
		if !ok {
			continue
		}
		switch bs[i+1].(type) {
		case *model.Table, *model.Chart, *model.Gantt:
			p.KeepNext = true
		case *model.List:
			if strings.HasSuffix(strings.TrimSpace(model.PlainText(p.Inlines)), ":") {
				p.KeepNext = true
			}
		}
	}
}

func keys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

func (c *converter) block(n ast.Node, listDepth int) (model.Block, error) {
	if _, isMarker := n.(*ast.HTMLBlock); !isMarker {
		c.pos = c.at(n)
	}
	switch n := n.(type) {
	case *ast.HTMLBlock:
		// The first pass read the top-level markers in this order.
		if c.nextMark < len(c.marks) && c.marks[c.nextMark].node == n {
			m := c.marks[c.nextMark]
			c.nextMark++
			c.pos, c.base, c.baseSrc = m.pos, m.pos, m.baseSrc
			return nil, nil
		}
		return nil, c.marker(n)
	case *ast.Heading:
		return c.heading(n)
	case *ast.Paragraph:
		return c.paragraph(n, n)
	case *ast.TextBlock:
		return c.paragraph(n, n)
	case *ast.List:
		return c.list(n, listDepth)
	case *east.Table:
		return c.table(n)
	case *ast.FencedCodeBlock:
		return c.fenced(n)
	case *ast.ThematicBreak:
		return nil, c.errorf("Trennlinien sind nicht erlaubt; Seitenumbruch mit {:seitenumbruch}")
	case *ast.Blockquote:
		return nil, c.errorf("Zitatblöcke (>) sind nicht erlaubt")
	case *ast.CodeBlock:
		return nil, c.errorf("eingerückter Codeblock: Zeilen nicht mit vier Leerzeichen einrücken")
	}
	return nil, c.errorf("nicht unterstützter Block %s", n.Kind())
}

func (c *converter) heading(h *ast.Heading) (model.Block, error) {
	if len(c.pending) > 0 {
		return nil, c.errorf("Anweisung %v vor einer Überschrift", keys(c.pending))
	}
	ins, err := c.inlines(h)
	if err != nil {
		return nil, err
	}
	for _, in := range ins {
		if _, ok := in.(model.Field); ok {
			return nil, c.errorf("ein Formularfeld {:feld} steht in einem Absatz oder einer Tabellenzelle, nicht in einer Überschrift")
		}
	}
	title := strings.TrimSpace(model.PlainText(ins))
	if h.Level == 1 {
		return &model.Paragraph{Pos: c.pos, Style: model.StyleTitle, Inlines: ins}, nil
	}
	id, _, err := c.headingAttrs(h)
	if err != nil {
		return nil, err
	}
	s := &model.Section{Pos: c.pos, ID: id, Level: h.Level - 1, Title: title}
	if h.Level == 2 {
		c.cur = c.clauses[id]
		c.paraIndex = 0
		s.Number = c.cur.number
	}
	return s, nil
}

// directive matches a directive line, `^\{:\s*([^}]*)\}\s*$`, and
// returns the text between "{:" plus blanks and the closing brace. It runs
// for every paragraph twice, so it is written out: the brace that closes
// is the first one, and only blanks (\t \n \f \r and space, regexp's \s)
// may follow it.
func directive(line []byte) ([]byte, bool) {
	if len(line) < 3 || line[0] != '{' || line[1] != ':' {
		return nil, false
	}
	end := bytes.IndexByte(line[2:], '}')
	if end < 0 {
		return nil, false
	}
	end += 2
	for _, b := range line[end+1:] {
		if !isSpace(b) {
			return nil, false
		}
	}
	start := 2
	for start < end && isSpace(line[start]) {
		start++
	}
	if string(line[:end+1]) == fieldToken {
		return nil, false // a paragraph that is one form field
	}
	return line[start:end], true
}

// isSpace is regexp's \s.
func isSpace(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\f' || b == '\r'
}

func isDirective(p *ast.Paragraph, src []byte) bool {
	lines := p.Lines()
	if lines.Len() == 0 {
		return false
	}
	first := lines.At(0)
	_, ok := directive(first.Value(src))
	return ok
}

// paragraph converts a paragraph, handling a leading directive line.
func (c *converter) paragraph(n ast.Node, lined interface{ Lines() *text.Segments }) (model.Block, error) {
	lines := lined.Lines()
	if lines.Len() > 0 {
		seg := lines.At(0)
		first := seg.Value(c.src)
		if body, ok := directive(first); ok {
			attrs, err := parseAttrs(string(body))
			if err != nil {
				return nil, c.errorf("%v", err)
			}
			if lines.Len() == 1 {
				if _, ok := attrs["seitenumbruch"]; ok {
					if len(attrs) > 1 {
						return nil, c.errorf("{:seitenumbruch} nimmt keine weiteren Angaben")
					}
					return &model.PageBreak{Pos: c.pos}, nil
				}
				if c.pending != nil {
					return nil, c.errorf("zwei Anweisungen hintereinander")
				}
				c.pending = attrs
				return nil, nil
			}
			return nil, c.errorf("eine Anweisung {:…} steht in einem eigenen Absatz (Leerzeile danach)")
		}
	}
	style := model.StyleBody
	keep := false
	if c.pending != nil {
		// Sorted keys: with a map's order, the message (and the style)
		// would change from run to run.
		ks := keys(c.pending)
		styles := 0
		for _, k := range ks {
			switch k {
			case "titel":
				style = model.StyleTitle
			case "untertitel":
				style = model.StyleSubtitle
			case "mitte":
				style = model.StyleCentered
			case "hinweis":
				style = model.StyleNote
			case "zusammen":
				if c.pending[k] != "" {
					return nil, c.errorf("{:zusammen} nimmt keinen Wert")
				}
				keep = true
				continue
			default:
				return nil, c.errorf("Anweisung %q gilt nicht für Absätze", k)
			}
			styles++
		}
		if styles > 1 {
			return nil, c.errorf("mehrere Anweisungen %v für einen Absatz", ks)
		}
		c.pending = nil
	}
	ins, err := c.inlines(n)
	if err != nil {
		return nil, err
	}
	if len(ins) == 0 {
		return nil, nil
	}
	p := &model.Paragraph{Pos: c.pos, Style: style, Inlines: ins, KeepNext: keep}
	if _, isPara := n.(*ast.Paragraph); isPara && n.Parent().Kind() == ast.KindDocument && c.cur != nil && c.cur.number != "" && c.cur.paragraphs >= 2 {
		c.paraIndex++
		p.Number = "(" + strconv.Itoa(c.paraIndex) + ")"
	}
	return p, nil
}

// parseAttrs parses `name key=value key="quoted value"`.
func parseAttrs(s string) (map[string]string, error) {
	attrs := map[string]string{}
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		end := strings.IndexAny(s, " =")
		if end < 0 {
			end = len(s)
		}
		key := s[:end]
		s = s[end:]
		val := ""
		if strings.HasPrefix(s, "=") {
			s = s[1:]
			if strings.HasPrefix(s, `"`) {
				close := strings.Index(s[1:], `"`)
				if close < 0 {
					return nil, fmt.Errorf("Anführungszeichen nicht geschlossen in {:%s}", s)
				}
				val, s = s[1:close+1], s[close+2:]
			} else {
				sp := strings.IndexByte(s, ' ')
				if sp < 0 {
					sp = len(s)
				}
				val, s = s[:sp], s[sp:]
			}
		}
		if key == "" {
			return nil, fmt.Errorf("leerer Name in Anweisung")
		}
		attrs[key] = val
	}
	return attrs, nil
}

func (c *converter) list(l *ast.List, depth int) (model.Block, error) {
	if c.pending != nil {
		return nil, c.errorf("Anweisung %v vor einer Liste", keys(c.pending))
	}
	c.pos = c.at(l)
	out := &model.List{Pos: c.pos}
	i := l.Start
	if i == 0 {
		i = 1
	}
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		label := "–"
		if l.IsOrdered() {
			label = listLabel(i, depth)
			i++
		}
		li := model.ListItem{Label: label}
		for ch := item.FirstChild(); ch != nil; ch = ch.NextSibling() {
			var b model.Block
			var err error
			switch ch := ch.(type) {
			case *ast.List:
				b, err = c.list(ch, depth+1)
			case *ast.Paragraph, *ast.TextBlock:
				b, err = c.block(ch, depth)
			default:
				err = c.errorf("in Listen sind nur Absätze und Listen erlaubt, nicht %s", ch.Kind())
			}
			if err != nil {
				return nil, err
			}
			if b != nil {
				li.Blocks = append(li.Blocks, b)
			}
		}
		out.Items = append(out.Items, li)
	}
	return out, nil
}

// listLabel gives "1.", "a)", "aa)" by depth, as German legal texts do.
func listLabel(i, depth int) string {
	switch depth {
	case 0:
		return strconv.Itoa(i) + "."
	case 1:
		return letters(i) + ")"
	default:
		l := letters(i)
		return l + l + ")"
	}
}

func letters(i int) string {
	s := ""
	for i > 0 {
		i--
		s = string(rune('a'+i%26)) + s
		i /= 26
	}
	return s
}

func (c *converter) table(t *east.Table) (model.Block, error) {
	if _, ok := c.pending["diagramm"]; ok {
		return c.chart(t)
	}
	if _, ok := c.pending["zeitplan"]; ok {
		return c.gantt(t)
	}
	out := &model.Table{Pos: c.pos}
	for _, a := range t.Alignments {
		switch a {
		case east.AlignRight:
			out.Aligns = append(out.Aligns, model.AlignRight)
		case east.AlignCenter:
			out.Aligns = append(out.Aligns, model.AlignCenter)
		default:
			out.Aligns = append(out.Aligns, model.AlignLeft)
		}
	}
	total := false
	if c.pending != nil {
		for _, k := range keys(c.pending) {
			v := c.pending[k]
			switch k {
			case "tabelle":
			case "id":
				if !validID(v) {
					return nil, c.errorf("Tabellen-id %q: nur Kleinbuchstaben, Ziffern und Bindestriche", v)
				}
				out.ID = v
			case "breiten":
				for _, w := range strings.Split(v, ",") {
					n, err := strconv.Atoi(strings.TrimSpace(w))
					if err != nil || n <= 0 {
						return nil, c.errorf("breiten=%s: positive ganze Zahlen durch Kommas getrennt", v)
					}
					out.Widths = append(out.Widths, n)
				}
			case "summe":
				total = true
			case "formular":
				out.Boxed = true
			case "klein":
				out.Small = true
			case "beschriftung":
				out.Caption = v
			default:
				return nil, c.errorf("unbekannte Tabellenangabe %q", k)
			}
		}
		c.pending = nil
	}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var r model.Row
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			cl, err := c.cell(cell)
			if err != nil {
				return nil, err
			}
			if r.Cells == nil {
				r.Cells = make([]model.Cell, 0, max(len(t.Alignments), 1))
			}
			r.Cells = append(r.Cells, cl)
		}
		if _, isHeader := row.(*east.TableHeader); isHeader {
			out.Header = append(out.Header, r)
		} else {
			out.Rows = append(out.Rows, r)
		}
	}
	if out.Boxed && len(out.Header) == 1 && allEmpty(out.Header[0]) {
		out.Header = nil // a form table needs no header row: "| | |" is dropped
	}
	if total && len(out.Rows) > 0 {
		out.Rows[len(out.Rows)-1].Total = true
	}
	cols := len(out.Aligns)
	if out.Widths == nil {
		for range cols {
			out.Widths = append(out.Widths, 1)
		}
	}
	if len(out.Widths) != cols {
		return nil, c.errorf("breiten nennt %d Spalten, die Tabelle hat %d", len(out.Widths), cols)
	}
	if out.Boxed {
		for i := range out.Rows {
			if len(out.Rows[i].Cells) > 0 && out.Rows[i].Cells[0].Shade == "" {
				out.Rows[i].Cells[0].Shade = "E7E6E6"
			}
		}
	}
	return out, nil
}

func allEmpty(r model.Row) bool {
	for _, c := range r.Cells {
		if strings.TrimSpace(model.PlainText(c.Inlines)) != "" {
			return false
		}
	}
	return true
}

// maxSignatureColumns bounds a signature line: party, signer, place and
// date, and up to five further lines to fill in.
const maxSignatureColumns = 8

func (c *converter) fenced(f *ast.FencedCodeBlock) (model.Block, error) {
	lang := string(f.Language(c.src))
	if lang != "unterschriften" {
		return nil, c.errorf("Codeblock %q ist nicht erlaubt (nur ```unterschriften)", lang)
	}
	out := &model.Signatures{Pos: c.pos}
	lines := f.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := strings.TrimSpace(string(seg.Value(c.src)))
		if line == "" {
			continue
		}
		parts := splitUnescaped(line, '|')
		for j := range parts {
			parts[j] = norm.NFC.String(unescape(strings.TrimSpace(parts[j])))
		}
		if len(parts) < 2 || len(parts) > maxSignatureColumns || parts[0] == "" || slices.Contains(parts[min(3, len(parts)):], "") {
			return nil, c.errorf("Unterschriftszeile %q: „Partei | Unterzeichner | Ort, Datum | Unterschrift | Name | …“ (höchstens %d Spalten, keine leeren Zeilenbeschriftungen)", line, maxSignatureColumns)
		}
		s := model.Signature{Party: parts[0], Signer: parts[1], PlaceDate: "Ort, Datum"}
		if len(parts) >= 3 && parts[2] != "" {
			s.PlaceDate = parts[2]
		}
		if len(parts) > 3 {
			s.Lines = parts[3:]
		}
		out.Blocks = append(out.Blocks, s)
	}
	if len(out.Blocks) == 0 {
		return nil, c.errorf("Unterschriftenblock ohne Parteien")
	}
	return out, nil
}

// inlines converts the inline children of n. Adjacent text runs with the
// same marks are merged as they are produced (as mergeText would merge
// them afterwards), so a paragraph's text is built once, not piece by
// piece.
func (c *converter) inlines(n ast.Node) ([]model.Inline, error) {
	b := &c.inl
	b.out, b.open, b.added = b.out[:0], false, false
	err := c.walkInlines(n, false, false, b)
	return b.finish(), err
}

// inlineBuilder collects inlines, merging adjacent text runs with the same
// marks into one model.Text.
type inlineBuilder struct {
	out          []model.Inline // reused; finish returns a copy
	added        bool           // out had an element (then the result is not nil)
	run          []byte         // text of the open run
	bold, italic bool           // marks of the open run
	open         bool
	scratch      []byte // unescaped text of one piece
}

// start makes sure a run with the given marks is open and returns the
// length of its text so far.
func (b *inlineBuilder) start(bold, italic bool) int {
	if b.open && (b.bold != bold || b.italic != italic) {
		b.flush()
	}
	if !b.open {
		b.open, b.bold, b.italic, b.run = true, bold, italic, b.run[:0]
	}
	return len(b.run)
}

// text appends a piece of text with the given marks.
func (b *inlineBuilder) text(s string, bold, italic bool) {
	b.start(bold, italic)
	b.run = append(b.run, s...)
}

// nfc normalises the text appended to the open run since from as
// norm.NFC.String would normalise that piece on its own.
func (b *inlineBuilder) nfc(from int) {
	piece := b.run[from:]
	if n := norm.NFC.Bytes(piece); len(n) != len(piece) || len(n) > 0 && &n[0] != &piece[0] {
		b.run = append(b.run[:from], n...)
	}
}

// appendText appends a piece of markup text: backslash escapes removed,
// no-break spaces set (appendTypography), normalised to NFC.
func (b *inlineBuilder) appendText(piece []byte, bold, italic bool) {
	if bytes.IndexByte(piece, '\\') >= 0 {
		b.scratch = appendUnescape(b.scratch[:0], piece)
		piece = b.scratch
	}
	if len(piece) > 0 {
		from := b.start(bold, italic)
		b.run = appendTypography(b.run, piece)
		b.nfc(from)
	}
}

// fieldToken is the markup of an empty form field.
const fieldToken = "{:feld}"

// fieldIndex returns the index in text of the first form field token
// that is not backslash-escaped, or -1. text starts at offset start of
// src, where the backslashes before it are counted: text from the data,
// which md escapes ("\\{:feld\\}"), never becomes a field.
func fieldIndex(src []byte, start int, text []byte) int {
	from := 0
	for {
		i := bytes.Index(text[from:], []byte(fieldToken))
		if i < 0 {
			return -1
		}
		i += from
		n := 0
		for j := start + i - 1; j >= 0 && src[j] == '\\'; j-- {
			n++
		}
		if n%2 == 0 {
			return i
		}
		from = i + 1
	}
}

// add appends a non-text inline.
func (b *inlineBuilder) add(x model.Inline) {
	b.flush()
	b.out = append(b.out, x)
	b.added = true
}

func (b *inlineBuilder) flush() {
	if b.open {
		b.out = append(b.out, model.Text{Text: string(b.run), Bold: b.bold, Italic: b.italic})
		b.open, b.added = false, true
	}
}

// finish closes the open run and trims trailing spaces of the last run,
// as mergeText does. The result is a copy of exactly its length for the
// caller; like mergeText's, it is nil only if nothing was added.
func (b *inlineBuilder) finish() []model.Inline {
	b.flush()
	if !b.added {
		return nil
	}
	out := make([]model.Inline, len(b.out))
	copy(out, b.out)
	clear(b.out)
	if len(out) > 0 {
		if t, ok := out[len(out)-1].(model.Text); ok {
			trimmed := strings.TrimRight(t.Text, " ")
			switch {
			case trimmed == "":
				out = out[:len(out)-1]
			case len(trimmed) != len(t.Text):
				t.Text = trimmed
				out[len(out)-1] = t
			}
		}
	}
	return out
}

func (c *converter) walkInlines(n ast.Node, bold, italic bool, out *inlineBuilder) error {
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		switch ch := ch.(type) {
		case *ast.Text:
			seg := ch.Segment
			if seg.Padding > 0 {
				// Spaces goldmark adds for a tab: text of their own, so
				// the rest of the segment lies in the source as it is.
				out.appendText(bytes.Repeat([]byte{' '}, seg.Padding), bold, italic)
				seg.Padding = 0
			}
			for {
				i := fieldIndex(c.src, seg.Start, seg.Value(c.src))
				if i < 0 {
					break
				}
				out.appendText(seg.Value(c.src)[:i], bold, italic)
				out.add(model.Field{})
				seg.Start += i + len(fieldToken)
			}
			out.appendText(seg.Value(c.src), bold, italic)
			if ch.HardLineBreak() {
				out.add(model.LineBreak{})
			} else if ch.SoftLineBreak() {
				out.text(" ", bold, italic)
			}
		case *ast.String:
			from := out.start(bold, italic)
			out.run = append(out.run, ch.Value...)
			out.nfc(from)
		case *ast.Emphasis:
			if err := c.walkInlines(ch, bold || ch.Level == 2, italic || ch.Level == 1, out); err != nil {
				return err
			}
		case *ast.Link:
			s, err := c.reference(ch)
			if err != nil {
				return err
			}
			out.text(s, bold, italic)
		case *ast.RawHTML:
			return c.errorf("HTML ist im Markup nicht erlaubt (Text aus den Daten mit md maskieren)")
		case *ast.CodeSpan:
			return c.errorf("Code (`…`) ist im Markup nicht erlaubt (Text aus den Daten mit md maskieren)")
		case *ast.Image:
			return c.errorf("Bilder sind im Markup nicht erlaubt")
		case *ast.AutoLink:
			return c.errorf("Links sind im Markup nicht erlaubt (Text aus den Daten mit md maskieren)")
		default:
			return c.errorf("nicht unterstütztes Element %s", ch.Kind())
		}
	}
	return nil
}

// reference resolves [](#id) to "§ 5" and [](#id/2) to "§ 5 Abs. 2".
func (c *converter) reference(l *ast.Link) (string, error) {
	dest := string(l.Destination)
	if !strings.HasPrefix(dest, "#") || l.FirstChild() != nil {
		return "", c.errorf("Links sind im Markup nicht erlaubt; Verweise schreiben als [](#klausel-id)")
	}
	id, para, hasPara := strings.Cut(dest[1:], "/")
	cl, ok := c.clauses[id]
	if !ok {
		return "", c.errorf("Verweis auf unbekannte Klausel %q", id)
	}
	if cl.number == "" {
		return "", c.errorf("Verweis auf die nicht nummerierte Klausel %q", id)
	}
	if !hasPara {
		return cl.number, nil
	}
	k, err := strconv.Atoi(para)
	if err != nil || k < 1 || k > cl.paragraphs {
		return "", c.errorf("Verweis %q: %s hat %d nummerierte Absätze", dest, cl.number, cl.paragraphs)
	}
	return cl.number + " Abs.\u00a0" + strconv.Itoa(k), nil
}

// unescape removes CommonMark backslash escapes before ASCII punctuation.
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// appendUnescape appends s to dst as unescape would return it.
func appendUnescape(dst, s []byte) []byte {
	if bytes.IndexByte(s, '\\') < 0 {
		return append(dst, s...)
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		dst = append(dst, s[i])
	}
	return dst
}

func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// mergeText joins adjacent text runs with the same marks.
func mergeText(in []model.Inline) []model.Inline {
	var out []model.Inline
	for _, x := range in {
		if t, ok := x.(model.Text); ok && len(out) > 0 {
			if prev, ok := out[len(out)-1].(model.Text); ok && prev.Bold == t.Bold && prev.Italic == t.Italic {
				prev.Text += t.Text
				out[len(out)-1] = prev
				continue
			}
		}
		out = append(out, x)
	}
	// trim trailing spaces of the last run
	if len(out) > 0 {
		if t, ok := out[len(out)-1].(model.Text); ok {
			t.Text = strings.TrimRight(t.Text, " ")
			if t.Text == "" {
				out = out[:len(out)-1]
			} else {
				out[len(out)-1] = t
			}
		}
	}
	return out
}

// nest turns the flat block list into sections holding their content:
// a level-n section holds everything up to the next section of level ≤ n.
func nest(flatBlocks []model.Block) []model.Block {
	var root []model.Block
	var stack []*model.Section
	for _, b := range flatBlocks {
		if s, ok := b.(*model.Section); ok {
			for len(stack) > 0 && stack[len(stack)-1].Level >= s.Level {
				stack = stack[:len(stack)-1]
			}
			if len(stack) == 0 {
				root = append(root, s)
			} else {
				parent := stack[len(stack)-1]
				parent.Blocks = append(parent.Blocks, s)
			}
			stack = append(stack, s)
			continue
		}
		if len(stack) == 0 {
			root = append(root, b)
		} else {
			parent := stack[len(stack)-1]
			parent.Blocks = append(parent.Blocks, b)
		}
	}
	return root
}

// splitUnescaped splits s at sep where sep is not backslash-escaped.
func splitUnescaped(s string, sep byte) []string {
	var parts []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case sep:
			parts = append(parts, s[start:i])
			start = i + 1
		}
	}
	return append(parts, s[start:])
}

// typography puts a no-break space where a line must not break (DOMAIN
// §6): between "§" (and "§§", "Abs.", "Absatz", "Nr.", "Nummer", "Art.",
// "Artikel", "Satz", "Anlage", "S.", "Ziff.", "Kapitel", "Titel") and the
// following number; after "Az." (a file reference stays whole: "Az.
// 21-0412/2026"); between a number and "€", "%", "Mio.", "Mrd.", "Abs."
// or "Satz" ("§ 7 Abs. 2 Satz 1" stays one unit); between "Mio."/"Mrd."
// or "in" and "€" (or "in" and "%": a column head "2027 in €"); inside
// dates ("28. November 2026"). It runs on every text run, so it scans
// bytes instead of using regular expressions.
func typography(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	return string(appendTypography(nil, []byte(s)))
}

// appendTypography appends s to dst as typography would return it.
func appendTypography(dst, s []byte) []byte {
	last := 0
	for i := 1; i+1 < len(s); i++ {
		j := bytes.IndexByte(s[i:len(s)-1], ' ')
		if j < 0 {
			break
		}
		i += j
		if joinAt(s[:i], s[i+1:]) {
			dst = append(dst, s[last:i]...)
			dst = append(dst, "\u00a0"...)
			last = i + 1
		}
	}
	return append(dst, s[last:]...)
}

// Words after which the following number must not go to the next line.
var beforeNumber = [...]string{"§", "Abs.", "Absatz", "Nr.", "Nummer", "Art.", "Artikel", "Satz", "Anlage", "S.", "Ziff.", "Kapitel", "Titel"}

// Words that must not start a line after a number.
var afterNumber = [...]string{"€", "%", "Mio.", "Mrd.", "Abs.", "Satz"}

// months are the German month names, as dates are written.
var months = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
	"August", "September", "Oktober", "November", "Dezember"}

// joinAt reports whether the space between before and after (both not
// empty) must be a no-break space.
func joinAt(before, after []byte) bool {
	digitAfter := isDigit(after[0])
	digitBefore := isDigit(before[len(before)-1])
	if digitAfter {
		for _, w := range beforeNumber {
			if hasWordSuffix(before, w) {
				return true
			}
		}
	}
	if digitBefore {
		for _, w := range afterNumber {
			if hasPrefix(after, w) {
				return true
			}
		}
	}
	if hasWordSuffix(before, "Az.") {
		return true
	}
	if (hasSuffix(before, "Mio.") || hasSuffix(before, "Mrd.")) && hasPrefix(after, "€") {
		return true
	}
	// A column head "Gesamt in €": the unit stays with its "in".
	if hasWordSuffix(before, "in") && (hasPrefix(after, "€") || hasPrefix(after, "%")) {
		return true
	}
	// Dates: "28.|November|2026".
	if n := len(before); n >= 2 && before[n-1] == '.' && isDigit(before[n-2]) && dayBefore(before[:n-1]) {
		for _, m := range months {
			if hasPrefix(after, m) && wordEnds(after[len(m):]) {
				return true
			}
		}
	}
	if digitAfter && yearAfter(after) {
		for _, m := range months {
			if hasWordSuffix(before, m) {
				return true
			}
		}
	}
	return false
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// dayBefore reports whether b ends with a day of one or two digits that
// starts a word.
func dayBefore(b []byte) bool {
	n := 0
	for n < len(b) && n < 3 && isDigit(b[len(b)-1-n]) {
		n++
	}
	return n >= 1 && n <= 2 && (n == len(b) || !isWordByte(b[len(b)-1-n]))
}

// yearAfter reports whether b starts with a year of four digits that ends
// a word.
func yearAfter(b []byte) bool {
	if len(b) < 4 {
		return false
	}
	for _, c := range b[:4] {
		if !isDigit(c) {
			return false
		}
	}
	return wordEnds(b[4:])
}

// wordEnds reports whether rest starts after the end of a word: it is
// empty or starts with neither a letter nor a digit.
func wordEnds(rest []byte) bool {
	return len(rest) == 0 || !isWordByte(rest[0])
}

// isWordByte reports letters, digits and the bytes of non-ASCII
// characters (umlauts), which continue a word.
func isWordByte(c byte) bool {
	return isDigit(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// hasWordSuffix reports whether b ends with the word w: w is a suffix and
// does not continue a longer word ("Satz", not "Ersatz").
func hasWordSuffix(b []byte, w string) bool {
	if !hasSuffix(b, w) {
		return false
	}
	if w == "§" {
		return true // "§§ 3" as well
	}
	k := len(b) - len(w)
	return k == 0 || !isWordByte(b[k-1])
}

func hasSuffix(b []byte, suffix string) bool {
	return len(b) >= len(suffix) && string(b[len(b)-len(suffix):]) == suffix
}

func hasPrefix(b []byte, prefix string) bool {
	return len(b) >= len(prefix) && string(b[:len(prefix)]) == prefix
}
