package tmpl

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

// Func is one of our template helpers with examples that a test executes,
// so the documentation cannot drift from the behaviour.
type Func struct {
	Name     string
	Fn       any
	Doc      string
	Examples []Example
}

// Example is a template snippet and its exact output.
type Example struct {
	Template string
	Output   string
}

// ExampleData is the data the examples run with.
var ExampleData = map[string]any{
	"Stand": time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC),
	"Parteien": []struct {
		Kurzname string
		AnteilE5 int64
	}{{"Bremen", 2000000}, {"Hamburg", 5000000}, {"Berlin", 3000000}, {"Sachsen", 0}},
}

// Funcs returns our helpers.
func Funcs() []Func {
	return []Func{
		{"geld", format.Money, "Betrag in Cent als deutscher Geldbetrag mit geschütztem Leerzeichen vor €.",
			[]Example{{`{{geld 123456789}}`, "1.234.567,89\u00a0€"}, {`{{geld 5}}`, "0,05\u00a0€"}}},
		{"prozent", format.Percent, "Anteil in Einheiten von 0,00001 % mit fünf Nachkommastellen.",
			[]Example{{`{{prozent 2653499}}`, "26,53499\u00a0%"}, {`{{prozent 10000000}}`, "100,00000\u00a0%"}}},
		{"betrag", format.MoneyPlain, "Betrag in Cent ohne €-Zeichen, für Tabellen mit „in €“ im Kopf.",
			[]Example{{`{{betrag 123456789}}`, "1.234.567,89"}}},
		{"anteil", format.PercentPlain, "Anteil in Einheiten von 0,00001 % ohne %-Zeichen, für Tabellen mit „in %“ im Kopf.",
			[]Example{{`{{anteil 818104}}`, "8,18104"}}},
		{"tausend", format.Thousands, "Ganze Zahl mit Tausenderpunkten.",
			[]Example{{`{{tausend 2180684}}`, "2.180.684"}}},
		{"datum", format.DateLong, "Datum in Langform.",
			[]Example{{`{{datum .Stand}}`, "28. November 2026"}}},
		{"datumKurz", format.DateShort, "Datum für Tabellen.",
			[]Example{{`{{datumKurz .Stand}}`, "28.11.2026"}}},
		{"land", land, "Amtliche Bezeichnung einer Partei im Fall nominativ, genitiv, dativ oder akkusativ.",
			[]Example{
				{`{{land "BY" "nominativ"}}`, "der Freistaat Bayern"},
				{`{{land "BY" "dativ"}}`, "dem Freistaat Bayern"},
				{`{{land "BY" "genitiv"}}`, "des Freistaates Bayern"},
				{`{{land "HB" "akkusativ"}}`, "die Freie Hansestadt Bremen"},
				{`{{land "SL" "genitiv"}}`, "des Saarlandes"},
			}},
		{"fall", fall, "Bezeichnung einer Stelle, im Nominativ mit Artikel angegeben, im Fall nominativ, akkusativ oder dativ: Artikel, vorangestellte Adjektive und Kopfnomen werden gebeugt (Kopfnomen nach generator/refdata/data/grammatik.yaml).",
			[]Example{
				{`vertreten durch {{fall "akkusativ" "der Senator für Inneres und Sport"}}`, "vertreten durch den Senator für Inneres und Sport"},
				{`gegenüber {{fall "dativ" "die Senatorin für Finanzen"}}`, "gegenüber der Senatorin für Finanzen"},
				{`{{fall "akkusativ" "der Präsident des Statistischen Landesamtes"}}`, "den Präsidenten des Statistischen Landesamtes"},
				{`{{fall "dativ" "das Bayerische Staatsministerium für Digitales"}}`, "dem Bayerischen Staatsministerium für Digitales"},
				{`{{fall "dativ" "der Beauftragte der Landesregierung"}}`, "dem Beauftragten der Landesregierung"},
				{`{{satzanfang (fall "nominativ" "Ministerium für Inneres")}}`, "Das Ministerium für Inneres"},
			}},
		{"satzanfang", satzanfang, "Großschreibung des ersten Buchstabens, für Bezeichnungen am Satzanfang.",
			[]Example{{`{{satzanfang (land "BY" "nominativ")}}`, "Der Freistaat Bayern"}, {`{{satzanfang "über"}}`, "Über"}}},
		{"ref", ref, "Verweis auf eine Klausel (und einen Absatz); wird im Dokument zu „§ 5“ bzw. „§ 5 Abs. 2“.",
			[]Example{{`{{ref "kostenverteilung"}}`, "[](#kostenverteilung)"}, {`{{ref "kostenverteilung" 2}}`, "[](#kostenverteilung/2)"}}},
		{"absteigend", absteigend, "Liste von Strukturen (oder Zeigern darauf), absteigend nach einem ganzzahligen Feld sortiert; bei gleichen Werten bleibt die Reihenfolge der Liste. Die Liste selbst bleibt unverändert.",
			[]Example{{`{{range absteigend "AnteilE5" .Parteien}}{{.Kurzname}} {{end}}`, "Hamburg Berlin Bremen Sachsen "}}},
		{"zahlwort", format.Zahlwort, "Anzahl in Worten bis zwanzig, darüber in Ziffern (für „in zwölf Ausfertigungen“).",
			[]Example{{`{{zahlwort 2}}`, "zwei"}, {`{{zahlwort (len .Parteien)}}`, "vier"}, {`{{zahlwort 21}}`, "21"}}},
		{"md", Escape, "Maskiert freien Text aus den Projektdaten für das Markup.",
			[]Example{{`{{md "Amt für *IT* & <Recht>"}}`, `Amt für \*IT\* & \<Recht\>`}, {`{{md "1. Zeile\n\nzweite"}}`, `1\. Zeile zweite`}}},
	}
}

