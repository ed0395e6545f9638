package check_test

import (
	"context"
	"strings"
	"testing"
	"time"

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

// TestRueckwirkung: what an amendment changes for a Haushaltsjahr begun
// at NEU's stand is named with the year and the Länder that join or
// leave for it (reviewer's audit, finding 3).
func TestRueckwirkung(t *testing.T) {
	t.Parallel()
	g, err := generator.New(generator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		fall      string
		want, not []string
	}{
		{"beitritt", nil, nil},
		{"betrag", []string{"Haushaltsjahres 2027, das am Stand der neuen Fassung (15.03.2027) schon begonnen hat", "beitritt_ab"}, []string{"2028", "trägt"}},
		// the review: Länder with their article as the documents name them
		{"kombination", []string{"Haushaltsjahres 2027", "das Land Hessen trägt Kosten für das ganze Jahr 2027", "und das Saarland trägt für 2027 keine Kosten mehr"}, []string{"2028", "und Saarland"}},
	} {
		dir := fixtures + "aenderung/" + c.fall + "/"
		f, err := g.Fassungen(dir+"alt.yaml", dir+"neu.yaml", &model.Document{})
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(check.Rueckwirkung(f.Alt, f.Neu, f.Beginn), "\n")
		if c.want == nil && got != "" {
			t.Errorf("%s: unerwartet %q", c.fall, got)
		}
		for _, w := range c.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q fehlt in %q", c.fall, w, got)
			}
		}
		for _, n := range c.not {
			if strings.Contains(got, n) {
				t.Errorf("%s: %q in %q", c.fall, n, got)
			}
		}
	}
}

// The legal review found „wirkt auf den 1. Januar 2027 zurück“ for an
// agreement that began on 1 April 2027: the change reaches back to the
// later of the two.
func TestRueckwirkungFromBeginning(t *testing.T) {
	t.Parallel()
	f, err := newGen(t).Fassungen(fixtures+"aenderung/betrag/alt.yaml", fixtures+"aenderung/betrag/neu.yaml", &model.Document{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		beginn time.Time
		want   string
	}{
		{time.Date(2027, time.April, 1, 0, 0, 0, 0, time.UTC), "wirkt auf den 1. April 2027 zurück"},
		{time.Date(2026, time.July, 1, 0, 0, 0, 0, time.UTC), "wirkt auf den 1. Januar 2027 zurück"},
		{time.Time{}, "wirkt auf den 1. Januar 2027 zurück"},
	} {
		if got := strings.Join(check.Rueckwirkung(f.Alt, f.Neu, c.beginn), "\n"); !strings.Contains(got, c.want) {
			t.Errorf("Beginn %s: %q fehlt in %q", c.beginn.Format(time.DateOnly), c.want, got)
		}
	}
}

// The legal review found AENDERUNG-001 reported under „Artikel 1“ when
// the instructions stand in a later article (after „Beitritt“): the
// finding names the article that holds them.
func TestAmendmentFindingNamesArticle(t *testing.T) {
	t.Parallel()
	fs := amendmentVariant("beitritt", "wird durch den folgenden Absatz 2 ersetzt:", "wird neu gefasst:")(t, newGen(t))
	var found bool
	for _, f := range fs {
		if f.Code != "AENDERUNG-001" {
			continue
		}
		found = true
		if f.Clause != "Artikel 2" || f.Heading != "Änderung der Verwaltungsvereinbarung" {
			t.Errorf("Fundstelle %q (%q), erwartet Artikel 2 (Änderung der Verwaltungsvereinbarung)", f.Clause, f.Heading)
		}
	}
	if !found {
		t.Fatal("kein Befund AENDERUNG-001")
	}
}
