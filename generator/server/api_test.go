package server

import (
	"github.com/vereinbar/vereinbar/generator"

	"archive/zip"
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

type updateAnswer struct {
	YAML     string `json:"yaml"`
	Formular string `json:"formular"`
	Fehler   []struct {
		Pfad    string `json:"pfad"`
		Zeile   int    `json:"zeile"`
		Spalte  int    `json:"spalte"`
		Meldung string `json:"meldung"`
		Text    string `json:"text"`
	} `json:"fehler"`
	Dokumente []docRef `json:"dokumente"`
	Dokument  *preview `json:"dokument"`
	Kosten    *string  `json:"kosten"`
}

func TestUpdateRendersTheSelectedDocument(t *testing.T) {
	s := testServer(t, "wohngeld-ring.yaml")
	y := readFixture(t, "wohngeld-ring.yaml")
	var a updateAnswer
	s.post(t, "/api/projekt/wohngeld-ring.yaml/aktualisieren", map[string]any{"yaml": y}, &a, 200)
	if len(a.Fehler) != 0 {
		t.Fatalf("errors on a valid fixture: %+v", a.Fehler)
	}
	var ids []string
	for _, d := range a.Dokumente {
		ids = append(ids, d.ID)
	}
	if !slices.Equal(ids, []string{"vereinbarung", "projektbeschreibung", "projektsteckbrief", "projektplan"}) {
		t.Errorf("documents %v", ids)
	}
	if a.Dokument == nil || a.Dokument.ID != "vereinbarung" || a.Dokument.Titel != "Verwaltungsvereinbarung" {
		t.Fatalf("default document: %+v", a.Dokument)
	}
	if a.YAML != y || a.Formular == "" {
		t.Errorf("a text edit must return the YAML as sent and the form anew (formular %q)", a.Formular)
	}
	for _, want := range []string{`<div class="vorschau-dokument">`, `<main class="a4">`, `id="gegenstand"`, "Wohngeld-Antrag online", "Verteilung"} {
		if !strings.Contains(a.Dokument.HTML, want) {
			t.Errorf("preview lacks %s", want)
		}
	}
	if a.Kosten == nil || !strings.Contains(*a.Kosten, `<div class="kostenverteilung">`) || !strings.Contains(*a.Kosten, "Hare/Niemeyer") || !strings.Contains(*a.Kosten, "<meter ") {
		t.Errorf("cost table: %v", a.Kosten)
	}
	// The style sheet the preview links is served, scoped to the preview.
	href := regexp.MustCompile(`<link rel="stylesheet" href="(/vorschau/[0-9a-f]+\.css)">`).FindStringSubmatch(a.Dokument.HTML)
	if href == nil {
		t.Fatalf("no style sheet link in %s", firstLine(a.Dokument.HTML))
	}
	w := serve(s, s.request("GET", href[1], nil))
	if w.Code != 200 || !strings.HasPrefix(w.Header().Get("Content-Type"), "text/css") {
		t.Fatalf("GET %s: %d %s", href[1], w.Code, w.Header().Get("Content-Type"))
	}
	for _, line := range strings.Split(strings.TrimSpace(w.Body.String()), "\n") {
		if !strings.HasPrefix(line, ".vorschau-dokument") && !strings.HasPrefix(line, "@media") && line != "}" {
			t.Errorf("rule not scoped: %s", line)
		}
	}
	if w := serve(s, s.request("GET", "/vorschau/0000.css", nil)); w.Code != 404 {
		t.Errorf("unknown style sheet: %d", w.Code)
	}

	// Another document; a party of the agreement in the title.
	s.post(t, "/api/projekt/wohngeld-ring.yaml/aktualisieren", map[string]any{"yaml": y, "dokument": "projektsteckbrief", "edits": []Edit{{Op: "setzen", Pfad: "vorhaben.titel", Wert: "x"}}}, &a, 200)
	if a.Dokument == nil || a.Dokument.ID != "projektsteckbrief" || !strings.Contains(a.Dokument.HTML, "folie") {
		t.Errorf("selected document: %+v", a.Dokument)
	}
	if a.Formular != "" {
		t.Errorf("a value edit must not rebuild the form: %q", a.Formular)
	}
	if !strings.HasSuffix(a.YAML, "# setzen vorhaben.titel\n") {
		t.Errorf("edits not applied: %q", a.YAML[len(a.YAML)-40:])
	}
	for _, op := range []string{"hinzufuegen", "entfernen", "verschieben"} {
		s.post(t, "/api/projekt/wohngeld-ring.yaml/aktualisieren", map[string]any{"yaml": y, "edits": []Edit{{Op: op, Pfad: "parteien[1]"}}}, &a, 200)
		if a.Formular == "" {
			t.Errorf("%s: the form must be built anew", op)
		}
	}
	// A document that is gone falls back to the first.
	s.post(t, "/api/projekt/wohngeld-ring.yaml/aktualisieren", map[string]any{"yaml": y, "dokument": "vereinbarung-XX"}, &a, 200)
	if a.Dokument == nil || a.Dokument.ID != "vereinbarung" {
		t.Errorf("fallback: %+v", a.Dokument)
	}
	// An edit that cannot be applied.
	s.post(t, "/api/projekt/wohngeld-ring.yaml/aktualisieren", map[string]any{"yaml": y, "edits": []Edit{{Op: "kaputt", Pfad: "a.b"}}}, nil, http.StatusUnprocessableEntity)
	s.post(t, "/api/projekt/wohngeld-ring.yaml/aktualisieren", "{", nil, http.StatusBadRequest)
	s.post(t, "/api/projekt/fehlt.yaml/aktualisieren", map[string]any{"yaml": y}, nil, http.StatusNotFound)
}

// TestUpdateReportsTheCLIMessages types a German amount into a cost item:
// the answer names the field, its line and the message the CLI prints.
func TestUpdateReportsTheCLIMessages(t *testing.T) {
	s := testServer(t, "wohngeld-ring.yaml")
	y := strings.Replace(readFixture(t, "wohngeld-ring.yaml"), `betrag: "480000.00"`, `betrag: "480.000,00"`, 1)
	var a updateAnswer
	s.post(t, "/api/projekt/wohngeld-ring.yaml/aktualisieren", map[string]any{"yaml": y}, &a, 200)
	if len(a.Fehler) != 1 {
		t.Fatalf("errors %+v", a.Fehler)
	}
	f := a.Fehler[0]
	line := 1 + strings.Count(y[:strings.Index(y, `"480.000,00"`)], "\n")
	if f.Pfad != "kosten.positionen[1].betrag" || f.Zeile != line || f.Spalte == 0 {
		t.Errorf("error at %s %d:%d, want kosten.positionen[1].betrag line %d", f.Pfad, f.Zeile, f.Spalte, line)
	}
	// Exactly what `vereinbar check` says about the file.
	path := filepath.Join(t.TempDir(), "wohngeld-ring.yaml")
	os.WriteFile(path, []byte(y), 0o644)
	_, err := testGenerator(t).LoadProject(path)
	if err == nil || !strings.Contains(err.Error(), f.Meldung) || !strings.Contains(err.Error(), strings.TrimPrefix(f.Text, "wohngeld-ring.yaml")) {
		t.Errorf("message %q / %q is not the CLI's:\n%v", f.Meldung, f.Text, err)
	}
	if a.Dokument != nil || len(a.Dokumente) != 0 || a.Kosten != nil {
		t.Error("an invalid file has no preview and no costs")
	}
	// Broken YAML: one error with its line.
	s.post(t, "/api/projekt/wohngeld-ring.yaml/aktualisieren", map[string]any{"yaml": "vorhaben: [\n"}, &a, 200)
	if len(a.Fehler) == 0 || a.Fehler[0].Zeile == 0 {
		t.Errorf("syntax error: %+v", a.Fehler)
	}
}

type befund struct {
	Code, Schwere, Meldung, Pfad, Dokument, Klausel, Stelle string
}

func TestCheckLinksFindingsToFieldsAndClauses(t *testing.T) {
	s := testServer(t, "wohngeld-ring.yaml")
	y := strings.Replace(readFixture(t, "wohngeld-ring.yaml"), `online_dienst: "Wohngeld-Antrag online"`, `online_dienst: "Wohngeld-Antrag online (Name noch festzulegen)"`, 1)
	var a struct{ Befunde []befund }
	s.post(t, "/api/projekt/wohngeld-ring.yaml/pruefen", map[string]any{"yaml": y}, &a, 200)
	var data, docs int
	for _, b := range a.Befunde {
		switch {
		case b.Pfad != "":
			data++
			if b.Code != "KOSTEN-012" || b.Pfad != "verteilung.schluessel[0].jahr" || b.Schwere != "warnung" {
				t.Errorf("data finding %+v", b)
			}
		case b.Dokument != "":
			docs++
			if b.Code != "FASSUNG-002" || b.Schwere != "fehler" {
				t.Errorf("document finding %+v", b)
			}
			if strings.HasSuffix(b.Stelle, "Eingang") {
				continue // before the first clause
			}
			if b.Klausel == "" {
				t.Errorf("no clause for %s", b.Stelle)
				continue
			}
			var p updateAnswer
			s.post(t, "/api/projekt/wohngeld-ring.yaml/aktualisieren", map[string]any{"yaml": y, "dokument": b.Dokument}, &p, 200)
			if !strings.Contains(p.Dokument.HTML, `id="`+b.Klausel+`"`) {
				t.Errorf("%s: anchor %q not in the preview of %s", b.Stelle, b.Klausel, b.Dokument)
			}
			t.Logf("%s → %s#%s", b.Stelle, b.Dokument, b.Klausel)
		}
	}
	if data != 1 || docs < 4 {
		t.Errorf("%d data and %d document findings: %+v", data, docs, a.Befunde)
	}
	// Invalid data: its errors are the findings, at their fields.
	y = strings.Replace(y, `betrag: "480000.00"`, `betrag: "480.000,00"`, 1)
	s.post(t, "/api/projekt/wohngeld-ring.yaml/pruefen", map[string]any{"yaml": y}, &a, 200)
	if len(a.Befunde) != 1 || a.Befunde[0].Pfad != "kosten.positionen[1].betrag" || a.Befunde[0].Schwere != "fehler" {
		t.Errorf("findings of invalid data: %+v", a.Befunde)
	}
}

func TestChangesShowsTheRedline(t *testing.T) {
	s := testServer(t, "wohngeld-ring.yaml")
	y := readFixture(t, "wohngeld-ring.yaml")
	var a struct {
		HTML      string `json:"html"`
		Geaendert int    `json:"geaendert"`
	}
	s.post(t, "/api/projekt/wohngeld-ring.yaml/aenderungen", map[string]any{"yaml": y}, &a, 200)
	if a.Geaendert != 0 || !strings.Contains(a.HTML, "Keine inhaltlichen Änderungen") {
		t.Errorf("unchanged: %d %s", a.Geaendert, firstLine(a.HTML))
	}
	edited := strings.Replace(y, `online_dienst: "Wohngeld-Antrag online"`, `online_dienst: "Wohngeld-Antrag digital"`, 1)
	s.post(t, "/api/projekt/wohngeld-ring.yaml/aenderungen", map[string]any{"yaml": edited}, &a, 200)
	if a.Geaendert != 4 || !strings.Contains(a.HTML, "<del>online</del>") || !strings.Contains(a.HTML, "<ins>digital</ins>") ||
		!strings.Contains(a.HTML, "<h2>Verwaltungsvereinbarung (") || !strings.Contains(a.HTML, `data-dokument="projektsteckbrief"`) {
		t.Errorf("changed: %d %s", a.Geaendert, firstLine(a.HTML))
	}
	w := s.post(t, "/api/projekt/wohngeld-ring.yaml/redline.docx", map[string]any{"yaml": edited, "dokument": "vereinbarung"}, nil, 200)
	if w.Header().Get("Content-Type") != docxType || !strings.Contains(w.Header().Get("Content-Disposition"), "vereinbarung-aenderungen.docx") {
		t.Errorf("redline headers %v", w.Header())
	}
	zr, err := zip.NewReader(bytes.NewReader(w.Body.Bytes()), int64(w.Body.Len()))
	if err != nil {
		t.Fatal(err)
	}
	doc := zipFile(t, zr, "word/document.xml")
	if !strings.Contains(doc, "<w:ins ") || !strings.Contains(doc, "<w:del ") {
		t.Error("the redline DOCX has no tracked changes")
	}
	s.post(t, "/api/projekt/wohngeld-ring.yaml/redline.docx", map[string]any{"yaml": y}, nil, http.StatusNotFound)
	bad := strings.Replace(y, `betrag: "480000.00"`, `betrag: "480.000,00"`, 1)
	s.post(t, "/api/projekt/wohngeld-ring.yaml/aenderungen", map[string]any{"yaml": bad}, nil, http.StatusUnprocessableEntity)
}

func zipFile(t *testing.T, zr *zip.Reader, name string) string {
	t.Helper()
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(f)
	return string(b)
}

func TestSaveRefusesLostUpdatesAndInvalidData(t *testing.T) {
	s := testServer(t, "wohngeld-ring.yaml")
	path := filepath.Join(s.dir, "wohngeld-ring.yaml")
	y := readFixture(t, "wohngeld-ring.yaml")
	v0 := versionOf([]byte(y))
	edited := strings.Replace(y, `online_dienst: "Wohngeld-Antrag online"`, `online_dienst: "Wohngeld-Antrag digital"`, 1)

	// Invalid data is not saved.
	bad := strings.Replace(y, `betrag: "480000.00"`, `betrag: "480.000,00"`, 1)
	var refused struct {
		Meldung string       `json:"meldung"`
		Fehler  []fieldError `json:"fehler"`
	}
	s.post(t, "/api/projekt/wohngeld-ring.yaml/speichern", map[string]any{"yaml": bad, "version": v0}, &refused, http.StatusUnprocessableEntity)
	if len(refused.Fehler) != 1 || refused.Fehler[0].Pfad != "kosten.positionen[1].betrag" {
		t.Errorf("422: %+v", refused)
	}
	if b, _ := os.ReadFile(path); string(b) != y {
		t.Fatal("invalid data was written")
	}

	// Saved as sent, comments and all.
	var ok struct{ Version string }
	s.post(t, "/api/projekt/wohngeld-ring.yaml/speichern", map[string]any{"yaml": edited, "version": v0}, &ok, 200)
	if b, _ := os.ReadFile(path); string(b) != edited || ok.Version != versionOf(b) {
		t.Fatalf("saved %d bytes, version %s", len(b), ok.Version)
	}
	// The old version again: the file changed since, refused.
	var conflict struct {
		Meldung string `json:"meldung"`
		Disk    string `json:"version_auf_platte"`
	}
	s.post(t, "/api/projekt/wohngeld-ring.yaml/speichern", map[string]any{"yaml": y, "version": v0}, &conflict, http.StatusConflict)
	if conflict.Disk != ok.Version || !strings.Contains(conflict.Meldung, "geändert") {
		t.Errorf("409: %+v", conflict)
	}
	// Changed on disk by someone else.
	os.WriteFile(path, []byte(y+"# von Hand\n"), 0o644)
	s.post(t, "/api/projekt/wohngeld-ring.yaml/speichern", map[string]any{"yaml": edited, "version": ok.Version}, nil, http.StatusConflict)
	if b, _ := os.ReadFile(path); string(b) != y+"# von Hand\n" {
		t.Error("a file changed on disk was overwritten")
	}
	if ents, _ := os.ReadDir(s.dir); len(ents) != 1 {
		t.Errorf("left behind: %v", ents)
	}
}

// TestSaveThroughALinkInsideTheFolder writes the file the link names and
// keeps the link.
func TestSaveThroughALinkInsideTheFolder(t *testing.T) {
	s := testServer(t, "wohngeld-ring.yaml")
	link := filepath.Join(s.dir, "link.yaml")
	if err := os.Symlink("wohngeld-ring.yaml", link); err != nil {
		t.Fatal(err)
	}
	y := readFixture(t, "wohngeld-ring.yaml")
	s.post(t, "/api/projekt/link.yaml/speichern", map[string]any{"yaml": y + "# x\n", "version": versionOf([]byte(y))}, nil, 200)
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Error("the link was replaced")
	}
	if b, _ := os.ReadFile(filepath.Join(s.dir, "wohngeld-ring.yaml")); string(b) != y+"# x\n" {
		t.Error("the linked file was not written")
	}
}

