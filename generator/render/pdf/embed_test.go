package pdf

import (
	"bytes"
	"compress/zlib"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/vereinbar/vereinbar/generator/internal/testtool"
	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

func dumpOf(t testing.TB, d *model.Document) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := model.Dump(&b, d); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestEmbeddedModel renders documents and reads the model back: it must
// be exactly model.Dump, qpdf must accept the file and list the
// attachment by name, and the information entry must hold its SHA-256.
func TestEmbeddedModel(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		doc     *model.Document
		unicode bool
	}{
		{"sample2", modeltest.Sample(2), false},
		{"sample16 unicode", modeltest.Sample(16), true},
		{"slide", modeltest.Slide(), false},
		{"slide unicode", modeltest.Slide(), true},
		{"empty", doc(), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			raw := renderBytes(t, tt.doc, tt.unicode)
			want := dumpOf(t, tt.doc)
			got, err := ReadEmbeddedModel(raw)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Fatalf("eingebettetes Modell\n%s\nerwartet\n%s", got, want)
			}
			path := filepath.Join(t.TempDir(), "doc.pdf")
			if err := os.WriteFile(path, raw, 0o644); err != nil {
				t.Fatal(err)
			}
			testtool.Run(t, "qpdf", "--check", path)
			if out := testtool.Run(t, "qpdf", "--list-attachments", path); !strings.HasPrefix(out, ModelAttachment+" -> ") {
				t.Errorf("qpdf --list-attachments:\n%s", out)
			}
			sum := sha256.Sum256(want)
			verbose := testtool.Run(t, "qpdf", "--list-attachments", "--verbose", path)
			for _, line := range []string{
				"description: Dokumentmodell (model.Dump), SHA-256 " + hex.EncodeToString(sum[:]),
				"/UF -> " + ModelAttachment,
				"mime type: text/plain",
				fmt.Sprintf("checksum: %x", md5.Sum(want)),
			} {
				if !strings.Contains(verbose, "  "+line+"\n") {
					t.Errorf("qpdf --list-attachments --verbose ohne %q:\n%s", line, verbose)
				}
			}
			if info := testtool.Run(t, "pdfinfo", "-custom", path); !strings.Contains(info, ModelHashKey+":"+hex.EncodeToString(sum[:])) {
				t.Errorf("pdfinfo -custom zeigt den SHA-256 nicht:\n%s", info)
			}
			// poppler extracts the same bytes.
			out := filepath.Join(t.TempDir(), "modell.txt")
			testtool.Run(t, "pdfdetach", "-save", "1", "-o", out, path)
			if b, err := os.ReadFile(out); err != nil || !bytes.Equal(b, want) {
				t.Errorf("pdfdetach liefert andere Bytes (%v)", err)
			}
		})
	}
}

// TestReadEmbeddedModelAfterRewrite reads the model from files that qpdf
// rewrote: with object streams, uncompressed with indirect lengths (QDF),
// and with an incremental update that replaces the attachment.
func TestReadEmbeddedModelAfterRewrite(t *testing.T) {
	t.Parallel()
	d := modeltest.Slide()
	want := dumpOf(t, d)
	src := writePDF(t, d, false)
	for _, args := range [][]string{
		{"--object-streams=generate"},
		{"--object-streams=disable"},
		{"--qdf"},
		{"--linearize"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			t.Parallel()
			out := filepath.Join(t.TempDir(), "out.pdf")
			testtool.Run(t, "qpdf", append(args, src, out)...)
			raw, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ReadEmbeddedModel(raw)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Error("anderes Modell nach dem Umschreiben")
			}
		})
	}
	t.Run("incremental update", func(t *testing.T) {
		t.Parallel()
		raw := renderBytes(t, d, false)
		other := []byte("document kind=\"anders\"\n")
		upd := appendUpdate(t, raw, other)
		got, err := ReadEmbeddedModel(upd)
		// The update replaces the attachment but not the hash.
		if !errors.Is(err, ErrBadModel) || !strings.Contains(err.Error(), "SHA-256") {
			t.Fatalf("err = %v, got %q; want ErrBadModel for the hash", err, got)
		}
	})
}

// appendUpdate appends a new embedded file stream and file specification
// for ModelAttachment, as an incremental update would (without a new
// cross-reference section, which the reader does not need).
func appendUpdate(t *testing.T, pdf, content []byte) []byte {
	t.Helper()
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(content)
	zw.Close()
	var b bytes.Buffer
	b.Write(pdf)
	fmt.Fprintf(&b, "900 0 obj\n<< /Type /EmbeddedFile /Length %d /Filter /FlateDecode >>\nstream\n", z.Len())
	b.Write(z.Bytes())
	fmt.Fprintf(&b, "\nendstream\nendobj\n901 0 obj\n<< /Type /Filespec /F (%s) /EF << /F 900 0 R >> >>\nendobj\n", ModelAttachment)
	return b.Bytes()
}

