package generator_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/aenderung"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/refdata"
)

// aenderungMutations is how many valid random mutations
// TestAenderungProperty drafts and proves (at least 2,000, issue 13).
const aenderungMutations = 2000

// mutation changes a project file's text; ok false when it does not
// apply to this project.
type mutation struct {
	name string
	do   func(r *rand.Rand, src string) (string, bool)
}

var (
	reBetrag   = regexp.MustCompile(`betrag: "(\d+)\.(\d\d)"`)
	reGewicht  = regexp.MustCompile(`gewicht: (\d+)`)
	reMonate   = regexp.MustCompile(`(kuendigungsfrist_monate|weiterbetrieb_monate|meldefrist_stunden): (\d+)`)
	reEnde     = regexp.MustCompile(`\n  ende: (\d{4})-(\d\d)-(\d\d)`)
	reFreitext = regexp.MustCompile(`(steuerungsgremium|wartungsfenster|servicezeiten|festgelegt_durch|sicherheitskonzept|quelle): "([^"]*)"`)
	reParty    = regexp.MustCompile(`(?m)^  - (?:\{land: ([A-Z]{2}), rolle: nachnutzend[^\n]*\}\n|land: ([A-Z]{2})\n    rolle: nachnutzend\n(?:    [^\n]*\n)*)`)
)

// words for free text: some already stand in the agreement, so quotes
// become ambiguous and must be widened or the unit replaced.
var propertyWords = []string{"Vertragspartei", "Land", "von", "25 %", "§ 7", "Online-Dienst", "jährlich", "Steuerungskreis", "und", "2027", "Montag", "bis", "€", "„Wohngeld“", "neu", "Absatz", "die", "der", "(Lenkung)", "„Kreis", "Runde“", "(Beirat", "Mitte)"}

var mutations = []mutation{
	{"Betrag", func(r *rand.Rand, src string) (string, bool) {
		ms := reBetrag.FindAllStringIndex(src, -1)
		if len(ms) == 0 {
			return "", false
		}
		m := ms[r.IntN(len(ms))]
		return src[:m[0]] + fmt.Sprintf(`betrag: "%d.%02d"`, 1000+r.IntN(3_000_000), r.IntN(100)) + src[m[1]:], true
	}},
	{"Frist", func(r *rand.Rand, src string) (string, bool) {
		ms := reMonate.FindAllStringSubmatchIndex(src, -1)
		if len(ms) == 0 {
			return "", false
		}
		m := ms[r.IntN(len(ms))]
		return src[:m[4]] + fmt.Sprint(1+r.IntN(24)) + src[m[5]:], true
	}},
	{"Datum", func(r *rand.Rand, src string) (string, bool) {
		m := reEnde.FindStringSubmatchIndex(src)
		if m == nil {
			return "", false
		}
		days := []string{"06-30", "09-30", "12-31"}
		return src[:m[4]] + days[r.IntN(len(days))] + src[m[7]:], true
	}},
	{"Gewicht", func(r *rand.Rand, src string) (string, bool) {
		ms := reGewicht.FindAllStringSubmatchIndex(src, -1)
		if len(ms) < 2 {
			return "", false
		}
		i, j := r.IntN(len(ms)), r.IntN(len(ms))
		if i == j {
			return "", false
		}
		wi, wj := atoi(src[ms[i][2]:ms[i][3]]), atoi(src[ms[j][2]:ms[j][3]])
		k := 1 + r.IntN(max(wi-1, 1))
		if wi-k < 1 {
			return "", false
		}
		vals := map[int]int{i: wi - k, j: wj + k}
		out := src
		for _, idx := range []int{max(i, j), min(i, j)} { // from the back
			m := ms[idx]
			out = out[:m[2]] + fmt.Sprint(vals[idx]) + out[m[3]:]
		}
		return out, true
	}},
	{"Freitext", func(r *rand.Rand, src string) (string, bool) {
		ms := reFreitext.FindAllStringSubmatchIndex(src, -1)
		if len(ms) == 0 {
			return "", false
		}
		m := ms[r.IntN(len(ms))]
		old := strings.Fields(src[m[4]:m[5]])
		switch r.IntN(5) {
		case 3: // drop a word (the steuerungsgremium stands in „…“ and (…) in the agreement)
			if len(old) < 2 {
				return "", false
			}
			at := r.IntN(len(old))
			old = append(old[:at], old[at+1:]...)
		case 4: // a word wrapped in marks
			at := r.IntN(len(old))
			old[at] = fmt.Sprintf([]string{"„%s“", "(%s)", "„%s", "%s“"}[r.IntN(4)], strings.Trim(old[at], "„“()"))
		case 0: // replace a word
			old[r.IntN(len(old))] = propertyWords[r.IntN(len(propertyWords))]
		case 1: // insert words
			at := r.IntN(len(old) + 1)
			ins := propertyWords[r.IntN(len(propertyWords))]
			old = append(old[:at], append([]string{ins}, old[at:]...)...)
		default: // new text
			old = nil
			for range 1 + r.IntN(8) {
				old = append(old, propertyWords[r.IntN(len(propertyWords))])
			}
		}
		return src[:m[4]] + strings.Join(old, " ") + src[m[5]:], true
	}},
	{"Partei entfernt", func(r *rand.Rand, src string) (string, bool) {
		ms := reParty.FindAllStringSubmatchIndex(src, -1)
		if len(ms) < 2 {
			return "", false
		}
		m := ms[r.IntN(len(ms))]
		code := ""
		if m[2] >= 0 {
			code = src[m[2]:m[3]]
		} else {
			code = src[m[4]:m[5]]
		}
		out := src[:m[0]] + src[m[1]:]
		out = regexp.MustCompile(`(?m)^ +`+code+`: \d+\n`).ReplaceAllString(out, "")
		return out, true
	}},
	{"Partei hinzu", func(r *rand.Rand, src string) (string, bool) {
		var free []string
		for _, p := range refdata.Parties() {
			if p.Code != "BUND" && !strings.Contains(src, "land: "+p.Code) {
				free = append(free, p.Code)
			}
		}
		if len(free) == 0 {
			return "", false
		}
		code := free[r.IntN(len(free))]
		out := strings.Replace(src, "\nparteien:\n", "\nparteien:\n  - {land: "+code+", rolle: nachnutzend, vertreten_durch: \"das Ministerium des Innern\"}\n", 1)
		out = regexp.MustCompile(`(?m)^(      werte:\n)`).ReplaceAllString(out, "${1}        "+code+": "+fmt.Sprint(1000+r.IntN(90000))+"\n")
		return out, true
	}},
}

