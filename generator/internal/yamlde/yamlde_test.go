package yamlde

import (
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// problemOf is the problem go.yaml.in/yaml reports for src, without
// "yaml: line N: ".
var problemOf = regexp.MustCompile(`^yaml: (?:line \d+: )?`)

// TestProblemOfTheParser feeds the parser broken files and translates
// what it says: every problem is known (said in German, not quoted), with
// the stage the parser reports it from. It pins the English texts of the
// pinned parser version the table matches.
func TestProblemOfTheParser(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		src, de string
		parser  bool
	}{
		{"a:\n  b: 1\n c: 2\n", "ein Schlüssel wurde erwartet", true},
		{"- a\nb: 1\n", "ein Listeneintrag „- “ wurde erwartet", true},
		{"a: [1, 2\n", "„,“ oder „]“ erwartet", true},
		{"a: {b: 1\n", "„,“ oder „}“ erwartet", true},
		{"a: !x!y z\n", "unbekannter Tag-Präfix", true},
		{"a: b: c\n", "„: “ ist hier nicht erlaubt", false},
		{"a: \"x\\q\"\n", "unbekannte Escape-Sequenz", false},
		{"a:\n\t- b\n", "dieses Zeichen kann hier nichts beginnen", false},
		{"a: \"x\n", "unerwartetes Dateiende", false},
		{"a: \xff\n", "ungültiges UTF-8", false},
		{"a: \x01\n", "Steuerzeichen sind nicht erlaubt", false},
	} {
		var n yaml.Node
		err := yaml.Unmarshal([]byte(c.src), &n)
		if err == nil {
			t.Fatalf("%q: kein Fehler des Parsers", c.src)
		}
		de, parser := Problem(problemOf.ReplaceAllString(err.Error(), ""))
		if !strings.HasPrefix(de, c.de) || parser != c.parser {
			t.Errorf("%q (%v): %q, parser=%v; erwartet %q…, parser=%v", c.src, err, de, parser, c.de, c.parser)
		}
	}
}

// TestProblemUnknown quotes what the table does not know.
func TestProblemUnknown(t *testing.T) {
	t.Parallel()
	if de, parser := Problem("something new"); de != "„something new“ (Meldung des YAML-Parsers)" || parser {
		t.Errorf("%q, parser=%v", de, parser)
	}
}

// TestProblemsReachable: no entry starts with the text of an earlier one,
// which would answer for it (the first match wins).
func TestProblemsReachable(t *testing.T) {
	t.Parallel()
	for i, later := range problems {
		for _, earlier := range problems[:i] {
			if strings.HasPrefix(later.en, earlier.en) {
				t.Errorf("%q is hidden by %q", later.en, earlier.en)
			}
		}
	}
}
