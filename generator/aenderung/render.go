package aenderung

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vereinbar/vereinbar/generator/model"
)

// Render turns the instructions into the blocks of Artikel 1 after its
// opening sentence: one paragraph per instruction, numbered „1.“, „2.“ …
// in the order of the text. Two or more instructions in the same § are
// grouped under one number („§ 7 wird wie folgt geändert:“) with a), b);
// two or more word changes of one Absatz under one letter („a) Absatz 1
// wird wie folgt geändert:“) with aa), bb) — or under the number when
// they are all the § has („1. § 7 Absatz 1 wird wie folgt geändert:“).
// New text is quoted („…“) as paragraphs, lists and tables, as the
// Handbuch der Rechtsförmlichkeit sets it.
func Render(ins []Instruction) []model.Block {
	var out []model.Block
	n := 0
	for i := 0; i < len(ins); {
		j := i + 1
		if sec := groupSec(ins[i]); sec != "" {
			for j < len(ins) && groupSec(ins[j]) == sec {
				j++
			}
		}
		n++
		num := strconv.Itoa(n) + "."
		switch {
		case j-i == 1:
			out = append(out, instruction(num, ins[i], levelFull)...)
		case sameUnit(ins[i:j]):
			out = append(out, para(num, capital(unitNom(ins[i].Target, false))+" wird wie folgt geändert:"))
			for k := i; k < j; k++ {
				out = append(out, instruction(letters(k-i), ins[k], levelUnit)...)
			}
		default:
			out = append(out, para(num, capital(secNom(groupSec(ins[i])))+" wird wie folgt geändert:"))
			letter := 0
			for k := i; k < j; {
				l := k + 1
				if unitOf(ins[k]) {
					for l < j && unitOf(ins[l]) && ins[l].Target == ins[k].Target {
						l++
					}
				}
				if l-k == 1 {
					out = append(out, instruction(letters(letter), ins[k], levelRel)...)
				} else {
					out = append(out, para(letters(letter), capital(unitNom(ins[k].Target, true))+" wird wie folgt geändert:"))
					for m := k; m < l; m++ {
						out = append(out, instruction(doubleLetters(m-k), ins[m], levelUnit)...)
					}
				}
				letter++
				k = l
			}
		}
		i = j
	}
	return out
}

// level is where an instruction's sentence stands: on its own (names the
// § and the unit), under a § (names the unit) or under its unit (names
// neither).
type level int

const (
	levelFull level = iota
	levelRel
	levelUnit
)

// unitOf reports an instruction that changes words inside one Absatz
// (or one named unit of a §); two or more of them in the same unit are
// grouped under it. Changes of the text of a § without Absätze are
// grouped under the § itself.
func unitOf(in Instruction) bool {
	return (in.Op == OpWoerter || in.Op == OpWoerterEinfuegen) && where(in.Target) != ""
}

// sameUnit reports whether all instructions change words of one unit.
func sameUnit(ins []Instruction) bool {
	for _, in := range ins {
		if !unitOf(in) || in.Target != ins[0].Target {
			return false
		}
	}
	return true
}

// groupSec is the § an instruction changes inside, "" for one that
// concerns a § as a whole or the Eingang.
func groupSec(in Instruction) string {
	switch in.Op {
	case OpWoerter, OpWoerterEinfuegen, OpUeberschrift:
		return in.Target.Sec
	case OpErsetzen, OpAufheben:
		if in.Target.Part == PartBody || in.Target.Part == PartHeading {
			return in.Target.Sec
		}
	case OpAnfuegen:
		return in.Target.Sec
	}
	return ""
}

// doubleLetters gives the label of the k-th instruction inside a unit:
// aa), bb) … zz).
func doubleLetters(k int) string {
	c := string(rune('a' + k%26))
	return strings.Repeat(c, 2*(k/26+1)) + ")"
}

