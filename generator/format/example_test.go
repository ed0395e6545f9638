package format_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/vereinbar/vereinbar/generator/format"
)

// show makes the no-break space visible.
func show(s string) string { return strings.ReplaceAll(s, "\u00a0", "⍽") }

func ExampleMoney() {
	fmt.Println(show(format.Money(123456789)))
	fmt.Println(show(format.Money(-123456)))
	fmt.Println(show(format.Money(1)))
	// Output:
	// 1.234.567,89⍽€
	// -1.234,56⍽€
	// 0,01⍽€
}

func ExampleMoneyPlain() {
	fmt.Println(format.MoneyPlain(123456))
	// Output: 1.234,56
}

func ExamplePercent() {
	fmt.Println(show(format.Percent(2653499)))
	// Output: 26,53499⍽%
}

func ExamplePercentPlain() {
	fmt.Println(format.PercentPlain(2653499))
	// Output: 26,53499
}

func ExampleThousands() {
	fmt.Println(format.Thousands(2180684))
	// Output: 2.180.684
}

func ExampleFormatFixed() {
	fmt.Println(format.FormatFixed(-123456, 2))
	fmt.Println(format.FormatFixed(1296662, 5))
	// Output:
	// -1234.56
	// 12.96662
}

func ExampleDateLong() {
	fmt.Println(format.DateLong(time.Date(2026, time.November, 28, 0, 0, 0, 0, time.UTC)))
	// Output: 28. November 2026
}

func ExampleDateShort() {
	fmt.Println(format.DateShort(time.Date(2026, time.November, 28, 0, 0, 0, 0, time.UTC)))
	// Output: 28.11.2026
}

func ExampleParseCents() {
	for _, s := range []string{"480000", "480000.5", "-3", "1.234", "1e5", "+1"} {
		cents, err := format.ParseCents(s)
		fmt.Println(cents, err)
	}
	// Output:
	// 48000000 <nil>
	// 48000050 <nil>
	// -300 <nil>
	// 0 „1.234“: zu viele Nachkommastellen (höchstens zwei Nachkommastellen)
	// 0 „1e5“: Exponentenschreibweise ist nicht erlaubt
	// 0 „+1“: führendes Pluszeichen ist nicht erlaubt
}

func ExampleParseE5() {
	fmt.Println(format.ParseE5("12.96662"))
	fmt.Println(format.ParseE5("50"))
	// Output:
	// 1296662 <nil>
	// 5000000 <nil>
}

func ExampleParseFixed() {
	fmt.Println(format.ParseFixed("1.5", 3))
	fmt.Println(format.ParseFixed("-9223372036854775808", 0))
	// Output:
	// 1500 <nil>
	// -9223372036854775808 <nil>
}

func ExampleParseGermanE5() {
	v, err := format.ParseGermanE5("26,53499\u00a0%")
	fmt.Println(v, err)
	_, err = format.ParseGermanE5("26.5 %")
	fmt.Println(err != nil)
	// Output:
	// 2653499 <nil>
	// true
}

func ExampleZahlwort() {
	fmt.Println(format.Zahlwort(2), format.Zahlwort(12), format.Zahlwort(17), format.Zahlwort(21))
	// Output: zwei zwölf siebzehn 21
}

func ExampleDauer() {
	for _, m := range []int{1, 30, 60, 90, 240} {
		fmt.Println(show(format.Dauer(m)))
	}
	// Output:
	// 1⍽Minute
	// 30⍽Minuten
	// 1⍽Stunde
	// 90⍽Minuten
	// 4⍽Stunden
}
