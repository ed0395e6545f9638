package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"unicode/utf16"

	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-pdf/fpdf"
	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/encoding/charmap"
)

// family is the font family name registered with fpdf. It is not one of
// fpdf's core font names, so a style that was not registered makes fpdf
// fail instead of falling back to Helvetica.
const family = "LiberationSans"

// style is a font style of the family.
type style uint8

const (
	regular style = iota
	bold
	italic
	boldItalic
	numStyles
)

func styleOf(b, i bool) style {
	switch {
	case b && i:
		return boldItalic
	case b:
		return bold
	case i:
		return italic
	}
	return regular
}

// fpdf returns the style string fpdf expects.
func (s style) fpdf() string { return [...]string{"", "B", "I", "BI"}[s] }

// runeSet is a set of runes of the Basic Multilingual Plane.
type runeSet [0x10000 / 64]uint64

func (s *runeSet) add(r rune) { s[r>>6] |= 1 << (r & 63) }

func (s *runeSet) has(r rune) bool {
	return r >= 0 && r < 0x10000 && s[r>>6]&(1<<(r&63)) != 0
}

// face is one style of Liberation Sans, prepared once by NewRenderer and
// read-only afterwards.
type face struct {
	name    string // PostScript name, e.g. "LiberationSans-Bold"
	ttf     []byte
	covered runeSet         // runes the font's cmap maps to a glyph
	widths  [0x10000]uint16 // advance widths in 1/1000 em, as fpdf computes them
	desc    fpdf.FontDescType
	under   [2]int     // underline position and thickness in 1/1000 em
	simple  simpleFont // the Windows-1252 definition
}

// simpleFont is an fpdf font definition (the JSON form fpdf's makefont
// writes) plus the zlib-compressed font file it embeds. fpdf loads it with
// AddFontFromBytes, which only decodes a small JSON document.
type simpleFont struct {
	def []byte
	z   []byte
}

// metrics are the vertical metrics of the family in em.
type metrics struct {
	ascent     float64 // baseline below the top of a line
	descent    float64 // bottom of a line below the baseline
	lineHeight float64 // single line spacing (ascent + descent + line gap)
}

// loadFaces prepares the four styles. The Liberation Sans styles share the
// vertical metrics, so the regular style's are used for all.
func loadFaces() ([numStyles]*face, metrics, runeSet, error) {
	specs := [numStyles]struct {
		name   string
		ttf    []byte
		italic bool
	}{
		regular:    {"LiberationSans", liberationsansregular.TTF, false},
		bold:       {"LiberationSans-Bold", liberationsansbold.TTF, false},
		italic:     {"LiberationSans-Italic", liberationsansitalic.TTF, true},
		boldItalic: {"LiberationSans-BoldItalic", liberationsansbolditalic.TTF, true},
	}
	var faces [numStyles]*face
	var ms [numStyles]metrics
	var errs [numStyles]error
	var win runeSet
	// The styles are independent; parsing them side by side halves the
	// start-up time on two cores.
	var wg sync.WaitGroup
	for st, sp := range specs {
		wg.Go(func() {
			faces[st], ms[st], errs[st] = newFace(sp.name, sp.ttf)
			if errs[st] != nil {
				errs[st] = fmt.Errorf("Schrift %s: %w", sp.name, errs[st])
			}
		})
	}
	wg.Wait()
	m := ms[regular]
	if err := errors.Join(errs[:]...); err != nil {
		return faces, m, win, err
	}
	// The Windows-1252 repertoire every style covers.
	for b := 0x20; b <= 0xff; b++ {
		r := charmap.Windows1252.DecodeByte(byte(b))
		if r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0xad {
			continue // controls and the soft hyphen never reach a page
		}
		all := true
		for _, f := range faces {
			all = all && f.covered.has(r)
		}
		if all {
			win.add(r)
		}
	}
	for st, sp := range specs {
		sf, err := faces[st].buildSimple(win, sp.italic)
		if err != nil {
			return faces, m, win, fmt.Errorf("Schrift %s: %w", sp.name, err)
		}
		faces[st].simple = sf
	}
	return faces, m, win, nil
}

// newFace reads the cmap with sfnt (the authority on which characters the
// font can show) and the widths with fpdf (so the layout measures exactly
// what fpdf writes into the PDF).
func newFace(name string, ttf []byte) (*face, metrics, error) {
	f := &face{name: name, ttf: ttf}
	fnt, err := sfnt.Parse(ttf)
	if err != nil {
		return nil, metrics{}, err
	}
	var buf sfnt.Buffer
	for r := rune(0); r < 0x10000; r++ {
		if r >= 0xd800 && r < 0xe000 {
			continue // surrogates are not characters
		}
		gi, err := fnt.GlyphIndex(&buf, r)
		if err != nil {
			return nil, metrics{}, err
		}
		if gi != 0 {
			f.covered.add(r)
		}
	}
	upem := fnt.UnitsPerEm()
	fm, err := fnt.Metrics(&buf, fixed.Int26_6(upem)<<6, font.HintingNone)
	if err != nil {
		return nil, metrics{}, err
	}
	u := float64(upem) * 64
	m := metrics{
		ascent:     float64(fm.Ascent) / u,
		descent:    float64(fm.Descent) / u,
		lineHeight: float64(fm.Height) / u,
	}

	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddUTF8FontFromBytes("m", "", ttf)
	pdf.SetFont("m", "", 1000)
	if err := pdf.Error(); err != nil {
		return nil, metrics{}, err
	}
	for r := rune(0); r < 0x10000; r++ {
		if f.covered.has(r) {
			f.widths[r] = uint16(pdf.GetStringSymbolWidth(string(r)))
		}
	}
	f.desc = pdf.GetFontDesc("m", "")
	if pt := fnt.PostTable(); pt != nil {
		scale := 1000 / float64(upem)
		f.under = [2]int{int(float64(pt.UnderlinePosition) * scale), int(float64(pt.UnderlineThickness) * scale)}
	}
	return f, m, nil
}