// denied are sprig helpers that are non-deterministic or touch the
// environment, files or network (or the local time zone), so a template
// using them could not give byte-identical documents.
var denied = []string{
	"now", "ago", "date", "dateInZone", "htmlDate", "htmlDateInZone", "toDate", "mustToDate",
	"dateModify", "mustDateModify", "duration", "durationRound", "unixEpoch",
	"env", "expandenv", "getHostByName",
	"randAlpha", "randAlphaNum", "randAscii", "randNumeric", "randBytes", "randInt", "shuffle", "uuidv4",
	"genPrivateKey", "genCA", "genCAWithKey", "genSelfSignedCert", "genSelfSignedCertWithKey",
	"genSignedCert", "genSignedCertWithKey", "buildCustomCert", "derivePassword",
	"encryptAES", "decryptAES", "bcrypt", "htpasswd",
}

// Denied lists the sprig helpers that are left out.
func Denied() []string { return append([]string(nil), denied...) }

// FuncMap is what templates may call with the default limits: sprig's
// text helpers minus the denied ones, plus ours (ours win on a name
// clash), each checked against the limits (see Limits).
func FuncMap() template.FuncMap {
	m := funcMap(Limits{}.withDefaults())
	delete(m, outFunc)
	return m
}

func land(code, fall string) (string, error) {
	p, ok := refdata.PartyByCode(code)
	if !ok {
		return "", fmt.Errorf("land: unbekanntes Kürzel %q", code)
	}
	switch fall {
	case "nominativ":
		return Escape(p.Nominativ), nil
	case "genitiv":
		return Escape(p.Genitiv), nil
	case "dativ":
		return Escape(p.Dativ), nil
	case "akkusativ":
		return Escape(p.Akkusativ), nil
	}
	return "", fmt.Errorf("land: unbekannter Fall %q (nominativ, genitiv, dativ, akkusativ)", fall)
}

// fall declines an authority's name (see refdata.DeclineAuthority); the
// case comes first so that a pipeline can feed the name.
func fall(c, name string) (string, error) {
	s, err := refdata.DeclineAuthority(name).Case(c)
	if err != nil {
		return "", fmt.Errorf("fall: %w", err)
	}
	return s, nil
}

