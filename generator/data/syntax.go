package data

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vereinbar/vereinbar/generator/internal/yamlde"
	"go.yaml.in/yaml/v3"
	"golang.org/x/text/encoding/unicode"
)

// A YAML syntax error from go.yaml.in/yaml reads "yaml: line N: problem"
// in English. N is not where the mistake is: for an error of the parser
// (not of the scanner) it is the 0-based line where the enclosing block
// began ("24:1: did not find expected key" for a wrong indent at 31:6),
// and no column is given. So syntaxError looks at the source itself: an
// indentation analysis of the block structure finds the line and column
// of the common mistakes (tab in the indentation, a line indented to no
// level, a missing colon or space, an unclosed quote or bracket, invalid
// UTF-8, a control character). A finding is believed only if the lines
// before it parse and the lines up to the one after it do not, so a
// misjudged valid construct never hides the parser's own message, which
// is then reported in German at the line it names.

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxError turns a YAML parser error on src into an Error with the
// position of the mistake, a German message with a hint, and the line.
func syntaxError(name string, src []byte, err error) Error {
	text := sourceText(src)
	lines := strings.Split(text, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	e := Error{File: name}
	if f, ok := diagnose(lines); ok && confirmed(lines, f.pos.Line) {
		e.Pos, e.Msg = f.pos, "YAML-Syntaxfehler: "+f.msg
	} else {
		e.Pos, e.Msg = parserPosition(err.Error(), lines)
	}
	if e.Pos.Line > 0 && e.Pos.Line <= len(lines) {
		e.Source = lines[e.Pos.Line-1]
	}
	return e
}

// sourceText returns src as text: UTF-16 with a byte order mark, which
// the parser reads too, is converted to UTF-8 so lines and columns agree;
// a UTF-8 byte order mark is dropped.
func sourceText(src []byte) string {
	if bytes.HasPrefix(src, []byte{0xfe, 0xff}) || bytes.HasPrefix(src, []byte{0xff, 0xfe}) {
		if b, err := unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM).NewDecoder().Bytes(src); err == nil {
			return string(b)
		}
	}
	return string(bytes.TrimPrefix(src, []byte("\ufeff")))
}

// confirmed reports whether a finding at line is where parsing breaks:
// the lines before it parse, the lines up to the next one do not (a key
// without its colon as the first line of a section breaks only at the
// next key).
func confirmed(lines []string, line int) bool {
	parses := func(n int) bool {
		var doc yaml.Node
		err := yaml.Unmarshal([]byte(strings.Join(lines[:min(n, len(lines))], "\n")), &doc)
		return err == nil
	}
	return parses(line-1) && !parses(line+1)
}

// parserPosition returns the position and German message of a parser
// error the scan did not explain: its line (corrected to 1-based for the
// parser's own problems, which name the start of the enclosing block),
// the caret at the line's first character.
func parserPosition(msg string, lines []string) (Pos, string) {
	problem, line := strings.TrimPrefix(msg, "yaml: "), 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		problem = m[2]
	}
	de, parser := yamlde.Problem(problem)
	if line == 0 {
		return Pos{}, "YAML-Syntaxfehler: " + de
	}
	if parser {
		line++
		de = "im Abschnitt ab dieser Zeile: " + de
	}
	line = min(line, len(lines))
	return Pos{line, firstColumn(lines[line-1])}, "YAML-Syntaxfehler: " + de
}

// firstColumn returns the 1-based column of the first character of line
// that is not a space, 1 for an empty line.
func firstColumn(line string) int {
	return utf8.RuneCountInString(line) - utf8.RuneCountInString(strings.TrimLeft(line, " ")) + 1
}

