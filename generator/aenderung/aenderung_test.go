package aenderung

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/model"
)

// sec builds a § with numbered Absätze (one unnumbered when given one).
func sec(id, num, title string, abs ...string) *model.Section {
	s := &model.Section{ID: id, Level: 1, Number: num, Title: title}
	for i, a := range abs {
		n := ""
		if len(abs) > 1 {
			n = "(" + string(rune('1'+i)) + ")"
		}
		s.Blocks = append(s.Blocks, &model.Paragraph{Style: model.StyleBody, Number: n, Inlines: []model.Inline{model.Text{Text: a}}})
	}
	return s
}

func doc(secs ...*model.Section) *model.Document {
	d := &model.Document{Blocks: []model.Block{
		&model.Paragraph{Style: model.StyleTitle, Inlines: []model.Inline{model.Text{Text: "Verwaltungsvereinbarung"}}},
		&model.Paragraph{Style: model.StyleCentered, Inlines: []model.Inline{model.Text{Text: "zwischen A und B"}}},
	}}
	for _, s := range secs {
		d.Blocks = append(d.Blocks, s)
	}
	d.Blocks = append(d.Blocks, &model.Section{ID: "unterschriften", Level: 1, Title: "Unterschriften", Blocks: []model.Block{
		&model.Signatures{Blocks: []model.Signature{{Party: "Für das Land A"}}},
	}})
	return d
}

// text is what Render says, one paragraph per line.
func text(ins []Instruction) string {
	var lines []string
	for _, b := range Render(ins) {
		switch n := b.(type) {
		case *model.Paragraph:
			lines = append(lines, strings.TrimSpace(n.Number+" "+model.PlainText(n.Inlines)))
		case *model.Table:
			lines = append(lines, "[Tabelle]")
		case *model.List:
			lines = append(lines, "[Liste]")
		}
	}
	return strings.Join(lines, "\n")
}

func draft(t *testing.T, old, neu *model.Document) string {
	t.Helper()
	ins, err := Instructions(old, neu)
	if err != nil {
		t.Fatal(err)
	}
	ou, _ := Units(old)
	nu, _ := Units(neu)
	got, err := Apply(ou, ins)
	if err != nil {
		t.Fatal(err)
	}
	if err := Compare(got, nu); err != nil {
		t.Fatal(err)
	}
	return text(ins)
}

func base() []*model.Section {
	return []*model.Section{
		sec("gegenstand", "§\u00a01", "Gegenstand", "Gegenstand ist der Online-Dienst.", "Er wird betrieben.", "Die Länder wirken mit."),
		sec("kosten", "§\u00a02", "Kosten", "Die Kosten betragen 1.850.000,00\u00a0€.", "Sie werden nach dem Schlüssel zu 25\u00a0% und zu 25\u00a0% verteilt."),
		sec("haftung", "§\u00a03", "Haftung", "Jede Vertragspartei haftet selbst."),
		sec("laufzeit", "§\u00a04", "Laufzeit", "Die Vereinbarung gilt bis 2029."),
		sec("schluss", "§\u00a05", "Schlussbestimmungen", "Änderungen bedürfen der Schriftform."),
	}
}

