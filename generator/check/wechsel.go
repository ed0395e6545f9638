package check

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/vereinbar/vereinbar/generator/model"
)

// Rules on joining and leaving a running ring agreement: the declaration
// of accession and the implementing Land's letter about it state the
// recalculated shares of every party, a joining Land has a share, it
// joins an agreement that has been concluded, and a notice works to a day
// the clause „Laufzeit und Kündigung“ allows and states the remaining
// parties' shares.

// Sources of these rules.
const (
	srcBeitritt   = "Klausel „Beitritt weiterer Länder“ (Neuberechnung ab dem Monat des Beitritts); AENDERUNG.md „Beitrittserklärung“"
	srcKuendigung = "Klausel „Laufzeit und Kündigung“ (Frist zum Ende eines Kalenderjahres); AENDERUNG.md „Kündigung“"
)

// Kind sets of these rules.
var (
	accessionDocs = []Kind{KindBeitritt, KindBeitrittsmitteilung}
	onlyNotice    = []Kind{KindKuendigung}
)

// recalcTable is the table of recalculated shares: its last column is
// the share from the day of the change.
func (c *ctx) recalcTable() *model.Table {
	return c.findTable("neuberechnung", func(_ *model.Table, h []string) bool {
		return len(h) >= 2 && strings.HasPrefix(h[len(h)-1], "Anteil ab")
	})
}

// checkRecalculatedShares: a document of accession or notice states the
// recalculated shares from the day of the change, adding up to exactly
// 100 %, and — for a generated document — as computed.
func checkRecalculatedShares(c *ctx) {
	t := c.recalcTable()
	if t == nil {
		c.atBlock(nil, "die Tabelle der neu berechneten Anteile („Anteil ab …“) fehlt; ohne sie ist nicht erklärt, was jede Vertragspartei ab dem Beitritt oder Ausscheiden trägt")
		return
	}
	var sum int64
	shares := map[string]int64{}
	for _, r := range t.Rows {
		cells := cellTexts(r)
		if r.Total || len(cells) < 2 || cells[0] == "Summe" {
			continue
		}
		last := cells[len(cells)-1]
		if last == "–" || last == "-" || last == "" {
			continue
		}
		v, err := parseShare(last)
		if err != nil {
			c.atBlock(t, "„%s“ in der Zeile „%s“ ist kein Anteil", last, cells[0])
			return
		}
		sum += v
		if p, ok := c.rowParty(cells[0]); ok {
			shares[p.Code] = v
		}
	}
	if sum != costs.FullE5 {
		c.atBlock(t, "die neu berechneten Anteile ergeben %s, nicht 100,00000 %%", format.Percent(sum))
		return
	}
	c.compareRecalculated(t, shares)
}

// compareRecalculated compares the shares of a generated document with
// the computed period.
func (c *ctx) compareRecalculated(t *model.Table, shares map[string]int64) {
	if c.in.Project == nil || c.in.Project.Neuberechnung == nil || c.in.Party == "" {
		return
	}
	per := periodFrom(c.in.Project, c.in.Party)
	if per == nil {
		return
	}
	for _, s := range per.Shares {
		if v, ok := shares[s.Code]; !ok || v != s.ShareE5 {
			c.atBlock(t, "Anteil von %s ab der Neuberechnung laut Tabelle %s, berechnet %s", s.Code, format.Percent(v), format.Percent(s.ShareE5))
		}
	}
}

// periodFrom returns the period that begins with the change of party
// code: the month of its accession or the month after its exit.
func periodFrom(p *Project, code string) *costs.Period {
	var start costs.Month
	for _, pt := range p.File.Projekt.Parteien {
		if string(pt.Land) != code {
			continue
		}
		switch {
		case pt.Beitretend():
			t := pt.BeitrittAb.Time()
			start = costs.Month{Year: t.Year(), Month: int(t.Month())}
		case pt.Ausscheidend():
			t := pt.AustrittZum.Time().AddDate(0, 0, 1)
			start = costs.Month{Year: t.Year(), Month: int(t.Month())}
		}
	}
	for k := range p.Neuberechnung.Periods {
		if per := &p.Neuberechnung.Periods[k]; per.From == start {
			return per
		}
	}
	return nil
}

// checkJoinerShare: a Land that joins bears a share from its accession;
// with values per Land (nutzung, einwohner, zielgruppe) a missing or zero
// value leaves it without one, and the recalculation would not include it.
func checkJoinerShare(c *ctx) {
	p := c.in.Project
	if p.Neuberechnung == nil {
		return
	}
	for i, pt := range p.File.Projekt.Parteien {
		if !pt.Beitretend() {
			continue
		}
		per := periodFrom(p, string(pt.Land))
		var share int64
		if per != nil {
			for _, s := range per.Shares {
				if s.Code == string(pt.Land) {
					share = s.ShareE5
				}
			}
		}
		if share == 0 {
			c.atData(fmt.Sprintf("parteien[%d].beitritt_ab", i), "%s tritt bei, hat nach dem Verteilungsschlüssel aber keinen Anteil; die Werte des Landes in „verteilung.schluessel“ ergänzen, damit die Anteile neu berechnet werden können", pt.Land)
		}
	}
}

