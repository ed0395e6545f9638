package model

import (
	"strings"
	"testing"
)

func TestBarFill(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		bar  Bar
		fill string
		err  string
	}{
		{Bar{ValueE5: 0}, DefaultBarColor, ""},
		{Bar{ValueE5: MaxBarE5, Color: "c6efce"}, "c6efce", ""},
		{Bar{ValueE5: -1}, "", "Wert -1 außerhalb von 0 bis 10000000"},
		{Bar{ValueE5: MaxBarE5 + 1}, "", "Wert 10000001"},
		{Bar{Color: "grün"}, "", `Balkenfarbe "grün" ist keine Farbe RRGGBB`},
		{Bar{Color: "12345G"}, "", "Balkenfarbe"},
		{Bar{Color: "+12345"}, "", "Balkenfarbe"},
		{Bar{Color: "1234567"}, "", "Balkenfarbe"},
	} {
		fill, err := tt.bar.Fill()
		switch {
		case tt.err == "" && (err != nil || fill != tt.fill):
			t.Errorf("%+v: %q, %v; want %q", tt.bar, fill, err, tt.fill)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err) || fill != ""):
			t.Errorf("%+v: %q, %v; want error with %q", tt.bar, fill, err, tt.err)
		}
	}
}
