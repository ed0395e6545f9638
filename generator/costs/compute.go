package costs

import (
	"fmt"
	"slices"
	"strconv"
)

// BearerKind says who pays a cost position.
type BearerKind string

// Kinds of bearers.
const (
	// ByKey splits the position by the key among the bearing parties. The
	// empty BearerKind means ByKey.
	ByKey BearerKind = "by_key"
	// Single makes the party named in Bearer.Party pay everything.
	Single BearerKind = "single"
	// EachReuser makes every re-using Land (Input.Reusers) pay the full
	// amount; the item amount is the amount times the number of re-users.
	EachReuser BearerKind = "each_reuser"
	// External marks a position financed outside the alliance (e.g. from a
	// Konjunkturprogramm); it is listed but not split.
	External BearerKind = "external"
)

// Valid reports whether b is one of the defined kinds or empty (ByKey).
func (b BearerKind) Valid() bool {
	switch b {
	case "", ByKey, Single, EachReuser, External:
		return true
	}
	return false
}

// normalize maps the empty kind to ByKey.
func (b BearerKind) normalize() BearerKind {
	if b == "" {
		return ByKey
	}
	return b
}

// Bearer names who pays a position.
type Bearer struct {
	// Kind is the kind of bearer; empty means ByKey.
	Kind BearerKind
	// Party is the paying party's code for Single; ignored otherwise.
	Party string
}

// Position is one cost position of the agreement.
type Position struct {
	// ID identifies the position, e.g. "betrieb". Item IDs are derived from
	// it and must be unique.
	ID string
	// Category is passed through, e.g. "betrieb" or "anbindung".
	Category string
	// Label is a human description, passed through.
	Label string
	// AmountCents is the amount per year for yearly positions and per
	// re-using Land for EachReuser; 0 <= AmountCents <= MaxCents.
	AmountCents int64
	// Years makes the position yearly: one item per year (ascending, IDs
	// "<ID>-<year>"). Years must be positive and distinct. Empty means a
	// one-off item with ID "<ID>".
	Years []int
	// Year is the optional year of a one-off item (0 = none). It must be 0
	// for yearly positions.
	Year int
	// Bearer says who pays.
	Bearer Bearer
}

// Input is everything Compute needs.
type Input struct {
	// Parties are all parties of the agreement in file order; codes are
	// unique.
	Parties []Party
	// Reusers are the codes of the re-using Länder (for EachReuser) in file
	// order; each must be a party.
	Reusers []string
	// Key is the distribution key; it is needed (and validated) when at
	// least one party bears costs.
	Key []KeyPart
	// Positions are the cost positions in file order.
	Positions []Position
	// CapSurchargePercent is the surcharge on a party's planned amount per
	// year that gives its Höchstbetrag (Cap); only used when a party joins
	// or leaves.
	CapSurchargePercent int
	// Implementing is the code of the implementing Land, which bears what
	// the Höchstbeträge leave over after a recalculation; needed when a
	// party joins or leaves.
	Implementing string
	// Term is the running time of the agreement: a yearly item of a year
	// the term covers only partly is charged for the months it covers
	// (ProRata); a year outside the term is an error. The zero Term
	// charges every year in full.
	Term Term
}

// Result is the exact cost split.
type Result struct {
	// Parties holds every input party in input order.
	Parties []PartyResult
	// Items holds the items paid by parties, in position order and, within
	// a yearly position, by ascending year.
	Items []ItemResult
	// External holds the items financed externally (not split).
	External []ItemResult
	// TotalCents is the sum of all Items amounts, equal to the sum of the
	// party totals.
	TotalCents int64
	// Years holds the distinct years of Items in ascending order; 0 (items
	// without a year) comes last if present.
	Years []int
	// Key explains how the shares came about (nil when no party bears a
	// share of the key); with joins or leaves the key of the first period.
	Key *Explanation
	// Plan is the split of the agreement as concluded — without the
	// parties that join later and with every party for the whole term —
	// whose amounts the agreement names and from which the Höchstbeträge
	// follow; nil when no party joins or leaves.
	Plan *Result
	// Periods are the stretches of the term with one composition and the
	// key of each (only when a party joins or leaves).
	Periods []Period
}

