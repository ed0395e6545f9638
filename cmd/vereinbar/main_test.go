package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// The tests run in cmd/vereinbar; fixtures are two levels up. No test
// changes the working directory except the ones marked as sequential, and
// those use absolute paths only.
const (
	fixtures   = "../../fixtures"
	wohngeld   = fixtures + "/wohngeld-ring.yaml"
	bafoeg     = fixtures + "/bafoeg-stern.yaml"
	aufenthalt = fixtures + "/aufenthaltstitel-fitstore.yaml"
)

// runCLI runs the command line in-process.
func runCLI(args ...string) (code int, stdout, stderr string) {
	var o, e bytes.Buffer
	code = run(args, &o, &e)
	return code, o.String(), e.String()
}

// check inspects stdout or stderr.
type check func(t *testing.T, stream, got string)

func exactly(want string) check {
	return func(t *testing.T, stream, got string) {
		t.Helper()
		if got != want {
			t.Errorf("%s:\n got %q\nwant %q", stream, got, want)
		}
	}
}

var empty = exactly("")

func contains(subs ...string) check {
	return func(t *testing.T, stream, got string) {
		t.Helper()
		for _, s := range subs {
			if !strings.Contains(got, s) {
				t.Errorf("%s lacks %q:\n%s", stream, s, got)
			}
		}
	}
}

func all(cs ...check) check {
	return func(t *testing.T, stream, got string) {
		t.Helper()
		for _, c := range cs {
			c(t, stream, got)
		}
	}
}

// cliCase is one command line with its expected outcome.
type cliCase struct {
	name           string
	args           []string
	code           int
	stdout, stderr check
}

func (c cliCase) run(t *testing.T) (stdout, stderr string) {
	t.Helper()
	code, stdout, stderr := runCLI(c.args...)
	if code != c.code {
		t.Errorf("vereinbar %s: exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", strings.Join(c.args, " "), code, c.code, stdout, stderr)
	}
	if c.stdout != nil {
		c.stdout(t, "stdout", stdout)
	}
	if c.stderr != nil {
		c.stderr(t, "stderr", stderr)
	}
	return stdout, stderr
}

func runTable(t *testing.T, cases []cliCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			c.run(t)
		})
	}
}

// usage is the stderr of a usage error: the message, then the pointer to
// the command's help.
func usage(msg string) check {
	return all(contains(msg), func(t *testing.T, stream, got string) {
		t.Helper()
		if !strings.HasPrefix(got, "vereinbar: ") || !helpLine.MatchString(got) {
			t.Errorf("%s is not „vereinbar: …\\nSiehe „vereinbar … --help““:\n%s", stream, got)
		}
		if n := strings.Count(got, "\n"); n != 2 {
			t.Errorf("%s has %d lines, want 2 (error printed once):\n%s", stream, n, got)
		}
	})
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func writeFile(t *testing.T, path, content string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// lineOf returns the 1-based number of the first line of text that
// starts with prefix.
func lineOf(t *testing.T, text, prefix string) int {
	t.Helper()
	for i, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) {
			return i + 1
		}
	}
	t.Fatalf("no line starts with %q", prefix)
	return 0
}

// partyCodes lists the Länder of a project file in file order, read with a
// regexp rather than the decoder under test.
func partyCodes(src string) []string {
	var codes []string
	for _, m := range regexp.MustCompile(`(?m)^  - \{?land: (\w+)[,}]?`).FindAllStringSubmatch(src, -1) {
		codes = append(codes, m[1])
	}
	return codes
}

// placeholderLines counts the lines whose YAML (not comment) part holds a
// TODO placeholder.
func placeholderLines(src string) int {
	n := 0
	for _, l := range strings.Split(src, "\n") {
		if i := strings.Index(l, "#"); i >= 0 && strings.TrimSpace(l[:i]) == "" {
			continue // comment line
		}
		if strings.Contains(l, "TODO") {
			n++
		}
	}
	return n
}

func TestVersion(t *testing.T) {
	t.Parallel()
	runTable(t, []cliCase{
		{
			name: "version",
			args: []string{"version"},
			code: 0,
			stdout: func(t *testing.T, stream, got string) {
				if !strings.HasPrefix(got, "vereinbar 0.1.0-dev (") || !strings.HasSuffix(got, ")\n") || strings.Count(got, "\n") != 1 {
					t.Errorf("%s = %q, want one line „vereinbar 0.1.0-dev (…)“", stream, got)
				}
				contains(runtime.Version(), runtime.GOOS+"/"+runtime.GOARCH)(t, stream, got)
			},
			stderr: empty,
		},
		{name: "--version", args: []string{"--version"}, code: 0, stdout: contains("0.1.0-dev"), stderr: empty},
	})
}