// TestDownloadsAreWhatGenerateWrites compares the downloads with the
// files `vereinbar generate` writes from the same file.
func TestDownloadsAreWhatGenerateWrites(t *testing.T) {
	s := testServer(t, "eheschliessung-ring.yaml")
	out := t.TempDir()
	written, err := testGenerator(t).GenerateProject(context.Background(), filepath.Join(s.dir, "eheschliessung-ring.yaml"), out, generator.DefaultFormats, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"vereinbarung.docx", "vereinbarung.pdf"} {
		w := serve(s, s.request("GET", "/projekt/eheschliessung-ring.yaml/dokument/"+f, nil))
		want, _ := os.ReadFile(filepath.Join(out, "eheschliessung-ring", f))
		if w.Code != 200 || !bytes.Equal(w.Body.Bytes(), want) {
			t.Errorf("%s: status %d, %d bytes, generate wrote %d", f, w.Code, w.Body.Len(), len(want))
		}
	}
	for _, bad := range []string{"vereinbarung.md", "gibtsnicht.docx", ".docx", "vereinbarung"} {
		if w := serve(s, s.request("GET", "/projekt/eheschliessung-ring.yaml/dokument/"+bad, nil)); w.Code != 404 {
			t.Errorf("%s: %d", bad, w.Code)
		}
	}
	w := serve(s, s.request("GET", "/projekt/eheschliessung-ring.yaml/projekt.zip", nil))
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/zip" {
		t.Fatalf("zip: %d", w.Code)
	}
	zr, err := zip.NewReader(bytes.NewReader(w.Body.Bytes()), int64(w.Body.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(written) {
		t.Errorf("zip holds %d files, generate wrote %d", len(zr.File), len(written))
	}
	for _, wr := range written {
		rel, _ := filepath.Rel(out, wr.Path)
		want, _ := os.ReadFile(wr.Path)
		if got := zipFile(t, zr, filepath.ToSlash(rel)); got != string(want) {
			t.Errorf("%s differs from generate's", rel)
		}
	}
	// Two downloads are byte-identical.
	if w2 := serve(s, s.request("GET", "/projekt/eheschliessung-ring.yaml/projekt.zip", nil)); !bytes.Equal(w.Body.Bytes(), w2.Body.Bytes()) {
		t.Error("the zip differs between downloads")
	}
}

func TestListAndNew(t *testing.T) {
	s := testServer(t, "wohngeld-ring.yaml", "bafoeg-stern.yaml")
	os.WriteFile(filepath.Join(s.dir, "kaputt.yaml"), []byte("vorhaben: [\n"), 0o644)
	os.WriteFile(filepath.Join(s.dir, "config.yaml"), []byte("formate: docx\n"), 0o644)
	os.WriteFile(filepath.Join(s.dir, "notiz.txt"), []byte("x"), 0o644)
	w := serve(s, s.request("GET", "/", nil))
	body := w.Body.String()
	for _, want := range []string{
		`<meta name="csrf-token" content="` + s.token + `">`,
		`href="/projekt/wohngeld-ring.yaml"`, "Nachnutzung des EfA-Online-Dienstes „Wohngeld“", ">ring<", "Schleswig-Holstein, Bremen, Hamburg",
		`href="/projekt/bafoeg-stern.yaml"`, "0 Fehler, 1 Warnung",
		`href="/projekt/kaputt.yaml"`, "ungültig", `href="/projekt/wohngeld-ring.yaml/projekt.zip"`,
		`<label for="neu-datei">`, `name="csrf" value="` + s.token + `"`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("list lacks %s", want)
		}
	}
	for _, not := range []string{"config.yaml", "notiz.txt"} {
		if strings.Contains(body, not) {
			t.Errorf("list shows %s", not)
		}
	}

	// Neu as a form without script: a redirect to the editor.
	form := s.request("POST", "/projekte", "datei=neues-projekt&form=stern&csrf="+s.token)
	form.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	form.Header.Del(CSRFHeader)
	w = serve(s, form)
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/projekt/neues-projekt.yaml" {
		t.Fatalf("Neu: %d %s", w.Code, w.Header().Get("Location"))
	}
	b, err := os.ReadFile(filepath.Join(s.dir, "neues-projekt.yaml"))
	if err != nil || !strings.Contains(string(b), "form: stern") {
		t.Fatalf("starter: %v %s", err, firstLine(string(b)))
	}
	if w := serve(s, s.request("GET", "/projekt/neues-projekt.yaml", nil)); w.Code != 200 || !strings.Contains(w.Body.String(), s.token) {
		t.Errorf("editor of the new file: %d", w.Code)
	}
	// As JSON; refusals.
	var created struct{ Datei, Adresse string }
	s.post(t, "/projekte", map[string]string{"datei": "zweites.yaml"}, &created, http.StatusCreated)
	if created.Adresse != "/projekt/zweites.yaml" {
		t.Errorf("created %+v", created)
	}
	for name, want := range map[string]int{"zweites.yaml": 409, "../x.yaml": 422, "/tmp/x.yaml": 422, ".x.yaml": 422, "x.txt": 422, "config.yaml": 422, "": 422} {
		s.post(t, "/projekte", map[string]string{"datei": name}, nil, want)
	}
	s.post(t, "/projekte", map[string]string{"datei": "dritte", "form": "kreis"}, nil, 422)
	form = s.request("POST", "/projekte", "datei=..%2Fx&csrf="+s.token)
	form.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if w := serve(s, form); w.Code != 422 || !strings.Contains(w.Body.String(), `role="alert"`) {
		t.Errorf("refused form: %d", w.Code)
	}
	if _, err := os.Stat(filepath.Join(filepath.Dir(s.dir), "x.yaml")); err == nil {
		t.Error("a file was made outside the folder")
	}
}

