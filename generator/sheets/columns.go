package sheets

import (
	"strconv"
	"time"
)

// kind is what a column holds; it decides the cell type and number format
// in XLSX and the text form in CSV.
type kind int

const (
	text    kind = iota
	integer      // a whole number (Reifegrad)
	date         // a date cell
	percent      // e5 units (0.00001 %), a fraction with percent format
	money        // cents, euros with the € format
)

// cell is one value; ok is false for an empty cell.
type cell struct {
	s  string
	n  int64
	t  time.Time
	ok bool
}

func str(s string) cell { return cell{s: s, ok: s != ""} }
func num(n int64) cell  { return cell{n: n, ok: true} }
func day(t time.Time) cell {
	return cell{t: t, ok: !t.IsZero()}
}

// column is one column of a table whose rows are R.
type column[R any] struct {
	header string
	kind   kind
	width  float64
	sum    bool // the sum row adds it up
	value  func(R) cell
}

// columns are the columns of the Übersicht for u: the fixed ones, one per
// Haushaltsjahr, „ohne Jahr“ if needed, the total and the next milestone.
func columns(u *Uebersicht) []column[Row] {
	cs := []column[Row]{
		{"Gruppe", text, 30, false, func(r Row) cell { return str(r.Group.String()) }},
		{"OZG-ID", text, 9, false, func(r Row) cell { return str(r.OZGIDs) }},
		{"Leistung", text, 32, false, func(r Row) cell { return str(r.Leistung) }},
		{"Online-Dienst", text, 28, false, func(r Row) cell { return str(r.OnlineDienst) }},
		{"Vorhaben (Kurztitel)", text, 24, false, func(r Row) cell { return str(r.Kurztitel) }},
		{"Themenfeld", text, 22, false, func(r Row) cell { return str(r.Themenfeld) }},
		{"Nachnutzungsmodell", text, 22, false, func(r Row) cell { return str(r.Modell) }},
		{"Reifegrad Ist", integer, 9, false, func(r Row) cell { return level(r.ReifegradIst) }},
		{"Reifegrad Ziel", integer, 9, false, func(r Row) cell { return level(r.ReifegradZiel) }},
		{"Reifegradmodell", text, 9, false, func(r Row) cell { return str(r.Reifegradmodell) }},
		{"Phase", text, 24, false, func(r Row) cell { return str(r.Phase) }},
		{"Phase Beginn", date, 12, false, func(r Row) cell { return day(r.PhaseBeginn) }},
		{"Phase Ende", date, 12, false, func(r Row) cell { return day(r.PhaseEnde) }},
		{"Umsetzendes Land", text, 20, false, func(r Row) cell { return str(r.Umsetzend) }},
		{"Rolle des Landes", text, 14, false, func(r Row) cell { return str(r.Rolle) }},
		{"Vertragsform", text, 24, false, func(r Row) cell { return str(r.Vertragsform) }},
		{"Unterzeichnung", text, 14, false, func(r Row) cell { return str(r.Status) }},
		{"Anteil", percent, 12, false, func(r Row) cell {
			if !r.Party {
				return cell{}
			}
			return num(r.ShareE5)
		}},
	}
	for _, y := range u.Years {
		cs = append(cs, column[Row]{"HJ " + strconv.Itoa(y), money, 15, true, amount(y)})
	}
	if u.WithoutYear {
		cs = append(cs, column[Row]{"ohne Jahr", money, 15, true, amount(0)})
	}
	cs = append(cs,
		column[Row]{"Summe", money, 16, true, func(r Row) cell {
			if !r.Party {
				return cell{}
			}
			return num(r.TotalCents)
		}},
		column[Row]{"Nächster Meilenstein", text, 36, false, func(r Row) cell { return str(r.Meilenstein) }},
		column[Row]{"Meilenstein Datum", date, 12, false, func(r Row) cell { return day(r.MeilensteinDatum) }},
	)
	return cs
}

// amount is the value of the column of Haushaltsjahr y (0: without year).
func amount(y int) func(Row) cell {
	return func(r Row) cell {
		if !r.Party {
			return cell{}
		}
		return num(r.ByYear[y])
	}
}

func level(n int) cell {
	if n < 0 {
		return cell{}
	}
	return num(int64(n))
}

// yearColumns are the columns of the sheet of one Haushaltsjahr.
func yearColumns(y int) []column[Row] {
	return []column[Row]{
		{"Gruppe", text, 30, false, func(r Row) cell { return str(r.Group.String()) }},
		{"OZG-ID", text, 9, false, func(r Row) cell { return str(r.OZGIDs) }},
		{"Leistung", text, 32, false, func(r Row) cell { return str(r.Leistung) }},
		{"Vorhaben (Kurztitel)", text, 24, false, func(r Row) cell { return str(r.Kurztitel) }},
		{"Umsetzendes Land", text, 20, false, func(r Row) cell { return str(r.Umsetzend) }},
		{"Rolle des Landes", text, 14, false, func(r Row) cell { return str(r.Rolle) }},
		{"Betrag HJ " + strconv.Itoa(y), money, 16, true, amount(y)},
	}
}
