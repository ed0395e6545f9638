package data

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/invopop/jsonschema"
	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"go.yaml.in/yaml/v3"
)

// Datum is a calendar date without time of day (JJJJ-MM-TT).
type Datum struct {
	t time.Time
}

// NewDatum returns the date y-m-d.
func NewDatum(y int, m time.Month, d int) Datum {
	return Datum{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// Time returns the date as midnight UTC.
func (d Datum) Time() time.Time { return d.t }

// IsZero reports whether the date is unset.
func (d Datum) IsZero() bool { return d.t.IsZero() }

// String formats as JJJJ-MM-TT.
func (d Datum) String() string { return d.t.Format(time.DateOnly) }

func (d *Datum) decodeNode(dec *decoder, n *yaml.Node, path string) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!str" && n.Tag != "!!timestamp") {
		dec.errorf(n, path, "erwartet ein Datum JJJJ-MM-TT, gefunden %s", describe(n))
		return
	}
	t, err := time.Parse(time.DateOnly, n.Value)
	if err != nil {
		dec.errorf(n, path, "„%s“ ist kein gültiges Datum der Form JJJJ-MM-TT%s", n.Value, dateHint(n.Value))
		return
	}
	if y := t.Year(); y < minYear || y > maxYear {
		dec.errorf(n, path, "Datum %s liegt außerhalb des plausiblen Bereichs %d-01-01 bis %d-12-31 – Tippfehler im Jahr?", n.Value, minYear, maxYear)
		return
	}
	d.t = t
}

// The plausible years of every date and year in a project file. A project
// file describes an agreement of this century; a date outside is a typo
// (0001-01-01, 2207-01-01) that would reach the documents ("ab dem
// 1. Januar 1") or break them (the PDF's creation date comes from
// vorhaben.stand, and 0001-01-01 is Go's zero time).
const (
	minYear = 2000
	maxYear = 2100
)

// dateHint says what is wrong with a date that is not JJJJ-MM-TT: a German
// date TT.MM.JJJJ or one without leading zeros gets the spelling to use
// (also when the day does not exist, as 31.02.2027: the same suggestion as
// for any German date, then the length of the month), a day the month
// lacks is named.
func dateHint(s string) string {
	m := datePattern.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	y, mo, d := m[3], m[2], m[1] // TT.MM.JJJJ
	if m[4] != "" {
		y, mo, d = m[4], m[5], m[6] // JJJJ-MM-TT, perhaps without zeros
	}
	year, _ := strconv.Atoi(y)
	month, _ := strconv.Atoi(mo)
	day, _ := strconv.Atoi(d)
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return ""
	}
	hint := ""
	if iso := fmt.Sprintf("%04d-%02d-%02d", year, month, day); iso != s {
		hint = " – meinten Sie " + iso + "?"
	}
	if last := time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day(); day > last {
		hint += fmt.Sprintf(" (der Monat hat %d Tage)", last)
	}
	return hint
}

// datePattern matches the spellings dateHint understands: TT.MM.JJJJ and
// JJJJ-MM-TT, each with or without leading zeros.
var datePattern = regexp.MustCompile(`^(?:(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4})-(\d{1,2})-(\d{1,2}))$`)

// datumPattern accepts exactly the dates the decoder accepts: days of the
// calendar from 2000-01-01 to 2100-12-31 (minYear, maxYear), the length
// of each month and the leap years included. In this range a year is a
// leap year if its last two digits are divisible by 4, except 2100, so
// the rule is exact, not approximate. TestDatePatternAgreesWithDecoder
// holds pattern and decoder together.
const datumPattern = `^(?:(?:20[0-9]{2}|2100)-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8]))|20(?:[02468][048]|[13579][26])-02-29)$`

// JSONSchema describes a date for editors: the pattern flags a day that
// does not exist (2027-02-31) and a year outside the range, with German
// messages (see messages).
func (Datum) JSONSchema() *jsonschema.Schema {
	m := messages(fmt.Sprintf("Datum in der Form JJJJ-MM-TT, ein Tag, den es gibt, zwischen %d-01-01 und %d-12-31, z. B. 2027-04-01 (nicht 01.04.2027, nicht 2027-02-31)", minYear, maxYear), true)
	return &jsonschema.Schema{Type: "string", Format: "date", Pattern: datumPattern, Extras: m}
}

