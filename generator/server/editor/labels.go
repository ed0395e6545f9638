package editor

import "strings"

// German labels of the form. A label is derived from the key
// ("vertreten_durch" → „Vertreten durch“); this table overrides it where
// the key spells an umlaut as ae/oe/ue/ss or abbreviates.
var labelOverrides = map[string]string{
	"abhaengigkeiten":                "Abhängigkeiten",
	"avv":                            "AVV (Auftragsverarbeitung)",
	"begruendung":                    "Begründung",
	"behoerde":                       "Behörde",
	"email":                          "E-Mail",
	"fit_store":                      "FIT-Store",
	"hoechstbetrag_zuschlag":         "Höchstbetrag-Zuschlag (Prozent)",
	"id":                             "Kennung",
	"in_kraft":                       "In Kraft getreten",
	"kuendigungsfrist_monate":        "Kündigungsfrist (Monate)",
	"leika":                          "LeiKa-Schlüssel",
	"leistungsbeschreibung_version":  "Version der Leistungsbeschreibung",
	"leitweg_id":                     "Leitweg-ID",
	"massnahme":                      "Maßnahme",
	"meldefrist_stunden":             "Meldefrist (Stunden)",
	"online_dienst":                  "Online-Dienst",
	"ozg":                            "OZG-Leistungen",
	"reaktion_minuten":               "Reaktionszeit (Minuten)",
	"schluessel":                     "Verteilungsschlüssel",
	"traegt":                         "Trägt",
	"umsetzendes_land_traegt_anteil": "Umsetzendes Land trägt Anteil",
	"verfuegbarkeit":                 "Verfügbarkeit (Prozent)",
	"verlaengerung":                  "Verlängerung",
	"weiterbetrieb_monate":           "Weiterbetrieb (Monate)",
	"wiederherstellung_minuten":      "Wiederherstellungszeit (Minuten)",
	"zahlungsziel_tage":              "Zahlungsziel (Tage)",
	"gewicht":                        "Gewicht (Prozent)",
	"betrag":                         "Betrag (Euro)",
	"ist":                            "Reifegrad ist",
	"ziel":                           "Ziel",
}

// itemLabels name one item of a list ("Partei 2").
var itemLabels = map[string]string{
	"abhaengigkeiten":    "Abhängigkeit",
	"basisdienste":       "Basisdienst",
	"betroffene":         "Kategorie Betroffener",
	"datenarten":         "Datenart",
	"jahre":              "Jahr",
	"leika":              "LeiKa-Schlüssel",
	"meilensteine":       "Meilenstein",
	"ozg":                "OZG-Leistung",
	"parteien":           "Partei",
	"phasen":             "Phase",
	"positionen":         "Kostenposition",
	"reaktionszeiten":    "Reaktionszeit",
	"risiken":            "Risiko",
	"rollen":             "Rolle",
	"schluessel":         "Teilschlüssel",
	"schnittstellen":     "Schnittstelle",
	"unterauftragnehmer": "Unterauftragnehmer",
	"zielgruppen":        "Zielgruppe",
}

// label returns the German label of a key.
func label(key string) string {
	if l, ok := labelOverrides[key]; ok {
		return l
	}
	s := strings.ReplaceAll(key, "_", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// itemLabel returns the German name of one item of the list under key.
func itemLabel(key string) string {
	if l, ok := itemLabels[key]; ok {
		return l
	}
	return "Eintrag"
}

// optionLabel makes an enumeration value readable ("umsetzendes_land_zuerst"
// → „umsetzendes Land zuerst“ is not attempted: underscores become spaces).
func optionLabel(v string) string { return strings.ReplaceAll(v, "_", " ") }
