package generator

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// ProjectFiles expands paths: a file is taken as it is, a directory
// contributes its *.yaml and *.yml files (not those of subdirectories, so
// fixtures/invalid is not picked up by fixtures/, and not config.yaml). The result is sorted
// and free of duplicates.
func ProjectFiles(paths []string) ([]string, error) {
	return expandPaths(paths, func(dir string) ([]string, error) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, err
		}
		var files []string
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if !e.IsDir() && (ext == ".yaml" || ext == ".yml") && !isConfigFile(e.Name()) {
				files = append(files, filepath.Join(dir, e.Name()))
			}
		}
		return files, nil
	})
}

// CheckFiles expands paths for check: a file is taken as it is, a
// directory contributes its *.yaml, *.yml, *.docx and *.pdf files (not
// those of subdirectories, and not Word's lock files "~$…"); an output
// directory of generate (one holding ManifestName) contributes those of
// its project folders too. The result is sorted and free of duplicates.
func CheckFiles(paths []string) ([]string, error) {
	return expandPaths(paths, func(dir string) ([]string, error) {
		files, sub, err := checkableIn(dir)
		if err != nil {
			return nil, err
		}
		if _, err := os.Stat(filepath.Join(dir, ManifestName)); err == nil {
			for _, d := range sub {
				more, _, err := checkableIn(d)
				if err != nil {
					return nil, err
				}
				files = append(files, more...)
			}
		}
		return files, nil
	})
}

// expandPaths takes each file of paths as it is and replaces each
// directory by the files inDir finds in it; the result is sorted and free
// of duplicates.
func expandPaths(paths []string, inDir func(dir string) ([]string, error)) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, err
		}
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		files, err := inDir(p)
		if err != nil {
			return nil, err
		}
		out = append(out, files...)
	}
	slices.Sort(out)
	return slices.Compact(out), nil
}

// checkableIn returns the checkable files of a directory and its
// subdirectories.
func checkableIn(dir string) (files, dirs []string, err error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, err
	}
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join(dir, e.Name()))
			continue
		}
		switch strings.ToLower(filepath.Ext(e.Name())) {
		case ".yaml", ".yml", ".docx", ".pdf":
			if !strings.HasPrefix(e.Name(), "~$") && !isConfigFile(e.Name()) {
				files = append(files, filepath.Join(dir, e.Name()))
			}
		}
	}
	return files, dirs, nil
}
