package markup

import (
	"errors"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/model"
)

func dump(t *testing.T, src string) string {
	t.Helper()
	blocks, err := Convert([]byte(src), "t.md")
	if err != nil {
		t.Fatalf("Convert: %v", err)
	}
	var b strings.Builder
	if err := model.Dump(&b, &model.Document{Blocks: blocks}); err != nil {
		t.Fatal(err)
	}
	// drop the five meta lines of the empty document
	lines := strings.SplitAfter(b.String(), "\n")
	return strings.Join(lines[6:], "")
}

func TestConvert(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, src, want string
	}{
		{"title and clause numbering",
			"# Vereinbarung\n\n<!--@ring.md.tmpl:7-->\n## Präambel {#praeambel .ohne-nummer}\n\nText.\n\n## Gegenstand {#gegenstand}\n\nEin Absatz.\n\n## Kosten {#kosten}\n\nErster.\n\nZweiter mit Verweis auf [](#gegenstand) und [](#kosten/2).\n\n## Kostenplan {#kostenplan .anlage}\n\nPlan.\n",
			`  paragraph style=title number="" @t.md:1
    text "Vereinbarung"
  section id="praeambel" level=1 number="" title="Präambel" @ring.md.tmpl:7
    paragraph style=body number="" @ring.md.tmpl:9
      text "Text."
  section id="gegenstand" level=1 number="§\u00a01" title="Gegenstand" @ring.md.tmpl:11
    paragraph style=body number="" @ring.md.tmpl:13
      text "Ein Absatz."
  section id="kosten" level=1 number="§\u00a02" title="Kosten" @ring.md.tmpl:15
    paragraph style=body number="(1)" @ring.md.tmpl:17
      text "Erster."
    paragraph style=body number="(2)" @ring.md.tmpl:19
      text "Zweiter mit Verweis auf §\u00a01 und §\u00a02 Abs.\u00a02."
  section id="kostenplan" level=1 number="Anlage 1" title="Kostenplan" @ring.md.tmpl:21
    paragraph style=body number="" @ring.md.tmpl:23
      text "Plan."
`},
		{"markers move positions",
			"<!--@a.tmpl:3-->\n## A {#a}\n\n<!--@b.tmpl:9-->\nText\n",
			`  section id="a" level=1 number="§\u00a01" title="A" @a.tmpl:3
    paragraph style=body number="" @b.tmpl:9
      text "Text"
`},
		{"lists with German labels",
			"## L {#l}\n\nEinleitung:\n\n1. eins\n2. zwei\n   1. unter\n   2. unter zwei\n      1. tief\n- Punkt\n",
			`  section id="l" level=1 number="§\u00a01" title="L" @t.md:1
    paragraph style=body number="" keepnext @t.md:3
      text "Einleitung:"
    list @t.md:5
      item label="1."
        paragraph style=body number="" @t.md:5
          text "eins"
      item label="2."
        paragraph style=body number="" @t.md:6
          text "zwei"
        list @t.md:7
          item label="a)"
            paragraph style=body number="" @t.md:7
              text "unter"
          item label="b)"
            paragraph style=body number="" @t.md:8
              text "unter zwei"
            list @t.md:9
              item label="aa)"
                paragraph style=body number="" @t.md:9
                  text "tief"
    list @t.md:10
      item label="–"
        paragraph style=body number="" @t.md:10
          text "Punkt"
`},
		{"emphasis, breaks and escapes",
			"Ein **fetter** und *kursiver* Text  \nneue Zeile\nweiter \\<w:t\\>\\&\\*\"' €„“\n",
			`  paragraph style=body number="" @t.md:1
    text "Ein "
    text bold "fetter"
    text " und "
    text italic "kursiver"
    text " Text"
    break
    text "neue Zeile weiter <w:t>&*\"' €„“"
`},
		{"NFD is normalised",
			"Mu\u0308nchen\n",
			`  paragraph style=body number="" @t.md:1
    text "München"
`},
		{"table with directive",
			"{:tabelle id=verteilung breiten=50,25,25 summe beschriftung=\"Anteile je Land\"}\n\n| Land | Anteil | Betrag |\n|:--|--:|--:|\n| Sachsen | 50,00000 % | 1,00 € |\n| Summe | 100,00000 % | 2,00 € |\n",
			`  table id="verteilung" widths=[50 25 25] aligns=[left right right] boxed=false caption="Anteile je Land" @t.md:3
    header "Land" | "Anteil" | "Betrag"
    row "Sachsen" | "50,00000\u00a0%" | "1,00\u00a0€"
    row total "Summe" | "100,00000\u00a0%" | "2,00\u00a0€"
`},
		{"no-break spaces after § and before units",
			"nach § 108 Abs. 6 GWB und §§ 3 Nr. 2, 5 € und 7 %, aber nicht Seite 3 von 4\n",
			`  paragraph style=body number="" @t.md:1
    text "nach §\u00a0108\u00a0Abs.\u00a06 GWB und §§\u00a03 Nr.\u00a02, 5\u00a0€ und 7\u00a0%, aber nicht Seite 3 von 4"
`},
		{"no-break spaces in dates, amounts and file references",
			"am 28. November 2026 und im Mai 2027, Az. 21-0412/2026 und Az. IV 12, 3,5 Mio. € nach § 7 Abs. 2 Satz 1 der Anlage 2; nicht: Ersatz 3, im 2. Maiheft, Mai 20271, S. 4, Gesamt in €, Anteil in %\n",
			`  paragraph style=body number="" @t.md:1
    text "am 28.\u00a0November\u00a02026 und im Mai\u00a02027, Az.\u00a021-0412/2026 und Az.\u00a0IV 12, 3,5\u00a0Mio.\u00a0€ nach §\u00a07\u00a0Abs.\u00a02\u00a0Satz\u00a01 der Anlage\u00a02; nicht: Ersatz 3, im 2. Maiheft, Mai 20271, S.\u00a04, Gesamt in\u00a0€, Anteil in\u00a0%"
`},
		{"last paragraph kept with the signatures",
			"## Schluss {#schluss}\n\nLetzter Satz.\n\n## Unterschriften {#unterschriften .ohne-nummer}\n\n```unterschriften\nFür das Land A | das Ministerium\n```\n",
			`  section id="schluss" level=1 number="§\u00a01" title="Schluss" @t.md:1
    paragraph style=body number="" keepnext @t.md:3
      text "Letzter Satz."
  section id="unterschriften" level=1 number="" title="Unterschriften" @t.md:5
    signatures @t.md:8
      signature party="Für das Land A" signer="das Ministerium" placedate="Ort, Datum"
`},
		{"form fields",
			"Ort: {:feld}, Datum: {:feld}\n\n{:feld}\n\nkein Feld: \\{:feld}\n\n{:tabelle formular}\n\n| | |\n|--|--|\n| Leitweg-ID | {:feld} |\n| {:farbe=FFFFFF} Haushaltsstelle | {:feld} |\n",
			`  paragraph style=body number="" @t.md:1
    text "Ort: "
    field ""
    text ", Datum: "
    field ""
  paragraph style=body number="" @t.md:3
    field ""
  paragraph style=body number="" keepnext @t.md:5
    text "kein Feld: {:feld}"
  table id="" widths=[1 1] aligns=[left left] boxed=true caption="" @t.md:9
    row "Leitweg-ID"#E7E6E6 | field""
    row "Haushaltsstelle"#FFFFFF | field""
`},
		{"paragraphs kept with what follows",
			"{:mitte zusammen}\n\nund\n\n{:zusammen}\n\nText\n\nDie Anteile:\n\n| a | b |\n|--|--|\n| 1 | 2 |\n\nFolgende Punkte\n\n- x\n\nvor dem Diagramm\n\n{:diagramm}\n\n| L | A |\n|--|--|\n| x | 1 % |\n",
			`  paragraph style=centered number="" keepnext @t.md:3
    text "und"
  paragraph style=body number="" keepnext @t.md:7
    text "Text"
  paragraph style=body number="" keepnext @t.md:9
    text "Die Anteile:"
  table id="" widths=[1 1] aligns=[left left] boxed=false caption="" @t.md:11
    header "a" | "b"
    row "1" | "2"
  paragraph style=body number="" @t.md:15
    text "Folgende Punkte"
  list @t.md:17
    item label="–"
      paragraph style=body number="" @t.md:17
        text "x"
  paragraph style=body number="" keepnext @t.md:19
    text "vor dem Diagramm"
  chart id="" title="" @t.md:23
    bar label="x" value=100000 text="1\u00a0%" color=""
`},
		{"form table",
			"{:tabelle formular breiten=30,70}\n\n| | |\n|--|--|\n| Behörde | Ministerium |\n",
			`  table id="" widths=[30 70] aligns=[left left] boxed=true caption="" @t.md:3
    row "Behörde"#E7E6E6 | "Ministerium"
`},
		{"styles and page break",
			"{:untertitel}\n\nüber die Nachnutzung\n\n{:mitte}\n\nzwischen\n\n{:seitenumbruch}\n\n{:hinweis}\n\nKlein.\n",
			`  paragraph style=subtitle number="" @t.md:3
    text "über die Nachnutzung"
  paragraph style=centered number="" @t.md:7
    text "zwischen"
  pagebreak @t.md:9
  paragraph style=note number="" @t.md:13
    text "Klein."
`},
		{"signatures",
			"```unterschriften\nFür das Land Sachsen-Anhalt | das Ministerium für Infrastruktur und Digitales\nFür den Freistaat Sachsen | die Staatsministerin | Dresden, den\nFür die Freie Hansestadt Bremen | Der Senator für Inneres und Sport | | Unterschrift | Name | Amtsbezeichnung\n```\n",
			`  signatures @t.md:2
    signature party="Für das Land Sachsen-Anhalt" signer="das Ministerium für Infrastruktur und Digitales" placedate="Ort, Datum"
    signature party="Für den Freistaat Sachsen" signer="die Staatsministerin" placedate="Dresden, den"
    signature party="Für die Freie Hansestadt Bremen" signer="Der Senator für Inneres und Sport" placedate="Ort, Datum" line="Unterschrift" line="Name" line="Amtsbezeichnung"
`},
		{"chart",
			"{:diagramm id=kostenanteile titel=\"Kostenanteile 2027\"}\n\n| Land | Anteil |\n|:--|--:|\n| Sachsen-Anhalt | 26,53499 % |\n| Bayern | 8,18104 |\n| Bremen | 0 % |\n",
			`  chart id="kostenanteile" title="Kostenanteile 2027" @t.md:3
    bar label="Sachsen-Anhalt" value=2653499 text="26,53499\u00a0%" color=""
    bar label="Bayern" value=818104 text="8,18104" color=""
    bar label="Bremen" value=0 text="0\u00a0%" color=""
`},
		{"chart with colour column and no id",
			"{:diagramm}\n\n| Land | Anteil | Farbe |\n|--|--|--|\n| **Hessen** | 100,00000 % | 2e7d32 |\n| Berlin | 50 % | #C00000 |\n| Bremen | 1 % | |\n",
			`  chart id="" title="" @t.md:3
    bar label="Hessen" value=10000000 text="100,00000\u00a0%" color="2E7D32"
    bar label="Berlin" value=5000000 text="50\u00a0%" color="C00000"
    bar label="Bremen" value=100000 text="1\u00a0%" color=""
`},
		{"gantt",
			"{:zeitplan id=zeitplan titel=\"Zeitplan\"}\n\n| Bezeichnung | Beginn | Ende | Termin | Art | Farbe |\n|--|--|--|--|--|--|\n| 1 Initialisierung | 2026-01-05 | 2026-02-27 | 05.01.–27.02.2026 | | |\n| 2 Prüfung | | | Termin offen | | |\n| Pilot | 2026-02-10 | | 10.02.2026 | Meilenstein | #a5a5a5 |\n",
			`  gantt id="zeitplan" title="Zeitplan" @t.md:3
    row label="1 Initialisierung" start=2026-01-05 end=2026-02-27 text="05.01.–27.02.2026" color=""
    row label="2 Prüfung" start=- end=- text="Termin offen" color=""
    row label="Pilot" start=2026-02-10 end=2026-02-10 milestone text="10.02.2026" color="A5A5A5"
`},
		{"gantt columns in any order",
			"{:zeitplan}\n\n| Termin | Ende | Beginn | Bezeichnung |\n|--|--|--|--|\n| Jan | 2026-01-31 | 2026-01-01 | A |\n",
			`  gantt id="" title="" @t.md:3
    row label="A" start=2026-01-01 end=2026-01-31 text="Jan" color=""
`},
		{"cell colours",
			"| Thema | Ampel |\n|--|--|\n| Zeitplan | {:farbe=00b050} im Plan |\n| Kosten | {:farbe=FFC000} |\n| {:farbe=C00000}**Risiko** | \\{:farbe=C00000} bleibt Text |\n",
			`  table id="" widths=[1 1] aligns=[left left] boxed=false caption="" @t.md:1
    header "Thema" | "Ampel"
    row "Zeitplan" | "im Plan"#00B050
    row "Kosten" | ""#FFC000
    row "Risiko"#C00000 | "{:farbe=C00000} bleibt Text"
      cell 1
        text bold "Risiko"
`},
		{"form table keeps a given colour",
			"{:tabelle formular}\n\n| | |\n|--|--|\n| {:farbe=FFFFFF} Behörde | x |\n| Leitweg-ID | y |\n",
			`  table id="" widths=[1 1] aligns=[left left] boxed=true caption="" @t.md:3
    row "Behörde"#FFFFFF | "x"
    row "Leitweg-ID"#E7E6E6 | "y"
`},
		{"sub-sections nest",
			"## A {#a}\n\nx\n\n### B {#b}\n\ny\n\n## C {#c}\n\nz\n",
			`  section id="a" level=1 number="§\u00a01" title="A" @t.md:1
    paragraph style=body number="(1)" @t.md:3
      text "x"
    section id="b" level=2 number="" title="B" @t.md:5
      paragraph style=body number="(2)" @t.md:7
        text "y"
  section id="c" level=1 number="§\u00a02" title="C" @t.md:9
    paragraph style=body number="" @t.md:11
      text "z"
`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if got := dump(t, tt.src); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestConvertErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, src, want string }{
		{"raw html", "<!--@x.tmpl:4-->\nText <b>fett</b>\n", "x.tmpl:4: HTML ist im Markup nicht erlaubt"},
		{"html block", "<div>\nx\n</div>\n", "t.md:1: HTML ist im Markup nicht erlaubt"},
		{"code span", "a `b`\n", "Code (`…`) ist im Markup nicht erlaubt"},
		{"link", "[hier](https://example.org)\n", "Links sind im Markup nicht erlaubt"},
		{"autolink", "<https://example.org>\n", "Links sind im Markup nicht erlaubt"},
		{"image", "![x](y.png)\n", "Bilder sind im Markup nicht erlaubt"},
		{"heading without id", "## Gegenstand\n", "braucht eine id"},
		{"duplicate id", "## A {#a}\n\n## B {#a}\n", `Klausel-id "a" ist doppelt`},
		{"unknown reference", "## A {#a}\n\nsiehe [](#b)\n", `Verweis auf unbekannte Klausel "b"`},
		{"reference to unnumbered", "## P {#p .ohne-nummer}\n\nsiehe [](#p)\n", "nicht nummerierte Klausel"},
		{"reference beyond paragraphs", "## A {#a}\n\nx\n\nsiehe [](#a/3)\n", `Verweis "#a/3": §` + "\u00a0" + `1 hat 2 nummerierte Absätze`},
		{"thematic break", "a\n\n***\n", "Trennlinien sind nicht erlaubt"},
		{"field in a heading", "## A {:feld} {#a}\n", "nicht in einer Überschrift"},
		{"two paragraph styles", "{:mitte hinweis}\n\nx\n", "mehrere Anweisungen"},
		{"keep with a value", "{:zusammen=ja}\n\nx\n", "nimmt keinen Wert"},
		{"blockquote", "> zitat\n", "Zitatblöcke"},
		{"code block", "```go\nx\n```\n", `Codeblock "go" ist nicht erlaubt`},
		{"dangling directive", "text\n\n{:tabelle summe}\n", "Anweisung ohne folgenden Block"},
		{"directive before heading", "{:mitte}\n\n## A {#a}\n", "vor einer Überschrift"},
		{"table directive on paragraph", "{:summe}\n\ntext\n", `Anweisung "summe" gilt nicht für Absätze`},
		{"widths mismatch", "{:tabelle breiten=50,50}\n\n| a | b | c |\n|--|--|--|\n| 1 | 2 | 3 |\n", "breiten nennt 2 Spalten, die Tabelle hat 3"},
		{"bad signature", "```unterschriften\nnur eine Spalte\n```\n", "Unterschriftszeile"},
		{"signature with an empty line caption", "```unterschriften\nFür A | B | Ort, Datum | | Name\n```\n", "keine leeren Zeilenbeschriftungen"},
		{"signature with too many lines", "```unterschriften\nA | B | C | 1 | 2 | 3 | 4 | 5 | 6\n```\n", "höchstens 8 Spalten"},
		{"chart share with decimal point", "{:diagramm id=k}\n\n| Land | Anteil |\n|--|--|\n| Bayern | 26.5 % |\n", "Diagramm k, Zeile 1 (Bayern): Anteil: „26.5\u00a0%“"},
		{"chart share not a number", "{:diagramm}\n\n| Land | Anteil |\n|--|--|\n| A | 1 % |\n| B | viel |\n", "Diagramm, Zeile 2 (B): Anteil: „viel“: keine gültige Dezimalzahl"},
		{"chart share too precise", "{:diagramm}\n\n| Land | Anteil |\n|--|--|\n| A | 1,123456 % |\n", "zu viele Nachkommastellen"},
		{"chart share above 100", "{:diagramm}\n\n| Land | Anteil |\n|--|--|\n| A | 100,5 % |\n", "Wert außerhalb des zulässigen Bereichs"},
		{"chart share negative", "{:diagramm}\n\n| Land | Anteil |\n|--|--|\n| A | -1 % |\n", "ist negativ"},
		{"chart share missing", "{:diagramm}\n\n| Land | Anteil |\n|--|--|\n| A |\n", "Zeile 1 (A): Anteil: leere Zahl"},
		{"gantt without Termin", "{:zeitplan}\n\n| Bezeichnung | Beginn | Ende |\n|--|--|--|\n| A | 2026-01-01 | 2026-01-31 |\n", "Zeitplan: die Tabelle braucht die Spalten Bezeichnung, Beginn, Ende und Termin"},
		{"gantt unknown column", "{:zeitplan id=z}\n\n| Bezeichnung | Beginn | Ende | Termin | Dauer |\n|--|--|--|--|--|\n| A | 2026-01-01 | 2026-01-31 | x | 1 |\n", "Zeitplan z: Spalte „dauer“ unbekannt"},
		{"gantt bad date", "{:zeitplan}\n\n| Bezeichnung | Beginn | Ende | Termin |\n|--|--|--|--|\n| A | 01.01.2026 | 2026-01-31 | x |\n", "Zeitplan, Zeile 1 (A): Beginn: „01.01.2026“ ist kein Datum JJJJ-MM-TT"},
		{"gantt end before start", "{:zeitplan}\n\n| Bezeichnung | Beginn | Ende | Termin |\n|--|--|--|--|\n| A | 2026-02-01 | 2026-01-31 | x |\n", "Zeitplan: Zeile 1 („A“): Ende 2026-01-31 vor Beginn 2026-02-01"},
		{"gantt without dates", "{:zeitplan}\n\n| Bezeichnung | Beginn | Ende | Termin |\n|--|--|--|--|\n| A | | | offen |\n", "Zeitplan ohne Termine"},
		{"gantt bad kind", "{:zeitplan}\n\n| Bezeichnung | Beginn | Ende | Termin | Art |\n|--|--|--|--|--|\n| A | 2026-01-01 | 2026-01-31 | x | Punkt |\n", "Art „punkt“ (erlaubt: Balken, Meilenstein)"},
		{"gantt cell directive", "{:zeitplan}\n\n| Bezeichnung | Beginn | Ende | Termin |\n|--|--|--|--|\n| {:farbe=FF0000} A | 2026-01-01 | 2026-01-31 | x |\n", "Zellangaben {:…} gibt es im Zeitplan nicht"},
		{"gantt unknown attribute", "{:zeitplan spalten=2}\n\n| Bezeichnung | Beginn | Ende | Termin |\n|--|--|--|--|\n| A | 2026-01-01 | 2026-01-31 | x |\n", "unbekannte Zeitplanangabe \"spalten\""},
		{"chart with one column", "{:diagramm}\n\n| Land |\n|--|\n| A |\n", "braucht genau zwei Spalten „Bezeichnung | Anteil“ (und höchstens eine dritte „Farbe“), sie hat 1"},
		{"chart with three columns", "{:diagramm id=k}\n\n| Land | Anteil | Betrag |\n|--|--|--|\n| A | 1 % | 2 € |\n", "Diagramm k: die Tabelle braucht genau zwei Spalten"},
		{"chart with four columns", "{:diagramm}\n\n| a | b | Farbe | d |\n|--|--|--|--|\n| A | 1 % | | |\n", "sie hat 4"},
		{"chart bad colour", "{:diagramm}\n\n| Land | Anteil | Farbe |\n|--|--|--|\n| A | 1 % | grün |\n", `Farbe "grün" ist keine Farbe RRGGBB`},
		{"chart without label", "{:diagramm}\n\n| Land | Anteil |\n|--|--|\n| | 1 % |\n", "Balken ohne Bezeichnung"},
		{"chart without bars", "{:diagramm}\n\n| Land | Anteil |\n|--|--|\n", "Diagramm ohne Balken"},
		{"chart unknown attribute", "{:diagramm breiten=1,2}\n\n| Land | Anteil |\n|--|--|\n| A | 1 % |\n", `unbekannte Diagrammangabe "breiten"`},
		{"chart and table directive", "{:diagramm tabelle}\n\n| Land | Anteil |\n|--|--|\n| A | 1 % |\n", `unbekannte Diagrammangabe "tabelle"`},
		{"chart bad id", "{:diagramm id=Kosten}\n\n| Land | Anteil |\n|--|--|\n| A | 1 % |\n", `Diagramm-id "Kosten"`},
		{"chart cell directive", "{:diagramm}\n\n| Land | Anteil |\n|--|--|\n| {:farbe=C00000} A | 1 % |\n", "Zellangaben {:…} gibt es in Diagrammen nicht"},
		{"chart directive on paragraph", "{:diagramm}\n\ntext\n", `Anweisung "diagramm" gilt nicht für Absätze`},
		{"cell colour not hex", "| a |\n|--|\n| {:farbe=grün} x |\n", `Zellfarbe "grün" in {:farbe=grün} ist keine Farbe RRGGBB`},
		{"cell colour short", "| a |\n|--|\n| {:farbe=FFF} x |\n", `Zellfarbe "FFF"`},
		{"unknown cell directive", "| a |\n|--|\n| {:fett} x |\n", `unbekannte Zellangabe "fett"`},
		{"two paragraph styles", "{:titel mitte}\n\nx\n", "mehrere Anweisungen [mitte titel] für einen Absatz"},
		{"first unknown table attribute in sorted order", "{:tabelle zz aa}\n\n| a |\n|--|\n| 1 |\n", `unbekannte Tabellenangabe "aa"`},
		{"first unknown chart attribute in sorted order", "{:diagramm zz aa}\n\n| a | b |\n|--|--|\n| 1 | 1 |\n", `unbekannte Diagrammangabe "aa"`},
		{"unclosed quote", "{:tabelle beschriftung=\"offen}\n\n| a |\n|--|\n| 1 |\n", "Anführungszeichen nicht geschlossen"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := Convert([]byte(tt.src), "t.md")
			if err == nil {
				t.Fatalf("want error containing %q", tt.want)
			}
			if !errors.Is(err, ErrMarkup) {
				t.Errorf("error does not wrap ErrMarkup: %v", err)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %q does not contain %q", err, tt.want)
			}
		})
	}
}
