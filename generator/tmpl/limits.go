package tmpl

import (
	"bytes"
	"context"
	"fmt"
	"reflect"

	"github.com/vereinbar/vereinbar/generator/format"
)

// Limits bound one execution of a template, so a user template can
// neither fill memory nor run without end: every string a helper makes
// and every value printed is at most MaxOutput bytes, every list a helper
// makes at most MaxList entries, and the document's markup as a whole at
// most MaxOutput bytes; loops, template calls and writes together take at
// most MaxSteps steps. The zero value of a field means its default.
type Limits struct {
	// MaxOutput is the largest markup of one document in bytes
	// (DefaultMaxOutput); the setting vorlagen_max_mib gives it in MiB.
	MaxOutput int64
	// MaxList is the longest list a helper makes (DefaultMaxList).
	MaxList int
	// MaxSteps bounds loop iterations, template calls and writes of one
	// execution together (DefaultMaxSteps).
	MaxSteps int64
	// MaxRegexWork bounds pattern length times text length of one call of
	// a regex helper (DefaultMaxRegexWork), the worst-case work of Go's
	// regexp engine.
	MaxRegexWork int64
}

// The default limits. A built-in document of the fixtures has at most
// about 21 KB of markup and takes at most about 1,000 steps; the defaults
// leave a factor of several hundred for user templates.
const (
	DefaultMaxOutput    = 16 << 20
	DefaultMaxList      = 100_000
	DefaultMaxSteps     = 1_000_000
	DefaultMaxRegexWork = 1 << 26
)

// withDefaults fills the zero fields.
func (l Limits) withDefaults() Limits {
	if l.MaxOutput <= 0 {
		l.MaxOutput = DefaultMaxOutput
	}
	if l.MaxList <= 0 {
		l.MaxList = DefaultMaxList
	}
	if l.MaxSteps <= 0 {
		l.MaxSteps = DefaultMaxSteps
	}
	if l.MaxRegexWork <= 0 {
		l.MaxRegexWork = DefaultMaxRegexWork
	}
	return l
}

// maxDepth is the deepest nesting of lists and dicts a value may have to be
// printed or encoded; a value that contains itself (a dict set into
// itself) reaches it, where printing it would never end.
const maxDepth = 100

// output is the writer of one execution. It holds the markup, counts
// steps — every write, including the empty ones Load places at the start
// of every template and loop body (see instrument) — and fails once the
// context is done, the steps run out or the markup would exceed
// MaxOutput. text/template stops at the first failed write.
type output struct {
	ctx   context.Context
	lim   *Limits
	buf   bytes.Buffer
	steps int64
}

func (o *output) Write(p []byte) (int, error) {
	o.steps++
	if err := o.ctx.Err(); err != nil {
		return 0, err
	}
	if o.steps > o.lim.MaxSteps {
		return 0, &LimitError{Msg: fmt.Sprintf("mehr als %s Schritte (Schleifendurchläufe, Vorlagenaufrufe und Ausgaben zusammen); endet eine Schleife nicht?", format.Thousands(o.lim.MaxSteps))}
	}
	if int64(o.buf.Len())+int64(len(p)) > o.lim.MaxOutput {
		return 0, &LimitError{Msg: fmt.Sprintf("die Ausgabe der Vorlage wäre größer als %s je Dokument (%s)", size(o.lim.MaxOutput), setting)}
	}
	return o.buf.Write(p)
}

// setting names where a user raises MaxOutput.
const setting = "Einstellung vorlagen_max_mib"

// size writes a byte count for messages: bytes below one MiB, else MiB
// with one decimal.
func size(n int64) string {
	if n < 1<<20 {
		return format.Thousands(n) + " Bytes"
	}
	tenths := n * 10 / (1 << 20)
	return fmt.Sprintf("%s,%d MiB", format.Thousands(tenths/10), tenths%10)
}

// meter measures how large a value prints (a bound for fmt's %v, JSON
// and a deep copy), stopping as soon as it exceeds max. Lists and dicts
// count every entry, however often they are shared, because printing
// repeats them: ten references to a list of ten references … nest to
// billions of entries from a few lines of template.
type meter struct {
	max      int64
	perLevel int64 // extra bytes per entry and nesting level (indented JSON)
	n        int64
}

// errTooDeep and errTooLarge end a measurement.
type measureError bool

func (e measureError) Error() string { return "measure" }

const (
	errTooDeep  measureError = true
	errTooLarge measureError = false
)

// add measures v at nesting depth.
func (m *meter) add(v reflect.Value, depth int) error {
	if depth > maxDepth {
		return errTooDeep
	}
	m.n += m.perLevel * int64(depth)
	switch v.Kind() {
	case reflect.Invalid:
		m.n += 5
	case reflect.String:
		m.n += int64(v.Len()) + 2
	case reflect.Interface:
		if v.IsNil() {
			m.n += 5
		} else if err := m.add(v.Elem(), depth); err != nil {
			return err
		}
	case reflect.Pointer:
		// fmt follows a pointer only at the top; deeper ones print as an
		// address. Templates make no pointers, so a deep one comes from
		// the project data, whose size is bounded.
		if v.IsNil() || depth > 0 {
			m.n += 18
		} else if err := m.add(v.Elem(), depth); err != nil {
			return err
		}
	case reflect.Slice, reflect.Array:
		m.n += int64(len(v.Type().String())) + 4
		if v.Type().Elem().Kind() == reflect.Uint8 {
			m.n += 4 * int64(v.Len())
			break
		}
		for i := range v.Len() {
			m.n += 2
			if err := m.add(v.Index(i), depth+1); err != nil {
				return err
			}
		}
	case reflect.Map:
		m.n += int64(len(v.Type().String())) + 4
		for it := v.MapRange(); it.Next(); {
			m.n += 2
			if err := m.add(it.Key(), depth+1); err != nil {
				return err
			}
			if err := m.add(it.Value(), depth+1); err != nil {
				return err
			}
		}
	case reflect.Struct:
		t := v.Type()
		m.n += int64(len(t.String())) + 4
		for i := range v.NumField() {
			m.n += int64(len(t.Field(i).Name)) + 2
			if err := m.add(v.Field(i), depth+1); err != nil {
				return err
			}
		}
	default: // numbers, bool, func, chan
		m.n += 24
	}
	if m.n > m.max {
		return errTooLarge
	}
	return nil
}
