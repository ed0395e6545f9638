package sheets

import (
	"strings"
	"time"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/format"
)

// Shares in force. When a Land joins or leaves a running agreement the
// cost engine computes the key anew for every period of constant
// composition (costs.Result.Periods); a party's share then depends on the
// month. The spreadsheets state the share in force for the months a row
// covers: ShareAt for one month, shareRun for a stretch of months with
// the changes inside it.

// ShareAt is the key share of party code in force in month m of year y:
// the share of the period containing the month, 0 when the party bears
// no share in it. Without joins or leaves (no periods) it is the party's
// one share, fallback.
func ShareAt(r *costs.Result, code string, fallback int64, y, m int) int64 {
	if len(r.Periods) == 0 {
		return fallback
	}
	idx := y*12 + m - 1
	for _, p := range r.Periods {
		if !p.From.IsZero() && idx < p.From.Year*12+p.From.Month-1 {
			continue
		}
		if !p.To.IsZero() && idx > p.To.Year*12+p.To.Month-1 {
			continue
		}
		for _, s := range p.Shares {
			if s.Code == code {
				return s.ShareE5
			}
		}
		return 0
	}
	return fallback
}

// shareRun is the share a row of months first..last of year y states:
// the share in force in its last month, and a note naming every share of
// the stretch when it changes inside it („Anteil 01.01.–30.06.2028:
// 12,61247 %; ab 01.07.2028: 10,57305 %“); "" when it does not.
func shareRun(r *costs.Result, code string, fallback int64, y, first, last int) (int64, string) {
	type run struct {
		from, to int
		share    int64
	}
	var runs []run
	for m := first; m <= last; m++ {
		s := ShareAt(r, code, fallback, y, m)
		if n := len(runs); n > 0 && runs[n-1].share == s {
			runs[n-1].to = m
			continue
		}
		runs = append(runs, run{m, m, s})
	}
	if len(runs) == 0 {
		return fallback, ""
	}
	end := runs[len(runs)-1].share
	if len(runs) == 1 {
		return end, ""
	}
	var parts []string
	for _, rn := range runs {
		from := time.Date(y, time.Month(rn.from), 1, 0, 0, 0, 0, time.UTC)
		to := time.Date(y, time.Month(rn.to)+1, 0, 0, 0, 0, 0, time.UTC)
		parts = append(parts, from.Format("02.01.")+"–"+to.Format("02.01.2006")+": "+format.Percent(rn.share))
	}
	return end, "Anteil " + strings.Join(parts, "; ") + " (Neuberechnung nach Beitritt oder Ausscheiden)"
}
