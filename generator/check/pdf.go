package check

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// PDFPages is what a PDF file written by vereinbar shows, for the rules
// of KindPDF: its pages as read from the file and as vereinbar sets the
// model embedded in it, and what was added to the file.
type PDFPages struct {
	// Shown holds for each page the text strings the file shows.
	Shown [][]string
	// Model holds for each page the text strings vereinbar sets from the
	// embedded model.
	Model [][]string
	// Unreadable says why Shown or Model is missing ("" if both are
	// there): then the pages could not be compared.
	Unreadable string
	// Updates counts the incremental updates appended to the file.
	Updates int
	// Foreign lists annotations other than links and embedded objects
	// drawn on the pages ("Seite 2: Anmerkung /FreeText").
	Foreign []string
}

// number matches an amount or a share as vereinbar writes them:
// "1.234.567,89", "26,53499", "0,05".
var number = regexp.MustCompile(`-?\d{1,3}(?:\.\d{3})+,\d+|-?\d+,\d+`)

// maxListed bounds the tokens one finding lists for each side.
const maxListed = 6

// tally counts tokens of the pages and remembers the first page of each.
type tally struct {
	count map[string]int
	page  map[string]int
}

// tallyPages splits every string of the pages with split and counts the
// pieces.
func tallyPages(pages [][]string, split func(string) []string) tally {
	t := tally{count: map[string]int{}, page: map[string]int{}}
	for i, strs := range pages {
		for _, s := range strs {
			for _, tok := range split(s) {
				if t.count[tok] == 0 {
					t.page[tok] = i + 1
				}
				t.count[tok]++
			}
		}
	}
	return t
}

// comparePages compares the tokens split makes of what the pages show
// with those of what the model sets, as multisets over the whole file (so
// a row moved to another page is no difference), and reports the
// differences page by page: one finding per page, naming what the page
// shows too often and what the model sets there that the page lacks.
func (c *ctx) comparePages(split func(string) []string) {
	p := c.in.PDF
	if p == nil || p.Unreadable != "" {
		return
	}
	shown, model := tallyPages(p.Shown, split), tallyPages(p.Model, split)
	type side struct{ shown, model []string }
	pages := map[int]*side{}
	at := func(page int) *side {
		if pages[page] == nil {
			pages[page] = &side{}
		}
		return pages[page]
	}
	for tok, n := range shown.count {
		if extra := n - model.count[tok]; extra > 0 {
			s := at(shown.page[tok])
			s.shown = append(s.shown, counted(tok, extra))
		}
	}
	for tok, n := range model.count {
		if missing := n - shown.count[tok]; missing > 0 {
			page := shown.page[tok]
			if page == 0 {
				page = model.page[tok]
			}
			s := at(page)
			s.model = append(s.model, counted(tok, missing))
		}
	}
	for _, page := range slices.Sorted(maps.Keys(pages)) {
		s := pages[page]
		var parts []string
		if len(s.shown) > 0 {
			parts = append(parts, "die Seite zeigt "+listed(s.shown)+", die das eingebettete Modell nicht enthält")
		}
		if len(s.model) > 0 {
			parts = append(parts, "das eingebettete Modell setzt hier "+listed(s.model)+", die die Seite nicht zeigt")
		}
		c.report(c.pdfLocation(page), "%s; die Datei zeigt nicht, was ihr Modell sagt", strings.Join(parts, "; "))
	}
}

// counted writes a token in quotes with a count above one.
func counted(tok string, n int) string {
	if n == 1 {
		return "„" + tok + "“"
	}
	return fmt.Sprintf("„%s“ (%d-mal)", tok, n)
}

// listed writes sorted tokens, at most maxListed of them.
func listed(toks []string) string {
	slices.Sort(toks)
	if len(toks) > maxListed {
		return strings.Join(toks[:maxListed], ", ") + fmt.Sprintf(" und %d weitere", len(toks)-maxListed)
	}
	return strings.Join(toks, ", ")
}

// pdfLocation is the file and a page (0: none).
func (c *ctx) pdfLocation(page int) Location {
	l := Location{File: c.in.Name, order: page}
	if page > 0 {
		l.Clause = fmt.Sprintf("Seite %d", page)
	}
	return l
}

func checkPDFNumbers(c *ctx) {
	c.comparePages(func(s string) []string { return number.FindAllString(s, -1) })
}

func checkPDFWords(c *ctx) {
	p := c.in.PDF
	if p == nil {
		return
	}
	if p.Unreadable != "" {
		c.report(c.pdfLocation(0), "%s; ob die Seiten zeigen, was das eingebettete Modell sagt, ist nicht geprüft", p.Unreadable)
		return
	}
	c.comparePages(func(s string) []string { return strings.Fields(number.ReplaceAllString(s, " ")) })
}

func checkPDFUnchanged(c *ctx) {
	p := c.in.PDF
	if p == nil {
		return
	}
	if p.Updates > 0 {
		updates := "eine Aktualisierung"
		if p.Updates > 1 {
			updates = fmt.Sprintf("%d Aktualisierungen", p.Updates)
		}
		c.report(c.pdfLocation(0), "an die Datei ist nach dem Erzeugen %s angehängt worden (von einem Programm, das sie bearbeitet, kommentiert, signiert oder neu anordnet); verglichen wurde der Stand nach der letzten", updates)
	}
	if len(p.Foreign) > 0 {
		c.report(c.pdfLocation(0), "die Seiten tragen, was vereinbar nie schreibt und der Textvergleich nicht sieht: %s", strings.Join(p.Foreign, "; "))
	}
}