func TestInstructionsByRule(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		edit func(ss []*model.Section) []*model.Section
		want string
	}{
		{"Angabe", func(ss []*model.Section) []*model.Section {
			ss[1] = sec("kosten", "§\u00a02", "Kosten", "Die Kosten betragen 1.851.234,56\u00a0€.", "Sie werden nach dem Schlüssel zu 25\u00a0% und zu 25\u00a0% verteilt.")
			return ss
		}, "1. In §\u00a02 Absatz 1 wird die Angabe „1.850.000,00\u00a0€“ durch die Angabe „1.851.234,56\u00a0€“ ersetzt."},
		{"Angabe zweimal im Absatz: Zitat erweitert", func(ss []*model.Section) []*model.Section {
			ss[1] = sec("kosten", "§\u00a02", "Kosten", "Die Kosten betragen 1.850.000,00\u00a0€.", "Sie werden nach dem Schlüssel zu 25\u00a0% und zu 30\u00a0% verteilt.")
			return ss
		}, "1. In §\u00a02 Absatz 2 werden die Wörter „und zu 25\u00a0%“ durch die Wörter „und zu 30\u00a0%“ ersetzt."},
		{"Wörter", func(ss []*model.Section) []*model.Section {
			ss[2] = sec("haftung", "§\u00a03", "Haftung", "Jede Vertragspartei haftet nur für eigenes Verschulden.")
			return ss
		}, "1. In §\u00a03 wird das Wort „selbst“ durch die Wörter „nur für eigenes Verschulden“ ersetzt."},
		{"viele Stellen: Absatz ganz", func(ss []*model.Section) []*model.Section {
			ss[0] = sec("gegenstand", "§\u00a01", "Gegenstand", "Gegenstand ist der Online-Dienst.", "Es betreibt ihn ab sofort das Land A mit Dritten.", "Die Länder wirken mit.")
			return ss
		}, "1. §\u00a01 Absatz 2 wird durch den folgenden Absatz 2 ersetzt:\n„(2) Es betreibt ihn ab sofort das Land A mit Dritten.“"},
		{"Überschrift und Absatz gruppiert", func(ss []*model.Section) []*model.Section {
			ss[3] = sec("laufzeit", "§\u00a04", "Laufzeit und Kündigung", "Die Vereinbarung gilt bis 2030.")
			return ss
		}, "1. §\u00a04 wird wie folgt geändert:\na) Die Überschrift wird durch die folgende Überschrift ersetzt: „Laufzeit und Kündigung“.\nb) Die Angabe „2029“ wird durch die Angabe „2030“ ersetzt."},
		{"Wörter eingefügt", func(ss []*model.Section) []*model.Section {
			ss[3] = sec("laufzeit", "§\u00a04", "Laufzeit", "Die Vereinbarung gilt unbefristet bis 2029.")
			return ss
		}, "1. In §\u00a04 wird nach dem Wort „gilt“ das Wort „unbefristet“ eingefügt."},
		{"Wörter am Satzende eingefügt", func(ss []*model.Section) []*model.Section {
			ss[2] = sec("haftung", "§\u00a03", "Haftung", "Jede Vertragspartei haftet selbst und unmittelbar.")
			return ss
		}, "1. In §\u00a03 werden nach dem Wort „selbst“ die Wörter „und unmittelbar“ eingefügt."},
		{"nahe Stellen in einem Zitat", func(ss []*model.Section) []*model.Section {
			ss[1] = sec("kosten", "§\u00a02", "Kosten", "Die Kosten betragen 1.850.000,00\u00a0€.", "Sie werden nach dem neuen Schlüssel zu 30\u00a0% und zu 25\u00a0% verteilt.")
			return ss
		}, "1. In §\u00a02 Absatz 2 werden die Wörter „dem Schlüssel zu 25\u00a0%“ durch die Wörter „dem neuen Schlüssel zu 30\u00a0%“ ersetzt."},
		{"mehrere Stellen eines Absatzes: aa), bb)", func(ss []*model.Section) []*model.Section {
			ss[1] = sec("kosten", "§\u00a02", "Kosten", "Die Kosten betragen 1.851.234,56\u00a0€.", "Diese werden nach dem Schlüssel zu 25\u00a0% und zu 25\u00a0% aufgeteilt.")
			return ss
		}, "1. §\u00a02 wird wie folgt geändert:\na) In Absatz 1 wird die Angabe „1.850.000,00\u00a0€“ durch die Angabe „1.851.234,56\u00a0€“ ersetzt.\nb) Absatz 2 wird wie folgt geändert:\naa) Das Wort „Sie“ wird durch das Wort „Diese“ ersetzt.\nbb) Das Wort „verteilt“ wird durch das Wort „aufgeteilt“ ersetzt."},
		{"mehrere Stellen nur eines Absatzes", func(ss []*model.Section) []*model.Section {
			ss[1] = sec("kosten", "§\u00a02", "Kosten", "Die Kosten betragen 1.850.000,00\u00a0€.", "Diese werden nach dem Schlüssel zu 25\u00a0% und zu 25\u00a0% aufgeteilt.")
			return ss
		}, "1. §\u00a02 Absatz 2 wird wie folgt geändert:\na) Das Wort „Sie“ wird durch das Wort „Diese“ ersetzt.\nb) Das Wort „verteilt“ wird durch das Wort „aufgeteilt“ ersetzt."},
		{"Absatz angefügt", func(ss []*model.Section) []*model.Section {
			ss[1] = sec("kosten", "§\u00a02", "Kosten", "Die Kosten betragen 1.850.000,00\u00a0€.", "Sie werden nach dem Schlüssel zu 25\u00a0% und zu 25\u00a0% verteilt.", "Sie sind jährlich fällig.")
			return ss
		}, "1. Dem §\u00a02 wird folgender Absatz 3 angefügt:\n„(3) Sie sind jährlich fällig.“"},
		{"letzter Absatz aufgehoben", func(ss []*model.Section) []*model.Section {
			ss[0] = sec("gegenstand", "§\u00a01", "Gegenstand", "Gegenstand ist der Online-Dienst.", "Er wird betrieben.")
			return ss
		}, "1. §\u00a01 Absatz 3 wird aufgehoben."},
		{"Absatz in der Mitte eingefügt: § ganz", func(ss []*model.Section) []*model.Section {
			ss[0] = sec("gegenstand", "§\u00a01", "Gegenstand", "Gegenstand ist der Online-Dienst.", "Neu ist dies.", "Er wird betrieben.", "Die Länder wirken mit.")
			return ss
		}, "1. §\u00a01 wird durch den folgenden §\u00a01 ersetzt:\n„§\u00a01 Gegenstand\n(1) Gegenstand ist der Online-Dienst.\n(2) Neu ist dies.\n(3) Er wird betrieben.\n(4) Die Länder wirken mit.“"},
		{"§ eingefügt, folgende neu nummeriert", func(ss []*model.Section) []*model.Section {
			out := []*model.Section{ss[0], ss[1], sec("datenschutz", "§\u00a03", "Datenschutz", "Es gilt die DSGVO.")}
			for i, s := range ss[2:] {
				c := *s
				c.Number = "§\u00a0" + string(rune('4'+i))
				out = append(out, &c)
			}
			return out
		}, "1. Die bisherigen §§\u00a03 bis 5 werden die §§\u00a04 bis 6.\n2. Nach §\u00a02 wird folgender §\u00a03 eingefügt:\n„§\u00a03 Datenschutz\nEs gilt die DSGVO.“"},
		{"§ aufgehoben, folgende neu nummeriert", func(ss []*model.Section) []*model.Section {
			out := []*model.Section{ss[0], ss[1]}
			for i, s := range ss[3:] {
				c := *s
				c.Number = "§\u00a0" + string(rune('3'+i))
				out = append(out, &c)
			}
			return out
		}, "1. §\u00a03 wird aufgehoben.\n2. Die bisherigen §§\u00a04 und 5 werden die §§\u00a03 und 4."},
		{"Präambel eingefügt", func(ss []*model.Section) []*model.Section {
			return append([]*model.Section{sec("praeambel", "", "Präambel", "Die Länder wollen zusammenarbeiten.")}, ss...)
		}, "1. Nach dem Eingang wird folgender Teil „Präambel“ eingefügt:\n„Präambel\nDie Länder wollen zusammenarbeiten.“"},
		{"Anlage eingefügt, folgende neu nummeriert", func(ss []*model.Section) []*model.Section {
			return append(ss, sec("kostenplan", "Anlage 1", "Kostenplan", "Neu."), sec("leistung", "Anlage 2", "Leistungen", "Wie bisher."), sec("avv", "Anlage 3", "Auftragsverarbeitung", "Wie bisher."))
		}, "1. Die bisherigen Anlagen 1 und 2 werden die Anlagen 2 und 3.\n2. Nach §\u00a05 wird folgende Anlage 1 eingefügt:\n„Anlage 1 Kostenplan\nNeu.“"},
		{"§ verschoben", func(ss []*model.Section) []*model.Section {
			h := *ss[2]
			h.Number = "§\u00a05"
			l, sch := *ss[3], *ss[4]
			l.Number, sch.Number = "§\u00a03", "§\u00a04"
			return []*model.Section{ss[0], ss[1], &l, &sch, &h}
		}, "1. §\u00a03 wird aufgehoben.\n2. Die bisherigen §§\u00a04 und 5 werden die §§\u00a03 und 4.\n3. Nach §\u00a04 wird folgender §\u00a05 eingefügt:\n„§\u00a05 Haftung\nJede Vertragspartei haftet selbst.“"},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			old := doc(base()...)
			if strings.HasPrefix(c.name, "Anlage") {
				old = doc(append(base(), sec("leistung", "Anlage 1", "Leistungen", "Wie bisher."), sec("avv", "Anlage 2", "Auftragsverarbeitung", "Wie bisher."))...)
			}
			neu := doc(c.edit(base())...)
			if got := draft(t, old, neu); got != c.want {
				t.Errorf("Befehle:\n%s\nerwartet:\n%s", got, c.want)
			}
		})
	}
}

