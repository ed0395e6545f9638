package refdata

import (
	"strings"
	"unicode/utf8"

	"github.com/agnivade/levenshtein"
)

// Suggest returns the candidate closest to word by Levenshtein distance, if
// that distance is at most max(2, runes(word)/3); otherwise "". The
// comparison ignores case (so "Quelle" suggests "quelle"); on a tie the
// earliest candidate wins.
func Suggest(word string, candidates []string) string {
	limit := max(2, utf8.RuneCountInString(word)/3)
	lw := strings.ToLower(word)
	best, bestDist := "", limit+1
	for _, c := range candidates {
		if d := levenshtein.ComputeDistance(lw, strings.ToLower(c)); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best
}
