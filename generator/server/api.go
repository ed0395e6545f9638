package server

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/refdata"
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
// about it needs; the last few are cached by their source (Server.states).
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
