package editor

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Edit is one change the form makes to the project file.
type Edit struct {
	// Op is "setzen" (set a single value; missing parents are created),
	// "hinzufuegen" (append a list item or create an optional object from
	// the schema's skeleton; for values per Land, Wert names the Land),
	// "entfernen" (remove a list item or key) or "verschieben" (move a list
	// item to position Nach).
	Op string `json:"op"`
	// Pfad is the data path in the CLI's notation, e.g. "parteien[2].land".
	Pfad string `json:"pfad"`
	// Wert is the value as typed (setzen) or the key to add (hinzufuegen
	// on values per Land).
	Wert string `json:"wert,omitempty"`
	// Nach is the target position of verschieben, counted from 0.
	Nach int `json:"nach,omitempty"`
}

// Operations of Edit.
const (
	OpSetzen      = "setzen"
	OpHinzufuegen = "hinzufuegen"
	OpEntfernen   = "entfernen"
	OpVerschieben = "verschieben"
)

// maxEdits bounds the edits of one request.
const maxEdits = 200

// Apply applies the edits in order to the YAML text src and returns the
// new text. Comments, key order and the formatting of the parts no edit
// touches are kept (see preserve). A value keeps the type it was typed
// as: a German amount "480.000,00" stays a text, which the validation
// then refuses with its usual message. Any edit that does not fit the
// file or the schema is an error; src is never changed in place.
func Apply(src []byte, edits []Edit) ([]byte, error) {
	if len(edits) == 0 {
		return src, nil
	}
	if len(edits) > maxEdits {
		return nil, fmt.Errorf("zu viele Änderungen auf einmal (%d, höchstens %d)", len(edits), maxEdits)
	}
	r, err := root()
	if err != nil {
		return nil, err
	}
	doc, err := parseDoc(src)
	if err != nil {
		return nil, err
	}
	indent := detectIndent(src)
	before, err := encode(doc, indent)
	if err != nil {
		return nil, err
	}
	for i, e := range edits {
		if err := apply(doc.Content[0], r, e); err != nil {
			return nil, fmt.Errorf("Änderung %d (%s „%s“): %w", i+1, e.Op, e.Pfad, err)
		}
	}
	after, err := encode(doc, indent)
	if err != nil {
		return nil, err
	}
	if after == before {
		return src, nil
	}
	return preserve(src, before, after, indent), nil
}

// parseDoc reads a single YAML document whose root is a mapping; an empty
// text is an empty mapping.
func parseDoc(src []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	err := dec.Decode(&doc)
	if errors.Is(err, io.EOF) {
		return &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{{Kind: yaml.MappingNode, Tag: "!!map"}}}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("die Datei ist kein lesbares YAML (%v); bitte im Reiter „YAML“ korrigieren", err)
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("die Datei enthält mehr als ein YAML-Dokument; bitte im Reiter „YAML“ bearbeiten")
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("die Datei ist keine Zuordnung von Schlüsseln (vorhaben:, leistung: …); bitte im Reiter „YAML“ bearbeiten")
	}
	return &doc, nil
}

func encode(doc *yaml.Node, indent int) (string, error) {
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(indent)
	if err := enc.Encode(doc); err != nil {
		return "", fmt.Errorf("YAML schreiben: %w", err)
	}
	if err := enc.Close(); err != nil {
		return "", fmt.Errorf("YAML schreiben: %w", err)
	}
	return b.String(), nil
}

// detectIndent returns the indentation of the first indented line that is
// no comment (2 if there is none, at most 8).
func detectIndent(src []byte) int {
	for _, l := range strings.Split(string(src), "\n") {
		t := strings.TrimLeft(l, " ")
		n := len(l) - len(t)
		if n == 0 || t == "" || t[0] == '#' {
			continue
		}
		if n < 2 || n > 8 {
			return 2
		}
		return n
	}
	return 2
}

