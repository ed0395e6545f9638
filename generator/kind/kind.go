// Package kind is the registry of document kinds. A kind — the
// Verwaltungsvereinbarung, the FIT-Store call-off form, the
// Projektbeschreibung, the Projektsteckbrief, and those to come — is one
// Kind value declared in a file of its own: its name, the templates it
// executes, which documents a project gets of it and under which file
// names, what its templates see beyond the shared project view, its page
// layout and which rules of the clause check apply to it.
//
// A kind may also, or only, be a data output: a spreadsheet built from the
// project data and its cost split rather than from a template (Sheet), like
// the Zahlungsplan. Its documents have no document model; check, diff and
// the signing status pass them by (Doc.Model).
//
// The facade, the batch, check and diff iterate a Registry and never name
// a kind; renderers never see one. Like goldmark's renderer registry
// (renderer.NodeRendererFunc per node kind), adding a kind adds a
// declaration and its template and touches nothing that iterates them.
package kind

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/costs"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/generator/view"
)

// Kind declares one document kind.
type Kind struct {
	// Name is the kind's name as --kinds takes it and as the document
	// model records it (model.Meta.Kind), e.g. "vereinbarung".
	Name string
	// Title is the document title ("Verwaltungsvereinbarung"): it opens
	// the title in the document's properties and its running header, and
	// check recognises a document read back from a file by it.
	Title string
	// Akkusativ is the title with its indefinite article in the
	// accusative, for messages: "einen Projektsteckbrief".
	Akkusativ string
	// Aliases are further title beginnings by which check recognises a
	// document of this kind written by others ("Verwaltungsabkommen").
	Aliases []string
	// Templates are the templates the kind executes (paths relative to
	// the template root); Docs chooses among them. A kind without
	// templates is a data output only (Sheet); its documents have no
	// document model, and it needs no View and no Check.
	Templates []string
	// Files are the output file names the kind gives its documents
	// (without extension); Docs names every document by one of them.
	// The batch recognises its own files by them (Registry.Recognise).
	Files []FileName
	// Page (model.PageA4, model.PageSlide; "": the renderers' default)
	// and Landscape set the page of every document of the kind.
	Page      string
	Landscape bool
	// Docs lists the documents a validated project gets of this kind, in
	// output order; none when the kind does not apply to the project.
	Docs func(pr *data.Projekt) []Doc
	// View builds what the template of one document sees from the shared
	// project view (a copy the builder may change).
	View func(v view.View, d Doc) (any, error)
	// Check tells as which kind of the rule table a document of this kind
	// is checked, and why: with its project data (pr not nil) for a
	// generated document, from the document alone (pr nil) for one read
	// back from a file.
	Check func(pr *data.Projekt, d *model.Document) (k check.Kind, reason string)
	// Sheet, if set, makes every document of the kind also (or, without
	// Templates, only) a data output: a file in Sheet.Format written
	// from the project data and its cost split.
	Sheet *Sheet
}

// Sheet is the data output of a kind: a spreadsheet written from a
// validated project and its exact cost split, not from the document model.
// The kind's file wires a writer of package sheets; the registry, the
// facade and the batch know only this declaration.
type Sheet struct {
	// Format is the output format and file extension ("xlsx"); it is one
	// of the formats --formats takes.
	Format string
	// Write writes the data output of one document of a project.
	// The same input gives the same bytes.
	Write func(w io.Writer, in SheetInput) error
}

// SheetInput is what a data output is written from.
type SheetInput struct {
	Projekt *data.Projekt
	Costs   *costs.Result
	// Doc is the document (its file name and party).
	Doc Doc
	// Projektplan is the task data of the Musterprojektplan in use (the
	// built-in data or the file of the setting projektplan_aufgaben).
	Projektplan *refdata.Projektplan
}

// FileName is a file name a kind gives its documents: the stem alone
// ("projektbeschreibung"), or for a per-party document the stem, a hyphen
// and the party's code ("vereinbarung-SN").
type FileName struct {
	Stem     string
	PerParty bool
}

// For is the file name of a document (party "" for a document of the
// whole project).
func (f FileName) For(party string) string {
	if f.PerParty {
		return f.Stem + "-" + party
	}
	return f.Stem
}

