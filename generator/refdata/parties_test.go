package refdata

import (
	"slices"
	"testing"
)

func TestParties(t *testing.T) {
	t.Parallel()
	want := []Party{
		{"BW", "Baden-Württemberg", "Land Baden-Württemberg", "das Land Baden-Württemberg", "des Landes Baden-Württemberg", "dem Land Baden-Württemberg", "das Land Baden-Württemberg", true},
		{"BY", "Bayern", "Freistaat Bayern", "der Freistaat Bayern", "des Freistaates Bayern", "dem Freistaat Bayern", "den Freistaat Bayern", true},
		{"BE", "Berlin", "Land Berlin", "das Land Berlin", "des Landes Berlin", "dem Land Berlin", "das Land Berlin", true},
		{"BB", "Brandenburg", "Land Brandenburg", "das Land Brandenburg", "des Landes Brandenburg", "dem Land Brandenburg", "das Land Brandenburg", true},
		{"HB", "Bremen", "Freie Hansestadt Bremen", "die Freie Hansestadt Bremen", "der Freien Hansestadt Bremen", "der Freien Hansestadt Bremen", "die Freie Hansestadt Bremen", true},
		{"HH", "Hamburg", "Freie und Hansestadt Hamburg", "die Freie und Hansestadt Hamburg", "der Freien und Hansestadt Hamburg", "der Freien und Hansestadt Hamburg", "die Freie und Hansestadt Hamburg", true},
		{"HE", "Hessen", "Land Hessen", "das Land Hessen", "des Landes Hessen", "dem Land Hessen", "das Land Hessen", true},
		{"MV", "Mecklenburg-Vorpommern", "Land Mecklenburg-Vorpommern", "das Land Mecklenburg-Vorpommern", "des Landes Mecklenburg-Vorpommern", "dem Land Mecklenburg-Vorpommern", "das Land Mecklenburg-Vorpommern", true},
		{"NI", "Niedersachsen", "Land Niedersachsen", "das Land Niedersachsen", "des Landes Niedersachsen", "dem Land Niedersachsen", "das Land Niedersachsen", true},
		{"NW", "Nordrhein-Westfalen", "Land Nordrhein-Westfalen", "das Land Nordrhein-Westfalen", "des Landes Nordrhein-Westfalen", "dem Land Nordrhein-Westfalen", "das Land Nordrhein-Westfalen", true},
		{"RP", "Rheinland-Pfalz", "Land Rheinland-Pfalz", "das Land Rheinland-Pfalz", "des Landes Rheinland-Pfalz", "dem Land Rheinland-Pfalz", "das Land Rheinland-Pfalz", true},
		{"SL", "Saarland", "Saarland", "das Saarland", "des Saarlandes", "dem Saarland", "das Saarland", true},
		{"SN", "Sachsen", "Freistaat Sachsen", "der Freistaat Sachsen", "des Freistaates Sachsen", "dem Freistaat Sachsen", "den Freistaat Sachsen", true},
		{"ST", "Sachsen-Anhalt", "Land Sachsen-Anhalt", "das Land Sachsen-Anhalt", "des Landes Sachsen-Anhalt", "dem Land Sachsen-Anhalt", "das Land Sachsen-Anhalt", true},
		{"SH", "Schleswig-Holstein", "Land Schleswig-Holstein", "das Land Schleswig-Holstein", "des Landes Schleswig-Holstein", "dem Land Schleswig-Holstein", "das Land Schleswig-Holstein", true},
		{"TH", "Thüringen", "Freistaat Thüringen", "der Freistaat Thüringen", "des Freistaates Thüringen", "dem Freistaat Thüringen", "den Freistaat Thüringen", true},
		{"BUND", "Bund", "Bundesrepublik Deutschland", "die Bundesrepublik Deutschland", "der Bundesrepublik Deutschland", "der Bundesrepublik Deutschland", "die Bundesrepublik Deutschland", false},
	}
	if got := Parties(); !slices.Equal(got, want) {
		t.Fatalf("Parties() =\n%v\nwant\n%v", got, want)
	}
	for _, w := range want {
		t.Run(w.Code, func(t *testing.T) {
			t.Parallel()
			got, ok := PartyByCode(w.Code)
			if !ok {
				t.Fatalf("PartyByCode(%q) not found", w.Code)
			}
			if got != w {
				t.Errorf("PartyByCode(%q) = %+v, want %+v", w.Code, got, w)
			}
			if IsLand(w.Code) != w.IstLand {
				t.Errorf("IsLand(%q) = %v, want %v", w.Code, !w.IstLand, w.IstLand)
			}
		})
	}
}

