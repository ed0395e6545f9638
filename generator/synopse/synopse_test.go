package synopse_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/diff"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/synopse"
)

func para(num, s string) *model.Paragraph {
	return &model.Paragraph{Style: model.StyleBody, Number: num, Inlines: []model.Inline{model.Text{Text: s}}}
}

func sec(id, num, title string, bs ...model.Block) *model.Section {
	return &model.Section{ID: id, Level: 1, Number: num, Title: title, Blocks: bs}
}

func doc(bs ...model.Block) *model.Document { return &model.Document{Blocks: bs} }

// cell renders a cell's inlines with their marks: [-struck-], {+bold+},
// _italic_, "/" for a line break.
func cell(c model.Cell) string {
	var b strings.Builder
	for _, in := range c.Inlines {
		switch n := in.(type) {
		case model.Text:
			s := n.Text
			if n.Strike {
				s = "[-" + s + "-]"
			}
			if n.Bold {
				s = "{+" + s + "+}"
			}
			if n.Italic {
				s = "_" + s + "_"
			}
			b.WriteString(s)
		case model.LineBreak:
			b.WriteString("/")
		default:
			b.WriteString(fmt.Sprintf("%T", in))
		}
	}
	return b.String()
}

// rows returns the rows of the Synopse's table as "left || right".
func rows(t *testing.T, d *model.Document) []string {
	t.Helper()
	tab, ok := d.Blocks[len(d.Blocks)-1].(*model.Table)
	if !ok || tab.ID != synopse.TableID {
		t.Fatalf("last block is %T, want the Synopse's table", d.Blocks[len(d.Blocks)-1])
	}
	if got := cell(tab.Header[0].Cells[0]) + " || " + cell(tab.Header[0].Cells[1]); got != "Bisherige Fassung || Neue Fassung" {
		t.Errorf("header %q", got)
	}
	var out []string
	for _, r := range tab.Rows {
		if len(r.Cells) != 2 {
			t.Fatalf("row with %d cells", len(r.Cells))
		}
		out = append(out, cell(r.Cells[0])+" || "+cell(r.Cells[1]))
	}
	return out
}

func build(t *testing.T, alt, neu *model.Document) []string {
	t.Helper()
	head := []model.Block{&model.Paragraph{Style: model.StyleTitle, Inlines: []model.Inline{model.Text{Text: "Synopse"}}}}
	d, err := synopse.Build(alt, neu, synopse.Options{Head: head, Meta: model.Meta{Kind: "synopse", Title: "Synopse: T"}})
	if err != nil {
		t.Fatal(err)
	}
	if d.Blocks[0] != head[0] {
		t.Error("head not first")
	}
	if !d.Meta.Landscape || d.Meta.Page != model.PageA4 || d.Meta.Kind != "synopse" {
		t.Errorf("meta %+v, want A4 landscape of kind synopse", d.Meta)
	}
	return rows(t, d)
}