func TestUsageErrors(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	// The subtests are parallel and run after this function returns, so
	// the check waits for them in a cleanup (which runs before TempDir's).
	t.Cleanup(func() {
		if _, err := os.Stat(filepath.Join(dir, "x.yaml")); err == nil {
			t.Error("init with an unknown form created the file")
		}
	})
	runTable(t, []cliCase{
		{name: "unknown flag", args: []string{"--gibt-es-nicht"}, code: 2, stdout: empty, stderr: usage("--gibt-es-nicht")},
		{name: "unknown flag of costs", args: []string{"costs", "--gibt-es-nicht", wohngeld}, code: 2, stdout: empty, stderr: usage("--gibt-es-nicht")},
		{name: "costs without args", args: []string{"costs"}, code: 2, stdout: empty, stderr: usage("erhalten: 0 Argument(e)")},
		{name: "costs with two args", args: []string{"costs", "a", "b"}, code: 2, stdout: empty, stderr: usage("erhalten: 2 Argument(e)")},
		{name: "init without args", args: []string{"init"}, code: 2, stdout: empty, stderr: usage("erhalten: 0 Argument(e)")},
		{name: "init unknown form", args: []string{"init", "--form", "kreis", filepath.Join(dir, "x.yaml")}, code: 2, stdout: empty, stderr: usage("„kreis“")},
		{name: "version with arg", args: []string{"version", "x"}, code: 2, stdout: empty, stderr: usage("erhalten: 1 Argument(e)")},
		{name: "schema with arg", args: []string{"schema", "x"}, code: 2, stdout: empty, stderr: usage("erhalten: 1 Argument(e)")},
		{name: "config with arg", args: []string{"config", "x"}, code: 2, stdout: empty, stderr: usage("erhalten: 1 Argument(e)")},
		{name: "flag without value", args: []string{"costs", wohngeld, "--ks-tabellen"}, code: 2, stdout: empty, stderr: usage("--ks-tabellen")},
		// A setting's flag belongs to the commands that use it: costs writes
		// no files and schema reads no settings, so neither takes one it
		// would ignore.
		{name: "flag of generate given to costs", args: []string{"costs", "--out", dir, wohngeld}, code: 2, stdout: empty, stderr: usage("unbekannte Option „--out“")},
		{name: "flag of diff given to schema", args: []string{"schema", "--author", "Referat 12"}, code: 2, stdout: empty, stderr: usage("unbekannte Option „--author“")},
		{name: "flag of generate given to diff", args: []string{"diff", "--jobs", "2", wohngeld, wohngeld}, code: 2, stdout: empty, stderr: usage("unbekannte Option „--jobs“")},
		// A mistyped command is a wrong command line like a mistyped flag.
		{name: "unknown command", args: []string{"kosten", wohngeld}, code: 2, stdout: empty, stderr: usage("kosten")},
	})
}

func TestCostsText(t *testing.T) {
	t.Parallel()
	src := readFile(t, wohngeld)
	// The total from the fixture: three yearly positions of 480000.00,
	// 250000.00 and 96500.50 over 2027–2029 plus an Anbindung of 25000.00
	// for each of the 11 re-using Länder; erstentwicklung is financed
	// externally. (480000+250000+96500.50)*3 + 25000*11 = 2754501.50.
	if got := len(partyCodes(src)); got != 12 {
		t.Fatalf("fixture has %d parties, the total below assumes 12", got)
	}
	stdout, _ := cliCase{
		name: "costs", args: []string{"costs", wohngeld}, code: 0,
		stdout: contains("Kostenverteilung: Nachnutzung des EfA-Online-Dienstes „Wohngeld“", "Summe", "100,00000\u00a0%", "2.754.501,50\u00a0€",
			"Schleswig-Holstein", "Saarland", "betrieb-2027", "anbindung", "erstentwicklung", "1.850.000,00\u00a0€"),
		stderr: empty,
	}.run(t)
	var sum string
	for _, l := range strings.Split(stdout, "\n") {
		if strings.HasPrefix(l, "Summe ") {
			sum = l
		}
	}
	if !strings.Contains(sum, "100,00000\u00a0%") || !strings.HasSuffix(sum, "2.754.501,50\u00a0€") {
		t.Errorf("sum row = %q, want 100,00000 %% and the total 2.754.501,50 € at its end", sum)
	}
}

