package generator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/docxread"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/pdf"
)

// CheckOptions configure Check.
type CheckOptions struct {
	// Kind overrides the detected kind of DOCX and PDF documents; "" lets
	// check.DetectKind decide.
	Kind check.Kind
	// Docx are the limits for reading DOCX files (zero: defaults).
	Docx docxread.Options
}

// maxPDFBytes is the largest PDF read to find its embedded model; the
// PDF is held in memory whole.
const maxPDFBytes = 64 << 20

// ErrCheckInput reports a file check cannot read.
var ErrCheckInput = errors.New("Datei nicht prüfbar")

// ManifestName is the name of the manifest a batch writes into its
// output directory.
const ManifestName = "manifest.json"

// CheckFiles expands paths for check: a file is taken as it is, a
// directory contributes its *.yaml, *.yml, *.docx and *.pdf files (not
// those of subdirectories, and not Word's lock files "~$…"); an output
// directory of generate (one holding ManifestName) contributes those of
// its project folders too. The result is sorted and free of duplicates.
func CheckFiles(paths []string) ([]string, error) {
	return expandPaths(paths, func(dir string) ([]string, error) {
		files, sub, err := checkableIn(dir)
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(filepath.Join(dir, ManifestName)); err == nil {
			for _, d := range sub {
				more, _, err := checkableIn(d)
				if err != nil {
					return nil, err
				}
				files = append(files, more...)
			}
		}
		return files, nil
	})
}

// expandPaths takes each file of paths as it is and replaces each
// directory by the files inDir finds in it; the result is sorted and free
// of duplicates.
func expandPaths(paths []string, inDir func(dir string) ([]string, error)) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		files, err := inDir(p)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// checkableIn returns the checkable files of a directory and its
// subdirectories.
func checkableIn(dir string) (files, dirs []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join(dir, e.Name()))
			continue
		}
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".yaml", ".yml", ".docx", ".pdf":
			if !strings.HasPrefix(e.Name(), "~$") {
				files = append(files, filepath.Join(dir, e.Name()))
			}
		}
	}
	return files, dirs, nil
}

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
	res, err := g.Costs(p)
	if err != nil {
		return err
	}
	proj := &check.Project{File: p.File, Costs: res}
	rep.Checked = append(rep.Checked, "Projektdaten")
	rep.Findings = append(rep.Findings, check.Run(check.Input{Name: path, Kind: check.KindData, Project: proj})...)
	for _, k := range Kinds(p) {
		if err := ctx.Err(); err != nil {
			return err
		}
		d, err := g.Document(ctx, p, res, k)
		if err != nil {
			return err
		}
		kind := checkKind(k, p.Data().Vertrag.Form)
		rep.Checked = append(rep.Checked, fmt.Sprintf("%s (%s)", k.File, kind))
		rep.Findings = append(rep.Findings, check.Run(check.Input{Name: path, Kind: kind, Project: proj, Doc: d, Document: k.File, Party: k.Party})...)
	}
	return nil
}

// checkKind maps a generated document to the kind of the rule table.
func checkKind(k Kind, form string) check.Kind {
	switch k.Name {
	case KindVereinbarung:
		if form == "stern" {
			return check.KindStern
		}
		return check.KindRing
	case KindAbruf:
		return check.KindAbruf
	case KindBeschreibung:
		return check.KindBeschreibung
	}
	return check.KindSteckbrief
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
	return runDocument(path, d, opts, rep, "DOCX")
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
func runDocument(path string, d *model.Document, opts CheckOptions, rep *check.FileReport, how string) error {
	kind, reason := opts.Kind, "vorgegeben"
	if kind == "" {
		var ok bool
		kind, reason, ok = check.DetectKind(d)
		if !ok {
			return fmt.Errorf("%s: %w: Dokumentart nicht erkannt (erwartet eine Verwaltungsvereinbarung, einen FIT-Store-Abruf, eine Projektbeschreibung oder einen Projektsteckbrief); mit --kind angeben", path, ErrCheckInput)
		}
	}
	rep.Checked = append(rep.Checked, fmt.Sprintf("%s als %s (%s)", how, kind, reason))
	rep.Findings = check.Run(check.Input{Name: path, Kind: kind, Doc: d})
	return nil
}
