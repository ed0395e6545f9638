package docxread

import (
	"regexp"
	"strconv"
	"strings"
)

// role is what a paragraph style means to the reader.
type role int

const (
	roleBody role = iota
	roleHeading
	roleTitle
	roleSubtitle
	roleCentered
	roleNote
	roleCaption
	roleSignature // any of the signature styles
	roleSigCaption
	roleSigText
	roleSkip // TableEnd, SignatureLine: layout only
)

type style struct {
	id, name, basedOn string
	outline           int    // 0-based outline level, -1 if none
	numID             string // w:numPr of the style ("" if none, "0" removes inherited numbering)
	ilvl              int
	hasIlvl           bool // the style's w:numPr names the level
}

// styles maps style ids to styles and resolves what a style means.
type styles struct {
	byID map[string]*style
	memo map[string]resolved // resolve's answers for styles without a direct outline level
}

type resolved struct {
	role  role
	level int
}

func parseStyles(root *node) *styles {
	s := &styles{byID: map[string]*style{}, memo: map[string]resolved{}}
	if root == nil {
		return s
	}
	for _, top := range root.kids {
		for _, st := range top.kids {
			if st.name != "style" || st.attr("type") != "paragraph" {
				continue
			}
			x := &style{id: st.attr("styleId"), outline: -1}
			x.name = st.child("name").attr("val")
			x.basedOn = st.child("basedOn").attr("val")
			if ol := st.child("pPr").child("outlineLvl"); ol != nil {
				if n, err := strconv.Atoi(ol.attr("val")); err == nil {
					x.outline = n
				}
			}
			if np := st.child("pPr").child("numPr"); np != nil {
				x.numID = np.child("numId").attr("val")
				if il := np.child("ilvl"); il != nil {
					x.ilvl, _ = strconv.Atoi(il.attr("val"))
					x.hasIlvl = true
				}
			}
			s.byID[x.id] = x
		}
	}
	return s
}

var (
	headingName = regexp.MustCompile(`^(?i)(heading|überschrift|berschrift|titre|titolo|título)\s*([1-9])$`)
	roleNames   = map[string]role{
		"title": roleTitle, "titel": roleTitle,
		"subtitle": roleSubtitle, "untertitel": roleSubtitle,
		"centered": roleCentered, "zentriert": roleCentered,
		"note": roleNote, "hinweis": roleNote,
		"caption": roleCaption, "beschriftung": roleCaption,
		"signaturecaption": roleSigCaption, "signaturetext": roleSigText,
		"signatureline": roleSkip, "tableend": roleSkip,
	}
)

// classify returns the role of a style name or id, and the heading level
// (1-based) for headings.
func classify(s string) (role, int) {
	key := strings.ToLower(strings.Map(func(r rune) rune {
		if r == ' ' || r == '_' || r == '-' {
			return -1
		}
		return r
	}, s))
	if m := headingName.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		n, _ := strconv.Atoi(m[2])
		return roleHeading, n
	}
	if m := headingName.FindStringSubmatch(key); m != nil {
		n, _ := strconv.Atoi(m[2])
		return roleHeading, n
	}
	// LibreOffice writes names like "Signature_20_Text" as ids.
	key = strings.ReplaceAll(key, "20", "")
	if r, ok := roleNames[key]; ok {
		return r, 0
	}
	return roleBody, 0
}

// resolve returns the role and heading level of a paragraph with style
// id and direct outline level (−1 if none). The direct outline level
// wins; then the style's name, its id, and the outline level inherited
// through basedOn.
func (s *styles) resolve(id string, direct int) (role, int) {
	if direct >= 0 && direct < 9 {
		return roleHeading, direct + 1
	}
	if r, ok := s.memo[id]; ok {
		return r.role, r.level
	}
	r, lvl := s.lookup(id)
	s.memo[id] = resolved{r, lvl}
	return r, lvl
}

// numPr returns the numbering a style gives its paragraphs, inherited
// through basedOn; ok is false when it gives none, explicit whether it
// names the level.
func (s *styles) numPr(id string) (numID string, ilvl int, explicit, ok bool) {
	for seen := 0; id != "" && seen < 16; seen++ {
		st := s.byID[id]
		if st == nil {
			return "", 0, false, false
		}
		if st.numID != "" {
			return st.numID, st.ilvl, st.hasIlvl, st.numID != "0"
		}
		id = st.basedOn
	}
	return "", 0, false, false
}

// lookup resolves a style through its name, id and basedOn chain.
func (s *styles) lookup(id string) (role, int) {
	seen := 0
	for cur := id; cur != "" && seen < 16; seen++ {
		st := s.byID[cur]
		if st != nil {
			if r, lvl := classify(st.name); r != roleBody {
				return r, lvl
			}
		}
		if r, lvl := classify(cur); r != roleBody {
			return r, lvl
		}
		if st == nil {
			break
		}
		if st.outline >= 0 && st.outline < 9 {
			return roleHeading, st.outline + 1
		}
		cur = st.basedOn
	}
	return roleBody, 0
}
