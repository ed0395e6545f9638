package data

import (
	"strings"
	"testing"
	"time"
)

// TestNoticeDeadline: the last day notice can reach the others for an
// exit at the end of a year, N months before 31 December.
func TestNoticeDeadline(t *testing.T) {
	t.Parallel()
	tests := []struct {
		year, months int
		want         string
	}{
		{2028, 12, "2027-12-31"},
		{2028, 6, "2028-06-30"},
		{2028, 3, "2028-09-30"},
		{2028, 10, "2028-02-29"}, // leap year
		{2027, 10, "2027-02-28"},
		{2028, 0, "2028-12-31"},
		{2028, 24, "2026-12-31"},
		{2028, 13, "2027-11-30"},
	}
	for _, tt := range tests {
		if got := NoticeDeadline(tt.year, tt.months).String(); got != tt.want {
			t.Errorf("NoticeDeadline(%d, %d) = %s, want %s", tt.year, tt.months, got, tt.want)
		}
	}
}

// TestEarliestExit: the first 31 December whose deadline the notice
// meets, no earlier than the end of the year of the beginning.
func TestEarliestExit(t *testing.T) {
	t.Parallel()
	d := func(s string) Datum {
		tm, err := time.Parse(time.DateOnly, s)
		if err != nil {
			t.Fatal(err)
		}
		return NewDatum(tm.Year(), tm.Month(), tm.Day())
	}
	tests := []struct {
		notice, beginn string
		months         int
		want           string
	}{
		{"2027-12-31", "2027-01-01", 12, "2028-12-31"},
		{"2028-01-01", "2027-01-01", 12, "2029-12-31"},
		{"2028-06-30", "2027-01-01", 6, "2028-12-31"},
		{"2028-07-01", "2027-01-01", 6, "2029-12-31"},
		{"2026-05-01", "2027-04-01", 3, "2027-12-31"}, // not before the first year
		{"2028-12-31", "2027-01-01", 0, "2028-12-31"},
	}
	for _, tt := range tests {
		if got := EarliestExit(d(tt.notice), tt.months, d(tt.beginn)).String(); got != tt.want {
			t.Errorf("EarliestExit(%s, %d, %s) = %s, want %s", tt.notice, tt.months, tt.beginn, got, tt.want)
		}
	}
}