func apply(top *yaml.Node, r *node, e Edit) error {
	segs, err := parsePath(e.Pfad)
	if err != nil {
		return err
	}
	sch, err := schemaPath(r, segs)
	if err != nil {
		return err
	}
	last := segs[len(segs)-1]
	target := sch[len(sch)-1]
	parentSch := r
	if len(sch) > 1 {
		parentSch = sch[len(sch)-2]
	}
	switch e.Op {
	case OpSetzen:
		if target.kind != kString && target.kind != kInteger && target.kind != kBool {
			return fmt.Errorf("„%s“ ist kein einzelner Wert", e.Pfad)
		}
		if e.Wert == "" && !last.isIdx && !isRequired(parentSch, last.key) {
			parent, err := walk(top, segs[:len(segs)-1], sch, false)
			if err != nil || parent == nil {
				return nil // nothing to remove
			}
			deleteKey(parent, last.key)
			return nil
		}
		parent, err := walk(top, segs[:len(segs)-1], sch, true)
		if err != nil {
			return err
		}
		n, err := slot(parent, last, parentSch, true)
		if err != nil {
			return err
		}
		if n.Kind != yaml.ScalarNode {
			return fmt.Errorf("„%s“ enthält keinen einzelnen Wert, sondern %s", e.Pfad, describe(n))
		}
		setScalar(n, target, e.Wert)
		return nil
	case OpHinzufuegen:
		parent, err := walk(top, segs[:len(segs)-1], sch, true)
		if err != nil {
			return err
		}
		switch target.kind {
		case kList:
			n, err := slot(parent, last, parentSch, true)
			if err != nil {
				return err
			}
			if isNull(n) {
				*n = yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", HeadComment: n.HeadComment, LineComment: n.LineComment, FootComment: n.FootComment}
			}
			if n.Kind != yaml.SequenceNode {
				return fmt.Errorf("„%s“ ist keine Liste, sondern %s", e.Pfad, describe(n))
			}
			if len(n.Content) >= maxIndex {
				return fmt.Errorf("„%s“ hat zu viele Einträge", e.Pfad)
			}
			n.Content = append(n.Content, skeleton(target.items))
			return nil
		case kObject:
			if n, _ := slot(parent, last, parentSch, false); n != nil && !isNull(n) {
				return fmt.Errorf("„%s“ ist schon vorhanden", e.Pfad)
			}
			n, err := slot(parent, last, parentSch, true)
			if err != nil {
				return err
			}
			sk := skeleton(target)
			sk.HeadComment, sk.LineComment, sk.FootComment = n.HeadComment, n.LineComment, n.FootComment
			*n = *sk
			return nil
		case kMap:
			if len(target.keys) > 0 && !contains(target.keys, e.Wert) {
				return fmt.Errorf("„%s“ ist kein erlaubter Schlüssel für „%s“", e.Wert, e.Pfad)
			}
			n, err := slot(parent, last, parentSch, true)
			if err != nil {
				return err
			}
			if isNull(n) {
				*n = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", HeadComment: n.HeadComment, LineComment: n.LineComment}
			}
			if n.Kind != yaml.MappingNode {
				return fmt.Errorf("„%s“ ist keine Zuordnung, sondern %s", e.Pfad, describe(n))
			}
			if v := lookup(n, e.Wert); v != nil {
				return fmt.Errorf("„%s.%s“ ist schon vorhanden", e.Pfad, e.Wert)
			}
			n.Content = append(n.Content, keyNode(e.Wert), &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: "0"})
			return nil
		}
		return fmt.Errorf("zu „%s“ lässt sich nichts hinzufügen", e.Pfad)
	case OpEntfernen:
		parent, err := walk(top, segs[:len(segs)-1], sch, false)
		if err != nil {
			return err
		}
		if parent == nil {
			return fmt.Errorf("„%s“ gibt es nicht", e.Pfad)
		}
		if last.isIdx {
			if parent.Kind != yaml.SequenceNode || last.index >= len(parent.Content) {
				return fmt.Errorf("„%s“ gibt es nicht", e.Pfad)
			}
			parent.Content = append(parent.Content[:last.index], parent.Content[last.index+1:]...)
			return nil
		}
		if parent.Kind != yaml.MappingNode || !deleteKey(parent, last.key) {
			return fmt.Errorf("„%s“ gibt es nicht", e.Pfad)
		}
		return nil
	case OpVerschieben:
		if !last.isIdx {
			return fmt.Errorf("„%s“ ist kein Listeneintrag", e.Pfad)
		}
		parent, err := walk(top, segs[:len(segs)-1], sch, false)
		if err != nil {
			return err
		}
		if parent == nil || parent.Kind != yaml.SequenceNode || last.index >= len(parent.Content) {
			return fmt.Errorf("„%s“ gibt es nicht", e.Pfad)
		}
		if e.Nach < 0 || e.Nach >= len(parent.Content) {
			return fmt.Errorf("Position %d liegt außerhalb der Liste (0 bis %d)", e.Nach, len(parent.Content)-1)
		}
		item := parent.Content[last.index]
		rest := append(append([]*yaml.Node{}, parent.Content[:last.index]...), parent.Content[last.index+1:]...)
		parent.Content = append(append(append([]*yaml.Node{}, rest[:e.Nach]...), item), rest[e.Nach:]...)
		return nil
	}
	return fmt.Errorf("unbekannte Operation „%s“ (erlaubt: setzen, hinzufuegen, entfernen, verschieben)", e.Op)
}

