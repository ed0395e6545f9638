package server

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

//go:embed templates/*.html
var templateFS embed.FS

// ownAssets are the static files of the list page, served under /static/
// before the editor's.
//
//go:embed assets
var ownAssets embed.FS

const docxType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

// entry is one project file of the list.
type entry struct {
	Datei     string
	Titel     string
	Form      string
	Parteien  string
	Fehler    int // validation errors, or check's errors
	Warnungen int
	Ungueltig bool // the file does not validate
	Meldung   string
}

type indexData struct {
	Verzeichnis string
	CSRF        string
	Projekte    []entry
	Formen      []formOption
	Fehler      string // a refused "Neu"
	Datei       string // the name typed, to show again
}

// formOption is one contract form of the "Neu" select: the value of
// vertrag.form and its German name.
type formOption struct{ Wert, Name string }

// formNames name the contract forms of generator.Forms in the "Neu"
// select (TestEveryFormHasAName).
var formNames = map[string]string{
	"ring":      "Ringstruktur (eine Vereinbarung aller Länder)",
	"stern":     "Sternstruktur (je nachnutzendem Land eine Vereinbarung)",
	"fit-store": "FIT-Store (Beitritt über den FIT-Store)",
}

// index lists the project files of the folder with their check status.
func (s *Server) index(w http.ResponseWriter, r *http.Request) error {
	return s.renderIndex(w, r, http.StatusOK, "", "")
}

func (s *Server) renderIndex(w http.ResponseWriter, r *http.Request, code int, msg, typed string) error {
	names, err := s.projectNames()
	if err != nil {
		return err
	}
	d := indexData{Verzeichnis: s.dir, CSRF: s.token, Fehler: msg, Datei: typed}
	for _, f := range generator.Forms {
		d.Formen = append(d.Formen, formOption{Wert: f, Name: formNames[f]})
	}
	for _, n := range names {
		d.Projekte = append(d.Projekte, s.entryOf(r.Context(), n))
	}
	var b bytes.Buffer
	if err := s.list.ExecuteTemplate(&b, "liste.html", d); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	w.Write(b.Bytes())
	return nil
}

// projectNames are the names of the project files of the folder, sorted.
func (s *Server) projectNames() ([]string, error) {
	es, err := os.ReadDir(s.dir)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, e := range es {
		if e.IsDir() || validName(e.Name()) != "" {
			continue
		}
		if _, err := s.projectPath(e.Name()); err != nil {
			continue // a link out of the folder, a FIFO: not listed
		}
		out = append(out, e.Name())
	}
	slices.Sort(out)
	return out, nil
}

// entryOf reads one project file for the list: title, form, parties and
// the count of errors and warnings that check reports.
func (s *Server) entryOf(ctx context.Context, name string) entry {
	e := entry{Datei: name, Titel: name}
	_, src, _, err := s.readProject(name)
	if err != nil {
		e.Ungueltig, e.Fehler, e.Meldung = true, 1, err.Error()
		return e
	}
	st, err := s.load(name, src)
	if err != nil {
		e.Ungueltig, e.Fehler = true, len(fieldErrors(err))
		e.Meldung = fmt.Sprintf("%d %s in den Projektdaten", e.Fehler, plural(e.Fehler, "Fehler", "Fehler"))
		return e
	}
	pr := st.project.Data()
	e.Titel, e.Form = pr.Vorhaben.Titel, pr.Vertrag.Form
	var parties []string
	for _, pt := range pr.Parteien {
		if ref, ok := refdata.PartyByCode(string(pt.Land)); ok {
			parties = append(parties, ref.Kurzname)
		} else {
			parties = append(parties, string(pt.Land))
		}
	}
	e.Parteien = strings.Join(parties, ", ")
	c, ok := s.counts.get(name + "\x00" + versionOf(src))
	if !ok {
		rep := s.gen.CheckProject(ctx, st.project)
		if rep.Err != nil {
			c.msg = rep.Err.Error()
		}
		for _, f := range rep.Findings {
			switch f.Severity {
			case check.Error:
				c.errors++
			case check.Warning:
				c.warnings++
			}
		}
		s.counts.set(name+"\x00"+versionOf(src), c)
	}
	e.Fehler, e.Warnungen, e.Meldung = c.errors, c.warnings, c.msg
	if c.msg != "" {
		e.Fehler = 1
	}
	return e
}

