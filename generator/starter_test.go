package generator_test

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/data"
)

// starterDay is the fixed date the starters are made for.
var starterDay = time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC)

const starterPlaceholderMsg = "Platzhalter noch nicht ausgefüllt"

func starterGenerator(t *testing.T) *generator.Generator {
	t.Helper()
	gen, err := generator.New(generator.Options{})
	if err != nil {
		t.Fatalf("generator.New: %v", err)
	}
	return gen
}

func starterSource(t *testing.T, form string) string {
	t.Helper()
	b, err := generator.Starter(form, "neu.yaml", starterDay)
	if err != nil {
		t.Fatalf("Starter(%q): %v", form, err)
	}
	return string(b)
}

// starterIsComment reports whether a line is only a YAML comment.
func starterIsComment(line string) bool {
	return strings.HasPrefix(strings.TrimSpace(line), "#")
}

// starterPlaceholderLines returns the 1-based numbers of the lines whose YAML
// part (not a comment) holds a TODO placeholder.
func starterPlaceholderLines(src string) []int {
	var ls []int
	for i, l := range strings.Split(src, "\n") {
		if !starterIsComment(l) && strings.Contains(l, "TODO") {
			ls = append(ls, i+1)
		}
	}
	return ls
}

// starterPlaceholderRE splits "  - land: TODO" into indentation with the list
// marker, key and value.
var starterPlaceholderRE = regexp.MustCompile(`^(\s*(?:- )?)([a-z_]+):\s*(.*)$`)

// starterFill replaces the placeholder on every line in lines (all if nil) with a
// fitting value chosen by the line's key; Länder are handed out in the
// order SH, ST, SN.
func starterFill(t *testing.T, src string, lines []int) string {
	t.Helper()
	values := map[string]string{
		"titel":                         `"Nachnutzung des EfA-Online-Dienstes „Wohngeld“ (Test)"`,
		"kurztitel":                     "wohngeld-test",
		"online_dienst":                 `"Wohngeld-Antrag online"`,
		"id":                            `"10092"`,
		"bezeichnung":                   "Wohngeld",
		"leika":                         `["99107023000000"]`,
		"themenfeld":                    `"Bauen & Wohnen"`,
		"steuerungsgremium":             `"Steuerungskreis Wohngeld"`,
		"begruendung":                   `"Die Länder schließen zu verschiedenen Zeitpunkten an."`,
		"vertreten_durch":               `"das Ministerium für Inneres"`,
		"name":                          `"Erika Mustermann"`,
		"email":                         "erika.mustermann@example.org",
		"betrag":                        `"1000.00"`,
		"angebot":                       `"FIT-Store-Angebot Wohngeld"`,
		"leistungsbeschreibung_version": `"1.0"`,
		"behoerde":                      `"Ministerium für Inneres"`,
		"leitweg_id":                    `"05315-12345678-02"`,
	}
	lands := []string{"SH", "ST", "SN"}
	landIdx := 0
	out := strings.Split(src, "\n")
	for i, l := range out {
		if starterIsComment(l) || !strings.Contains(l, "TODO") {
			continue
		}
		m := starterPlaceholderRE.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("line %d: cannot tell the key of placeholder line %q", i+1, l)
		}
		key := m[2]
		var v string
		if key == "land" {
			if landIdx == len(lands) {
				t.Fatalf("line %d: more than %d land placeholders", i+1, len(lands))
			}
			v = lands[landIdx]
			landIdx++
		} else if v = values[key]; v == "" {
			t.Fatalf("line %d: no fitting value for placeholder key %q; extend the test", i+1, key)
		}
		if lines == nil || slices.Contains(lines, i+1) {
			out[i] = m[1] + key + ": " + v
		}
	}
	return strings.Join(out, "\n")
}