func TestReadEmbeddedModelErrors(t *testing.T) {
	t.Parallel()
	raw := renderBytes(t, modeltest.Sample(2), false)
	want := dumpOf(t, modeltest.Sample(2))
	sum := sha256.Sum256(want)
	hash := []byte(hex.EncodeToString(sum[:]))
	replace := func(old, new []byte) []byte {
		if !bytes.Contains(raw, old) {
			t.Fatalf("%q nicht in der PDF-Datei", old)
		}
		return bytes.Replace(bytes.Clone(raw), old, new, 1)
	}
	// The compressed dump: the stream of the embedded file.
	streamAt := bytes.Index(raw, []byte("/Type /EmbeddedFile"))
	streamAt += bytes.Index(raw[streamAt:], []byte("stream\n")) + len("stream\n")
	corrupt := bytes.Clone(raw)
	corrupt[streamAt+10] ^= 0xff
	efRef := regexp.MustCompile(`/EF << /F [0-9]+ 0 R >>`).Find(raw)
	if efRef == nil {
		t.Fatal("keine Dateiangabe mit /EF in der PDF-Datei")
	}
	renamed := replace([]byte("/F ("+ModelAttachment+")"), []byte("/F (anderes-modell.txt)"))
	uf := fmt.Appendf(nil, "/UF <%X>", utf16BE(ModelAttachment))
	if !bytes.Contains(renamed, uf) {
		t.Fatalf("%s nicht in der PDF-Datei", uf)
	}
	renamed = bytes.Replace(renamed, uf, fmt.Appendf(nil, "/UF <%X>", utf16BE("anderes-modell.txt")), 1)

	tests := []struct {
		name string
		pdf  []byte
		want error
		msg  string
	}{
		{"empty", nil, ErrNoModel, ModelAttachment},
		{"not a PDF", []byte("Hallo"), ErrNoModel, ""},
		{"other attachment name", renamed, ErrNoModel, ""},
		{"hash differs", replace(hash, bytes.Repeat([]byte("0"), 64)), ErrBadModel, "SHA-256"},
		{"stream corrupt", corrupt, ErrBadModel, ""},
		{"truncated in the stream", raw[:streamAt+20], ErrNoModel, ""},
		{"unsupported filter", replace([]byte("/Filter /FlateDecode /Params"), []byte("/Filter /LZWDecode /Params")), ErrBadModel, "LZWDecode"},
		{"size differs", replace([]byte("/Size "+fmt.Sprint(len(want))), []byte("/Size 1")), ErrBadModel, "/Size nennt 1"},
		{"missing stream", replace(efRef, []byte("/EF << /F 7777 0 R >>")), ErrBadModel, "7777 0 R"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got, err := ReadEmbeddedModel(tt.pdf)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v (%d Bytes), want %v", err, len(got), tt.want)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("Fehler %q nennt %q nicht", err, tt.msg)
			}
		})
	}
}

// TestReadEmbeddedModelBomb checks the size limit with a stream that
// inflates beyond MaxModelSize.
func TestReadEmbeddedModelBomb(t *testing.T) {
	t.Parallel()
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, zlib.BestCompression)
	chunk := make([]byte, 1<<20)
	for range MaxModelSize>>20 + 1 {
		zw.Write(chunk)
	}
	zw.Close()
	var b bytes.Buffer
	fmt.Fprintf(&b, "%%PDF-1.4\n1 0 obj\n<< /Length %d /Filter /FlateDecode >>\nstream\n", z.Len())
	b.Write(z.Bytes())
	fmt.Fprintf(&b, "\nendstream\nendobj\n2 0 obj\n<< /Type /Filespec /UF <FEFF%X> /EF << /F 1 0 R >> >>\nendobj\n", utf16BE(ModelAttachment)[2:])
	_, err := ReadEmbeddedModel(b.Bytes())
	if !errors.Is(err, ErrBadModel) || !strings.Contains(err.Error(), "entpackt mehr als") {
		t.Fatalf("err = %v, want ErrBadModel for the size", err)
	}
}

// TestLexer covers the PDF syntax the reader understands.
func TestLexer(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want string // fmt %v of the value
	}{
		{`<< /A 1 /B -2.5 /C (x\(y\)\\ \101\n) /D <4142 4> /E [1 0 R /N true null] /F 12 0 R >>`,
			`map[A:1 B:-2.5 C:[120 40 121 41 92 32 65 10] D:[65 66 64] E:[{1 0} N true <nil>] F:{12 0}]`},
		{"(a\\\nb (nested) c)", `[97 98 32 40 110 101 115 116 101 100 41 32 99]`},
		{"% comment\n/Name#20x", `Name#20x`},
		{"[1 2 R]", `[{1 2}]`},
	}
	for _, tt := range tests {
		l := lexer{b: []byte(tt.in)}
		v, err := l.value(0)
		if err != nil {
			t.Errorf("%q: %v", tt.in, err)
			continue
		}
		if got := fmt.Sprintf("%v", v); got != tt.want {
			t.Errorf("%q = %s, want %s", tt.in, got, tt.want)
		}
	}
	for _, bad := range []string{"", "(offen", "<< /A", "<zz>", "[1 2", "<< 1 2 >>", "keyword", strings.Repeat("[", maxDepth+2)} {
		l := lexer{b: []byte(bad)}
		if v, err := l.value(0); err == nil {
			t.Errorf("%q: %v, want an error", bad, v)
		}
	}
}
