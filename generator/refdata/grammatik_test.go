package refdata

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestDeclineAuthorityLaender declines a realistic masculine, feminine
// and neuter representative of every Land and the Bund into the three
// cases the documents use.
func TestDeclineAuthorityLaender(t *testing.T) {
	t.Parallel()
	type forms struct{ nom, akk, dat string }
	tests := []struct {
		land    string
		m, f, n forms
	}{
		{"BW",
			forms{"der Minister des Inneren, für Digitalisierung und Kommunen", "den Minister des Inneren, für Digitalisierung und Kommunen", "dem Minister des Inneren, für Digitalisierung und Kommunen"},
			forms{"die Ministerin für Finanzen", "die Ministerin für Finanzen", "der Ministerin für Finanzen"},
			forms{"das Staatsministerium Baden-Württemberg", "das Staatsministerium Baden-Württemberg", "dem Staatsministerium Baden-Württemberg"}},
		{"BY",
			forms{"der Bayerische Staatsminister des Innern, für Sport und Integration", "den Bayerischen Staatsminister des Innern, für Sport und Integration", "dem Bayerischen Staatsminister des Innern, für Sport und Integration"},
			forms{"die Bayerische Staatskanzlei", "die Bayerische Staatskanzlei", "der Bayerischen Staatskanzlei"},
			forms{"das Bayerische Staatsministerium für Digitales", "das Bayerische Staatsministerium für Digitales", "dem Bayerischen Staatsministerium für Digitales"}},
		{"BE",
			forms{"der Regierende Bürgermeister von Berlin", "den Regierenden Bürgermeister von Berlin", "dem Regierenden Bürgermeister von Berlin"},
			forms{"die Senatsverwaltung für Inneres und Sport", "die Senatsverwaltung für Inneres und Sport", "der Senatsverwaltung für Inneres und Sport"},
			forms{"das Landesamt für Bürger- und Ordnungsangelegenheiten", "das Landesamt für Bürger- und Ordnungsangelegenheiten", "dem Landesamt für Bürger- und Ordnungsangelegenheiten"}},
		{"BB",
			forms{"der Minister des Innern und für Kommunales", "den Minister des Innern und für Kommunales", "dem Minister des Innern und für Kommunales"},
			forms{"die Staatskanzlei des Landes Brandenburg", "die Staatskanzlei des Landes Brandenburg", "der Staatskanzlei des Landes Brandenburg"},
			forms{"das Ministerium des Innern und für Kommunales", "das Ministerium des Innern und für Kommunales", "dem Ministerium des Innern und für Kommunales"}},
		{"HB",
			forms{"der Senator für Inneres und Sport", "den Senator für Inneres und Sport", "dem Senator für Inneres und Sport"},
			forms{"die Senatorin für Finanzen", "die Senatorin für Finanzen", "der Senatorin für Finanzen"},
			forms{"das Statistische Landesamt Bremen", "das Statistische Landesamt Bremen", "dem Statistischen Landesamt Bremen"}},
		{"HH",
			forms{"der Erste Bürgermeister der Freien und Hansestadt Hamburg", "den Ersten Bürgermeister der Freien und Hansestadt Hamburg", "dem Ersten Bürgermeister der Freien und Hansestadt Hamburg"},
			forms{"die Behörde für Inneres und Sport", "die Behörde für Inneres und Sport", "der Behörde für Inneres und Sport"},
			forms{"das Amt für IT und Digitalisierung", "das Amt für IT und Digitalisierung", "dem Amt für IT und Digitalisierung"}},
		{"HE",
			forms{"der Hessische Minister für Digitalisierung und Innovation", "den Hessischen Minister für Digitalisierung und Innovation", "dem Hessischen Minister für Digitalisierung und Innovation"},
			forms{"die Hessische Ministerin für Digitalisierung und Innovation", "die Hessische Ministerin für Digitalisierung und Innovation", "der Hessischen Ministerin für Digitalisierung und Innovation"},
			forms{"das Hessische Ministerium des Innern, für Sicherheit und Heimatschutz", "das Hessische Ministerium des Innern, für Sicherheit und Heimatschutz", "dem Hessischen Ministerium des Innern, für Sicherheit und Heimatschutz"}},
		{"MV",
			forms{"der Minister für Inneres, Bau und Digitalisierung", "den Minister für Inneres, Bau und Digitalisierung", "dem Minister für Inneres, Bau und Digitalisierung"},
			forms{"die Staatskanzlei Mecklenburg-Vorpommern", "die Staatskanzlei Mecklenburg-Vorpommern", "der Staatskanzlei Mecklenburg-Vorpommern"},
			forms{"das Ministerium für Inneres, Bau und Digitalisierung", "das Ministerium für Inneres, Bau und Digitalisierung", "dem Ministerium für Inneres, Bau und Digitalisierung"}},
		{"NI",
			forms{"der Niedersächsische Ministerpräsident", "den Niedersächsischen Ministerpräsidenten", "dem Niedersächsischen Ministerpräsidenten"},
			forms{"die Niedersächsische Staatskanzlei", "die Niedersächsische Staatskanzlei", "der Niedersächsischen Staatskanzlei"},
			forms{"das Niedersächsische Ministerium für Inneres, Sport und Digitalisierung", "das Niedersächsische Ministerium für Inneres, Sport und Digitalisierung", "dem Niedersächsischen Ministerium für Inneres, Sport und Digitalisierung"}},
		{"NW",
			forms{"der Ministerpräsident des Landes Nordrhein-Westfalen", "den Ministerpräsidenten des Landes Nordrhein-Westfalen", "dem Ministerpräsidenten des Landes Nordrhein-Westfalen"},
			forms{"die Ministerin für Heimat, Kommunales, Bau und Digitalisierung", "die Ministerin für Heimat, Kommunales, Bau und Digitalisierung", "der Ministerin für Heimat, Kommunales, Bau und Digitalisierung"},
			forms{"das Ministerium des Innern des Landes Nordrhein-Westfalen", "das Ministerium des Innern des Landes Nordrhein-Westfalen", "dem Ministerium des Innern des Landes Nordrhein-Westfalen"}},
		{"RP",
			forms{"der Beauftragte der Landesregierung für Digitalisierung", "den Beauftragten der Landesregierung für Digitalisierung", "dem Beauftragten der Landesregierung für Digitalisierung"},
			forms{"die Staatskanzlei Rheinland-Pfalz", "die Staatskanzlei Rheinland-Pfalz", "der Staatskanzlei Rheinland-Pfalz"},
			forms{"das Ministerium des Innern und für Sport", "das Ministerium des Innern und für Sport", "dem Ministerium des Innern und für Sport"}},
		{"SL",
			forms{"der Chef der Staatskanzlei", "den Chef der Staatskanzlei", "dem Chef der Staatskanzlei"},
			forms{"die Ministerin für Finanzen und Wissenschaft", "die Ministerin für Finanzen und Wissenschaft", "der Ministerin für Finanzen und Wissenschaft"},
			forms{"das Ministerium für Inneres, Bauen und Sport", "das Ministerium für Inneres, Bauen und Sport", "dem Ministerium für Inneres, Bauen und Sport"}},
		{"SN",
			forms{"der Sächsische Staatsminister des Innern", "den Sächsischen Staatsminister des Innern", "dem Sächsischen Staatsminister des Innern"},
			forms{"die Sächsische Staatskanzlei", "die Sächsische Staatskanzlei", "der Sächsischen Staatskanzlei"},
			forms{"das Sächsische Staatsministerium des Innern", "das Sächsische Staatsministerium des Innern", "dem Sächsischen Staatsministerium des Innern"}},
		{"ST",
			forms{"der Präsident des Statistischen Landesamtes", "den Präsidenten des Statistischen Landesamtes", "dem Präsidenten des Statistischen Landesamtes"},
			forms{"die Ministerin für Infrastruktur und Digitales", "die Ministerin für Infrastruktur und Digitales", "der Ministerin für Infrastruktur und Digitales"},
			forms{"das Ministerium für Infrastruktur und Digitales", "das Ministerium für Infrastruktur und Digitales", "dem Ministerium für Infrastruktur und Digitales"}},
		{"SH",
			forms{"der Staatssekretär im Ministerium für Inneres, Kommunales, Wohnen und Sport", "den Staatssekretär im Ministerium für Inneres, Kommunales, Wohnen und Sport", "dem Staatssekretär im Ministerium für Inneres, Kommunales, Wohnen und Sport"},
			forms{"die Landesbeauftragte für Datenschutz Schleswig-Holstein", "die Landesbeauftragte für Datenschutz Schleswig-Holstein", "der Landesbeauftragten für Datenschutz Schleswig-Holstein"},
			forms{"das Ministerium für Inneres, Kommunales, Wohnen und Sport", "das Ministerium für Inneres, Kommunales, Wohnen und Sport", "dem Ministerium für Inneres, Kommunales, Wohnen und Sport"}},
		{"TH",
			forms{"der Thüringer Finanzminister", "den Thüringer Finanzminister", "dem Thüringer Finanzminister"},
			forms{"die Thüringer Staatskanzlei", "die Thüringer Staatskanzlei", "der Thüringer Staatskanzlei"},
			forms{"das Thüringer Ministerium für Inneres, Kommunales und Landesentwicklung", "das Thüringer Ministerium für Inneres, Kommunales und Landesentwicklung", "dem Thüringer Ministerium für Inneres, Kommunales und Landesentwicklung"}},
		{"BUND",
			forms{"der Bundesminister des Innern", "den Bundesminister des Innern", "dem Bundesminister des Innern"},
			forms{"die Bundesbeauftragte für den Datenschutz und die Informationsfreiheit", "die Bundesbeauftragte für den Datenschutz und die Informationsfreiheit", "der Bundesbeauftragten für den Datenschutz und die Informationsfreiheit"},
			forms{"das Bundesministerium des Innern", "das Bundesministerium des Innern", "dem Bundesministerium des Innern"}},
	}
	seen := map[string]bool{}
	for _, tt := range tests {
		seen[tt.land] = true
		for genus, want := range map[string]forms{"m": tt.m, "f": tt.f, "n": tt.n} {
			t.Run(tt.land+"/"+genus, func(t *testing.T) {
				t.Parallel()
				a := DeclineAuthority(want.nom)
				got := forms{a.Nominativ, a.Akkusativ, a.Dativ}
				if got != want || a.Note != NoteNone || a.Genus != genus {
					t.Errorf("DeclineAuthority(%q) = %+v, note %d, genus %q; want %+v, genus %q", want.nom, got, a.Note, a.Genus, want, genus)
				}
				// the nominative as an authority writes it at the start
				// of a line declines the same
				capital := strings.ToUpper(want.nom[:1]) + want.nom[1:]
				if b := DeclineAuthority(capital); b != a {
					t.Errorf("DeclineAuthority(%q) = %+v, want %+v", capital, b, a)
				}
			})
		}
	}
	for _, p := range Parties() {
		if !seen[p.Code] {
			t.Errorf("no representatives for %s", p.Code)
		}
	}
}

