package aenderung

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vereinbar/vereinbar/generator/diff"
	"github.com/vereinbar/vereinbar/generator/model"
)

// Limits of the rule „a number, a date or a few words are replaced as
// Angabe / Wörter, a unit changed more is replaced whole“.
const (
	// MaxWordChanges is the most Wörter/Angabe instructions for one
	// unit; a unit changed in more places is replaced whole.
	MaxWordChanges = 3
	// MaxQuoteWords is the most words a quote of a Wörter instruction
	// may have, old or new.
	MaxQuoteWords = 12
)

// ErrNoChange reports two versions whose text forms are the same.
var ErrNoChange = errors.New("keine Änderung: die Vereinbarung ist in beiden Fassungen gleich")

// Instructions drafts the amendment instructions that turn ALT into NEU,
// in the order of the text, and proves them: it returns an error (wrapping
// ErrRoundTrip or ErrApply) unless Apply(Units(alt), instructions) equals
// Units(neu) exactly, and ErrNoChange when nothing changed.
func Instructions(alt, neu *model.Document) ([]Instruction, error) {
	a, err := diff.Align(alt, neu)
	if err != nil {
		return nil, err
	}
	oldU, err := Units(alt)
	if err != nil {
		return nil, err
	}
	newU, err := Units(neu)
	if err != nil {
		return nil, err
	}
	if Compare(oldU, newU) == nil {
		return nil, ErrNoChange
	}
	d := &drafter{work: cloneUnits(oldU), neu: newU, name: map[*model.Section]string{}, deleted: map[*model.Section]bool{}, targets: map[*model.Section]string{}}
	for _, s := range alt.Blocks {
		if s, ok := s.(*model.Section); ok && s.Level == 1 && !onlySignatures(s) {
			d.order = append(d.order, s)
			d.targets[s] = ""
		}
	}
	for _, p := range a.Pairs {
		if top(p.Old) && top(p.New) && !p.Moved && numbered(secName(p.Old.Section)) == numbered(secName(p.New.Section)) {
			d.targets[p.Old.Section] = secName(p.New.Section)
		}
	}
	if err := d.head(); err != nil {
		return nil, err
	}
	if err := d.sections(a); err != nil {
		return nil, err
	}
	if err := Prove(oldU, newU, d.out); err != nil {
		return nil, err
	}
	return d.out, nil
}

// Prove checks instructions twice: carried out as data, and read back
// from the German text Render sets (Parse), each applied to ALT's text
// form must give NEU's exactly. The error names the first differing unit.
func Prove(alt, neu []Unit, ins []Instruction) error {
	got, err := Apply(alt, ins)
	if err != nil {
		return err
	}
	if err := Compare(got, neu); err != nil {
		return err
	}
	read, err := ParseBlocks(Render(ins))
	if err != nil {
		return fmt.Errorf("%w: der gesetzte Text: %w", ErrRoundTrip, err)
	}
	if got, err = Apply(alt, read); err != nil {
		return fmt.Errorf("%w: der gesetzte Text: %w", ErrRoundTrip, err)
	}
	if err := Compare(got, neu); err != nil {
		return fmt.Errorf("der gesetzte Text: %w", err)
	}
	return nil
}

// drafter drafts instructions and carries each out at once on work, so
// the next is drafted against the text as it then stands.
type drafter struct {
	work    []Unit
	neu     []Unit
	out     []Instruction
	name    map[*model.Section]string // current name of an ALT §
	deleted map[*model.Section]bool
	targets map[*model.Section]string // NEU's name of an ALT §, "" when NEU drops it
	order   []*model.Section          // ALT's §§ in order
	last    string                    // the last § handled that NEU keeps
}

func (d *drafter) emit(in Instruction) error {
	w, err := applyOne(d.work, in)
	if err != nil {
		return err
	}
	d.work = w
	d.out = append(d.out, in)
	return nil
}