func TestStarterPlaceholders(t *testing.T) {
	t.Parallel()
	gen := starterGenerator(t)
	for _, form := range generator.Forms {
		t.Run(form, func(t *testing.T) {
			t.Parallel()
			src := starterSource(t, form)
			want := starterPlaceholderLines(src)
			if len(want) == 0 {
				t.Fatal("starter has no TODO placeholders")
			}
			_, err := gen.ParseProject("neu.yaml", []byte(src))
			if !errors.Is(err, data.ErrInvalid) {
				t.Fatalf("unfilled starter: err = %v, want data.ErrInvalid", err)
			}
			var es data.Errors
			if !errors.As(err, &es) {
				t.Fatalf("err is %T, want data.Errors", err)
			}
			lines := strings.Split(src, "\n")
			var got []int
			for _, e := range es {
				if !strings.HasPrefix(e.Msg, starterPlaceholderMsg) {
					t.Errorf("not a placeholder error: %v", e)
					continue
				}
				if e.File != "neu.yaml" || e.Pos.Line < 1 || e.Pos.Line > len(lines) {
					t.Errorf("bad position: %v", e)
					continue
				}
				got = append(got, e.Pos.Line)
				// The column points at the placeholder value.
				l := lines[e.Pos.Line-1]
				if e.Pos.Col < 1 || e.Pos.Col > len(l) || !strings.HasPrefix(strings.TrimLeft(l[e.Pos.Col-1:], `"`), "TODO") {
					t.Errorf("%v: column does not point at the placeholder in %q", e, l)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("placeholder errors on lines %v, want one for each TODO line %v", got, want)
			}
		})
	}
}

// TestStarterEachPlaceholderAlone fills all placeholders but one: exactly
// that one must be reported.
func TestStarterEachPlaceholderAlone(t *testing.T) {
	t.Parallel()
	gen := starterGenerator(t)
	for _, form := range generator.Forms {
		t.Run(form, func(t *testing.T) {
			t.Parallel()
			src := starterSource(t, form)
			all := starterPlaceholderLines(src)
			for _, open := range all {
				rest := slices.DeleteFunc(slices.Clone(all), func(l int) bool { return l == open })
				_, err := gen.ParseProject("neu.yaml", []byte(starterFill(t, src, rest)))
				var es data.Errors
				if !errors.As(err, &es) || len(es) != 1 || es[0].Pos.Line != open || !strings.HasPrefix(es[0].Msg, starterPlaceholderMsg) {
					t.Errorf("only line %d open: err = %v, want one placeholder error on that line", open, err)
				}
			}
		})
	}
}

func TestStarterFilledIsValid(t *testing.T) {
	t.Parallel()
	gen := starterGenerator(t)
	for _, form := range generator.Forms {
		t.Run(form, func(t *testing.T) {
			t.Parallel()
			src := starterFill(t, starterSource(t, form), nil)
			if ls := starterPlaceholderLines(src); len(ls) != 0 {
				t.Fatalf("placeholders left on lines %v", ls)
			}
			p, err := gen.ParseProject("neu.yaml", []byte(src))
			if err != nil {
				t.Fatalf("filled starter is invalid:\n%v\n---\n%s", err, src)
			}
			pr := p.Data()
			if pr.Vertrag.Form != form {
				t.Errorf("vertrag.form = %q, want %q", pr.Vertrag.Form, form)
			}
			res, err := gen.Costs(p)
			if err != nil {
				t.Fatalf("Costs: %v", err)
			}
			var codes []string
			var shares int64
			for _, pt := range res.Parties {
				codes = append(codes, pt.Code)
				shares += pt.ShareE5
			}
			if want := []string{"SH", "ST", "SN"}; !slices.Equal(codes, want) {
				t.Errorf("parties %v, want %v", codes, want)
			}
			if shares != 10_000_000 {
				t.Errorf("shares sum to %d, want 10000000", shares)
			}
			// betrieb and weiterentwicklung: 1000.00 € in each of three
			// years; anbindung: 1000.00 € for each of the two re-users.
			if want := int64(3*100_000 + 3*100_000 + 2*100_000); res.TotalCents != want {
				t.Errorf("total %d cents, want %d", res.TotalCents, want)
			}
			if len(res.Items) != 7 {
				t.Errorf("%d items, want 7 (3 betrieb, 3 weiterentwicklung, 1 anbindung)", len(res.Items))
			}
			if want := []int{2027, 2028, 2029, 0}; !slices.Equal(res.Years, want) {
				t.Errorf("years %v, want %v", res.Years, want)
			}
		})
	}
}

func TestStarterDates(t *testing.T) {
	t.Parallel()
	gen := starterGenerator(t)
	tests := []struct {
		day   time.Time
		stand string
		next  int
	}{
		{starterDay, "2026-11-28", 2027},
		{time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), "2026-01-01", 2027},
		{time.Date(2026, 12, 31, 23, 59, 59, 0, time.UTC), "2026-12-31", 2027},
		// The calendar date of the given time counts, in its own zone.
		// (in UTC this is still 2026-12-31).
		{time.Date(2027, 1, 1, 0, 30, 0, 0, time.FixedZone("MEZ", 3600)), "2027-01-01", 2028},
		{time.Date(2030, 6, 15, 12, 0, 0, 0, time.UTC), "2030-06-15", 2031},
	}
	for _, tc := range tests {
		for _, form := range generator.Forms {
			t.Run(fmt.Sprintf("%s/%s", tc.day.Format(time.RFC3339), form), func(t *testing.T) {
				t.Parallel()
				b, err := generator.Starter(form, "neu.yaml", tc.day)
				if err != nil {
					t.Fatal(err)
				}
				src := string(b)
				if !strings.Contains(src, "\n  stand: "+tc.stand+"\n") {
					t.Errorf("starter lacks „stand: %s“", tc.stand)
				}
				p, err := gen.ParseProject("neu.yaml", []byte(starterFill(t, src, nil)))
				if err != nil {
					t.Fatalf("filled starter is invalid: %v", err)
				}
				pr := p.Data()
				if got := pr.Vorhaben.Stand.String(); got != tc.stand {
					t.Errorf("vorhaben.stand = %s, want %s", got, tc.stand)
				}
				if got, want := pr.Vertrag.Beginn.String(), fmt.Sprintf("%d-01-01", tc.next); got != want {
					t.Errorf("vertrag.beginn = %s, want %s", got, want)
				}
				for _, pos := range pr.Kosten.Positionen {
					if pos.Turnus != "jaehrlich" {
						continue
					}
					if want := []int{tc.next, tc.next + 1, tc.next + 2}; !slices.Equal(pos.Jahre, want) {
						t.Errorf("%s: jahre %v, want %v", pos.ID, pos.Jahre, want)
					}
				}
			})
		}
	}
}