// Betrag is an amount of money in integer cents, parsed from the literal
// text of the YAML value (never through float64).
type Betrag struct {
	Cent    int64
	Literal string
}

func (b *Betrag) decodeNode(dec *decoder, n *yaml.Node, path string) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!str" && n.Tag != "!!int" && n.Tag != "!!float") {
		dec.errorf(n, path, "erwartet einen Betrag wie \"480000.00\", gefunden %s", describe(n))
		return
	}
	c, err := format.ParseCents(n.Value)
	if err != nil {
		dec.errorf(n, path, "Betrag %v%s", err, germanHint(err, n.Value))
		return
	}
	if c < 0 {
		dec.errorf(n, path, "Betrag „%s“ ist negativ", n.Value)
		return
	}
	b.Cent, b.Literal = c, n.Value
}

// germanHint proposes the spelling meant by a number refused for its
// separators, read the German way ("480.000,00" → "480000.00", "33,5" →
// "33.50"); "" if err is another error or the reading fails too.
func germanHint(err error, literal string) string {
	if !errors.Is(err, format.ErrSeparator) {
		return ""
	}
	plain := strings.ReplaceAll(strings.ReplaceAll(literal, ".", ""), ",", ".")
	v, err := format.ParseFixed(plain, 2)
	if err != nil || v < 0 {
		return ""
	}
	return fmt.Sprintf(" – meinten Sie „%s“?", format.FormatFixed(v, 2))
}

// betragMessage is what editors say about an amount that is not one.
const betragMessage = `Betrag in Euro mit Punkt als Dezimaltrenner, höchstens zwei Nachkommastellen und ohne Tausendertrennzeichen, z. B. "480000.00" (nicht "480.000,00")`

// JSONSchema describes an amount: a decimal string or a number, with
// German messages for editors.
func (Betrag) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
		{Type: "string", Pattern: `^(0|[1-9][0-9]*)(\.[0-9]{1,2})?$`, Extras: messages(betragMessage, true)},
		{Type: "number", Minimum: "0", MultipleOf: "0.01", Extras: messages(betragMessage, false)},
	}}
}

// Prozent is a percentage with at most two decimals, in units of 0.01 %.
type Prozent struct {
	Hundertstel int64
	Literal     string
}

func (p *Prozent) decodeNode(dec *decoder, n *yaml.Node, path string) {
	p.Hundertstel, p.Literal = decodePercent(dec, n, path, "Gewicht", "50 oder 33.33")
}

// decodePercent reads a percentage with at most two decimals, above 0 and
// at most 100, in units of 0.01 %; noun names the value in messages.
// On a mistake it reports it and returns 0 and "".
func decodePercent(dec *decoder, n *yaml.Node, path, noun, example string) (int64, string) {
	if n.Kind != yaml.ScalarNode || (n.Tag != "!!str" && n.Tag != "!!int" && n.Tag != "!!float") {
		dec.errorf(n, path, "erwartet eine Prozentzahl wie %s, gefunden %s", example, describe(n))
		return 0, ""
	}
	v, err := format.ParseFixed(n.Value, 2)
	if err != nil {
		dec.errorf(n, path, "%s %v%s", noun, err, germanHint(err, n.Value))
		return 0, ""
	}
	if v <= 0 || v > 10000 {
		dec.errorf(n, path, "%s %s liegt nicht zwischen 0 (ausschließlich) und 100", noun, n.Value)
		return 0, ""
	}
	return v, n.Value
}

// prozentMessage is what editors say about a weight that is not one.
const prozentMessage = "Gewicht in Prozent über 0 bis 100 mit Punkt als Dezimaltrenner und höchstens zwei Nachkommastellen, z. B. 33.33 (nicht 33,33)"