func satzanfang(s string) string {
	for i, r := range s {
		return string(unicode.ToUpper(r)) + s[i+utf8.RuneLen(r):]
	}
	return s
}

// absteigend returns the elements of list, a slice of structs or of
// pointers to structs, ordered by their integer field feld from the
// largest to the smallest value; equal values keep their order (for the
// view's parties, the order of the documents). It is typed loosely because templates cannot name
// the view's types; a wrong list or field is an error, not a silent no-op.
func absteigend(feld string, list any) ([]any, error) {
	v := reflect.ValueOf(list)
	if v.Kind() != reflect.Slice && v.Kind() != reflect.Array {
		return nil, fmt.Errorf("absteigend: %T ist keine Liste", list)
	}
	type entry struct {
		key int64
		val any
	}
	entries := make([]entry, v.Len())
	for i := range entries {
		el := v.Index(i)
		s := el
		if s.Kind() == reflect.Pointer {
			if s.IsNil() {
				return nil, fmt.Errorf("absteigend: Eintrag %d ist nil", i)
			}
			s = s.Elem()
		}
		if s.Kind() != reflect.Struct {
			return nil, fmt.Errorf("absteigend: Eintrag %d ist keine Struktur, sondern %s", i, s.Kind())
		}
		f := s.FieldByName(feld)
		if !f.IsValid() {
			return nil, fmt.Errorf("absteigend: %s hat kein Feld %q", s.Type(), feld)
		}
		switch f.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			entries[i] = entry{f.Int(), el.Interface()}
		default:
			return nil, fmt.Errorf("absteigend: Feld %q ist keine ganze Zahl, sondern %s", feld, f.Kind())
		}
	}
	slices.SortStableFunc(entries, func(a, b entry) int { return cmp.Compare(b.key, a.key) })
	out := make([]any, len(entries))
	for i, e := range entries {
		out[i] = e.val
	}
	return out, nil
}

func ref(id string, abs ...int) (string, error) {
	switch len(abs) {
	case 0:
		return "[](#" + id + ")", nil
	case 1:
		return "[](#" + id + "/" + strconv.Itoa(abs[0]) + ")", nil
	}
	return "", fmt.Errorf("ref: höchstens ein Absatz")
}

// escapePunct are the characters Escape backslash-escapes; escapeChars
// adds the line breaks it collapses.
const (
	escapePunct = "\\`*_{}[]<>()#+-.!|~"
	escapeChars = escapePunct + "\n\r"
)

// escapeByte marks the bytes of escapeChars.
var escapeByte = func() (t [256]bool) {
	for i := 0; i < len(escapeChars); i++ {
		t[escapeChars[i]] = true
	}
	return t
}()

// needsEscape reports whether Escape would change s: it holds a character
// of escapeChars or is not valid UTF-8.
func needsEscape(s string) bool {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if escapeByte[c] {
			return true
		}
		if c >= utf8.RuneSelf {
			ascii = false
		}
	}
	return !ascii && !utf8.ValidString(s)
}

// Escape makes free text safe for the markup: every ASCII punctuation
// character that Markdown or our extensions could read as syntax is
// backslash-escaped, and line breaks collapse to one space (a blank line
// in the data must not start a new paragraph).
func Escape(s string) string {
	// Most data needs no escaping: then the result is s itself (ranging
	// over invalid UTF-8 would write U+FFFD, so only valid text qualifies).
	if !needsEscape(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			// Not ASCII, so never escaped; invalid UTF-8 becomes U+FFFD,
			// as ranging over the string and writing each rune would.
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b.WriteString(string(utf8.RuneError))
			} else {
				b.WriteString(s[i : i+size])
			}
			i += size
			space = false
			continue
		}
		i++
		if c == '\n' || c == '\r' {
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = c == ' '
		if escapeByte[c] {
			b.WriteByte('\\')
		}
		b.WriteByte(c)
	}
	return b.String()
}
