package refdata

import "slices"

// Themenfelder returns the 14 topic fields of the OZG-Umsetzungskatalog in
// their official spelling ("Arbeit & Ruhestand", …, "Unternehmensführung &
// -entwicklung"). The returned slice is a fresh copy.
func Themenfelder() []string {
	return slices.Clone(mustBuiltin().themen)
}

// IsThemenfeld reports whether s is exactly (case and spacing included) one
// of the [Themenfelder].
func IsThemenfeld(s string) bool {
	return slices.Contains(mustBuiltin().themen, s)
}
