package format

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// ParseGermanE5 parses a percentage written the German way, as Percent
// and PercentPlain write it — "26,53499 %", "26,53499", "50 %", "-0,5 %"
// — into e5 units (0.00001 %), exactly from its text, never via float64.
// The '%' may follow the number directly or after one space, no-break
// space (U+00A0) or narrow no-break space (U+202F). At most five decimals
// follow the comma, and the absolute value must not exceed 100 % (MaxE5).
//
// A decimal point ("26.5 %") is rejected rather than guessed: in German
// text it would be a thousands separator, which no percentage up to 100 %
// has. Errors wrap the same sentinels as ParseE5.
func ParseGermanE5(text string) (int64, error) {
	if text == "" {
		return 0, ErrEmpty
	}
	num := text
	if rest, ok := strings.CutSuffix(num, "%"); ok {
		num = rest
		for _, sp := range []string{" ", "\u00a0", "\u202f"} {
			if rest, ok := strings.CutSuffix(num, sp); ok {
				num = rest
				break
			}
		}
	}
	const hint = " (deutsche Schreibweise mit Dezimalkomma, z. B. „26,53499 %“)"
	switch {
	case num == "":
		return 0, fmt.Errorf("„%s“: %w%s", text, ErrSyntax, hint)
	case strings.IndexFunc(num, unicode.IsSpace) >= 0:
		return 0, fmt.Errorf("„%s“: %w", text, ErrSpace)
	case num[0] == '+':
		return 0, fmt.Errorf("„%s“: %w", text, ErrPlus)
	case strings.ContainsAny(num, "._'’") || strings.Count(num, ",") > 1:
		return 0, fmt.Errorf("„%s“: %w%s", text, ErrSeparator, hint)
	}
	literal := strings.Replace(num, ",", ".", 1)
	if isExponent(literal) {
		return 0, fmt.Errorf("„%s“: %w", text, ErrExponent)
	}
	v, err := ParseFixed(literal, 5)
	if err != nil {
		// ParseFixed quotes the converted literal; quote the text as
		// written instead, keeping the sentinel.
		for _, s := range []error{ErrSyntax, ErrDecimals, ErrRange} {
			if errors.Is(err, s) {
				if s == ErrDecimals {
					return 0, fmt.Errorf("„%s“: %w (höchstens fünf Nachkommastellen)", text, s)
				}
				return 0, fmt.Errorf("„%s“: %w%s", text, s, hint)
			}
		}
		return 0, fmt.Errorf("„%s“: %w", text, err)
	}
	if v > MaxE5 || v < -MaxE5 {
		return 0, fmt.Errorf("„%s“: %w (höchstens 100 %%)", text, ErrRange)
	}
	return v, nil
}