// excerpt shows line with a caret under column col (1-based, in runes):
// tabs appear as "→" and control characters and invalid bytes as "�", so
// every rune takes one column and nothing reaches the terminal raw; a long
// line is cut to the part around the caret.
func excerpt(lineNo int, line string, col int) string {
	var shown []rune
	for i := 0; i < len(line); {
		r, size := utf8.DecodeRuneInString(line[i:])
		switch {
		case r == '\t':
			r = '→'
		case r == utf8.RuneError && size == 1, r < 0x20, r >= 0x7f && r <= 0x9f:
			r = '\ufffd'
		}
		shown = append(shown, r)
		i += size
	}
	col = max(1, min(col, len(shown)+1))
	const width = 100
	start, end, pre, post := 0, len(shown), "", ""
	if len(shown) > width {
		start = max(0, min(col-1-width/2, len(shown)-width))
		end = min(len(shown), start+width)
		if start > 0 {
			pre = "…"
		}
		if end < len(shown) {
			post = "…"
		}
	}
	num := strconv.Itoa(lineNo)
	pad := strings.Repeat(" ", max(4, len(num))-len(num)+1)
	caret := strings.Repeat(" ", col-1-start+utf8.RuneCountInString(pre))
	return pad + num + " | " + pre + string(shown[start:end]) + post + "\n" +
		strings.Repeat(" ", len(pad)+len(num)) + " | " + caret + "^"
}

// finding is a mistake the scan found.
type finding struct {
	pos Pos
	msg string
}

// diagnose scans the lines for the first mistake it recognises.
func diagnose(lines []string) (finding, bool) {
	if f, ok := encodingMistake(lines); ok {
		return f, true
	}
	s := &blockScan{lines: lines}
	return s.run()
}

// encodingMistake finds the first byte that is not UTF-8 and the first
// character YAML does not allow in a file (C0 and C1 controls other than
// tab, line feed, carriage return and U+0085; U+FFFE, U+FFFF).
func encodingMistake(lines []string) (finding, bool) {
	for n, line := range lines {
		col := 1
		for i := 0; i < len(line); col++ {
			r, size := utf8.DecodeRuneInString(line[i:])
			switch {
			case r == utf8.RuneError && size == 1:
				return finding{Pos{n + 1, col}, fmt.Sprintf("ungültiges UTF-8 (Byte 0x%02X) – die Datei als UTF-8 speichern", line[i])}, true
			case r < 0x20 && r != '\t' && r != '\r', r == 0x7f, r >= 0x80 && r <= 0x9f && r != 0x85, r == 0xfffe, r == 0xffff:
				return finding{Pos{n + 1, col}, fmt.Sprintf("Steuerzeichen U+%04X ist in einer YAML-Datei nicht erlaubt – entfernen", r)}, true
			}
			i += size
		}
	}
	return finding{}, false
}

// level is an open block collection: a mapping (its keys at indent) or a
// sequence (its "- " at indent).
type level struct {
	indent  int
	seq     bool
	line    int    // where its last entry so far stands
	entries int    // how many entries it has so far
	first   *entry // its first entry
}

// entry is what a line in block context starts with. Columns are 0-based
// byte offsets into the line.
type entry struct {
	line   int    // 1-based
	text   string // the whole line
	indent int    // column of the first character
	dash   bool   // a sequence entry "- …"
	key    string // the key of a mapping entry, "" for none
	keyAt  int    // column of the key, or of what follows "- "
	value  string // what follows "key:" or "- ", or the whole text of a line without either
	valAt  int    // column of value
}

// col converts a byte offset of the entry's line into a 1-based column in
// runes.
func (e entry) col(off int) int { return utf8.RuneCountInString(e.text[:min(off, len(e.text))]) + 1 }

// label names an entry for messages: „key:“ or „-“.
func (e entry) label() string {
	if e.key != "" {
		return e.key + ":"
	}
	return "-"
}

// blockScan follows the block structure of a YAML file line by line, as
// far as a project file uses it: mappings, sequences, "- key: value"
// entries, plain, quoted, block and flow values.
type blockScan struct {
	lines  []string
	levels []level
	// prev is the last entry placed in a collection.
	prev *entry
	// open is prev when its value is still to come on the next lines
	// ("key:" or "- " alone): the next deeper line starts a child.
	open bool
	// plain is set when prev ends in a plain value, which deeper lines
	// may continue.
	plain bool
	// firstChild is a line of plain text right below an open key: the
	// key's value, unless a key follows at its indent.
	firstChild *entry
}

// placed says what structure made of a line.
type placed int

