package costs

import "errors"

// Sentinel errors. Every error returned by this package wraps exactly one of
// them, so callers can test with errors.Is; the wrapping message names the
// offending party, key part or position in German.
var (
	// ErrNoParties reports an input without any party.
	ErrNoParties = errors.New("keine Beteiligten angegeben")
	// ErrPartyCode reports an empty party code.
	ErrPartyCode = errors.New("leeres Länderkürzel")
	// ErrDuplicateParty reports a party code (or re-user code) listed twice.
	ErrDuplicateParty = errors.New("Länderkürzel doppelt angegeben")
	// ErrUnknownParty reports a reference to a party code that is not in the
	// party list.
	ErrUnknownParty = errors.New("unbekanntes Länderkürzel")
	// ErrNoBearer reports that a key split is required but no party bears
	// costs.
	ErrNoBearer = errors.New("kein kostentragendes Land")
	// ErrWeights reports key weights that are not positive or do not add up
	// to 10000 (100 %).
	ErrWeights = errors.New("Gewichte des Schlüssels ungültig (Summe muss 100 % ergeben)")
	// ErrKeyKind reports an unknown kind of partial key.
	ErrKeyKind = errors.New("unbekannte Art des Teilschlüssels")
	// ErrMissingValue reports a bearing party without a value in a partial key.
	ErrMissingValue = errors.New("Wert für kostentragendes Land fehlt")
	// ErrNegativeValue reports a negative value in a partial key.
	ErrNegativeValue = errors.New("negativer Schlüsselwert")
	// ErrZeroSum reports a partial key whose values add up to zero over the
	// bearing parties.
	ErrZeroSum = errors.New("Summe der Schlüsselwerte ist null")
	// ErrFestSum reports a fest key whose shares do not add up to exactly
	// 10,000,000 e5 units over the bearing parties.
	ErrFestSum = errors.New("feste Anteile ergeben nicht genau 100 %")
	// ErrShares reports shares passed to Split that are negative, larger than
	// 100 % or do not add up to exactly 10,000,000.
	ErrShares = errors.New("Anteile ergeben nicht genau 100 %")
	// ErrAmount reports a negative or too large amount.
	ErrAmount = errors.New("ungültiger Betrag")
	// ErrOverflow reports a sum that does not fit into int64 cents.
	ErrOverflow = errors.New("Summe zu groß")
	// ErrPosition reports a cost position without an ID.
	ErrPosition = errors.New("ungültige Kostenposition")
	// ErrDuplicateItem reports two cost items with the same ID.
	ErrDuplicateItem = errors.New("Kostenposition doppelt")
	// ErrYear reports an invalid or repeated year.
	ErrYear = errors.New("ungültiges Jahr")
	// ErrBearerKind reports an unknown kind of bearer.
	ErrBearerKind = errors.New("unbekannte Kostentragung")
	// ErrNoReusers reports an EachReuser position without re-using Länder.
	ErrNoReusers = errors.New("keine nachnutzenden Länder angegeben")
	// errInternal reports a broken invariant; it cannot happen for any input
	// and exists only so that the package never panics.
	errInternal = errors.New("interner Rechenfehler")
)
