package data

import (
	"errors"
	"fmt"
	"math/big"
	"strings"
	"testing"
	"time"
)

// minimal is a valid project; tests change one thing at a time.
const minimal = `vorhaben:
  titel: "Nachnutzung „Wohngeld“"
  kurztitel: wohngeld
  stand: 2026-11-28
  version: 1.0
leistung:
  online_dienst: Wohngeld online
  ozg: [{id: "10092", bezeichnung: Wohngeld}]
  leika: ["99107023000000"]
  themenfeld: "Bauen & Wohnen"
  nachnutzungsmodell: efa
vertrag:
  form: ring
  beginn: 2027-01-01
  kuendigungsfrist_monate: 12
parteien:
  - {land: SH, rolle: umsetzend, vertreten_durch: das Innenministerium}
  - {land: ST, rolle: nachnutzend, vertreten_durch: das Ministerium für Infrastruktur und Digitales}
kosten:
  positionen:
    - {id: betrieb, art: betrieb, bezeichnung: Betrieb, betrag: "480000.00", turnus: jaehrlich, jahre: [2027, 2028]}
verteilung:
  umsetzendes_land_traegt_anteil: true
  schluessel:
    - {gewicht: 100, art: koenigstein, jahr: 2016}
`

var ref = Reference{KSJahre: []int{2014, 2015, 2016}}

func decodeErrs(t *testing.T, src string) []string {
	t.Helper()
	_, err := Decode("p.yaml", []byte(src), ref)
	if err == nil {
		return nil
	}
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("error is %T, want Errors: %v", err, err)
	}
	if !errors.Is(err, ErrInvalid) {
		t.Errorf("errors.Is(err, ErrInvalid) = false")
	}
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.Error()
	}
	return out
}

func TestMinimalDecodes(t *testing.T) {
	t.Parallel()
	f, err := Decode("p.yaml", []byte(minimal), ref)
	if err != nil {
		t.Fatal(err)
	}
	p := f.Projekt
	if p.Vorhaben.Version != "1.0" {
		t.Errorf("version = %q, want the literal 1.0", p.Vorhaben.Version)
	}
	if got := p.Vorhaben.Stand.Time(); !got.Equal(time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("stand = %v", got)
	}
	if p.Kosten.Positionen[0].Betrag.Cent != 48_000_000 {
		t.Errorf("betrag = %d cents", p.Kosten.Positionen[0].Betrag.Cent)
	}
	if p.Verteilung.Schluessel[0].Gewicht.Hundertstel != 10000 {
		t.Errorf("gewicht = %d", p.Verteilung.Schluessel[0].Gewicht.Hundertstel)
	}
	if pos := f.Pos("parteien[1].land"); pos != (Pos{18, 12}) {
		t.Errorf("Pos(parteien[1].land) = %v, want 18:12", pos)
	}
}

// TestFindRune: the first text value holding a character is named with
// its data path and position, in file order.
func TestFindRune(t *testing.T) {
	t.Parallel()
	f, err := Decode("p.yaml", []byte(minimal), ref)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		r    rune
		path string
		pos  Pos
		ok   bool
	}{
		{'ü', "parteien[1].vertreten_durch", Pos{18, 53}, true},
		{'„', "vorhaben.titel", Pos{2, 10}, true},
		{'&', "leistung.themenfeld", Pos{10, 15}, true},
		{'北', "", Pos{}, false},
	}
	for _, tt := range tests {
		path, pos, ok := f.FindRune(tt.r)
		if path != tt.path || pos != tt.pos || ok != tt.ok {
			t.Errorf("FindRune(%q) = %q, %v, %t; want %q, %v, %t", tt.r, path, pos, ok, tt.path, tt.pos, tt.ok)
		}
	}
}

func TestDecodeErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"unknown key with suggestion", "parteien:", "partein:",
			[]string{"p.yaml:16:1: partein: unbekannter Schlüssel „partein“ – meinten Sie „parteien“?"}},
		{"unknown key without suggestion", "  version: 1.0\n", "  version: 1.0\n  farbe: blau\n",
			[]string{"p.yaml:6:3: vorhaben.farbe: unbekannter Schlüssel „farbe“ (erlaubt: titel, kurztitel, stand, version, status)"}},
		{"wrong type int", "kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: zwölf",
			[]string{"p.yaml:15:28: vertrag.kuendigungsfrist_monate: erwartet eine ganze Zahl, gefunden den Text „zwölf“"}},
		{"float for int", "kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: 12.5",
			[]string{"p.yaml:15:28: vertrag.kuendigungsfrist_monate: erwartet eine ganze Zahl, gefunden die Zahl 12.5"}},
		{"int out of range", "kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: 61",
			[]string{"p.yaml:15:28: vertrag.kuendigungsfrist_monate: 61 liegt außerhalb des erlaubten Bereichs 0 bis 60"}},
		{"wrong type bool", "traegt_anteil: true", "traegt_anteil: ja",
			[]string{"p.yaml:23:35: verteilung.umsetzendes_land_traegt_anteil: erwartet true oder false, gefunden den Text „ja“"}},
		{"list expected", `leika: ["99107023000000"]`, `leika: "99107023000000"`,
			[]string{"p.yaml:9:10: leistung.leika: erwartet eine Liste, gefunden den Text „99107023000000“"}},
		{"mapping expected", "vertrag:\n  form: ring\n  beginn: 2027-01-01\n  kuendigungsfrist_monate: 12\n", "vertrag: ring\n",
			[]string{"p.yaml:12:10: vertrag: erwartet einen Abschnitt mit Schlüsseln, gefunden den Text „ring“"}},
		{"missing required", "  kurztitel: wohngeld\n", "",
			[]string{"p.yaml:2:3: vorhaben.kurztitel: Pflichtfeld „kurztitel“ fehlt in „vorhaben“"}},
		{"empty required", "  kurztitel: wohngeld\n", "  kurztitel:\n",
			[]string{"p.yaml:3:13: vorhaben.kurztitel: Pflichtfeld „kurztitel“ ist leer"}},
		{"bad enum with suggestion", "form: ring", "form: rign",
			[]string{"p.yaml:13:9: vertrag.form: ungültiger Wert „rign“ – meinten Sie „ring“? (erlaubt: ring, stern, fit-store)"}},
		{"pattern", "kurztitel: wohngeld", "kurztitel: Wohngeld SH",
			[]string{"p.yaml:3:14: vorhaben.kurztitel: „Wohngeld SH“ hat nicht die Form Kleinbuchstaben, Ziffern und einzelne Bindestriche (z. B. „wohngeld-sh“)"}},
		{"three decimals", `betrag: "480000.00"`, `betrag: "480000.001"`,
			[]string{`p.yaml:21:65: kosten.positionen[0].betrag: Betrag „480000.001“: zu viele Nachkommastellen (höchstens zwei Nachkommastellen)`}},
		{"unquoted three decimals", `betrag: "480000.00"`, `betrag: 480000.001`,
			[]string{`p.yaml:21:65: kosten.positionen[0].betrag: Betrag „480000.001“: zu viele Nachkommastellen (höchstens zwei Nachkommastellen)`}},
		{"negative amount", `betrag: "480000.00"`, `betrag: -5`,
			[]string{"p.yaml:21:65: kosten.positionen[0].betrag: Betrag „-5“ ist negativ"}},
		{"german amount", `betrag: "480000.00"`, `betrag: "480.000,00"`,
			[]string{`p.yaml:21:65: kosten.positionen[0].betrag: Betrag „480.000,00“: Tausendertrennzeichen und Dezimalkomma sind nicht erlaubt, Dezimaltrenner ist der Punkt – meinten Sie „480000.00“?`}},
		{"decimal comma", `betrag: "480000.00"`, `betrag: "1234,5"`,
			[]string{`p.yaml:21:65: kosten.positionen[0].betrag: Betrag „1234,5“: Tausendertrennzeichen und Dezimalkomma sind nicht erlaubt, Dezimaltrenner ist der Punkt – meinten Sie „1234.50“?`}},
		{"weight with decimal comma", "gewicht: 100,", `gewicht: "33,5",`,
			[]string{`p.yaml:25:17: verteilung.schluessel[0].gewicht: Gewicht „33,5“: Tausendertrennzeichen und Dezimalkomma sind nicht erlaubt, Dezimaltrenner ist der Punkt – meinten Sie „33.50“?`}},
		{"underscore separator", `betrag: "480000.00"`, `betrag: "480_000"`,
			[]string{`p.yaml:21:65: kosten.positionen[0].betrag: Betrag „480_000“: Tausendertrennzeichen und Dezimalkomma sind nicht erlaubt, Dezimaltrenner ist der Punkt`}},
		{"bad date", "beginn: 2027-01-01", "beginn: 2027-02-30",
			[]string{"p.yaml:14:11: vertrag.beginn: „2027-02-30“ ist kein gültiges Datum der Form JJJJ-MM-TT (der Monat hat 28 Tage)"}},
		{"German date", "beginn: 2027-01-01", "beginn: 1.4.2027",
			[]string{"p.yaml:14:11: vertrag.beginn: „1.4.2027“ ist kein gültiges Datum der Form JJJJ-MM-TT – meinten Sie 2027-04-01?"}},
		{"leap day", "beginn: 2027-01-01", "beginn: 2028-02-30",
			[]string{"p.yaml:14:11: vertrag.beginn: „2028-02-30“ ist kein gültiges Datum der Form JJJJ-MM-TT (der Monat hat 29 Tage)"}},
		{"no leading zeros", "beginn: 2027-01-01", "beginn: 2027-4-1",
			[]string{"p.yaml:14:11: vertrag.beginn: „2027-4-1“ ist kein gültiges Datum der Form JJJJ-MM-TT – meinten Sie 2027-04-01?"}},
		{"month 13", "beginn: 2027-01-01", "beginn: 2027-13-01",
			[]string{"p.yaml:14:11: vertrag.beginn: „2027-13-01“ ist kein gültiges Datum der Form JJJJ-MM-TT"}},
		// 31.02.2027 got no suggestion at all, unlike 1.4.2027.
		{"German date that does not exist", "beginn: 2027-01-01", "beginn: 31.02.2027",
			[]string{"p.yaml:14:11: vertrag.beginn: „31.02.2027“ ist kein gültiges Datum der Form JJJJ-MM-TT – meinten Sie 2027-02-31? (der Monat hat 28 Tage)"}},
		{"German date without zeros that does not exist", "beginn: 2027-01-01", "beginn: 31.4.2027",
			[]string{"p.yaml:14:11: vertrag.beginn: „31.4.2027“ ist kein gültiges Datum der Form JJJJ-MM-TT – meinten Sie 2027-04-31? (der Monat hat 30 Tage)"}},
		{"German date with zeros", "beginn: 2027-01-01", "beginn: 01.04.2027",
			[]string{"p.yaml:14:11: vertrag.beginn: „01.04.2027“ ist kein gültiges Datum der Form JJJJ-MM-TT – meinten Sie 2027-04-01?"}},
		{"leap day in a German date", "beginn: 2027-01-01", "beginn: 29.2.2028",
			[]string{"p.yaml:14:11: vertrag.beginn: „29.2.2028“ ist kein gültiges Datum der Form JJJJ-MM-TT – meinten Sie 2028-02-29?"}},
		{"German date with month 13", "beginn: 2027-01-01", "beginn: 01.13.2027",
			[]string{"p.yaml:14:11: vertrag.beginn: „01.13.2027“ ist kein gültiges Datum der Form JJJJ-MM-TT"}},
		{"duplicate key", "  version: 1.0\n", "  version: 1.0\n  version: 2.0\n",
			[]string{"p.yaml:6:3: vorhaben.version: Schlüssel „version“ ist doppelt (zuerst in Zeile 5)"}},
		{"placeholder", "vertreten_durch: das Innenministerium", "vertreten_durch: TODO",
			[]string{"p.yaml:17:51: parteien[0].vertreten_durch: Platzhalter noch nicht ausgefüllt: „TODO“"}},
		{"merge key", "  version: 1.0\n", "  version: 1.0\n  <<: {a: 1}\n",
			[]string{"p.yaml:6:3: vorhaben: Merge-Schlüssel „<<“ wird nicht unterstützt; bitte Werte ausschreiben"}},
		{"too few items", "  ozg: [{id: \"10092\", bezeichnung: Wohngeld}]\n", "  ozg: []\n",
			[]string{"p.yaml:8:8: leistung.ozg: mindestens 1 Einträge nötig, gefunden 0"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if !strings.Contains(minimal, tt.old) {
				t.Fatalf("test setup: %q not in minimal", tt.old)
			}
			got := decodeErrs(t, strings.Replace(minimal, tt.old, tt.new, 1))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestValidateErrors(t *testing.T) {
	t.Parallel()
	parties3 := "  - {land: ST, rolle: nachnutzend, vertreten_durch: das Ministerium für Infrastruktur und Digitales}\n"
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"unknown Land", "land: ST", "land: XY",
			[]string{"p.yaml:18:12: parteien[1].land: unbekanntes Länderkürzel „XY“ (erlaubt: BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH, BUND)"}},
		{"Land by name", "land: ST", "land: Sachsen-Anhalt",
			[]string{"p.yaml:18:12: parteien[1].land: unbekanntes Länderkürzel „Sachsen-Anhalt“ – meinten Sie „ST“ (Sachsen-Anhalt)?"}},
		{"Land code in lower case", "land: ST", "land: st",
			[]string{"p.yaml:18:12: parteien[1].land: unbekanntes Länderkürzel „st“ – meinten Sie „ST“ (Sachsen-Anhalt)?"}},
		{"duplicate party", parties3, parties3 + strings.Replace(parties3, "ST", "ST", 1),
			[]string{"p.yaml:19:12: parteien[2].land: ST ist bereits Vertragspartei (parteien[1])"}},
		{"two implementing", "land: ST, rolle: nachnutzend", "land: ST, rolle: umsetzend",
			[]string{
				"p.yaml:17:3: parteien: kein nachnutzendes Land: mindestens eine Partei braucht „rolle: nachnutzend“",
				"p.yaml:18:23: parteien[1].rolle: mehr als ein umsetzendes Land (bereits parteien[0]); genau eine Partei ist umsetzend",
			}},
		{"no implementing", "land: SH, rolle: umsetzend", "land: SH, rolle: nachnutzend",
			[]string{"p.yaml:17:3: parteien: kein umsetzendes Land: genau eine Partei braucht „rolle: umsetzend“"}},
		{"ozg id", `id: "10092"`, `id: "1009"`,
			[]string{"p.yaml:8:14: leistung.ozg[0].id: OZG-ID „1009“ muss fünfstellig sein und mit 1 beginnen (z. B. 10092)"}},
		{"leika", `"99107023000000"`, `"9910702300000X"`,
			[]string{"p.yaml:9:11: leistung.leika[0]: LeiKa-Schlüssel „9910702300000X“ muss aus 14 Ziffern bestehen"}},
		{"themenfeld", `"Bauen & Wohnen"`, `"Bauen und Wohnen"`,
			[]string{"p.yaml:10:15: leistung.themenfeld: unbekanntes Themenfeld „Bauen und Wohnen“ – meinten Sie „Bauen & Wohnen“?"}},
		{"weights", "{gewicht: 100, art: koenigstein, jahr: 2016}", "{gewicht: 60, art: koenigstein, jahr: 2016}\n    - {gewicht: 30.5, art: paritaet}",
			[]string{"p.yaml:25:5: verteilung.schluessel: die Gewichte ergeben 90,5 %, nicht 100 %"}},
		{"ks year", "jahr: 2016}", "jahr: 2031}",
			[]string{"p.yaml:25:46: verteilung.schluessel[0].jahr: für 2031 gibt es keine Tabelle des Königsteiner Schlüssels (verfügbar: 2014, 2015, 2016); eigene Jahre über „ks_tabellen“ in config.yaml ergänzen"}},
		{"ks without year", ", jahr: 2016}", "}",
			[]string{"p.yaml:25:7: verteilung.schluessel[0]: Königsteiner Schlüssel braucht „jahr“ (GWK-Jahr der Tabelle, verfügbar: 2014, 2015, 2016)"}},
		{"usage values missing", "{gewicht: 100, art: koenigstein, jahr: 2016}", "{gewicht: 100, art: nutzung, werte: {SH: 10}}",
			[]string{"p.yaml:25:43: verteilung.schluessel[0].werte: es fehlen Werte für ST"}},
		{"usage key without values", "{gewicht: 100, art: koenigstein, jahr: 2016}", "{gewicht: 100, art: einwohner}",
			[]string{"p.yaml:25:7: verteilung.schluessel[0]: Teilschlüssel „einwohner“ braucht „werte“ für jede kostentragende Partei (SH, ST)"}},
		{"usage value not integer", "{gewicht: 100, art: koenigstein, jahr: 2016}", "{gewicht: 100, art: zielgruppe, werte: {SH: 10.5, ST: 3}}",
			[]string{"p.yaml:25:51: verteilung.schluessel[0].werte.SH: erwartet eine ganze Zahl ≥ 0"}},
		{"value for non-party", "{gewicht: 100, art: koenigstein, jahr: 2016}", "{gewicht: 100, art: nutzung, werte: {SH: 1, ST: 2, BY: 3}}",
			[]string{"p.yaml:25:62: verteilung.schluessel[0].werte.BY: BY ist keine Vertragspartei"}},
		{"all zero", "{gewicht: 100, art: koenigstein, jahr: 2016}", "{gewicht: 100, art: nutzung, werte: {SH: 0, ST: 0}}",
			[]string{"p.yaml:25:43: verteilung.schluessel[0].werte: alle Werte sind 0; der Schlüssel lässt sich nicht berechnen"}},
		{"fest sum", "{gewicht: 100, art: koenigstein, jahr: 2016}", `{gewicht: 100, art: fest, werte: {SH: "60", ST: "40.00001"}}`,
			[]string{"p.yaml:25:40: verteilung.schluessel[0].werte: feste Anteile ergeben 100,00001 %, nicht 100 %"}},
		{"fest value when implementing Land does not bear", "traegt_anteil: true\n  schluessel:\n    - {gewicht: 100, art: koenigstein, jahr: 2016}", "traegt_anteil: false\n  schluessel:\n    - {gewicht: 100, art: fest, werte: {SH: \"50\", ST: \"50\"}}",
			[]string{"p.yaml:25:45: verteilung.schluessel[0].werte.SH: SH trägt keinen Anteil der Kosten; Wert entfernen"}},
		{"duplicate key kind", "{gewicht: 100, art: koenigstein, jahr: 2016}", "{gewicht: 50, art: paritaet}\n    - {gewicht: 50, art: paritaet}",
			[]string{"p.yaml:26:26: verteilung.schluessel[1].art: Teilschlüssel „paritaet“ ist doppelt (auch verteilung.schluessel[0]); Gewichte zusammenfassen"}},
		{"values on paritaet", "{gewicht: 100, art: koenigstein, jahr: 2016}", "{gewicht: 100, art: paritaet, werte: {SH: 1}}",
			[]string{"p.yaml:25:44: verteilung.schluessel[0].werte: Teilschlüssel „paritaet“ nimmt keine Werte je Land"}},
		{"end before start", "beginn: 2027-01-01", "beginn: 2027-01-01\n  ende: 2027-01-01",
			[]string{"p.yaml:15:9: vertrag.ende: Ende 2027-01-01 liegt nicht nach dem Beginn 2027-01-01"}},
		{"years before the term", "beginn: 2027-01-01", "beginn: 2028-07-01",
			[]string{"p.yaml:21:105: kosten.positionen[0].jahre[0]: Jahr 2027 liegt vor dem Beginn der Vereinbarung (2028-07-01); laufende Kosten entstehen erst ab 2028"}},
		{"years after the term", "beginn: 2027-01-01", "beginn: 2027-01-01\n  ende: 2027-06-30",
			[]string{"p.yaml:22:111: kosten.positionen[0].jahre[1]: Jahr 2028 liegt nach dem Ende der Vereinbarung (2027-06-30)"}},
		{"weg in ring", "land: ST, rolle: nachnutzend", "land: ST, rolle: nachnutzend, weg: fit_store",
			[]string{"p.yaml:18:41: parteien[1].weg: in der Ringstruktur schließen alle Länder dieselbe Vereinbarung; „weg“ gilt nur in der Sternstruktur mit FIT-Store-Angebot"}},
		{"weg of the implementing Land", "land: SH, rolle: umsetzend", "land: SH, rolle: umsetzend, weg: vereinbarung",
			[]string{"p.yaml:17:39: parteien[0].weg: „weg“ gilt nur für nachnutzende Länder; das umsetzende Land stellt den Online-Dienst bereit"}},
		{"yearly without years", ", jahre: [2027, 2028]}", "}",
			[]string{"p.yaml:21:86: kosten.positionen[0].turnus: jährlicher Posten braucht „jahre“ (z. B. [2027, 2028])"}},
		{"one-off with years", "turnus: jaehrlich", "turnus: einmalig",
			[]string{"p.yaml:21:103: kosten.positionen[0].jahre: „jahre“ gilt nur für jährliche Posten; für einmalige höchstens „jahr“ angeben"}},
		{"years not ascending", "jahre: [2027, 2028]", "jahre: [2027, 2027]",
			[]string{"p.yaml:21:111: kosten.positionen[0].jahre[1]: Jahre müssen aufsteigend und ohne Wiederholung angegeben werden (2027 nach 2027)"}},
		{"generated id collides", "jahre: [2027, 2028]}", "jahre: [2027, 2028]}\n    - {id: betrieb-2028, art: wartung, bezeichnung: W, betrag: 1, turnus: einmalig}",
			[]string{"p.yaml:22:12: kosten.positionen[1].id: Kennung „betrieb-2028“ ist doppelt (auch kosten.positionen[0])"}},
		{"bearer unknown", "jahre: [2027, 2028]}", "jahre: [2027, 2028], traegt: BY}",
			[]string{"p.yaml:21:126: kosten.positionen[0].traegt: „BY“ ist weder „schluessel“, „je_nachnutzendes_land“ noch eine Vertragspartei"}},
		{"external with bearer", "jahre: [2027, 2028]}", "jahre: [2027, 2028], traegt: ST, finanziert_durch: bund}",
			[]string{"p.yaml:21:126: kosten.positionen[0].traegt: ein extern finanzierter Posten („finanziert_durch: bund“) wird von keiner Partei getragen; „traegt“ weglassen"}},
		{"reifegrad beyond model", "  nachnutzungsmodell: efa\n", "  nachnutzungsmodell: efa\n  reifegrad: {ist: 3, ziel: 5, modell: \"1.1\"}\n",
			[]string{"p.yaml:12:29: leistung.reifegrad.ziel: Reifegrad 5 gibt es im Modell 1.1 nicht (Stufen 0–4)"}},
		{"implementing Land need not bear", "traegt_anteil: true", "traegt_anteil: false",
			nil},
		{"signature after the Stand", "vertreten_durch: das Innenministerium}", "vertreten_durch: das Innenministerium, unterschrift: {datum: 2026-12-01, ort: Kiel, name: A, amtsbezeichnung: B}}",
			[]string{"p.yaml:17:95: parteien[0].unterschrift.datum: Unterschrift am 2026-12-01 liegt nach dem Stand 2026-11-28; eine Unterschrift wird eingetragen, wenn sie gegeben ist – Datum oder „vorhaben.stand“ anpassen"}},
		{"signature without name", "vertreten_durch: das Innenministerium}", "vertreten_durch: das Innenministerium, unterschrift: {datum: 2026-11-01, ort: Kiel, amtsbezeichnung: B}}",
			[]string{"p.yaml:17:87: parteien[0].unterschrift.name: Pflichtfeld „name“ fehlt in „parteien[0].unterschrift“"}},
		{"signature date implausible", "vertreten_durch: das Innenministerium}", "vertreten_durch: das Innenministerium, unterschrift: {datum: 1999-11-01, ort: Kiel, name: A, amtsbezeichnung: B}}",
			[]string{"p.yaml:17:95: parteien[0].unterschrift.datum: Datum 1999-11-01 liegt außerhalb des plausiblen Bereichs 2000-01-01 bis 2100-12-31 – Tippfehler im Jahr?"}},
		{"amendments not in order", "beginn: 2027-01-01", "beginn: 2027-01-01\n  aenderungen: [{datum: 2026-10-01}, {datum: 2026-09-01}]",
			[]string{"p.yaml:15:46: vertrag.aenderungen[1].datum: die 2. Änderung vom 2026-09-01 liegt vor der 1. vom 2026-10-01; die Änderungen stehen in der Reihenfolge ihres Abschlusses"}},
		{"amendment after the Stand", "beginn: 2027-01-01", "beginn: 2027-01-01\n  aenderungen: [{datum: 2026-12-01}]",
			[]string{"p.yaml:15:25: vertrag.aenderungen[0].datum: die 1. Änderung vom 2026-12-01 liegt nach dem Stand 2026-11-28; eine Änderung wird eingetragen, wenn sie geschlossen ist – Datum oder „vorhaben.stand“ anpassen"}},
		{"amendments recorded", "beginn: 2027-01-01", "beginn: 2027-01-01\n  aenderungen: [{datum: 2026-10-01}, {datum: 2026-11-28}]",
			nil},
		{"signature recorded", "vertreten_durch: das Innenministerium}", "vertreten_durch: das Innenministerium, unterschrift: {datum: 2026-11-28, ort: Kiel, name: A, amtsbezeichnung: B}}",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if !strings.Contains(minimal, tt.old) {
				t.Fatalf("test setup: %q not in minimal", tt.old)
			}
			got := decodeErrs(t, strings.Replace(minimal, tt.old, tt.new, 1))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestNobodyBears(t *testing.T) {
	t.Parallel()
	src := strings.Replace(minimal, "land: ST, rolle: nachnutzend", "land: ST, rolle: umsetzend", 1)
	src = strings.Replace(src, "traegt_anteil: true", "traegt_anteil: false", 1)
	got := decodeErrs(t, src)
	want := []string{
		"p.yaml:17:3: parteien: kein nachnutzendes Land: mindestens eine Partei braucht „rolle: nachnutzend“",
		"p.yaml:18:23: parteien[1].rolle: mehr als ein umsetzendes Land (bereits parteien[0]); genau eine Partei ist umsetzend",
		"p.yaml:23:35: verteilung.umsetzendes_land_traegt_anteil: keine Partei trägt einen Anteil der Kosten",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}

func TestAllErrorsInFileOrder(t *testing.T) {
	t.Parallel()
	src := minimal
	for _, r := range [][2]string{
		{"parteien:", "partein:"},
		{"kurztitel: wohngeld", "kurztitel: Wohngeld!"},
		{"kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: zwölf"},
		{`betrag: "480000.00"`, `betrag: "480000.001"`},
		{"jahr: 2016}", "jahr: 2031}"},
	} {
		src = strings.Replace(src, r[0], r[1], 1)
	}
	got := decodeErrs(t, src)
	if len(got) != 5 {
		t.Fatalf("got %d errors, want 5:\n%s", len(got), strings.Join(got, "\n"))
	}
	for i, prefix := range []string{"p.yaml:3:", "p.yaml:15:", "p.yaml:16:", "p.yaml:21:", "p.yaml:25:"} {
		if !strings.HasPrefix(got[i], prefix) {
			t.Errorf("error %d = %q, want prefix %q", i, got[i], prefix)
		}
	}
}

func TestHostileInput(t *testing.T) {
	t.Parallel()
	bomb := "a: &a [x,x,x,x,x,x,x,x,x,x]\n"
	for i, c := range "bcdefghi" {
		prev := string("abcdefghi"[i])
		bomb += string(c) + ": &" + string(c) + " [" + strings.Repeat("*"+prev+",", 9) + "*" + prev + "]\n"
	}
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"alias bomb", bomb, "p.yaml: Datei abgelehnt: aufgelöst ergäben die YAML-Aliase mehr als 100000 Knoten (Alias-Bombe?)"},
		{"too large", strings.Repeat("# Kommentar\n", DefaultMaxBytes/12+1), "p.yaml: Projektdatei zu groß: 1048584 Bytes, höchstens 1048576 Bytes erlaubt"},
		{"empty", "", "p.yaml: die Datei ist leer"},
		{"only comments", "# nichts\n", "p.yaml: die Datei ist leer"},
		{"null document", "~\n", "p.yaml: die Datei enthält keine Daten"},
		{"two documents", minimal + "---\na: 1\n", "p.yaml:27:1: mehr als ein YAML-Dokument; eine Projektdatei enthält genau eines"},
		{"syntax", "vorhaben: [\n", "p.yaml:1:11: YAML-Syntaxfehler: nicht geschlossene Klammer – zu „[“ fehlt „]“ bis zum Ende der Datei\n    1 | vorhaben: [\n      |           ^"},
		{"tab indentation", "vorhaben:\n\ttitel: x\n", "p.yaml:2:1: YAML-Syntaxfehler: Tabulator in der Einrückung – YAML rückt nur mit Leerzeichen ein; den Tabulator durch Leerzeichen ersetzen\n    2 | →titel: x\n      | ^"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := strings.Join(decodeErrs(t, tt.src), "\n")
			if got != tt.want {
				t.Errorf("got\n  %s\nwant\n  %s", got, tt.want)
			}
		})
	}
}

func TestManyErrorsAreCapped(t *testing.T) {
	t.Parallel()
	src := minimal + strings.Repeat("x: 1\n", 0)
	var b strings.Builder
	b.WriteString(src)
	for i := 0; i < 150; i++ {
		b.WriteString("unbekannt" + strings.Repeat("x", i) + ": 1\n")
	}
	got := decodeErrs(t, b.String())
	if len(got) != maxErrors+1 {
		t.Fatalf("got %d lines, want %d", len(got), maxErrors+1)
	}
	if !strings.Contains(got[maxErrors], "… und 50 weitere Fehler") {
		t.Errorf("last line = %q", got[maxErrors])
	}
}

func TestCausesAreVisibleToErrorsIs(t *testing.T) {
	t.Parallel()
	_, err := Decode("p.yaml", []byte(strings.Repeat("#\n", DefaultMaxBytes)), ref)
	if !errors.Is(err, ErrTooLarge) || !errors.Is(err, ErrInvalid) {
		t.Errorf("errors.Is(ErrTooLarge/ErrInvalid) false for %v", err)
	}
	deep := strings.Repeat("[", maxDepth+5) + strings.Repeat("]", maxDepth+5) + "\n"
	_, err = Decode("p.yaml", []byte(deep), ref)
	if !errors.Is(err, ErrHostile) || !strings.Contains(err.Error(), "Ebenen verschachtelt") {
		t.Errorf("deep nesting: %v", err)
	}
}

func TestHugeTotalsAreRefusedByValidation(t *testing.T) {
	t.Parallel()
	// each amount is allowed, the sum over years is not
	// nine positions of almost 10^13 cents over twelve years: > 10^15
	var b strings.Builder
	for i := range 9 {
		fmt.Fprintf(&b, "    - {id: p%d, art: betrieb, bezeichnung: B, betrag: \"99999999999.99\", turnus: jaehrlich, jahre: [2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036, 2037, 2038]}\n", i)
	}
	src := strings.Replace(minimal, "    - {id: betrieb, art: betrieb, bezeichnung: Betrieb, betrag: \"480000.00\", turnus: jaehrlich, jahre: [2027, 2028]}\n", b.String(), 1)
	got := decodeErrs(t, src)
	if len(got) != 1 || !strings.Contains(got[0], "kosten.positionen[8].betrag: die Summe aller Posten überschreitet") {
		t.Errorf("got %v", got)
	}
}

func TestForbiddenCharactersInTexts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, titel, want string
	}{
		{"bell", `"A\aB"`, "Steuerzeichen U+0007 an Stelle 2"},
		{"carriage return", `"A\rB"`, "Steuerzeichen U+000D an Stelle 2"},
		{"delete", `"AB\x7f"`, "Steuerzeichen U+007F an Stelle 3"},
		{"C1", `"\u0085"`, "Steuerzeichen U+0085 an Stelle 1"},
		{"right-to-left override", `"Betrag \u202e00,01"`, "Steuerzeichen für die Schreibrichtung U+202E an Stelle 8"},
		{"isolate", `"\u2067x\u2069"`, "Steuerzeichen für die Schreibrichtung U+2067 an Stelle 1"},
		{"word joiner", `"Wohn\u2060geld"`, "Unsichtbares Formatzeichen U+2060 an Stelle 5"},
		{"byte order mark", `"\ufeffWohngeld"`, "Unsichtbares Formatzeichen U+FEFF an Stelle 1"},
		{"allowed: tab, newline, no-break space, emoji, zero-width space", `"a\tb\nc\u00a0d 😀 e\u200bf"`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			src := strings.Replace(minimal, `titel: "Nachnutzung „Wohngeld“"`, "titel: "+tt.titel, 1)
			got := strings.Join(decodeErrs(t, src), "\n")
			if tt.want == "" {
				if got != "" {
					t.Errorf("want no error, got %s", got)
				}
				return
			}
			if !strings.HasPrefix(got, "p.yaml:2:10: vorhaben.titel: "+tt.want) {
				t.Errorf("got %q, want prefix %q", got, "p.yaml:2:10: vorhaben.titel: "+tt.want)
			}
		})
	}
}

