// Package tmpl executes vereinbar's document templates: Go text/template
// with missingkey=error, sprig's deterministic helpers and our own typed
// German helpers (funcs.go). The output is markup (package markup).
//
// Templates come in layers. A user directory (--templates DIR or
// "vorlagen" in config.yaml) overrides any built-in template by holding a
// file at the same relative path; everything else comes from the templates
// embedded in the binary. All *.tmpl files of all layers form one set, so a
// document template includes its clauses with {{template "path" .}} and a
// user may override a single clause.
//
// Before parsing, a position marker <!--@file:line--> is inserted in front
// of every line that starts a Markdown block, so the model can point back
// to the template line a paragraph came from.
package tmpl

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"text/template"
	"text/template/parse"
)

// Layer is one source of templates.
type Layer struct {
	Name string // shown by `vereinbar templates`: "eingebaut" or the directory
	FS   fs.FS
	Dir  string // the directory of a user layer, for messages; "" for built-in templates
}

// Entry is one template and the layer it comes from.
type Entry struct {
	Path  string
	Layer string
}

// Set is a parsed, layered template set. It is safe for concurrent use.
type Set struct {
	t       *template.Template
	entries []Entry
	lim     Limits
	// sizes holds, per template, the largest output so far, so Execute
	// allocates its buffer once instead of growing it step by step. The
	// map is filled by Load and only read afterwards.
	sizes map[string]*atomic.Int64
	// files holds, per template file, where messages find it and where
	// Mark inserted its markers; filled by Load, only read afterwards.
	files map[string]file
}

// file is one parsed template file.
type file struct {
	display string // the file as messages name it: user directory and path, or the path
	markers []int  // lines of the marked source that hold a marker, ascending
}

// maxSizeHint bounds the buffer Execute allocates up front, so one huge
// document does not make every later one reserve as much.
const maxSizeHint = 1 << 20

// Suffix is the file suffix of templates.
const Suffix = ".tmpl"

// Load parses every *.tmpl file of the layers with the default limits;
// later layers override earlier ones at the same path. A missing user
// directory is an error.
func Load(layers ...Layer) (*Set, error) { return LoadLimited(Limits{}, layers...) }

// LoadLimited is Load with the limits every execution of the set keeps;
// zero fields of lim take their defaults.
func LoadLimited(lim Limits, layers ...Layer) (*Set, error) {
	chosen := map[string]Layer{}
	for _, l := range layers {
		err := fs.WalkDir(l.FS, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if !d.IsDir() && strings.HasSuffix(p, Suffix) {
				chosen[p] = l
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%w: Vorlagen aus %s: %v", ErrTemplate, l.Name, err)
		}
	}
	paths := make([]string, 0, len(chosen))
	for p := range chosen {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	lim = lim.withDefaults()
	root := template.New("").Option("missingkey=error").Funcs(funcMap(lim))
	s := &Set{t: root, lim: lim, sizes: map[string]*atomic.Int64{}, files: map[string]file{}}
	for _, p := range paths {
		l := chosen[p]
		src, err := fs.ReadFile(l.FS, p)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrTemplate, p, err)
		}
		marked, markers := mark(p, src)
		f := file{display: p, markers: markers}
		if l.Dir != "" {
			f.display = filepath.Join(l.Dir, filepath.FromSlash(p))
		}
		s.files[p] = f
		if _, err := root.New(p).Parse(string(marked)); err != nil {
			return nil, fmt.Errorf("%w: %s (%s): %v", ErrTemplate, p, l.Name, s.fixLines(err.Error()))
		}
		s.entries = append(s.entries, Entry{Path: p, Layer: l.Name})
		s.sizes[p] = new(atomic.Int64)
	}
	done := map[*parse.Tree]bool{}
	for _, t := range root.Templates() {
		if t.Tree != nil && t.Tree.Root != nil && !done[t.Tree] {
			done[t.Tree] = true
			instrument(t.Tree)
		}
	}
	return s, nil
}

// DirLayer returns the layer of a user template directory; the directory
// must exist.
func DirLayer(dir string) (Layer, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return Layer{}, fmt.Errorf("%w: Vorlagenverzeichnis: %v", ErrTemplate, err)
	}
	if !st.IsDir() {
		return Layer{}, fmt.Errorf("%w: %s ist kein Verzeichnis", ErrTemplate, dir)
	}
	return Layer{Name: dir, FS: os.DirFS(dir), Dir: dir}, nil
}

// Entries lists every template with its layer, sorted by path.
func (s *Set) Entries() []Entry { return append([]Entry(nil), s.entries...) }

// Has reports whether a template exists.
func (s *Set) Has(name string) bool { return s.t.Lookup(name) != nil }

