package check_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/model"
)

const (
	wohngeld   = "wohngeld-ring.yaml"
	bafoeg     = "bafoeg-stern.yaml"
	ehe        = "eheschliessung-ring.yaml"
	aufenthalt = "aufenthaltstitel-fitstore.yaml"
	einbuerg   = "einbuergerung-stern-16.yaml"
	elterngeld = "elterngeld-ring-beitritt.yaml"
	ring       = "vereinbarung"
	sternSN    = "vereinbarung-SN"
	abrufBE    = "fit-store-abruf-BE"
)

// ruleCase is a passing and a failing input for one rule: the failing
// one must add exactly the rule's code to what the passing one finds.
type ruleCase struct {
	code, name string
	pass, fail variant
}

// same builds a case whose passing input is the unchanged document or
// fixture.
func modelCase(code, name, fixture, file string, withProject bool, edits ...edit) ruleCase {
	return ruleCase{code, name, modelVariant(fixture, file, withProject), modelVariant(fixture, file, withProject, edits...)}
}

func yamlCase(code, name, fixture string, edits ...string) ruleCase {
	return ruleCase{code, name, yamlVariant(fixture), yamlVariant(fixture, edits...)}
}

func docxCase(code, name, fixture, file string, edits ...string) ruleCase {
	return ruleCase{code, name, docxVariant(fixture, file), docxVariant(fixture, file, edits...)}
}

func structureCase(code, id string) ruleCase {
	return modelCase(code, "ohne "+id, wohngeld, ring, false, removeSection(id))
}

// isTable selects the tables of a section for removeBlocks.
func isTable(b model.Block) bool { _, ok := b.(*model.Table); return ok }

