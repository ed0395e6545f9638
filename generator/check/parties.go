package check

import (
	"fmt"
	"strings"

	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

// expectedParties are the data parties a generated document must name:
// all of them in a ring agreement, the implementing Land and the partner
// in a star agreement. Nil for a document read from a file.
func (c *ctx) expectedParties() []data.Partei {
	if c.in.Project == nil {
		return nil
	}
	var out []data.Partei
	for _, p := range c.in.Project.File.Projekt.Parteien {
		if p.Beitretend() {
			continue // accedes by declaration; the agreement does not name it
		}
		if c.in.Party == "" || p.Rolle == "umsetzend" || string(p.Land) == c.in.Party {
			out = append(out, p)
		}
	}
	return out
}

// headFor returns the head party with the code, nil if none.
func (c *ctx) headFor(code string) *headParty {
	for _, hp := range c.head {
		if hp.ref != nil && hp.ref.Code == code {
			return hp
		}
	}
	return nil
}

// suggestStyle proposes an official style for a name that contains a
// party's short name ("Sachsen-Anhalt" → "dem Land Sachsen-Anhalt").
func suggestStyle(hp *headParty) string {
	if hp.guess == nil {
		return ""
	}
	return fmt.Sprintf(" – meinten Sie „%s“?", hp.guess.Dativ)
}

func checkOfficialStyle(c *ctx) {
	if len(c.head) == 0 {
		c.atBlock(nil, "im Eingang sind keine Vertragsparteien zu finden (Bezeichnung, „vertreten durch …“, Rolle)")
		return
	}
	for _, hp := range c.head {
		if hp.ref == nil {
			c.atBlock(hp.para, "„%s“ ist keine amtliche Bezeichnung eines Landes%s", hp.name, suggestStyle(hp))
		}
	}
	for _, p := range c.expectedParties() {
		ref, _ := refdata.PartyByCode(string(p.Land))
		hp := c.headFor(ref.Code)
		switch {
		case hp == nil:
			c.atBlock(nil, "%s fehlt unter den Vertragsparteien", ref.Nominativ)
		case normText(hp.name) != normText(ref.Dativ):
			c.atBlock(hp.para, "„%s“ statt der amtlichen Bezeichnung „%s“", hp.name, ref.Dativ)
		}
	}
}

func checkRepresented(c *ctx) {
	for _, hp := range c.head {
		first, _, _ := strings.Cut(hp.rep, " ")
		switch {
		case hp.rep == "":
			c.atBlock(hp.para, "bei „%s“ fehlt „vertreten durch …“", hp.name)
		case capitalArticles[first]:
			c.atBlock(hp.para, "„vertreten durch %s“: großgeschriebener Artikel mitten im Satz; nach „vertreten durch“ steht der Akkusativ mit kleinem Artikel („den Senator …“, „die Senatorin …“, „das Ministerium …“)", hp.rep)
		case first == "der" || first == "dem":
			c.atBlock(hp.para, "„vertreten durch %s“: nach „vertreten durch“ steht der Akkusativ („den Senator …“, „die Senatorin …“, „das Ministerium …“)", hp.rep)
		}
	}
	for _, p := range c.expectedParties() {
		want := refdata.DeclineAuthority(p.VertretenDurch).Akkusativ
		if hp := c.headFor(string(p.Land)); hp != nil && hp.rep != "" && hp.rep != normText(want) {
			c.atBlock(hp.para, "„%s“ ist vertreten durch „%s“, laut Projektdatei durch „%s“", hp.name, hp.rep, want)
		}
	}
}

// capitalArticles are the definite articles written with a capital,
// which has no place after "vertreten durch".
var capitalArticles = map[string]bool{"Der": true, "Die": true, "Das": true, "Den": true, "Dem": true}

func checkRepresentedNominative(c *ctx) {
	for i, p := range c.in.Project.File.Projekt.Parteien {
		path := fmt.Sprintf("parteien[%d].vertreten_durch", i)
		a := refdata.DeclineAuthority(p.VertretenDurch)
		in := strings.TrimSpace(p.VertretenDurch)
		article, _, _ := strings.Cut(in, " ")
		switch a.Note {
		case refdata.NoteAccusative:
			c.atData(path, "„%s“ steht im Akkusativ; anzugeben ist der Nominativ, wie sich die Stelle selbst nennt: „%s“ (die Dokumente beugen ihn selbst: „vertreten durch %s“)", in, a.Nominativ, a.Akkusativ)
		case refdata.NoteDative:
			c.atData(path, "„%s“ steht im Dativ; anzugeben ist der Nominativ, wie sich die Stelle selbst nennt: „%s“", in, a.Nominativ)
		case refdata.NoteNoArticle:
			c.atData(path, "„%s“ hat keinen Artikel; nach dem Kopfnomen „%s“ setzt vereinbar „%s“ – bitte so angeben", in, a.Head, a.Nominativ)
		case refdata.NoteUnknown:
			c.atData(path, "„%s“ hat keinen Artikel, und das Kopfnomen ist unbekannt: der Text steht in jedem Fall unverändert in den Dokumenten („vertreten durch %s“); bitte im Nominativ mit Artikel angeben, z. B. „das Ministerium für …“, „der Senator für …“", in, in)
		case refdata.NoteUnknownMasculine:
			c.atData(path, "das Kopfnomen „%s“ ist unbekannt und wird stark gebeugt („vertreten durch %s“); bitte prüfen – ein schwach gebeugtes (wie „der Präsident“, „den Präsidenten“) fehlt in der Tabelle der Kopfnomen (generator/refdata/data/grammatik.yaml)", a.Head, a.Akkusativ)
		case refdata.NoteGender:
			c.atData(path, "der Artikel „%s“ passt nicht zum Genus des Kopfnomens „%s“; bitte prüfen", article, a.Head)
		}
	}
}

// signatureParty returns the party a signature block is for.
func (c *ctx) signatureParty(party string) (refdata.Party, bool) {
	s := strings.TrimPrefix(normText(party), "Für ")
	if p, ok := c.party(s); ok {
		return p, true
	}
	var best refdata.Party
	for _, p := range refdata.Parties() {
		if strings.Contains(s, p.Name) && len(p.Name) > len(best.Name) {
			best = p
		}
	}
	return best, best.Code != ""
}

func checkSignatures(c *ctx) {
	if len(c.head) == 0 {
		return
	}
	block, sigs := c.signatures()
	if block == nil && IsLesefassung(c.in.Doc) {
		return // a Lesefassung is not signed and shows no signature blocks
	}
	if block == nil {
		at := c.find(clUnterschriften)
		if at == nil {
			c.atBlock(nil, "die Vereinbarung hat keine Unterschriftenblöcke")
		} else {
			c.atBlock(at, "der Abschnitt hat keine Unterschriftenblöcke")
		}
		return
	}
	used := make([]bool, len(sigs))
	for _, hp := range c.head {
		found := -1
		for i, s := range sigs {
			if used[i] {
				continue
			}
			p, ok := c.signatureParty(s.Party)
			if ok && p.Code == hp.code() || !ok && strings.Contains(normText(s.Party), hp.name) {
				found = i
				break
			}
		}
		if found < 0 {
			c.atBlock(block, "für „%s“ fehlt ein Unterschriftenblock", hp.name)
			continue
		}
		used[found] = true
		if normText(sigs[found].Signer) == "" {
			c.atBlock(block, "der Unterschriftenblock „%s“ nennt nicht, wer unterzeichnet", normText(sigs[found].Party))
		}
	}
	for i, s := range sigs {
		if !used[i] {
			c.atBlock(block, "der Unterschriftenblock „%s“ gehört zu keiner Vertragspartei", normText(s.Party))
		}
	}
}

func checkOneImplementing(c *ctx) {
	if len(c.head) == 0 {
		return
	}
	var impl []string
	for _, hp := range c.head {
		switch hp.role {
		case "umsetzend":
			impl = append(impl, hp.name)
		case "":
			c.atBlock(hp.para, "bei „%s“ fehlt die Rolle („– umsetzendes Land –“ oder „– nachnutzendes Land –“)", hp.name)
		}
	}
	switch len(impl) {
	case 1:
	case 0:
		c.atBlock(c.head[0].para, "keine Vertragspartei ist als „– umsetzendes Land –“ bezeichnet")
	default:
		c.atBlock(c.head[0].para, "%d Vertragsparteien sind als umsetzendes Land bezeichnet (%s); genau eine ist es", len(impl), strings.Join(impl, ", "))
	}
}

func checkStarTwo(c *ctx) {
	if len(c.head) == 0 {
		return
	}
	if n := len(c.head); n != 2 {
		c.atBlock(c.head[0].para, "%d Vertragsparteien; eine Vereinbarung in Sternstruktur schließen genau das umsetzende und ein nachnutzendes Land", n)
	}
}

func checkOnlyLaender(c *ctx) {
	if c.in.Kind == KindData {
		for i, p := range c.in.Project.File.Projekt.Parteien {
			if ref, ok := refdata.PartyByCode(string(p.Land)); ok && !ref.IstLand {
				c.atData(fmt.Sprintf("parteien[%d].land", i), "%s ist Vertragspartei; die Blaupause sieht nur Länder vor, für den Bund sind weitere Regelungen nötig", ref.Nominativ)
			}
		}
		return
	}
	if c.in.Project != nil {
		return // judged on the project data
	}
	for _, hp := range c.head {
		if hp.ref != nil && !hp.ref.IstLand {
			c.atBlock(hp.para, "%s ist Vertragspartei; die Blaupause sieht nur Länder vor, für den Bund sind weitere Regelungen nötig", hp.ref.Nominativ)
		}
	}
}