// Execute runs a template and returns its markup. It stops when ctx is
// done (returning ctx's error) and at the limits of the set (returning a
// *LimitError naming the template file and line): neither memory nor
// time grow without bound, whatever a user template does.
func (s *Set) Execute(ctx context.Context, name string, data any) ([]byte, error) {
	t := s.t.Lookup(name)
	if t == nil {
		return nil, fmt.Errorf("%w: Vorlage %s fehlt", ErrTemplate, name)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	o := &output{ctx: ctx, lim: &s.lim}
	size := s.sizes[name]
	if size != nil {
		o.buf.Grow(int(min(size.Load(), maxSizeHint)))
	}
	if err := t.Execute(o, data); err != nil {
		return nil, s.explain(ctx, err, o)
	}
	if size != nil {
		for n := int64(o.buf.Len()); ; {
			old := size.Load()
			if n <= old || size.CompareAndSwap(old, n) {
				break
			}
		}
	}
	return o.buf.Bytes(), nil
}

// execLocation matches the start of text/template's message for an error
// in a helper: the file, line and column, the template, the action.
var execLocation = regexp.MustCompile(`^template: (.+?):(\d+):(\d+): executing "(?:[^"\\]|\\.)*" at <(.*?)>: error calling \S+: `)

// explain turns an execution error into the error Execute returns: the
// context's error as it is; a limit with its template file and line (from
// text/template's message for a helper, from the last position marker
// written for the output); any other error with the lines of its message
// corrected for the markers.
func (s *Set) explain(ctx context.Context, err error, o *output) error {
	if ctxErr := ctx.Err(); ctxErr != nil && errors.Is(err, ctxErr) {
		return ctxErr
	}
	var le *LimitError
	if !errors.As(err, &le) {
		return fmt.Errorf("%w: %s", ErrTemplate, s.fixLines(err.Error()))
	}
	out := *le
	if m := execLocation.FindStringSubmatch(err.Error()); m != nil {
		line, _ := strconv.Atoi(m[2])
		out.Col, _ = strconv.Atoi(m[3])
		out.File, out.Line = s.location(m[1], line)
		if m[4] != outFunc {
			out.Action = strings.TrimSuffix(m[4], " | "+outFunc)
		}
		return &out
	}
	// A write failed: the block being written starts at the last marker.
	b := o.buf.Bytes()
	if i := bytes.LastIndex(b, []byte(markerStart)); i >= 0 {
		if m := markerRE.FindSubmatch(b[i:]); m != nil {
			out.File = string(m[1])
			if f, ok := s.files[out.File]; ok {
				out.File = f.display
			}
			out.Line, _ = strconv.Atoi(string(m[2]))
		}
	}
	return &out
}

// markerStart and markerRE find the position markers Mark writes.
const markerStart = "<!--@"

var markerRE = regexp.MustCompile(`^<!--@(.+?):(\d+)-->`)

// location maps a line of a marked template file to the file as messages
// name it and the line in it.
func (s *Set) location(name string, line int) (string, int) {
	f, ok := s.files[name]
	if !ok {
		return name, line
	}
	return f.display, line - sort.SearchInts(f.markers, line)
}

// templateLine matches the locations in text/template's messages.
var templateLine = regexp.MustCompile(`template: (.+?):(\d+)(:\d+)?: `)

// fixLines corrects the line numbers in a message of text/template, which
// counts the marker lines Mark inserted.
func (s *Set) fixLines(msg string) string {
	return templateLine.ReplaceAllStringFunc(msg, func(m string) string {
		sm := templateLine.FindStringSubmatch(m)
		f, ok := s.files[sm[1]]
		if !ok {
			return m
		}
		line, _ := strconv.Atoi(sm[2])
		return "template: " + sm[1] + ":" + strconv.Itoa(line-sort.SearchInts(f.markers, line)) + sm[3] + ": "
	})
}

// Mark inserts a position marker before every template line that starts a
// Markdown block: a non-blank line after a blank line (or at the start),
// outside template actions and fenced blocks, that is not a list item,
// table row or indented continuation, and does not start with a
// whitespace-trimming action "{{-" (which would swallow the marker's line
// break).
func Mark(name string, src []byte) []byte {
	out, _ := mark(name, src)
	return out
}

// mark is Mark that also returns the lines of its result that hold a
// marker, ascending.
func mark(name string, src []byte) ([]byte, []int) {
	var out bytes.Buffer
	var markers []int
	lines := strings.SplitAfter(string(src), "\n")
	prevBlank, inFence, depth := true, false, 0
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if depth == 0 && !inFence && prevBlank && trimmed != "" && startsBlock(line) {
			fmt.Fprintf(&out, markerStart+"%s:%d-->\n", path.Clean(name), i+1)
			markers = append(markers, i+1+len(markers))
		}
		out.WriteString(line)
		if strings.HasPrefix(trimmed, "```") && depth == 0 {
			inFence = !inFence
		}
		depth += strings.Count(line, "{{") - strings.Count(line, "}}")
		if depth < 0 {
			depth = 0
		}
		prevBlank = trimmed == ""
	}
	return out.Bytes(), markers
}

func startsBlock(line string) bool {
	if line[0] == ' ' || line[0] == '\t' {
		return false
	}
	switch {
	case strings.HasPrefix(line, "{{-"), strings.HasPrefix(line, "{{/*"),
		strings.HasPrefix(line, "- "), strings.HasPrefix(line, "* "), strings.HasPrefix(line, "+ "),
		strings.HasPrefix(line, "|"):
		return false
	}
	// ordered list item "12. " or "3) "
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	if i > 0 && i < len(line) && (line[i] == '.' || line[i] == ')') {
		return false
	}
	return true
}