// TestLeitwegCheckDigits: the worked example of the KoSIT format
// specification (04011000-1234512345 → 06), letters in either case, and
// the refusal of other characters.
func TestLeitwegCheckDigits(t *testing.T) {
	t.Parallel()
	tests := []struct {
		base, want string
		ok         bool
	}{
		{"04011000-1234512345", "06", true},
		{"05315-12345678", "02", true},
		{"13-0042RECHNUNG", "25", true},
		{"13-0042rechnung", "25", true},
		{"991-33333TEST", "", true}, // computed below: the full id must give remainder 1
		{"04011000-12345_12345", "", false},
	}
	for _, tt := range tests {
		got, ok := LeitwegCheckDigits(tt.base)
		if ok != tt.ok || tt.want != "" && got != tt.want {
			t.Errorf("LeitwegCheckDigits(%q) = %q, %t; want %q, %t", tt.base, got, ok, tt.want, tt.ok)
		}
		if ok && !mod97IsOne(tt.base+got) {
			t.Errorf("%s-%s does not give remainder 1 modulo 97", tt.base, got)
		}
	}
}

// mod97IsOne is the validation rule of ISO/IEC 7064 MOD 97-10 written
// with math/big, independently of LeitwegCheckDigits.
func mod97IsOne(id string) bool {
	var digits strings.Builder
	for _, r := range strings.ToUpper(strings.ReplaceAll(id, "-", "")) {
		if r >= 'A' && r <= 'Z' {
			fmt.Fprintf(&digits, "%d", r-'A'+10)
		} else {
			digits.WriteRune(r)
		}
	}
	n, ok := new(big.Int).SetString(digits.String(), 10)
	return ok && new(big.Int).Mod(n, big.NewInt(97)).Int64() == 1
}