func (d *drafter) head() error {
	for _, p := range []Part{PartTitel, PartEingang} {
		a := Address{Part: p}
		i, k := find(d.work, a), find(d.neu, a)
		switch {
		case i < 0 && k < 0:
		case i < 0 || k < 0:
			return fmt.Errorf("aenderung: %s nur in einer Fassung", a)
		case !sameLines(d.work[i].Lines, d.neu[k].Lines):
			if err := d.emit(Instruction{Op: OpErsetzen, Target: a, Units: []Unit{d.neu[k]}}); err != nil {
				return err
			}
		}
	}
	return nil
}

// top reports whether a clause is a level-1 section whose text is part of
// the text form.
func top(c *diff.Clause) bool {
	return c != nil && c.Section != nil && c.Section.Level == 1 && !onlySignatures(c.Section)
}

func (d *drafter) sections(a *diff.Alignment) error {
	for _, p := range a.Pairs {
		o, n := top(p.Old), top(p.New)
		if o && n && d.targets[p.Old.Section] == "" {
			// a moved § is repealed where it stood and inserted anew
			if !d.deleted[p.Old.Section] {
				if err := d.repeal(p.Old.Section); err != nil {
					return err
				}
			}
			if err := d.insert(p.New.Section); err != nil {
				return err
			}
			continue
		}
		switch {
		case o && n:
			if err := d.matched(p.Old.Section, p.New.Section); err != nil {
				return err
			}
		case o:
			if !d.deleted[p.Old.Section] {
				if err := d.repeal(p.Old.Section); err != nil {
					return err
				}
			}
		case n:
			if err := d.insert(p.New.Section); err != nil {
				return err
			}
		}
	}
	return nil
}

func (d *drafter) cur(s *model.Section) string {
	if n, ok := d.name[s]; ok {
		return n
	}
	return secName(s)
}

func (d *drafter) repeal(s *model.Section) error {
	d.deleted[s] = true
	return d.emit(Instruction{Op: OpAufheben, Target: Address{Sec: d.cur(s)}})
}

func (d *drafter) insert(s *model.Section) error {
	name := secName(s)
	if from, _ := secRange(d.work, name); from >= 0 {
		// the number is taken: by a § that goes (repeal it now) or by
		// one that moves on (renumber it and those after it first)
		if err := d.free(name); err != nil {
			return err
		}
	}
	us := unitsOf(d.neu, name)
	after := Address{}
	if d.last != "" {
		after = Address{Sec: d.last}
	}
	if err := d.emit(Instruction{Op: OpEinfuegen, After: after, Units: us}); err != nil {
		return err
	}
	d.last = name
	return nil
}

// free makes a § number available for an inserted §.
func (d *drafter) free(name string) error {
	for s, del := range d.pending() {
		if d.cur(s) != name {
			continue
		}
		if del {
			return d.repeal(s)
		}
		return d.renumberFrom(s)
	}
	return fmt.Errorf("aenderung: %s ist belegt", name)
}

// pending maps every ALT § still in the text to whether NEU drops it.
func (d *drafter) pending() map[*model.Section]bool {
	out := map[*model.Section]bool{}
	for s, t := range d.targets {
		if !d.deleted[s] {
			out[s] = t == ""
		}
	}
	return out
}

func (d *drafter) matched(o, n *model.Section) error {
	target := secName(n)
	if d.cur(o) != target {
		if err := d.renumberFrom(o); err != nil {
			return err
		}
	}
	d.last = target
	return d.content(target)
}

// numbered splits a § name into its series ("§\u00a0", "Anlage\u00a0")
// and number; an unnumbered part is its own series with number 0.
func numbered(name string) string {
	s, _ := split(name)
	return s
}

func split(name string) (series string, n int) {
	i := strings.LastIndexFunc(name, func(r rune) bool { return !unicode.IsDigit(r) })
	if i < 0 || i == len(name)-1 {
		return name, 0
	}
	_, size := utf8.DecodeRuneInString(name[i:])
	n, err := strconv.Atoi(name[i+size:])
	if err != nil {
		return name, 0
	}
	return name[:i+size], n
}