// TestEingangAndAusfertigungenNotAmended: the Eingang and the number of
// copies executed are facts of the signed original — a changed Eingang
// (a Land joins, a ministry is renamed) or a changed count of
// Ausfertigungen alone is no change of the text, and beside another
// change neither is quoted nor replaced (reviewer's audit, finding 1).
func TestEingangAndAusfertigungenNotAmended(t *testing.T) {
	ausf := func(n string) *model.Section {
		return sec("inkrafttreten", "§\u00a06", "Ausfertigungen und Inkrafttreten",
			"Diese Vereinbarung wird in "+n+" gleichlautenden Ausfertigungen unterzeichnet; jede Vertragspartei erhält eine Ausfertigung.",
			"Sie tritt mit der letzten Unterschrift in Kraft.")
	}
	old := doc(sec("gegenstand", "§\u00a01", "Gegenstand", "Gegenstand ist der Online-Dienst."), ausf("zwei"))
	neu := doc(sec("gegenstand", "§\u00a01", "Gegenstand", "Gegenstand ist der Online-Dienst."), ausf("drei"))
	neu.Blocks[1] = &model.Paragraph{Style: model.StyleCentered, Inlines: []model.Inline{model.Text{Text: "zwischen A, B und C"}}}
	if _, err := Instructions(old, neu); !errors.Is(err, ErrNoChange) {
		t.Fatalf("nur Eingang und Ausfertigungen geändert: %v, erwartet ErrNoChange", err)
	}
	neu.Blocks[2] = sec("gegenstand", "§\u00a01", "Gegenstand", "Gegenstand ist der neue Online-Dienst.")
	got := draft(t, old, neu)
	if want := "1. In §\u00a01 wird nach dem Wort „der“ das Wort „neue“ eingefügt."; got != want {
		t.Errorf("Befehle:\n%s\nerwartet:\n%s", got, want)
	}
	for _, bad := range []string{"Eingang", "Ausfertigung", "drei"} {
		if strings.Contains(got, bad) {
			t.Errorf("Befehle nennen %q:\n%s", bad, got)
		}
	}
	// the second Absatz of the clause is still part of the text
	neu.Blocks[3] = ausf("drei")
	neu.Blocks[3].(*model.Section).Blocks[1] = &model.Paragraph{Style: model.StyleBody, Number: "(2)", Inlines: []model.Inline{model.Text{Text: "Sie tritt am 1. Januar in Kraft."}}}
	if got := draft(t, old, neu); !strings.Contains(got, "§\u00a06 Absatz 2") {
		t.Errorf("Änderung in § 6 Absatz 2 fehlt:\n%s", got)
	}
}

