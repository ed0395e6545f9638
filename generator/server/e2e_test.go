package server_test

// End-to-end tests of the editor in a real browser: Debian's Chromium,
// headless, driven with chromedp against the server on 127.0.0.1.
// Screenshots of every page are written to $VEREINBAR_ARTEFAKTE (or a
// temporary folder, named in the log); -readme-screenshot copies the
// editor's to testdata/editor.png for the README.

import (
	"archive/zip"
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/server"
)

var readmeScreenshot = flag.Bool("readme-screenshot", false, "copy the editor's screenshot to testdata/editor.png")

// stepTimeout bounds each step: a step that waits for the page waits at
// most this long.
const stepTimeout = 15 * time.Second

// e2e is one browser session against one server.
type e2e struct {
	t    *testing.T
	ctx  context.Context
	url  string
	dir  string
	shot string // folder of the screenshots
	gen  *generator.Generator
}

func startE2E(t *testing.T) *e2e {
	t.Helper()
	bin := testtool.Require(t, "chromium")
	if out, err := exec.Command(bin, "--version").CombinedOutput(); err != nil {
		t.Fatalf("chromium --version: %v\n%s", err, out)
	}
	gen, err := generator.New(generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	ts := httptest.NewUnstartedServer(nil)
	srv, err := server.New(server.Options{Dir: dir, Addr: ts.Listener.Addr().String(), Generator: gen, Editor: server.DefaultEditor(),
		Now: func() time.Time { return time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC) }})
	if err != nil {
		t.Fatal(err)
	}
	ts.Config.Handler = srv
	ts.Start()
	t.Cleanup(ts.Close)

	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(bin),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	t.Cleanup(cancelA)
	ctx, cancel := chromedp.NewContext(actx)
	t.Cleanup(cancel)
	// The first run starts the browser and ties it to its context: the
	// session's, not the timeout of a step.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("chromium: %v", err)
	}

	shot := os.Getenv("VEREINBAR_ARTEFAKTE")
	if shot == "" {
		shot = t.TempDir()
	}
	shot = filepath.Join(shot, t.Name())
	if err := os.MkdirAll(shot, 0o755); err != nil {
		t.Fatal(err)
	}
	return &e2e{t: t, ctx: ctx, url: ts.URL, dir: dir, shot: shot, gen: gen}
}

// do runs browser steps; a failure ends the test with a screenshot.
func (e *e2e) do(steps ...chromedp.Action[chromedp.Void]) {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(e.ctx, stepTimeout)
	defer cancel()
	if err := chromedp.Do(ctx, steps...); err != nil {
		e.failShot()
		e.t.Fatal(err)
	}
}

// get runs one browser action and returns its value.
func get[T any](e *e2e, a chromedp.Action[T]) T {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(e.ctx, stepTimeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		e.failShot()
		e.t.Fatal(err)
	}
	return v
}

// failShot keeps the page of a failure as an artefact.
func (e *e2e) failShot() {
	if png, err := chromedp.Run(e.ctx, chromedp.FullScreenshot(100)); err == nil {
		p := filepath.Join(e.shot, "fehlschlag.png")
		if os.WriteFile(p, png, 0o644) == nil {
			e.t.Logf("screenshot of the failure: %s", p)
		}
	}
}

// screenshot writes a full-page PNG named name into the artefact folder.
func (e *e2e) screenshot(name string) string {
	e.t.Helper()
	png := get(e, chromedp.CaptureScreenshot())
	p := filepath.Join(e.shot, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		e.t.Fatal(err)
	}
	e.t.Logf("screenshot %s", p)
	return p
}

// fieldID is the id the form gives the field of a data path (as
// editor's fieldID).
func fieldID(pfad string) string {
	return "f-" + strings.NewReplacer("[", "-", "]", "", ".", "-").Replace(pfad)
}

// settle waits until the editor has sent every edit and shown the answer.
func (e *e2e) settle() {
	e.t.Helper()
	e.do(chromedp.Poll[chromedp.Void](`document.getElementById('ed-editor').getAttribute('aria-busy') === 'false'`,
		chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(stepTimeout)))
}

