package pdf

import (
	"bytes"
	"errors"
	"testing"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

// TestRedlineRefused: a redline is DOCX only; the PDF renderer refuses
// tracked changes instead of printing deleted text as settled.
func TestRedlineRefused(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := renderer(t).Render(&buf, modeltest.Redline(), Options{}); !errors.Is(err, model.ErrTrackedChange) {
		t.Fatalf("err = %v, want ErrTrackedChange", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes", buf.Len())
	}
}
