package server

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// ok is the handler behind a middleware under test: it answers 200 and
// reads the body, as a handler would.
var ok = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
	if _, err := r.Body.Read(make([]byte, 1<<20)); err != nil && err.Error() != "EOF" {
		if strings.Contains(err.Error(), "too large") {
			w.WriteHeader(http.StatusRequestEntityTooLarge)
			return
		}
	}
	w.WriteHeader(http.StatusOK)
})

func req(method, host string, hdr map[string]string) *http.Request {
	r := httptest.NewRequest(method, "/api/projekt/a.yaml/pruefen", strings.NewReader("{}"))
	r.Host = host
	for k, v := range hdr {
		r.Header.Set(k, v)
	}
	return r
}

func TestCheckHostRefusesForeignHosts(t *testing.T) {
	s := &Server{}
	var err error
	if s.hosts, err = allowedHosts(testAddr); err != nil {
		t.Fatal(err)
	}
	h := s.checkHost(ok)
	for host, want := range map[string]int{
		"127.0.0.1:8080":          200,
		"localhost:8080":          200,
		"LOCALHOST:8080":          200,
		"[::1]:8080":              200,
		"evil.example:8080":       http.StatusMisdirectedRequest, // DNS rebinding: the attacker's name
		"evil.example":            http.StatusMisdirectedRequest,
		"127.0.0.1:9999":          http.StatusMisdirectedRequest,
		"127.0.0.1":               http.StatusMisdirectedRequest,
		"localhost.evil.ex:8080":  http.StatusMisdirectedRequest,
		"":                        http.StatusMisdirectedRequest,
		"127.0.0.1:8080@evil.com": http.StatusMisdirectedRequest,
	} {
		if w := serve(h, req("GET", host, nil)); w.Code != want {
			t.Errorf("Host %q: status %d, want %d", host, w.Code, want)
		}
	}
}

func TestAllowedHostsOfUnspecifiedAddress(t *testing.T) {
	hs, err := allowedHosts("0.0.0.0:8081")
	if err != nil {
		t.Fatal(err)
	}
	if !hs["127.0.0.1:8081"] || !hs["localhost:8081"] || hs["evil.example:8081"] {
		t.Errorf("hosts %v", hs)
	}
	hs, err = allowedHosts("192.0.2.7:8082", "rechner.example")
	if err != nil || !hs["rechner.example:8082"] || !hs["192.0.2.7:8082"] || hs["rechner.example:8080"] {
		t.Errorf("hosts with a name: %v %v", hs, err)
	}
	hs, _ = allowedHosts("127.0.0.1:80")
	if !hs["127.0.0.1"] || !hs["localhost"] || !hs["[::1]"] || !hs["127.0.0.1:80"] || hs["evil.example"] {
		t.Errorf("hosts on port 80: %v", hs)
	}
	for _, bad := range []string{"", "127.0.0.1", "127.0.0.1:0", "x"} {
		if _, err := allowedHosts(bad); err == nil {
			t.Errorf("allowedHosts(%q): no error", bad)
		}
	}
}

func TestSameOriginRefusesForeignOrigins(t *testing.T) {
	h := sameOrigin(ok)
	for _, c := range []struct {
		method string
		hdr    map[string]string
		want   int
	}{
		{"POST", map[string]string{"Origin": testOrigin}, 200},
		{"POST", map[string]string{"Origin": "http://localhost:8080"}, 403}, // another origin than the Host named
		{"POST", map[string]string{"Origin": "http://evil.example"}, 403},
		{"POST", map[string]string{"Origin": "null"}, 403},
		{"POST", map[string]string{"Origin": "https://127.0.0.1:8080"}, 403},
		{"POST", map[string]string{"Sec-Fetch-Site": "same-origin"}, 200},
		{"POST", map[string]string{"Sec-Fetch-Site": "cross-site"}, 403},
		{"POST", map[string]string{"Sec-Fetch-Site": "same-site"}, 403},
		{"POST", nil, 403},
		{"PUT", map[string]string{"Origin": "http://evil.example"}, 403},
		{"GET", map[string]string{"Origin": "http://evil.example"}, 200}, // reads change nothing
	} {
		if w := serve(h, req(c.method, testAddr, c.hdr)); w.Code != c.want {
			t.Errorf("%s %v: status %d, want %d", c.method, c.hdr, w.Code, c.want)
		}
	}
}