// TestImplausibleDates: every date of the project file must lie between
// 2000-01-01 and 2100-12-31. 0001-01-01 used to pass, and then every PDF
// failed with the renderer's "Meta.Date fehlt" and no position; a
// Vereinbarung "ab dem 1. Januar 1" was written to DOCX.
func TestImplausibleDates(t *testing.T) {
	t.Parallel()
	schedule := minimal + `projekt:
  phase: planung
  phasen:
    - {phase: initialisierung, beginn: 2025-01-06, ende: 2025-03-28}
  meilensteine:
    - {bezeichnung: Start, datum: 2026-09-30}
`
	const outside = "liegt außerhalb des plausiblen Bereichs 2000-01-01 bis 2100-12-31 – Tippfehler im Jahr?"
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"stand year 1", "stand: 2026-11-28", "stand: 0001-01-01",
			[]string{"p.yaml:4:10: vorhaben.stand: Datum 0001-01-01 " + outside}},
		{"beginn year 1", "beginn: 2027-01-01", "beginn: 0001-01-01",
			[]string{"p.yaml:14:11: vertrag.beginn: Datum 0001-01-01 " + outside}},
		{"beginn a day too early", "beginn: 2027-01-01", "beginn: 1999-12-31",
			[]string{"p.yaml:14:11: vertrag.beginn: Datum 1999-12-31 " + outside}},
		{"ende a day too late", "beginn: 2027-01-01", "beginn: 2027-01-01\n  ende: 2101-01-01",
			[]string{"p.yaml:15:9: vertrag.ende: Datum 2101-01-01 " + outside}},
		{"ende year 9999", "beginn: 2027-01-01", "beginn: 2027-01-01\n  ende: 9999-12-31",
			[]string{"p.yaml:15:9: vertrag.ende: Datum 9999-12-31 " + outside}},
		{"phase beginn", "beginn: 2025-01-06", "beginn: 0205-01-06",
			[]string{"p.yaml:29:40: projekt.phasen[0].beginn: Datum 0205-01-06 " + outside}},
		{"phase ende", "ende: 2025-03-28", "ende: 2205-03-28",
			[]string{"p.yaml:29:58: projekt.phasen[0].ende: Datum 2205-03-28 " + outside}},
		{"milestone", "datum: 2026-09-30", "datum: 1026-09-30",
			[]string{"p.yaml:31:35: projekt.meilensteine[0].datum: Datum 1026-09-30 " + outside}},
		{"bounds are inside", "stand: 2026-11-28", "stand: 2000-01-01",
			nil},
		{"upper bound is inside", "ende: 2025-03-28}", "ende: 2100-12-31}",
			nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if !strings.Contains(schedule, tt.old) {
				t.Fatalf("test setup: %q not in the project", tt.old)
			}
			got := decodeErrs(t, strings.Replace(schedule, tt.old, tt.new, 1))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

// TestFindText: the text value that makes up most of a rendered text is
// named with its data path and position; a text that is mostly other
// wording names none.
func TestFindText(t *testing.T) {
	t.Parallel()
	f, err := Decode("p.yaml", []byte(minimal), ref)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		texts []string
		path  string
		pos   Pos
		ok    bool
	}{
		{"whole value", []string{"das Ministerium für Infrastruktur und Digitales"}, "parteien[1].vertreten_durch", Pos{18, 53}, true},
		{"value with a label, line breaks", []string{"Vertreten durch:\ndas  Ministerium für\nInfrastruktur und Digitales"}, "parteien[1].vertreten_durch", Pos{18, 53}, true},
		{"longest of several cells", []string{"SH", "das Innenministerium"}, "parteien[0].vertreten_durch", Pos{17, 51}, true},
		{"mostly other wording", []string{"Betrieb der technischen Infrastruktur und vieles mehr"}, "", Pos{}, false},
		{"no value", []string{"nichts davon"}, "", Pos{}, false},
	}
	for _, tt := range tests {
		path, pos, ok := f.FindText(tt.texts...)
		if path != tt.path || pos != tt.pos || ok != tt.ok {
			t.Errorf("%s: FindText = %q, %v, %t; want %q, %v, %t", tt.name, path, pos, ok, tt.path, tt.pos, tt.ok)
		}
	}
}

