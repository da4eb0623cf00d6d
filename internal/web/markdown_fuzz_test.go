package web

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzRenderMarkdown feeds arbitrary text to the renderer of published
// content and parses what comes out as a browser would: no element that runs
// or embeds anything, no event handler, no style, and no link or source that
// is not http(s), mailto or relative may come through.
func FuzzRenderMarkdown(f *testing.F) {
	for _, seed := range []string{
		"# Title\n\n**bold** [link](https://example.org)", "<script>alert(1)</script>", "[x](javascript:alert(1))",
		"<img src=x onerror=alert(1)>", "<a href=\"jav&#x09;ascript:alert(1)\">x</a>", "![p](data:image/svg+xml;base64,PHN2Zz4=)",
		"<div style=\"display:none\"><a href=\"https://spam.example\">spam</a></div>", "</main><p>injected", "<svg><script>1</script></svg>",
		"<iframe src=https://evil.example></iframe>", "[x](  JaVaScRiPt:alert(1))", "<<script>script>alert(1)<</script>/script>",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src string) {
		out := string(renderMarkdown(src))
		z := html.NewTokenizer(strings.NewReader(out))
		for {
			tt := z.Next()
			if tt == html.ErrorToken {
				return
			}
			if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
				continue
			}
			tok := z.Token()
			switch tok.Data {
			case "script", "iframe", "object", "embed", "style", "svg", "math", "form", "input", "base", "meta", "link":
				t.Fatalf("renderMarkdown(%q) = %q: a <%s> element", src, out, tok.Data)
			}
			for _, a := range tok.Attr {
				key, val := strings.ToLower(a.Key), strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(key, "on") || key == "style" || key == "srcdoc" {
					t.Fatalf("renderMarkdown(%q) = %q: attribute %s", src, out, a.Key)
				}
				if (key == "href" || key == "src") && strings.Contains(val, ":") && !safeScheme(val) {
					t.Fatalf("renderMarkdown(%q) = %q: %s=%q", src, out, a.Key, a.Val)
				}
			}
		}
	})
}

// safeScheme reports whether a URL with a colon has a scheme the sanitiser
// allows, or is relative (its colon comes after a slash, ? or #).
func safeScheme(u string) bool {
	scheme, _, _ := strings.Cut(u, ":")
	switch scheme {
	case "http", "https", "mailto":
		return true
	}
	return strings.ContainsAny(scheme, "/?#")
}
