// Package config reads vereinbar's settings with a stated precedence:
// command-line flag > VEREINBAR_* environment variable > config.yaml >
// built-in default. It wraps one viper instance per load (no global viper)
// and remembers where every effective value came from, so `vereinbar
// config` can show it.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
	"github.com/vereinbar/vereinbar/generator/refdata"
	"go.yaml.in/yaml/v3"
)

// DefaultFile is the config file read from the working directory when
// --config is not given. A missing default file is not an error.
const DefaultFile = "config.yaml"

// EnvPrefix prefixes the environment variables: VEREINBAR_AUSGABE, ...
const EnvPrefix = "VEREINBAR"

// Setting describes one configuration key.
type Setting struct {
	Key     string // key in config.yaml
	Flag    string // command-line flag that overrides it ("" = none)
	Short   string // one-letter form of the flag ("" = none)
	Default string
	IsPath  bool   // relative paths in config.yaml are taken relative to that file
	IsFile  bool   // the path names a file (a YAML file), not a directory
	Kind    Kind   // what config.yaml may hold; "" is text
	Help    string // German description
}

// Kind is the kind of value a setting takes in config.yaml.
type Kind string

// The kinds of values. config.yaml may write a date or a number bare
// (2026-12-01, 4) or quoted; its values are checked when it is read, a
// flag's or an environment variable's where the value is used.
const (
	Text   Kind = ""
	Date   Kind = "date"   // JJJJ-MM-TT
	Number Kind = "number" // a whole number
)

// The range of a Date setting. A date the user gives is used or refused,
// never taken for "not given": 0001-01-01 (Go's zero time) or 1066-10-14
// as the date of tracked changes is a typo, not a wish. The upper bound is
// the one of every date in a project file (generator/data, maxYear), so a
// Redline is never dated after any Stand it may show.
var (
	MinDate = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	MaxDate = time.Date(2100, 12, 31, 0, 0, 0, 0, time.UTC)
)

// ParseDate parses the value of a Date setting, JJJJ-MM-TT from MinDate
// to MaxDate. The error is German and names neither the flag nor the key;
// the caller adds the origin.
func ParseDate(s string) (time.Time, error) {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("Datum als JJJJ-MM-TT erwartet, nicht „%s“", s)
	}
	if d.Before(MinDate) || d.After(MaxDate) {
		return time.Time{}, fmt.Errorf("Datum zwischen %s und %s erwartet, nicht „%s“",
			MinDate.Format(time.DateOnly), MaxDate.Format(time.DateOnly), s)
	}
	return d, nil
}

// Env returns the environment variable of the setting.
func (s Setting) Env() string { return EnvPrefix + "_" + strings.ToUpper(s.Key) }

// Settings lists every key, in the order `vereinbar config` prints them.
func Settings() []Setting {
	return []Setting{
		{Key: "eingabe", Flag: "", Default: "fixtures", IsPath: true, Help: "Projektdateien oder Verzeichnisse, die ohne Argumente verarbeitet werden"},
		{Key: "ausgabe", Flag: "out", Default: "out", IsPath: true, Help: "Ausgabeverzeichnis für erzeugte Dateien"},
		{Key: "ks_tabellen", Flag: "ks-tabellen", Default: "", IsPath: true, Help: "Verzeichnis mit zusätzlichen Tabellen des Königsteiner Schlüssels (eine YAML-Datei je Jahr)"},
		{Key: "projektplan_aufgaben", Flag: "projektplan-aufgaben", Default: "", IsPath: true, IsFile: true, Help: "YAML-Datei mit den Aufgaben des Musterprojektplans (Format wie generator/refdata/data/projektplan.yaml); ersetzt die eingebauten Aufgaben ganz"},
		{Key: "vorlagen", Flag: "templates", Default: "", IsPath: true, Help: "Verzeichnis mit eigenen Vorlagen; sie ersetzen eingebaute Vorlagen mit demselben relativen Pfad"},
		{Key: "vorlagen_max_mib", Flag: "template-max-mib", Default: "16", Kind: Number, Help: "Höchstgröße des Markups, das eine Vorlage für ein Dokument erzeugt, in MiB (ab 1); auch jeder Text, den eine Hilfsfunktion der Vorlage erzeugt, ist höchstens so groß"},
		{Key: "formate", Flag: "formats", Default: "docx,pdf,md,xlsx", Help: "Ausgabeformate, durch Kommas getrennt: docx, pdf, md, html, xlsx (xlsx: die Tabellen wie der Zahlungsplan)"},
		{Key: "parallel", Flag: "jobs", Short: "j", Default: "0", Kind: Number, Help: "Anzahl paralleler Worker (0 = Anzahl der CPUs)"},
		{Key: "redline_autor", Flag: "author", Default: "vereinbar", Help: "Autor der Änderungen in der Redline"},
		{Key: "redline_datum", Flag: "date", Default: "", Kind: Date, Help: "Datum der Änderungen in der Redline, JJJJ-MM-TT von 1900-01-01 bis 2100-12-31 (leer: Stand der neuen Fassung)"},
	}
}

