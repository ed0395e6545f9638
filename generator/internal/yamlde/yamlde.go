// Package yamlde says the problems the YAML parser go.yaml.in/yaml
// reports in English in German, with a hint how to fix them: one table
// for the project file (package data) and the reference data (package
// refdata, which cannot import data). It imports nothing of ours.
package yamlde

import "strings"

// problems are the parser's problems by the start of their English text.
// parser marks a problem of the parser proper (not of the scanner or the
// reader), whose line is the 0-based start of the enclosing block rather
// than the place of the mistake.
var problems = []struct {
	en, de string
	parser bool
}{
	{"did not find expected key", "ein Schlüssel wurde erwartet; Einrückung prüfen", true},
	{"did not find expected '-' indicator", "ein Listeneintrag „- “ wurde erwartet; Einrückung prüfen", true},
	{"did not find expected node content", "ein Wert wurde erwartet", true},
	{"did not find expected ',' or ']'", "„,“ oder „]“ erwartet; ist eine Liste in eckigen Klammern nicht geschlossen?", true},
	{"did not find expected ',' or '}'", "„,“ oder „}“ erwartet; ist ein Abschnitt in geschweiften Klammern nicht geschlossen?", true},
	{"did not find expected <document start>", "ein neues YAML-Dokument wurde erwartet", true},
	{"found undefined tag handle", "unbekannter Tag-Präfix; YAML-Tags entfernen", true},
	{"mapping values are not allowed in this context", "„: “ ist hier nicht erlaubt; Einrückung prüfen oder den Wert in Anführungszeichen setzen", false},
	{"block sequence entries are not allowed in this context", "ein Listeneintrag „- “ ist hier nicht erlaubt; Einrückung prüfen", false},
	{"could not find expected ':'", "„:“ erwartet; fehlender Doppelpunkt nach einem Schlüssel?", false},
	{"found character that cannot start any token", "dieses Zeichen kann hier nichts beginnen; Tabulator in der Einrückung?", false},
	{"found a tab character", "Tabulator in der Einrückung; den Tabulator durch Leerzeichen ersetzen", false},
	{"found unexpected end of stream", "unerwartetes Dateiende; nicht geschlossenes Anführungszeichen?", false},
	{"found unknown escape character", "unbekannte Escape-Sequenz in doppelten Anführungszeichen – „\\“ als „\\\\“ schreiben oder einfache Anführungszeichen verwenden", false},
	{"found unexpected document indicator", "„---“ oder „...“ am Zeilenanfang beendet das Dokument; den Wert in Anführungszeichen setzen", false},
	{"found invalid Unicode character escape code", "ungültige Unicode-Escape-Sequenz in doppelten Anführungszeichen", false},
	{"did not find expected hexdecimal number", "ungültige Escape-Sequenz in doppelten Anführungszeichen („\\x“, „\\u“ brauchen Hexadezimalziffern)", false},
	{"did not find expected alphabetic or numeric character", "ungültiger Anker- oder Aliasname nach „&“ oder „*“", false},
	{"did not find expected whitespace or line break", "nach einem Block-Indikator („|“, „>“) oder Tag fehlt ein Leerzeichen", false},
	{"did not find expected comment or line break", "nach dem Wert steht noch etwas; Kommentare beginnen mit „ #“", false},
	{"found an indentation indicator equal to 0", "Einrückungsangabe 0 nach „|“ oder „>“ ist nicht erlaubt", false},
	{"invalid leading UTF-8 octet", "ungültiges UTF-8; die Datei als UTF-8 speichern", false},
	{"invalid trailing UTF-8 octet", "ungültiges UTF-8; die Datei als UTF-8 speichern", false},
	{"control characters are not allowed", "Steuerzeichen sind nicht erlaubt", false},
	{"exceeded max depth of", "zu tief verschachtelt", false},
}

// Problem translates a problem of the parser (the text after
// "yaml: line N: ") into German; parser reports a problem of the parser
// proper, whose line is the 0-based start of the enclosing block. A
// problem the table does not know is quoted as the parser's own words.
func Problem(en string) (de string, parser bool) {
	for _, pm := range problems {
		if strings.HasPrefix(en, pm.en) {
			return pm.de, pm.parser
		}
	}
	return "„" + en + "“ (Meldung des YAML-Parsers)", false
}
