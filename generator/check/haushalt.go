package check

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

// Rules on money a budget can commit, a key an auditor can recompute and
// a text that agrees with itself (issue "signable agreements").

// Sources of these rules.
const (
	srcLHO         = "§ 38 LHO (Verpflichtungsermächtigung), Jährlichkeit des Haushalts"
	srcHoechst     = "CLAUSES.md: Höchstbetrag und Haushaltsvorbehalt"
	srcZahlung     = "CLAUSES.md: Zahlung"
	srcArithmetik  = "DOMAIN.md §4.3 (Arithmetik, Hare/Niemeyer)"
	srcHorizont    = "CLAUSES.md: Laufzeit; Kostenplan und Höchstbetrag"
	srcFITStore    = "CLAUSES.md: FIT-Store-Abruf; Leitfaden §2.3.4"
	srcKSAktuell   = "Leitfaden §2.3.4 (aktueller Königsteiner Schlüssel); DOMAIN.md §4.4"
	srcSchriftform = "Schriftform der Schlussbestimmungen; IT-PLR 2021/24"
	srcZweiseitig  = "Leitfaden §2.3.4 (Sternstruktur: zweiseitige Vereinbarung)"
	srcBegriffe    = "CLAUSES.md: Begriffe"
)

// Clauses these rules look at.
var (
	clHaushalt   = cl("haushalt", `haushaltsvorbehalt|höchstbetr`, "Haushaltsvorbehalt und Höchstbeträge")
	clBegriffe   = cl("begriffe", `begriffsbestimmung|begriffe`, "Begriffsbestimmungen")
	clBerechnung = cl("berechnung", `berechnung der (kosten)?anteile`, "Berechnung der Kostenanteile")
)

// yearColumn reads a column label such as "2027 in €" or "2027".
var yearColumn = regexp.MustCompile(`^(\d{4})( in €)?$`)

// costYears returns the years of the cost tables: the columns of the
// distribution table (ring) or the rows of the partner's amounts (star).
func (c *ctx) costYears() []int {
	var years []int
	add := func(s string) {
		if m := yearColumn.FindStringSubmatch(s); m != nil {
			y, _ := strconv.Atoi(m[1])
			if !slices.Contains(years, y) {
				years = append(years, y)
			}
		}
	}
	if t := c.distTable(); t != nil {
		for _, h := range headerTexts(t) {
			add(h)
		}
	}
	if t := c.ownTable(); t != nil {
		for _, r := range t.Rows {
			if cells := cellTexts(r); len(cells) > 0 {
				add(cells[0])
			}
		}
	}
	slices.Sort(years)
	return years
}

func checkBudgetReservation(c *ctx) {
	sec := c.find(clHaushalt)
	if sec == nil {
		c.atBlock(nil, "die Klausel „%s“ fehlt: die Zahlungsverpflichtungen stehen nicht unter dem Vorbehalt des Haushaltsrechts", clHaushalt.name)
		return
	}
	text := sectionBody(sec)
	if !strings.Contains(text, "Vorbehalt") {
		c.atBlock(sec, "die Klausel sagt nicht, dass die Verpflichtungen unter dem Vorbehalt der Bereitstellung der Haushaltsmittel stehen")
	}
	years := c.costYears()
	if len(years) < 2 {
		return
	}
	var missing []string
	for _, y := range years[1:] {
		if !strings.Contains(text, strconv.Itoa(y)) {
			missing = append(missing, strconv.Itoa(y))
		}
	}
	switch {
	case !strings.Contains(text, "Verpflichtungsermächtigung"):
		c.atBlock(sec, "Zahlungen fallen auch nach %d an, aber eine Verpflichtungsermächtigung für die späteren Haushaltsjahre ist nicht genannt", years[0])
	case len(missing) > 0:
		c.atBlock(sec, "die Haushaltsjahre %s, für die eine Verpflichtungsermächtigung nötig ist, sind nicht genannt", strings.Join(missing, ", "))
	}
}

