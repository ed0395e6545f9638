package data

import (
	"encoding/json"
	"fmt"

	"github.com/invopop/jsonschema"
)

// Schema returns the JSON Schema of the project file, reflected from the Go
// types (the same tags drive the decoder), indented and newline-terminated.
// Editors use it through the yaml-language-server modeline.
func Schema() ([]byte, error) {
	r := &jsonschema.Reflector{
		FieldNameTag:               "yaml",
		RequiredFromJSONSchemaTags: true,
		Anonymous:                  true,
	}
	s := r.Reflect(&Projekt{})
	patternMessages(s)
	s.Title = "vereinbar – Projektdatei eines Nachnutzungsvorhabens"
	s.Description = "Eine Datei beschreibt ein Nachnutzungsvorhaben (EfA): Leistung, Vertragsparteien, Kosten und Verteilungsschlüssel."
	b, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("schema: %w", err)
	}
	return append(b, '\n'), nil
}

// patternMessages gives every property whose pattern comes from a struct
// tag the German patternErrorMessage of patternHints, the words the
// decoder uses for the same pattern.
func patternMessages(s *jsonschema.Schema) {
	for _, def := range s.Definitions {
		if def.Properties == nil {
			continue
		}
		for _, p := range def.Properties.FromOldest() {
			if hint, ok := patternHints[p.Pattern]; ok {
				if p.Extras == nil {
					p.Extras = map[string]any{}
				}
				p.Extras["patternErrorMessage"] = "Form: " + hint
			}
		}
	}
}
