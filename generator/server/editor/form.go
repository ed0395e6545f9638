package editor

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/vereinbar/vereinbar/generator/refdata"
)

// Form returns the form of the project file src: one field per schema
// property, filled from the YAML node tree of src, nested objects as
// fieldsets, lists with buttons to add, remove and reorder their items.
// Every input has a label, its help text (the schema's description) and an
// empty error element, both referenced by aria-describedby; name and
// data-pfad hold the data path in the CLI's notation, the id is derived
// from it (fieldID). The buttons carry data-op, data-pfad and data-nach
// for the client (app.js), which turns them into edits for Apply.
func Form(src []byte) (template.HTML, error) {
	r, err := root()
	if err != nil {
		return "", err
	}
	doc, err := parseDoc(src)
	if err != nil {
		return "", err
	}
	f := &form{}
	f.b.WriteString(`<div class="formular" data-formular>`)
	for _, p := range r.props {
		f.prop(nil, p, lookup(doc.Content[0], p.key))
	}
	f.b.WriteString(`</div>`)
	return template.HTML(f.b.String()), nil
}

// fieldID is the element id of the field at a data path:
// "parteien[2].land" → "f-parteien-2-land".
func fieldID(path string) string {
	r := strings.NewReplacer("[", "-", "]", "", ".", "-")
	return "f-" + r.Replace(path)
}

type form struct {
	b strings.Builder
}

func (f *form) w(format string, args ...any) {
	for i, a := range args {
		if s, ok := a.(string); ok {
			args[i] = template.HTMLEscapeString(s)
		}
	}
	fmt.Fprintf(&f.b, format, args...)
}

func (f *form) raw(s string) { f.b.WriteString(s) }

func join(segs []seg, s seg) []seg {
	out := make([]seg, len(segs), len(segs)+1)
	copy(out, segs)
	return append(out, s)
}

// prop writes the field of one property of an object; v is its YAML value
// (nil if absent).
func (f *form) prop(at []seg, p prop, v *yaml.Node) {
	path := join(at, seg{key: p.key})
	lbl := label(p.key)
	switch p.node.kind {
	case kObject:
		if v == nil || isNull(v) {
			if !p.required {
				f.absent(path, lbl, p.node.desc)
				return
			}
		}
		f.object(path, lbl, p, v)
	case kList:
		f.list(path, lbl, p, v)
	case kMap:
		f.mapping(path, lbl, p, v)
	default:
		f.scalar(path, lbl, p.node, p.required, v)
	}
}

// absent is an optional object not in the file: a button adds it.
func (f *form) absent(path []seg, lbl, desc string) {
	ps := formatPath(path)
	id := fieldID(ps)
	f.w(`<div class="leer" id="%s" data-pfad="%s"><button type="button" data-op="hinzufuegen" data-pfad="%s" aria-describedby="%s-hilfe">„%s“ hinzufügen</button>`, id, ps, ps, id, lbl)
	f.w(`<p class="hilfe" id="%s-hilfe">%s</p></div>`, id, desc)
}

func (f *form) object(path []seg, lbl string, p prop, v *yaml.Node) {
	ps := formatPath(path)
	id := fieldID(ps)
	f.w(`<fieldset class="gruppe" id="%s" data-pfad="%s" aria-describedby="%s-hilfe %s-fehler"><legend>%s</legend>`, id, ps, id, id, lbl)
	f.w(`<p class="hilfe" id="%s-hilfe">%s</p><p class="fehler" id="%s-fehler"></p>`, id, p.node.desc, id)
	if !p.required {
		f.w(`<button type="button" class="entfernen" data-op="entfernen" data-pfad="%s">„%s“ entfernen</button>`, ps, lbl)
	}
	f.fields(path, p.node, v)
	f.raw(`</fieldset>`)
}

// fields writes the properties of an object node.
func (f *form) fields(path []seg, n *node, v *yaml.Node) {
	if v != nil && v.Kind != yaml.MappingNode && !isNull(v) {
		f.unsupported(formatPath(path))
		return
	}
	for _, c := range n.props {
		var cv *yaml.Node
		if v != nil && v.Kind == yaml.MappingNode {
			cv = lookup(v, c.key)
		}
		f.prop(path, c, cv)
	}
}

