package generator_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/docxread"
	"github.com/vereinbar/vereinbar/generator/model"
)

// parseSource decodes an edited fixture.
func parseSource(t *testing.T, gen *generator.Generator, name, src string) *generator.Project {
	t.Helper()
	p, err := gen.ParseProject(name, []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// edited returns a fixture's source with each old replaced by new (each
// must occur).
func edited(t *testing.T, fixture string, pairs ...string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(fixturesDir, fixture))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for i := 0; i+1 < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("%s: %q not found", fixture, pairs[i])
		}
		s = strings.Replace(s, pairs[i], pairs[i+1], 1)
	}
	return s
}

// readBack renders one document of a project to DOCX and reads it back,
// so the test sees what a reader of the file sees.
func readBack(t *testing.T, gen *generator.Generator, p *generator.Project, file string) *model.Document {
	t.Helper()
	res, err := gen.Costs(p)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range gen.Docs(p) {
		if k.File != file {
			continue
		}
		outs, err := gen.RenderDoc(context.Background(), p, res, k, []string{"docx"})
		if err != nil {
			t.Fatal(err)
		}
		d, err := docxread.Read(bytes.NewReader(outs[0].Data), int64(len(outs[0].Data)), docxread.Options{})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	t.Fatalf("no document %s", file)
	return nil
}

// headParties returns the bold party names of the head (the paragraphs
// before the first section that say "vertreten durch").
func headParties(d *model.Document) []string {
	var out []string
	for _, b := range d.Blocks {
		if _, ok := b.(*model.Section); ok {
			break
		}
		p, ok := b.(*model.Paragraph)
		if !ok || !strings.Contains(model.PlainText(p.Inlines), "vertreten durch") {
			continue
		}
		for _, in := range p.Inlines {
			if tx, ok := in.(model.Text); ok && tx.Bold {
				out = append(out, strings.TrimSpace(tx.Text))
				break
			}
		}
	}
	return out
}

// tableColumn returns the first cell of every row but the total.
func tableColumn(t *testing.T, d *model.Document, id string) []string {
	t.Helper()
	var out []string
	for _, r := range findTable(t, d, id).Rows {
		if name := model.PlainText(r.Cells[0].Inlines); name != "Summe" {
			out = append(out, name)
		}
	}
	return out
}

// signatures returns every signature block of a document.
func signatures(d *model.Document) []model.Signature {
	var out []model.Signature
	_ = model.Walk(d, func(b model.Block, _ []*model.Section) error {
		if s, ok := b.(*model.Signatures); ok {
			out = append(out, s.Blocks...)
		}
		return nil
	})
	return out
}

// The Länder in their official order, written out here rather than taken
// from refdata, so the test does not share the code under test.
var (
	dativ = map[string]string{
		"BUND": "der Bundesrepublik Deutschland",
		"BE":   "dem Land Berlin", "BB": "dem Land Brandenburg", "HB": "der Freien Hansestadt Bremen",
		"HH": "der Freien und Hansestadt Hamburg", "MV": "dem Land Mecklenburg-Vorpommern",
		"NI": "dem Land Niedersachsen", "RP": "dem Land Rheinland-Pfalz", "SL": "dem Saarland",
		"SN": "dem Freistaat Sachsen", "ST": "dem Land Sachsen-Anhalt", "SH": "dem Land Schleswig-Holstein",
		"TH": "dem Freistaat Thüringen",
	}
	kurzname = map[string]string{
		"BUND": "Bund", "BE": "Berlin", "BB": "Brandenburg", "HB": "Bremen", "HH": "Hamburg",
		"MV": "Mecklenburg-Vorpommern", "NI": "Niedersachsen", "RP": "Rheinland-Pfalz", "SL": "Saarland",
		"SN": "Sachsen", "ST": "Sachsen-Anhalt", "SH": "Schleswig-Holstein", "TH": "Thüringen",
	}
	akkusativ = map[string]string{
		"BUND": "die Bundesrepublik Deutschland",
		"BE":   "das Land Berlin", "BB": "das Land Brandenburg", "HB": "die Freie Hansestadt Bremen",
		"HH": "die Freie und Hansestadt Hamburg", "MV": "das Land Mecklenburg-Vorpommern",
		"NI": "das Land Niedersachsen", "RP": "das Land Rheinland-Pfalz", "SL": "das Saarland",
		"SN": "den Freistaat Sachsen", "ST": "das Land Sachsen-Anhalt", "SH": "das Land Schleswig-Holstein",
		"TH": "den Freistaat Thüringen",
	}
)

func names(m map[string]string, codes ...string) []string {
	out := make([]string, len(codes))
	for i, c := range codes {
		out[i] = m[c]
	}
	return out
}

// TestPartiesInOfficialOrder reads back the head, the distribution table
// and the signature blocks of generated agreements: the parties stand in
// the official order of the Länder (the Bund first), or with the
// implementing Land first, whatever the order of the project file.
func TestPartiesInOfficialOrder(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	wohngeld := edited(t, "wohngeld-ring.yaml")
	wohngeldFirst := edited(t, "wohngeld-ring.yaml", "  steuerungsgremium:", "  reihenfolge: umsetzendes_land_zuerst\n  steuerungsgremium:")
	// the parties of the project file in reverse order: nothing changes
	ehe := edited(t, "eheschliessung-ring.yaml")
	start := strings.Index(ehe, "\nparteien:\n") + len("\nparteien:\n")
	end := start + strings.Index(ehe[start:], "\n\n") + 1 // the blank line after the list
	var entries []string
	for _, e := range strings.SplitAfter(ehe[start:end], "\n") {
		switch {
		case e == "":
		case strings.HasPrefix(e, "  - "):
			entries = append(entries, e)
		default:
			entries[len(entries)-1] += e
		}
	}
	slices.Reverse(entries)
	eheReversed := ehe[:start] + strings.Join(entries, "") + ehe[end:]
	if !strings.Contains(eheReversed, "parteien:\n  - land: SH\n") {
		t.Fatalf("parties not reversed:\n%s", eheReversed)
	}
	// the Bund as a party comes first
	eheBund := edited(t, "eheschliessung-ring.yaml", "  - land: SH\n", "  - land: BUND\n", `SH: "16.66666"`, `BUND: "16.66666"`)

	official := []string{"BE", "BB", "HB", "HH", "MV", "NI", "RP", "SL", "SN", "ST", "SH", "TH"}
	tests := []struct {
		name, src string
		want      []string
	}{
		{"wohngeld amtlich", wohngeld, official},
		{"wohngeld umsetzendes Land zuerst", wohngeldFirst, append([]string{"SH"}, slices.DeleteFunc(slices.Clone(official), func(c string) bool { return c == "SH" })...)},
		{"eheschliessung", ehe, []string{"HB", "HH", "NI", "SH"}},
		{"eheschliessung, Parteien der Datei umgekehrt", eheReversed, []string{"HB", "HH", "NI", "SH"}},
		{"eheschliessung mit dem Bund", eheBund, []string{"BUND", "HB", "HH", "NI"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			d := readBack(t, gen, parseSource(t, gen, tt.name+".yaml", tt.src), "vereinbarung")
			if got, want := headParties(d), names(dativ, tt.want...); !slices.Equal(got, want) {
				t.Errorf("head:\n got %q\nwant %q", got, want)
			}
			if got, want := tableColumn(t, d, "verteilungstabelle"), names(kurzname, tt.want...); !slices.Equal(got, want) {
				t.Errorf("Verteilungstabelle:\n got %q\nwant %q", got, want)
			}
			var got []string
			for _, s := range signatures(d) {
				got = append(got, strings.TrimPrefix(s.Party, "Für "))
			}
			if want := names(akkusativ, tt.want...); !slices.Equal(got, want) {
				t.Errorf("signatures:\n got %q\nwant %q", got, want)
			}
		})
	}
}

// TestStarAgreementsInOrder: the agreements of a star project come in the
// order of the re-using Länder, and each names its two parties in the
// order of the documents; the file names stay vereinbarung-<LAND>.
func TestStarAgreementsInOrder(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	tests := []struct {
		fixture string
		files   []string
		// one agreement and the order of its two parties
		file  string
		parts []string
	}{
		// amtlich: Bayern before the implementing Nordrhein-Westfalen; BW,
		// BE, HH, SN and TH call off from the FIT-Store (weg) and have no
		// agreement
		{"einbuergerung-stern-16.yaml", []string{"BY", "BB", "HB", "HE", "MV", "NI", "RP", "SL", "ST", "SH"},
			"vereinbarung-BY", []string{"dem Freistaat Bayern", "dem Land Nordrhein-Westfalen"}},
		// umsetzendes_land_zuerst: Sachsen-Anhalt before Brandenburg;
		// the file lists SN, TH, BB
		{"bafoeg-stern.yaml", []string{"BB", "SN", "TH"},
			"vereinbarung-BB", []string{"dem Land Sachsen-Anhalt", "dem Land Brandenburg"}},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) {
			t.Parallel()
			p, err := gen.LoadProject(filepath.Join(fixturesDir, tt.fixture))
			if err != nil {
				t.Fatal(err)
			}
			var files []string
			for _, k := range gen.Docs(p) {
				if k.Name == "vereinbarung" {
					files = append(files, k.File)
				}
			}
			want := make([]string, len(tt.files))
			for i, c := range tt.files {
				want[i] = "vereinbarung-" + c
			}
			if !slices.Equal(files, want) {
				t.Errorf("agreements:\n got %q\nwant %q", files, want)
			}
			if got := headParties(readBack(t, gen, p, tt.file)); !slices.Equal(got, tt.parts) {
				t.Errorf("%s head: got %q, want %q", tt.file, got, tt.parts)
			}
		})
	}
}

