package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"strings"
)

// handlerFunc is a handler that returns its failure; page and api turn
// it into the answer.
type handlerFunc func(w http.ResponseWriter, r *http.Request) error

// httpError is a failure with its status and a German message for the
// user. Body, when set, is the JSON answer of an API request instead of
// {"meldung": Msg}.
type httpError struct {
	Status int
	Msg    string
	Body   any
}

func (e *httpError) Error() string { return e.Msg }

// fail makes an httpError.
func fail(status int, msg string) error { return &httpError{Status: status, Msg: msg} }

// status returns the status and message of an error: those of an
// httpError, 413 for a body over the limit, else 500 with a general
// message (the cause goes to the log only).
func (s *Server) status(r *http.Request, err error) (int, string, any) {
	var he *httpError
	if errors.As(err, &he) {
		return he.Status, he.Msg, he.Body
	}
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		return http.StatusRequestEntityTooLarge, tooLarge(mb.Limit), nil
	}
	s.log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
	return http.StatusInternalServerError, "Interner Fehler; Einzelheiten stehen im Protokoll des Servers.", nil
}

// api wraps a handler of /api/: failures are answered as JSON.
func (s *Server) api(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			code, msg, body := s.status(r, err)
			if body == nil {
				body = map[string]string{"meldung": msg}
			}
			writeJSON(w, code, body)
		}
	})
}

// page wraps a handler of a page or download: failures are answered as a
// small German HTML page, or as JSON to a request that is or asks for
// JSON (the "Neu" of a script, see wantsJSON).
func (s *Server) page(h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := h(w, r); err != nil {
			code, msg, body := s.status(r, err)
			if wantsJSON(r) {
				if body == nil {
					body = map[string]string{"meldung": msg}
				}
				writeJSON(w, code, body)
				return
			}
			errorPage(w, code, msg)
		}
	})
}

// german answers the failures that net/http writes itself (the mux's
// "404 page not found" and "405 Method Not Allowed", the file server's
// 404) with the German error page, or JSON (see refuse). Answers of the
// server's own handlers, and successes, pass through unchanged.
func german(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(&germanWriter{ResponseWriter: w, r: r}, r)
	})
}

// germanWriter replaces a plain-text error answer by the German one: on
// WriteHeader of a failure with a text/plain body (what http.Error
// writes) it answers itself and drops the English text.
type germanWriter struct {
	http.ResponseWriter
	r       *http.Request
	written bool // header sent
	dropped bool // the body of http.Error is dropped
}

func (g *germanWriter) WriteHeader(code int) {
	if g.written {
		return
	}
	g.written = true
	if code >= 400 && strings.HasPrefix(g.Header().Get("Content-Type"), "text/plain") {
		g.dropped = true
		refuse(g.ResponseWriter, g.r, code, germanMessage(g.r, code))
		return
	}
	g.ResponseWriter.WriteHeader(code)
}

func (g *germanWriter) Write(b []byte) (int, error) {
	if !g.written {
		g.WriteHeader(http.StatusOK)
	}
	if g.dropped {
		return len(b), nil
	}
	return g.ResponseWriter.Write(b)
}

// germanMessage words a failure of net/http for the user.
func germanMessage(r *http.Request, code int) string {
	switch code {
	case http.StatusNotFound:
		return fmt.Sprintf("Die Adresse „%s“ gibt es nicht.", r.URL.Path)
	case http.StatusMethodNotAllowed:
		return fmt.Sprintf("Die Adresse „%s“ nimmt keine Anfrage mit %s an.", r.URL.Path, r.Method)
	}
	return "Die Anfrage ist fehlgeschlagen."
}

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, code int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		code, b = http.StatusInternalServerError, []byte(`{"meldung":"Antwort nicht darstellbar"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(append(b, '\n'))
}

var errorTmpl = template.Must(template.New("fehler").Parse(`<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>{{.Code}} – vereinbar</title></head>
<body><main><h1>{{.Text}}</h1><p role="alert">{{.Msg}}</p><p><a href="/">Zur Projektliste</a></p></main></body></html>
`))

// errorPage answers with a small HTML page naming the failure.
func errorPage(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	errorTmpl.Execute(w, struct {
		Code      int
		Text, Msg string
	}{code, germanStatus(code), msg})
}

// germanStatus names an HTTP status in German.
func germanStatus(code int) string {
	switch code {
	case http.StatusBadRequest:
		return "Ungültige Anfrage"
	case http.StatusForbidden:
		return "Nicht erlaubt"
	case http.StatusNotFound:
		return "Nicht gefunden"
	case http.StatusMethodNotAllowed:
		return "Methode nicht erlaubt"
	case http.StatusConflict:
		return "Konflikt"
	case http.StatusRequestEntityTooLarge:
		return "Anfrage zu groß"
	case http.StatusMisdirectedRequest:
		return "Falscher Hostname"
	case http.StatusUnprocessableEntity:
		return "Nicht verarbeitbar"
	}
	return "Fehler"
}
