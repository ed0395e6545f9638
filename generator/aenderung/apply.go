package aenderung

import (
	"fmt"
	"slices"
	"strings"
)

// Op is the verb of an amendment instruction.
type Op string

// Verbs of the instructions (Handbuch der Rechtsförmlichkeit, Teil D 2).
const (
	// OpWoerter replaces the quoted Old by New in the unit Target
	// (rendered „die Angabe“ for figures and dates, else „das Wort“ /
	// „die Wörter“; an empty New is „gestrichen“: Old goes with one
	// blank beside it, see strike).
	OpWoerter Op = "woerter"
	// OpWoerterEinfuegen inserts the words New after the quoted Old in
	// the unit Target, separated by a blank („Nach dem Wort „Old“ werden
	// die Wörter „New“ eingefügt.“).
	OpWoerterEinfuegen Op = "woerter_einfuegen"
	// OpErsetzen replaces the unit Target, or with Target.Part "" the
	// whole § Target.Sec, by Units.
	OpErsetzen Op = "ersetzen"
	// OpEinfuegen inserts Units after the § After.Sec (After.Part "") or
	// the unit After; After zero means before the first §.
	OpEinfuegen Op = "einfuegen"
	// OpAnfuegen appends Units at the end of the § Target.Sec.
	OpAnfuegen Op = "anfuegen"
	// OpAufheben removes the unit Target, or with Target.Part "" the
	// whole § Target.Sec.
	OpAufheben Op = "aufheben"
	// OpUeberschrift replaces the heading of the § Target.Sec by New.
	OpUeberschrift Op = "ueberschrift"
	// OpUmnummerieren gives the §§ From the numbers To, all at once.
	OpUmnummerieren Op = "umnummerieren"
)

// Instruction is one amendment instruction (Änderungsbefehl). Its fields
// are what the German sentence says and quotes; Apply uses nothing else.
type Instruction struct {
	Op       Op
	Target   Address
	Old, New string
	Units    []Unit
	After    Address
	From, To []string
}

// Apply carries out the instructions on a text form, one after the
// other, each on the text the earlier ones left. The units given are not
// changed.
func Apply(units []Unit, ins []Instruction) ([]Unit, error) {
	work := cloneUnits(units)
	for i, in := range ins {
		var err error
		work, err = applyOne(work, in)
		if err != nil {
			return nil, fmt.Errorf("Nummer %d: %w", i+1, err)
		}
	}
	return work, nil
}

func cloneUnits(us []Unit) []Unit {
	out := make([]Unit, len(us))
	for i, u := range us {
		out[i] = Unit{Address: u.Address, Lines: slices.Clone(u.Lines)}
		for k := range out[i].Lines {
			out[i].Lines[k].Cells = slices.Clone(out[i].Lines[k].Cells)
		}
	}
	return out
}

func find(us []Unit, a Address) int {
	for i := range us {
		if us[i].Address == a {
			return i
		}
	}
	return -1
}

// secRange is the index range of the units of a §.
func secRange(us []Unit, sec string) (from, to int) {
	from, to = -1, -1
	for i := range us {
		if us[i].Sec == sec && us[i].Part != PartTitel && us[i].Part != PartEingang {
			if from < 0 {
				from = i
			}
			to = i + 1
		}
	}
	return from, to
}

