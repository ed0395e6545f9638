package server

import (
	"bytes"
	"fmt"
	"html"
	"net/http"
	"strings"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/diff"
	"github.com/vereinbar/vereinbar/generator/render/docx"
	rhtml "github.com/vereinbar/vereinbar/generator/render/html"
)

// changes answers the clause-level differences between the file on disk
// and the edited state as a redline of every changed document.
func (s *Server) changes(w http.ResponseWriter, r *http.Request) error {
	pairs, titles, err := s.diffPairs(r)
	if err != nil {
		return err
	}
	title := func(name string) string {
		if t, ok := titles[name]; ok {
			return html.EscapeString(t)
		}
		return html.EscapeString(name)
	}
	var b strings.Builder
	changed := 0
	for _, p := range pairs {
		switch {
		case p.Old == nil:
			changed++
			fmt.Fprintf(&b, "<section class=\"aenderung\"><h2>%s</h2><p>Neues Dokument.</p></section>\n", title(p.Name))
		case p.New == nil:
			changed++
			fmt.Fprintf(&b, "<section class=\"aenderung\"><h2>%s</h2><p>Entfällt.</p></section>\n", title(p.Name))
		default:
			res, err := diff.Compare(p.Old.Doc, p.New.Doc)
			if err != nil {
				return err
			}
			if res.Empty() {
				continue
			}
			changed++
			red, err := diff.Redline(p.Old.Doc, p.New.Doc)
			if err != nil {
				return err
			}
			frag, err := rhtml.RenderFragment(red, previewScope)
			if err != nil {
				return err
			}
			fmt.Fprintf(&b, "<section class=\"aenderung\" data-dokument=\"%s\"><h2>%s (%d %s)</h2>\n%s</section>\n",
				html.EscapeString(p.Name), title(p.Name), len(res.Changes), plural(len(res.Changes), "Änderung", "Änderungen"), s.embed(frag))
		}
	}
	if changed == 0 {
		b.WriteString("<p class=\"keine-aenderungen\">Keine inhaltlichen Änderungen gegenüber der gespeicherten Fassung.</p>\n")
	}
	writeJSON(w, http.StatusOK, map[string]any{"html": b.String(), "geaendert": changed})
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// diffPairs builds the documents of the file on disk and of the edited
// state of a request and pairs them as `vereinbar diff` does; titles
// names them ("Verwaltungsvereinbarung – Sachsen").
func (s *Server) diffPairs(r *http.Request) (pairs []generator.DiffPair, titles map[string]string, err error) {
	name := r.PathValue("datei")
	_, disk, _, err := s.readProject(name)
	if err != nil {
		return nil, nil, err
	}
	var req yamlRequest
	if err := decode(r, &req); err != nil {
		return nil, nil, err
	}
	oldSt, err := s.load(name, disk)
	if err != nil {
		return nil, nil, &httpError{Status: http.StatusUnprocessableEntity, Msg: "Die gespeicherte Fassung ist ungültig; ein Vergleich ist erst nach dem Speichern einer gültigen Fassung möglich.",
			Body: map[string]any{"meldung": "Die gespeicherte Fassung ist ungültig.", "fehler": fieldErrors(err)}}
	}
	newSt, err := s.load(name, []byte(req.YAML))
	if err != nil {
		return nil, nil, &httpError{Status: http.StatusUnprocessableEntity, Msg: "Die bearbeitete Fassung ist ungültig.",
			Body: map[string]any{"meldung": "Die bearbeitete Fassung ist ungültig; erst die Fehler beheben.", "fehler": fieldErrors(err)}}
	}
	old, err := s.gen.ProjectDiffDocs(r.Context(), oldSt.project)
	if err != nil {
		return nil, nil, err
	}
	nw, err := s.gen.ProjectDiffDocs(r.Context(), newSt.project)
	if err != nil {
		return nil, nil, err
	}
	titles = map[string]string{}
	for _, ds := range [][]generator.Doc{oldSt.docs, newSt.docs} {
		for _, d := range ds {
			titles[d.File] = docTitle(d)
		}
	}
	_, pairs, err = generator.DiffDocs(old, nw, generator.DiffOptions{})
	if err != nil {
		return nil, nil, err
	}
	if req.Dokument != "" {
		for _, p := range pairs {
			if p.Name == req.Dokument {
				return []generator.DiffPair{p}, titles, nil
			}
		}
		return nil, nil, fail(http.StatusNotFound, fmt.Sprintf("Kein Dokument „%s“.", req.Dokument))
	}
	return pairs, titles, nil
}

// redline answers the redline DOCX of one document (body field dokument;
// without it the first document that changed) for download.
func (s *Server) redline(w http.ResponseWriter, r *http.Request) error {
	pairs, _, err := s.diffPairs(r)
	if err != nil {
		return err
	}
	for _, p := range pairs {
		if p.Old == nil || p.New == nil {
			continue
		}
		if len(pairs) > 1 {
			res, err := diff.Compare(p.Old.Doc, p.New.Doc)
			if err != nil {
				return err
			}
			if res.Empty() {
				continue
			}
		}
		red, err := diff.Redline(p.Old.Doc, p.New.Doc)
		if err != nil {
			return err
		}
		var b bytes.Buffer
		if err := docx.Render(&b, red, docx.Options{Author: s.redlineAuthor, Date: s.redlineDate}); err != nil {
			return err
		}
		w.Header().Set("Content-Type", docxType)
		w.Header().Set("Content-Disposition", attachment(p.Name+"-aenderungen.docx"))
		w.Header().Set("Cache-Control", "no-store")
		w.Write(b.Bytes())
		return nil
	}
	return fail(http.StatusNotFound, "Keine Änderungen gegenüber der gespeicherten Fassung; keine Redline.")
}