func TestPartyByCodeUnknown(t *testing.T) {
	t.Parallel()
	for _, code := range []string{"", "by", "DE", "Bayern", "XX"} {
		if p, ok := PartyByCode(code); ok {
			t.Errorf("PartyByCode(%q) = %+v, want not found", code, p)
		}
	}
}

func TestPartyByName(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Bremen": "HB", "freie hansestadt bremen": "HB", " Bayern ": "BY", "Freistaat Bayern": "BY",
		"by": "BY", "Saarland": "SL", "bund": "BUND", "Nordrhein-Westfalen": "NW",
	} {
		if p, ok := PartyByName(in); !ok || p.Code != want {
			t.Errorf("PartyByName(%q) = %q, %v; want %s", in, p.Code, ok, want)
		}
	}
	for _, in := range []string{"", "XY", "Bay", "Westfalen", "Freistaat"} {
		if p, ok := PartyByName(in); ok {
			t.Errorf("PartyByName(%q) = %s, want not found", in, p.Code)
		}
	}
}

func TestLandCodes(t *testing.T) {
	t.Parallel()
	want := []string{"BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH"}
	got := LandCodes()
	if !slices.Equal(got, want) {
		t.Fatalf("LandCodes() = %v, want %v", got, want)
	}
	if slices.Contains(got, BundCode) {
		t.Errorf("LandCodes() contains %s", BundCode)
	}
	bund, ok := PartyByCode(BundCode)
	if !ok || bund.IstLand {
		t.Errorf("PartyByCode(BUND) = %+v, %v; want a party that is not a Land", bund, ok)
	}
	// Returned slices are copies.
	got[0] = "XX"
	Parties()[0].Code = "XX"
	if LandCodes()[0] != "BW" || Parties()[0].Code != "BW" {
		t.Error("mutating a returned slice changed the package data")
	}
}

func TestThemenfelder(t *testing.T) {
	t.Parallel()
	want := []string{
		"Arbeit & Ruhestand", "Bauen & Wohnen", "Bildung", "Ein- & Auswanderung",
		"Engagement & Hobby", "Familie & Kind", "Forschung & Förderung", "Gesundheit",
		"Mobilität & Reisen", "Querschnitt", "Recht & Ordnung", "Steuern & Zoll",
		"Umwelt", "Unternehmensführung & -entwicklung",
	}
	if got := Themenfelder(); !slices.Equal(got, want) {
		t.Fatalf("Themenfelder() = %q, want %q", got, want)
	}
	tests := []struct {
		in   string
		want bool
	}{
		{"Bildung", true},
		{"Ein- & Auswanderung", true},
		{"Unternehmensführung & -entwicklung", true},
		{"bildung", false},
		{"Bildung ", false},
		{"Arbeit und Ruhestand", false},
		{"Mobilitaet & Reisen", false},
		{"", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			if got := IsThemenfeld(tt.in); got != tt.want {
				t.Errorf("IsThemenfeld(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestSuggest(t *testing.T) {
	t.Parallel()
	keys := []string{"jahr", "quelle", "werte"}
	tests := []struct {
		word string
		cand []string
		want string
	}{
		{"quele", keys, "quelle"},
		{"Quelle", keys, "quelle"},
		{"jar", keys, "jahr"},
		{"wert", keys, "werte"},
		{"foo", keys, ""},
		{"quellenangabe", keys, ""},
		{"Bayren", []string{"Bayern", "Berlin"}, "Bayern"},
		{"x", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			t.Parallel()
			if got := Suggest(tt.word, tt.cand); got != tt.want {
				t.Errorf("Suggest(%q, %q) = %q, want %q", tt.word, tt.cand, got, tt.want)
			}
		})
	}
}

func TestOfficialRank(t *testing.T) {
	t.Parallel()
	want := []string{BundCode, "BW", "BY", "BE", "BB", "HB", "HH", "HE", "MV", "NI", "NW", "RP", "SL", "SN", "ST", "SH", "TH", "XX"}
	got := slices.Clone(want)
	slices.Reverse(got)
	slices.SortStableFunc(got, func(a, b string) int { return OfficialRank(a) - OfficialRank(b) })
	if !slices.Equal(got, want) {
		t.Errorf("sorted by OfficialRank: %v, want %v", got, want)
	}
}