// TestDeclineAuthorityOldEntries: names entered the old way — in the
// accusative, in the dative, without article — give the same forms as the
// nominative and say so in Note.
func TestDeclineAuthorityOldEntries(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, nom, head string
		note          AuthorityNote
	}{
		{"den Senator für Inneres und Sport", "der Senator für Inneres und Sport", "Senator", NoteAccusative},
		{"Den Senator für Inneres und Sport", "der Senator für Inneres und Sport", "Senator", NoteAccusative},
		{"den Präsidenten des Statistischen Landesamtes", "der Präsident des Statistischen Landesamtes", "Präsident", NoteAccusative},
		{"den Bayerischen Staatsminister des Innern", "der Bayerische Staatsminister des Innern", "Staatsminister", NoteAccusative},
		{"den Beauftragten der Landesregierung", "der Beauftragte der Landesregierung", "Beauftragte", NoteAccusative},
		{"den Thüringer Finanzminister", "der Thüringer Finanzminister", "Finanzminister", NoteAccusative},
		{"den Niedersächsischen Ministerpräsidenten", "der Niedersächsische Ministerpräsident", "Ministerpräsident", NoteAccusative},
		{"dem Ministerium für Inneres", "das Ministerium für Inneres", "Ministerium", NoteDative},
		{"dem Senator für Finanzen", "der Senator für Finanzen", "Senator", NoteDative},
		{"Ministerium für Infrastruktur und Digitales des Landes Sachsen-Anhalt", "das Ministerium für Infrastruktur und Digitales des Landes Sachsen-Anhalt", "Ministerium", NoteNoArticle},
		{"Senatsverwaltung für Inneres und Sport", "die Senatsverwaltung für Inneres und Sport", "Senatsverwaltung", NoteNoArticle},
		{"Senator für Inneres und Sport", "der Senator für Inneres und Sport", "Senator", NoteNoArticle},
		{"Senatorin für Finanzen", "die Senatorin für Finanzen", "Senatorin", NoteNoArticle},
		{"Bayerisches Staatsministerium für Digitales", "das Bayerische Staatsministerium für Digitales", "Staatsministerium", NoteNoArticle},
		{"Regierender Bürgermeister von Berlin", "der Regierende Bürgermeister von Berlin", "Bürgermeister", NoteNoArticle},
		{"Landesbeauftragter für Datenschutz", "der Landesbeauftragte für Datenschutz", "Landesbeauftragte", NoteNoArticle},
		{"Landesbeauftragte für Datenschutz", "die Landesbeauftragte für Datenschutz", "Landesbeauftragte", NoteNoArticle},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got := DeclineAuthority(tt.in)
			want := DeclineAuthority(tt.nom)
			if got.Nominativ != tt.nom || got.Note != tt.note || got.Head != tt.head {
				t.Errorf("DeclineAuthority(%q) = %+v; want Nominativ %q, Note %d, Head %q", tt.in, got, tt.nom, tt.note, tt.head)
			}
			if got.Akkusativ != want.Akkusativ || got.Dativ != want.Dativ {
				t.Errorf("DeclineAuthority(%q) = %q, %q; want %q, %q as from the nominative", tt.in, got.Akkusativ, got.Dativ, want.Akkusativ, want.Dativ)
			}
		})
	}
}

