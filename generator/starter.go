package generator

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/vereinbar/vereinbar/generator/refdata"
	"github.com/vereinbar/vereinbar/templates"
)

// Forms are the contract forms a starter file can be made for.
var Forms = []string{"ring", "stern", "fit-store"}

// Starter returns a commented starter project file for a contract form.
// Every field a project lead must decide holds a "TODO" placeholder that
// validation reports until it is filled. today fixes the date of status
// and the first contract year; file is named in the comments.
func Starter(form, file string, today time.Time) ([]byte, error) {
	known := false
	for _, f := range Forms {
		known = known || f == form
	}
	if !known {
		return nil, fmt.Errorf("unbekannte Vertragsform „%s“ (erlaubt: %s)", form, strings.Join(Forms, ", "))
	}
	t, err := template.New("vorhaben.yaml.tmpl").Option("missingkey=error").ParseFS(templates.FS, "starter/vorhaben.yaml.tmpl")
	if err != nil {
		return nil, err
	}
	next := today.Year() + 1
	years := []string{strconv.Itoa(next), strconv.Itoa(next + 1), strconv.Itoa(next + 2)}
	var b bytes.Buffer
	err = t.Execute(&b, map[string]any{
		"Form":         form,
		"File":         file,
		"Stand":        today.Format(time.DateOnly),
		"Beginn":       time.Date(next, 1, 1, 0, 0, 0, 0, time.UTC).Format(time.DateOnly),
		"Jahre":        strings.Join(years, ", "),
		"Themenfelder": refdata.Themenfelder(),
	})
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
