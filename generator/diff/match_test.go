package diff

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/pmezard/go-difflib/difflib"
	"github.com/vereinbar/vereinbar/generator/model"
	"pgregory.net/rapid"
)

// tokenSeq draws a sequence of tokens from a small alphabet, blanks
// included, so that tokens repeat as words and blanks do in prose.
func tokenSeq(t *rapid.T, name string) []string {
	return rapid.SliceOfN(rapid.SampledFrom([]string{" ", "a", "b", "c", "d", " ", "der", "die"}), 0, 40).Draw(t, name)
}

// TestSeqMatchIsDifflib: within its limit, seqMatch finds the matching
// blocks difflib's SequenceMatcher finds, so the output of ordinary
// documents is what it was before the matching was bounded.
func TestSeqMatchIsDifflib(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		a, b := tokenSeq(t, "a"), tokenSeq(t, "b")
		mt := newMatcher()
		want := difflib.NewMatcherWithJunk(a, b, false, nil)
		if got := mt.blocks(a, b); !reflect.DeepEqual(got, want.GetMatchingBlocks()) {
			t.Fatalf("blocks %v, difflib %v", got, want.GetMatchingBlocks())
		}
		if got := mt.opcodes(a, b); !reflect.DeepEqual(got, want.GetOpCodes()) {
			t.Fatalf("opcodes %v, difflib %v", got, want.GetOpCodes())
		}
		if mt.fallbacks != 0 {
			t.Fatalf("%d fallbacks on %d tokens", mt.fallbacks, len(a)+len(b))
		}
	})
}

// lcs is the length of the longest common subsequence, by the table.
func lcs(a, b []int) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// TestMyersIsMinimal: the fallback's blocks are ascending, match equal
// tokens and match as many as the longest common subsequence.
func TestMyersIsMinimal(t *testing.T) {
	t.Parallel()
	rapid.Check(t, func(t *rapid.T) {
		a, b, _ := intern(tokenSeq(t, "a"), tokenSeq(t, "b"))
		ms, _, ok := myers(a, b, len(a)+len(b), 1<<30)
		if !ok {
			t.Fatal("myers gave up without a limit")
		}
		n, i, j := 0, 0, 0
		for _, m := range ms {
			if m.Size <= 0 || m.A < i || m.B < j {
				t.Fatalf("blocks %v not ascending", ms)
			}
			for k := range m.Size {
				if a[m.A+k] != b[m.B+k] {
					t.Fatalf("block %v matches different tokens", m)
				}
			}
			i, j, n = m.A+m.Size, m.B+m.Size, n+m.Size
		}
		if want := lcs(a, b); n != want {
			t.Fatalf("%d tokens matched, longest common subsequence %d", n, want)
		}
	})
}

// fewCommonWords returns two versions of one paragraph of n words that
// share only every tenth word ("und"): a paragraph rewritten from scratch,
// the input on which SequenceMatcher takes a cubic number of steps.
func fewCommonWords(n int) (old, new string) {
	var o, w strings.Builder
	for i := range n {
		if i > 0 {
			o.WriteByte(' ')
			w.WriteByte(' ')
		}
		if i%10 == 9 {
			o.WriteString("und")
			w.WriteString("und")
			continue
		}
		fmt.Fprintf(&o, "alt%d", i)
		fmt.Fprintf(&w, "neu%d", i)
	}
	return o.String(), w.String()
}

// rebuild joins the segments to OLD's and NEW's text.
func rebuild(segs []Segment) (old, new string) {
	var o, n strings.Builder
	for _, s := range segs {
		if s.Op != Insert {
			o.WriteString(s.Text)
		}
		if s.Op != Delete {
			n.WriteString(s.Text)
		}
	}
	return o.String(), n.String()
}

// TestWordsWithFewCommonWords: two versions of a long paragraph that
// share few words took a cubic number of steps (2,000 words minutes,
// 5,000 words hours). They give a correct difference within the bound
// of steps: SequenceMatcher is given up, the differing middle is replaced
// whole (every tenth word in common is no difference a reader wants
// marked), and ordinary sentences still take SequenceMatcher's path.
func TestWordsWithFewCommonWords(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name      string
		old, new  string
		fallbacks int
		segments  int
	}{
		{"one word", "Frist von 12 Monaten", "Frist von 6 Monaten", 0, 4},
		{"100 words", "", "", 0, 0},
		{"5000 words", "", "", 1, 3}, // deleted, inserted, the common " und" at the end
		{"50000 words", "", "", 1, 3},
		{"50000 words, one changed", "", "", 1, 4},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			old, new := tt.old, tt.new
			var n int
			if _, err := fmt.Sscanf(tt.name, "%d words", &n); err == nil {
				old, new = fewCommonWords(n)
				if strings.HasSuffix(tt.name, "one changed") {
					new = old[:len(old)/2] + "geändert" + old[len(old)/2+3:]
				}
			}
			mt := newMatcher()
			segs := mt.words(old, new)
			if o, w := rebuild(segs); o != old || w != new {
				t.Fatalf("segments do not rebuild the texts")
			}
			if mt.fallbacks != tt.fallbacks {
				t.Errorf("%d fallbacks, want %d", mt.fallbacks, tt.fallbacks)
			}
			if tt.segments > 0 && len(segs) != tt.segments {
				t.Errorf("%d segments, want %d: %.200v", len(segs), tt.segments, segs)
			}
			if limit := seqStepLimit + myersStepLimit + 2*floorPerToken*(len(old)+len(new)); mt.spent > limit {
				t.Errorf("%d steps, more than the bound %d", mt.spent, limit)
			}
		})
	}
}

