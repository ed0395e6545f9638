package html

import (
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

// TestFragmentIsThePagesBody: the fragment's body is exactly what the
// page shows between <body> and </body>, and its style sheet holds the
// page's rules, every one confined to the scope (no @page).
func TestFragmentIsThePagesBody(t *testing.T) {
	t.Parallel()
	d := modeltest.Sample(3)
	d.Meta.Draft = true
	page, _ := render(t, d)
	f, err := RenderFragment(d, "vorschau")
	if err != nil {
		t.Fatal(err)
	}
	_, body, _ := strings.Cut(page, "<body>\n")
	body, _, _ = strings.Cut(body, "</body>")
	if f.Body != body {
		t.Errorf("fragment body differs from the page's:\n%s\n---\n%s", f.Body, body)
	}
	for _, want := range []string{".vorschau{margin:0;background:#f2f2f2", ".vorschau main{box-sizing:border-box", ".vorschau .sp400{width:40%}",
		".vorschau .bgE7E6E6{background:#E7E6E6}", ".vorschau h1,.vorschau h2,.vorschau h3,.vorschau h4{", "@media print{.vorschau{background:#fff}", ".vorschau *{-webkit-print-color-adjust"} {
		if !strings.Contains(f.CSS, want) {
			t.Errorf("style sheet lacks %q", want)
		}
	}
	if strings.Contains(f.CSS, "@page") {
		t.Error("@page in a fragment's style sheet")
	}
	// Every rule of the page's sheet is in the fragment's, scoped.
	_, sheet, _ := strings.Cut(page, "<style>\n")
	sheet, _, _ = strings.Cut(sheet, "</style>")
	if n, m := strings.Count(sheet, "{")-strings.Count(sheet, "@page"), strings.Count(f.CSS, "{"); n != m {
		t.Errorf("%d rules in the page, %d in the fragment", n, m)
	}
	for _, bad := range []string{"", "1a", "a b", "a{", "-x"} {
		if _, err := RenderFragment(d, bad); err == nil {
			t.Errorf("scope %q accepted", bad)
		}
	}
	if _, err := RenderFragment(nil, "x"); err == nil {
		t.Error("nil document accepted")
	}
}