// JSONSchema describes a percentage, with German messages for editors.
func (Prozent) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
		{Type: "string", Pattern: `^[0-9]{1,3}(\.[0-9]{1,2})?$`, Extras: messages(prozentMessage, true)},
		{Type: "number", ExclusiveMinimum: "0", Maximum: "100", MultipleOf: "0.01", Extras: messages(prozentMessage, false)},
	}}
}

// Verfuegbarkeit is an availability in percent with at most two decimals,
// in units of 0.01 % (99.5 % = 9950).
type Verfuegbarkeit struct {
	Hundertstel int64
	Literal     string
}

func (p *Verfuegbarkeit) decodeNode(dec *decoder, n *yaml.Node, path string) {
	p.Hundertstel, p.Literal = decodePercent(dec, n, path, "Verfügbarkeit", "99.5")
}

// JSONSchema describes an availability like a percentage.
func (Verfuegbarkeit) JSONSchema() *jsonschema.Schema { return Prozent{}.JSONSchema() }

// Wert is one value of a key per party, kept as its literal text; its
// meaning (integer count or percentage) depends on the key kind.
type Wert struct {
	Land    string
	Literal string
	Pos     Pos
}

// Werte maps party codes to values, in file order.
type Werte struct {
	Eintraege []Wert
}

// Get returns the entry for a party code.
func (w *Werte) Get(code string) (Wert, bool) {
	if w == nil {
		return Wert{}, false
	}
	for _, e := range w.Eintraege {
		if e.Land == code {
			return e, true
		}
	}
	return Wert{}, false
}

func (w *Werte) decodeNode(dec *decoder, n *yaml.Node, path string) {
	if n.Kind != yaml.MappingNode {
		dec.errorf(n, path, "erwartet Werte je Land (z. B. „ST: 1200“), gefunden %s", describe(n))
		return
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := dec.resolve(n.Content[i], path)
		if k == nil {
			if dec.exhausted {
				return
			}
			continue
		}
		if k.Kind != yaml.ScalarNode {
			dec.errorf(k, path, "Schlüssel muss ein Länderkürzel sein")
			continue
		}
		kp := path + "." + k.Value
		v := dec.resolve(n.Content[i+1], kp)
		if v == nil {
			if dec.exhausted {
				return
			}
			continue
		}
		if line, dup := seen[k.Value]; dup {
			dec.errorf(k, kp, "Land „%s“ ist doppelt (zuerst in Zeile %d)", k.Value, line)
			continue
		}
		seen[k.Value] = k.Line
		if v.Kind != yaml.ScalarNode || (v.Tag != "!!int" && v.Tag != "!!float" && v.Tag != "!!str") {
			dec.errorf(v, kp, "erwartet eine Zahl, gefunden %s", describe(v))
			continue
		}
		dec.file.pos[kp] = Pos{v.Line, v.Column}
		w.Eintraege = append(w.Eintraege, Wert{Land: k.Value, Literal: v.Value, Pos: Pos{v.Line, v.Column}})
	}
}

// JSONSchema describes values per party.
func (Werte) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{
		Type:          "object",
		PropertyNames: LandCode("").JSONSchema(),
		AdditionalProperties: &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
			{Type: "string", Pattern: `^[0-9]+(\.[0-9]{1,5})?$`, Extras: messages(werteMessage, true)},
			{Type: "number", Minimum: "0", Extras: messages(werteMessage, false)},
		}},
	}
}

// werteMessage is what editors say about a value per party that is not
// one.
const werteMessage = `Wert je Land: eine ganze Zahl ≥ 0 (Fallzahlen, Einwohner) oder bei „fest“ ein Anteil in Prozent mit Punkt und bis zu fünf Nachkommastellen, z. B. 41250 oder "33.33333"`

// messages returns the German messages of a schema for editors (VS Code's
// YAML extension shows them instead of its English ones): errorMessage
// for a value of the wrong type and, with pattern, patternErrorMessage
// for a text that does not match.
func messages(msg string, pattern bool) map[string]any {
	m := map[string]any{"errorMessage": msg}
	if pattern {
		m["patternErrorMessage"] = msg
	}
	return m
}

// LandCode is a party code: one of the 16 Länder or BUND.
type LandCode string

