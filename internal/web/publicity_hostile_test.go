package web_test

import (
	"encoding/xml"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"

	"golang.org/x/net/html"
)

// pubHostileTitle tries to close the page's title and head and to put its own
// heading and script before the content.
const pubHostileTitle = `</title></head><body><h1>WIN BIG CASINO</h1><script>alert(1)</script>"' onmouseover=alert(2)`

// pubHostileBody is every trick the spam in the inspiring page used, and more.
const pubHostileBody = "</main></div><header><h1>CASINO BONUS before the content</h1></header>\n\n" +
	"<script>alert('x')</script>\n\n<img src=x onerror=\"alert(1)\">\n\n<svg onload=alert(1)></svg>\n\n" +
	"[click me](javascript:alert(1)) and [again](JaVaScRiPt:alert(1)) and ![pic](javascript:alert(1))\n\n" +
	"<a href=\"https://casino.example\" style=\"display:none\">online casino</a>\n\n" +
	"<div style=\"position:absolute;left:-9999px;font-size:1px\">best casino bonus</div>\n\n" +
	"<span style=\"font-size:0\">hidden slots</span> <a href=\"jav&#x09;ascript:alert(1)\">tab</a>\n\n" +
	"<iframe src=\"https://casino.example\"></iframe><object data=\"x\"></object><style>body{display:none}</style>\n\n" +
	"<meta http-equiv=\"refresh\" content=\"0;url=https://casino.example\"><base href=\"https://evil.example/\">\n\n" +
	"<form action=\"https://evil.example\"><input name=p></form>\n\n" +
	"[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) <javascript:alert(1)>\n\n" +
	"Plain words stay: CANARY-TEXT."

// pubForbiddenTags may never come from stored content.
var pubForbiddenTags = map[string]bool{"script": true, "iframe": true, "object": true, "embed": true, "svg": true,
	"style": true, "meta": true, "base": true, "input": true, "link": true}

// pubCheckMarkup walks a document (or fragment) and reports hostile markup:
// forbidden elements (outside the layout's own head), event handlers, inline
// styles, script URLs, external links without nofollow, forms posting elsewhere.
func pubCheckMarkup(t *testing.T, what string, n *html.Node, inHead bool) {
	t.Helper()
	if n.Type == html.ElementNode {
		if n.Data == "head" {
			inHead = true
		}
		if pubForbiddenTags[n.Data] && !inHead && !(n.Data == "input" && pubOwnInput(n)) && !pubOwnStylesheet(n) {
			t.Errorf("%s: got a <%s> element from stored content", what, n.Data)
		}
		for _, a := range n.Attr {
			v := strings.ToLower(strings.Map(func(r rune) rune {
				if r <= ' ' {
					return -1
				}
				return r
			}, a.Val))
			switch {
			case strings.HasPrefix(a.Key, "on"):
				t.Errorf("%s: got event handler %s=%q on <%s>", what, a.Key, a.Val, n.Data)
			case a.Key == "style":
				t.Errorf("%s: got inline style %q on <%s>", what, a.Val, n.Data)
			case (a.Key == "href" || a.Key == "src" || a.Key == "action") &&
				(strings.HasPrefix(v, "javascript:") || strings.HasPrefix(v, "data:") || strings.HasPrefix(v, "vbscript:")):
				t.Errorf("%s: got %s=%q on <%s>", what, a.Key, a.Val, n.Data)
			case a.Key == "action" && strings.Contains(v, "evil.example"):
				t.Errorf("%s: got a form posting to %q", what, a.Val)
			case n.Data == "a" && a.Key == "href" && strings.HasPrefix(v, "http") && !pubHasAttr(n, "rel", "nofollow"):
				t.Errorf("%s: got external link %q without rel=nofollow", what, a.Val)
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		pubCheckMarkup(t, what, c, inHead)
	}
}

// pubOwnInput reports whether an input is the page's own (a search box, a hidden form field), not user content.
func pubOwnInput(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.Type == html.ElementNode && p.Data == "form" {
			for _, a := range p.Attr {
				if a.Key == "action" && strings.HasPrefix(a.Val, "/") {
					return true
				}
			}
		}
	}
	return false
}

// pubOwnStylesheet reports whether a link is one of the site's own stylesheets.
func pubOwnStylesheet(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "href" && strings.HasPrefix(a.Val, "/static/") {
			return n.Data == "link"
		}
	}
	return false
}

func pubHasAttr(n *html.Node, key, word string) bool {
	for _, a := range n.Attr {
		if a.Key == key && strings.Contains(" "+a.Val+" ", " "+word+" ") {
			return true
		}
	}
	return false
}