// renumberFrom gives the ALT § s and the §§ after it that move by the
// same distance their NEU numbers, in one instruction („Die bisherigen
// §§ 8 bis 19 werden die §§ 9 bis 20.“).
func (d *drafter) renumberFrom(s *model.Section) error {
	series, from := split(d.cur(s))
	tseries, to := split(d.targets[s])
	if series != tseries || from == 0 || to == 0 {
		return fmt.Errorf("aenderung: %s kann nicht zu %s werden", d.cur(s), d.targets[s])
	}
	delta := to - from
	var in Instruction
	in.Op = OpUmnummerieren
	started := false
	next := from
	for _, o := range d.order {
		if o == s {
			started = true
		}
		if !started || d.deleted[o] {
			continue
		}
		cs, cn := split(d.cur(o))
		ts, tn := split(d.targets[o])
		if cs != series || ts != series || d.targets[o] == "" || cn != next || tn-cn != delta {
			break
		}
		in.From = append(in.From, d.cur(o))
		in.To = append(in.To, d.targets[o])
		next++
	}
	// a number the run takes that a § NEU drops still holds: that § is
	// repealed first (it stands later in the text, or moves)
	for _, t := range in.To {
		if slices.Contains(in.From, t) {
			continue
		}
		for _, o := range d.order {
			if d.deleted[o] || d.cur(o) != t {
				continue
			}
			if d.targets[o] != "" {
				return fmt.Errorf("aenderung: %s ist belegt", t)
			}
			if err := d.repeal(o); err != nil {
				return err
			}
		}
	}
	if err := d.emit(in); err != nil {
		return err
	}
	for _, o := range d.order {
		for k, f := range in.From {
			if !d.deleted[o] && d.cur(o) == f {
				d.name[o] = in.To[k]
				break
			}
		}
	}
	return nil
}

func unitsOf(us []Unit, sec string) []Unit {
	var out []Unit
	for _, u := range us {
		if u.Sec == sec && u.Part != PartTitel && u.Part != PartEingang {
			out = append(out, u)
		}
	}
	return out
}

// content drafts the instructions inside one § that both versions have
// under the same number.
func (d *drafter) content(sec string) error {
	old, neu := unitsOf(d.work, sec), unitsOf(d.neu, sec)
	if Compare(old, neu) == nil {
		return nil
	}
	whole := Instruction{Op: OpErsetzen, Target: Address{Sec: sec}, Units: neu}
	if len(old) == 0 || len(neu) == 0 || old[0].Part != PartHeading || neu[0].Part != PartHeading {
		return d.emit(whole)
	}
	var ins []Instruction
	if !sameLines(old[0].Lines, neu[0].Lines) {
		if hasHalfMarks(neu[0].Lines[0].Text) {
			return d.emit(whole)
		}
		ins = append(ins, Instruction{Op: OpUeberschrift, Target: Address{Sec: sec, Part: PartHeading}, Old: old[0].Lines[0].Text, New: neu[0].Lines[0].Text})
	}
	ob, nb := old[1:], neu[1:]
	for _, u := range append(append([]Unit{}, ob...), nb...) {
		if u.Sub != "" && Compare(ob, nb) != nil && !sameSubs(ob, nb) {
			return d.emit(whole)
		}
	}
	common := min(len(ob), len(nb))
	for i := 0; i < common; i++ {
		if ob[i].Address != nb[i].Address {
			return d.emit(whole)
		}
	}
	if len(nb) > common && nb[common].Sub != "" || len(ob) > common && ob[common].Sub != "" {
		return d.emit(whole)
	}
	if len(ob) != len(nb) && Compare(ob[:common], nb[:common]) != nil {
		// Absätze inserted or removed and others changed: which one is
		// new is no longer plain from the numbers; the § is replaced
		return d.emit(whole)
	}
	for i := 0; i < common; i++ {
		if sameLines(ob[i].Lines, nb[i].Lines) {
			continue
		}
		ws := wordChanges(ob[i], nb[i])
		if ws == nil {
			ws = []Instruction{{Op: OpErsetzen, Target: ob[i].Address, Units: []Unit{nb[i]}}}
		}
		ins = append(ins, ws...)
	}
	for _, u := range ob[common:] {
		if u.Abs == "" {
			return d.emit(whole)
		}
		ins = append(ins, Instruction{Op: OpAufheben, Target: u.Address})
	}
	for _, u := range nb[common:] {
		if u.Abs == "" {
			return d.emit(whole)
		}
		ins = append(ins, Instruction{Op: OpAnfuegen, Target: Address{Sec: sec}, Units: []Unit{u}})
	}
	// try them on a copy: what cannot be carried out is replaced whole
	trial := cloneUnits(d.work)
	for _, in := range ins {
		var err error
		if trial, err = applyOne(trial, in); err != nil {
			return d.emit(whole)
		}
	}
	if Compare(unitsOf(trial, sec), neu) != nil {
		return d.emit(whole)
	}
	for _, in := range ins {
		if err := d.emit(in); err != nil {
			return err
		}
	}
	return nil
}