func applyOne(work []Unit, in Instruction) ([]Unit, error) {
	var out []Unit
	switch in.Op {
	case OpWoerter, OpWoerterEinfuegen:
		i := find(work, in.Target)
		if i < 0 {
			return nil, fmt.Errorf("%w: %s gibt es nicht", ErrApply, in.Target)
		}
		if in.Op == OpWoerterEinfuegen && in.New == "" {
			return nil, fmt.Errorf("%w: %s: nichts einzufügen", ErrApply, in.Target)
		}
		if in.Old == "" {
			return nil, fmt.Errorf("%w: %s: leeres Zitat", ErrApply, in.Target)
		}
		if n := occurrences(work[i].Lines, in.Old); n != 1 {
			return nil, fmt.Errorf("%w: „%s“ steht in %s %d-mal statt genau einmal", ErrApply, in.Old, in.Target, n)
		}
		for k, l := range work[i].Lines {
			if !l.IsTable() && strings.Contains(l.Text, in.Old) {
				switch {
				case in.Op == OpWoerterEinfuegen:
					work[i].Lines[k].Text = strings.Replace(l.Text, in.Old, in.Old+" "+in.New, 1)
				case in.New == "":
					work[i].Lines[k].Text = strike(l.Text, in.Old)
				default:
					work[i].Lines[k].Text = strings.Replace(l.Text, in.Old, in.New, 1)
				}
			}
		}
		out = work
	case OpErsetzen:
		if in.Target.Part == "" {
			from, to := secRange(work, in.Target.Sec)
			if from < 0 {
				return nil, fmt.Errorf("%w: %s gibt es nicht", ErrApply, in.Target.Sec)
			}
			out = slices.Concat(work[:from], cloneUnits(in.Units), work[to:])
			break
		}
		i := find(work, in.Target)
		if i < 0 {
			return nil, fmt.Errorf("%w: %s gibt es nicht", ErrApply, in.Target)
		}
		out = slices.Concat(work[:i], cloneUnits(in.Units), work[i+1:])
	case OpEinfuegen:
		at := 0
		switch {
		case in.After == Address{}:
			for at < len(work) && (work[at].Part == PartTitel || work[at].Part == PartEingang) {
				at++
			}
		case in.After.Part == "":
			_, to := secRange(work, in.After.Sec)
			if to < 0 {
				return nil, fmt.Errorf("%w: %s gibt es nicht", ErrApply, in.After.Sec)
			}
			at = to
		default:
			i := find(work, in.After)
			if i < 0 {
				return nil, fmt.Errorf("%w: %s gibt es nicht", ErrApply, in.After)
			}
			at = i + 1
		}
		out = slices.Concat(work[:at], cloneUnits(in.Units), work[at:])
	case OpAnfuegen:
		_, to := secRange(work, in.Target.Sec)
		if to < 0 {
			return nil, fmt.Errorf("%w: %s gibt es nicht", ErrApply, in.Target.Sec)
		}
		out = slices.Concat(work[:to], cloneUnits(in.Units), work[to:])
	case OpAufheben:
		if in.Target.Part == "" {
			from, to := secRange(work, in.Target.Sec)
			if from < 0 {
				return nil, fmt.Errorf("%w: %s gibt es nicht", ErrApply, in.Target.Sec)
			}
			out = slices.Concat(work[:from], work[to:])
			break
		}
		i := find(work, in.Target)
		if i < 0 {
			return nil, fmt.Errorf("%w: %s gibt es nicht", ErrApply, in.Target)
		}
		out = slices.Concat(work[:i], work[i+1:])
	case OpUeberschrift:
		i := find(work, Address{Sec: in.Target.Sec, Part: PartHeading})
		if i < 0 {
			return nil, fmt.Errorf("%w: die Überschrift des %s gibt es nicht", ErrApply, in.Target.Sec)
		}
		work[i].Lines = []Line{{Kind: LineText, Text: in.New}}
		out = work
	case OpUmnummerieren:
		if len(in.From) != len(in.To) || len(in.From) == 0 {
			return nil, fmt.Errorf("%w: Neunummerierung ohne Nummern", ErrApply)
		}
		rename := map[string]string{}
		for k, f := range in.From {
			if from, _ := secRange(work, f); from < 0 {
				return nil, fmt.Errorf("%w: %s gibt es nicht", ErrApply, f)
			}
			rename[f] = in.To[k]
		}
		for _, t := range in.To {
			if _, renamed := rename[t]; !renamed {
				if from, _ := secRange(work, t); from >= 0 {
					return nil, fmt.Errorf("%w: %s gibt es schon", ErrApply, t)
				}
			}
		}
		for i := range work {
			if t, ok := rename[work[i].Sec]; ok && work[i].Part != PartTitel && work[i].Part != PartEingang {
				work[i].Sec = t
			}
		}
		out = work
	default:
		return nil, fmt.Errorf("%w: unbekannter Befehl %q", ErrApply, in.Op)
	}
	seen := map[Address]bool{}
	for _, u := range out {
		if seen[u.Address] {
			return nil, fmt.Errorf("%w: danach gibt es %s zweimal", ErrApply, u.Address)
		}
		seen[u.Address] = true
	}
	return out, nil
}

// occurrences counts s in the unit's text lines (tables excluded: they
// are replaced whole), overlapping occurrences too.
func occurrences(ls []Line, s string) int {
	n := 0
	for _, l := range ls {
		if l.IsTable() {
			continue
		}
		t := l.Text
		for {
			i := strings.Index(t, s)
			if i < 0 {
				break
			}
			n++
			t = t[i+1:]
		}
	}
	return n
}

// strike removes the words old from text („… wird das Wort „X“
// gestrichen.“) with one blank beside them: the blank after them, or
// the one before them when they end the text or a mark follows („X“).
func strike(text, old string) string {
	p := strings.Index(text, old)
	if p < 0 {
		return text
	}
	q := p + len(old)
	switch {
	case q < len(text) && text[q] == ' ':
		q++
	case p > 0 && text[p-1] == ' ':
		p--
	}
	return text[:p] + text[q:]
}