// TestTableReplacedWhole: a changed cell replaces the Absatz with its
// table, never a Wörter instruction inside a table.
func TestTableReplacedWhole(t *testing.T) {
	t.Parallel()
	table := func(v string) *model.Section {
		s := sec("kosten", "§\u00a02", "Kosten", "Der Kostenplan:", "Weiteres.")
		tb := &model.Table{Widths: []int{50, 50}, Aligns: []model.Align{model.AlignLeft, model.AlignRight}, Caption: "Kostenplan",
			Header: []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{model.Text{Text: "Position"}}}, {Inlines: []model.Inline{model.Text{Text: "Betrag"}}}}}},
			Rows:   []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{model.Text{Text: "Betrieb"}}}, {Inlines: []model.Inline{model.Text{Text: v}}}}}}}
		s.Blocks = slices.Insert(s.Blocks, 1, model.Block(tb))
		return s
	}
	got := draft(t, doc(table("480.000,00")), doc(table("495.000,00")))
	want := "1. §\u00a02 Absatz 1 wird durch den folgenden Absatz 1 ersetzt:\n„(1) Der Kostenplan:\n[Tabelle]\n“"
	if got != want {
		t.Errorf("Befehle:\n%s\nerwartet:\n%s", got, want)
	}
}

func TestNoChange(t *testing.T) {
	t.Parallel()
	if _, err := Instructions(doc(base()...), doc(base()...)); !errors.Is(err, ErrNoChange) {
		t.Fatalf("Fehler %v, erwartet ErrNoChange", err)
	}
}