func TestEditorPageAndAssets(t *testing.T) {
	s := testServer(t, "wohngeld-ring.yaml")
	w := serve(s, s.request("GET", "/projekt/wohngeld-ring.yaml", nil))
	y := readFixture(t, "wohngeld-ring.yaml")
	for _, want := range []string{s.token, `data-version="` + versionOf([]byte(y)) + `"`, "<title>Nachnutzung des EfA-Online-Dienstes „Wohngeld“</title>"} {
		if !strings.Contains(w.Body.String(), want) {
			t.Errorf("editor page lacks %s", want)
		}
	}
	for path, ct := range map[string]string{"/static/editor.js": "text/javascript; charset=utf-8", "/static/editor.css": "text/css; charset=utf-8", "/static/liste.css": "text/css; charset=utf-8"} {
		w := serve(s, s.request("GET", path, nil))
		if w.Code != 200 || w.Header().Get("Content-Type") != ct || w.Header().Get("Cache-Control") == "" {
			t.Errorf("%s: %d %q %q", path, w.Code, w.Header().Get("Content-Type"), w.Header().Get("Cache-Control"))
		}
	}
	for _, path := range []string{"/static/", "/static/gibtsnicht.js", "/static/../server.go"} {
		if w := serve(s, s.request("GET", path, nil)); w.Code == 200 {
			t.Errorf("%s: %d", path, w.Code)
		}
	}
}

