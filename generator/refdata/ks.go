package refdata

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

const (
	// MinKSJahr is the earliest year accepted in a KS table (founding year
	// of the Federal Republic; the Königstein agreement dates from 1949).
	MinKSJahr = 1949
	// MaxKSJahr is the latest year accepted in a KS table.
	MaxKSJahr = 2100
	// MaxFileSize is the size cap for user KS table files (1 MiB); larger
	// files are refused without being parsed.
	MaxFileSize = 1 << 20
	// KSScale is the number of e5 units per percent: 12.96662 % is stored
	// as 1296662.
	KSScale = 100_000
	// KSTotal is the required sum of a KS table in e5 units (100.00000 %).
	KSTotal = 100 * KSScale
	// ksDecimals is the required number of decimals of a KS value.
	ksDecimals = 5
)

// KSTable is one year's table of the Königsteiner Schlüssel.
type KSTable struct {
	// Jahr is the GWK year of the table (not the year it is applied in).
	Jahr int
	// Quelle names the source of the values.
	Quelle string
	// Datei is the file the table was read from; embedded tables are named
	// "eingebaut:ks/<jahr>.yaml".
	Datei string
	// Werte maps each of the 16 Land codes to its share in e5 units
	// (12.96662 % = 1296662); the values sum to [KSTotal].
	Werte map[string]int64
}

// KSRegistry is an immutable set of KS tables, at most one per year.
type KSRegistry struct {
	tables map[int]KSTable
	years  []int
}

// Table returns a copy of the table for the given GWK year.
func (r *KSRegistry) Table(year int) (KSTable, bool) {
	if r == nil {
		return KSTable{}, false
	}
	t, ok := r.tables[year]
	if !ok {
		return KSTable{}, false
	}
	t.Werte = maps.Clone(t.Werte)
	return t, true
}

// Years returns the GWK years of all tables in ascending order.
func (r *KSRegistry) Years() []int {
	if r == nil {
		return nil
	}
	return slices.Clone(r.years)
}

// FormatE5 formats a value in e5 units as a German percentage number with
// five decimals and a decimal comma: 1296662 → "12,96662", -1 → "-0,00001".
func FormatE5(v int64) string {
	sign := ""
	u := uint64(v)
	if v < 0 {
		sign = "-"
		u = -u
	}
	return fmt.Sprintf("%s%d,%05d", sign, u/KSScale, u%KSScale)
}

// LoadKS returns the embedded KS tables plus the tables in every *.yaml and
// *.yml file directly inside dir (case-insensitive extension; hidden files
// starting with "." and subdirectories are skipped). dir "" means no user
// tables. A dir that does not exist or is not a directory yields an error
// wrapping [ErrKSDir].
//
// Every user file is validated; all problems of all files are returned
// together as [Errors], sorted by file, line and column. A year that is
// embedded or given in two files is an error. On any error the registry is
// nil.
func LoadKS(dir string) (*KSRegistry, error) {
	b, err := loadBuiltin()
	if err != nil {
		return nil, err
	}
	if dir == "" {
		return b.ks, nil
	}
	fi, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("%w: „%s“ existiert nicht", ErrKSDir, dir)
	case err != nil:
		return nil, fmt.Errorf("%w: „%s“: %w", ErrKSDir, dir, err)
	case !fi.IsDir():
		return nil, fmt.Errorf("%w: „%s“ ist kein Verzeichnis", ErrKSDir, dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("%w: „%s“: %w", ErrKSDir, dir, err)
	}
	var srcs []ksSource
	for _, e := range entries {
		name := e.Name()
		ext := strings.ToLower(filepath.Ext(name))
		if strings.HasPrefix(name, ".") || (ext != ".yaml" && ext != ".yml") {
			continue
		}
		src, skip := readKSFile(filepath.Join(dir, name))
		if !skip {
			srcs = append(srcs, src)
		}
	}
	return buildRegistry(b.ks, srcs, b.lands())
}

// ksSource is the raw content of one table file, or the error reading it.
type ksSource struct {
	name string
	data []byte
	err  *Error
}