func atoi(s string) int {
	n := 0
	for _, c := range s {
		n = n*10 + int(c-'0')
	}
	return n
}

type propertyBase struct {
	name string
	src  string
	docs map[string]*model.Document // ALT's agreements by file name
}

// TestAenderungProperty mutates real projects at random (fixed seed):
// amounts, periods, the end date, key weights, free text, parties removed
// and added, one to three at a time. Each mutated project goes through
// the real generator; for every agreement both versions have, the
// drafted instructions applied to ALT's text must give NEU's exactly
// (aenderung.Instructions proves it; the test checks it again itself).
// Mutations that make a project invalid are skipped and not counted.
func TestAenderungProperty(t *testing.T) {
	gen := newGenerator(t)
	var bases []propertyBase
	for _, f := range []string{"aenderung/betrag/alt.yaml", "eheschliessung-ring.yaml", "bafoeg-stern.yaml", "einbuergerung-stern-16.yaml"} {
		path := filepath.Join(fixturesDir, f)
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		_, docs := buildDocuments(t, gen, path)
		agreements := map[string]*model.Document{}
		for k, d := range docs {
			if d.Meta.Kind == "vereinbarung" {
				agreements[k] = d
			}
		}
		bases = append(bases, propertyBase{f, string(src), agreements})
	}
	r := rand.New(rand.NewPCG(13, 2026))
	type job struct {
		base int
		src  string
		what string
	}
	var jobs []job
	for len(jobs) < aenderungMutations*2 { // more than needed: some are invalid
		b := r.IntN(len(bases))
		src, what := bases[b].src, []string{}
		for range 1 + r.IntN(3) {
			m := mutations[r.IntN(len(mutations))]
			if out, ok := m.do(r, src); ok {
				src = out
				what = append(what, m.name)
			}
		}
		if len(what) > 0 {
			jobs = append(jobs, job{b, src, strings.Join(what, "+")})
		}
	}
	var (
		mu                      sync.Mutex
		valid, pairs, unchanged int
		ops                     = map[string]int{}
		failures                []string
		wg                      sync.WaitGroup
	)
	next := make(chan job)
	for range 2 {
		wg.Go(func() {
			for j := range next {
				p, err := gen.ParseProject(bases[j.base].name, []byte(j.src))
				if err != nil {
					continue
				}
				res, err := gen.Costs(p)
				if err != nil {
					continue
				}
				n, c, fail := 0, 0, ""
				var agreements []generator.Doc
				for _, d := range gen.Docs(p) {
					if _, ok := bases[j.base].docs[d.File]; ok && d.Name == "vereinbarung" {
						agreements = append(agreements, d)
					}
				}
				if len(agreements) > 2 { // star: the first and the last agreement
					agreements = []generator.Doc{agreements[0], agreements[len(agreements)-1]}
				}
				for _, d := range agreements {
					old := bases[j.base].docs[d.File]
					neu, err := gen.Document(context.Background(), p, res, d)
					if err != nil {
						fail = fmt.Sprintf("%s (%s): %v", bases[j.base].name, j.what, err)
						break
					}
					n++
					kinds, err := proveRoundTrip(old, neu)
					mu.Lock()
					for _, k := range kinds {
						ops[k]++
					}
					mu.Unlock()
					if errors.Is(err, aenderung.ErrNoChange) {
						c++
					} else if err != nil {
						fail = fmt.Sprintf("%s, %s (%s): %v", bases[j.base].name, d.File, j.what, err)
						break
					}
				}
				mu.Lock()
				if n > 0 {
					valid++
					pairs += n
					unchanged += c
				}
				if fail != "" {
					failures = append(failures, fail)
				}
				mu.Unlock()
			}
		})
	}
	for _, j := range jobs {
		mu.Lock()
		done := valid >= aenderungMutations || len(failures) >= 5
		mu.Unlock()
		if done {
			break
		}
		next <- j
	}
	close(next)
	wg.Wait()
	for _, f := range failures {
		t.Error(f)
	}
	if valid < aenderungMutations {
		t.Fatalf("nur %d gültige Mutationen, verlangt %d", valid, aenderungMutations)
	}
	if unchanged*2 > pairs {
		t.Errorf("%d von %d Paaren ohne Änderung: die Mutationen treffen die Vereinbarung zu selten", unchanged, pairs)
	}
	t.Logf("%d Mutationen, %d Vereinbarungspaare, davon %d ohne Änderung; Befehle: %v", valid, pairs, unchanged, ops)
	// the rules of the drafter that data changes reach are exercised, not
	// only „replace whole“; inserting, repealing and renumbering §§ and
	// headings are tested on documents made for it (package aenderung)
	for _, k := range []string{"woerter", "ersetzen Absatz", "ersetzen §"} {
		if ops[k] == 0 {
			t.Errorf("kein Befehl %q unter den Mutationen", k)
		}
	}
	// the Eingang of the signed agreement is never amended: parties
	// joining or leaving have articles of their own
	if n := ops["ersetzen Eingang"]; n > 0 {
		t.Errorf("%d Befehle ändern den Eingang", n)
	}
}

