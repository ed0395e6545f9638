package htmltest

import "testing"

func TestCheckRejects(t *testing.T) {
	t.Parallel()
	const head = "<!DOCTYPE html>\n<html><head><title>t</title></head><body>"
	for name, src := range map[string]string{
		"no doctype":   "<html></html>",
		"script":       head + "<script>x</script></body></html>",
		"unbalanced":   head + "<p><strong>x</p></strong></body></html>",
		"unclosed":     head + "<p>x</body></html>",
		"handler":      head + "<p onclick=\"x\">x</p></body></html>",
		"inline style": head + "<p style=\"x\">x</p></body></html>",
		"bare lt":      head + "<p>a < b</p></body></html>",
		"bare amp":     head + "<p>a & b</p></body></html>",
		"unquoted":     head + "<p class=x>x</p></body></html>",
	} {
		if _, err := Check(src); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	pg, err := Check(head + "<p>a &lt;b&gt; &amp;<br>c</p></body></html>")
	if err != nil {
		t.Fatal(err)
	}
	if pg.Text != "\na <b> &\nc\n\n" || pg.Title != "t" {
		t.Errorf("text %q, title %q", pg.Text, pg.Title)
	}
}