// TestDeclineAuthorityDoubtful: what the table cannot decide stays as
// entered or follows the article, with a note.
func TestDeclineAuthorityDoubtful(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, akk, dat string
		note         AuthorityNote
	}{
		{"Text F12", "Text F12", "Text F12", NoteUnknown},
		{"die Präsidentin des Landesamtes", "die Präsidentin des Landesamtes", "der Präsidentin des Landesamtes", NoteNone},
		{"der Bauherr", "den Bauherrn", "dem Bauherrn", NoteNone},
		{"Landesbetriebsleitung Nord", "die Landesbetriebsleitung Nord", "der Landesbetriebsleitung Nord", NoteNoArticle},
		{"der Präses der Behörde für Inneres und Sport", "den Präses der Behörde für Inneres und Sport", "dem Präses der Behörde für Inneres und Sport", NoteUnknownMasculine},
		{"die Ministerium für Inneres", "die Ministerium für Inneres", "der Ministerium für Inneres", NoteGender},
		{"", "", "", NoteNone},
		// escaped for the markup, as the view hands it to templates
		{`die Staatskanzlei Rheinland\-Pfalz`, `die Staatskanzlei Rheinland\-Pfalz`, `der Staatskanzlei Rheinland\-Pfalz`, NoteNone},
		{`das Ministerium \(MI\)`, `das Ministerium \(MI\)`, `dem Ministerium \(MI\)`, NoteNone},
		{"der Senator, zugleich Bürgermeister", "den Senator, zugleich Bürgermeister", "dem Senator, zugleich Bürgermeister", NoteNone},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			t.Parallel()
			got := DeclineAuthority(tt.in)
			if got.Akkusativ != tt.akk || got.Dativ != tt.dat || got.Note != tt.note {
				t.Errorf("DeclineAuthority(%q) = %+v; want %q, %q, note %d", tt.in, got, tt.akk, tt.dat, tt.note)
			}
		})
	}
}