func wantRows(t *testing.T, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("rows\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestChangedWordAndCollapsedClause: an unchanged clause is one row with
// its heading and "(unverändert)"; in a changed clause the changed word
// is struck on the left and bold on the right, an unchanged paragraph
// is its text on the left and "unverändert" on the right.
func TestChangedWordAndCollapsedClause(t *testing.T) {
	t.Parallel()
	alt := doc(
		sec("gegenstand", "§ 1", "Gegenstand", para("", "Gegenstand ist der Dienst.")),
		sec("kosten", "§ 2", "Kosten", para("(1)", "Es werden 100 Euro gezahlt."), para("(2)", "Zahlung binnen eines Monats.")),
	)
	neu := doc(
		sec("gegenstand", "§ 1", "Gegenstand", para("", "Gegenstand ist der Dienst.")),
		sec("kosten", "§ 2", "Kosten", para("(1)", "Es werden 200 Euro gezahlt."), para("(2)", "Zahlung binnen eines Monats.")),
	)
	wantRows(t, build(t, alt, neu), []string{
		"§ 1 Gegenstand || § 1 Gegenstand (_unverändert_)",
		"§ 2 Kosten || § 2 Kosten",
		"(1) Es werden [-100-] Euro gezahlt. || (1) Es werden {+200+} Euro gezahlt.",
		"(2) Zahlung binnen eines Monats. || (2) _unverändert_",
	})
}

// TestInsertedDeletedAndRenumbered: a new clause is empty on the left and
// bold on the right; a clause that goes is struck on the left and
// "(entfällt)" on the right; a paragraph that goes is struck with its
// number and says "(2) entfällt" on the right; a
// renumbered clause shows the old number struck and the new one bold.
func TestInsertedDeletedAndRenumbered(t *testing.T) {
	t.Parallel()
	alt := doc(
		sec("a", "§ 1", "Alt", para("", "Fällt weg.")),
		sec("b", "§ 2", "Bleibt", para("(1)", "Erster Absatz bleibt."), para("(2)", "Zweiter Absatz geht ganz und gar.")),
	)
	neu := doc(
		sec("b", "§ 1", "Bleibt", para("", "Erster Absatz bleibt.")),
		sec("c", "§ 2", "Neu", para("", "Ganz neu.")),
	)
	wantRows(t, build(t, alt, neu), []string{
		"[-§ 1 Alt-] || § 1 Alt (_entfällt_)",
		"[-Fällt weg.-] || ",
		"§ [-2-] Bleibt || § {+1+} Bleibt",
		"(1) Erster Absatz bleibt. || _unverändert_",
		"[-(2) Zweiter Absatz geht ganz und gar.-] || (2) _entfällt_",
		" || {+§ 2 Neu+}",
		" || {+Ganz neu.+}",
	})
}

// TestLongTableSplitsAtSharedLines: a table longer than a row may hold
// continues in the next row, broken at a line both versions share, and
// its changed cell is marked on both sides.
func TestLongTableSplitsAtSharedLines(t *testing.T) {
	t.Parallel()
	table := func(changed string) *model.Table {
		tb := &model.Table{Widths: []int{1, 1}, Header: []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{model.Text{Text: "Land"}}}, {Inlines: []model.Inline{model.Text{Text: "Betrag"}}}}}}}
		for i := 1; i <= 30; i++ {
			v := fmt.Sprintf("%d,00", i)
			if i == 20 {
				v = changed
			}
			tb.Rows = append(tb.Rows, model.Row{Cells: []model.Cell{{Inlines: []model.Inline{model.Text{Text: fmt.Sprintf("Land %d", i)}}}, {Inlines: []model.Inline{model.Text{Text: v}}}}})
		}
		return tb
	}
	got := build(t, doc(sec("k", "§ 1", "Kosten", table("20,00"))), doc(sec("k", "§ 1", "Kosten", table("21,50"))))
	if len(got) != 4 { // heading and three parts of 12, 12 and 7 lines
		t.Fatalf("%d rows, want 4:\n%s", len(got), strings.Join(got, "\n"))
	}
	if !strings.HasPrefix(got[1], "Land | Betrag/Land 1 | 1,00/") || !strings.HasPrefix(got[2], "Land 12 | 12,00/") || !strings.HasPrefix(got[3], "Land 24 | 24,00/") {
		t.Errorf("parts do not start where expected:\n%s", strings.Join(got, "\n"))
	}
	if !strings.Contains(got[2], "Land 20 | [-20,00-]/") || !strings.Contains(got[2], "Land 20 | {+21,50+}/") {
		t.Errorf("changed cell not marked:\n%s", got[2])
	}
	for _, r := range got[1:] {
		left, right, _ := strings.Cut(r, " || ")
		if strings.Count(left, "/") != strings.Count(right, "/") {
			t.Errorf("left and right of a part differ in lines: %s", r)
		}
	}
}

// TestMovedClause: a clause that changed place is marked "verschoben".
func TestMovedClause(t *testing.T) {
	t.Parallel()
	a, b, c := sec("a", "§ 1", "A", para("", "Text A.")), sec("b", "§ 2", "B", para("", "Text B.")), sec("c", "§ 3", "C", para("", "Text C."))
	a2, b2, c2 := sec("a", "§ 1", "A", para("", "Text A.")), sec("b", "§ 2", "B", para("", "Text B.")), sec("c", "§ 3", "C", para("", "Text C."))
	got := build(t, doc(a, b, c), doc(c2, a2, b2))
	found := false
	for _, r := range got {
		if strings.Contains(r, "_verschoben; unverändert_") {
			found = true
		}
	}
	if !found {
		t.Errorf("no clause marked moved:\n%s", strings.Join(got, "\n"))
	}
}

// TestBothEmpty: two empty versions give no Synopse.
func TestBothEmpty(t *testing.T) {
	t.Parallel()
	if _, err := synopse.Build(doc(), doc(), synopse.Options{}); err == nil {
		t.Error("no error")
	}
	if _, err := synopse.Build(nil, doc(), synopse.Options{}); err == nil {
		t.Error("no error for nil")
	}
}

// TestSubHeadingNamesItsSection: a sub-heading stands out of its context
// in the table, so its section's number comes before it.
func TestSubHeadingNamesItsSection(t *testing.T) {
	t.Parallel()
	sub := func(s string) *model.Section {
		return &model.Section{ID: "servicezeiten", Level: 2, Title: "Servicezeiten", Blocks: []model.Block{para("", s)}}
	}
	alt := doc(sec("anlage", "Anlage 2", "Leistungen", para("", "Text."), sub("Von 8 bis 17 Uhr.")))
	neu := doc(sec("anlage", "Anlage 2", "Leistungen", para("", "Text."), sub("Von 7 bis 17 Uhr.")))
	wantRows(t, build(t, alt, neu), []string{
		"Anlage 2 Leistungen || Anlage 2 Leistungen",
		"Text. || _unverändert_",
		"Anlage 2 – Servicezeiten || Anlage 2 – Servicezeiten",
		"Von [-8-] bis 17 Uhr. || Von {+7+} bis 17 Uhr.",
	})
}

