package data

import (
	"fmt"
	"time"
)

// Joining and leaving a running ring agreement (parteien[].beitritt_ab,
// parteien[].austritt_zum). The rules follow the agreement's own text, so
// that data and clause agree:
//   - accession (clause „Beitritt weiterer Länder“): a re-using Land of a
//     ring agreement joins on a day after the beginning and before the
//     end; shares are recalculated from the beginning of that month;
//   - notice (clause „Laufzeit und Kündigung“): a re-using party leaves by
//     notice with the period vertrag.kuendigungsfrist_monate to the end of
//     a calendar year; the period runs from the day the notice reaches
//     the other parties (kuendigung_am, by default vorhaben.stand, the
//     date of the notice document).
// The implementing Land does not leave by austritt_zum: its notice ends
// the agreement for all (the clause), which is vertrag.ende.

// Beitretend reports whether the party joins the running agreement.
func (p Partei) Beitretend() bool { return p.BeitrittAb != nil && !p.BeitrittAb.IsZero() }

// Ausscheidend reports whether the party leaves the agreement by notice.
func (p Partei) Ausscheidend() bool { return p.AustrittZum != nil && !p.AustrittZum.IsZero() }

// Kuendigungstag is the day the notice of a leaving party reaches the
// others, from which its period runs: kuendigung_am, else the Stand.
func (p *Projekt) Kuendigungstag(pt Partei) Datum {
	if pt.KuendigungAm != nil && !pt.KuendigungAm.IsZero() {
		return *pt.KuendigungAm
	}
	return p.Vorhaben.Stand
}

// Wechsel reports whether any party joins or leaves the agreement.
func (p *Projekt) Wechsel() bool {
	for _, pt := range p.Parteien {
		if pt.Beitretend() || pt.Ausscheidend() {
			return true
		}
	}
	return false
}

// NoticeDeadline is the last day notice can reach the other parties for
// an exit at the end of year y: N months before 31 December (a month end,
// so the day before is the month's last day).
func NoticeDeadline(y, months int) Datum {
	m := y*12 + 11 - months // 0-based month index of the deadline's month
	first := time.Date(m/12, time.Month(m%12+1), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1)
	return NewDatum(last.Year(), last.Month(), last.Day())
}

// EarliestExit is the earliest day a party can leave by notice given on
// day notice, with a period of months, no earlier than the end of the
// year in which the agreement begins: the first 31 December whose
// deadline (NoticeDeadline) the notice meets.
func EarliestExit(notice Datum, months int, beginn Datum) Datum {
	y := max(notice.Time().Year(), beginn.Time().Year())
	for NoticeDeadline(y, months).Time().Before(notice.Time()) {
		y++
	}
	return NewDatum(y, time.December, 31)
}