// TestCostsTextOrder: the text table names the parties in the order of
// the documents (bafoeg-stern: the implementing Land first, then the
// official order), while the JSON keeps the file order the split is
// computed in.
func TestCostsTextOrder(t *testing.T) {
	t.Parallel()
	stdout, _ := cliCase{name: "costs", args: []string{"costs", bafoeg}, code: 0, stdout: contains("Sachsen-Anhalt"), stderr: empty}.run(t)
	var rows []string
	for _, l := range strings.Split(stdout, "\n") {
		if f := strings.Fields(l); len(f) > 1 && (f[1] == "umsetzend" || f[1] == "nachnutzend") {
			rows = append(rows, f[0])
		}
	}
	if want := []string{"Sachsen-Anhalt", "Brandenburg", "Sachsen", "Thüringen"}; !slices.Equal(rows, want) {
		t.Errorf("rows %q, want %q", rows, want)
	}
	jsonOut, _ := cliCase{name: "costs --json", args: []string{"costs", "--json", bafoeg}, code: 0, stdout: contains("share_e5"), stderr: empty}.run(t)
	var codes []string
	for _, p := range decodeCosts(t, jsonOut).Parties {
		codes = append(codes, p.Code)
	}
	if want := partyCodes(readFile(t, bafoeg)); !slices.Equal(codes, want) || slices.Equal(want, []string{"ST", "BB", "SN", "TH"}) {
		t.Errorf("JSON order %v, want the file order %v (which differs from the documents')", codes, want)
	}
}

// costsJSON is the contract of `costs --json` (fields not listed here may
// be added).
type costsJSON struct {
	Parties []struct {
		Code       string `json:"code"`
		ShareE5    int64  `json:"share_e5"`
		TotalCents int64  `json:"total_cents"`
		// with parties joining or leaving: what the Höchstbeträge moved
		CapAdjust map[string]int64 `json:"cap_adjust_by_year"`
	} `json:"parties"`
	// with parties joining or leaving: the shares of every period
	Periods []struct {
		Shares map[string]int64 `json:"shares"`
	} `json:"periods"`
	Items []struct {
		ID          string           `json:"id"`
		AmountCents int64            `json:"amount_cents"`
		Split       map[string]int64 `json:"split"`
	} `json:"items"`
	TotalCents int64 `json:"total_cents"`
}

// decodeCosts decodes the JSON output and checks that every field of the
// contract is present (a missing field would otherwise decode as zero).
func decodeCosts(t *testing.T, out string) costsJSON {
	t.Helper()
	var raw map[string]json.RawMessage
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("stdout is not a JSON object: %v\n%s", err, out)
	}
	for _, k := range []string{"parties", "items", "total_cents"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	var loose struct {
		Parties []map[string]json.RawMessage `json:"parties"`
		Items   []map[string]json.RawMessage `json:"items"`
	}
	if err := json.Unmarshal([]byte(out), &loose); err != nil {
		t.Fatal(err)
	}
	for i, p := range loose.Parties {
		for _, k := range []string{"code", "share_e5", "total_cents"} {
			if _, ok := p[k]; !ok {
				t.Errorf("parties[%d] lacks %q", i, k)
			}
		}
	}
	for i, it := range loose.Items {
		for _, k := range []string{"id", "amount_cents", "split"} {
			if _, ok := it[k]; !ok {
				t.Errorf("items[%d] lacks %q", i, k)
			}
		}
		if len(it["split"]) == 0 || it["split"][0] != '{' {
			t.Errorf("items[%d].split = %s, want an object", i, it["split"])
		}
	}
	var res costsJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	return res
}

// checkInvariants checks what must hold for every cost split.
func checkInvariants(t *testing.T, res costsJSON, wantCodes []string) {
	t.Helper()
	var codes []string
	var shares, totals int64
	byParty := map[string]int64{}
	for _, p := range res.Parties {
		codes = append(codes, p.Code)
		shares += p.ShareE5
		totals += p.TotalCents
		byParty[p.Code] = p.TotalCents
		for _, a := range p.CapAdjust {
			byParty[p.Code] -= a // compared with the item splits below
		}
	}
	if !slices.Equal(codes, wantCodes) {
		t.Errorf("party order %v, want the file order %v", codes, wantCodes)
	}
	if len(res.Periods) == 0 && shares != 10_000_000 {
		t.Errorf("shares sum to %d, want 10000000 (100 %%)", shares)
	}
	for k, per := range res.Periods {
		var s int64
		for _, v := range per.Shares {
			s += v
		}
		if s != 10_000_000 {
			t.Errorf("period %d: shares sum to %d, want 10000000 (100 %%)", k, s)
		}
	}
	if totals != res.TotalCents {
		t.Errorf("party totals sum to %d, total_cents = %d", totals, res.TotalCents)
	}
	var items int64
	paid := map[string]int64{}
	for _, it := range res.Items {
		var s int64
		for code, c := range it.Split {
			s += c
			paid[code] += c
			if _, ok := byParty[code]; !ok {
				t.Errorf("item %s: split names %s, which is no party", it.ID, code)
			}
		}
		if s != it.AmountCents {
			t.Errorf("item %s: split sums to %d, amount_cents = %d", it.ID, s, it.AmountCents)
		}
		items += it.AmountCents
	}
	if items != res.TotalCents {
		t.Errorf("items sum to %d, total_cents = %d", items, res.TotalCents)
	}
	for code, total := range byParty {
		if paid[code] != total {
			t.Errorf("party %s: total_cents %d, but its item splits sum to %d", code, total, paid[code])
		}
	}
}

