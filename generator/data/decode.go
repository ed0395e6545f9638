package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"iter"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/vereinbar/vereinbar/generator/refdata"
	"go.yaml.in/yaml/v3"
)

// Limits that protect the decoder against hostile input.
const (
	// DefaultMaxBytes is the largest project file accepted (1 MiB); real
	// project files are a few kilobytes.
	DefaultMaxBytes = 1 << 20
	// maxNodes bounds the number of YAML nodes visited, aliases included, so
	// an alias bomb ("billion laughs") is refused instead of expanded.
	maxNodes = 100_000
	// maxErrors caps the report of a hopelessly broken file.
	maxErrors = 100
	// maxDepth bounds the nesting of the YAML document.
	maxDepth = 100
	// tooDeep is expandedSize's answer for a document nested deeper.
	tooDeep = -1
)

// File is a decoded project file with the positions of its values.
type File struct {
	Name    string  // file name as given
	Projekt Projekt // decoded data (partial when decoding failed)

	pos    map[string]Pos  // data path -> position of its value
	texts  []textValue     // every text value, in the order decoded
	failed map[string]bool // data paths whose value could not be decoded
	fatal  bool            // nothing usable was decoded (syntax error, empty, refused)
}

// Pos returns the position of the value at a data path, falling back to
// the nearest enclosing path that has one.
func (f *File) Pos(path string) Pos {
	for {
		if p, ok := f.pos[path]; ok {
			return p
		}
		if path == "" {
			return Pos{}
		}
		path = parentPath(path)
	}
}

// textValue is a decoded text with its data path.
type textValue struct {
	path, value string
}

// Texts returns every text value of the file with its data path, in
// file order.
func (f *File) Texts() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		for _, t := range f.texts {
			if !yield(t.path, t.value) {
				return
			}
		}
	}
}

// FindRune returns the data path and position of the first text value
// (in file order) that contains r, so an error found later — a character
// the PDF font lacks — can name where in the file it came from.
func (f *File) FindRune(r rune) (path string, pos Pos, ok bool) {
	for _, t := range f.texts {
		if strings.ContainsRune(t.value, r) {
			return t.path, f.Pos(t.path), true
		}
	}
	return "", Pos{}, false
}

// FindText returns the data path and position of the text value that
// makes up most of one of texts: the longest value (the first in file
// order among equally long ones) that occurs in one of them, white space
// compared loosely, and that is at least half as long as that text, so a
// text that is mostly template wording names no value. An error found
// later — a table row too tall for a PDF page — can so name where in the
// file its text came from.
func (f *File) FindText(texts ...string) (path string, pos Pos, ok bool) {
	best := 0
	for _, s := range texts {
		s = squeezeSpace(s)
		n := utf8.RuneCountInString(s)
		for _, t := range f.texts {
			v := squeezeSpace(t.value)
			m := utf8.RuneCountInString(v)
			if m > best && 2*m >= n && strings.Contains(s, v) {
				best, path, ok = m, t.path, true
			}
		}
	}
	if ok {
		pos = f.Pos(path)
	}
	return path, pos, ok
}

// squeezeSpace replaces every run of white space by one space and trims
// the ends.
func squeezeSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// failedUnder reports whether any path at or below prefix failed to decode.
func (f *File) failedUnder(prefix string) bool {
	for p := range f.failed {
		if p == prefix || strings.HasPrefix(p, prefix+".") || strings.HasPrefix(p, prefix+"[") {
			return true
		}
	}
	return false
}

func parentPath(path string) string {
	i := strings.LastIndexAny(path, ".[")
	if i < 0 {
		return ""
	}
	return path[:i]
}

