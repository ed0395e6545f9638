package generator_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/model"
)

// agreementText builds the ring agreement of wohngeld-ring.yaml after
// regexp edits of the file (pattern, replacement, …) and returns the text
// of the section with the id.
func agreementText(t *testing.T, section string, edits ...string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(fixturesDir, "wohngeld-ring.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	for i := 0; i+1 < len(edits); i += 2 {
		re := regexp.MustCompile("(?m)" + edits[i])
		if !re.MatchString(s) {
			t.Fatalf("Muster %q passt nicht", edits[i])
		}
		s = re.ReplaceAllString(s, edits[i+1])
	}
	gen := newGenerator(t)
	p, err := gen.ParseProject("wohngeld-ring.yaml", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	res, err := gen.Costs(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range gen.Docs(p) {
		if k.File != "vereinbarung" {
			continue
		}
		d, err := gen.Document(context.Background(), p, res, k)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		_ = model.Walk(d, func(bl model.Block, secs []*model.Section) error {
			in := false
			for _, sec := range secs {
				in = in || sec.ID == section
			}
			if p, ok := bl.(*model.Paragraph); ok && in {
				b.WriteString(strings.ReplaceAll(model.PlainText(p.Inlines), "\u00a0", " ") + "\n")
			}
			if tb, ok := bl.(*model.Table); ok && in {
				for _, r := range tb.Rows {
					for _, c := range r.Cells {
						b.WriteString(strings.ReplaceAll(model.PlainText(c.Inlines), "\u00a0", " ") + " | ")
					}
					b.WriteString("\n")
				}
			}
			return nil
		})
		return b.String()
	}
	t.Fatal("keine Vereinbarung")
	return ""
}

// TestServiceLevelFallback: each service level missing from the data is
// replaced by its own complete rule in the annex, never by a placeholder,
// while the values that are given stay.
func TestServiceLevelFallback(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, key, given, fallback string
	}{
		{"Verfügbarkeit", `^    verfuegbarkeit: .*\n`, "zu mindestens 99,5 % verfügbar", "Eine Verfügbarkeit ist nicht in Zahlen vereinbart."},
		{"Servicezeiten", `^    servicezeiten: .*\n`, "Die Servicezeiten des Supports sind montags bis freitags", "Die Servicezeiten des Supports sind die Dienstzeiten, zu denen das umsetzende Land"},
		{"Reaktionszeiten", `(?s)^    reaktionszeiten:\n.*?(\n    wartungsfenster)`, "| 1 Stunde | 4 Stunden |", "bearbeitet Störungen unverzüglich nach ihrer Dringlichkeit"},
		{"Wartungsfenster", `^    wartungsfenster: .*\n`, "Regelmäßige Wartungsfenster sind dienstags", "Regelmäßige Wartungsfenster sind nicht vereinbart"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			full := agreementText(t, "leistungsbeschreibung")
			if !strings.Contains(full, tt.given) || strings.Contains(full, tt.fallback) {
				t.Fatalf("mit allen Werten: %q fehlt oder %q steht da:\n%s", tt.given, tt.fallback, full)
			}
			repl := ""
			if strings.HasSuffix(tt.key, "wartungsfenster)") {
				repl = "$1"
			}
			got := agreementText(t, "leistungsbeschreibung", tt.key, repl)
			if strings.Contains(got, tt.given) || !strings.Contains(got, tt.fallback) {
				t.Errorf("ohne %s: %q steht noch da oder %q fehlt:\n%s", tt.name, tt.given, tt.fallback, got)
			}
			for _, other := range tests {
				if other.name != tt.name && !strings.Contains(got, other.given) {
					t.Errorf("ohne %s fehlt auch %q", tt.name, other.given)
				}
			}
		})
	}
}

// TestLandesbetriebIsNoSubProcessor: an operator that is part of the
// implementing Land runs the service but is not listed as a
// sub-processor in the data processing annex.
func TestLandesbetriebIsNoSubProcessor(t *testing.T) {
	t.Parallel()
	const op = `betreiber: {name: "Dataport AöR", anschrift: "Altenholzer Straße 10–14, 24161 Altenholz"`
	if got := agreementText(t, "auftragsverarbeitung"); !strings.Contains(got, "Dataport AöR") {
		t.Fatalf("Anstalt als Betreiber nicht unter den Unterauftragsverarbeitern:\n%s", got)
	}
	edit := []string{regexp.QuoteMeta(op), op + ", landesbetrieb: true"}
	if got := agreementText(t, "auftragsverarbeitung", edit...); strings.Contains(got, "Dataport AöR") || !strings.Contains(got, "keine Unterauftragsverarbeiter") {
		t.Errorf("Landesbetrieb als Unterauftragsverarbeiter genannt:\n%s", got)
	}
	if got := agreementText(t, "leistungsbeschreibung", edit...); !strings.Contains(got, "Dataport AöR, Altenholzer Straße 10–14, 24161 Altenholz, einen rechtlich unselbständigen Betrieb des umsetzenden Landes, betreiben") {
		t.Errorf("Leistungsbeschreibung nennt den Landesbetrieb nicht als Betreiber:\n%s", got)
	}
}
