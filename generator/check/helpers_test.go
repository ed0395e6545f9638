package check_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/docx"
	"github.com/vereinbar/vereinbar/generator/render/pdf"
)

const fixtures = "../../fixtures/"

func newGen(t testing.TB) *generator.Generator {
	t.Helper()
	g, err := generator.New(generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return g
}

// variant produces the findings of one input.
type variant func(t *testing.T, g *generator.Generator) []check.Finding

// yamlVariant checks a fixture after regexp replacements (pattern,
// replacement, …; multi-line mode), written to a temporary file, through
// the facade as `vereinbar check` does. Every pattern must match.
func yamlVariant(fixture string, edits ...string) variant {
	return func(t *testing.T, g *generator.Generator) []check.Finding {
		t.Helper()
		src, err := os.ReadFile(fixtures + fixture)
		if err != nil {
			t.Fatal(err)
		}
		s := string(src)
		for i := 0; i+1 < len(edits); i += 2 {
			re := regexp.MustCompile("(?m)" + edits[i])
			if !re.MatchString(s) {
				t.Fatalf("%s: Muster %q passt nicht", fixture, edits[i])
			}
			s = re.ReplaceAllString(s, edits[i+1])
		}
		path := filepath.Join(t.TempDir(), fixture)
		if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		rep := g.Check(context.Background(), path, generator.CheckOptions{})
		if rep.Err != nil {
			t.Fatalf("%s: %v", fixture, rep.Err)
		}
		return rep.Findings
	}
}

// generated returns one generated document of a fixture with its input.
func generated(t *testing.T, g *generator.Generator, fixture, file string) check.Input {
	t.Helper()
	p, err := g.LoadProject(fixtures + fixture)
	if err != nil {
		t.Fatal(err)
	}
	res, err := g.Costs(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range g.Docs(p) {
		if k.File != file {
			continue
		}
		d, err := g.Document(context.Background(), p, res, k)
		if err != nil {
			t.Fatal(err)
		}
		kind, _ := k.Check(p.Data(), d)
		return check.Input{Name: fixture, Kind: kind, Doc: d, Document: k.File, Party: k.Party,
			Project: check.NewProject(p.File, res)}
	}
	t.Fatalf("%s erzeugt kein Dokument %s", fixture, file)
	return check.Input{}
}

// edit changes a document for a test case.
type edit func(t *testing.T, d *model.Document)

// modelVariant checks a generated document after edits; withProject
// keeps the project data (as for a project file), otherwise the document
// stands alone (as one read from a DOCX).
func modelVariant(fixture, file string, withProject bool, edits ...edit) variant {
	return func(t *testing.T, g *generator.Generator) []check.Finding {
		t.Helper()
		in := generated(t, g, fixture, file)
		for _, e := range edits {
			e(t, in.Doc)
		}
		if !withProject {
			in.Project, in.Party = nil, ""
		}
		return check.Run(in)
	}
}

// docxVariant renders a generated document, edits word/document.xml as
// text (pattern, replacement, …) and checks the file through the facade,
// which detects its kind.
func docxVariant(fixture, file string, edits ...string) variant {
	return func(t *testing.T, g *generator.Generator) []check.Finding {
		t.Helper()
		in := generated(t, g, fixture, file)
		b := editDocx(t, renderDocx(t, in.Doc), func(xml string) string {
			for i := 0; i+1 < len(edits); i += 2 {
				re := regexp.MustCompile(edits[i])
				if !re.MatchString(xml) {
					t.Fatalf("word/document.xml: Muster %q passt nicht", edits[i])
				}
				xml = re.ReplaceAllString(xml, edits[i+1])
			}
			return xml
		})
		path := filepath.Join(t.TempDir(), file+".docx")
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		rep := g.Check(context.Background(), path, generator.CheckOptions{})
		if rep.Err != nil {
			t.Fatal(rep.Err)
		}
		return rep.Findings
	}
}

func renderDocx(t testing.TB, d *model.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := docx.Render(&b, d, docx.Options{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// editDocx rewrites word/document.xml of a DOCX package.
func editDocx(t testing.TB, src []byte, fn func(string) string) []byte {
	t.Helper()
	return testtool.EditZipEntry(t, src, "word/document.xml", fn)
}

// findSection returns the section with the id anywhere in blocks.
func findSection(bs []model.Block, id string) *model.Section {
	for _, b := range bs {
		if s, ok := b.(*model.Section); ok {
			if s.ID == id {
				return s
			}
			if in := findSection(s.Blocks, id); in != nil {
				return in
			}
		}
	}
	return nil
}

// scopeOf returns the blocks a change applies to: the section with the
// id, or the blocks before the first section for "" (the head).
func scopeOf(t *testing.T, d *model.Document, id string) []model.Block {
	t.Helper()
	if id == "" {
		var head []model.Block
		for _, b := range d.Blocks {
			if _, ok := b.(*model.Section); ok {
				break
			}
			head = append(head, b)
		}
		return head
	}
	s := findSection(d.Blocks, id)
	if s == nil {
		t.Fatalf("kein Abschnitt %q", id)
	}
	return s.Blocks
}

// replace changes text in the section id ("" = head) in every paragraph,
// list item, table cell and signature whose text contains where ("" =
// all); the old text must occur at least once.
func replace(id, where, old, new string) edit {
	return func(t *testing.T, d *model.Document) {
		t.Helper()
		n := 0
		rep := func(s string) string {
			n += strings.Count(s, old)
			return strings.ReplaceAll(s, old, new)
		}
		inl := func(ins []model.Inline, ctx string) {
			if where != "" && !strings.Contains(ctx, where) {
				return
			}
			for i, in := range ins {
				if tx, ok := in.(model.Text); ok {
					tx.Text = rep(tx.Text)
					ins[i] = tx
				}
			}
		}
		sub := &model.Document{Blocks: scopeOf(t, d, id)}
		_ = model.Walk(sub, func(b model.Block, _ []*model.Section) error {
			switch x := b.(type) {
			case *model.Paragraph:
				inl(x.Inlines, model.PlainText(x.Inlines))
			case *model.Table:
				// where selects rows: any cell of the row may hold it
				for _, rows := range [][]model.Row{x.Header, x.Rows} {
					for _, r := range rows {
						var row strings.Builder
						for _, c := range r.Cells {
							row.WriteString(model.PlainText(c.Inlines) + "\n")
						}
						for _, c := range r.Cells {
							inl(c.Inlines, row.String())
						}
					}
				}
			case *model.Signatures:
				for i := range x.Blocks {
					s := &x.Blocks[i]
					if where == "" || strings.Contains(s.Party, where) {
						s.Party, s.Signer = rep(s.Party), rep(s.Signer)
					}
				}
			}
			return nil
		})
		if n == 0 {
			t.Fatalf("Abschnitt %q: „%s“ kommt nicht vor", id, old)
		}
	}
}

// removeSection deletes the section with the id.
func removeSection(id string) edit {
	return func(t *testing.T, d *model.Document) {
		t.Helper()
		var drop func(bs []model.Block) ([]model.Block, bool)
		drop = func(bs []model.Block) ([]model.Block, bool) {
			for i, b := range bs {
				s, ok := b.(*model.Section)
				if !ok {
					continue
				}
				if s.ID == id {
					return slices.Delete(bs, i, i+1), true
				}
				if inner, ok := drop(s.Blocks); ok {
					s.Blocks = inner
					return bs, true
				}
			}
			return bs, false
		}
		var ok bool
		if d.Blocks, ok = drop(d.Blocks); !ok {
			t.Fatalf("kein Abschnitt %q", id)
		}
	}
}

// removeBlocks deletes the blocks of a section for which drop holds.
func removeBlocks(id string, drop func(model.Block) bool) edit {
	return func(t *testing.T, d *model.Document) {
		t.Helper()
		s := findSection(d.Blocks, id)
		if s == nil {
			t.Fatalf("kein Abschnitt %q", id)
		}
		n := len(s.Blocks)
		s.Blocks = slices.DeleteFunc(s.Blocks, drop)
		if len(s.Blocks) == n {
			t.Fatalf("Abschnitt %q: nichts zu entfernen", id)
		}
	}
}

// editSignatures changes the signature blocks.
func editSignatures(fn func([]model.Signature) []model.Signature) edit {
	return func(t *testing.T, d *model.Document) {
		t.Helper()
		found := false
		_ = model.Walk(d, func(b model.Block, _ []*model.Section) error {
			if s, ok := b.(*model.Signatures); ok {
				s.Blocks = fn(s.Blocks)
				found = true
			}
			return nil
		})
		if !found {
			t.Fatal("keine Unterschriftenblöcke")
		}
	}
}

// addParty inserts a copy of the head paragraph that contains from, with
// from replaced by to, after it.
func addParty(from, to string) edit {
	return func(t *testing.T, d *model.Document) {
		t.Helper()
		for i, b := range d.Blocks {
			p, ok := b.(*model.Paragraph)
			if !ok || !strings.Contains(model.PlainText(p.Inlines), from) {
				continue
			}
			c := *p
			c.Inlines = slices.Clone(p.Inlines)
			for j, in := range c.Inlines {
				if tx, ok := in.(model.Text); ok {
					tx.Text = strings.ReplaceAll(tx.Text, from, to)
					c.Inlines[j] = tx
				}
			}
			d.Blocks = slices.Insert(d.Blocks, i+1, model.Block(&c))
			return
		}
		t.Fatalf("keine Partei „%s“ im Eingang", from)
	}
}

// codes returns the distinct codes of findings, sorted.
func codes(fs []check.Finding) []string {
	var out []string
	for _, f := range fs {
		if !slices.Contains(out, f.Code) {
			out = append(out, f.Code)
		}
	}
	sort.Strings(out)
	return out
}

func withoutCodes(fs []check.Finding, skip []string) []string {
	var out []string
	for _, c := range codes(fs) {
		if !slices.Contains(skip, c) {
			out = append(out, c)
		}
	}
	return out
}

func dump(fs []check.Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString("  " + f.String() + "\n")
	}
	return b.String()
}

// pdfVariant renders a generated document as PDF after edits and checks
// the file through the facade: the model embedded in the PDF is checked.
func pdfVariant(fixture, file string, edits ...edit) variant {
	return func(t *testing.T, g *generator.Generator) []check.Finding {
		t.Helper()
		in := generated(t, g, fixture, file)
		for _, e := range edits {
			e(t, in.Doc)
		}
		r, err := pdf.NewRenderer()
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := r.Render(&b, in.Doc, pdf.Options{}); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), file+".pdf")
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		rep := g.Check(context.Background(), path, generator.CheckOptions{})
		if rep.Err != nil {
			t.Fatal(rep.Err)
		}
		if !strings.Contains(rep.Note, "eingebettete") {
			t.Errorf("Hinweis %q sagt nicht, dass das eingebettete Modell geprüft wurde", rep.Note)
		}
		return rep.Findings
	}
}

// dataVariant checks a fixture's project data with the documents the kind
// registry lists for it, plus extra ones (a hand-made set of documents).
func dataVariant(fixture string, extra ...check.Document) variant {
	return func(t *testing.T, g *generator.Generator) []check.Finding {
		t.Helper()
		p, err := g.LoadProject(fixtures + fixture)
		if err != nil {
			t.Fatal(err)
		}
		res, err := g.Costs(p)
		if err != nil {
			t.Fatal(err)
		}
		proj := &check.Project{File: p.File, Costs: res}
		for _, d := range g.Docs(p) {
			doc, err := g.Document(context.Background(), p, res, d)
			if err != nil {
				t.Fatal(err)
			}
			kind, _ := d.Check(p.Data(), doc)
			proj.Documents = append(proj.Documents, check.Document{File: d.File, Kind: kind, Party: d.Party})
		}
		proj.Documents = append(proj.Documents, extra...)
		return check.Run(check.Input{Name: fixture, Kind: check.KindData, Project: proj})
	}
}

// withData checks a generated document, unchanged, against project data
// changed by fn after the document was made: the document no longer
// says what the data decides.
func withData(fixture, file string, fn func(*data.Projekt)) variant {
	return func(t *testing.T, g *generator.Generator) []check.Finding {
		t.Helper()
		in := generated(t, g, fixture, file)
		fn(&in.Project.File.Projekt)
		return check.Run(in)
	}
}

// removeListItem deletes the list item with the label (at any depth) in
// the section with the id.
func removeListItem(id, label string) edit {
	return func(t *testing.T, d *model.Document) {
		t.Helper()
		s := findSection(d.Blocks, id)
		if s == nil {
			t.Fatalf("kein Abschnitt %q", id)
		}
		found := false
		_ = model.Walk(&model.Document{Blocks: s.Blocks}, func(b model.Block, _ []*model.Section) error {
			if l, ok := b.(*model.List); ok {
				n := len(l.Items)
				l.Items = slices.DeleteFunc(l.Items, func(it model.ListItem) bool { return it.Label == label })
				found = found || len(l.Items) < n
			}
			return nil
		})
		if !found {
			t.Fatalf("Abschnitt %q: kein Listenpunkt %q", id, label)
		}
	}
}
