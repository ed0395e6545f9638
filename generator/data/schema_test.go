package data_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/internal/testtool"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/vereinbar/vereinbar/generator/data"
	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite golden files instead of comparing against them")

// fixturesDir is the repository's fixtures/ seen from this package.
const fixturesDir = "../../fixtures"

// schemaFile is the committed schema the fixtures' modelines point at.
var schemaFile = filepath.Join(fixturesDir, "vorhaben.schema.json")

// TestSchemaGolden keeps the committed schema, which editors read through
// the yaml-language-server modeline, identical to the one reflected from the
// Go types. After changing types.go: go test ./generator/data -run Schema -update
func TestSchemaGolden(t *testing.T) {
	got, err := data.Schema()
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, schemaFile, got)
}

// TestSchemaModelines checks that every fixture names the schema in its
// first line, so editors validate and complete it.
func TestSchemaModelines(t *testing.T) {
	t.Parallel()
	for dir, want := range map[string]string{
		fixturesDir:                           "# yaml-language-server: $schema=vorhaben.schema.json",
		filepath.Join(fixturesDir, "invalid"): "# yaml-language-server: $schema=../vorhaben.schema.json",
	} {
		for _, path := range yamlFiles(t, dir) {
			if got := firstLine(t, path); got != want {
				t.Errorf("%s: first line is\n  %q\nwant\n  %q", path, got, want)
			}
		}
	}
}

// TestSchemaAcceptsValidFixtures validates every valid fixture against the
// schema: the schema must not be stricter than the decoder on files the
// decoder accepts.
func TestSchemaAcceptsValidFixtures(t *testing.T) {
	t.Parallel()
	sch := compileSchema(t)
	paths := yamlFiles(t, fixturesDir)
	if len(paths) == 0 {
		t.Fatalf("no fixtures in %s", fixturesDir)
	}
	for _, path := range paths {
		t.Run(filepath.Base(path), func(t *testing.T) {
			t.Parallel()
			v := yamlFileToJSON(t, path)
			if err := sch.Validate(v); err != nil {
				t.Errorf("%s does not validate against the schema:\n%v", path, err)
			}
		})
	}
}

// schemaVerdicts classifies every invalid fixture by what the schema alone
// can see. A new fixture must be added here, so its classification is a
// deliberate decision.
//
// Rejected by the schema: the structural mistakes (unknown or missing key,
// wrong type, value outside an enum or pattern) — and, because OZGID and
// LeiKa carry their patterns in the schema, also ozg-id and leika, which the
// decoder reports only during semantic validation; and the dates that do not
// exist or lie outside 2000–2100 (datum-unmoeglich, datum-unplausibel).
//
// Accepted by the schema (the mistake is semantic, or needs more than one
// value, or happens below JSON): betrag-als-gleitkomma (1.8e5 is a number
// ≥ 0; only the decoder insists on the literal's form), doppelte-partei,
// doppelter-yaml-schluessel (a duplicate key is a YAML-level mistake; the
// converted JSON object simply has one key), ende-vor-beginn, fest-summe,
// gewichte, jahre-absteigend, kein-umsetzendes, ks-jahr-unbekannt,
// leitweg-pruefziffer (the pattern holds; a check digit is arithmetic),
// nutzung-ohne-werte, platzhalter ("TODO: …" is a non-empty string),
// traeger-unbekannt (NW is a valid code, just not a party), zwei-umsetzende.
//
// Not converted at all: syntaxfehler, einrueckung, tabulator, doppelpunkt,
// klammer (no YAML) and alias-bombe (refusing to expand it is the point).
var schemaVerdicts = map[string]struct {
	reject bool
	at     string // JSON pointer of the instance the schema complains about (reject only)
	skip   string // why the fixture is not converted
}{
	"unbekannter-schluessel":       {reject: true, at: ""},
	"falscher-typ":                 {reject: true, at: "/vertrag/kuendigungsfrist_monate"},
	"pflichtfeld-fehlt":            {reject: true, at: "/parteien/1"},
	"ungueltige-vertragsform":      {reject: true, at: "/vertrag/form"},
	"betrag-drei-nachkommastellen": {reject: true, at: "/kosten/positionen/1/betrag"},
	"unbekanntes-land":             {reject: true, at: "/parteien/2/land"},
	"themenfeld":                   {reject: true, at: "/leistung/themenfeld"},
	"fuenf-fehler":                 {reject: true},
	"ozg-id":                       {reject: true, at: "/leistung/ozg/0/id"},
	"leika":                        {reject: true, at: "/leistung/leika/0"},
	"datum-unplausibel":            {reject: true, at: "/vorhaben/stand"},
	"datum-unmoeglich":             {reject: true, at: "/vertrag/beginn"},

	"betrag-als-gleitkomma":     {},
	"doppelte-partei":           {},
	"doppelter-yaml-schluessel": {},
	"ende-vor-beginn":           {},
	"fest-summe":                {},
	"gewichte":                  {},
	"jahre-absteigend":          {},
	"kein-umsetzendes":          {},
	"ks-jahr-unbekannt":         {},
	"leitweg-pruefziffer":       {},
	"nutzung-ohne-werte":        {},
	"platzhalter":               {},
	"traeger-unbekannt":         {},
	"zwei-umsetzende":           {},

	"syntaxfehler": {skip: "kein gültiges YAML"},
	"einrueckung":  {skip: "kein gültiges YAML"},
	"tabulator":    {skip: "kein gültiges YAML"},
	"doppelpunkt":  {skip: "kein gültiges YAML"},
	"klammer":      {skip: "kein gültiges YAML"},
	"alias-bombe":  {skip: "Aliase werden absichtlich nicht aufgelöst"},
}

