package check

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vereinbar/vereinbar/generator/aenderung"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

// Fassungen are the two versions of an agreement an amendment agreement
// stands between: Alt, the version it changes, and Neu, the one it must
// give.
type Fassungen struct {
	Alt, Neu *model.Document
	// Beginn is the beginning of the agreement in the new version
	// (vertrag.beginn); zero when unknown. A change reaches back to it
	// rather than to the 1 January of a year it began in.
	Beginn time.Time
}

// IsAenderung reports whether a document read from a file is an amendment
// agreement: its title says „… Vereinbarung zur Änderung der …“.
func IsAenderung(d *model.Document) bool {
	for _, t := range Titles(d) {
		if strings.Contains(t, "Vereinbarung zur Änderung der ") {
			return true
		}
	}
	return false
}

// IsLesefassung reports whether a document is the reading version of an
// amended agreement (generator.Lesefassung): its properties' title says
// "(Lesefassung)" or a line under its title "– Lesefassung –". A
// Lesefassung is checked as the agreement, but it is not signed and has
// no signature blocks.
func IsLesefassung(d *model.Document) bool {
	if strings.Contains(d.Meta.Title, "(Lesefassung)") {
		return true
	}
	for _, b := range d.Blocks {
		p, ok := b.(*model.Paragraph)
		if !ok || (p.Style != model.StyleTitle && p.Style != model.StyleSubtitle) {
			break
		}
		if normText(model.PlainText(p.Inlines)) == "– Lesefassung –" {
			return true
		}
	}
	return false
}

// checkAmendment reads the instructions (aenderung.Article) back from the text
// of the amendment and carries them out on the text of the agreement's
// old version: the result must be the new version exactly. The finding
// names the first instruction that cannot be carried out or the first
// unit that comes out differently.
func checkAmendment(c *ctx) {
	f := c.in.Fassungen
	if f == nil || f.Alt == nil || f.Neu == nil || c.in.Doc == nil {
		return
	}
	// the article that holds the instructions: Artikel 3 after the
	// articles on an accession and an exit
	clause := "Artikel 1"
	if art := aenderung.Article(c.in.Doc); art != nil {
		clause = strings.ReplaceAll(strings.TrimSpace(art.Number), "\u00a0", " ")
		if clause == "" {
			clause = art.Title
		}
	}
	loc := Location{File: c.in.Name, Document: c.in.Document, Clause: clause, Heading: aenderung.ArticleTitle}
	ins, err := aenderung.Parse(c.in.Doc)
	if err != nil {
		c.report(loc, "%v", err)
		return
	}
	old, err := aenderung.Units(f.Alt)
	if err != nil {
		c.report(loc, "bisherige Fassung: %v", err)
		return
	}
	neu, err := aenderung.Units(f.Neu)
	if err != nil {
		c.report(loc, "neue Fassung: %v", err)
		return
	}
	got, err := aenderung.Apply(old, ins)
	if err == nil {
		err = aenderung.Compare(got, neu)
	}
	if err != nil {
		c.report(loc, "%v", err)
	}
}

// amountYear is the header of a column of amounts per Haushaltsjahr
// („2027 in €“) in the tables of shares and maximum amounts (ring), or
// the first cell of a row of amounts per year (star).
var amountYear = regexp.MustCompile(`^(\d{4})(?:[\s\x{00a0}]+in[\s\x{00a0}]+€)?$`)

// Rueckwirkung lists what an amendment changes for a Haushaltsjahr that
// had begun at the stand of the new version (Neu's Meta.Date): per such
// year one German sentence naming the year and, when a Land is added to
// or removed from its amounts, that Land. It reads the tables whose
// columns are Haushaltsjahre („2027 in €“) in both versions, row by row
// (keyed by the first cell, the Vertragspartei). Nil when the change
// takes effect only for years not yet begun. The change reaches back to
// the 1 January of the year, or to beginn (the agreement's beginning,
// zero when unknown) when that is later.
func Rueckwirkung(alt, neu *model.Document, beginn time.Time) []string {
	if alt == nil || neu == nil || neu.Meta.Date.IsZero() {
		return nil
	}
	ou, err := aenderung.Units(alt)
	if err != nil {
		return nil
	}
	nu, err := aenderung.Units(neu)
	if err != nil {
		return nil
	}
	old := map[aenderung.Address][]yearTable{}
	for _, u := range ou {
		old[u.Address] = yearTables(u)
	}
	changed := map[int]bool{}
	added := map[int][]string{}
	removed := map[int][]string{}
	for _, u := range nu {
		ots := old[u.Address]
		for k, nt := range yearTables(u) {
			var ot yearTable
			if k < len(ots) {
				ot = ots[k]
			}
			for key, nrow := range nt.rows {
				orow, ok := ot.rows[key]
				for y, v := range nrow {
					if !ok && !zeroAmount(v) {
						changed[y] = true
						added[y] = appendOnce(added[y], key)
					} else if ok && orow[y] != v {
						changed[y] = true
					}
				}
			}
			for key, orow := range ot.rows {
				if _, ok := nt.rows[key]; ok {
					continue
				}
				for y, v := range orow {
					if !zeroAmount(v) {
						changed[y] = true
						removed[y] = appendOnce(removed[y], key)
					}
				}
			}
		}
	}
	stand := neu.Meta.Date
	var years []int
	for y := range changed {
		if y <= stand.Year() {
			years = append(years, y)
		}
	}
	slices.Sort(years)
	var out []string
	for _, y := range years {
		from := time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC)
		if beginn.After(from) && beginn.Year() == y {
			from = beginn
		}
		s := fmt.Sprintf("Die Änderung ändert die Beträge des Haushaltsjahres %d, das am Stand der neuen Fassung (%s) schon begonnen hat; sie wirkt auf den %s zurück", y, stand.Format("02.01.2006"), longDate(from))
		if a := added[y]; len(a) > 0 {
			s += fmt.Sprintf(", und %s %s Kosten für das ganze Jahr %d", lands(a), traegt(a), y)
		}
		if r := removed[y]; len(r) > 0 {
			s += fmt.Sprintf(", und %s %s für %d keine Kosten mehr", lands(r), traegt(r), y)
		}
		s += ". Für den Beitritt zu einem Tag der laufenden Vereinbarung „parteien[].beitritt_ab“ mit der Beitrittserklärung verwenden (anteilige Kosten im ersten Jahr), für das Ausscheiden „austritt_zum“; sonst die Änderung erst vom nächsten Haushaltsjahr an wirken lassen oder die Rückwirkung bewusst vereinbaren."
		out = append(out, s)
	}
	return out
}

