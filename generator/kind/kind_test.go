package kind_test

import (
	"errors"
	"io"
	"slices"
	"testing"

	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/data"
	"github.com/vereinbar/vereinbar/generator/kind"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/view"
)

// builtin is the registry of the built-in kinds; its declarations must be
// valid.
func builtin(t *testing.T) *kind.Registry {
	t.Helper()
	r, err := kind.New(kind.Builtins()...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// sample is a complete declaration to break field by field.
func sample() kind.Kind {
	return kind.Kind{
		Name: "merkblatt", Title: "Merkblatt", Akkusativ: "ein Merkblatt",
		Templates: []string{"merkblatt/merkblatt.md.tmpl"},
		Files:     []kind.FileName{{Stem: "merkblatt"}},
		Docs: func(*data.Projekt) []kind.Doc {
			return []kind.Doc{{Template: "merkblatt/merkblatt.md.tmpl", File: "merkblatt"}}
		},
		View: func(v view.View, _ kind.Doc) (any, error) { return v, nil },
		Check: func(*data.Projekt, *model.Document) (check.Kind, string) {
			return check.KindBeschreibung, "Titel"
		},
	}
}

func TestNewRefusesIncompleteOrDuplicateKinds(t *testing.T) {
	t.Parallel()
	for name, mutate := range map[string]func(k *kind.Kind){
		"ohne Name":       func(k *kind.Kind) { k.Name = "" },
		"Name mit Komma":  func(k *kind.Kind) { k.Name = "a,b" },
		"ohne Titel":      func(k *kind.Kind) { k.Title = "" },
		"ohne Akkusativ":  func(k *kind.Kind) { k.Akkusativ = "" },
		"ohne Vorlage":    func(k *kind.Kind) { k.Templates = nil },
		"ohne Dateinamen": func(k *kind.Kind) { k.Files = nil },
		"ohne Docs":       func(k *kind.Kind) { k.Docs = nil },
		"ohne View":       func(k *kind.Kind) { k.View = nil },
		"ohne Check":      func(k *kind.Kind) { k.Check = nil },
		"doppelt":         func(k *kind.Kind) { k.Name = "vereinbarung" },
		"Tabelle ohne Write": func(k *kind.Kind) {
			k.Sheet = &kind.Sheet{Format: "xlsx"}
		},
		"Tabelle ohne bekanntes Format": func(k *kind.Kind) {
			k.Sheet = &kind.Sheet{Format: "ods", Write: writeNothing}
		},
		"nur Tabelle, aber unbekanntes Format": func(k *kind.Kind) {
			k.Templates, k.View, k.Check = nil, nil, nil
			k.Sheet = &kind.Sheet{Format: "pdf", Write: writeNothing}
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			k := sample()
			mutate(&k)
			_, err := kind.New(append(kind.Builtins(), k)...)
			if !errors.Is(err, kind.ErrDeclaration) {
				t.Fatalf("got %v, want ErrDeclaration", err)
			}
		})
	}
	if _, err := kind.New(append(kind.Builtins(), sample())...); err != nil {
		t.Fatalf("complete declaration refused: %v", err)
	}
	if _, err := kind.New(append(kind.Builtins(), sheetOnly())...); err != nil {
		t.Fatalf("a kind that is only a sheet (no templates, View, Check) refused: %v", err)
	}
	both := sample()
	both.Sheet = sheetOnly().Sheet
	if _, err := kind.New(append(kind.Builtins(), both)...); err != nil {
		t.Fatalf("a kind with a document model and a sheet refused: %v", err)
	}
}

func writeNothing(io.Writer, kind.SheetInput) error { return nil }

// sheetOnly is a kind that is a data output only.
func sheetOnly() kind.Kind {
	return kind.Kind{
		Name: "liste", Title: "Liste", Akkusativ: "eine Liste",
		Files: []kind.FileName{{Stem: "liste"}},
		Docs:  func(*data.Projekt) []kind.Doc { return []kind.Doc{{File: "liste"}} },
		Sheet: &kind.Sheet{Format: "xlsx", Write: writeNothing},
	}
}

// TestDocFormats: a document is written in the document formats when it
// has a model and in its sheet's format when it has a sheet, in the
// order asked for; a sheet-only kind is no model, is not detected from a
// document's title and is not offered in messages.
func TestDocFormats(t *testing.T) {
	t.Parallel()
	withModel, sheet := sample(), sheetOnly()
	both := sample()
	both.Name, both.Sheet = "beides", sheet.Sheet
	r, err := kind.New(withModel, sheet, both)
	if err != nil {
		t.Fatal(err)
	}
	asked := []string{"xlsx", "docx", "md", "html"}
	for _, tc := range []struct {
		name  string
		model bool
		want  []string
	}{
		{"merkblatt", true, []string{"docx", "md", "html"}},
		{"liste", false, []string{"xlsx"}},
		{"beides", true, []string{"xlsx", "docx", "md", "html"}},
	} {
		d := kind.Doc{Kind: r.Lookup(tc.name)}
		if d.Kind != nil && len(d.Templates) > 0 {
			d.Template = d.Templates[0]
		}
		if got := d.Formats(asked); !slices.Equal(got, tc.want) {
			t.Errorf("%s: formats %v of %v, want %v", tc.name, got, asked, tc.want)
		}
		if d.Model() != tc.model {
			t.Errorf("%s: Model() = %v, want %v", tc.name, d.Model(), tc.model)
		}
	}
	if got := kind.Models([]kind.Doc{{Kind: r.Lookup("liste")}, {Kind: r.Lookup("merkblatt")}}); len(got) != 1 || got[0].Name != "merkblatt" {
		t.Errorf("Models kept %v, want merkblatt only", got)
	}
	if got := r.Akkusative(); slices.Contains(got, "eine Liste") {
		t.Errorf("Akkusative %v offers the sheet-only kind", got)
	}
	if k := r.Detect(&model.Document{Meta: model.Meta{Kind: "liste"}}); k != nil {
		t.Errorf("Detect took a document for the sheet-only kind %s", k.Name)
	}
	if k, _, ok := r.Recognise("liste"); !ok || k != "liste" {
		t.Errorf("Recognise(liste) = %q, %v; the batch must know the sheet's file as its own", k, ok)
	}
}

// TestBuiltinsAreFreshValues: Builtins hands out new declarations each
// call, so a caller that changes one cannot change another's registry.
func TestBuiltinsAreFreshValues(t *testing.T) {
	t.Parallel()
	a := kind.Builtins()
	a[0].Title = "geändert"
	a[0].Aliases = append(a[0].Aliases, "x")
	if b := kind.Builtins(); b[0].Title == "geändert" || slices.Contains(b[0].Aliases, "x") {
		t.Fatal("Builtins shares state between calls")
	}
	r := builtin(t)
	if got, want := r.Names(), []string{"vereinbarung", "abruf", "beschreibung", "steckbrief", "projektplan", "anschreiben", "beitrittserklaerung", "beitrittsmitteilung", "kuendigung", "zahlungsplan"}; !slices.Equal(got, want) {
		t.Fatalf("Names = %v, want %v", got, want)
	}
}

func TestParseNames(t *testing.T) {
	t.Parallel()
	r := builtin(t)
	got, err := r.ParseNames(" abruf,vereinbarung,,abruf ")
	if err != nil || !slices.Equal(got, []string{"abruf", "vereinbarung"}) {
		t.Fatalf("got %v, %v", got, err)
	}
	if got, err := r.ParseNames(""); err != nil || got != nil {
		t.Fatalf("empty: got %v, %v; want nil (all)", got, err)
	}
	_, err = r.ParseNames("vereinbarung,merkblatt")
	if !errors.Is(err, kind.ErrKind) {
		t.Fatalf("unknown kind: got %v", err)
	}
	if want := "unbekannte Dokumentart „merkblatt“ (erlaubt: vereinbarung, abruf, beschreibung, steckbrief, projektplan, anschreiben, beitrittserklaerung, beitrittsmitteilung, kuendigung, zahlungsplan)"; err.Error() != want {
		t.Fatalf("message %q, want %q", err, want)
	}
}

// project is a minimal project of a form with re-using parties, one of
// them a Kommune.
func project(form string, fitStore bool) *data.Projekt {
	pr := &data.Projekt{}
	pr.Vertrag.Form = form
	if fitStore {
		pr.Vertrag.FITStore = &data.FITStore{}
	}
	pr.Parteien = []data.Partei{
		{Land: "ST", Rolle: "umsetzend"},
		{Land: "SN", Rolle: "nachnutzend", Weg: data.WegFITStore},
		{Land: "TH", Rolle: "nachnutzend", Kommune: "Stadt Erfurt"},
		{Land: "BB", Rolle: "nachnutzend"},
	}
	return pr
}

// TestDocsPerForm: which documents each form gets, in registry order and
// within a kind in the official order of the Länder, each carrying its
// kind.
func TestDocsPerForm(t *testing.T) {
	t.Parallel()
	r := builtin(t)
	for _, c := range []struct {
		form     string
		fitStore bool
		want     []string
	}{
		{"ring", false, []string{"vereinbarung", "projektbeschreibung", "projektsteckbrief", "projektplan", "zahlungsplan"}},
		// without an offer weg does not apply: every re-using Land gets its agreement
		{"stern", false, []string{"vereinbarung-BB", "vereinbarung-SN", "vereinbarung-TH", "projektbeschreibung", "projektsteckbrief", "projektplan", "zahlungsplan"}},
		// with an offer, the Land that chose the FIT-Store gets the call-off
		// instead of the agreement, never both
		{"stern", true, []string{"vereinbarung-BB", "vereinbarung-TH", "fit-store-abruf-SN", "projektbeschreibung", "projektsteckbrief", "projektplan", "zahlungsplan"}},
		// the Kommune cannot call off (Leitfaden §2.3.4)
		{"fit-store", false, []string{"fit-store-abruf-BB", "fit-store-abruf-SN", "projektbeschreibung", "projektsteckbrief", "projektplan", "zahlungsplan"}},
	} {
		docs := r.Docs(project(c.form, c.fitStore))
		var files []string
		for _, d := range docs {
			files = append(files, d.File)
			if d.Kind == nil || r.Lookup(d.Name) != d.Kind {
				t.Errorf("%s: %s carries no registered kind", c.form, d.File)
			} else if d.Model() && !slices.Contains(d.Templates, d.Template) {
				t.Errorf("%s: %s uses %s, not one of its kind's templates %v", c.form, d.File, d.Template, d.Templates)
			}
		}
		if !slices.Equal(files, c.want) {
			t.Errorf("%s (fit_store %v): %v, want %v", c.form, c.fitStore, files, c.want)
		}
		if sel := kind.Select(docs, []string{"steckbrief"}); len(sel) != 1 || sel[0].File != "projektsteckbrief" {
			t.Errorf("%s: Select steckbrief = %v", c.form, sel)
		}
	}
}

// TestDetect: a document read from a file is recognised by the kind its
// model records, else by its title or an alias; a foreign document by
// none.
func TestDetect(t *testing.T) {
	t.Parallel()
	r := builtin(t)
	title := func(s string) *model.Document {
		return &model.Document{Blocks: []model.Block{&model.Paragraph{Style: model.StyleTitle, Inlines: []model.Inline{model.Text{Text: s}}}}}
	}
	for _, c := range []struct {
		name string
		doc  *model.Document
		want string
	}{
		{"Meta.Kind", &model.Document{Meta: model.Meta{Kind: "abruf", Title: "Projektbeschreibung: x"}}, "abruf"},
		{"Eigenschaften", &model.Document{Meta: model.Meta{Title: "Projektsteckbrief: Wohngeld"}}, "steckbrief"},
		{"Titelabsatz", title("Verwaltungsvereinbarung\u00a0über die Nachnutzung"), "vereinbarung"},
		{"Alias", title("Verwaltungsabkommen über …"), "vereinbarung"},
		{"Alias Abruf", title("Abruf aus dem FIT-Store"), "abruf"},
		{"fremd", title("Kaufvertrag"), ""},
		{"unbekannte Art im Modell", &model.Document{Meta: model.Meta{Kind: "merkblatt", Title: "Projektsteckbrief"}}, ""},
	} {
		k := r.Detect(c.doc)
		got := ""
		if k != nil {
			got = k.Name
		}
		if got != c.want {
			t.Errorf("%s: detected %q, want %q", c.name, got, c.want)
		}
	}
}

// TestRecognise: the registry knows the file names its kinds give, with
// the party of a per-party name, and no others.
func TestRecognise(t *testing.T) {
	t.Parallel()
	r := builtin(t)
	for _, c := range []struct{ stem, kind, party string }{
		{"vereinbarung", "vereinbarung", ""}, {"vereinbarung-SN", "vereinbarung", "SN"},
		{"fit-store-abruf-BUND", "abruf", "BUND"}, {"projektsteckbrief", "steckbrief", ""},
	} {
		k, p, ok := r.Recognise(c.stem)
		if !ok || k != c.kind || p != c.party {
			t.Errorf("Recognise(%q) = %q, %q, %v; want %q, %q", c.stem, k, p, ok, c.kind, c.party)
		}
	}
	for _, stem := range []string{"vereinbarung-XY", "vereinbarung-sn", "Vereinbarung", "vereinbarung-", "fit-store-abruf", "projektsteckbrief-SN", "notizen"} {
		if k, p, ok := r.Recognise(stem); ok {
			t.Errorf("Recognise(%q) = %q, %q; want not ours", stem, k, p)
		}
	}
}

// TestCoverLetters: a cover letter goes to the next party of each
// agreement whose signing round the implementing Land has opened with
// its signature and which is not complete — none before, none after.
func TestCoverLetters(t *testing.T) {
	t.Parallel()
	r := builtin(t)
	sig := &data.Unterschrift{Datum: data.NewDatum(2026, 9, 1), Ort: "Magdeburg", Name: "N", Amtsbezeichnung: "A"}
	letters := func(pr *data.Projekt) []string {
		var out []string
		for _, d := range kind.Select(r.Docs(pr), []string{"anschreiben"}) {
			out = append(out, d.File)
		}
		return out
	}
	for _, c := range []struct {
		name   string
		form   string
		signed []string
		want   []string
	}{
		{"ring, nobody signed", "ring", nil, nil},
		{"ring, a re-using Land signed before the implementing one", "ring", []string{"BB"}, nil},
		{"ring, implementing Land signed", "ring", []string{"ST"}, []string{"anschreiben-BB"}},
		{"ring, next in the order of the head", "ring", []string{"ST", "BB"}, []string{"anschreiben-SN"}},
		{"ring, complete", "ring", []string{"ST", "BB", "SN", "TH"}, nil},
		{"star, one letter per open agreement", "stern", []string{"ST", "SN"}, []string{"anschreiben-BB", "anschreiben-TH"}},
		{"fit-store has no agreement", "fit-store", []string{"ST"}, nil},
	} {
		pr := project(c.form, false)
		for i := range pr.Parteien {
			if slices.Contains(c.signed, string(pr.Parteien[i].Land)) {
				pr.Parteien[i].Unterschrift = sig
			}
		}
		if got := letters(pr); !slices.Equal(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
}
