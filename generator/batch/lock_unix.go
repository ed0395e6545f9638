//go:build unix

package batch

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// tryLock tries once to take the lock file at path with flock(2). It
// returns the open file when this process holds the lock, nil and no error
// when another holds it, and errLockMoved when the lock was taken on a
// file that its previous holder removed meanwhile.
func tryLock(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|unix.O_NOFOLLOW, 0o644)
	if err != nil {
		return nil, err
	}
	rc, err := f.SyscallConn()
	if err == nil {
		cerr := rc.Control(func(fd uintptr) {
			err = unix.Flock(int(fd), unix.LOCK_EX|unix.LOCK_NB)
		})
		if err == nil {
			err = cerr
		}
	}
	switch {
	case errors.Is(err, unix.EWOULDBLOCK):
		f.Close()
		return nil, nil
	case err != nil:
		f.Close()
		return nil, err
	case !sameFile(f, path):
		f.Close()
		return nil, errLockMoved
	}
	return f, nil
}
