package refdata

import (
	"slices"
	"strings"
)

// Party is a possible contracting party of a Verwaltungsvereinbarung: one of
// the 16 Länder or the Bund.
type Party struct {
	// Code is the short code: the ISO 3166-2:DE subdivision code without the
	// "DE-" prefix for the Länder ("BY", "ST", …), "BUND" for the Bund.
	Code string
	// Kurzname is the common short name ("Bayern", "Bremen", "Bund").
	Kurzname string
	// Name is the official style without article ("Freistaat Bayern",
	// "Freie Hansestadt Bremen", "Saarland").
	Name string
	// Nominativ is the official style with article in the nominative case
	// ("der Freistaat Bayern").
	Nominativ string
	// Genitiv is the official style with article in the genitive case
	// ("des Freistaates Bayern").
	Genitiv string
	// Dativ is the official style with article in the dative case
	// ("dem Freistaat Bayern").
	Dativ string
	// Akkusativ is the official style with article in the accusative case
	// ("den Freistaat Bayern").
	Akkusativ string
	// IstLand is true for the 16 Länder and false for the Bund.
	IstLand bool
}

// BundCode is the party code of the Bundesrepublik Deutschland, which may be
// a party to an agreement but is not a Land.
const BundCode = "BUND"

// Parties returns all known parties: the 16 Länder in the order BW, BY, BE,
// BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH, followed by the Bund.
// The returned slice is a fresh copy.
func Parties() []Party {
	return slices.Clone(mustBuiltin().parties)
}

// PartyByCode returns the party with the given code (exact, upper-case match,
// e.g. "HB" or "BUND").
func PartyByCode(code string) (Party, bool) {
	d := mustBuiltin()
	i, ok := d.byCode[code]
	if !ok {
		return Party{}, false
	}
	return d.parties[i], true
}

// PartyByName returns the party that s names, for suggestions when a code
// is expected: its code in any case ("by"), its short name ("Bremen") or
// its official name ("Freistaat Bayern"), ignoring case and surrounding
// space.
func PartyByName(s string) (Party, bool) {
	s = strings.TrimSpace(s)
	for _, p := range mustBuiltin().parties {
		if strings.EqualFold(s, p.Code) || strings.EqualFold(s, p.Kurzname) || strings.EqualFold(s, p.Name) {
			return p, true
		}
	}
	return Party{}, false
}

// LandCodes returns the codes of the 16 Länder (without the Bund) in the
// order of [Parties]. The returned slice is a fresh copy.
func LandCodes() []string {
	return slices.Clone(mustBuiltin().landCodes)
}

// IsLand reports whether code is the code of one of the 16 Länder.
func IsLand(code string) bool {
	p, ok := PartyByCode(code)
	return ok && p.IstLand
}

// OfficialRank returns a party's place in the official order of the
// parties of an agreement between the Länder (Staatspraxis, as in the
// Staatsverträge der Länder): the Bund first where it is a party, then
// the Länder in the order of [LandCodes] — Baden-Württemberg, Bayern,
// Berlin, Brandenburg, Bremen, Hamburg, Hessen, Mecklenburg-Vorpommern,
// Niedersachsen, Nordrhein-Westfalen, Rheinland-Pfalz, Saarland, Sachsen,
// Sachsen-Anhalt, Schleswig-Holstein, Thüringen. An unknown code comes
// last.
func OfficialRank(code string) int {
	d := mustBuiltin()
	if code == BundCode {
		return 0
	}
	if i := slices.Index(d.landCodes, code); i >= 0 {
		return i + 1
	}
	return len(d.landCodes) + 1
}
