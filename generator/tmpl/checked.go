package tmpl

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"unicode/utf8"

	"github.com/vereinbar/vereinbar/generator/format"
)

// checker makes the checked versions of the template helpers, bound to
// the limits of one Set. Helpers that can make a large result from small
// arguments (repeat, indent, replace, until, seq, split, printf, a value
// printed whole, …) compute the size of their result from their arguments
// and refuse before allocating it; every other helper that returns a
// string, a list or a dict has its result checked afterwards, which
// bounds results that grow by a factor (b64enc, quote, md) when a loop
// feeds them their own output.
type checker struct {
	lim Limits
}

// tooLong refuses a string result of n bytes.
func (c *checker) tooLong(n int64) error {
	return &LimitError{Msg: fmt.Sprintf("das Ergebnis hätte %s, erlaubt sind höchstens %s je Dokument (%s)", size(n), size(c.lim.MaxOutput), setting)}
}

// tooMany refuses a list of n entries.
func (c *checker) tooMany(n int64) error {
	return &LimitError{Msg: fmt.Sprintf("die Liste hätte %s Einträge, erlaubt sind höchstens %s", thousands(n), thousands(int64(c.lim.MaxList)))}
}

// thousands writes n with thousands separators; math.MaxInt64 stands for
// a count too large to compute.
func thousands(n int64) string {
	if n == math.MaxInt64 {
		return "mehr als " + format.Thousands(math.MaxInt64/2)
	}
	return format.Thousands(n)
}

// length checks the byte size a result would have.
func (c *checker) length(n int64) error {
	if n > c.lim.MaxOutput {
		return c.tooLong(n)
	}
	return nil
}

// count checks the number of entries a result would have.
func (c *checker) count(n int64) error {
	if n > int64(c.lim.MaxList) {
		return c.tooMany(n)
	}
	return nil
}

// measure refuses values that would print larger than max/factor bytes
// (a printer can expand each byte up to factor times, e.g. \u0000 in
// JSON), nest deeper than maxDepth or contain themselves.
func (c *checker) measure(factor, perLevel int64, vals ...reflect.Value) error {
	m := meter{max: c.lim.MaxOutput / factor, perLevel: perLevel}
	for _, v := range vals {
		switch err := m.add(v, 0); err {
		case nil:
		case errTooDeep:
			return &LimitError{Msg: fmt.Sprintf("der Wert ist mehr als %d Ebenen tief verschachtelt oder enthält sich selbst (z. B. ein dict, das mit set in sich selbst eingetragen wurde)", maxDepth)}
		default:
			return &LimitError{Msg: fmt.Sprintf("der Wert wäre ausgegeben größer als %s je Dokument (%s); Listen und dicts zählen so oft, wie sie vorkommen", size(c.lim.MaxOutput), setting)}
		}
	}
	return nil
}

// mulSat multiplies non-negative numbers, saturating at math.MaxInt64.
func mulSat(a, b int64) int64 {
	if a == 0 || b == 0 {
		return 0
	}
	if a > math.MaxInt64/b {
		return math.MaxInt64
	}
	return a * b
}

// addSat adds non-negative numbers, saturating at math.MaxInt64.
func addSat(a, b int64) int64 {
	if a > math.MaxInt64-b {
		return math.MaxInt64
	}
	return a + b
}

// out passes every printed value (Load appends it to each printing
// action): text/template formats a value whole with fmt before it writes
// it, so a value that is too large or contains itself must be refused
// before.
func (c *checker) out(v reflect.Value) (reflect.Value, error) {
	switch v.Kind() {
	case reflect.String:
		return v, c.length(int64(v.Len()))
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return v, nil
	}
	return v, c.measure(1, 0, v)
}

func (c *checker) repeat(count int, s string) (string, error) {
	if count < 0 {
		return "", fmt.Errorf("die Anzahl ist negativ (%d)", count)
	}
	if err := c.length(mulSat(int64(count), int64(len(s)))); err != nil {
		return "", err
	}
	return strings.Repeat(s, count), nil
}