// capBound is how the clause says that a recalculation stays within the
// Höchstbetrag.
var capBound = regexp.MustCompile(`Neuberechnung[^.]*über (seinen|ihren) Höchstbetrag`)

// capTable is the table of Höchstbeträge.
func (c *ctx) capTable() *model.Table {
	return c.findTable("hoechstbetraege", func(t *model.Table, _ []string) bool {
		return strings.HasPrefix(t.Caption, "Höchstbeträge")
	})
}

// amountsByYear reads a party's amounts per column label from the
// distribution table (ring) or, for the star partner, from the table of
// its own amounts.
func (c *ctx) amountsByYear() map[string]map[string]int64 {
	out := map[string]map[string]int64{}
	if t := c.distTable(); t != nil {
		head := headerTexts(t)
		for _, r := range t.Rows {
			cells := cellTexts(r)
			p, ok := c.rowParty(cells[0])
			if !ok || r.Total {
				continue
			}
			out[p.Code] = map[string]int64{}
			for i := 2; i < len(cells) && i < len(head); i++ {
				if v, err := parseMoney(cells[i]); err == nil {
					out[p.Code][strings.TrimSuffix(head[i], " in €")] = v
				}
			}
		}
	}
	return out
}

func checkCaps(c *ctx) {
	sec := c.find(clHaushalt)
	if sec == nil {
		return // HAUSHALT-001
	}
	t := c.capTable()
	if t == nil {
		c.atBlock(sec, "die Höchstbeträge je Vertragspartei und Haushaltsjahr sind nicht angegeben (Tabelle „Höchstbeträge je Haushaltsjahr“)")
		return
	}
	text := sectionBody(sec)
	if !capBound.MatchString(text) || !strings.Contains(text, "schriftliche Änderung") {
		c.atBlock(sec, "die Klausel sagt nicht, dass eine Neuberechnung den Höchstbetrag ohne schriftliche Änderung nicht übersteigt und wer einen übersteigenden Betrag trägt")
	}
	amounts := c.amountsByYear()
	if own := c.ownTable(); own != nil && c.in.Party != "" || own != nil && len(amounts) == 0 {
		// star: the partner's own amounts are the reference
		code := c.in.Party
		if code == "" {
			for _, r := range t.Rows {
				if p, ok := c.rowParty(cellTexts(r)[0]); ok {
					code = p.Code
				}
			}
		}
		m := map[string]int64{}
		for _, r := range own.Rows {
			cells := cellTexts(r)
			if len(cells) == 2 && !r.Total {
				if v, err := parseMoney(cells[1]); err == nil {
					m[cells[0]] = v
				}
			}
		}
		if code != "" {
			amounts[code] = m
		}
	}
	head := headerTexts(t)
	for _, r := range t.Rows {
		cells := cellTexts(r)
		p, ok := c.rowParty(cells[0])
		if !ok {
			continue
		}
		for i := 1; i < len(cells) && i < len(head); i++ {
			col := strings.TrimSuffix(head[i], " in €")
			cap, err := parseMoney(cells[i])
			if err != nil {
				c.atBlock(t, "Höchstbetrag von %s für %s: %v", p.Kurzname, col, err)
				continue
			}
			if amount, ok := amounts[p.Code][col]; ok && cap < amount {
				c.atBlock(t, "der Höchstbetrag von %s für %s (%s) liegt unter ihrem Betrag nach der Kostenverteilung (%s)", p.Kurzname, col, format.Money(cap), format.Money(amount))
			}
		}
	}
}

var (
	afterPeriod = regexp.MustCompile(`nach Ablauf (des|eines) (Haushalts|Kalender)`)
	prefinance  = regexp.MustCompile(`finanziert [^.]* vor|vorfinanzier`)
)

