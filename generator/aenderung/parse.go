package aenderung

import (
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/vereinbar/vereinbar/generator/model"
)

// ErrParse reports an amendment whose Artikel 1 is not read as
// instructions.
var ErrParse = errors.New("Änderungsbefehl nicht lesbar")

// ArticleTitle is the title of the article that holds the instructions
// (templates/aenderung/artikel1.md.tmpl).
const ArticleTitle = "Änderung der Verwaltungsvereinbarung"

// Parse reads the instructions back from the text of an amendment
// agreement — the section „Artikel 1“ as Render sets it, also as read
// back from a DOCX — so that what is proven is the text that is signed:
// Apply(Units(ALT), Parse(amendment)) must give Units(NEU).
func Parse(d *model.Document) ([]Instruction, error) {
	art := Article(d)
	if art == nil {
		return nil, fmt.Errorf("%w: kein Artikel „%s“", ErrParse, ArticleTitle)
	}
	return ParseBlocks(art.Blocks)
}

// Article is the article that holds the instructions: the one titled
// „Änderung der Verwaltungsvereinbarung“ — Artikel 1, or a later one
// when articles on an accession or an exit precede it —, else the
// section „Artikel 1“; nil when there is neither.
func Article(d *model.Document) *model.Section {
	for _, s := range model.Sections(d) {
		if norm(s.Title) == ArticleTitle {
			return s
		}
	}
	for _, s := range model.Sections(d) {
		if strings.ReplaceAll(norm(s.Number), "\u00a0", " ") == "Artikel 1" {
			return s
		}
	}
	return nil
}

// ParseBlocks reads the instructions from the blocks of Artikel 1 (the
// opening sentence, then the numbered instructions).
func ParseBlocks(bs []model.Block) ([]Instruction, error) {
	type item struct {
		label, text string
		quote       []model.Block
	}
	var items []item
	for _, b := range flatten(bs) {
		p, ok := b.(*model.Paragraph)
		if ok {
			label, text := strings.TrimSpace(p.Number), model.PlainText(p.Inlines)
			if label == "" {
				if m := reLabel.FindStringSubmatch(text); m != nil {
					label, text = m[1], text[len(m[0]):]
				}
			}
			if reLabel.MatchString(label + " ") {
				items = append(items, item{label: label, text: norm(text)})
				continue
			}
		}
		if len(items) == 0 {
			continue // the opening sentence
		}
		items[len(items)-1].quote = append(items[len(items)-1].quote, b)
	}
	var out []Instruction
	group := ""           // the § of a „§ 7 wird wie folgt geändert:“
	var top, sub *Address // the unit of a „… Absatz 1 wird wie folgt geändert:“ under a number, under a letter
	for _, it := range items {
		var unit *Address
		switch {
		case strings.HasSuffix(it.label, "."):
			group, top, sub = "", nil, nil
			if m := reGroup.FindStringSubmatch(it.text); m != nil {
				group = partName(m[1])
				continue
			}
			if a, ok := unitGroup(it.text, ""); ok {
				group, top = a.Sec, &a
				continue
			}
		case group == "":
			return nil, fmt.Errorf("%w: %s ohne einleitenden Satz „§ … wird wie folgt geändert:“", ErrParse, it.label)
		case top != nil:
			unit = top
		case sub != nil && doubled(it.label):
			unit = sub
		default:
			sub = nil
			if a, ok := unitGroup(it.text, group); ok {
				sub = &a
				continue
			}
		}
		in, err := parseSentence(it.text, group, unit)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w", it.label, it.text, err)
		}
		if needsQuote(in.Op) {
			if in.Units, err = unquote(it.quote, in); err != nil {
				return nil, fmt.Errorf("%s %s: %w", it.label, it.text, err)
			}
		}
		out = append(out, in)
	}
	return out, nil
}

// doubled reports a label of doubled letters: „aa)“, „bb)“.
func doubled(label string) bool {
	l, ok := strings.CutSuffix(label, ")")
	if !ok || len(l) < 2 || l[0] < 'a' || l[0] > 'z' {
		return false
	}
	return strings.Count(l, l[:1]) == len(l)
}