// TestConcurrentRequests runs previews of several documents of one state
// (shared through the cache), checks and saves at once; run with -race.
func TestConcurrentRequests(t *testing.T) {
	s := testServer(t, "bafoeg-stern.yaml")
	y := readFixture(t, "bafoeg-stern.yaml")
	var a updateAnswer
	s.post(t, "/api/projekt/bafoeg-stern.yaml/aktualisieren", map[string]any{"yaml": y}, &a, 200)
	done := make(chan string)
	for i := 0; i < 8; i++ {
		go func(i int) {
			d := a.Dokumente[i%len(a.Dokumente)].ID
			w := serve(s, s.request("POST", "/api/projekt/bafoeg-stern.yaml/aktualisieren", map[string]any{"yaml": y, "dokument": d}))
			if w.Code != 200 || !strings.Contains(w.Body.String(), `"id":"`+d+`"`) {
				done <- d + ": " + firstLine(w.Body.String())
				return
			}
			if i%4 == 0 {
				if w := serve(s, s.request("POST", "/api/projekt/bafoeg-stern.yaml/pruefen", map[string]any{"yaml": y})); w.Code != 200 {
					done <- "pruefen: " + firstLine(w.Body.String())
					return
				}
			}
			done <- ""
		}(i)
	}
	for i := 0; i < 8; i++ {
		if msg := <-done; msg != "" {
			t.Error(msg)
		}
	}
}

