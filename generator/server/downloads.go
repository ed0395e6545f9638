package server

import (
	"archive/zip"
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"time"
)

// savedState loads the project file as saved, for the downloads; 422
// when it does not validate.
func (s *Server) savedState(name string) (*state, error) {
	_, src, _, err := s.readProject(name)
	if err != nil {
		return nil, err
	}
	st, err := s.load(name, src)
	if err != nil {
		return nil, fail(http.StatusUnprocessableEntity, fmt.Sprintf("„%s“ enthält Fehler; erst nach dem Speichern einer gültigen Fassung herunterladbar.", name))
	}
	return st, nil
}

// download serves one document of the saved file as DOCX or PDF, as
// `vereinbar generate` writes it.
func (s *Server) download(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("datei")
	doc, format, _ := strings.Cut(r.PathValue("name"), ".")
	if format != "docx" && format != "pdf" {
		return fail(http.StatusNotFound, "Nur DOCX und PDF sind herunterladbar.")
	}
	st, err := s.savedState(name)
	if err != nil {
		return err
	}
	d, ok := pick(st.docs, doc)
	if !ok || doc == "" {
		return fail(http.StatusNotFound, fmt.Sprintf("„%s“ hat kein Dokument „%s“.", name, doc))
	}
	outs, err := s.gen.RenderDoc(r.Context(), st.project, st.costs.res, d, []string{format})
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", contentType(format))
	w.Header().Set("Content-Disposition", attachment(d.File+"."+format))
	w.Header().Set("Cache-Control", "no-store")
	w.Write(outs[0].Data)
	return nil
}

// zipDownload serves every file generate writes of the saved file, in
// the formats of generate, as one ZIP, with generate's paths (kurztitel/file.format).
func (s *Server) zipDownload(w http.ResponseWriter, r *http.Request) error {
	name := r.PathValue("datei")
	st, err := s.savedState(name)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	stamp := st.project.Data().Vorhaben.Stand.Time()
	if stamp.IsZero() || stamp.Year() < 1980 {
		stamp = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	// every document generate writes, the data outputs (Zahlungsplan,
	// Projektplan as XLSX) included
	for _, d := range s.gen.AllDocs(st.project) {
		outs, err := s.gen.RenderDoc(r.Context(), st.project, st.costs.res, d, s.formats)
		if err != nil {
			return err
		}
		for _, o := range outs {
			f, err := zw.CreateHeader(&zip.FileHeader{Name: o.Name, Method: zip.Deflate, Modified: stamp})
			if err != nil {
				return err
			}
			if _, err := f.Write(o.Data); err != nil {
				return err
			}
		}
	}
	if err := zw.Close(); err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/zip")
	w.Header().Set("Content-Disposition", attachment(st.project.Data().Vorhaben.Kurztitel+".zip"))
	w.Header().Set("Cache-Control", "no-store")
	w.Write(b.Bytes())
	return nil
}

func contentType(format string) string {
	switch format {
	case "docx":
		return docxType
	case "pdf":
		return "application/pdf"
	}
	return "application/octet-stream"
}

// attachment is a Content-Disposition header for a download.
func attachment(name string) string {
	return mime.FormatMediaType("attachment", map[string]string{"filename": name})
}
