package editor

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
	"pgregory.net/rapid"
)

var pfadAttr = regexp.MustCompile(`data-pfad="([^"]+)"`)

// formPaths lists the data paths the form of src offers (inputs, lists,
// items, objects).
func formPaths(t interface{ Fatal(...any) }, src []byte) []string {
	h, err := Form(src)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	var out []string
	for _, m := range pfadAttr.FindAllStringSubmatch(string(h), -1) {
		p := html.UnescapeString(m[1])
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// commentLines are the lines of src that are only a comment.
func commentLines(src string) []string {
	var out []string
	for _, l := range lines(src) {
		if strings.HasPrefix(strings.TrimSpace(l), "#") {
			out = append(out, strings.TrimSpace(l))
		}
	}
	return out
}

// TestPropertyRandomEdits applies random sequences of edits – paths the
// form offers, mutated paths, values of every kind – to the fixtures:
// Apply never panics, a result is always readable YAML with one mapping,
// its form renders, and a value just set reads back exactly as typed.
func TestPropertyRandomEdits(t *testing.T) {
	files, _ := filepath.Glob("../../../fixtures/*.yaml")
	var srcs [][]byte
	var paths [][]string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, b)
		paths = append(paths, formPaths(t, b))
	}
	values := []string{"", "x", "480.000,00", "480000.00", "12", "-3", "true", "no", "null", "~", "2027-02-30", "2027-01-01",
		"„Zitat“ mit: Doppelpunkt", "# kein Kommentar", "a\nb", "'", "\"", "- liste", "{a: 1}", "*alias", "&anker x", "0x1F", "1e3", "ST", "TODO"}
	ops := []string{OpSetzen, OpSetzen, OpSetzen, OpHinzufuegen, OpEntfernen, OpVerschieben, "quatsch"}
	rapid.Check(t, func(rt *rapid.T) {
		i := rapid.IntRange(0, len(srcs)-1).Draw(rt, "file")
		src := srcs[i]
		n := rapid.IntRange(1, 6).Draw(rt, "n")
		var edits []Edit
		for k := 0; k < n; k++ {
			p := rapid.SampledFrom(paths[i]).Draw(rt, "pfad")
			switch rapid.IntRange(0, 5).Draw(rt, "mutate") {
			case 0:
				p += rapid.SampledFrom([]string{"[0]", "[99]", ".x", "..", "[", "]", ".land", "[-1]"}).Draw(rt, "suffix")
			case 1:
				p = p[:rapid.IntRange(0, len(p)).Draw(rt, "cut")]
			}
			edits = append(edits, Edit{
				Op:   rapid.SampledFrom(ops).Draw(rt, "op"),
				Pfad: p,
				Wert: rapid.SampledFrom(values).Draw(rt, "wert"),
				Nach: rapid.IntRange(-1, 4).Draw(rt, "nach"),
			})
		}
		out, err := Apply(src, edits)
		if err != nil {
			return
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(out, &doc); err != nil || len(doc.Content) != 1 || doc.Content[0].Kind != yaml.MappingNode {
			rt.Fatalf("result no YAML mapping (%v):\n%s", err, out)
		}
		if _, err := Form(out); err != nil {
			rt.Fatalf("form of the result: %v", err)
		}
		last := edits[len(edits)-1]
		if last.Op == OpSetzen && last.Wert != "" {
			if v := readBack(out, last.Pfad); v != last.Wert {
				rt.Fatalf("%s set to %q reads %q:\n%s", last.Pfad, last.Wert, v, out)
			}
		}
	})
}

func readBack(src []byte, path string) string {
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil {
		return "<kein YAML>"
	}
	segs, err := parsePath(path)
	if err != nil {
		return "<pfad>"
	}
	cur := doc.Content[0]
	for _, s := range segs {
		if s.isIdx {
			if cur.Kind != yaml.SequenceNode || s.index >= len(cur.Content) {
				return "<fehlt>"
			}
			cur = cur.Content[s.index]
		} else if cur = lookup(cur, s.key); cur == nil {
			return "<fehlt>"
		}
	}
	return cur.Value
}

// TestPropertySetKeepsEverythingElse sets random existing fields of the
// fixtures to random single-line values: every comment line stays, the
// line count stays, and only lines holding a set value change.
func TestPropertySetKeepsEverythingElse(t *testing.T) {
	files, _ := filepath.Glob("../../../fixtures/*.yaml")
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var scalars []string
		r, _ := root()
		for _, p := range formPaths(t, src) {
			segs, _ := parsePath(p)
			sch, err := schemaPath(r, segs)
			if err != nil || sch[len(sch)-1].kind > kBool || readBack(src, p) == "<fehlt>" {
				continue
			}
			scalars = append(scalars, p)
		}
		comments := commentLines(string(src))
		rapid.Check(t, func(rt *rapid.T) {
			n := rapid.IntRange(1, 5).Draw(rt, "n")
			var edits []Edit
			for k := 0; k < n; k++ {
				edits = append(edits, Edit{Op: OpSetzen, Pfad: rapid.SampledFrom(scalars).Draw(rt, "pfad"),
					Wert: rapid.StringMatching(`[A-Za-zÄÖÜäöüß0-9 .,:#"'„“-]{1,20}`).Draw(rt, "wert")})
			}
			out, err := Apply(src, edits)
			if err != nil {
				rt.Fatalf("%v", err)
			}
			a, b := lines(string(src)), lines(string(out))
			if len(a) != len(b) {
				rt.Fatalf("%d lines became %d:\n%s", len(a), len(b), out)
			}
			outComments := strings.Join(commentLines(string(out)), "\n")
			for _, c := range comments {
				if !strings.Contains(outComments, c) {
					rt.Fatalf("comment %q lost", c)
				}
			}
			changed := 0
			for i := range a {
				if a[i] != b[i] {
					changed++
				}
			}
			if changed > n {
				rt.Fatalf("%d edits changed %d lines", n, changed)
			}
		})
	}
}

// FuzzApply: arbitrary text, path and value never make Apply panic.
func FuzzApply(f *testing.F) {
	f.Add([]byte(sample), "setzen", "parteien[0].land", "SN", 0)
	f.Add([]byte(sample), "hinzufuegen", "parteien", "", 0)
	f.Add([]byte(sample), "verschieben", "parteien[1]", "", 0)
	f.Add([]byte("a: &x [1]\nb: *x\n"), "entfernen", "vorhaben", "", 0)
	f.Fuzz(func(t *testing.T, src []byte, op, pfad, wert string, nach int) {
		out, err := Apply(src, []Edit{{Op: op, Pfad: pfad, Wert: wert, Nach: nach}})
		if err == nil && len(src) > 0 {
			var doc yaml.Node
			if yaml.Unmarshal(out, &doc) != nil {
				t.Fatalf("result no YAML:\n%s", out)
			}
		}
	})
}
