package config_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/pflag"
	"github.com/vereinbar/vereinbar/generator/config"
)

// newFlags registers every setting's flag the way the CLI does and parses
// args, so that Changed is set exactly as after a real command line.
func newFlags(t *testing.T, args ...string) *pflag.FlagSet {
	t.Helper()
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	for _, s := range config.Settings() {
		if s.Flag != "" {
			fs.String(s.Flag, s.Default, s.Help)
		}
	}
	if err := fs.Parse(args); err != nil {
		t.Fatalf("parse flags %q: %v", args, err)
	}
	return fs
}

// fakeEnv returns a LookupEnv that sees only m, so tests never read the
// process environment and can run in parallel.
func fakeEnv(m map[string]string) func(string) (string, bool) {
	return func(k string) (string, bool) {
		v, ok := m[k]
		return v, ok
	}
}

// writeFile writes content to dir/name (creating dir) and returns the path.
func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// value returns the effective Value of key from Values().
func value(t *testing.T, c *config.Config, key string) config.Value {
	t.Helper()
	for _, v := range c.Values() {
		if v.Key == key {
			return v
		}
	}
	t.Fatalf("Values() has no key %q", key)
	return config.Value{}
}

func TestSettingsAreConsistent(t *testing.T) {
	t.Parallel()
	seenKey, seenFlag := map[string]bool{}, map[string]bool{}
	for _, s := range config.Settings() {
		if seenKey[s.Key] {
			t.Errorf("key %q listed twice", s.Key)
		}
		seenKey[s.Key] = true
		if s.Flag != "" {
			if seenFlag[s.Flag] {
				t.Errorf("flag %q listed twice", s.Flag)
			}
			seenFlag[s.Flag] = true
		}
		if want := "VEREINBAR_" + strings.ToUpper(s.Key); s.Env() != want {
			t.Errorf("%s: Env() = %q, want %q", s.Key, s.Env(), want)
		}
		if s.Help == "" {
			t.Errorf("%s: no help text", s.Key)
		}
	}
	for _, k := range []string{"eingabe", "ausgabe", "ks_tabellen"} {
		if !seenKey[k] {
			t.Errorf("setting %q missing", k)
		}
	}
}

// TestPrecedence checks flag > VEREINBAR_* env > config.yaml > default for
// every setting. Each source carries a distinct value, so the winner is
// identified by its value as well as by Source and Origin.
func TestPrecedence(t *testing.T) {
	t.Parallel()
	for _, s := range config.Settings() {
		type source struct {
			flag, env, file bool
		}
		cases := []struct {
			name       string
			src        source
			wantSource config.Source
		}{
			{"default", source{}, config.FromDefault},
			{"file over default", source{file: true}, config.FromFile},
			{"env over file", source{env: true, file: true}, config.FromEnv},
			{"env over default", source{env: true}, config.FromEnv},
		}
		if s.Flag != "" {
			cases = append(cases,
				struct {
					name       string
					src        source
					wantSource config.Source
				}{"flag over env and file", source{flag: true, env: true, file: true}, config.FromFlag},
				struct {
					name       string
					src        source
					wantSource config.Source
				}{"flag over default", source{flag: true}, config.FromFlag},
			)
		}
		for _, tc := range cases {
			t.Run(s.Key+"/"+tc.name, func(t *testing.T) {
				t.Parallel()
				dir := t.TempDir()
				// Absolute file value, so path resolution does not blur the check.
				fileVal := filepath.Join(dir, "aus-datei")
				flagVal, envVal := "aus-flag", "aus-env"
				other := func(o config.Setting) string {
					switch o.Kind {
					case config.Number:
						return "3"
					case config.Date:
						return "2027-01-02"
					}
					return filepath.Join(dir, "andere")
				}
				switch s.Kind {
				case config.Number:
					fileVal = "7"
				case config.Date:
					fileVal = "2027-03-04" // bare: a YAML timestamp, kept as written
				}

				// The config file always exists and always sets the other
				// keys, which must not leak into this one.
				var yml strings.Builder
				for _, o := range config.Settings() {
					if o.Key != s.Key {
						yml.WriteString(o.Key + ": " + other(o) + "\n")
					}
				}
				if tc.src.file {
					yml.WriteString(s.Key + ": " + fileVal + "\n")
				}
				cfgPath := writeFile(t, dir, "config.yaml", yml.String())

				var args []string
				if tc.src.flag {
					args = append(args, "--"+s.Flag+"="+flagVal)
				}
				env := map[string]string{}
				if tc.src.env {
					env[s.Env()] = envVal
				}

				c, err := config.Load(config.Options{File: cfgPath, Flags: newFlags(t, args...), LookupEnv: fakeEnv(env)})
				if err != nil {
					t.Fatalf("Load: %v", err)
				}
				if c.File != cfgPath {
					t.Errorf("File = %q, want %q", c.File, cfgPath)
				}
				var wantVal, wantOrigin string
				switch tc.wantSource {
				case config.FromFlag:
					wantVal, wantOrigin = flagVal, "--"+s.Flag
				case config.FromEnv:
					wantVal, wantOrigin = envVal, s.Env()
				case config.FromFile:
					wantVal, wantOrigin = fileVal, cfgPath
				case config.FromDefault:
					wantVal, wantOrigin = s.Default, "Standard"
				}
				v := value(t, c, s.Key)
				if v.Value != wantVal || v.Source != tc.wantSource || v.Origin != wantOrigin {
					t.Errorf("%s = {%q, %s, %q}, want {%q, %s, %q}", s.Key, v.Value, v.Source, v.Origin, wantVal, tc.wantSource, wantOrigin)
				}
				if got := c.Get(s.Key); got != wantVal {
					t.Errorf("Get(%q) = %q, want %q", s.Key, got, wantVal)
				}
				if v.Setting != s {
					t.Errorf("Value.Setting = %+v, want %+v", v.Setting, s)
				}
			})
		}
	}
}