// letters gives the label of the k-th sub-instruction: a), b) … z), aa), bb) ….
func letters(k int) string {
	c := string(rune('a' + k%26))
	return strings.Repeat(c, k/26+1) + ")"
}

func para(num, s string) *model.Paragraph {
	return &model.Paragraph{Style: model.StyleBody, Number: num, Inlines: []model.Inline{model.Text{Text: s}}}
}

func capital(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 || r == utf8.RuneError {
		return s
	}
	return strings.ToUpper(string(r)) + s[size:]
}

func isSection(sec string) bool { return strings.HasPrefix(sec, "§") }
func isAnnex(sec string) bool   { return strings.HasPrefix(sec, "Anlage") }

// secNom is a § in the nominative: „§ 7“, „Anlage 2“, „die Präambel“.
func secNom(sec string) string {
	if isSection(sec) || isAnnex(sec) {
		return sec
	}
	return "der Teil „" + sec + "“"
}

// secGen is a § in the genitive: „des § 7“, „der Anlage 2“.
func secGen(sec string) string {
	switch {
	case isSection(sec):
		return "des " + sec
	case isAnnex(sec):
		return "der " + sec
	}
	return "des Teils „" + sec + "“"
}

// secDat is a § after „in“, „nach“: „§ 7“, „Anlage 2“, „dem Teil „Präambel““.
func secDat(sec string) string {
	if isSection(sec) || isAnnex(sec) {
		return sec
	}
	return "dem Teil „" + sec + "“"
}

// secDatArt is a § in the dative with article, after nothing: „dem § 12“.
func secDatArt(sec string) string {
	switch {
	case isSection(sec):
		return "dem " + sec
	case isAnnex(sec):
		return "der " + sec
	}
	return "dem Teil „" + sec + "“"
}

// folgend is „folgender § 8“, „folgende Anlage 3“.
func folgend(sec string) string {
	switch {
	case isSection(sec):
		return "folgender " + sec
	case isAnnex(sec):
		return "folgende " + sec
	}
	return "folgender Teil „" + sec + "“"
}

// where is the place of a unit inside its §: „Absatz 5“,
// „Abschnitt „Verfügbarkeit“ Absatz 2“; "" for the text of a § without
// Absätze.
func where(a Address) string {
	var parts []string
	if a.Sub != "" {
		parts = append(parts, "Abschnitt „"+a.Sub+"“")
	}
	if a.Abs != "" {
		parts = append(parts, "Absatz "+a.Abs)
	}
	return strings.Join(parts, " ")
}

// unitNom names a unit in the nominative; within a group relative to its §.
func unitNom(a Address, rel bool) string {
	switch a.Part {
	case PartTitel:
		return "die Überschrift der Vereinbarung"
	case PartEingang:
		return "der Eingang"
	}
	w := where(a)
	switch {
	case rel && w != "":
		return w
	case rel:
		return "der Wortlaut"
	case w == "":
		return "der Wortlaut " + secGen(a.Sec)
	case isSection(a.Sec) || isAnnex(a.Sec):
		return a.Sec + " " + w
	}
	return w + " " + secGen(a.Sec)
}

// unitIn is a unit after „In“: „In § 7 Absatz 5“; "" inside a group for
// the text of the § itself.
func unitIn(a Address, rel bool) string {
	switch a.Part {
	case PartTitel:
		return "In der Überschrift der Vereinbarung"
	case PartEingang:
		return "Im Eingang"
	}
	w := where(a)
	switch {
	case rel && w != "":
		return "In " + w
	case rel:
		return ""
	case w == "":
		return "In " + secDat(a.Sec)
	case isSection(a.Sec) || isAnnex(a.Sec):
		return "In " + a.Sec + " " + w
	}
	return "In " + w + " " + secGen(a.Sec)
}

// term is how a quote is named: „die Angabe“ for figures, dates and
// references (no blank between its parts), „das Wort“, „die Wörter“.
func term(q string) (noun string, plural bool) {
	if !strings.ContainsFunc(q, isBlank) && strings.ContainsAny(q, "0123456789") {
		return "die Angabe", false
	}
	if !strings.ContainsFunc(q, isBlank) {
		return "das Wort", false
	}
	return "die Wörter", true
}