// Source says where an effective value came from.
type Source string

// The sources, strongest first.
const (
	FromFlag    Source = "flag"
	FromEnv     Source = "env"
	FromFile    Source = "file"
	FromDefault Source = "default"
)

// Value is one effective setting.
type Value struct {
	Setting
	Value  string
	Source Source
	Origin string // human-readable origin: "--out", "VEREINBAR_AUSGABE", "config.yaml", "Standard"
}

// Config is the effective configuration.
type Config struct {
	File   string // config file that was read ("" if none)
	values map[string]Value
}

// Get returns the effective value of a key ("" for an unknown key).
func (c *Config) Get(key string) string { return c.values[key].Value }

// Origin returns where the effective value of a key came from, e.g.
// "--jobs", "VEREINBAR_PARALLEL", the config file or "Standard".
func (c *Config) Origin(key string) string { return c.values[key].Origin }

// Values returns every setting with value and origin, in Settings order.
func (c *Config) Values() []Value {
	var vs []Value
	for _, s := range Settings() {
		vs = append(vs, c.values[s.Key])
	}
	return vs
}

// Options tell Load where to look.
type Options struct {
	// File is the config file; "" means DefaultFile if it exists.
	File string
	// Flags are the parsed command-line flags; flags named in Settings that
	// the user set override everything else. May be nil.
	Flags *pflag.FlagSet
	// LookupEnv reads the environment; nil means os.LookupEnv.
	LookupEnv func(string) (string, bool)
}

// ErrConfig classifies errors in the config file.
var ErrConfig = errors.New("fehlerhafte Konfiguration")

// Load resolves every setting. It must be called after flags are parsed.
func Load(opts Options) (*Config, error) {
	lookup := opts.LookupEnv
	if lookup == nil {
		lookup = os.LookupEnv
	}
	v := viper.New()
	file := opts.File
	explicit := file != ""
	if !explicit {
		file = DefaultFile
	}
	c := &Config{values: map[string]Value{}}
	v.SetConfigFile(file)
	v.SetConfigType("yaml")
	if err := v.ReadInConfig(); err != nil {
		var pe *fs.PathError
		switch {
		case !explicit && errors.As(err, &pe) && errors.Is(pe, fs.ErrNotExist):
			file = ""
		default:
			return nil, fmt.Errorf("%w: %s: %v", ErrConfig, file, err)
		}
	}
	c.File = file
	var raw map[string]string
	if file != "" {
		var err error
		if raw, err = checkKeys(file); err != nil {
			return nil, err
		}
	}
	for _, s := range Settings() {
		v.SetDefault(s.Key, s.Default)
		val := Value{Setting: s}
		var fl *pflag.Flag
		if opts.Flags != nil && s.Flag != "" {
			fl = opts.Flags.Lookup(s.Flag)
		}
		env, envSet := lookup(s.Env())
		switch {
		case fl != nil && fl.Changed:
			val.Value, val.Source, val.Origin = fl.Value.String(), FromFlag, "--"+s.Flag
		case envSet:
			val.Value, val.Source, val.Origin = env, FromEnv, s.Env()
		case file != "" && v.InConfig(s.Key):
			// As written in the file: viper would turn 2026-12-01 into a
			// time with a clock and a zone.
			str := raw[s.Key]
			if s.IsPath && str != "" && !filepath.IsAbs(str) {
				str = filepath.Join(filepath.Dir(file), str)
			}
			val.Value, val.Source, val.Origin = str, FromFile, file
		default:
			val.Value, val.Source, val.Origin = v.GetString(s.Key), FromDefault, "Standard"
		}
		c.values[s.Key] = val
	}
	return c, nil
}

