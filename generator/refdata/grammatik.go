package refdata

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Authority is the name of an authority that signs for a party
// ("vertreten durch …") in the three cases the documents use. Nominativ
// is the name as the authority names itself, with its article in lower
// case: "der Senator für Inneres und Sport"; Akkusativ follows "vertreten
// durch" ("den Senator …"), Dativ follows "mit" or "gegenüber" ("dem
// Senator …"). Only the article, the adjectives before the head noun and
// the head noun change; the rest stays as entered.
type Authority struct {
	Nominativ, Akkusativ, Dativ string
	// Note says how the entered name deviates from a nominative with its
	// article, so that a check can tell the user what to write instead.
	Note AuthorityNote
	// Head is the head noun the declension went by, as written in the
	// nominative ("Senator", "Staatsministerium"); "" when none was found.
	Head string
	// Genus is the gender the declension used: "m", "f", "n"; "" when
	// the name is used as entered in every case.
	Genus string
}

// AuthorityNote tells how an entered authority name deviates from the
// nominative with its article.
type AuthorityNote int

// Notes on an entered authority name.
const (
	// NoteNone: the name is a nominative with its article.
	NoteNone AuthorityNote = iota
	// NoteAccusative: the name was entered in the accusative ("den
	// Senator …"), as project files did before the nominative was the rule;
	// Nominativ is the corrected form.
	NoteAccusative
	// NoteDative: the name was entered in the dative ("dem Ministerium …").
	NoteDative
	// NoteNoArticle: the name has no article; it comes from the head
	// noun's gender ("Ministerium für …" → "das Ministerium für …").
	NoteNoArticle
	// NoteUnknown: the name has no article and no head noun of the table,
	// so it is used as entered in every case.
	NoteUnknown
	// NoteUnknownMasculine: a masculine head noun that is not in the table
	// was declined as a strong noun ("den Landesdirektor"); a weak noun
	// would be wrong.
	NoteUnknownMasculine
	// NoteGender: the article does not fit the head noun's gender in the
	// table ("die Ministerium"); the article was followed.
	NoteGender
)

// Cases of an authority's name, as the template helper names them.
const (
	CaseNominativ = "nominativ"
	CaseAkkusativ = "akkusativ"
	CaseDativ     = "dativ"
)

// Case returns the name in the case "nominativ", "akkusativ" or "dativ".
func (a Authority) Case(c string) (string, error) {
	switch c {
	case CaseNominativ:
		return a.Nominativ, nil
	case CaseAkkusativ:
		return a.Akkusativ, nil
	case CaseDativ:
		return a.Dativ, nil
	}
	return "", fmt.Errorf("unbekannter Fall „%s“ (nominativ, akkusativ, dativ)", c)
}

// Noun classes of the head noun table (data/grammatik.yaml).
const (
	classStrong    = "stark"
	classWeak      = "schwach"
	classAdjective = "adjektivisch"
)

// noun is one entry of the head noun table: a word ending with its
// gender and declension class.
type noun struct {
	end     string // lower-case word ending, e.g. "präsident"
	genus   string // "m", "f", "n"; "" for adjectival nouns
	class   string // classStrong, classWeak, classAdjective
	oblique string // ending of a weak noun in the oblique cases: "en", "n"
}

// nounMatch is a head noun found in the table.
type nounMatch struct {
	noun
	feminine bool // the feminine "-in" form of a masculine entry
}

// lookupNoun finds the longest table entry that word ends with, or the
// masculine entry whose feminine "-in" form word is.
func lookupNoun(table []noun, word string) (nounMatch, bool) {
	w := strings.ToLower(word)
	if n, ok := longestEnd(table, w); ok {
		return nounMatch{noun: n}, true
	}
	if base, ok := strings.CutSuffix(w, "in"); ok && utf8.RuneCountInString(base) >= 3 {
		if n, ok := longestEnd(table, base); ok && n.genus == "m" {
			return nounMatch{noun: noun{end: n.end + "in", genus: "f", class: classStrong}, feminine: true}, true
		}
	}
	return nounMatch{}, false
}

func longestEnd(table []noun, w string) (noun, bool) {
	best, found := noun{}, false
	for _, n := range table {
		if strings.HasSuffix(w, n.end) && len(n.end) > len(best.end) {
			best, found = n, true
		}
	}
	return best, found
}

