//go:build !unix

package batch

import (
	"errors"
	"os"
)

// tryLock tries once to create the lock file at path. Without flock(2) a
// lock file left by a run that ended without releasing it cannot be told
// from a held one: it holds the directory until it is deleted by hand.
func tryLock(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return nil, nil
	}
	return f, err
}
