package refdata

import (
	"bytes"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// dataFS holds the embedded reference data. README files are deliberately
// not embedded.
//
//go:embed data/laender.yaml data/themenfelder.yaml data/grammatik.yaml data/ks/*.yaml data/projektplan.yaml
var dataFS embed.FS

// builtinPrefix marks the file names of embedded tables in [KSTable.Datei]
// and in error messages, e.g. "eingebaut:ks/2016.yaml".
const builtinPrefix = "eingebaut:"

// builtinData is the parsed embedded data. It is never modified after
// parseBuiltin returns.
type builtinData struct {
	parties   []Party
	byCode    map[string]int
	landCodes []string
	themen    []string
	nouns     []noun
	ks        *KSRegistry
}

// loadBuiltin parses the embedded data once and caches the immutable result.
var loadBuiltin = sync.OnceValues(parseBuiltin)

// mustBuiltin returns the embedded data and panics if it is broken, which can
// only happen with a broken build (the package tests parse it).
func mustBuiltin() *builtinData {
	d, err := loadBuiltin()
	if err != nil {
		panic(err)
	}
	return d
}

// parseBuiltin parses and validates all embedded files.
func parseBuiltin() (*builtinData, error) {
	d := &builtinData{}
	if err := d.parseParties(); err != nil {
		return nil, fmt.Errorf("%w: data/laender.yaml: %w", ErrBuiltin, err)
	}
	if err := d.parseThemen(); err != nil {
		return nil, fmt.Errorf("%w: data/themenfelder.yaml: %w", ErrBuiltin, err)
	}
	nouns, err := parseNounsFS(dataFS, "data/grammatik.yaml")
	if err != nil {
		return nil, fmt.Errorf("%w: data/grammatik.yaml: %w", ErrBuiltin, err)
	}
	d.nouns = nouns
	names, err := fs.Glob(dataFS, "data/ks/*.yaml")
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBuiltin, err)
	}
	sort.Strings(names)
	srcs := make([]ksSource, 0, len(names))
	for _, n := range names {
		b, err := dataFS.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrBuiltin, err)
		}
		srcs = append(srcs, ksSource{name: builtinPrefix + path.Join("ks", path.Base(n)), data: b})
	}
	reg, err := buildRegistry(nil, srcs, d.lands())
	if err != nil {
		return nil, fmt.Errorf("%w:\n%w", ErrBuiltin, err)
	}
	d.ks = reg
	return d, nil
}

// decodeStrict decodes exactly one YAML document into v, rejecting unknown
// fields.
func decodeStrict(name string, v any) error {
	return decodeStrictFS(dataFS, name, v)
}

// decodeStrictFS is decodeStrict on another file system.
func decodeStrictFS(fsys fs.FS, name string, v any) error {
	b, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	return dec.Decode(v)
}

// partyYAML is the on-disk form of a [Party] in data/laender.yaml.
type partyYAML struct {
	Code      string `yaml:"code"`
	Kurzname  string `yaml:"kurzname"`
	Name      string `yaml:"name"`
	Nominativ string `yaml:"nominativ"`
	Genitiv   string `yaml:"genitiv"`
	Dativ     string `yaml:"dativ"`
	Akkusativ string `yaml:"akkusativ"`
	Land      *bool  `yaml:"land"`
}

func (d *builtinData) parseParties() error {
	var f struct {
		Parteien []partyYAML `yaml:"parteien"`
	}
	if err := decodeStrict("data/laender.yaml", &f); err != nil {
		return err
	}
	d.byCode = make(map[string]int, len(f.Parteien))
	for i, p := range f.Parteien {
		fields := []string{p.Code, p.Kurzname, p.Name, p.Nominativ, p.Genitiv, p.Dativ, p.Akkusativ}
		if slices.Contains(fields, "") || p.Land == nil {
			return fmt.Errorf("Eintrag %d (%q): alle Felder sind Pflicht", i+1, p.Code)
		}
		if _, dup := d.byCode[p.Code]; dup {
			return fmt.Errorf("Kürzel %q doppelt", p.Code)
		}
		if !strings.HasSuffix(p.Nominativ, " "+p.Name) && p.Nominativ != p.Name {
			return fmt.Errorf("%s: Nominativ %q passt nicht zum Namen %q", p.Code, p.Nominativ, p.Name)
		}
		d.byCode[p.Code] = i
		d.parties = append(d.parties, Party{
			Code: p.Code, Kurzname: p.Kurzname, Name: p.Name,
			Nominativ: p.Nominativ, Genitiv: p.Genitiv, Dativ: p.Dativ, Akkusativ: p.Akkusativ,
			IstLand: *p.Land,
		})
		if *p.Land {
			d.landCodes = append(d.landCodes, p.Code)
		}
	}
	if len(d.landCodes) != 16 {
		return fmt.Errorf("%d statt 16 Länder", len(d.landCodes))
	}
	return nil
}

