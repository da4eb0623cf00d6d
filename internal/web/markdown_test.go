package web

import (
	"strings"
	"testing"
)

func TestRenderMarkdownKeepsFormatting(t *testing.T) {
	got := string(renderMarkdown("# Title\n\n**bold** and [a link](https://example.org/x)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"))
	for _, want := range []string{"<h1", "<strong>bold</strong>", `href="https://example.org/x"`, `rel="nofollow"`, "<table>"} {
		if !strings.Contains(got, want) {
			t.Errorf("renderMarkdown: got %q, want it to contain %q", got, want)
		}
	}
}

func TestRenderMarkdownRemovesHostileContent(t *testing.T) {
	hostile := []string{
		"<script>alert(1)</script>",
		`<img src=x onerror="alert(1)">`,
		"[click](javascript:alert(1))",
		`<a href="javascript:alert(1)">x</a>`,
		`<div style="display:none"><a href="https://casino.example">casino</a></div>`,
		`<span style="position:absolute;left:-9999px">spam</span>`,
		"</div></main><p>injected</p><main>",
		`<iframe src="https://evil.example"></iframe>`,
		`<svg onload=alert(1)>`,
		`[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
	}
	for _, src := range hostile {
		got := strings.ToLower(string(renderMarkdown(src)))
		for _, bad := range []string{"<script", "onerror", "onload", "javascript:", "style=", "<iframe", "<svg", "data:text", "</main>", "<main", "</div>", "casino.example"} {
			if strings.Contains(got, bad) {
				t.Errorf("renderMarkdown(%q) = %q: contains %q", src, got, bad)
			}
		}
	}
}
