package docx

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
	"github.com/vereinbar/vereinbar/generator/render/docx/docxtest"
)

// orderFile is the child order of WordprocessingML transcribed from
// the ECMA-376 Transitional wml.xsd; its header names the source.
const orderFile = "testdata/ooxml-reihenfolge.txt"

// schemaDocs are the documents whose packages TestSchemaOrder checks:
// every node kind (Sample, Slide with chart, landscape, small print) and
// every kind of tracked change (runs, paragraph marks, table rows,
// headings, list labels). The fixtures of all document kinds are checked
// by generator's TestDocxSchemaOrder.
func schemaDocs() []schemaDoc {
	landscape := modeltest.Sample(3)
	landscape.Meta.Landscape = true
	note := doc(
		&model.Paragraph{Style: model.StyleNote, Inlines: []model.Inline{model.Text{Text: "Kleingedrucktes", Italic: true}}},
		&model.Chart{Bars: modeltest.Shares().Bars},
	)
	rev := Options{Author: "Prüfer", Date: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}
	return []schemaDoc{
		{"Sample(2)", modeltest.Sample(2), Options{}},
		{"Sample(3) quer", landscape, Options{}},
		{"Slide", modeltest.Slide(), Options{}},
		{"Plan mit Zeitplan", modeltest.Plan(), Options{}},
		{"Kleingedrucktes", note, Options{}},
		{"Redline", modeltest.Redline(), rev},
		{"Redline ganze Teile", redlineBlocks(), rev},
	}
}

// schemaDoc is a document of schemaDocs with its name and options.
type schemaDoc struct {
	name string
	d    *model.Document
	opts Options
}

// TestSchemaOrder checks every XML part of the packages of schemaDocs
// against the child order of ECMA-376 (docxtest): Word rejects a package
// with children out of order, LibreOffice does not, so only this test
// catches it.
func TestSchemaOrder(t *testing.T) {
	t.Parallel()
	order, err := docxtest.LoadOrder(orderFile)
	if err != nil {
		t.Fatalf("%s: %v", orderFile, err)
	}
	used := map[string]bool{}
	for _, c := range schemaDocs() {
		var buf bytes.Buffer
		if err := Render(&buf, c.d, c.opts); err != nil {
			t.Fatalf("%s: Render: %v", c.name, err)
		}
		res, err := order.CheckPackage(buf.Bytes())
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		res.Report(t, c.name)
		for k := range res.Used {
			used[k] = true
		}
	}
	// Every entry of the order file must be one we emit (it lists only
	// those); a stale entry means the file and the writer have drifted.
	for _, k := range order.Keys() {
		if !used[k] {
			t.Errorf("%s: Eintrag %q wird von keinem Testdokument benutzt", orderFile, k)
		}
	}
}

// TestSchemaOrderChecker shows that the check finds what it is for: a
// child out of order, a child the schema does not allow there, a second
// member of a one-of choice, and a parent without an entry; and that it
// accepts free order inside a {…}* choice and looks up "outer/parent"
// entries before "parent".
func TestSchemaOrderChecker(t *testing.T) {
	t.Parallel()
	order, err := docxtest.ParseOrder([]byte(`
# test table
document T: body
body T: {p tbl}* sectPr
p T: pPr {r ins}*
p/pPr T: pStyle keepNext spacing jc rPr
pPr/rPr T: ins del {b i}* rPrChange
r T: rPr {t tab}*
tbl T: tr
tr T: tc
tc T: tcPr p
tcPr T: tcW {cellIns cellDel} vAlign
`))
	if err != nil {
		t.Fatal(err)
	}
	const head = `<w:document xmlns:w="` + docxtest.NS + `"><w:body>`
	tests := []struct {
		name, body string
		want       []string // substrings, one per problem
	}{
		{"in order", `<w:p><w:pPr><w:pStyle/><w:spacing/><w:jc/><w:rPr><w:del/><w:i/><w:b/></w:rPr></w:pPr><w:r><w:tab/><w:t>x</w:t></w:r></w:p><w:tbl/><w:p/><w:sectPr/>`, nil},
		{"swapped", `<w:p><w:pPr><w:jc/><w:spacing/></w:pPr></w:p>`,
			[]string{`x.xml: body/p/pPr: "spacing" nach "jc": p/pPr (T) verlangt "spacing" vor "jc"`}},
		{"path", `<w:p/><w:p/><w:p><w:pPr><w:rPr><w:b/><w:ins/></w:rPr></w:pPr></w:p>`,
			[]string{`body/p[3]/pPr/rPr: "ins" nach "b"`}},
		{"sectPr not last", `<w:sectPr/><w:p/>`, []string{`body: "p" nach "sectPr"`}},
		{"not allowed", `<w:p><w:pPr><w:outlineLvl/></w:pPr></w:p>`, []string{`body/p/pPr: w:outlineLvl ist in p/pPr (T) nicht erlaubt`}},
		{"no entry", `<w:p><w:r><w:rPr><w:b/></w:rPr></w:r></w:p>`, []string{`body/p/r/rPr: w:rPr hat Kindelemente (zuerst w:b), aber keinen Eintrag`}},
		{"one of", `<w:tbl><w:tr><w:tc><w:tcPr><w:tcW/><w:cellIns/><w:cellDel/></w:tcPr></w:tc></w:tr></w:tbl>`,
			[]string{`body/tbl/tr/tc/tcPr: "cellDel" nach "cellIns": tcPr (T) erlaubt nur eines aus {cellIns cellDel}`}},
		{"other namespaces", `<w:p><x:foo xmlns:x="urn:x"><x:bar/></x:foo></w:p>`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := &docxtest.Result{}
			if err := order.CheckPart(res, "x.xml", []byte(head+tt.body+`</w:body></w:document>`)); err != nil {
				t.Fatal(err)
			}
			got := res.Problems
			if len(got) != len(tt.want) {
				t.Fatalf("problems:\n%s\nwant %d", strings.Join(got, "\n"), len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("problem %d = %q, want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}
