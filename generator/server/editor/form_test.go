package editor

import (
	"os"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func attr(n *html.Node, k string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == k {
			return a.Val, true
		}
	}
	return "", false
}

func walkHTML(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkHTML(c, f)
	}
}

func parseForm(t *testing.T, src []byte) (*html.Node, map[string]*html.Node) {
	t.Helper()
	h, err := Form(src)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(strings.NewReader(string(h)))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]*html.Node{}
	walkHTML(doc, func(n *html.Node) {
		if id, ok := attr(n, "id"); ok && n.Type == html.ElementNode {
			if ids[id] != nil {
				t.Errorf("id %q twice", id)
			}
			ids[id] = n
		}
	})
	return doc, ids
}

// TestFormAccessible checks every fixture's form: every input has a
// <label for>, every aria-describedby target exists, names are data paths
// the edits accept, ids derive from them.
func TestFormAccessible(t *testing.T) {
	for _, f := range []string{"../../../fixtures/wohngeld-ring.yaml", "../../../fixtures/einbuergerung-stern-16.yaml"} {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, ids := parseForm(t, src)
		labels := map[string]bool{}
		walkHTML(doc, func(n *html.Node) {
			if n.Type == html.ElementNode && n.Data == "label" {
				if v, ok := attr(n, "for"); ok {
					labels[v] = true
				}
			}
		})
		r, _ := root()
		inputs := 0
		walkHTML(doc, func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			if d, ok := attr(n, "aria-describedby"); ok {
				for _, ref := range strings.Fields(d) {
					if ids[ref] == nil {
						t.Errorf("%s: aria-describedby %q of %v has no element", f, ref, n.Attr)
					}
				}
			}
			if n.Data != "input" && n.Data != "select" && n.Data != "textarea" {
				return
			}
			inputs++
			id, _ := attr(n, "id")
			if !labels[id] {
				t.Errorf("%s: %s #%s has no label", f, n.Data, id)
			}
			name, ok := attr(n, "name")
			if !ok {
				return // the select of a new Land
			}
			if fieldID(name) != id {
				t.Errorf("%s: id %q is not derived from name %q", f, id, name)
			}
			segs, err := parsePath(name)
			if err == nil {
				_, err = schemaPath(r, segs)
			}
			if err != nil {
				t.Errorf("%s: name %q: %v", f, name, err)
			}
		})
		if inputs < 80 {
			t.Errorf("%s: only %d inputs", f, inputs)
		}
	}
}

func TestFormContent(t *testing.T) {
	src, err := os.ReadFile("../../../fixtures/wohngeld-ring.yaml")
	if err != nil {
		t.Fatal(err)
	}
	h, _ := Form(src)
	s := string(h)
	for _, want := range []string{
		`<label for="f-parteien-0-vertreten_durch">Vertreten durch`,
		`<label for="f-vertrag-kuendigungsfrist_monate">Kündigungsfrist (Monate)`,
		`data-op="hinzufuegen" data-pfad="parteien">Partei hinzufügen`,
		`data-op="hinzufuegen" data-pfad="kosten.positionen">Kostenposition hinzufügen`,
		`aria-label="Partei 1 nach oben" disabled`,
		`<option value="ST" selected>ST – Sachsen-Anhalt</option>`,
		`id="f-parteien-0-land-hilfe">Kürzel des Landes`,
	} {
		if !strings.Contains(s, want) {
			t.Errorf("form lacks %s", want)
		}
	}
	// a value that is no enum member stays visible as invalid
	h, _ = Form([]byte("parteien:\n  - land: TODO\n"))
	if !strings.Contains(string(h), `<option value="TODO" selected>TODO (ungültig)</option>`) {
		t.Errorf("placeholder not shown in select:\n%s", h)
	}
	// hostile text is escaped
	h, _ = Form([]byte("vorhaben:\n  titel: \"<script>alert(1)</script>\"\n"))
	if strings.Contains(string(h), "<script>") {
		t.Error("value not escaped")
	}
	if _, err := Form([]byte("a: [")); err == nil {
		t.Error("broken YAML accepted")
	}
}