// Parse decodes a project file strictly: unknown keys (with a suggestion),
// wrong types, missing required fields, bad enum values, duplicate keys and
// unfilled placeholders are all reported, in file order. Semantic rules are
// checked by Validate. The returned File is never nil.
func Parse(name string, src []byte) (*File, Errors) {
	f := &File{Name: name, pos: map[string]Pos{}, failed: map[string]bool{}}
	if len(src) > DefaultMaxBytes {
		f.fatal = true
		return f, Errors{{File: name, Msg: fmt.Sprintf("%v: %d Bytes, höchstens %d Bytes erlaubt", ErrTooLarge, len(src), DefaultMaxBytes), Err: ErrTooLarge}}
	}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&root); err != nil {
		f.fatal = true
		if errors.Is(err, io.EOF) {
			return f, Errors{{File: name, Msg: "die Datei ist leer"}}
		}
		return f, Errors{syntaxError(name, src, err)}
	}
	f.fatal = true // until the document is decoded
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		at := &extra
		if len(extra.Content) > 0 {
			at = extra.Content[0]
		}
		return f, Errors{{File: name, Pos: Pos{at.Line, at.Column}, Msg: "mehr als ein YAML-Dokument; eine Projektdatei enthält genau eines"}}
	} else if !errors.Is(err, io.EOF) {
		return f, Errors{syntaxError(name, src, err)}
	}
	switch n := expandedSize(&root, map[*yaml.Node]int{}, 0); {
	case n == tooDeep:
		f.fatal = true
		return f, Errors{{File: name, Msg: fmt.Sprintf("Datei abgelehnt: mehr als %d Ebenen verschachtelt", maxDepth), Err: ErrHostile}}
	case n > maxNodes:
		f.fatal = true
		return f, Errors{{File: name, Msg: fmt.Sprintf("Datei abgelehnt: aufgelöst ergäben die YAML-Aliase mehr als %d Knoten (Alias-Bombe?)", maxNodes), Err: ErrHostile}}
	}
	f.fatal = false
	d := &decoder{file: f, budget: maxNodes}
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	if isNull(doc) {
		f.fatal = true
		return f, Errors{{File: name, Msg: "die Datei enthält keine Daten"}}
	}
	d.decode(doc, reflect.ValueOf(&f.Projekt).Elem(), "", fieldInfo{})
	sortErrors(d.errs)
	return f, d.errs
}

// capErrors sorts the errors and cuts a hopelessly long report after
// maxErrors entries with a final line saying how many were left out.
func capErrors(es Errors) Errors {
	sortErrors(es)
	if len(es) <= maxErrors {
		return es
	}
	rest := len(es) - maxErrors
	return append(es[:maxErrors:maxErrors], Error{File: es[0].File, Pos: es[maxErrors].Pos, Msg: fmt.Sprintf("… und %d weitere Fehler; Ausgabe abgebrochen", rest)})
}

// expandedSize counts the nodes of the tree with every alias replaced by
// its target, stopping early once the count exceeds maxNodes. Sizes of
// anchored nodes are memoised, so the walk is linear in the file.
func expandedSize(n *yaml.Node, memo map[*yaml.Node]int, depth int) int {
	if n == nil {
		return 0
	}
	if v, ok := memo[n]; ok {
		return v
	}
	if depth > maxDepth {
		return tooDeep
	}
	size := 1
	if n.Kind == yaml.AliasNode {
		size = expandedSize(n.Alias, memo, depth+1)
	}
	for _, c := range n.Content {
		if size == tooDeep {
			break
		}
		cs := expandedSize(c, memo, depth+1)
		if cs == tooDeep {
			size = tooDeep
			break
		}
		size += cs
		if size > maxNodes {
			break
		}
	}
	memo[n] = size
	return size
}

// decoder walks YAML nodes along Go types and collects every error.
type decoder struct {
	file      *File
	errs      Errors
	budget    int
	exhausted bool
}

// nodeDecoder is implemented by types that decode themselves (amounts,
// dates, value maps).
type nodeDecoder interface {
	decodeNode(d *decoder, n *yaml.Node, path string)
}

func (d *decoder) errorf(n *yaml.Node, path, format string, args ...any) {
	d.file.failed[path] = true
	d.errs = append(d.errs, Error{File: d.file.Name, Pos: Pos{n.Line, n.Column}, Path: path, Msg: fmt.Sprintf(format, args...)})
}

// resolve follows aliases, charging the node budget.
func (d *decoder) resolve(n *yaml.Node, path string) *yaml.Node {
	for hops := 0; n.Kind == yaml.AliasNode; hops++ {
		if n.Alias == nil || hops > 100 {
			d.errorf(n, path, "ungültiger Alias")
			return nil
		}
		n = n.Alias
	}
	if d.budget--; d.budget < 0 {
		if !d.exhausted {
			d.exhausted = true
			d.errorf(n, path, "zu viele YAML-Knoten (mehr als %d, z. B. durch verschachtelte Aliase); Datei abgelehnt", maxNodes)
		}
		return nil
	}
	if !d.standardTag(n, path) {
		return nil
	}
	return n
}