func TestCheckTokenRefusesMissingOrWrongToken(t *testing.T) {
	s := &Server{token: "geheim-0123456789"}
	h := s.checkToken(ok)
	for _, c := range []struct {
		method string
		hdr    map[string]string
		want   int
	}{
		{"POST", map[string]string{CSRFHeader: "geheim-0123456789"}, 200},
		{"POST", nil, 403},
		{"POST", map[string]string{CSRFHeader: ""}, 403},
		{"POST", map[string]string{CSRFHeader: "geheim-012345678"}, 403},
		{"POST", map[string]string{CSRFHeader: "geheim-0123456789x"}, 403},
		{"DELETE", nil, 403},
		{"GET", nil, 200},
	} {
		if w := serve(h, req(c.method, testAddr, c.hdr)); w.Code != c.want {
			t.Errorf("%s %v: status %d, want %d", c.method, c.hdr, w.Code, c.want)
		}
	}
	// A form posted without script carries the token in a field.
	form := func(tok string) *http.Request {
		r := httptest.NewRequest("POST", "/projekte", strings.NewReader(url.Values{CSRFField: {tok}, "datei": {"x"}}.Encode()))
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		return r
	}
	if w := serve(h, form("geheim-0123456789")); w.Code != 200 {
		t.Errorf("form with token: %d", w.Code)
	}
	if w := serve(h, form("falsch")); w.Code != 403 {
		t.Errorf("form with wrong token: %d", w.Code)
	}
}

func TestLimitBodyRefusesOversizedBodies(t *testing.T) {
	h := limitBody(100, ok)
	if w := serve(h, httptest.NewRequest("POST", "/", strings.NewReader(strings.Repeat("x", 100)))); w.Code != 200 {
		t.Errorf("100 bytes: %d", w.Code)
	}
	// Declared too large: refused before the handler runs.
	if w := serve(h, httptest.NewRequest("POST", "/", strings.NewReader(strings.Repeat("x", 101)))); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("101 bytes declared: %d", w.Code)
	}
	// Not declared (chunked): cut off while read.
	r := httptest.NewRequest("POST", "/", strings.NewReader(strings.Repeat("x", 101)))
	r.ContentLength = -1
	if w := serve(h, r); w.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("101 bytes undeclared: %d", w.Code)
	}
}

func TestHeadersOnEveryResponse(t *testing.T) {
	s := testServer(t, "wohngeld-ring.yaml")
	foreign := s.request("GET", "/", nil)
	foreign.Host = "evil.example:8080"
	for name, r := range map[string]*http.Request{
		"list":    s.request("GET", "/", nil),
		"refusal": foreign,
		"api":     s.request("POST", "/api/projekt/wohngeld-ring.yaml/pruefen", map[string]string{"yaml": "x: ["}),
		"missing": s.request("GET", "/gibtsnicht", nil),
	} {
		w := serve(s, r)
		h := w.Header()
		if h.Get("Content-Security-Policy") != CSP || h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") != "same-origin" {
			t.Errorf("%s (%d): headers %v", name, w.Code, h)
		}
	}
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'"} {
		if !strings.Contains(CSP, want) {
			t.Errorf("CSP lacks %s", want)
		}
	}
}