// TestLabelsOverride: a label given replaces the default, the others
// stay.
func TestLabelsOverride(t *testing.T) {
	t.Parallel()
	d, err := synopse.Build(doc(sec("a", "§ 1", "A", para("", "x"))), doc(sec("a", "§ 1", "A", para("", "x"))),
		synopse.Options{Labels: synopse.Labels{Old: "Geltende Fassung", Unchanged: "u n v e r ä n d e r t"}})
	if err != nil {
		t.Fatal(err)
	}
	tab := d.Blocks[0].(*model.Table)
	got := cell(tab.Header[0].Cells[0]) + " || " + cell(tab.Header[0].Cells[1]) + " / " + cell(tab.Rows[0].Cells[1])
	if want := "Geltende Fassung || Neue Fassung / § 1 A (_u n v e r ä n d e r t_)"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func txt(s string) model.Cell { return model.Cell{Inlines: []model.Inline{model.Text{Text: s}}} }

// TestAbsatzWithChangedTableIsNotUnverändert (audit: "(5) unverändert"
// stood above the changed table of that very Absatz): an Absatz is its
// numbered paragraph with the lists and tables that follow it, as the
// amendment replaces it (aenderung.Units). When its table or list
// changed, its paragraph and unchanged list items stand in full on both
// sides; an Absatz that stays as a whole is still "(n) unverändert".
func TestAbsatzWithChangedTableIsNotUnverändert(t *testing.T) {
	t.Parallel()
	version := func(betrag string) *model.Document {
		return doc(sec("kosten", "§ 7", "Kostenverteilung",
			para("(4)", "Die Anteile werden gerundet."),
			para("(5)", "Es ergeben sich folgende Anteile:"),
			&model.Table{Widths: []int{1, 1}, Rows: []model.Row{{Cells: []model.Cell{txt("Berlin"), txt(betrag)}}}},
			&model.List{Items: []model.ListItem{
				{Label: "1.", Blocks: []model.Block{para("", "Teilbeträge bleiben.")}},
			}},
			para("(6)", "Die Anteile gelten ab Beginn."),
		))
	}
	wantRows(t, build(t, version("100,00"), version("120,00")), []string{
		"§ 7 Kostenverteilung || § 7 Kostenverteilung",
		"(4) Die Anteile werden gerundet. || (4) _unverändert_",
		"(5) Es ergeben sich folgende Anteile: || (5) Es ergeben sich folgende Anteile:",
		"Berlin | [-100,00-] || Berlin | {+120,00+}",
		"1. Teilbeträge bleiben. || 1. Teilbeträge bleiben.",
		"(6) Die Anteile gelten ab Beginn. || (6) _unverändert_",
	})
}

// TestSignaturesLeftOut (audit: the Synopse paired signature blocks by
// position, "Für das Land ~~Mecklenburg-Vorpommern~~ → **Hessen**", and
// struck every signed block of ALT against the empty one of NEU): the
// signatures are no part of the text an amendment changes; the section
// of the signatures is one row "(nicht Gegenstand der Änderung)", and
// signatures inside another clause leave a row "Unterschriften" with the
// same note, whatever the blocks say.
func TestSignaturesLeftOut(t *testing.T) {
	t.Parallel()
	sigs := func(parties ...string) *model.Signatures {
		s := &model.Signatures{}
		for _, p := range parties {
			s.Blocks = append(s.Blocks, model.Signature{Party: "Für das Land " + p, Signer: "Das Ministerium", PlaceDate: "Ort, Datum: Kiel, 1. Dezember 2026", Lines: []string{"Unterschrift"}})
		}
		return s
	}
	alt := doc(
		sec("schluss", "§ 20", "Inkrafttreten", para("", "Sie tritt in Kraft."), sigs("Berlin")),
		&model.Section{ID: "unterschriften", Level: 1, Title: "Unterschriften", Blocks: []model.Block{sigs("Berlin", "Mecklenburg-Vorpommern")}},
	)
	neu := doc(
		sec("schluss", "§ 20", "Inkrafttreten", para("", "Sie tritt in Kraft."), sigs("Hessen")),
		&model.Section{ID: "unterschriften", Level: 1, Title: "Unterschriften", Blocks: []model.Block{sigs("Berlin", "Hessen")}},
	)
	wantRows(t, build(t, alt, neu), []string{
		"§ 20 Inkrafttreten || § 20 Inkrafttreten (_unverändert_)",
		"Unterschriften || Unterschriften (_nicht Gegenstand der Änderung_)",
		"Unterschriften || Unterschriften (_nicht Gegenstand der Änderung_)",
	})
}

// TestHeadingOfChangedSubSectionNotUnchanged (reviewer's finding 3): the
// heading row of an Anlage whose sub-section changes carries no
// "unverändert", nor does that of a section two levels up.
func TestHeadingOfChangedSubSectionNotUnchanged(t *testing.T) {
	t.Parallel()
	mk := func(s string) *model.Document {
		inner := &model.Section{ID: "fenster", Level: 3, Title: "Fenster", Blocks: []model.Block{para("", s)}}
		mid := &model.Section{ID: "betrieb", Level: 2, Title: "Betrieb", Blocks: []model.Block{inner}}
		return doc(sec("anlage", "Anlage 2", "Leistungen", mid), sec("s", "§ 1", "Gegenstand", para("(1)", "Text.")))
	}
	got := build(t, mk("Sonntags."), mk("Samstags."))
	for _, r := range got {
		if strings.HasPrefix(r, "Anlage 2") && strings.Contains(r, "unverändert") {
			t.Errorf("heading of a changed sub-section marked unchanged: %q", r)
		}
	}
	if !strings.Contains(strings.Join(got, "\n"), "§ 1 Gegenstand || § 1 Gegenstand (_unverändert_)") {
		t.Errorf("an unchanged clause lost its mark:\n%s", strings.Join(got, "\n"))
	}
}

// TestTableRowOnOneSideMarkedWhole (reviewer's finding 4): a table row
// only one version has is struck (or bold) as a whole, values included;
// a row both have is compared word by word.
func TestTableRowOnOneSideMarkedWhole(t *testing.T) {
	t.Parallel()
	txt := func(s string) model.Cell { return model.Cell{Inlines: []model.Inline{model.Text{Text: s}}} }
	table := func(rows ...[2]string) *model.Table {
		tb := &model.Table{Widths: []int{1, 1}}
		for _, r := range rows {
			tb.Rows = append(tb.Rows, model.Row{Cells: []model.Cell{txt(r[0]), txt(r[1])}})
		}
		return tb
	}
	alt := doc(sec("k", "§ 1", "Kosten", para("(1)", "Werte:"), table([2]string{"Berlin", "1"}, [2]string{"Saarland", "1"}, [2]string{"Summe", "2"})))
	neu := doc(sec("k", "§ 1", "Kosten", para("(1)", "Werte:"), table([2]string{"Berlin", "1"}, [2]string{"Hessen", "1"}, [2]string{"Summe", "3"})))
	got := strings.Join(build(t, alt, neu), "\n")
	for _, want := range []string{"[-Saarland | 1-]", "{+Hessen | 1+}", "Summe | [-2-]", "Summe | {+3+}", "Berlin | 1/"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
}

// TestNotAmendedUnitsStayAsInAlt (reviewer's finding 1): units the
// amendment does not amend (the Eingang, the Ausfertigungen sentence)
// stand as in alt, "unverändert"; a party only neu names is not shown
// as inserted; the note on accession and exit follows "unverändert".
func TestNotAmendedUnitsStayAsInAlt(t *testing.T) {
	t.Parallel()
	eingang := func(ps ...string) []model.Block {
		out := []model.Block{&model.Paragraph{Style: model.StyleTitle, Inlines: []model.Inline{model.Text{Text: "Verwaltungsvereinbarung"}}}}
		for _, p := range ps {
			out = append(out, para("", p))
		}
		return out
	}
	alt := doc(append(eingang("dem Land Berlin", "dem Saarland"), sec("s", "§ 20", "Ausfertigungen", para("(1)", "In zwei Ausfertigungen."), para("(2)", "Alt.")))...)
	neu := doc(append(eingang("dem Land Berlin", "dem Land Hessen"), sec("s", "§ 20", "Ausfertigungen", para("(1)", "In drei Ausfertigungen."), para("(2)", "Neu.")))...)
	d, err := synopse.Build(alt, neu, synopse.Options{
		HeadNote: "Beitritt: Artikel 1",
		NotAmended: func(c *diff.Clause, it *diff.Item) bool {
			return c.Section == nil && (it.Para == nil || it.Para.Style != model.StyleTitle) || strings.Contains(it.Text, "Ausfertigungen.")
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	wantRows(t, rows(t, d), []string{
		"Überschrift und Eingang || Überschrift und Eingang (_unverändert; Beitritt: Artikel 1_)",
		"§ 20 Ausfertigungen || § 20 Ausfertigungen",
		"(1) In zwei Ausfertigungen. || (1) _unverändert_",
		"(2) [-Alt.-] || (2) {+Neu.+}",
	})
}
