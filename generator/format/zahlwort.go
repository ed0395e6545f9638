package format

import "strconv"

// zahlwoerter are the German cardinal words up to twenty, as they stand
// before a plural noun ("zwölf Ausfertigungen").
var zahlwoerter = [...]string{"null", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
	"elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn", "zwanzig"}

// Zahlwort writes a count as legal texts do: in words from zero to
// twenty ("zwölf"), in digits above and below ("21", "-1").
func Zahlwort(n int) string {
	if n >= 0 && n < len(zahlwoerter) {
		return zahlwoerter[n]
	}
	return strconv.Itoa(n)
}
