package server

import (
	"io"

	"github.com/vereinbar/vereinbar/generator/server/editor"
)

// DefaultEditor is the editor of package editor: the page, its assets,
// the comment-preserving YAML edits and the form.
func DefaultEditor() Editor {
	return Editor{
		Page: func(w io.Writer, d PageData) error {
			return editor.Page(w, editor.PageData{Datei: d.Datei, Titel: d.Titel, CSRF: d.CSRF, Version: d.Version, YAML: d.YAML})
		},
		Assets: editor.Assets(),
		Apply: func(src []byte, edits []Edit) ([]byte, error) {
			es := make([]editor.Edit, len(edits))
			for i, e := range edits {
				es[i] = editor.Edit{Op: e.Op, Pfad: e.Pfad, Wert: e.Wert, Nach: e.Nach}
			}
			return editor.Apply(src, es)
		},
		Form: editor.Form,
	}
}