// pubOutsideMain returns the text of the page outside <main>: stored content must never get there.
func pubOutsideMain(n *html.Node, b *strings.Builder) {
	if n.Type == html.ElementNode && n.Data == "main" {
		return
	}
	if n.Type == html.TextNode {
		b.WriteString(n.Data)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		pubOutsideMain(c, b)
	}
}

// pubCheckPage fetches a page and checks its status, CSP and markup.
func pubCheckPage(t *testing.T, w *world, c *http.Client, path string) {
	t.Helper()
	r := w.get(t, c, path)
	if r.status != http.StatusOK {
		t.Fatalf("GET %s: got %d, want 200\n%s", path, r.status, r.body)
	}
	csp := r.header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'", "base-uri 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("GET %s: got CSP %q, want %s", path, csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") {
		t.Errorf("GET %s: CSP allows unsafe-inline: %q", path, csp)
	}
	doc, err := html.Parse(strings.NewReader(r.body))
	if err != nil {
		t.Fatal(err)
	}
	pubCheckMarkup(t, path, doc, false)
	var outside strings.Builder
	pubOutsideMain(doc, &outside)
	if s := strings.ToUpper(outside.String()); strings.Contains(s, "CASINO") || strings.Contains(s, "ALERT(") {
		t.Errorf("GET %s: stored content outside <main>: %q", path, outside.String())
	}
	if !strings.Contains(r.body, html.EscapeString(pubHostileTitle)) && !strings.Contains(path, "?") {
		t.Errorf("GET %s: the hostile title is not shown escaped", path)
	}
}

// Hostile articles, notes and answers are stored, published and fetched as
// readers fetch them: nothing of them survives as markup.
func TestPublicityHostileContentIsInert(t *testing.T) {
	w := newSQLiteWorld(t)
	ctx := t.Context()
	secretary, holder, off := pubUser(t, w, "secretariat@association.example"), pubUser(t, w, brand), pubUser(t, w, officer)

	a, err := w.svc.CreateArticle(ctx, secretary, enforce.ArticleInput{Lang: "en", Title: pubHostileTitle,
		Body: pubHostileBody, Tags: []string{"hostile"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.PublishArticle(ctx, secretary, a.ID); err != nil {
		t.Fatal(err)
	}
	n, err := w.svc.WritePracticeNote(ctx, holder, ipr.PracticeNote{Title: pubHostileTitle, Body: pubHostileBody})
	if err != nil {
		t.Fatal(err)
	}
	q, err := w.svc.AskQuestion(ctx, holder, ipr.Question{Title: pubHostileTitle, Body: pubHostileBody})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.AnswerQuestion(ctx, off, q.ID, pubHostileBody); err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.ShareQuestion(ctx, off, q.ID, true); err != nil {
		t.Fatal(err)
	}

	public, member := w.client(t), w.signIn(t, "brand@aurelia.example")
	pubCheckPage(t, w, public, "/news")
	pubCheckPage(t, w, public, "/news/"+strconv.FormatInt(a.ID, 10))
	pubCheckPage(t, w, public, "/news?tag=hostile")
	pubCheckPage(t, w, member, "/practice")
	pubCheckPage(t, w, member, "/practice/"+strconv.FormatInt(n.ID, 10))
	pubCheckPage(t, w, member, "/questions")
	pubCheckPage(t, w, member, "/questions/"+strconv.FormatInt(q.ID, 10))
	pubCheckPage(t, w, w.signIn(t, brand), "/notifications")
	page := w.get(t, public, "/news/"+strconv.FormatInt(a.ID, 10))
	if !strings.Contains(page.body, "CANARY-TEXT") {
		t.Error("the article's plain text is missing: the test would pass on an empty page")
	}

	// The feed: the title comes back as the text it was, the content as inert HTML.
	r := w.get(t, public, "/news/feed.xml?lang=en")
	var f atomFeed
	if err := xml.Unmarshal([]byte(r.body), &f); err != nil {
		t.Fatalf("feed: %v", err)
	}
	if len(f.Entries) == 0 || f.Entries[0].Title != pubHostileTitle {
		t.Fatalf("feed: got first entry %+v, want the hostile title as plain text", f.Entries)
	}
	frag, err := html.Parse(strings.NewReader(f.Entries[0].Content.Body))
	if err != nil {
		t.Fatal(err)
	}
	pubCheckMarkup(t, "feed content", frag, false)
	if !strings.Contains(f.Entries[0].Content.Body, "CANARY-TEXT") {
		t.Error("feed content: the plain text is missing")
	}
}

func pubUser(t *testing.T, w *world, email string) *ipr.User {
	t.Helper()
	var u *ipr.User
	err := w.svc.DB.View(t.Context(), func(tx *store.Tx) (err error) {
		u, _, err = tx.UserByEmail(t.Context(), email)
		return err
	})
	if err != nil {
		t.Fatalf("user %s: %v", email, err)
	}
	return u
}