// PartyResult is the result for one party.
type PartyResult struct {
	// Code is the party code.
	Code string
	// Bears reports whether the party bears a share of the key split.
	Bears bool
	// ShareE5 is the party's rounded key share in e5 units (0 if it does not
	// bear); when parties join or leave, its share in the first period it
	// takes part in (Result.Periods has every period's shares).
	ShareE5 int64
	// From and To are the first and last month the party takes part in
	// (zero: from the beginning, to the end), as passed in.
	From, To Month
	// CapByYear is the party's Höchstbetrag per year and CapAdjustByYear
	// what the Höchstbeträge moved to (+) or from (−) its item amounts in
	// that year; both nil unless a party joins or leaves (see caps.go).
	CapByYear, CapAdjustByYear map[int]int64
	// TotalCents is the sum of the party's item amounts.
	TotalCents int64
	// ByYear holds the party's amounts per year, with an entry (possibly 0)
	// for every year in Result.Years; key 0 collects items without a year.
	// It includes CapAdjustByYear, so it is what the party pays.
	ByYear map[int]int64
}

// ItemResult is one cost item and who pays what.
type ItemResult struct {
	// ID is "<position ID>-<year>" for yearly items, else the position ID.
	ID string
	// Position is the ID of the position the item belongs to.
	Position string
	// Category and Label are passed through from the position.
	Category, Label string
	// Year is the item's year (0 = none).
	Year int
	// AmountCents is the item total; for EachReuser it is the position
	// amount times the number of re-users. For a yearly item of a year the
	// term covers only partly it is the pro-rata part (see Months).
	AmountCents int64
	// Months is the number of months a yearly item is charged for: 12 for
	// a full year, fewer in a year the term covers only partly; 0 for a
	// one-off item.
	Months int
	// Basis is how the item is paid (never empty).
	Basis BearerKind
	// Split holds the parties paying something (> 0), in party input order.
	// It is empty for External items.
	Split []PartyAmount
	// Runs are the parts of a yearly item split by the key when the key
	// changes within its year (a party joins or leaves): one per run of
	// months of one period, in month order; nil when one key splits the
	// whole item. The runs' splits add up to Split. (Not part of the JSON.)
	Runs []ItemRun
}

// ItemRun is the part of a yearly item charged for the months First to
// Last of its year, split by the key of one period.
type ItemRun struct {
	First, Last int
	// Split holds the parties paying something (> 0), in party input order.
	Split []PartyAmount
}

// PartyAmount is the amount one party pays for an item.
type PartyAmount struct {
	// Code is the party code.
	Code string
	// Cents is the amount in cents.
	Cents int64
}

// Compute validates the input and splits every position exactly to the
// cent. It never panics; every error wraps one of the sentinel errors.
//
// When a party joins or leaves (Party.From, Party.To), Result.Plan holds
// the split of the agreement as concluded (the parties without From, each
// for the whole term), Result.Periods the key of every period, and the
// Höchstbeträge (see caps.go) limit what the recalculation asks of every
// party per year.
func Compute(in Input) (*Result, error) {
	res, ps, err := compute(in)
	if err != nil || !changing(in.Parties) {
		return res, err
	}
	plan, _, err := compute(planInput(in))
	if err != nil {
		return nil, fmt.Errorf("Vereinbarung ohne Beitritt und Ausscheiden: %w", err)
	}
	res.Plan = plan
	for _, p := range ps {
		res.Periods = append(res.Periods, Period{From: p.From, To: p.To, Shares: p.Shares})
	}
	if err := res.applyCaps(in, ps, plan); err != nil {
		return nil, err
	}
	return res, nil
}

// planInput is the agreement as concluded: without the parties that join
// later, every other party for the whole term.
func planInput(in Input) Input {
	out := in
	out.Parties, out.Reusers = nil, nil
	joined := map[string]bool{}
	for _, p := range in.Parties {
		if !p.From.IsZero() {
			joined[p.Code] = true
			continue
		}
		out.Parties = append(out.Parties, Party{Code: p.Code, Bears: p.Bears})
	}
	for _, c := range in.Reusers {
		if !joined[c] {
			out.Reusers = append(out.Reusers, c)
		}
	}
	return out
}

