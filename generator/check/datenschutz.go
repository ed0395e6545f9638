package check

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/vereinbar/vereinbar/generator/model"
)

// Data protection decided, not hedged: the agreement names one role
// (processing on behalf, Art. 28 DSGVO, or joint control, Art. 26 DSGVO),
// carries the matching annex with its mandatory contents, and sets a
// deadline for reporting breaches.

// Sources of the data protection rules.
const (
	srcDatenschutz = "Art. 26, Art. 28 DSGVO; CLAUSES.md: Datenschutz"
	srcArt28       = "Art. 28 Abs. 3 DSGVO"
	srcArt26       = "Art. 26 DSGVO"
	srcArt33       = "Art. 33 DSGVO"
	srcArt26Art28  = "Art. 26, Art. 28 Abs. 3 DSGVO"
)

// The annexes of the two roles.
var (
	clAVV = cl("auftragsverarbeitung", `auftragsverarbeitung`, "Vereinbarung zur Auftragsverarbeitung")
	clGV  = cl("gemeinsame-verantwortung", `gemeinsamen? verantwortlich`, "Vereinbarung über die gemeinsame Verantwortlichkeit")
)

var (
	processorRe = regexp.MustCompile(`als auftragsverarbeiter`)
	jointRe     = regexp.MustCompile(`gemeinsam verantwortliche`)
	hedgeRe     = regexp.MustCompile(`\bsoweit [^.]*(artikel|art\.) ?(26|28)`)
)

var roleNames = map[string]string{
	"auftragsverarbeitung":     "Auftragsverarbeitung (Art. 28 DSGVO)",
	"gemeinsame_verantwortung": "gemeinsame Verantwortung (Art. 26 DSGVO)",
}

// roleOf reads the role the data protection clause decides: the role, or
// "" with the reason it decides none.
func roleOf(text string) (role, reason string) {
	av, gv := processorRe.MatchString(text), jointRe.MatchString(text)
	switch {
	case av && gv, hedgeRe.MatchString(text):
		return "", "lässt offen, ob Auftragsverarbeitung (Art. 28 DSGVO) oder gemeinsame Verantwortung (Art. 26 DSGVO) gilt"
	case av:
		return "auftragsverarbeitung", ""
	case gv:
		return "gemeinsame_verantwortung", ""
	}
	return "", "entscheidet nicht, ob das umsetzende Land Auftragsverarbeiter (Art. 28 DSGVO) oder mit den anderen gemeinsam verantwortlich (Art. 26 DSGVO) ist"
}

func checkDataRole(c *ctx) {
	sec := c.find(clDatenschutz)
	if sec == nil {
		return // STRUKTUR-009
	}
	text := lowerBody(sec)
	role, reason := roleOf(text)
	if role == "" {
		c.atBlock(sec, "die Klausel %s", reason)
		return
	}
	if pr := c.in.Project; pr != nil {
		if want := pr.File.Projekt.DatenschutzRolle(); want != role {
			c.atBlock(sec, "die Klausel regelt %s, die Projektdatei sagt „rolle: %s“", roleNames[role], want)
			return
		}
	}
	annex, other := clAVV, clGV
	if role == "gemeinsame_verantwortung" {
		annex, other = clGV, clAVV
	}
	a := c.find(annex)
	switch {
	case a == nil || a.Number == "":
		c.atBlock(sec, "die Klausel regelt %s, die Anlage „%s“ fehlt", roleNames[role], annex.name)
	case c.findAnnex(other) != nil:
		c.atBlock(c.findAnnex(other), "die Vereinbarung regelt %s und enthält doch die Anlage „%s“", roleNames[role], other.name)
	case !strings.Contains(sectionBody(sec), normText(a.Number)):
		c.atBlock(sec, "die Klausel verweist nicht auf die Anlage „%s“ (%s)", annex.name, normText(a.Number))
	}
}

// findAnnex returns the annex (a numbered "Anlage") the clause locator
// finds, or nil: a clause of the same name does not count.
func (c *ctx) findAnnex(cl clause) *model.Section {
	if a := c.find(cl); a != nil && strings.HasPrefix(normText(a.Number), "Anlage") {
		return a
	}
	return nil
}

// avvPoints are the duties of Art. 28 (3) sentence 2 a)–h) DSGVO and what
// each point must speak of.
var avvPoints = []struct {
	label string
	re    *regexp.Regexp
	name  string
}{
	{"a)", regexp.MustCompile(`weisung`), "Verarbeitung nur auf dokumentierte Weisung"},
	{"b)", regexp.MustCompile(`vertraulich`), "Vertraulichkeit"},
	{"c)", regexp.MustCompile(`artikel 32|art\. 32`), "Sicherheit nach Art. 32"},
	{"d)", regexp.MustCompile(`weiteren auftragsverarbeiter|unterauftragsverarbeiter`), "Unterauftragsverarbeiter"},
	{"e)", regexp.MustCompile(`rechte|kapitel iii`), "Unterstützung bei Betroffenenrechten"},
	{"f)", regexp.MustCompile(`32 bis 36`), "Unterstützung bei Art. 32 bis 36"},
	{"g)", regexp.MustCompile(`lösch`), "Löschung oder Rückgabe am Ende"},
	{"h)", regexp.MustCompile(`überprüfung|inspektion`), "Nachweise und Überprüfungen"},
}

