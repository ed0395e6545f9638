package generator

import (
	"fmt"
	"io"
	"os"

	"github.com/vereinbar/vereinbar/generator/data"
)

// Project is a validated project file.
type Project struct {
	Path string
	File *data.File
}

// Data returns the decoded project.
func (p *Project) Data() *data.Projekt { return &p.File.Projekt }

// LoadProject reads, decodes and validates a project file. On any mistake
// it returns data.Errors with every mistake of the file in file order.
func (g *Generator) LoadProject(path string) (*Project, error) {
	src, err := readCapped(path, data.DefaultMaxBytes)
	if err != nil {
		return nil, err
	}
	return g.ParseProject(path, src)
}

// ParseProject decodes and validates project source; name is used in
// messages.
func (g *Generator) ParseProject(name string, src []byte) (*Project, error) {
	f, err := data.Decode(name, src, data.Reference{KSJahre: g.ks.Years()})
	if err != nil {
		return nil, err
	}
	return &Project{Path: name, File: f}, nil
}

// ReadProject is LoadProject that also returns the bytes it read, so a
// caller can record exactly what a project was generated from. src is nil
// only when the file could not be read; a file that reads but does not
// validate returns its source and the validation errors.
func (g *Generator) ReadProject(path string) (p *Project, src []byte, err error) {
	src, err = readCapped(path, data.DefaultMaxBytes)
	if err != nil {
		return nil, nil, err
	}
	p, err = g.ParseProject(path, src)
	return p, src, err
}

// readCapped reads a file but refuses one larger than max bytes before
// reading it whole.
func readCapped(path string, max int64) ([]byte, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	if st, err := fh.Stat(); err == nil && st.Size() > max {
		return nil, fmt.Errorf("%s: %w: %s, höchstens %s erlaubt", path, data.ErrTooLarge, mib(st.Size()), mib(max))
	}
	src, err := io.ReadAll(io.LimitReader(fh, max+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(src)) > max {
		return nil, fmt.Errorf("%s: %w: mehr als %s", path, data.ErrTooLarge, mib(max))
	}
	return src, nil
}

// mib renders a byte count in MiB with one decimal, German style.
func mib(n int64) string {
	tenths := n * 10 / (1 << 20)
	return fmt.Sprintf("%d,%d MiB", tenths/10, tenths%10)
}