// sameSubs reports whether two lists of units have the same sub-headings
// in the same order.
func sameSubs(a, b []Unit) bool {
	var sa, sb []string
	for _, u := range a {
		if u.Part == PartHeading {
			sa = append(sa, u.Sub)
		}
	}
	for _, u := range b {
		if u.Part == PartHeading {
			sb = append(sb, u.Sub)
		}
	}
	return strings.Join(sa, "\x00") == strings.Join(sb, "\x00")
}

// wordChanges drafts Wörter/Angabe instructions that turn the unit old
// into new, or returns nil when the unit is to be replaced whole: lines
// added, removed or relabelled, a table or chart changed, more than
// MaxWordChanges places or a quote longer than MaxQuoteWords words.
func wordChanges(old, neu Unit) []Instruction {
	if len(old.Lines) != len(neu.Lines) {
		return nil
	}
	for i := range old.Lines {
		o, n := old.Lines[i], neu.Lines[i]
		if o.Kind != n.Kind || o.Label != n.Label || o.Table != n.Table {
			return nil
		}
		if (o.IsTable() || o.Kind == LineChart) && !sameLines([]Line{o}, []Line{n}) {
			return nil
		}
	}
	work := cloneUnits([]Unit{old})[0]
	var out []Instruction
	for i := range work.Lines {
		for work.Lines[i].Text != neu.Lines[i].Text {
			if len(out) >= MaxWordChanges {
				return nil
			}
			in, ok := nextQuote(work.Lines, old.Lines, i, neu.Lines[i].Text)
			if !ok {
				return nil
			}
			in.Target = old.Address
			w, err := applyOne([]Unit{work}, in)
			if err != nil {
				return nil
			}
			work = w[0]
			out = append(out, in)
		}
	}
	return out
}

// mergeGap is the most words of unchanged text between two changes of a
// line that one quote spans („dienstags von 20 bis 24“ rather than two
// instructions for „von“ and „24“).
const mergeGap = 3

// separates reports text that separates the items of an enumeration or
// sentences: a quote widened only to be unique does not reach across it.
func separates(s string) bool {
	return strings.ContainsAny(s, ",;:") || strings.Contains(s, ". ")
}

