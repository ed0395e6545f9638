package check

import (
	"strings"
	"testing"
)

func TestParseMoney(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"1.234.567,89", 123456789, true},
		{"1.234.567,89\u00a0€", 123456789, true},
		{"1.234,56 €", 123456, true},
		{"1234,56", 123456, true},
		{"0,01", 1, true},
		{"-0,01 €", -1, true},
		{"2.754.501,50", 275450150, true},
		{"3.000.000.000.000,00", 300000000000000, true}, // more than one amount of a project file may hold
		{"1.234,5", 0, false},
		{"1,234.56", 0, false},
		{"12.34,56", 0, false},
		{"1234.56", 0, false},
		{"–", 0, false},
		{"", 0, false},
		{"99.999.999.999.999.999.999,00", 0, false},
	} {
		got, err := parseMoney(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("parseMoney(%q) = %d, %v; want %d, ok %t", c.in, got, err, c.want, c.ok)
		}
	}
}

func TestParseShare(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want int64
		ok   bool
	}{
		{"26,53499", 2653499, true},
		{"26,53499 %", 2653499, true},
		{"26,53499\u00a0%", 2653499, true},
		{"100,00000", 10000000, true},
		{"26.53499", 0, false},
		{"26,534991", 0, false},
	} {
		got, err := parseShare(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("parseShare(%q) = %d, %v; want %d, ok %t", c.in, got, err, c.want, c.ok)
		}
	}
}

func TestNormText(t *testing.T) {
	t.Parallel()
	// NFD umlaut, no-break and narrow spaces, tabs, line breaks
	got := normText("  \u00a7\u00a07\tKostenverteilung \u202f u\u0308ber\n Abs.  2 ")
	if want := "§ 7 Kostenverteilung über Abs. 2"; got != want {
		t.Errorf("normText = %q, want %q", got, want)
	}
	if strings.Contains(normText("a\u00a0b"), "\u00a0") {
		t.Error("no-break space kept")
	}
}
