// Package docxtest checks DOCX packages for tests: the order of the child
// elements of WordprocessingML against a table transcribed from the
// ECMA-376 schema (testdata/ooxml-reihenfolge.txt of package docx).
// Microsoft Word rejects a package whose children are out of schema order
// ("unreadable content") where LibreOffice accepts it, so the tests of
// package docx and the fixture tests of package generator run this check.
// Only tests import this package.
package docxtest

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// NS is the WordprocessingML main namespace; only its elements are checked.
const NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

// Unchecked lists the w: parents whose children are deliberately not
// checked, each with the reason. It is empty: every parent we emit has an
// entry in the order file. A parent with w: children that is neither
// listed there nor here fails the check, so coverage cannot shrink
// silently when the writer starts to emit a new parent.
var Unchecked = map[string]string{}

// Order is the parsed order file: for each parent (its local name, or
// "parent/child" for a child type that depends on its parent) the slots
// of its content model.
type Order struct {
	rules map[string]*rule
}

// rule is the content model of one parent: a sequence of slots. A slot is
// one element, or a choice ({…}) of several; a choice marked "*" has
// maxOccurs="unbounded" and so takes any number of its members in any
// order, an unmarked choice takes one.
type rule struct {
	key, typ string
	slots    []slot
	pos      map[string][]int // child name → its slots, ascending
}

type slot struct {
	names []string
	many  bool // a single element (repeatable or not) or a choice with "*"
}

// LoadOrder reads an order file (see testdata/ooxml-reihenfolge.txt).
func LoadOrder(path string) (*Order, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return ParseOrder(src)
}

// ParseOrder parses an order file. A line "key Type: slot slot …" gives a
// parent's content model; a line starting with white space continues the
// previous one; "#" starts a comment. A slot is an element name, "{a b c}"
// (xsd:choice, one of) or "{a b c}*" (xsd:choice maxOccurs="unbounded",
// any number in any order).
func ParseOrder(src []byte) (*Order, error) {
	type entry struct {
		line int
		text string
	}
	var entries []entry
	sc := bufio.NewScanner(bytes.NewReader(src))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(line) == "" {
			continue
		}
		if line[0] == ' ' || line[0] == '\t' {
			if len(entries) == 0 {
				return nil, fmt.Errorf("Zeile %d: Fortsetzung ohne Eintrag", n)
			}
			entries[len(entries)-1].text += " " + line
			continue
		}
		entries = append(entries, entry{n, line})
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	o := &Order{rules: map[string]*rule{}}
	for _, e := range entries {
		r, err := parseRule(e.text)
		if err != nil {
			return nil, fmt.Errorf("Zeile %d: %w", e.line, err)
		}
		if _, dup := o.rules[r.key]; dup {
			return nil, fmt.Errorf("Zeile %d: %s doppelt", e.line, r.key)
		}
		o.rules[r.key] = r
	}
	return o, nil
}

func parseRule(text string) (*rule, error) {
	head, body, ok := strings.Cut(text, ":")
	f := strings.Fields(head)
	if !ok || len(f) != 2 {
		return nil, fmt.Errorf("erwartet \"Eltern Typ: Kinder …\", nicht %q", text)
	}
	r := &rule{key: f[0], typ: f[1], pos: map[string][]int{}}
	toks := strings.Fields(strings.NewReplacer("{", " { ", "}*", " }* ", "}", " } ").Replace(body))
	for i := 0; i < len(toks); i++ {
		s := slot{many: true}
		if toks[i] == "{" {
			for i++; i < len(toks) && toks[i] != "}" && toks[i] != "}*"; i++ {
				s.names = append(s.names, toks[i])
			}
			if i == len(toks) || len(s.names) == 0 {
				return nil, fmt.Errorf("%s: Auswahl {…} nicht geschlossen oder leer", r.key)
			}
			s.many = toks[i] == "}*"
		} else if strings.ContainsAny(toks[i], "{}*") {
			return nil, fmt.Errorf("%s: unerwartet %q", r.key, toks[i])
		} else {
			s.names = []string{toks[i]}
		}
		for _, n := range s.names {
			r.pos[n] = append(r.pos[n], len(r.slots))
		}
		r.slots = append(r.slots, s)
	}
	if len(r.slots) == 0 {
		return nil, fmt.Errorf("%s: keine Kinder", r.key)
	}
	return r, nil
}