// standardTag reports whether n carries one of the tags of YAML's core
// schema, explicitly or as the parser resolved it, and reports it
// otherwise: a !!binary value would be taken as its base64 text, a
// custom tag (!foo, !!python/object, !!set) means something the project
// file cannot hold.
func (d *decoder) standardTag(n *yaml.Node, path string) bool {
	switch n.Tag {
	case "!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp", "!!map", "!!seq":
		return true
	}
	d.errorf(n, path, "YAML-Tag „%s“ wird nicht unterstützt; erlaubt sind nur !!str, !!int, !!float, !!bool, !!null, !!timestamp, !!map und !!seq – Tag entfernen", n.Tag)
	return false
}

func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string, fi fieldInfo) {
	if n = d.resolve(n, path); n == nil {
		return
	}
	d.file.pos[path] = Pos{n.Line, n.Column}
	if n.Kind == yaml.ScalarNode && strings.HasPrefix(strings.TrimSpace(n.Value), "TODO") {
		d.errorf(n, path, "Platzhalter noch nicht ausgefüllt: „%s“", n.Value)
		return
	}
	if v.Kind() == reflect.Pointer {
		if isNull(n) {
			return
		}
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		v = v.Elem()
	}
	if nd, ok := v.Addr().Interface().(nodeDecoder); ok {
		if isNull(n) {
			d.errorf(n, path, "Wert fehlt")
			return
		}
		nd.decodeNode(d, n, path)
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	case reflect.Slice:
		d.decodeSlice(n, v, path, fi)
	case reflect.String:
		if s, ok := d.scalar(n, path, "Text"); ok {
			d.checkString(n, path, s, fi)
			v.SetString(s)
			d.file.texts = append(d.file.texts, textValue{path, s})
		}
	case reflect.Int:
		if i, ok := d.integer(n, path); ok {
			d.checkInt(n, path, i, fi)
			v.SetInt(i)
		}
	case reflect.Bool:
		if b, ok := d.boolean(n, path); ok {
			v.SetBool(b)
		}
	default:
		// Unreachable for the types in types.go; a test decodes every type.
		d.errorf(n, path, "interner Fehler: Typ %s nicht unterstützt", v.Type())
	}
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "erwartet einen Abschnitt mit Schlüsseln, gefunden %s", describe(n))
		return
	}
	fields := structFields(v.Type())
	seen := map[string]*yaml.Node{}
	suggested := map[string]bool{} // required keys an unknown key was taken for
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, path, "Schlüssel muss ein einfacher Text sein")
			continue
		}
		key := k.Value
		kp := joinPath(path, key)
		if key == "<<" {
			d.errorf(k, path, "Merge-Schlüssel „<<“ wird nicht unterstützt; bitte Werte ausschreiben")
			continue
		}
		if !d.standardTag(k, path) {
			continue
		}
		if first, dup := seen[key]; dup {
			d.errorf(k, kp, "Schlüssel „%s“ ist doppelt (zuerst in Zeile %d)", key, first.Line)
			continue
		}
		seen[key] = k
		fi, ok := fields.byName[key]
		if !ok {
			msg := fmt.Sprintf("unbekannter Schlüssel „%s“", key)
			if s := refdata.Suggest(key, fields.names); s != "" {
				msg += fmt.Sprintf(" – meinten Sie „%s“?", s)
				suggested[s] = true
			} else {
				msg += fmt.Sprintf(" (erlaubt: %s)", strings.Join(fields.names, ", "))
			}
			d.errs = append(d.errs, Error{File: d.file.Name, Pos: Pos{k.Line, k.Column}, Path: kp, Msg: msg})
			d.file.failed[kp] = true
			continue
		}
		if fi.required && isNull(val) {
			d.errorf(val, kp, "Pflichtfeld „%s“ ist leer", key)
			continue
		}
		d.decode(val, v.Field(fi.index), kp, fi)
	}
	for _, name := range fields.names {
		fi := fields.byName[name]
		if _, ok := seen[name]; ok || !fi.required {
			continue
		}
		if suggested[name] {
			// The misspelt key already explains the absence.
			d.file.failed[joinPath(path, name)] = true
			continue
		}
		{
			where := "auf oberster Ebene"
			if path != "" {
				where = "in „" + path + "“"
			}
			d.errorf(n, joinPath(path, name), "Pflichtfeld „%s“ fehlt %s", name, where)
		}
	}
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, path string, fi fieldInfo) {
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, path, "erwartet eine Liste, gefunden %s", describe(n))
		return
	}
	if len(n.Content) < fi.minItems {
		d.errorf(n, path, "mindestens %d Einträge nötig, gefunden %d", fi.minItems, len(n.Content))
	}
	s := reflect.MakeSlice(v.Type(), len(n.Content), len(n.Content))
	for i, item := range n.Content {
		d.decode(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i), fieldInfo{})
	}
	v.Set(s)
}

