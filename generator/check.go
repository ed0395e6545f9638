package generator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/docxread"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/pdf"
)

// CheckOptions configure Check.
type CheckOptions struct {
	// Kind overrides the detected kind of DOCX and PDF documents; "" lets
	// the kind registry decide.
	Kind check.Kind
	// Docx are the limits for reading DOCX files (zero: defaults).
	Docx docxread.Options
	// Alt and Neu are the project files of the two versions of the
	// agreement an amendment agreement (DOCX, PDF) stands between; with
	// them check proves its instructions (AENDERUNG-001).
	Alt, Neu string
}

// maxPDFBytes is the largest PDF read to find its embedded model; the
// PDF is held in memory whole.
const maxPDFBytes = 64 << 20

// ErrCheckInput reports a file check cannot read.
var ErrCheckInput = errors.New("Datei nicht prüfbar")

// ManifestName is the name of the manifest a batch writes into its
// output directory.
const ManifestName = "manifest.json"

// Check checks one file: a project file (its data and every document
// generated from it), a DOCX or a PDF written by vereinbar (the document
// model embedded in it). A file that cannot be read gives a report with
// Err set.
func (g *Generator) Check(ctx context.Context, path string, opts CheckOptions) check.FileReport {
	rep := check.FileReport{File: path}
	if err := ctx.Err(); err != nil {
		rep.Err = err
		return rep
	}
	var err error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".docx":
		rep.Format = "docx"
		err = g.checkDocx(path, opts, &rep)
	case ".pdf":
		rep.Format = "pdf"
		err = g.checkPDF(path, opts, &rep)
	default:
		rep.Format = "yaml"
		err = g.checkProject(ctx, path, &rep)
	}
	if err != nil {
		rep.Err, rep.Findings = err, nil
	}
	return rep
}

// checkProject checks the data and the documents generated from it.
func (g *Generator) checkProject(ctx context.Context, path string, rep *check.FileReport) error {
	p, err := g.LoadProject(path)
	if err != nil {
		return err
	}
	return g.checkLoaded(ctx, p, rep)
}

// CheckProject checks a validated project held in memory (the edited
// state in `vereinbar serve`) exactly as Check checks a project file: the
// data and every document generated from it.
func (g *Generator) CheckProject(ctx context.Context, p *Project) check.FileReport {
	rep := check.FileReport{File: p.Path, Format: "yaml"}
	if err := g.checkLoaded(ctx, p, &rep); err != nil {
		rep.Err, rep.Findings = err, nil
	}
	return rep
}

// checkLoaded checks the data and the documents of a validated project.
func (g *Generator) checkLoaded(ctx context.Context, p *Project, rep *check.FileReport) error {
	path := p.Path
	res, err := g.Costs(p)
	if err != nil {
		return err
	}
	type built struct {
		doc  *model.Document
		kind check.Kind
	}
	docs := g.Docs(p)
	models := make([]built, len(docs))
	proj := check.NewProject(p.File, res)
	for i, k := range docs {
		if err := ctx.Err(); err != nil {
			return err
		}
		d, err := g.Document(ctx, p, res, k)
		if err != nil {
			return err
		}
		kind, _ := k.Check(p.Data(), d)
		models[i] = built{d, kind}
		proj.Documents = append(proj.Documents, check.Document{File: k.File, Kind: kind, Party: k.Party})
	}
	rep.Checked = append(rep.Checked, "Projektdaten")
	rep.Findings = append(rep.Findings, check.Run(check.Input{Name: path, Kind: check.KindData, Project: proj})...)
	for i, k := range docs {
		rep.Checked = append(rep.Checked, fmt.Sprintf("%s (%s)", k.File, models[i].kind))
		rep.Findings = append(rep.Findings, check.Run(check.Input{Name: path, Kind: models[i].kind, Project: proj, Doc: models[i].doc, Document: k.File, Party: k.Party})...)
	}
	return nil
}

func (g *Generator) checkDocx(path string, opts CheckOptions, rep *check.FileReport) error {
	fh, err := os.Open(path)
	if err != nil {
		return err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return err
	}
	d, err := docxread.Read(fh, st.Size(), opts.Docx)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return g.runDocument(path, d, opts, rep, "DOCX")
}