func TestCostsJSON(t *testing.T) {
	t.Parallel()
	t.Run("wohngeld", func(t *testing.T) {
		t.Parallel()
		stdout, _ := cliCase{args: []string{"costs", "--json", wohngeld}, code: 0, stderr: empty}.run(t)
		res := decodeCosts(t, stdout)
		codes := partyCodes(readFile(t, wohngeld))
		if len(codes) < 3 || !slices.Equal(codes[:3], []string{"SH", "HB", "HH"}) {
			t.Fatalf("fixture parties %v, want SH, HB, HH, …", codes)
		}
		checkInvariants(t, res, codes)
		if res.TotalCents != 275_450_150 { // see TestCostsText
			t.Errorf("total_cents = %d, want 275450150", res.TotalCents)
		}
		ids := map[string]int64{}
		for _, it := range res.Items {
			ids[it.ID] = it.AmountCents
		}
		want := map[string]int64{
			"betrieb-2027": 48_000_000, "betrieb-2028": 48_000_000, "betrieb-2029": 48_000_000,
			"weiterentwicklung-2027": 25_000_000, "weiterentwicklung-2029": 25_000_000,
			"wartung-2028": 9_650_050,
			"anbindung":    11 * 2_500_000,
		}
		for id, amount := range want {
			if got, ok := ids[id]; !ok || got != amount {
				t.Errorf("item %s: amount %d (present %v), want %d", id, got, ok, amount)
			}
		}
		if _, ok := ids["erstentwicklung"]; ok {
			t.Error("erstentwicklung is financed externally and must not be split")
		}
		for _, it := range res.Items {
			if it.ID != "anbindung" {
				continue
			}
			// Each re-user pays the full amount; SH implements and pays none.
			if _, ok := it.Split["SH"]; ok || len(it.Split) != 11 {
				t.Errorf("anbindung split %v, want the 11 re-users only", it.Split)
			}
			for code, c := range it.Split {
				if c != 2_500_000 {
					t.Errorf("anbindung: %s pays %d, want 2500000", code, c)
				}
			}
		}
	})
	files, err := filepath.Glob(fixtures + "/*.yaml")
	if err != nil || len(files) < 4 {
		t.Fatalf("fixtures: %v %v", files, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			stdout, _ := cliCase{args: []string{"costs", "--json", f}, code: 0, stderr: empty}.run(t)
			checkInvariants(t, decodeCosts(t, stdout), partyCodes(readFile(t, f)))
			cliCase{args: []string{"costs", f}, code: 0, stdout: contains("Summe", "100,00000\u00a0%"), stderr: empty}.run(t)
		})
	}
}

// TestCostsJSONOneOffWithoutYear: a one-off item without a year (BAföG's
// Anbindung) has no "year" in the JSON, and no party has a year "0" in
// by_year; its amount is the party's without_year_cents, so by_year and
// without_year_cents still add up to total_cents. The text table keeps its
// "einmalig" column.
func TestCostsJSONOneOffWithoutYear(t *testing.T) {
	t.Parallel()
	stdout, _ := cliCase{args: []string{"costs", "--json", bafoeg}, code: 0, stderr: empty}.run(t)
	var raw struct {
		Parties []map[string]json.RawMessage `json:"parties"`
		Items   []map[string]json.RawMessage `json:"items"`
		Years   []int                        `json:"years"`
	}
	if err := json.Unmarshal([]byte(stdout), &raw); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(raw.Years, 0) {
		t.Errorf("years = %v, want real years only", raw.Years)
	}
	sawWithout := false
	for _, it := range raw.Items {
		y, ok := it["year"]
		if string(it["id"]) == `"anbindung"` {
			sawWithout = true
			if ok {
				t.Errorf("anbindung has no year but \"year\": %s", y)
			}
			continue
		}
		if !ok || string(y) == "0" {
			t.Errorf("item %s: year %s, want its year", it["id"], y)
		}
	}
	if !sawWithout {
		t.Fatal("fixture lacks the item anbindung without a year")
	}
	for _, p := range raw.Parties {
		var by map[string]int64
		var total, without int64
		for k, dst := range map[string]any{"by_year": &by, "total_cents": &total, "without_year_cents": &without} {
			if err := json.Unmarshal(p[k], dst); err != nil {
				t.Fatalf("party %s: %s: %v", p["code"], k, err)
			}
		}
		sum := without
		for y, c := range by {
			if y == "0" {
				t.Errorf("party %s: by_year has the key \"0\"", p["code"])
			}
			sum += c
		}
		if sum != total {
			t.Errorf("party %s: by_year + without_year_cents = %d, total_cents = %d", p["code"], sum, total)
		}
	}
	cliCase{args: []string{"costs", bafoeg}, code: 0, stdout: contains("einmalig"), stderr: empty}.run(t)
	// A project whose one-off items all have a year has no without_year_cents.
	stdout, _ = cliCase{args: []string{"costs", "--json", wohngeld}, code: 0, stderr: empty}.run(t)
	if strings.Contains(stdout, "without_year_cents") || strings.Contains(stdout, `"0"`) {
		t.Errorf("wohngeld has no item without a year, but:\n%s", stdout)
	}
}

