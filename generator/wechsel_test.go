package generator_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/model"
)

// checkSplit checks the invariants of a cost split: with parties joining
// or leaving, the agreement as concluded (Plan) obeys those of every split
// and the recalculation its own.
func checkSplit(t *testing.T, pr *data.Projekt, res *costs.Result) {
	t.Helper()
	if res.Plan == nil {
		checkInvariants(t, pr, res)
		return
	}
	checkInvariants(t, pr.Vertragsfassung(), res.Plan)
	checkChangeInvariants(t, pr, res)
}

// checkChangeInvariants checks a split with parties joining or leaving:
// items add up, every period's shares make 100 %, a party pays nothing
// outside its months, the Höchstbeträge only move amounts (zero sum per
// year) and every party's years add up to its total.
func checkChangeInvariants(t *testing.T, pr *data.Projekt, res *costs.Result) {
	t.Helper()
	for _, per := range res.Periods {
		var sum int64
		for _, s := range per.Shares {
			sum += s.ShareE5
		}
		if sum != costs.FullE5 {
			t.Errorf("period from %s: shares sum to %d", per.From, sum)
		}
	}
	var total int64
	items := map[string]map[int]int64{}
	for _, it := range res.Items {
		var sum int64
		for _, pa := range it.Split {
			sum += pa.Cents
			if items[pa.Code] == nil {
				items[pa.Code] = map[int]int64{}
			}
			items[pa.Code][it.Year] += pa.Cents
		}
		if sum != it.AmountCents {
			t.Errorf("%s: split %d, amount %d", it.ID, sum, it.AmountCents)
		}
		total += it.AmountCents
	}
	if total != res.TotalCents {
		t.Errorf("items %d, total %d", total, res.TotalCents)
	}
	var parties int64
	moved := map[int]int64{}
	for i, p := range res.Parties {
		pt := pr.Parteien[i]
		var own int64
		for _, y := range res.Years {
			if p.ByYear[y] != items[p.Code][y]+p.CapAdjustByYear[y] {
				t.Errorf("%s %d: by_year %d, items %d + caps %d", p.Code, y, p.ByYear[y], items[p.Code][y], p.CapAdjustByYear[y])
			}
			moved[y] += p.CapAdjustByYear[y]
			own += p.ByYear[y]
			if pt.Beitretend() && y != 0 && y < pt.BeitrittAb.Time().Year() && p.ByYear[y] != 0 {
				t.Errorf("%s pays %d in %d before joining", p.Code, p.ByYear[y], y)
			}
			if pt.Ausscheidend() && y > pt.AustrittZum.Time().Year() && p.ByYear[y] != 0 {
				t.Errorf("%s pays %d in %d after leaving", p.Code, p.ByYear[y], y)
			}
			if c, ok := p.CapByYear[y]; ok && pt.Rolle != "umsetzend" && p.ByYear[y] > c {
				t.Errorf("%s pays %d in %d, above its Höchstbetrag %d", p.Code, p.ByYear[y], y, c)
			}
		}
		if own != p.TotalCents {
			t.Errorf("%s: years %d, total %d", p.Code, own, p.TotalCents)
		}
		parties += p.TotalCents
	}
	if parties != res.TotalCents {
		t.Errorf("parties %d, total %d", parties, res.TotalCents)
	}
	for y, m := range moved {
		if m != 0 {
			t.Errorf("%d: the Höchstbeträge move %d cents in sum, want 0", y, m)
		}
	}
}

// wechselDocs builds the documents of a variant of the fixture with
// parties joining and leaving, after the replacements (old, new, …).
func wechselDocs(t *testing.T, edits ...string) (*costs.Result, map[string]string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(fixturesDir, "elterngeld-ring-beitritt.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(src)
	for i := 0; i+1 < len(edits); i += 2 {
		if !strings.Contains(s, edits[i]) {
			t.Fatalf("%q not in the fixture", edits[i])
		}
		s = strings.Replace(s, edits[i], edits[i+1], 1)
	}
	gen := newGenerator(t)
	p, err := gen.ParseProject("fixtures/x.yaml", []byte(s))
	if err != nil {
		t.Fatal(err)
	}
	res, err := gen.Costs(p)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, d := range gen.Docs(p) {
		doc, err := gen.Document(context.Background(), p, res, d)
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		_ = model.Walk(doc, func(bl model.Block, _ []*model.Section) error {
			switch x := bl.(type) {
			case *model.Paragraph:
				b.WriteString(model.PlainText(x.Inlines) + "\n")
			case *model.Table:
				for _, r := range x.Rows {
					for _, c := range r.Cells {
						b.WriteString(model.PlainText(c.Inlines) + " | ")
					}
					b.WriteString("\n")
				}
			}
			return nil
		})
		texts[d.File] = strings.ReplaceAll(b.String(), "\u00a0", " ")
	}
	return res, texts
}

// TestNoticeCapped: with the joining Land only later, Mecklenburg-Vorpommern's exit
// raises every remaining party's amount; with no surcharge every one is
// held at its Höchstbetrag, the implementing Land bears the rest, and the
// notice says so.
func TestNoticeCapped(t *testing.T) {
	t.Parallel()
	res, texts := wechselDocs(t,
		"  - land: BB\n", "  - land: BY\n", // BY takes BB's place, joining in 2029
		"beitritt_ab: 2028-07-01", "beitritt_ab: 2030-01-01",
		"hoechstbetrag_zuschlag: 5", "hoechstbetrag_zuschlag: 0")
	var hb, hh costs.PartyResult
	for _, p := range res.Parties {
		switch p.Code {
		case "HB":
			hb = p
		case "HH":
			hh = p
		}
	}
	if hh.ByYear[2029] != hh.CapByYear[2029] || hh.CapAdjustByYear[2029] >= 0 {
		t.Errorf("HH 2029: pays %d, cap %d, moved %d; want held at the cap", hh.ByYear[2029], hh.CapByYear[2029], hh.CapAdjustByYear[2029])
	}
	if hb.CapAdjustByYear[2029] <= 0 {
		t.Errorf("HB (implementing) 2029: moved %d, want the rest", hb.CapAdjustByYear[2029])
	}
	k := texts["kuendigung-MV"]
	if !strings.Contains(k, "Soweit ein neu berechneter Betrag den Höchstbetrag einer Vertragspartei übersteigt") {
		t.Errorf("the notice does not say that the Höchstbeträge limit the amounts:\n%s", k)
	}
	if !strings.Contains(k, "der Beitritt des Freistaates Bayern mit Wirkung vom 1. Januar 2030") {
		t.Errorf("the notice does not name the other change:\n%s", k)
	}
}

// TestNoticeAfterThePlan: a notice to the end of the cost plan's last
// year names the shares but no amounts (the plan has none for later).
func TestNoticeAfterThePlan(t *testing.T) {
	t.Parallel()
	_, texts := wechselDocs(t,
		"austritt_zum: 2028-12-31", "austritt_zum: 2030-12-31")
	k := texts["kuendigung-MV"]
	if !strings.Contains(k, "Der Kostenplan der Vereinbarung nennt für die Zeit ab dem 1. Januar 2031 keine jährlichen Kosten") {
		t.Errorf("notice after the plan:\n%s", k)
	}
	if !strings.Contains(k, "für das Haushaltsjahr 2030 sind das") {
		t.Errorf("the notice does not name the last year's amount:\n%s", k)
	}
}