// counts are check's result for a file in the list, cached by its
// version: the list checks every file only when it has changed.
type counts struct {
	errors, warnings int
	msg              string
}

// create makes a new project file from the starter (`vereinbar init`)
// under the name typed, then opens it in the editor. A form post is
// answered with a redirect, a JSON post with {"datei", "adresse"}.
func (s *Server) create(w http.ResponseWriter, r *http.Request) error {
	var name, form string
	asJSON := strings.HasPrefix(r.Header.Get("Content-Type"), "application/json")
	if asJSON {
		var req struct {
			Datei string `json:"datei"`
			Form  string `json:"form"`
		}
		if err := decode(r, &req); err != nil {
			return err
		}
		name, form = req.Datei, req.Form
	} else {
		name, form = r.PostFormValue("datei"), r.PostFormValue("form")
	}
	name = strings.TrimSpace(name)
	if name != "" && path.Ext(name) == "" {
		name += ".yaml"
	}
	if form == "" {
		form = "ring"
	}
	refuseNew := func(code int, msg string) error {
		if wantsJSON(r) { // answered as JSON by page
			return fail(code, msg)
		}
		return s.renderIndex(w, r, code, msg, name)
	}
	if why := newName(name); why != "" {
		return refuseNew(http.StatusUnprocessableEntity, fmt.Sprintf("„%s“: %s. Einen Namen wie „wohngeld-ring.yaml“ angeben.", name, why))
	}
	if !slices.Contains(generator.Forms, form) {
		return refuseNew(http.StatusUnprocessableEntity, fmt.Sprintf("Unbekannte Vertragsform „%s“ (erlaubt: %s).", form, strings.Join(generator.Forms, ", ")))
	}
	p := s.dir + string(os.PathSeparator) + name
	if _, err := os.Lstat(p); !errors.Is(err, fs.ErrNotExist) {
		return refuseNew(http.StatusConflict, fmt.Sprintf("„%s“ gibt es schon; einen anderen Namen wählen.", name))
	}
	src, err := generator.Starter(form, name, s.now())
	if err != nil {
		return err
	}
	if err := createNew(p, src); errors.Is(err, fs.ErrExist) {
		return refuseNew(http.StatusConflict, fmt.Sprintf("„%s“ gibt es schon; einen anderen Namen wählen.", name))
	} else if err != nil {
		return err
	}
	to := "/projekt/" + url.PathEscape(name)
	if asJSON {
		writeJSON(w, http.StatusCreated, map[string]string{"datei": name, "adresse": to})
		return nil
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// editorPage serves the editor of one project file.
func (s *Server) editorPage(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("datei")
	_, src, version, err := s.readProject(name)
	if err != nil {
		return err
	}
	title := name
	if st, err := s.load(name, src); err == nil {
		title = st.project.Data().Vorhaben.Titel
	}
	var b bytes.Buffer
	if err := s.ed.Page(&b, PageData{Datei: name, Titel: title, CSRF: s.token, Version: version, YAML: src}); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b.Bytes())
	return nil
}

// assetTypes are the content types of the assets, fixed here rather than
// taken from the system's MIME table (which differs between machines).
var assetTypes = map[string]string{
	".js":    "text/javascript; charset=utf-8",
	".css":   "text/css; charset=utf-8",
	".svg":   "image/svg+xml",
	".png":   "image/png",
	".woff2": "font/woff2",
	".json":  "application/json",
	".txt":   "text/plain; charset=utf-8",
	".html":  "text/html; charset=utf-8",
}

// static serves the editor's assets under /static/ with their content
// types; they change only with the program, so the browser revalidates.
func (s *Server) static() http.Handler {
	own, _ := fs.Sub(ownAssets, "assets")
	ownSrv := http.StripPrefix("/static/", http.FileServerFS(own))
	fsrv := http.StripPrefix("/static/", http.FileServerFS(s.ed.Assets))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		srv := fsrv
		name := strings.TrimPrefix(r.URL.Path, "/static/")
		if _, err := fs.Stat(own, name); err == nil && fs.ValidPath(name) {
			srv = ownSrv
		}
		if strings.HasSuffix(r.URL.Path, "/") {
			errorPage(w, http.StatusNotFound, "Nicht gefunden.")
			return
		}
		w.Header().Set("Cache-Control", "no-cache")
		if ct, ok := assetTypes[path.Ext(r.URL.Path)]; ok {
			w.Header().Set("Content-Type", ct)
		}
		srv.ServeHTTP(w, r)
	})
}
