package editor

import (
	"bytes"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestPage(t *testing.T) {
	src, err := os.ReadFile("../../../fixtures/wohngeld-ring.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Page(&b, PageData{Datei: "wohngeld-ring.yaml", Titel: "Wohngeld <b>", CSRF: "tok\"en", Version: "v1", YAML: src}); err != nil {
		t.Fatal(err)
	}
	s := b.String()
	for _, want := range []string{
		`<meta name="csrf-token" content="tok&#34;en">`,
		`<link rel="stylesheet" href="/static/app.css">`,
		`<script src="/static/app.js" defer></script>`,
		`Wohngeld &lt;b&gt;`,
		`id="f-parteien-0-land"`,
		`id="ed-konflikt"`, `Redline herunterladen`, `>Speichern<`,
		`>Vorschau<`, `>Kosten<`, `>Prüfung<`, `>Änderungen<`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	// strict CSP: no inline script, no style attribute or element, nothing external
	walkHTML(doc, func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if n.Data == "script" {
			if src, ok := attr(n, "src"); !ok || src != "/static/app.js" || n.FirstChild != nil {
				t.Errorf("script other than /static/app.js: %v", n.Attr)
			}
		}
		if n.Data == "style" {
			t.Error("style element")
		}
		for _, a := range n.Attr {
			if a.Key == "style" || strings.HasPrefix(a.Key, "on") {
				t.Errorf("inline %s on <%s>", a.Key, n.Data)
			}
			if (a.Key == "src" || a.Key == "href") && strings.Contains(a.Val, "//") {
				t.Errorf("external reference %s", a.Val)
			}
		}
	})

	// a file the form cannot read opens the YAML tab with a note
	b.Reset()
	if err := Page(&b, PageData{Datei: "x.yaml", Titel: "x", YAML: []byte("a: [")}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `id="ed-form-hinweis"`) || !strings.Contains(b.String(), `id="ed-panel-formular" aria-labelledby="ed-tab-formular" hidden`) {
		t.Error("broken YAML does not open the YAML tab")
	}
}

func TestAssets(t *testing.T) {
	for _, name := range []string{"app.js", "app.css"} {
		b, err := fs.ReadFile(Assets(), name)
		if err != nil || len(b) < 1000 {
			t.Errorf("%s: %v (%d bytes)", name, err, len(b))
		}
	}
}

// TestClientFindsItsElements: every element app.js looks up by id is on
// the page (a renamed id would break the client silently).
func TestClientFindsItsElements(t *testing.T) {
	js, err := fs.ReadFile(Assets(), "app.js")
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := Page(&b, PageData{Datei: "x.yaml", Titel: "x", YAML: []byte("vorhaben:\n  titel: x\n")}); err != nil {
		t.Fatal(err)
	}
	ids := regexp.MustCompile(`(?:\$|getElementById)\('(ed-[a-z-]+)'\)`).FindAllStringSubmatch(string(js), -1)
	if len(ids) < 20 {
		t.Fatalf("only %d lookups found in app.js", len(ids))
	}
	for _, m := range ids {
		if !strings.Contains(b.String(), `id="`+m[1]+`"`) {
			t.Errorf("app.js looks up #%s, which the page lacks", m[1])
		}
	}
}