const (
	placedEntry placed = iota // an entry of a collection
	placedText                // text continuing a value
)

func (s *blockScan) run() (finding, bool) {
	for i := 0; i < len(s.lines); i++ {
		line := s.lines[i]
		trimmed := strings.TrimLeft(line, " ")
		indent := len(line) - len(trimmed)
		if strings.HasPrefix(trimmed, "\t") {
			// In block context YAML refuses a tab where a line begins,
			// also on a line that is blank or holds only a comment.
			return finding{Pos{i + 1, indent + 1}, "Tabulator in der Einrückung – YAML rückt nur mit Leerzeichen ein; den Tabulator durch Leerzeichen ersetzen"}, true
		}
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		if indent == 0 && (strings.HasPrefix(trimmed, "---") || strings.HasPrefix(trimmed, "...")) {
			s.levels, s.prev, s.open, s.plain, s.firstChild = nil, nil, false, false, nil
			continue
		}
		if strings.ContainsAny(trimmed[:1], "?%@`|>") {
			return finding{}, false // constructs a project file does not use
		}
		e := parseEntry(i+1, line, indent)
		kind, f, ok := s.structure(e)
		if ok {
			return f, true
		}
		skip, f, ok := s.value(i, e, kind)
		if ok {
			return f, true
		}
		i += skip
	}
	return finding{}, false
}

// structure places an entry in the open collections, or reports where
// it does not fit.
func (s *blockScan) structure(e entry) (placed, finding, bool) {
	if strings.HasPrefix(e.key, "-") {
		return 0, finding{Pos{e.line, e.indent + 2}, "fehlendes Leerzeichen – nach dem „-“ eines Listeneintrags muss ein Leerzeichen stehen (Form „- wert“)"}, true
	}
	if fc := s.firstChild; fc != nil {
		s.firstChild = nil
		switch {
		case e.indent == fc.indent && (e.key != "" || e.dash):
			return 0, missingColon(*fc), true
		case e.indent >= fc.indent && e.key == "" && !e.dash:
			s.firstChild = fc // the value goes on
			return placedText, finding{}, false
		}
	}
	if s.open {
		s.open = false
		top, o := s.top(), s.prev
		if e.indent > top.indent || e.indent == top.indent && e.dash && !top.seq && !o.dash {
			if e.key == "" && !e.dash {
				s.firstChild = &e
				return placedText, finding{}, false
			}
			s.push(level{indent: e.indent, seq: e.dash, line: e.line})
			return s.place(e), finding{}, false
		}
	}
	if len(s.levels) == 0 {
		s.push(level{indent: e.indent, seq: e.dash, line: e.line})
		return s.place(e), finding{}, false
	}
	if top := s.top(); e.indent > top.indent {
		switch {
		case s.plain && e.key == "" && !e.dash:
			return placedText, finding{}, false
		case s.prev != nil:
			p := s.prev
			return 0, finding{Pos{e.line, e.indent + 1}, fmt.Sprintf("Einrückung – die Zeile ist tiefer eingerückt (%d Leerzeichen) als „%s“ in Zeile %d (%d Leerzeichen), das schon einen Wert hat; so tief einrücken wie die anderen Schlüssel des Abschnitts", e.indent, p.label(), p.line, p.keyAt)}, true
		}
		return 0, finding{Pos{e.line, e.indent + 1}, fmt.Sprintf("Einrückung – die Zeile ist tiefer eingerückt (%d Leerzeichen) als der Abschnitt ab Zeile %d (%d Leerzeichen)", e.indent, top.line, top.indent)}, true
	}
	var passed []level
	for len(s.levels) > 0 && s.top().indent > e.indent {
		passed = append(passed, s.top())
		s.levels = s.levels[:len(s.levels)-1]
	}
	if len(s.levels) == 0 || s.top().indent != e.indent {
		if n := len(passed); n > 0 && len(s.levels) > 0 && passed[n-1].entries == 1 && passed[n-1].first != nil && passed[n-1].seq == e.dash && s.nextIndent(e.line) == e.indent {
			// The section below the last key had one entry, deeper than
			// this one and the next, which belong to the same section:
			// that first entry is the one out of line.
			f := passed[n-1].first
			return 0, finding{Pos{f.line, f.indent + 1}, fmt.Sprintf("Einrückung – „%s“ ist %d Leerzeichen tief eingerückt, der nächste Eintrag desselben Abschnitts in Zeile %d aber %d; alle Einträge eines Abschnitts gleich tief einrücken", f.label(), f.indent, e.line, e.indent)}, true
		}
		var where []string
		for _, l := range passed {
			where = append(where, fmt.Sprintf("%d (Zeile %d)", l.indent, l.line))
		}
		if len(s.levels) > 0 {
			where = append(where, fmt.Sprintf("%d (Zeile %d)", s.top().indent, s.top().line))
		}
		where[0] = strings.Replace(where[0], " (", " Leerzeichen (", 1)
		return 0, finding{Pos{e.line, e.indent + 1}, fmt.Sprintf("Einrückung – die Zeile ist %d Leerzeichen tief eingerückt; das passt zu keiner Ebene darüber: %s; so tief einrücken wie die Schlüssel, zu denen sie gehört", e.indent, orList(where))}, true
	}
	top := s.top()
	if top.seq && !e.dash && len(s.levels) > 1 && s.levels[len(s.levels)-2].indent == e.indent {
		// a sequence at its key's indent ("key:\n- a") ends with the
		// mapping's next key
		s.levels = s.levels[:len(s.levels)-1]
		top = s.top()
	}
	switch {
	case top.seq && !e.dash && e.key == "":
		return 0, missingColon(e), true
	case top.seq && !e.dash:
		return 0, finding{Pos{e.line, e.indent + 1}, fmt.Sprintf("Einrückung – der Schlüssel „%s:“ steht auf der Ebene der Listeneinträge von Zeile %d; tiefer einrücken oder „- “ davorsetzen", e.key, top.line)}, true
	case !top.seq && e.dash:
		return 0, finding{Pos{e.line, e.indent + 1}, fmt.Sprintf("Einrückung – ein Listeneintrag „- “ steht auf der Ebene der Schlüssel von Zeile %d; tiefer einrücken, unter einen Schlüssel ohne Wert", top.line)}, true
	case !top.seq && e.key == "":
		return 0, missingColon(e), true
	}
	return s.place(e), finding{}, false
}

