package server

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vereinbar/vereinbar/generator/config"
	"github.com/vereinbar/vereinbar/generator/data"
)

// Project files are the files named *.yaml or *.yml directly in the
// folder, except the configuration file (config.yaml). A name is checked
// before anything touches the disk: no separator, no "..", no leading
// dot, no control, format (bidi) or other invisible character; then the file, once symbolic links are
// resolved, must still lie directly in the folder and bear a project
// file name itself.

// validName reports why name is no project file name ("" when it is one).
func validName(name string) string {
	switch {
	case name == "" || !utf8.ValidString(name):
		return "kein gültiger Dateiname"
	case len(name) > 200:
		return "Dateiname zu lang"
	case strings.ContainsAny(name, `/\:`) || strings.Contains(name, ".."):
		return "Dateiname mit Pfadangabe"
	case strings.HasPrefix(name, "."), strings.HasPrefix(name, "-"), strings.HasPrefix(name, "~"):
		return "Dateiname darf nicht mit „.“, „-“ oder „~“ beginnen"
	case name == config.DefaultFile:
		return "die Konfigurationsdatei ist keine Projektdatei"
	}
	for _, r := range name {
		if invisible(r) {
			return "Dateiname mit Steuer- oder unsichtbarem Zeichen"
		}
	}
	if ext := strings.ToLower(filepath.Ext(name)); ext != ".yaml" && ext != ".yml" {
		return "nur Projektdateien (*.yaml, *.yml)"
	}
	return ""
}

// invisible reports a character that must not be in a file name shown to
// the user: control characters (Cc), format characters (Cf: the
// right-to-left override U+202E, zero-width spaces and joiners, the soft
// hyphen), line and paragraph separators, private-use and surrogate code
// points, other default-ignorable ones (U+115F, U+3164 …), and spaces
// other than the plain space (a no-break space looks like one). Such a
// name would show another name than the file has.
func invisible(r rune) bool {
	return r == unicode.ReplacementChar ||
		unicode.In(r, unicode.Cc, unicode.Cf, unicode.Co, unicode.Cs, unicode.Zl, unicode.Zp,
			unicode.Bidi_Control, unicode.Other_Default_Ignorable_Code_Point, unicode.Variation_Selector) ||
		unicode.Is(unicode.Zs, r) && r != ' '
}

// newName reports why name may not be the name of a NEW project file
// ("" when it may): besides validName, the part before ".yaml" or ".yml"
// holds letters of the Latin script (Umlaute and ß included), the digits
// 0–9, hyphens and underscores only, and begins with a letter or digit:
// no spaces, no further dots ("x.yaml.yaml"), no look-alike letters of
// other scripts. The hint of the list page ("Neu") says the same. Files
// already in the folder are opened under any name validName admits.
func newName(name string) string {
	if why := validName(name); why != "" {
		return why
	}
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	if stem == "" {
		return "Dateiname ohne Namen vor der Endung"
	}
	for i, r := range stem {
		switch {
		case unicode.IsLetter(r) && unicode.Is(unicode.Latin, r), r >= '0' && r <= '9':
		case (r == '-' || r == '_') && i > 0:
		default:
			return fmt.Sprintf("„%s“ ist im Dateinamen nicht erlaubt (nur Buchstaben, Ziffern, Binde- und Unterstriche)", string(r))
		}
	}
	return ""
}

// projectPath resolves the file name of a request to the file in the
// folder, symbolic links resolved: 404 for a name that is no project file
// name or a file that does not exist, 403 for a link that leads out of
// the folder, to a file whose own name is no project file name
// (config.yaml, notiz.txt) or to something other than a regular file.
func (s *Server) projectPath(name string) (string, error) {
	if why := validName(name); why != "" {
		return "", fail(http.StatusNotFound, fmt.Sprintf("„%s“: %s.", name, why))
	}
	p := filepath.Join(s.dir, name)
	real, err := filepath.EvalSymlinks(p)
	if errors.Is(err, fs.ErrNotExist) {
		return "", fail(http.StatusNotFound, fmt.Sprintf("Die Projektdatei „%s“ gibt es im Verzeichnis nicht.", name))
	}
	if err != nil {
		return "", err
	}
	if filepath.Dir(real) != s.dir {
		return "", fail(http.StatusForbidden, fmt.Sprintf("„%s“ verweist aus dem Verzeichnis hinaus und wird nicht geöffnet.", name))
	}
	// A link inside the folder must lead to a project file too: else a
	// link "x.yaml" -> "config.yaml" (or -> "notiz.txt") would let the
	// editor read and overwrite a file that is none.
	if base := filepath.Base(real); base != name && validName(base) != "" {
		return "", fail(http.StatusForbidden, fmt.Sprintf("„%s“ verweist auf „%s“, keine Projektdatei, und wird nicht geöffnet.", name, base))
	}
	st, err := os.Stat(real)
	if err != nil {
		return "", err
	}
	if !st.Mode().IsRegular() {
		return "", fail(http.StatusForbidden, fmt.Sprintf("„%s“ ist keine reguläre Datei.", name))
	}
	return real, nil
}

// readProject reads a project file of the folder with its version.
func (s *Server) readProject(name string) (path string, src []byte, version string, err error) {
	path, err = s.projectPath(name)
	if err != nil {
		return "", nil, "", err
	}
	// Opened through os.Root as well: a link swapped in after the check
	// above still cannot lead out of the folder.
	root, err := os.OpenRoot(s.dir)
	if err != nil {
		return "", nil, "", err
	}
	defer root.Close()
	fh, err := root.Open(filepath.Base(path))
	if err != nil {
		return "", nil, "", fail(http.StatusForbidden, fmt.Sprintf("„%s“ lässt sich im Verzeichnis nicht öffnen.", name))
	}
	defer fh.Close()
	src, err = io.ReadAll(io.LimitReader(fh, data.DefaultMaxBytes+1))
	if err != nil {
		return "", nil, "", err
	}
	if len(src) > data.DefaultMaxBytes {
		return "", nil, "", fail(http.StatusUnprocessableEntity, fmt.Sprintf("„%s“ ist zu groß für den Editor.", name))
	}
	return path, src, versionOf(src), nil
}

// version identifies the bytes of a file: their SHA-256, hex.
func versionOf(src []byte) string {
	h := sha256.Sum256(src)
	return hex.EncodeToString(h[:])
}

// createNew writes a new file at path with data, whole or not at all, and
// never replaces a file that appeared meanwhile: the data goes to a
// temporary file in the folder, which is then linked to path (a link
// fails when path exists) and removed.
func createNew(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".vereinbar-neu-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644)
	}
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	return os.Link(tmp.Name(), path)
}
