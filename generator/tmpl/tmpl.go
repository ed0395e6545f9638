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
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync/atomic"
	"text/template"
)

// ErrTemplate classifies template errors.
var ErrTemplate = errors.New("Vorlagenfehler")

// Layer is one source of templates.
type Layer struct {
	Name string // shown by `vereinbar templates`: "eingebaut" or the directory
	FS   fs.FS
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
	// sizes holds, per template, the largest output so far, so Execute
	// allocates its buffer once instead of growing it step by step. The
	// map is filled by Load and only read afterwards.
	sizes map[string]*atomic.Int64
}

// maxSizeHint bounds the buffer Execute allocates up front, so one huge
// document does not make every later one reserve as much.
const maxSizeHint = 1 << 20

// Suffix is the file suffix of templates.
const Suffix = ".tmpl"

// Load parses every *.tmpl file of the layers; later layers override
// earlier ones at the same path. A missing user directory is an error.
func Load(layers ...Layer) (*Set, error) {
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
	root := template.New("").Option("missingkey=error").Funcs(FuncMap())
	s := &Set{t: root, sizes: map[string]*atomic.Int64{}}
	for _, p := range paths {
		l := chosen[p]
		src, err := fs.ReadFile(l.FS, p)
		if err != nil {
			return nil, fmt.Errorf("%w: %s: %v", ErrTemplate, p, err)
		}
		if _, err := root.New(p).Parse(string(Mark(p, src))); err != nil {
			return nil, fmt.Errorf("%w: %s (%s): %v", ErrTemplate, p, l.Name, err)
		}
		s.entries = append(s.entries, Entry{Path: p, Layer: l.Name})
		s.sizes[p] = new(atomic.Int64)
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
	return Layer{Name: dir, FS: os.DirFS(dir)}, nil
}

// Entries lists every template with its layer, sorted by path.
func (s *Set) Entries() []Entry { return append([]Entry(nil), s.entries...) }

// Has reports whether a template exists.
func (s *Set) Has(name string) bool { return s.t.Lookup(name) != nil }

// Execute runs a template and returns its markup.
func (s *Set) Execute(name string, data any) ([]byte, error) {
	t := s.t.Lookup(name)
	if t == nil {
		return nil, fmt.Errorf("%w: Vorlage %s fehlt", ErrTemplate, name)
	}
	var b bytes.Buffer
	size := s.sizes[name]
	if size != nil {
		b.Grow(int(min(size.Load(), maxSizeHint)))
	}
	if err := t.Execute(&b, data); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrTemplate, err)
	}
	if size != nil {
		for n := int64(b.Len()); ; {
			old := size.Load()
			if n <= old || size.CompareAndSwap(old, n) {
				break
			}
		}
	}
	return b.Bytes(), nil
}

// Mark inserts a position marker before every template line that starts a
// Markdown block: a non-blank line after a blank line (or at the start),
// outside template actions and fenced blocks, that is not a list item,
// table row or indented continuation, and does not start with a
// whitespace-trimming action "{{-" (which would swallow the marker's line
// break).
func Mark(name string, src []byte) []byte {
	var out bytes.Buffer
	lines := strings.SplitAfter(string(src), "\n")
	prevBlank, inFence, depth := true, false, 0
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if depth == 0 && !inFence && prevBlank && trimmed != "" && startsBlock(line) {
			fmt.Fprintf(&out, "<!--@%s:%d-->\n", path.Clean(name), i+1)
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
	return out.Bytes()
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