func (c *checker) indent(spaces int, s string) (string, error) {
	if spaces < 0 {
		return "", fmt.Errorf("die Anzahl der Leerzeichen ist negativ (%d)", spaces)
	}
	lines := int64(strings.Count(s, "\n")) + 1
	if err := c.length(addSat(int64(len(s)), mulSat(lines, int64(spaces)))); err != nil {
		return "", err
	}
	pad := strings.Repeat(" ", spaces)
	return pad + strings.ReplaceAll(s, "\n", "\n"+pad), nil
}

func (c *checker) nindent(spaces int, s string) (string, error) {
	r, err := c.indent(spaces, s)
	if err != nil {
		return "", err
	}
	return "\n" + r, c.length(int64(len(r)) + 1)
}

func (c *checker) replace(old, new, src string) (string, error) {
	n := int64(strings.Count(src, old))
	if err := c.length(addSat(int64(len(src)), mulSat(n, int64(max(len(new)-len(old), 0))))); err != nil {
		return "", err
	}
	return strings.ReplaceAll(src, old, new), nil
}

// wrapWith is sprig's wrapWith with its result bounded first: every
// separator it inserts replaces a space or follows a full line.
func (c *checker) wrapWith(orig func(int, string, string) string) func(int, string, string) (string, error) {
	return func(l int, sep, str string) (string, error) {
		if sep == "" {
			sep = "\n"
		}
		breaks := int64(strings.Count(str, " ")) + int64(len(str)/max(l, 1)) + 1
		if err := c.length(addSat(int64(len(str)), mulSat(breaks, int64(len(sep))))); err != nil {
			return "", err
		}
		return c.str(orig(l, sep, str), nil)
	}
}

// entries is the number of entries of a list or dict, 1 for anything
// else.
func entries(v any) int64 {
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		return int64(rv.Len())
	}
	return 1
}

func (c *checker) join(orig func(string, any) string) func(string, any) (string, error) {
	return func(sep string, v any) (string, error) {
		if err := c.measure(1, 0, reflect.ValueOf(v)); err != nil {
			return "", err
		}
		if err := c.length(mulSat(entries(v), int64(len(sep)))); err != nil {
			return "", err
		}
		return c.str(orig(sep, v), nil)
	}
}

// stepCount is the length of the list untilStep(start, stop, step)
// makes, computed without overflow.
func stepCount(start, stop, step int) uint64 {
	var d, s uint64
	switch {
	case stop > start && step > 0:
		d, s = uint64(stop)-uint64(start), uint64(step)
	case stop < start && step < 0:
		d, s = uint64(start)-uint64(stop), uint64(-(step+1))+1
	default:
		return 0
	}
	n := d / s
	if d%s != 0 {
		n++
	}
	return n
}

// untilStep is sprig's untilStep (start, start+step, … up to but not
// including stop) with the length checked first and without sprig's
// endless loop when start+step overflows.
func (c *checker) untilStep(start, stop, step int) ([]int, error) {
	n := stepCount(start, stop, step)
	if n > math.MaxInt64 {
		n = math.MaxInt64
	}
	if err := c.count(int64(n)); err != nil {
		return nil, err
	}
	v := make([]int, n)
	for i := range v {
		v[i] = start + i*step
	}
	return v, nil
}

func (c *checker) until(count int) ([]int, error) {
	step := 1
	if count < 0 {
		step = -1
	}
	return c.untilStep(0, count, step)
}

// seq is sprig's seq ("1 2 3"; seq END, seq START END, seq START STEP
// END) with the length checked first.
func (c *checker) seq(params ...int) (string, error) {
	var start, stop, step int
	switch len(params) {
	case 1:
		start, stop, step = 1, params[0]+1, 1
		if params[0] < 1 {
			stop, step = params[0]-1, -1
		}
	case 2:
		start, stop, step = params[0], params[1]+1, 1
		if params[1] < params[0] {
			stop, step = params[1]-1, -1
		}
	case 3:
		start, step = params[0], params[1]
		stop = params[2] + 1
		if params[2] < params[0] {
			if step > 0 {
				return "", nil
			}
			stop = params[2] - 1
		}
	default:
		return "", nil
	}
	v, err := c.untilStep(start, stop, step)
	if err != nil {
		return "", err
	}
	if err := c.length(mulSat(int64(len(v)), 21)); err != nil {
		return "", err
	}
	var b strings.Builder
	for i, n := range v {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.Itoa(n))
	}
	return b.String(), nil
}