// TestFlagSetToDefaultStillWins: a flag the user typed counts even if its
// value equals the built-in default.
func TestFlagSetToDefaultStillWins(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cfgPath := writeFile(t, dir, "config.yaml", "ausgabe: /anderswo\n")
	c, err := config.Load(config.Options{
		File:      cfgPath,
		Flags:     newFlags(t, "--out", "out"),
		LookupEnv: fakeEnv(map[string]string{"VEREINBAR_AUSGABE": "/env"}),
	})
	if err != nil {
		t.Fatal(err)
	}
	if v := value(t, c, "ausgabe"); v.Value != "out" || v.Source != config.FromFlag || v.Origin != "--out" {
		t.Errorf("ausgabe = %+v, want out from --out", v)
	}
}

func TestNilFlagsAndOrder(t *testing.T) {
	t.Parallel()
	c, err := config.Load(config.Options{File: writeFile(t, t.TempDir(), "c.yaml", ""), LookupEnv: fakeEnv(nil)})
	if err != nil {
		t.Fatal(err)
	}
	vs := c.Values()
	ss := config.Settings()
	if len(vs) != len(ss) {
		t.Fatalf("Values() has %d entries, want %d", len(vs), len(ss))
	}
	for i := range ss {
		if vs[i].Key != ss[i].Key {
			t.Errorf("Values()[%d] = %q, want %q (Settings order)", i, vs[i].Key, ss[i].Key)
		}
		if vs[i].Source != config.FromDefault || vs[i].Value != ss[i].Default || vs[i].Origin != "Standard" {
			t.Errorf("%s = %+v, want the default", ss[i].Key, vs[i])
		}
	}
	if got := c.Get("gibt-es-nicht"); got != "" {
		t.Errorf("Get(unknown) = %q, want \"\"", got)
	}
}

