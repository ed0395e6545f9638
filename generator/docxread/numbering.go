package docxread

import (
	"strconv"
	"strings"
)

// Word numbering (word/numbering.xml): a paragraph with w:numPr shows a
// label that is not in its text, computed from its list's level
// definition and the paragraphs of the list before it. When a reviewer
// turns "(1)" paragraphs or "§ 7" headings into automatic numbering, the
// reader computes the label again, so numbers and clause references
// survive.

// numLevel is one level of a numbering definition.
type numLevel struct {
	format string // w:numFmt: decimal, lowerLetter, upperRoman, bullet, none, …
	text   string // w:lvlText: "(%1)", "§ %1", "%1.%2."
	start  int    // w:start
	style  string // w:pStyle: the paragraph style this level belongs to
}

// numList is one list (w:num) with its levels and its counters so far.
type numList struct {
	levels [9]numLevel
	count  [9]int
	seen   [9]bool // the level has had a paragraph since its last restart
}

// numbering holds the lists of a document by w:numId.
type numbering struct {
	lists map[string]*numList
}

// parseNumbering reads word/numbering.xml; root may be nil.
func parseNumbering(root *node) *numbering {
	n := &numbering{lists: map[string]*numList{}}
	top := root.child("numbering")
	if top == nil {
		return n
	}
	abstract := map[string][9]numLevel{}
	for _, a := range top.kids {
		if a.name != "abstractNum" {
			continue
		}
		var levels [9]numLevel
		for i := range levels {
			levels[i] = numLevel{format: "decimal", start: 1}
		}
		for _, l := range a.kids {
			if l.name == "lvl" {
				if i, err := strconv.Atoi(l.attr("ilvl")); err == nil && i >= 0 && i < 9 {
					levels[i] = readLevel(l, levels[i])
				}
			}
		}
		abstract[a.attr("abstractNumId")] = levels
	}
	for _, x := range top.kids {
		if x.name != "num" {
			continue
		}
		levels, ok := abstract[x.child("abstractNumId").attr("val")]
		if !ok {
			continue
		}
		for _, o := range x.kids {
			i, err := strconv.Atoi(o.attr("ilvl"))
			if o.name != "lvlOverride" || err != nil || i < 0 || i >= 9 {
				continue
			}
			if l := o.child("lvl"); l != nil {
				levels[i] = readLevel(l, levels[i])
			}
			if s, err := strconv.Atoi(o.child("startOverride").attr("val")); err == nil {
				levels[i].start = s
			}
		}
		n.lists[x.attr("numId")] = &numList{levels: levels}
	}
	return n
}

// readLevel reads a w:lvl over the values in l.
func readLevel(lvl *node, l numLevel) numLevel {
	if f := lvl.child("numFmt"); f != nil {
		l.format = f.attr("val")
	}
	if t := lvl.child("lvlText"); t != nil {
		l.text = t.attr("val")
	}
	if s, err := strconv.Atoi(lvl.child("start").attr("val")); err == nil {
		l.start = s
	}
	if st := lvl.child("pStyle"); st != nil {
		l.style = st.attr("val")
	}
	return l
}

// levelOfStyle returns the level of list numID that belongs to paragraph
// style id (w:pStyle in w:lvl): how Word numbers "Überschrift 2" in a
// multi-level list whose styles name the list but not the level.
func (n *numbering) levelOfStyle(numID, id string) (int, bool) {
	if l := n.lists[numID]; l != nil && id != "" {
		for i, lv := range l.levels {
			if lv.style == id {
				return i, true
			}
		}
	}
	return 0, false
}

// next counts the next paragraph of list numID at level ilvl and returns
// its label without surrounding space ("" for numFmt none); ok is false
// for an unknown list. Deeper levels restart.
func (n *numbering) next(numID string, ilvl int) (label string, ok bool) {
	l := n.lists[numID]
	if l == nil || ilvl < 0 || ilvl >= 9 {
		return "", false
	}
	if l.seen[ilvl] {
		l.count[ilvl]++
	} else {
		l.count[ilvl], l.seen[ilvl] = l.levels[ilvl].start, true
	}
	for i := ilvl + 1; i < 9; i++ {
		l.seen[i] = false
	}
	lv := l.levels[ilvl]
	switch lv.format {
	case "none":
		return "", true
	case "bullet":
		return bulletLabel(lv.text), true
	}
	var b strings.Builder
	for i := 0; i < len(lv.text); i++ {
		c := lv.text[i]
		if c == '%' && i+1 < len(lv.text) && lv.text[i+1] >= '1' && lv.text[i+1] <= '9' {
			k := int(lv.text[i+1] - '1')
			v := l.count[k]
			if !l.seen[k] {
				v = l.levels[k].start
			}
			b.WriteString(formatNumber(v, l.levels[k].format))
			i++
			continue
		}
		b.WriteByte(c)
	}
	return strings.TrimSpace(b.String()), true
}

// bulletLabel maps the character of a bullet level to the labels the
// renderer writes: dashes stay a dash, anything else (symbol-font glyphs
// like U+F0B7, "o", "§" of Wingdings) is a bullet.
func bulletLabel(text string) string {
	switch strings.TrimSpace(text) {
	case "–", "-", "—":
		return "–"
	}
	return "•"
}

// formatNumber writes v in a Word number format; unknown formats are
// decimal.
func formatNumber(v int, format string) string {
	switch format {
	case "lowerLetter", "upperLetter":
		s := letters(v)
		if format == "upperLetter" {
			s = strings.ToUpper(s)
		}
		return s
	case "lowerRoman", "upperRoman":
		s := roman(v)
		if format == "lowerRoman" {
			s = strings.ToLower(s)
		}
		return s
	case "decimalZero":
		if v >= 0 && v < 10 {
			return "0" + strconv.Itoa(v)
		}
	}
	return strconv.Itoa(v)
}

// letters is Word's letter numbering: a … z, aa … zz, aaa …
func letters(v int) string {
	if v < 1 {
		return strconv.Itoa(v)
	}
	return strings.Repeat(string(rune('a'+(v-1)%26)), (v-1)/26+1)
}

// roman is v in Roman numerals (1 … 3999; others decimal).
func roman(v int) string {
	if v < 1 || v > 3999 {
		return strconv.Itoa(v)
	}
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, x := range vals {
		for v >= x {
			b.WriteString(syms[i])
			v -= x
		}
	}
	return b.String()
}