// TestWindowsReservedKurztitel: the kurztitel names the output folder;
// "con" was accepted, and a folder of that name cannot be created or
// copied on Windows. Every reserved device name is refused, in any case;
// names that only begin like one are fine.
func TestWindowsReservedKurztitel(t *testing.T) {
	t.Parallel()
	for _, kt := range []string{"con", "prn", "aux", "nul", "com1", "com9", "lpt1", "lpt9", "com0", "lpt0"} {
		got := decodeErrs(t, strings.Replace(minimal, "kurztitel: wohngeld", "kurztitel: "+kt, 1))
		want := "p.yaml:3:14: vorhaben.kurztitel: „" + kt + "“ ist unter Windows ein reservierter Gerätename (CON, PRN, AUX, NUL, COM0–COM9, LPT0–LPT9) und kann keinen Ordner benennen – anderen Kurztitel wählen, z. B. „" + kt + "-vorhaben“"
		if strings.Join(got, "\n") != want {
			t.Errorf("kurztitel %s:\n got %q\nwant %q", kt, got, want)
		}
	}
	for _, kt := range []string{"con-vorhaben", "console", "com10", "lpt", "nul2x", "auxilium", "wohngeld-con"} {
		if got := decodeErrs(t, strings.Replace(minimal, "kurztitel: wohngeld", "kurztitel: "+kt, 1)); got != nil {
			t.Errorf("kurztitel %s refused: %v", kt, got)
		}
	}
}