// TestWechselValidation: accession and withdrawal are checked against the
// agreement's clauses with file:line, the data path and — for an
// impossible exit — the earliest allowed day.
func TestWechselValidation(t *testing.T) {
	t.Parallel()
	st := "vertreten_durch: das Ministerium für Infrastruktur und Digitales}"
	alone := func(extra string) string {
		return strings.Replace(minimal, st, strings.TrimSuffix(st, "}")+", "+extra+"}", 1)
	}
	// with a second re-using Land that signed the agreement (parteien[2])
	with := func(extra string) string {
		return strings.Replace(alone(extra), "kosten:\n", "  - {land: BB, rolle: nachnutzend, vertreten_durch: das Ministerium}\nkosten:\n", 1)
	}
	tests := []struct {
		name, src string
		want      []string // substrings of the one message; nil: valid
	}{
		{"exit at the end of a year with the period kept", with("austritt_zum: 2028-12-31, kuendigung_am: 2027-12-31"), nil},
		{"exit counted from the stand", with("austritt_zum: 2027-12-31"), nil},
		{"exit not at the end of a year", with("austritt_zum: 2028-06-30, kuendigung_am: 2027-05-02"),
			[]string{"p.yaml:18:", "parteien[1].austritt_zum", "nur mit einer Frist von 12 Monaten zum Ende eines Kalenderjahres", "früheste zulässige Tag der 2028-12-31"}},
		{"period not kept", with("austritt_zum: 2028-12-31, kuendigung_am: 2028-01-02"),
			[]string{"parteien[1].austritt_zum", "Kündigungsfrist", "2028-01-02 (kuendigung_am)", "früheste zulässige Tag ist der 2029-12-31"}},
		{"period not kept from the stand", with("austritt_zum: 2026-12-31"),
			[]string{"parteien[1].austritt_zum", "2026-11-28 (vorhaben.stand)", "2027-12-31"}},
		{"notice date without exit", with("kuendigung_am: 2027-01-02"), []string{"parteien[1].kuendigung_am", "nur mit „austritt_zum“"}},
		{"accession in the term", with("beitritt_ab: 2027-07-01"), nil},
		{"the only re-using Land joins", alone("beitritt_ab: 2027-07-01"), []string{"parteien[1].beitritt_ab", "mindestens einem nachnutzenden Land"}},
		{"accession at the beginning", with("beitritt_ab: 2027-01-01"), []string{"parteien[1].beitritt_ab", "nicht nach dem Beginn"}},
		{"accession and exit together", with("beitritt_ab: 2027-07-01, austritt_zum: 2028-12-31"), []string{"parteien[1].beitritt_ab", "zugleich"}},
		{"accession in star form", strings.Replace(with("beitritt_ab: 2027-07-01"), "form: ring", "form: stern", 1), []string{"parteien[1].beitritt_ab", "nur in der Ringstruktur"}},
		{"implementing Land leaves",
			strings.Replace(minimal, "vertreten_durch: das Innenministerium}", "vertreten_durch: das Innenministerium, austritt_zum: 2028-12-31}", 1),
			[]string{"parteien[0].austritt_zum", "vertrag.ende"}},
		{"fest key with accession",
			strings.Replace(with("beitritt_ab: 2027-07-01"), "- {gewicht: 100, art: koenigstein, jahr: 2016}", `- {gewicht: 100, art: fest, werte: {SH: "50", ST: "25", BB: "25"}}`, 1),
			[]string{"verteilung.schluessel[0].art", "feste Anteile"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			errs := decodeErrs(t, tt.src)
			if tt.want == nil {
				if len(errs) > 0 {
					t.Fatalf("unexpected errors: %v", errs)
				}
				return
			}
			if len(errs) != 1 {
				t.Fatalf("want one error, got %d: %v", len(errs), errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(errs[0], w) {
					t.Errorf("%q lacks %q", errs[0], w)
				}
			}
		})
	}
}

// TestVertragsfassung: the agreement as concluded leaves out the joining
// parties and keeps the leaving ones.
func TestVertragsfassung(t *testing.T) {
	t.Parallel()
	src := strings.Replace(minimal, "parteien:\n", "parteien:\n  - {land: BB, rolle: nachnutzend, vertreten_durch: das Ministerium, beitritt_ab: 2027-07-01}\n", 1)
	src = strings.Replace(src, "kuendigungsfrist_monate: 12", "kuendigungsfrist_monate: 0", 1)
	src = strings.Replace(src, "vertreten_durch: das Ministerium für Infrastruktur und Digitales}", "vertreten_durch: das Ministerium für Infrastruktur und Digitales, austritt_zum: 2027-12-31}", 1)
	f, err := Decode("p.yaml", []byte(src), ref)
	if err != nil {
		t.Fatal(err)
	}
	v := f.Projekt.Vertragsfassung()
	var codes []string
	for _, p := range v.Parteien {
		codes = append(codes, string(p.Land))
	}
	if got := strings.Join(codes, ","); got != "SH,ST" {
		t.Errorf("Vertragsfassung parties %s, want SH,ST", got)
	}
	if len(f.Projekt.Parteien) != 3 || !f.Projekt.Wechsel() {
		t.Errorf("the project itself changed: %d parties", len(f.Projekt.Parteien))
	}
	if u := f.Projekt.Umlauf(""); len(u.Parteien) != 2 {
		t.Errorf("the joining Land is in the signing round: %v", u.Parteien)
	}
}
