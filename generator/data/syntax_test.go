package data

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// syntaxErr decodes src and returns its single error, which must be a
// YAML syntax error.
func syntaxErr(t *testing.T, src string) Error {
	t.Helper()
	_, err := Decode("p.yaml", []byte(src), ref)
	var es Errors
	if !errors.As(err, &es) || len(es) != 1 {
		t.Fatalf("want one error, got %v", err)
	}
	if !strings.HasPrefix(es[0].Msg, "YAML-Syntaxfehler") {
		t.Fatalf("not a syntax error: %v", es[0])
	}
	return es[0]
}

// TestYAMLSyntaxErrors: the parser's messages were English and named the
// line where the enclosing block began (24:1 for a wrong indent at 31:6,
// off by one besides). A syntax error now names the line and column of
// the mistake, says in German what it is (Einrückung, Tabulator, fehlender
// Doppelpunkt, nicht geschlossenes Anführungszeichen …) and shows the line
// with a caret under the column.
func TestYAMLSyntaxErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, old, new string
		line, col      int
		hint           string
	}{
		{"deeper than its siblings", "  beginn: 2027-01-01", "   beginn: 2027-01-01", 14, 4,
			"Einrückung – die Zeile ist tiefer eingerückt (3 Leerzeichen) als „form:“ in Zeile 13 (2 Leerzeichen), das schon einen Wert hat"},
		{"between two levels", "  beginn: 2027-01-01", " beginn: 2027-01-01", 14, 2,
			"Einrückung – die Zeile ist 1 Leerzeichen tief eingerückt; das passt zu keiner Ebene darüber: 2 Leerzeichen (Zeile 13) oder 0 (Zeile 12)"},
		{"back to no level after a block", "  ozg: [{id: \"10092\", bezeichnung: Wohngeld}]\n", "  ozg:\n      - id: \"10092\"\n    bezeichnung: Wohngeld\n", 10, 5,
			"Einrückung – die Zeile ist 4 Leerzeichen tief eingerückt; das passt zu keiner Ebene darüber: 8 Leerzeichen (Zeile 9), 6 (Zeile 9) oder 2 (Zeile 8); so tief einrücken wie die Schlüssel, zu denen sie gehört"},
		{"first entry of a section too deep", "  nachnutzungsmodell: efa\n", "  nachnutzungsmodell: efa\n  reifegrad:\n      ist: 3\n    ziel: 4\n    modell: \"1.1\"\n", 13, 7,
			"Einrückung – „ist:“ ist 6 Leerzeichen tief eingerückt, der nächste Eintrag desselben Abschnitts in Zeile 14 aber 4; alle Einträge eines Abschnitts gleich tief einrücken"},
		{"list entry among keys", "  form: ring\n", "  form: ring\n  - beginn: 2027-01-01\n", 14, 3,
			"Einrückung – ein Listeneintrag „- “ steht auf der Ebene der Schlüssel von Zeile 13"},
		{"key among list entries", "  - {land: ST,", "  land: XX\n  - {land: ST,", 18, 3,
			"Einrückung – der Schlüssel „land:“ steht auf der Ebene der Listeneinträge von Zeile 17"},
		{"tab as indentation", "  beginn: 2027-01-01", "\tbeginn: 2027-01-01", 14, 1,
			"Tabulator in der Einrückung – YAML rückt nur mit Leerzeichen ein; den Tabulator durch Leerzeichen ersetzen"},
		{"tab after spaces", "  beginn: 2027-01-01", "  \tbeginn: 2027-01-01", 14, 3,
			"Tabulator in der Einrückung"},
		{"tab at the top level", "vertrag:", "\tvertrag:", 12, 1,
			"Tabulator in der Einrückung"},
		{"missing colon", "  beginn: 2027-01-01", "  beginn 2027-01-01", 14, 9,
			"fehlender Doppelpunkt – nach dem Schlüssel „beginn“ fehlt „:“ (Form „schlüssel: wert“)"},
		{"missing colon on the first key of a section", "  form: ring", "  form ring", 13, 7,
			"fehlender Doppelpunkt – nach dem Schlüssel „form“ fehlt „:“"},
		{"missing colon on a key alone", "  version: 1.0\n", "  version: 1.0\n  farbe\n", 6, 8,
			"fehlender Doppelpunkt – nach dem Schlüssel „farbe“ fehlt „:“"},
		{"missing space after the colon", "  form: ring", "  form:ring", 13, 8,
			"fehlendes Leerzeichen – nach „form:“ muss ein Leerzeichen stehen (Form „schlüssel: wert“)"},
		{"missing space after the dash", "  - {land: ST,", "  -land: ST\n  - {land: ST,", 18, 4,
			"fehlendes Leerzeichen – nach dem „-“ eines Listeneintrags muss ein Leerzeichen stehen"},
		{"unclosed double quote", `themenfeld: "Bauen & Wohnen"`, `themenfeld: "Bauen & Wohnen`, 10, 15,
			"nicht geschlossenes Anführungszeichen – das „\"“ wird vor Zeile 11 mit dem nächsten Schlüssel nicht geschlossen; am Ende des Werts ergänzen"},
		{"unclosed single quote", `themenfeld: "Bauen & Wohnen"`, `themenfeld: 'Bauen & Wohnen`, 10, 15,
			"nicht geschlossenes Anführungszeichen – das „'“ wird vor Zeile 11 mit dem nächsten Schlüssel nicht geschlossen"},
		{"quote never closed", "    - {gewicht: 100, art: koenigstein, jahr: 2016}", "    - {gewicht: 100, art: \"koenigstein, jahr: 2016}", 25, 27,
			"nicht geschlossenes Anführungszeichen – das „\"“ wird bis zum Ende der Datei nicht geschlossen"},
		{"unclosed bracket", `leika: ["99107023000000"]`, `leika: ["99107023000000"`, 9, 10,
			"nicht geschlossene Klammer – zu „[“ fehlt „]“ vor Zeile 10 mit dem nächsten Schlüssel"},
		{"unclosed brace at the end", "jahr: 2016}", "jahr: 2016", 25, 7,
			"nicht geschlossene Klammer – zu „{“ fehlt „}“ bis zum Ende der Datei"},
		{"invalid UTF-8", "online_dienst: Wohngeld online", "online_dienst: Wohngeld \xfcnline", 7, 27,
			"ungültiges UTF-8 (Byte 0xFC) – die Datei als UTF-8 speichern"},
		{"control character", "online_dienst: Wohngeld online", "online_dienst: Wohngeld\x07online", 7, 26,
			"Steuerzeichen U+0007 ist in einer YAML-Datei nicht erlaubt – entfernen"},
		// Not recognised by the scan: the parser's message, in German, at
		// the line it names, the caret at the line's first character.
		{"unknown escape", `titel: "Nachnutzung „Wohngeld“"`, `titel: "Nachnutzung \q"`, 2, 3,
			"unbekannte Escape-Sequenz in doppelten Anführungszeichen – „\\“ als „\\\\“ schreiben oder einfache Anführungszeichen verwenden"},
		// YAML refuses a tab at the start of a line even when the line
		// is blank otherwise.
		{"blank line with a tab", "vertrag:\n", "vertrag:\n \t \n", 13, 2,
			"Tabulator in der Einrückung"},
		{"comment after a tab", "vertrag:\n", "vertrag:\n\t# Vertrag\n", 13, 1,
			"Tabulator in der Einrückung"},
		// A multi-line plain value before the mistake is no mistake.
		{"continued value before a tab", "  online_dienst: Wohngeld online\n", "  online_dienst: Wohngeld\n    online\n", 15, 1,
			"Tabulator in der Einrückung"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			if !strings.Contains(minimal, tt.old) {
				t.Fatalf("test setup: %q not in minimal", tt.old)
			}
			src := strings.Replace(minimal, tt.old, tt.new, 1)
			if tt.name == "continued value before a tab" {
				src = strings.Replace(src, "  beginn: 2027-01-01", "\tbeginn: 2027-01-01", 1)
			}
			e := syntaxErr(t, src)
			if e.Pos != (Pos{tt.line, tt.col}) {
				t.Errorf("position %d:%d, want %d:%d (%s)", e.Pos.Line, e.Pos.Col, tt.line, tt.col, e.Msg)
			}
			if !strings.HasPrefix(e.Msg, "YAML-Syntaxfehler: "+tt.hint) {
				t.Errorf("message\n  %s\nwant prefix\n  YAML-Syntaxfehler: %s", e.Msg, tt.hint)
			}
			if want := strings.Split(src, "\n")[tt.line-1]; e.Source != want {
				t.Errorf("source line %q, want %q", e.Source, want)
			}
		})
	}
}

