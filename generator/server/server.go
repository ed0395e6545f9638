// Package server is the local web application of `vereinbar serve`: a
// project list of one folder, the editor page (package editor builds the
// form, the page and its client code), the live preview, check, changes
// and save API, and the downloads.
//
// All state lives in one Server; handlers are small typed functions
// (func(w, r) error) wrapped once for error answers and logging. Security
// is a chain of middleware, each tested by itself (security.go): the Host
// header (DNS rebinding), the same-origin check and CSRF token of every
// POST, the body size limit, strict response headers. Project files are
// confined to the folder (paths.go).
//
// The server never loads templates from the folder it serves: documents
// are built with the templates of the Generator it is given (the built-in
// ones, or a templates directory the operator configured), and text typed
// into the editor is only ever data for them.
package server

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log"
	"net/http"
	"path/filepath"
	"sync"
	"time"

	"github.com/vereinbar/vereinbar/generator"
)

// DefaultMaxBody is the largest request body accepted (2 MiB): a project
// file is far smaller (data.DefaultMaxBytes bounds what is read from disk).
const DefaultMaxBody = 2 << 20

// PageData is what the editor page shows (see Editor.Page).
type PageData struct {
	Datei   string // file name in the folder, "wohngeld.yaml"
	Titel   string // project title, or the file name when the file does not validate
	CSRF    string // the token every POST must carry in X-CSRF-Token
	Version string // sha256 (hex) of the file's bytes on disk
	YAML    []byte // the file's bytes on disk
}

// Edit is one change the form makes to the YAML (see Editor.Apply).
type Edit struct {
	Op   string `json:"op"`   // setzen, hinzufuegen, entfernen, verschieben
	Pfad string `json:"pfad"` // data path, "parteien[2].land"
	Wert string `json:"wert"` // the new value (setzen, hinzufuegen)
	Nach int    `json:"nach"` // the new index (verschieben)
}

// structural reports whether the edit changes the structure of the data,
// so the form must be built anew.
func (e Edit) structural() bool { return e.Op != "setzen" }

// Editor is what the server uses of the editor: package editor provides
// it (see DefaultEditor); tests may give a small one of their own.
type Editor struct {
	// Page writes the complete editor page.
	Page func(w io.Writer, d PageData) error
	// Assets are the static files of the page, served under /static/.
	Assets fs.FS
	// Apply applies edits to YAML source, keeping comments and key order.
	Apply func(src []byte, edits []Edit) ([]byte, error)
	// Form builds the form for the YAML source.
	Form func(src []byte) (template.HTML, error)
}

// Options configure a Server.
type Options struct {
	// Dir is the folder whose project files are served.
	Dir string
	// Addr is the address the server is reached at, host:port (the
	// listener's address). Requests must name it, or localhost,
	// 127.0.0.1 or [::1] with its port, in their Host header.
	Addr string
	// Names are further host names the server is reached by, with the
	// port of Addr: the name given to listen on ("rechner.example" of
	// --addr rechner.example:8080), whose address Addr then holds.
	Names []string
	// Generator builds, checks and compares the documents.
	Generator *generator.Generator
	// Editor is the editor page and form (zero: DefaultEditor).
	Editor Editor
	// Formats are the formats of the documents in projekt.zip (nil:
	// generator.DefaultFormats, as generate writes them).
	Formats []string
	// Log receives one line per failed request (nil: discarded).
	Log *log.Logger
	// MaxBody bounds request bodies in bytes (0: DefaultMaxBody).
	MaxBody int64
	// RedlineAuthor is the author of tracked changes in a redline DOCX
	// ("": vereinbar), as redline_autor for `vereinbar diff`.
	RedlineAuthor string
	// RedlineDate is the date of the tracked changes (zero: the Stand of
	// the edited state), as redline_datum for `vereinbar diff`.
	RedlineDate time.Time
	// Now gives the date of a new project file (nil: time.Now).
	Now func() time.Time
}

