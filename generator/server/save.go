package server

import (
	"bytes"
	"fmt"
	"net/http"
	"os"

	"github.com/vereinbar/vereinbar/generator/atomicfile"
)

type saveResponse struct {
	Version string `json:"version"`
}

// yamlRequest reads the project file name of the route, confined to the
// folder, and the body of a request that carries the edited YAML.
func (s *Server) yamlRequest(r *http.Request) (name string, req yamlRequest, err error) {
	name = r.PathValue("datei")
	if _, err = s.projectPath(name); err != nil {
		return "", req, err
	}
	err = decode(r, &req)
	return name, req, err
}

// save writes the edited YAML to the file, atomically, when the file on
// disk is still the version the page loaded (else 409) and the YAML is
// valid (else 422 with the errors).
func (s *Server) save(w http.ResponseWriter, r *http.Request) error {
	name, req, err := s.yamlRequest(r)
	if err != nil {
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
