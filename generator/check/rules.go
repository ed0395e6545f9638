package check

import "slices"

// Rule is one row of the rule table.
type Rule struct {
	// Code is stable across versions, e.g. "PARTEIEN-002".
	Code string
	// Kinds are the inputs the rule applies to.
	Kinds []Kind
	// Severity of every finding of the rule.
	Severity Severity
	// Source is where the requirement comes from, e.g. "Leitfaden §2.3.4".
	Source string
	// Title says in German what the rule requires.
	Title string

	check func(c *ctx)
}

// Sources of the rules.
const (
	srcLeitfaden234 = "Leitfaden §2.3.4"
	srcLeitfaden221 = "Leitfaden §2.2.1"
	srcLeitfaden223 = "Leitfaden §2.2.3"
	srcITPLR2124    = "IT-PLR 2021/24"
	srcITPLR2221    = "IT-PLR 2022/21"
	srcBlaupause    = "Blaupause (nachgebildet)"
	srcDomain5      = "DOMAIN §5"
	srcDuden        = "Duden, Deklination der Substantive"
	srcPDF          = "PDF von vereinbar"
	srcEntwurf      = "Verwaltungspraxis: Entwürfe sind als Entwurf gekennzeichnet"
	srcAbruf        = "CLAUSES (FIT-Store-Abruf)"
	srcHdR          = "Handbuch der Rechtsförmlichkeit, 4. Aufl., Teil D 2 (Änderungstechnik)"
	srcRueckwirkung = "Klausel „Beitritt weiterer Länder“ der Vereinbarung (Neuberechnung ab dem Monat des Beitritts, anteilig im laufenden Haushaltsjahr); AENDERUNG.md „Beitrittserklärung“; DOMAIN.md §3.1 „Beitritt“"
)

// Kind sets of the rule table.
var (
	vwa      = []Kind{KindRing, KindStern}
	dataVwa  = []Kind{KindData, KindRing, KindStern}
	vwaAbruf = []Kind{KindRing, KindStern, KindAbruf}
	// withDescription: the documents that state the scope in words.
	withDescription = []Kind{KindRing, KindStern, KindAbruf, KindBeschreibung}
	allDocs         = []Kind{KindRing, KindStern, KindAbruf, KindBeschreibung, KindSteckbrief}
	onlyData        = []Kind{KindData}
	onlyRing        = []Kind{KindRing}
	onlyStern       = []Kind{KindStern}
	onlyPDF         = []Kind{KindPDF}
)