func TestCostsInvalid(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()

	t.Run("unknown key partein", func(t *testing.T) {
		t.Parallel()
		src := readFile(t, wohngeld)
		line := lineOf(t, src, "parteien:")
		bad := writeFile(t, filepath.Join(dir, "partein.yaml"), strings.Replace(src, "\nparteien:", "\npartein:", 1))
		want := fmt.Sprintf("%s:%d:1: partein: unbekannter Schlüssel „partein“ – meinten Sie „parteien“?\nvereinbar: 1 Fehler in %s\n", bad, line, bad)
		cliCase{args: []string{"costs", bad}, code: 1, stdout: empty, stderr: exactly(want)}.run(t)
	})

	t.Run("fuenf-fehler", func(t *testing.T) {
		t.Parallel()
		f := fixtures + "/invalid/fuenf-fehler.yaml"
		src := readFile(t, f)
		_, stderr := cliCase{args: []string{"costs", f}, code: 1, stdout: empty}.run(t)
		lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
		if len(lines) != 6 {
			t.Fatalf("stderr has %d lines, want 5 errors and a summary:\n%s", len(lines), stderr)
		}
		if want := "vereinbar: 5 Fehler in " + f; lines[5] != want {
			t.Errorf("summary %q, want %q", lines[5], want)
		}
		// The five mistakes, recognisable in the fixture, in file order.
		mistakes := []struct{ linePrefix, path string }{
			{"  kurztitel: BAföG Stern", "vorhaben.kurztitel"},
			{"  kuendigungsfrist_monate: sechs", "vertrag.kuendigungsfrist_monate"},
			{"partein:", "partein"},
			{`      betrag: "12345.678"`, "kosten.positionen[1].betrag"},
			{"    - {gewicht: 100, art: koenigstein, jahr: 2023}", "verteilung.schluessel[0].jahr"},
		}
		for i, m := range mistakes {
			prefix := fmt.Sprintf("%s:%d:", f, lineOf(t, src, m.linePrefix))
			if !strings.HasPrefix(lines[i], prefix) || !strings.Contains(lines[i], ": "+m.path+": ") {
				t.Errorf("error %d = %q, want %s… %s", i+1, lines[i], prefix, m.path)
			}
		}
	})

	files, err := filepath.Glob(fixtures + "/invalid/*.yaml")
	if err != nil || len(files) == 0 {
		t.Fatalf("invalid fixtures: %v %v", files, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			t.Parallel()
			for _, args := range [][]string{{"costs", f}, {"costs", "--json", f}} {
				_, stderr := cliCase{args: args, code: 1, stdout: empty}.run(t)
				lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
				last := len(lines) - 1
				n := 0
				for _, l := range lines[:last] {
					switch {
					case strings.HasPrefix(l, f+":"):
						n++
					case n > 0 && strings.HasPrefix(l, " "):
						// the source line of a syntax error and its caret
					default:
						t.Errorf("error line %q does not start with the file name", l)
					}
				}
				if want := fmt.Sprintf("vereinbar: %d Fehler in %s", n, f); lines[last] != want {
					t.Errorf("last line %q, want %q", lines[last], want)
				}
			}
		})
	}

	t.Run("missing file", func(t *testing.T) {
		t.Parallel()
		p := filepath.Join(dir, "gibt-es-nicht.yaml")
		cliCase{args: []string{"costs", p}, code: 1, stdout: empty, stderr: all(contains(p), func(t *testing.T, s, got string) {
			if !strings.HasPrefix(got, "vereinbar: ") || strings.Count(got, "\n") != 1 {
				t.Errorf("%s = %q, want one line „vereinbar: …“", s, got)
			}
		})}.run(t)
	})

	t.Run("10 MB file", func(t *testing.T) {
		t.Parallel()
		// Valid YAML throughout, so only the size check can refuse it
		// quickly; parsing 10 MB would be slow and report unknown keys.
		line := "schluessel: wert\n"
		big := writeFile(t, filepath.Join(dir, "gross.yaml"), strings.Repeat(line, (10<<20)/len(line)+1))
		cliCase{args: []string{"costs", big}, code: 1, stdout: empty, stderr: all(contains(big, "zu groß", "1,0 MiB"), func(t *testing.T, s, got string) {
			if strings.Count(got, "\n") != 1 {
				t.Errorf("%s has more than one line:\n%s", s, got)
			}
		})}.run(t)
	})
}

