package html

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/vereinbar/vereinbar/generator/model"
)

// Fragment is a document rendered for embedding in another page (the live
// preview of `vereinbar serve`): the same body as Render writes between
// <body> and </body>, and its style sheet with every rule confined to the
// elements inside an element of class Scope, so that it styles the
// document and nothing around it. The style sheet is meant to be served
// as a file of its own: a strict Content-Security-Policy admits neither a
// <style> element nor a style attribute in the embedding page.
type Fragment struct {
	Body string // the draft mark and <main>…</main>
	CSS  string // the scoped style sheet, without @page rules
}

// RenderFragment renders d as a Fragment whose style sheet is scoped to
// the class scope (a CSS identifier, e.g. "vorschau-dokument"). The body
// is byte-identical to the body of Render's page; section ids are the
// anchors a preview links to.
func RenderFragment(d *model.Document, scope string) (Fragment, error) {
	if d == nil {
		return Fragment{}, fmt.Errorf("html: %w", ErrNilDocument)
	}
	if !isIdent(scope) {
		return Fragment{}, fmt.Errorf("html: Geltungsklasse %q ist kein CSS-Bezeichner", scope)
	}
	r := &renderer{ids: map[string]bool{}, rules: map[string]string{}}
	if err := r.blocks(d.Blocks, 0); err != nil {
		return Fragment{}, fmt.Errorf("html: %w", err)
	}
	var sheet, body bytes.Buffer
	pageClass, err := r.styles(&sheet, d)
	if err != nil {
		return Fragment{}, fmt.Errorf("html: %w", err)
	}
	r.content(&body, d, pageClass)
	return Fragment{Body: body.String(), CSS: scopeCSS(sheet.String(), "."+scope)}, nil
}

// isIdent reports whether s is a plain CSS class name.
func isIdent(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' || s[0] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// scopeCSS confines the rules of a style sheet written by this package to
// the descendants of scope: "body" and ":root" become the scope itself,
// every other selector is prefixed with it; @media blocks are scoped
// inside, @page rules (which mean nothing inside a page) are dropped. The
// sheet is ours (css and the per-document classes): no braces in strings
// or comments.
func scopeCSS(sheet, scope string) string {
	var b strings.Builder
	for sheet != "" {
		sheet = strings.TrimLeft(sheet, " \n")
		open := strings.IndexByte(sheet, '{')
		if open < 0 {
			break
		}
		sel := strings.TrimSpace(sheet[:open])
		end := matchingBrace(sheet, open)
		inner := sheet[open+1 : end]
		sheet = sheet[end+1:]
		switch {
		case strings.HasPrefix(sel, "@page"):
			continue
		case strings.HasPrefix(sel, "@"):
			b.WriteString(sel + "{" + scopeCSS(inner, scope) + "}\n")
			continue
		}
		parts := strings.Split(sel, ",")
		for i, p := range parts {
			p = strings.TrimSpace(p)
			switch {
			case p == "body" || p == ":root":
				parts[i] = scope
			case strings.HasPrefix(p, "body "):
				parts[i] = scope + p[len("body"):]
			default:
				parts[i] = scope + " " + p
			}
		}
		b.WriteString(strings.Join(parts, ",") + "{" + inner + "}\n")
	}
	return b.String()
}

// matchingBrace returns the index of the brace closing the one at open.
func matchingBrace(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return len(s) - 1
}
