package check

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/vereinbar/vereinbar/generator/model"
)

// The standard clauses of a signable agreement (CLAUSES.md): dispute
// resolution, VAT, originals and entry into force, exit, extension,
// liability, service levels and information security. Each rule judges
// the document by itself and, where the project data is at hand, checks
// that the document carries the variant the data decides.

// Sources of the standard clause rules.
const (
	srcStreit        = "CLAUSES.md: Streitbeilegung; § 40 Abs. 1, § 50 Abs. 1 Nr. 1 VwGO"
	srcUStG          = "§ 2b UStG"
	srcAusfertigung  = "CLAUSES.md: Ausfertigungen, Inkrafttreten; § 126 BGB"
	srcBeendigung    = "CLAUSES.md: Beendigung; Art. 28 Abs. 3 Buchst. g DSGVO"
	srcVerlaengerung = "CLAUSES.md: Laufzeit, Kündigung, Verlängerung"
	srcHaftung       = "Art. 34 GG, § 839 BGB; CLAUSES.md: Haftung"
	srcLeistung      = "CLAUSES.md: Leistungen des umsetzenden Landes"
	srcSicherheit    = "BSI-Standard 200-2; CLAUSES.md: Informationssicherheit"
)

// The standard clauses and annexes, found by id or heading.
var (
	clUmsatzsteuer   = cl("umsatzsteuer", `umsatzsteuer`, "Umsatzsteuer")
	clSicherheit     = cl("informationssicherheit", `informationssicherheit`, "Informationssicherheit")
	clBeendigung     = cl("beendigung", `^beendigung|abwicklung`, "Beendigung")
	clStreit         = cl("streitbeilegung", `streit|schlichtung`, "Streitbeilegung")
	clLeistungsbesch = cl("leistungsbeschreibung", `leistungsbeschreibung|service-level`, "Leistungsbeschreibung und Service-Level")
)

// lowerBody is the text of a clause as the rules below search it.
func lowerBody(sec *model.Section) string { return strings.ToLower(sectionBody(sec)) }

// missingClause reports a standard clause that is not there.
func (c *ctx) missingClause(cl clause, what string) {
	c.atBlock(nil, "die Klausel „%s“ fehlt (%s)", cl.name, what)
}

var (
	courtRe      = regexp.MustCompile(`rechtsweg|gericht(e|s|en)?\b`)
	adminCourtRe = regexp.MustCompile(`verwaltungsrechtsweg|verwaltungsgericht`)
	firstStepRe  = regexp.MustCompile(`zunächst|zuerst`)
	onlyAfterRe  = regexp.MustCompile(`\berst (wenn|nach|dann)`)
)

func checkDisputes(c *ctx) {
	sec := c.find(clStreit)
	if sec == nil {
		c.missingClause(clStreit, "erst Steuerungsgremium oder Leitungsebene, dann Schlichtung, dann Rechtsweg")
		return
	}
	text := lowerBody(sec)
	var missing []string
	schlicht := strings.Index(text, "schlicht")
	if schlicht < 0 {
		missing = append(missing, "sieht keine Schlichtung vor")
	}
	first := text
	if schlicht >= 0 {
		first = text[:schlicht]
	}
	if c.in.Kind == KindRing && !strings.Contains(first, "gremium") {
		missing = append(missing, "sagt nicht, dass Meinungsverschiedenheiten zuerst dem Steuerungsgremium vorgelegt werden")
	}
	if c.in.Kind == KindStern && !firstStepRe.MatchString(first) {
		missing = append(missing, "sagt nicht, wie die beiden Vertragsparteien zuerst selbst eine Einigung suchen")
	}
	switch loc := courtRe.FindStringIndex(text); {
	case loc == nil || !adminCourtRe.MatchString(text):
		missing = append(missing, "sagt nicht, dass der Verwaltungsrechtsweg gegeben ist")
	case schlicht >= 0 && loc[0] < schlicht:
		missing = append(missing, "öffnet den Rechtsweg vor der Schlichtung")
	case !onlyAfterRe.MatchString(text):
		missing = append(missing, "sagt nicht, dass der Rechtsweg erst nach der Schlichtung offensteht")
	}
	if c.in.Kind == KindRing && c.in.Project != nil {
		if name := normText(c.in.Project.File.Projekt.Vertrag.Steuerungsgremium); name != "" && !strings.Contains(text, strings.ToLower(name)) {
			missing = append(missing, fmt.Sprintf("nennt nicht das Steuerungsgremium der Projektdatei („%s“)", name))
		}
	}
	if len(missing) > 0 {
		c.atBlock(sec, "die Klausel %s", strings.Join(missing, "; sie "))
	}
}