func TestSchemaOnInvalidFixtures(t *testing.T) {
	t.Parallel()
	sch := compileSchema(t)
	var names []string
	for _, path := range yamlFiles(t, filepath.Join(fixturesDir, "invalid")) {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		names = append(names, name)
		verdict, ok := schemaVerdicts[name]
		if !ok {
			t.Errorf("%s: not classified in schemaVerdicts", path)
			continue
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if verdict.skip != "" {
				t.Skip(verdict.skip)
			}
			err := sch.Validate(yamlFileToJSON(t, path))
			switch {
			case verdict.reject && err == nil:
				t.Errorf("%s: the schema accepts it, want a rejection", path)
			case !verdict.reject && err != nil:
				t.Errorf("%s: the schema rejects it (update schemaVerdicts if intended):\n%v", path, err)
			case verdict.reject && verdict.at != "":
				if locs := leafLocations(err); !slices.Contains(locs, verdict.at) {
					t.Errorf("%s: schema errors at %q, want one at %q:\n%v", path, locs, verdict.at, err)
				}
			}
		})
	}
	for name := range schemaVerdicts {
		if !slices.Contains(names, name) {
			t.Errorf("schemaVerdicts names %q, but fixtures/invalid/%s.yaml does not exist", name, name)
		}
	}
}

// TestSchemaFuenfFehler checks that the schema sees the four structural
// mistakes of fuenf-fehler (the fifth, an unknown KS year, is semantic).
func TestSchemaFuenfFehler(t *testing.T) {
	t.Parallel()
	sch := compileSchema(t)
	err := sch.Validate(yamlFileToJSON(t, filepath.Join(fixturesDir, "invalid", "fuenf-fehler.yaml")))
	if err == nil {
		t.Fatal("fuenf-fehler.yaml validates against the schema")
	}
	got := leafLocations(err)
	for _, want := range []string{"", "/vorhaben/kurztitel", "/vertrag/kuendigungsfrist_monate", "/kosten/positionen/1/betrag"} {
		if !slices.Contains(got, want) {
			t.Errorf("no schema error at %q; got %q:\n%v", want, got, err)
		}
	}
}

// TestYAMLToJSON pins the conversion the schema tests rely on.
func TestYAMLToJSON(t *testing.T) {
	t.Parallel()
	src := `
a: 1
b: 1.8e5
c: "1"
d: true
e: ~
f: 2027-01-01
g: [0x1F, -3, 1_000]
h: &x {k: v}
i: *x
j: 12345.67
`
	got, err := yamlToJSON([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]any{
		"a": json.Number("1"),
		"b": json.Number("1.8e5"),
		"c": "1",
		"d": true,
		"e": nil,
		"f": "2027-01-01",
		"g": []any{json.Number("31"), json.Number("-3"), json.Number("1000")},
		"h": map[string]any{"k": "v"},
		"i": map[string]any{"k": "v"},
		"j": json.Number("12345.67"),
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("yamlToJSON (-want +got):\n%s", diff)
	}
	for _, bad := range []string{"a: .inf", "a: .nan", "<<: {a: 1}", "? [a]\n: 1", "a: !!binary aGk="} {
		if v, err := yamlToJSON([]byte(bad)); err == nil {
			t.Errorf("yamlToJSON(%q) = %v, want an error", bad, v)
		}
	}
}

// compileSchema compiles data.Schema() (which TestSchemaGolden keeps equal
// to the committed file).
func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	b, err := data.Schema()
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	const url = "https://vereinbar.invalid/vorhaben.schema.json"
	c := jsonschema.NewCompiler()
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatalf("compile schema: %v", err)
	}
	return sch
}

// leafLocations returns the JSON pointers of the innermost schema errors.
func leafLocations(err error) []string {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var locs []string
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		if len(e.Causes) == 0 {
			p := ""
			for _, tok := range e.InstanceLocation {
				p += "/" + tok
			}
			locs = append(locs, p)
		}
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	return locs
}