// fontDef mirrors fpdf's font definition JSON (fontDefType; its fields
// carry no JSON tags, so the Go field names are the keys).
type fontDef struct {
	Tp           string
	Name         string
	Desc         fpdf.FontDescType
	Up           int
	Ut           int
	Cw           []int
	Enc          string
	Diff         string
	File         string
	OriginalSize int
}

// buildSimple makes the Windows-1252 definition: the font cut to the
// repertoire win (fpdf's own subsetter, so the glyph outlines are the
// ones the UTF-8 path embeds), compressed once, with a /Widths table and
// a descriptor taken from fpdf's parse of the full font.
func (f *face) buildSimple(win runeSet, isItalic bool) (simpleFont, error) {
	var rep []rune
	for b := 0x20; b <= 0xff; b++ {
		if r := charmap.Windows1252.DecodeByte(byte(b)); win.has(r) {
			rep = append(rep, r)
		}
	}
	cut := fpdf.UTF8CutFont(f.ttf, string(rep))
	if len(cut) == 0 {
		return simpleFont{}, fmt.Errorf("Teilmenge der Schrift ist leer")
	}
	var z bytes.Buffer
	zw, err := zlib.NewWriterLevel(&z, zlib.BestCompression)
	if err != nil {
		return simpleFont{}, err
	}
	if _, err := zw.Write(cut); err != nil {
		return simpleFont{}, err
	}
	if err := zw.Close(); err != nil {
		return simpleFont{}, err
	}

	desc := f.desc
	// Nonsymbolic: viewers map the WinAnsi codes through glyph names to
	// the subset's Unicode cmap. fpdf's UTF-8 parse marks fonts symbolic
	// because it addresses glyphs by CID instead.
	desc.Flags = 32
	if isItalic {
		desc.Flags |= 64
	}
	cw := make([]int, 256)
	for b := 0x20; b <= 0xff; b++ {
		if r := charmap.Windows1252.DecodeByte(byte(b)); win.has(r) {
			cw[b] = int(f.widths[r])
		} else {
			cw[b] = desc.MissingWidth
		}
	}
	// A subset's name carries a six-letter tag (ISO 32000-1, 9.6.4);
	// derived from the subset's bytes, it is the same on every run.
	sum := sha256.Sum256(cut)
	var tag [6]byte
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	def, err := json.Marshal(fontDef{
		Tp:           "TrueType",
		Name:         string(tag[:]) + "+" + f.name,
		Desc:         desc,
		Up:           f.under[0],
		Ut:           f.under[1],
		Cw:           cw,
		Enc:          "cp1252",
		File:         f.name + ".z", // the ".z" suffix tells fpdf the stream is deflated
		OriginalSize: len(cut),
	})
	if err != nil {
		return simpleFont{}, err
	}
	return simpleFont{def: def, z: z.Bytes()}, nil
}

// fontMode is how text reaches fpdf: as Windows-1252 bytes for the
// prepared simple fonts, or as UTF-8 for fpdf's Unicode fonts.
type fontMode interface {
	// register adds the used styles to the document.
	register(pdf *fpdf.Fpdf, faces *[numStyles]*face, used [numStyles]bool)
	// encode converts checked, NFC text to what fpdf's Text expects.
	encode(s string) string
	// bookmark converts an outline title to what fpdf's Bookmark expects
	// while a font of this mode is current.
	bookmark(s string) string
}

// winAnsiMode uses the simple TrueType fonts built in NewRenderer.
type winAnsiMode struct{}

func (winAnsiMode) register(pdf *fpdf.Fpdf, faces *[numStyles]*face, used [numStyles]bool) {
	for st, f := range faces {
		if used[st] {
			pdf.AddFontFromBytes(family, style(st).fpdf(), f.simple.def, f.simple.z)
		}
	}
}

func (winAnsiMode) encode(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		ascii = ascii && s[i] < 0x80
	}
	if ascii {
		return s
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		c, _ := charmap.Windows1252.EncodeRune(r) // checked before: always ok
		b = append(b, c)
	}
	return string(b)
}

// bookmark returns a PDF text string in UTF-16BE with a byte order mark:
// with a simple font current, fpdf copies the title unchanged.
func (winAnsiMode) bookmark(s string) string { return utf16BE(s) }

// unicodeMode uses fpdf's UTF-8 fonts, parsed and subset per document.
type unicodeMode struct{}

func (unicodeMode) register(pdf *fpdf.Fpdf, faces *[numStyles]*face, used [numStyles]bool) {
	for st, f := range faces {
		if used[st] {
			pdf.AddUTF8FontFromBytes(family, style(st).fpdf(), f.ttf)
		}
	}
}

func (unicodeMode) encode(s string) string { return s }

// bookmark returns s unchanged: with a UTF-8 font current, fpdf converts
// the title to UTF-16 itself.
func (unicodeMode) bookmark(s string) string { return s }

// utf16BE encodes s as a PDF text string: UTF-16BE with a byte order mark.
// Unlike fpdf's converter it handles characters outside the BMP, which may
// occur in metadata.
func utf16BE(s string) string {
	u := utf16.Encode([]rune(s))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xfe, 0xff
	for _, c := range u {
		b = append(b, byte(c>>8), byte(c))
	}
	return string(b)
}
