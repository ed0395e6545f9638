package check

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

// hundred is 100 % in e5 units.
const hundred = 10_000_000

// keyNames are the German names of the key kinds, as agreements name
// them, with the spellings a hand edit might use.
var keyNames = map[string][]string{
	"koenigstein": {"Königsteiner Schlüssel"},
	"paritaet":    {"Paritätsprinzip", "Parität", "zu gleichen Teilen"},
	"nutzung":     {"Inanspruchnahme"},
	"einwohner":   {"Einwohnerzahl", "Einwohner"},
	"zielgruppe":  {"Zielgruppengröße", "Zielgruppe"},
	"fest":        {"feste Anteile", "fester Anteil", "festen Anteil"},
}

// keyOrder lists keyNames in a fixed order for messages.
var keyOrder = []string{"koenigstein", "paritaet", "nutzung", "einwohner", "zielgruppe", "fest"}

// costSection returns the clause that names the key: § Kostenverteilung
// of an agreement, the block „Entgelte“ of a call-off form.
func (c *ctx) costSection() *model.Section {
	if c.in.Kind == KindAbruf {
		sec := c.find(clEntgelte)
		if sec == nil && c.rule.Code == "KOSTEN-001" {
			c.atBlock(nil, "der Block „Entgelte“ fehlt")
		}
		return sec
	}
	return c.find(clVerteilung) // STRUKTUR-007 reports a missing clause
}

func checkKeyNamed(c *ctx) {
	sec := c.costSection()
	if sec == nil {
		return
	}
	text := sectionBody(sec)
	if c.in.Project != nil {
		var missing []string
		for _, k := range c.in.Project.File.Projekt.Verteilung.Schluessel {
			if !containsAny(text, keyNames[k.Art]) {
				missing = append(missing, keyNames[k.Art][0])
			}
		}
		if len(missing) > 0 {
			c.atBlock(sec, "der Verteilungsschlüssel ist nicht vollständig benannt; es fehlt: %s", strings.Join(missing, ", "))
		}
		return
	}
	for _, k := range keyOrder {
		if containsAny(text, keyNames[k]) {
			return
		}
	}
	c.atBlock(sec, "kein Verteilungsschlüssel benannt (Königsteiner Schlüssel, Paritätsprinzip, Inanspruchnahme, Einwohnerzahl, Zielgruppengröße oder feste Anteile)")
}

func containsAny(text string, subs []string) bool {
	for _, s := range subs {
		if strings.Contains(text, s) {
			return true
		}
	}
	return false
}

var ksYearRe = regexp.MustCompile(`Königsteiner Schlüssel(?:s)?(?: des Jahres| \(GWK-Jahr\))? ((?:19|20)\d\d)\b`)

func checkKSYear(c *ctx) {
	sec := c.costSection()
	if sec == nil {
		return
	}
	text := sectionBody(sec)
	years := map[string]bool{}
	for _, m := range ksYearRe.FindAllStringSubmatch(text, -1) {
		years[m[1]] = true
	}
	if c.in.Project != nil {
		for _, k := range c.in.Project.File.Projekt.Verteilung.Schluessel {
			if k.Art == "koenigstein" && !years[fmt.Sprint(k.Jahr)] {
				c.atBlock(sec, "der Königsteiner Schlüssel wird angewandt, aber das Jahr %d ist nicht genannt", k.Jahr)
			}
		}
		return
	}
	if strings.Contains(text, "Königsteiner Schlüssel") && len(years) == 0 {
		c.atBlock(sec, "der Königsteiner Schlüssel wird angewandt, aber nicht gesagt, welches Jahr gilt")
	}
}

// parseMoney reads a German amount exactly: "1.234.567,89", optionally
// with "€" after a space or no-break space, with or without thousands
// separators (then in groups of three).
func parseMoney(s string) (int64, error) {
	t := strings.TrimSpace(strings.TrimSuffix(normText(s), "€"))
	if !moneyRe.MatchString(t) {
		return 0, fmt.Errorf("„%s“ ist kein Betrag der Form 1.234,56", normText(s))
	}
	t = strings.ReplaceAll(t, ".", "")
	// ParseFixed, not ParseCents: a table total may exceed the limit of a
	// single amount in a project file.
	v, err := format.ParseFixed(strings.Replace(t, ",", ".", 1), 2)
	if err != nil || v > maxTableCents || v < -maxTableCents {
		return 0, fmt.Errorf("„%s“ ist kein lesbarer Betrag (höchstens %s)", normText(s), format.Money(maxTableCents))
	}
	return v, nil
}

