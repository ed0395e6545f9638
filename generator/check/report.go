package check

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// FileReport is the outcome for one input file.
type FileReport struct {
	// File is the path as given.
	File string `json:"file"`
	// Format is "yaml", "docx" or "pdf".
	Format string `json:"format"`
	// Checked says what was checked: "Projektdaten" and the generated
	// documents with their kinds for a project file; the detected kind
	// for a DOCX or PDF.
	Checked []string `json:"checked"`
	// Note says how a document was read, e.g. that the model embedded in
	// a PDF was verified and compared with the text of its pages.
	Note string `json:"note,omitempty"`
	// Err is why the file could not be checked; then Findings is empty.
	Err error `json:"-"`
	// Findings are the rule results in document order.
	Findings []Finding `json:"findings"`
}

// MarshalJSON adds the error text.
func (f FileReport) MarshalJSON() ([]byte, error) {
	type plain FileReport
	out := struct {
		plain
		Error    string    `json:"error,omitempty"`
		Findings []Finding `json:"findings"`
	}{plain: plain(f), Findings: f.Findings}
	if out.Findings == nil {
		out.Findings = []Finding{}
	}
	if f.Err != nil {
		out.Error = f.Err.Error()
	}
	return json.Marshal(out)
}

// Report is the outcome of a check run.
type Report struct {
	Files []FileReport
}

// Counts returns the number of findings by severity.
func (r *Report) Counts() map[Severity]int {
	n := map[Severity]int{}
	for _, f := range r.Files {
		for _, x := range f.Findings {
			n[x.Severity]++
		}
	}
	return n
}

// Failed reports whether a file could not be checked.
func (r *Report) Failed() bool {
	for _, f := range r.Files {
		if f.Err != nil {
			return true
		}
	}
	return false
}

// Reaches reports whether a finding has at least the severity s.
func (r *Report) Reaches(s Severity) bool {
	for _, f := range r.Files {
		for _, x := range f.Findings {
			if x.Severity >= s {
				return true
			}
		}
	}
	return false
}

// WriteText writes one line per finding, then for each file what was
// checked, then the totals. Files that could not be read are left to the
// caller, which reports their errors on stderr.
func (r *Report) WriteText(w io.Writer) error {
	ew := &errWriter{w: w}
	checked, unread := 0, 0
	for _, f := range r.Files {
		if f.Err != nil {
			unread++
			continue
		}
		checked++
		for _, x := range f.Findings {
			ew.printf("%s\n", x)
		}
		what := summarize(f.Checked)
		if f.Note != "" {
			what += "; " + f.Note
		}
		ew.printf("%s: geprüft: %s\n", f.File, what)
	}
	n := r.Counts()
	if unread > 0 {
		// Its errors went to stderr; "0 Fehler" alone would read as a pass.
		ew.printf("%s nicht lesbar; ", plural(unread, "Datei", "Dateien"))
	}
	ew.printf("%s geprüft: %s, %s, %s\n", plural(checked, "Datei", "Dateien"),
		plural(n[Error], "Fehler", "Fehler"), plural(n[Warning], "Warnung", "Warnungen"), plural(n[Info], "Hinweis", "Hinweise"))
	return ew.err
}

// WriteJSON writes the report as one JSON object:
//
//	{"files":[{"file":"…","format":"yaml","checked":["Projektdaten",…],
//	  "findings":[{"code":"KOSTEN-004","severity":"error","title":"…",
//	  "message":"…","source":"…","file":"…","line":3,"col":5,"path":"…",
//	  "document":"…","clause":"§ 7 Abs. 5","heading":"Kostenverteilung"}]}],
//	 "counts":{"error":0,"warning":1,"info":2}}
func (r *Report) WriteJSON(w io.Writer) error {
	n := r.Counts()
	files := r.Files
	if files == nil {
		files = []FileReport{}
	}
	out := struct {
		Files  []FileReport   `json:"files"`
		Counts map[string]int `json:"counts"`
	}{files, map[string]int{"error": n[Error], "warning": n[Warning], "info": n[Info]}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// summarize shortens a long list of generated documents "name (kind)"
// to counts per kind: "Projektdaten, 15 × vereinbarung-stern, 15 × abruf".
func summarize(checked []string) string {
	if len(checked) <= 4 {
		return strings.Join(checked, ", ")
	}
	var order []string
	count := map[string]int{}
	for _, c := range checked {
		key := c
		if i := strings.LastIndex(c, " ("); i >= 0 && strings.HasSuffix(c, ")") {
			key = c[i+2 : len(c)-1]
		}
		if count[key] == 0 {
			order = append(order, key)
		}
		count[key]++
	}
	parts := make([]string, len(order))
	for i, k := range order {
		parts[i] = k
		if count[k] > 1 {
			parts[i] = fmt.Sprintf("%d × %s", count[k], k)
		}
	}
	return strings.Join(parts, ", ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
