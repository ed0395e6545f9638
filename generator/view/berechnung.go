package view

import (
	"math/big"
	"strings"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/format"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/tmpl"
)

// Berechnung lays open how the shares come about, for the annex
// "Berechnung der Kostenanteile": every input value with its source, the
// share of every key part, the weighting, the exact weighted share and the
// rounding step, so that an auditor can recompute each share by hand.
type Berechnung struct {
	Teile    []BerechnungTeil
	Parteien []BerechnungPartei
	// Verteilt is the number of units (0,00001 %) left over after rounding
	// down, given one each to the largest remainders.
	Verteilt int64
}

// BerechnungTeil is one part of the key with the value of every
// cost-bearing party.
type BerechnungTeil struct {
	Nr                    int
	Art, Name, Gewicht    string // Gewicht in percent, "50"
	Jahr                  int    // GWK year of a Königsteiner part
	Quelle                string // source of the values
	Einheit               string // what a value is: "Wert im Königsteiner Schlüssel in %", "Fallzahl", …
	Zeilen                []BerechnungWert
	Summe                 string
	AnteilSchluesselteile bool // the part's share column is meaningful (more than one part)
}

// BerechnungWert is a party's value in a key part.
type BerechnungWert struct {
	Kurzname string
	Wert     string // as published: "3,03655", "12.345", "1"
	Anteil   string // value / sum in percent, ten decimals, cut off: "26,5349911140"
}

// BerechnungPartei is the rounding of one party's share.
type BerechnungPartei struct {
	Kurzname   string
	Exakt      string // the weighted share before rounding in percent, ten decimals, cut off
	Abgerundet string // rounded down to five decimals
	Rest       string // the remainder in units of 0,00001 %, six decimals, cut off: "0,987654"
	Rang       int
	Zuschlag   bool // got one of the units left over
	Anteil     string
}

// decimals of the exact values shown; cutting off (not rounding) keeps
// the remainders' order visible.
const (
	shareDecimals     = 10
	remainderDecimals = 6
)

// buildBerechnung prepares the annex from the cost engine's explanation.
func buildBerechnung(r *costs.Result, k Kosten) *Berechnung {
	ex := r.Key
	if ex == nil {
		return nil
	}
	b := &Berechnung{}
	names := make([]string, len(ex.Parties))
	for j, q := range ex.Parties {
		ref, _ := refdata.PartyByCode(q.Code)
		names[j] = tmpl.Escape(ref.Kurzname)
	}
	for n, part := range ex.Parts {
		t := BerechnungTeil{Nr: n + 1, Art: string(part.Kind), Name: keyNames[string(part.Kind)], Gewicht: format.Weight(part.Weight), AnteilSchluesselteile: len(ex.Parts) > 1}
		if n < len(k.Teile) {
			t.Jahr, t.Quelle = k.Teile[n].Jahr, k.Teile[n].Quelle
		}
		if part.Kind == costs.Koenigstein {
			t.Quelle = k.KSQuelle
		}
		t.Einheit = einheiten[string(part.Kind)]
		for j, v := range part.Values {
			t.Zeilen = append(t.Zeilen, BerechnungWert{Kurzname: names[j], Wert: keyValue(part.Kind, v), Anteil: cutDecimal(new(big.Rat).SetFrac(new(big.Int).Mul(v, big.NewInt(100)), part.Sum), shareDecimals)})
		}
		t.Summe = keyValue(part.Kind, part.Sum)
		b.Teile = append(b.Teile, t)
	}
	var floors int64
	for j, q := range ex.Parties {
		floors += q.Floor
		b.Parteien = append(b.Parteien, BerechnungPartei{
			Kurzname: names[j], Exakt: cutDecimal(new(big.Rat).Quo(q.Quota, big.NewRat(costs.FullE5/100, 1)), shareDecimals), Abgerundet: format.PercentPlain(q.Floor),
			Rest: cutDecimal(q.Remainder, remainderDecimals), Rang: q.Rank, Zuschlag: q.Bonus, Anteil: format.PercentPlain(q.Share),
		})
	}
	b.Verteilt = costs.FullE5 - floors
	return b
}

var einheiten = map[string]string{
	"koenigstein": "Wert im Königsteiner Schlüssel in %",
	"paritaet":    "Wert (jede kostentragende Vertragspartei 1)",
	"nutzung":     "Fallzahl",
	"einwohner":   "Einwohnerzahl",
	"zielgruppe":  "Größe der Zielgruppe",
	"fest":        "fester Anteil in %",
}

// keyValue writes a key value as it is published: Königsteiner values and
// fixed shares are e5 units of a percent, the others whole numbers.
func keyValue(kind costs.KeyKind, v *big.Int) string {
	if !v.IsInt64() {
		return v.String()
	}
	switch kind {
	case costs.Koenigstein, costs.Fest:
		return format.PercentPlain(v.Int64())
	}
	return format.Thousands(v.Int64())
}

// cutDecimal writes a non-negative rational with the given decimals, cut
// off, German style ("26,5349911140").
func cutDecimal(r *big.Rat, decimals int) string {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(decimals)), nil)
	n := new(big.Int).Mul(r.Num(), scale)
	n.Quo(n, r.Denom())
	digits := n.String()
	if len(digits) <= decimals {
		digits = strings.Repeat("0", decimals+1-len(digits)) + digits
	}
	return digits[:len(digits)-decimals] + "," + digits[len(digits)-decimals:]
}