func TestSchema(t *testing.T) {
	t.Parallel()
	stdout, _ := cliCase{args: []string{"schema"}, code: 0, stderr: empty}.run(t)
	var schema map[string]any
	if err := json.Unmarshal([]byte(stdout), &schema); err != nil {
		t.Fatalf("schema is not JSON: %v", err)
	}
	// The root may be a $ref into $defs; follow it.
	root := schema
	if ref, ok := schema["$ref"].(string); ok {
		name, found := strings.CutPrefix(ref, "#/$defs/")
		defs, _ := schema["$defs"].(map[string]any)
		def, _ := defs[name].(map[string]any)
		if !found || def == nil {
			t.Fatalf("$ref %q does not resolve", ref)
		}
		root = def
	}
	props, _ := root["properties"].(map[string]any)
	for _, k := range []string{"vorhaben", "leistung", "vertrag", "parteien", "kosten", "verteilung"} {
		if _, ok := props[k]; !ok {
			t.Errorf("schema properties lack %q (have %v)", k, slices.Sorted(mapKeys(props)))
		}
	}
}

func mapKeys(m map[string]any) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// configRow returns the fields of the row of key in `vereinbar config`.
func configRow(t *testing.T, out, key string) []string {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if f := strings.Fields(l); len(f) > 0 && f[0] == key {
			return f
		}
	}
	t.Fatalf("no row %q in:\n%s", key, out)
	return nil
}

func TestConfig(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfg := writeFile(t, filepath.Join(dir, "cfg", "config.yaml"), "ausgabe: build\neingabe: projekte\n")

	t.Run("flag wins over file", func(t *testing.T) {
		t.Parallel()
		stdout, _ := cliCase{args: []string{"config", "--config", cfg, "--out", "X"}, code: 0, stdout: contains("Konfigurationsdatei: " + cfg + "\n"), stderr: empty}.run(t)
		if row := configRow(t, stdout, "ausgabe"); !slices.Equal(row, []string{"ausgabe", "X", "--out", "--out", "VEREINBAR_AUSGABE"}) {
			t.Errorf("ausgabe row %q, want value X from --out", row)
		}
		// From the file, relative to its directory.
		if row := configRow(t, stdout, "eingabe"); row[1] != filepath.Join(dir, "cfg", "projekte") || row[2] != cfg {
			t.Errorf("eingabe row %q, want %s from %s", row, filepath.Join(dir, "cfg", "projekte"), cfg)
		}
		if row := configRow(t, stdout, "ks_tabellen"); !slices.Equal(row[1:3], []string{`""`, "Standard"}) {
			t.Errorf("ks_tabellen row %q, want \"\" from Standard", row)
		}
	})
	t.Run("flag after command and before", func(t *testing.T) {
		t.Parallel()
		stdout, _ := cliCase{args: []string{"--out", "Y", "config", "--config", cfg}, code: 0, stderr: empty}.run(t)
		if row := configRow(t, stdout, "ausgabe"); row[1] != "Y" || row[2] != "--out" {
			t.Errorf("ausgabe row %q, want Y from --out", row)
		}
	})
	runTable(t, []cliCase{
		{
			name: "missing explicit config", args: []string{"config", "--config", filepath.Join(dir, "fehlt.yaml")}, code: 1, stdout: empty,
			stderr: all(contains("Konfigurationsdatei (--config): „"+filepath.Join(dir, "fehlt.yaml")+"“ gibt es nicht"), exactlyLines(1)),
		},
		{
			name: "unknown key refuses costs", args: []string{"costs", "--config", writeFile(t, filepath.Join(dir, "tippfehler.yaml"), "ausgab: out\n"), wohngeld}, code: 1, stdout: empty,
			stderr: all(contains("„ausgab“ – meinten Sie „ausgabe“?"), exactlyLines(1)),
		},
	})
}

// exactlyLines checks the number of lines.
func exactlyLines(n int) check {
	return func(t *testing.T, stream, got string) {
		t.Helper()
		if c := strings.Count(got, "\n"); c != n || !strings.HasSuffix(got, "\n") {
			t.Errorf("%s has %d lines, want %d:\n%s", stream, c, n, got)
		}
	}
}

