package docxread

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/vereinbar/vereinbar/generator/model"
)

const relBase = "http://schemas.openxmlformats.org/"

type rel struct{ typ, target string }

// parsePart opens and parses one part; a missing part gives nil.
func (p *pkg) parsePart(name string, opts parseOpts) (*node, error) {
	rc, err := p.open(name)
	if err != nil || rc == nil {
		return nil, err
	}
	defer rc.Close()
	return parseXML(rc, name, p.o, opts)
}

// rels reads the relationships of part base ("" for the package).
func (p *pkg) rels(base string) ([]rel, error) {
	name := "_rels/.rels"
	if base != "" {
		i := strings.LastIndex(base, "/")
		name = base[:i+1] + "_rels/" + base[i+1:] + ".rels"
	}
	root, err := p.parsePart(name, parseOpts{})
	if err != nil || root == nil {
		return nil, err
	}
	var out []rel
	for _, top := range root.kids {
		for _, r := range top.kids {
			if r.name == "Relationship" && r.attr("TargetMode") != "External" {
				out = append(out, rel{typ: r.attr("Type"), target: resolve(base, r.attr("Target"))})
			}
		}
	}
	return out, nil
}

// relTarget returns the first target whose type ends in suffix.
func relTarget(rs []rel, suffix, fallback string) string {
	for _, r := range rs {
		if strings.HasSuffix(r.typ, suffix) {
			return r.target
		}
	}
	return fallback
}

func (p *pkg) document() (*model.Document, error) {
	rootRels, err := p.rels("")
	if err != nil {
		return nil, err
	}
	main := relTarget(rootRels, "/officeDocument", "word/document.xml")
	if _, ok := p.files[main]; !ok {
		return nil, fmt.Errorf("%w: Hauptdokument %s fehlt", ErrNotDocx, main)
	}
	docRels, err := p.rels(main)
	if err != nil {
		return nil, err
	}
	stRoot, err := p.parsePart(relTarget(docRels, "/styles", "word/styles.xml"), parseOpts{keep: func(space, _ string) bool { return isW(space) }})
	if err != nil {
		return nil, err
	}
	numRoot, err := p.parsePart(relTarget(docRels, "/numbering", "word/numbering.xml"), parseOpts{keep: func(space, _ string) bool { return isW(space) }})
	if err != nil {
		return nil, err
	}
	b := &builder{st: parseStyles(stRoot), num: parseNumbering(numRoot), doc: &model.Document{}}
	if err := p.meta(&b.doc.Meta, relTarget(rootRels, "/core-properties", "docProps/core.xml")); err != nil {
		return nil, err
	}
	if h := relTarget(docRels, "/header", ""); h != "" {
		hRoot, err := p.parsePart(h, parseOpts{keep: documentKeep, textOf: map[string]bool{"t": true}})
		if err != nil {
			return nil, err
		}
		b.doc.Meta.ShortTitle, b.doc.Meta.Draft = draftMark(b.plainOf(hRoot))
	}
	root, err := p.parsePart(main, parseOpts{keep: documentKeep, textOf: map[string]bool{"t": true}})
	if err != nil {
		return nil, err
	}
	body := root.child("document").child("body")
	if body == nil {
		return nil, fmt.Errorf("%w: %s ohne w:document/w:body", ErrNotDocx, main)
	}
	b.blocks(body.kids)
	b.flushCaption()
	return b.doc, nil
}

// draftMark splits the running header into the short title and whether
// it starts with model.DraftMark, the mark of a draft (the renderer puts
// it first, before a tab). Removing the mark in Word makes the document
// final, as a reader sees it.
func draftMark(header string) (short string, draft bool) {
	rest, ok := strings.CutPrefix(header, model.DraftMark)
	if !ok || rest != "" && rest[0] != ' ' {
		return header, false
	}
	return strings.TrimSpace(rest), true
}

