// Package refdata provides the reference data vereinbar needs to generate
// Verwaltungsvereinbarungen between the German Länder: the possible
// contracting parties (the 16 Länder and the Bund) with their official
// styles in all four grammatical cases, the head nouns of authority names
// with their gender and declension (to decline "vertreten durch …"), the
// official order of the parties, the 14 OZG Themenfelder and the tables of
// the Königsteiner Schlüssel.
//
// All data is embedded as YAML files below data/ and parsed lazily, once, on
// first use; the parsed values are never modified afterwards, and every
// accessor returns copies. Additional Königsteiner-Schlüssel tables can be
// supplied by users as YAML files in a directory (see [LoadKS]); they are
// validated with the same rules as the embedded ones, and every problem is
// reported with file, line and column in German (see [Errors]).
package refdata