// compute splits every item by the periods of constant composition.
func compute(in Input) (*Result, []Period, error) {
	idx, err := validateParties(in.Parties)
	if err != nil {
		return nil, nil, err
	}
	if err := validateSpans(in.Parties); err != nil {
		return nil, nil, err
	}
	reusers, err := validateReusers(in.Reusers, idx)
	if err != nil {
		return nil, nil, err
	}

	anyBearer := slices.ContainsFunc(in.Parties, func(p Party) bool { return p.Bears })
	var ps []Period
	if anyBearer {
		if ps, err = periods(in); err != nil {
			return nil, nil, err
		}
	} else {
		ps = []Period{{}}
	}
	// a party's share is the one of the first period it takes part in
	shares := make([]int64, len(in.Parties))
	seenShare := make([]bool, len(in.Parties))
	for _, per := range ps {
		for i, p := range in.Parties {
			if !seenShare[i] && per.shares != nil && p.Bears && p.takesPart(periodStart(per)) {
				shares[i], seenShare[i] = per.shares[i], true
			}
		}
	}

	res := &Result{
		Key:      ps[0].key,
		Parties:  make([]PartyResult, len(in.Parties)),
		Items:    []ItemResult{},
		External: []ItemResult{},
		Years:    []int{},
	}
	for _, per := range ps {
		if res.Key == nil && per.key != nil {
			res.Key = per.key
		}
	}
	seen := make(map[string]bool)
	var running int64 // fails fast on overflow before building the sums
	for _, pos := range in.Positions {
		items, err := expand(pos, in.Term)
		if err != nil {
			return nil, nil, err
		}
		for _, it := range items {
			if seen[it.ID] {
				return nil, nil, fmt.Errorf("%q: %w", it.ID, ErrDuplicateItem)
			}
			seen[it.ID] = true
			s := splitter{in: in, idx: idx, reusers: reusers, periods: ps, anyBearer: anyBearer}
			if err := s.pay(&it, pos); err != nil {
				return nil, nil, err
			}
			if it.Basis == External {
				res.External = append(res.External, it)
				continue
			}
			if running, err = add(running, it.AmountCents); err != nil {
				return nil, nil, fmt.Errorf("Kostenposition %q: Gesamtsumme: %w", pos.ID, err)
			}
			res.Items = append(res.Items, it)
		}
	}

	if err := res.sum(in.Parties, shares, idx); err != nil {
		return nil, nil, err
	}
	for i, p := range in.Parties {
		res.Parties[i].From, res.Parties[i].To = p.From, p.To
	}
	return res, ps, nil
}

// periodStart is the first month index of a period.
func periodStart(per Period) int {
	if per.From.IsZero() {
		return minMonth
	}
	return per.From.index()
}

func validateReusers(codes []string, idx map[string]int) ([]int, error) {
	out := make([]int, 0, len(codes))
	seen := make(map[string]bool, len(codes))
	for _, c := range codes {
		i, ok := idx[c]
		if !ok {
			return nil, fmt.Errorf("nachnutzendes Land %q: %w", c, ErrUnknownParty)
		}
		if seen[c] {
			return nil, fmt.Errorf("nachnutzendes Land %q: %w", c, ErrDuplicateParty)
		}
		seen[c] = true
		out = append(out, i)
	}
	slices.Sort(out) // splits are listed in party order
	return out, nil
}

