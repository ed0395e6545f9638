package atomicfile

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteFileReplacesAndLeavesNoTemp(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "a", "b.txt")
	for _, content := range []string{"erste Fassung", "zweite"} {
		if err := WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != content {
			t.Fatalf("got %q, %v; want %q", got, err, content)
		}
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Fatalf("directory holds %d entries, want only the target", len(entries))
	}
}

func TestWriteFileFailureLeavesTargetUntouched(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	target := filepath.Join(dir, "x")
	// A directory at the target path makes the final rename fail.
	if err := os.Mkdir(target, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(target, []byte("data"), 0o644); err == nil {
		t.Fatal("want an error when the target is a directory")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || !entries[0].IsDir() {
		t.Fatalf("temporary file left behind: %v", entries)
	}
}

// TestRemoveTemps removes only regular files named like its temporary
// files, directly in the directory.
func TestRemoveTemps(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	temps := []string{".vereinbar-123.tmp", ".vereinbar-123-alt.tmp"}
	keep := []string{"vereinbar-1.tmp", ".vereinbar-1.txt", "vereinbarung.pdf", ".vereinbar.lock", filepath.Join("sub", ".vereinbar-9.tmp")}
	for _, name := range append(temps, keep...) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, ".vereinbar-7.tmp"), 0o755); err != nil {
		t.Fatal(err)
	}
	keep = append(keep, ".vereinbar-7.tmp")
	if err := os.Symlink("vereinbarung.pdf", filepath.Join(dir, ".vereinbar-8.tmp")); err != nil {
		t.Fatal(err)
	}
	keep = append(keep, ".vereinbar-8.tmp")
	n, err := RemoveTemps(OS{}, dir)
	if err != nil || n != len(temps) {
		t.Fatalf("RemoveTemps = %d, %v; want %d", n, err, len(temps))
	}
	for _, name := range temps {
		if _, err := os.Lstat(filepath.Join(dir, name)); !os.IsNotExist(err) {
			t.Errorf("%s: %v", name, err)
		}
	}
	for _, name := range keep {
		if _, err := os.Lstat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	if n, err := RemoveTemps(OS{}, filepath.Join(dir, "fehlt")); n != 0 || err != nil {
		t.Errorf("missing directory: %d, %v", n, err)
	}
}