// walk follows segs from top and returns the node they lead to. With
// create, missing or empty objects on the way are created as mappings
// (list items are never created); without, a missing step returns nil.
func walk(top *yaml.Node, segs []seg, sch []*node, create bool) (*yaml.Node, error) {
	cur := top
	for i, s := range segs {
		var scope *node
		if i > 0 {
			scope = sch[i-1]
		}
		n, err := slot(cur, s, scope, create)
		if err != nil {
			return nil, err
		}
		if n == nil {
			return nil, nil
		}
		if isNull(n) {
			if !create {
				return nil, nil
			}
			switch sch[i].kind {
			case kObject, kMap:
				*n = yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", HeadComment: n.HeadComment, LineComment: n.LineComment, FootComment: n.FootComment}
			default:
				return nil, fmt.Errorf("„%s“ ist leer", formatPath(segs[:i+1]))
			}
		}
		cur = n
	}
	return cur, nil
}

// slot returns the node for one step below cur; with create, a missing
// key is inserted (in schema order among its siblings) with a null value.
// scope is the schema node of cur (nil for the root).
func slot(cur *yaml.Node, s seg, scope *node, create bool) (*yaml.Node, error) {
	if cur.Kind == yaml.AliasNode {
		return nil, fmt.Errorf("Anker und Verweise (*…) bearbeitet das Formular nicht; bitte im Reiter „YAML“ ändern")
	}
	if s.isIdx {
		if cur.Kind != yaml.SequenceNode {
			return nil, fmt.Errorf("erwartet eine Liste, gefunden %s", describe(cur))
		}
		if s.index >= len(cur.Content) {
			if !create {
				return nil, nil
			}
			return nil, fmt.Errorf("die Liste hat kein Element %d (sie hat %d)", s.index, len(cur.Content))
		}
		n := cur.Content[s.index]
		if n.Kind == yaml.AliasNode {
			return nil, fmt.Errorf("Anker und Verweise (*…) bearbeitet das Formular nicht; bitte im Reiter „YAML“ ändern")
		}
		return n, nil
	}
	if cur.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("erwartet eine Zuordnung, gefunden %s", describe(cur))
	}
	if v := lookup(cur, s.key); v != nil {
		if v.Kind == yaml.AliasNode {
			return nil, fmt.Errorf("Anker und Verweise (*…) bearbeitet das Formular nicht; bitte im Reiter „YAML“ ändern")
		}
		return v, nil
	}
	if !create {
		return nil, nil
	}
	v := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: ""}
	at := len(cur.Content)
	if scope == nil {
		scope, _ = root()
	}
	if scope != nil && scope.kind == kObject {
		rank := propRank(scope)
		mine, ok := rank[s.key]
		if ok {
			for i := 0; i+1 < len(cur.Content); i += 2 {
				if r, ok := rank[cur.Content[i].Value]; ok && r > mine {
					at = i
					break
				}
			}
		}
	}
	cur.Content = append(cur.Content[:at], append([]*yaml.Node{keyNode(s.key), v}, cur.Content[at:]...)...)
	return v, nil
}

