// Package templates holds vereinbar's built-in templates, embedded into the
// binary. The go:embed directive must live in this directory. See
// README.md here for the markup the document templates emit.
package templates

import "embed"

// FS holds every built-in template under its path relative to templates/.
//
//go:embed starter vereinbarung abruf beschreibung steckbrief
var FS embed.FS
