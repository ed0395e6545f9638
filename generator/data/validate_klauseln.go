package data

import (
	"fmt"
	"slices"
	"strings"
)

// klauseln checks the data of the standard clauses: signature and entry
// into force, extension, service levels and data protection.
func (v *validator) klauseln() {
	c := &v.f.Projekt.Vertrag
	if c.Verlaengerung != nil && c.Ende == nil && !v.f.failedUnder("vertrag.verlaengerung") {
		v.add("vertrag.verlaengerung", "„verlaengerung“ gilt nur für eine befristete Vereinbarung (mit „ende“); eine unbefristete endet durch Kündigung")
	}
	if u := c.Unterzeichnung; u != nil && u.Inkrafttreten != nil && !u.Inkrafttreten.IsZero() && !c.Beginn.IsZero() &&
		u.Inkrafttreten.Time().After(c.Beginn.Time()) {
		v.add("vertrag.unterzeichnung.inkrafttreten", "Inkrafttreten %s liegt nach dem Beginn %s; die Zusammenarbeit kann nicht vor dem Inkrafttreten beginnen – „beginn“ anpassen", u.Inkrafttreten, c.Beginn)
	}
	if b := v.f.Projekt.Leistung.Betrieb; b != nil {
		v.betrieb(b)
	}
	if d := v.f.Projekt.Datenschutz; d != nil {
		if d.Anlaufstelle != "" && d.Rolle == "auftragsverarbeitung" {
			v.add("datenschutz.anlaufstelle", "eine Anlaufstelle für betroffene Personen regelt Art. 26 DSGVO für gemeinsam Verantwortliche; bei „rolle: auftragsverarbeitung“ ist jede zuständige Stelle selbst Anlaufstelle – „anlaufstelle“ weglassen")
		}
		v.nonEmpty("datenschutz.datenarten", d.Datenarten)
		v.nonEmpty("datenschutz.betroffene", d.Betroffene)
	}
}

// betrieb checks the service levels: each incident priority once, a more
// urgent priority never slower than a less urgent one, restoration not
// before response, each provider named once.
func (v *validator) betrieb(b *Betrieb) {
	seen := map[string]int{}
	for i, r := range b.Reaktionszeiten {
		path := fmt.Sprintf("leistung.betrieb.reaktionszeiten[%d]", i)
		if v.f.failedUnder(path) {
			continue
		}
		if j, dup := seen[r.Stufe]; dup {
			v.add(path+".stufe", "Störungsstufe „%s“ ist doppelt (auch leistung.betrieb.reaktionszeiten[%d])", r.Stufe, j)
			continue
		}
		seen[r.Stufe] = i
		if r.WiederherstellungMinuten != 0 && r.WiederherstellungMinuten < r.ReaktionMinuten {
			v.add(path+".wiederherstellung_minuten", "Wiederherstellung nach %d Minuten liegt vor der Reaktion nach %d Minuten", r.WiederherstellungMinuten, r.ReaktionMinuten)
		}
	}
	// compare every pair of distinct priorities in their order of urgency
	for i, a := range b.Reaktionszeiten {
		for j, c := range b.Reaktionszeiten {
			ra, rc := slices.Index(Stoerungsstufen, a.Stufe), slices.Index(Stoerungsstufen, c.Stufe)
			if ra < 0 || rc < 0 || ra >= rc || seen[a.Stufe] != i || seen[c.Stufe] != j {
				continue
			}
			if a.ReaktionMinuten > c.ReaktionMinuten {
				v.add(fmt.Sprintf("leistung.betrieb.reaktionszeiten[%d].reaktion_minuten", i),
					"Stufe „%s“ hat mit %d Minuten eine längere Reaktionszeit als die weniger dringende Stufe „%s“ (%d Minuten)", a.Stufe, a.ReaktionMinuten, c.Stufe, c.ReaktionMinuten)
			}
		}
	}
	names := map[string]string{}
	if b.Betreiber != nil && b.Betreiber.Name != "" {
		names[strings.TrimSpace(b.Betreiber.Name)] = "leistung.betrieb.betreiber"
	}
	for i, u := range b.Unterauftragnehmer {
		path := fmt.Sprintf("leistung.betrieb.unterauftragnehmer[%d].name", i)
		n := strings.TrimSpace(u.Name)
		if n == "" {
			continue
		}
		if other, dup := names[n]; dup {
			v.add(path, "„%s“ ist bereits genannt (%s)", u.Name, other)
			continue
		}
		names[n] = fmt.Sprintf("leistung.betrieb.unterauftragnehmer[%d]", i)
	}
}

// nonEmpty reports empty entries of a list of texts.
func (v *validator) nonEmpty(path string, list []string) {
	for i, s := range list {
		p := fmt.Sprintf("%s[%d]", path, i)
		if strings.TrimSpace(s) == "" && !v.f.failed[p] {
			v.add(p, "darf nicht leer sein")
		}
	}
}