func propRank(n *node) map[string]int {
	m := make(map[string]int, len(n.props))
	for i, p := range n.props {
		m[p.key] = i
	}
	return m
}

func keyNode(k string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: k}
}

func lookup(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func deleteKey(m *yaml.Node, key string) bool {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Kind == yaml.ScalarNode && m.Content[i].Value == key {
			m.Content = append(m.Content[:i], m.Content[i+2:]...)
			return true
		}
	}
	return false
}

func isRequired(obj *node, key string) bool {
	if obj == nil || obj.kind != kObject {
		return false
	}
	p, ok := obj.prop(key)
	return ok && p.required
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "eine Zuordnung"
	case yaml.SequenceNode:
		return "eine Liste"
	case yaml.AliasNode:
		return "einen Verweis"
	}
	return "einen Wert"
}

// plainTag is the tag YAML gives v written plain ("" if v is no single
// plain scalar).
func plainTag(v string) string {
	if v == "" || strings.ContainsAny(v, "\n\r") {
		return ""
	}
	var n yaml.Node
	if err := yaml.Unmarshal([]byte(v), &n); err != nil || len(n.Content) != 1 {
		return ""
	}
	c := n.Content[0]
	if c.Kind != yaml.ScalarNode || c.Value != v || c.Style != 0 {
		return ""
	}
	return c.Tag
}

// setScalar gives n the value v as typed: numbers, booleans and dates
// only where the schema expects them and v is one, everything else as
// text (quoted where YAML would otherwise read it as something else).
func setScalar(n *yaml.Node, sch *node, v string) {
	tag := "!!str"
	pt := plainTag(v)
	wasNumber := n.Tag == "!!int" || n.Tag == "!!float"
	fresh := n.Tag == "!!null"
	switch {
	case sch.kind == kInteger && pt == "!!int":
		tag = pt
	case sch.kind == kBool && pt == "!!bool":
		tag = pt
	case sch.format == "date" && pt == "!!timestamp" && (fresh || n.Tag == "!!timestamp"):
		tag = pt
	case sch.numeric && (pt == "!!int" || pt == "!!float") && (wasNumber || fresh && pt == "!!int"):
		tag = pt
	}
	n.Kind, n.Tag, n.Value, n.Alias, n.Content = yaml.ScalarNode, tag, v, nil, nil
	quoted := n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0
	switch {
	case tag != "!!str":
		n.Style = 0
	case strings.Contains(v, "\n"):
		n.Style = yaml.LiteralStyle
	case quoted:
		n.Style &= yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle
	default:
		n.Style = 0 // the encoder quotes where plain would read differently
	}
}

// skeleton is a new value of the schema node: objects with their
// required fields, lists with their minimum number of items, texts with
// the placeholder TODO the starter uses (validation reports it), numbers
// 0, booleans false.
func skeleton(n *node) *yaml.Node {
	switch n.kind {
	case kObject:
		m := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
		for _, p := range n.props {
			if p.required {
				m.Content = append(m.Content, keyNode(p.key), skeleton(p.node))
			}
		}
		return m
	case kList:
		s := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
		for i := 0; i < n.minItems; i++ {
			s.Content = append(s.Content, skeleton(n.items))
		}
		return s
	case kMap:
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle}
	case kInteger:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: "0"}
	case kBool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "false"}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "TODO"}
}
