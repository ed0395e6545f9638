package data

import (
	"fmt"
	"strings"
	"testing"
)

// TestUmlauf follows a ring agreement through its signing round: the
// implementing Land first, then the others in the order of the head; the
// agreement enters into force with the last signature, at the earliest on
// the stated day (or the beginning).
func TestUmlauf(t *testing.T) {
	t.Parallel()
	const sig = ", unterschrift: {datum: %s, ort: Kiel, name: A, amtsbezeichnung: B}}"
	lines := map[string]string{"SH": "vertreten_durch: das Innenministerium}", "ST": "vertreten_durch: das Ministerium für Infrastruktur und Digitales}"}
	sign := func(src, land, day string) string {
		l := lines[land]
		return strings.Replace(src, l, strings.TrimSuffix(l, "}")+fmt.Sprintf(sig, day), 1)
	}
	// the stand lies after the signatures
	base := strings.Replace(minimal, "stand: 2026-11-28", "stand: 2027-03-01", 1)
	tests := []struct {
		name            string
		src             string
		signed, missing int
		next, inKraft   string
	}{
		{"none signed", base, 0, 2, "SH", ""},
		{"implementing Land signed", sign(base, "SH", "2026-11-02"), 1, 1, "ST", ""},
		{"all signed before the beginning", sign(sign(base, "SH", "2026-11-02"), "ST", "2026-11-20"), 2, 0, "", "2027-01-01"},
		{"all signed after the beginning", sign(sign(base, "SH", "2026-11-02"), "ST", "2027-02-03"), 2, 0, "", "2027-02-03"},
		{"stated day later than the last signature",
			strings.Replace(sign(sign(base, "SH", "2026-11-02"), "ST", "2026-11-20"), "kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: 12\n  unterzeichnung: {inkrafttreten: 2026-12-01}", 1),
			2, 0, "", "2026-12-01"},
		{"a later party signed first", sign(base, "ST", "2026-11-02"), 1, 1, "SH", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f, err := Decode("p.yaml", []byte(tt.src), ref)
			if err != nil {
				t.Fatal(err)
			}
			p := &f.Projekt
			u := p.Umlauf("")
			next := ""
			if u.Next >= 0 {
				next = string(p.Parteien[u.Next].Land)
			}
			inKraft := ""
			if !u.InKraft.IsZero() {
				inKraft = u.InKraft.String()
			}
			if len(u.Signed) != tt.signed || len(u.Missing) != tt.missing || next != tt.next || inKraft != tt.inKraft {
				t.Errorf("signed %d, missing %d, next %q, in force %q; want %d, %d, %q, %q",
					len(u.Signed), len(u.Missing), next, inKraft, tt.signed, tt.missing, tt.next, tt.inKraft)
			}
			if u.Complete() != (tt.missing == 0) || u.Started() != (tt.signed > 0) {
				t.Errorf("Complete %v, Started %v", u.Complete(), u.Started())
			}
		})
	}
}
