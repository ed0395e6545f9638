// Package atomicfile writes files so that readers see either the old
// content or the complete new content, never a half-written file: data goes
// to a temporary file in the same directory, is synced, and is renamed over
// the target.
package atomicfile

import (
	"fmt"
	"os"
	"path/filepath"
)

// TempPattern is the name pattern of temporary files; a crash may leave one
// behind, and cleaners can recognise it.
const TempPattern = ".vereinbar-*.tmp"

// WriteFile writes data to path atomically with permissions perm. Missing
// parent directories are created.
func WriteFile(path string, data []byte, perm os.FileMode) (err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, TempPattern)
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
