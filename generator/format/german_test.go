package format

import (
	"errors"
	"testing"
)

func TestParseGermanE5(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want int64
	}{
		{"26,53499 %", 2653499},
		{"26,53499\u00a0%", 2653499},
		{"26,53499\u202f%", 2653499},
		{"26,53499%", 2653499},
		{"26,53499", 2653499},
		{"26,5", 2650000},
		{"50 %", 5000000},
		{"0", 0},
		{"0,00000 %", 0},
		{"0,00001 %", 1},
		{"100,00000 %", MaxE5},
		{"-0,5 %", -50000},
		{"-100 %", -MaxE5},
		{"007,1", 710000},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			got, err := ParseGermanE5(tc.in)
			if err != nil || got != tc.want {
				t.Errorf("ParseGermanE5(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestParseGermanE5Errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want error
	}{
		{"", ErrEmpty},
		{"%", ErrSyntax},
		{" %", ErrSyntax},
		{"26,5  %", ErrSpace},
		{" 26,5", ErrSpace},
		{"26 ,5", ErrSpace},
		{"+26,5", ErrPlus},
		{"26.5", ErrSeparator},
		{"26.5 %", ErrSeparator},
		{"1.000", ErrSeparator},
		{"1,0,0", ErrSeparator},
		{"2_6", ErrSeparator},
		{"2e1", ErrExponent},
		{"2,5e1 %", ErrExponent},
		{"26,", ErrSyntax},
		{",5", ErrSyntax},
		{"-", ErrSyntax},
		{"abc", ErrSyntax},
		{"26 % %", ErrSpace},
		{"26,5 Prozent", ErrSpace},
		{"26,5‰", ErrSyntax},
		{"26,534991 %", ErrDecimals},
		{"100,00001 %", ErrRange},
		{"-100,00001", ErrRange},
		{"99999999999999999999", ErrRange},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			v, err := ParseGermanE5(tc.in)
			if !errors.Is(err, tc.want) {
				t.Fatalf("ParseGermanE5(%q) = %d, %v; want %v", tc.in, v, err, tc.want)
			}
			if tc.in != "" && !containsQuoted(err.Error(), tc.in) {
				t.Errorf("error %q does not quote the text %q as written", err, tc.in)
			}
		})
	}
}

func containsQuoted(msg, in string) bool {
	q := "„" + in + "“"
	for i := 0; i+len(q) <= len(msg); i++ {
		if msg[i:i+len(q)] == q {
			return true
		}
	}
	return false
}

// TestParseGermanE5RoundTrip checks that what Percent and PercentPlain
// write, ParseGermanE5 reads back exactly.
func TestParseGermanE5RoundTrip(t *testing.T) {
	t.Parallel()
	for _, v := range []int64{0, 1, 9, 10, 99999, 100000, 818104, 2653499, 3333333, 9999999, MaxE5, -1, -2653499, -MaxE5} {
		for _, s := range []string{Percent(v), PercentPlain(v)} {
			got, err := ParseGermanE5(s)
			if err != nil || got != v {
				t.Errorf("ParseGermanE5(%q) = %d, %v; want %d", s, got, err, v)
			}
		}
	}
}
