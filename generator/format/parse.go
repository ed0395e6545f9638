package format

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// MaxCents is the largest absolute amount ParseCents accepts: 10^13 cents
// (100 billion euros).
const MaxCents int64 = 10_000_000_000_000

// MaxE5 is the largest absolute percentage ParseE5 accepts: 100 % in e5
// units.
const MaxE5 int64 = 10_000_000

// maxPlaces is the largest number of decimals ParseFixed supports (10^18
// still fits into int64).
const maxPlaces = 18

// ParseCents parses a euro amount such as "480000", "480000.5",
// "480000.00" or "-3" into cents, exactly from its text. At most two
// decimals are allowed, and the absolute value must not exceed MaxCents.
func ParseCents(literal string) (int64, error) {
	v, err := ParseFixed(literal, 2)
	if err != nil {
		return 0, err
	}
	if v > MaxCents || v < -MaxCents {
		return 0, fmt.Errorf("„%s“: %w (Betrag höchstens %s)", literal, ErrRange, Money(MaxCents))
	}
	return v, nil
}

// ParseE5 parses a percentage such as "12.96662" or "50" into e5 units
// (0.00001 %; "50" → 5000000). At most five decimals are allowed, and the
// absolute value must not exceed 100 % (MaxE5).
func ParseE5(literal string) (int64, error) {
	v, err := ParseFixed(literal, 5)
	if err != nil {
		return 0, err
	}
	if v > MaxE5 || v < -MaxE5 {
		return 0, fmt.Errorf("„%s“: %w (höchstens 100 %%)", literal, ErrRange)
	}
	return v, nil
}

// ParseFixed parses a plain decimal literal into an integer in units of
// 10^-places ("1.5" with places 2 → 150), exactly from its text, never via
// float64. The literal is an optional '-', one or more ASCII digits, and
// optionally '.' followed by one to places digits. places must lie in
// [0, 18]; the result must fit into int64. FormatFixed is the inverse.
func ParseFixed(literal string, places int) (int64, error) {
	if places < 0 || places > maxPlaces {
		return 0, fmt.Errorf("%d: %w (erlaubt 0 bis %d)", places, ErrPlaces, maxPlaces)
	}
	if err := classify(literal); err != nil {
		return 0, err
	}

	s := literal
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	if !allDigits(intPart) || (hasDot && !allDigits(frac)) {
		return 0, fmt.Errorf("„%s“: %w", literal, ErrSyntax)
	}
	if len(frac) > places {
		return 0, fmt.Errorf("„%s“: %w (höchstens %s)", literal, ErrDecimals, placesText(places))
	}

	// Accumulate the magnitude in uint64; the limit is 2^63 for negative
	// values (math.MinInt64) and 2^63-1 otherwise.
	limit := uint64(math.MaxInt64)
	if neg {
		limit++
	}
	var mag uint64
	digits := intPart + frac + strings.Repeat("0", places-len(frac))
	for i := range len(digits) {
		d := uint64(digits[i] - '0')
		if mag > (limit-d)/10 {
			return 0, fmt.Errorf("„%s“: %w", literal, ErrRange)
		}
		mag = mag*10 + d
	}
	if neg {
		return int64(-mag), nil // exact also for 2^63 → math.MinInt64
	}
	return int64(mag), nil
}

// classify reports the first specific problem of a literal: empty, white
// space, leading '+', exponent, separators. Other malformations are left
// to the syntax check.
func classify(literal string) error {
	if literal == "" {
		return ErrEmpty
	}
	if strings.IndexFunc(literal, unicode.IsSpace) >= 0 {
		return fmt.Errorf("„%s“: %w", literal, ErrSpace)
	}
	if literal[0] == '+' {
		return fmt.Errorf("„%s“: %w", literal, ErrPlus)
	}
	if isExponent(literal) {
		return fmt.Errorf("„%s“: %w", literal, ErrExponent)
	}
	if strings.ContainsAny(literal, ",_'’") || strings.Count(literal, ".") > 1 {
		return fmt.Errorf("„%s“: %w", literal, ErrSeparator)
	}
	return nil
}

// isExponent reports a literal of the form mantissa [eE] [+-] digits.
func isExponent(literal string) bool {
	i := strings.IndexAny(literal, "eE")
	if i <= 0 || i == len(literal)-1 {
		return false
	}
	mant, exp := literal[:i], literal[i+1:]
	mant = strings.TrimPrefix(mant, "-")
	exp = strings.TrimLeft(exp, "+-")
	return mant != "" && exp != "" &&
		strings.Trim(mant, "0123456789.") == "" && allDigits(exp)
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// placesText says "zwei Nachkommastellen" etc.
func placesText(places int) string {
	switch places {
	case 0:
		return "keine Nachkommastellen"
	case 1:
		return "eine Nachkommastelle"
	}
	words := []string{2: "zwei", 3: "drei", 4: "vier", 5: "fünf", 6: "sechs", 7: "sieben", 8: "acht", 9: "neun"}
	if places < len(words) {
		return words[places] + " Nachkommastellen"
	}
	return strconv.Itoa(places) + " Nachkommastellen"
}