func checkPaymentTerms(c *ctx) {
	sec := c.find(clZahlung)
	if sec == nil {
		return // STRUKTUR-008
	}
	text := sectionBody(sec)
	var missing []string
	if !strings.Contains(text, "fällig") {
		missing = append(missing, "wann die Beträge fällig sind")
	}
	if !regexp.MustCompile(`Rechnung weist|weist [^.]*aus`).MatchString(text) {
		missing = append(missing, "was eine Rechnung ausweist")
	}
	if len(missing) > 0 {
		c.atBlock(sec, "die Zahlungsklausel sagt nicht, %s", strings.Join(missing, ", und nicht, "))
	}
	late := afterPeriod.MatchString(text) && !strings.Contains(text, "im Voraus")
	if late && !prefinance.MatchString(text) {
		c.atBlock(sec, "Rechnungen erst nach Ablauf des Zeitraums lassen das umsetzende Land ihn vorfinanzieren; das muss die Klausel ausdrücklich sagen (oder im Voraus abrechnen)")
	}
	if c.in.Project != nil {
		z := c.in.Project.File.Projekt.ZahlungOrDefault()
		if z.Zeitpunkt == "im_voraus" && late {
			c.atBlock(sec, "die Projektdatei sieht Rechnungen im Voraus vor („zahlung.zeitpunkt: im_voraus“), die Klausel rechnet erst nach Ablauf ab")
		}
	}
}

func checkProRata(c *ctx) {
	sec := c.find(clZahlung)
	if sec == nil {
		return
	}
	text := sectionBody(sec)
	if !strings.Contains(text, "Monat") || !strings.Contains(text, "Zwölftel") {
		c.atBlock(sec, "die Zahlungsklausel regelt nicht, wie Teile eines Haushaltsjahres anteilig nach Monaten abgerechnet werden")
	}
	if c.in.Project == nil {
		return
	}
	partial := false
	for _, it := range c.in.Project.Costs.Items {
		partial = partial || it.Months > 0 && it.Months < 12
	}
	if t := c.planTable(); partial && t != nil && !strings.Contains(blockText(t), "anteilig") {
		c.atBlock(t, "die Vereinbarung gilt in einem Haushaltsjahr nur einen Teil des Jahres, der Kostenplan weist die anteiligen Beträge aber nicht aus")
	}
}

var (
	indefinite = regexp.MustCompile(`auf unbestimmte Zeit`)
	untilDate  = regexp.MustCompile(`bis zum \d{1,2}\.\s\S+ (\d{4})`)
)

func checkCostHorizon(c *ctx) {
	years := c.costYears()
	term := c.find(clLaufzeit)
	cost := c.find(clKosten)
	if len(years) == 0 || term == nil || cost == nil {
		return
	}
	last := years[len(years)-1]
	text := sectionBody(term)
	beyond := indefinite.MatchString(text)
	if m := untilDate.FindStringSubmatch(text); m != nil {
		y, _ := strconv.Atoi(m[1])
		beyond = beyond || y > last
	}
	if beyond && !regexp.MustCompile(`fortschreib|folgenden Haushaltsjahre`).MatchString(sectionBody(cost)) {
		c.atBlock(cost, "der Kostenplan endet %d, die Vereinbarung läuft länger; die Klausel sagt nicht, wie die Kosten der späteren Jahre festgelegt werden", last)
	}
}

func checkNoDoubleObligation(c *ctx) {
	p := c.in.Project
	if len(p.Documents) == 0 {
		return
	}
	pays := map[string][]string{}
	for _, d := range p.Documents {
		switch {
		case d.Kind == KindRing:
			for _, pt := range p.Costs.Parties {
				if pt.TotalCents > 0 {
					pays[pt.Code] = append(pays[pt.Code], d.File)
				}
			}
		case (d.Kind == KindStern || d.Kind == KindAbruf) && d.Party != "":
			pays[d.Party] = append(pays[d.Party], d.File)
		}
	}
	for i, pt := range p.File.Projekt.Parteien {
		if docs := pays[string(pt.Land)]; len(docs) > 1 {
			c.atData(fmt.Sprintf("parteien[%d]", i), "%s würde dieselben Kosten in %s schulden; ein Land nutzt den Dienst entweder über die Vereinbarung oder über den Abruf aus dem FIT-Store („weg“)", partyNominativ(string(pt.Land)), strings.Join(docs, " und "))
		}
	}
}