func (f *form) unsupported(ps string) {
	f.w(`<p class="hinweis" id="%s-anders">Dieser Teil ist in der Datei anders geschrieben, als das Formular ihn kennt (z. B. ein Verweis *…); bitte im Reiter „YAML“ bearbeiten.</p>`, fieldID(ps))
}

func (f *form) list(path []seg, lbl string, p prop, v *yaml.Node) {
	ps := formatPath(path)
	id := fieldID(ps)
	key := path[len(path)-1].key
	item := itemLabel(key)
	f.w(`<fieldset class="liste" id="%s" data-pfad="%s" aria-describedby="%s-hilfe %s-fehler"><legend>%s</legend>`, id, ps, id, id, lbl)
	f.w(`<p class="hilfe" id="%s-hilfe">%s</p><p class="fehler" id="%s-fehler"></p>`, id, p.node.desc, id)
	if v != nil && v.Kind != yaml.SequenceNode && !isNull(v) {
		f.unsupported(ps)
		f.raw(`</fieldset>`)
		return
	}
	var items []*yaml.Node
	if v != nil {
		items = v.Content
	}
	f.raw(`<ol class="eintraege">`)
	for i, it := range items {
		ip := join(path, seg{index: i, isIdx: true})
		ips := formatPath(ip)
		iid := fieldID(ips)
		name := fmt.Sprintf("%s %d", item, i+1)
		f.w(`<li class="eintrag" id="%s-eintrag" data-pfad="%s">`, iid, ips)
		if p.node.items.kind == kObject {
			f.w(`<fieldset class="gruppe" id="%s" data-pfad="%s" aria-describedby="%s-fehler"><legend>%s</legend><p class="fehler" id="%s-fehler"></p>`, iid, ips, iid, name, iid)
			f.buttons(ips, name, i, len(items))
			f.fields(ip, p.node.items, it)
			f.raw(`</fieldset>`)
		} else {
			f.scalar(ip, name, p.node.items, true, it)
			f.buttons(ips, name, i, len(items))
		}
		f.raw(`</li>`)
	}
	f.raw(`</ol>`)
	f.w(`<button type="button" class="hinzufuegen" data-op="hinzufuegen" data-pfad="%s">%s hinzufügen</button>`, ps, item)
	f.raw(`</fieldset>`)
}

// buttons are the reorder and remove buttons of list item i of n.
func (f *form) buttons(ips, name string, i, n int) {
	f.raw(`<div class="aktionen">`)
	dis := func(b bool) string {
		if b {
			return " disabled"
		}
		return ""
	}
	f.w(`<button type="button" data-op="verschieben" data-pfad="%s" data-nach="%s" aria-label="%s nach oben"%s>↑</button>`, ips, strconv.Itoa(i-1), name, template.HTML(dis(i == 0)))
	f.w(`<button type="button" data-op="verschieben" data-pfad="%s" data-nach="%s" aria-label="%s nach unten"%s>↓</button>`, ips, strconv.Itoa(i+1), name, template.HTML(dis(i == n-1)))
	f.w(`<button type="button" data-op="entfernen" data-pfad="%s" aria-label="%s entfernen">Entfernen</button>`, ips, name)
	f.raw(`</div>`)
}

