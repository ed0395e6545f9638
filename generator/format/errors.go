package format

import "errors"

// Sentinel errors of the parsers. Every parse error wraps exactly one of
// them (test with errors.Is); the message quotes the literal in German.
var (
	// ErrEmpty reports an empty literal.
	ErrEmpty = errors.New("leere Zahl")
	// ErrSpace reports white space (including no-break spaces) in a literal.
	ErrSpace = errors.New("Leerzeichen sind nicht erlaubt")
	// ErrPlus reports a leading '+'.
	ErrPlus = errors.New("führendes Pluszeichen ist nicht erlaubt")
	// ErrExponent reports exponent notation such as "1e5".
	ErrExponent = errors.New("Exponentenschreibweise ist nicht erlaubt")
	// ErrSeparator reports thousands separators or a decimal comma
	// ("1.000.000", "1,5", "1_000", "1'000"); only one '.' may separate
	// the decimals.
	ErrSeparator = errors.New("Tausendertrennzeichen und Dezimalkomma sind nicht erlaubt, Dezimaltrenner ist der Punkt")
	// ErrSyntax reports any other malformed literal ("abc", "1.", ".5", "-").
	ErrSyntax = errors.New("keine gültige Dezimalzahl")
	// ErrDecimals reports more decimal places than allowed.
	ErrDecimals = errors.New("zu viele Nachkommastellen")
	// ErrRange reports a value outside the allowed range.
	ErrRange = errors.New("Wert außerhalb des zulässigen Bereichs")
	// ErrPlaces reports an invalid number of decimal places passed to
	// ParseFixed (allowed: 0 to 18).
	ErrPlaces = errors.New("ungültige Anzahl Nachkommastellen")
)