var (
	ustParagraphRe = regexp.MustCompile(`§ ?2b`)
	ustNetRe       = regexp.MustCompile(`nettobetr|zuzüglich|zusätzlich`)
	ustNotTaxRe    = regexp.MustCompile(`davon aus, dass[^.]*nicht der umsatzsteuer`)
)

// ustVariant names the variant of the VAT clause: "offen", "nicht_steuerbar",
// "steuerbar" or "" if the clause decides nothing.
func ustVariant(text string) string {
	switch {
	case strings.Contains(text, "verbindliche auskunft"):
		return "offen"
	case ustNotTaxRe.MatchString(text):
		return "nicht_steuerbar"
	case strings.Contains(text, "steuerpflichtig"):
		return "steuerbar"
	}
	return ""
}

var ustNames = map[string]string{
	"offen":           "eine noch offene Steuerbarkeit (verbindliche Auskunft)",
	"nicht_steuerbar": "nicht steuerbare Kostenanteile",
	"steuerbar":       "steuerpflichtige Kostenanteile",
}

func checkVAT(c *ctx) {
	sec := c.find(clUmsatzsteuer)
	if sec == nil {
		c.missingClause(clUmsatzsteuer, "ob die Kostenanteile nach § 2b UStG steuerbar sind")
		return
	}
	text := lowerBody(sec)
	var missing []string
	if !ustParagraphRe.MatchString(text) {
		missing = append(missing, "nennt § 2b UStG nicht")
	}
	got := ustVariant(text)
	if got == "" {
		missing = append(missing, "sagt nicht, ob die Kostenanteile der Umsatzsteuer unterliegen")
	}
	if !ustNetRe.MatchString(text) {
		missing = append(missing, "sagt nicht, was gilt, wenn Umsatzsteuer anfällt (Nettobeträge, wer die Steuer trägt)")
	}
	if c.in.Project != nil && got != "" {
		if want := c.in.Project.File.Projekt.Vertrag.UmsatzsteuerWert(); want != got {
			missing = append(missing, fmt.Sprintf("regelt %s, die Projektdatei sagt „umsatzsteuer: %s“", ustNames[got], want))
		}
	}
	if len(missing) > 0 {
		c.atBlock(sec, "die Klausel %s", strings.Join(missing, "; sie "))
	}
}

var (
	originalsRe  = regexp.MustCompile(`in (\S+) gleichlautenden ausfertigungen`)
	electronicRe = regexp.MustCompile(`qualifizierten elektronischen signatur`)
	lastSignRe   = regexp.MustCompile(`letzten unterschrift|letzten vertragspartei|tritt am [^.]* in kraft`)
)

// countWord reads a count written in words (as format.Zahlwort writes
// it) or digits; -1 if it is none.
func countWord(s string) int {
	for n := 0; n <= 20; n++ {
		if format.Zahlwort(n) == s {
			return n
		}
	}
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return -1
}

func checkOriginals(c *ctx) {
	sec := c.find(clInkraft)
	if sec == nil {
		return // STRUKTUR-016
	}
	text := lowerBody(sec)
	var missing []string
	originals := originalsRe.FindStringSubmatch(text)
	electronic := electronicRe.MatchString(text)
	parties := len(c.head)
	if c.in.Kind == KindStern {
		parties = 2 // a third party in the head is PARTEIEN-005's finding
	} else if c.in.Project != nil {
		parties = len(c.expectedParties())
	}
	switch {
	case originals == nil && !electronic:
		missing = append(missing, "sagt nicht, in wie vielen Ausfertigungen oder ob elektronisch unterzeichnet wird")
	case originals != nil && countWord(originals[1]) != parties:
		missing = append(missing, fmt.Sprintf("nennt %s Ausfertigungen für %s Vertragsparteien", originals[1], format.Zahlwort(parties)))
	}
	if !strings.Contains(text, "umlaufverfahren") {
		missing = append(missing, "sagt nicht, wie im Umlaufverfahren unterzeichnet wird")
	}
	if !lastSignRe.MatchString(text) {
		missing = append(missing, "sagt nicht, ob die Vereinbarung mit der letzten Unterschrift oder an einem bestimmten Tag in Kraft tritt")
	}
	if pr := c.in.Project; pr != nil {
		v := &pr.File.Projekt.Vertrag
		if want := v.UnterzeichnungsformWert(); (want == "elektronisch") != electronic {
			missing = append(missing, fmt.Sprintf("passt nicht zur Projektdatei („unterzeichnung.form: %s“)", want))
		}
		if u := v.Unterzeichnung; u != nil && u.Inkrafttreten != nil {
			if day := strings.ToLower(format.DateLong(u.Inkrafttreten.Time())); !strings.Contains(text, "tritt am "+day) {
				missing = append(missing, fmt.Sprintf("nennt nicht den Tag des Inkrafttretens der Projektdatei (%s)", format.DateLong(u.Inkrafttreten.Time())))
			}
		}
	}
	if len(missing) > 0 {
		c.atBlock(sec, "die Klausel %s", strings.Join(missing, "; sie "))
	}
}

