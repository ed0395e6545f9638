package generator_test

import (
	"context"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/tmpl"
	"github.com/vereinbar/vereinbar/generator/view"
	"github.com/vereinbar/vereinbar/templates"
)

// TestBerechnungRundungssatz: the sentence on the units left over after
// rounding down reads right for every count — no „fehlenden 1
// Einheiten“, no „(Rang 1 bis 1)“ (reviewer's audit, finding 2).
func TestBerechnungRundungssatz(t *testing.T) {
	t.Parallel()
	set, err := tmpl.Load(tmpl.Layer{Name: "eingebaut", FS: templates.FS})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		n    int64
		want string
	}{
		{0, "Die abgerundeten Anteile ergeben bereits 100 Prozent; keine Einheit von 0,00001 Prozentpunkten ist zu verteilen."},
		{1, "Die dann bis 100 Prozent fehlende eine Einheit von 0,00001 Prozentpunkten erhält die Vertragspartei mit dem größten Rest (Rang 1);"},
		{2, "Die dann bis 100 Prozent fehlenden 2 Einheiten von 0,00001 Prozentpunkten erhalten nacheinander die Vertragsparteien mit den größten Resten (Rang 1 und 2);"},
		{7, "Die dann bis 100 Prozent fehlenden 7 Einheiten von 0,00001 Prozentpunkten erhalten nacheinander die Vertragsparteien mit den größten Resten (Rang 1 bis 7);"},
	} {
		v := struct{ Berechnung *view.Berechnung }{&view.Berechnung{Verteilt: c.n}}
		out, err := set.Execute(context.Background(), "vereinbarung/klauseln/berechnung.md.tmpl", v)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(out), c.want) {
			t.Errorf("%d Einheiten: erwartet %q in\n%s", c.n, c.want, out)
		}
		for _, bad := range []string{"1 Einheiten", "Rang 1 bis 1)", "Rang 1 bis 2)", "0 Einheiten"} {
			if strings.Contains(string(out), bad) {
				t.Errorf("%d Einheiten: %q in\n%s", c.n, bad, out)
			}
		}
	}
}