// TestCreateNewNeverReplaces: a file that exists is kept, and no temporary
// file is left behind either way.
func TestCreateNewNeverReplaces(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.yaml")
	if err := createNew(p, []byte("eins\n")); err != nil {
		t.Fatal(err)
	}
	if err := createNew(p, []byte("zwei\n")); !errors.Is(err, fs.ErrExist) {
		t.Errorf("second create: %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "eins\n" {
		t.Errorf("content %q", b)
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 1 {
		t.Errorf("left behind: %v", ents)
	}
}

// TestNewRefusesConfusingFileNames: "Neu" makes only the names its hint
// names (letters with Umlaute, digits, hyphens, underscores), never one
// with a space, a second extension or an invisible or bidi character;
// a file of such a name already in the folder is not listed or opened.
func TestNewRefusesConfusingFileNames(t *testing.T) {
	s := testServer(t)
	for _, name := range []string{
		"a b.yml", "x.yaml.yaml", "x.y", "rechnung\u202Elmay.yaml", "a\u200Bb.yaml", "a\u00ADb.yaml", "a\u00A0b.yaml",
		"a\u2066b.yaml", "a\u2028b.yaml", "\uE000.yaml", "_x.yaml", "x\uFE0F.yaml", "wоhngeld.yaml", /* Cyrillic о */
		"a\tb.yaml", "a+b.yaml", "a(1).yaml", ".yaml",
	} {
		var got struct{ Meldung string }
		s.post(t, "/projekte", map[string]string{"datei": name}, &got, http.StatusUnprocessableEntity)
		if got.Meldung == "" {
			t.Errorf("%q: no message", name)
		}
		if _, err := os.Lstat(filepath.Join(s.dir, name)); err == nil {
			t.Errorf("%q was created", name)
		}
	}
	for _, name := range []string{"Förderung_Bürgerämter-2027", "straße.yml", "ÄÖÜ-2.yaml", "x_1"} {
		s.post(t, "/projekte", map[string]string{"datei": name}, nil, http.StatusCreated)
	}
	// Made by hand: a bidi override is neither listed nor opened; a name
	// with a space is (it shows what it is).
	y := readFixture(t, "wohngeld-ring.yaml")
	for _, name := range []string{"rechnung\u202Elmay.yaml", "mit leerzeichen.yaml"} {
		if err := os.WriteFile(filepath.Join(s.dir, name), []byte(y), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	list := serve(s, s.request("GET", "/", nil)).Body.String()
	if strings.Contains(list, "rechnung") || !strings.Contains(list, "mit leerzeichen.yaml") {
		t.Errorf("list: bidi name shown or plain name missing")
	}
	if w := serve(s, s.request("GET", "/projekt/"+url.PathEscape("rechnung\u202Elmay.yaml"), nil)); w.Code != http.StatusNotFound {
		t.Errorf("bidi name opened: %d", w.Code)
	}
}

// TestEveryFormHasAName: the "Neu" select names each contract form in
// German and sends its value.
func TestEveryFormHasAName(t *testing.T) {
	s := testServer(t)
	body := serve(s, s.request("GET", "/", nil)).Body.String()
	for _, f := range generator.Forms {
		if formNames[f] == "" {
			t.Errorf("form %q has no name in formNames", f)
		}
		if want := `<option value="` + f + `">` + formNames[f] + `</option>`; !strings.Contains(body, want) {
			t.Errorf("list lacks %s", want)
		}
	}
}
