// Package costs splits the costs of an inter-Länder re-use agreement
// exactly to the cent.
//
// # Units
//
// Money is always an integer number of cents (int64). Shares are integers
// in units of 0.00001 % ("e5 units"): 100 % is 10,000,000 units, so the
// Königsteiner Schlüssel 2016 of Sachsen-Anhalt, 2.79941 %, is 279941. Key
// weights are integers in units of 0.01 % (50 % = 5000) and all parts of a
// key add up to exactly 10000. No floating point is used anywhere; every
// intermediate value is an exact fraction (math/big) or an exact 128-bit
// product (math/bits).
//
// # Distribution key
//
// A distribution key is a weighted combination of partial keys. Each part k
// has a weight α_k and a non-negative integer value x_{k,i} for every
// cost-bearing party i. The exact, rational weight of party i is
//
//	w_i = Σ_k α_k · x_{k,i} / Σ_j x_{k,j}
//
// where j runs over the cost-bearing parties only. Every part is thereby
// normalised to the parties that actually bear costs; for the Königsteiner
// Schlüssel (kind koenigstein, values = the published key in e5 units) this
// normalisation is exactly the usual "adjusted to the participating Länder".
// Other kinds are paritaet (every bearing party counts 1; the caller need
// not pass values), nutzung (usage counts), einwohner (population),
// zielgruppe (size of the target group) and fest (explicit shares in e5
// units that add up to exactly 10,000,000 over the bearing parties). The
// package looks nothing up: the caller passes all values per party code.
// Values for codes that are not bearing parties are ignored (so a complete
// published table may be passed), but they must not be negative.
//
// Which parties bear the key split is decided by the caller through
// Party.Bears (for example whether the implementing Land takes a share).
// Parties that do not bear get share 0.
//
// # Rounding
//
// Rounding is by the largest-remainder method (Hare/Niemeyer), in two
// places:
//
//  1. Shares: quota_i = 10,000,000 · w_i / Σ w. Every quota is rounded down;
//     the units still missing to 10,000,000 are handed out one each to the
//     parties with the largest fractional remainders.
//  2. Items: every cost item of T cents is split by the shares with
//     quota_i = T · share_i / 10,000,000, rounded down, and the missing cents
//     go one each to the largest remainders, so the parts add up to exactly T.
//
// Equal remainders are resolved in favour of the party listed earlier in
// the input. A party's total is the sum of its item amounts and is never
// rounded again. Plain half-up rounding can miss the total (the key of
// BB, BE and TH rounds to 9,999,999 units); largest remainders never do.
//
// # Bearers
//
// Every cost position names who pays it: ByKey (the default; split by the
// key among the bearing parties), Single (one named party pays everything),
// EachReuser (every re-using Land pays the full amount) or External
// (financed outside the alliance, e.g. from a Konjunkturprogramm; listed but
// not split). Yearly positions produce one item per year.
package costs
