package tmpl

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
	"testing/fstest"
	"text/template"

	"github.com/Masterminds/sprig/v3"
)

// load parses one template x.tmpl with the given limits.
func load(t *testing.T, lim Limits, src string) *Set {
	t.Helper()
	set, err := LoadLimited(lim, Layer{Name: "test", FS: fstest.MapFS{"x.tmpl": {Data: []byte(src)}}})
	if err != nil {
		t.Fatal(err)
	}
	return set
}

// stopper cancels its context when a template calls Stop.
type stopper struct{ cancel context.CancelFunc }

func (s stopper) Stop() string { s.cancel(); return "" }

// TestExecuteStopsWhenCancelled cancels the context from inside a loop
// that would run a billion times, once writing and once writing nothing
// (which no failing writer alone could stop).
func TestExecuteStopsWhenCancelled(t *testing.T) {
	t.Parallel()
	for name, src := range map[string]string{
		"writing":        `{{range 1000000000}}x{{if eq . 10}}{{$.Stop}}{{end}}{{end}}`,
		"writes nothing": `{{range 1000000000}}{{if eq . 10}}{{$x := $.Stop}}{{end}}{{end}}`,
		"nested loops":   `{{range 100000}}{{range 100000}}{{if eq . 10}}{{$x := $.Stop}}{{end}}{{end}}{{end}}`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			out, err := load(t, Limits{}, src).Execute(ctx, "x.tmpl", stopper{cancel})
			if !errors.Is(err, context.Canceled) || out != nil {
				t.Fatalf("got %d bytes and %v, want context.Canceled", len(out), err)
			}
		})
	}
	t.Run("cancelled before", func(t *testing.T) {
		t.Parallel()
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := load(t, Limits{}, "x").Execute(ctx, "x.tmpl", nil); !errors.Is(err, context.Canceled) {
			t.Fatalf("got %v, want context.Canceled", err)
		}
	})
}

// TestStepLimit: a loop of a billion empty turns ends at MaxSteps.
func TestStepLimit(t *testing.T) {
	t.Parallel()
	_, err := load(t, Limits{MaxSteps: 1000}, "Text\n\n{{range 1000000000}}{{end}}\n").Execute(context.Background(), "x.tmpl", nil)
	want := "Vorlagenfehler: x.tmpl:3: mehr als 1.000 Schritte (Schleifendurchläufe, Vorlagenaufrufe und Ausgaben zusammen); endet eine Schleife nicht?"
	if !errors.Is(err, ErrLimit) || err.Error() != want {
		t.Fatalf("got %v\nwant %s", err, want)
	}
}

// TestOutputLimit writes in small pieces past MaxOutput: the writer
// refuses the write that would exceed it, so the markup held never does.
func TestOutputLimit(t *testing.T) {
	t.Parallel()
	set := load(t, Limits{MaxOutput: 1000}, "Text\n\nAbsatz\n{{range until 100}}{{repeat 30 \"x\"}}{{end}}\n")
	o := &output{ctx: context.Background(), lim: &set.lim}
	err := set.t.Lookup("x.tmpl").Execute(o, nil)
	if err == nil || o.buf.Len() > 1000 || o.buf.Len() < 900 {
		t.Fatalf("held %d bytes, error %v; want at most 1000 and an error", o.buf.Len(), err)
	}
	err = set.explain(context.Background(), err, o)
	want := "Vorlagenfehler: x.tmpl:3: die Ausgabe der Vorlage wäre größer als 1.000 Bytes je Dokument (Einstellung vorlagen_max_mib)"
	if !errors.Is(err, ErrLimit) || err.Error() != want {
		t.Fatalf("got %v\nwant %s", err, want)
	}
}