// TestApplyRefuses: an instruction that is ambiguous or names a unit that
// does not exist is an error, and a wrong result is named at its first
// differing unit.
func TestApplyRefuses(t *testing.T) {
	t.Parallel()
	us, err := Units(doc(base()...))
	if err != nil {
		t.Fatal(err)
	}
	abs2 := Address{Sec: "§\u00a02", Part: PartBody, Abs: "2"}
	for _, c := range []struct {
		name string
		in   Instruction
		want string
	}{
		{"zweimal", Instruction{Op: OpWoerter, Target: abs2, Old: "25\u00a0%", New: "30\u00a0%"}, "2-mal statt genau einmal"},
		{"fehlt", Instruction{Op: OpWoerter, Target: abs2, Old: "40\u00a0%", New: "30\u00a0%"}, "0-mal"},
		{"kein Absatz", Instruction{Op: OpAufheben, Target: Address{Sec: "§\u00a09", Part: PartBody, Abs: "1"}}, "§\u00a09 Absatz 1 gibt es nicht"},
		{"Nummer belegt", Instruction{Op: OpUmnummerieren, From: []string{"§\u00a03"}, To: []string{"§\u00a04"}}, "§\u00a04 gibt es schon"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Apply(us, []Instruction{c.in})
			if !errors.Is(err, ErrApply) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("Fehler %v, erwartet %q", err, c.want)
			}
		})
	}
	got, err := Apply(us, []Instruction{{Op: OpWoerter, Target: Address{Sec: "§\u00a03", Part: PartBody}, Old: "selbst", New: "gemeinsam"}})
	if err != nil {
		t.Fatal(err)
	}
	err = Compare(got, us)
	if !errors.Is(err, ErrRoundTrip) || !strings.Contains(err.Error(), "§\u00a03 lautet „Jede Vertragspartei haftet gemeinsam.“ statt „Jede Vertragspartei haftet selbst.“") {
		t.Fatalf("Vergleich: %v", err)
	}
}

// TestSignaturesNotText: the signature blocks are no part of the text
// form, so a party signing does not change the agreement.
func TestSignaturesNotText(t *testing.T) {
	t.Parallel()
	neu := doc(base()...)
	neu.Blocks[len(neu.Blocks)-1].(*model.Section).Blocks[0].(*model.Signatures).Blocks[0].PlaceDate = "Kiel, 1. Dezember 2026"
	if _, err := Instructions(doc(base()...), neu); !errors.Is(err, ErrNoChange) {
		t.Fatalf("Fehler %v, erwartet ErrNoChange", err)
	}
}