// readKSFile reads one user file with the size cap. skip is true for
// directories that merely have a YAML-like name.
func readKSFile(name string) (src ksSource, skip bool) {
	src.name = name
	fail := func(msg string) (ksSource, bool) {
		src.err = &Error{File: name, Msg: msg}
		return src, false
	}
	fi, err := os.Stat(name)
	if err != nil {
		return fail("Datei nicht lesbar: " + err.Error())
	}
	if fi.IsDir() {
		return src, true
	}
	if !fi.Mode().IsRegular() {
		return fail("keine reguläre Datei")
	}
	tooLarge := func(n int64) string {
		return fmt.Sprintf("Datei ist größer als 1 MiB (%d Bytes); nicht gelesen", n)
	}
	if fi.Size() > MaxFileSize {
		return fail(tooLarge(fi.Size()))
	}
	f, err := os.Open(name)
	if err != nil {
		return fail("Datei nicht lesbar: " + err.Error())
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return fail("Datei nicht lesbar: " + err.Error())
	}
	if len(data) > MaxFileSize {
		return fail(tooLarge(int64(len(data))))
	}
	src.data = data
	return src, false
}

// buildRegistry validates srcs and returns base's tables plus theirs. Years
// must be unique across base and srcs.
func buildRegistry(base *KSRegistry, srcs []ksSource, lands []Party) (*KSRegistry, error) {
	reg := &KSRegistry{tables: map[int]KSTable{}}
	yearFile := map[int]string{}
	if base != nil {
		for y, t := range base.tables {
			reg.tables[y] = t
			yearFile[y] = t.Datei
		}
	}
	var errs Errors
	for _, src := range srcs {
		if src.err != nil {
			errs = append(errs, *src.err)
			continue
		}
		p := parseKS(src.name, src.data, lands)
		if p.jahrNode != nil {
			if prev, dup := yearFile[p.table.Jahr]; dup {
				msg := fmt.Sprintf("Jahr %d ist bereits in „%s“ definiert", p.table.Jahr, prev)
				if strings.HasPrefix(prev, builtinPrefix) {
					msg = fmt.Sprintf("Jahr %d ist bereits eingebaut („%s“); eingebaute Jahre können nicht überschrieben werden", p.table.Jahr, prev)
				}
				p.add(p.jahrNode, "jahr", msg)
			} else {
				yearFile[p.table.Jahr] = src.name
			}
		}
		if len(p.errs) > 0 {
			errs = append(errs, p.errs...)
			continue
		}
		reg.tables[p.table.Jahr] = p.table
	}
	if len(errs) > 0 {
		slices.SortStableFunc(errs, func(a, b Error) int {
			return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col))
		})
		return nil, errs
	}
	reg.years = slices.Sorted(maps.Keys(reg.tables))
	return reg, nil
}

// ksParse is the state and result of validating one table file.
type ksParse struct {
	file     string
	lands    []Party
	table    KSTable
	jahrNode *yaml.Node // set iff jahr is valid
	errs     Errors
}

func (p *ksParse) add(n *yaml.Node, path, msg string) {
	e := Error{File: p.file, Path: path, Msg: msg}
	if n != nil {
		e.Line, e.Col = n.Line, n.Column
	}
	p.errs = append(p.errs, e)
}

// ksTopKeys are the allowed top-level keys of a table file, in order.
var ksTopKeys = []string{"jahr", "quelle", "werte"}

var (
	yamlErrLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	reDecimal   = regexp.MustCompile(`^(-?)([0-9]+)(?:\.([0-9]*))?$`)
	reComma     = regexp.MustCompile(`^-?[0-9]+,[0-9]+$`)
	reInt       = regexp.MustCompile(`^-?[0-9]+$`)
)

