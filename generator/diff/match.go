package diff

import (
	"slices"
	"sort"

	"github.com/pmezard/go-difflib/difflib"
)

// Matching two sequences (words of a paragraph, paragraphs of a clause,
// rows of a table, clauses of a document) is bounded: difflib's
// SequenceMatcher, whose "human-friendly" longest-block-first result
// ordinary documents are compared with, takes a cubic number of steps
// when two versions share few tokens (every blank matches every blank:
// two paragraphs of 2,000 distinct words took minutes). So the matching
// is done in three stages, each with a limit on its steps:
//
//  1. SequenceMatcher's algorithm (seqMatch, the same result as difflib,
//     as a test checks), up to seqStepLimit steps per call;
//  2. else a minimal edit script (Myers, O((n+m)·D)) of what lies between
//     the common prefix and suffix, up to myersMaxD edits and
//     myersStepLimit steps;
//  3. else the common prefix and suffix are kept and everything between
//     them is replaced whole.
//
// All calls of one comparison (Compare, Redline) share a budget of
// compareSteps steps on top of a floor linear in each call's length, so
// a comparison takes at most compareSteps steps plus a small multiple of
// its input, whatever the input.
const (
	seqStepLimit   = 20_000_000
	myersStepLimit = 20_000_000
	myersMaxD      = 1000
	compareSteps   = 200_000_000
	// floorPerToken steps per token are allowed to any call even when
	// the comparison's budget is spent, so short texts stay exact.
	floorPerToken = 32
)

// matcher matches the sequences of one comparison within its budget of
// steps. It is not safe for concurrent use; each comparison has its own.
type matcher struct {
	left      int // steps of the shared budget still available
	spent     int // steps taken, also those of the floor
	fallbacks int // calls that did not finish SequenceMatcher's algorithm
	replaced  int // calls that replaced the middle whole (stage 3)
}

func newMatcher() *matcher { return &matcher{left: compareSteps} }

// limit is the number of steps a call of n tokens may take, at most max.
func (w *matcher) limit(n, max int) int {
	return min(max, w.left+floorPerToken*(n+1))
}

// take books steps taken by a call.
func (w *matcher) take(steps int) {
	w.spent += steps
	w.left = max(0, w.left-steps)
}

// blocks returns the matching blocks of a and b in difflib's form:
// ascending, non-adjacent, ended by the sentinel {len(a), len(b), 0}.
func (w *matcher) blocks(a, b []string) []difflib.Match {
	ia, ib, ids := intern(a, b)
	lim := w.limit(len(a)+len(b), seqStepLimit)
	ms, steps, ok := seqMatch(ia, ib, ids, lim)
	w.take(steps)
	if ok {
		return ms
	}
	w.fallbacks++
	p := commonPrefix(ia, ib)
	s := commonSuffix(ia[p:], ib[p:])
	mid := []difflib.Match{{A: 0, B: 0, Size: p}}
	lim = w.limit(len(a)+len(b), myersStepLimit)
	inner, steps, ok := myers(ia[p:len(ia)-s], ib[p:len(ib)-s], myersMaxD, lim)
	w.take(steps)
	if ok {
		for _, m := range inner {
			mid = append(mid, difflib.Match{A: m.A + p, B: m.B + p, Size: m.Size})
		}
	} else {
		w.replaced++
	}
	mid = append(mid, difflib.Match{A: len(a) - s, B: len(b) - s, Size: s})
	return collapse(mid, len(a), len(b))
}

// opcodes returns the edit script from a to b as difflib's GetOpCodes.
func (w *matcher) opcodes(a, b []string) []difflib.OpCode {
	i, j := 0, 0
	ms := w.blocks(a, b)
	out := make([]difflib.OpCode, 0, len(ms))
	for _, m := range ms {
		var tag byte
		switch {
		case i < m.A && j < m.B:
			tag = 'r'
		case i < m.A:
			tag = 'd'
		case j < m.B:
			tag = 'i'
		}
		if tag != 0 {
			out = append(out, difflib.OpCode{Tag: tag, I1: i, I2: m.A, J1: j, J2: m.B})
		}
		i, j = m.A+m.Size, m.B+m.Size
		if m.Size > 0 {
			out = append(out, difflib.OpCode{Tag: 'e', I1: m.A, I2: i, J1: m.B, J2: j})
		}
	}
	return out
}

// ratio is difflib's Ratio: twice the matched tokens over all tokens.
func (w *matcher) ratio(a, b []string) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	n := 0
	for _, m := range w.blocks(a, b) {
		n += m.Size
	}
	return 2 * float64(n) / float64(len(a)+len(b))
}

// intern numbers the distinct tokens of a and b (0, 1, …) so the
// matching compares integers; ids is the number of distinct tokens.
func intern(a, b []string) (ia, ib []int, ids int) {
	num := make(map[string]int, len(a))
	id := func(s string) int {
		n, ok := num[s]
		if !ok {
			n = len(num)
			num[s] = n
		}
		return n
	}
	ia, ib = make([]int, len(a)), make([]int, len(b))
	for i, s := range a {
		ia[i] = id(s)
	}
	for j, s := range b {
		ib[j] = id(s)
	}
	return ia, ib, len(num)
}