// parts is the number of pieces strings.SplitN(s, sep, n) makes.
func parts(s, sep string, n int) int64 {
	var p int64
	switch {
	case sep == "":
		p = int64(utf8.RuneCountInString(s))
	default:
		p = int64(strings.Count(s, sep)) + 1
	}
	if n >= 0 && int64(n) < p {
		p = int64(n)
	}
	return p
}

func (c *checker) split(sep, s string) (map[string]string, error) {
	return c.splitn(sep, -1, s)
}

func (c *checker) splitn(sep string, n int, s string) (map[string]string, error) {
	if err := c.count(parts(s, sep, n)); err != nil {
		return nil, err
	}
	ps := strings.SplitN(s, sep, n)
	res := make(map[string]string, len(ps))
	for i, v := range ps {
		res["_"+strconv.Itoa(i)] = v
	}
	return res, nil
}

func (c *checker) splitList(sep, s string) ([]string, error) {
	if err := c.count(parts(s, sep, -1)); err != nil {
		return nil, err
	}
	return strings.Split(s, sep), nil
}

// regexp compiles a pattern of a regex helper and refuses pattern and
// text whose product exceeds MaxRegexWork (Go's engine takes up to that
// many steps).
func (c *checker) regexp(pattern, s string) (*regexp.Regexp, error) {
	if w := mulSat(int64(len(pattern))+1, int64(len(s))+1); w > c.lim.MaxRegexWork {
		return nil, &LimitError{Msg: fmt.Sprintf("Muster (%s Zeichen) mal Text (%s Zeichen) ergibt %s, erlaubt sind höchstens %s; ein kürzeres Muster oder einen kürzeren Text verwenden",
			format.Thousands(int64(len(pattern))), format.Thousands(int64(len(s))), thousands(w), format.Thousands(c.lim.MaxRegexWork))}
	}
	return regexp.Compile(pattern)
}

func (c *checker) regexMatch(pattern, s string) (bool, error) {
	r, err := c.regexp(pattern, s)
	if err != nil {
		return false, err
	}
	return r.MatchString(s), nil
}

func (c *checker) regexFind(pattern, s string) (string, error) {
	r, err := c.regexp(pattern, s)
	if err != nil {
		return "", err
	}
	return r.FindString(s), nil
}

// matches returns at most n matches (all for n < 0) but refuses more than
// MaxList of them without collecting them.
func (c *checker) matches(r *regexp.Regexp, s string, n int) ([][]int, error) {
	limit := c.lim.MaxList + 1
	if n >= 0 && n < limit {
		limit = n
	}
	m := r.FindAllStringIndex(s, limit)
	if len(m) > c.lim.MaxList {
		return nil, &LimitError{Msg: fmt.Sprintf("mehr als %s Treffer, erlaubt sind höchstens so viele", format.Thousands(int64(c.lim.MaxList)))}
	}
	return m, nil
}

func (c *checker) regexFindAll(pattern, s string, n int) ([]string, error) {
	r, err := c.regexp(pattern, s)
	if err != nil {
		return nil, err
	}
	if _, err := c.matches(r, s, n); err != nil {
		return nil, err
	}
	return r.FindAllString(s, n), nil
}

func (c *checker) regexSplit(pattern, s string, n int) ([]string, error) {
	r, err := c.regexp(pattern, s)
	if err != nil {
		return nil, err
	}
	if n < 0 || n > c.lim.MaxList {
		m, err := c.matches(r, s, -1)
		if err != nil {
			return nil, err
		}
		if err := c.count(int64(len(m)) + 1); err != nil {
			return nil, err
		}
	}
	return r.Split(s, n), nil
}