// place makes e the previous entry; a "- key: value" entry opens the
// mapping its key starts.
func (s *blockScan) place(e entry) placed {
	l := &s.levels[len(s.levels)-1]
	if l.entries++; l.first == nil {
		l.first = &e
	}
	l.line = e.line
	if e.dash && e.key != "" {
		// its first key stands after the dash, whose column is fixed:
		// counted, but never taken for the one out of line
		s.push(level{indent: e.keyAt, line: e.line, entries: 1})
	}
	s.prev = &e
	return placedEntry
}

// keyWithoutSpace is a key whose colon the value follows without a space.
var keyWithoutSpace = regexp.MustCompile(`^([^\s:#]+):\S`)

// missingColon explains a line of plain text where a key belongs.
func missingColon(e entry) finding {
	if m := keyWithoutSpace.FindStringSubmatch(e.value); m != nil {
		return finding{Pos{e.line, e.col(e.valAt + len(m[1]) + 1)}, fmt.Sprintf("fehlendes Leerzeichen – nach „%s:“ muss ein Leerzeichen stehen (Form „schlüssel: wert“)", m[1])}
	}
	word, _, _ := strings.Cut(e.value, " ")
	return finding{Pos{e.line, e.col(e.valAt + len(word))}, fmt.Sprintf("fehlender Doppelpunkt – nach dem Schlüssel „%s“ fehlt „:“ (Form „schlüssel: wert“)", word)}
}

