package check_test

import (
	"context"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/check"
	"github.com/vereinbar/vereinbar/generator/model"
)

// amendmentVariant drafts the amendment of a fixture pair under
// fixtures/aenderung/ and checks it as `vereinbar check --alt --neu`
// does, after replacing old by new in the text of its Artikel 1 (none:
// the amendment as drafted).
func amendmentVariant(fall string, edits ...string) variant {
	return func(t *testing.T, g *generator.Generator) []check.Finding {
		t.Helper()
		dir := fixtures + "aenderung/" + fall + "/"
		alt, err := g.LoadProject(dir + "alt.yaml")
		if err != nil {
			t.Fatal(err)
		}
		neu, err := g.LoadProject(dir + "neu.yaml")
		if err != nil {
			t.Fatal(err)
		}
		ams, err := g.Aenderung(context.Background(), alt, neu, generator.AenderungOptions{Nr: 1})
		if err != nil {
			t.Fatal(err)
		}
		d := ams[0].Doc
		for i := 0; i+1 < len(edits); i += 2 {
			if !replaceText(d.Blocks, edits[i], edits[i+1]) {
				t.Fatalf("„%s“ steht nicht in der Änderungsvereinbarung", edits[i])
			}
		}
		f, err := g.Fassungen(dir+"alt.yaml", dir+"neu.yaml", d)
		if err != nil {
			t.Fatal(err)
		}
		return check.Run(check.Input{Name: dir + "aenderungsvereinbarung.docx", Kind: check.KindAenderung, Doc: d, Fassungen: f})
	}
}

func replaceText(bs []model.Block, old, new string) bool {
	done := false
	for _, b := range bs {
		switch n := b.(type) {
		case *model.Section:
			done = replaceText(n.Blocks, old, new) || done
		case *model.Paragraph:
			for i, in := range n.Inlines {
				if t, ok := in.(model.Text); ok && strings.Contains(t.Text, old) {
					t.Text = strings.Replace(t.Text, old, new, 1)
					n.Inlines[i] = t
					done = true
				}
			}
		}
	}
	return done
}

// TestAmendmentDetected: an amendment read back is checked as one, not
// refused as an unknown kind.
func TestAmendmentDetected(t *testing.T) {
	t.Parallel()
	d := &model.Document{Meta: model.Meta{Title: "Erste Vereinbarung zur Änderung der Verwaltungsvereinbarung über …"}}
	if !check.IsAenderung(d) {
		t.Fatal("nicht erkannt")
	}
	if check.IsAenderung(&model.Document{Meta: model.Meta{Title: "Verwaltungsvereinbarung: …"}}) {
		t.Fatal("Vereinbarung als Änderung erkannt")
	}
}