// Doc is one document of a project: an instance of a kind.
type Doc struct {
	*Kind
	// Template is the template that builds the document.
	Template string
	// File is the output base name without extension, e.g.
	// "vereinbarung-SN"; it is unique within a project.
	File string
	// Party is the Land a per-party document is for (star agreement,
	// call-off form); "" for a document of the whole project.
	Party string
}

// Model reports whether the kind has a document model (templates): only
// then are its documents rendered in the document formats, checked,
// compared and signed.
func (k *Kind) Model() bool { return len(k.Templates) > 0 }

// Formats are the formats among formats (in that order) that the kind's
// documents are written in: the document formats when it has a model,
// the format of its sheet when it has one.
func (k *Kind) Formats(formats []string) []string {
	var out []string
	for _, f := range formats {
		sheet := k.Sheet != nil && f == k.Sheet.Format
		if sheet || (k.Model() && !slices.Contains(DataFormats, f)) {
			out = append(out, f)
		}
	}
	return out
}

// ErrNoFormat reports kinds named for a run none of whose formats is
// asked for: the run would write nothing of them.
var ErrNoFormat = errors.New("keines der Ausgabeformate passt zur Dokumentart")

// CheckFormats tells, for kinds named explicitly (--kinds), whether each
// has a file in one of formats; the error names the kind and the formats
// among all (every output format) it has.
func (r *Registry) CheckFormats(names, formats, all []string) error {
	for _, n := range names {
		k := r.Lookup(n)
		if k == nil || len(k.Formats(formats)) > 0 {
			continue
		}
		return fmt.Errorf("%w: „%s“ gibt es nur als %s, verlangt sind %s; --formats um %s ergänzen", ErrNoFormat, n,
			strings.Join(k.Formats(all), ", "), strings.Join(formats, ", "), strings.Join(k.Formats(all), ","))
	}
	return nil
}

// DataFormats are the formats of data outputs (Sheet.Format); they are
// never a rendering of the document model.
var DataFormats = []string{"xlsx"}

// Errors of the registry.
var (
	// ErrKind reports an unknown document kind.
	ErrKind = errors.New("unbekannte Dokumentart")
	// ErrDeclaration reports a kind declared incompletely or twice.
	ErrDeclaration = errors.New("Dokumentart fehlerhaft deklariert")
)

// Registry is an ordered set of kinds; a project's documents come in its
// order. It is not changed after New, so it is safe for concurrent use.
type Registry struct {
	kinds []*Kind
}

// New makes a registry of kinds, in this order. Every kind needs a
// distinct name, a title, its file names and Docs; a kind with templates
// needs View and Check, one without needs a Sheet; a Sheet needs one of
// DataFormats and Write.
func New(kinds ...Kind) (*Registry, error) {
	r := &Registry{}
	for i := range kinds {
		k := kinds[i]
		switch {
		case k.Name == "" || strings.ContainsAny(k.Name, ", "):
			return nil, fmt.Errorf("%w: Name „%s“ leer oder mit Komma/Leerzeichen", ErrDeclaration, k.Name)
		case r.Lookup(k.Name) != nil:
			return nil, fmt.Errorf("%w: „%s“ doppelt", ErrDeclaration, k.Name)
		case k.Title == "" || k.Akkusativ == "" || len(k.Files) == 0 || k.Docs == nil:
			return nil, fmt.Errorf("%w: „%s“ braucht Title, Akkusativ, Files und Docs", ErrDeclaration, k.Name)
		case len(k.Templates) == 0 && k.Sheet == nil:
			return nil, fmt.Errorf("%w: „%s“ braucht Templates oder eine Tabelle (Sheet)", ErrDeclaration, k.Name)
		case len(k.Templates) > 0 && (k.View == nil || k.Check == nil):
			return nil, fmt.Errorf("%w: „%s“ hat Vorlagen und braucht View und Check", ErrDeclaration, k.Name)
		case k.Sheet != nil && (!slices.Contains(DataFormats, k.Sheet.Format) || k.Sheet.Write == nil):
			return nil, fmt.Errorf("%w: „%s“: die Tabelle braucht ein Format (%s) und Write", ErrDeclaration, k.Name, strings.Join(DataFormats, ", "))
		}
		r.kinds = append(r.kinds, &k)
	}
	return r, nil
}

