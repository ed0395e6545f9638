// Package templates holds vereinbar's built-in templates, embedded into the
// binary. The go:embed directive must live in this directory.
package templates

import "embed"

// FS holds every built-in template under its path relative to templates/.
//
//go:embed starter
var FS embed.FS
