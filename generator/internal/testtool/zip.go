package testtool

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"testing"
)

// ZipEntry returns the content of the entry name in the zip archive data
// (a DOCX, an ODT) or stops the test.
func ZipEntry(t testing.TB, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("zip: %v", err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatalf("zip: %v", err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatalf("zip: %s: %v", name, err)
	}
	return b
}

// ZipFileEntry is ZipEntry for the archive at path.
func ZipFileEntry(t testing.TB, path, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return ZipEntry(t, data, name)
}
