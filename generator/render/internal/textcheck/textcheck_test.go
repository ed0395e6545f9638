package textcheck

import (
	"errors"
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	t.Parallel()
	ok := map[string]string{
		"":                          "",
		"Vereinbarung §\u00a07":     "Vereinbarung §\u00a07",
		"a\tb\nc":                   "a\tb\nc",
		"Mu\u0308nchen":             "München", // NFD → NFC
		"&<>\"' € „“ \u200b \u202e": "&<>\"' € „“ \u200b \u202e",
	}
	for in, want := range ok {
		got, err := Clean(in)
		if err != nil || got != want {
			t.Errorf("Clean(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	bad := map[string]string{
		"a\x00b":           `U+0000 an Byte 1 in "a\x00b"`,
		"a\rb":             `U+000D an Byte 1 in "a\rb"`,
		"ab\x7f":           `U+007F an Byte 2`,
		"x\u0085":          `U+0085 an Byte 1`,
		"\ufffe":           `U+FFFE an Byte 0`,
		"\uffff":           `U+FFFF an Byte 0`,
		"ä\xffö":           `ungültiges UTF-8 (Byte 0xFF) an Byte 2 in "ä\xffö"`,
		"Text mit \x01 in": `U+0001 an Byte 9 in "Text mit \x01 in"`,
	}
	for in, want := range bad {
		got, err := Clean(in)
		if !errors.Is(err, ErrInvalidChar) || got != "" {
			t.Errorf("Clean(%q) = %q, %v; want ErrInvalidChar", in, got, err)
			continue
		}
		if msg := err.Error(); !strings.HasPrefix(msg, "unzulässiges Zeichen ") || !strings.Contains(msg, want) {
			t.Errorf("Clean(%q): %q, want it to contain %q", in, msg, want)
		}
	}
}

func TestExcerpt(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("ä", 40) // 80 bytes, 2 per rune
	tests := []struct {
		s    string
		i    int
		want string
	}{
		{"kurz", 2, "kurz"},
		{strings.Repeat("a", 100), 50, "…" + strings.Repeat("a", 60) + "…"},
		{strings.Repeat("a", 100), 0, strings.Repeat("a", 30) + "…"},
		{strings.Repeat("a", 100), 99, "…" + strings.Repeat("a", 31)},
		// Cut at rune boundaries: 31 bytes back lands inside an ä.
		{long, 41, "…" + strings.Repeat("ä", 15) + strings.Repeat("ä", 16) + "…"},
	}
	for _, tt := range tests {
		got := Excerpt(tt.s, tt.i)
		if got != tt.want {
			t.Errorf("Excerpt(%q, %d) = %q, want %q", tt.s, tt.i, got, tt.want)
		}
		if !strings.Contains(tt.s, strings.Trim(got, "…")) {
			t.Errorf("Excerpt(%q, %d) = %q is not a piece of the text", tt.s, tt.i, got)
		}
	}
}