func quote(s string) string { return "„" + s + "“" }

// inner is quoted words as an instruction cites them: quotation marks
// inside the quote become half marks: die Wörter „den ‚Lenkungskreis‘“
// (Handbuch der Rechtsförmlichkeit: Anführungszeichen im zitierten Text
// werden als halbe Anführungszeichen wiedergegeben). The drafter never
// quotes text with half marks of its own, so Parse reads them back as
// „ and “ (outer).
func inner(s string) string { return quote(innerMarks.Replace(s)) }

var (
	innerMarks = strings.NewReplacer("„", "‚", "“", "‘")
	outerMarks = strings.NewReplacer("‚", "„", "‘", "“")
)

// outer undoes inner's half marks in a quote read from the text.
func outer(s string) string { return outerMarks.Replace(s) }

// hasHalfMarks reports text that inner could not set unambiguously.
func hasHalfMarks(s string) bool { return strings.ContainsAny(s, "‚‘") }

// dative is how a quote is named after „nach“: „der Angabe“, „dem
// Wort“, „den Wörtern“.
func dative(q string) string {
	switch n, _ := term(q); n {
	case "die Angabe":
		return "der Angabe"
	case "das Wort":
		return "dem Wort"
	}
	return "den Wörtern"
}

func instruction(num string, in Instruction, lv level) []model.Block {
	rel := lv != levelFull
	switch in.Op {
	case OpWoerter:
		on, plural := term(in.Old)
		verb := "wird"
		if plural {
			verb = "werden"
		}
		at := unitIn(in.Target, rel)
		if lv == levelUnit {
			at = ""
		}
		what := on + " " + inner(in.Old)
		how := "gestrichen"
		if in.New != "" {
			nn, _ := term(in.New)
			how = "durch " + nn + " " + inner(in.New) + " ersetzt"
		}
		s := what + " " + verb + " " + how + "."
		if at != "" {
			s = at + " " + verb + " " + what + " " + how + "."
		}
		return []model.Block{para(num, capital(s))}
	case OpWoerterEinfuegen:
		nn, plural := term(in.New)
		verb := "wird"
		if plural {
			verb = "werden"
		}
		after := "nach " + dative(in.Old) + " " + inner(in.Old)
		what := nn + " " + inner(in.New)
		at := unitIn(in.Target, rel)
		if lv == levelUnit || at == "" {
			return []model.Block{para(num, capital(after)+" "+verb+" "+what+" eingefügt.")}
		}
		return []model.Block{para(num, at+" "+verb+" "+after+" "+what+" eingefügt.")}
	case OpUeberschrift:
		subj := "Die Überschrift " + secGen(in.Target.Sec)
		if rel {
			subj = "Die Überschrift"
		}
		return []model.Block{para(num, subj+" wird durch die folgende Überschrift ersetzt: "+inner(in.New)+".")}
	case OpErsetzen:
		var s string
		switch {
		case in.Target.Part == "":
			switch sec := in.Target.Sec; {
			case isSection(sec):
				s = sec + " wird durch den folgenden " + sec + " ersetzt:"
			case isAnnex(sec):
				s = sec + " wird durch die folgende " + sec + " ersetzt:"
			default:
				s = capital(secNom(sec)) + " wird durch den folgenden Teil „" + sec + "“ ersetzt:"
			}
		case in.Target.Part == PartTitel:
			s = "Die Überschrift der Vereinbarung wird durch die folgende Überschrift ersetzt:"
		case in.Target.Part == PartEingang:
			s = "Der Eingang wird durch den folgenden Eingang ersetzt:"
		case in.Target.Abs != "":
			s = capital(unitNom(in.Target, rel)) + " wird durch den folgenden Absatz " + in.Target.Abs + " ersetzt:"
		default:
			s = capital(unitNom(in.Target, rel)) + " wird durch den folgenden Wortlaut ersetzt:"
		}
		return append([]model.Block{para(num, s)}, quoted(in.Units)...)
	case OpEinfuegen:
		name := ""
		if len(in.Units) > 0 {
			name = in.Units[0].Sec
		}
		s := "Nach dem Eingang wird " + folgend(name) + " eingefügt:"
		if in.After != (Address{}) {
			s = "Nach " + secDat(in.After.Sec) + " wird " + folgend(name) + " eingefügt:"
		}
		return append([]model.Block{para(num, s)}, quoted(in.Units)...)
	case OpAnfuegen:
		abs := ""
		if len(in.Units) > 0 {
			abs = in.Units[0].Abs
		}
		s := capital(secDatArt(in.Target.Sec)) + " wird folgender Absatz " + abs + " angefügt:"
		if rel {
			s = "Folgender Absatz " + abs + " wird angefügt:"
		}
		return append([]model.Block{para(num, s)}, quoted(in.Units)...)
	case OpAufheben:
		s := capital(secNom(in.Target.Sec)) + " wird aufgehoben."
		if in.Target.Part != "" {
			s = capital(unitNom(in.Target, rel)) + " wird aufgehoben."
		}
		return []model.Block{para(num, s)}
	case OpUmnummerieren:
		return []model.Block{para(num, renumberText(in.From, in.To))}
	}
	return []model.Block{para(num, fmt.Sprintf("(unbekannter Befehl %s)", in.Op))}
}