// value follows the value of line i: whether the next lines belong to it
// (block scalar, open quote or bracket) and whether it is plain, so deeper
// lines may continue it. It returns how many lines to skip.
func (s *blockScan) value(i int, e entry, kind placed) (int, finding, bool) {
	v, at := e.value, e.valAt
	if kind == placedEntry {
		s.plain = false
		v = stripProperties(e.value)
		at += len(e.value) - len(v)
	}
	switch {
	case v == "" || v[0] == '#':
		s.open = kind == placedEntry
	case v[0] == '|' || v[0] == '>':
		// a block scalar: its lines are those deeper than the entry
		k := i + 1
		for ; k < len(s.lines); k++ {
			t := strings.TrimLeft(s.lines[k], " ")
			if t != "" && len(s.lines[k])-len(t) <= e.indent {
				break
			}
		}
		return k - i - 1, finding{}, false
	case v[0] == '"' || v[0] == '\'':
		if closed, _ := closeQuote(v); !closed {
			return s.openQuote(i, e, v[0], at)
		}
	case v[0] == '[' || v[0] == '{':
		return s.openFlow(i, e, v, at)
	default:
		s.plain = kind == placedEntry
	}
	return 0, finding{}, false
}

// openQuote follows a quoted value that does not end on its line: it
// may go on over the next lines, but a line that looks like the next key
// of the file before the closing quote means the quote was never closed.
func (s *blockScan) openQuote(i int, e entry, q byte, at int) (int, finding, bool) {
	for k := i + 1; k < len(s.lines); k++ {
		line := s.lines[k]
		t := strings.TrimLeft(line, " ")
		if looksLikeKey(t) && len(line)-len(t) <= e.indent {
			return 0, finding{Pos{e.line, e.col(at)}, fmt.Sprintf("nicht geschlossenes Anführungszeichen – das „%c“ wird vor Zeile %d mit dem nächsten Schlüssel nicht geschlossen; am Ende des Werts ergänzen", q, k+1)}, true
		}
		if closed, _ := closeQuote(string(q) + line); closed {
			return k - i, finding{}, false
		}
	}
	return 0, finding{Pos{e.line, e.col(at)}, fmt.Sprintf("nicht geschlossenes Anführungszeichen – das „%c“ wird bis zum Ende der Datei nicht geschlossen; am Ende des Werts ergänzen", q)}, true
}

// openFlow follows a value in brackets over the lines until its brackets
// close; a line that looks like the next key of the file before that
// means a bracket (or a quote inside) was never closed.
func (s *blockScan) openFlow(i int, e entry, v string, at int) (int, finding, bool) {
	open, close := v[0], byte(']')
	if open == '{' {
		close = '}'
	}
	fs := flowState{}
	fs.scan(v, e.line, at)
	unclosed := func(before string) (int, finding, bool) {
		if fs.quote != 0 {
			qe := parseEntry(fs.quoteLine, s.lines[fs.quoteLine-1], 0)
			return 0, finding{Pos{fs.quoteLine, qe.col(fs.quoteAt)}, fmt.Sprintf("nicht geschlossenes Anführungszeichen – das „%c“ wird %s nicht geschlossen; am Ende des Werts ergänzen", fs.quote, before)}, true
		}
		return 0, finding{Pos{e.line, e.col(at)}, fmt.Sprintf("nicht geschlossene Klammer – zu „%c“ fehlt „%c“ %s", open, close, before)}, true
	}
	if fs.depth <= 0 {
		return 0, finding{}, false
	}
	for k := i + 1; k < len(s.lines); k++ {
		line := s.lines[k]
		t := strings.TrimLeft(line, " ")
		if looksLikeKey(t) && len(line)-len(t) <= e.indent {
			return unclosed(fmt.Sprintf("vor Zeile %d mit dem nächsten Schlüssel", k+1))
		}
		if fs.scan(line, k+1, 0); fs.depth <= 0 {
			return k - i, finding{}, false
		}
	}
	return unclosed("bis zum Ende der Datei")
}

// flowState counts the brackets of a flow collection over its lines,
// outside quotes and comments.
type flowState struct {
	depth     int
	quote     byte // '"' or '\'' inside a quoted scalar, else 0
	quoteLine int  // where the open quote stands
	quoteAt   int
}

