package web

import (
	"bytes"
	"html/template"

	"github.com/microcosm-cc/bluemonday"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// Published content (news, exhibits, model cases, best practice, answers) is
// Markdown written by users. goldmark drops raw HTML by default; bluemonday
// then keeps only plain formatting, so stored text can never carry script,
// event handlers, javascript: URLs, styles that hide links, or unbalanced
// tags that would spill outside the article.
var (
	markdown  = goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough))
	sanitiser = newSanitiser()
)

func newSanitiser() *bluemonday.Policy {
	p := bluemonday.UGCPolicy()
	p.AllowURLSchemes("http", "https", "mailto")
	p.RequireNoFollowOnLinks(true)
	p.AddTargetBlankToFullyQualifiedLinks(false)
	return p
}

// renderMarkdown turns user Markdown into HTML that is safe to place in a page.
func renderMarkdown(src string) template.HTML {
	var buf bytes.Buffer
	if err := markdown.Convert([]byte(src), &buf); err != nil {
		return template.HTML(template.HTMLEscapeString(src))
	}
	return template.HTML(sanitiser.SanitizeBytes(buf.Bytes())) // #nosec: sanitised above
}
