// Package check is vereinbar's clause check: a table of rules (rules.go),
// each with a stable code, the document kinds it applies to, a severity,
// its source and a check function, run over a project's data, over the
// documents generated from it, or over a document read back from a DOCX
// (package docxread) or from the model embedded in a PDF (ParseDump); the
// rules of KindPDF compare the pages of a PDF with that model (pdf.go).
//
// Findings are results, not errors: Run never fails. A rule that cannot
// judge (the clause it looks at is missing) stays silent and leaves the
// finding to the rule for that clause, so one defect gives one code.
package check

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/model"
)

// Severity is how serious a finding is.
type Severity int

// Severities, in increasing order.
const (
	Info Severity = iota
	Warning
	Error
)

// String returns the English name used in JSON and flags: "info",
// "warning", "error".
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// German returns the German name used in messages.
func (s Severity) German() string {
	switch s {
	case Info:
		return "Hinweis"
	case Warning:
		return "Warnung"
	case Error:
		return "Fehler"
	}
	return s.String()
}

// MarshalJSON writes the English name.
func (s Severity) MarshalJSON() ([]byte, error) { return json.Marshal(s.String()) }

// UnmarshalJSON reads the English name.
func (s *Severity) UnmarshalJSON(b []byte) error {
	var name string
	if err := json.Unmarshal(b, &name); err != nil {
		return err
	}
	v, err := ParseSeverity(name)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// ParseSeverity reads "error", "warning" or "info" (also the German
// names).
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "error", "fehler":
		return Error, nil
	case "warning", "warnung":
		return Warning, nil
	case "info", "hinweis":
		return Info, nil
	}
	return 0, fmt.Errorf("unbekannte Schwere „%s“ (erlaubt: error, warning, info)", s)
}

// Kind is what a rule looks at: the project data or one kind of document.
type Kind string

// Kinds of inputs.
const (
	KindData         Kind = "data"               // the project file itself
	KindRing         Kind = "vereinbarung-ring"  // agreement, ring form
	KindStern        Kind = "vereinbarung-stern" // agreement, star form
	KindAbruf        Kind = "abruf"              // FIT-Store call-off form
	KindBeschreibung Kind = "beschreibung"       // Projektbeschreibung
	KindSteckbrief   Kind = "steckbrief"         // Projektsteckbrief
	KindAnschreiben  Kind = "anschreiben"        // cover letter of the signing round
	KindProjektplan  Kind = "projektplan"        // Projektplan (Musterprojektplan)
	KindAenderung    Kind = "aenderung"          // amendment agreement (Änderungsvereinbarung)
	// KindBeitritt, KindBeitrittsmitteilung, KindKuendigung: the
	// declaration of accession, the implementing Land's letter about it
	// and a party's notice (ring agreements; see wechsel.go).
	KindBeitritt            Kind = "beitrittserklaerung"
	KindBeitrittsmitteilung Kind = "beitrittsmitteilung"
	KindKuendigung          Kind = "kuendigung"
	// KindPDF is the pages of a PDF written by vereinbar compared with the
	// model embedded in it (Input.PDF). It is no document kind: --kind
	// does not take it.
	KindPDF Kind = "pdf"
)

// kinds are all kinds in the order they are listed.
var kinds = []Kind{KindData, KindRing, KindStern, KindAbruf, KindBeschreibung, KindSteckbrief, KindAnschreiben, KindProjektplan, KindBeitritt, KindBeitrittsmitteilung, KindKuendigung, KindAenderung}

// DocumentKinds are the kinds a document read from a file can be checked
// as (check --kind): every kind but KindData, in the order of the table.
func DocumentKinds() []Kind {
	out := make([]Kind, 0, len(kinds)-1)
	for _, k := range kinds {
		if k != KindData {
			out = append(out, k)
		}
	}
	return out
}

// ParseKind checks a kind name.
func ParseKind(s string) (Kind, error) {
	for _, k := range kinds {
		if string(k) == s {
			return k, nil
		}
	}
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	return "", fmt.Errorf("unbekannte Dokumentart „%s“ (erlaubt: %s)", s, strings.Join(names, ", "))
}

// Project is a validated project with its exact cost split.
type Project struct {
	File *data.File
	// Costs is the split of the agreement: when parties join or leave,
	// the agreement as concluded (costs.Result.Plan).
	Costs *costs.Result
	// Neuberechnung is the split with the parties joining and leaving
	// (costs.Result with Plan); nil when none does.
	Neuberechnung *costs.Result
	// Documents are the documents generated from the project, as the kind
	// registry lists them (for rules across documents, such as a cost owed
	// twice); nil when unknown.
	Documents []Document
}

