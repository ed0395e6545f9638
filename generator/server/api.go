package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"net/http"
	"os"
	"strings"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/atomicfile"
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/diff"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/render/docx"
	rhtml "github.com/vereinbar/vereinbar/generator/render/html"
)

// previewScope is the class of the element around a previewed document;
// the document's style sheet applies inside it only.
const previewScope = "vorschau-dokument"

// decode reads the JSON body of an API request.
func decode(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	if err := dec.Decode(v); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			return err
		}
		return fail(http.StatusBadRequest, "Die Anfrage ist kein gültiges JSON: "+err.Error())
	}
	return nil
}

// fieldError is one validation mistake, at the form field of its data
// path. Meldung is the message as the CLI words it after the path; Text
// is the whole line the CLI prints (file:line:col: path: message).
type fieldError struct {
	Pfad    string `json:"pfad"`
	Zeile   int    `json:"zeile"`
	Spalte  int    `json:"spalte"`
	Meldung string `json:"meldung"`
	Text    string `json:"text"`
}

// fieldErrors turns the failure of loading a project into the errors the
// page shows: every mistake of data.Errors with line and path, anything
// else as one message for the whole file.
func fieldErrors(err error) []fieldError {
	var es data.Errors
	if errors.As(err, &es) {
		out := make([]fieldError, 0, len(es))
		for _, e := range es {
			line := e
			line.Source = "" // the caret line is for the terminal
			out = append(out, fieldError{Pfad: e.Path, Zeile: e.Pos.Line, Spalte: e.Pos.Col, Meldung: e.Msg, Text: line.Error()})
		}
		return out
	}
	return []fieldError{{Meldung: err.Error(), Text: err.Error()}}
}

// state is a validated project held in memory with what every request
// about it needs; states are cached by their source (see stateCache).
type state struct {
	project *generator.Project
	costs   *costResult
	docs    []generator.Doc
}

// load decodes and validates the source of file name, or returns the
// validation errors. The last few states are cached: a request that
// selects another document of the same source parses nothing.
func (s *Server) load(name string, src []byte) (*state, error) {
	key := name + "\x00" + versionOf(src)
	if st, ok := s.states.get(key); ok {
		return st, nil
	}
	p, err := s.gen.ParseProject(name, src)
	if err != nil {
		return nil, err
	}
	res, err := s.gen.Costs(p)
	if err != nil {
		return nil, err
	}
	var table bytes.Buffer
	if err := generator.WriteCostTableHTML(&table, p, res); err != nil {
		return nil, err
	}
	st := &state{project: p, costs: &costResult{res: res, html: table.String()}, docs: s.gen.Docs(p)}
	s.states.set(key, st)
	return st, nil
}

// costResult is the cost split of a state and its tables for the page
// (those `vereinbar costs` prints, as HTML).
type costResult struct {
	res  *costs.Result
	html string
}

// docRef names a document of the project: its file name (the id) and
// title.
type docRef struct {
	ID    string `json:"id"`
	Titel string `json:"titel"`
}

// docTitle is "Verwaltungsvereinbarung – Sachsen".
func docTitle(d generator.Doc) string {
	if d.Party == "" {
		return d.Title
	}
	if p, ok := refdata.PartyByCode(d.Party); ok {
		return d.Title + " – " + p.Kurzname
	}
	return d.Title + " – " + d.Party
}

func docRefs(docs []generator.Doc) []docRef {
	out := make([]docRef, 0, len(docs))
	for _, d := range docs {
		out = append(out, docRef{ID: d.File, Titel: docTitle(d)})
	}
	return out
}

// pick returns the document with file name id, the first for "".
func pick(docs []generator.Doc, id string) (generator.Doc, bool) {
	for _, d := range docs {
		if d.File == id || id == "" {
			return d, true
		}
	}
	return generator.Doc{}, false
}

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
	name := r.PathValue("datei")
	if _, err := s.projectPath(name); err != nil {
		return err
	}
	var req yamlRequest
	if err := decode(r, &req); err != nil {
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

type saveResponse struct {
	Version string `json:"version"`
}

// save writes the edited YAML to the file, atomically, when the file on
// disk is still the version the page loaded (else 409) and the YAML is
// valid (else 422 with the errors).
func (s *Server) save(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("datei")
	var req yamlRequest
	if err := decode(r, &req); err != nil {
		return err
	}
	src := []byte(req.YAML)
	if _, err := s.load(name, src); err != nil {
		return &httpError{Status: http.StatusUnprocessableEntity, Msg: "Ungültige Projektdaten werden nicht gespeichert.",
			Body: map[string]any{"meldung": "Ungültige Projektdaten werden nicht gespeichert; erst die Fehler beheben.", "fehler": fieldErrors(err)}}
	}
	s.saving.Lock()
	defer s.saving.Unlock()
	path, disk, version, err := s.readProject(name)
	if err != nil {
		return err
	}
	if version != req.Version {
		return &httpError{Status: http.StatusConflict, Msg: "Die Datei wurde inzwischen geändert.",
			Body: map[string]string{"meldung": fmt.Sprintf("„%s“ wurde seit dem Laden auf der Festplatte geändert und wird nicht überschrieben. Neu laden (Ihre Änderungen gehen verloren) oder die Änderungen vergleichen.", name), "version_auf_platte": version}}
	}
	if !bytes.Equal(disk, src) {
		perm := os.FileMode(0o644)
		if st, err := os.Stat(path); err == nil {
			perm = st.Mode().Perm()
		}
		if err := atomicfile.WriteFile(path, src, perm); err != nil {
			return err
		}
	}
	writeJSON(w, http.StatusOK, saveResponse{Version: versionOf(src)})
	return nil
}
