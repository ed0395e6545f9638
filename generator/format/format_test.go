package format

import (
	"math"
	"strings"
	"testing"
	"time"
)

func TestMoney(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cents int64
		plain string
	}{
		{0, "0,00"},
		{1, "0,01"},
		{-1, "-0,01"},
		{99, "0,99"},
		{100, "1,00"},
		{-100, "-1,00"},
		{123456, "1.234,56"},
		{-123456, "-1.234,56"},
		{99999, "999,99"},
		{100000, "1.000,00"},
		{123456789, "1.234.567,89"},
		{48_000_000, "480.000,00"},
		{MaxCents, "100.000.000.000,00"},
		{math.MaxInt64, "92.233.720.368.547.758,07"},
		{math.MinInt64, "-92.233.720.368.547.758,08"},
	}
	for _, tc := range tests {
		t.Run(tc.plain, func(t *testing.T) {
			t.Parallel()
			if got := MoneyPlain(tc.cents); got != tc.plain {
				t.Errorf("MoneyPlain(%d) = %q, want %q", tc.cents, got, tc.plain)
			}
			if got, want := Money(tc.cents), tc.plain+"\u00a0€"; got != want {
				t.Errorf("Money(%d) = %q, want %q", tc.cents, got, want)
			}
		})
	}
}

func TestPercent(t *testing.T) {
	t.Parallel()
	tests := []struct {
		e5    int64
		plain string
	}{
		{0, "0,00000"},
		{1, "0,00001"},
		{-1, "-0,00001"},
		{99, "0,00099"},
		{279941, "2,79941"},
		{2653499, "26,53499"},
		{5_000_000, "50,00000"},
		{10_000_000, "100,00000"},
		{100_000_000, "1.000,00000"},
		{math.MaxInt64, "92.233.720.368.547,75807"},
		{math.MinInt64, "-92.233.720.368.547,75808"},
	}
	for _, tc := range tests {
		t.Run(tc.plain, func(t *testing.T) {
			t.Parallel()
			if got := PercentPlain(tc.e5); got != tc.plain {
				t.Errorf("PercentPlain(%d) = %q, want %q", tc.e5, got, tc.plain)
			}
			if got, want := Percent(tc.e5), tc.plain+"\u00a0%"; got != want {
				t.Errorf("Percent(%d) = %q, want %q", tc.e5, got, want)
			}
		})
	}
}

func TestThousands(t *testing.T) {
	t.Parallel()
	tests := []struct {
		n    int64
		want string
	}{
		{0, "0"},
		{1, "1"},
		{-1, "-1"},
		{99, "99"},
		{999, "999"},
		{1000, "1.000"},
		{-1000, "-1.000"},
		{12345, "12.345"},
		{123456, "123.456"},
		{2180684, "2.180.684"},
		{math.MaxInt64, "9.223.372.036.854.775.807"},
		{math.MinInt64, "-9.223.372.036.854.775.808"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			t.Parallel()
			if got := Thousands(tc.n); got != tc.want {
				t.Errorf("Thousands(%d) = %q, want %q", tc.n, got, tc.want)
			}
		})
	}
}

func TestFormatFixed(t *testing.T) {
	t.Parallel()
	tests := []struct {
		v      int64
		places int
		want   string
	}{
		{0, 2, "0.00"},
		{1, 2, "0.01"},
		{-1, 2, "-0.01"},
		{99, 2, "0.99"},
		{-123456, 2, "-1234.56"},
		{1296662, 5, "12.96662"},
		{42, 0, "42"},
		{42, -3, "42"},
		{7, 20, "0.00000000000000000007"},
		{math.MaxInt64, 18, "9.223372036854775807"},
		{math.MinInt64, 19, "-0.9223372036854775808"},
		{math.MinInt64, 0, "-9223372036854775808"},
	}
	for _, tc := range tests {
		t.Run(tc.want, func(t *testing.T) {
			t.Parallel()
			if got := FormatFixed(tc.v, tc.places); got != tc.want {
				t.Errorf("FormatFixed(%d, %d) = %q, want %q", tc.v, tc.places, got, tc.want)
			}
		})
	}
}

func TestDates(t *testing.T) {
	t.Parallel()
	berlin := time.FixedZone("MEZ", 3600)
	tests := []struct {
		t           time.Time
		long, short string
	}{
		{time.Date(2026, time.November, 28, 12, 0, 0, 0, time.UTC), "28. November 2026", "28.11.2026"},
		{time.Date(2027, time.January, 1, 0, 0, 0, 0, time.UTC), "1. Januar 2027", "01.01.2027"},
		{time.Date(2027, time.February, 9, 0, 0, 0, 0, time.UTC), "9. Februar 2027", "09.02.2027"},
		{time.Date(2027, time.March, 31, 0, 0, 0, 0, time.UTC), "31. März 2027", "31.03.2027"},
		{time.Date(2027, time.April, 1, 0, 0, 0, 0, time.UTC), "1. April 2027", "01.04.2027"},
		{time.Date(2027, time.May, 1, 0, 0, 0, 0, time.UTC), "1. Mai 2027", "01.05.2027"},
		{time.Date(2027, time.June, 1, 0, 0, 0, 0, time.UTC), "1. Juni 2027", "01.06.2027"},
		{time.Date(2027, time.July, 1, 0, 0, 0, 0, time.UTC), "1. Juli 2027", "01.07.2027"},
		{time.Date(2027, time.August, 1, 0, 0, 0, 0, time.UTC), "1. August 2027", "01.08.2027"},
		{time.Date(2027, time.September, 1, 0, 0, 0, 0, time.UTC), "1. September 2027", "01.09.2027"},
		{time.Date(2027, time.October, 3, 0, 0, 0, 0, time.UTC), "3. Oktober 2027", "03.10.2027"},
		{time.Date(2027, time.December, 31, 0, 0, 0, 0, time.UTC), "31. Dezember 2027", "31.12.2027"},
		// The time's own location decides the day.
		{time.Date(2026, time.December, 31, 23, 30, 0, 0, time.UTC).In(berlin), "1. Januar 2027", "01.01.2027"},
		{time.Time{}, "1. Januar 1", "01.01.0001"},
	}
	for _, tc := range tests {
		t.Run(tc.short, func(t *testing.T) {
			t.Parallel()
			if got := DateLong(tc.t); got != tc.long {
				t.Errorf("DateLong = %q, want %q", got, tc.long)
			}
			if got := DateShort(tc.t); got != tc.short {
				t.Errorf("DateShort = %q, want %q", got, tc.short)
			}
		})
	}
}

func TestMonthNameOutOfRange(t *testing.T) {
	t.Parallel()
	if got := monthName(13); got != "13" {
		t.Errorf("monthName(13) = %q", got)
	}
}

func TestNoBreakSpace(t *testing.T) {
	t.Parallel()
	for _, s := range []string{Money(123), Percent(123)} {
		if strings.Contains(s, " ") || !strings.Contains(s, "\u00a0") {
			t.Errorf("%q: want U+00A0 and no plain space", s)
		}
	}
}

func TestWeight(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		in   int64
		want string
	}{{10000, "100"}, {5000, "50"}, {3350, "33,5"}, {3333, "33,33"}, {5, "0,05"}, {0, "0"}} {
		if got := Weight(tt.in); got != tt.want {
			t.Errorf("Weight(%d) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
