package refdata

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// ErrProjektplan is returned (wrapped) by [LoadProjektplan] when the file
// with the tasks of the Musterprojektplan cannot be read or is invalid.
var ErrProjektplan = errors.New("refdata: Aufgaben des Projektplans fehlerhaft")

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

// parseProjektplan decodes and checks the task data: unknown keys, a
// source, roles with a unique Kuerzel, a name and a section; tasks with a
// known phase, role and dimension, a text, a section and known models.
// Every problem is reported with file, line and path.
func parseProjektplan(file string, b []byte) (*Projektplan, error) {
	fail := func(line int, path, msg string) error {
		return fmt.Errorf("%w: %s", ErrProjektplan, Error{File: file, Line: line, Path: path, Msg: msg}.Error())
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(b, &doc); err != nil {
		line, msg := yamlProblem(err)
		return nil, fail(line, "", "kein gültiges YAML: "+msg)
	}
	if len(doc.Content) == 0 {
		return nil, fail(0, "", "Datei ist leer")
	}
	if hasAlias(&doc) {
		return nil, fail(0, "", "Anker und Aliase werden nicht unterstützt")
	}
	var y planYAML
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&y); err != nil {
		line, msg := yamlProblem(err)
		return nil, fail(line, "", msg)
	}
	lines := itemLines(doc.Content[0])
	if strings.TrimSpace(y.Quelle) == "" {
		return nil, fail(0, "quelle", "die Quelle der Aufgaben fehlt")
	}
	p := &Projektplan{Quelle: y.Quelle, Quelldatei: y.Quelldatei, Datei: file, Rollen: y.Rollen, Aufgaben: y.Aufgaben}
	known := map[string]bool{}
	for i, r := range y.Rollen {
		path := fmt.Sprintf("rollen[%d]", i)
		line := lines["rollen"][i]
		switch {
		case r.Kuerzel == "" || strings.TrimSpace(r.Kuerzel) != r.Kuerzel:
			return nil, fail(line, path+".kuerzel", "Kürzel fehlt oder hat Leerraum am Rand")
		case known[r.Kuerzel]:
			return nil, fail(line, path+".kuerzel", "Kürzel „"+r.Kuerzel+"“ doppelt")
		case strings.TrimSpace(r.Name) == "":
			return nil, fail(line, path+".name", "Name fehlt")
		case strings.TrimSpace(r.Abschnitt) == "":
			return nil, fail(line, path+".abschnitt", "Abschnitt der Quelle fehlt")
		}
		known[r.Kuerzel] = true
	}
	if len(y.Aufgaben) == 0 {
		return nil, fail(0, "aufgaben", "keine Aufgaben")
	}
	for i, a := range y.Aufgaben {
		path := fmt.Sprintf("aufgaben[%d]", i)
		line := lines["aufgaben"][i]
		oneOf := func(field, v string, allowed []string) error {
			msg := fmt.Sprintf("„%s“ (erlaubt: %s)", v, strings.Join(allowed, ", "))
			if s := Suggest(v, allowed); s != "" {
				msg += fmt.Sprintf(" – meinten Sie „%s“?", s)
			}
			return fail(line, path+"."+field, msg)
		}
		switch {
		case !slices.Contains(PlanPhasen, a.Phase):
			return nil, oneOf("phase", a.Phase, PlanPhasen)
		case !known[a.Rolle]:
			return nil, oneOf("rolle", a.Rolle, slices.Sorted(maps.Keys(known)))
		case !slices.Contains(PlanDimensionen, a.Dimension):
			return nil, oneOf("dimension", a.Dimension, PlanDimensionen)
		case strings.TrimSpace(a.Aufgabe) == "":
			return nil, fail(line, path+".aufgabe", "Text der Aufgabe fehlt")
		case strings.TrimSpace(a.Abschnitt) == "":
			return nil, fail(line, path+".abschnitt", "Abschnitt der Quelle fehlt")
		}
		for j, m := range a.Modelle {
			if !slices.Contains(planModelle, m) {
				return nil, oneOf(fmt.Sprintf("modelle[%d]", j), m, planModelle)
			}
		}
	}
	return p, nil
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

var (
	planErrLine = regexp.MustCompile(`line (\d+): (.*)`)
	planUnknown = regexp.MustCompile(`^field (\S+) not found in type`)
)

// yamlProblem is the first line and message of a yaml error, an unknown
// key said in German.
func yamlProblem(err error) (int, string) {
	m := planErrLine.FindStringSubmatch(err.Error())
	if m == nil {
		return 0, err.Error()
	}
	n, _ := strconv.Atoi(m[1])
	if u := planUnknown.FindStringSubmatch(m[2]); u != nil {
		return n, "unbekannter Schlüssel „" + u[1] + "“"
	}
	return n, m[2]
}
