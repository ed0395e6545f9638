package check

import (
	"fmt"
	"strings"

	"github.com/vereinbar/vereinbar/generator/data"
)

// Sources of the rules on the signing round.
const (
	srcUmlauf = "CLAUSES.md: Ausfertigungen, Inkrafttreten (Umlaufverfahren); § 126 Abs. 2, § 126a BGB"
)

// agreementRounds returns the signing round of every agreement of the
// project, with the Land of a star agreement ("" for the ring agreement);
// none for form fit-store.
func agreementRounds(pr *data.Projekt) (partners []string, rounds []data.Umlauf) {
	switch pr.Vertrag.Form {
	case "ring":
		return []string{""}, []data.Umlauf{pr.Umlauf("")}
	case "stern":
		for _, i := range pr.Order() {
			pt := pr.Parteien[i]
			if pt.Rolle == "nachnutzend" && !pr.CallsOff(pt) {
				partners = append(partners, string(pt.Land))
				rounds = append(rounds, pr.Umlauf(string(pt.Land)))
			}
		}
	}
	return partners, rounds
}

// agreementName names an agreement in a message.
func agreementName(partner string) string {
	if partner == "" {
		return "die Vereinbarung"
	}
	return "die Vereinbarung mit " + partner
}

// checkInForceSigned: an agreement marked in force
// (vertrag.unterzeichnung.in_kraft) has every party's signature; an
// agreement is concluded only when all parties have signed (§ 126 Abs. 2
// BGB), and the clause lets it enter into force no earlier than the last
// signature.
func checkInForceSigned(c *ctx) {
	pr := &c.in.Project.File.Projekt
	if u := pr.Vertrag.Unterzeichnung; u == nil || !u.InKraft {
		return
	}
	partners, rounds := agreementRounds(pr)
	for k, u := range rounds {
		if len(u.Missing) == 0 {
			continue
		}
		missing := make([]string, len(u.Missing))
		for j, i := range u.Missing {
			missing[j] = string(pr.Parteien[i].Land)
		}
		c.atData("vertrag.unterzeichnung.in_kraft", "%s ist als in Kraft getreten eingetragen, aber es fehlt die Unterschrift von %s; eine Vereinbarung tritt erst mit der letzten Unterschrift in Kraft – „unterschrift“ eintragen oder „in_kraft“ entfernen",
			agreementName(partners[k]), strings.Join(missing, ", "))
	}
}

// checkSigningOrder: the signatures follow the circulation order of the
// clause, each dated no earlier than the previous one. Only a warning:
// the agreement is concluded once all have signed, whatever the order,
// but a date out of order is most often a typo in the project file or a
// round that did not go as agreed, and the reviewer should look.
func checkSigningOrder(c *ctx) {
	pr := &c.in.Project.File.Projekt
	partners, rounds := agreementRounds(pr)
	for k, u := range rounds {
		prev := -1
		for _, i := range u.Parteien {
			s := pr.Parteien[i].Unterschrift
			path := fmt.Sprintf("parteien[%d].unterschrift", i)
			switch {
			case s == nil:
				continue
			case prev >= 0 && s.Datum.Time().Before(pr.Parteien[prev].Unterschrift.Datum.Time()):
				c.atData(path+".datum", "%s hat %s am %s unterschrieben, vor %s (%s), das im Umlauf vorher unterschreibt",
					pr.Parteien[i].Land, agreementName(partners[k]), s.Datum, pr.Parteien[prev].Land, pr.Parteien[prev].Unterschrift.Datum)
			default:
				if before := missingBefore(pr, u, i); before != "" {
					c.atData(path, "%s hat %s unterschrieben, bevor %s unterschrieben hat, das im Umlauf vorher an der Reihe ist", pr.Parteien[i].Land, agreementName(partners[k]), before)
				}
			}
			prev = i
		}
	}
}

// missingBefore names the first party before party i in the circulation
// order that has not signed; "" when all before it have.
func missingBefore(pr *data.Projekt, u data.Umlauf, i int) string {
	for _, j := range u.Parteien {
		if j == i {
			return ""
		}
		if pr.Parteien[j].Unterschrift == nil {
			return string(pr.Parteien[j].Land)
		}
	}
	return ""
}