var ksYearText = regexp.MustCompile(`Königsteiner Schlüssel (?:des (?:GWK-)?Jahres )?(\d{4})`)
var startText = regexp.MustCompile(`(?:ab dem|vom) \d{1,2}\.\s\S+ (\d{4})`)

// maxKSAge is how many years a Königsteiner table may lie before the
// agreement's start without a warning.
const maxKSAge = 3

func checkKSCurrent(c *ctx) {
	if c.in.Kind == KindData {
		pr := c.in.Project.File.Projekt
		start := pr.Vertrag.Beginn.Time().Year()
		for i, k := range pr.Verteilung.Schluessel {
			if k.Art == "koenigstein" && k.Jahr > 0 && start-k.Jahr > maxKSAge {
				c.atData(fmt.Sprintf("verteilung.schluessel[%d].jahr", i), "der Königsteiner Schlüssel %d liegt %d Jahre vor dem Beginn der Vereinbarung (%d); ein aktueller Schlüssel ist vorzuziehen (README: „Königsteiner Schlüssel: ein Jahr ergänzen“)", k.Jahr, start-k.Jahr, start)
			}
		}
		return
	}
	if c.in.Project != nil {
		return // judged once, on the project data
	}
	sec, term := c.find(clVerteilung), c.find(clLaufzeit)
	if sec == nil || term == nil {
		return
	}
	m, s := ksYearText.FindStringSubmatch(sectionBody(sec)), startText.FindStringSubmatch(sectionBody(term))
	if m == nil || s == nil {
		return
	}
	ks, _ := strconv.Atoi(m[1])
	start, _ := strconv.Atoi(s[1])
	if start-ks > maxKSAge {
		c.atBlock(sec, "der Königsteiner Schlüssel %d liegt %d Jahre vor dem Beginn der Vereinbarung (%d); ein aktueller Schlüssel ist vorzuziehen", ks, start-ks, start)
	}
}

var steeringDecidesKey = regexp.MustCompile(`(?i)(Steuerungsgremium|Gremium) (legt|beschließt|ändert) (den|die) (Verteilungsschlüssel|Schlüssel|Kosten|Höchstbetr)`)

func checkSteeringBounded(c *ctx) {
	sec := c.find(clSteuerung)
	if sec == nil {
		return // STRUKTUR-005
	}
	text := sectionBody(sec)
	if m := steeringDecidesKey.FindString(text); m != "" {
		c.atBlock(sec, "„%s …“: das Gremium ändert Schlüssel, Kosten oder Höchstbeträge ohne schriftliche Änderung der Vereinbarung; das widerspricht der Schriftform", m)
	}
	if !strings.Contains(text, "schriftliche Änderung") {
		c.atBlock(sec, "die Klausel sagt nicht, dass Schlüssel, Kostenplan und Höchstbeträge nur durch schriftliche Änderung der Vereinbarung geändert werden")
	}
}

var reportingDate = regexp.MustCompile(`(?s)(Inanspruchnahme|Nutzungszahlen)[^.]*bis zum \d{1,2}\.\s\S+`)

func checkUsageDefined(c *ctx) {
	def := c.find(clBegriffe)
	if def == nil || !strings.Contains(sectionBody(def), "Inanspruchnahme:") {
		c.atBlock(def, "die Inanspruchnahme, nach der ohne Einigung verteilt wird, ist nicht bestimmt")
	}
	if !reportingDate.MatchString(blockText(&model.Section{Blocks: c.in.Doc.Blocks})) {
		c.atBlock(c.find(clSteuerung), "es ist nicht geregelt, wer die Inanspruchnahme bis zu welchem Tag mitteilt")
	}
}

