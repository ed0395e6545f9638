package view_test

import (
	"slices"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/view"
)

func plan(t *testing.T, pr *data.Projekt) view.Plan {
	t.Helper()
	tasks, err := refdata.LoadProjektplan("")
	if err != nil {
		t.Fatal(err)
	}
	return view.BuildPlan(pr, tasks)
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// TestBuildPlanDating: the five phases take the dates of the project's
// phases; one without dates is "Termin offen" and has no bar; the tasks
// independent of phases span the dated phases; milestones come by date,
// reached ones grey; the current phase is marked and coloured.
func TestBuildPlanDating(t *testing.T) {
	t.Parallel()
	pr := &data.Projekt{}
	pr.Leistung.Nachnutzungsmodell = "efa"
	pr.Projekt = &data.Projektstand{Phase: "planung",
		Phasen: []data.Phase{
			{Phase: "initialisierung", Beginn: data.NewDatum(2026, 1, 5), Ende: data.NewDatum(2026, 2, 27)},
			{Phase: "planung", Beginn: data.NewDatum(2026, 5, 4), Ende: data.NewDatum(2027, 1, 29)},
		},
		Meilensteine: []data.Meilenstein{
			{Bezeichnung: "Später", Datum: data.NewDatum(2027, 6, 30)},
			{Bezeichnung: "Früher", Datum: data.NewDatum(2026, 3, 1), Erreicht: true},
		}}
	p := plan(t, pr)
	if len(p.Phasen) != 6 || p.Phasen[5].Phase != "laufend" || p.Phasen[5].Nummer != 0 {
		t.Fatalf("Phasen %+v", p.Phasen)
	}
	ini, pru, pla := p.Phasen[0], p.Phasen[1], p.Phasen[2]
	if ini.Termin != "05.01.–27.02.2026" || !ini.Abgelaufen || ini.Farbe != "A5A5A5" {
		t.Errorf("Initialisierung %+v", ini)
	}
	if !pru.Beginn.IsZero() || pru.Termin != "Termin offen" || !pru.Abgelaufen {
		t.Errorf("Prüfung ohne Termine %+v", pru)
	}
	if pla.Termin != "04.05.2026–29.01.2027" || !pla.Aktuell || pla.Farbe != "4472C4" || p.Phasen[3].Farbe != "9DC3E6" {
		t.Errorf("Planung %+v", pla)
	}
	if l := p.Phasen[5]; !l.Beginn.Equal(date(2026, 1, 5)) || !l.Ende.Equal(date(2027, 1, 29)) || l.Termin != "05.01.2026–29.01.2027" {
		t.Errorf("laufende Aufgaben %+v", l)
	}
	if !p.Beginn.Equal(date(2026, 1, 5)) || !p.Ende.Equal(date(2027, 1, 29)) {
		t.Errorf("Projektdauer %v bis %v", p.Beginn, p.Ende)
	}
	var labels []string
	for _, z := range p.Zeitplan {
		labels = append(labels, z.Bezeichnung)
	}
	want := []string{"1 Initialisierung", "2 Prüfung Nachnutzung", "3 Planung Nachnutzung", "4 Umsetzung (Pilotierung)", "5 Einführung (Rollout)", "Früher", "Später"}
	if !slices.Equal(labels, want) {
		t.Errorf("Zeitplan %q, erwartet %q", labels, want)
	}
	if z := p.Zeitplan[5]; !z.Meilenstein || z.Termin != "01.03.2026 (erreicht)" || z.Farbe != "7F7F7F" || !z.Ende.Equal(z.Beginn) {
		t.Errorf("erreichter Meilenstein %+v", z)
	}
	if z := p.Zeitplan[6]; z.Farbe != "C00000" || z.Termin != "30.06.2027" {
		t.Errorf("offener Meilenstein %+v", z)
	}
	if z := p.Zeitplan[1]; !z.Beginn.IsZero() || z.Termin != "Termin offen" {
		t.Errorf("Phase ohne Termin im Zeitplan %+v", z)
	}
}

// TestBuildPlanWithoutDates: no dated phase and no milestone leave the
// time plan empty; the tasks are there all the same.
func TestBuildPlanWithoutDates(t *testing.T) {
	t.Parallel()
	pr := &data.Projekt{}
	pr.Leistung.Nachnutzungsmodell = "efa"
	p := plan(t, pr)
	if len(p.Zeitplan) != 0 || p.Phasen[5].Termin != "ganze Projektdauer" {
		t.Errorf("Zeitplan %+v, laufend %q", p.Zeitplan, p.Phasen[5].Termin)
	}
	n := 0
	for _, ph := range p.Phasen {
		n += len(ph.Aufgaben)
		if len(ph.Dimensionen) != 4 {
			t.Errorf("%s: %d Dimensionen", ph.Phase, len(ph.Dimensionen))
		}
	}
	if n == 0 {
		t.Error("keine Aufgaben")
	}
}

// TestBuildPlanByModel: the tasks follow the re-use model — the roles of
// the Themenfeld-Federführer for EfA, the project group for an own
// development — grouped per dimension by role in the order of the data.
func TestBuildPlanByModel(t *testing.T) {
	t.Parallel()
	roles := func(modell string) []string {
		pr := &data.Projekt{}
		pr.Leistung.Nachnutzungsmodell = modell
		var out []string
		for _, r := range plan(t, pr).Rollen {
			out = append(out, r.Kuerzel)
		}
		return out
	}
	efa, own := roles("efa"), roles("fim_eigenentwicklung")
	if !slices.Contains(efa, "TF-FF") || slices.Contains(efa, "PL") || slices.Contains(own, "TF-FF") || !slices.Contains(own, "PL") {
		t.Errorf("Rollen EfA %v, Eigenentwicklung %v", efa, own)
	}
	pr := &data.Projekt{}
	pr.Leistung.Nachnutzungsmodell = "efa"
	ini := plan(t, pr).Phasen[0]
	org := ini.Dimensionen[0]
	if org.Name != "Organisatorisch" || len(org.Rollen) == 0 || org.Rollen[0].Rolle != "OZG-K" {
		t.Fatalf("organisatorisch %+v", org)
	}
	for _, r := range org.Rollen {
		if r.Rolle == "OZG-R" && len(r.Aufgaben) < 2 {
			t.Errorf("die Aufgaben der OZG-R sind nicht gebündelt: %+v", r)
		}
	}
}

func TestTermin(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		b, e time.Time
		want string
	}{
		{date(2026, 1, 5), date(2026, 2, 27), "05.01.–27.02.2026"},
		{date(2025, 10, 1), date(2026, 9, 30), "01.10.2025–30.09.2026"},
		{time.Time{}, date(2026, 9, 30), "Termin offen"},
	} {
		if got := view.Termin(tt.b, tt.e); got != tt.want {
			t.Errorf("Termin(%v, %v) = %q, want %q", tt.b, tt.e, got, tt.want)
		}
	}
}