// Keys returns the parents of the order file, sorted.
func (o *Order) Keys() []string {
	keys := make([]string, 0, len(o.rules))
	for k := range o.rules {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// lookup finds the rule of element name inside parent: "parent/name"
// first, then "name".
func (o *Order) lookup(parent, name string) *rule {
	if r := o.rules[parent+"/"+name]; r != nil {
		return r
	}
	return o.rules[name]
}

// Result collects the findings of the checks of one or more packages.
type Result struct {
	Problems []string        // "part: path: message", in document order
	Used     map[string]bool // rule keys that matched at least one element
}

// maxReport is how many problems Report shows per package.
const maxReport = 20

// Report fails t with the first problems of the package called name.
func (r *Result) Report(t testing.TB, name string) {
	t.Helper()
	for i, p := range r.Problems {
		if i == maxReport {
			t.Errorf("%s: … und %d weitere Verstöße gegen die Schema-Reihenfolge", name, len(r.Problems)-i)
			return
		}
		t.Errorf("%s: %s", name, p)
	}
}

// CheckPackage checks every *.xml part of a DOCX package, see CheckPart.
func (o *Order) CheckPackage(docx []byte) (*Result, error) {
	res := &Result{Used: map[string]bool{}}
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		return nil, err
	}
	n := 0
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xml") {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Name, err)
		}
		if err := o.CheckPart(res, f.Name, data); err != nil {
			return nil, err
		}
		n++
	}
	if n == 0 {
		return nil, errors.New("Paket ohne XML-Teile")
	}
	return res, nil
}

// frame is an open element during the walk.
type frame struct {
	name, path string
	rule       *rule
	w          bool           // in the w: namespace
	counts     map[string]int // w: children so far, by name
	children   int            // w: children so far
	cur        int            // slot of the last child
	last       string         // name of the last child
}

// CheckPart walks one XML part. For every w: element whose children have a
// rule, each w: child must be listed in it and the children must not go
// back to an earlier slot; a choice without "*" takes at most one child.
// A w: element with w: children and neither a rule nor an entry in
// Unchecked is reported too.
func (o *Order) CheckPart(res *Result, part string, data []byte) error {
	if res.Used == nil {
		res.Used = map[string]bool{}
	}
	report := func(path, format string, args ...any) {
		res.Problems = append(res.Problems, part+": "+path+": "+fmt.Sprintf(format, args...))
	}
	dec := xml.NewDecoder(bytes.NewReader(data))
	var stack []*frame
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", part, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			f := &frame{name: tok.Name.Local, w: tok.Name.Space == NS, counts: map[string]int{}, cur: -1}
			var parent *frame
			if len(stack) > 0 {
				parent = stack[len(stack)-1]
			}
			f.path = f.name // the root and its children; the root is left out of paths
			if len(stack) > 1 {
				f.path = parent.path + "/" + f.name
			}
			if f.w {
				pname := ""
				if parent != nil && parent.w {
					pname = parent.name
				}
				f.rule = o.lookup(pname, f.name)
				if f.rule != nil {
					res.Used[f.rule.key] = true
				}
			}
			if parent != nil && parent.w && f.w {
				parent.counts[f.name]++
				if n := parent.counts[f.name]; n > 1 {
					f.path += "[" + strconv.Itoa(n) + "]"
				}
				parent.children++
				if parent.children == 1 && parent.rule == nil {
					if _, ok := Unchecked[parent.name]; !ok {
						report(parent.path, "w:%s hat Kindelemente (zuerst w:%s), aber keinen Eintrag in der Reihenfolge-Tabelle", parent.name, f.name)
					}
				}
				if parent.rule != nil {
					place(parent, f.name, func(format string, args ...any) {
						report(parent.path, format, args...)
					})
				}
			}
			stack = append(stack, f)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

// place puts child name into the next slot of parent that can take it.
func place(parent *frame, name string, report func(string, ...any)) {
	r := parent.rule
	slots, ok := r.pos[name]
	if !ok {
		report("w:%s ist in %s (%s) nicht erlaubt", name, r.key, r.typ)
		return
	}
	for _, s := range slots {
		if s < parent.cur {
			continue
		}
		if s == parent.cur && !r.slots[s].many && parent.last != name {
			report("%q nach %q: %s (%s) erlaubt nur eines aus {%s}", name, parent.last, r.key, r.typ, strings.Join(r.slots[s].names, " "))
			parent.last = name
			return
		}
		parent.cur, parent.last = s, name
		return
	}
	report("%q nach %q: %s (%s) verlangt %q vor %q", name, parent.last, r.key, r.typ, name, parent.last)
	parent.last = name
}
