package format

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// nbsp is the NO-BREAK SPACE put between a number and its unit.
const nbsp = "\u00a0"

// Money formats cents as euros: "1.234.567,89 €" (U+00A0 before €),
// "-1.234,56 €", "0,01 €".
func Money(cents int64) string {
	return MoneyPlain(cents) + nbsp + "€"
}

// MoneyPlain formats cents as euros without the sign: "1.234,56".
func MoneyPlain(cents int64) string {
	return fixed(cents, 2, ",", ".")
}

// Percent formats e5 units (0.00001 %) with five decimals: "26,53499 %"
// (U+00A0 before %).
func Percent(e5 int64) string {
	return PercentPlain(e5) + nbsp + "%"
}

// PercentPlain formats e5 units with five decimals and without the sign:
// "26,53499". Integer parts of 1000 % and more are grouped like numbers.
func PercentPlain(e5 int64) string {
	return fixed(e5, 5, ",", ".")
}

// Thousands formats an integer with '.' as thousands separator:
// "2.180.684", "-1.000".
func Thousands(n int64) string {
	return fixed(n, 0, ",", ".")
}

// FormatFixed formats v, an integer in units of 10^-places, as a plain
// machine-readable decimal ("-1234.56" for v = -123456, places = 2): no
// grouping, '.' before exactly places decimals, '-' for negative values.
// It is the inverse of ParseFixed; places below 0 count as 0.
func FormatFixed(v int64, places int) string {
	return fixed(v, places, ".", "")
}

// Weight formats a weight in units of 0.01 % the way people write it,
// without trailing zeros: 5000 → "50", 3350 → "33,5", 3333 → "33,33".
func Weight(hundredths int64) string {
	s := fixed(hundredths, 2, ",", "")
	s = strings.TrimRight(s, "0")
	return strings.TrimSuffix(s, ",")
}

// fixed formats v / 10^places with the given separators, working on the
// decimal digits of |v| so that every int64 and every places is exact.
func fixed(v int64, places int, dec, group string) string {
	places = max(places, 0)
	mag := uint64(v)
	if v < 0 {
		mag = -mag // two's complement: exact also for math.MinInt64
	}
	digits := strconv.FormatUint(mag, 10)
	if len(digits) <= places {
		digits = strings.Repeat("0", places+1-len(digits)) + digits
	}
	intPart, frac := digits[:len(digits)-places], digits[len(digits)-places:]

	var b strings.Builder
	if v < 0 {
		b.WriteByte('-')
	}
	for i := range len(intPart) {
		if i > 0 && group != "" && (len(intPart)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteByte(intPart[i])
	}
	if places > 0 {
		b.WriteString(dec)
		b.WriteString(frac)
	}
	return b.String()
}

// DateLong formats a date as "28. November 2026" (day without leading
// zero, German month name). The time's own location is used.
func DateLong(t time.Time) string {
	return fmt.Sprintf("%d. %s %d", t.Day(), monthName(t.Month()), t.Year())
}

// DateShort formats a date as "28.11.2026" (two-digit day and month). The
// time's own location is used.
func DateShort(t time.Time) string {
	return fmt.Sprintf("%02d.%02d.%04d", t.Day(), int(t.Month()), t.Year())
}

// monthName returns the German name of a month.
func monthName(m time.Month) string {
	switch m {
	case time.January:
		return "Januar"
	case time.February:
		return "Februar"
	case time.March:
		return "März"
	case time.April:
		return "April"
	case time.May:
		return "Mai"
	case time.June:
		return "Juni"
	case time.July:
		return "Juli"
	case time.August:
		return "August"
	case time.September:
		return "September"
	case time.October:
		return "Oktober"
	case time.November:
		return "November"
	case time.December:
		return "Dezember"
	}
	return strconv.Itoa(int(m))
}
