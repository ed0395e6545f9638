// Package templates holds vereinbar's built-in templates, embedded into the
// binary. The go:embed directive must live in this directory. See
// README.md here for the markup the document templates emit.
package templates

import "embed"

// FS holds every built-in template under its path relative to templates/:
// every *.tmpl file one or two directories down, so the template of a new
// document kind (templates/<kind>/…) is embedded without touching this
// file.
//
//go:embed */*.tmpl */*/*.tmpl
var FS embed.FS
