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

// EditZipEntry returns the zip archive data (a DOCX) with the entry name
// passed through edit; the other entries are copied as they are, in
// their order.
func EditZipEntry(t testing.TB, data []byte, name string, edit func(string) string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("zip: %v", err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatalf("zip: %v", err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatalf("zip: %s: %v", f.Name, err)
		}
		if f.Name == name {
			b = []byte(edit(string(b)))
		}
		w, err := zw.Create(f.Name)
		if err != nil {
			t.Fatalf("zip: %v", err)
		}
		if _, err := w.Write(b); err != nil {
			t.Fatalf("zip: %v", err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatalf("zip: %v", err)
	}
	return out.Bytes()
}