// maxTableCents bounds an amount read from a table (10^17 cents), so
// differences of two amounts never overflow.
const maxTableCents = 100_000_000_000_000_000

// addCents adds two amounts, reporting false when the sum leaves the
// range of maxTableCents.
func addCents(a, b int64) (int64, bool) {
	s := a + b
	return s, s <= maxTableCents && s >= -maxTableCents
}

var moneyRe = regexp.MustCompile(`^-?(\d{1,3}(\.\d{3})*|\d+),\d{2}$`)

// parseShare reads a German percentage exactly ("26,53499", "26,53499 %").
func parseShare(s string) (int64, error) {
	return format.ParseGermanE5(strings.TrimSpace(strings.ReplaceAll(normText(s), " %", "\u00a0%")))
}

// cellTexts returns the plain texts of a row's cells.
func cellTexts(r model.Row) []string {
	out := make([]string, len(r.Cells))
	for i, c := range r.Cells {
		out[i] = normText(model.PlainText(c.Inlines))
	}
	return out
}

// headerTexts returns the texts of the last header row ("" cells if none).
func headerTexts(t *model.Table) []string {
	if len(t.Header) == 0 {
		return nil
	}
	return cellTexts(t.Header[len(t.Header)-1])
}

// findTable returns the table with the id, else the first for which
// match holds.
func (c *ctx) findTable(id string, match func(t *model.Table, head []string) bool) *model.Table {
	ts := c.tables()
	for _, t := range ts {
		if t.ID == id {
			return t
		}
	}
	for _, t := range ts {
		if match(t, headerTexts(t)) {
			return t
		}
	}
	return nil
}

// distTable is the table of shares and amounts per party.
func (c *ctx) distTable() *model.Table {
	return c.findTable("verteilungstabelle", func(_ *model.Table, h []string) bool {
		return len(h) >= 3 && strings.HasPrefix(h[1], "Anteil") && strings.HasPrefix(h[len(h)-1], "Gesamt")
	})
}

// planTable is the cost plan: one row per position.
func (c *ctx) planTable() *model.Table {
	return c.findTable("kostenplan", func(t *model.Table, h []string) bool {
		return t.Caption == "Kostenplan" || len(h) >= 2 && h[0] == "Position" && strings.HasPrefix(h[len(h)-1], "Betrag")
	})
}

// ownTable is the star agreement's table of the partner's amounts.
func (c *ctx) ownTable() *model.Table {
	return c.findTable("eigener-anteil", func(_ *model.Table, h []string) bool {
		return len(h) == 2 && h[0] == "Jahr" && strings.HasPrefix(h[1], "Betrag")
	})
}

// rowParty maps a row label (short name or official style) to a party.
func (c *ctx) rowParty(label string) (refdata.Party, bool) {
	if p, ok := c.party(label); ok {
		return p, true
	}
	for _, p := range refdata.Parties() {
		if normText(p.Kurzname) == label {
			return p, true
		}
	}
	return refdata.Party{}, false
}

// implementingBears reports whether the implementing Land bears a share:
// from the data, or from what the cost clause says (unknown: false, ok
// false).
func (c *ctx) implementingBears() (bears, ok bool) {
	if c.in.Project != nil {
		return c.in.Project.File.Projekt.Verteilung.UmsetzendesLandTraegtAnteil, true
	}
	sec := c.find(clVerteilung)
	if sec == nil {
		return false, false
	}
	text := sectionBody(sec)
	switch {
	case includesImplementing.MatchString(text):
		return true, true
	case excludesImplementing.MatchString(text):
		return false, true
	}
	return false, false
}

