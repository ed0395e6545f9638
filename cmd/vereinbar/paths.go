package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/vereinbar/vereinbar/generator"
	"github.com/vereinbar/vereinbar/generator/config"
)

// A path the user gives that cannot be used is named in German with what
// to do, before a lower layer says "stat x: no such file or directory".
// Errors that still come from below are translated by pathProblem where
// they carry a *fs.PathError.

// pathProblem says in German why path cannot be used, from the error of
// os.Stat, opening, creating or renaming it.
func pathProblem(path string, err error) string {
	q := "„" + path + "“"
	switch {
	case errors.Is(err, syscall.ENOTDIR):
		if f := fileAncestor(path); f != "" && f != path {
			return "„" + f + "“ ist kein Verzeichnis (im Pfad " + q + ")"
		}
		return q + " ist kein Verzeichnis"
	case errors.Is(err, fs.ErrNotExist):
		return q + " gibt es nicht" + lookedIn(path)
	}
	return q + ": " + reason(err)
}

// reason says in German why a file operation failed.
func reason(err error) string {
	switch {
	case errors.Is(err, syscall.ENOTDIR):
		return "ein Teil des Pfads ist kein Verzeichnis"
	case errors.Is(err, fs.ErrNotExist):
		return "das Verzeichnis fehlt oder nimmt keine Dateien an"
	case errors.Is(err, syscall.EISDIR):
		return "ist ein Verzeichnis"
	case errors.Is(err, fs.ErrExist):
		return "gibt es schon"
	case errors.Is(err, fs.ErrPermission):
		return "keine Berechtigung"
	case errors.Is(err, syscall.ENOSPC):
		return "kein Platz mehr auf dem Datenträger"
	case errors.Is(err, syscall.EROFS):
		return "schreibgeschütztes Dateisystem"
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "Name zu lang"
	}
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return fmt.Sprintf("Fehler %d des Betriebssystems", uintptr(errno))
	}
	return err.Error()
}

// cannotWrite says in German why target cannot be written or created.
func cannotWrite(target string, err error) string {
	if errors.Is(err, syscall.ENOTDIR) {
		if f := fileAncestor(target); f != "" {
			return "„" + f + "“ ist kein Verzeichnis"
		}
	}
	return reason(err)
}

// fileAncestor returns the nearest existing part of path, if it is a file
// where a directory should be ("datei" for "datei/x.yaml").
func fileAncestor(path string) string {
	for p := filepath.Clean(path); ; p = filepath.Dir(p) {
		if st, err := os.Stat(p); err == nil {
			if st.IsDir() {
				return ""
			}
			return p
		}
		if filepath.Dir(p) == p {
			return ""
		}
	}
}

// lookedIn names the working directory for a relative path: a user in the
// wrong directory sees why the path is not found.
func lookedIn(path string) string {
	if filepath.IsAbs(path) {
		return ""
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	return " (gesucht in " + wd + ")"
}

// explainPathErrors is err's message with Go's file errors in it
// ("open x: no such file or directory") said in German.
func explainPathErrors(err error) string {
	msg := err.Error()
	var pe *fs.PathError
	if errors.As(err, &pe) {
		msg = strings.Replace(msg, pe.Error(), pathProblem(pe.Path, pe.Err), 1)
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		msg = strings.Replace(msg, le.Error(), pathProblem(le.New, le.Err), 1)
	}
	return msg
}

// inputs describes the path arguments of a command for messages.
type inputs struct {
	command string // "generate"
	what    string // what a path may be: "eine Projektdatei (*.yaml) oder ein Verzeichnis"
	hint    string // what to do besides checking the path ("" = nothing)
}

// check names the first path that does not exist. fromConfig is set when
// the paths are the setting eingabe, not arguments.
// resolve checks the path arguments of a command that reads project
// files; without any it takes the setting „eingabe“ (and checks that).
func (in inputs) resolve(args []string, cfg *config.Config) ([]string, error) {
	if err := in.check(args, cfg, false); err != nil {
		return nil, err
	}
	if len(args) > 0 {
		return args, nil
	}
	args = []string{cfg.Get("eingabe")}
	if err := in.check(args, cfg, true); err != nil {
		return nil, err
	}
	return args, nil
}

// projectFiles expands resolved paths to the project files they name and
// refuses none.
func projectFiles(args []string) ([]string, error) {
	files, err := generator.ProjectFiles(args)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("keine Projektdateien in %s", strings.Join(args, ", "))
	}
	return files, nil
}

func (in inputs) check(paths []string, cfg *config.Config, fromConfig bool) error {
	for _, p := range paths {
		_, err := os.Stat(p)
		if err == nil {
			continue
		}
		msg := pathProblem(p, err)
		if fromConfig {
			return fmt.Errorf("%s: ohne PFAD nimmt „vereinbar %s“ die Einstellung eingabe (%s). Pfade angeben („vereinbar %s PFAD…“) oder eingabe in config.yaml setzen",
				msg, in.command, settingOrigin(cfg, "eingabe"), in.command)
		}
		msg += ". Pfad prüfen: erwartet " + in.what
		if in.hint != "" {
			msg += "; " + in.hint
		}
		return errors.New(msg)
	}
	return nil
}

// initHint is what to do when a project file is missing.
const initHint = "eine neue Projektdatei legt „vereinbar init DATEI“ an"

// settingOrigin says where a setting's value came from: "--templates",
// "VEREINBAR_VORLAGEN", "Einstellung vorlagen in config.yaml" or
// "Standard".
func settingOrigin(cfg *config.Config, key string) string {
	for _, v := range cfg.Values() {
		if v.Key != key {
			continue
		}
		switch v.Source {
		case config.FromFlag, config.FromEnv:
			return v.Origin
		case config.FromFile:
			return "Einstellung " + key + " in " + v.Origin
		}
		return "Standard"
	}
	return key
}

// checkSettingDirs checks the directories of the settings ks_tabellen and
// vorlagen, if given: each must exist and be a directory.
func checkSettingDirs(cfg *config.Config) error {
	for _, d := range []struct{ key, what, without string }{
		{"ks_tabellen", "Verzeichnis mit Tabellen des Königsteiner Schlüssels", "die eingebauten Tabellen"},
		{"vorlagen", "Verzeichnis mit eigenen Vorlagen", "die eingebauten Vorlagen"},
	} {
		dir := cfg.Get(d.key)
		if dir == "" {
			continue
		}
		st, err := os.Stat(dir)
		var msg string
		switch {
		case err != nil:
			msg = pathProblem(dir, err)
		case !st.IsDir():
			msg = "„" + dir + "“ ist kein Verzeichnis"
		default:
			continue
		}
		return fmt.Errorf("%s (%s): %s. Pfad prüfen oder die Angabe weglassen: dann gelten %s", d.what, settingOrigin(cfg, d.key), msg, d.without)
	}
	return nil
}

// checkConfigFile checks the file --config names.
func checkConfigFile(file string) error {
	if file == "" {
		return nil
	}
	st, err := os.Stat(file)
	var msg string
	switch {
	case err != nil:
		msg = pathProblem(file, err)
	case st.IsDir():
		msg = "„" + file + "“ ist ein Verzeichnis"
	default:
		return nil
	}
	return fmt.Errorf("Konfigurationsdatei (--config): %s. Pfad prüfen oder --config weglassen: dann gilt ./%s, falls vorhanden", msg, config.DefaultFile)
}