// TestSignatureBlocks: every party's block names the Land after „Für“,
// the authority in the nominative with a capital article, and the lines
// for place and date, signature, name and Amtsbezeichnung — in the DOCX
// as read back and in the Markdown twin; the head has the accusative. A
// party that has signed (Bremen in the fixture) has place and date, name
// and Amtsbezeichnung after the captions.
func TestSignatureBlocks(t *testing.T) {
	t.Parallel()
	gen := newGenerator(t)
	p, err := gen.LoadProject(filepath.Join(fixturesDir, "eheschliessung-ring.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	want := []model.Signature{
		{Party: "Für die Freie Hansestadt Bremen", Signer: "Der Senator für Inneres und Sport"},
		{Party: "Für die Freie und Hansestadt Hamburg", Signer: "Die Behörde für Inneres und Sport"},
		{Party: "Für das Land Niedersachsen", Signer: "Das Niedersächsische Ministerium für Inneres, Sport und Digitalisierung"},
		{Party: "Für das Land Schleswig-Holstein", Signer: "Das Ministerium für Inneres, Kommunales, Wohnen und Sport"},
	}
	lines := []string{"Unterschrift", "Name", "Amtsbezeichnung"}
	signed := []string{"Unterschrift", "Name: Dr. Jana Beispiel", "Amtsbezeichnung: Staatsrätin"}
	d := readBack(t, gen, p, "vereinbarung")
	got := signatures(d)
	if len(got) != len(want) {
		t.Fatalf("%d signature blocks, want %d: %+v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		placeDate, lines := "Ort, Datum", lines
		if i == 0 {
			placeDate, lines = "Ort, Datum: Bremen, 28. September 2026", signed
		}
		if g.Party != w.Party || g.Signer != w.Signer || g.PlaceDate != placeDate || !slices.Equal(g.Lines, lines) {
			t.Errorf("block %d = %+v, want %s / %s / %s / %q", i+1, g, w.Party, w.Signer, placeDate, lines)
		}
	}
	var head string
	for _, b := range d.Blocks {
		if pp, ok := b.(*model.Paragraph); ok {
			head += model.PlainText(pp.Inlines) + "\n"
		}
	}
	if !strings.Contains(head, "vertreten durch den Senator für Inneres und Sport,") {
		t.Errorf("head lacks the accusative „vertreten durch den Senator für Inneres und Sport“:\n%s", head)
	}
	res, err := gen.Costs(p)
	if err != nil {
		t.Fatal(err)
	}
	var md string
	for _, k := range gen.Docs(p) {
		if k.File == "vereinbarung" {
			outs, err := gen.RenderDoc(context.Background(), p, res, k, []string{"md"})
			if err != nil {
				t.Fatal(err)
			}
			md = string(outs[0].Data)
		}
	}
	for _, w := range want {
		block := "**" + w.Party + "**  \n" + w.Signer + "  \nOrt, Datum: "
		if !strings.Contains(md, block) {
			t.Errorf("Markdown lacks the block %q", block)
		}
	}
	if n := strings.Count(md, "Amtsbezeichnung: "); n != len(want) {
		t.Errorf("Markdown has %d lines for the Amtsbezeichnung, want %d", n, len(want))
	}
}