// meta reads the core properties.
func (p *pkg) meta(m *model.Meta, name string) error {
	root, err := p.parsePart(name, parseOpts{textOf: map[string]bool{"title": true, "subject": true, "creator": true, "keywords": true, "language": true, "created": true}})
	if err != nil || root == nil {
		return err
	}
	props := root.child("coreProperties")
	if props == nil {
		return nil
	}
	m.Title = strings.TrimSpace(props.child("title").textOrEmpty())
	m.Subject = strings.TrimSpace(props.child("subject").textOrEmpty())
	m.Author = strings.TrimSpace(props.child("creator").textOrEmpty())
	m.Language = strings.TrimSpace(props.child("language").textOrEmpty())
	for _, k := range strings.Split(props.child("keywords").textOrEmpty(), ";") {
		if k = strings.TrimSpace(k); k != "" {
			m.Keywords = append(m.Keywords, k)
		}
	}
	if t, err := time.Parse(time.RFC3339, strings.TrimSpace(props.child("created").textOrEmpty())); err == nil {
		t = t.UTC()
		m.Date = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return nil
}

func (n *node) textOrEmpty() string {
	if n == nil {
		return ""
	}
	return n.text
}

// builder turns the kept elements of the body into blocks.
type builder struct {
	st      *styles
	num     *numbering
	doc     *model.Document
	open    []*model.Section // open sections, outermost first
	caption *para            // a caption waiting for its table
	// listBase is the Word numbering level of the first item of each list
	// made from numbered paragraphs (numberedItem).
	listBase map[*model.List]int
	marks    map[string]bool // bookmark names seen, lower-cased
}

var dupSuffix = regexp.MustCompile(`^(.+)_[0-9]+$`)

// markID turns a bookmark name back into a model id: the renderer maps
// "-" to "_" and makes names unique with "_2", "_3", … in document
// order, which is undone here in the same order.
func (b *builder) markID(name string) string {
	if b.marks == nil {
		b.marks = map[string]bool{}
	}
	base := name
	if m := dupSuffix.FindStringSubmatch(name); m != nil && b.marks[strings.ToLower(m[1])] {
		base = m[1]
	}
	b.marks[strings.ToLower(name)] = true
	return strings.ReplaceAll(base, "_", "-")
}

// out returns the block list new blocks go to.
func (b *builder) out() *[]model.Block {
	if len(b.open) == 0 {
		return &b.doc.Blocks
	}
	return &b.open[len(b.open)-1].Blocks
}

func (b *builder) add(bl model.Block) { o := b.out(); *o = append(*o, bl) }

// blocks reads block-level content; content controls, custom XML and
// alternate content are transparent (unwrap).
func (b *builder) blocks(kids []*node) {
	for _, k := range unwrap(kids, "p", "tbl") {
		switch k.name {
		case "p":
			b.paragraph(k)
		case "tbl":
			b.table(k)
		}
	}
}

func (n *node) kidsOrNil() []*node {
	if n == nil {
		return nil
	}
	return n.kids
}

// para is a paragraph's properties and content.
type para struct {
	keepNext  bool // w:keepNext set on the paragraph itself
	role      role
	level     int // heading level
	indLeft   int
	hasInd    bool
	numbered  bool   // Word numbering (w:numPr, direct or from the style)
	numID     string // its list
	ilvl      int
	jc        string
	marks     []string // bookmark names, hidden ones ("_…") left out
	inl       []model.Inline
	pageBreak bool
}

func (b *builder) readPara(p *node) para {
	var pp para
	styleID := ""
	outline := -1
	if pr := p.child("pPr"); pr != nil {
		styleID = pr.child("pStyle").attr("val")
		if ol := pr.child("outlineLvl"); ol != nil {
			if n, err := strconv.Atoi(ol.attr("val")); err == nil {
				outline = n
			}
		}
		if ind := pr.child("ind"); ind != nil {
			v := ind.attr("left")
			if v == "" {
				v = ind.attr("start")
			}
			if n, err := strconv.Atoi(v); err == nil {
				pp.indLeft, pp.hasInd = n, true
			}
		}
		if np := pr.child("numPr"); np != nil {
			pp.numID = np.child("numId").attr("val")
			pp.ilvl, _ = strconv.Atoi(np.child("ilvl").attr("val"))
			pp.numbered = pp.numID != "0"
		}
		pp.jc = pr.child("jc").attr("val")
		pp.keepNext = on(pr.child("keepNext"))
	}
	if pp.numID == "" {
		var explicit bool
		pp.numID, pp.ilvl, explicit, pp.numbered = b.st.numPr(styleID)
		if pp.numbered && !explicit {
			if i, ok := b.num.levelOfStyle(pp.numID, styleID); ok {
				pp.ilvl = i
			}
		}
	}
	pp.role, pp.level = b.st.resolve(styleID, outline)
	b.content(p.kids, &pp)
	return pp
}

// content collects runs through the inline containers.
func (b *builder) content(kids []*node, pp *para) {
	for _, k := range kids {
		switch k.name {
		case "r":
			b.run(k, pp)
		case "sdt":
			if pr := k.child("sdtPr"); pr != nil && pr.child("text") != nil {
				b.field(k, pr, pp)
				continue
			}
			b.content(k.kids, pp)
		case "hyperlink", "ins", "smartTag", "sdtContent", "fldSimple", "customXml", "moveTo", "dir", "bdo":
			b.content(k.kids, pp)
		case "AlternateContent":
			b.content(k.child("Fallback").kidsOrNil(), pp)
		case "bookmarkStart":
			if name := k.attr("name"); name != "" && !strings.HasPrefix(name, "_") {
				pp.marks = append(pp.marks, name)
			}
		}
	}
}

// field reads a plain-text content control as a form field: what has
// been typed into it, or nothing while it shows its placeholder
// (w:showingPlcHdr, which Word removes once the field is filled in) or
// holds only a line of underscores.
func (b *builder) field(sdt, pr *node, pp *para) {
	var inner para
	if !on(pr.child("showingPlcHdr")) {
		b.content(sdt.child("sdtContent").kidsOrNil(), &inner)
	}
	var sb strings.Builder
	for _, in := range inner.inl {
		switch n := in.(type) {
		case model.Text:
			sb.WriteString(n.Text)
		case model.LineBreak:
			sb.WriteString("\n")
		case model.Field:
			sb.WriteString(n.Text)
		}
	}
	text := sb.String()
	if strings.Trim(text, "_ \t\u00a0") == "" {
		// Only a line to write on: the placeholder, which LibreOffice
		// keeps as text when it saves (dropping w:showingPlcHdr).
		text = ""
	}
	pp.inl = append(pp.inl, model.Field{Text: text})
	pp.marks = append(pp.marks, inner.marks...)
}

func on(n *node) bool {
	if n == nil {
		return false
	}
	switch n.attr("val") {
	case "0", "false", "off":
		return false
	}
	return true
}

func (b *builder) run(r *node, pp *para) {
	pr := r.child("rPr")
	b.runContent(r.kids, pp, model.Text{Bold: on(pr.child("b")), Italic: on(pr.child("i")), Strike: on(pr.child("strike"))})
}

// runContent reads the content of a run of the marks of look.
func (b *builder) runContent(kids []*node, pp *para, look model.Text) {
	for _, k := range kids {
		switch k.name {
		case "AlternateContent":
			b.runContent(k.child("Fallback").kidsOrNil(), pp, look)
		case "t":
			appendText(pp, k.text, look)
		case "tab", "ptab":
			appendText(pp, "\t", look)
		case "noBreakHyphen":
			appendText(pp, "\u2011", look)
		case "sym":
			appendText(pp, symText(k.attr("char")), look)
		case "br":
			switch k.attr("type") {
			case "page":
				pp.pageBreak = true
			case "column":
			default:
				pp.inl = append(pp.inl, model.LineBreak{})
			}
		case "cr":
			pp.inl = append(pp.inl, model.LineBreak{})
		}
	}
}

// symText is the text of a w:sym, a character Word inserts by its code in
// a named font: a code outside the private use area U+F000–U+F0FF is the
// Unicode character ("00A7" is "§"); a code in that area is a glyph of a
// symbol font (Wingdings, Symbol) without a Unicode meaning and stands as
// U+FFFD, so it is not lost without trace.
func symText(code string) string {
	n, err := strconv.ParseUint(code, 16, 32)
	switch {
	case err != nil || n == 0:
		return ""
	case n >= 0xF000 && n <= 0xF0FF, !utf8.ValidRune(rune(n)), n < 0x20:
		return "\uFFFD"
	}
	return string(rune(n))
}

// appendText adds text with the marks of look (bold, italic, struck),
// merged into the previous run of the same look.
func appendText(pp *para, s string, look model.Text) {
	if s == "" {
		return
	}
	if n := len(pp.inl); n > 0 {
		if t, ok := pp.inl[n-1].(model.Text); ok && t.Bold == look.Bold && t.Italic == look.Italic && t.Strike == look.Strike {
			t.Text += s
			pp.inl[n-1] = t
			return
		}
	}
	pp.inl = append(pp.inl, model.Text{Text: s, Bold: look.Bold, Italic: look.Italic, Strike: look.Strike})
}

// plain is the text of inlines with line breaks and tabs as spaces, form
// fields with what has been filled in.
func plain(ins []model.Inline) string {
	var sb strings.Builder
	for _, in := range ins {
		switch n := in.(type) {
		case model.Text:
			sb.WriteString(strings.ReplaceAll(n.Text, "\t", " "))
		case model.LineBreak:
			sb.WriteString(" ")
		case model.Field:
			sb.WriteString(strings.ReplaceAll(n.Text, "\t", " "))
		}
	}
	return strings.TrimSpace(sb.String())
}

// hasField reports whether ins holds a form field: a paragraph of one
// empty field has no text but is not empty.
func hasField(ins []model.Inline) bool {
	for _, in := range ins {
		if _, ok := in.(model.Field); ok {
			return true
		}
	}
	return false
}

// plainOf is the text of every paragraph under n, joined by spaces.
func (b *builder) plainOf(n *node) string {
	var parts []string
	var walk func(*node)
	walk = func(n *node) {
		for _, k := range n.kids {
			if k.name == "p" {
				if s := plain(b.readPara(k).inl); s != "" {
					parts = append(parts, s)
				}
				continue
			}
			walk(k)
		}
	}
	if n != nil {
		walk(n)
	}
	return strings.Join(parts, " ")
}

var (
	sectionNumber = regexp.MustCompile(`^(§[\s\x{00A0}]*\d+[a-z]?|Anlage[\s\x{00A0}]+\d+[a-z]?|Artikel[\s\x{00A0}]+\d+[a-z]?)[\s\x{00A0}]+(.+)$`)
	paraNumber    = regexp.MustCompile(`^\((\d{1,3}[a-z]?)\)(\t| +)`)
	paraLabel     = regexp.MustCompile(`^\(\d{1,3}[a-z]?\)$`) // a numbering label that is a paragraph number
	totalLabel    = regexp.MustCompile(`^(Summe|Gesamt|Insgesamt)$`)
	listLabel     = regexp.MustCompile(`^(–|—|-|•|·|\*|\d{1,3}\.|\d{1,3}\)|[a-z]{1,3}\)|[ivxlc]{1,6}\.)\t`)
)

// listIndent is where the renderer puts the first list level (two label
// columns of 567 twips): deeper levels add one column each.
const (
	indentStep = 567
	listIndent = 2 * indentStep
)

func (b *builder) paragraph(p *node) {
	pp := b.readPara(p)
	if pp.role == roleCaption {
		b.flushCaption()
		b.caption = &pp
		return
	}
	b.flushCaption()
	b.placePara(pp)
}

// flushCaption turns a caption without a table into a paragraph.
func (b *builder) flushCaption() {
	if c := b.caption; c != nil {
		b.caption = nil
		c.role = roleBody
		b.placePara(*c)
	}
}

func (b *builder) placePara(pp para) {
	text := plain(pp.inl)
	// Word numbering counts every numbered paragraph, empty ones too.
	label, labelled := "", false
	if pp.numbered {
		label, labelled = b.num.next(pp.numID, pp.ilvl)
	}
	switch {
	case pp.role == roleHeading:
		if text != "" {
			if label != "" && label != "•" && label != "–" {
				text = label + " " + text
			}
			b.heading(pp, text)
		}
		return
	case text == "" && pp.pageBreak && !hasField(pp.inl):
		b.add(&model.PageBreak{})
		return
	case text == "" && !hasField(pp.inl) || pp.role == roleSkip:
		return
	}
	para := &model.Paragraph{Style: paraStyle(pp.role), Inlines: trimInlines(pp.inl), KeepNext: pp.keepNext}
	if first, ok := para.Inlines[0].(model.Text); ok {
		if m := paraNumber.FindStringSubmatch(first.Text); m != nil {
			para.Number = "(" + m[1] + ")"
			para.Inlines = dropPrefix(para.Inlines, len(m[0]))
			b.add(para)
			return
		}
		if m := listLabel.FindStringSubmatch(first.Text); m != nil {
			para.Inlines = dropPrefix(para.Inlines, len(m[0]))
			if len(trimInlines(para.Inlines)) == 0 {
				para = nil // the item starts with a nested list
			}
			b.listItem(m[1], b.depth(pp), para)
			return
		}
	}
	if pp.numbered {
		switch {
		case !labelled: // a list numbering.xml does not define
			label = "•"
		case label == "": // numFmt none
			b.add(para)
			return
		case paraLabel.MatchString(label):
			para.Number = label
			b.add(para)
			return
		}
		b.numberedItem(label, pp.ilvl, para)
		return
	}
	if pp.hasInd && pp.indLeft >= listIndent && b.continueList(b.depth(pp), para) {
		return
	}
	b.add(para)
}

func (b *builder) depth(pp para) int {
	if pp.numbered && !pp.hasInd {
		return pp.ilvl
	}
	if !pp.hasInd {
		return 0
	}
	return min(max((pp.indLeft-listIndent+indentStep/2)/indentStep, 0), 8)
}

func paraStyle(r role) model.ParagraphStyle {
	switch r {
	case roleTitle:
		return model.StyleTitle
	case roleSubtitle:
		return model.StyleSubtitle
	case roleCentered:
		return model.StyleCentered
	case roleNote:
		return model.StyleNote
	}
	return model.StyleBody
}

// trimInlines drops leading and trailing line breaks.
func trimInlines(ins []model.Inline) []model.Inline {
	for len(ins) > 0 {
		if _, ok := ins[0].(model.LineBreak); !ok {
			break
		}
		ins = ins[1:]
	}
	for len(ins) > 0 {
		if _, ok := ins[len(ins)-1].(model.LineBreak); !ok {
			break
		}
		ins = ins[:len(ins)-1]
	}
	return ins
}

// dropPrefix removes n bytes from the first text inline.
func dropPrefix(ins []model.Inline, n int) []model.Inline {
	t := ins[0].(model.Text)
	t.Text = t.Text[n:]
	out := append([]model.Inline(nil), ins...)
	if t.Text == "" {
		return out[1:]
	}
	out[0] = t
	return out
}

// listItem adds an item at depth to the list that ends the current block
// list, or starts one.
func (b *builder) listItem(label string, depth int, p *model.Paragraph) {
	o := b.out()
	var l *model.List
	if n := len(*o); n > 0 {
		l, _ = (*o)[n-1].(*model.List)
	}
	if l == nil {
		l = &model.List{}
		*o = append(*o, l)
	}
	for d := 0; d < depth && len(l.Items) > 0; d++ {
		it := &l.Items[len(l.Items)-1]
		var inner *model.List
		if n := len(it.Blocks); n > 0 {
			inner, _ = it.Blocks[n-1].(*model.List)
		}
		if inner == nil {
			inner = &model.List{}
			it.Blocks = append(it.Blocks, inner)
		}
		l = inner
	}
	it := model.ListItem{Label: label}
	if p != nil {
		it.Blocks = []model.Block{p}
	}
	l.Items = append(l.Items, it)
}

// numberedItem adds a paragraph Word numbers at level ilvl as a list item.
// A list's depth counts from the level of its first item, so a list of
// level-1 items under "(1)" paragraphs is not nested below an empty item.
func (b *builder) numberedItem(label string, ilvl int, p *model.Paragraph) {
	o := b.out()
	var last *model.List
	if n := len(*o); n > 0 {
		last, _ = (*o)[n-1].(*model.List)
	}
	base, known := b.listBase[last]
	if last == nil {
		base, known = ilvl, true
	}
	depth := ilvl
	if known {
		depth = max(ilvl-base, 0)
	}
	b.listItem(label, depth, p)
	if last == nil {
		if b.listBase == nil {
			b.listBase = map[*model.List]int{}
		}
		b.listBase[(*o)[len(*o)-1].(*model.List)] = base
	}
}

// continueList appends an unlabelled, indented paragraph to the last
// item at depth of the list that ends the current block list.
func (b *builder) continueList(depth int, p *model.Paragraph) bool {
	o := b.out()
	n := len(*o)
	if n == 0 {
		return false
	}
	l, ok := (*o)[n-1].(*model.List)
	if !ok || len(l.Items) == 0 {
		return false
	}
	for d := 0; d < depth; d++ {
		it := &l.Items[len(l.Items)-1]
		k := len(it.Blocks)
		if k == 0 {
			break
		}
		inner, ok := it.Blocks[k-1].(*model.List)
		if !ok || len(inner.Items) == 0 {
			break
		}
		l = inner
	}
	it := &l.Items[len(l.Items)-1]
	it.Blocks = append(it.Blocks, p)
	return true
}

func (b *builder) heading(pp para, text string) {
	level := min(max(pp.level, 1), 3)
	for len(b.open) > 0 && b.open[len(b.open)-1].Level >= level {
		b.open = b.open[:len(b.open)-1]
	}
	s := &model.Section{Level: level, Title: text}
	if m := sectionNumber.FindStringSubmatch(text); m != nil {
		s.Number, s.Title = m[1], m[2]
	}
	if len(pp.marks) > 0 {
		s.ID = b.markID(pp.marks[0])
	} else {
		s.ID = slug(s.Title)
	}
	b.add(s)
	b.open = append(b.open, s)
}

// slug makes an id from a title: "Laufzeit und Kündigung" →
// "laufzeit-und-kuendigung".
func slug(s string) string {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "ae", "Ö", "oe", "Ü", "ue")
	s = strings.ToLower(r.Replace(s))
	var sb strings.Builder
	dash := false
	for _, c := range s {
		if c >= 'a' && c <= 'z' || c >= '0' && c <= '9' {
			if dash && sb.Len() > 0 {
				sb.WriteByte('-')
			}
			sb.WriteRune(c)
			dash = false
		} else {
			dash = true
		}
	}
	return sb.String()
}
