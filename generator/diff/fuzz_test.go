package diff_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/diff"
	"github.com/vereinbar/vereinbar/generator/markup"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/render/docx"
)

// FuzzDiff compares two versions of a markup document: a seed and a
// randomly edited copy (the edit is the fuzzer's: cut, insert, swap).
// Invariants: no panic (an "interner Fehler" from the recover guard fails
// the test); a document compared with itself gives no change; the word
// segments of every change rebuild its old and new text; the redline
// renders as DOCX.
//
//	go test ./generator/diff -run '^$' -fuzz '^FuzzDiff$' -fuzztime 60s
func FuzzDiff(f *testing.F) {
	seeds, _ := filepath.Glob("../markup/testdata/seeds/*.md")
	for _, path := range seeds {
		src, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		// The first clauses are enough; whole documents make the
		// fuzzer's mutations slow.
		if len(src) > 3000 {
			src = src[:bytes.LastIndexByte(src[:3000], '\n')+1]
		}
		f.Add(src, uint16(len(src)/2), uint16(len(src)/3), []byte("neu"), uint8(0))
		f.Add(src, uint16(len(src)/4), uint16(len(src)/2), []byte(""), uint8(2))
	}
	for _, s := range []string{
		"## A {#a}\n\n(1) x y z\n\n## B {#b}\n\nb\n",
		"{:tabelle id=t}\n\n| Land | 2027 |\n|--|--|\n| ST | 1,00 |\n| SN | 2,00 |\n",
		"```unterschriften\nA | B | C\nD | E | F\n```\n",
		"1. a\n   1. b\n2. c\n",
	} {
		f.Add([]byte(s), uint16(3), uint16(9), []byte("q"), uint8(1))
	}
	f.Fuzz(func(t *testing.T, src []byte, at, n uint16, ins []byte, op uint8) {
		if len(src)+len(ins) > 8000 {
			return
		}
		old, err := markup.Convert(src, "old.md")
		if err != nil {
			return
		}
		new, err := markup.Convert(edit(src, int(at), int(n), ins, op), "new.md")
		if err != nil {
			return
		}
		od := &model.Document{Meta: model.Meta{Language: "de-DE"}, Blocks: old}
		nd := &model.Document{Meta: model.Meta{Language: "de-DE"}, Blocks: new}
		self, err := diff.Compare(od, od)
		if err != nil {
			t.Fatal(err)
		}
		if !self.Empty() {
			t.Fatalf("a document differs from itself: %v", self.Changes)
		}
		res, err := diff.Compare(od, nd)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range res.Changes {
			if c.Kind != diff.Changed {
				continue
			}
			var o, n strings.Builder
			for _, s := range c.Segments {
				if s.Op != diff.Insert {
					o.WriteString(s.Text)
				}
				if s.Op != diff.Delete {
					n.WriteString(s.Text)
				}
			}
			if o.String() != c.Old || n.String() != c.New {
				t.Fatalf("segments do not rebuild the texts of %s", c)
			}
		}
		red, err := diff.Redline(od, nd)
		if err != nil {
			t.Fatal(err)
		}
		// The redline renders wherever OLD and NEW render (it holds the
		// deleted text of OLD too, so a character OLD cannot render may
		// fail it).
		if docx.Render(&bytes.Buffer{}, nd, docx.Options{}) == nil && docx.Render(&bytes.Buffer{}, od, docx.Options{}) == nil {
			if err := docx.Render(&bytes.Buffer{}, red, docx.Options{}); err != nil {
				t.Fatalf("OLD and NEW render, their redline does not: %v", err)
			}
		}
	})
}

// edit changes src at position at: op%3 == 0 replaces n bytes by ins,
// 1 inserts ins, 2 swaps the two halves around at.
func edit(src []byte, at, n int, ins []byte, op uint8) []byte {
	if len(src) == 0 {
		return ins
	}
	at %= len(src) + 1
	n = min(n, len(src)-at)
	out := make([]byte, 0, len(src)+len(ins))
	switch op % 3 {
	case 0:
		out = append(append(append(out, src[:at]...), ins...), src[at+n:]...)
	case 1:
		out = append(append(append(out, src[:at]...), ins...), src[at:]...)
	default:
		out = append(append(out, src[at:]...), src[:at]...)
	}
	return out
}
