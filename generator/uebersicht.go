package generator

import (
	"errors"
	"fmt"
	"io"

	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/sheets"
)

// UebersichtFormats are the output formats of the Nachnutzungsübersicht.
var UebersichtFormats = []string{"xlsx", "csv"}

// ErrNoProjectOfLand is returned by Uebersicht when no project file has the
// Land as a party.
var ErrNoProjectOfLand = sheets.ErrNoProject

// UebersichtOptions choose the Land and the rows of the Übersicht.
type UebersichtOptions = sheets.Options

// Uebersicht loads every project file and builds the Nachnutzungsübersicht
// of o.Land (package sheets). Files that do not load are reported
// together, each with its mistakes (file:line).
func (g *Generator) Uebersicht(files []string, o UebersichtOptions) (*sheets.Uebersicht, error) {
	if _, ok := refdata.PartyByCode(o.Land); !ok {
		return nil, fmt.Errorf("%w „%s“", sheets.ErrUnknownLand, o.Land)
	}
	var projects []sheets.Project
	var errs []error
	for _, f := range files {
		p, err := g.LoadProject(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		res, err := g.Costs(p)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		projects = append(projects, sheets.Project{Projekt: p.Data(), Costs: res})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return sheets.Build(projects, o)
}

// WriteUebersicht writes u in format ("xlsx" or "csv").
func WriteUebersicht(w io.Writer, u *sheets.Uebersicht, format string) error {
	switch format {
	case "xlsx":
		return sheets.WriteXLSX(w, u)
	case "csv":
		return sheets.WriteCSV(w, u)
	}
	return fmt.Errorf("Format „%s“ unbekannt (erlaubt: xlsx, csv)", format)
}
