package kind

import (
	"errors"
	"io"

	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/sheets"
	"github.com/vereinbar/vereinbar/generator/view"
)

// Projektplan is the project plan after the Musterprojektplan of the seed
// guide (Leitfaden chapters 3 and 4): every project gets one, a single
// landscape A4 page with the five phases dated from the project data, the
// tasks the task data assigns per phase, dimension and role, and a Gantt
// chart of the phases and milestones; and the same plan as a workbook
// (projektplan.xlsx, sheets.Projektplan) with a row per task. How the
// phases are dated, and what happens without dates, is view.Plan's.
func Projektplan() Kind {
	file := FileName{Stem: "projektplan"}
	const tmpl = "projektplan/projektplan.md.tmpl"
	return Kind{
		Name:      "projektplan",
		Title:     "Projektplan",
		Akkusativ: "einen Projektplan",
		Templates: []string{tmpl},
		Files:     []FileName{file},
		Landscape: true,
		Docs: func(*data.Projekt) []Doc {
			return []Doc{{Template: tmpl, File: file.For("")}}
		},
		View:  plan,
		Check: fixed(check.KindProjektplan),
		Sheet: &Sheet{Format: "xlsx", Write: writePlan},
	}
}

// Plan is what the template of a Projektplan sees: the project's view
// with its parties, and the plan (view.Plan, plain text to escape with
// md).
type Plan struct {
	Parties
	Plan view.Plan
}

// errNoPlan reports a view built without task data.
var errNoPlan = errors.New("Projektplan: keine Aufgaben des Musterprojektplans (view.Plan fehlt)")

func plan(v view.View, _ Doc) (any, error) {
	if v.Plan == nil {
		return nil, errNoPlan
	}
	return Plan{Parties: Parties{View: v, Vertragsparteien: v.Parteien}, Plan: *v.Plan}, nil
}

// writePlan writes projektplan.xlsx from the task data in use (the
// built-in data when the input names none).
func writePlan(w io.Writer, in SheetInput) error {
	tasks := in.Projektplan
	if tasks == nil {
		var err error
		if tasks, err = refdata.LoadProjektplan(""); err != nil {
			return err
		}
	}
	pr := in.Projekt
	return sheets.Projektplan(w, view.BuildPlan(pr, tasks), "Projektplan: "+pr.Vorhaben.Titel, pr.Vorhaben.Stand.Time())
}