// scalar returns the literal text of a scalar node. Numbers, booleans and
// dates are accepted as text too (their literal), so `version: 1.0` keeps
// its spelling.
func (d *decoder) scalar(n *yaml.Node, path, want string) (string, bool) {
	if n.Kind != yaml.ScalarNode || isNull(n) {
		d.errorf(n, path, "erwartet %s, gefunden %s", want, describe(n))
		return "", false
	}
	if r, i, bad := forbiddenRune(n.Value); bad != "" {
		d.errorf(n, path, "%s U+%04X an Stelle %d ist in Dokumenttexten nicht erlaubt", bad, r, i+1)
		return "", false
	}
	return n.Value, true
}

// forbiddenRune finds the first character a document text must not hold:
// control characters other than tab and line feed (they are invalid in
// XML or invisible), the non-characters U+FFFE/U+FFFF, and the bidi
// embedding, override and isolate controls, which would make the DOCX and
// the PDF show different text. It returns the rune, its position in runes
// and a German description, or "" when the text is fine.
func forbiddenRune(s string) (rune, int, string) {
	i := 0
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n':
		case r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f:
			return r, i, "Steuerzeichen"
		case r == 0xfffe || r == 0xffff || r == 0xfffd:
			return r, i, "Ungültiges Zeichen"
		case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0x200e || r == 0x200f:
			return r, i, "Steuerzeichen für die Schreibrichtung"
		case r == 0x2060 || r == 0xfeff:
			return r, i, "Unsichtbares Formatzeichen"
		}
		i++
	}
	return 0, 0, ""
}

func (d *decoder) integer(n *yaml.Node, path string) (int64, bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		d.errorf(n, path, "erwartet eine ganze Zahl, gefunden %s", describe(n))
		return 0, false
	}
	i, err := strconv.ParseInt(n.Value, 10, 64)
	if err != nil {
		d.errorf(n, path, "erwartet eine ganze Zahl in Dezimalschreibweise, gefunden „%s“", n.Value)
		return 0, false
	}
	return i, true
}

func (d *decoder) boolean(n *yaml.Node, path string) (bool, bool) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!bool" {
		switch strings.ToLower(n.Value) {
		case "true":
			return true, true
		case "false":
			return false, true
		}
	}
	d.errorf(n, path, "erwartet true oder false, gefunden %s", describe(n))
	return false, false
}

func (d *decoder) checkString(n *yaml.Node, path, s string, fi fieldInfo) {
	switch {
	case len(fi.enum) > 0 && !contains(fi.enum, s):
		msg := fmt.Sprintf("ungültiger Wert „%s“ (erlaubt: %s)", s, strings.Join(fi.enum, ", "))
		if sug := refdata.Suggest(s, fi.enum); sug != "" {
			msg = fmt.Sprintf("ungültiger Wert „%s“ – meinten Sie „%s“? (erlaubt: %s)", s, sug, strings.Join(fi.enum, ", "))
		}
		d.errorf(n, path, "%s", msg)
	case fi.minLength > 0 && strings.TrimSpace(s) == "":
		d.errorf(n, path, "darf nicht leer sein")
	case fi.maxLength > 0 && len([]rune(s)) > fi.maxLength:
		d.errorf(n, path, "höchstens %d Zeichen, gefunden %d", fi.maxLength, len([]rune(s)))
	case fi.pattern != nil && !fi.pattern.MatchString(s):
		d.errorf(n, path, "„%s“ hat nicht die Form %s", s, fi.patternHint)
	}
}

func (d *decoder) checkInt(n *yaml.Node, path string, i int64, fi fieldInfo) {
	if fi.min != nil && i < *fi.min || fi.max != nil && i > *fi.max {
		d.errorf(n, path, "%d liegt außerhalb des erlaubten Bereichs %s", i, fi.rangeText())
	}
}

// describe names a node's kind for messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "einen Abschnitt mit Schlüsseln"
	case yaml.SequenceNode:
		return "eine Liste"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return "keinen Wert"
		case "!!int", "!!float":
			return "die Zahl " + n.Value
		case "!!bool":
			return "den Wahrheitswert " + n.Value
		}
		return "den Text „" + n.Value + "“"
	}
	return "einen ungültigen Knoten"
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
