package data_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/data"
)

var fuzzRef = data.Reference{KSJahre: []int{2014, 2015, 2016}}

// maxReported is the cap on reported mistakes: 100 plus the line saying how
// many more there were.
const maxReported = 101

// FuzzDecode feeds arbitrary bytes to the decoder. The invariant: an error,
// never a panic; either a decoded file or data.Errors, each naming the file
// and saying something, at most maxReported of them, in file order.
//
//	go test ./generator/data -run XXX -fuzz FuzzDecode -fuzztime 60s
func FuzzDecode(f *testing.F) {
	err := filepath.WalkDir(fixturesDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		f.Add(src)
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{
		"",
		"\n",
		"---\n",
		"~",
		"\x00\xff\xfe\x01garbage\x80\x81",
		"\xef\xbb\xbfvorhaben: {}",
		"a: &a {b: *a}",
		"vorhaben: &v {titel: x, kurztitel: x, stand: 2026-01-01, version: '1'}\nleistung: *v\n",
		"parteien: [&p {land: SH, rolle: umsetzend, vertreten_durch: x}, *p, *p]\n",
		"verteilung: {umsetzendes_land_traegt_anteil: true, schluessel: [{gewicht: 100, art: nutzung, werte: &w {SH: 1, *w: 2}}]}\n",
		"<<: {vorhaben: 1}\n",
		"? [a, b]\n: c\n",
		"!!binary aGVsbG8=\n",
		"vorhaben: !!timestamp 2026-01-01\n",
		strings.Repeat("[", 5000) + strings.Repeat("]", 5000),
		strings.Repeat("[", 20000),
		strings.Repeat("- ", 2000) + "x\n",
		"a: 1\n---\nb: 2\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		file, err := data.Decode("f.yaml", src, fuzzRef)
		if err == nil {
			if file == nil {
				t.Fatal("Decode returned neither a file nor an error")
			}
			if file.Name != "f.yaml" {
				t.Errorf("file.Name = %q", file.Name)
			}
			if errs := file.Validate(fuzzRef); len(errs) > 0 {
				t.Errorf("decoded file fails validation on a second look:\n%v", errs)
			}
			return
		}
		if file != nil {
			t.Errorf("Decode returned a file together with the error %v", err)
		}
		es, ok := err.(data.Errors)
		if !ok {
			t.Fatalf("error is %T, want data.Errors: %v", err, err)
		}
		checkErrors(t, es)
	})
}

func checkErrors(t *testing.T, es data.Errors) {
	t.Helper()
	if len(es) == 0 {
		t.Fatal("empty data.Errors")
	}
	if !errors.Is(es, data.ErrInvalid) {
		t.Error("errors.Is(err, data.ErrInvalid) = false")
	}
	if len(es) > maxReported {
		t.Errorf("%d errors, want at most %d", len(es), maxReported)
	}
	for i, e := range es {
		if e.File != "f.yaml" {
			t.Errorf("error %d names file %q: %v", i, e.File, e)
		}
		if e.Msg == "" {
			t.Errorf("error %d has no message: %#v", i, e)
		}
		if e.Pos.Line < 0 || e.Pos.Col < 0 {
			t.Errorf("error %d has position %v", i, e.Pos)
		}
		if i > 0 {
			a, b := es[i-1].Pos, e.Pos
			if a.Line > b.Line || a.Line == b.Line && a.Col > b.Col {
				t.Errorf("errors %d and %d out of order: %v before %v", i-1, i, es[i-1], e)
			}
		}
	}
}

// TestDecodeRefusesHostileInput: a file far beyond the size limit and a
// "billion laughs" alias bomb are refused before any real work. Their run
// time shows in `go test -v`; it is not asserted, to keep the test stable
// on slow machines.
func TestDecodeRefusesHostileInput(t *testing.T) {
	t.Parallel()
	// 9 levels of 10 aliases each: l9 stands for 10^9 strings.
	var bomb strings.Builder
	bomb.WriteString(`l1: &l1 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]` + "\n")
	for i := 2; i <= 9; i++ {
		prev := "*l" + string(rune('0'+i-1))
		name := "l" + string(rune('0'+i))
		bomb.WriteString(name + ": &" + name + " [" + strings.Repeat(prev+",", 9) + prev + "]\n")
	}
	bomb.WriteString("vorhaben:\n  titel: *l9\n")

	tests := []struct {
		name string
		src  []byte
		want string
	}{
		{"10 MB", []byte(strings.Repeat("# "+strings.Repeat("x", 97)+"\n", 100_000)),
			"f.yaml: Projektdatei zu groß: 10000000 Bytes, höchstens 1048576 Bytes erlaubt"},
		{"billion laughs", []byte(bomb.String()),
			"f.yaml: Datei abgelehnt: aufgelöst ergäben die YAML-Aliase mehr als 100000 Knoten (Alias-Bombe?)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			file, err := data.Decode("f.yaml", tt.src, fuzzRef)
			if err == nil {
				t.Fatalf("accepted: %+v", file.Projekt)
			}
			es, ok := err.(data.Errors)
			if !ok {
				t.Fatalf("error is %T, want data.Errors: %v", err, err)
			}
			checkErrors(t, es)
			if got := err.Error(); got != tt.want {
				t.Errorf("got\n  %s\nwant\n  %s", got, tt.want)
			}
		})
	}
}