// TestConfigEnv sets process environment variables, so it is not parallel.
func TestConfigEnv(t *testing.T) {
	dir := t.TempDir()
	ks := filepath.Join(dir, "ks")
	writeFile(t, filepath.Join(ks, "2019.yaml"), ksTable2019)
	project := writeFile(t, filepath.Join(dir, "bafoeg-2019.yaml"), bafoeg2019(t))
	cfg := writeFile(t, filepath.Join(dir, "config.yaml"), "ks_tabellen: anderswo\n")
	t.Setenv("VEREINBAR_KS_TABELLEN", ks)

	stdout, _ := cliCase{args: []string{"config", "--config", cfg}, code: 0, stderr: empty}.run(t)
	if row := configRow(t, stdout, "ks_tabellen"); row[1] != ks || row[2] != "VEREINBAR_KS_TABELLEN" {
		t.Errorf("ks_tabellen row %q, want %s from VEREINBAR_KS_TABELLEN", row, ks)
	}
	// The variable is used, not only shown: the 2019 table is found.
	stdout, _ = cliCase{args: []string{"costs", "--json", "--config", cfg, project}, code: 0, stderr: empty}.run(t)
	checkKS2019Shares(t, decodeCosts(t, stdout))
	// The flag beats the variable.
	stdout, _ = cliCase{args: []string{"config", "--config", cfg, "--ks-tabellen", "flag"}, code: 0, stderr: empty}.run(t)
	if row := configRow(t, stdout, "ks_tabellen"); row[1] != "flag" || row[2] != "--ks-tabellen" {
		t.Errorf("ks_tabellen row %q, want flag from --ks-tabellen", row)
	}
}

// TestDefaultConfigFile finds ./config.yaml; it changes the working
// directory, so it is not parallel and uses absolute paths.
func TestDefaultConfigFile(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "config.yaml"), "ausgabe: build\n")
	t.Chdir(dir)
	stdout, _ := cliCase{args: []string{"config"}, code: 0, stdout: contains("Konfigurationsdatei: config.yaml\n"), stderr: empty}.run(t)
	if row := configRow(t, stdout, "ausgabe"); row[1] != "build" || row[2] != "config.yaml" {
		t.Errorf("ausgabe row %q, want build from config.yaml", row)
	}
}

func TestInit(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	neu := filepath.Join(dir, "neu.yaml")

	// The steps depend on each other and run in order.
	cliCase{args: []string{"init", neu}, code: 0, stdout: contains(neu + " angelegt (Vertragsform ring)"), stderr: empty}.run(t)
	starter := readFile(t, neu)
	if !strings.Contains(starter, "\n  form: ring\n") {
		t.Errorf("starter is not for a ring:\n%s", starter)
	}
	cliCase{args: []string{"init", neu}, code: 1, stdout: empty, stderr: all(contains(neu, "existiert bereits", "--force"), exactlyLines(1))}.run(t)
	if readFile(t, neu) != starter {
		t.Error("init without --force changed the existing file")
	}
	writeFile(t, neu, "bearbeitet: ja\n")
	cliCase{args: []string{"init", "--force", neu}, code: 0, stdout: contains("angelegt"), stderr: empty}.run(t)
	if got := readFile(t, neu); got != starter {
		t.Errorf("init --force did not write the starter again:\n%s", got)
	}

	// The unfilled starter names every placeholder and nothing else.
	_, stderr := cliCase{args: []string{"costs", neu}, code: 1, stdout: empty}.run(t)
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	n := placeholderLines(starter)
	if n == 0 {
		t.Fatal("starter has no TODO placeholders")
	}
	if len(lines) != n+1 {
		t.Errorf("%d error lines, want one per placeholder line (%d):\n%s", len(lines)-1, n, stderr)
	}
	for _, l := range lines[:len(lines)-1] {
		if !strings.HasPrefix(l, neu+":") || !strings.Contains(l, "Platzhalter") {
			t.Errorf("error line %q is not a placeholder in %s", l, neu)
		}
	}
	if want := fmt.Sprintf("vereinbar: %d Fehler in %s", n, neu); lines[len(lines)-1] != want {
		t.Errorf("summary %q, want %q", lines[len(lines)-1], want)
	}

	for _, form := range []string{"stern", "fit-store"} {
		p := filepath.Join(dir, form+".yaml")
		cliCase{args: []string{"init", "--form", form, p}, code: 0, stdout: contains("(Vertragsform " + form + ")"), stderr: empty}.run(t)
		if src := readFile(t, p); !strings.Contains(src, "\n  form: "+form+"\n") {
			t.Errorf("%s starter lacks form %s", form, form)
		}
	}
	// Missing parent directories are created.
	deep := filepath.Join(dir, "neu", "ordner", "neu.yaml")
	cliCase{args: []string{"init", deep}, code: 0, stdout: contains("angelegt"), stderr: empty}.run(t)
	// The starter names its own file in the comments.
	if readFile(t, deep) != strings.ReplaceAll(starter, neu, deep) {
		t.Errorf("%s differs from the ring starter", deep)
	}
}

