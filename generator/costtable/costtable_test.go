package costtable_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/costtable"
)

func load(t *testing.T, name string, edit func(string) string) *generator.Project {
	t.Helper()
	g, err := generator.New(generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p, src, err := g.ReadProject("../../fixtures/" + name)
	if err != nil {
		t.Fatal(err)
	}
	if edit != nil {
		if p, err = g.ParseProject(name, []byte(edit(string(src)))); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

var tag = regexp.MustCompile(`<[^>]*>`)

// TestHTMLHasTheCellsOfTheText: every cell of the text table is a cell of
// the HTML table, in the same order, and each share has its bar.
func TestHTMLHasTheCellsOfTheText(t *testing.T) {
	g, _ := generator.New(generator.Options{})
	for _, f := range []string{"wohngeld-ring.yaml", "einbuergerung-stern-16.yaml", "aufenthaltstitel-fitstore.yaml"} {
		p := load(t, f, nil)
		res, err := g.Costs(p)
		if err != nil {
			t.Fatal(err)
		}
		var h bytes.Buffer
		if err := costtable.WriteHTML(&h, p.Data(), res); err != nil {
			t.Fatal(err)
		}
		tb := costtable.Build(p.Data(), res)
		var cells []string
		for _, m := range regexp.MustCompile(`<t[hd][^>]*>(.*?)</t[hd]>`).FindAllStringSubmatch(h.String(), -1) {
			cells = append(cells, strings.TrimSpace(tag.ReplaceAllString(m[1], "")))
		}
		var want []string
		for _, part := range tb.Parts {
			for _, r := range part.Rows {
				want = append(want, r...)
			}
		}
		if strings.Join(cells, "|") != strings.Join(want, "|") {
			t.Errorf("%s: cells\n%v\nwant\n%v", f, cells, want)
		}
		if n := strings.Count(h.String(), "<meter "); n != len(tb.Parts[0].Rows)-2 {
			t.Errorf("%s: %d bars for %d parties", f, n, len(tb.Parts[0].Rows)-2)
		}
		var text bytes.Buffer
		costtable.Write(&text, p.Data(), res)
		for _, l := range tb.Intro {
			if !strings.Contains(text.String(), l+"\n") {
				t.Errorf("%s: text lacks %q", f, l)
			}
		}
	}
}

func TestHTMLEscapes(t *testing.T) {
	p := load(t, "wohngeld-ring.yaml", func(s string) string {
		return strings.Replace(s, `titel: "Nachnutzung des EfA-Online-Dienstes „Wohngeld“"`, `titel: "<script>alert(1)</script> & Co"`, 1)
	})
	g, _ := generator.New(generator.Options{})
	res, _ := g.Costs(p)
	var h bytes.Buffer
	if err := costtable.WriteHTML(&h, p.Data(), res); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(h.String(), "<script>") || !strings.Contains(h.String(), "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co") {
		t.Errorf("not escaped: %s", h.String()[:300])
	}
}