// pluralReusers finds wording of a multilateral agreement in a star
// agreement.
var pluralReusers = regexp.MustCompile(`(?i)\b((der|den|die) nachnutzenden Länder(n)?|jedes nachnutzende Land|jede andere Vertragspartei|alle(n)? (anderen )?Vertragsparteien|aller Vertragsparteien)\b`)

func checkBilateral(c *ctx) {
	for _, sec := range c.sections {
		for _, b := range sec.Blocks {
			if _, ok := b.(*model.Section); ok {
				continue
			}
			if m := pluralReusers.FindString(blockText(b)); m != "" {
				c.atBlock(b, "„%s“: eine Vereinbarung in Sternstruktur hat genau zwei Vertragsparteien und ein nachnutzendes Land", m)
			}
		}
	}
}

var (
	excludesConnection = regexp.MustCompile(`(?i)nicht gegenstand[^.]*\banbindung\b`)
	connectionBilled   = regexp.MustCompile(`(?i)abgerechnet|kostenplan|in rechnung`)
)

func checkConnectionConsistent(c *ctx) {
	if g := c.find(clGegenstand); g != nil && excludesConnection.MatchString(sectionBody(g)) {
		if p := c.find(clPflichten); p != nil && strings.Contains(strings.ToLower(sectionBody(p)), "anbind") || p != nil && strings.Contains(sectionBody(p), "schließt") {
			c.atBlock(g, "der Gegenstand nimmt die Anbindung aus, die Pflichten des nachnutzenden Landes regeln sie aber")
		}
	}
	def := c.find(clBegriffe)
	plan := c.planTable()
	if def == nil || plan == nil {
		return
	}
	billed := false
	for _, r := range plan.Rows {
		if cells := cellTexts(r); len(cells) > 0 && strings.Contains(cells[0], "Anbindung") {
			billed = true
		}
	}
	for _, b := range def.Blocks {
		for _, item := range strings.Split(blockText(b), "\n") {
			if strings.Contains(item, "Anbindung:") && billed && !connectionBilled.MatchString(item) {
				c.atBlock(def, "der Kostenplan rechnet die Anbindung ab, die Begriffsbestimmung macht sie zur eigenen Aufgabe des nachnutzenden Landes, ohne die Abrechnung zu nennen")
			}
		}
	}
}

// checkKeyRecomputable recomputes the shares from the annex
// "Berechnung der Kostenanteile" — the values of every key part and its
// weight — with the rule of the agreement (Hare/Niemeyer) and compares
// them with the shares the document states.
func checkKeyRecomputable(c *ctx) {
	dist := c.distTable()
	annex := c.find(clBerechnung)
	if annex == nil {
		if dist != nil {
			c.atBlock(nil, "die Anlage „%s“ fehlt: die Anteile lassen sich aus dem Dokument nicht nachrechnen", clBerechnung.name)
		}
		return
	}
	parties, key, err := c.annexKey(annex)
	if err != nil {
		c.atBlock(annex, "die Anlage ist nicht lesbar: %v", err)
		return
	}
	shares, err := costs.Shares(parties, key)
	if err != nil {
		c.atBlock(annex, "aus den Werten der Anlage lassen sich keine Anteile berechnen: %v", err)
		return
	}
	stated := c.statedShares(annex, dist)
	for i, p := range parties {
		ref, _ := refdata.PartyByCode(p.Code)
		for where, s := range stated[p.Code] {
			if s != shares[i] {
				c.atBlock(annex, "aus den Werten der Anlage ergibt sich für %s ein Anteil von %s, %s nennt %s", ref.Kurzname, format.Percent(shares[i]), where, format.Percent(s))
			}
		}
	}
}

