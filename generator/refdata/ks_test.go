package refdata

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// ksWant holds the published values (e5 units) from the brief's table.
var ksWant = map[int]map[string]int64{
	2014: {"BW": 1297496, "BB": 308092, "TH": 274835},
	2015: {"BY": 1551873, "HE": 735890, "SL": 122173},
	2016: {"BW": 1296662, "NW": 2114424, "TH": 269470},
}

func TestBuiltinKSFilesValidate(t *testing.T) {
	t.Parallel()
	names, err := fs.Glob(dataFS, "data/ks/*.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if len(names) != 3 {
		t.Fatalf("embedded KS files = %v, want 3", names)
	}
	lands := mustBuiltin().lands()
	for _, n := range names {
		t.Run(path.Base(n), func(t *testing.T) {
			t.Parallel()
			data, err := dataFS.ReadFile(n)
			if err != nil {
				t.Fatal(err)
			}
			p := parseKS(n, data, lands)
			if len(p.errs) > 0 {
				t.Fatalf("embedded table invalid:\n%v", p.errs)
			}
			if got, want := strconv.Itoa(p.table.Jahr)+".yaml", path.Base(n); got != want {
				t.Errorf("jahr %d does not match file name %s", p.table.Jahr, want)
			}
			wantHeader := "# Königsteiner Schlüssel " + strconv.Itoa(p.table.Jahr) + " (GWK-Jahr " + strconv.Itoa(p.table.Jahr) + ")\n"
			if !strings.HasPrefix(string(data), wantHeader) {
				t.Errorf("file does not start with %q", wantHeader)
			}
		})
	}
}

func TestBuiltinKS(t *testing.T) {
	t.Parallel()
	reg, err := LoadKS("")
	if err != nil {
		t.Fatal(err)
	}
	if got := reg.Years(); !slices.Equal(got, []int{2014, 2015, 2016}) {
		t.Fatalf("Years() = %v", got)
	}
	for year, spots := range ksWant {
		t.Run(strconv.Itoa(year), func(t *testing.T) {
			t.Parallel()
			tab, ok := reg.Table(year)
			if !ok {
				t.Fatalf("Table(%d) missing", year)
			}
			if tab.Jahr != year || tab.Quelle == "" || tab.Datei != "eingebaut:ks/"+strconv.Itoa(year)+".yaml" {
				t.Errorf("Table(%d) = Jahr %d, Quelle %q, Datei %q", year, tab.Jahr, tab.Quelle, tab.Datei)
			}
			if len(tab.Werte) != 16 {
				t.Errorf("%d values, want 16", len(tab.Werte))
			}
			var sum int64
			for _, c := range LandCodes() {
				v, ok := tab.Werte[c]
				if !ok {
					t.Errorf("no value for %s", c)
				}
				sum += v
			}
			if sum != 10_000_000 {
				t.Errorf("sum = %d, want 10000000", sum)
			}
			for code, want := range spots {
				if got := tab.Werte[code]; got != want {
					t.Errorf("%s = %s, want %s", code, FormatE5(got), FormatE5(want))
				}
			}
		})
	}
	if _, ok := reg.Table(2017); ok {
		t.Error("Table(2017) exists; newer years are intentionally not built in")
	}
	// Tables are copies.
	tab, _ := reg.Table(2016)
	tab.Werte["BW"] = 0
	if again, _ := reg.Table(2016); again.Werte["BW"] != 1296662 {
		t.Error("mutating a returned table changed the registry")
	}
}

