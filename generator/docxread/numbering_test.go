package docxread

import "testing"

func TestFormatNumber(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		v      int
		format string
		want   string
	}{
		{1, "decimal", "1"}, {12, "decimal", "12"}, {3, "decimalZero", "03"}, {12, "decimalZero", "12"},
		{1, "lowerLetter", "a"}, {26, "lowerLetter", "z"}, {27, "lowerLetter", "aa"}, {53, "upperLetter", "AAA"},
		{4, "lowerRoman", "iv"}, {1994, "upperRoman", "MCMXCIV"}, {0, "upperRoman", "0"}, {0, "lowerLetter", "0"},
		{7, "ordinalText", "7"}, // unknown formats are decimal
	} {
		if got := formatNumber(tt.v, tt.format); got != tt.want {
			t.Errorf("formatNumber(%d, %s) = %q, want %q", tt.v, tt.format, got, tt.want)
		}
	}
}

func TestNumberingNext(t *testing.T) {
	t.Parallel()
	l := &numList{}
	for i := range l.levels {
		l.levels[i] = numLevel{format: "decimal", start: 1}
	}
	l.levels[0].text = "%1."
	l.levels[1].text = "%1.%2"
	l.levels[2] = numLevel{format: "none", start: 1}
	n := &numbering{lists: map[string]*numList{"7": l}}
	steps := []struct {
		ilvl int
		want string
	}{
		{1, "1.1"}, // level 0 not yet counted: its start value
		{0, "1."},
		{1, "1.1"},
		{1, "1.2"},
		{0, "2."},
		{1, "2.1"}, // restarted under the new level-0 item
		{2, ""},    // numFmt none
	}
	for i, s := range steps {
		got, ok := n.next("7", s.ilvl)
		if !ok || got != s.want {
			t.Errorf("step %d: next(7, %d) = %q, %v; want %q", i, s.ilvl, got, ok, s.want)
		}
	}
	for _, bad := range []struct {
		id   string
		ilvl int
	}{{"8", 0}, {"7", 9}, {"7", -1}} {
		if got, ok := n.next(bad.id, bad.ilvl); ok {
			t.Errorf("next(%s, %d) = %q, want not ok", bad.id, bad.ilvl, got)
		}
	}
	for in, want := range map[string]string{"\uf0b7": "•", "o": "•", "–": "–", "-": "–", "": "•"} {
		if got := bulletLabel(in); got != want {
			t.Errorf("bulletLabel(%q) = %q, want %q", in, got, want)
		}
	}
}
