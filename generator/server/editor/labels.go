package editor

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

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

// optionLabels are the German names of the enumeration values of the
// schema in the selects; the option's value stays the YAML value. Every
// value of an enum of data.Schema() is here (TestEveryEnumValueHasAGermanLabel),
// except the Länder (landName) and values that are German labels already
// (the Themenfelder, "Familie & Kind": they begin with a capital letter).
// One table for all fields: a value means the same wherever it occurs.
var optionLabels = map[string]string{
	// verteilung.schluessel[].art
	"koenigstein": "Königsteiner Schlüssel",
	"paritaet":    "Paritätsprinzip (gleiche Anteile)",
	"nutzung":     "Inanspruchnahme (Nutzung)",
	"einwohner":   "Einwohnerzahl",
	"zielgruppe":  "Größe der Zielgruppe",
	"fest":        "fester Anteil",
	// kosten.positionen[].art, .turnus, .traegt, .finanziert_durch
	"anbindung":                    "Anbindung",
	"betrieb":                      "Betrieb",
	"erstentwicklung":              "Erstentwicklung",
	"nutzungsabhaengig":            "nutzungsabhängig",
	"plattform":                    "Plattform",
	"wartung":                      "Wartung",
	"weiterentwicklung":            "Weiterentwicklung",
	"einmalig":                     "einmalig",
	"jaehrlich":                    "jährlich",
	"halbjaehrlich":                "halbjährlich",
	"vierteljaehrlich":             "vierteljährlich",
	"je_nachnutzendes_land":        "jedes nachnutzende Land",
	"schluessel":                   "nach Verteilungsschlüssel",
	"bund":                         "Bund",
	"fitko_digitalisierungsbudget": "FITKO-Digitalisierungsbudget",
	"fitko_stammbudget":            "FITKO-Stammbudget",
	"konjunkturprogramm":           "Konjunkturprogramm",
	"sonstige":                     "sonstige",
	// zahlung.zeitpunkt
	"im_voraus":     "im Voraus",
	"nachschuessig": "nachschüssig",
	// projekt.phase, projekt.phasen[].phase (Leitfaden §3)
	"initialisierung": "Initialisierung",
	"pruefung":        "Prüfung Nachnutzung",
	"planung":         "Planung Nachnutzung",
	"umsetzung":       "Umsetzung (Pilotierung)",
	"einfuehrung":     "Einführung (Rollout)",
	// projekt.rollen[].dimension
	"finanziell":      "finanziell",
	"organisatorisch": "organisatorisch",
	"rechtlich":       "rechtlich",
	"technisch":       "technisch",
	// risiken[].bewertung, reaktionszeiten[].stufe
	"kritisch": "kritisch",
	"hoch":     "hoch",
	"mittel":   "mittel",
	"niedrig":  "niedrig",
	// leistung
	"efa":                                    "Einer für Alle (EfA)",
	"fim_eigenentwicklung":                   "FIM-basierte Eigenentwicklung",
	"zentral_entwickelt_dezentral_betrieben": "zentral entwickelt, dezentral betrieben",
	"1.1":                                    "Version 1.1",
	"2.0":                                    "Version 2.0",
	"kalenderjahr":                           "Kalenderjahr",
	"kalendermonat":                          "Kalendermonat",
	"quartal":                                "Quartal",
	// informationssicherheit.standard
	"it_grundschutz":       "IT-Grundschutz",
	"iso27001":             "ISO 27001 (nativ)",
	"iso27001_grundschutz": "ISO 27001 auf Basis von IT-Grundschutz",
	// datenschutz.rolle
	"auftragsverarbeitung":     "Auftragsverarbeitung (Art. 28 DSGVO)",
	"gemeinsame_verantwortung": "gemeinsame Verantwortlichkeit (Art. 26 DSGVO)",
	// parteien[]
	"umsetzend":    "umsetzend",
	"nachnutzend":  "nachnutzend",
	"vereinbarung": "Vereinbarung",
	"fit_store":    "Beitritt über den FIT-Store",
	// vertrag
	"ring":                    "Ringstruktur",
	"stern":                   "Sternstruktur",
	"fit-store":               "FIT-Store",
	"amtlich":                 "amtliche Reihenfolge der Länder",
	"umsetzendes_land_zuerst": "umsetzendes Land zuerst",
	"steuerbar":               "steuerbar",
	"nicht_steuerbar":         "nicht steuerbar",
	"offen":                   "offen (noch zu klären)",
	"elektronisch":            "elektronisch",
	"papier":                  "auf Papier",
	"automatisch":             "automatisch",
	"erklaerung":              "durch Erklärung",
	"keine":                   "keine",
	// vorhaben.status
	"entwurf": "Entwurf",
	"final":   "endgültige Fassung",
}

// optionLabel returns the German name of an enumeration value: from
// optionLabels, the value itself when it is a label already (begins with
// a capital letter), else the value with spaces for underscores (never
// reached for the schema's enums, see the test).
func optionLabel(v string) string {
	if l, ok := optionLabels[v]; ok {
		return l
	}
	if r, _ := utf8.DecodeRuneInString(v); unicode.IsUpper(r) {
		return v
	}
	return strings.ReplaceAll(v, "_", " ")
}
