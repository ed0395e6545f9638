package refdata

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/vereinbar/vereinbar/generator/internal/yamlde"
	"go.yaml.in/yaml/v3"
)

// ErrProjektplan is returned (wrapped) by [LoadProjektplan] when the file
// with the tasks of the Musterprojektplan cannot be read or is invalid.
var ErrProjektplan = errors.New("Aufgaben des Projektplans fehlerhaft")

// PlanPhasen are the phases of the Musterprojektplan in their order (the
// five project phases of Leitfaden chapter 3) and "laufend", the tasks
// independent of projects and phases (3.6), which run the whole project.
var PlanPhasen = []string{"initialisierung", "pruefung", "planung", "umsetzung", "einfuehrung", "laufend"}

// PlanDimensionen are the four dimensions of the Arbeitshilfen (Leitfaden
// chapter 4) in their order.
var PlanDimensionen = []string{"organisatorisch", "rechtlich", "finanziell", "technisch"}

// planModelle are the re-use models a task may be limited to.
var planModelle = []string{"efa", "zentral_entwickelt_dezentral_betrieben", "fim_eigenentwicklung"}

// Projektplan is the task data of the Musterprojektplan: the roles and
// the tasks the seed guide assigns per phase, role and dimension.
type Projektplan struct {
	// Quelle names the source of the data as a whole, Quelldatei the file
	// of the source (the seed guide's text); each task names its section.
	Quelle, Quelldatei string
	// Datei is the file the data was read from: "eingebaut:projektplan.yaml"
	// for the built-in data.
	Datei    string
	Rollen   []PlanRolle
	Aufgaben []PlanAufgabe
}

// PlanRolle is a role of the plan: "OZG-K", "OZG-Koordination".
type PlanRolle struct {
	Kuerzel   string `yaml:"kuerzel"`
	Name      string `yaml:"name"`
	Abschnitt string `yaml:"abschnitt"` // section of the seed guide naming the role
}

// PlanAufgabe is one task: in a phase (PlanPhasen), of a role (a
// PlanRolle's Kuerzel), in a dimension (PlanDimensionen), with the
// section of the seed guide that describes it; Modelle limits it to
// those re-use models (none: every model).
type PlanAufgabe struct {
	Phase     string   `yaml:"phase"`
	Rolle     string   `yaml:"rolle"`
	Dimension string   `yaml:"dimension"`
	Aufgabe   string   `yaml:"aufgabe"`
	Abschnitt string   `yaml:"abschnitt"`
	Modelle   []string `yaml:"modelle"`
}

// For returns the tasks that apply to a re-use model, in file order.
func (p *Projektplan) For(modell string) []PlanAufgabe {
	var out []PlanAufgabe
	for _, a := range p.Aufgaben {
		if len(a.Modelle) == 0 || slices.Contains(a.Modelle, modell) {
			a.Modelle = slices.Clone(a.Modelle)
			out = append(out, a)
		}
	}
	return out
}

// Rolle returns the role with that Kuerzel.
func (p *Projektplan) Rolle(kuerzel string) (PlanRolle, bool) {
	for _, r := range p.Rollen {
		if r.Kuerzel == kuerzel {
			return r, true
		}
	}
	return PlanRolle{}, false
}

// projektplanFile is the embedded task data.
const projektplanFile = "data/projektplan.yaml"

var loadBuiltinPlan = sync.OnceValues(func() (*Projektplan, error) {
	b, err := dataFS.ReadFile(projektplanFile)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBuiltin, err)
	}
	p, err := parseProjektplan(builtinPrefix+"projektplan.yaml", b)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBuiltin, err)
	}
	return p, nil
})

// LoadProjektplan returns the task data of the Musterprojektplan: the
// built-in data for file "", else the data of file, which replaces the
// built-in data as a whole (the same format, checked by the same rules).
// Errors name file, line and the path in the file and wrap
// ErrProjektplan. The result is shared: callers must not change it.
func LoadProjektplan(file string) (*Projektplan, error) {
	if file == "" {
		return loadBuiltinPlan()
	}
	fi, err := os.Stat(file)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%w: „%s“ existiert nicht", ErrProjektplan, file)
	case err != nil:
		return nil, fmt.Errorf("%w: „%s“: %w", ErrProjektplan, file, err)
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("%w: „%s“ ist keine reguläre Datei", ErrProjektplan, file)
	case fi.Size() > MaxFileSize:
		return nil, fmt.Errorf("%w: %s: Datei ist größer als 1 MiB (%d Bytes); nicht gelesen", ErrProjektplan, file, fi.Size())
	}
	f, err := os.Open(file)
	if err != nil {
		return nil, fmt.Errorf("%w: „%s“: %w", ErrProjektplan, file, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("%w: „%s“: %w", ErrProjektplan, file, err)
	}
	if len(b) > MaxFileSize {
		return nil, fmt.Errorf("%w: %s: Datei ist größer als 1 MiB; nicht gelesen", ErrProjektplan, file)
	}
	return parseProjektplan(file, b)
}