// mapping writes values per Land: one field per entry, a select and a
// button to add a Land.
func (f *form) mapping(path []seg, lbl string, p prop, v *yaml.Node) {
	ps := formatPath(path)
	id := fieldID(ps)
	f.w(`<fieldset class="werte" id="%s" data-pfad="%s" aria-describedby="%s-hilfe %s-fehler"><legend>%s</legend>`, id, ps, id, id, lbl)
	f.w(`<p class="hilfe" id="%s-hilfe">%s</p><p class="fehler" id="%s-fehler"></p>`, id, p.node.desc, id)
	if v != nil && v.Kind != yaml.MappingNode && !isNull(v) {
		f.unsupported(ps)
		f.raw(`</fieldset>`)
		return
	}
	have := map[string]bool{}
	if v != nil {
		for i := 0; i+1 < len(v.Content); i += 2 {
			k := v.Content[i].Value
			have[k] = true
			kp := join(path, seg{key: k})
			f.raw(`<div class="wert">`)
			f.scalar(kp, landName(k), p.node.values, true, v.Content[i+1])
			f.w(`<button type="button" data-op="entfernen" data-pfad="%s" aria-label="Wert für %s entfernen">Entfernen</button></div>`, formatPath(kp), k)
		}
	}
	sel := id + "-neu"
	f.w(`<div class="neu"><label for="%s">Land</label><select id="%s">`, sel, sel)
	for _, k := range p.node.keys {
		if !have[k] {
			f.w(`<option value="%s">%s</option>`, k, landName(k))
		}
	}
	f.w(`</select><button type="button" data-op="hinzufuegen" data-pfad="%s" data-wert-aus="%s">Wert für Land hinzufügen</button></div>`, ps, sel)
	f.raw(`</fieldset>`)
}

// landName is "ST – Sachsen-Anhalt" for a party code.
func landName(code string) string {
	if p, ok := refdata.PartyByCode(code); ok {
		return code + " – " + p.Kurzname
	}
	return code
}

// scalar writes one input (text, textarea or select) with its label, help
// and error elements.
func (f *form) scalar(path []seg, lbl string, n *node, required bool, v *yaml.Node) {
	ps := formatPath(path)
	id := fieldID(ps)
	val := ""
	if v != nil {
		if v.Kind != yaml.ScalarNode {
			f.w(`<div class="feld" data-pfad="%s"><span class="label">%s</span>`, ps, lbl)
			f.unsupported(ps)
			f.raw(`</div>`)
			return
		}
		if !isNull(v) {
			val = v.Value
		}
	}
	star := ""
	if required {
		star = `<abbr class="pflicht" title="Pflichtangabe">*</abbr>`
	}
	f.w(`<div class="feld"><label for="%s">%s%s</label>`, id, lbl, template.HTML(star))
	desc := ""
	if n.desc != "" {
		desc = id + "-hilfe "
	}
	attrs := fmt.Sprintf(`id="%s" name="%s" data-pfad="%s" aria-describedby="%s%s-fehler"`, id, template.HTMLEscapeString(ps), template.HTMLEscapeString(ps), desc, id)
	if required {
		attrs += ` aria-required="true"`
	}
	switch {
	case len(n.enum) > 0 || n.kind == kBool:
		opts := n.enum
		names := map[string]string{}
		if n.kind == kBool {
			opts = []string{"true", "false"}
			names = map[string]string{"true": "ja", "false": "nein"}
		}
		f.raw(`<select ` + attrs + `>`)
		if val == "" || !required {
			f.w(`<option value=""%s>– keine Angabe –</option>`, template.HTML(sel(val == "")))
		}
		if val != "" && !contains(opts, val) {
			f.w(`<option value="%s" selected>%s (ungültig)</option>`, val, val)
		}
		for _, o := range opts {
			name := names[o]
			if name == "" {
				name = optionLabel(o)
				if isParty(o) {
					name = landName(o)
				}
			}
			f.w(`<option value="%s"%s>%s</option>`, o, template.HTML(sel(o == val)), name)
		}
		f.raw(`</select>`)
	case n.long:
		f.raw(`<textarea rows="3" ` + attrs + `>`)
		f.w(`%s</textarea>`, val)
	default:
		mode := ""
		switch {
		case n.kind == kInteger:
			mode = ` inputmode="numeric"`
		case n.numeric:
			mode = ` inputmode="decimal"`
		case n.format == "date":
			mode = ` placeholder="JJJJ-MM-TT"`
		}
		f.w(`<input type="text" %s value="%s"%s autocomplete="off">`, template.HTML(attrs), val, template.HTML(mode))
	}
	if n.desc != "" {
		f.w(`<p class="hilfe" id="%s-hilfe">%s</p>`, id, n.desc)
	}
	f.w(`<p class="fehler" id="%s-fehler"></p></div>`, id)
}

func sel(b bool) string {
	if b {
		return " selected"
	}
	return ""
}

func isParty(code string) bool {
	_, ok := refdata.PartyByCode(code)
	return ok
}