func (d *builtinData) parseThemen() error {
	var f struct {
		Themenfelder []string `yaml:"themenfelder"`
	}
	if err := decodeStrict("data/themenfelder.yaml", &f); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, t := range f.Themenfelder {
		if strings.TrimSpace(t) != t || t == "" || seen[t] {
			return fmt.Errorf("Themenfeld %q leer, doppelt oder mit Leerraum am Rand", t)
		}
		seen[t] = true
	}
	d.themen = f.Themenfelder
	return nil
}

// lands returns the 16 Länder (without the Bund).
func (d *builtinData) lands() []Party {
	var ls []Party
	for _, p := range d.parties {
		if p.IstLand {
			ls = append(ls, p)
		}
	}
	return ls
}

// nounYAML is the on-disk form of a head noun in data/grammatik.yaml.
type nounYAML struct {
	Wort    string `yaml:"wort"`
	Genus   string `yaml:"genus"`
	Klasse  string `yaml:"klasse"`
	Genitiv string `yaml:"genitiv"`
}

// parseNounsFS reads and checks the head noun table: every entry a
// lower-case word ending, once; a gender for every noun that is not
// adjectival; a weak noun masculine, with the genitive that gives its
// ending in the oblique cases.
func parseNounsFS(fsys fs.FS, name string) ([]noun, error) {
	var f struct {
		Kopfnomen []nounYAML `yaml:"kopfnomen"`
	}
	if err := decodeStrictFS(fsys, name, &f); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	out := make([]noun, 0, len(f.Kopfnomen))
	for i, e := range f.Kopfnomen {
		at := fmt.Sprintf("Eintrag %d („%s“)", i+1, e.Wort)
		switch {
		case e.Wort == "" || e.Wort != strings.ToLower(e.Wort) || strings.ContainsAny(e.Wort, " -"):
			return nil, fmt.Errorf("%s: „wort“ ist ein Wortende in Kleinbuchstaben", at)
		case seen[e.Wort]:
			return nil, fmt.Errorf("%s: doppelt", at)
		case e.Klasse == classAdjective && e.Genus != "":
			return nil, fmt.Errorf("%s: ein adjektivisches Kopfnomen hat kein festes Genus (es folgt dem Artikel)", at)
		case e.Klasse != classAdjective && e.Genus != "m" && e.Genus != "f" && e.Genus != "n":
			return nil, fmt.Errorf("%s: Genus „%s“ (erlaubt: m, f, n)", at, e.Genus)
		case e.Klasse != classStrong && e.Klasse != classWeak && e.Klasse != classAdjective:
			return nil, fmt.Errorf("%s: Klasse „%s“ (erlaubt: stark, schwach, adjektivisch)", at, e.Klasse)
		case e.Klasse == classWeak && e.Genus != "m":
			return nil, fmt.Errorf("%s: schwach gebeugt werden nur Maskulina", at)
		case e.Klasse != classWeak && e.Genitiv != "":
			return nil, fmt.Errorf("%s: „genitiv“ nur bei schwachen Kopfnomen", at)
		}
		seen[e.Wort] = true
		n := noun{end: e.Wort, genus: e.Genus, class: e.Klasse}
		if e.Klasse == classWeak {
			gen := strings.ToLower(strings.TrimPrefix(e.Genitiv, "des "))
			end, ok := strings.CutPrefix(gen, e.Wort)
			if !ok || !strings.HasPrefix(e.Genitiv, "des ") || (end != "en" && end != "n") {
				return nil, fmt.Errorf("%s: „genitiv“ muss „des %s…“ mit -en oder -n lauten, nicht „%s“", at, e.Wort, e.Genitiv)
			}
			n.oblique = end
		}
		out = append(out, n)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("keine Kopfnomen")
	}
	return out, nil
}
