package format

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestParseCents(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want int64
	}{
		{"0", 0},
		{"-0", 0},
		{"0.00", 0},
		{"0.01", 1},
		{"-0.01", -1},
		{"0.99", 99},
		{"0.5", 50},
		{"3", 300},
		{"-3", -300},
		{"480000", 48_000_000},
		{"480000.5", 48_000_050},
		{"480000.00", 48_000_000},
		{"007.10", 710},
		{"100000000000", MaxCents},
		{"-100000000000.00", -MaxCents},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			got, err := ParseCents(tc.in)
			if err != nil || got != tc.want {
				t.Errorf("ParseCents(%q) = %d, %v; want %d", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestParseCentsErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want error
	}{
		{"", ErrEmpty},
		{" 1", ErrSpace},
		{"1 ", ErrSpace},
		{"1 000", ErrSpace},
		{"1\u00a0000", ErrSpace},
		{"1\u202f000", ErrSpace},
		{"1\t", ErrSpace},
		{"+1", ErrPlus},
		{"+", ErrPlus},
		{"1e5", ErrExponent},
		{"1E5", ErrExponent},
		{"1.5e-3", ErrExponent},
		{"-2e+10", ErrExponent},
		{"1,5", ErrSeparator},
		{"1,000", ErrSeparator},
		{"1.000.000", ErrSeparator},
		{"1.000,00", ErrSeparator},
		{"1_000", ErrSeparator},
		{"1'000", ErrSeparator},
		{"1.234", ErrDecimals},
		{"0.001", ErrDecimals},
		{"1.000", ErrDecimals},
		{"-", ErrSyntax},
		{"--1", ErrSyntax},
		{"1-", ErrSyntax},
		{"1.", ErrSyntax},
		{".5", ErrSyntax},
		{"-.5", ErrSyntax},
		{"abc", ErrSyntax},
		{"e5", ErrSyntax},
		{"1e", ErrSyntax},
		{"0x10", ErrSyntax},
		{"NaN", ErrSyntax},
		{"Inf", ErrSyntax},
		{"12€", ErrSyntax},
		{"\u22125", ErrSyntax},
		{"\u0661", ErrSyntax},
		{"100000000000.01", ErrRange},
		{"-100000000000.01", ErrRange},
		{"92233720368547758.07", ErrRange},
		{"92233720368547758.08", ErrRange},
		{"-92233720368547758.09", ErrRange},
		{"99999999999999999999999999", ErrRange},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			got, err := ParseCents(tc.in)
			if !errors.Is(err, tc.want) || got != 0 {
				t.Errorf("ParseCents(%q) = %d, %v; want error %v", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestParseErrorMessages(t *testing.T) {
	t.Parallel()
	_, err := ParseCents("1.234")
	if err == nil || !strings.Contains(err.Error(), "höchstens zwei Nachkommastellen") {
		t.Errorf("message %v", err)
	}
	_, err = ParseE5("1.234567")
	if err == nil || !strings.Contains(err.Error(), "höchstens fünf Nachkommastellen") {
		t.Errorf("message %v", err)
	}
	// Every sentinel has its own message.
	seen := map[string]bool{}
	for _, e := range []error{ErrEmpty, ErrSpace, ErrPlus, ErrExponent, ErrSeparator, ErrSyntax, ErrDecimals, ErrRange, ErrPlaces} {
		if seen[e.Error()] {
			t.Errorf("duplicate message %q", e)
		}
		seen[e.Error()] = true
	}
}

func TestParseE5(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want int64
		err  error
	}{
		{"12.96662", 1296662, nil},
		{"50", 5_000_000, nil},
		{"2.79941", 279941, nil},
		{"0.00001", 1, nil},
		{"100", MaxE5, nil},
		{"100.00000", MaxE5, nil},
		{"-100", -MaxE5, nil},
		{"100.00001", 0, ErrRange},
		{"0.000001", 0, ErrDecimals},
		{"12,5", 0, ErrSeparator},
		{"", 0, ErrEmpty},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			got, err := ParseE5(tc.in)
			if !errors.Is(err, tc.err) || got != tc.want {
				t.Errorf("ParseE5(%q) = %d, %v; want %d, %v", tc.in, got, err, tc.want, tc.err)
			}
		})
	}
}

func TestParseFixed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in     string
		places int
		want   int64
		err    error
	}{
		{"9223372036854775807", 0, math.MaxInt64, nil},
		{"-9223372036854775808", 0, math.MinInt64, nil},
		{"9223372036854775808", 0, 0, ErrRange},
		{"-9223372036854775809", 0, 0, ErrRange},
		{"92233720368547758.07", 2, math.MaxInt64, nil},
		{"-92233720368547758.08", 2, math.MinInt64, nil},
		{"-9.223372036854775808", 18, math.MinInt64, nil},
		{"9.223372036854775808", 18, 0, ErrRange},
		{"10", 18, 0, ErrRange},
		{"00000000000000000000000000001", 0, 1, nil},
		{"1.5", 0, 0, ErrDecimals},
		{"15", 0, 15, nil},
		{"1.5", 1, 15, nil},
		{"1", -1, 0, ErrPlaces},
		{"1", 19, 0, ErrPlaces},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			t.Parallel()
			got, err := ParseFixed(tc.in, tc.places)
			if !errors.Is(err, tc.err) || got != tc.want {
				t.Errorf("ParseFixed(%q, %d) = %d, %v; want %d, %v", tc.in, tc.places, got, err, tc.want, tc.err)
			}
		})
	}
}

func TestParseFormatRoundTrip(t *testing.T) {
	t.Parallel()
	for _, places := range []int{0, 2, 5, 18} {
		for _, v := range []int64{0, 1, -1, 99, -99, 100, 123456789, math.MaxInt64, math.MinInt64, math.MinInt64 + 1} {
			s := FormatFixed(v, places)
			got, err := ParseFixed(s, places)
			if err != nil || got != v {
				t.Errorf("ParseFixed(FormatFixed(%d, %d) = %q) = %d, %v", v, places, s, got, err)
			}
		}
	}
}

// FuzzParseCents: ParseCents never panics, and every accepted literal
// round-trips through FormatFixed and the German formatters.
func FuzzParseCents(f *testing.F) {
	for _, s := range []string{"480000", "480000.5", "480000.00", "-3", "", "+1", "1e5", "1.000,00",
		"100000000000.01", "-92233720368547758.08", "0.001", " 1", "1.", ".5", "-"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := ParseCents(s)
		if err != nil {
			if v != 0 {
				t.Fatalf("ParseCents(%q) = %d with error %v", s, v, err)
			}
			return
		}
		if v > MaxCents || v < -MaxCents {
			t.Fatalf("ParseCents(%q) = %d out of range", s, v)
		}
		plain := FormatFixed(v, 2)
		back, err := ParseCents(plain)
		if err != nil || back != v {
			t.Fatalf("ParseCents(%q) = %d; FormatFixed %q parses to %d, %v", s, v, plain, back, err)
		}
		_ = Money(v)
	})
}