// nextQuote drafts the instruction for the first difference of line i
// (lines the unit as it now stands, orig as it stood in ALT): a pure
// insertion after a word as OpWoerterEinfuegen („Nach dem Wort „…“ werden
// die Wörter „…“ eingefügt.“), else the difference with changes close
// behind it, widened to whole words, as OpWoerter. The old quote occurs
// exactly once in the unit as it stands and at most once in ALT's, and is
// widened for that only within one item of an enumeration; else ok is
// false and the unit is replaced whole.
func nextQuote(lines, orig []Line, i int, tgt string) (Instruction, bool) {
	cur := lines[i].Text
	segs := diff.Words(cur, tgt)
	oa := 0
	k := 0
	for ; k < len(segs) && segs[k].Op == diff.Equal; k++ {
		oa += len(segs[k].Text)
	}
	del, ins := 0, 0
	changes := func() {
		for ; k < len(segs) && segs[k].Op != diff.Equal; k++ {
			if segs[k].Op == diff.Delete {
				del += len(segs[k].Text)
			} else {
				ins += len(segs[k].Text)
			}
		}
	}
	changes()
	insAt, insLen := oa, ins // a pure insertion: where, how long
	pureInsert := del == 0
	if o, n := cur[oa:min(oa+del, len(cur))], tgt[oa:min(oa+ins, len(tgt))]; del > 0 && len(n) > len(o) {
		// „selbst.“ → „selbst und unmittelbar.“: the old text stands
		// around the new words
		p := 0
		for p < len(o) && o[p] == n[p] {
			p++
		}
		q := 0
		for q < len(o)-p && o[len(o)-1-q] == n[len(n)-1-q] {
			q++
		}
		if p+q == len(o) {
			pureInsert, insAt, insLen = true, oa+p, len(n)-len(o)
		}
	}
	// changes close behind, within the same item, go into the same quote
	for k+1 < len(segs) && segs[k].Op == diff.Equal && !separates(segs[k].Text) &&
		len(strings.FieldsFunc(segs[k].Text, isBlank)) <= mergeGap {
		del += len(segs[k].Text)
		ins += len(segs[k].Text)
		k++
		changes()
		pureInsert = false
	}
	if !strings.HasPrefix(tgt, cur[:oa]) || oa+del > len(cur) || oa+ins > len(tgt) {
		return Instruction{}, false
	}
	unique := func(q string) bool { return occurrences(lines, q) == 1 && occurrences(orig, q) <= 1 }
	if ins == 0 && del > 0 {
		// words dropped: „… wird das Wort „X“ gestrichen.“
		if in, ok := struck(cur, oa, del, unique); ok {
			return in, true
		}
	}
	if p, q := commonEnds(cur, tgt); p+q == len(tgt) && p+q < len(cur) {
		// the only change drops words before a mark: „(Kreis Mitte)“ →
		// „(Kreis)“, which the word diff sees as one word replaced
		if in, ok := struck(cur, p, len(cur)-q-p, unique); ok {
			return in, true
		}
	}
	if pureInsert {
		if in, ok := insertAfter(cur, tgt, insAt, insLen, unique); ok {
			return in, true
		}
	}
	ob, nb := oa+del, oa+ins
	startsWithInsert := k > 0 && firstChange(segs) == diff.Insert && del > 0
	wordStart := func(s string, at int) int {
		for at > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:at])
			if isBlank(r) {
				break
			}
			at -= size
		}
		return at
	}
	blanksBack := func(s string, at int) int {
		for at > 0 {
			r, size := utf8.DecodeLastRuneInString(s[:at])
			if !isBlank(r) {
				break
			}
			at -= size
		}
		return at
	}
	widenLeft := func() bool {
		if oa == 0 {
			return false
		}
		// over blanks, then over the word before them
		oa = wordStart(cur, blanksBack(cur, oa))
		return true
	}
	widenRight := func() bool {
		if ob >= len(cur) || nb >= len(tgt) {
			return false
		}
		ob = wordEnd(cur, ob)
		nb = wordEnd(tgt, nb)
		return true
	}
	// whole words
	if oa > 0 {
		if r, _ := utf8.DecodeLastRuneInString(cur[:oa]); !isBlank(r) {
			oa = wordStart(cur, oa)
		}
	}
	if ob < len(cur) && nb < len(tgt) {
		if r, _ := utf8.DecodeRuneInString(cur[ob:]); !isBlank(r) {
			ob = wordEnd(cur, ob)
		}
		if r, _ := utf8.DecodeRuneInString(tgt[nb:]); !isBlank(r) {
			nb = wordEnd(tgt, nb)
		}
	}
	if startsWithInsert {
		// new words before a replaced one: the word before them anchors
		// the quote („dienstags von 20 bis 24“)
		save := oa
		if widenLeft() && separates(cur[oa:save]) {
			oa = save
		}
	}
	na := oa
	bad := func() bool {
		o, n := cur[oa:ob], tgt[na:nb]
		return o == "" || n == "" || strings.TrimFunc(o, isBlank) != o || strings.TrimFunc(n, isBlank) != n
	}
	for tries := 0; bad() && tries < 4; tries++ {
		if !widenLeft() && !widenRight() {
			return Instruction{}, false
		}
		na = oa
	}
	if bad() {
		return Instruction{}, false
	}
	// widened to be unique: within one item of an enumeration, to the
	// left first, else to the right
	for tries := 0; !unique(cur[oa:ob]); tries++ {
		if tries > MaxQuoteWords {
			return Instruction{}, false
		}
		sa, sb, snb := oa, ob, nb
		if widenLeft() && !separates(cur[oa:sa]) {
			na = oa
			continue
		}
		oa = sa
		// a mark after the last word may close the quote: it is
		// taken out again below
		if widenRight() && !separates(strings.TrimRight(cur[sb:ob], ",;:.")) {
			continue
		}
		ob, nb = sb, snb
		return Instruction{}, false
	}
	// an opening mark both quotes begin with („(„Steuerungskreis“)
	// stays outside them: the quote starts at the word, widened to the
	// next whole word if that is needed to be unique
	for oa < ob && na < nb {
		r, size := utf8.DecodeRuneInString(cur[oa:ob])
		if r2, _ := utf8.DecodeRuneInString(tgt[na:nb]); r2 != r || !strings.ContainsRune(openingMarks, r) {
			break
		}
		ro, _ := utf8.DecodeRuneInString(cur[oa+size : ob])
		rn, _ := utf8.DecodeRuneInString(tgt[na+size : nb])
		if oa+size >= ob || na+size >= nb || isBlank(ro) || isBlank(rn) {
			break
		}
		oa, na = oa+size, na+size
	}
	for tries := 0; !unique(cur[oa:ob]); tries++ {
		sb := ob
		if tries >= MaxQuoteWords || !widenRight() || separates(strings.TrimRight(cur[sb:ob], ",;:.")) {
			return Instruction{}, false
		}
	}
	o, n := cur[oa:ob], tgt[na:nb]
	// a sentence or closing mark both quotes end with stays outside them
	for {
		r, size := utf8.DecodeLastRuneInString(o)
		r2, _ := utf8.DecodeLastRuneInString(n)
		if r != r2 || !strings.ContainsRune(closingMarks, r) || len(o) <= size || len(n) <= size {
			break
		}
		ro, _ := utf8.DecodeLastRuneInString(o[:len(o)-size])
		rn, _ := utf8.DecodeLastRuneInString(n[:len(n)-size])
		if isBlank(ro) || isBlank(rn) || !unique(o[:len(o)-size]) {
			break
		}
		o, n = o[:len(o)-size], n[:len(n)-size]
	}
	if hasHalfMarks(o) || hasHalfMarks(n) || !balanced(o) || !balanced(n) {
		// a quote that would hold half a pair of marks: the unit is
		// replaced whole
		return Instruction{}, false
	}
	// a quote that is most of the line: the unit is replaced whole
	if lw := len(strings.FieldsFunc(cur, isBlank)); 2*len(strings.FieldsFunc(o, isBlank)) > lw && lw > 1 {
		return Instruction{}, false
	}
	if strings.Contains(o, "\n") || strings.Contains(n, "\n") || len(strings.Fields(o)) > MaxQuoteWords || len(strings.Fields(n)) > MaxQuoteWords {
		return Instruction{}, false
	}
	return Instruction{Op: OpWoerter, Old: o, New: n}, true
}