// checkKeys reads the config file's top level itself and refuses unknown
// keys (naming a close match) and values of the wrong kind, whichever
// source finally wins — so whether a file is accepted never depends on
// flags or the environment. It returns the values as written.
func checkKeys(file string) (map[string]string, error) {
	src, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrConfig, err)
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrConfig, file, err)
	}
	raw := map[string]string{}
	if len(doc.Content) == 0 {
		return raw, nil // empty file
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("%w: %s:%d:%d: erwartet Schlüssel mit Werten", ErrConfig, file, root.Line, root.Column)
	}
	known := map[string]Setting{}
	var names []string
	for _, s := range Settings() {
		known[s.Key] = s
		names = append(names, s.Key)
	}
	var bad []string
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		at := fmt.Sprintf("%s:%d:%d", file, k.Line, k.Column)
		set, ok := known[k.Value]
		if !ok {
			msg := fmt.Sprintf("%s: unbekannter Schlüssel „%s“", at, k.Value)
			if s := refdata.Suggest(k.Value, names); s != "" {
				msg += fmt.Sprintf(" – meinten Sie „%s“?", s)
			} else {
				msg += " (erlaubt: " + strings.Join(names, ", ") + ")"
			}
			bad = append(bad, msg)
			continue
		}
		if msg := checkValue(set, v); msg != "" {
			bad = append(bad, fmt.Sprintf("%s:%d:%d: %s: %s, gefunden „%s“", file, v.Line, v.Column, k.Value, msg, v.Value))
			continue
		}
		if v.Tag != "!!null" {
			raw[k.Value] = v.Value
		}
	}
	if len(bad) == 0 {
		return raw, nil
	}
	return nil, fmt.Errorf("%w: %s", ErrConfig, strings.Join(bad, "\n"))
}

// checkValue says what is wrong with a value node for a setting ("" if
// nothing). Null stands for the default.
func checkValue(s Setting, v *yaml.Node) string {
	tag := ""
	if v.Kind == yaml.ScalarNode {
		tag = v.Tag
	}
	switch s.Kind {
	case Number:
		if tag == "!!null" {
			return ""
		}
		if tag == "!!int" || tag == "!!str" {
			if _, err := strconv.ParseUint(v.Value, 10, 16); err == nil {
				return ""
			}
		}
		return "erwartet eine ganze Zahl ab 0"
	case Date:
		if tag == "!!null" {
			return ""
		}
		if tag == "!!str" && v.Value == "" {
			return ""
		}
		if tag == "!!str" || tag == "!!timestamp" {
			if _, err := time.Parse(time.DateOnly, v.Value); err == nil {
				if _, err := ParseDate(v.Value); err != nil {
					return "erwartet ein Datum von " + MinDate.Format(time.DateOnly) + " bis " + MaxDate.Format(time.DateOnly)
				}
				return ""
			}
		}
		return "erwartet ein Datum JJJJ-MM-TT"
	}
	if tag == "!!str" || tag == "!!null" {
		return ""
	}
	if s.IsPath {
		return "erwartet einen Text (Pfad)"
	}
	return "erwartet einen Text"
}