// planYAML is the on-disk form.
type planYAML struct {
	Quelle     string        `yaml:"quelle"`
	Quelldatei string        `yaml:"quelldatei"`
	Rollen     []PlanRolle   `yaml:"rollen"`
	Aufgaben   []PlanAufgabe `yaml:"aufgaben"`
}

// parseProjektplan decodes and checks the task data: the shape (keys,
// lists, texts) node by node, then a source, roles with a unique Kuerzel,
// a name and a section; tasks with a known phase, role and dimension, a
// text, a section and known models. Every problem is reported in German
// with file, the line of the field and its path („aufgaben[3].phase“),
// like the project file's errors.
func parseProjektplan(file string, b []byte) (*Projektplan, error) {
	fail := func(line int, path, msg string) error {
		return fmt.Errorf("%w: %s", ErrProjektplan, Error{File: file, Line: line, Path: path, Msg: msg}.Error())
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		line, msg := yamlSyntax(err)
		return nil, fail(line, "", "kein gültiges YAML: "+msg)
	}
	if len(doc.Content) == 0 {
		return nil, fail(0, "", "Datei ist leer")
	}
	if hasAlias(&doc) {
		return nil, fail(0, "", "Anker und Aliase werden nicht unterstützt")
	}
	lines := map[string]int{}
	if err := planShape(doc.Content[0], lines); err != nil {
		return nil, fail(err.Line, err.Path, err.Msg)
	}
	var y planYAML
	if err := doc.Content[0].Decode(&y); err != nil { // the shape is checked: no type errors left
		line, msg := yamlSyntax(err)
		return nil, fail(line, "", msg)
	}
	if strings.TrimSpace(y.Quelle) == "" {
		return nil, fail(lines["quelle"], "quelle", "die Quelle der Aufgaben fehlt")
	}
	// at returns the line of a field, else of its item
	at := func(item, field string) int {
		if l, ok := lines[item+"."+field]; ok {
			return l
		}
		return lines[item]
	}
	p := &Projektplan{Quelle: y.Quelle, Quelldatei: y.Quelldatei, Datei: file, Rollen: y.Rollen, Aufgaben: y.Aufgaben}
	known := map[string]bool{}
	for i, r := range y.Rollen {
		path := fmt.Sprintf("rollen[%d]", i)
		switch {
		case r.Kuerzel == "" || strings.TrimSpace(r.Kuerzel) != r.Kuerzel:
			return nil, fail(at(path, "kuerzel"), path+".kuerzel", "Kürzel fehlt oder hat Leerraum am Rand")
		case known[r.Kuerzel]:
			return nil, fail(at(path, "kuerzel"), path+".kuerzel", "Kürzel „"+r.Kuerzel+"“ doppelt")
		case strings.TrimSpace(r.Name) == "":
			return nil, fail(at(path, "name"), path+".name", "Name fehlt")
		case strings.TrimSpace(r.Abschnitt) == "":
			return nil, fail(at(path, "abschnitt"), path+".abschnitt", "Abschnitt der Quelle fehlt")
		}
		known[r.Kuerzel] = true
	}
	if len(y.Aufgaben) == 0 {
		return nil, fail(lines["aufgaben"], "aufgaben", "keine Aufgaben")
	}
	for i, a := range y.Aufgaben {
		path := fmt.Sprintf("aufgaben[%d]", i)
		oneOf := func(field, v string, allowed []string) error {
			msg := fmt.Sprintf("„%s“ (erlaubt: %s)", v, strings.Join(allowed, ", "))
			if s := Suggest(v, allowed); s != "" {
				msg += fmt.Sprintf(" – meinten Sie „%s“?", s)
			}
			return fail(at(path, field), path+"."+field, msg)
		}
		switch {
		case !slices.Contains(PlanPhasen, a.Phase):
			return nil, oneOf("phase", a.Phase, PlanPhasen)
		case !known[a.Rolle]:
			return nil, oneOf("rolle", a.Rolle, slices.Sorted(maps.Keys(known)))
		case !slices.Contains(PlanDimensionen, a.Dimension):
			return nil, oneOf("dimension", a.Dimension, PlanDimensionen)
		case strings.TrimSpace(a.Aufgabe) == "":
			return nil, fail(at(path, "aufgabe"), path+".aufgabe", "Text der Aufgabe fehlt")
		case strings.TrimSpace(a.Abschnitt) == "":
			return nil, fail(at(path, "abschnitt"), path+".abschnitt", "Abschnitt der Quelle fehlt")
		}
		for j, m := range a.Modelle {
			if !slices.Contains(planModelle, m) {
				return nil, oneOf(fmt.Sprintf("modelle[%d]", j), m, planModelle)
			}
		}
	}
	return p, nil
}

// The shape of the task file: which keys a mapping has and what each
// holds (planText: a text; planList: a list of the item shape).
type planKind int