// TestQuoteWithinItem: an Angabe that occurs twice is widened to be
// unique only within its item of an enumeration („25 % Parität“, never
// „2016, 25 %“), and unique in ALT's text too, not only after the
// instructions before it; several changes of one Absatz stand under it
// with aa), bb).
func TestQuoteWithinItem(t *testing.T) {
	t.Parallel()
	kosten := func(a, b, c string) *model.Section {
		return sec("kosten", "§\u00a02", "Kosten", "Verteilt wird nach folgendem Schlüssel: "+a+"\u00a0% Königsteiner Schlüssel 2016, "+b+"\u00a0% Parität, "+c+"\u00a0% Fallzahl.", "Die Kosten betragen 1.850.000,00\u00a0€.")
	}
	old := doc(kosten("50", "25", "25"))
	neu := doc(kosten("40", "30", "30"))
	neu.Blocks[2].(*model.Section).Blocks[1] = &model.Paragraph{Style: model.StyleBody, Number: "(2)", Inlines: []model.Inline{model.Text{Text: "Die Kosten betragen 1.851.234,56\u00a0€."}}}
	want := "1. §\u00a02 wird wie folgt geändert:\n" +
		"a) Absatz 1 wird wie folgt geändert:\n" +
		"aa) Die Angabe „50\u00a0%“ wird durch die Angabe „40\u00a0%“ ersetzt.\n" +
		"bb) Die Wörter „25\u00a0% Parität“ werden durch die Wörter „30\u00a0% Parität“ ersetzt.\n" +
		"cc) Die Wörter „25\u00a0% Fallzahl“ werden durch die Wörter „30\u00a0% Fallzahl“ ersetzt.\n" +
		"b) In Absatz 2 wird die Angabe „1.850.000,00\u00a0€“ durch die Angabe „1.851.234,56\u00a0€“ ersetzt."
	if got := draft(t, old, neu); got != want {
		t.Errorf("Befehle:\n%s\nerwartet:\n%s", got, want)
	}
}

// TestParseNestedFromDocx reads aa), bb) back when Word numbered them as
// a list nested in the list of the numbers and letters.
func TestParseNestedFromDocx(t *testing.T) {
	t.Parallel()
	item := func(label, s string, more ...model.Block) model.ListItem {
		return model.ListItem{Label: label, Blocks: append([]model.Block{&model.Paragraph{Inlines: []model.Inline{model.Text{Text: s}}}}, more...)}
	}
	bs := []model.Block{&model.List{Items: []model.ListItem{
		item("1.", "§\u00a02 wird wie folgt geändert:", &model.List{Items: []model.ListItem{
			item("a)", "Absatz 1 wird wie folgt geändert:", &model.List{Items: []model.ListItem{
				item("aa)", "Die Angabe „50\u00a0%“ wird durch die Angabe „40\u00a0%“ ersetzt."),
				item("bb)", "Nach dem Wort „Parität“ werden die Wörter „der Länder“ eingefügt."),
			}}),
			item("b)", "In Absatz 2 wird das Wort „Kosten“ gestrichen."),
		}}),
	}}}
	got, err := ParseBlocks(bs)
	if err != nil {
		t.Fatal(err)
	}
	abs1 := Address{Sec: "§\u00a02", Part: PartBody, Abs: "1"}
	want := []Instruction{
		{Op: OpWoerter, Target: abs1, Old: "50\u00a0%", New: "40\u00a0%"},
		{Op: OpWoerterEinfuegen, Target: abs1, Old: "Parität", New: "der Länder"},
		{Op: OpWoerter, Target: Address{Sec: "§\u00a02", Part: PartBody, Abs: "2"}, Old: "Kosten"},
	}
	if len(got) != len(want) {
		t.Fatalf("%d Befehle gelesen, erwartet %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i].Op != want[i].Op || got[i].Target != want[i].Target || got[i].Old != want[i].Old || got[i].New != want[i].New {
			t.Errorf("Befehl %d: %+v, erwartet %+v", i+1, got[i], want[i])
		}
	}
}

