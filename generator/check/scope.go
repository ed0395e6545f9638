package check

import (
	"regexp"
	"strings"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

// scope returns where the scope is stated and its text: § Gegenstand of
// an agreement and of a Projektbeschreibung, the block „Leistung“ of a
// call-off form, the whole page of a Projektsteckbrief. at is the block
// findings point to (nil: the whole document); ok is false when the
// clause is missing — for an agreement STRUKTUR-002 reports that, for
// the other kinds the first scope rule.
func (c *ctx) scope() (at model.Block, text string, ok bool) {
	cl := clGegenstand
	switch c.in.Kind {
	case KindSteckbrief:
		return nil, blockText(&model.Section{Blocks: c.in.Doc.Blocks}), true
	case KindAbruf:
		cl = clLeistung
	}
	sec := c.find(cl)
	if sec == nil {
		if c.in.Kind != KindRing && c.in.Kind != KindStern && c.rule.Code == "GEGENSTAND-001" {
			c.atBlock(nil, "der Abschnitt „%s“ fehlt", cl.name)
		}
		return nil, "", false
	}
	return sec, sectionBody(sec), true
}

var (
	serviceRe = regexp.MustCompile(`Online-Dienst(es)? „[^“]+“|(?m)^Online-Dienst \| \S`)
	ozgRe     = regexp.MustCompile(`OZG-ID (1\d{4})\b`)
	ozgBare   = regexp.MustCompile(`(?m)^1\d{4} \|`) // a table row in an OZG-ID column
	leikaRe   = regexp.MustCompile(`\b\d{14}\b`)
)

func checkScopeService(c *ctx) {
	sec, text, ok := c.scope()
	if !ok {
		return
	}
	if c.in.Project != nil {
		name := normText(c.in.Project.File.Projekt.Leistung.OnlineDienst)
		if !strings.Contains(text, name) {
			c.atBlock(sec, "der Online-Dienst „%s“ ist nicht genannt", name)
		}
		return
	}
	if !serviceRe.MatchString(text) {
		c.atBlock(sec, "der Online-Dienst ist nicht mit seinem Namen genannt")
	}
}

func checkScopeOZG(c *ctx) {
	sec, text, ok := c.scope()
	if !ok {
		return
	}
	if c.in.Project != nil {
		var missing []string
		for _, o := range c.in.Project.File.Projekt.Leistung.OZG {
			if !strings.Contains(text, "OZG-ID "+string(o.ID)) && !(strings.Contains(text, "OZG-ID") && regexp.MustCompile(`\b`+string(o.ID)+`\b`).MatchString(text)) {
				missing = append(missing, string(o.ID))
			}
		}
		if len(missing) > 0 {
			c.atBlock(sec, "die OZG-ID %s ist nicht genannt", strings.Join(missing, ", "))
		}
		return
	}
	if !ozgRe.MatchString(text) && !(strings.Contains(text, "OZG-ID") && ozgBare.MatchString(text)) {
		c.atBlock(sec, "keine OZG-Leistung mit OZG-ID (fünfstellig, z. B. „OZG-ID 10092“) genannt")
	}
}

func checkScopeLeiKa(c *ctx) {
	sec, text, ok := c.scope()
	if !ok {
		return
	}
	if c.in.Project != nil {
		var missing []string
		for _, k := range c.in.Project.File.Projekt.Leistung.LeiKa {
			if !strings.Contains(text, string(k)) {
				missing = append(missing, string(k))
			}
		}
		if len(missing) > 0 {
			c.atBlock(sec, "der LeiKa-Schlüssel %s ist nicht genannt", strings.Join(missing, ", "))
		}
		return
	}
	if !strings.Contains(text, "LeiKa") || !leikaRe.MatchString(text) {
		c.atBlock(sec, "kein LeiKa-Schlüssel (14 Ziffern) genannt")
	}
}

func checkScopeTopic(c *ctx) {
	sec, text, ok := c.scope()
	if !ok {
		return
	}
	if c.in.Project != nil {
		t := normText(string(c.in.Project.File.Projekt.Leistung.Themenfeld))
		if !strings.Contains(text, t) {
			c.atBlock(sec, "das Themenfeld „%s“ ist nicht genannt", t)
		}
		return
	}
	for _, t := range refdata.Themenfelder() {
		if strings.Contains(text, normText(t)) {
			return
		}
	}
	c.atBlock(sec, "kein Themenfeld des OZG-Umsetzungskatalogs genannt")
}
