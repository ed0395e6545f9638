package generator_test

import (
	"bytes"
	"math/big"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/docxread"
	"github.com/vereinbar/vereinbar/generator/model"
)

// TestSharesRecomputeFromAnnex reads every generated agreement back from
// its DOCX and recomputes, as an auditor would by hand, every share from
// the annex "Berechnung der Kostenanteile" alone: the value of each party
// in each key part, the part's weight, value ÷ sum weighted and added up,
// then rounded to 0,00001 % by the largest remainders (ties to the party
// listed first). The result must equal the shares of the distribution
// table. The arithmetic here is the test's own (exact rationals), not the
// cost engine's.
func TestSharesRecomputeFromAnnex(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	checked := 0
	for _, path := range fixtureFiles(t, fixturesDir) {
		for _, out := range renderDocx(t, gen, path) {
			if out.Doc.Name != "vereinbarung" {
				continue
			}
			d, err := docxread.Read(bytes.NewReader(out.Data), int64(len(out.Data)), docxread.Options{})
			if err != nil {
				t.Fatalf("%s: %v", out.Name, err)
			}
			parties, quotas := annexQuotas(t, out.Name, d)
			got := largestRemainder(quotas, 10_000_000)
			want := distributionShares(t, out.Name, d)
			for i, p := range parties {
				w, ok := want[p]
				if !ok {
					t.Errorf("%s: %s is in the annex, not in the Verteilungstabelle", out.Name, p)
					continue
				}
				if got[i] != w {
					t.Errorf("%s: %s recomputes to %d e5 units, the Verteilungstabelle says %d", out.Name, p, got[i], w)
				}
			}
			if len(want) != len(parties) {
				t.Errorf("%s: %d parties in the annex, %d with a share in the Verteilungstabelle", out.Name, len(parties), len(want))
			}
			checked++
		}
	}
	if checked < 10 {
		t.Fatalf("only %d agreements checked", checked)
	}
}

var (
	partCaption = regexp.MustCompile(`^Teilschlüssel \d+: .*, Gewicht ([0-9]+(?:,[0-9]+)?)\s?%$`)
	germanE5    = regexp.MustCompile(`^(\d+),(\d{5})$`)
)

// annexQuotas reads the annex tables and returns the parties in annex
// order with their exact quotas in e5 units.
func annexQuotas(t *testing.T, name string, d *model.Document) ([]string, []*big.Rat) {
	t.Helper()
	var parties []string
	var quotas []*big.Rat
	parts := 0
	_ = model.Walk(d, func(b model.Block, _ []*model.Section) error {
		tab, ok := b.(*model.Table)
		if !ok {
			return nil
		}
		m := partCaption.FindStringSubmatch(strings.ReplaceAll(tab.Caption, "\u00a0", " "))
		if m == nil {
			return nil
		}
		parts++
		weight := ratOf(t, strings.Replace(m[1], ",", ".", 1)) // percent
		percent := strings.Contains(model.PlainText(tab.Header[0].Cells[1].Inlines), "%")
		var names []string
		var values []*big.Rat
		sum := new(big.Rat)
		for _, r := range tab.Rows {
			label := model.PlainText(r.Cells[0].Inlines)
			if label == "Summe" {
				continue
			}
			v := cellValue(t, model.PlainText(r.Cells[1].Inlines), percent)
			names = append(names, label)
			values = append(values, v)
			sum.Add(sum, v)
		}
		if parties == nil {
			parties = names
			for range names {
				quotas = append(quotas, new(big.Rat))
			}
		} else if !slices.Equal(parties, names) {
			t.Fatalf("%s: key parts list different parties: %v, %v", name, parties, names)
		}
		// quota += weight/100 · value/sum · 10^7
		for i, v := range values {
			q := new(big.Rat).Quo(v, sum)
			q.Mul(q, weight)
			q.Mul(q, big.NewRat(100_000, 1))
			quotas[i].Add(quotas[i], q)
		}
		return nil
	})
	if parts == 0 {
		t.Fatalf("%s: no key part table in the annex „Berechnung der Kostenanteile“", name)
	}
	return parties, quotas
}

// cellValue reads a value of the annex: a percentage with five decimals
// or a whole number with thousands separators.
func cellValue(t *testing.T, s string, percent bool) *big.Rat {
	t.Helper()
	if percent {
		m := germanE5.FindStringSubmatch(s)
		if m == nil {
			t.Fatalf("value %q is not a percentage with five decimals", s)
		}
		return ratOf(t, m[1]+"."+m[2])
	}
	return ratOf(t, strings.ReplaceAll(s, ".", ""))
}

func ratOf(t *testing.T, s string) *big.Rat {
	t.Helper()
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		t.Fatalf("%q is no number", s)
	}
	return r
}

// largestRemainder rounds quotas adding up to total down, then gives one
// unit each to the largest remainders, ties to the earlier index.
func largestRemainder(quotas []*big.Rat, total int64) []int64 {
	out := make([]int64, len(quotas))
	rems := make([]*big.Rat, len(quotas))
	var assigned int64
	for i, q := range quotas {
		fl := new(big.Int).Quo(q.Num(), q.Denom())
		out[i] = fl.Int64()
		rems[i] = new(big.Rat).Sub(q, new(big.Rat).SetInt(fl))
		assigned += out[i]
	}
	order := make([]int, len(quotas))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return rems[b].Cmp(rems[a]) })
	for _, i := range order[:total-assigned] {
		out[i]++
	}
	return out
}

// distributionShares reads the shares of the Verteilungstabelle by the
// party's short name, leaving out parties without a share.
func distributionShares(t *testing.T, name string, d *model.Document) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	found := false
	_ = model.Walk(d, func(b model.Block, _ []*model.Section) error {
		tab, ok := b.(*model.Table)
		if !ok || tab.ID != "verteilungstabelle" {
			return nil
		}
		found = true
		for _, r := range tab.Rows {
			label := model.PlainText(r.Cells[0].Inlines)
			if label == "Summe" {
				continue
			}
			m := germanE5.FindStringSubmatch(model.PlainText(r.Cells[1].Inlines))
			if m == nil {
				t.Fatalf("%s: share %q of %s unreadable", name, model.PlainText(r.Cells[1].Inlines), label)
			}
			v, _ := strconv.ParseInt(m[1]+m[2], 10, 64)
			if v > 0 {
				out[label] = v
			}
		}
		return nil
	})
	if !found {
		t.Fatalf("%s: no Verteilungstabelle", name)
	}
	return out
}