func yamlFileToJSON(t *testing.T, path string) any {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	v, err := yamlToJSON(src)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

// maxJSONNodes bounds the conversion so an alias bomb cannot expand.
const maxJSONNodes = 100_000

// yamlToJSON converts one YAML document into the JSON value an editor's
// schema validator sees, by tag: !!int and !!float become json.Number from
// the literal (non-decimal integers are rewritten in decimal), !!bool a
// bool, !!null nil, !!str and !!timestamp the literal text, mappings
// map[string]any and sequences []any. Merge keys, non-scalar keys,
// non-finite floats and other tags have no JSON equivalent and are errors.
// A duplicate key keeps its last value.
func yamlToJSON(src []byte) (any, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, err
	}
	budget := maxJSONNodes
	return nodeToJSON(&doc, &budget)
}

func nodeToJSON(n *yaml.Node, budget *int) (any, error) {
	if *budget--; *budget < 0 {
		return nil, fmt.Errorf("more than %d nodes (alias bomb?)", maxJSONNodes)
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) != 1 {
			return nil, fmt.Errorf("line %d: document with %d nodes", n.Line, len(n.Content))
		}
		return nodeToJSON(n.Content[0], budget)
	case yaml.AliasNode:
		return nodeToJSON(n.Alias, budget)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			for k.Kind == yaml.AliasNode {
				k = k.Alias
			}
			if k.Kind != yaml.ScalarNode || k.Tag == "!!merge" {
				return nil, fmt.Errorf("line %d: key %q has no JSON equivalent", k.Line, k.Value)
			}
			v, err := nodeToJSON(n.Content[i+1], budget)
			if err != nil {
				return nil, err
			}
			m[k.Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := nodeToJSON(c, budget)
			if err != nil {
				return nil, err
			}
			s = append(s, v)
		}
		return s, nil
	case yaml.ScalarNode:
		return scalarToJSON(n)
	}
	return nil, fmt.Errorf("line %d: unknown node kind %d", n.Line, n.Kind)
}

func scalarToJSON(n *yaml.Node) (any, error) {
	switch n.Tag {
	case "!!str", "!!timestamp":
		return n.Value, nil
	case "!!null":
		return nil, nil
	case "!!bool":
		switch strings.ToLower(n.Value) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
	case "!!int":
		if json.Valid([]byte(n.Value)) {
			return json.Number(n.Value), nil
		}
		// 0x1F, 0o17, 1_000: same integer, decimal spelling.
		if i, ok := new(big.Int).SetString(n.Value, 0); ok {
			return json.Number(i.String()), nil
		}
	case "!!float":
		if json.Valid([]byte(n.Value)) {
			return json.Number(n.Value), nil
		}
	}
	return nil, fmt.Errorf("line %d: %s %q has no JSON equivalent", n.Line, n.Tag, n.Value)
}

// yamlFiles lists dir/*.yaml in name order.
func yamlFiles(t *testing.T, dir string) []string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return paths
}

func firstLine(t *testing.T, path string) string {
	t.Helper()
	fh, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	sc.Scan()
	return sc.Text()
}

// checkGolden compares got with the golden file at path (-update rewrites).
func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	testtool.Golden(t, path, got, *update)
}

// TestSchemaPatternMessages: VS Code's YAML extension shows a schema's
// patternErrorMessage instead of "String does not match the pattern of
// …"; every pattern of the schema carries a German one, and amounts and
// dates an errorMessage for a value of the wrong type too.
func TestSchemaPatternMessages(t *testing.T) {
	t.Parallel()
	b, err := data.Schema()
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	patterns := 0
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case map[string]any:
			if p, ok := v["pattern"].(string); ok {
				patterns++
				msg, _ := v["patternErrorMessage"].(string)
				if msg == "" || !strings.ContainsAny(msg, "äöüßÄÖÜ„“") && !strings.Contains(msg, " und ") {
					t.Errorf("%s: pattern %s without a German patternErrorMessage (%q)", path, p, msg)
				}
			}
			for k, c := range v {
				walk(path+"/"+k, c)
			}
		case []any:
			for i, c := range v {
				walk(fmt.Sprintf("%s/%d", path, i), c)
			}
		}
	}
	walk("", doc)
	if patterns < 8 {
		t.Errorf("only %d patterns found", patterns)
	}
	defs := doc.(map[string]any)["$defs"].(map[string]any)
	for _, c := range []struct {
		def, want string
		branches  []int // anyOf branches, nil for the definition itself
	}{
		{"Datum", "JJJJ-MM-TT", nil},
		{"Betrag", `"480000.00"`, []int{0, 1}},
		{"Prozent", "33.33", []int{0, 1}},
	} {
		d := defs[c.def].(map[string]any)
		targets := []map[string]any{d}
		if c.branches != nil {
			targets = nil
			for _, i := range c.branches {
				targets = append(targets, d["anyOf"].([]any)[i].(map[string]any))
			}
		}
		for _, s := range targets {
			if msg, _ := s["errorMessage"].(string); !strings.Contains(msg, c.want) {
				t.Errorf("%s: errorMessage %q lacks %q", c.def, msg, c.want)
			}
		}
	}
}
