package check

import (
	"fmt"
	"strings"

	"github.com/vereinbar/vereinbar/generator/refdata"
)

func checkStarReason(c *ctx) {
	v := c.in.Project.File.Projekt.Vertrag
	if v.Form == "stern" && strings.TrimSpace(v.Begruendung) == "" {
		c.atData("vertrag.form", "die Sternstruktur braucht eine Begründung („vertrag.begruendung“); die Ringstruktur ist für EfA klar vorzugswürdig")
	}
}

// callsOff reports whether the project has FIT-Store call-off forms.
func (c *ctx) callsOff() bool {
	v := c.in.Project.File.Projekt.Vertrag
	return v.Form == "fit-store" || v.Form == "stern" && v.FITStore != nil
}

// noValue lists what a form prints for a missing value.
var noValue = map[string]bool{"": true, "–": true, "-": true, "nicht angegeben": true, "entfällt": true}

func checkNoMunicipalCallOff(c *ctx) {
	if c.in.Kind == KindData {
		if !c.callsOff() {
			return
		}
		for i, p := range c.in.Project.File.Projekt.Parteien {
			if p.Rolle == "nachnutzend" && p.Kommune != "" {
				c.atData(fmt.Sprintf("parteien[%d].kommune", i), "„%s“ ist eine Kommune und kann nicht aus dem FIT-Store abrufen; abrufen kann nur %s, das den Dienst unentgeltlich weitergibt", p.Kommune, partyNominativ(string(p.Land)))
			}
		}
		return
	}
	if c.in.Project != nil {
		return // judged on the project data
	}
	sec := c.find(clAbrufendes)
	if sec == nil {
		return
	}
	for _, b := range sec.Blocks {
		for _, t := range tablesIn(b) {
			for _, r := range t.Rows {
				cells := cellTexts(r)
				if len(cells) < 2 {
					continue
				}
				label, value := cells[0], cells[1]
				switch {
				case strings.HasPrefix(label, "Kommune") && !noValue[value]:
					c.atBlock(t, "„%s“ ist eine Kommune und kann nicht aus dem FIT-Store abrufen; abrufen kann nur das Land", value)
				case label == "Land" || label == "Abrufendes Land":
					if p, ok := c.party(value); !ok && !noValue[value] {
						c.atBlock(t, "„%s“ ist weder ein Land noch der Bund; aus dem FIT-Store rufen nur die Träger der FITKO ab", value)
					} else if ok && !p.IstLand && p.Code != refdata.BundCode {
						c.atBlock(t, "„%s“ kann nicht aus dem FIT-Store abrufen", value)
					}
				}
			}
		}
	}
}

func partyNominativ(code string) string {
	if p, ok := refdata.PartyByCode(code); ok {
		return p.Nominativ
	}
	return code
}

func checkMunicipalFree(c *ctx) {
	pr := c.in.Project.File.Projekt
	if pr.Vertrag.Form == "fit-store" {
		return
	}
	for i, p := range pr.Parteien {
		// A Kommune among the FIT-Store callers is REGEL-002's error.
		if p.Kommune == "" || c.callsOff() && p.Rolle == "nachnutzend" {
			continue
		}
		for _, r := range c.in.Project.Costs.Parties {
			if r.Code == string(p.Land) && r.TotalCents > 0 {
				c.atData(fmt.Sprintf("parteien[%d].kommune", i), "die Kommune „%s“ trägt Kosten; nach den Kieler Beschlüssen wird der Dienst Kommunen unentgeltlich überlassen (Vergaberecht nach § 103 GWB prüfen)", p.Kommune)
			}
		}
	}
}

// stimulusEnd is the last year Konjunkturprogramm money may be spent in.
const stimulusEnd = 2022