func TestStarterText(t *testing.T) {
	t.Parallel()
	for _, form := range generator.Forms {
		t.Run(form, func(t *testing.T) {
			t.Parallel()
			b, err := generator.Starter(form, "projekte/mein-vorhaben.yaml", starterDay)
			if err != nil {
				t.Fatal(err)
			}
			src := string(b)
			for _, want := range []string{
				"vereinbar costs projekte/mein-vorhaben.yaml",
				"\n  form: " + form + "\n",
				"# yaml-language-server: $schema=",
			} {
				if !strings.Contains(src, want) {
					t.Errorf("starter lacks %q", want)
				}
			}
			again, err := generator.Starter(form, "projekte/mein-vorhaben.yaml", starterDay)
			if err != nil || string(again) != src {
				t.Error("Starter is not deterministic")
			}
			// Only the stern form needs a reason; fit-store has no steering
			// committee.
			hasReason := strings.Contains(src, "\n  begruendung:")
			hasCommittee := strings.Contains(src, "\n  steuerungsgremium:")
			if hasReason != (form == "stern") || hasCommittee != (form != "fit-store") {
				t.Errorf("begruendung %v, steuerungsgremium %v for form %s", hasReason, hasCommittee, form)
			}
		})
	}
}

func TestStarterUnknownForm(t *testing.T) {
	t.Parallel()
	for _, form := range []string{"kreis", "", "Ring", "fit_store", " ring"} {
		t.Run(fmt.Sprintf("%q", form), func(t *testing.T) {
			t.Parallel()
			b, err := generator.Starter(form, "neu.yaml", starterDay)
			if err == nil {
				t.Fatalf("Starter(%q) = %d bytes, want an error", form, len(b))
			}
			for _, want := range append([]string{"„" + form + "“"}, generator.Forms...) {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q lacks %q", err, want)
				}
			}
		})
	}
}
