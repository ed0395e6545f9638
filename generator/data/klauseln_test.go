package data

import (
	"strings"
	"testing"
)

// TestClauseDataErrors covers the data of the standard clauses: every
// mistake is reported with position and data path.
func TestClauseDataErrors(t *testing.T) {
	t.Parallel()
	const after = "  kuendigungsfrist_monate: 12\n"
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"all keys valid", after, after + `  umsatzsteuer: offen
  unterzeichnung: {form: elektronisch, inkrafttreten: 2026-12-15}
  weiterbetrieb_monate: 6
`, nil},
		{"bad tax flag", after, after + "  umsatzsteuer: steuerfrei\n",
			[]string{"p.yaml:16:17: vertrag.umsatzsteuer: ungültiger Wert „steuerfrei“ (erlaubt: nicht_steuerbar, steuerbar, offen)"}},
		{"extension without end", after, after + "  verlaengerung: {art: automatisch}\n",
			[]string{"p.yaml:16:18: vertrag.verlaengerung: „verlaengerung“ gilt nur für eine befristete Vereinbarung (mit „ende“); eine unbefristete endet durch Kündigung"}},
		{"extension with end", after, after + "  ende: 2029-12-31\n  verlaengerung: {art: erklaerung, jahre: 2}\n", nil},
		{"extension of eleven years", after, after + "  ende: 2029-12-31\n  verlaengerung: {art: automatisch, jahre: 11}\n",
			[]string{"p.yaml:17:44: vertrag.verlaengerung.jahre: 11 liegt außerhalb des erlaubten Bereichs 1 bis 10"}},
		{"entry into force after start", after, after + "  unterzeichnung: {inkrafttreten: 2027-02-01}\n",
			[]string{"p.yaml:16:35: vertrag.unterzeichnung.inkrafttreten: Inkrafttreten 2027-02-01 liegt nach dem Beginn 2027-01-01; die Zusammenarbeit kann nicht vor dem Inkrafttreten beginnen – „beginn“ anpassen"}},
		{"continued operation too long", after, after + "  weiterbetrieb_monate: 37\n",
			[]string{"p.yaml:16:25: vertrag.weiterbetrieb_monate: 37 liegt außerhalb des erlaubten Bereichs 0 bis 36"}},
		{"availability in German notation", "  nachnutzungsmodell: efa\n", "  nachnutzungsmodell: efa\n  betrieb: {verfuegbarkeit: \"99,5\"}\n",
			[]string{"p.yaml:12:29: leistung.betrieb.verfuegbarkeit: Verfügbarkeit „99,5“: Tausendertrennzeichen und Dezimalkomma sind nicht erlaubt, Dezimaltrenner ist der Punkt – meinten Sie „99.50“?"}},
		{"availability above 100", "  nachnutzungsmodell: efa\n", "  nachnutzungsmodell: efa\n  betrieb: {verfuegbarkeit: 100.5}\n",
			[]string{"p.yaml:12:29: leistung.betrieb.verfuegbarkeit: Verfügbarkeit 100.5 liegt nicht zwischen 0 (ausschließlich) und 100"}},
		{"priority twice", "  nachnutzungsmodell: efa\n", `  nachnutzungsmodell: efa
  betrieb:
    reaktionszeiten:
      - {stufe: hoch, reaktion_minuten: 60}
      - {stufe: hoch, reaktion_minuten: 120}
`, []string{"p.yaml:15:17: leistung.betrieb.reaktionszeiten[1].stufe: Störungsstufe „hoch“ ist doppelt (auch leistung.betrieb.reaktionszeiten[0])"}},
		{"urgent slower than less urgent", "  nachnutzungsmodell: efa\n", `  nachnutzungsmodell: efa
  betrieb:
    reaktionszeiten:
      - {stufe: niedrig, reaktion_minuten: 60}
      - {stufe: kritisch, reaktion_minuten: 240, wiederherstellung_minuten: 120}
`, []string{
			"p.yaml:15:45: leistung.betrieb.reaktionszeiten[1].reaktion_minuten: Stufe „kritisch“ hat mit 240 Minuten eine längere Reaktionszeit als die weniger dringende Stufe „niedrig“ (60 Minuten)",
			"p.yaml:15:77: leistung.betrieb.reaktionszeiten[1].wiederherstellung_minuten: Wiederherstellung nach 120 Minuten liegt vor der Reaktion nach 240 Minuten",
		}},
		{"provider named twice", "  nachnutzungsmodell: efa\n", `  nachnutzungsmodell: efa
  betrieb:
    betreiber: {name: Dataport AöR, anschrift: Altenholz}
    unterauftragnehmer:
      - {name: Dataport AöR, anschrift: Altenholz, leistung: Rechenzentrum}
`, []string{"p.yaml:15:16: leistung.betrieb.unterauftragnehmer[0].name: „Dataport AöR“ ist bereits genannt (leistung.betrieb.betreiber)"}},
		{"sub-processor without service", "  nachnutzungsmodell: efa\n", `  nachnutzungsmodell: efa
  betrieb:
    unterauftragnehmer:
      - {name: Rechenzentrum GmbH, anschrift: Kiel}
`, []string{"p.yaml:14:9: leistung.betrieb.unterauftragnehmer[0].leistung: Pflichtfeld „leistung“ fehlt in „leistung.betrieb.unterauftragnehmer[0]“"}},
		{"data protection without role", "kosten:\n", "datenschutz: {meldefrist_stunden: 12}\nkosten:\n",
			[]string{"p.yaml:19:14: datenschutz.rolle: Pflichtfeld „rolle“ fehlt in „datenschutz“"}},
		{"reporting deadline above 24 hours", "kosten:\n", "datenschutz: {rolle: auftragsverarbeitung, meldefrist_stunden: 48}\nkosten:\n",
			[]string{"p.yaml:19:64: datenschutz.meldefrist_stunden: 48 liegt außerhalb des erlaubten Bereichs 1 bis 24"}},
		{"contact point with processing", "kosten:\n", "datenschutz: {rolle: auftragsverarbeitung, anlaufstelle: Datenschutzbeauftragte}\nkosten:\n",
			[]string{"p.yaml:19:58: datenschutz.anlaufstelle: eine Anlaufstelle für betroffene Personen regelt Art. 26 DSGVO für gemeinsam Verantwortliche; bei „rolle: auftragsverarbeitung“ ist jede zuständige Stelle selbst Anlaufstelle – „anlaufstelle“ weglassen"}},
		{"empty data category", "kosten:\n", "datenschutz: {rolle: gemeinsame_verantwortung, datenarten: [\" \"]}\nkosten:\n",
			[]string{"p.yaml:19:61: datenschutz.datenarten[0]: darf nicht leer sein"}},
		{"unknown security standard", "kosten:\n", "informationssicherheit: {standard: bsi}\nkosten:\n",
			[]string{"p.yaml:19:36: informationssicherheit.standard: ungültiger Wert „bsi“ (erlaubt: it_grundschutz, iso27001_grundschutz, iso27001)"}},
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

