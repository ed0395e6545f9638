package docx

import (
	"strconv"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// maxBookmark is Word's limit on the length of a bookmark name.
const maxBookmark = 40

// bookmarks hands out bookmark names and ids in document order, so the
// same document always gets the same names.
type bookmarks struct {
	used   map[string]bool // lower-cased names; Word compares them case-insensitively
	nextID int
}

// add returns a fresh id and a unique bookmark name derived from id.
func (b *bookmarks) add(id string) (int, string) {
	if b.used == nil {
		b.used = make(map[string]bool)
	}
	base := bookmarkBase(id)
	name := base
	for n := 2; b.used[strings.ToLower(name)]; n++ {
		suffix := "_" + strconv.Itoa(n)
		name = base[:min(len(base), maxBookmark-len(suffix))] + suffix
	}
	b.used[strings.ToLower(name)] = true
	b.nextID++
	return b.nextID - 1, name
}

// bookmarkBase maps a model id to Word's bookmark rules: ASCII letters,
// digits and underscores, starting with a letter, at most 40 characters.
// German letters are transliterated ("präambel" → "praeambel"), anything
// else becomes an underscore.
func bookmarkBase(id string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(id) {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
		case r == 'ä':
			b.WriteString("ae")
		case r == 'ö':
			b.WriteString("oe")
		case r == 'ü':
			b.WriteString("ue")
		case r == 'Ä':
			b.WriteString("Ae")
		case r == 'Ö':
			b.WriteString("Oe")
		case r == 'Ü':
			b.WriteString("Ue")
		case r == 'ß':
			b.WriteString("ss")
		default:
			b.WriteByte('_')
		}
	}
	s := b.String()
	// A leading underscore would make Word hide the bookmark.
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z' || s[0] >= 'A' && s[0] <= 'Z') {
		s = "S" + s
	}
	if len(s) > maxBookmark {
		s = s[:maxBookmark]
	}
	return s
}