// lookupOblique finds a weak or adjectival head noun written in an
// oblique case ("Präsidenten", "Beauftragten") and returns its
// nominative.
func lookupOblique(table []noun, word string) (string, nounMatch, bool) {
	if m, ok := lookupNoun(table, word); ok {
		return word, m, true
	}
	for _, cut := range []string{"en", "n"} {
		base, ok := strings.CutSuffix(word, cut)
		if !ok {
			continue
		}
		m, ok := lookupNoun(table, base)
		if !ok {
			continue
		}
		switch {
		case m.class == classAdjective && cut == "n":
			return base, m, true
		case m.class == classWeak && cut == m.oblique:
			return base, m, true
		}
	}
	return "", nounMatch{}, false
}

// lookupBare finds the head noun of a name without article, where an
// adjectival noun has its strong ending ("Beauftragter").
func lookupBare(table []noun, word string) (string, nounMatch, bool) {
	if m, ok := lookupNoun(table, word); ok {
		return word, m, true
	}
	if base, ok := strings.CutSuffix(word, "r"); ok {
		if m, ok := lookupNoun(table, base); ok && m.class == classAdjective {
			return word, m, true
		}
	}
	return "", nounMatch{}, false
}

// articles maps a leading article to the case and gender it shows; the
// feminine "der" (dative) is not told apart from the masculine nominative.
var articles = map[string]struct{ fall, genus string }{
	"der": {CaseNominativ, "m"}, "die": {CaseNominativ, "f"}, "das": {CaseNominativ, "n"},
	"den": {CaseAkkusativ, "m"}, "dem": {CaseDativ, ""},
}

// definite are the definite articles by case and gender.
var definite = map[string]map[string]string{
	CaseNominativ: {"m": "der", "f": "die", "n": "das"},
	CaseAkkusativ: {"m": "den", "f": "die", "n": "das"},
	CaseDativ:     {"m": "dem", "f": "der", "n": "dem"},
}

// DeclineAuthority returns an authority's name in nominative, accusative
// and dative. The name is expected in the nominative with its article, as
// the authority names itself ("die Senatorin für Finanzen"); a capital
// article is accepted as well. A name in the accusative ("den Senator …")
// or dative is turned back into the nominative, a name without article
// gets the article of its head noun's gender (data/grammatik.yaml), and a
// name whose head noun is unknown and that has no article stays as it is
// in every case; Note tells which.
func DeclineAuthority(name string) Authority {
	return declineAuthority(mustBuiltin().nouns, name)
}

func declineAuthority(table []noun, name string) Authority {
	name = strings.TrimSpace(name)
	same := Authority{Nominativ: name, Akkusativ: name, Dativ: name}
	if name == "" {
		return same
	}
	p := parseName(table, name)
	a := Authority{Head: p.headNom}
	genus := p.art.genus
	switch {
	case !p.hasArt:
		genus, a.Note = bareGenus(p), NoteNoArticle
	case p.art.fall == CaseAkkusativ:
		a.Note = NoteAccusative
	case p.art.fall == CaseDativ:
		genus, a.Note = p.match.genus, NoteDative
		if p.match.class == classAdjective {
			genus = "m" // "dem Beauftragten"; a neuter one is no authority
		}
	case p.known && p.match.genus != "" && p.match.genus != genus:
		a.Note = NoteGender
	case !p.known && genus == "m":
		a.Note = NoteUnknownMasculine
	}
	if genus == "" {
		same.Note, same.Head = NoteUnknown, p.headNom
		return same
	}
	a.Genus = genus
	if !p.known {
		p.match = nounMatch{noun: noun{genus: genus, class: classStrong}}
	}
	if p.match.class == classAdjective && !p.hasArt {
		p.headNom = strings.TrimSuffix(p.headNom, "r") // Beauftragter → Beauftragte
		a.Head = p.headNom
	}
	adjs := make([]string, max(p.head, 0)) // nominative forms of the adjectives
	for i := range adjs {
		core, _ := splitWord(p.run[i])
		adjs[i] = nominativeAdjective(core, genus, p.hasArt, p.art.fall)
	}
	form := func(fall string) string {
		out := make([]string, 0, len(p.run)+len(p.rest)+1)
		out = append(out, definite[fall][genus])
		for i, w := range p.run {
			core, tail := splitWord(w)
			switch {
			case i < len(adjs):
				core = declineAdjective(adjs[i], genus, fall)
			case i == p.head:
				core = declineNoun(p.headNom, p.match.noun, genus, fall)
			}
			out = append(out, core+tail)
		}
		return strings.Join(append(out, p.rest...), " ")
	}
	a.Nominativ, a.Akkusativ, a.Dativ = form(CaseNominativ), form(CaseAkkusativ), form(CaseDativ)
	return a
}