// waitFor waits until the JavaScript expression is true.
func (e *e2e) waitFor(what, expr string) {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(e.ctx, stepTimeout)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(20*time.Millisecond), chromedp.WithPollingTimeout(stepTimeout))); err != nil {
		e.failShot()
		e.t.Fatalf("waiting for %s: %v", what, err)
	}
}

// typeInto replaces the text of the field of a data path by typing text.
// It first lets the answers to earlier edits arrive: an answer may bring a
// rebuilt form (an edit that created a missing parent), and a field found
// before the rebuild is gone when the keys are sent to it ("Could not
// find node with given id", seen once under load).
func (e *e2e) typeInto(pfad, text string) {
	e.t.Helper()
	e.settle()
	sel := "#" + fieldID(pfad)
	e.do(chromedp.Focus(sel), chromedp.Evaluate[chromedp.Void](`document.activeElement.select()`), chromedp.SendKeys(sel, text))
}

// choose picks an option of the select of a data path, as a user does
// with the keyboard: focus, value, change event.
func (e *e2e) choose(pfad, value string) {
	e.t.Helper()
	e.settle() // as typeInto: no rebuilt form replaces the select under us
	js := fmt.Sprintf(`(function(){var el=document.getElementById(%q); el.focus(); el.value=%q; el.dispatchEvent(new Event('change',{bubbles:true})); return el.value;})()`, fieldID(pfad), value)
	if got := get(e, chromedp.Evaluate[string](js)); got != value {
		e.t.Fatalf("%s: option %q not offered (value %q)", pfad, value, got)
	}
}

func (e *e2e) text(sel string) string {
	e.t.Helper()
	return get(e, chromedp.Evaluate[string](fmt.Sprintf(`(function(){var el=document.querySelector(%q); return el ? el.innerText : "";})()`, sel)))
}

func (e *e2e) js(expr string) string {
	e.t.Helper()
	return get(e, chromedp.Evaluate[string](expr))
}