// TestRelativePaths: relative paths in the config file are taken relative
// to the file's directory; flag and env values are used as given (they are
// relative to the working directory, as the user typed them).
func TestRelativePaths(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	sub := filepath.Join(dir, "projekt", "einstellungen")
	abs := filepath.Join(dir, "absolut")
	tests := []struct {
		name    string
		yaml    string
		args    []string
		env     map[string]string
		key     string
		want    string
		wantSrc config.Source
	}{
		{"relative in file", "ausgabe: build/out\n", nil, nil, "ausgabe", filepath.Join(sub, "build", "out"), config.FromFile},
		{"parent in file", "ks_tabellen: ../ks\n", nil, nil, "ks_tabellen", filepath.Join(dir, "projekt", "ks"), config.FromFile},
		{"dot in file", "eingabe: .\n", nil, nil, "eingabe", sub, config.FromFile},
		{"absolute in file", "eingabe: " + abs + "\n", nil, nil, "eingabe", abs, config.FromFile},
		// "" means "no tables"; joined with the directory it would turn the
		// config directory itself into a table directory.
		{"empty in file", "ks_tabellen: \"\"\n", nil, nil, "ks_tabellen", "", config.FromFile},
		{"flag not resolved", "ausgabe: build\n", []string{"--out", "rel/flag"}, nil, "ausgabe", "rel/flag", config.FromFlag},
		{"env not resolved", "ks_tabellen: ks\n", nil, map[string]string{"VEREINBAR_KS_TABELLEN": "rel/env"}, "ks_tabellen", "rel/env", config.FromEnv},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			p := writeFile(t, sub, strings.ReplaceAll(tc.name, " ", "-")+".yaml", tc.yaml)
			c, err := config.Load(config.Options{File: p, Flags: newFlags(t, tc.args...), LookupEnv: fakeEnv(tc.env)})
			if err != nil {
				t.Fatal(err)
			}
			v := value(t, c, tc.key)
			if v.Value != tc.want || v.Source != tc.wantSrc {
				t.Errorf("%s = %q (%s), want %q (%s)", tc.key, v.Value, v.Source, tc.want, tc.wantSrc)
			}
		})
	}
}

// TestDefaultFile uses the working directory, so it is not parallel.
func TestDefaultFile(t *testing.T) {
	t.Run("missing is fine", func(t *testing.T) {
		t.Chdir(t.TempDir())
		c, err := config.Load(config.Options{LookupEnv: fakeEnv(nil)})
		if err != nil {
			t.Fatalf("Load without config.yaml: %v", err)
		}
		if c.File != "" {
			t.Errorf("File = %q, want \"\"", c.File)
		}
		for _, v := range c.Values() {
			if v.Source != config.FromDefault {
				t.Errorf("%s: Source = %s, want default", v.Key, v.Source)
			}
		}
	})
	t.Run("present is read", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, config.DefaultFile, "ausgabe: build\n")
		t.Chdir(dir)
		c, err := config.Load(config.Options{LookupEnv: fakeEnv(nil)})
		if err != nil {
			t.Fatal(err)
		}
		if c.File != config.DefaultFile {
			t.Errorf("File = %q, want %q", c.File, config.DefaultFile)
		}
		// Relative to the directory of "config.yaml", i.e. ".".
		if v := value(t, c, "ausgabe"); v.Value != "build" || v.Source != config.FromFile {
			t.Errorf("ausgabe = %+v, want build from file", v)
		}
	})
	t.Run("present but broken is an error", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, dir, config.DefaultFile, "ausgabe: [\n")
		t.Chdir(dir)
		if _, err := config.Load(config.Options{LookupEnv: fakeEnv(nil)}); !errors.Is(err, config.ErrConfig) {
			t.Errorf("err = %v, want ErrConfig", err)
		}
	})
	t.Run("relative config path", func(t *testing.T) {
		dir := t.TempDir()
		writeFile(t, filepath.Join(dir, "sub"), "vb.yaml", "ausgabe: build\n")
		t.Chdir(dir)
		c, err := config.Load(config.Options{File: filepath.Join("sub", "vb.yaml"), LookupEnv: fakeEnv(nil)})
		if err != nil {
			t.Fatal(err)
		}
		if want := filepath.Join("sub", "build"); c.Get("ausgabe") != want {
			t.Errorf("ausgabe = %q, want %q", c.Get("ausgabe"), want)
		}
	})
}

func TestLoadErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		yaml string // "" with missing=true: the file is not created
		// missing: pass a path that does not exist
		missing bool
		env     map[string]string
		args    []string
		want    []string // substrings of the message
		once    string   // must occur exactly once in the message
	}{
		{name: "explicit file missing", missing: true, want: []string{"gibt-es-nicht.yaml"}},
		{name: "unknown key with suggestion", yaml: "ausgab: out\n", want: []string{"unbekannter Schlüssel „ausgab“ – meinten Sie „ausgabe“?"}},
		{name: "unknown key suggests ks_tabellen", yaml: "ks-tabellen: ks\n", want: []string{"„ks-tabellen“ – meinten Sie „ks_tabellen“?"}},
		{name: "unknown key without match", yaml: "farbe: rot\n", want: []string{"unbekannter Schlüssel „farbe“ (erlaubt: eingabe, ausgabe, ks_tabellen, projektplan_aufgaben, vorlagen, vorlagen_max_mib, formate, parallel, redline_autor, redline_datum)"}},
		{name: "two unknown keys", yaml: "ausgab: a\neingab: b\n", want: []string{"„ausgab“", "„eingab“"}},
		{name: "unknown key next to valid ones", yaml: "ausgabe: out\nausgab: out\n", want: []string{"„ausgab“"}},
		// A nested unknown section is one mistake, named once.
		{name: "unknown nested key named once", yaml: "farbe:\n  rot: 1\n  blau: 2\n", once: "„farbe“"},
		// An unknown key must not slip through because its value is empty
		// or because its name contains a dot.
		{name: "unknown key with empty map", yaml: "farbe: {}\n", want: []string{"„farbe“"}},
		{name: "unknown key with null", yaml: "farbe:\n", want: []string{"„farbe“"}},
		{name: "unknown dotted key", yaml: "eingabe.x: 1\n", want: []string{"eingabe.x"}},
		{name: "integer value", yaml: "ausgabe: 42\n", want: []string{"ausgabe", "erwartet einen Text"}},
		{name: "bool value", yaml: "ks_tabellen: true\n", want: []string{"ks_tabellen", "erwartet einen Text"}},
		{name: "list value", yaml: "eingabe: [a, b]\n", want: []string{"eingabe", "erwartet einen Text"}},
		{name: "map value", yaml: "ausgabe:\n  pfad: out\n", want: []string{"ausgabe", "erwartet einen Text"}},
		{name: "negative number", yaml: "parallel: -1\n", want: []string{"config.yaml:1:11: parallel: erwartet eine ganze Zahl ab 0, gefunden „-1“"}},
		{name: "word for a number", yaml: "parallel: viele\n", want: []string{"parallel: erwartet eine ganze Zahl ab 0"}},
		{name: "fraction for a number", yaml: "parallel: 1.5\n", want: []string{"parallel: erwartet eine ganze Zahl ab 0"}},
		{name: "hex for a number", yaml: "parallel: 0x10\n", want: []string{"parallel: erwartet eine ganze Zahl ab 0, gefunden „0x10“"}},
		{name: "word for a date", yaml: "redline_datum: morgen\n", want: []string{"config.yaml:1:16: redline_datum: erwartet ein Datum JJJJ-MM-TT, gefunden „morgen“"}},
		{name: "impossible date", yaml: "redline_datum: \"2026-13-01\"\n", want: []string{"redline_datum: erwartet ein Datum JJJJ-MM-TT"}},
		{name: "date with time", yaml: "redline_datum: 2026-12-01T10:00:00Z\n", want: []string{"redline_datum: erwartet ein Datum JJJJ-MM-TT"}},
		{name: "number for an author", yaml: "redline_autor: 12\n", want: []string{"redline_autor: erwartet einen Text, gefunden „12“"}},
		// The file is checked strictly even when a flag or variable
		// overrides the key: otherwise the same file is accepted or
		// refused depending on the environment.
		{name: "non-string value under env", yaml: "ausgabe: 42\n", env: map[string]string{"VEREINBAR_AUSGABE": "x"}, want: []string{"ausgabe", "erwartet einen Text"}},
		{name: "non-string value under flag", yaml: "ausgabe: 42\n", args: []string{"--out", "x"}, want: []string{"ausgabe", "erwartet einen Text"}},
		{name: "invalid yaml", yaml: "ausgabe: [out\n"},
		{name: "invalid yaml tab indent", yaml: "ausgabe:\n\t- out\n"},
		{name: "list at top level", yaml: "- ausgabe\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			p := filepath.Join(dir, "gibt-es-nicht.yaml")
			if !tc.missing {
				p = writeFile(t, dir, "config.yaml", tc.yaml)
			}
			c, err := config.Load(config.Options{File: p, Flags: newFlags(t, tc.args...), LookupEnv: fakeEnv(tc.env)})
			if err == nil {
				t.Fatalf("Load succeeded with %+v, want an error", c.Values())
			}
			if !errors.Is(err, config.ErrConfig) {
				t.Errorf("err = %v, want it to wrap ErrConfig", err)
			}
			msg := err.Error()
			if !strings.Contains(msg, p) {
				t.Errorf("message %q does not name the file %s", msg, p)
			}
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("message %q lacks %q", msg, w)
				}
			}
			if tc.once != "" {
				if n := strings.Count(msg, tc.once); n != 1 {
					t.Errorf("message %q names %s %d times, want once", msg, tc.once, n)
				}
			}
		})
	}
}
