package sheets

import "testing"

// TestCSVFormulaInjection: text from a project file that begins like a
// formula is written as plain text; numbers, also negative ones, stay
// numbers.
func TestCSVFormulaInjection(t *testing.T) {
	for _, c := range []struct {
		in   cell
		k    kind
		want string
	}{
		{str(`=HYPERLINK("http://example.org";"Klick")`), text, `'=HYPERLINK("http://example.org";"Klick")`},
		{str("+49 391 0000"), text, "'+49 391 0000"},
		{str("-Entwurf-"), text, "'-Entwurf-"},
		{str("@SUMME(A1)"), text, "'@SUMME(A1)"},
		{str("\tTab"), text, "'\tTab"},
		{str("Wohngeld"), text, "Wohngeld"},
		{str("a=b"), text, "a=b"},
		{num(-12345), money, "-123,45"},
		// TestCSVReifegradmodellNotADate: German Excel reads "1.1" as the
		// 1st of January; a constant text formula keeps it text
		{str("1.1"), text, `="1.1"`},
		{str("24.12.2026"), text, `="24.12.2026"`},
		{str("2.0"), text, "2.0"},
		{str("10092"), text, "10092"},
	} {
		if got := csvText(c.in, c.k); got != c.want {
			t.Errorf("csvText(%q) = %q, erwartet %q", c.in.s, got, c.want)
		}
	}
}
