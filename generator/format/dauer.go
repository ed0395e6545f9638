package format

import "strconv"

// Dauer writes a duration in minutes as service levels state it, with a
// no-break space: whole hours in hours ("1 Stunde", "4 Stunden"),
// anything else in minutes ("30 Minuten", "90 Minuten", "1 Minute").
func Dauer(min int) string {
	switch {
	case min == 60:
		return "1\u00a0Stunde"
	case min > 0 && min%60 == 0:
		return strconv.Itoa(min/60) + "\u00a0Stunden"
	case min == 1:
		return "1\u00a0Minute"
	}
	return strconv.Itoa(min) + "\u00a0Minuten"
}