// Server is the web application. It is an http.Handler.
type Server struct {
	dir           string // absolute, symbolic links resolved
	gen           *generator.Generator
	ed            Editor
	formats       []string
	log           *log.Logger
	maxBody       int64
	now           func() time.Time
	token         string          // CSRF token of this server's lifetime
	hosts         map[string]bool // accepted Host headers
	list          *template.Template
	styles        *cache[string]
	states        *cache[*state]
	counts        *cache[counts]
	redlineAuthor string
	redlineDate   time.Time
	saving        sync.Mutex // serialises check-and-write of saves
	handler       http.Handler
}

// New makes a server for the folder o.Dir.
func New(o Options) (*Server, error) {
	if o.Generator == nil {
		return nil, errors.New("server: kein Generator")
	}
	if o.Editor.Page == nil && o.Editor.Apply == nil && o.Editor.Form == nil && o.Editor.Assets == nil {
		o.Editor = DefaultEditor()
	}
	if o.Editor.Page == nil || o.Editor.Apply == nil || o.Editor.Form == nil || o.Editor.Assets == nil {
		return nil, errors.New("server: Editor unvollständig")
	}
	dir, err := filepath.Abs(o.Dir)
	if err == nil {
		dir, err = filepath.EvalSymlinks(dir)
	}
	if err != nil {
		return nil, fmt.Errorf("Verzeichnis „%s“: %w", o.Dir, err)
	}
	hosts, err := allowedHosts(o.Addr, o.Names...)
	if err != nil {
		return nil, err
	}
	tok := make([]byte, 32)
	if _, err := rand.Read(tok); err != nil {
		return nil, err
	}
	s := &Server{
		dir: dir, gen: o.Generator, ed: o.Editor, formats: o.Formats, log: o.Log,
		maxBody: o.MaxBody, now: o.Now, token: hex.EncodeToString(tok), hosts: hosts,
		styles: newCache[string](256), states: newCache[*state](8), counts: newCache[counts](1024), redlineAuthor: o.RedlineAuthor, redlineDate: o.RedlineDate,
	}
	if s.formats == nil {
		s.formats = generator.DefaultFormats
	}
	if s.log == nil {
		s.log = log.New(io.Discard, "", 0)
	}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBody
	}
	if s.now == nil {
		s.now = time.Now
	}
	if s.list, err = template.ParseFS(templateFS, "templates/*.html"); err != nil {
		return nil, err
	}
	s.handler = s.secure(german(s.routes()))
	return s, nil
}

// ServeHTTP serves a request through the security chain.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// Token is the CSRF token of this server (the editor page carries it).
func (s *Server) Token() string { return s.token }

// Dir is the served folder, absolute with symbolic links resolved.
func (s *Server) Dir() string { return s.dir }

// routes maps the paths to the handlers.
func (s *Server) routes() http.Handler {
	m := http.NewServeMux()
	m.Handle("GET /{$}", s.page(s.index))
	m.Handle("POST /projekte", s.page(s.create))
	m.Handle("GET /projekt/{datei}", s.page(s.editorPage))
	m.Handle("GET /projekt/{datei}/dokument/{name}", s.page(s.download))
	m.Handle("GET /projekt/{datei}/projekt.zip", s.page(s.zipDownload))
	m.Handle("POST /api/projekt/{datei}/aktualisieren", s.api(s.update))
	m.Handle("POST /api/projekt/{datei}/pruefen", s.api(s.check))
	m.Handle("POST /api/projekt/{datei}/aenderungen", s.api(s.changes))
	m.Handle("POST /api/projekt/{datei}/redline.docx", s.api(s.redline))
	m.Handle("POST /api/projekt/{datei}/speichern", s.api(s.save))
	m.Handle("GET /vorschau/{name}", s.page(s.style))
	m.Handle("GET /static/", s.static())
	return m
}