// parseKS validates one table file; lands are the 16 Länder whose values
// are required.
func parseKS(file string, data []byte, lands []Party) *ksParse {
	p := &ksParse{file: file, lands: lands, table: KSTable{Datei: file}}
	if len(data) > MaxFileSize {
		p.add(nil, "", fmt.Sprintf("Datei ist größer als 1 MiB (%d Bytes); nicht gelesen", len(data)))
		return p
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			p.add(nil, "", "Datei ist leer")
		} else {
			p.yamlError(err)
		}
		return p
	}
	var extra yaml.Node
	switch err := dec.Decode(&extra); {
	case err == nil:
		p.add(&extra, "", "Datei enthält mehr als ein YAML-Dokument")
		return p
	case !errors.Is(err, io.EOF):
		p.yamlError(err)
		return p
	}
	root := &doc
	if root.Kind == yaml.DocumentNode {
		if len(root.Content) == 0 {
			p.add(nil, "", "Datei ist leer")
			return p
		}
		root = root.Content[0]
	}
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		p.add(root, "", "Dokument ist leer")
		return p
	}
	if root.Kind != yaml.MappingNode {
		p.add(root, "", "Dokument muss eine Zuordnung mit den Schlüsseln jahr, quelle und werte sein")
		return p
	}
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.add(k, "", "Schlüssel muss ein einfacher Text sein")
			continue
		}
		if first, dup := seen[k.Value]; dup {
			p.add(k, k.Value, fmt.Sprintf("Schlüssel „%s“ doppelt (zuerst in Zeile %d)", k.Value, first.Line))
			continue
		}
		seen[k.Value] = k
		if v.Kind == yaml.AliasNode {
			p.add(v, k.Value, "Anker und Aliase werden nicht unterstützt")
			continue
		}
		switch k.Value {
		case "jahr":
			p.parseJahr(v)
		case "quelle":
			p.parseQuelle(v)
		case "werte":
			p.parseWerte(k, v)
		default:
			msg := fmt.Sprintf("unbekannter Schlüssel „%s“", k.Value)
			if s := Suggest(k.Value, ksTopKeys); s != "" {
				msg += fmt.Sprintf(" – meinten Sie „%s“?", s)
			} else {
				msg += " (erlaubt: " + strings.Join(ksTopKeys, ", ") + ")"
			}
			p.add(k, k.Value, msg)
		}
	}
	for _, key := range ksTopKeys {
		if seen[key] == nil {
			p.add(root, key, "Pflichtfeld fehlt")
		}
	}
	return p
}

// yamlParserProblems are the problems raised by the parser stage (as opposed
// to the scanner and reader stages) of go.yaml.in/yaml/v3. For these the
// library reports the 0-based line of the enclosing construct (or of the
// offending token, if the construct starts on the first line) and omits the
// line entirely when it is 0; yamlError corrects this to 1-based lines.
// Scanner errors already carry 1-based lines; reader errors (invalid UTF-8,
// control characters) carry none. TestYAMLSyntaxErrorLines pins this.
var yamlParserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// yamlError maps a syntax error of the YAML parser to an [Error]. The parser
// reports only a line, no column.
func (p *ksParse) yamlError(err error) {
	msg := err.Error()
	e := Error{File: p.file}
	if m := yamlErrLine.FindStringSubmatch(msg); m != nil {
		e.Line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if yamlParserProblems[msg] {
		e.Line++
	}
	e.Msg = "ungültiges YAML: " + msg
	p.errs = append(p.errs, e)
}

func (p *ksParse) parseJahr(v *yaml.Node) {
	if v.Kind != yaml.ScalarNode || !reInt.MatchString(v.Value) {
		p.add(v, "jahr", fmt.Sprintf("%s ist keine ganze Zahl", describe(v)))
		return
	}
	y, err := strconv.Atoi(v.Value)
	if err != nil || y < MinKSJahr || y > MaxKSJahr {
		p.add(v, "jahr", fmt.Sprintf("„%s“ liegt nicht im Bereich %d–%d", v.Value, MinKSJahr, MaxKSJahr))
		return
	}
	p.table.Jahr = y
	p.jahrNode = v
}

func (p *ksParse) parseQuelle(v *yaml.Node) {
	if v.Kind != yaml.ScalarNode {
		p.add(v, "quelle", "muss ein Text sein")
		return
	}
	q := strings.TrimSpace(v.Value)
	if v.Tag == "!!null" || q == "" {
		p.add(v, "quelle", "darf nicht leer sein")
		return
	}
	p.table.Quelle = q
}

func (p *ksParse) parseWerte(key, v *yaml.Node) {
	if v.Kind != yaml.MappingNode {
		p.add(v, "werte", "muss eine Zuordnung Länderkürzel → Prozentwert sein (z. B. „BW: \"12.96662\"“)")
		return
	}
	nerr := len(p.errs)
	werte := map[string]int64{}
	seen := map[string]*yaml.Node{}
	var sum int64
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			p.add(k, "werte", "Schlüssel muss ein Länderkürzel sein")
			continue
		}
		path := "werte." + k.Value
		if first, dup := seen[k.Value]; dup {
			p.add(k, path, fmt.Sprintf("Land „%s“ doppelt (zuerst in Zeile %d)", k.Value, first.Line))
			continue
		}
		seen[k.Value] = k
		if k.Value == BundCode {
			p.add(k, path, "der Bund ist kein Land; der Königsteiner Schlüssel gilt nur für die 16 Länder")
			continue
		}
		if !slices.ContainsFunc(p.lands, func(l Party) bool { return l.Code == k.Value }) {
			msg := fmt.Sprintf("unbekanntes Länderkürzel „%s“", k.Value)
			if s := suggestLand(k.Value, p.lands); s != "" {
				msg += fmt.Sprintf(" – meinten Sie „%s“?", s)
			} else {
				msg += " (erlaubt: " + strings.Join(codes(p.lands), ", ") + ")"
			}
			p.add(k, path, msg)
			continue
		}
		x, msg := parseE5(val)
		if msg != "" {
			p.add(val, path, msg)
			continue
		}
		werte[k.Value] = x
		sum += x
	}
	var missing []string
	for _, l := range p.lands {
		if seen[l.Code] == nil {
			missing = append(missing, l.Code)
		}
	}
	if len(missing) > 0 {
		p.add(key, "werte", "fehlende Länder: "+strings.Join(missing, ", "))
	}
	if len(p.errs) > nerr {
		return // the sum would only repeat the problems above
	}
	if sum != KSTotal {
		p.add(key, "werte", fmt.Sprintf("Summe ist %s statt %s", FormatE5(sum), FormatE5(KSTotal)))
		return
	}
	p.table.Werte = werte
}