// lands names the Vertragsparteien of table rows as the documents do,
// with the article („das Saarland“, „der Freistaat Sachsen“), joined by
// „und“; a row that names no known Land stands as it is.
func lands(keys []string) string {
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k
		if p, ok := refdata.PartyByName(k); ok {
			names[i] = p.Nominativ
		}
	}
	if len(names) == 1 {
		return names[0]
	}
	return strings.Join(names[:len(names)-1], ", ") + " und " + names[len(names)-1]
}

// traegt is the verb for the Länder lands names.
func traegt(keys []string) string {
	if len(keys) == 1 {
		return "trägt"
	}
	return "tragen"
}

// longDate is a date as the documents write it: „1. April 2027“.
func longDate(t time.Time) string {
	months := [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"}
	return fmt.Sprintf("%d. %s %d", t.Day(), months[t.Month()-1], t.Year())
}

// yearTable is a table with amounts per Haushaltsjahr: row key →
// year → cell.
type yearTable struct {
	rows map[string]map[int]string
}

// yearTables are the tables of a unit that have Haushaltsjahr columns
// (ring: a row per Vertragspartei) or rows (star: a row per year, keyed
// "").
func yearTables(u aenderung.Unit) []yearTable {
	var out []yearTable
	var cols map[int]int // column → year
	var cur *yearTable
	for _, l := range u.Lines {
		if l.Table {
			cols, cur = nil, nil
		}
		switch l.Kind {
		case aenderung.LineHeader:
			cols = map[int]int{}
			for i, c := range l.Cells {
				if m := amountYear.FindStringSubmatch(strings.TrimSpace(c)); m != nil && i > 0 {
					y, _ := strconv.Atoi(m[1])
					cols[i] = y
				}
			}
			if len(cols) > 0 {
				out = append(out, yearTable{rows: map[string]map[int]string{}})
				cur = &out[len(out)-1]
			}
		case aenderung.LineRow, aenderung.LineTotal:
			if len(l.Cells) == 0 {
				continue
			}
			if m := amountYear.FindStringSubmatch(strings.TrimSpace(l.Cells[0])); cols == nil && m != nil {
				// a row per year (star form): the year's amounts
				if cur == nil {
					out = append(out, yearTable{rows: map[string]map[int]string{}})
					cur = &out[len(out)-1]
				}
				y, _ := strconv.Atoi(m[1])
				if cur.rows[""] == nil {
					cur.rows[""] = map[int]string{}
				}
				cur.rows[""][y] = strings.Join(l.Cells[1:], " | ")
				continue
			}
			if cur == nil || cols == nil {
				continue
			}
			row := map[int]string{}
			for i, y := range cols {
				if i < len(l.Cells) {
					row[y] = l.Cells[i]
				}
			}
			cur.rows[l.Cells[0]] = row
		}
	}
	return out
}

// zeroAmount reports an empty cell or one of zero euros.
func zeroAmount(s string) bool {
	return strings.Trim(s, "0,.–- \u00a0") == ""
}

func appendOnce(ss []string, s string) []string {
	if s == "" || slices.Contains(ss, s) {
		return ss
	}
	return append(ss, s)
}

// checkRetroactive warns when the amendment changes the amounts of a
// Haushaltsjahr that had begun at the stand of the new version
// (Rueckwirkung).
func checkRetroactive(c *ctx) {
	f := c.in.Fassungen
	if f == nil {
		return
	}
	loc := Location{File: c.in.Name, Document: c.in.Document, Clause: aenderung.ArticleTitle}
	for _, m := range Rueckwirkung(f.Alt, f.Neu, f.Beginn) {
		c.report(loc, "%s", m)
	}
}