var annexWeight = regexp.MustCompile(`Gewicht ([0-9]+(?:,[0-9]+)?)\s?%`)

// annexKey reads the key parts of the annex: one table per part, its
// caption naming the weight, one row per party with its value.
func (c *ctx) annexKey(annex *model.Section) ([]costs.Party, []costs.KeyPart, error) {
	var parties []costs.Party
	var key []costs.KeyPart
	for _, t := range tablesIn(annex) {
		m := annexWeight.FindStringSubmatch(normText(t.Caption))
		if m == nil {
			continue
		}
		w, err := format.ParseFixed(strings.Replace(m[1], ",", ".", 1), 2)
		if err != nil {
			return nil, nil, fmt.Errorf("Gewicht „%s“: %v", m[1], err)
		}
		part := costs.KeyPart{Kind: costs.Nutzung, Weight: w, Values: map[string]int64{}}
		inPercent := strings.Contains(strings.Join(headerTexts(t), " "), "in %") && len(headerTexts(t)) > 1 && strings.Contains(headerTexts(t)[1], "%")
		var codes []string
		for _, r := range t.Rows {
			cells := cellTexts(r)
			if r.Total || len(cells) < 2 {
				continue
			}
			p, ok := c.rowParty(cells[0])
			if !ok {
				return nil, nil, fmt.Errorf("Tabelle „%s“: „%s“ ist keine Vertragspartei", t.Caption, cells[0])
			}
			v, err := annexValue(cells[1], inPercent)
			if err != nil {
				return nil, nil, fmt.Errorf("Tabelle „%s“, %s: %v", t.Caption, p.Kurzname, err)
			}
			part.Values[p.Code] = v
			codes = append(codes, p.Code)
		}
		if len(key) == 0 {
			for _, code := range codes {
				parties = append(parties, costs.Party{Code: code, Bears: true})
			}
		}
		key = append(key, part)
	}
	if len(key) == 0 {
		return nil, nil, fmt.Errorf("keine Tabelle eines Teilschlüssels mit Gewicht")
	}
	return parties, key, nil
}

// annexValue reads a key value: a percentage with five decimals (e5
// units) or a whole number with thousands separators.
func annexValue(s string, percent bool) (int64, error) {
	if percent {
		return parseShare(s)
	}
	return strconv.ParseInt(strings.ReplaceAll(s, ".", ""), 10, 64)
}

// statedShares collects the shares the document states per party: the
// annex's own result column, the distribution table, the star partner's
// share in the cost clause.
func (c *ctx) statedShares(annex *model.Section, dist *model.Table) map[string]map[string]int64 {
	out := map[string]map[string]int64{}
	add := func(code, where string, v int64) {
		if out[code] == nil {
			out[code] = map[string]int64{}
		}
		out[code][where] = v
	}
	read := func(t *model.Table, col int, where string) {
		for _, r := range t.Rows {
			cells := cellTexts(r)
			if r.Total || col >= len(cells) {
				continue
			}
			if p, ok := c.rowParty(cells[0]); ok {
				if v, err := parseShare(cells[col]); err == nil {
					add(p.Code, where, v)
				}
			}
		}
	}
	for _, t := range tablesIn(annex) {
		if h := headerTexts(t); len(h) > 0 && strings.HasPrefix(h[len(h)-1], "Anteil in %") && annexWeight.FindString(t.Caption) == "" {
			read(t, len(h)-1, "die Rundungstabelle der Anlage")
		}
	}
	if dist != nil {
		read(dist, 1, "die Tabelle „"+tableName(dist)+"“")
	}
	if sec := c.find(clVerteilung); sec != nil {
		if m := partnerShareRe.FindStringSubmatch(sectionBody(sec)); m != nil {
			if p, ok := c.party(m[1]); ok {
				if v, err := parseShare(m[2]); err == nil {
					add(p.Code, "der Text der Kostenverteilung", v)
				}
			}
		}
	}
	return out
}