// scan goes on with s, line n of the file, whose text starts at byte
// offset off of that line.
func (f *flowState) scan(s string, n, off int) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case f.quote == '"' && c == '\\':
			i++
		case f.quote != 0 && c == f.quote:
			if f.quote == '\'' && i+1 < len(s) && s[i+1] == '\'' {
				i++
				continue
			}
			f.quote = 0
		case f.quote != 0:
		case c == '"' || c == '\'':
			f.quote, f.quoteLine, f.quoteAt = c, n, off+i
		case c == '[' || c == '{':
			f.depth++
		case c == ']' || c == '}':
			if f.depth--; f.depth == 0 {
				return
			}
		case c == '#' && (i == 0 || s[i-1] == ' '):
			return
		}
	}
}

// closeQuote reports whether the quoted text s starts with ends in s, and
// the offset of the closing quote.
func closeQuote(s string) (bool, int) {
	q := s[0]
	for i := 1; i < len(s); i++ {
		switch {
		case q == '"' && s[i] == '\\':
			i++
		case s[i] == q:
			if q == '\'' && i+1 < len(s) && s[i+1] == '\'' {
				i++
				continue
			}
			return true, i
		}
	}
	return false, 0
}

// keyLike matches a line (without its indent) that starts a mapping or
// sequence entry.
var keyLike = regexp.MustCompile(`^(?:- |-$|[^\s"'#\[\]{},:-][^:#]*:(?:\s|$)|"[^"]*":(?:\s|$)|'[^']*':(?:\s|$))`)

func looksLikeKey(t string) bool { return keyLike.MatchString(t) }

// parseEntry reads the entry of line n whose first character stands at
// indent.
func parseEntry(n int, line string, indent int) entry {
	e := entry{line: n, text: line, indent: indent, keyAt: indent}
	rest, at := line[indent:], indent
	if rest == "-" || strings.HasPrefix(rest, "- ") {
		e.dash = true
		t := strings.TrimLeft(rest[1:], " ")
		at += len(rest) - len(t)
		rest, e.keyAt = t, at
	}
	if k, colon, ok := splitKey(rest); ok {
		e.key = k
		t := strings.TrimLeft(rest[colon+1:], " ")
		e.valAt, e.value = at+len(rest)-len(t), strings.TrimRight(t, " ")
		return e
	}
	e.valAt, e.value = at, strings.TrimRight(rest, " ")
	return e
}

// splitKey finds a simple key at the start of s: a plain or quoted scalar
// followed by ":" and a space or the end of the line. It returns the key
// and the offset of the colon.
func splitKey(s string) (string, int, bool) {
	if s == "" {
		return "", 0, false
	}
	switch s[0] {
	case '"', '\'':
		closed, end := closeQuote(s)
		if !closed || end+1 >= len(s) || s[end+1] != ':' || end+2 < len(s) && s[end+2] != ' ' && s[end+2] != '\t' {
			return "", 0, false
		}
		return s[1:end], end + 1, true
	case '[', '{', '#', '&', '*', '!', '|', '>', '%', '@', '`', ',':
		return "", 0, false
	}
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == ':' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\t'):
			return s[:i], i, true
		case s[i] == '#' && i > 0 && s[i-1] == ' ':
			return "", 0, false
		}
	}
	return "", 0, false
}

// stripProperties drops the anchors and tags before a value.
func stripProperties(v string) string {
	for len(v) > 0 && (v[0] == '&' || v[0] == '!') {
		_, rest, ok := strings.Cut(v, " ")
		if !ok {
			return ""
		}
		v = strings.TrimLeft(rest, " ")
	}
	return v
}

// nextIndent returns the indent of the first line after line n (1-based)
// that holds more than a comment, -1 if there is none.
func (s *blockScan) nextIndent(n int) int {
	for _, l := range s.lines[n:] {
		t := strings.TrimLeft(l, " ")
		if t != "" && !strings.HasPrefix(t, "#") {
			return len(l) - len(t)
		}
	}
	return -1
}

func (s *blockScan) top() level   { return s.levels[len(s.levels)-1] }
func (s *blockScan) push(l level) { s.levels = append(s.levels, l) }

// orList joins "a", "a oder b", "a, b oder c".
func orList(xs []string) string {
	if len(xs) <= 1 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " oder " + xs[len(xs)-1]
}