// proveRoundTrip drafts the instructions and checks, itself, that they
// turn ALT into NEU.
func proveRoundTrip(old, neu *model.Document) (kinds []string, err error) {
	ins, err := aenderung.Instructions(old, neu)
	if err != nil {
		return nil, err
	}
	for _, in := range ins {
		k := string(in.Op)
		switch {
		case in.Target.Part == aenderung.PartEingang:
			k += " Eingang"
		case in.Target.Part == aenderung.PartTitel:
			k += " Titel"
		case in.Target.Part == "" && (in.Op == aenderung.OpErsetzen || in.Op == aenderung.OpAufheben):
			k += " §"
		case in.Target.Part == aenderung.PartBody && in.Op != aenderung.OpWoerter && in.Op != aenderung.OpAnfuegen:
			k += " Absatz"
		}
		kinds = append(kinds, k)
	}
	ou, err := aenderung.Units(old)
	if err != nil {
		return kinds, err
	}
	nu, err := aenderung.Units(neu)
	if err != nil {
		return kinds, err
	}
	got, err := aenderung.Apply(ou, ins)
	if err != nil {
		return kinds, err
	}
	if len(aenderung.Render(ins)) == 0 {
		return kinds, fmt.Errorf("keine Befehle gesetzt")
	}
	return kinds, aenderung.Compare(got, nu)
}