// The legal review found „die Wörter „„Steuerungskreis Nachnutzung““ and
// „„(„Steuerungskreis …““: marks before the changed words must stay out
// of the quote; a dropped word is „gestrichen“, not two words replaced by
// one; a quote holding „…“ sets it as ‚…‘ and Parse reads it back (draft
// proves every case through Render and Parse).
func TestQuoteMarksBesideChangedWords(t *testing.T) {
	t.Parallel()
	const old = "Die Länder bilden den „Steuerungskreis Nachnutzung Wohngeld“. Das Gremium (Kreis Mitte) tagt jährlich mit allen Vertragsparteien."
	for _, c := range []struct{ name, neu, want string }{
		{"Anführungszeichen", "Die Länder bilden den „Lenkungskreis Wohngeld“. Das Gremium (Kreis Mitte) tagt jährlich mit allen Vertragsparteien.",
			"1. In §\u00a03 werden die Wörter „Steuerungskreis Nachnutzung“ durch das Wort „Lenkungskreis“ ersetzt."},
		{"zwei Wörter", "Die Länder bilden den „Lenkungskreis“. Das Gremium (Kreis Mitte) tagt jährlich mit allen Vertragsparteien.",
			"1. In §\u00a03 werden die Wörter „Steuerungskreis Nachnutzung Wohngeld“ durch das Wort „Lenkungskreis“ ersetzt."},
		{"Klammer", "Die Länder bilden den „Steuerungskreis Nachnutzung Wohngeld“. Das Gremium (Runde Mitte) tagt jährlich mit allen Vertragsparteien.",
			"1. In §\u00a03 wird das Wort „Kreis“ durch das Wort „Runde“ ersetzt."},
		{"gestrichen", "Die Länder bilden den „Steuerungskreis Wohngeld“. Das Gremium (Kreis Mitte) tagt jährlich mit allen Vertragsparteien.",
			"1. In §\u00a03 wird das Wort „Nachnutzung“ gestrichen."},
		{"gestrichen vor Zeichen", "Die Länder bilden den „Steuerungskreis Nachnutzung Wohngeld“. Das Gremium (Kreis) tagt jährlich mit allen Vertragsparteien.",
			"1. In §\u00a03 wird das Wort „Mitte“ gestrichen."},
		{"halbe Anführungszeichen", "Die Länder bilden den Steuerungskreis Nachnutzung Wohngeld. Das Gremium (Kreis Mitte) tagt jährlich mit allen Vertragsparteien.",
			"1. In §\u00a03 werden die Wörter „‚Steuerungskreis Nachnutzung Wohngeld‘“ durch die Wörter „Steuerungskreis Nachnutzung Wohngeld“ ersetzt."},
	} {
		ss, sn := base(), base()
		ss[2] = sec("haftung", "§\u00a03", "Haftung", old)
		sn[2] = sec("haftung", "§\u00a03", "Haftung", c.neu)
		got := draft(t, doc(ss...), doc(sn...))
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: got\n%s\nwant %q", c.name, got, c.want)
		}
	}
}

// A quote that would hold half a pair of marks is not drafted: the unit
// is replaced whole.
func TestQuoteMarksUnpaired(t *testing.T) {
	t.Parallel()
	const old = "Die Länder bilden den „Steuerungskreis Nachnutzung Wohngeld“. Das Gremium (Steuerungskreis Nachnutzung Wohngeld) tagt."
	ss, sn := base(), base()
	ss[2] = sec("haftung", "§\u00a03", "Haftung", old)
	sn[2] = sec("haftung", "§\u00a03", "Haftung", strings.Replace(old, "„Steuerungskreis Nachnutzung", "„Lenkungskreis", 1))
	got := draft(t, doc(ss...), doc(sn...))
	if !strings.Contains(got, "wird durch den folgenden Wortlaut ersetzt") {
		t.Errorf("got\n%s", got)
	}
}