var (
	includesImplementing = regexp.MustCompile(`einschließlich des umsetzenden Landes|umsetzende Land trägt (einen|ebenfalls einen) Anteil`)
	excludesImplementing = regexp.MustCompile(`umsetzende Land trägt keinen Anteil|ohne das umsetzende Land|ausgenommen das umsetzende Land`)
	partnerShareRe       = regexp.MustCompile(`Der Anteil (?:des|der) (.+?) beträgt ([0-9.,]+ ?%)`)
)

func checkShareEach(c *ctx) {
	if c.in.Kind == KindData {
		res := c.in.Project.Costs
		for i, p := range res.Parties {
			if p.Bears && p.ShareE5 == 0 {
				c.atData(fmt.Sprintf("parteien[%d].land", i), "%s trägt Kosten nach dem Schlüssel, hat nach ihm aber einen Anteil von 0,00000 %%", partyNominativ(p.Code))
			}
		}
		return
	}
	if c.in.Kind == KindStern {
		c.starShare()
		return
	}
	t := c.distTable()
	if t == nil {
		if sec := c.find(clVerteilung); sec != nil { // else STRUKTUR-007
			c.atBlock(sec, "die Tabelle der Anteile und Beträge je Vertragspartei fehlt")
		}
		return
	}
	rows := map[string]int64{}
	for _, r := range t.Rows {
		cells := cellTexts(r)
		if r.Total || len(cells) < 2 {
			continue
		}
		p, ok := c.rowParty(cells[0])
		if !ok {
			continue
		}
		if v, err := parseShare(cells[1]); err == nil {
			rows[p.Code] = v
		} else {
			rows[p.Code] = -1
		}
	}
	implBears, known := c.implementingBears()
	for _, hp := range c.head {
		if hp.ref == nil || hp.role == "umsetzend" && (!implBears || !known) {
			continue
		}
		v, ok := rows[hp.ref.Code]
		switch {
		case !ok:
			c.atBlock(t, "%s trägt Kosten, hat aber keine Zeile in der Tabelle „%s“", hp.ref.Nominativ, tableName(t))
		case v == 0:
			c.atBlock(t, "%s trägt Kosten, hat in der Tabelle „%s“ aber einen Anteil von 0,00000 %%", hp.ref.Nominativ, tableName(t))
		}
	}
	c.compareShares(t, rows)
}

// compareShares compares the table's shares with the computed ones.
func (c *ctx) compareShares(t *model.Table, rows map[string]int64) {
	if c.in.Project == nil {
		return
	}
	for _, p := range c.in.Project.Costs.Parties {
		if v, ok := rows[p.Code]; ok && v >= 0 && v != p.ShareE5 {
			ref, _ := refdata.PartyByCode(p.Code)
			c.atBlock(t, "Anteil von %s laut Tabelle %s, berechnet %s", ref.Kurzname, format.Percent(v), format.Percent(p.ShareE5))
		}
	}
}

// starShare checks a star agreement: the partner's share is stated in the
// cost clause, above zero, and as in the table of all shares.
func (c *ctx) starShare() {
	sec := c.find(clVerteilung)
	if sec == nil {
		return
	}
	m := partnerShareRe.FindStringSubmatch(sectionBody(sec))
	if m == nil {
		c.atBlock(sec, "der Anteil des nachnutzenden Landes ist nicht genannt („Der Anteil … beträgt … %%“)")
		return
	}
	v, err := parseShare(m[2])
	switch {
	case err != nil:
		c.atBlock(sec, "Anteil „%s“ nicht lesbar: %v", m[2], err)
		return
	case v == 0:
		c.atBlock(sec, "der Anteil des nachnutzenden Landes ist 0,00000 %%")
	}
	partner := ""
	if p, ok := c.party(m[1]); ok {
		partner = p.Code
	}
	t := c.distTable()
	if t == nil || partner == "" {
		return
	}
	rows := map[string]int64{}
	for _, r := range t.Rows {
		cells := cellTexts(r)
		if p, ok := c.rowParty(cells[0]); ok && !r.Total && len(cells) > 1 {
			if x, err := parseShare(cells[1]); err == nil {
				rows[p.Code] = x
			}
		}
	}
	if x, ok := rows[partner]; !ok {
		c.atBlock(t, "das nachnutzende Land fehlt in der Tabelle „%s“", tableName(t))
	} else if x != v {
		c.atBlock(sec, "der Anteil %s im Text weicht vom Anteil %s in der Tabelle „%s“ ab", format.Percent(v), format.Percent(x), tableName(t))
	}
	c.compareShares(t, rows)
}