// rules is the rule table: one row per rule, in the order `vereinbar
// rules` lists them. Codes never change meaning; retired codes are not
// reused.
var rules = []Rule{
	// Vertragsparteien
	{"PARTEIEN-001", vwa, Error, srcBlaupause, "Jede Vertragspartei ist mit ihrer amtlichen Bezeichnung genannt", checkOfficialStyle},
	{"PARTEIEN-002", vwa, Error, srcBlaupause, "Jede Vertragspartei ist „vertreten durch“ eine benannte Stelle, im Akkusativ mit kleinem Artikel", checkRepresented},
	{"PARTEIEN-003", vwa, Error, srcBlaupause, "Für jede Vertragspartei gibt es einen Unterschriftenblock", checkSignatures},
	{"PARTEIEN-004", vwa, Error, srcLeitfaden221, "Genau ein Land ist umsetzendes Land", checkOneImplementing},
	{"PARTEIEN-005", onlyStern, Error, srcLeitfaden234, "Eine Vereinbarung in Sternstruktur hat genau zwei Vertragsparteien", checkStarTwo},
	{"PARTEIEN-006", dataVwa, Warning, srcBlaupause, "Vertragsparteien sind nur Länder (die Blaupause sieht den Bund nicht vor)", checkOnlyLaender},
	{"PARTEIEN-007", onlyData, Warning, srcDuden, "„vertreten_durch“ nennt die Stelle im Nominativ mit Artikel, wie sie sich selbst nennt; die Dokumente beugen sie", checkRepresentedNominative},

	// Gegenstand
	{"GEGENSTAND-001", withDescription, Error, srcBlaupause, "Der Gegenstand nennt den Online-Dienst", checkScopeService},
	{"GEGENSTAND-002", allDocs, Error, srcBlaupause, "Der Gegenstand nennt die OZG-Leistung(en) mit OZG-ID", checkScopeOZG},
	{"GEGENSTAND-003", withDescription, Error, srcBlaupause, "Der Gegenstand nennt die LeiKa-Schlüssel", checkScopeLeiKa},
	{"GEGENSTAND-004", allDocs, Error, srcBlaupause, "Der Gegenstand nennt das Themenfeld", checkScopeTopic},

	// Kosten
	{"KOSTEN-001", vwaAbruf, Error, srcITPLR2124, "Der Verteilungsschlüssel ist benannt", checkKeyNamed},
	{"KOSTEN-002", vwaAbruf, Error, srcLeitfaden234, "Bei Verteilung nach dem Königsteiner Schlüssel ist dessen Jahr genannt", checkKSYear},
	{"KOSTEN-003", dataVwa, Error, srcLeitfaden234, "Jede kostentragende Vertragspartei hat einen Anteil", checkShareEach},
	{"KOSTEN-004", []Kind{KindData, KindRing, KindStern, KindSteckbrief}, Error, srcBlaupause, "Die Anteile ergeben genau 100,00000 %", checkSharesSum},
	{"KOSTEN-005", dataVwa, Error, srcBlaupause, "Die Beträge ergeben centgenau die Summen der Kosten", checkAmountsSum},
	{"KOSTEN-006", vwa, Error, srcITPLR2221, "Die Kosten sind nach Kostenarten aufgeschlüsselt", checkCategories},
	{"KOSTEN-007", vwa, Error, srcBlaupause, "Es ist gesagt, ob das umsetzende Land einen Anteil trägt", checkImplementingPays},
	{"KOSTEN-008", onlyData, Warning, srcITPLR2124, "Gemeinsam verteilt werden nur Kostenarten nach IT-PLR 2021/24 (nicht Erstentwicklung und Anbindung)", checkEligibleCosts},

	// Beitritt und Kündigung (wechsel.go)
	{"BEITRITT-001", accessionDocs, Error, srcBeitritt, "Beitrittserklärung und Beitrittsmitteilung nennen die neu berechneten Anteile aller Vertragsparteien ab dem Beitritt (Summe 100 %)", checkRecalculatedShares},
	{"BEITRITT-002", onlyData, Error, srcBeitritt, "Ein beitretendes Land hat nach dem Verteilungsschlüssel einen Anteil", checkJoinerShare},
	{"BEITRITT-003", onlyData, Warning, srcBeitritt, "Beigetreten wird einer Vereinbarung, die alle Vertragsparteien unterzeichnet haben", checkJoinConcluded},
	{"AUSTRITT-001", onlyNotice, Error, srcKuendigung, "Die Kündigung wirkt zum Ende eines Kalenderjahres und wahrt die Kündigungsfrist", checkNoticeDate},
	{"AUSTRITT-002", onlyNotice, Error, srcKuendigung, "Die Kündigung nennt die neu berechneten Anteile der verbleibenden Vertragsparteien (Summe 100 %)", checkRecalculatedShares},

	// Aufbau der Vereinbarung (DOMAIN.md §3.1)
	structural("STRUKTUR-001", vwa, Warning, srcBlaupause, clPraeambel, nil),
	structural("STRUKTUR-002", vwa, Error, srcBlaupause, clGegenstand, nil),
	structural("STRUKTUR-003", vwa, Error, srcLeitfaden234, clLeistungen, nil),
	structural("STRUKTUR-004", vwa, Warning, srcBlaupause, clPflichten, nil),
	structural("STRUKTUR-005", vwa, Error, srcLeitfaden234, clSteuerung, nil),
	structural("STRUKTUR-006", vwa, Error, srcLeitfaden234, clKosten, nil),
	structural("STRUKTUR-007", vwa, Error, srcLeitfaden234, clVerteilung, nil),
	structural("STRUKTUR-008", vwa, Warning, srcBlaupause, clZahlung, nil),
	structural("STRUKTUR-009", vwa, Error, srcBlaupause, clDatenschutz, nil),
	structural("STRUKTUR-010", vwa, Warning, srcBlaupause, clNutzungsrechte, nil),
	structural("STRUKTUR-011", vwa, Warning, srcBlaupause, clHaftung, nil),
	structural("STRUKTUR-012", onlyRing, Error, srcLeitfaden234, clBeitritt, nil),
	{"STRUKTUR-013", onlyStern, Error, srcBlaupause, "Eine Vereinbarung in Sternstruktur hat keine Beitrittsklausel", checkNoAccession},
	structural("STRUKTUR-014", vwa, Error, srcBlaupause, clLaufzeit, mentions(`(?i)kündig`, "regelt keine Kündigung")),
	structural("STRUKTUR-015", vwa, Warning, srcBlaupause, clSchluss, nil),
	structural("STRUKTUR-016", vwa, Error, srcBlaupause, clInkraft, mentions(`(?i)in kraft`, "sagt nicht, wann die Vereinbarung in Kraft tritt")),

	// Standardklauseln (CLAUSES.md)
	{"KLAUSEL-001", vwa, Error, srcStreit, "Streitigkeiten gehen erst an das Steuerungsgremium (Stern: die Leitungsebenen), dann in eine Schlichtung, erst danach vor die Verwaltungsgerichte", checkDisputes},
	{"KLAUSEL-002", vwa, Error, srcUStG, "Die Vereinbarung sagt, ob die Kostenanteile der Umsatzsteuer unterliegen und was gilt, wenn sie anfällt (wie die Projektdatei)", checkVAT},
	{"KLAUSEL-003", vwa, Error, srcAusfertigung, "Zahl der Ausfertigungen oder elektronische Unterzeichnung, Umlaufverfahren und Inkrafttreten mit der letzten Unterschrift oder am genannten Tag", checkOriginals},
	{"KLAUSEL-004", vwa, Error, srcBeendigung, "Die Beendigung regelt Rückgabe und Löschung der Daten mit Fristen, Übergang, Weiterbetrieb und das Ausscheiden des umsetzenden Landes", checkExit},
	{"KLAUSEL-005", vwa, Error, srcVerlaengerung, "Eine befristete Vereinbarung sagt, ob und wie sie verlängert wird (wie die Projektdatei)", checkExtension},
	{"KLAUSEL-006", vwa, Error, srcHaftung, "Haftung für eigenes Verschulden, Freistellung bei Amtshaftung, nicht zurechenbare Schäden verteilt (Stern: nur zwischen beiden, nie 0 % für das umsetzende Land)", checkLiability},
	{"KLAUSEL-007", vwa, Error, srcLeistung, "Die Leistungsbeschreibung nennt Verfügbarkeit, Servicezeiten, Reaktionszeiten, Wartungsfenster und Betreiber (wie die Projektdatei), § Leistungen verweist auf sie", checkServiceLevels},
	{"KLAUSEL-008", onlyData, Warning, srcLeistung, "Die Service-Level sind vor der Unterzeichnung vollständig angegeben (leistung.betrieb)", checkServiceLevelData},
	{"KLAUSEL-009", vwa, Error, srcSicherheit, "Die Informationssicherheit nennt den Standard (BSI IT-Grundschutz oder gleichwertig) und eine Meldepflicht mit Frist", checkSecurity},

	// Datenschutz (Art. 26, 28, 33 DSGVO)
	{"DATENSCHUTZ-001", vwa, Error, srcDatenschutz, "Die Rolle im Datenschutz ist entschieden (wie die Projektdatei) und die passende Anlage liegt bei", checkDataRole},
	{"DATENSCHUTZ-002", vwa, Error, srcArt28, "Die Vereinbarung zur Auftragsverarbeitung enthält Art. 28 Abs. 3 Buchst. a bis h, Gegenstand, Daten, Maßnahmen und Unterauftragsverarbeiter", checkAVV},
	{"DATENSCHUTZ-003", vwa, Error, srcArt26, "Die Vereinbarung über die gemeinsame Verantwortlichkeit regelt Informationspflichten, Betroffenenrechte, Meldungen, Anlaufstelle und das Wesentliche für die Betroffenen", checkJointControl},
	{"DATENSCHUTZ-004", vwa, Error, srcArt33, "Verletzungen des Datenschutzes werden binnen höchstens 24 Stunden gemeldet, damit die 72-Stunden-Frist gewahrt bleibt", checkBreachDeadline},
	{"DATENSCHUTZ-005", onlyData, Warning, srcDatenschutz, "Die Rolle im Datenschutz ist in der Projektdatei entschieden", checkDataRoleData},
	{"DATENSCHUTZ-006", onlyData, Error, srcArt26Art28, "Rolle im Datenschutz und FIT-Store-Abruf widersprechen sich nicht: Auftragsverarbeitung nur mit, gemeinsame Verantwortlichkeit nur ohne Vereinbarung zur Auftragsverarbeitung im Abruf", checkDataRoleFITStore},

	// Regeln aus Leitfaden und IT-Planungsrat (DOMAIN.md §5)
	{"REGEL-001", onlyData, Warning, srcLeitfaden234, "Die Sternstruktur ist begründet (die Ringstruktur ist die Regel)", checkStarReason},
	{"REGEL-002", []Kind{KindData, KindAbruf}, Error, srcLeitfaden234, "Aus dem FIT-Store ruft nur ein Land ab, keine Kommune", checkNoMunicipalCallOff},
	{"REGEL-003", onlyData, Warning, srcDomain5, "Eine Kommune trägt in einer Vereinbarung zwischen Ländern keine Kosten (Kieler Beschlüsse)", checkMunicipalFree},
	{"REGEL-004", onlyData, Error, srcDomain5, "Mittel des Konjunkturprogramms gibt es nur bis 31.12.2022", checkStimulusYears},
	{"REGEL-005", onlyData, Error, srcDomain5, "„Zentral entwickelt, dezentral betrieben“ setzt Reifegrad 3 oder höher voraus", checkCentralMaturity},
	{"REGEL-006", onlyData, Info, srcDomain5, "Ein EfA-Dienst wird von mindestens acht Ländern nachgenutzt", checkEightLaender},
	{"REGEL-007", onlyData, Error, srcLeitfaden223, "Eine FIM-basierte Eigenentwicklung ist begründet", checkOwnDevelopmentReason},
	{"REGEL-008", vwa, Warning, srcITPLR2124, "Der Schlüssel wird nur einvernehmlich geändert, ohne Einigung gilt die Inanspruchnahme", checkSteeringUnanimity},
	{"REGEL-009", onlyData, Info, srcITPLR2124, "Der Beschluss des Steuerungsgremiums über den Schlüssel ist angegeben", checkKeyResolution},
	{"REGEL-010", vwa, Error, srcSchriftform, "Das Steuerungsgremium ändert Schlüssel, Kostenplan und Höchstbeträge nicht ohne schriftliche Änderung", checkSteeringBounded},
	{"REGEL-011", vwa, Error, srcITPLR2124, "Die Inanspruchnahme ist bestimmt und ihre Mitteilung mit Stichtag geregelt", checkUsageDefined},

	// Haushalt, Zahlung, Nachrechenbarkeit, Widerspruchsfreiheit
	{"HAUSHALT-001", vwa, Error, srcLHO, "Die Zahlungspflichten stehen unter Haushaltsvorbehalt; für spätere Jahre ist die Verpflichtungsermächtigung genannt", checkBudgetReservation},
	{"HAUSHALT-002", vwa, Error, srcHoechst, "Je Vertragspartei und Haushaltsjahr ist ein Höchstbetrag genannt, nicht unter ihrem Betrag, und eine Neuberechnung überschreitet ihn nicht", checkCaps},
	{"ZAHLUNG-001", vwa, Error, srcZahlung, "Rechnungszeitpunkt, Fälligkeit und Rechnungsinhalt sind geregelt; eine Vorfinanzierung durch das umsetzende Land nur ausdrücklich", checkPaymentTerms},
	{"ZAHLUNG-002", vwa, Error, srcArithmetik, "Teile eines Haushaltsjahres werden monatlich anteilig abgerechnet, und die Tabellen zeigen es", checkProRata},
	{"KOSTEN-009", vwa, Error, srcHorizont, "Läuft die Vereinbarung über den Kostenplan hinaus, ist gesagt, wie spätere Kosten festgelegt werden", checkCostHorizon},
	{"KOSTEN-010", onlyData, Error, srcFITStore, "Kein Land schuldet dieselben Kosten in zwei Dokumenten (Vereinbarung und FIT-Store-Abruf)", checkNoDoubleObligation},
	{"KOSTEN-011", vwa, Error, srcArithmetik, "Jeder Anteil lässt sich aus der Anlage „Berechnung der Kostenanteile“ nachrechnen", checkKeyRecomputable},
	{"KOSTEN-012", dataVwa, Warning, srcKSAktuell, "Der Königsteiner Schlüssel liegt nicht mehr als drei Jahre vor dem Beginn der Vereinbarung", checkKSCurrent},
	{"STIL-001", onlyStern, Error, srcZweiseitig, "Eine Vereinbarung in Sternstruktur liest sich zweiseitig", checkBilateral},
	{"STIL-002", vwa, Error, srcBegriffe, "Anbindung: Begriffsbestimmung, Gegenstand, Pflichten und Kostenplan widersprechen sich nicht", checkConnectionConsistent},

	// Die Seiten eines PDF im Vergleich mit dem eingebetteten Modell
	{"PDF-001", onlyPDF, Error, srcPDF, "Die Beträge und Anteile auf den Seiten sind die des eingebetteten Modells", checkPDFNumbers},
	{"PDF-002", onlyPDF, Error, srcPDF, "Der übrige Text der Seiten ist der des eingebetteten Modells", checkPDFWords},
	{"PDF-003", onlyPDF, Warning, srcPDF, "Die Datei ist so, wie vereinbar sie schreibt: nichts angehängt, keine Anmerkungen außer Verweisen, keine eingebetteten Objekte", checkPDFUnchanged},

	// Umlaufverfahren: Unterschriften und Inkrafttreten
	{"UMLAUF-001", onlyData, Error, srcUmlauf, "Eine als in Kraft getreten eingetragene Vereinbarung („vertrag.unterzeichnung.in_kraft“) ist von allen Vertragsparteien unterschrieben", checkInForceSigned},
	{"UMLAUF-002", onlyData, Warning, srcUmlauf, "Die Unterschriften folgen der Reihenfolge des Umlaufs: das umsetzende Land zuerst, dann die anderen in der Reihenfolge des Eingangs", checkSigningOrder},

	// Fassung: Entwurf oder final, Formulare
	{"FASSUNG-001", onlyData, Error, srcEntwurf, "Eine finale Fassung („vorhaben.status: final“) enthält keine Platzhalter", checkFinalData},
	{"FASSUNG-002", append(allDocs[:len(allDocs):len(allDocs)], KindAnschreiben, KindProjektplan), Error, srcEntwurf, "Ein Dokument ohne Entwurfskennzeichnung zeigt keinen Platzhaltertext", checkFinalDocument},
	{"FASSUNG-003", []Kind{KindAbruf}, Error, srcAbruf, "Der FIT-Store-Abruf lässt fehlende Angaben als Feld zum Ausfüllen offen, nie „nicht angegeben“", checkCallOffFields},

	// Änderungsvereinbarung
	{"AENDERUNG-001", []Kind{KindAenderung}, Error, srcHdR, "Die Änderungsbefehle der Änderungsvereinbarung machen aus der bisherigen Fassung (--alt) genau die neue (--neu)", checkAmendment},
	{"AENDERUNG-002", []Kind{KindAenderung}, Warning, srcRueckwirkung, "Die Änderungsvereinbarung ändert keine Beträge eines Haushaltsjahres, das am Stand der neuen Fassung schon begonnen hat (Beitritt zu einem Tag: „beitritt_ab“ und Beitrittserklärung; sonst Rückwirkung bewusst vereinbaren)", checkRetroactive},
}

// Rules returns a copy of the rule table in listing order.
func Rules() []Rule {
	out := slices.Clone(rules)
	for i := range out {
		out[i].Kinds = slices.Clone(out[i].Kinds)
	}
	return out
}