// avvSubject is what Art. 28 (3) sentence 1 DSGVO requires the contract to
// set out.
var avvSubject = []struct {
	re   *regexp.Regexp
	name string
}{
	{regexp.MustCompile(`gegenstand`), "Gegenstand"},
	{regexp.MustCompile(`dauer`), "Dauer"},
	{regexp.MustCompile(`art der verarbeitung`), "Art der Verarbeitung"},
	{regexp.MustCompile(`zweck`), "Zweck"},
	{regexp.MustCompile(`arten personenbezogener daten`), "Art der Daten"},
	{regexp.MustCompile(`kategorien von personen|kategorien betroffener`), "Kategorien betroffener Personen"},
}

// listItems maps the labels of every list item in sec to their text.
func listItems(sec *model.Section) map[string]string {
	out := map[string]string{}
	_ = model.Walk(&model.Document{Blocks: sec.Blocks}, func(b model.Block, _ []*model.Section) error {
		if l, ok := b.(*model.List); ok {
			for _, it := range l.Items {
				var parts []string
				for _, ib := range it.Blocks {
					if p, ok := ib.(*model.Paragraph); ok {
						parts = append(parts, model.PlainText(p.Inlines))
					}
				}
				out[normText(it.Label)] += strings.ToLower(normText(strings.Join(parts, " ")))
			}
		}
		return nil
	})
	return out
}

func checkAVV(c *ctx) {
	annex := c.findAnnex(clAVV)
	if annex == nil {
		return // DATENSCHUTZ-001 says whether it is needed
	}
	text := lowerBody(annex)
	var missing []string
	for _, s := range avvSubject {
		if !s.re.MatchString(text) {
			missing = append(missing, s.name)
		}
	}
	items := listItems(annex)
	for _, p := range avvPoints {
		if !p.re.MatchString(items[p.label]) {
			missing = append(missing, fmt.Sprintf("Buchstabe %s (%s)", p.label, p.name))
		}
	}
	if !strings.Contains(text, "sicherheitskonzept") && !strings.Contains(text, "technischen und organisatorischen maßnahmen") {
		missing = append(missing, "die technischen und organisatorischen Maßnahmen")
	}
	missing = append(missing, c.missingProcessors(annex, text, "keine unterauftragsverarbeiter")...)
	if len(missing) > 0 {
		c.atBlock(annex, "der Anlage fehlt nach Art. 28 Abs. 3 DSGVO: %s", strings.Join(missing, ", "))
	}
}

// missingProcessors names the sub-processors of the project data that
// the annex does not list; without project data, an annex that neither
// has a table nor says that there are none.
func (c *ctx) missingProcessors(annex *model.Section, text, none string) []string {
	var missing []string
	if pr := c.in.Project; pr != nil {
		for _, u := range pr.File.Projekt.Leistung.Betrieb.Unterauftragsverarbeiter() {
			if !strings.Contains(text, strings.ToLower(normText(u.Name))) {
				missing = append(missing, fmt.Sprintf("der Auftragsverarbeiter „%s“ aus der Projektdatei", normText(u.Name)))
			}
		}
		return missing
	}
	if len(tablesIn(annex)) == 0 && !strings.Contains(text, none) && !strings.Contains(text, "kein auftragsverarbeiter") {
		missing = append(missing, "die Liste der Auftragsverarbeiter")
	}
	return missing
}

// gvEssentials are what an arrangement under Art. 26 DSGVO must settle.
var gvEssentials = []struct {
	re   *regexp.Regexp
	name string
}{
	{regexp.MustCompile(`artikel 13 und 14|art\. 13`), "wer die Informationspflichten nach Art. 13 und 14 erfüllt"},
	{regexp.MustCompile(`artikel 15 bis 22|rechte der betroffenen`), "wer die Rechte der betroffenen Personen erfüllt"},
	{regexp.MustCompile(`artikel 33|art\. 33`), "wer Verletzungen meldet (Art. 33)"},
	{regexp.MustCompile(`anlaufstelle`), "die Anlaufstelle für betroffene Personen"},
	{regexp.MustCompile(`das wesentliche`), "dass das Wesentliche den betroffenen Personen zur Verfügung gestellt wird (Art. 26 Abs. 2)"},
}

