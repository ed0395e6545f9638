package markdown

import (
	"bytes"
	"errors"
	"testing"

	"github.com/vereinbar/vereinbar/generator/model"
	"github.com/vereinbar/vereinbar/generator/model/modeltest"
)

// TestRedlineRefused: Markdown has no mark for tracked changes; printing
// deleted text as settled would be wrong, so a redline is an error.
func TestRedlineRefused(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	if err := Render(&buf, modeltest.Redline()); !errors.Is(err, model.ErrTrackedChange) {
		t.Fatalf("err = %v, want ErrTrackedChange", err)
	}
	if buf.Len() != 0 {
		t.Errorf("wrote %d bytes", buf.Len())
	}
}
