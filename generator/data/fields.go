package data

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
)

// fieldInfo is what the decoder needs to know about one struct field. It is
// read from the same `yaml` and `jsonschema` tags the schema is reflected
// from, so decoder and schema cannot disagree.
type fieldInfo struct {
	index       int
	name        string
	required    bool
	enum        []string
	pattern     *regexp.Regexp
	patternHint string
	min, max    *int64
	minItems    int
	minLength   int
	maxLength   int
}

func (fi fieldInfo) rangeText() string {
	lo, hi := "…", "…"
	if fi.min != nil {
		lo = strconv.FormatInt(*fi.min, 10)
	}
	if fi.max != nil {
		hi = strconv.FormatInt(*fi.max, 10)
	}
	return lo + " bis " + hi
}

type fieldSet struct {
	names  []string // in declaration order
	byName map[string]fieldInfo
}

// patternHints explains the few patterns used in tags in words.
var patternHints = map[string]string{
	`^[a-z0-9]+(-[a-z0-9]+)*$`: "Kleinbuchstaben, Ziffern und einzelne Bindestriche (z. B. „wohngeld-sh“)",
}

func structFields(t reflect.Type) fieldSet {
	fs := fieldSet{byName: map[string]fieldInfo{}}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		fi := fieldInfo{index: i, name: name}
		for _, part := range strings.Split(f.Tag.Get("jsonschema"), ",") {
			key, val, _ := strings.Cut(part, "=")
			switch key {
			case "required":
				fi.required = true
			case "enum":
				fi.enum = append(fi.enum, val)
			case "pattern":
				fi.pattern = regexp.MustCompile(val)
				fi.patternHint = patternHints[val]
				if fi.patternHint == "" {
					fi.patternHint = val
				}
			case "minimum":
				fi.min = parseBound(val)
			case "maximum":
				fi.max = parseBound(val)
			case "minItems":
				fi.minItems = atoi(val)
			case "minLength":
				fi.minLength = atoi(val)
			case "maxLength":
				fi.maxLength = atoi(val)
			}
		}
		fs.names = append(fs.names, name)
		fs.byName[name] = fi
	}
	return fs
}

func parseBound(s string) *int64 {
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		panic(fmt.Sprintf("data: bad bound %q in struct tag", s)) // programming error, caught by tests
	}
	return &v
}

func atoi(s string) int {
	v, err := strconv.Atoi(s)
	if err != nil {
		panic(fmt.Sprintf("data: bad number %q in struct tag", s)) // programming error, caught by tests
	}
	return v
}
