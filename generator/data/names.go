package data

import "strings"

// windowsReserved reports whether name cannot name a file or folder on
// Windows because it is a device name: CON, PRN, AUX, NUL, COM0–COM9,
// LPT0–LPT9 (also with the superscript digits ¹ ² ³), CONIN$ and CONOUT$,
// in any case, also followed by an extension ("con.txt") or by dots and
// spaces, which Windows drops.
func windowsReserved(name string) bool {
	base, _, _ := strings.Cut(name, ".")
	base = strings.ToUpper(strings.TrimRight(base, " "))
	switch base {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	for _, dev := range []string{"COM", "LPT"} {
		if digit, ok := strings.CutPrefix(base, dev); ok {
			switch digit {
			case "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³":
				return true
			}
		}
	}
	return false
}
