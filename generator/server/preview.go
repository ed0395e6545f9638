package server

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"html"
	"net/http"

	"github.com/vereinbar/vereinbar/generator"
	rhtml "github.com/vereinbar/vereinbar/generator/render/html"
)

type updateRequest struct {
	YAML     string `json:"yaml"`
	Edits    []Edit `json:"edits"`
	Version  string `json:"version"`
	Dokument string `json:"dokument"`
}

type preview struct {
	ID    string `json:"id"`
	Titel string `json:"titel"`
	HTML  string `json:"html"`
}

type updateResponse struct {
	YAML      string       `json:"yaml"`
	Formular  string       `json:"formular"`
	Fehler    []fieldError `json:"fehler"`
	Dokumente []docRef     `json:"dokumente"`
	Dokument  *preview     `json:"dokument"`
	// Kosten is null, like Dokument, while the data do not validate: the
	// page keeps showing the last valid state.
	Kosten *string `json:"kosten"`
}

// update applies the form's edits to the YAML, validates it and renders
// the selected document and the cost table: the live preview.
func (s *Server) update(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("datei")
	if _, err := s.projectPath(name); err != nil {
		return err
	}
	var req updateRequest
	if err := decode(r, &req); err != nil {
		return err
	}
	src := []byte(req.YAML)
	structural := len(req.Edits) == 0 // the YAML was edited as text
	if len(req.Edits) > 0 {
		var err error
		if src, err = s.ed.Apply(src, req.Edits); err != nil {
			return &httpError{Status: http.StatusUnprocessableEntity, Msg: "Änderung nicht anwendbar: " + err.Error()}
		}
		for _, e := range req.Edits {
			structural = structural || e.structural()
		}
	}
	resp := updateResponse{YAML: string(src), Fehler: []fieldError{}, Dokumente: []docRef{}}
	if structural {
		if f, err := s.ed.Form(src); err == nil {
			resp.Formular = string(f)
		}
	}
	st, err := s.load(name, src)
	if err != nil {
		resp.Fehler = fieldErrors(err)
		writeJSON(w, http.StatusOK, resp)
		return nil
	}
	resp.Dokumente = docRefs(st.docs)
	d, ok := pick(st.docs, req.Dokument)
	if !ok {
		d, _ = pick(st.docs, "") // the document is gone: show the first
	}
	if d.Kind != nil {
		pv, err := s.preview(r.Context(), st, d)
		if err != nil {
			resp.Fehler = fieldErrors(err)
		} else {
			resp.Dokument = pv
		}
	}
	resp.Kosten = &st.costs.html
	writeJSON(w, http.StatusOK, resp)
	return nil
}

// preview renders one document of a state for the page: a link to its
// style sheet (served from /vorschau/) and its body inside the scope.
func (s *Server) preview(ctx context.Context, st *state, d generator.Doc) (*preview, error) {
	m, err := s.gen.Document(ctx, st.project, st.costs.res, d)
	if err != nil {
		return nil, err
	}
	frag, err := rhtml.RenderFragment(m, previewScope)
	if err != nil {
		return nil, err
	}
	return &preview{ID: d.File, Titel: docTitle(d), HTML: s.embed(frag)}, nil
}

// embed wraps a rendered fragment for the page: its style sheet linked
// (a strict CSP admits no inline style), its body in the scope element.
func (s *Server) embed(f rhtml.Fragment) string {
	sum := sha256.Sum256([]byte(f.CSS))
	name := hex.EncodeToString(sum[:16]) + ".css"
	s.styles.set(name, f.CSS)
	href := "/vorschau/" + name
	return `<link rel="stylesheet" href="` + html.EscapeString(href) + `">` + "\n" +
		`<div class="` + previewScope + `">` + "\n" + f.Body + "</div>\n"
}

// style serves a preview style sheet by its content address.
func (s *Server) style(w http.ResponseWriter, r *http.Request) error {
	css, ok := s.styles.get(r.PathValue("name"))
	if !ok {
		return fail(http.StatusNotFound, "Diese Formatvorlage der Vorschau ist nicht (mehr) vorhanden; die Seite neu laden.")
	}
	w.Header().Set("Content-Type", "text/css; charset=utf-8")
	w.Header().Set("Cache-Control", "private, max-age=31536000, immutable")
	w.Write([]byte(css))
	return nil
}