// wechsel checks accession and withdrawal of party i.
func (v *validator) wechsel(i int, p Partei) {
	c := v.f.Projekt.Vertrag
	base := fmt.Sprintf("parteien[%d]", i)
	if p.KuendigungAm != nil && p.AustrittZum == nil {
		v.add(base+".kuendigung_am", "„kuendigung_am“ gilt nur mit „austritt_zum“ (Tag der Kündigung einer ausscheidenden Partei)")
	}
	if p.BeitrittAb != nil && !v.f.failed[base+".beitritt_ab"] {
		path := base + ".beitritt_ab"
		b := *p.BeitrittAb
		switch {
		case c.Form != "ring":
			v.add(path, "einen Beitritt zur laufenden Vereinbarung gibt es nur in der Ringstruktur (Klausel „Beitritt weiterer Länder“); in der Sternstruktur schließt das Land eine eigene Vereinbarung")
		case p.Rolle == "umsetzend":
			v.add(path, "das umsetzende Land tritt nicht bei; „beitritt_ab“ gilt nur für nachnutzende Länder")
		case p.AustrittZum != nil:
			v.add(path, "„beitritt_ab“ und „austritt_zum“ zugleich: Beitritt und Ausscheiden derselben Partei in einer Projektdatei werden nicht abgebildet – nach dem Beitritt die Kündigung in einer neuen Fassung eintragen")
		case !c.Beginn.IsZero() && !b.Time().After(c.Beginn.Time()):
			v.add(path, "Beitritt am %s liegt nicht nach dem Beginn der Vereinbarung (%s); ein Land, das von Anfang an dabei ist, unterzeichnet die Vereinbarung – „beitritt_ab“ entfernen oder einen späteren Tag angeben", b, c.Beginn)
		case c.Ende != nil && !c.Ende.IsZero() && !b.Time().Before(c.Ende.Time()):
			v.add(path, "Beitritt am %s liegt nicht vor dem Ende der Vereinbarung (%s)", b, *c.Ende)
		}
	}
	if p.AustrittZum == nil || v.f.failed[base+".austritt_zum"] {
		return
	}
	path := base + ".austritt_zum"
	e := *p.AustrittZum
	switch {
	case c.Form != "ring":
		v.add(path, "„austritt_zum“ gibt es nur in der Ringstruktur; in der Sternstruktur endet mit der Kündigung die Vereinbarung mit diesem Land")
		return
	case p.Rolle == "umsetzend":
		v.add(path, "kündigt das umsetzende Land, endet die Vereinbarung für alle Vertragsparteien (Klausel „Laufzeit und Kündigung“); dafür „vertrag.ende“ setzen, nicht „austritt_zum“")
		return
	case c.Beginn.IsZero() || v.f.failed["vertrag.beginn"]:
		return
	}
	notice, noticeFrom := v.f.Projekt.Kuendigungstag(p), "vorhaben.stand"
	if p.KuendigungAm != nil {
		noticeFrom = "kuendigung_am"
	}
	if notice.IsZero() {
		return
	}
	earliest := EarliestExit(notice, c.KuendigungsfristMonate, c.Beginn)
	frist := "zum Ende eines Kalenderjahres"
	if c.KuendigungsfristMonate > 0 {
		frist = fmt.Sprintf("mit einer Frist von %d Monaten zum Ende eines Kalenderjahres", c.KuendigungsfristMonate)
	}
	t := e.Time()
	switch {
	case t.Month() != time.December || t.Day() != 31:
		v.add(path, "Ausscheiden zum %s ist nicht möglich: die Vereinbarung kann nur %s gekündigt werden (Klausel „Laufzeit und Kündigung“); bei Kündigung am %s (%s) ist der früheste zulässige Tag der %s", e, frist, notice, noticeFrom, earliest)
	case t.Before(earliest.Time()):
		v.add(path, "Ausscheiden zum %s ist nicht möglich: die Kündigungsfrist (%s) ist bei Kündigung am %s (%s) nicht gewahrt; der früheste zulässige Tag ist der %s", e, frist, notice, noticeFrom, earliest)
	case c.Ende != nil && !c.Ende.IsZero() && !t.Before(c.Ende.Time()):
		v.add(path, "Ausscheiden zum %s: die Vereinbarung endet ohnehin am %s; eine Kündigung zum oder nach dem Ende ist keine Kündigung einer laufenden Vereinbarung – „austritt_zum“ entfernen (eine Verlängerung regelt „vertrag.verlaengerung“)", e, *c.Ende)
	}
}

// Vertragsfassung is the project as the agreement was concluded: without
// the parties that join it later (they accede by declaration; the
// agreement's text, parties, signatures and cost tables stay those that
// were signed). Parties that leave remain: the agreement names them until
// they leave. The result shares everything but the party list with p.
func (p *Projekt) Vertragsfassung() *Projekt {
	out := *p
	out.Parteien = nil
	for _, pt := range p.Parteien {
		if !pt.Beitretend() {
			out.Parteien = append(out.Parteien, pt)
		}
	}
	return &out
}

// gruender checks that the agreement was concluded by the implementing
// Land and at least one re-using Land: if every re-using Land joins later
// (beitritt_ab), there is no agreement to join.
func (v *validator) gruender() {
	ps := v.f.Projekt.Parteien
	joining, reusers := -1, 0
	for i, p := range ps {
		if p.Rolle != "nachnutzend" {
			continue
		}
		reusers++
		if p.Beitretend() {
			if joining < 0 {
				joining = i
			}
			reusers--
		}
	}
	if joining >= 0 && reusers == 0 && !v.f.failedUnder("parteien") {
		v.add(fmt.Sprintf("parteien[%d].beitritt_ab", joining), "jedes nachnutzende Land tritt erst später bei; geschlossen wird die Vereinbarung vom umsetzenden Land und mindestens einem nachnutzenden Land – bei diesem „beitritt_ab“ entfernen")
	}
}
