package html

import (
	"strconv"

	"github.com/vereinbar/vereinbar/generator/model"
)

// blocks renders blocks; depth is the nesting of lists (0 outside).
func (r *renderer) blocks(bs []model.Block, depth int) error {
	for _, b := range bs {
		if b == nil {
			return r.invalid("leerer Block")
		}
		outer := r.loc
		if p := b.Position(); p.File != "" {
			r.loc = p
		}
		if err := r.block(b, depth); err != nil {
			return err
		}
		r.loc = outer
	}
	return nil
}

func (r *renderer) block(b model.Block, depth int) error {
	switch n := b.(type) {
	case *model.Section:
		return r.section(n, depth)
	case *model.Paragraph:
		return r.paragraph(n)
	case *model.List:
		return r.list(n, depth)
	case *model.Table:
		return r.table(n)
	case *model.Chart:
		return r.chart(n)
	case *model.Gantt:
		return r.gantt(n)
	case *model.Signatures:
		return r.signatures(n)
	case *model.PageBreak:
		r.raw("<div class=\"seitenumbruch\" aria-hidden=\"true\"></div>\n")
		return nil
	default:
		return model.UnknownBlock(b)
	}
}

// section writes a section with its heading: level 1 is <h2> (the
// document title is the <h1>), the section id its anchor, so "§ 7" can
// be linked as #kostenverteilung.
func (r *renderer) section(s *model.Section, depth int) error {
	if s.Level < 1 || s.Level > 3 {
		return r.invalid("Ebene %d, erlaubt sind 1 bis 3", s.Level)
	}
	id, err := r.id(s.ID)
	if err != nil {
		return err
	}
	h := "h" + strconv.Itoa(s.Level+1)
	r.raw("<section")
	r.idAttr(id)
	r.raw(">\n<" + h + ">")
	if s.HeadingChanges != nil {
		if err := r.inlines(s.HeadingChanges); err != nil {
			return err
		}
	} else {
		if s.Number != "" {
			r.raw("<span class=\"nr\">")
			if err := r.text(s.Number); err != nil {
				return err
			}
			r.raw("</span> ")
		}
		if err := r.text(s.Title); err != nil {
			return err
		}
	}
	r.raw("</" + h + ">\n")
	if err := r.blocks(s.Blocks, depth); err != nil {
		return err
	}
	r.raw("</section>\n")
	return nil
}

// paragraphClass maps paragraph styles to classes; the title is an <h1>.
var paragraphClass = map[model.ParagraphStyle]string{
	model.StyleBody:     "absatz",
	"":                  "absatz",
	model.StyleSubtitle: "untertitel",
	model.StyleCentered: "mitte",
	model.StyleNote:     "klein",
}

func (r *renderer) paragraph(p *model.Paragraph) error {
	tag, class := "p", ""
	if p.Style == model.StyleTitle {
		tag = "h1"
	} else {
		c, ok := paragraphClass[p.Style]
		if !ok {
			return r.invalid("unbekannter Absatzstil %q", p.Style)
		}
		class = c
	}
	if p.KeepNext {
		class += " kn"
	}
	r.raw("<" + tag)
	if class != "" {
		r.raw(" class=\"" + trimSpace(class) + "\"")
	}
	r.raw(">")
	if p.Number != "" {
		r.raw("<span class=\"nr\">")
		if err := r.text(p.Number); err != nil {
			return err
		}
		r.raw("</span> ")
	}
	if err := r.inlines(p.Inlines); err != nil {
		return err
	}
	r.raw("</" + tag + ">\n")
	return nil
}

func trimSpace(s string) string {
	if len(s) > 0 && s[0] == ' ' {
		return s[1:]
	}
	return s
}

// list writes a list with its computed labels; the browser's own
// numbering is switched off so every output shows the same labels.
func (r *renderer) list(l *model.List, depth int) error {
	r.raw("<ol class=\"liste\">\n")
	for _, it := range l.Items {
		r.raw("<li><span class=\"nr\">")
		if it.LabelChanges != nil {
			if err := r.inlines(it.LabelChanges); err != nil {
				return err
			}
		} else if err := r.text(it.Label); err != nil {
			return err
		}
		r.raw("</span><div>\n")
		for _, b := range it.Blocks {
			switch b.(type) {
			case *model.Paragraph, *model.List:
			default:
				return r.invalid("%T in einem Listenpunkt (erlaubt sind Absätze und Listen)", b)
			}
		}
		if err := r.blocks(it.Blocks, depth+1); err != nil {
			return err
		}
		r.raw("</div></li>\n")
	}
	r.raw("</ol>\n")
	return nil
}

// inlines writes text runs: bold as <strong>, italic as <em>, tracked
// changes as <ins> and <del>, form fields as a line to write on.
func (r *renderer) inlines(ins []model.Inline) error {
	for _, in := range ins {
		switch n := in.(type) {
		case model.Text:
			if err := r.run(n); err != nil {
				return err
			}
		case model.LineBreak:
			r.raw("<br>")
		case model.Field:
			if n.Text == "" {
				r.raw("<span class=\"feld\" role=\"img\" aria-label=\"Feld zum Ausfüllen\"></span>")
				continue
			}
			r.raw("<span class=\"wert\">")
			if err := r.text(n.Text); err != nil {
				return err
			}
			r.raw("</span>")
		default:
			return model.UnknownInline(in)
		}
	}
	return nil
}

func (r *renderer) run(t model.Text) error {
	var open, close string
	switch t.Change {
	case "":
	case model.ChangeIns:
		open, close = "<ins>", "</ins>"
	case model.ChangeDel:
		open, close = "<del>", "</del>"
	default:
		return r.invalid("unbekannte Änderungsart %q (erlaubt: %q, %q)", t.Change, model.ChangeIns, model.ChangeDel)
	}
	if t.Bold {
		open, close = open+"<strong>", "</strong>"+close
	}
	if t.Italic {
		open, close = open+"<em>", "</em>"+close
	}
	if t.Strike {
		open, close = open+"<s>", "</s>"+close
	}
	r.raw(open)
	if err := r.text(t.Text); err != nil {
		return err
	}
	r.raw(close)
	return nil
}

// signatures writes one block per party: party and signer, then the
// line for place and date and the lines below it, each with its caption
// under the line as on paper. The signature line has room above it.
func (r *renderer) signatures(s *model.Signatures) error {
	r.raw("<div class=\"unterschriften\">\n")
	for _, sig := range s.Blocks {
		r.raw("<div class=\"unterschrift\">\n<p><strong>")
		if err := r.text(sig.Party); err != nil {
			return err
		}
		r.raw("</strong><br>")
		if err := r.text(sig.Signer); err != nil {
			return err
		}
		r.raw("</p>\n")
		if err := r.line(sig.PlaceDate, false); err != nil {
			return err
		}
		if len(sig.Lines) == 0 {
			if err := r.line("", true); err != nil {
				return err
			}
		}
		for i, c := range sig.Lines {
			if err := r.line(c, i == 0); err != nil {
				return err
			}
		}
		r.raw("</div>\n")
	}
	r.raw("</div>\n")
	return nil
}

// line writes a line to fill in by hand with its caption.
func (r *renderer) line(caption string, room bool) error {
	if room {
		r.raw("<div class=\"linie raum\">")
	} else {
		r.raw("<div class=\"linie\">")
	}
	if err := r.text(caption); err != nil {
		return err
	}
	r.raw("</div>\n")
	return nil
}