// renumberText is „Der bisherige § 9 wird § 8.“ or „Die bisherigen §§ 9
// bis 19 werden die §§ 8 bis 18.“
func renumberText(from, to []string) string {
	if len(from) == 1 {
		art := "Der bisherige "
		if isAnnex(from[0]) {
			art = "Die bisherige "
		}
		return art + from[0] + " wird " + to[0] + "."
	}
	series, a := split(from[0])
	_, b := split(from[len(from)-1])
	_, c := split(to[0])
	_, d := split(to[len(to)-1])
	plural := "§§\u00a0"
	if isAnnex(series) {
		plural = "Anlagen "
	}
	conj := " bis "
	if len(from) == 2 {
		conj = " und "
	}
	return fmt.Sprintf("Die bisherigen %s%d%s%d werden die %s%d%s%d.", plural, a, conj, b, plural, c, conj, d)
}

// quoted sets units as quoted text: a § heading, paragraphs with their
// number, lists and tables, the whole between „ and “.
func quoted(us []Unit) []model.Block {
	var out []model.Block
	for _, u := range us {
		switch u.Part {
		case PartHeading:
			head := u.Lines[0].Text
			if u.Sub == "" && (isSection(u.Sec) || isAnnex(u.Sec)) {
				head = u.Sec + " " + head
			}
			out = append(out, &model.Paragraph{Style: model.StyleCentered, KeepNext: true, Inlines: []model.Inline{model.Text{Text: head, Bold: true}}})
			continue
		}
		first := true
		var list *model.List
		var table *model.Table
		for _, l := range u.Lines {
			if l.Kind != LineItem {
				list = nil
			}
			if !l.IsTable() || l.Table {
				table = nil
			}
			switch {
			case l.Kind == LineItem:
				if list == nil {
					list = &model.List{}
					out = append(out, list)
				}
				addItem(list, strings.Fields(l.Label), l.Text)
			case l.IsTable():
				if table == nil {
					table = &model.Table{}
					if l.Format != nil {
						table.Widths, table.Aligns = l.Format.Widths, l.Format.Aligns
					}
					out = append(out, table)
				}
				if l.Kind == LineCaption {
					table.Caption = l.Text
					continue
				}
				row := model.Row{Total: l.Kind == LineTotal}
				for _, c := range l.Cells {
					row.Cells = append(row.Cells, model.Cell{Inlines: inlines(c)})
				}
				if l.Kind == LineHeader {
					table.Header = append(table.Header, row)
				} else {
					table.Rows = append(table.Rows, row)
				}
			default:
				num := ""
				if first && u.Abs != "" {
					num = "(" + u.Abs + ") "
				}
				out = append(out, textPara("", num+l.Text))
			}
			first = false
		}
	}
	for _, b := range out {
		if t, ok := b.(*model.Table); ok {
			cols := 0
			for _, r := range append(append([]model.Row{}, t.Header...), t.Rows...) {
				cols = max(cols, len(r.Cells))
			}
			for k := range t.Header {
				pad(&t.Header[k], cols)
			}
			for k := range t.Rows {
				pad(&t.Rows[k], cols)
			}
			if len(t.Widths) == cols && len(t.Aligns) == cols {
				continue
			}
			t.Widths = make([]int, cols)
			t.Aligns = make([]model.Align, cols)
			for k := range cols {
				t.Widths[k] = 10
				t.Aligns[k] = model.AlignLeft
			}
		}
	}
	return quoteMarks(out)
}

