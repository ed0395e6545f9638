package editor

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/invopop/jsonschema"

	"github.com/vereinbar/vereinbar/generator/data"
)

// The form and the edits follow the JSON Schema that `vereinbar schema`
// prints, reflected from the Go types of generator/data: the editor knows
// no field by name except for the German labels of labels.go.

// node is one place of the schema, resolved: what kind of value sits
// there and, for objects and lists, what sits below.
type node struct {
	kind     kind
	desc     string
	enum     []string
	format   string // "date" for Datum
	numeric  bool   // a string that may also be written as a number (Betrag, Prozent, IDs)
	props    []prop // object: properties in schema order
	items    *node  // list: the items
	values   *node  // map (Werte): the value per key
	keys     []string
	def      string // name of the $defs entry, if any
	minItems int
	long     bool // free text without bounds: a textarea
}

type prop struct {
	key      string
	required bool
	node     *node
}

type kind int

const (
	kString kind = iota
	kInteger
	kBool
	kObject
	kList
	kMap
)

var (
	rootOnce sync.Once
	rootNode *node
	rootErr  error
)

// root returns the schema of the project file, parsed once.
func root() (*node, error) {
	rootOnce.Do(func() {
		b, err := data.Schema()
		if err != nil {
			rootErr = err
			return
		}
		var s jsonschema.Schema
		if err := json.Unmarshal(b, &s); err != nil {
			rootErr = fmt.Errorf("schema: %w", err)
			return
		}
		rootNode, rootErr = build(&s, s.Definitions, map[string]*node{})
	})
	return rootNode, rootErr
}

// build turns a schema into a node, resolving $ref against defs. Nodes of
// $defs are shared (the schema has no recursion; seen guards anyway).
func build(s *jsonschema.Schema, defs jsonschema.Definitions, seen map[string]*node) (*node, error) {
	desc := s.Description
	def := ""
	for s.Ref != "" {
		name, ok := strings.CutPrefix(s.Ref, "#/$defs/")
		if !ok || defs[name] == nil {
			return nil, fmt.Errorf("schema: unbekannter Verweis %q", s.Ref)
		}
		def = name
		if n, ok := seen[name]; ok {
			c := *n
			if desc != "" {
				c.desc = desc
			}
			return &c, nil
		}
		s = defs[name]
		if desc == "" {
			desc = s.Description
		}
	}
	n := &node{desc: desc, def: def, format: s.Format}
	if def != "" {
		seen[def] = n
	}
	for _, e := range s.Enum {
		n.enum = append(n.enum, fmt.Sprint(e))
	}
	typ := s.Type
	if typ == "" && len(s.AnyOf) > 0 {
		typ = "string"
		for _, a := range s.AnyOf {
			if a.Type == "number" || a.Type == "integer" {
				n.numeric = true
			}
		}
	}
	switch typ {
	case "string", "":
		n.kind = kString
		n.long = s.MaxLength == nil && s.Pattern == "" && s.Format == "" && !n.numeric && len(n.enum) == 0
	case "integer":
		n.kind = kInteger
	case "boolean":
		n.kind = kBool
	case "array":
		n.kind = kList
		if s.Items == nil {
			return nil, fmt.Errorf("schema: Liste ohne items")
		}
		it, err := build(s.Items, defs, seen)
		if err != nil {
			return nil, err
		}
		n.items = it
		if s.MinItems != nil {
			n.minItems = int(*s.MinItems)
		}
	case "object":
		if s.Properties != nil && s.Properties.Len() > 0 {
			n.kind = kObject
			req := map[string]bool{}
			for _, r := range s.Required {
				req[r] = true
			}
			for p := s.Properties.Oldest(); p != nil; p = p.Next() {
				c, err := build(p.Value, defs, seen)
				if err != nil {
					return nil, err
				}
				n.props = append(n.props, prop{key: p.Key, required: req[p.Key], node: c})
			}
			break
		}
		n.kind = kMap
		if s.PropertyNames != nil {
			for _, e := range s.PropertyNames.Enum {
				n.keys = append(n.keys, fmt.Sprint(e))
			}
		}
		n.values = &node{kind: kString, numeric: true}
	default:
		return nil, fmt.Errorf("schema: unbekannter Typ %q", typ)
	}
	return n, nil
}

// prop returns the property of an object node.
func (n *node) prop(key string) (prop, bool) {
	for _, p := range n.props {
		if p.key == key {
			return p, true
		}
	}
	return prop{}, false
}