// TestYAMLSyntaxErrorText pins the whole report: position, message, the
// line and a caret under the column; tabs shown as →, so the caret lines
// up and the tab is visible.
func TestYAMLSyntaxErrorText(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, old, new, want string }{
		{"indentation", "  beginn: 2027-01-01", "   beginn: 2027-01-01",
			"p.yaml:14:4: YAML-Syntaxfehler: Einrückung – die Zeile ist tiefer eingerückt (3 Leerzeichen) als „form:“ in Zeile 13 (2 Leerzeichen), das schon einen Wert hat; so tief einrücken wie die anderen Schlüssel des Abschnitts\n" +
				"   14 |    beginn: 2027-01-01\n" +
				"      |    ^"},
		{"tab", "  beginn: 2027-01-01", "  \tbeginn: 2027-01-01",
			"p.yaml:14:3: YAML-Syntaxfehler: Tabulator in der Einrückung – YAML rückt nur mit Leerzeichen ein; den Tabulator durch Leerzeichen ersetzen\n" +
				"   14 |   →beginn: 2027-01-01\n" +
				"      |   ^"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := syntaxErr(t, strings.Replace(minimal, tt.old, tt.new, 1)).Error()
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// FuzzSyntaxError: for any text the parser refuses, the report names a
// line of the file (or none) and a column within it plus one, shows
// that line, and never panics.
func FuzzSyntaxError(f *testing.F) {
	for _, s := range []string{
		minimal,
		strings.Replace(minimal, "  beginn:", "   beginn:", 1),
		strings.Replace(minimal, "  beginn:", "\tbeginn:", 1),
		strings.Replace(minimal, "  form: ring", "  form ring", 1),
		strings.Replace(minimal, `"Bauen & Wohnen"`, `"Bauen & Wohnen`, 1),
		strings.Replace(minimal, `["99107023000000"]`, `["99107023000000"`, 1),
		"a:\n  - b: 1\n   c: 2\n",
		"a: |\n  x\n\ty\nb: [\n",
		"- - a\n  -b\n",
		"a: 'x''\n",
		"\xff\xfea\x00:\x00 \x00[\x00",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var doc yaml.Node
		err := yaml.Unmarshal(src, &doc)
		if err == nil {
			return
		}
		e := syntaxError("p.yaml", src, err)
		lines := strings.Split(sourceText(src), "\n")
		if e.Pos.Line < 0 || e.Pos.Line > len(lines) {
			t.Fatalf("line %d of %d", e.Pos.Line, len(lines))
		}
		if e.Pos.Line > 0 {
			if n := utf8.RuneCountInString(strings.TrimSuffix(lines[e.Pos.Line-1], "\r")); e.Pos.Col < 1 || e.Pos.Col > n+1 {
				t.Fatalf("column %d of a line of %d characters: %s", e.Pos.Col, n, e.Msg)
			}
		}
		if !strings.HasPrefix(e.Msg, "YAML-Syntaxfehler") {
			t.Fatalf("message %q", e.Msg)
		}
		_ = e.Error()
	})
}

// TestYAMLSyntaxInlineMapping: the keys of a "- key: value" entry line up
// with the key after the dash; a later key out of line is the mistake,
// never the key after the dash.
func TestYAMLSyntaxInlineMapping(t *testing.T) {
	t.Parallel()
	src := strings.Replace(minimal, "  - {land: ST, rolle: nachnutzend, vertreten_durch: das Ministerium für Infrastruktur und Digitales}\n",
		"  - land: ST\n    rolle: nachnutzend\n   vertreten_durch: das Ministerium\n   kommune: Magdeburg\n", 1)
	e := syntaxErr(t, src)
	if e.Pos != (Pos{20, 4}) || !strings.Contains(e.Msg, "passt zu keiner Ebene darüber: 4 Leerzeichen (Zeile 19) oder 2 (Zeile 18)") {
		t.Errorf("%v", e)
	}
}