func checkJointControl(c *ctx) {
	annex := c.findAnnex(clGV)
	if annex == nil {
		return // DATENSCHUTZ-001 says whether it is needed
	}
	text := lowerBody(annex)
	var missing []string
	for _, e := range gvEssentials {
		if !e.re.MatchString(text) {
			missing = append(missing, e.name)
		}
	}
	if pr := c.in.Project; pr != nil {
		if d := pr.File.Projekt.Datenschutz; d != nil && d.Anlaufstelle != "" && !strings.Contains(text, strings.ToLower(normText(d.Anlaufstelle))) {
			missing = append(missing, fmt.Sprintf("die Anlaufstelle aus der Projektdatei („%s“)", normText(d.Anlaufstelle)))
		}
	}
	missing = append(missing, c.missingProcessors(annex, text, "kein auftragsverarbeiter")...)
	if len(missing) > 0 {
		c.atBlock(annex, "die Anlage regelt nach Art. 26 DSGVO nicht: %s", strings.Join(missing, ", "))
	}
}

var breachHoursRe = regexp.MustCompile(`spätestens innerhalb von (\d+) stunden`)

func checkBreachDeadline(c *ctx) {
	sec := c.find(clDatenschutz)
	if sec == nil {
		return // STRUKTUR-009
	}
	text := lowerBody(sec)
	var missing []string
	hours := breachHoursRe.FindStringSubmatch(text)
	switch {
	case hours == nil:
		missing = append(missing, "nennt keine Frist, in der eine Verletzung des Schutzes personenbezogener Daten zu melden ist")
	case atoiOr(hours[1]) > 24:
		missing = append(missing, fmt.Sprintf("lässt für die Meldung einer Verletzung %s Stunden Zeit; damit die Aufsichtsbehörde binnen 72 Stunden unterrichtet werden kann, höchstens 24", hours[1]))
	}
	if !strings.Contains(text, "72 stunden") {
		missing = append(missing, "nennt die Meldung an die Aufsichtsbehörde binnen 72 Stunden (Art. 33 Abs. 1) nicht")
	}
	if pr := c.in.Project; pr != nil && hours != nil {
		if want := pr.File.Projekt.MeldefristStundenWert(); atoiOr(hours[1]) != want {
			missing = append(missing, fmt.Sprintf("nennt %s Stunden, die Projektdatei %d („datenschutz.meldefrist_stunden“)", hours[1], want))
		}
	}
	if len(missing) > 0 {
		c.atBlock(sec, "die Klausel %s", strings.Join(missing, "; sie "))
	}
}

func checkDataRoleData(c *ctx) {
	pr := c.in.Project.File.Projekt
	if pr.Vertrag.Form == "fit-store" {
		return // no agreement; the role of a call-off is DATENSCHUTZ-006's
	}
	if pr.Datenschutz == nil {
		c.atData("", "„datenschutz.rolle“ fehlt: die Vereinbarung nimmt Auftragsverarbeitung nach Art. 28 DSGVO an; die Rolle bewusst entscheiden (auftragsverarbeitung oder gemeinsame_verantwortung)")
	}
}

// checkDataRoleFITStore: the call-off form states whether an agreement on
// processing (Art. 28 DSGVO) is part of the call-off (vertrag.fit_store.avv)
// and the role in data protection (datenschutz.rolle, by default
// auftragsverarbeitung), as the agreement does. The enum of
// datenschutz.rolle has two values, so two pairs contradict each other:
//
//   - auftragsverarbeitung with avv: false — the implementing Land
//     processes on behalf of the competent bodies, which Art. 28 Abs. 3
//     DSGVO allows only on the basis of a contract; the call-off, which
//     replaces the agreement and its annex, has none;
//   - gemeinsame_verantwortung with avv: true — joint controllers
//     (Art. 26 DSGVO) are no processors; an agreement on processing next
//     to the arrangement on joint control leaves open who is responsible.
//
// The two other pairs agree. A role of the call-off's own responsibility
// (each body sole controller) is not among datenschutz.rolle's values.
func checkDataRoleFITStore(c *ctx) {
	pr := c.in.Project.File.Projekt
	f := pr.Vertrag.FITStore
	if f == nil {
		return
	}
	path := "datenschutz.rolle"
	if pr.Datenschutz == nil || pr.Datenschutz.Rolle == "" {
		path = "vertrag.fit_store.avv" // the role is the default; the offer is what was written
	}
	switch role := pr.DatenschutzRolle(); {
	case f.AVV && role == "gemeinsame_verantwortung":
		c.atData(path, "das FIT-Store-Angebot enthält eine Vereinbarung zur Auftragsverarbeitung nach Art. 28 DSGVO („vertrag.fit_store.avv: true“), die Projektdatei aber gemeinsame Verantwortlichkeit nach Art. 26 DSGVO („datenschutz.rolle: gemeinsame_verantwortung“); gemeinsam Verantwortliche sind keine Auftragsverarbeiter")
	case !f.AVV && role == "auftragsverarbeitung":
		what := "„datenschutz.rolle: auftragsverarbeitung“"
		if path != "datenschutz.rolle" {
			what = "ohne „datenschutz.rolle“ gilt Auftragsverarbeitung"
		}
		c.atData(path, "die Projektdatei regelt Auftragsverarbeitung nach Art. 28 DSGVO (%s), der Abruf aus dem FIT-Store enthält aber keine Vereinbarung dazu („vertrag.fit_store.avv: false“); Art. 28 Abs. 3 DSGVO verlangt sie", what)
	}
}