var (
	deletionDeadlineRe = regexp.MustCompile(`(innerhalb|spätestens)[^.]*monat`)
	continuedRe        = regexp.MustCompile(`weiterbetrieb|weiter zu betreiben|betreibt [^.]* weiter`)
)

func checkExit(c *ctx) {
	sec := c.find(clBeendigung)
	if sec == nil {
		c.missingClause(clBeendigung, "Rückgabe und Löschung der Daten, Übergang, Weiterbetrieb, Ausscheiden des umsetzenden Landes")
		return
	}
	text := lowerBody(sec)
	var missing []string
	if !strings.Contains(text, "lösch") || !deletionDeadlineRe.MatchString(text) {
		missing = append(missing, "die Rückgabe und Löschung der Daten mit Fristen")
	}
	if !strings.Contains(text, "übergang") {
		missing = append(missing, "die Unterstützung beim Übergang")
	}
	if !continuedRe.MatchString(text) {
		missing = append(missing, "den Weiterbetrieb nach dem Ende")
	}
	if !strings.Contains(text, "quellcode") || !strings.Contains(text, "dokumentation") {
		missing = append(missing, "die Übergabe von Quellcode und Dokumentation, wenn das umsetzende Land ausscheidet")
	}
	if pr := c.in.Project; pr != nil {
		if m := pr.File.Projekt.Vertrag.WeiterbetriebWert(); m > 0 && !strings.Contains(text, fmt.Sprintf("%d monate", m)) {
			missing = append(missing, fmt.Sprintf("den Weiterbetrieb von %d Monaten aus der Projektdatei", m))
		} else if m == 0 && !strings.Contains(text, "nicht vereinbart") {
			missing = append(missing, "dass nach der Projektdatei kein Weiterbetrieb vereinbart ist")
		}
	}
	if len(missing) > 0 {
		c.atBlock(sec, "die Klausel regelt nicht %s", strings.Join(missing, ", nicht "))
	}
}

// fixedTermRe finds the end date of a fixed-term agreement in the term
// clause.
var fixedTermRe = regexp.MustCompile(`bis zum \d{1,2}\. \S+ \d{4}`)

func checkExtension(c *ctx) {
	sec := c.find(clLaufzeit)
	if sec == nil {
		return // STRUKTUR-014
	}
	text := lowerBody(sec)
	art, jahre := "", 0
	if pr := c.in.Project; pr != nil {
		art, jahre = pr.File.Projekt.Vertrag.VerlaengerungWert()
		if art == "" {
			return // no end date: nothing to extend
		}
	} else if !fixedTermRe.MatchString(text) {
		return
	}
	if !strings.Contains(text, "verläng") {
		c.atBlock(sec, "die Vereinbarung ist befristet, die Klausel sagt aber nicht, ob und wie sie verlängert werden kann")
		return
	}
	if art == "" {
		return
	}
	want := map[string]string{
		"automatisch": "verlängert sich jeweils um",
		"erklaerung":  "erklären",
		"keine":       "verlängerung bedarf einer",
	}[art]
	years := "um ein Jahr"
	if jahre != 1 {
		years = "um " + format.Zahlwort(jahre) + " Jahre"
	}
	switch {
	case !strings.Contains(text, want):
		c.atBlock(sec, "die Projektdatei sagt „verlaengerung: %s“, die Klausel regelt die Verlängerung anders", art)
	case art != "keine" && !strings.Contains(text, strings.ToLower(years)):
		c.atBlock(sec, "die Projektdatei verlängert %s, die Klausel nicht", years)
	}
}

