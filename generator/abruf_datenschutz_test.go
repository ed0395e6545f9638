package generator_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/render/markdown"
)

// TestAbrufShowsDataProtectionRole: the FIT-Store call-off form showed only
// whether an agreement on processing is part of the call-off
// (vertrag.fit_store.avv) and not the role in data protection
// (datenschutz.rolle). The form names the role the agreement states, for
// both values; the goldens hold only Auftragsverarbeitung.
func TestAbrufShowsDataProtectionRole(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	src, err := os.ReadFile(filepath.Join(fixturesDir, "einbuergerung-stern-16.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	joint := string(src)
	for _, e := range [][2]string{{"rolle: auftragsverarbeitung       # passt zu fit_store.avv: true", "rolle: gemeinsame_verantwortung"}, {"avv: true", "avv: false"}} {
		if strings.Count(joint, e[0]) != 1 {
			t.Fatalf("%q does not occur once", e[0])
		}
		joint = strings.Replace(joint, e[0], e[1], 1)
	}
	for _, tt := range []struct {
		name, src         string
		form, agreement   string
		notInForm, avvRow string
	}{
		{"Auftragsverarbeitung", string(src),
			"| Rolle im Datenschutz | Auftragsverarbeitung nach Art. 28 DSGVO: das bereitstellende Land verarbeitet die personenbezogenen Daten im Online-Dienst im Auftrag der zuständigen Stellen des abrufenden Landes, die Verantwortliche bleiben |",
			"als Auftragsverarbeiter nach Artikel 28 DSGVO", "gemeinsame Verantwortlichkeit",
			"| Vereinbarung zur Auftragsverarbeitung nach Art. 28 DSGVO | ja, Bestandteil des Abrufs |"},
		{"gemeinsame Verantwortlichkeit", joint,
			"| Rolle im Datenschutz | gemeinsame Verantwortlichkeit nach Art. 26 DSGVO: das abrufende Land und das bereitstellende Land legen die Zwecke und Mittel der Verarbeitung personenbezogener Daten im Online-Dienst gemeinsam fest |",
			"gemeinsam Verantwortliche nach Artikel 26", "Auftragsverarbeitung nach Art. 28 DSGVO:",
			"| Vereinbarung zur Auftragsverarbeitung nach Art. 28 DSGVO | nein |"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p, err := gen.ParseProject("fixtures/einbuergerung-stern-16.yaml", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			res, err := gen.Costs(p)
			if err != nil {
				t.Fatal(err)
			}
			var forms, agreements int
			for _, d := range gen.Docs(p) {
				isForm := d.Name == "abruf"
				if !isForm && d.Name != "vereinbarung" {
					continue
				}
				doc, err := gen.Document(context.Background(), p, res, d)
				if err != nil {
					t.Fatal(err)
				}
				var md bytes.Buffer
				if err := markdown.Render(&md, doc); err != nil {
					t.Fatal(err)
				}
				text := strings.ReplaceAll(md.String(), "\u00a0", " ")
				if isForm {
					forms++
					for _, want := range []string{tt.form, tt.avvRow} {
						if !strings.Contains(text, want) {
							t.Errorf("%s lacks\n%s", d.File, want)
						}
					}
					if strings.Contains(text, tt.notInForm) {
						t.Errorf("%s contains %q", d.File, tt.notInForm)
					}
				} else {
					agreements++
					if !strings.Contains(text, tt.agreement) {
						t.Errorf("%s lacks %q", d.File, tt.agreement)
					}
				}
			}
			if forms == 0 || agreements == 0 {
				t.Fatalf("%d call-off forms, %d agreements", forms, agreements)
			}
		})
	}
}
