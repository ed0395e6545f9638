package kind_test

import (
	"bytes"
	"testing"

	"github.com/vereinbar/vereinbar/generator/kind"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/view"
	"github.com/xuri/excelize/v2"
)

// TestProjektplanKind: every project gets one Projektplan on landscape
// A4, also written as xlsx; its view needs the plan the facade builds,
// and its sheet falls back to the built-in tasks.
func TestProjektplanKind(t *testing.T) {
	t.Parallel()
	k := kind.Projektplan()
	r := builtin(t)
	for _, form := range []string{"ring", "stern", "fit-store"} {
		n := 0
		for _, d := range r.Docs(project(form, false)) {
			if d.Name == "projektplan" {
				n++
				if d.File != "projektplan" || !d.Landscape || !d.Model() || d.Sheet == nil || d.Sheet.Format != "xlsx" {
					t.Errorf("%s: %+v", form, d)
				}
			}
		}
		if n != 1 {
			t.Errorf("%s: %d Projektpläne", form, n)
		}
	}
	if _, err := k.View(view.View{}, kind.Doc{}); err == nil {
		t.Error("view without a plan accepted")
	}
	tasks, err := refdata.LoadProjektplan("")
	if err != nil {
		t.Fatal(err)
	}
	pr := project("ring", false)
	pr.Leistung.Nachnutzungsmodell = "efa"
	pr.Vorhaben.Titel = "Test"
	p := view.BuildPlan(pr, tasks)
	v, err := k.View(view.View{Plan: &p}, kind.Doc{})
	if err != nil {
		t.Fatal(err)
	}
	if got := v.(kind.Plan).Plan.Phasen; len(got) != 6 {
		t.Errorf("%d phases in the view", len(got))
	}
	var a, b bytes.Buffer
	if err := k.Sheet.Write(&a, kind.SheetInput{Projekt: pr}); err != nil {
		t.Fatal(err)
	}
	if err := k.Sheet.Write(&b, kind.SheetInput{Projekt: pr, Projektplan: tasks}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("without task data the sheet is not the one of the built-in tasks")
	}
	f, err := excelize.OpenReader(&a)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if props, _ := f.GetDocProps(); props.Title != "Projektplan: Test" {
		t.Errorf("title %q", props.Title)
	}
}