// TestE2ENewProject creates a project from the starter through "Neu",
// fills in the form, sees a German amount refused at its field, fixes it,
// sees preview and costs change, saves, and checks that the saved file
// generates byte for byte what `vereinbar generate` generates from it.
func TestE2ENewProject(t *testing.T) {
	e := startE2E(t)
	e.do(chromedp.Navigate(e.url + "/"))
	e.screenshot("1-projektliste")
	e.do(
		chromedp.SendKeys("#neu-datei", "wohngeld-neu"),
		chromedp.Click(`form[action="/projekte"] button[type="submit"]`),
		chromedp.WaitVisible("#"+fieldID("vorhaben.titel")),
	)
	e.settle()
	if n := e.js(`String(document.querySelectorAll('#ed-fehlerliste li').length)`); n == "0" {
		t.Fatal("the starter's placeholders are not listed as errors")
	}
	e.screenshot("2-editor-neu")

	e.typeInto("vorhaben.titel", "Nachnutzung des EfA-Online-Dienstes „Wohngeld“")
	e.typeInto("vorhaben.kurztitel", "wohngeld-neu")
	e.typeInto("leistung.online_dienst", "Wohngeld-Antrag online")
	e.typeInto("leistung.ozg[0].id", "10092")
	e.typeInto("leistung.ozg[0].bezeichnung", "Wohngeld")
	e.typeInto("leistung.leika[0]", "99107023000000")
	e.choose("leistung.themenfeld", "Bauen & Wohnen")
	e.typeInto("vertrag.steuerungsgremium", "Steuerungskreis Nachnutzung Wohngeld")
	parties := []struct{ land, durch string }{
		{"SH", "das Ministerium für Inneres, Kommunales, Wohnen und Sport"},
		{"HB", "der Senator für Inneres und Sport"},
		{"HH", "die Behörde für Stadtentwicklung und Wohnen"},
	}
	for i, p := range parties {
		e.choose(fmt.Sprintf("parteien[%d].land", i), p.land)
		e.typeInto(fmt.Sprintf("parteien[%d].vertreten_durch", i), p.durch)
	}
	e.typeInto("parteien[0].ansprechperson.name", "Erika Mustermann")
	e.typeInto("parteien[0].ansprechperson.email", "erika.mustermann@example.org")
	e.settle()

	// a fourth party through the list's button, then moved up one place
	e.do(chromedp.Click(`button[data-op="hinzufuegen"][data-pfad="parteien"]`))
	e.settle()
	e.waitFor("the new party's fields", `!!document.getElementById('`+fieldID("parteien[3].land")+`')`)
	if got := e.js(`document.activeElement ? document.activeElement.id : ''`); got != fieldID("parteien[3].land") {
		t.Errorf("focus after adding a party on %q, want its first field", got)
	}
	e.choose("parteien[3].land", "NI")
	e.choose("parteien[3].rolle", "nachnutzend")
	e.typeInto("parteien[3].vertreten_durch", "das Niedersächsische Ministerium für Bauen und Wohnen")
	e.settle()
	e.do(chromedp.Click(`button[data-op="verschieben"][data-pfad="parteien[3]"][data-nach="2"]`))
	e.settle()
	if got := e.js(`document.getElementById('` + fieldID("parteien[2].land") + `').value`); got != "NI" {
		t.Fatalf("after moving up, parteien[2].land is %q", got)
	}

	// the German amount: refused at its field with the CLI's message
	betrag := "kosten.positionen[0].betrag"
	e.typeInto(betrag, "480.000,00")
	e.settle()
	e.waitFor("the error at the amount", `document.getElementById('`+fieldID(betrag)+`').getAttribute('aria-invalid') === 'true'`)
	msg := e.text("#" + fieldID(betrag) + "-fehler")
	if !strings.Contains(msg, "480000.00") || !strings.Contains(msg, "Betrag") {
		t.Errorf("message at the amount: %q, want the CLI's hint „480000.00“", msg)
	}
	if got := e.js(`(function(){var a=document.querySelector('#ed-fehlerliste a[href="#` + fieldID(betrag) + `"]'); return a ? a.textContent : '';})()`); !strings.Contains(got, msg) {
		t.Errorf("summary entry of the amount: %q", got)
	}
	e.do(chromedp.ScrollIntoView("#" + fieldID(betrag)))
	e.screenshot("3-fehler-am-feld")

	e.typeInto(betrag, "480000.00")
	e.typeInto("kosten.positionen[1].betrag", "120000.00")
	e.typeInto("kosten.positionen[2].betrag", "15000.00")
	e.settle()
	e.waitFor("no errors", `document.getElementById('ed-fehlerliste').hidden`)
	if got := e.js(`document.getElementById('` + fieldID(betrag) + `').getAttribute('aria-invalid') || ''`); got != "" {
		t.Errorf("amount still marked invalid: %q", got)
	}
	e.waitFor("the preview", `document.querySelector('#ed-vorschau .vorschau-dokument') !== null`)
	costs1, preview1 := e.text("#ed-kosten"), e.text("#ed-vorschau")
	if !strings.Contains(costs1, "480.000,00") {
		t.Errorf("cost table lacks 480.000,00:\n%s", costs1)
	}
	// the shares as a chart: a visible bar (<meter>) per party, the
	// longest for the largest share
	if got := e.js(`(function(){var ms=document.querySelectorAll('#ed-kosten meter'); if (ms.length < 3) return 'nur ' + ms.length + ' Balken';
		for (var i = 0; i < ms.length; i++) { var r = ms[i].getBoundingClientRect(), st = getComputedStyle(ms[i]);
			if (r.width < 30 || r.height < 5 || st.visibility !== 'visible' || st.display === 'none') return 'Balken ' + i + ' unsichtbar: ' + r.width + 'x' + r.height; }
		return 'ok';})()`); got != "ok" {
		t.Errorf("cost chart: %s", got)
	}
	e.do(chromedp.Evaluate[chromedp.Void](`document.querySelector('#ed-kosten meter').scrollIntoView({block: 'center'})`))
	e.screenshot("4-kosten")
	e.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	shot := e.screenshot("4-editor")
	if *readmeScreenshot {
		png, err := os.ReadFile(shot)
		if err == nil {
			err = os.WriteFile(filepath.Join("testdata", "editor.png"), png, 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	e.do(chromedp.ScrollIntoView("#ed-vorschau-titel"))
	// the preview's anchors (a section "kosten") must not take the ids of
	// the page: every id once
	if dup := e.js(`(function(){var seen={}, d=[]; document.querySelectorAll('[id]').forEach(function(el){ if (seen[el.id]) d.push(el.id); seen[el.id]=1; }); return d.join(' ');})()`); dup != "" {
		t.Errorf("ids twice in the page: %s", dup)
	}
	e.screenshot("5-vorschau-und-kosten")

	e.typeInto(betrag, "500000.00")
	e.settle()
	e.waitFor("the costs to change", `document.getElementById('ed-kosten').innerText.indexOf('500.000,00') >= 0`)
	if costs2, preview2 := e.text("#ed-kosten"), e.text("#ed-vorschau"); costs2 == costs1 || preview2 == preview1 {
		t.Errorf("cost table or preview unchanged after the amount changed")
	}

	// every document of the project in the preview's selector
	if n := e.js(`String(document.querySelectorAll('#ed-dokument option').length)`); n == "0" {
		t.Error("no documents to preview")
	}

	e.do(chromedp.Click("#ed-speichern"))
	e.waitFor("saved", `document.getElementById('ed-status').textContent === 'Gespeichert.'`)
	e.screenshot("6-gespeichert")
	saved, err := os.ReadFile(filepath.Join(e.dir, "wohngeld-neu.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	if shown := e.js(`document.getElementById('ed-yaml').value`); shown != string(saved) {
		t.Errorf("saved file differs from the page's YAML")
	}
	for _, keep := range []string{"# Projektdatei für vereinbar", "# Die Stelle, die für das Land unterzeichnet", "  # Anbindung: trägt jedes nachnutzende Land selbst, in voller Höhe.\n"} {
		if !bytes.Contains(saved, []byte(keep)) {
			t.Errorf("saved file lost the starter's comment %q", keep)
		}
	}
	if !bytes.Contains(saved, []byte(`betrag: "500000.00"`)) {
		t.Errorf("amount not saved as typed, as a quoted text:\n%s", saved)
	}
	e.sameAsGenerate("wohngeld-neu.yaml")
}

// TestE2EConflict edits a project whose file then changes on disk: saving
// is refused, the conflict dialog offers to reload or compare, the file
// on disk stays as the other editor left it, and compare shows the
// changes. On the way: the tabs by keyboard, and the YAML tab validated
// like the form.
func TestE2EConflict(t *testing.T) {
	e := startE2E(t)
	src, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "wohngeld-ring.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(e.dir, "wohngeld-ring.yaml")
	if err := os.WriteFile(file, src, 0o644); err != nil {
		t.Fatal(err)
	}
	e.do(chromedp.Navigate(e.url + "/projekt/wohngeld-ring.yaml"))
	e.settle()
	e.waitFor("the preview", `document.querySelector('#ed-vorschau .vorschau-dokument') !== null`)
	if !e.jsBool(`document.getElementById('ed-fehlerliste').hidden`) {
		t.Errorf("a valid fixture shows errors: %s", e.text("#ed-fehlerliste"))
	}
	// the check's findings link to their field
	jahr := fieldID("verteilung.schluessel[0].jahr")
	e.waitFor("the check's findings", `document.querySelector('#ed-befunde a[href="#`+jahr+`"]') !== null`)
	if f := e.text("#ed-befunde"); !strings.Contains(f, "KOSTEN-012") || !strings.Contains(f, "Warnung") {
		t.Errorf("findings: %q, want the warning KOSTEN-012", f)
	}
	e.do(chromedp.Click(`#ed-befunde a[href="#` + jahr + `"]`))
	if got := e.js(`document.activeElement.id`); got != jahr {
		t.Errorf("the finding's link focused %q, want %s", got, jahr)
	}

	// a finding in a document leads to its clause in the preview: a
	// final agreement must not say that a name is still to be decided
	e.typeInto("leistung.online_dienst", "Wohngeld-Antrag online (Name noch festzulegen)")
	e.settle()
	e.waitFor("a finding in a document", `document.querySelector('#ed-befunde a[data-dokument][href^="#"]:not([href="#ed-vorschau"])') !== null`)
	clause := e.js(`document.querySelector('#ed-befunde a[data-dokument]:not([href="#ed-vorschau"])').getAttribute('href').slice(1)`)
	doc := e.js(`document.querySelector('#ed-befunde a[data-dokument]:not([href="#ed-vorschau"])').getAttribute('data-dokument')`)
	e.do(chromedp.Click(`#ed-befunde a[data-dokument]:not([href="#ed-vorschau"])`))
	e.settle()
	e.waitFor("the clause focused", `document.activeElement && document.activeElement.id === `+strconv.Quote(clause)+` && document.getElementById('ed-vorschau').contains(document.activeElement)`)
	if got := e.js(`document.getElementById('ed-dokument').value`); got != doc {
		t.Errorf("preview shows %q, want the finding's document %q", got, doc)
	}
	e.typeInto("leistung.online_dienst", "Wohngeld-Antrag online")
	e.settle()

	e.typeInto("vertrag.steuerungsgremium", "Lenkungsausschuss Wohngeld")
	e.settle()
	e.waitFor("the preview to follow", `document.getElementById('ed-vorschau').innerText.indexOf('Lenkungsausschuss Wohngeld') >= 0`)

	// another editor changes the file meanwhile
	other := append(append([]byte{}, src...), "# von anderer Stelle geändert\n"...)
	if err := os.WriteFile(file, other, 0o644); err != nil {
		t.Fatal(err)
	}
	e.do(chromedp.Click("#ed-speichern"))
	e.waitFor("the conflict dialog", `document.getElementById('ed-konflikt').open === true`)
	if msg := e.text("#ed-konflikt-text"); !strings.Contains(msg, "geändert") {
		t.Errorf("dialog text: %q", msg)
	}
	if got := e.js(`document.activeElement ? document.activeElement.id : ''`); got != "ed-konflikt-vergleichen" {
		t.Errorf("focus in the dialog on %q, want the compare button", got)
	}
	e.screenshot("1-konflikt")
	if disk, _ := os.ReadFile(file); !bytes.Equal(disk, other) {
		t.Fatal("the refused save changed the file on disk")
	}

	e.do(chromedp.Click("#ed-konflikt-vergleichen"))
	e.waitFor("the changes", `document.getElementById('ed-aenderungen').innerText.indexOf('Lenkungsausschuss Wohngeld') >= 0`)
	if e.jsBool(`document.getElementById('ed-konflikt').open`) {
		t.Error("dialog still open after compare")
	}
	e.do(chromedp.ScrollIntoView("#ed-aenderungen-titel"))
	e.screenshot("2-vergleich")

	// „Redline herunterladen“: a DOCX with tracked changes
	downloads := t.TempDir()
	if _, err := chromedp.CallBrowser(e.ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads}); err != nil {
		t.Fatal(err)
	}
	e.do(chromedp.Click("#ed-redline"))
	redline := e.waitForFile(downloads, ".docx")
	if zr, err := zip.OpenReader(redline); err != nil {
		t.Errorf("redline %s: %v", redline, err)
	} else {
		found := false
		for _, f := range zr.File {
			if f.Name != "word/document.xml" {
				continue
			}
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			found = bytes.Contains(b, []byte("<w:ins ")) && bytes.Contains(b, []byte("Lenkungsausschuss"))
		}
		zr.Close()
		if !found {
			t.Errorf("redline %s has no tracked insertion of the edit", filepath.Base(redline))
		}
	}

	// the tabs by keyboard; the YAML tab is validated like the form
	e.do(chromedp.Focus("#ed-tab-formular"), chromedp.KeyEvent(kb.ArrowRight))
	if !e.jsBool(`document.getElementById('ed-tab-yaml').getAttribute('aria-selected') === 'true' && !document.getElementById('ed-panel-yaml').hidden && document.getElementById('ed-panel-formular').hidden && document.activeElement.id === 'ed-tab-yaml'`) {
		t.Fatal("ArrowRight did not open the YAML tab")
	}
	if !strings.Contains(e.js(`document.getElementById('ed-yaml').value`), "Lenkungsausschuss Wohngeld") {
		t.Error("YAML tab does not show the edited text")
	}
	e.do(chromedp.Evaluate[chromedp.Void](`(function(){var a=document.getElementById('ed-yaml'); a.focus(); a.value=a.value.replace('kuendigungsfrist_monate: 12', 'kuendigungsfrist_monate: zwölf'); a.dispatchEvent(new Event('input',{bubbles:true}));})()`))
	e.settle()
	e.waitFor("the error of the YAML tab", `document.getElementById('ed-fehlerliste').innerText.indexOf('vertrag.kuendigungsfrist_monate') >= 0`)
	e.screenshot("3-yaml-fehler")
	e.do(chromedp.KeyEvent(kb.ArrowLeft)) // focus is in the text area: no tab change
	if !e.jsBool(`!document.getElementById('ed-panel-yaml').hidden`) {
		t.Error("an arrow key in the YAML text switched the tab")
	}

	// 200 % zoom: a 1280 pixel window shows 640 CSS pixels; one column,
	// nothing wider than the window
	e.do(chromedp.EmulateViewport(640, 900, chromedp.EmulateScale(2)), chromedp.Focus("#ed-tab-yaml"), chromedp.KeyEvent(kb.ArrowLeft))
	e.settle()
	if !e.jsBool(`document.documentElement.scrollWidth <= window.innerWidth`) {
		t.Errorf("at 200 %% zoom the page is %s CSS pixels wide in a window of %s", e.js(`String(document.documentElement.scrollWidth)`), e.js(`String(window.innerWidth)`))
	}
	if !e.jsBool(`document.querySelector('.ergebnis').getBoundingClientRect().top >= document.getElementById('ed-bearbeiten').getBoundingClientRect().bottom`) {
		t.Error("at 200 % zoom the panels are not below the form")
	}
	e.do(chromedp.Evaluate[chromedp.Void](`window.scrollTo(0, 0)`))
	e.screenshot("4-zoom-200")
}

// waitForFile waits until a finished file with the suffix is in dir.
func (e *e2e) waitForFile(dir, suffix string) string {
	e.t.Helper()
	deadline := time.Now().Add(stepTimeout)
	for time.Now().Before(deadline) {
		es, _ := os.ReadDir(dir)
		for _, f := range es {
			if strings.HasSuffix(f.Name(), suffix) {
				return filepath.Join(dir, f.Name())
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	e.t.Fatalf("no %s file downloaded to %s", suffix, dir)
	return ""
}

func (e *e2e) jsBool(expr string) bool {
	e.t.Helper()
	return get(e, chromedp.Evaluate[bool](expr))
}

// sameAsGenerate downloads the project's ZIP and one DOCX from the
// server and compares them with what the facade's GenerateProject (the
// code of `vereinbar generate`) writes from the saved file.
func (e *e2e) sameAsGenerate(name string) {
	t := e.t
	t.Helper()
	out := t.TempDir()
	written, err := e.gen.GenerateProject(context.Background(), filepath.Join(e.dir, name), out, generator.DefaultFormats, nil)
	if err != nil {
		t.Fatalf("generate: %v", err)
	}
	want := map[string][]byte{}
	for _, w := range written {
		b, err := os.ReadFile(w.Path)
		if err != nil {
			t.Fatal(err)
		}
		rel, _ := filepath.Rel(out, w.Path)
		want[filepath.ToSlash(rel)] = b
	}
	body := httpGet(t, e.url+"/projekt/"+name+"/projekt.zip")
	zr, err := zip.NewReader(bytes.NewReader(body), int64(len(body)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(want) {
		t.Errorf("ZIP has %d files, generate wrote %d", len(zr.File), len(want))
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		w, ok := want[f.Name]
		switch {
		case !ok:
			t.Errorf("ZIP holds %s, which generate did not write", f.Name)
		case !bytes.Equal(got, w):
			t.Errorf("%s differs from generate's (%d bytes, want %d)", f.Name, len(got), len(w))
		}
	}
	// one document as the page offers it
	for rel, w := range want {
		if !strings.HasSuffix(rel, ".docx") {
			continue
		}
		doc := strings.TrimSuffix(path.Base(rel), ".docx")
		if got := httpGet(t, e.url+"/projekt/"+name+"/dokument/"+doc+".docx"); !bytes.Equal(got, w) {
			t.Errorf("download of %s.docx differs from generate's", doc)
		}
		break
	}
	t.Logf("%d files byte-identical to generate", len(want))
}

func httpGet(t *testing.T, url string) []byte {
	t.Helper()
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", url, res.StatusCode, b)
	}
	return b
}