// expand validates a position and returns its items with ID, year and
// amount per year, pro rata in a year the term covers only partly (not
// yet multiplied for EachReuser).
func expand(pos Position, term Term) ([]ItemResult, error) {
	if pos.ID == "" {
		return nil, fmt.Errorf("Kostenposition ohne ID (%q): %w", pos.Label, ErrPosition)
	}
	if pos.AmountCents < 0 || pos.AmountCents > MaxCents {
		return nil, fmt.Errorf("Kostenposition %q: %d Cent (erlaubt 0 bis %d): %w",
			pos.ID, pos.AmountCents, MaxCents, ErrAmount)
	}
	if !pos.Bearer.Kind.Valid() {
		return nil, fmt.Errorf("Kostenposition %q: %q: %w", pos.ID, pos.Bearer.Kind, ErrBearerKind)
	}
	base := ItemResult{
		Position:    pos.ID,
		Category:    pos.Category,
		Label:       pos.Label,
		AmountCents: pos.AmountCents,
		Basis:       pos.Bearer.Kind.normalize(),
	}
	if len(pos.Years) == 0 {
		if pos.Year < 0 {
			return nil, fmt.Errorf("Kostenposition %q: Jahr %d: %w", pos.ID, pos.Year, ErrYear)
		}
		base.ID, base.Year = pos.ID, pos.Year
		return []ItemResult{base}, nil
	}
	if pos.Year != 0 {
		return nil, fmt.Errorf("Kostenposition %q: Year und Years zugleich angegeben: %w", pos.ID, ErrYear)
	}
	years := slices.Clone(pos.Years)
	slices.Sort(years)
	items := make([]ItemResult, 0, len(years))
	for i, y := range years {
		if y <= 0 {
			return nil, fmt.Errorf("Kostenposition %q: Jahr %d: %w", pos.ID, y, ErrYear)
		}
		if i > 0 && years[i-1] == y {
			return nil, fmt.Errorf("Kostenposition %q: Jahr %d doppelt: %w", pos.ID, y, ErrYear)
		}
		it := base
		it.ID, it.Year = pos.ID+"-"+strconv.Itoa(y), y
		first, last := term.MonthsIn(y)
		if first == 0 {
			return nil, fmt.Errorf("Kostenposition %q: Jahr %d liegt außerhalb der Laufzeit: %w", pos.ID, y, ErrYear)
		}
		it.Months = last - first + 1
		if it.Months < 12 {
			amount, err := ProRata(pos.AmountCents, first, last)
			if err != nil {
				return nil, fmt.Errorf("Kostenposition %q: %w", pos.ID, err)
			}
			it.AmountCents = amount
		}
		items = append(items, it)
	}
	return items, nil
}

// splitter splits the items of one computation.
type splitter struct {
	in        Input
	idx       map[string]int
	reusers   []int
	periods   []Period
	anyBearer bool
}

// pay fills Split (and the total for EachReuser) of an item.
func (s splitter) pay(it *ItemResult, pos Position) error {
	parties := s.in.Parties
	switch it.Basis {
	case External:
		return nil
	case Single:
		i, ok := s.idx[pos.Bearer.Party]
		if !ok {
			return fmt.Errorf("Kostenposition %q: Kostenträger %q: %w", pos.ID, pos.Bearer.Party, ErrUnknownParty)
		}
		if it.AmountCents > 0 {
			it.Split = []PartyAmount{{Code: parties[i].Code, Cents: it.AmountCents}}
		}
		return nil
	case EachReuser:
		if len(s.reusers) == 0 {
			return fmt.Errorf("Kostenposition %q: %w", pos.ID, ErrNoReusers)
		}
		var total int64
		for _, i := range s.reusers {
			a, err := s.reuserAmount(it, pos, parties[i])
			if err != nil {
				return err
			}
			if a > 0 {
				it.Split = append(it.Split, PartyAmount{Code: parties[i].Code, Cents: a})
			}
			if total, err = add(total, a); err != nil {
				return fmt.Errorf("Kostenposition %q: %w", pos.ID, ErrOverflow)
			}
		}
		it.AmountCents = total
		return nil
	default: // ByKey
		if !s.anyBearer {
			return fmt.Errorf("Kostenposition %q: %w", pos.ID, ErrNoBearer)
		}
		amounts := make([]int64, len(parties))
		runs := s.runs(it, pos)
		for _, r := range runs {
			if r.per.shares == nil {
				return fmt.Errorf("Kostenposition %q: %w", pos.ID, ErrNoBearer)
			}
			part, err := Split(r.cents, r.per.shares)
			if err != nil {
				return fmt.Errorf("Kostenposition %q: %w", pos.ID, err)
			}
			var ir ItemRun
			for i, a := range part {
				amounts[i] += a // Σ ≤ item amount ≤ MaxCents
				if a > 0 {
					ir.Split = append(ir.Split, PartyAmount{Code: parties[i].Code, Cents: a})
				}
			}
			if len(runs) > 1 && r.first > 0 {
				ir.First, ir.Last = r.first, r.last
				it.Runs = append(it.Runs, ir)
			}
		}
		for i, a := range amounts {
			if a > 0 {
				it.Split = append(it.Split, PartyAmount{Code: parties[i].Code, Cents: a})
			}
		}
		return nil
	}
}