// unitGroup reads „Absatz 1 wird wie folgt geändert:“ (group the § it
// stands under) or „§ 7 Absatz 1 wird wie folgt geändert:“: the unit whose
// words the instructions under it change.
func unitGroup(text, group string) (Address, bool) {
	m := reUnitGroup.FindStringSubmatch(text)
	if m == nil {
		return Address{}, false
	}
	a, err := location(m[1], group)
	if err != nil || a.Sec == "" || (a.Abs == "" && a.Sub == "") {
		return Address{}, false
	}
	return a, true
}

func needsQuote(op Op) bool {
	return op == OpErsetzen || op == OpEinfuegen || op == OpAnfuegen
}

// norm folds the no-break spaces of a read-back text.
func norm(s string) string { return strings.TrimSpace(s) }

// partName turns the text's „dem Teil „X““ etc. into the § name.
func partName(s string) string {
	if m := reTeil.FindStringSubmatch(s); m != nil {
		return m[1]
	}
	return s
}

const (
	secPat  = `(§[\s\x{00A0}]\d+|Anlage[\s\x{00A0}]\d+|(?:[Dd]em |[Dd]er |den |des )?Teil(?:s)? „[^“]*“)`
	termPat = `(die Angabe|das Wort|die Wörter|Die Angabe|Das Wort|Die Wörter)`
)

var (
	reLabel     = regexp.MustCompile(`(?s)^(\d+\.|[a-z]+\))[\t ]+`)
	reTeil      = regexp.MustCompile(`(?s)^(?:[Dd]em |[Dd]er |den |des )?Teil(?:s)? „([^“]*)“$`)
	reGroup     = regexp.MustCompile(`(?s)^` + secPat + ` wird wie folgt geändert:$`)
	reUnitGroup = regexp.MustCompile(`(?s)^(.+) wird wie folgt geändert:$`)
	reInsWords  = regexp.MustCompile(`(?s)^(?:(.*?) (?:wird|werden) nach|Nach) (?:der Angabe|dem Wort|den Wörtern) „(.*)“ (?:(?:wird|werden) )?` + termPat + ` „(.*)“ eingefügt\.$`)
	reWoerter   = regexp.MustCompile(`(?s)^(?:(.*?) (?:wird|werden) )?` + termPat + ` „(.*)“ (?:(?:wird|werden) )?(?:durch ` + termPat + ` „(.*)“ ersetzt|gestrichen)\.$`)
	reHeading   = regexp.MustCompile(`(?s)^Die Überschrift(?: (?:des|der) ` + secPat + `)? wird durch die folgende Überschrift ersetzt: „(.*)“\.$`)
	reReplace   = regexp.MustCompile(`(?s)^(.*) wird durch (?:den|die) folgenden? (.*) ersetzt:$`)
	reInsert    = regexp.MustCompile(`(?s)^Nach (dem Eingang|.*) wird folgender? (.*) eingefügt:$`)
	reAppend    = regexp.MustCompile(`(?s)^(?:(?:Dem|Der) ` + secPat + ` wird folgender Absatz (\d+) angefügt|Folgender Absatz (\d+) wird angefügt):$`)
	reRepeal    = regexp.MustCompile(`(?s)^(.*) wird aufgehoben\.$`)
	reRenum1    = regexp.MustCompile(`(?s)^(?:Der|Die) bisherige ` + secPat + ` wird ` + secPat + `\.$`)
	reRenumN    = regexp.MustCompile(`(?s)^Die bisherigen (§§|Anlagen)[\s\x{00A0}](\d+) (bis|und) (\d+) werden die (?:§§|Anlagen)[\s\x{00A0}](\d+) (?:bis|und) (\d+)\.$`)
	reLocAbs    = regexp.MustCompile(`(?s)^` + secPat + `?(?: ?Abschnitt „(.*)“)?(?: ?Absatz (\d+))?(?: des Teils „([^“]*)“)?$`)
	reWortlaut  = regexp.MustCompile(`(?s)^[Dd]er Wortlaut(?: (?:des|der) ` + secPat + `)?$`)
)