// TestWindowsReserved covers the rule beyond what a kurztitel can hold:
// upper and mixed case, extensions, trailing dots and spaces, the
// superscript digits and the console names.
func TestWindowsReserved(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"CON", "Con", "con.txt", "NUL.tar.gz", "aux.", "prn ", "COM1.yaml", "lpt5", "COM¹", "lpt³.docx", "CONIN$", "conout$"} {
		if !windowsReserved(name) {
			t.Errorf("windowsReserved(%q) = false", name)
		}
	}
	for _, name := range []string{"", "c", "cons", "com", "com10", "lpt12", "xcon", "con-x", "com1x", "a.con", "CLOCK$"} {
		if windowsReserved(name) {
			t.Errorf("windowsReserved(%q) = true", name)
		}
	}
}

// TestYAMLTags: a value tagged !!binary was taken as its base64 text, a
// custom tag (!foo, !!python/object) was ignored. Only the standard tags
// of the core schema are accepted, explicit or implicit.
func TestYAMLTags(t *testing.T) {
	t.Parallel()
	const allowed = "erlaubt sind nur !!str, !!int, !!float, !!bool, !!null, !!timestamp, !!map und !!seq – Tag entfernen"
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"binary", "online_dienst: Wohngeld online", "online_dienst: !!binary V29obmdlbGQ=",
			[]string{"p.yaml:7:18: leistung.online_dienst: YAML-Tag „!!binary“ wird nicht unterstützt; " + allowed}},
		{"binary block", "online_dienst: Wohngeld online", "online_dienst: !!binary |\n    V29obmdlbGQ=",
			[]string{"p.yaml:7:18: leistung.online_dienst: YAML-Tag „!!binary“ wird nicht unterstützt; " + allowed}},
		{"custom tag", "form: ring", "form: !vertrag ring",
			[]string{"p.yaml:13:9: vertrag.form: YAML-Tag „!vertrag“ wird nicht unterstützt; " + allowed}},
		{"verbatim custom tag", "form: ring", "form: !<!vertrag> ring",
			[]string{"p.yaml:13:9: vertrag.form: YAML-Tag „!vertrag“ wird nicht unterstützt; " + allowed}},
		{"python object", "kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: !!python/object 12",
			[]string{"p.yaml:15:28: vertrag.kuendigungsfrist_monate: YAML-Tag „!!python/object“ wird nicht unterstützt; " + allowed}},
		{"set", "  form: ring\n", "  form: ring\n  fit_store: !!set {a: null}\n",
			[]string{"p.yaml:14:14: vertrag.fit_store: YAML-Tag „!!set“ wird nicht unterstützt; " + allowed}},
		{"omap in a list", `leika: ["99107023000000"]`, `leika: !!omap [{a: 1}]`,
			[]string{"p.yaml:9:10: leistung.leika: YAML-Tag „!!omap“ wird nicht unterstützt; " + allowed}},
		{"tagged key", "  kurztitel: wohngeld\n", "  !!binary a3VyenRpdGVs: wohngeld\n",
			[]string{
				"p.yaml:2:3: vorhaben.kurztitel: Pflichtfeld „kurztitel“ fehlt in „vorhaben“",
				"p.yaml:3:3: vorhaben: YAML-Tag „!!binary“ wird nicht unterstützt; " + allowed,
			}},
		{"value per Land", "{gewicht: 100, art: koenigstein, jahr: 2016}", "{gewicht: 100, art: nutzung, werte: {SH: !!binary MQ==, ST: 2}}",
			[]string{"p.yaml:25:48: verteilung.schluessel[0].werte.SH: YAML-Tag „!!binary“ wird nicht unterstützt; " + allowed}},
		{"standard tags explicitly", "  version: 1.0\n", "  version: !!str 1.0\n", nil},
		{"int and timestamp explicitly", "kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: !!int 12", nil},
		{"timestamp explicitly", "beginn: 2027-01-01", "beginn: !!timestamp 2027-01-01", nil},
		{"map and seq explicitly", `leika: ["99107023000000"]`, `leika: !!seq ["99107023000000"]`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if !strings.Contains(minimal, tt.old) {
				t.Fatalf("test setup: %q not in minimal", tt.old)
			}
			got := decodeErrs(t, strings.Replace(minimal, tt.old, tt.new, 1))
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}