// TestHelperBombs: helpers that would make a huge result from small
// arguments, values that print huge or contain themselves, and results
// fed back into a helper in a loop are each refused, naming the action.
func TestHelperBombs(t *testing.T) {
	t.Parallel()
	lim := Limits{MaxOutput: 1 << 16, MaxList: 1000, MaxRegexWork: 1 << 20}
	dag := `{{$a := list 1 2 3 4 5 6 7 8 9 10}}{{range until 8}}{{$a = list $a $a $a $a $a $a $a $a $a $a}}{{end}}`
	cycle := `{{$d := dict}}{{$_ := set $d "a" $d}}`
	for _, src := range []string{
		`{{repeat 1500000000 "x"}}`,
		`{{repeat 9223372036854775807 "xy"}}`,
		`{{indent 100000 "a\nb"}}`,
		`{{nindent 100000 "a"}}`,
		`{{replace "" (repeat 1000 "y") (repeat 1000 "x")}}`,
		`{{regexReplaceAll "x" (repeat 1000 "x") (repeat 1000 "y")}}`,
		`{{regexReplaceAll "x+" (repeat 1000 "x") (repeat 100 "$0")}}`,
		`{{mustRegexReplaceAllLiteral "x" (repeat 1000 "x") (repeat 1000 "y")}}`,
		`{{wrapWith 1 (repeat 1000 "-") (repeat 1000 "x")}}`,
		`{{join (repeat 1000 "-") (until 1000)}}`,
		`{{until 1000000000}}`,
		`{{untilStep 0 1000000000 1}}`,
		`{{untilStep 9223372036854775807 -9223372036854775808 -1}}`,
		`{{seq 1000000000}}`,
		`{{split "" (repeat 5000 "x")}}`,
		`{{splitList "," (repeat 5000 ",")}}`,
		`{{splitn "" -1 (repeat 5000 "x")}}`,
		`{{regexSplit "" (repeat 5000 "x") -1}}`,
		`{{regexFindAll "" (repeat 5000 "x") -1}}`,
		`{{regexMatch (repeat 2000 "a") (repeat 2000 "a")}}`,
		`{{$l := until 600}}{{concat $l $l}}`,
		`{{printf "%999999d" 1}}`,
		`{{printf "%*d" 999999 1}}`,
		dag + `{{$a}}`,
		dag + `{{toJson $a}}`,
		dag + `{{toString $a}}`,
		dag + `{{printf "%v" $a}}`,
		dag + `{{print $a}}`,
		dag + `{{cat $a}}`,
		dag + `{{quote $a}}`,
		dag + `{{$b := deepCopy $a}}`,
		dag + `{{join "," $a}}`,
		cycle + `{{$d}}`,
		cycle + `{{toJson $d}}`,
		cycle + `{{toPrettyJson $d}}`,
		cycle + `{{$c := deepCopy $d}}`,
		cycle + `{{$m := merge (dict) $d}}`,
		cycle + `{{printf "%v" $d}}`,
		cycle + `{{html $d}}`,
		`{{$s := "xx"}}{{range until 100}}{{$s = b64enc $s}}{{end}}`,
		`{{$s := "\\"}}{{range until 100}}{{$s = md $s}}{{end}}`,
		`{{$s := "x"}}{{range until 100}}{{$s = quote $s}}{{end}}`,
		`{{$l := list}}{{range until 2000}}{{$l = append $l .}}{{end}}`,
	} {
		t.Run(src, func(t *testing.T) {
			t.Parallel()
			_, err := load(t, lim, src).Execute(context.Background(), "x.tmpl", nil)
			if !errors.Is(err, ErrLimit) || !strings.HasPrefix(err.Error(), "Vorlagenfehler: x.tmpl:1:") {
				t.Fatalf("got %v, want a limit error at x.tmpl:1", err)
			}
		})
	}
}