func TestFormatE5(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   int64
		want string
	}{
		{1296662, "12,96662"},
		{9999999, "99,99999"},
		{10_000_000, "100,00000"},
		{1, "0,00001"},
		{0, "0,00000"},
		{-1, "-0,00001"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			t.Parallel()
			if got := FormatE5(tt.in); got != tt.want {
				t.Errorf("FormatE5(%d) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// validKS is a valid table for 2019 (the 2016 values); BY is on line 7,
// column 7 as in the documented example.
const validKS = `# Königsteiner Schlüssel 2019 (GWK-Jahr 2019)
# Testdaten
jahr: 2019
quelle: "Testquelle"
werte:
  BW: "12.96662"
  BY: "15.53327"
  BE: "5.08324"
  BB: "3.03655"
  HB: "0.95331"
  HH: "2.55752"
  HE: "7.39885"
  MV: "2.01240"
  NI: "9.33138"
  NW: "21.14424"
  RP: "4.83089"
  SL: "1.21111"
  SN: "5.05577"
  ST: "2.79941"
  SH: "3.39074"
  TH: "2.69470"
`

// edit returns validKS with each old→new replacement applied exactly once.
func edit(t *testing.T, pairs ...string) string {
	t.Helper()
	s := validKS
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("edit: %q not in validKS", pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadKSValid(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{
		"2019.yaml":  validKS,
		"2020.YML":   edit(t, "jahr: 2019", "jahr: 2020", `BY: "15.53327"`, "BY: 15.53327"),
		"notes.txt":  "not yaml at all: [",
		".2021.yaml": "junk [",
	})
	if err := os.Mkdir(filepath.Join(dir, "sub.yaml"), 0o755); err != nil {
		t.Fatal(err)
	}
	reg, err := LoadKS(dir)
	if err != nil {
		t.Fatalf("LoadKS: %v", err)
	}
	if got := reg.Years(); !slices.Equal(got, []int{2014, 2015, 2016, 2019, 2020}) {
		t.Fatalf("Years() = %v", got)
	}
	for _, year := range []int{2019, 2020} {
		tab, ok := reg.Table(year)
		if !ok {
			t.Fatalf("Table(%d) missing", year)
		}
		if tab.Quelle != "Testquelle" || tab.Werte["BY"] != 1553327 || tab.Werte["HB"] != 95331 || len(tab.Werte) != 16 {
			t.Errorf("Table(%d) = %+v", year, tab)
		}
	}
	if tab, _ := reg.Table(2019); tab.Datei != filepath.Join(dir, "2019.yaml") {
		t.Errorf("Datei = %q", tab.Datei)
	}
	// The built-in registry is not affected.
	builtin, err := LoadKS("")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := builtin.Table(2019); ok {
		t.Error("user table leaked into the built-in registry")
	}
}

func TestLoadKSDirErrors(t *testing.T) {
	t.Parallel()
	base := t.TempDir()
	missing := filepath.Join(base, "gibtsnicht")
	file := filepath.Join(base, "datei.yaml")
	if err := os.WriteFile(file, []byte(validKS), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		dir, want string
	}{
		{missing, "refdata: KS-Verzeichnis nicht verwendbar: „" + missing + "“ existiert nicht"},
		{file, "refdata: KS-Verzeichnis nicht verwendbar: „" + file + "“ ist kein Verzeichnis"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.dir), func(t *testing.T) {
			t.Parallel()
			reg, err := LoadKS(tt.dir)
			if reg != nil || err == nil {
				t.Fatalf("LoadKS(%q) = %v, %v; want error", tt.dir, reg, err)
			}
			if !errors.Is(err, ErrKSDir) {
				t.Errorf("error %v does not wrap ErrKSDir", err)
			}
			if err.Error() != tt.want {
				t.Errorf("error =\n%s\nwant\n%s", err, tt.want)
			}
		})
	}
}

// TestLoadKSFileErrors covers one error class per case. In want, "F" stands
// for the path of the file.
func TestLoadKSFileErrors(t *testing.T) {
	t.Parallel()
	allowed := "(erlaubt: BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH)"
	tests := []struct {
		name    string
		content func(t *testing.T) string
		want    []string
	}{
		{"missing Land", func(t *testing.T) string { return edit(t, "  HB: \"0.95331\"\n", "") },
			[]string{`F:5:1: werte: fehlende Länder: HB`}},
		{"missing Länder", func(t *testing.T) string {
			return edit(t, "  HB: \"0.95331\"\n", "", "  BW: \"12.96662\"\n", "", "  TH: \"2.69470\"\n", "")
		},
			[]string{`F:5:1: werte: fehlende Länder: BW, HB, TH`}},
		{"unknown code", func(t *testing.T) string { return edit(t, "HB:", "XX:") },
			[]string{`F:5:1: werte: fehlende Länder: HB`, `F:10:3: werte.XX: unbekanntes Länderkürzel „XX“ ` + allowed}},
		{"unknown code by name", func(t *testing.T) string { return edit(t, "HB:", "Bremen:") },
			[]string{`F:5:1: werte: fehlende Länder: HB`, `F:10:3: werte.Bremen: unbekanntes Länderkürzel „Bremen“ – meinten Sie „HB“?`}},
		{"unknown code lower case", func(t *testing.T) string { return edit(t, "HB:", "hb:") },
			[]string{`F:5:1: werte: fehlende Länder: HB`, `F:10:3: werte.hb: unbekanntes Länderkürzel „hb“ – meinten Sie „HB“?`}},
		{"BUND", func(t *testing.T) string { return validKS + "  BUND: \"0.00000\"\n" },
			[]string{`F:22:3: werte.BUND: der Bund ist kein Land; der Königsteiner Schlüssel gilt nur für die 16 Länder`}},
		{"duplicate code", func(t *testing.T) string { return validKS + "  BY: \"0.00000\"\n" },
			[]string{`F:22:3: werte.BY: Land „BY“ doppelt (zuerst in Zeile 7)`}},
		{"4 decimals", func(t *testing.T) string { return edit(t, `"15.53327"`, `"15.5187"`) },
			[]string{`F:7:7: werte.BY: „15.5187“ hat 4 statt 5 Nachkommastellen`}},
		{"6 decimals unquoted", func(t *testing.T) string { return edit(t, `"15.53327"`, `15.533270`) },
			[]string{`F:7:7: werte.BY: „15.533270“ hat 6 statt 5 Nachkommastellen`}},
		{"integer", func(t *testing.T) string { return edit(t, `"15.53327"`, `15`) },
			[]string{`F:7:7: werte.BY: „15“ hat 0 statt 5 Nachkommastellen`}},
		{"decimal comma", func(t *testing.T) string { return edit(t, `"15.53327"`, `"15,53327"`) },
			[]string{`F:7:7: werte.BY: „15,53327“: Dezimaltrennzeichen muss ein Punkt sein (z. B. „15.53327“)`}},
		{"not a number", func(t *testing.T) string { return edit(t, `"15.53327"`, `1.553327e1`) },
			[]string{`F:7:7: werte.BY: „1.553327e1“ ist kein Dezimalwert (erwartet z. B. „12.34567“)`}},
		{"negative", func(t *testing.T) string { return edit(t, `"15.53327"`, `-15.53327`) },
			[]string{`F:7:7: werte.BY: „-15.53327“ ist negativ`}},
		{"over 100", func(t *testing.T) string { return edit(t, `"15.53327"`, `"100.00001"`) },
			[]string{`F:7:7: werte.BY: „100.00001“ ist größer als 100`}},
		{"huge", func(t *testing.T) string { return edit(t, `"15.53327"`, `"99999999999999999999999.00000"`) },
			[]string{`F:7:7: werte.BY: „99999999999999999999999.00000“ ist größer als 100`}},
		{"null value", func(t *testing.T) string { return edit(t, ` "15.53327"`, ``) },
			[]string{`F:7:6: werte.BY: Wert fehlt`}},
		{"sum 99.99999", func(t *testing.T) string { return edit(t, `"15.53327"`, `"15.53326"`) },
			[]string{`F:5:1: werte: Summe ist 99,99999 statt 100,00000`}},
		{"sum 100.00001", func(t *testing.T) string { return edit(t, `"2.69470"`, `"2.69471"`) },
			[]string{`F:5:1: werte: Summe ist 100,00001 statt 100,00000`}},
		{"werte not a mapping", func(t *testing.T) string { return "jahr: 2019\nquelle: x\nwerte: [1, 2]\n" },
			[]string{`F:3:8: werte: muss eine Zuordnung Länderkürzel → Prozentwert sein (z. B. „BW: "12.96662"“)`}},
		{"missing quelle", func(t *testing.T) string { return edit(t, "quelle: \"Testquelle\"\n", "") },
			[]string{`F:3:1: quelle: Pflichtfeld fehlt`}},
		{"empty quelle", func(t *testing.T) string { return edit(t, `"Testquelle"`, `"  "`) },
			[]string{`F:4:9: quelle: darf nicht leer sein`}},
		{"null quelle", func(t *testing.T) string { return edit(t, ` "Testquelle"`, ``) },
			[]string{`F:4:8: quelle: darf nicht leer sein`}},
		{"unknown key with suggestion", func(t *testing.T) string { return edit(t, "quelle:", "quele:") },
			[]string{`F:3:1: quelle: Pflichtfeld fehlt`, `F:4:1: quele: unbekannter Schlüssel „quele“ – meinten Sie „quelle“?`}},
		{"unknown key without suggestion", func(t *testing.T) string { return validKS + "bemerkung: x\n" },
			[]string{`F:22:1: bemerkung: unbekannter Schlüssel „bemerkung“ (erlaubt: jahr, quelle, werte)`}},
		{"duplicate key", func(t *testing.T) string { return validKS + "jahr: 2020\n" },
			[]string{`F:22:1: jahr: Schlüssel „jahr“ doppelt (zuerst in Zeile 3)`}},
		{"jahr not integer", func(t *testing.T) string { return edit(t, "jahr: 2019", "jahr: 2019.5") },
			[]string{`F:3:7: jahr: „2019.5“ ist keine ganze Zahl`}},
		{"jahr out of range", func(t *testing.T) string { return edit(t, "jahr: 2019", "jahr: 1948") },
			[]string{`F:3:7: jahr: „1948“ liegt nicht im Bereich 1949–2100`}},
		{"duplicate year vs built-in", func(t *testing.T) string { return edit(t, "jahr: 2019", "jahr: 2016") },
			[]string{`F:3:7: jahr: Jahr 2016 ist bereits eingebaut („eingebaut:ks/2016.yaml“); eingebaute Jahre können nicht überschrieben werden`}},
		{"YAML syntax error (scanner)", func(t *testing.T) string { return edit(t, `  BY: "15.53327"`, "\tBY: \"15.53327\"") },
			[]string{`F:7: ungültiges YAML: found character that cannot start any token`}},
		{"YAML syntax error (parser)", func(t *testing.T) string { return edit(t, `quelle: "Testquelle"`, `quelle: [Testquelle`) },
			[]string{`F:4: ungültiges YAML: did not find expected ',' or ']'`}},
		{"empty file", func(t *testing.T) string { return "# nur ein Kommentar\n" },
			[]string{`F: Datei ist leer`}},
		{"empty document", func(t *testing.T) string { return "# Kommentar\n---\n" },
			[]string{`F:3:1: Dokument ist leer`}},
		{"not a mapping", func(t *testing.T) string { return "- jahr: 2019\n" },
			[]string{`F:1:1: Dokument muss eine Zuordnung mit den Schlüsseln jahr, quelle und werte sein`}},
		{"two documents", func(t *testing.T) string { return validKS + "---\njahr: 2020\n" },
			[]string{`F:22:1: Datei enthält mehr als ein YAML-Dokument`}},
		{"alias", func(t *testing.T) string {
			return edit(t, `BW: "12.96662"`, `BW: &x "12.96662"`, `BY: "15.53327"`, `BY: *x`)
		},
			[]string{`F:7:7: werte.BY: Anker und Aliase werden nicht unterstützt`}},
		{"invalid UTF-8", func(t *testing.T) string { return edit(t, "Testquelle", "Test\xffquelle") },
			[]string{`F: ungültiges YAML: invalid leading UTF-8 octet`}},
		{"oversized file", func(t *testing.T) string {
			return validKS + "#" + strings.Repeat("x", MaxFileSize-len(validKS)-1) + "\n"
		},
			[]string{`F: Datei ist größer als 1 MiB (1048577 Bytes); nicht gelesen`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := writeFiles(t, map[string]string{"2019.yaml": tt.content(t)})
			assertErrors(t, dir, tt.want, map[string]string{"F": filepath.Join(dir, "2019.yaml")})
		})
	}
}

// assertErrors loads dir and checks that the error lines are exactly want,
// after replacing each file placeholder ("F:", "A:") at a line start.
func assertErrors(t *testing.T, dir string, want []string, files map[string]string) {
	t.Helper()
	reg, err := LoadKS(dir)
	if err == nil {
		t.Fatalf("LoadKS succeeded with years %v, want errors", reg.Years())
	}
	if reg != nil {
		t.Errorf("LoadKS returned a registry together with an error")
	}
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("error %T is not Errors: %v", err, err)
	}
	if !errors.Is(err, ErrInvalidKS) {
		t.Errorf("error does not match ErrInvalidKS")
	}
	expanded := make([]string, len(want))
	for i, w := range want {
		ph, rest, _ := strings.Cut(w, ":")
		expanded[i] = files[ph] + ":" + rest
	}
	if got, w := err.Error(), strings.Join(expanded, "\n"); got != w {
		t.Errorf("errors =\n%s\nwant\n%s", got, w)
	}
}

func TestLoadKSSeveralErrorsInLineOrder(t *testing.T) {
	t.Parallel()
	content := edit(t,
		"jahr: 2019", "jahr: 21000",
		"quelle:", "quele:",
		`BY: "15.53327"`, `BY: "15.5187"`,
		"  HB: \"0.95331\"\n", "",
		`SN: "5.05577"`, `SN: 5.055770`,
		`TH:`, `TG:`,
	) + "  BY: \"1.00000\"\n"
	dir := writeFiles(t, map[string]string{"2019.yaml": content})
	assertErrors(t, dir, []string{
		`F:3:1: quelle: Pflichtfeld fehlt`,
		`F:3:7: jahr: „21000“ liegt nicht im Bereich 1949–2100`,
		`F:4:1: quele: unbekannter Schlüssel „quele“ – meinten Sie „quelle“?`,
		`F:5:1: werte: fehlende Länder: HB, TH`,
		`F:7:7: werte.BY: „15.5187“ hat 4 statt 5 Nachkommastellen`,
		`F:17:7: werte.SN: „5.055770“ hat 6 statt 5 Nachkommastellen`,
		`F:20:3: werte.TG: unbekanntes Länderkürzel „TG“ (erlaubt: BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH)`,
		`F:21:3: werte.BY: Land „BY“ doppelt (zuerst in Zeile 7)`,
	}, map[string]string{"F": filepath.Join(dir, "2019.yaml")})
}

func TestLoadKSErrorsAcrossFiles(t *testing.T) {
	t.Parallel()
	dir := writeFiles(t, map[string]string{
		"a.yaml": edit(t, `"15.53327"`, `"15.5187"`),
		"b.yml":  validKS, // same year as a.yaml
		"c.yaml": edit(t, "jahr: 2019", "jahr: 2015", "quelle:", "quele:"),
		"d.yaml": validKS[:40], // cut inside the header comment: valid YAML, empty
	})
	files := map[string]string{}
	for _, n := range []string{"a.yaml", "b.yml", "c.yaml", "d.yaml"} {
		files[n] = filepath.Join(dir, n)
	}
	assertErrors(t, dir, []string{
		`a.yaml:7:7: werte.BY: „15.5187“ hat 4 statt 5 Nachkommastellen`,
		`b.yml:3:7: jahr: Jahr 2019 ist bereits in „` + files["a.yaml"] + `“ definiert`,
		`c.yaml:3:1: quelle: Pflichtfeld fehlt`,
		`c.yaml:3:7: jahr: Jahr 2015 ist bereits eingebaut („eingebaut:ks/2015.yaml“); eingebaute Jahre können nicht überschrieben werden`,
		`c.yaml:4:1: quele: unbekannter Schlüssel „quele“ – meinten Sie „quelle“?`,
		`d.yaml: Datei ist leer`,
	}, files)
}

// TestYAMLSyntaxErrorLines pins the line correction in yamlError against
// the behaviour of go.yaml.in/yaml/v3 for parser and scanner errors.
func TestYAMLSyntaxErrorLines(t *testing.T) {
	t.Parallel()
	lands := mustBuiltin().lands()
	tests := []struct {
		src  string
		want string
	}{
		{"jahr: 2019\nquelle: [x\nwerte: 1\n", "f:2: ungültiges YAML: did not find expected ',' or ']'"},
		{"jahr: 2019\nquelle: {x: 1\n", "f:2: ungültiges YAML: did not find expected ',' or '}'"},
		{"jahr: 2019\nwerte:\n  BW: 1\n BY: 2\n", "f:4: ungültiges YAML: did not find expected key"},
		{"jahr: 2019\nquelle: !x!y x\n", "f:2: ungültiges YAML: found undefined tag handle"},
		{"jahr: 2019\nquelle: x\n  werte: 1\n", "f:3: ungültiges YAML: mapping values are not allowed in this context"},
		{"jahr: 2019\nquelle: \"x\n", "f:2: ungültiges YAML: found unexpected end of stream"},
		{"jahr: 2019\n\tquelle: x\n", "f:2: ungültiges YAML: found a tab character that violates indentation"},
		{"jahr: 2019\nquelle: @x\n", "f:2: ungültiges YAML: found character that cannot start any token"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			t.Parallel()
			p := parseKS("f", []byte(tt.src), lands)
			if got := p.errs.Error(); got != tt.want {
				t.Errorf("parseKS(%q) =\n%s\nwant\n%s", tt.src, got, tt.want)
			}
		})
	}
}