// TestClauseDataDecodes reads every key of the standard clauses into its
// field.
func TestClauseDataDecodes(t *testing.T) {
	t.Parallel()
	src := strings.Replace(minimal, "  nachnutzungsmodell: efa\n", `  nachnutzungsmodell: efa
  betrieb:
    betreiber: {name: IT.NRW, anschrift: Düsseldorf, landesbetrieb: true}
    verfuegbarkeit: "99.5"
    messzeitraum: quartal
    reaktionszeiten: [{stufe: kritisch, reaktion_minuten: 30, wiederherstellung_minuten: 240}]
`, 1)
	src = strings.Replace(src, "  kuendigungsfrist_monate: 12\n", "  kuendigungsfrist_monate: 12\n  ende: 2030-12-31\n  verlaengerung: {art: keine}\n  weiterbetrieb_monate: 0\n", 1)
	src = strings.Replace(src, "kosten:\n", "datenschutz: {rolle: gemeinsame_verantwortung, meldefrist_stunden: 6}\ninformationssicherheit: {standard: iso27001}\nkosten:\n", 1)
	f, err := Decode("p.yaml", []byte(src), ref)
	if err != nil {
		t.Fatal(err)
	}
	p := f.Projekt
	b := p.Leistung.Betrieb
	switch {
	case b == nil || b.Betreiber == nil || !b.Betreiber.Landesbetrieb:
		t.Errorf("betreiber = %+v", b)
	case b.Verfuegbarkeit.Hundertstel != 9950 || b.Messzeitraum != "quartal":
		t.Errorf("verfuegbarkeit = %+v, messzeitraum = %q", b.Verfuegbarkeit, b.Messzeitraum)
	case len(b.Reaktionszeiten) != 1 || b.Reaktionszeiten[0].WiederherstellungMinuten != 240:
		t.Errorf("reaktionszeiten = %+v", b.Reaktionszeiten)
	}
	if v := p.Vertrag; v.Verlaengerung == nil || v.Verlaengerung.Art != "keine" || v.WeiterbetriebMonate == nil || *v.WeiterbetriebMonate != 0 {
		t.Errorf("vertrag = %+v", v)
	}
	if d := p.Datenschutz; d == nil || d.Rolle != "gemeinsame_verantwortung" || d.MeldefristStunden != 6 {
		t.Errorf("datenschutz = %+v", d)
	}
	if s := p.Informationssicherheit; s == nil || s.Standard != "iso27001" {
		t.Errorf("informationssicherheit = %+v", s)
	}
}