// location reads „§ 7 Absatz 5“, „In § 7“, „Absatz 2“ (inside group),
// „der Eingang“, „die Überschrift der Vereinbarung“ into an address.
func location(s, group string) (Address, error) {
	s = strings.TrimPrefix(strings.TrimPrefix(s, "In "), "in ")
	switch strings.ToLower(s) {
	case "der eingang", "eingang", "im eingang":
		return Address{Part: PartEingang}, nil
	case "die überschrift der vereinbarung", "der überschrift der vereinbarung":
		return Address{Part: PartTitel}, nil
	}
	if m := reWortlaut.FindStringSubmatch(s); m != nil {
		sec := group
		if m[1] != "" {
			sec = partName(m[1])
		}
		return Address{Sec: sec, Part: PartBody}, nil
	}
	if s == "" {
		return Address{Sec: group, Part: PartBody}, nil
	}
	m := reLocAbs.FindStringSubmatch(s)
	if m == nil {
		return Address{}, fmt.Errorf("%w: Stelle „%s“", ErrParse, s)
	}
	sec := group
	switch {
	case m[1] != "":
		sec = partName(m[1])
	case m[4] != "":
		sec = m[4]
	}
	if sec == "" {
		return Address{}, fmt.Errorf("%w: Stelle „%s“ ohne Paragrafen", ErrParse, s)
	}
	return Address{Sec: sec, Sub: m[2], Part: PartBody, Abs: m[3]}, nil
}

// parseSentence reads one instruction; group is the § it stands under
// ("" for none), unit the unit whose words it changes when it stands
// under „… Absatz 1 wird wie folgt geändert:“ (nil for none).
func parseSentence(s, group string, unit *Address) (Instruction, error) {
	if m := reHeading.FindStringSubmatch(s); m != nil {
		sec := group
		if m[1] != "" {
			sec = partName(m[1])
		}
		return Instruction{Op: OpUeberschrift, Target: Address{Sec: sec, Part: PartHeading}, New: outer(m[2])}, nil
	}
	if m := reRenumN.FindStringSubmatch(s); m != nil {
		series := "§\u00a0"
		if m[1] == "Anlagen" {
			series = "Anlage "
		}
		a, b, c := atoi(m[2]), atoi(m[4]), atoi(m[5])
		if m[3] == "und" && b != a+1 || b < a || b-a > 1000 {
			return Instruction{}, fmt.Errorf("%w: Nummern %d bis %d", ErrParse, a, b)
		}
		in := Instruction{Op: OpUmnummerieren}
		for k := 0; k <= b-a; k++ {
			in.From = append(in.From, fmt.Sprintf("%s%d", series, a+k))
			in.To = append(in.To, fmt.Sprintf("%s%d", series, c+k))
		}
		if atoi(m[6]) != c+b-a {
			return Instruction{}, fmt.Errorf("%w: %d Nummern werden %d", ErrParse, b-a+1, atoi(m[6])-c+1)
		}
		return in, nil
	}
	if m := reRenum1.FindStringSubmatch(s); m != nil {
		return Instruction{Op: OpUmnummerieren, From: []string{partName(m[1])}, To: []string{partName(m[2])}}, nil
	}
	if m := reAppend.FindStringSubmatch(s); m != nil {
		sec := group
		if m[1] != "" {
			sec = partName(m[1])
		}
		return Instruction{Op: OpAnfuegen, Target: Address{Sec: sec}}, nil
	}
	if m := reInsert.FindStringSubmatch(s); m != nil {
		in := Instruction{Op: OpEinfuegen, Target: Address{Sec: partName(m[2])}}
		if m[1] != "dem Eingang" {
			in.After = Address{Sec: partName(m[1])}
		}
		return in, nil
	}
	if m := reReplace.FindStringSubmatch(s); m != nil {
		subj := m[1]
		switch {
		case subj == "Der Eingang" || subj == "Die Überschrift der Vereinbarung":
			a, _ := location(subj, group)
			return Instruction{Op: OpErsetzen, Target: a}, nil
		case strings.HasPrefix(m[2], "Absatz ") || m[2] == "Wortlaut":
			a, err := location(subj, group)
			return Instruction{Op: OpErsetzen, Target: a}, err
		}
		return Instruction{Op: OpErsetzen, Target: Address{Sec: partName(subj)}}, nil
	}
	if m := reRepeal.FindStringSubmatch(s); m != nil {
		a, err := location(m[1], group)
		if err == nil && a.Abs == "" && a.Sub == "" && a.Part == PartBody && m[1] != "Der Wortlaut" && !strings.HasPrefix(m[1], "Der Wortlaut ") {
			a = Address{Sec: a.Sec} // the whole §
		}
		return Instruction{Op: OpAufheben, Target: a}, err
	}
	if m := reInsWords.FindStringSubmatch(s); m != nil {
		a, err := wordsAt(m[1], group, unit)
		return Instruction{Op: OpWoerterEinfuegen, Target: a, Old: outer(m[2]), New: outer(m[4])}, err
	}
	if m := reWoerter.FindStringSubmatch(s); m != nil {
		a, err := wordsAt(m[1], group, unit)
		return Instruction{Op: OpWoerter, Target: a, Old: outer(m[3]), New: outer(m[5])}, err
	}
	return Instruction{}, fmt.Errorf("%w: Satz nicht erkannt", ErrParse)
}