// checkJoinConcluded: a Land accedes to a concluded agreement; while a
// party of it has not signed, there is nothing in force to join yet —
// more likely the Land belongs among the signing parties.
func checkJoinConcluded(c *ctx) {
	pr := &c.in.Project.File.Projekt
	if pr.Vertrag.Form != "ring" {
		return
	}
	u := pr.Umlauf("")
	if u.Complete() {
		return
	}
	for i, pt := range pr.Parteien {
		if pt.Beitretend() {
			missing := make([]string, len(u.Missing))
			for j, k := range u.Missing {
				missing[j] = string(pr.Parteien[k].Land)
			}
			c.atData(fmt.Sprintf("parteien[%d].beitritt_ab", i), "%s tritt einer Vereinbarung bei, die noch nicht alle unterzeichnet haben (es fehlt %s); vor dem Abschluss unterzeichnet das Land die Vereinbarung selbst – „beitritt_ab“ entfernen oder die Unterschriften eintragen", pt.Land, strings.Join(missing, ", "))
		}
	}
}

var (
	exitDateRe = regexp.MustCompile(`zum (\d{1,2})\.\s?([A-Za-zä]+) (\d{4})`)
	fristRe    = regexp.MustCompile(`Frist von (\d+|[a-zäöü]+) Monaten`)
	dateRe     = regexp.MustCompile(`^(\d{1,2})\.\s?([A-Za-zä]+) (\d{4})$`)
)

var monthNumbers = map[string]time.Month{
	"Januar": 1, "Februar": 2, "März": 3, "April": 4, "Mai": 5, "Juni": 6,
	"Juli": 7, "August": 8, "September": 9, "Oktober": 10, "November": 11, "Dezember": 12,
}

var numberWords = map[string]int{"einem": 1, "einen": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12, "achtzehn": 18, "vierundzwanzig": 24}

// germanDate parses day, month name and year.
func germanDate(day, month, year string) (data.Datum, bool) {
	d, err1 := strconv.Atoi(day)
	y, err2 := strconv.Atoi(year)
	m, ok := monthNumbers[month]
	if err1 != nil || err2 != nil || !ok {
		return data.Datum{}, false
	}
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return data.Datum{}, false
	}
	return data.NewDatum(y, m, d), true
}

// checkNoticeDate: a notice works to the end of a calendar year and
// keeps the agreement's period, counted from the day it is given (the
// letter's date), and — for a generated document — to austritt_zum.
func checkNoticeDate(c *ctx) {
	text := normText(blockText(&model.Section{Blocks: c.in.Doc.Blocks}))
	m := exitDateRe.FindStringSubmatch(text)
	if m == nil {
		c.atBlock(nil, "die Kündigung nennt keinen Tag, zu dem sie wirkt („zum 31. Dezember …“)")
		return
	}
	exit, ok := germanDate(m[1], m[2], m[3])
	if !ok {
		c.atBlock(nil, "„zum %s. %s %s“ ist kein Datum", m[1], m[2], m[3])
		return
	}
	months := -1
	if f := fristRe.FindStringSubmatch(text); f != nil {
		if n, err := strconv.Atoi(f[1]); err == nil {
			months = n
		} else if n, ok := numberWords[f[1]]; ok {
			months = n
		}
	}
	notice, hasNotice := c.noticeDay()
	if pr := c.in.Project; pr != nil {
		months = pr.File.Projekt.Vertrag.KuendigungsfristMonate
		for _, pt := range pr.File.Projekt.Parteien {
			if string(pt.Land) == c.in.Party && pt.Ausscheidend() && !pt.AustrittZum.Time().Equal(exit.Time()) {
				c.atBlock(nil, "die Kündigung wirkt zum %s, die Projektdatei nennt „austritt_zum: %s“", exit, pt.AustrittZum)
			}
		}
	}
	earliest := ""
	if hasNotice && months >= 0 {
		earliest = fmt.Sprintf(" (frühester zulässiger Tag bei Kündigung am %s: %s)", notice, data.EarliestExit(notice, months, notice))
	}
	t := exit.Time()
	switch {
	case t.Month() != time.December || t.Day() != 31:
		c.atBlock(nil, "die Kündigung wirkt zum %s; nach der Klausel „Laufzeit und Kündigung“ kann nur zum Ende eines Kalenderjahres gekündigt werden%s", exit, earliest)
	case hasNotice && months >= 0 && data.NoticeDeadline(t.Year(), months).Time().Before(notice.Time()):
		c.atBlock(nil, "die Kündigung vom %s wahrt die Frist von %d Monaten zum %s nicht%s", notice, months, exit, earliest)
	}
}

// noticeDay reads the day of the notice from the letter's „Datum“ row.
func (c *ctx) noticeDay() (data.Datum, bool) {
	for _, t := range c.tables() {
		for _, r := range t.Rows {
			cells := cellTexts(r)
			if len(cells) >= 2 && cells[0] == "Datum" {
				if m := dateRe.FindStringSubmatch(cells[1]); m != nil {
					return germanDate(m[1], m[2], m[3])
				}
			}
		}
	}
	return data.Datum{}, false
}

// NewProject pairs a validated project with its cost split for the rules:
// when parties join or leave (r.Plan set), the agreement's rules check
// against the agreement as concluded and the rules of accession and
// notice read the recalculation.
func NewProject(f *data.File, r *costs.Result) *Project {
	p := &Project{File: f, Costs: r}
	if r != nil && r.Plan != nil {
		p.Costs, p.Neuberechnung = r.Plan, r
	}
	return p
}