// regexReplace replaces every match of pattern in s by repl, expanding
// $1, ${name} … unless literal, after bounding the result: each $
// reference expands to at most the match.
func (c *checker) regexReplace(literal bool) func(pattern, s, repl string) (string, error) {
	return func(pattern, s, repl string) (string, error) {
		r, err := c.regexp(pattern, s)
		if err != nil {
			return "", err
		}
		refs := int64(0)
		if !literal {
			refs = int64(strings.Count(repl, "$"))
		}
		var n, matched int64
		r.ReplaceAllStringFunc(s, func(m string) string {
			n++
			matched += int64(len(m))
			return ""
		})
		bound := addSat(int64(len(s))-matched, addSat(mulSat(n, int64(len(repl))), mulSat(refs, matched)))
		if err := c.length(bound); err != nil {
			return "", err
		}
		if literal {
			return r.ReplaceAllLiteralString(s, repl), nil
		}
		return r.ReplaceAllString(s, repl), nil
	}
}

func (c *checker) concat(lists ...any) (any, error) {
	var n int64
	for _, l := range lists {
		n += entries(l)
	}
	if err := c.count(n); err != nil {
		return nil, err
	}
	var res []any
	for _, list := range lists {
		v := reflect.ValueOf(list)
		switch v.Kind() {
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				res = append(res, v.Index(i).Interface())
			}
		default:
			return nil, fmt.Errorf("concat: %T ist keine Liste", list)
		}
	}
	return res, nil
}

// uniq is sprig's uniq (first occurrence of each element, compared with
// reflect.DeepEqual) in linear time for strings, numbers and booleans;
// sprig compares every pair, which takes hours for a long list.
func (c *checker) uniq(list any) ([]any, error) {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		return nil, fmt.Errorf("uniq: %T ist keine Liste", list)
	}
	dest := []any{}
	seen := map[any]bool{}
	var other []any // elements map keys cannot hold
	for i := range v.Len() {
		item := v.Index(i).Interface()
		switch reflect.ValueOf(item).Kind() {
		case reflect.String, reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
			if !seen[item] {
				seen[item] = true
				dest = append(dest, item)
			}
			continue
		}
		dup := false
		for _, o := range other {
			if reflect.DeepEqual(o, item) {
				dup = true
				break
			}
		}
		if !dup {
			if len(other) >= 1000 {
				return nil, &LimitError{Msg: "mehr als 1.000 verschiedene Listen oder dicts; uniq vergleicht sie paarweise"}
			}
			other = append(other, item)
			dest = append(dest, item)
		}
	}
	return dest, nil
}

// str checks a string result.
func (c *checker) str(s string, err error) (string, error) {
	if err != nil {
		return s, err
	}
	return s, c.length(int64(len(s)))
}

// measured wraps a helper that formats, encodes or copies its arguments
// whole: they are measured first (factor: how much the helper may expand
// one byte; perLevel: indentation per nesting level), and a string result
// is checked after.
func (c *checker) measured(fn any, factor, perLevel int64) any {
	fv := reflect.ValueOf(fn)
	return c.wrap(fv, func(args []reflect.Value) error {
		for i, a := range args {
			if fv.Type().IsVariadic() && i == len(args)-1 {
				for j := range a.Len() {
					if err := c.measure(factor, perLevel, a.Index(j)); err != nil {
						return err
					}
				}
				continue
			}
			if err := c.measure(factor, perLevel, a); err != nil {
				return err
			}
		}
		return nil
	})
}

// results wraps a helper whose result is a string, list or dict so the
// result is checked after the call; other helpers are returned as they
// are. The common signatures get plain closures, the rest reflection.
func (c *checker) results(fn any) any {
	switch f := fn.(type) {
	case func(string) string:
		return func(s string) (string, error) { return c.str(f(s), nil) }
	case func(string, string) string:
		return func(a, b string) (string, error) { return c.str(f(a, b), nil) }
	case func(string, string, string) string:
		return func(a, b, s string) (string, error) { return c.str(f(a, b, s), nil) }
	case func(int64) string:
		return func(n int64) (string, error) { return c.str(f(n), nil) }
	case func(...any) []any:
		return func(a ...any) ([]any, error) { r := f(a...); return r, c.count(int64(len(r))) }
	case func(any, any) []any:
		return func(a, b any) ([]any, error) { r := f(a, b); return r, c.count(int64(len(r))) }
	case func(...any) map[string]any:
		return func(a ...any) (map[string]any, error) { r := f(a...); return r, c.count(int64(len(r))) }
	}
	fv := reflect.ValueOf(fn)
	t := fv.Type()
	if t.Kind() != reflect.Func || t.NumOut() == 0 {
		return fn
	}
	switch t.Out(0).Kind() {
	case reflect.String, reflect.Slice, reflect.Map:
		return c.wrap(fv, nil)
	}
	return fn
}