// parseE5 parses the literal text of a KS value ("12.96662", quoted or not)
// into e5 units without going through float64. On failure it returns a
// German message.
func parseE5(v *yaml.Node) (int64, string) {
	if v.Kind == yaml.AliasNode {
		return 0, "Anker und Aliase werden nicht unterstützt"
	}
	if v.Kind != yaml.ScalarNode {
		return 0, "muss eine Zahl oder ein Text wie „12.34567“ sein"
	}
	if v.Tag == "!!null" {
		return 0, "Wert fehlt"
	}
	s := v.Value
	if reComma.MatchString(s) {
		return 0, fmt.Sprintf("„%s“: Dezimaltrennzeichen muss ein Punkt sein (z. B. „%s“)", s, strings.Replace(s, ",", ".", 1))
	}
	m := reDecimal.FindStringSubmatch(s)
	if m == nil {
		return 0, fmt.Sprintf("„%s“ ist kein Dezimalwert (erwartet z. B. „12.34567“)", s)
	}
	neg, ip, fp := m[1] == "-", strings.TrimLeft(m[2], "0"), m[3]
	if len(fp) != ksDecimals {
		return 0, fmt.Sprintf("„%s“ hat %d statt %d Nachkommastellen", s, len(fp), ksDecimals)
	}
	if len(ip) > 3 {
		return 0, fmt.Sprintf("„%s“ ist größer als 100", s)
	}
	i, _ := strconv.ParseInt("0"+ip, 10, 64)
	f, _ := strconv.ParseInt(fp, 10, 64)
	x := i*KSScale + f
	switch {
	case neg && x != 0:
		return 0, fmt.Sprintf("„%s“ ist negativ", s)
	case x > KSTotal:
		return 0, fmt.Sprintf("„%s“ ist größer als 100", s)
	}
	return x, ""
}

// suggestLand proposes a Land code for an unknown key: the code itself in
// other case ("by"), the code of a Land given by name ("Bayern",
// "Freistaat Bayern") or of a misspelt name ("Bayren"). Two-letter typos are
// not guessed, since every code is within distance 2 of every other.
func suggestLand(key string, lands []Party) string {
	var names []string
	byName := map[string]string{}
	for _, l := range lands {
		if strings.EqualFold(key, l.Code) {
			return l.Code
		}
		for _, n := range []string{l.Kurzname, l.Name} {
			if strings.EqualFold(key, n) {
				return l.Code
			}
			names = append(names, n)
			byName[n] = l.Code
		}
	}
	if len([]rune(key)) > 3 {
		if n := Suggest(key, names); n != "" {
			return byName[n]
		}
	}
	return ""
}

// describe quotes a scalar's text for messages, or names the node kind.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.ScalarNode:
		return "„" + n.Value + "“"
	case yaml.MappingNode:
		return "eine Zuordnung"
	case yaml.SequenceNode:
		return "eine Liste"
	default:
		return "der Wert"
	}
}

// codes returns the codes of parties.
func codes(parties []Party) []string {
	cs := make([]string, len(parties))
	for i, p := range parties {
		cs[i] = p.Code
	}
	return cs
}