var ruleCases = []ruleCase{
	// Beitritt und Kündigung
	modelCase("BEITRITT-001", "Beitrittserklärung ohne neu berechnete Anteile", elterngeld, "beitrittserklaerung-BB", true,
		removeBlocks("beitritt-neuberechnung", isTable)),
	modelCase("BEITRITT-001", "Beitrittsmitteilung: Anteile ergeben nicht 100 %", elterngeld, "beitrittsmitteilung-BB", false,
		replace("", "", "15,46745", "15,46746")),
	yamlCase("BEITRITT-002", "beitretendes Land ohne Anteil (Wert 0)", elterngeld,
		`    - \{gewicht: 50, art: koenigstein, jahr: 2016\}\n    - \{gewicht: 50, art: paritaet\}`,
		"    - {gewicht: 100, art: nutzung, werte: {HB: 40, HH: 30, NI: 80, SH: 35, MV: 25, BB: 0}}"),
	yamlCase("BEITRITT-003", "Beitritt vor der letzten Unterschrift", elterngeld,
		`, in_kraft: true`, "", `    unterschrift: \{datum: 2026-12-14, ort: Kiel.*\n`, ""),
	modelCase("AUSTRITT-001", "Kündigung nicht zum Ende eines Kalenderjahres", elterngeld, "kuendigung-MV", true,
		replace("kuendigung-erklaerung", "", "zum 31.\u00a0Dezember\u00a02028.", "zum 30.\u00a0Juni\u00a02028.")),
	modelCase("AUSTRITT-001", "Kündigungsfrist nicht gewahrt (DOCX ohne Projektdatei)", elterngeld, "kuendigung-MV", false,
		replace("", "Datum", "12.\u00a0Mai\u00a02028", "12.\u00a0Juli\u00a02028")),
	modelCase("AUSTRITT-002", "Kündigung ohne neu berechnete Anteile", elterngeld, "kuendigung-MV", true,
		removeBlocks("kuendigung-neuberechnung", isTable)),

	modelCase("PARTEIEN-001", "keine amtliche Bezeichnung", wohngeld, ring, false,
		replace("", "", "dem Land Sachsen-Anhalt", "dem Bundesland Sachsen-Anhalt")),
	modelCase("PARTEIEN-001", "Partei der Projektdatei fehlt", wohngeld, ring, true,
		replace("", "", "dem Land Sachsen-Anhalt", "Sachsen-Anhalt")),
	modelCase("PARTEIEN-002", "ohne vertreten durch", wohngeld, ring, false,
		replace("", "", "vertreten durch das Ministerium für Infrastruktur und Digitales,", "")),
	modelCase("PARTEIEN-002", "andere Vertretung als in der Projektdatei", wohngeld, ring, true,
		replace("", "", "vertreten durch das Ministerium für Infrastruktur und Digitales,", "vertreten durch die Staatskanzlei,")),
	docxCase("PARTEIEN-002", "DOCX ohne vertreten durch", bafoeg, sternSN,
		`vertreten durch das Sächsische Staatsministerium für Wissenschaft, Kultur und Tourismus,`, ""),
	modelCase("PARTEIEN-002", "großer Artikel nach vertreten durch", wohngeld, ring, false,
		replace("", "", "vertreten durch das Ministerium für Infrastruktur und Digitales,", "vertreten durch Das Ministerium für Infrastruktur und Digitales,")),
	modelCase("PARTEIEN-002", "Nominativ nach vertreten durch", ehe, ring, false,
		replace("", "", "vertreten durch den Senator für Inneres und Sport,", "vertreten durch der Senator für Inneres und Sport,")),
	modelCase("PARTEIEN-003", "Unterschrift fehlt", wohngeld, ring, false,
		editSignatures(func(s []model.Signature) []model.Signature {
			return slices.DeleteFunc(s, func(x model.Signature) bool { return x.Party == "Für das Saarland" })
		})),
	modelCase("PARTEIEN-003", "Unterschrift ohne Unterzeichner", bafoeg, sternSN, false,
		editSignatures(func(s []model.Signature) []model.Signature { s[1].Signer = ""; return s })),
	modelCase("PARTEIEN-004", "zwei umsetzende Länder", wohngeld, ring, false,
		replace("", "Freien und Hansestadt Hamburg", "– nachnutzendes Land –", "– umsetzendes Land –")),
	modelCase("PARTEIEN-005", "drei Parteien im Sternvertrag", bafoeg, sternSN, false,
		addParty("dem Freistaat Sachsen", "dem Freistaat Thüringen"),
		editSignatures(func(s []model.Signature) []model.Signature {
			return append(s, model.Signature{Party: "Für den Freistaat Thüringen", Signer: "das Ministerium", PlaceDate: "Ort, Datum"})
		})),
	yamlCase("PARTEIEN-006", "Bund als Partei", ehe,
		`^  - land: SH\n`, "  - land: BUND\n", `SH: "16.66666"`, `BUND: "16.66666"`),
	yamlCase("PARTEIEN-007", "vertreten_durch im Akkusativ (alte Projektdatei)", ehe,
		`vertreten_durch: "der Senator für Inneres und Sport"`, `vertreten_durch: "den Senator für Inneres und Sport"`),
	yamlCase("PARTEIEN-007", "vertreten_durch ohne Artikel", wohngeld,
		`vertreten_durch: "das Ministerium für Infrastruktur und Digitales"`, `vertreten_durch: "Ministerium für Infrastruktur und Digitales"`),
	yamlCase("PARTEIEN-007", "vertreten_durch ohne Artikel, Kopfnomen unbekannt", wohngeld,
		`vertreten_durch: "das Ministerium für Infrastruktur und Digitales"`, `vertreten_durch: "Krisenstab Sachsen-Anhalt"`),
	yamlCase("PARTEIEN-007", "unbekanntes männliches Kopfnomen", ehe,
		`vertreten_durch: "der Senator für Inneres und Sport"`, `vertreten_durch: "der Präses für Inneres und Sport"`),
	yamlCase("PARTEIEN-007", "Artikel passt nicht zum Kopfnomen", wohngeld,
		`vertreten_durch: "das Ministerium für Infrastruktur und Digitales"`, `vertreten_durch: "die Ministerium für Infrastruktur und Digitales"`),
	modelCase("PARTEIEN-006", "Bund im Dokument", wohngeld, ring, false,
		replace("", "", "dem Saarland", "der Bundesrepublik Deutschland"),
		replace("unterschriften", "", "Für das Saarland", "Für die Bundesrepublik Deutschland"),
		replace("kostenverteilung", "", "Saarland", "Bund")),

	modelCase("GEGENSTAND-001", "ohne Online-Dienst", wohngeld, ring, false,
		replace("gegenstand", "", "Nachnutzung des Online-Dienstes „Wohngeld-Antrag online“, den", "Nachnutzung des Dienstes, den")),
	modelCase("GEGENSTAND-001", "anderer Online-Dienst als in der Projektdatei", wohngeld, ring, true,
		replace("gegenstand", "", "Wohngeld-Antrag online", "Wohngeldantrag")),
	modelCase("GEGENSTAND-001", "Abruf ohne Online-Dienst", aufenthalt, abrufBE, false,
		replace("leistung", "", "Online-Antrag Aufenthaltstitel", "")),
	modelCase("GEGENSTAND-002", "ohne OZG-ID", wohngeld, ring, false,
		replace("gegenstand", "", " (OZG-ID 10092)", "")),
	modelCase("GEGENSTAND-002", "Abruf ohne OZG-ID", aufenthalt, abrufBE, true,
		replace("leistung", "", "OZG-ID 10255", "OZG-Leistung")),
	modelCase("GEGENSTAND-003", "ohne LeiKa", wohngeld, ring, false,
		replace("gegenstand", "", "99107023000000", "")),
	modelCase("GEGENSTAND-003", "anderer LeiKa-Schlüssel", bafoeg, sternSN, true,
		replace("gegenstand", "", "99022001000000", "99022001000001")),
	modelCase("GEGENSTAND-004", "ohne Themenfeld", wohngeld, ring, false,
		replace("gegenstand", "", "Bauen & Wohnen", "")),
	modelCase("GEGENSTAND-004", "Projektbeschreibung ohne Themenfeld", wohngeld, "projektbeschreibung", true,
		replace("gegenstand", "", "Bauen & Wohnen", "")),
	modelCase("GEGENSTAND-001", "Projektbeschreibung ohne Gegenstand", bafoeg, "projektbeschreibung", false, removeSection("gegenstand")),
	modelCase("GEGENSTAND-002", "Steckbrief ohne OZG-ID", wohngeld, "projektsteckbrief", false,
		replace("", "", " (OZG-ID 10092)", "")),

	modelCase("KOSTEN-001", "ohne Schlüssel", ehe, ring, false,
		replace("kostenverteilung", "", "feste Anteile", "den beschlossenen Schlüssel")),
	modelCase("KOSTEN-001", "Abruf ohne Schlüssel", aufenthalt, abrufBE, false,
		replace("entgelte", "", "Einwohnerzahl", "nach Beschluss")),
	modelCase("KOSTEN-001", "Teilschlüssel fehlt", wohngeld, ring, true,
		replace("kostenverteilung", "", "Inanspruchnahme", "Nachfrage")),
	modelCase("KOSTEN-002", "ohne KS-Jahr", wohngeld, ring, false,
		replace("kostenverteilung", "", "Königsteiner Schlüssel des Jahres 2016", "Königsteiner Schlüssel"),
		replace("kostenverteilung", "", "Königsteiner Schlüssel 2016", "Königsteiner Schlüssel")),
	modelCase("KOSTEN-002", "anderes KS-Jahr als in der Projektdatei", bafoeg, sternSN, true,
		replace("kostenverteilung", "", "2015", "2016")),
	yamlCase("KOSTEN-003", "Anteil 0 für eine kostentragende Partei", ehe,
		`NI: "50"`, `NI: "83.33334"`, `HH: "33.33334"`, `HH: "0"`),
	modelCase("KOSTEN-003", "Sternvertrag ohne eigenen Anteil", bafoeg, sternSN, false,
		replace("kostenverteilung", "", "Der Anteil des Freistaates Sachsen beträgt", "Auf den Freistaat Sachsen entfallen")),
	modelCase("KOSTEN-003", "Partei ohne Zeile", ehe, ring, false,
		replace("kostenverteilung", "", "Hamburg", "Hansestadt")),
	docxCase("KOSTEN-004", "Anteil in word/document.xml geändert", wohngeld, ring, `>8,18104<`, `>8,18105<`),
	modelCase("KOSTEN-004", "Summenzeile nicht 100 %", ehe, ring, false,
		replace("kostenverteilung", "Summe", "100,00000", "99,99999")),
	{"KOSTEN-004", "PDF mit geändertem Anteil", pdfVariant(bafoeg, sternSN),
		pdfVariant(bafoeg, sternSN, replace("verteilung", "Thüringen", "25,06703", "25,06704"))},
	modelCase("KOSTEN-004", "Steckbrief mit falschem Balken", ehe, "projektsteckbrief", false, func(t *testing.T, d *model.Document) {
		for _, b := range d.Blocks {
			if ch, ok := b.(*model.Chart); ok {
				ch.Bars[0].ValueE5++
				return
			}
		}
		t.Fatal("kein Diagramm")
	}),
	modelCase("KOSTEN-005", "Betrag geändert", wohngeld, ring, false,
		replace("kostenverteilung", "Schleswig-Holstein", "67.616,33", "67.616,34")),
	docxCase("KOSTEN-005", "Kostenplan in word/document.xml geändert", ehe, ring, `>18\.000,00`, `>18.000,01`),
	modelCase("KOSTEN-006", "ohne Kostenarten", wohngeld, ring, true,
		removeBlocks("kosten", func(b model.Block) bool { _, ok := b.(*model.List); return ok })),
	modelCase("KOSTEN-006", "ohne Kostenplan", ehe, ring, false,
		removeBlocks("kosten", func(b model.Block) bool { _, ok := b.(*model.Table); return ok })),
	modelCase("KOSTEN-007", "nicht gesagt, ob das umsetzende Land zahlt", wohngeld, ring, false,
		replace("kostenverteilung", "", " einschließlich des umsetzenden Landes", "")),
	yamlCase("KOSTEN-008", "Anbindung nach Schlüssel", wohngeld, `^      traegt: je_nachnutzendes_land\n`, ""),

	structureCase("STRUKTUR-001", "praeambel"),
	structureCase("STRUKTUR-002", "gegenstand"),
	structureCase("STRUKTUR-003", "leistungen"),
	structureCase("STRUKTUR-004", "pflichten"),
	structureCase("STRUKTUR-005", "steuerung"),
	structureCase("STRUKTUR-006", "kosten"),
	structureCase("STRUKTUR-007", "kostenverteilung"),
	structureCase("STRUKTUR-008", "zahlung"),
	structureCase("STRUKTUR-009", "datenschutz"),
	docxCase("STRUKTUR-009", "Datenschutzklausel in word/document.xml gelöscht", bafoeg, sternSN,
		`<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:bookmarkStart w:id="\d+" w:name="datenschutz"/>.*?(<w:p><w:pPr><w:pStyle w:val="Heading1"/>)`, "$1"),
	{"STRUKTUR-009", "PDF ohne Datenschutzklausel", pdfVariant(wohngeld, ring), pdfVariant(wohngeld, ring, removeSection("datenschutz"))},
	structureCase("STRUKTUR-010", "nutzungsrechte"),
	structureCase("STRUKTUR-011", "haftung"),
	structureCase("STRUKTUR-012", "beitritt"),
	modelCase("STRUKTUR-013", "Sternvertrag mit Beitritt", bafoeg, sternSN, false, func(t *testing.T, d *model.Document) {
		d.Blocks = append(d.Blocks, &model.Section{ID: "beitritt", Level: 1, Number: "§\u00a020", Title: "Beitritt weiterer Länder",
			Blocks: []model.Block{&model.Paragraph{Style: model.StyleBody, Inlines: []model.Inline{model.Text{Text: "Weitere Länder können beitreten."}}}}})
	}),
	structureCase("STRUKTUR-014", "laufzeit"),
	modelCase("STRUKTUR-014", "Laufzeit ohne Kündigung", ehe, ring, false,
		removeBlocks("laufzeit", func(b model.Block) bool {
			p, ok := b.(*model.Paragraph)
			return ok && p.Number != "(1)"
		})),
	structureCase("STRUKTUR-015", "schluss"),
	structureCase("STRUKTUR-016", "inkrafttreten"),

	structureCase("KLAUSEL-001", "streitbeilegung"),
	modelCase("KLAUSEL-001", "Rechtsweg jederzeit", bafoeg, sternSN, false,
		replace("streitbeilegung", "", "Erst wenn die Schlichtung gescheitert ist, steht der Rechtsweg offen.", "Der Rechtsweg steht jederzeit offen.")),
	modelCase("KLAUSEL-001", "anderes Steuerungsgremium als in der Projektdatei", wohngeld, ring, true,
		replace("streitbeilegung", "", "Steuerungskreis Nachnutzung Wohngeld", "Lenkungskreis")),
	structureCase("KLAUSEL-002", "umsatzsteuer"),
	modelCase("KLAUSEL-002", "steuerpflichtig, die Projektdatei sagt nicht steuerbar", wohngeld, ring, true,
		replace("umsatzsteuer", "", "nicht der Umsatzsteuer unterliegen", "steuerpflichtig sind")),
	modelCase("KLAUSEL-002", "keine verbindliche Auskunft, obwohl offen", ehe, ring, true,
		replace("umsatzsteuer", "", "verbindliche Auskunft", "Auskunft")),
	modelCase("KLAUSEL-003", "elf Ausfertigungen für zwölf Parteien", wohngeld, ring, false,
		replace("inkrafttreten", "", "in zwölf gleichlautenden", "in elf gleichlautenden")),
	modelCase("KLAUSEL-003", "ohne Umlaufverfahren", bafoeg, sternSN, false,
		replace("inkrafttreten", "", "im Umlaufverfahren", "gemeinsam")),
	modelCase("KLAUSEL-003", "anderer Tag des Inkrafttretens als in der Projektdatei", ehe, ring, true,
		replace("inkrafttreten", "", "am 1.\u00a0Januar\u00a02027 in Kraft", "am 1.\u00a0Februar\u00a02027 in Kraft")),
	structureCase("KLAUSEL-004", "beendigung"),
	modelCase("KLAUSEL-004", "ohne Übergabe des Quellcodes", einbuerg, "vereinbarung-HB", true,
		replace("beendigung", "", "den vollständigen Quellcode des Online-Dienstes in der eingesetzten Fassung, ", "")),
	modelCase("KLAUSEL-004", "anderer Weiterbetrieb als in der Projektdatei", bafoeg, sternSN, true,
		replace("beendigung", "", "bis zu 6 Monate", "bis zu 3 Monate"), replace("beendigung", "", "nach der Beendigung 6 Monate", "nach der Beendigung 3 Monate")),
	modelCase("KLAUSEL-005", "befristet ohne Verlängerung", wohngeld, ring, false,
		removeBlocks("laufzeit", func(b model.Block) bool {
			p, ok := b.(*model.Paragraph)
			return ok && strings.Contains(model.PlainText(p.Inlines), "verlängert sich")
		})),
	modelCase("KLAUSEL-005", "andere Verlängerung als in der Projektdatei", einbuerg, "vereinbarung-HB", true,
		replace("laufzeit", "", "um zwei Jahre", "um drei Jahre")),
	modelCase("KLAUSEL-006", "ohne Freistellung und Amtshaftung", wohngeld, ring, false,
		removeBlocks("haftung", func(b model.Block) bool {
			p, ok := b.(*model.Paragraph)
			return ok && strings.Contains(model.PlainText(p.Inlines), "Amtshaftung")
		})),
	modelCase("KLAUSEL-006", "Stern: 0 % für das umsetzende Land", bafoeg, sternSN, false,
		replace("haftung", "", "je zur Hälfte, weil das umsetzende Land", "im Verhältnis ihrer Anteile, wobei das umsetzende Land")),
	modelCase("KLAUSEL-006", "Ring: 0 % für das umsetzende Land", ehe, ring, true,
		replace("haftung", "", "den Teil, der bei einer Teilung nach Köpfen auf jede Vertragspartei entfiele", "keinen Teil")),
	structureCase("KLAUSEL-007", "leistungsbeschreibung"),
	modelCase("KLAUSEL-007", "andere Verfügbarkeit als in der Projektdatei", wohngeld, ring, true,
		replace("leistungsbeschreibung", "", "99,5", "99,0")),
	modelCase("KLAUSEL-007", "andere Reaktionszeit als in der Projektdatei", einbuerg, "vereinbarung-BY", true,
		replace("leistungsbeschreibung", "kritisch", "30\u00a0Minuten", "60\u00a0Minuten")),
	modelCase("KLAUSEL-007", "Leistungen ohne Verweis auf die Anlage", bafoeg, sternSN, false,
		replace("leistungen", "", "(Anlage 3)", "(in ihrer jeweiligen Fassung)")),
	yamlCase("KLAUSEL-008", "ohne Wartungsfenster", wohngeld, `^    wartungsfenster: .*\n`, ""),
	structureCase("KLAUSEL-009", "informationssicherheit"),
	modelCase("KLAUSEL-009", "Meldefrist 48 Stunden", wohngeld, ring, true,
		replace("informationssicherheit", "", "24 Stunden", "48 Stunden")),

	modelCase("DATENSCHUTZ-001", "Rolle offen gelassen", bafoeg, sternSN, false,
		replace("datenschutz", "", "sie sind insoweit gemeinsam Verantwortliche", "soweit das umsetzende Land im Auftrag verarbeitet, gilt Artikel 28 DSGVO, im Übrigen sind sie gemeinsam Verantwortliche")),
	modelCase("DATENSCHUTZ-001", "ohne Anlage zur Auftragsverarbeitung", wohngeld, ring, false, removeSection("auftragsverarbeitung")),
	{"DATENSCHUTZ-001", "Projektdatei sagt gemeinsame Verantwortung", modelVariant(wohngeld, ring, true),
		withData(wohngeld, ring, func(pr *data.Projekt) { pr.Datenschutz.Rolle = "gemeinsame_verantwortung" })},
	modelCase("DATENSCHUTZ-002", "ohne Buchstabe d", wohngeld, ring, false, removeListItem("auftragsverarbeitung", "d)")),
	docxCase("DATENSCHUTZ-002", "DOCX ohne Überprüfungen", wohngeld, ring, `Überprüfungen einschließlich Inspektionen`, `Auskünfte`),
	modelCase("DATENSCHUTZ-002", "Unterauftragsverarbeiter der Projektdatei fehlt", einbuerg, "vereinbarung-BY", true,
		replace("auftragsverarbeitung", "", "Beispiel-Rechenzentrum Nord GmbH", "Rechenzentrum")),
	modelCase("DATENSCHUTZ-003", "ohne das Wesentliche für die Betroffenen", ehe, ring, false,
		replace("gemeinsame-verantwortung", "", "das Wesentliche", "die Grundzüge")),
	modelCase("DATENSCHUTZ-003", "andere Anlaufstelle als in der Projektdatei", ehe, ring, true,
		replace("gemeinsame-verantwortung", "", "datenschutz@inneres.bremen.example", "post@bremen.example")),
	modelCase("DATENSCHUTZ-004", "ohne 72 Stunden", bafoeg, sternSN, false,
		replace("datenschutz", "", "binnen 72 Stunden", "binnen drei Tagen")),
	modelCase("DATENSCHUTZ-004", "andere Meldefrist als in der Projektdatei", bafoeg, sternSN, true,
		replace("datenschutz", "", "12 Stunden", "20 Stunden")),
	yamlCase("DATENSCHUTZ-005", "ohne Rolle", wohngeld, `(?s)^datenschutz:\n.*?\n\n`, ""),
	yamlCase("DATENSCHUTZ-006", "gemeinsame Verantwortung, aber AVV im FIT-Store", einbuerg,
		`rolle: auftragsverarbeitung`, "rolle: gemeinsame_verantwortung"),
	yamlCase("DATENSCHUTZ-006", "Auftragsverarbeitung, aber keine AVV im FIT-Store", einbuerg,
		`avv: true`, "avv: false"),
	yamlCase("DATENSCHUTZ-006", "Abruf ohne AVV, ohne Rolle (Auftragsverarbeitung)", aufenthalt,
		`avv: true`, "avv: false"),

	yamlCase("REGEL-001", "Stern ohne Begründung", bafoeg, `^  begruendung: .*\n`, ""),
	yamlCase("REGEL-002", "Kommune ruft aus dem FIT-Store ab", einbuerg,
		`\{land: BB, rolle: nachnutzend`, `{land: BB, rolle: nachnutzend, kommune: "Landeshauptstadt Potsdam"`),
	modelCase("REGEL-002", "Abrufformular einer Kommune", aufenthalt, abrufBE, false,
		replace("abrufendes-land", "", "Land Berlin", "Bezirksamt Mitte")),
	yamlCase("REGEL-003", "Kommune trägt Kosten", wohngeld,
		`^(  - land: SL\n    rolle: nachnutzend\n)`, "${1}    kommune: \"Landeshauptstadt Saarbrücken\"\n"),
	yamlCase("REGEL-004", "Konjunkturprogramm 2023", wohngeld,
		`jahr: 2022(\n\s+finanziert_durch: konjunkturprogramm)`, "jahr: 2023$1"),
	yamlCase("REGEL-005", "zentral entwickelt mit Reifegrad 2", wohngeld,
		`nachnutzungsmodell: efa\n  reifegrad: \{ist: 3,`, "nachnutzungsmodell: zentral_entwickelt_dezentral_betrieben\n  reifegrad: {ist: 2,"),
	yamlCase("REGEL-005", "zentral entwickelt ohne Reifegrad", ehe,
		`nachnutzungsmodell: efa`, "nachnutzungsmodell: zentral_entwickelt_dezentral_betrieben"),
	{"REGEL-006", "drei nachnutzende Länder",
		yamlVariant(bafoeg, `nachnutzungsmodell: efa`, "nachnutzungsmodell: zentral_entwickelt_dezentral_betrieben"),
		yamlVariant(bafoeg)},
	yamlCase("REGEL-007", "Eigenentwicklung ohne Begründung", ehe,
		`nachnutzungsmodell: efa`, "nachnutzungsmodell: fim_eigenentwicklung"),
	modelCase("REGEL-008", "Steuerung ohne Einvernehmen", wohngeld, ring, false,
		replace("steuerung", "", "Einstimmig kann", "Mit Mehrheit kann"),
		replace("steuerung", "", "keine Einigung aller Vertragsparteien", "kein Beschluss")),
	yamlCase("REGEL-009", "ohne Beschluss zum Schlüssel", wohngeld, `^  festgelegt_durch: .*\n`, ""),
	modelCase("REGEL-010", "Gremium legt den Schlüssel fest", wohngeld, ring, false,
		replace("steuerung", "", "Der Verteilungsschlüssel, der Kostenplan im Übrigen und die Höchstbeträge können nur durch eine schriftliche Änderung dieser Vereinbarung", "Das Steuerungsgremium legt den Verteilungsschlüssel fest; der Kostenplan im Übrigen und die Höchstbeträge können nur durch Beschluss")),
	modelCase("REGEL-011", "Inanspruchnahme nicht bestimmt", wohngeld, ring, false,
		replace("begriffe", "", "Inanspruchnahme:", "Antragszahl:")),
	modelCase("REGEL-011", "keine Mitteilung mit Stichtag", bafoeg, sternSN, false,
		replace("steuerung", "", "jeweils bis zum 31.\u00a0Januar mit", "mit")),

	// Haushalt, Zahlung, Nachrechenbarkeit, Widerspruchsfreiheit
	modelCase("HAUSHALT-001", "ohne Verpflichtungsermächtigung", ehe, ring, false,
		replace("haushalt", "", "Verpflichtungsermächtigung", "Genehmigung")),
	modelCase("HAUSHALT-001", "ohne Haushaltsvorbehalt", bafoeg, sternSN, true,
		replace("haushalt", "", "unter dem Vorbehalt, dass die erforderlichen Mittel im jeweiligen Haushaltsplan bereitgestellt werden", "unbedingt")),
	modelCase("HAUSHALT-002", "Höchstbetrag unter dem Betrag", wohngeld, ring, false,
		replace("haushalt", "", "67.617,00", "67.000,00")),
	docxCase("HAUSHALT-002", "Höchstbetrag in word/document.xml gesenkt", bafoeg, sternSN, `>89.969,00<`, `>89.968,00<`),
	modelCase("HAUSHALT-002", "Neuberechnung ohne Grenze", wohngeld, ring, false,
		replace("haushalt", "", "erhöht den Betrag keiner Vertragspartei über ihren Höchstbetrag", "wirkt ohne Grenze")),
	modelCase("ZAHLUNG-001", "ohne Fälligkeit", wohngeld, ring, false,
		replace("zahlung", "", "fällig", "zu zahlen")),
	modelCase("ZAHLUNG-001", "nachschüssig ohne Vorfinanzierung", bafoeg, sternSN, true,
		replace("zahlung", "", "im Voraus jeweils zu Beginn des Haushaltsjahres", "jeweils nach Ablauf des Haushaltsjahres")),
	modelCase("ZAHLUNG-002", "ohne anteilige Monate", wohngeld, ring, false,
		replace("zahlung", "", "Zwölftel", "Teil")),
	modelCase("ZAHLUNG-002", "Kostenplan ohne anteiliges Jahr", bafoeg, sternSN, true,
		replace("kosten", "", " (2027 anteilig für 9 Monate: 135.000,00\u00a0€)", ""),
		replace("kosten", "", " (2027 anteilig für 9 Monate: 9.259,24\u00a0€)", "")),
	modelCase("KOSTEN-009", "unbefristet ohne Fortschreibung", bafoeg, sternSN, false,
		removeBlocks("kosten", func(b model.Block) bool {
			p, ok := b.(*model.Paragraph)
			return ok && strings.Contains(model.PlainText(p.Inlines), "Kostenplan reicht")
		})),
	{"KOSTEN-010", "Land mit Vereinbarung und Abruf", dataVariant(einbuerg), dataVariant(einbuerg,
		check.Document{File: "fit-store-abruf-BY", Kind: check.KindAbruf, Party: "BY"})},
	modelCase("KOSTEN-011", "Wert der Anlage geändert", wohngeld, ring, false,
		replace("berechnung", "", "3,39074", "3,39075")),
	modelCase("KOSTEN-011", "ohne Anlage Berechnung", ehe, ring, false, removeSection("berechnung")),
	{"KOSTEN-012", "Königsteiner Schlüssel zu alt",
		yamlVariant(wohngeld, `beginn: 2027-01-01`, "beginn: 2019-01-01"),
		yamlVariant(wohngeld, `beginn: 2027-01-01`, "beginn: 2020-01-01")},
	{"KOSTEN-012", "Königsteiner Schlüssel zu alt, Dokument allein",
		modelVariant(wohngeld, ring, false, replace("laufzeit", "", "vom 1.\u00a0Januar\u00a02027", "vom 1.\u00a0Januar\u00a02019")),
		modelVariant(wohngeld, ring, false)},
	modelCase("STIL-001", "Mehrzahl im Sternvertrag", bafoeg, sternSN, false,
		replace("pflichten", "", "Das nachnutzende Land sorgt", "Jedes nachnutzende Land sorgt")),
	modelCase("STIL-002", "Anbindung abgerechnet, aber eigene Aufgabe", bafoeg, sternSN, false,
		replace("begriffe", "", ", die Leistungen, die das umsetzende Land dafür erbringt, werden nach dem Kostenplan (§\u00a06) abgerechnet", "")),
	modelCase("STIL-002", "Gegenstand nimmt die Anbindung aus", wohngeld, ring, false,
		replace("gegenstand", "", "landesspezifische Inhalte.", "landesspezifische Inhalte sowie die Anbindung.")),
	yamlCase("UMLAUF-001", "in Kraft eingetragen, Unterschriften fehlen", ehe,
		`inkrafttreten: 2027-01-01\}`, "inkrafttreten: 2027-01-01, in_kraft: true}"),
	yamlCase("UMLAUF-002", "Unterschrift vor der des Vorgängers im Umlauf", ehe,
		`(vertreten_durch: "das Niedersächsische Ministerium für Inneres, Sport und Digitalisierung"\n)`,
		"${1}    unterschrift: {datum: 2026-09-01, ort: Hannover, name: N, amtsbezeichnung: Staatssekretär}\n"),
	yamlCase("UMLAUF-002", "Stern: nachnutzendes Land unterschreibt vor dem umsetzenden", bafoeg,
		`(vertreten_durch: "das Sächsische Staatsministerium für Wissenschaft, Kultur und Tourismus"\n)`,
		"${1}    unterschrift: {datum: 2026-09-01, ort: Dresden, name: S, amtsbezeichnung: Staatssekretärin}\n"),
	yamlCase("FASSUNG-001", "finale Fassung mit TODO im Text", wohngeld,
		`steuerungsgremium: "Steuerungskreis Nachnutzung Wohngeld"`, `steuerungsgremium: "Steuerungskreis TODO"`),
	{"FASSUNG-001", "Entwurf darf Platzhalter enthalten, final nicht",
		yamlVariant(wohngeld, `status: final`, "status: entwurf", `steuerungsgremium: "Steuerungskreis Nachnutzung Wohngeld"`, `steuerungsgremium: "Steuerungskreis …"`),
		yamlVariant(wohngeld, `steuerungsgremium: "Steuerungskreis Nachnutzung Wohngeld"`, `steuerungsgremium: "Steuerungskreis …"`)},
	modelCase("FASSUNG-002", "finale Projektbeschreibung mit Platzhalter", wohngeld, "projektbeschreibung", false,
		replace("technik", "", "Wohngeldfachverfahren der Kommunen", "noch nicht festgelegt")),
	{"FASSUNG-002", "Entwurfskennzeichnung entfernt",
		modelVariant(ehe, "projektbeschreibung", false),
		modelVariant(ehe, "projektbeschreibung", false, func(_ *testing.T, d *model.Document) { d.Meta.Draft = false })},
	docxCase("FASSUNG-002", "DOCX ohne ENTWURF mit „nicht angegeben“", wohngeld, ring,
		`Steuerungskreis Nachnutzung Wohngeld`, `nicht angegeben`),
	modelCase("FASSUNG-003", "Abrufformular mit „nicht angegeben“", aufenthalt, abrufBE, false,
		replace("abrufendes-land", "", "Senatsverwaltung für Inneres und Sport", "nicht angegeben")),
	{"AENDERUNG-001", "Angabe im Änderungsbefehl falsch", amendmentVariant("freitext"), amendmentVariant("freitext", "von 20 bis 23“", "von 20 bis 22“")},
	{"AENDERUNG-001", "Änderungsbefehl unlesbar", amendmentVariant("betrag"), amendmentVariant("betrag", "wird durch den folgenden Absatz 2 ersetzt:", "wird neu gefasst:")},
	// Hessen joins before the term begins (beitritt, stand 2026-12-28) /
	// the operating costs of 2027 rise on 15 March 2027 for the whole year
	{"AENDERUNG-002", "Beträge eines begonnenen Haushaltsjahres geändert", amendmentVariant("beitritt"), amendmentVariant("betrag")},
}

