// Package htmltest checks pages written by the HTML renderer without an
// HTML parser dependency: a strict tokenizer for the subset of HTML5 the
// renderer writes. It is stricter than HTML5 (every non-void element is
// closed, attributes are double-quoted, no comments), so a page it accepts
// parses the same in every browser.
package htmltest

import (
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"
)

// void elements have no end tag.
var void = map[string]bool{"meta": true, "br": true, "col": true}

// inline elements do not separate words in Page.Text.
var inline = map[string]bool{"span": true, "strong": true, "em": true, "ins": true, "del": true, "s": true}

// allowed are the elements the renderer may write; anything else, above
// all script, iframe, object or a second style, is an error.
var allowed = map[string]bool{
	"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true, "main": true,
	"section": true, "h1": true, "h2": true, "h3": true, "h4": true, "p": true, "span": true, "div": true,
	"strong": true, "em": true, "ins": true, "del": true, "s": true, "br": true, "ol": true, "li": true,
	"table": true, "caption": true, "colgroup": true, "col": true, "thead": true, "tbody": true,
	"tr": true, "th": true, "td": true, "figure": true, "figcaption": true,
}

var (
	tagRe    = regexp.MustCompile(`^<(/?)([a-z][a-z0-9]*)((?: [a-z-]+(?:="[^"<>]*")?)*)>`)
	attrRe   = regexp.MustCompile(` ([a-z-]+)(?:="([^"<>]*)")?`)
	entityRe = regexp.MustCompile(`&(?:[a-zA-Z]+|#[0-9]+|#x[0-9a-fA-F]+);`)
)

// Page is what Check found in a page.
type Page struct {
	Title string   // the text of <title>
	Text  string   // the text of <body>, entities decoded; block tags and <br> become line feeds
	IDs   []string // every id attribute, in document order
	Style string   // the content of the <style> element
}

// Check tokenizes src and reports the first defect: a tag that is not
// allowed or not balanced, an attribute that is an event handler or an
// inline style, a bare "<" or ">" in text, an undecodable entity.
func Check(src string) (*Page, error) {
	const doctype = "<!DOCTYPE html>\n"
	if !strings.HasPrefix(src, doctype) {
		return nil, fmt.Errorf("does not start with %q", doctype)
	}
	s := src[len(doctype):]
	var stack []string
	var text, title strings.Builder
	pg := &Page{}
	styles := 0
	for len(s) > 0 {
		i := strings.IndexAny(s, "<>")
		if i < 0 {
			i = len(s)
		}
		if err := addText(s[:i], stack, &text, &title); err != nil {
			return nil, err
		}
		s = s[i:]
		if s == "" {
			break
		}
		if s[0] == '>' {
			return nil, fmt.Errorf("bare > at %q", excerpt(s))
		}
		m := tagRe.FindStringSubmatch(s)
		if m == nil {
			return nil, fmt.Errorf("malformed tag at %q", excerpt(s))
		}
		s = s[len(m[0]):]
		end, name := m[1] == "/", m[2]
		if !allowed[name] {
			return nil, fmt.Errorf("element <%s> not allowed", name)
		}
		if !inline[name] && slices.Contains(stack, "body") {
			text.WriteString("\n") // block boundaries and line breaks separate words
		}
		if end {
			if len(stack) == 0 || stack[len(stack)-1] != name {
				return nil, fmt.Errorf("</%s> closes %v", name, stack)
			}
			stack = stack[:len(stack)-1]
			continue
		}
		for _, a := range attrRe.FindAllStringSubmatch(m[3], -1) {
			switch {
			case strings.HasPrefix(a[1], "on"), a[1] == "style", a[1] == "src", a[1] == "href" && strings.Contains(strings.ToLower(a[2]), "script:"):
				return nil, fmt.Errorf("attribute %s on <%s>", a[1], name)
			case a[1] == "id":
				pg.IDs = append(pg.IDs, html.UnescapeString(a[2]))
			}
			if err := checkEntities(a[2]); err != nil {
				return nil, err
			}
		}
		if name == "style" {
			styles++
			j := strings.Index(s, "</style>")
			if styles > 1 || j < 0 || strings.Contains(s[:j], "<") {
				return nil, fmt.Errorf("a second or unterminated <style>")
			}
			pg.Style = s[:j]
			s = s[j+len("</style>"):]
			continue
		}
		if !void[name] {
			stack = append(stack, name)
		}
	}
	if len(stack) > 0 {
		return nil, fmt.Errorf("unclosed %v", stack)
	}
	pg.Text, pg.Title = text.String(), title.String()
	return pg, nil
}

func addText(t string, stack []string, body, title *strings.Builder) error {
	if t == "" {
		return nil
	}
	if err := checkEntities(t); err != nil {
		return err
	}
	inBody, inTitle := false, false
	for _, e := range stack {
		inBody = inBody || e == "body"
		inTitle = inTitle || e == "title"
	}
	switch {
	case inTitle:
		title.WriteString(html.UnescapeString(t))
	case inBody:
		body.WriteString(html.UnescapeString(t))
	case strings.TrimSpace(t) != "":
		return fmt.Errorf("text %q outside body and title", excerpt(t))
	}
	return nil
}

func checkEntities(t string) error {
	for i := strings.IndexByte(t, '&'); i >= 0; i = strings.IndexByte(t, '&') {
		loc := entityRe.FindStringIndex(t[i:])
		if loc == nil || loc[0] != 0 {
			return fmt.Errorf("bare & at %q", excerpt(t[i:]))
		}
		t = t[i+loc[1]:]
	}
	return nil
}

func excerpt(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}