var (
	indemnityRe    = regexp.MustCompile(`freistell|stellt [^.]* frei`)
	stateLiabRe    = regexp.MustCompile(`amtshaftung|artikel 34 des grundgesetzes|art\. 34 gg|§ 839`)
	unattributedRe = regexp.MustCompile(`keiner vertragspartei zu(gerechnet|zurechnen)`)
	bilateralSplit = regexp.MustCompile(`beiden vertragsparteien|je zur hälfte|zu gleichen teilen`)
	halfRe         = regexp.MustCompile(`je zur hälfte|zu gleichen teilen`)
)

func checkLiability(c *ctx) {
	sec := c.find(clHaftung)
	if sec == nil {
		return // STRUKTUR-011
	}
	text := lowerBody(sec)
	var missing []string
	if !indemnityRe.MatchString(text) {
		missing = append(missing, "sieht keine Freistellung im Innenverhältnis von Ansprüchen Dritter vor")
	}
	if !stateLiabRe.MatchString(text) {
		missing = append(missing, "nennt die Amtshaftung (Art. 34 GG, § 839 BGB) nicht")
	}
	if !unattributedRe.MatchString(text) {
		missing = append(missing, "sagt nicht, wer Schäden trägt, die keiner Vertragspartei zuzurechnen sind")
	} else {
		bears, known := c.implementingBears()
		switch {
		case c.in.Kind == KindStern && !bilateralSplit.MatchString(text):
			missing = append(missing, "sagt nicht, dass die beiden Vertragsparteien solche Schäden allein unter sich teilen")
		case c.in.Kind == KindStern && known && !bears && !halfRe.MatchString(text):
			missing = append(missing, "sagt nicht, welchen Teil solcher Schäden das umsetzende Land trägt, das keinen Kostenanteil hat (es trüge sonst 0 %)")
		case c.in.Kind == KindRing && known && !bears && !strings.Contains(text, "nach köpfen"):
			missing = append(missing, "sagt nicht, welchen Teil solcher Schäden das umsetzende Land trägt, das keinen Kostenanteil hat (es trüge sonst 0 %)")
		}
	}
	if len(missing) > 0 {
		c.atBlock(sec, "die Klausel %s", strings.Join(missing, "; sie "))
	}
}

func checkServiceLevels(c *ctx) {
	annex := c.find(clLeistungsbesch)
	if annex == nil {
		c.atBlock(nil, "die Anlage „%s“ fehlt (Verfügbarkeit, Servicezeiten, Reaktionszeiten, Wartungsfenster, Betreiber)", clLeistungsbesch.name)
		return
	}
	text := lowerBody(annex)
	var missing []string
	for _, term := range []struct{ word, name string }{
		{"verfügbar", "die Verfügbarkeit"}, {"servicezeit", "die Servicezeiten"},
		{"reaktion", "die Reaktionszeiten"}, {"wartungsfenster", "die Wartungsfenster"}, {"betreiber", "den Betreiber"},
	} {
		if !strings.Contains(text, term.word) {
			missing = append(missing, term.name)
		}
	}
	if pr := c.in.Project; pr != nil && pr.File.Projekt.Leistung.Betrieb != nil {
		b := pr.File.Projekt.Leistung.Betrieb
		want := func(what, s string) {
			if s = strings.ToLower(normText(s)); s != "" && !strings.Contains(text, s) {
				missing = append(missing, fmt.Sprintf("%s der Projektdatei („%s“)", what, normText(s)))
			}
		}
		if b.Verfuegbarkeit != nil {
			want("die Verfügbarkeit", format.Weight(b.Verfuegbarkeit.Hundertstel)+" %")
		}
		want("die Servicezeiten", b.Servicezeiten)
		want("die Wartungsfenster", b.Wartungsfenster)
		if b.Betreiber != nil {
			want("den Betreiber", b.Betreiber.Name)
		}
		for _, u := range b.Unterauftragnehmer {
			want("den Unterauftragnehmer", u.Name)
		}
		for _, r := range b.Reaktionszeiten {
			if !c.rowHas(annex, r.Stufe, format.Dauer(r.ReaktionMinuten)) {
				missing = append(missing, fmt.Sprintf("die Reaktionszeit %s für „%s“ aus der Projektdatei", normText(format.Dauer(r.ReaktionMinuten)), r.Stufe))
			}
		}
	}
	if len(missing) > 0 {
		c.atBlock(annex, "die Anlage nennt nicht %s", strings.Join(missing, ", nicht "))
	}
	if lsec := c.find(clLeistungen); lsec != nil && annex.Number != "" && !strings.Contains(sectionBody(lsec), normText(annex.Number)) {
		c.atBlock(lsec, "die Klausel verweist nicht auf die Leistungsbeschreibung (%s)", normText(annex.Number))
	}
}

