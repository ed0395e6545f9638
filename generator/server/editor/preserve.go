package editor

import (
	"strings"

	"github.com/pmezard/go-difflib/difflib"
)

// preserve returns the edited file in the formatting of the original.
// The YAML encoder normalises what it writes (blank lines dropped,
// comments moved next to their value, quoting); so the edit is made on
// the node tree, both trees are encoded (before, after), and the line
// changes from before to after are carried over onto the original text,
// whose lines map to the lines of before (a three-way merge with before
// as base). Lines no edit touches keep their original bytes, blank lines
// included. The result is checked: it must encode exactly as after does;
// if not (a construct the mapping gets wrong), after itself is returned –
// the same data and comments, in normalised formatting.
func preserve(orig []byte, before, after string, indent int) []byte {
	src := string(orig)
	if src != "" && !strings.HasSuffix(src, "\n") {
		src += "\n"
	}
	o, a, b := lines(src), lines(before), lines(after)
	own := make([]int, len(a))           // the original line of each line of before, or -1
	prefix := make([][]string, len(a)+1) // original lines the encoder dropped, before line i of before
	// Lines are matched ignoring white space runs: the encoder puts a
	// comment one space after its value, where the author aligned it.
	for _, op := range difflib.NewMatcherWithJunk(squashAll(o), squashAll(a), false, nil).GetOpCodes() {
		switch op.Tag {
		case 'e':
			for k := 0; k < op.I2-op.I1; k++ {
				own[op.J1+k] = op.I1 + k
			}
		case 'd':
			prefix[op.J1] = append(prefix[op.J1], o[op.I1:op.I2]...)
		default: // 'r', 'i': these lines of before are written as encoded
			for j := op.J1; j < op.J2; j++ {
				own[j] = -1
			}
		}
	}
	var out strings.Builder
	for _, op := range difflib.NewMatcherWithJunk(a, b, false, nil).GetOpCodes() {
		for j := op.I1; j < op.I2; j++ {
			for _, l := range prefix[j] {
				out.WriteString(l)
			}
			if op.Tag == 'e' {
				if own[j] >= 0 {
					out.WriteString(o[own[j]])
				} else {
					out.WriteString(a[j])
				}
			}
		}
		if op.Tag != 'e' {
			for _, l := range b[op.J1:op.J2] {
				out.WriteString(l)
			}
		}
	}
	for _, l := range prefix[len(a)] {
		out.WriteString(l)
	}
	merged := out.String()
	doc, err := parseDoc([]byte(merged))
	if err != nil {
		return []byte(after)
	}
	if again, err := encode(doc, indent); err != nil || again != after {
		return []byte(after)
	}
	return []byte(merged)
}

// lines splits s after each newline.
func lines(s string) []string {
	l := strings.SplitAfter(s, "\n")
	if len(l) > 0 && l[len(l)-1] == "" {
		l = l[:len(l)-1]
	}
	return l
}

// squash collapses runs of white space, so that a line and its
// re-encoding with the comment moved next to the value compare equal.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

func squashAll(l []string) []string {
	out := make([]string, len(l))
	for i, s := range l {
		out[i] = squash(s)
	}
	return out
}
