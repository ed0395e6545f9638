// Package format renders numbers and dates the German way and parses exact
// decimal literals, all without floating point and without locale
// libraries.
//
// Output conventions: the thousands separator is '.', the decimal separator
// ',', and a NO-BREAK SPACE (U+00A0) stands between a number and its unit
// ("1.234.567,89 €", "26,53499 %"), so that a line never breaks between
// them. Money is given in integer cents, percentages in e5 units
// (0.00001 %, so 100 % = 10,000,000). Every function is pure and handles
// the whole int64 range, math.MinInt64 included.
//
// Input conventions: ParseCents, ParseE5 and ParseFixed read plain decimal
// literals as written in the project's data files ("480000.50", "-3",
// "12.96662") from their text, digit by digit; they reject everything else
// (exponents, separators, spaces, a leading '+', too many decimals, too
// large values) with a German message wrapping one of the sentinel errors.
// ParseGermanE5 reads a percentage as documents show it ("26,53499 %"),
// with the same exactness and the same sentinels.
package format