func checkStimulusYears(c *ctx) {
	for i, p := range c.in.Project.File.Projekt.Kosten.Positionen {
		if p.FinanziertDurch != "konjunkturprogramm" {
			continue
		}
		path := fmt.Sprintf("kosten.positionen[%d]", i)
		if p.Jahr > stimulusEnd {
			c.atData(path+".jahr", "Mittel des Konjunkturprogramms gibt es nur bis zum 31.12.2022, der Posten „%s“ fällt in %d", p.Bezeichnung, p.Jahr)
		}
		for j, y := range p.Jahre {
			if y > stimulusEnd {
				c.atData(fmt.Sprintf("%s.jahre[%d]", path, j), "Mittel des Konjunkturprogramms gibt es nur bis zum 31.12.2022, der Posten „%s“ fällt auch in %d", p.Bezeichnung, y)
				break
			}
		}
	}
}

// minCentralMaturity is the maturity a service needs before it is used
// centrally developed and run locally (OZG-conform from level 3).
const minCentralMaturity = 3

func checkCentralMaturity(c *ctx) {
	l := c.in.Project.File.Projekt.Leistung
	if l.Nachnutzungsmodell != "zentral_entwickelt_dezentral_betrieben" {
		return
	}
	switch {
	case l.Reifegrad == nil:
		c.atData("leistung.nachnutzungsmodell", "„zentral entwickelt, dezentral betrieben“ setzt Reifegrad %d voraus; „leistung.reifegrad“ fehlt", minCentralMaturity)
	case l.Reifegrad.Ist < minCentralMaturity:
		c.atData("leistung.reifegrad.ist", "„zentral entwickelt, dezentral betrieben“ setzt Reifegrad %d voraus, der Dienst hat Reifegrad %d", minCentralMaturity, l.Reifegrad.Ist)
	}
}

// minReusers is how many Länder an EfA service is meant for.
const minReusers = 8

func checkEightLaender(c *ctx) {
	pr := c.in.Project.File.Projekt
	if pr.Leistung.Nachnutzungsmodell != "efa" {
		return
	}
	n := 0
	for _, p := range pr.Parteien {
		if p.Rolle == "nachnutzend" && refdata.IsLand(string(p.Land)) {
			n++
		}
	}
	if n < minReusers {
		c.atData("parteien", "%d nachnutzende Länder; EfA-Dienste sollen von mindestens %d Ländern nachgenutzt werden", n, minReusers)
	}
}

func checkOwnDevelopmentReason(c *ctx) {
	l := c.in.Project.File.Projekt.Leistung
	if l.Nachnutzungsmodell == "fim_eigenentwicklung" && strings.TrimSpace(l.Begruendung) == "" {
		c.atData("leistung.nachnutzungsmodell", "eine FIM-basierte Eigenentwicklung statt einer Nachnutzung braucht eine Begründung („leistung.begruendung“: faktische, rechtliche, wirtschaftliche oder geografische Unmöglichkeit)")
	}
}

func checkSteeringUnanimity(c *ctx) {
	sec := c.find(clSteuerung)
	if sec == nil {
		return // STRUKTUR-005
	}
	text := strings.ToLower(sectionBody(sec))
	var missing []string
	if !strings.Contains(text, "einstimmig") && !strings.Contains(text, "einigung") {
		missing = append(missing, "dass der Schlüssel nur einvernehmlich geändert wird")
	}
	if !strings.Contains(text, "inanspruchnahme") {
		missing = append(missing, "dass ohne Einstimmigkeit nach der Inanspruchnahme verteilt wird")
	}
	if len(missing) > 0 {
		c.atBlock(sec, "die Klausel sagt nicht, %s", strings.Join(missing, ", und nicht, "))
	}
}

func checkKeyResolution(c *ctx) {
	pr := c.in.Project.File.Projekt
	if pr.Vertrag.Form != "fit-store" && strings.TrimSpace(pr.Verteilung.Festgelegt) == "" {
		c.atData("verteilung", "der Beschluss des Steuerungsgremiums, der den Schlüssel festlegt, ist nicht angegeben („verteilung.festgelegt_durch“)")
	}
}