func TestAuthorityCase(t *testing.T) {
	t.Parallel()
	a := DeclineAuthority("der Senator für Inneres und Sport")
	for c, want := range map[string]string{CaseNominativ: a.Nominativ, CaseAkkusativ: a.Akkusativ, CaseDativ: a.Dativ} {
		if got, err := a.Case(c); err != nil || got != want {
			t.Errorf("Case(%q) = %q, %v; want %q", c, got, err, want)
		}
	}
	if _, err := a.Case("genitiv"); err == nil {
		t.Error("Case(genitiv): want an error")
	}
}

// TestParseNounsRejects: a broken head noun table is refused with the
// entry named.
func TestParseNounsRejects(t *testing.T) {
	t.Parallel()
	tests := map[string]string{
		"upper case":          "{wort: Amt, genus: n, klasse: stark}",
		"twice":               "{wort: amt, genus: n, klasse: stark}\n  - {wort: amt, genus: n, klasse: stark}",
		"no gender":           "{wort: amt, klasse: stark}",
		"adjectival gender":   "{wort: beauftragte, genus: m, klasse: adjektivisch}",
		"unknown class":       "{wort: amt, genus: n, klasse: gemischt}",
		"weak feminine":       "{wort: stelle, genus: f, klasse: schwach, genitiv: der Stelle}",
		"weak no genitive":    "{wort: präsident, genus: m, klasse: schwach}",
		"weak wrong genitive": "{wort: präsident, genus: m, klasse: schwach, genitiv: des Präsidents}",
		"strong genitive":     "{wort: senator, genus: m, klasse: stark, genitiv: des Senators}",
		"unknown field":       "{wort: amt, genus: n, klasse: stark, fall: dativ}",
	}
	for name, entry := range tests {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			fsys := fstest.MapFS{"g.yaml": {Data: []byte("kopfnomen:\n  - " + entry + "\n")}}
			if _, err := parseNounsFS(fsys, "g.yaml"); err == nil {
				t.Errorf("%s: want an error", entry)
			}
		})
	}
	good := fstest.MapFS{"g.yaml": {Data: []byte("kopfnomen:\n  - {wort: herr, genus: m, klasse: schwach, genitiv: des Herrn}\n")}}
	nouns, err := parseNounsFS(good, "g.yaml")
	if err != nil || len(nouns) != 1 || nouns[0].oblique != "n" {
		t.Fatalf("parseNounsFS = %+v, %v", nouns, err)
	}
	if a := declineAuthority(nouns, "der Herr"); a.Akkusativ != "den Herrn" {
		t.Errorf("den Herrn: got %q", a.Akkusativ)
	}
}