// TestCheckedHelpersAgree: on ordinary arguments the checked helpers and
// the instrumented printing give exactly what sprig and text/template
// give unchecked.
func TestCheckedHelpersAgree(t *testing.T) {
	t.Parallel()
	for _, src := range []string{
		`{{repeat 3 "ab"}}`, `{{indent 2 "a\nb"}}`, `{{nindent 2 "a"}}`,
		`{{replace "a" "bb" "banana"}}`, `{{replace "" "-" "äbc"}}`,
		`{{regexReplaceAll "a(n)" "banana" "<$1>"}}`, `{{regexReplaceAllLiteral "a(n)" "banana" "<$1>"}}`,
		`{{mustRegexReplaceAll "a(?P<x>n)" "banana" "${x}$$"}}`, `{{regexReplaceAll "" "ab" "-"}}`,
		`{{wrapWith 3 "|" "ab cd efgh"}}`, `{{wrapWith 0 "" "ab cd"}}`, `{{join "," (list 1 "a" 2.5)}}`, `{{join "-" "x"}}`,
		`{{until 5}}`, `{{until -3}}`, `{{until 0}}`, `{{untilStep 2 11 3}}`, `{{untilStep 10 0 -4}}`, `{{untilStep 0 10 0}}`, `{{untilStep 0 10 -1}}`,
		`{{seq 5}}`, `{{seq -2}}`, `{{seq 0}}`, `{{seq 1}}`, `{{seq 2 5}}`, `{{seq 5 2}}`, `{{seq 1 2 9}}`, `{{seq 9 -3 1}}`, `{{seq 9 3 1}}`, `{{seq 1 -1 5}}`, `{{seq}}`, `{{seq 1 2 3 4}}`,
		`{{split "," "a,b,,c"}}`, `{{splitList "" "äbc"}}`, `{{splitList "," ""}}`, `{{splitn "," 2 "a,b,c"}}`, `{{splitn "," 0 "a,b"}}`,
		`{{regexSplit "," "a,b,c" -1}}`, `{{regexSplit "," "a,b,c" 2}}`, `{{regexFindAll "[ab]" "abcab" -1}}`, `{{regexFindAll "[ab]" "abcab" 2}}`,
		`{{regexMatch "^a" "abc"}}`, `{{mustRegexFind "b+" "abbc"}}`,
		`{{concat (list 1 2) (list 3)}}`, `{{uniq (list 1 "1" 1 2.0 2 (list 1) (list 1) (dict "a" 1) (dict "a" 1))}}`,
		`{{cat "a" 1 (list 2) nil}}`, `{{quote "a\"b" 1}}`, `{{squote "a" 2}}`, `{{toString (list 1 2)}}`, `{{toStrings (list 1 "a")}}`, `{{sortAlpha (list "b" "a" 3)}}`,
		`{{toJson (dict "a" (list 1 2))}}`, `{{toPrettyJson (dict "a" (list 1 2))}}`, `{{toRawJson (dict "a" "<b>")}}`, `{{deepCopy (dict "a" 1)}}`,
		`{{merge (dict "a" 1) (dict "b" 2)}}`, `{{mergeOverwrite (dict "a" 1) (dict "a" 2)}}`,
		`{{printf "%05d|%-4s|%.2f|%v" 42 "ab" 3.14159 (list 1)}}`, `{{print 1 "a" 2}}`, `{{println "a"}}`, `{{html "<a>"}}`, `{{js "<a>"}}`, `{{urlquery "a b&c"}}`,
		`{{b64enc "abc"}}`, `{{upper "abc"}}`, `{{append (list 1) 2}}`, `{{prepend (list 1) 2}}`, `{{dict "a" 1}}`, `{{list}}`,
		`{{template "t"}}{{define "t"}}{{.}}|{{end}}`, `{{$x := 1}}{{$x = 2}}{{$x}}`, `{{with $y := 3}}{{$y}}{{end}}`,
		`{{range $i, $v := list "a" "b"}}{{$i}}{{$v}}{{else}}leer{{end}}{{range list}}x{{else}}leer{{end}}`,
		`{{range 3}}{{if eq . 1}}{{continue}}{{end}}{{.}}{{if eq . 2}}{{break}}{{end}}{{end}}`,
		`{{block "b" .}}B{{end}}`, `{{len "abc"}}`, `{{index (list 1 2) 1}}`, `{{slice (list 1 2 3) 1}}`,
	} {
		t.Run(src, func(t *testing.T) {
			t.Parallel()
			want, err := plain(src)
			if err != nil {
				t.Fatalf("unchecked: %v", err)
			}
			out, err := load(t, Limits{}, src).Execute(context.Background(), "x.tmpl", nil)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimPrefix(string(out), "<!--@x.tmpl:1-->\n"); got != want {
				t.Errorf("got  %q\nwant %q", got, want)
			}
		})
	}
}

// plain executes src with text/template and sprig alone.
func plain(src string) (string, error) {
	t, err := template.New("x").Option("missingkey=error").Funcs(sprig.TxtFuncMap()).Parse(src)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	err = t.Execute(&b, nil)
	return b.String(), err
}

// TestErrorLinesMatchTheFile: text/template counts the marker lines Load
// inserts; messages name the lines of the file.
func TestErrorLinesMatchTheFile(t *testing.T) {
	t.Parallel()
	_, err := load(t, Limits{}, "# Titel\n\nZeile eins\n\nZweiter Absatz\n{{.Fehlt}}\n").Execute(context.Background(), "x.tmpl", map[string]any{})
	if err == nil || !strings.Contains(err.Error(), "template: x.tmpl:6:2: ") {
		t.Errorf("execution: got %v, want x.tmpl:6:2", err)
	}
	_, err = LoadLimited(Limits{}, Layer{Name: "test", FS: fstest.MapFS{"x.tmpl": {Data: []byte("# Titel\n\nText\n\n{{if}}\n")}}})
	if err == nil || !strings.Contains(err.Error(), "template: x.tmpl:5: ") {
		t.Errorf("parsing: got %v, want x.tmpl:5", err)
	}
}
