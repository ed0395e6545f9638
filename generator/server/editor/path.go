package editor

import (
	"fmt"
	"strconv"
	"strings"
)

// A data path in the CLI's notation: keys joined by dots, list indexes in
// brackets, counted from 0 – "parteien[2].land",
// "verteilung.schluessel[0].werte.ST" – as generator/data prints it in its
// messages.

// seg is one step of a path: a key or a list index.
type seg struct {
	key   string
	index int
	isIdx bool
}

// Limits of a path: a path of the project file is short; anything longer
// is not one.
const (
	maxPathLen  = 300
	maxPathSegs = 12
	maxIndex    = 99999
)

// parsePath splits a path into its steps; it never panics, whatever the
// text.
func parsePath(p string) ([]seg, error) {
	if p == "" {
		return nil, fmt.Errorf("leerer Pfad")
	}
	if len(p) > maxPathLen {
		return nil, fmt.Errorf("Pfad ist länger als %d Zeichen", maxPathLen)
	}
	var segs []seg
	i := 0
	for i < len(p) {
		switch {
		case p[i] == '[':
			j := strings.IndexByte(p[i:], ']')
			if j < 0 {
				return nil, fmt.Errorf("Pfad „%s“: „]“ fehlt", p)
			}
			num := p[i+1 : i+j]
			n, err := strconv.Atoi(num)
			if err != nil || n < 0 || n > maxIndex || num != strconv.Itoa(n) {
				return nil, fmt.Errorf("Pfad „%s“: „%s“ ist keine Listenposition", p, num)
			}
			segs = append(segs, seg{index: n, isIdx: true})
			i += j + 1
		default:
			if p[i] == '.' {
				if len(segs) == 0 {
					return nil, fmt.Errorf("Pfad „%s“ beginnt mit einem Punkt", p)
				}
				i++
			} else if len(segs) > 0 {
				return nil, fmt.Errorf("Pfad „%s“: Punkt oder „[“ erwartet an Stelle %d", p, i+1)
			}
			j := i
			for j < len(p) && isKeyByte(p[j]) {
				j++
			}
			if j == i {
				return nil, fmt.Errorf("Pfad „%s“: Schlüssel erwartet an Stelle %d", p, i+1)
			}
			segs = append(segs, seg{key: p[i:j]})
			i = j
		}
		if len(segs) > maxPathSegs {
			return nil, fmt.Errorf("Pfad „%s“ ist zu tief geschachtelt", p)
		}
	}
	return segs, nil
}

func isKeyByte(c byte) bool {
	return c == '_' || c == '-' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// formatPath is the inverse of parsePath.
func formatPath(segs []seg) string {
	var b strings.Builder
	for i, s := range segs {
		if s.isIdx {
			fmt.Fprintf(&b, "[%d]", s.index)
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.key)
	}
	return b.String()
}

// schemaPath returns the schema node of every step of the path (one per
// segment), or an error naming the first step the schema does not know.
func schemaPath(r *node, segs []seg) ([]*node, error) {
	out := make([]*node, len(segs))
	cur := r
	for i, s := range segs {
		switch {
		case s.isIdx:
			if cur.kind != kList {
				return nil, fmt.Errorf("„%s“ ist keine Liste", formatPath(segs[:i]))
			}
			cur = cur.items
		case cur.kind == kObject:
			p, ok := cur.prop(s.key)
			if !ok {
				return nil, fmt.Errorf("unbekanntes Feld „%s“", formatPath(segs[:i+1]))
			}
			cur = p.node
		case cur.kind == kMap:
			if len(cur.keys) > 0 && !contains(cur.keys, s.key) {
				return nil, fmt.Errorf("„%s“: „%s“ ist kein erlaubter Schlüssel", formatPath(segs[:i]), s.key)
			}
			cur = cur.values
		default:
			return nil, fmt.Errorf("„%s“ hat keine Unterfelder", formatPath(segs[:i]))
		}
		out[i] = cur
	}
	return out, nil
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}
