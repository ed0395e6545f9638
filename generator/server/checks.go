package server

import (
	"context"
	"net/http"
	"strings"

	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/model"
)

type yamlRequest struct {
	YAML     string `json:"yaml"`
	Version  string `json:"version"`
	Dokument string `json:"dokument"`
}

// finding is one finding of check, with where the page leads to: the
// form field (pfad) of a data finding, the document (its id) and clause
// (the section's anchor in the preview) of a document finding.
type finding struct {
	Code     string `json:"code"`
	Schwere  string `json:"schwere"`
	Meldung  string `json:"meldung"`
	Text     string `json:"text"`
	Pfad     string `json:"pfad"`
	Zeile    int    `json:"zeile,omitempty"`
	Dokument string `json:"dokument"`
	Klausel  string `json:"klausel"`
	Stelle   string `json:"stelle"`
}

// check runs check on the edited state: the data and every document.
func (s *Server) check(w http.ResponseWriter, r *http.Request) error {
	name, req, err := s.yamlRequest(r)
	if err != nil {
		return err
	}
	out := []finding{}
	st, err := s.load(name, []byte(req.YAML))
	if err != nil {
		for _, e := range fieldErrors(err) {
			out = append(out, finding{Code: "daten", Schwere: strings.ToLower(check.Error.German()), Meldung: e.Meldung, Text: e.Text, Pfad: e.Pfad, Zeile: e.Zeile})
		}
		writeJSON(w, http.StatusOK, map[string]any{"befunde": out})
		return nil
	}
	rep := s.gen.CheckProject(r.Context(), st.project)
	if rep.Err != nil {
		return rep.Err
	}
	anchors := map[string]func(check.Location) string{}
	for _, f := range rep.Findings {
		fd := finding{Code: f.Code, Schwere: strings.ToLower(f.Severity.German()), Meldung: f.Message, Text: f.String(),
			Pfad: f.Path, Zeile: f.Line, Dokument: f.Document, Stelle: f.Location.String()}
		if f.Document != "" {
			a, ok := anchors[f.Document]
			if !ok {
				a = s.anchorsOf(r.Context(), st, f.Document)
				anchors[f.Document] = a
			}
			fd.Klausel = a(f.Location)
		}
		out = append(out, fd)
	}
	writeJSON(w, http.StatusOK, map[string]any{"befunde": out})
	return nil
}

// anchorsOf returns a function that finds the section of a document a
// finding's location names ("§ 7 Abs. 2", a heading) and returns its id,
// the anchor of the clause in the preview ("" when none matches).
func (s *Server) anchorsOf(ctx context.Context, st *state, doc string) func(check.Location) string {
	none := func(check.Location) string { return "" }
	d, ok := pick(st.docs, doc)
	if !ok || doc == "" {
		return none
	}
	m, err := s.gen.Document(ctx, st.project, st.costs.res, d)
	if err != nil {
		return none
	}
	secs := sectionsOf(m)
	return func(l check.Location) string { return sectionFor(secs, l) }
}

// section is a section of a document with the number of the clause it
// belongs to: its own, or that of the nearest numbered section around it.
type section struct {
	id, number, title, clause string
}

func sectionsOf(m *model.Document) []section {
	var out []section
	var walk func(bs []model.Block, clause string)
	walk = func(bs []model.Block, clause string) {
		for _, b := range bs {
			sec, ok := b.(*model.Section)
			if !ok {
				continue
			}
			c := clause
			if sec.Number != "" {
				c = norm(sec.Number)
			}
			out = append(out, section{id: sec.ID, number: norm(sec.Number), title: norm(sec.Title), clause: c})
			walk(sec.Blocks, c)
		}
	}
	walk(m.Blocks, "")
	return out
}

func norm(s string) string { return strings.Join(strings.Fields(s), " ") }

// sectionFor matches a finding's location to a section, as check names
// it (see check's placeOf): the clause is the number of the nearest
// numbered section ("§ 7", "Anlage 3") with " Abs. n", the heading the
// title of the innermost section; an unnumbered section is named by its
// title alone. The first section of that clause with that title wins,
// then the numbered section itself, then a section of that title.
func sectionFor(secs []section, l check.Location) string {
	num, _, _ := strings.Cut(l.Clause, " Abs. ")
	num, heading := norm(num), norm(l.Heading)
	if heading == "" {
		heading = num // an unnumbered section: check names it by its title
	}
	var byNum, byTitle string
	for _, sec := range secs {
		switch {
		case sec.clause == num && sec.title == heading:
			return sec.id
		case sec.number != "" && sec.number == num && byNum == "":
			byNum = sec.id
		case sec.title == heading && byTitle == "":
			byTitle = sec.id
		}
	}
	if byNum != "" {
		return byNum
	}
	return byTitle
}