func tableName(t *model.Table) string {
	if t.Caption != "" {
		return normText(t.Caption)
	}
	if t.ID != "" {
		return t.ID
	}
	return "ohne Beschriftung"
}

func checkSharesSum(c *ctx) {
	if c.in.Kind == KindData {
		var sum int64
		bears := false
		for _, p := range c.in.Project.Costs.Parties {
			sum += p.ShareE5
			bears = bears || p.Bears
		}
		if bears && sum != hundred {
			c.atData("verteilung.schluessel", "die Anteile ergeben %s, nicht 100,00000 %%", format.Percent(sum))
		}
		return
	}
	if c.in.Kind == KindSteckbrief {
		c.chartShares()
		return
	}
	t := c.distTable()
	if t == nil {
		return // KOSTEN-003 reports the missing table
	}
	var sum int64
	for _, r := range t.Rows {
		cells := cellTexts(r)
		if len(cells) < 2 {
			continue
		}
		v, err := parseShare(cells[1])
		if err != nil {
			c.atBlock(t, "Tabelle „%s“, Zeile „%s“: Anteil nicht lesbar: %v", tableName(t), cells[0], err)
			return
		}
		if r.Total {
			if v != hundred {
				c.atBlock(t, "Tabelle „%s“: die Summenzeile weist %s aus, nicht 100,00000 %%", tableName(t), format.Percent(v))
			}
			continue
		}
		sum += v
	}
	if sum != hundred {
		c.atBlock(t, "Tabelle „%s“: die Anteile ergeben %s, nicht genau 100,00000 %%", tableName(t), format.Percent(sum))
	}
}

// chartShares checks the bar chart of cost shares: the bars add up to
// exactly 100 % and each shows its own value.
func (c *ctx) chartShares() {
	_ = model.Walk(c.in.Doc, func(b model.Block, _ []*model.Section) error {
		ch, ok := b.(*model.Chart)
		if !ok || !(ch.ID == "kostenanteile" || strings.Contains(ch.Title, "Anteil")) {
			return nil
		}
		var sum int64
		for _, bar := range ch.Bars {
			sum += bar.ValueE5
			if v, err := parseShare(bar.Text); err != nil || v != bar.ValueE5 {
				c.atBlock(ch, "Diagramm „%s“: der Balken „%s“ zeigt „%s“, sein Wert ist %s", ch.Title, bar.Label, normText(bar.Text), format.Percent(bar.ValueE5))
			}
		}
		if sum != hundred {
			c.atBlock(ch, "Diagramm „%s“: die Anteile ergeben %s, nicht genau 100,00000 %%", ch.Title, format.Percent(sum))
		}
		return nil
	})
}

func checkAmountsSum(c *ctx) {
	if c.in.Kind == KindData {
		c.dataAmounts()
		return
	}
	dist, plan, own := c.distTable(), c.planTable(), c.ownTable()
	var distTotal, planTotal int64 = -1, -1
	if dist != nil {
		distTotal = c.sumGrid(dist, 2)
	}
	if plan != nil {
		planTotal = c.sumGrid(plan, -1)
	}
	if distTotal >= 0 && planTotal >= 0 && distTotal != planTotal {
		c.atBlock(dist, "Tabelle „%s“: die Gesamtsumme %s weicht von der Summe des Kostenplans %s ab", tableName(dist), format.Money(distTotal), format.Money(planTotal))
	}
	if own != nil {
		c.sumGrid(own, 1)
	}
}

