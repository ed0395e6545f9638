package editor

import (
	"embed"
	"html/template"
	"io"
	"io/fs"
)

// PageData fills the editor page of one project file.
type PageData struct {
	Datei   string // file name relative to the served folder
	Titel   string // the project's title (or the file name)
	CSRF    string // token the client sends as X-CSRF-Token
	Version string // version of the file on disk when loaded (for the 409 check)
	YAML    []byte // the file's text
}

//go:embed page.html.tmpl
var pageFS embed.FS

//go:embed assets/app.js assets/app.css
var assetFS embed.FS

var page = template.Must(template.ParseFS(pageFS, "page.html.tmpl"))

// Page writes the editor page: the form (or, if the file is no YAML the
// form can read, the YAML tab with a note), the panels for preview, costs,
// check findings and changes, the save button and the conflict dialog.
// It loads /static/app.css and /static/app.js only, so that it runs under
// a Content-Security-Policy without inline scripts or styles.
func Page(w io.Writer, d PageData) error {
	v := struct {
		PageData
		Formular   template.HTML
		FormFehler string
	}{PageData: d}
	f, err := Form(d.YAML)
	if err != nil {
		v.FormFehler = "Das Formular kann diese Datei nicht anzeigen: " + err.Error()
	}
	v.Formular = f
	return page.Execute(w, v)
}

// Assets returns app.js and app.css, to be served below /static/.
func Assets() fs.FS {
	sub, err := fs.Sub(assetFS, "assets")
	if err != nil {
		panic(err) // the embedded directory exists
	}
	return sub
}
