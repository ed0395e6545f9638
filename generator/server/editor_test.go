package server

import (
	"net/http"
	"strings"
	"testing"
	"time"
)

// realServer serves copies of fixtures with the editor of package editor.
func realServer(t testing.TB, fixtures ...string) *Server {
	t.Helper()
	s := testServer(t, fixtures...)
	r, err := New(Options{Dir: s.dir, Addr: testAddr, Generator: testGenerator(t), Now: func() time.Time { return time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestWithTheEditor runs the page and an edit through package editor:
// the page carries the token and loads its assets from /static/; a value
// set through the form keeps the file's comments and shows in the
// preview; adding a party rebuilds the form.
func TestWithTheEditor(t *testing.T) {
	s := realServer(t, "wohngeld-ring.yaml")
	w := serve(s, s.request("GET", "/projekt/wohngeld-ring.yaml", nil))
	page := w.Body.String()
	for _, want := range []string{`<meta name="csrf-token" content="` + s.token + `">`, `src="/static/app.js"`, `href="/static/app.css"`} {
		if !strings.Contains(page, want) {
			t.Errorf("editor page lacks %s", want)
		}
	}
	for _, asset := range []string{"/static/app.js", "/static/app.css"} {
		if w := serve(s, s.request("GET", asset, nil)); w.Code != 200 {
			t.Errorf("%s: %d", asset, w.Code)
		}
	}
	y := readFixture(t, "wohngeld-ring.yaml")
	var a updateAnswer
	s.post(t, "/api/projekt/wohngeld-ring.yaml/aktualisieren", map[string]any{"yaml": y,
		"edits": []Edit{{Op: "setzen", Pfad: "leistung.online_dienst", Wert: "Wohngeld-Antrag digital"}}}, &a, http.StatusOK)
	if len(a.Fehler) != 0 || a.Formular != "" {
		t.Fatalf("errors %+v, form rebuilt %v", a.Fehler, a.Formular != "")
	}
	if !strings.Contains(a.YAML, "Wohngeld-Antrag digital") || !strings.Contains(a.Dokument.HTML, "Wohngeld-Antrag digital") {
		t.Error("the edit is not in the YAML or the preview")
	}
	comments := func(s string) (n int) {
		for _, l := range strings.Split(s, "\n") {
			if strings.Contains(l, "#") {
				n++
			}
		}
		return n
	}
	if comments(a.YAML) != comments(y) {
		t.Errorf("comments lost: %d of %d", comments(a.YAML), comments(y))
	}
	s.post(t, "/api/projekt/wohngeld-ring.yaml/aktualisieren", map[string]any{"yaml": y,
		"edits": []Edit{{Op: "entfernen", Pfad: "kosten.positionen[4]"}}}, &a, http.StatusOK)
	if a.Formular == "" || !strings.Contains(a.Formular, "kosten.positionen") {
		t.Errorf("removing a cost item must rebuild the form")
	}
}