func (g *Generator) checkPDF(path string, opts CheckOptions, rep *check.FileReport) error {
	src, err := readCapped(path, maxPDFBytes)
	if err != nil {
		return err
	}
	dump, err := pdf.ReadEmbeddedModel(src)
	if err != nil {
		return fmt.Errorf("%s: %w (geprüft werden nur PDF-Dateien, die vereinbar erzeugt hat)", path, err)
	}
	d, err := check.ParseDump(bytes.NewReader(dump))
	if err != nil {
		return fmt.Errorf("%s: eingebettetes Dokumentmodell: %w", path, err)
	}
	return g.checkPDFModel(path, src, d, opts, rep)
}

// runDocument checks a document read from a file as its detected kind
// (or the kind opts names).
func (g *Generator) runDocument(path string, d *model.Document, opts CheckOptions, rep *check.FileReport, how string) error {
	ck, reason := opts.Kind, "vorgegeben"
	if ck == "" {
		if c, why, ok := companionOf(d); ok {
			rep.Checked = append(rep.Checked, fmt.Sprintf("%s als %s (%s): %s", how, c.name, why, c.note))
			rep.Findings = nil
			return nil
		}
	}
	if ck == "" && check.IsAenderung(d) {
		ck, reason = check.KindAenderung, "Titel „… Vereinbarung zur Änderung der …“"
	}
	if ck == "" {
		k := g.kinds.Detect(d)
		if k == nil {
			return fmt.Errorf("%s: %w: Dokumentart nicht erkannt (erwartet %s); mit --kind angeben", path, ErrCheckInput, expected(g.kinds.Akkusative()))
		}
		ck, reason = k.Check(nil, d)
	}
	in := check.Input{Name: path, Kind: ck, Doc: d}
	if ck == check.KindAenderung {
		if opts.Alt == "" || opts.Neu == "" {
			reason += "; ohne --alt und --neu sind die Änderungsbefehle nicht bewiesen"
		} else {
			f, err := g.Fassungen(opts.Alt, opts.Neu, d)
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
			in.Fassungen = f
		}
	}
	rep.Checked = append(rep.Checked, fmt.Sprintf("%s als %s (%s)", how, ck, reason))
	rep.Findings = check.Run(in)
	return nil
}

// expected lists titles for a message: "eine Verwaltungsvereinbarung,
// einen FIT-Store-Abruf oder einen Projektsteckbrief".
func expected(titles []string) string {
	if len(titles) < 2 {
		return strings.Join(titles, "")
	}
	return strings.Join(titles[:len(titles)-1], ", ") + " oder " + titles[len(titles)-1]
}

// companion is a document vereinbar writes beside the kinds of the
// registry and check recognises, but holds no rules for: it is no
// agreement and states nothing a rule could prove (a Synopse only shows
// two versions side by side; the versions are checked themselves).
type companion struct {
	kind  string // model.Meta.Kind, as the model embedded in a PDF keeps it
	title string // the title a DOCX starts with (its first title paragraph or its properties)
	name  string // what the report calls it
	note  string // why check has no rules for it
}

// companions are the documents of that sort; the kinds of the registry
// come first (kind.Registry.Detect), these are known besides them.
var companions = []companion{
	{kind: SynopseStem, title: "Synopse", name: "Synopse",
		note: "Gegenüberstellung zu einer Änderungsvereinbarung, keine Prüfregeln (geprüft werden die Fassungen und die Änderungsvereinbarung selbst)"},
}

// companionOf recognises a companion document: by its model kind (PDF)
// or, where the kind is not kept (DOCX), by its title.
func companionOf(d *model.Document) (companion, string, bool) {
	for _, c := range companions {
		if d.Meta.Kind != "" {
			if d.Meta.Kind == c.kind {
				return c, "Dokumentart „" + c.kind + "“", true
			}
			continue
		}
		for _, t := range check.Titles(d) {
			if t == c.title || strings.HasPrefix(t, c.title+":") || strings.HasPrefix(t, c.title+" ") {
				return c, "Titel „" + c.title + "“", true
			}
		}
	}
	return companion{}, "", false
}
