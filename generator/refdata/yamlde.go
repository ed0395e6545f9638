package refdata

import "strings"

// germanYAML says a problem of the YAML parser in German with a hint, as
// the project file's errors do (package data has the same wording; the
// reference data cannot import it); an unknown problem is quoted as the
// parser's own words.
func germanYAML(en string) string {
	for _, pm := range [][2]string{
		{"did not find expected key", "ein Schlüssel wurde erwartet; Einrückung prüfen"},
		{"did not find expected '-' indicator", "ein Listeneintrag „- “ wurde erwartet; Einrückung prüfen"},
		{"did not find expected node content", "ein Wert wurde erwartet"},
		{"did not find expected ',' or ']'", "„,“ oder „]“ erwartet; ist eine Liste in eckigen Klammern nicht geschlossen?"},
		{"did not find expected ',' or '}'", "„,“ oder „}“ erwartet; ist ein Abschnitt in geschweiften Klammern nicht geschlossen?"},
		{"did not find expected <document start>", "ein neues YAML-Dokument wurde erwartet"},
		{"found undefined tag handle", "unbekannter Tag-Präfix; YAML-Tags entfernen"},
		{"mapping values are not allowed in this context", "„: “ ist hier nicht erlaubt; Einrückung prüfen oder den Wert in Anführungszeichen setzen"},
		{"block sequence entries are not allowed in this context", "ein Listeneintrag „- “ ist hier nicht erlaubt; Einrückung prüfen"},
		{"could not find expected ':'", "„:“ erwartet; fehlender Doppelpunkt nach einem Schlüssel?"},
		{"found character that cannot start any token", "dieses Zeichen kann hier nichts beginnen; Tabulator in der Einrückung?"},
		{"found a tab character", "Tabulator in der Einrückung; den Tabulator durch Leerzeichen ersetzen"},
		{"found unexpected end of stream", "unerwartetes Dateiende; nicht geschlossenes Anführungszeichen?"},
		{"found unknown escape character", "unbekannte Escape-Sequenz in doppelten Anführungszeichen – „\\“ als „\\\\“ schreiben oder einfache Anführungszeichen verwenden"},
		{"found unexpected document indicator", "„---“ oder „...“ am Zeilenanfang beendet das Dokument; den Wert in Anführungszeichen setzen"},
		{"did not find expected comment or line break", "nach dem Wert steht noch etwas; Kommentare beginnen mit „ #“"},
		{"invalid leading UTF-8 octet", "ungültiges UTF-8; die Datei als UTF-8 speichern"},
		{"invalid trailing UTF-8 octet", "ungültiges UTF-8; die Datei als UTF-8 speichern"},
		{"control characters are not allowed", "Steuerzeichen sind nicht erlaubt"},
		{"exceeded max depth of", "zu tief verschachtelt"},
	} {
		if strings.HasPrefix(en, pm[0]) {
			return pm[1]
		}
	}
	return "„" + en + "“ (Meldung des YAML-Parsers)"
}