// sumGrid checks a table of amounts: each amount column sums to its total
// row, and, for a table with years (first amount column first), each
// row's years sum to its last column. first is the first amount column;
// -1 means only the last column holds amounts (the cost plan). It
// returns the grand total, or -1 if the table has no readable total.
func (c *ctx) sumGrid(t *model.Table, first int) int64 {
	var body [][]int64
	var total []int64
	cols := 0
	for _, r := range t.Rows {
		cells := cellTexts(r)
		cols = max(cols, len(cells))
		lo := first
		if lo < 0 {
			lo = len(cells) - 1
		}
		if lo < 0 || lo >= len(cells) {
			continue
		}
		vals := make([]int64, 0, len(cells)-lo)
		for _, s := range cells[lo:] {
			v, err := parseMoney(s)
			if err != nil {
				c.atBlock(t, "Tabelle „%s“, Zeile „%s“: %v", tableName(t), cells[0], err)
				return -1
			}
			vals = append(vals, v)
		}
		if r.Total {
			total = vals
		} else {
			body = append(body, vals)
		}
	}
	if total == nil {
		c.atBlock(t, "Tabelle „%s“: die Summenzeile fehlt", tableName(t))
		return -1
	}
	head := headerTexts(t)
	overflow := func() int64 {
		c.atBlock(t, "Tabelle „%s“: die Beträge übersteigen den Zahlenbereich", tableName(t))
		return -1
	}
	for j := range total {
		var sum int64
		for _, row := range body {
			if j < len(row) {
				var ok bool
				if sum, ok = addCents(sum, row[j]); !ok {
					return overflow()
				}
			}
		}
		if sum != total[j] {
			name := fmt.Sprintf("Spalte %d", j+1)
			if k := len(head) - len(total) + j; k >= 0 && k < len(head) {
				name = "Spalte „" + head[k] + "“"
			}
			c.atBlock(t, "Tabelle „%s“, %s: die Zeilen ergeben %s, die Summenzeile weist %s aus (Abweichung %s)",
				tableName(t), name, format.Money(sum), format.Money(total[j]), format.Money(total[j]-sum))
		}
	}
	if first >= 0 && len(total) >= 2 {
		// years … | total: each row's years add up to its total
		for i, row := range append(body, total) {
			var sum int64
			for _, v := range row[:len(row)-1] {
				var ok bool
				if sum, ok = addCents(sum, v); !ok {
					return overflow()
				}
			}
			if last := row[len(row)-1]; sum != last && len(row) == len(total) {
				label := "Summe"
				if i < len(body) {
					label = rowLabel(t, i)
				}
				c.atBlock(t, "Tabelle „%s“, Zeile „%s“: die Jahresbeträge ergeben %s, ausgewiesen sind %s (Abweichung %s)",
					tableName(t), label, format.Money(sum), format.Money(last), format.Money(last-sum))
			}
		}
	}
	return total[len(total)-1]
}

// rowLabel is the first cell of the i-th non-total row.
func rowLabel(t *model.Table, i int) string {
	for _, r := range t.Rows {
		if r.Total {
			continue
		}
		if i == 0 {
			return cellTexts(r)[0]
		}
		i--
	}
	return ""
}

// dataAmounts checks the computed split: every item's shares add up to
// its amount, the party totals to the grand total.
func (c *ctx) dataAmounts() {
	res := c.in.Project.Costs
	positions := map[string]int{}
	for i, p := range c.in.Project.File.Projekt.Kosten.Positionen {
		positions[p.ID] = i
	}
	var grand int64
	for _, it := range res.Items {
		var sum int64
		for _, s := range it.Split {
			sum += s.Cents
		}
		if sum != it.AmountCents {
			c.atData(fmt.Sprintf("kosten.positionen[%d].betrag", positions[it.Position]), "Posten %s: die Beträge der Parteien ergeben %s, der Posten %s", it.ID, format.Money(sum), format.Money(it.AmountCents))
		}
		grand += it.AmountCents
	}
	var parties int64
	for _, p := range res.Parties {
		parties += p.TotalCents
	}
	if parties != grand || grand != res.TotalCents {
		c.atData("kosten", "die Beträge der Parteien ergeben %s, die Posten %s", format.Money(parties), format.Money(grand))
	}
}