// ksTable2019 is a made-up but valid table: SN 10 %, TH 20 %, BB 30 %, the
// other 13 Länder 40 % together (12 × 3 % + 4 %).
const ksTable2019 = `# Testtabelle, keine amtlichen Werte
jahr: 2019
quelle: "Testwerte für vereinbar"
werte:
  BW: "4.00000"
  BY: "3.00000"
  BE: "3.00000"
  BB: "30.00000"
  HB: "3.00000"
  HH: "3.00000"
  HE: "3.00000"
  MV: "3.00000"
  NI: "3.00000"
  NW: "3.00000"
  RP: "3.00000"
  SL: "3.00000"
  SN: "10.00000"
  ST: "3.00000"
  SH: "3.00000"
  TH: "20.00000"
`

// bafoeg2019 is the BAföG fixture with the KS year 2019 (100 % KS; ST
// implements and bears no share; SN, TH, BB re-use).
func bafoeg2019(t *testing.T) string {
	t.Helper()
	src := readFile(t, bafoeg)
	const from = "{gewicht: 100, art: koenigstein, jahr: 2015}"
	if !strings.Contains(src, from) {
		t.Fatalf("%s no longer has %q", bafoeg, from)
	}
	return strings.Replace(src, from, "{gewicht: 100, art: koenigstein, jahr: 2019}", 1)
}

// checkKS2019Shares: SN:TH:BB = 10:20:30 gives 1/6, 2/6, 3/6 of 10000000;
// 1666666.67 and 3333333.33 round by largest remainder to 1666667 and
// 3333333.
func checkKS2019Shares(t *testing.T, res costsJSON) {
	t.Helper()
	checkInvariants(t, res, []string{"ST", "SN", "TH", "BB"})
	want := map[string]int64{"ST": 0, "SN": 1_666_667, "TH": 3_333_333, "BB": 5_000_000}
	for _, p := range res.Parties {
		if p.ShareE5 != want[p.Code] {
			t.Errorf("%s: share_e5 %d, want %d", p.Code, p.ShareE5, want[p.Code])
		}
	}
}

func TestKSTables(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ks := filepath.Join(dir, "ks")
	writeFile(t, filepath.Join(ks, "2019.yaml"), ksTable2019)
	project := writeFile(t, filepath.Join(dir, "bafoeg-2019.yaml"), bafoeg2019(t))
	// A config file two levels away names the tables relative to itself.
	cfg := writeFile(t, filepath.Join(dir, "a", "b", "config.yaml"), "ks_tabellen: ../../ks\n")

	t.Run("flag", func(t *testing.T) {
		t.Parallel()
		stdout, _ := cliCase{args: []string{"costs", "--json", "--ks-tabellen", ks, project}, code: 0, stderr: empty}.run(t)
		checkKS2019Shares(t, decodeCosts(t, stdout))
		cliCase{args: []string{"costs", "--ks-tabellen", ks, project}, code: 0, stdout: contains("Königsteiner Schlüssel 2019", "100,00000\u00a0%"), stderr: empty}.run(t)
	})
	t.Run("config file relative", func(t *testing.T) {
		t.Parallel()
		stdout, _ := cliCase{args: []string{"costs", "--json", "--config", cfg, project}, code: 0, stderr: empty}.run(t)
		checkKS2019Shares(t, decodeCosts(t, stdout))
	})
	t.Run("without the tables", func(t *testing.T) {
		t.Parallel()
		line := lineOf(t, bafoeg2019(t), "    - {gewicht: 100, art: koenigstein, jahr: 2019}")
		cliCase{args: []string{"costs", project}, code: 1, stdout: empty,
			stderr: all(contains(fmt.Sprintf("%s:%d:", project, line), "verteilung.schluessel[0].jahr", "2019"), exactlyLines(2))}.run(t)
	})
	t.Run("missing directory", func(t *testing.T) {
		t.Parallel()
		cliCase{args: []string{"costs", "--ks-tabellen", filepath.Join(dir, "fehlt"), wohngeld}, code: 1, stdout: empty, stderr: contains(filepath.Join(dir, "fehlt"))}.run(t)
	})

	// A broken table fails every command that loads projects, also for a
	// project that does not use it. (Add `generate` here once it exists.)
	broken := filepath.Join(dir, "kaputt")
	brokenFile := writeFile(t, filepath.Join(broken, "2019.yaml"), strings.Replace(ksTable2019, `TH: "20.00000"`, `TH: "20,00000"`, 1))
	line := lineOf(t, readFile(t, brokenFile), `  TH: "20,00000"`)
	for _, args := range [][]string{{"costs"}, {"costs", "--json"}} {
		for _, p := range []string{wohngeld, project} {
			t.Run("broken/"+strings.Join(args, " ")+"/"+filepath.Base(p), func(t *testing.T) {
				t.Parallel()
				a := append(slices.Clone(args), "--ks-tabellen", broken, p)
				cliCase{args: a, code: 1, stdout: empty, stderr: contains(fmt.Sprintf("%s:%d:", brokenFile, line), "werte.TH")}.run(t)
			})
		}
	}
}
