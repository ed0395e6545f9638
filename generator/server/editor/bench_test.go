package editor

import (
	"os"
	"testing"
)

// The editor's share of a request for the largest fixture (16 Länder):
// one value set (every keystroke after the pause) and the form built anew
// (after adding, removing or moving an item).

func benchSource(b *testing.B) []byte {
	src, err := os.ReadFile("../../../fixtures/einbuergerung-stern-16.yaml")
	if err != nil {
		b.Fatal(err)
	}
	return src
}

func BenchmarkApplySetzen(b *testing.B) {
	src := benchSource(b)
	edits := []Edit{{Op: OpSetzen, Pfad: "parteien[7].vertreten_durch", Wert: "das Ministerium des Innern"}}
	for b.Loop() {
		if _, err := Apply(src, edits); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkApplyHinzufuegen(b *testing.B) {
	src := benchSource(b)
	edits := []Edit{{Op: OpHinzufuegen, Pfad: "parteien"}}
	for b.Loop() {
		if _, err := Apply(src, edits); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkForm(b *testing.B) {
	src := benchSource(b)
	for b.Loop() {
		if _, err := Form(src); err != nil {
			b.Fatal(err)
		}
	}
}