// categoryWords name each cost category in a cost clause; a)–e) may also
// be cited by their letter of IT-PLR 2021/24.
var categoryWords = map[string]struct {
	re     *regexp.Regexp
	letter string
}{
	"erstentwicklung":   {regexp.MustCompile(`Erstentwicklung|Entwicklung`), ""},
	"anbindung":         {regexp.MustCompile(`Anbindung|Nachnutzung`), ""},
	"betrieb":           {regexp.MustCompile(`Betrieb`), "a"},
	"weiterentwicklung": {regexp.MustCompile(`Weiterentwicklung|Änderungsmanagement`), "b"},
	"plattform":         {regexp.MustCompile(`Plattform`), "c"},
	"wartung":           {regexp.MustCompile(`Wartung|Support`), "d"},
	"nutzungsabhaengig": {regexp.MustCompile(`Nutzung unmittelbar zurechenbar|nutzungsabhängig|Druck|Porto`), "e"},
}

func checkCategories(c *ctx) {
	sec := c.find(clKosten)
	if sec == nil {
		return // STRUKTUR-006
	}
	// The categories are listed before the cost plan; the plan's rows
	// alone name positions, not categories.
	var listed []string
	for _, b := range sec.Blocks {
		switch n := b.(type) {
		case *model.Paragraph, *model.List:
			listed = append(listed, blockText(n))
		}
	}
	text := strings.Join(listed, "\n")
	if c.planTable() == nil {
		c.atBlock(sec, "der Kostenplan mit den Kosten je Position fehlt")
	}
	if c.in.Project != nil {
		var missing []string
		seen := map[string]bool{}
		for _, p := range c.in.Project.File.Projekt.Kosten.Positionen {
			if p.FinanziertDurch != "" || seen[p.Art] {
				continue
			}
			seen[p.Art] = true
			w := categoryWords[p.Art]
			if !w.re.MatchString(text) && (w.letter == "" || !strings.Contains(text, "Buchstabe "+w.letter)) {
				missing = append(missing, p.Art)
			}
		}
		if len(missing) > 0 {
			c.atBlock(sec, "die Kosten sind nicht nach Kostenarten aufgeschlüsselt; es fehlt: %s", strings.Join(missing, ", "))
		}
		return
	}
	for _, w := range categoryWords {
		if w.re.MatchString(text) {
			return
		}
	}
	c.atBlock(sec, "die Kosten sind nicht nach Kostenarten (IT-PLR 2021/24 Buchstaben a bis e) aufgeschlüsselt")
}

func checkImplementingPays(c *ctx) {
	sec := c.find(clVerteilung)
	if sec == nil {
		return
	}
	text := sectionBody(sec)
	in, out := includesImplementing.MatchString(text), excludesImplementing.MatchString(text)
	switch {
	case !in && !out:
		c.atBlock(sec, "es ist nicht gesagt, ob das umsetzende Land einen Anteil an den Kosten trägt")
	case in && out:
		c.atBlock(sec, "es ist widersprüchlich, ob das umsetzende Land einen Anteil an den Kosten trägt")
	case c.in.Project != nil && in != c.in.Project.File.Projekt.Verteilung.UmsetzendesLandTraegtAnteil:
		c.atBlock(sec, "laut Projektdatei trägt das umsetzende Land %seinen Anteil, die Klausel sagt das Gegenteil", map[bool]string{true: "", false: "k"}[!in])
	}
}

func checkEligibleCosts(c *ctx) {
	for i, p := range c.in.Project.File.Projekt.Kosten.Positionen {
		if p.FinanziertDurch != "" || (p.Traegt != "" && p.Traegt != "schluessel") {
			continue
		}
		switch p.Art {
		case "erstentwicklung":
			c.atData(fmt.Sprintf("kosten.positionen[%d].traegt", i), "die Erstentwicklung wird nach dem Schlüssel verteilt; gemeinsam getragen werden nur die Kosten nach IT-PLR 2021/24 a) bis e), die Erstentwicklung wird in der Regel anders finanziert (z. B. „finanziert_durch“)")
		case "anbindung":
			c.atData(fmt.Sprintf("kosten.positionen[%d].traegt", i), "die Anbindung wird nach dem Schlüssel verteilt; sie trägt in der Regel jedes nachnutzende Land selbst („traegt: je_nachnutzendes_land“)")
		}
	}
}