// TestCompareWorkIsBounded: a document of many rewritten long paragraphs
// costs one comparison at most its budget plus the floor per token; the
// paragraphs after the budget is spent are still compared correctly.
func TestCompareWorkIsBounded(t *testing.T) {
	t.Parallel()
	var ob, nb []model.Block
	tokens := 0
	for i := range 30 {
		o, n := fewCommonWords(800 + i)
		tokens += 2 * (len(strings.Fields(o)) + len(strings.Fields(n)))
		ob = append(ob, &model.Paragraph{Number: fmt.Sprintf("(%d)", i+1), Inlines: []model.Inline{model.Text{Text: o}}})
		nb = append(nb, &model.Paragraph{Number: fmt.Sprintf("(%d)", i+1), Inlines: []model.Inline{model.Text{Text: n}}})
	}
	old := &model.Document{Blocks: []model.Block{&model.Section{ID: "s", Number: "§ 1", Title: "T", Blocks: ob}}}
	new := &model.Document{Blocks: []model.Block{&model.Section{ID: "s", Number: "§ 1", Title: "T", Blocks: nb}}}
	mt := newMatcher()
	a, err := align(mt, old, new)
	if err != nil {
		t.Fatal(err)
	}
	res := &Result{}
	for _, p := range a.pairs {
		res.add(mt, p)
	}
	if len(res.Changes) != 30 {
		t.Fatalf("%d changes, want 30", len(res.Changes))
	}
	for _, c := range res.Changes {
		if o, n := rebuild(c.Segments); o != c.Old || n != c.New {
			t.Fatalf("%s: segments do not rebuild the texts", c.Loc)
		}
	}
	// Every token is matched at most a few times (items, similarity of
	// neighbours, words), each time with the floor.
	if limit := compareSteps + 20*floorPerToken*tokens; mt.spent > limit {
		t.Errorf("%d steps, more than the bound %d", mt.spent, limit)
	}
	if mt.left != 0 {
		t.Errorf("budget not spent (%d left): the test does not reach the floor", mt.left)
	}
}

// TestAlignmentIsBounded: paragraphs of a clause and rows of a table are
// aligned like words, so the same shape (every other one the same in
// both versions, the rest rewritten) took a cubic number of steps there
// too. Each comparison now falls back within the bound and still pairs
// every paragraph and row.
func TestAlignmentIsBounded(t *testing.T) {
	t.Parallel()
	const n = 4000
	label := func(side string, i int) string {
		if i%2 == 1 {
			return "und"
		}
		return fmt.Sprintf("%s%d", side, i)
	}
	paras := func(side string) *model.Document {
		var bs []model.Block
		for i := range n {
			bs = append(bs, &model.Paragraph{Inlines: []model.Inline{model.Text{Text: label(side, i)}}})
		}
		return &model.Document{Blocks: []model.Block{&model.Section{ID: "s", Number: "§ 1", Title: "T", Blocks: bs}}}
	}
	table := func(side string) *model.Document {
		tb := &model.Table{Header: []model.Row{{Cells: []model.Cell{{Inlines: []model.Inline{model.Text{Text: "Land"}}}, {Inlines: []model.Inline{model.Text{Text: "Betrag"}}}}}}}
		for i := range n {
			tb.Rows = append(tb.Rows, model.Row{Cells: []model.Cell{{Inlines: []model.Inline{model.Text{Text: label(side, i)}}}, {Inlines: []model.Inline{model.Text{Text: side}}}}})
		}
		return &model.Document{Blocks: []model.Block{&model.Section{ID: "s", Number: "§ 1", Title: "T", Blocks: []model.Block{tb}}}}
	}
	for _, tt := range []struct {
		name     string
		old, new *model.Document
		changes  int
	}{
		{"paragraphs", paras("alt"), paras("neu"), n / 2},
		// Rows: the "und" rows changed in their second cell, the others
		// paired in order, changed in both cells.
		{"table rows", table("alt"), table("neu"), 3 * n / 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			mt := newMatcher()
			a, err := align(mt, tt.old, tt.new)
			if err != nil {
				t.Fatal(err)
			}
			res := &Result{}
			for _, p := range a.pairs {
				res.add(mt, p)
			}
			if len(res.Changes) != tt.changes {
				t.Errorf("%d changes, want %d", len(res.Changes), tt.changes)
			}
			if mt.fallbacks == 0 {
				t.Error("no fallback: the input does not take the bounded path")
			}
			if limit := compareSteps + 20*floorPerToken*4*n; mt.spent > limit {
				t.Errorf("%d steps, more than the bound %d", mt.spent, limit)
			}
		})
	}
}