// alsoFires names the codes a failing case rightly adds besides its own,
// by "code/name": a changed share no longer recomputes from the annex.
var alsoFires = map[string][]string{
	"KOSTEN-004/Anteil in word/document.xml geändert": {"KOSTEN-011"},
	"KOSTEN-004/PDF mit geändertem Anteil":            {"KOSTEN-011"},
}

// TestRules runs every case: the passing input does not report the
// rule's code, the failing one adds exactly that code, every finding of
// it with the rule's severity.
func TestRules(t *testing.T) {
	t.Parallel()
	sev := map[string]check.Severity{}
	for _, r := range check.Rules() {
		sev[r.Code] = r.Severity
	}
	for _, c := range append(ruleCases, pdfCases...) {
		t.Run(c.code+"/"+c.name, func(t *testing.T) {
			t.Parallel()
			g := newGen(t)
			pass := c.pass(t, g)
			if slices.Contains(codes(pass), c.code) {
				t.Fatalf("die bestandene Eingabe meldet %s:\n%s", c.code, dump(pass))
			}
			fail := c.fail(t, g)
			want := append([]string{c.code}, alsoFires[c.code+"/"+c.name]...)
			slices.Sort(want)
			if diff := cmp.Diff(want, withoutCodes(fail, codes(pass))); diff != "" {
				t.Fatalf("neue Codes (-erwartet +gemeldet):\n%s\nBefunde:\n%s", diff, dump(fail))
			}
			for _, f := range fail {
				if f.Code == c.code && f.Severity != sev[c.code] {
					t.Errorf("%s mit Schwere %s, die Regel hat %s", f.Code, f.Severity, sev[c.code])
				}
			}
		})
	}
}

// TestEveryRuleHasACase fails for a rule of the table without a failing
// case, and for a case whose code is not in the table.
func TestEveryRuleHasACase(t *testing.T) {
	t.Parallel()
	covered := map[string]bool{}
	for _, c := range append(ruleCases, pdfCases...) {
		covered[c.code] = true
	}
	known := map[string]bool{}
	for _, r := range check.Rules() {
		known[r.Code] = true
		if !covered[r.Code] {
			t.Errorf("Regel %s hat keinen Fall in ruleCases", r.Code)
		}
	}
	for code := range covered {
		if !known[code] {
			t.Errorf("Fall für unbekannte Regel %s", code)
		}
	}
}