// Marks that stand outside a quote when both versions have them beside
// the changed words.
const (
	openingMarks = "„(['\"«‹"
	closingMarks = ".,;:“)]'\"»›!?"
)

// balanced reports a quote that holds quotation marks and brackets only
// in pairs: „X“ and (X), never „X or X).
func balanced(s string) bool {
	return strings.Count(s, "„") == strings.Count(s, "“") && strings.Count(s, "(") == strings.Count(s, ")") && strings.Count(s, "[") == strings.Count(s, "]")
}

// commonEnds is the length of the longest common prefix of a and b and
// of the longest common suffix of what remains, in bytes at rune
// boundaries.
func commonEnds(a, b string) (p, q int) {
	for p < len(a) && p < len(b) {
		r, size := utf8.DecodeRuneInString(a[p:])
		if r2, _ := utf8.DecodeRuneInString(b[p:]); r2 != r {
			break
		}
		p += size
	}
	for q < len(a)-p && q < len(b)-p {
		r, size := utf8.DecodeLastRuneInString(a[:len(a)-q])
		if r2, _ := utf8.DecodeLastRuneInString(b[:len(b)-q]); r2 != r {
			break
		}
		q += size
	}
	return p, q
}

// struck drafts the words deleted at oa of cur (del bytes, blanks
// included) as „… wird das Wort „X“ gestrichen.“ when X is unique and
// striking it gives the text without them.
func struck(cur string, oa, del int, unique func(string) bool) (Instruction, bool) {
	o := strings.TrimFunc(cur[oa:oa+del], isBlank)
	at := oa + strings.Index(cur[oa:oa+del], o)
	before, _ := utf8.DecodeLastRuneInString(cur[:at])
	after, _ := utf8.DecodeRuneInString(cur[at+len(o):])
	if at > 0 && !isBlank(before) || at+len(o) < len(cur) && !isBlank(after) && !strings.ContainsRune(closingMarks, after) {
		return Instruction{}, false // not whole words
	}
	if o == "" || strings.Contains(o, "\n") || hasHalfMarks(o) || !balanced(o) || len(strings.Fields(o)) > MaxQuoteWords || !unique(o) {
		return Instruction{}, false
	}
	if lw := len(strings.FieldsFunc(cur, isBlank)); 2*len(strings.FieldsFunc(o, isBlank)) > lw && lw > 1 {
		return Instruction{}, false
	}
	if strike(cur, o) != cur[:oa]+cur[oa+del:] {
		return Instruction{}, false
	}
	return Instruction{Op: OpWoerter, Old: o}, true
}

