package tmpl

import (
	"text/template"
	"text/template/parse"

	"github.com/Masterminds/sprig/v3"
)

// outFunc is the helper instrument appends to every printing action.
const outFunc = "__out"

// instrument prepares a parsed template for a limited execution:
//
//   - an empty text at the start of the template and of every loop body:
//     its write counts a step and sees the context (output.Write), so a
//     loop or a recursion that writes nothing still ends when the context
//     is cancelled or the steps run out;
//   - the helper __out at the end of every printing action: text/template
//     formats a value whole before writing it, so a value too large to
//     print, or one containing itself, is refused there first.
//
// Neither changes what a template writes.
func instrument(tree *parse.Tree) {
	instrumentList(tree.Root)
	tree.Root.Nodes = append([]parse.Node{tick(tree.Root.Pos)}, tree.Root.Nodes...)
}

func instrumentList(l *parse.ListNode) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.ActionNode:
			if len(n.Pipe.Decl) == 0 {
				id := parse.NewIdentifier(outFunc).SetPos(n.Pipe.Pos)
				n.Pipe.Cmds = append(n.Pipe.Cmds, &parse.CommandNode{NodeType: parse.NodeCommand, Pos: n.Pipe.Pos, Args: []parse.Node{id}})
			}
		case *parse.IfNode:
			instrumentList(n.List)
			instrumentList(n.ElseList)
		case *parse.WithNode:
			instrumentList(n.List)
			instrumentList(n.ElseList)
		case *parse.RangeNode:
			instrumentList(n.List)
			n.List.Nodes = append([]parse.Node{tick(n.List.Pos)}, n.List.Nodes...)
			instrumentList(n.ElseList)
		case *parse.ListNode:
			instrumentList(n)
		}
	}
}

// tick is an empty text: executing it writes nothing, but calls Write.
func tick(pos parse.Pos) parse.Node {
	return &parse.TextNode{NodeType: parse.NodeText, Pos: pos, Text: []byte{}}
}

// funcMap is what templates may call, checked against lim (checker):
// sprig's helpers minus the denied ones, ours, text/template's formatting
// builtins, and __out.
func funcMap(lim Limits) template.FuncMap {
	c := &checker{lim: lim}
	orig := sprig.TxtFuncMap()
	m := template.FuncMap{}
	for name, fn := range orig {
		m[name] = c.results(fn)
	}
	for _, d := range denied {
		delete(m, d)
	}
	for _, f := range Funcs() {
		m[f.Name] = c.results(f.Fn)
	}
	checked := map[string]any{
		"repeat":    c.repeat,
		"indent":    c.indent,
		"nindent":   c.nindent,
		"replace":   c.replace,
		"wrapWith":  c.wrapWith(sprigFunc[func(int, string, string) string](orig, "wrapWith")),
		"join":      c.join(sprigFunc[func(string, any) string](orig, "join")),
		"until":     c.until,
		"untilStep": c.untilStep,
		"seq":       c.seq,
		"split":     c.split,
		"splitn":    c.splitn,
		"splitList": c.splitList,
		"concat":    c.concat,
		"uniq":      c.uniq,
		"mustUniq":  c.uniq,
	}
	for _, pre := range []string{"", "must"} {
		up := func(s string) string {
			if pre == "" {
				return s
			}
			return pre + string(s[0]-'a'+'A') + s[1:]
		}
		checked[up("regexMatch")] = c.regexMatch
		checked[up("regexFind")] = c.regexFind
		checked[up("regexFindAll")] = c.regexFindAll
		checked[up("regexSplit")] = c.regexSplit
		checked[up("regexReplaceAll")] = c.regexReplace(false)
		checked[up("regexReplaceAllLiteral")] = c.regexReplace(true)
	}
	// Helpers that format, encode or copy their arguments whole, with how
	// far they may expand one byte (%q, JSON's \u0000) and the
	// indentation per level (toPrettyJson).
	for _, h := range []struct {
		names            []string
		factor, perLevel int64
	}{
		{[]string{"toString", "toStrings", "cat", "squote", "sortAlpha", "deepCopy", "mustDeepCopy", "merge", "mustMerge", "mergeOverwrite", "mustMergeOverwrite"}, 1, 0},
		{[]string{"quote"}, 4, 0},
		{[]string{"toJson", "mustToJson", "toRawJson", "mustToRawJson"}, 6, 0},
		{[]string{"toPrettyJson", "mustToPrettyJson"}, 6, 2},
	} {
		for _, name := range h.names {
			checked[name] = c.measured(sprigFunc[any](orig, name), h.factor, h.perLevel)
		}
	}
	for name, fn := range c.builtins() {
		checked[name] = fn
	}
	for name, fn := range checked {
		m[name] = fn
	}
	m[outFunc] = c.out
	return m
}

// sprigFunc returns one of sprig's helpers as type T; a helper missing
// or of another type (a changed sprig) is a programming error that the
// tests meet first.
func sprigFunc[T any](m template.FuncMap, name string) T {
	fn, ok := m[name].(T)
	if !ok {
		panic("tmpl: sprig's " + name + " is missing or has another signature")
	}
	return fn
}