// TestServerRefuses sends every kind of hostile request through the whole
// server and expects each refused with its status.
func TestServerRefuses(t *testing.T) {
	s := testServer(t, "wohngeld-ring.yaml")
	outside := t.TempDir()
	secret := filepath.Join(outside, "geheim.yaml")
	if err := os.WriteFile(secret, []byte(readFixture(t, "wohngeld-ring.yaml")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, filepath.Join(s.dir, "aussen.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(s.dir, "wohngeld-ring.yaml"), filepath.Join(s.dir, "innen.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(s.dir, "unter"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(s.dir, "unter", "x.yaml"), []byte("x: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	yaml := readFixture(t, "wohngeld-ring.yaml")
	check := map[string]string{"yaml": yaml}
	with := func(r *http.Request, f func(r *http.Request)) *http.Request { f(r); return r }
	for _, c := range []struct {
		name string
		r    *http.Request
		want int
	}{
		{"foreign Host", with(s.request("GET", "/projekt/wohngeld-ring.yaml", nil), func(r *http.Request) { r.Host = "evil.example:8080" }), http.StatusMisdirectedRequest},
		{"foreign Host on POST", with(s.request("POST", "/api/projekt/wohngeld-ring.yaml/pruefen", check), func(r *http.Request) { r.Host = "evil.example:8080" }), http.StatusMisdirectedRequest},
		{"foreign Origin", with(s.request("POST", "/api/projekt/wohngeld-ring.yaml/speichern", check), func(r *http.Request) { r.Header.Set("Origin", "http://evil.example") }), http.StatusForbidden},
		{"no Origin", with(s.request("POST", "/api/projekt/wohngeld-ring.yaml/speichern", check), func(r *http.Request) { r.Header.Del("Origin") }), http.StatusForbidden},
		{"missing token", with(s.request("POST", "/api/projekt/wohngeld-ring.yaml/speichern", check), func(r *http.Request) { r.Header.Del(CSRFHeader) }), http.StatusForbidden},
		{"wrong token", with(s.request("POST", "/api/projekt/wohngeld-ring.yaml/speichern", check), func(r *http.Request) { r.Header.Set(CSRFHeader, "x"+s.token[1:]) }), http.StatusForbidden},
		{"missing token on Neu", with(s.request("POST", "/projekte", map[string]string{"datei": "neu.yaml"}), func(r *http.Request) { r.Header.Del(CSRFHeader) }), http.StatusForbidden},
		{"dot-dot escaped", s.request("GET", "/projekt/..%2F..%2Fetc%2Fpasswd", nil), http.StatusNotFound},
		{"dot-dot yaml", s.request("GET", "/projekt/..%2Fgeheim.yaml", nil), http.StatusNotFound},
		{"absolute", s.request("GET", "/projekt/%2Fetc%2Fpasswd.yaml", nil), http.StatusNotFound},
		{"dot-dot on save", s.request("POST", "/api/projekt/..%2Fgeheim.yaml/speichern", check), http.StatusNotFound},
		{"subfolder", s.request("GET", "/projekt/unter%2Fx.yaml", nil), http.StatusNotFound},
		{"not yaml", s.request("GET", "/projekt/passwd", nil), http.StatusNotFound},
		{"config", s.request("GET", "/projekt/config.yaml", nil), http.StatusNotFound},
		{"hidden", s.request("GET", "/projekt/.geheim.yaml", nil), http.StatusNotFound},
		{"symlink out", s.request("GET", "/projekt/aussen.yaml", nil), http.StatusForbidden},
		{"symlink out on save", s.request("POST", "/api/projekt/aussen.yaml/speichern", map[string]string{"yaml": yaml + "# x\n", "version": versionOf([]byte(yaml))}), http.StatusForbidden},
		{"symlink out download", s.request("GET", "/projekt/aussen.yaml/dokument/vereinbarung.docx", nil), http.StatusForbidden},
		{"oversized body", s.request("POST", "/api/projekt/wohngeld-ring.yaml/aktualisieren", map[string]string{"yaml": strings.Repeat("#", DefaultMaxBody)}), http.StatusRequestEntityTooLarge},
		{"oversized body undeclared", with(s.request("POST", "/api/projekt/wohngeld-ring.yaml/aktualisieren", map[string]string{"yaml": strings.Repeat("#", DefaultMaxBody)}), func(r *http.Request) { r.ContentLength = -1 }), http.StatusRequestEntityTooLarge},
		{"symlink inside", s.request("GET", "/projekt/innen.yaml", nil), http.StatusOK},
	} {
		w := serve(s, c.r)
		if w.Code != c.want {
			t.Errorf("%s: status %d, want %d: %s", c.name, w.Code, c.want, firstLine(w.Body.String()))
		}
		if c.want == http.StatusNotFound && !strings.Contains(w.Body.String(), "Dateiname") && !strings.Contains(w.Body.String(), "Projektdatei") {
			t.Errorf("%s: not refused by the name check: %s", c.name, firstLine(w.Body.String()))
		}
	}
	if b, _ := os.ReadFile(secret); string(b) != yaml {
		t.Error("the file outside the folder was changed")
	}
}

// TestLinkToANonProjectFileIsRefused: a link inside the folder to
// config.yaml or another file that is no project file is neither listed,
// opened, checked, downloaded nor written through (the audit's symlink
// overwrite of config.yaml).
func TestLinkToANonProjectFileIsRefused(t *testing.T) {
	s := testServer(t, "wohngeld-ring.yaml")
	y := readFixture(t, "wohngeld-ring.yaml")
	targets := map[string]string{
		"config.yaml": "formate: docx\n",
		"notiz.txt":   "nicht anfassen\n",
		"wie-projekt": y, // valid project data, but no project file name
	}
	for target, content := range targets {
		if err := os.WriteFile(filepath.Join(s.dir, target), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, filepath.Join(s.dir, "link-"+target+".yaml")); err != nil {
			t.Fatal(err)
		}
	}
	list := serve(s, s.request("GET", "/", nil)).Body.String()
	for target, content := range targets {
		link := "link-" + target + ".yaml"
		if strings.Contains(list, link) {
			t.Errorf("the list shows %s", link)
		}
		version := versionOf([]byte(content))
		for _, r := range []*http.Request{
			s.request("GET", "/projekt/"+link, nil),
			s.request("GET", "/projekt/"+link+"/dokument/vereinbarung.docx", nil),
			s.request("GET", "/projekt/"+link+"/projekt.zip", nil),
			s.request("POST", "/api/projekt/"+link+"/aktualisieren", map[string]any{"yaml": y}),
			s.request("POST", "/api/projekt/"+link+"/pruefen", map[string]any{"yaml": y}),
			s.request("POST", "/api/projekt/"+link+"/speichern", map[string]any{"yaml": y, "version": version}),
		} {
			if w := serve(s, r); w.Code != http.StatusForbidden {
				t.Errorf("%s %s: status %d, want 403: %s", r.Method, r.URL.Path, w.Code, firstLine(w.Body.String()))
			}
		}
		if b, _ := os.ReadFile(filepath.Join(s.dir, target)); string(b) != content {
			t.Errorf("%s was overwritten through %s", target, link)
		}
	}
	// A link to a project file still works (TestSaveThroughALinkInsideTheFolder).
	if err := os.Symlink("wohngeld-ring.yaml", filepath.Join(s.dir, "innen.yaml")); err != nil {
		t.Fatal(err)
	}
	if w := serve(s, s.request("GET", "/projekt/innen.yaml", nil)); w.Code != 200 {
		t.Errorf("link to a project file: %d", w.Code)
	}
}

// TestOversizedChunkedFormPostIs413: a form post over the limit whose
// size is not declared (chunked) is answered 413, not taken for a
// missing CSRF token.
func TestOversizedChunkedFormPostIs413(t *testing.T) {
	s := testServer(t)
	body := "csrf=" + s.token + "&datei=" + strings.Repeat("x", DefaultMaxBody)
	for _, declared := range []bool{true, false} {
		r := s.request("POST", "/projekte", body)
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		r.Header.Del(CSRFHeader)
		if !declared {
			r.ContentLength = -1
		}
		w := serve(s, r)
		if w.Code != http.StatusRequestEntityTooLarge || !strings.Contains(w.Body.String(), "KiB") {
			t.Errorf("declared %v: status %d, want 413: %s", declared, w.Code, firstLine(w.Body.String()))
		}
	}
	// A malformed form is a bad request, not a missing token either.
	r := s.request("POST", "/projekte", "csrf=%zz")
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Del(CSRFHeader)
	if w := serve(s, r); w.Code != http.StatusBadRequest {
		t.Errorf("malformed form: %d", w.Code)
	}
}

// TestJSONNewGetsJSONRefusals: "Neu" posted as JSON (or asking for it)
// gets its 409 and 422 as JSON with a German message, not an HTML page.
func TestJSONNewGetsJSONRefusals(t *testing.T) {
	s := testServer(t, "wohngeld-ring.yaml")
	for _, c := range []struct {
		datei string
		want  int
	}{{"wohngeld-ring.yaml", http.StatusConflict}, {"../x.yaml", http.StatusUnprocessableEntity}, {"x.txt", http.StatusUnprocessableEntity}} {
		var got struct{ Meldung string }
		w := s.post(t, "/projekte", map[string]string{"datei": c.datei}, &got, c.want)
		if ct := w.Header().Get("Content-Type"); !strings.HasPrefix(ct, "application/json") || got.Meldung == "" {
			t.Errorf("%s: %s %+v", c.datei, ct, got)
		}
	}
	// A form body from a script that accepts JSON only.
	r := s.request("POST", "/projekte", "datei=wohngeld-ring.yaml")
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Accept", "application/json")
	if w := serve(s, r); w.Code != http.StatusConflict || !strings.HasPrefix(w.Header().Get("Content-Type"), "application/json") {
		t.Errorf("form accepting JSON: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
	// The browser's form still gets the list with the message.
	r = s.request("POST", "/projekte", "datei=wohngeld-ring.yaml")
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	r.Header.Set("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
	if w := serve(s, r); w.Code != http.StatusConflict || !strings.Contains(w.Body.String(), `role="alert"`) {
		t.Errorf("browser form: %d %s", w.Code, w.Header().Get("Content-Type"))
	}
}

// TestUnknownRoutesGetTheGermanErrorPage: unknown paths, missing static
// files and wrong methods are answered in German, with the security
// headers, never with net/http's English text.
func TestUnknownRoutesGetTheGermanErrorPage(t *testing.T) {
	s := testServer(t, "wohngeld-ring.yaml")
	for _, c := range []struct {
		r    *http.Request
		want int
		text string
	}{
		{s.request("GET", "/gibtsnicht", nil), 404, "gibt es nicht"},
		{s.request("GET", "/static/gibtsnicht.js", nil), 404, "gibt es nicht"},
		{s.request("GET", "/projekt/wohngeld-ring.yaml/gibtsnicht", nil), 404, "gibt es nicht"},
		{s.request("GET", "/api/projekt/wohngeld-ring.yaml/speichern", nil), 405, "nimmt keine Anfrage mit GET an"},
		{s.request("POST", "/projekt/wohngeld-ring.yaml", map[string]string{}), 405, "nimmt keine Anfrage mit POST an"},
		{s.request("DELETE", "/", nil), 405, "nimmt keine Anfrage mit DELETE an"},
	} {
		c.r.Header.Set("Accept", "text/html")
		c.r.Header.Del("Content-Type")
		if c.r.Method == "DELETE" {
			c.r.Header.Set("Origin", testOrigin)
			c.r.Header.Set(CSRFHeader, s.token)
		}
		w := serve(s, c.r)
		body := w.Body.String()
		name := c.r.Method + " " + c.r.URL.Path
		api := strings.HasPrefix(c.r.URL.Path, "/api/") // answered as JSON, as every API failure
		if w.Code != c.want || !strings.Contains(body, c.text) || !api && !strings.Contains(body, `lang="de"`) {
			t.Errorf("%s: %d, want %d with %q: %s", name, w.Code, c.want, c.text, firstLine(body))
		}
		ct := "text/html"
		if api {
			ct = "application/json"
		}
		for _, english := range []string{"page not found", "Method Not Allowed"} {
			if strings.Contains(body, english) {
				t.Errorf("%s: English text %q", name, english)
			}
		}
		if h := w.Header(); h.Get("Content-Security-Policy") != CSP || h.Get("X-Content-Type-Options") != "nosniff" || !strings.HasPrefix(h.Get("Content-Type"), ct) {
			t.Errorf("%s: headers %v", name, h)
		}
		if c.want == 405 && w.Header().Get("Allow") == "" {
			t.Errorf("%s: no Allow header", name)
		}
	}
}