// Document is one document generated from a project.
type Document struct {
	File  string // e.g. "vereinbarung-SN"
	Kind  Kind
	Party string // the Land of a per-party document
}

// Input is one thing to check.
type Input struct {
	// Name is the file the input comes from, as given by the user: the
	// project file for its data and the documents generated from it.
	Name string
	// Kind says which rules apply.
	Kind Kind
	// Project is the project data: set for a project file and for the
	// documents generated from it, nil for a document read from a file.
	Project *Project
	// Doc is the document; nil for KindData.
	Doc *model.Document
	// Document names a generated document, e.g. "vereinbarung-SN".
	Document string
	// Party is the re-using Land a generated per-party document is for
	// (star agreement, call-off form), "" otherwise.
	Party string
	// PDF is what a PDF file shows, for KindPDF; Doc is its embedded
	// model.
	PDF *PDFPages
	// Fassungen are, for KindAenderung, the agreement in the version the
	// amendment changes and in the version it must give; nil when not
	// given (the rule AENDERUNG-001 then cannot check).
	Fassungen *Fassungen
}

// Finding is one result of a rule.
type Finding struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Title    string   `json:"title"`
	Message  string   `json:"message"`
	Source   string   `json:"source"`
	Location
}

// Location says where a finding is: a position and data path in a
// project file, or a clause, paragraph and heading in a document.
type Location struct {
	File     string `json:"file"`
	Document string `json:"document,omitempty"`
	Line     int    `json:"line,omitempty"`
	Col      int    `json:"col,omitempty"`
	Path     string `json:"path,omitempty"`
	Clause   string `json:"clause,omitempty"`  // "§ 7 Abs. 2", "Eingang"
	Heading  string `json:"heading,omitempty"` // "Kostenverteilung"

	order int // document order, for sorting
}

// String formats the location: "file:line:col: path" for project data,
// "file → document: § 7 Abs. 2 (Kostenverteilung)" for documents.
func (l Location) String() string {
	var b strings.Builder
	b.WriteString(l.File)
	if l.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", l.Line, l.Col)
	}
	if l.Document != "" {
		b.WriteString(" → ")
		b.WriteString(l.Document)
	}
	if l.Path != "" {
		b.WriteString(": ")
		b.WriteString(l.Path)
	}
	if l.Clause != "" || l.Heading != "" {
		b.WriteString(": ")
		b.WriteString(l.Clause)
		if l.Heading != "" {
			if l.Clause != "" {
				b.WriteString(" ")
			}
			b.WriteString("(" + l.Heading + ")")
		}
	}
	return b.String()
}

// String formats the finding as one line: "location: Fehler CODE: message".
func (f Finding) String() string {
	return fmt.Sprintf("%s: %s %s: %s", f.Location, f.Severity.German(), f.Code, f.Message)
}

// Run applies every rule for the input's kind and returns the findings
// in document order (project data: file order).
func Run(in Input) []Finding {
	if in.Kind == KindData && in.Project == nil || in.Kind != KindData && in.Doc == nil {
		return nil
	}
	s := newSubject(in)
	var out []Finding
	for i := range rules {
		r := &rules[i]
		if !slices.Contains(r.Kinds, in.Kind) {
			continue
		}
		c := &ctx{subject: s, rule: r, out: &out}
		c.run()
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		if a.Line != b.Line {
			return cmp.Compare(a.Line, b.Line)
		}
		if a.Col != b.Col {
			return cmp.Compare(a.Col, b.Col)
		}
		return cmp.Compare(a.order, b.order)
	})
	return out
}

// ctx is one rule applied to one input.
type ctx struct {
	*subject
	rule *Rule
	out  *[]Finding
}

// run calls the rule; a panic in a rule becomes a finding of that rule
// rather than crossing the package boundary.
func (c *ctx) run() {
	defer func() {
		if p := recover(); p != nil {
			c.report(Location{File: c.in.Name, Document: c.in.Document}, "interner Fehler der Regel: %v", p)
		}
	}()
	c.rule.check(c)
}

func (c *ctx) report(l Location, format string, args ...any) {
	*c.out = append(*c.out, Finding{
		Code: c.rule.Code, Severity: c.rule.Severity, Title: c.rule.Title, Source: c.rule.Source,
		Message: fmt.Sprintf(format, args...), Location: l,
	})
}

// atData reports at a data path of the project file.
func (c *ctx) atData(path, format string, args ...any) {
	p := c.in.Project.File.Pos(path)
	c.report(Location{File: c.in.Name, Line: p.Line, Col: p.Col, Path: path}, format, args...)
}

// atBlock reports at a block of the document (nil: the whole document).
func (c *ctx) atBlock(b model.Block, format string, args ...any) {
	c.report(c.where(b), format, args...)
}