// wrap returns fv as a helper with the same arguments and a result plus
// an error: before is called with the arguments first and may refuse the
// call; a string, list or dict result is checked after.
func (c *checker) wrap(fv reflect.Value, before func([]reflect.Value) error) any {
	t := fv.Type()
	in := make([]reflect.Type, t.NumIn())
	for i := range in {
		in[i] = t.In(i)
	}
	hasErr := t.NumOut() == 2
	out := []reflect.Type{t.Out(0), reflect.TypeFor[error]()}
	ft := reflect.FuncOf(in, out, t.IsVariadic())
	return reflect.MakeFunc(ft, func(args []reflect.Value) []reflect.Value {
		fail := func(err error) []reflect.Value {
			return []reflect.Value{reflect.Zero(t.Out(0)), reflect.ValueOf(&err).Elem()}
		}
		if before != nil {
			if err := before(args); err != nil {
				return fail(err)
			}
		}
		var res []reflect.Value
		if t.IsVariadic() {
			res = fv.CallSlice(args)
		} else {
			res = fv.Call(args)
		}
		if hasErr && !res[1].IsNil() {
			return res
		}
		r := res[0]
		var err error
		switch r.Kind() {
		case reflect.String:
			err = c.length(int64(r.Len()))
		case reflect.Slice, reflect.Map:
			err = c.count(int64(r.Len()))
		}
		if err != nil {
			return fail(err)
		}
		return []reflect.Value{r, reflect.Zero(out[1])}
	}).Interface()
}

// printf is text/template's printf with its arguments measured and its
// result bounded first: a width or precision ("%1000000d") expands a verb
// to up to a million bytes (fmt's own limit).
func (c *checker) printf(f string, args ...any) (string, error) {
	vals := make([]reflect.Value, len(args))
	for i, a := range args {
		vals[i] = reflect.ValueOf(a)
	}
	if err := c.measure(4, 0, vals...); err != nil {
		return "", err
	}
	if err := c.length(addSat(int64(len(f)), widths(f))); err != nil {
		return "", err
	}
	return c.str(fmt.Sprintf(f, args...), nil)
}

// widths adds up the widths and precisions of a format; one given by an
// argument ("*") counts as fmt's largest, 10^6.
func widths(f string) int64 {
	var sum int64
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		for i++; i < len(f); i++ {
			ch := f[i]
			switch {
			case ch == '*':
				sum += 1e6
			case ch >= '0' && ch <= '9':
				j := i
				for j < len(f) && f[j] >= '0' && f[j] <= '9' {
					j++
				}
				n, err := strconv.ParseInt(f[i:j], 10, 64)
				if err != nil || n > 1e6 {
					n = 1e6
				}
				sum += n
				i = j - 1
			case strings.IndexByte("+-# .[]", ch) >= 0:
			default:
				goto verb
			}
		}
	verb:
	}
	return sum
}

// builtins are text/template's formatting builtins, checked: each formats
// its arguments with fmt first.
func (c *checker) builtins() map[string]any {
	return map[string]any{
		"print":    c.measured(fmt.Sprint, 1, 0),
		"println":  c.measured(fmt.Sprintln, 1, 0),
		"printf":   c.printf,
		"html":     c.measured(template.HTMLEscaper, 6, 0),
		"js":       c.measured(template.JSEscaper, 6, 0),
		"urlquery": c.measured(template.URLQueryEscaper, 3, 0),
	}
}
