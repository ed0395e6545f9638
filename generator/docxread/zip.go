package docxread

import (
	"archive/zip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
)

// pkg is an opened DOCX package whose directory passed the limits.
type pkg struct {
	o       Options
	entries []*zip.File          // in archive order
	files   map[string]*zip.File // by name; names read are unique
	dup     map[string]bool      // names that occur more than once
	read    int64                // uncompressed bytes read so far
}

// openPackage checks the archive's directory against the limits before
// archive/zip allocates anything per entry.
func openPackage(r io.ReaderAt, size int64, o Options) (*pkg, error) {
	if size > o.MaxFileSize {
		return nil, fmt.Errorf("%w: Datei mit %s, höchstens %s erlaubt", ErrLimit, mib(size), mib(o.MaxFileSize))
	}
	if size < 22 {
		return nil, fmt.Errorf("%w: zu kurz für ein ZIP-Archiv", ErrNotDocx)
	}
	n, err := countEntries(r, size)
	if err != nil {
		return nil, err
	}
	if n > uint64(o.MaxEntries) {
		return nil, fmt.Errorf("%w: %d ZIP-Einträge, höchstens %d erlaubt", ErrLimit, n, o.MaxEntries)
	}
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrNotDocx, err)
	}
	if len(zr.File) > o.MaxEntries {
		return nil, fmt.Errorf("%w: %d ZIP-Einträge, höchstens %d erlaubt", ErrLimit, len(zr.File), o.MaxEntries)
	}
	p := &pkg{o: o, entries: zr.File, files: map[string]*zip.File{}, dup: map[string]bool{}}
	var total uint64
	for _, f := range zr.File {
		declared := f.UncompressedSize64
		if declared > uint64(o.MaxEntrySize) {
			return nil, fmt.Errorf("%w: Eintrag %q entpackt %s, höchstens %s erlaubt", ErrLimit, f.Name, mib(int64(min(declared, 1<<62))), mib(o.MaxEntrySize))
		}
		total += declared
		if total > uint64(o.MaxTotalSize) {
			return nil, fmt.Errorf("%w: alle Einträge zusammen entpackt mehr als %s", ErrLimit, mib(o.MaxTotalSize))
		}
		if declared > ratioFloor && declared > uint64(o.MaxRatio)*max(f.CompressedSize64, 1) {
			return nil, fmt.Errorf("%w: Eintrag %q ist %d-fach komprimiert, höchstens %d-fach erlaubt (ZIP-Bombe?)", ErrLimit, f.Name, declared/max(f.CompressedSize64, 1), o.MaxRatio)
		}
		name := strings.TrimPrefix(f.Name, "/")
		if _, seen := p.files[name]; seen {
			p.dup[name] = true
		}
		p.files[name] = f
	}
	return p, nil
}

// countEntries reads the entry count from the end of central directory
// record (or its zip64 form), without trusting anything else.
func countEntries(r io.ReaderAt, size int64) (uint64, error) {
	const eocdLen, maxComment = 22, 65535
	tail := min(size, eocdLen+maxComment)
	buf := make([]byte, tail)
	if _, err := r.ReadAt(buf, size-tail); err != nil && !errors.Is(err, io.EOF) {
		return 0, fmt.Errorf("%w: %v", ErrNotDocx, err)
	}
	at := -1
	for i := len(buf) - eocdLen; i >= 0; i-- {
		if binary.LittleEndian.Uint32(buf[i:]) == 0x06054b50 {
			at = i
			break
		}
	}
	if at < 0 {
		return 0, fmt.Errorf("%w: kein ZIP-Archiv (Verzeichnisende fehlt)", ErrNotDocx)
	}
	n := uint64(binary.LittleEndian.Uint16(buf[at+10:]))
	if n != 0xffff {
		return n, nil
	}
	// zip64: the locator sits just before the record.
	locAt := size - tail + int64(at) - 20
	if locAt < 0 {
		return 0, fmt.Errorf("%w: ZIP64-Verzeichnis fehlt", ErrNotDocx)
	}
	loc := make([]byte, 20)
	if _, err := r.ReadAt(loc, locAt); err != nil || binary.LittleEndian.Uint32(loc) != 0x07064b50 {
		return 0, fmt.Errorf("%w: ZIP64-Verzeichnis fehlt", ErrNotDocx)
	}
	off := binary.LittleEndian.Uint64(loc[8:])
	if size < 56 || off > uint64(size)-56 {
		return 0, fmt.Errorf("%w: ZIP64-Verzeichnis außerhalb der Datei", ErrNotDocx)
	}
	rec := make([]byte, 56)
	if _, err := r.ReadAt(rec, int64(off)); err != nil || binary.LittleEndian.Uint32(rec) != 0x06064b50 {
		return 0, fmt.Errorf("%w: ZIP64-Verzeichnis fehlerhaft", ErrNotDocx)
	}
	return binary.LittleEndian.Uint64(rec[32:]), nil
}

// open returns a reader of the entry name, or nil if there is none. The
// reader enforces the size and ratio limits on the bytes actually
// inflated, whatever the headers claim.
func (p *pkg) open(name string) (io.ReadCloser, error) {
	f, ok := p.files[name]
	if !ok {
		return nil, nil
	}
	if p.dup[name] {
		return nil, fmt.Errorf("%w: Eintrag %q kommt mehrfach vor", ErrNotDocx, name)
	}
	return p.openEntry(f)
}

// openEntry returns a reader of entry f that enforces the limits.
func (p *pkg) openEntry(f *zip.File) (io.ReadCloser, error) {
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %v", ErrNotDocx, f.Name, err)
	}
	return &limitedEntry{rc: rc, p: p, name: f.Name, compressed: f.CompressedSize64}, nil
}

// limitedEntry counts inflated bytes and fails once a limit is passed.
type limitedEntry struct {
	rc         io.ReadCloser
	p          *pkg
	name       string
	n          int64
	compressed uint64
}

func (l *limitedEntry) Read(b []byte) (int, error) {
	n, err := l.rc.Read(b)
	l.n += int64(n)
	l.p.read += int64(n)
	o := l.p.o
	switch {
	case l.n > o.MaxEntrySize:
		return n, fmt.Errorf("%w: Eintrag %q entpackt mehr als %s", ErrLimit, l.name, mib(o.MaxEntrySize))
	case l.p.read > o.MaxTotalSize:
		return n, fmt.Errorf("%w: gelesene Einträge entpacken mehr als %s", ErrLimit, mib(o.MaxTotalSize))
	case l.n > ratioFloor && uint64(l.n) > uint64(o.MaxRatio)*max(l.compressed, 1):
		return n, fmt.Errorf("%w: Eintrag %q ist mehr als %d-fach komprimiert (ZIP-Bombe?)", ErrLimit, l.name, o.MaxRatio)
	}
	return n, err
}

func (l *limitedEntry) Close() error { return l.rc.Close() }

// resolve turns a relationship target into a part name.
func resolve(base, target string) string {
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join(path.Dir(base), target)), "/")
}

func mib(n int64) string {
	tenths := n * 10 / (1 << 20)
	return fmt.Sprintf("%d,%d MiB", tenths/10, tenths%10)
}