// rowHas reports whether a table in sec has a row whose first cell is
// first and one of whose cells is cell.
func (c *ctx) rowHas(sec *model.Section, first, cell string) bool {
	for _, t := range tablesIn(sec) {
		for _, r := range t.Rows {
			cells := cellTexts(r)
			if len(cells) == 0 || cells[0] != first {
				continue
			}
			for _, x := range cells[1:] {
				if x == normText(cell) {
					return true
				}
			}
		}
	}
	return false
}

func checkServiceLevelData(c *ctx) {
	pr := c.in.Project.File.Projekt
	if pr.Vertrag.Form == "fit-store" {
		return
	}
	b := pr.Leistung.Betrieb
	var missing []string
	if b == nil || b.Verfuegbarkeit == nil {
		missing = append(missing, "verfuegbarkeit")
	}
	if b == nil || b.Servicezeiten == "" {
		missing = append(missing, "servicezeiten")
	}
	if b == nil || len(b.Reaktionszeiten) == 0 {
		missing = append(missing, "reaktionszeiten")
	}
	if b == nil || b.Wartungsfenster == "" {
		missing = append(missing, "wartungsfenster")
	}
	if len(missing) == 0 {
		return
	}
	path := "leistung"
	if b != nil {
		path = "leistung.betrieb"
	}
	c.atData(path, "die Service-Level sind nicht vollständig vereinbart (es fehlt „leistung.betrieb.%s“); die Leistungsbeschreibung sagt dafür „wie für die eigenen Stellen des umsetzenden Landes“ – vor der Unterzeichnung Werte angeben", strings.Join(missing, "“, „leistung.betrieb."))
}

var (
	standardRe    = regexp.MustCompile(`it-grundschutz|iso/iec 27001|iso 27001`)
	reportHoursRe = regexp.MustCompile(`spätestens innerhalb von (\d+) stunden`)
)

// securityStandard names the standard a security clause sets:
// it_grundschutz, iso27001_grundschutz, iso27001 or "".
func securityStandard(text string) string {
	switch {
	case strings.Contains(text, "auf der basis von it-grundschutz"):
		return "iso27001_grundschutz"
	case strings.Contains(text, "27001"):
		return "iso27001"
	case strings.Contains(text, "it-grundschutz"):
		return "it_grundschutz"
	}
	return ""
}

func checkSecurity(c *ctx) {
	sec := c.find(clSicherheit)
	if sec == nil {
		c.missingClause(clSicherheit, "Sicherheitsstandard und Meldepflicht")
		return
	}
	text := lowerBody(sec)
	var missing []string
	if !standardRe.MatchString(text) {
		missing = append(missing, "nennt keinen Sicherheitsstandard (BSI IT-Grundschutz oder gleichwertig)")
	}
	hours := reportHoursRe.FindStringSubmatch(text)
	switch {
	case hours == nil || !strings.Contains(text, "meld"):
		missing = append(missing, "regelt keine Meldepflicht mit Frist für Sicherheitsvorfälle")
	case atoiOr(hours[1]) > 24:
		missing = append(missing, fmt.Sprintf("lässt für die Meldung %s Stunden Zeit (höchstens 24)", hours[1]))
	}
	if pr := c.in.Project; pr != nil {
		p := &pr.File.Projekt
		if got, want := securityStandard(text), p.SicherheitsstandardWert(); got != "" && got != want {
			missing = append(missing, fmt.Sprintf("nennt einen anderen Standard als die Projektdatei („informationssicherheit.standard: %s“)", want))
		}
		if want := p.MeldefristStundenWert(); hours != nil && atoiOr(hours[1]) != want {
			missing = append(missing, fmt.Sprintf("nennt %s Stunden, die Projektdatei %d („datenschutz.meldefrist_stunden“)", hours[1], want))
		}
	}
	if len(missing) > 0 {
		c.atBlock(sec, "die Klausel %s", strings.Join(missing, "; sie "))
	}
}

// atoiOr reads digits; a number too large for int counts as very large.
func atoiOr(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return 1 << 30
	}
	return n
}
