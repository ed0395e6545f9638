package data

import (
	"fmt"
	"regexp"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// decoderAccepts reports whether the decoder takes s as a date.
func decoderAccepts(s string) bool {
	d := &decoder{file: &File{pos: map[string]Pos{}, failed: map[string]bool{}}, budget: maxNodes}
	var dt Datum
	dt.decodeNode(d, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Line: 1, Column: 1}, "datum")
	return len(d.errs) == 0
}

// TestDatePatternAgreesWithDecoder: the schema's date pattern, which
// editors check while typing, accepts exactly the dates the decoder
// accepts: real calendar days (month lengths and leap years included)
// from 2000-01-01 to 2100-12-31. It used to accept any \d{4}-\d{2}-\d{2},
// 2027-02-31 and 0001-01-01 among them.
func TestDatePatternAgreesWithDecoder(t *testing.T) {
	t.Parallel()
	s := Datum{}.JSONSchema()
	re, err := regexp.Compile(s.Pattern)
	if err != nil {
		t.Fatal(err)
	}
	var candidates []string
	// every spelling JJJJ-MM-TT with day 00–32 and month 00–13, in and
	// just outside the range of years
	for _, y := range []int{1, 999, 1999, 2000, 2001, 2004, 2027, 2028, 2096, 2099, 2100, 2101, 9999} {
		for m := 0; m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				candidates = append(candidates, fmt.Sprintf("%04d-%02d-%02d", y, m, d))
			}
		}
	}
	// every real day of the range and around it
	for day := time.Date(1999, 12, 1, 0, 0, 0, 0, time.UTC); day.Year() < 2102; day = day.AddDate(0, 0, 1) {
		candidates = append(candidates, day.Format(time.DateOnly))
	}
	candidates = append(candidates, "31.02.2027", "2027-2-1", "2027-02-1", " 2027-02-01", "2027-02-01 ", "20270201", "2027-02-01T00:00:00Z", "")
	accepted := 0
	for _, c := range candidates {
		want := decoderAccepts(c)
		if got := re.MatchString(c); got != want {
			t.Errorf("%q: pattern %t, decoder %t", c, got, want)
		}
		if want {
			accepted++
		}
	}
	// 2000–2100: 101 years, 25 of them leap years (2000 is, 2100 is not)
	if want := 101*365 + 25; accepted < want {
		t.Errorf("decoder accepted %d dates, want at least the %d days of 2000–2100", accepted, want)
	}
	for _, key := range []string{"patternErrorMessage", "errorMessage"} {
		if msg, _ := s.Extras[key].(string); !strings.Contains(msg, "JJJJ-MM-TT") || !strings.Contains(msg, "2000-01-01") {
			t.Errorf("%s = %q, want a German message naming the form and the range", key, msg)
		}
	}
}