// parsedName is an authority's name taken apart: article, the run of
// capitalised words after it with the head noun in it, and the rest.
type parsedName struct {
	art    struct{ fall, genus string }
	hasArt bool
	run    []string // capitalised words: adjectives, head noun, what follows it
	rest   []string // the words after the run, kept as they are
	head   int      // index of the head noun in run; -1 if none
	// headNom is the head noun in the nominative as the name writes it
	// (from "Präsidenten": "Präsident"; without article: "Beauftragter").
	headNom string
	match   nounMatch
	known   bool // the head noun is in the table
}

// parseName finds the article and the head noun: the first capitalised
// word after the article that the table knows, else the first one that
// does not look like an adjective.
func parseName(table []noun, name string) parsedName {
	words := strings.Split(name, " ")
	p := parsedName{head: -1}
	p.art, p.hasArt = articles[strings.ToLower(words[0])]
	if p.hasArt {
		words = words[1:]
	}
	p.run = capitalRun(words)
	p.rest = words[len(p.run):]
	for i, w := range p.run {
		core, _ := splitWord(w)
		var nom string
		var m nounMatch
		var ok bool
		switch {
		case p.hasArt && p.art.fall != CaseNominativ:
			nom, m, ok = lookupOblique(table, core)
		case !p.hasArt:
			nom, m, ok = lookupBare(table, core)
		default:
			nom = core
			m, ok = lookupNoun(table, core)
		}
		if ok {
			p.head, p.headNom, p.match, p.known = i, nom, m, true
			return p
		}
	}
	for i, w := range p.run {
		if core, _ := splitWord(w); !strings.HasSuffix(core, "e") && !strings.HasSuffix(core, "en") {
			p.head = i
			break
		}
	}
	if p.head < 0 && len(p.run) > 0 {
		p.head = len(p.run) - 1
	}
	if p.head >= 0 {
		p.headNom, _ = splitWord(p.run[p.head])
	}
	return p
}

// bareGenus is the gender of a name without article: the table's, or
// for an adjectival noun its strong ending ("Beauftragter" m,
// "Beauftragte" f); "" for an unknown head noun.
func bareGenus(p parsedName) string {
	switch {
	case !p.known:
		return ""
	case p.match.class == classAdjective && strings.HasSuffix(p.headNom, "r"):
		return "m"
	case p.match.class == classAdjective:
		return "f"
	}
	return p.match.genus
}

// capitalRun returns the leading words that start with a capital letter,
// up to and including the first one followed by punctuation ("Sport,").
func capitalRun(words []string) []string {
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return words[:i]
		}
		if _, tail := splitWord(w); tail != "" {
			return words[:i+1]
		}
	}
	return words
}

// splitWord splits a word into its letters with hyphens (also escaped
// for the markup, "Rheinland\\-Pfalz") and what follows them ("Sport"
// ",").
func splitWord(w string) (core, tail string) {
	for i, r := range w {
		switch {
		case unicode.IsLetter(r) || r == '-':
		case r == '\\' && strings.HasPrefix(w[i+1:], "-"):
		default:
			return w[:i], w[i:]
		}
	}
	return w, ""
}

// nominativeAdjective turns an adjective before the head noun into its
// form in the nominative after the definite article ("Bayerische"): from
// the oblique "-en" of an accusative or dative entry, or from the strong
// ending of a name without article ("Bayerisches" n, "Erster" m).
// Indeclinable adjectives from place names ("Thüringer") stay.
func nominativeAdjective(adj, genus string, hasArt bool, fall string) string {
	switch {
	case hasArt && fall != CaseNominativ:
		if base, ok := strings.CutSuffix(adj, "en"); ok {
			return base + "e"
		}
	case !hasArt && genus == "n":
		if base, ok := strings.CutSuffix(adj, "es"); ok {
			return base + "e"
		}
	case !hasArt && genus == "m":
		for _, end := range []string{"ischer", "ender", "ster", "iger", "licher"} {
			if strings.HasSuffix(adj, end) {
				return strings.TrimSuffix(adj, "r")
			}
		}
	}
	return adj
}

// declineAdjective declines an adjective in its nominative form after the
// definite article ("Bayerische") into fall.
func declineAdjective(adj, genus, fall string) string {
	if !strings.HasSuffix(adj, "e") {
		return adj // "Thüringer"
	}
	if fall == CaseDativ || fall == CaseAkkusativ && genus == "m" {
		return adj + "n"
	}
	return adj
}

// declineNoun declines the head noun in its nominative form.
func declineNoun(head string, n noun, genus, fall string) string {
	if fall == CaseNominativ {
		return head
	}
	switch n.class {
	case classWeak:
		if genus == "m" {
			return head + n.oblique
		}
	case classAdjective:
		return declineAdjective(head, genus, fall)
	}
	return head
}