// wordsAt is the unit a word instruction names („In Absatz 1“), or
// under a unit group that unit.
func wordsAt(loc, group string, unit *Address) (Address, error) {
	if unit != nil {
		if loc != "" {
			return Address{}, fmt.Errorf("%w: Stelle „%s“ unter „… wird wie folgt geändert:“", ErrParse, loc)
		}
		return *unit, nil
	}
	return location(loc, group)
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' || n > 1_000_000 {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// unquote reads the quoted units of an instruction: a § heading
// („§ 8 Datenschutz“), paragraphs („(3) …“), lists and tables, between
// „ and “.
func unquote(bs []model.Block, in Instruction) ([]Unit, error) {
	bs = stripMarks(bs)
	if bs == nil {
		return nil, fmt.Errorf("%w: Zitat fehlt oder ist nicht in „…“", ErrParse)
	}
	var out []Unit
	var cur *Unit
	sec, sub := in.Target.Sec, in.Target.Sub
	switch {
	case in.Target.Part == PartTitel || in.Target.Part == PartEingang:
		u := Unit{Address: in.Target}
		for _, b := range bs {
			p, ok := b.(*model.Paragraph)
			if !ok {
				return nil, fmt.Errorf("%w: %s enthält anderes als Absätze", ErrParse, in.Target)
			}
			u.Lines = append(u.Lines, Line{Kind: LineText, Text: model.PlainText(p.Inlines)})
		}
		return []Unit{u}, nil
	}
	for _, b := range bs {
		if p, ok := b.(*model.Paragraph); ok && p.Style == model.StyleCentered {
			head := model.PlainText(p.Inlines)
			switch m := reSecHead.FindStringSubmatch(head); {
			case m != nil:
				sec, sub, head = m[1], "", m[2] // „§ 8 Datenschutz“
			case out == nil && (in.Op == OpEinfuegen || in.Target.Part == ""):
				sub = "" // the heading of an unnumbered part: its title
			default:
				sub = head // a sub-heading inside the §
			}
			cur = nil
			out = append(out, Unit{Address: Address{Sec: sec, Sub: sub, Part: PartHeading}, Lines: []Line{{Kind: LineText, Text: head}}})
			continue
		}
		if p, ok := b.(*model.Paragraph); ok {
			text := model.PlainText(p.Inlines)
			if m := reAbs.FindStringSubmatch(text); m != nil || cur == nil {
				abs := ""
				if m != nil {
					abs, text = m[1], text[len(m[0]):]
				}
				if in.Op != OpEinfuegen && abs == "" && in.Target.Abs != "" {
					abs = in.Target.Abs
				}
				out = append(out, Unit{Address: Address{Sec: sec, Sub: sub, Part: PartBody, Abs: abs}})
				cur = &out[len(out)-1]
			}
			cur.Lines = append(cur.Lines, Line{Kind: LineText, Text: text})
			continue
		}
		if cur == nil {
			out = append(out, Unit{Address: Address{Sec: sec, Sub: sub, Part: PartBody}})
			cur = &out[len(out)-1]
		}
		ls, err := blockLines(b, "")
		if err != nil {
			return nil, err
		}
		cur.Lines = append(cur.Lines, ls...)
	}
	return out, nil
}

var (
	reSecHead = regexp.MustCompile(`(?s)^(§[\s\x{00A0}]\d+|Anlage[\s\x{00A0}]\d+) (.*)$`)
	reAbs     = regexp.MustCompile(`(?s)^\((\d+)\) `)
)

// stripMarks removes the opening „ of the first block and the closing “
// of the last (a paragraph of its own after a table); nil when they are
// missing.
func stripMarks(bs []model.Block) []model.Block {
	if len(bs) == 0 {
		return nil
	}
	out := cloneBlocks(bs)
	first := firstPara(out[0])
	if first == nil || !trimInline(first, true) {
		return nil
	}
	if p, ok := out[len(out)-1].(*model.Paragraph); ok && len(out) > 1 && model.PlainText(p.Inlines) == "“" && lastPara(out[len(out)-2]) == nil {
		// the mark on a line of its own after a table
		return out[:len(out)-1]
	}
	last := lastPara(out[len(out)-1])
	if last == nil || !trimInline(last, false) {
		return nil
	}
	return out
}

// cloneBlocks copies the paragraphs the marks are removed from.
func cloneBlocks(bs []model.Block) []model.Block {
	out := make([]model.Block, len(bs))
	for i, b := range bs {
		switch n := b.(type) {
		case *model.Paragraph:
			c := *n
			c.Inlines = append([]model.Inline{}, n.Inlines...)
			out[i] = &c
		case *model.List:
			c := *n
			c.Items = append([]model.ListItem{}, n.Items...)
			for k := range c.Items {
				c.Items[k].Blocks = cloneBlocks(c.Items[k].Blocks)
			}
			out[i] = &c
		default:
			out[i] = b
		}
	}
	return out
}

// trimInline removes „ at the start (first) or “ at the end of a
// paragraph's text.
func trimInline(p *model.Paragraph, first bool) bool {
	text := model.PlainText(p.Inlines)
	var rest string
	var ok bool
	if first {
		rest, ok = strings.CutPrefix(text, "„")
	} else {
		rest, ok = strings.CutSuffix(text, "“")
	}
	if !ok {
		return false
	}
	p.Inlines = inlines(rest)
	return true
}

// flatten undoes what reading a DOCX back does to the numbered
// instructions: Word numbers them, so they come back as list items
// („1.“, „a)“). An item whose text is an instruction becomes a numbered
// paragraph again; other items (a quoted list) stay a list.
func flatten(bs []model.Block) []model.Block {
	var out []model.Block
	for _, b := range bs {
		l, ok := b.(*model.List)
		if !ok {
			out = append(out, b)
			continue
		}
		var rest *model.List
		for _, it := range l.Items {
			p, ok := firstBlock(it.Blocks).(*model.Paragraph)
			if ok && reLabel.MatchString(it.Label+" ") && isInstruction(model.PlainText(p.Inlines)) {
				rest = nil
				q := *p
				q.Number = it.Label
				out = append(out, &q)
				out = append(out, flatten(it.Blocks[1:])...)
				continue
			}
			if rest == nil {
				rest = &model.List{Pos: l.Pos}
				out = append(out, rest)
			}
			rest.Items = append(rest.Items, it)
		}
	}
	return out
}

func firstBlock(bs []model.Block) model.Block {
	if len(bs) == 0 {
		return nil
	}
	return bs[0]
}

// isInstruction reports whether a text reads as an instruction sentence.
func isInstruction(text string) bool {
	text = norm(text)
	if reGroup.MatchString(text) {
		return true
	}
	if _, ok := unitGroup(text, "§\u00a01"); ok {
		return true
	}
	_, err := parseSentence(text, "§\u00a01", nil)
	return err == nil
}