// Kinds returns the kinds in order.
func (r *Registry) Kinds() []*Kind { return slices.Clone(r.kinds) }

// Names returns the kind names in order.
func (r *Registry) Names() []string {
	out := make([]string, len(r.kinds))
	for i, k := range r.kinds {
		out[i] = k.Name
	}
	return out
}

// Recognise tells whether a file name stem is one the registry's kinds
// give their documents, and whose: the kind's name and, for a per-party
// name, the party's code (a known code, in upper case).
func (r *Registry) Recognise(stem string) (kindName, party string, ok bool) {
	for _, k := range r.kinds {
		for _, f := range k.Files {
			if !f.PerParty && stem == f.Stem {
				return k.Name, "", true
			}
			if code, cut := strings.CutPrefix(stem, f.Stem+"-"); cut && f.PerParty {
				if _, known := refdata.PartyByCode(code); known {
					return k.Name, code, true
				}
			}
		}
	}
	return "", "", false
}

// Lookup returns the kind of that name, or nil.
func (r *Registry) Lookup(name string) *Kind {
	for _, k := range r.kinds {
		if k.Name == name {
			return k
		}
	}
	return nil
}

// Docs returns every document of a validated project, kind by kind in the
// registry's order.
func (r *Registry) Docs(pr *data.Projekt) []Doc {
	var out []Doc
	for _, k := range r.kinds {
		for _, d := range k.Docs(pr) {
			d.Kind = k
			out = append(out, d)
		}
	}
	return out
}

// ParseNames checks a comma-separated list of kind names; "" means all
// (nil). Duplicates are dropped.
func (r *Registry) ParseNames(s string) ([]string, error) {
	var out []string
	for _, n := range strings.Split(s, ",") {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if r.Lookup(n) == nil {
			return nil, fmt.Errorf("%w „%s“ (erlaubt: %s)", ErrKind, n, strings.Join(r.Names(), ", "))
		}
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out, nil
}

// Select keeps the documents whose kind is named in names (all when names
// is empty).
func Select(docs []Doc, names []string) []Doc {
	if len(names) == 0 {
		return docs
	}
	var out []Doc
	for _, d := range docs {
		if slices.Contains(names, d.Name) {
			out = append(out, d)
		}
	}
	return out
}

// Detect tells the kind of a document read from a file: by the kind its
// model records (Meta.Kind, kept in vereinbar's PDFs), else by the
// beginning of its title (the properties' title or its first title
// paragraph) against each kind's Title and Aliases. Only kinds with a
// document model (templates) are candidates. nil when none fits.
func (r *Registry) Detect(d *model.Document) *Kind {
	if d.Meta.Kind != "" {
		if k := r.Lookup(d.Meta.Kind); k != nil && len(k.Templates) > 0 {
			return k
		}
		return nil
	}
	for _, t := range check.Titles(d) {
		for _, k := range r.models() {
			for _, prefix := range append([]string{k.Title}, k.Aliases...) {
				if strings.HasPrefix(t, prefix) {
					return k
				}
			}
		}
	}
	return nil
}

// Akkusative lists the title of every kind with a document model with its
// article, for messages ("erwartet eine Verwaltungsvereinbarung, …").
func (r *Registry) Akkusative() []string {
	var out []string
	for _, k := range r.models() {
		out = append(out, k.Akkusativ)
	}
	return out
}

// models are the kinds with templates (a document model).
func (r *Registry) models() []*Kind {
	var out []*Kind
	for _, k := range r.kinds {
		if len(k.Templates) > 0 {
			out = append(out, k)
		}
	}
	return out
}

// Models keeps the documents that have a document model (Doc.Model): the
// ones check, diff and the signing status work on.
func Models(docs []Doc) []Doc {
	var out []Doc
	for _, d := range docs {
		if d.Model() {
			out = append(out, d)
		}
	}
	return out
}

// fixed is a Check for a kind whose documents are always checked as k.
func fixed(k check.Kind) func(*data.Projekt, *model.Document) (check.Kind, string) {
	return func(*data.Projekt, *model.Document) (check.Kind, string) { return k, "Titel" }
}