// run is a part of an item charged to one period.
type run struct {
	per   *Period
	cents int64
	// first and last are the months of a yearly item's run (0 otherwise).
	first, last int
}

// runs cuts an item at the period boundaries: a yearly item by its months
// (pro rata), a one-off item whole into the period of its reference month.
func (s splitter) runs(it *ItemResult, pos Position) []run {
	if it.Months == 0 {
		return []run{{per: at(s.periods, reference(s.in.Term, it.Year)), cents: it.AmountCents}}
	}
	first, last := s.in.Term.MonthsIn(it.Year)
	if len(s.periods) == 1 {
		return []run{{per: &s.periods[0], cents: it.AmountCents}}
	}
	var out []run
	for k := range s.periods {
		per := &s.periods[k]
		a, b := overlap(per.From, per.To, it.Year, first, last)
		if a == 0 {
			continue
		}
		cents, _ := ProRata(pos.AmountCents, a, b) // 1 ≤ a ≤ b ≤ 12
		out = append(out, run{per: per, cents: cents, first: a, last: b})
	}
	return out
}

// overlap returns the months of year y within [first, last] that lie
// between from and to (zero: open); (0, 0) if none.
func overlap(from, to Month, y, first, last int) (a, b int) {
	a, b = first, last
	if !from.IsZero() {
		switch {
		case from.Year > y:
			return 0, 0
		case from.Year == y:
			a = max(a, from.Month)
		}
	}
	if !to.IsZero() {
		switch {
		case to.Year < y:
			return 0, 0
		case to.Year == y:
			b = min(b, to.Month)
		}
	}
	if a > b {
		return 0, 0
	}
	return a, b
}

// reuserAmount is what one re-using Land pays of an EachReuser item: a
// yearly item for its months of the year, a one-off item in full if it
// takes part in the item's reference month.
func (s splitter) reuserAmount(it *ItemResult, pos Position, p Party) (int64, error) {
	if it.Months == 0 {
		if !p.takesPart(reference(s.in.Term, it.Year)) {
			return 0, nil
		}
		return it.AmountCents, nil
	}
	first, last := s.in.Term.MonthsIn(it.Year)
	a, b := overlap(p.From, p.To, it.Year, first, last)
	if a == 0 {
		return 0, nil
	}
	if a == first && b == last {
		return it.AmountCents, nil
	}
	return ProRata(pos.AmountCents, a, b)
}

const maxInt64 = 1<<63 - 1

// add returns a+b or ErrOverflow.
func add(a, b int64) (int64, error) {
	s := a + b
	if (b > 0 && s < a) || (b < 0 && s > a) {
		return 0, ErrOverflow
	}
	return s, nil
}

// sum fills the party results, the total and the years.
func (r *Result) sum(parties []Party, shares []int64, idx map[string]int) error {
	yearSet := make(map[int]bool)
	for _, it := range r.Items {
		yearSet[it.Year] = true
	}
	for y := range yearSet {
		r.Years = append(r.Years, y)
	}
	sortYears(r.Years)

	for i, p := range parties {
		by := make(map[int]int64, len(r.Years))
		for _, y := range r.Years {
			by[y] = 0
		}
		r.Parties[i] = PartyResult{Code: p.Code, Bears: p.Bears, ShareE5: shares[i], ByYear: by}
	}
	var err error
	for _, it := range r.Items {
		if r.TotalCents, err = add(r.TotalCents, it.AmountCents); err != nil {
			return fmt.Errorf("Gesamtsumme: %w", err)
		}
		for _, pa := range it.Split {
			pr := &r.Parties[idx[pa.Code]]
			if pr.TotalCents, err = add(pr.TotalCents, pa.Cents); err != nil {
				return fmt.Errorf("Summe für %q: %w", pa.Code, err)
			}
			// |ByYear| <= TotalCents, so this cannot overflow any more.
			pr.ByYear[it.Year] += pa.Cents
		}
	}
	return nil
}

// sortYears sorts ascending with 0 (no year) last.
func sortYears(ys []int) {
	slices.SortFunc(ys, func(a, b int) int {
		switch {
		case a == b:
			return 0
		case a == 0:
			return 1
		case b == 0:
			return -1
		case a < b:
			return -1
		default:
			return 1
		}
	})
}
