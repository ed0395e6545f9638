package generator_test

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/model"
)

// TestDescriptionFollowsDataProtectionRole: where the project file decides
// the data-protection role, the Projektbeschreibung states it like the
// agreement does instead of calling it open.
func TestDescriptionFollowsDataProtectionRole(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	// the role's words and article; wohngeld and einbuergerung describe
	// it in their own text (projekt.datenschutz), which names both
	for fixture, want := range map[string][2]string{
		"bafoeg-stern.yaml":           {"gemeinsam verantwortlich", "26"},
		"eheschliessung-ring.yaml":    {"gemeinsam verantwortlich", "26"},
		"wohngeld-ring.yaml":          {"im Auftrag", "28"},
		"einbuergerung-stern-16.yaml": {"im Auftrag", "28"},
	} {
		_, docs := buildDocuments(t, gen, filepath.Join(fixturesDir, fixture))
		var text string
		for _, s := range model.Sections(docs["projektbeschreibung"]) {
			if s.ID == "datenschutz" {
				for _, b := range s.Blocks {
					if p, ok := b.(*model.Paragraph); ok {
						text += model.PlainText(p.Inlines)
					}
				}
			}
		}
		if !strings.Contains(text, want[0]) || !strings.Contains(text, "\u00a0"+want[1]) || strings.Contains(text, "Noch nicht festgelegt") {
			t.Errorf("%s: Datenschutz der Projektbeschreibung: %q, want %q", fixture, text, want)
		}
	}
}