func pad(r *model.Row, cols int) {
	for len(r.Cells) < cols {
		r.Cells = append(r.Cells, model.Cell{})
	}
}

func textPara(num, s string) *model.Paragraph {
	return &model.Paragraph{Style: model.StyleBody, Number: num, Inlines: inlines(s)}
}

func inlines(s string) []model.Inline {
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

// quoteMarks puts „ before the first text and “ after the last; after a
// table, the closing mark stands on a line of its own.
func quoteMarks(bs []model.Block) []model.Block {
	if len(bs) == 0 {
		return bs
	}
	if p := firstPara(bs[0]); p != nil {
		p.Inlines = append([]model.Inline{model.Text{Text: "„"}}, p.Inlines...)
	} else {
		bs = append([]model.Block{textPara("", "„")}, bs...)
	}
	if p := lastPara(bs[len(bs)-1]); p != nil {
		p.Inlines = append(p.Inlines, model.Text{Text: "“"})
	} else {
		bs = append(bs, textPara("", "“"))
	}
	return bs
}

func firstPara(b model.Block) *model.Paragraph {
	switch n := b.(type) {
	case *model.Paragraph:
		return n
	case *model.List:
		if len(n.Items) > 0 && len(n.Items[0].Blocks) > 0 {
			return firstPara(n.Items[0].Blocks[0])
		}
	}
	return nil
}

func lastPara(b model.Block) *model.Paragraph {
	switch n := b.(type) {
	case *model.Paragraph:
		return n
	case *model.List:
		if len(n.Items) > 0 {
			it := n.Items[len(n.Items)-1]
			if len(it.Blocks) > 0 {
				return lastPara(it.Blocks[len(it.Blocks)-1])
			}
		}
	}
	return nil
}

// addItem puts an item line into a (nested) list: path is the label path
// („1.“, „a)“) of the item, its last element „+“ for a further paragraph
// of the item.
func addItem(list *model.List, path []string, text string) {
	if len(path) == 0 {
		path = []string{""}
	}
	if len(path) == 1 || len(path) == 2 && path[1] == "+" {
		if len(path) == 2 && len(list.Items) > 0 {
			last := &list.Items[len(list.Items)-1]
			last.Blocks = append(last.Blocks, textPara("", text))
			return
		}
		list.Items = append(list.Items, model.ListItem{Label: path[0], Blocks: []model.Block{textPara("", text)}})
		return
	}
	if len(list.Items) == 0 {
		list.Items = append(list.Items, model.ListItem{Label: path[0]})
	}
	last := &list.Items[len(list.Items)-1]
	var sub *model.List
	if n := len(last.Blocks); n > 0 {
		sub, _ = last.Blocks[n-1].(*model.List)
	}
	if sub == nil {
		sub = &model.List{}
		last.Blocks = append(last.Blocks, sub)
	}
	addItem(sub, path[1:], text)
}
