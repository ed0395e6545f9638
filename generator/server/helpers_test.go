package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/vereinbar/vereinbar/generator"
)

const (
	testAddr   = "127.0.0.1:8080"
	testOrigin = "http://" + testAddr
)

var sharedGen = sync.OnceValues(func() (*generator.Generator, error) { return generator.New(generator.Options{}) })

func testGenerator(t testing.TB) *generator.Generator {
	t.Helper()
	g, err := sharedGen()
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// placeholderEditor stands in for package editor in these tests: a page
// that shows what it is given, an Apply that records the edits as a
// comment (so the result differs from the input and stays valid YAML),
// a Form that names the size of its input.
func placeholderEditor() Editor {
	return Editor{
		Page: func(w io.Writer, d PageData) error {
			return template.Must(template.New("p").Parse(`<!DOCTYPE html><html lang="de"><head><meta name="csrf-token" content="{{.CSRF}}"><title>{{.Titel}}</title></head>`+
				`<body data-datei="{{.Datei}}" data-version="{{.Version}}"><textarea>{{printf "%s" .YAML}}</textarea></body></html>`)).Execute(w, d)
		},
		Assets: fstest.MapFS{"editor.js": {Data: []byte("// editor\n")}, "editor.css": {Data: []byte("body{}\n")}},
		Apply: func(src []byte, edits []Edit) ([]byte, error) {
			out := append([]byte{}, src...)
			for _, e := range edits {
				if e.Op == "kaputt" {
					return nil, fmt.Errorf("Pfad %s gibt es nicht", e.Pfad)
				}
				out = append(out, fmt.Sprintf("# %s %s\n", e.Op, e.Pfad)...)
			}
			return out, nil
		},
		Form: func(src []byte) (template.HTML, error) {
			return template.HTML(fmt.Sprintf("<form>%d</form>", len(src))), nil
		},
	}
}

// testServer serves a temporary folder holding copies of the named
// fixtures.
func testServer(t testing.TB, fixtures ...string) *Server {
	t.Helper()
	dir := t.TempDir()
	for _, f := range fixtures {
		b, err := os.ReadFile(filepath.Join("..", "..", "fixtures", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := New(Options{Dir: dir, Addr: testAddr, Generator: testGenerator(t), Editor: placeholderEditor(),
		Now: func() time.Time { return time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// request builds a request as the editor page sends it: the served Host,
// the same Origin, the CSRF token on a POST.
func (s *Server) request(method, path string, body any) *http.Request {
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		j, _ := json.Marshal(b)
		rd = bytes.NewReader(j)
	}
	r := httptest.NewRequest(method, path, rd)
	r.Host = testAddr
	if method == http.MethodPost {
		r.Header.Set("Origin", testOrigin)
		r.Header.Set(CSRFHeader, s.token)
		r.Header.Set("Content-Type", "application/json")
	}
	return r
}

func serve(h http.Handler, r *http.Request) *httptest.ResponseRecorder {
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

// post sends a JSON POST and decodes the JSON answer into out (if not nil);
// it fails the test on a status other than want.
func (s *Server) post(t testing.TB, path string, body, out any, want int) *httptest.ResponseRecorder {
	t.Helper()
	w := serve(s, s.request(http.MethodPost, path, body))
	if w.Code != want {
		t.Fatalf("POST %s: status %d, want %d: %s", path, w.Code, want, firstLine(w.Body.String()))
	}
	if out != nil {
		if err := json.Unmarshal(w.Body.Bytes(), out); err != nil {
			t.Fatalf("POST %s: %v: %s", path, err, firstLine(w.Body.String()))
		}
	}
	return w
}

func firstLine(s string) string {
	if len(s) > 300 {
		s = s[:300]
	}
	return s
}

func readFixture(t testing.TB, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "fixtures", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
