package check

import (
	"regexp"

	"github.com/vereinbar/vereinbar/generator/model"
)

// structural is a rule that an agreement has a clause with text, and
// optionally that the text says what extra checks.
func structural(code string, kinds []Kind, sev Severity, src string, cl clause, extra func(*ctx, *model.Section)) Rule {
	return Rule{
		Code: code, Kinds: kinds, Severity: sev, Source: src,
		Title: "Die Vereinbarung hat die Klausel „" + cl.name + "“",
		check: func(c *ctx) {
			sec := c.find(cl)
			switch {
			case sec == nil:
				c.atBlock(nil, "die Klausel „%s“ fehlt", cl.name)
			case sectionBody(sec) == "":
				c.atBlock(sec, "die Klausel „%s“ hat keinen Text", cl.name)
			case extra != nil:
				extra(c, sec)
			}
		},
	}
}

// mentions requires the clause text to match re.
func mentions(re, msg string) func(*ctx, *model.Section) {
	rx := regexp.MustCompile(re)
	return func(c *ctx, sec *model.Section) {
		if !rx.MatchString(sectionBody(sec)) {
			c.atBlock(sec, "die Klausel %s", msg)
		}
	}
}

func checkNoAccession(c *ctx) {
	if sec := c.find(clBeitritt); sec != nil {
		c.atBlock(sec, "eine Vereinbarung in Sternstruktur hat keine Beitrittsklausel; ein weiteres Land schließt eine eigene Vereinbarung")
	}
}