// seqMatch is difflib's SequenceMatcher.GetMatchingBlocks without junk
// (NewMatcherWithJunk(a, b, false, nil)): the longest matching block
// first, earliest in a, then in b, and the same recursively on both
// sides of it. It gives up (ok false) after limit steps; a step is one
// token of a looked at or one occurrence in b of that token.
func seqMatch(a, b []int, ids, limit int) (ms []difflib.Match, steps int, ok bool) {
	b2j := make([][]int, ids)
	for j, t := range b {
		b2j[t] = append(b2j[t], j)
	}
	// prev[j+1] is the length of the match ending at a[i-1] and b[j];
	// cur the same for a[i]. Only the touched entries are non-zero.
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	var prevSet, curSet []int
	longest := func(alo, ahi, blo, bhi int) (difflib.Match, bool) {
		best := difflib.Match{A: alo, B: blo}
		for i := alo; i < ahi; i++ {
			steps++
			js := b2j[a[i]]
			for _, j := range js[sort.SearchInts(js, blo):] {
				if j >= bhi {
					break
				}
				steps++
				k := prev[j] + 1
				cur[j+1] = k
				curSet = append(curSet, j+1)
				if k > best.Size {
					best = difflib.Match{A: i - k + 1, B: j - k + 1, Size: k}
				}
			}
			for _, x := range prevSet {
				prev[x] = 0
			}
			prev, cur = cur, prev
			prevSet, curSet = curSet, prevSet[:0]
			if steps > limit {
				return best, false
			}
		}
		for _, x := range prevSet {
			prev[x] = 0
		}
		prevSet = prevSet[:0]
		// difflib extends the block over equal neighbours; without
		// junk it is maximal already, but the loops keep the result
		// the same by construction.
		for best.A > alo && best.B > blo && a[best.A-1] == b[best.B-1] {
			best.A, best.B, best.Size = best.A-1, best.B-1, best.Size+1
		}
		for best.A+best.Size < ahi && best.B+best.Size < bhi && a[best.A+best.Size] == b[best.B+best.Size] {
			best.Size++
		}
		return best, true
	}
	queue := [][4]int{{0, len(a), 0, len(b)}}
	for len(queue) > 0 {
		q := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		alo, ahi, blo, bhi := q[0], q[1], q[2], q[3]
		m, done := longest(alo, ahi, blo, bhi)
		if !done {
			return nil, steps, false
		}
		if m.Size == 0 {
			continue
		}
		ms = append(ms, m)
		if alo < m.A && blo < m.B {
			queue = append(queue, [4]int{alo, m.A, blo, m.B})
		}
		if m.A+m.Size < ahi && m.B+m.Size < bhi {
			queue = append(queue, [4]int{m.A + m.Size, ahi, m.B + m.Size, bhi})
		}
	}
	slices.SortFunc(ms, func(x, y difflib.Match) int { return x.A - y.A })
	return collapse(ms, len(a), len(b)), steps, true
}

// collapse joins adjacent blocks, drops empty ones and appends the
// sentinel {n, m, 0}, as difflib's GetMatchingBlocks does.
func collapse(ms []difflib.Match, n, m int) []difflib.Match {
	var out []difflib.Match
	for _, x := range ms {
		if x.Size == 0 {
			continue
		}
		if k := len(out) - 1; k >= 0 && out[k].A+out[k].Size == x.A && out[k].B+out[k].Size == x.B {
			out[k].Size += x.Size
			continue
		}
		out = append(out, x)
	}
	return append(out, difflib.Match{A: n, B: m})
}

func commonPrefix(a, b []int) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffix(a, b []int) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

// myers returns the matching blocks (without sentinel) of a minimal edit
// script from a to b (E. W. Myers, "An O(ND) Difference Algorithm and Its
// Variations", 1986), or ok false when it needs more than maxD edits or
// more than limit steps. It keeps the frontier of every round for the
// way back, O(D²) memory, which maxD bounds.
func myers(a, b []int, maxD, limit int) (ms []difflib.Match, steps int, ok bool) {
	n, m := len(a), len(b)
	maxD = min(maxD, n+m)
	off := maxD + 1
	v := make([]int, 2*maxD+3)
	var trace [][]int // trace[d][k+d]: furthest x on diagonal k after d edits
	for d := 0; d <= maxD; d++ {
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || k != d && v[off+k-1] < v[off+k+1] {
				x = v[off+k+1] // down: insert b[y]
			} else {
				x = v[off+k-1] + 1 // right: delete a[x]
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
				steps++
			}
			steps++
			v[off+k] = x
			if x >= n && y >= m {
				trace = append(trace, slices.Clone(v[off-d:off+d+1]))
				return myersPath(trace, n, m), steps, true
			}
		}
		trace = append(trace, slices.Clone(v[off-d:off+d+1]))
		steps += 2*d + 1
		if steps > limit {
			return nil, steps, false
		}
	}
	return nil, steps, false
}

// myersPath walks the trace of myers back from (n, m) and returns the
// diagonals of the path as matching blocks in ascending order.
func myersPath(trace [][]int, n, m int) []difflib.Match {
	var ms []difflib.Match
	x, y := n, m
	for d := len(trace) - 1; d > 0; d-- {
		pv := trace[d-1] // pv[k+d-1]
		at := func(k int) int { return pv[k+d-1] }
		k := x - y
		var pk int
		if k == -d || k != d && at(k-1) < at(k+1) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := at(pk)
		py := px - pk
		sx, sy := px, py+1 // after the insertion
		if pk == k-1 {
			sx, sy = px+1, py // after the deletion
		}
		if x > sx {
			ms = append(ms, difflib.Match{A: sx, B: sy, Size: x - sx})
		}
		x, y = px, py
	}
	if x > 0 {
		ms = append(ms, difflib.Match{A: 0, B: 0, Size: x})
	}
	slices.Reverse(ms)
	return ms
}