// firstChange is the op of the first segment that is no Equal.
func firstChange(segs []diff.Segment) diff.Op {
	for _, s := range segs {
		if s.Op != diff.Equal {
			return s.Op
		}
	}
	return diff.Equal
}

// insertAfter drafts words inserted at oa of cur (ins bytes of tgt) as
// „Nach dem Wort „X“ werden die Wörter „Y“ eingefügt.“: X the words
// before, unique, Y the new words; the result must be tgt's text there.
func insertAfter(cur, tgt string, oa, ins int, unique func(string) bool) (Instruction, bool) {
	y := tgt[oa : oa+ins]
	// the inserted words stand between blanks: "… X Y Z …" from "… X Z …"
	var at int // end of X in cur
	switch {
	case oa > 0 && strings.HasSuffix(y, " ") && cur[oa-1] == ' ':
		at = oa - 1
	case oa > 0 && strings.HasPrefix(y, " ") && isWordByte(cur[oa-1]):
		at = oa
	default:
		return Instruction{}, false
	}
	y = strings.TrimSpace(y)
	if y == "" || hasHalfMarks(y) || at == 0 || strings.ContainsFunc(y, func(r rune) bool { return r == '\n' }) || len(strings.Fields(y)) > MaxQuoteWords {
		return Instruction{}, false
	}
	from := at
	for tries := 0; ; tries++ {
		if tries > MaxQuoteWords {
			return Instruction{}, false
		}
		// the word before (over blanks)
		for from > 0 {
			r, size := utf8.DecodeLastRuneInString(cur[:from])
			if !isBlank(r) {
				break
			}
			from -= size
		}
		for from > 0 {
			r, size := utf8.DecodeLastRuneInString(cur[:from])
			if isBlank(r) {
				break
			}
			from -= size
		}
		x := cur[from:at]
		if strings.TrimFunc(x, isBlank) != x || x == "" {
			return Instruction{}, false
		}
		if unique(x) {
			if hasHalfMarks(x) || !balanced(x) || !balanced(y) || !strings.HasPrefix(tgt, cur[:at]+" "+y) {
				return Instruction{}, false
			}
			return Instruction{Op: OpWoerterEinfuegen, Old: x, New: y}, true
		}
		if from == 0 {
			return Instruction{}, false
		}
	}
}

func isWordByte(b byte) bool { return b != ' ' && b != '\t' && b != '\n' }

// wordEnd returns the end of the blanks at i and the word after them.
func wordEnd(s string, i int) int {
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !isBlank(r) {
			break
		}
		i += size
	}
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if isBlank(r) {
			break
		}
		i += size
	}
	return i
}

// isBlank reports white space between words; a no-break space binds
// („1.850.000,00 €“, „§ 7“) and is part of the word.
func isBlank(r rune) bool {
	return unicode.IsSpace(r) && r != '\u00a0' && r != '\u202f' && r != '\u2007'
}