const (
	planText planKind = iota
	planList
	planMap
)

type planField struct {
	kind planKind
	item *planShapeOf // for planList of mappings; nil: a list of texts
}

type planShapeOf struct {
	keys   []string // in the order of the format
	fields map[string]planField
}

var (
	planRolleShape = &planShapeOf{keys: []string{"kuerzel", "name", "abschnitt"},
		fields: map[string]planField{"kuerzel": {}, "name": {}, "abschnitt": {}}}
	planAufgabeShape = &planShapeOf{keys: []string{"phase", "rolle", "dimension", "aufgabe", "abschnitt", "modelle"},
		fields: map[string]planField{"phase": {}, "rolle": {}, "dimension": {}, "aufgabe": {}, "abschnitt": {}, "modelle": {kind: planList}}}
	planRootShape = &planShapeOf{keys: []string{"quelle", "quelldatei", "rollen", "aufgaben"},
		fields: map[string]planField{"quelle": {}, "quelldatei": {}, "rollen": {kind: planList, item: planRolleShape}, "aufgaben": {kind: planList, item: planAufgabeShape}}}
)

// planShape checks the tree of the task file against its shape and
// records the line of every path; the first problem is returned.
func planShape(root *yaml.Node, lines map[string]int) *Error {
	return checkMapping(root, "", planRootShape, lines)
}

func joinPath(base, key string) string {
	if base == "" {
		return key
	}
	return base + "." + key
}

func checkMapping(n *yaml.Node, path string, shape *planShapeOf, lines map[string]int) *Error {
	if n.Kind != yaml.MappingNode {
		what := "die Datei"
		if path != "" {
			what = "der Eintrag"
		}
		return &Error{Line: n.Line, Path: path, Msg: fmt.Sprintf("%s muss eine Zuordnung von Schlüsseln sein (%s), nicht %s", what, strings.Join(shape.keys, ", "), describe(n))}
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		f, ok := shape.fields[k.Value]
		if !ok || k.Kind != yaml.ScalarNode {
			msg := "unbekannter Schlüssel „" + k.Value + "“"
			if s := Suggest(k.Value, shape.keys); s != "" {
				msg += " – meinten Sie „" + s + "“?"
			} else {
				msg += " (erlaubt: " + strings.Join(shape.keys, ", ") + ")"
			}
			return &Error{Line: k.Line, Path: joinPath(path, k.Value), Msg: msg}
		}
		if first, dup := seen[k.Value]; dup {
			return &Error{Line: k.Line, Path: joinPath(path, k.Value), Msg: fmt.Sprintf("Schlüssel „%s“ doppelt (zuerst in Zeile %d)", k.Value, first)}
		}
		seen[k.Value] = k.Line
		p := joinPath(path, k.Value)
		lines[p] = v.Line
		if err := checkField(v, p, f, lines); err != nil {
			return err
		}
	}
	return nil
}

func checkField(v *yaml.Node, path string, f planField, lines map[string]int) *Error {
	switch f.kind {
	case planText:
		if v.Kind != yaml.ScalarNode {
			return &Error{Line: v.Line, Path: path, Msg: "muss ein Text sein, nicht " + describe(v)}
		}
	case planList:
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			return nil // an empty list
		}
		if v.Kind != yaml.SequenceNode {
			return &Error{Line: v.Line, Path: path, Msg: "muss eine Liste sein, nicht " + describe(v)}
		}
		for i, it := range v.Content {
			p := fmt.Sprintf("%s[%d]", path, i)
			lines[p] = it.Line
			var err *Error
			if f.item != nil {
				err = checkMapping(it, p, f.item, lines)
			} else {
				err = checkField(it, p, planField{}, lines)
			}
			if err != nil {
				return err
			}
		}
	}
	return nil
}

// itemLines returns for the top-level sequences of a mapping the line of
// each item.
func itemLines(root *yaml.Node) map[string][]int {
	out := map[string][]int{}
	if root.Kind != yaml.MappingNode {
		return out
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		for _, it := range v.Content {
			out[k.Value] = append(out[k.Value], it.Line)
		}
	}
	return out
}

// hasAlias reports whether a YAML tree holds an anchor's alias.
func hasAlias(n *yaml.Node) bool {
	if n.Kind == yaml.AliasNode {
		return true
	}
	for _, c := range n.Content {
		if hasAlias(c) {
			return true
		}
	}
	return false
}

// yamlSyntax is the line and German message of an error of the YAML
// parser: its line corrected like the KS tables' (parser problems name
// the 0-based line of the enclosing block), its text translated.
func yamlSyntax(err error) (int, string) {
	msg, line := err.Error(), 0
	if m := yamlErrLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	de, _ := yamlde.Problem(msg)
	if yamlParserProblems[msg] {
		// the line where the enclosing block begins, not the mistake
		return line + 1, "im Abschnitt ab dieser Zeile: " + de
	}
	return line, de
}