// JSONSchema lists the allowed codes.
func (LandCode) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Enum: partyCodes()}
}

func partyCodes() []any {
	var codes []any
	for _, p := range refdata.Parties() {
		codes = append(codes, p.Code)
	}
	return codes
}

// Themenfeld is one of the 14 OZG topic fields.
type Themenfeld string

// JSONSchema lists the topic fields.
func (Themenfeld) JSONSchema() *jsonschema.Schema {
	var enum []any
	for _, t := range refdata.Themenfelder() {
		enum = append(enum, t)
	}
	return &jsonschema.Schema{Type: "string", Enum: enum}
}

// Messages of the catalogue keys for editors.
const (
	ozgMessage     = `OZG-ID: fünf Ziffern, die erste eine 1, z. B. "10092"`
	leikaMessage   = `LeiKa-Schlüssel: 14 Ziffern, z. B. "99107023000000"`
	leitwegMessage = "Leitweg-ID: Grobadressierung, optional Feinadressierung, und zwei Prüfziffern, durch Bindestriche getrennt, z. B. „05315-12345678-02“"
)

// OZGID is a five-digit OZG service id starting with 1.
type OZGID string

// JSONSchema gives the pattern; unquoted numbers are accepted as well.
func (OZGID) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
		{Type: "string", Pattern: ozgPattern.String(), Extras: messages(ozgMessage, true)},
		{Type: "integer", Minimum: "10000", Maximum: "19999", Extras: messages(ozgMessage, false)},
	}}
}

// LeiKa is a 14-digit key of the federal services catalogue.
type LeiKa string

// JSONSchema gives the pattern; unquoted numbers are accepted as well.
func (LeiKa) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{AnyOf: []*jsonschema.Schema{
		{Type: "string", Pattern: leikaPattern.String(), Extras: messages(leikaMessage, true)},
		{Type: "integer", Minimum: "10000000000000", Maximum: "99999999999999", Extras: messages(leikaMessage, false)},
	}}
}

// Traeger says who bears a cost position: "schluessel" (split by the key,
// the default), "je_nachnutzendes_land" (each re-using Land the full
// amount) or a party code (that party alone).
type Traeger string

// Bearer kinds of Traeger.
const (
	TraegtSchluessel          Traeger = "schluessel"
	TraegtJeNachnutzendesLand Traeger = "je_nachnutzendes_land"
)

// JSONSchema lists the keywords and party codes.
func (Traeger) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Enum: append([]any{string(TraegtSchluessel), string(TraegtJeNachnutzendesLand)}, partyCodes()...)}
}

// String renders a value for messages.
func (w Wert) String() string { return fmt.Sprintf("%s: %s", w.Land, w.Literal) }

// LeitwegID is the routing id of German e-invoices (XRechnung).
type LeitwegID string

// LeitwegCheckDigits returns the two check digits of a Leitweg-ID without
// them ("04011000-1234512345" → "06"), by ISO/IEC 7064 MOD 97-10 as the
// KoSIT "Formatspezifikation Leitweg-ID" prescribes: hyphens dropped,
// letters replaced by their number (A = 10 … Z = 35, either case), "00"
// appended, 98 minus the remainder modulo 97. ok is false for characters
// other than digits, letters and hyphens.
func LeitwegCheckDigits(base string) (digits string, ok bool) {
	rem := 0
	add := func(d int) { rem = (rem*10 + d) % 97 }
	for _, r := range base {
		switch {
		case r == '-':
		case r >= '0' && r <= '9':
			add(int(r - '0'))
		case r >= 'A' && r <= 'Z', r >= 'a' && r <= 'z':
			v := int(r|0x20-'a') + 10
			add(v / 10)
			add(v % 10)
		default:
			return "", false
		}
	}
	add(0)
	add(0)
	c := 98 - rem
	return string([]byte{byte('0' + c/10), byte('0' + c%10)}), true
}

// JSONSchema gives the pattern.
func (LeitwegID) JSONSchema() *jsonschema.Schema {
	return &jsonschema.Schema{Type: "string", Pattern: leitwegPattern.String(), Extras: messages(leitwegMessage, true)}
}
