package web_test

import (
	"bytes"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"

	"golang.org/x/net/html"
)

// hostile is stored content that tries to run script, carry hidden (spam)
// links or put text before the page's own content, as was once done to the
// page this product was inspired by.
var hostile = []string{
	`<script>alert("title")</script>`,
	`<img src=x onerror="alert(1)">`,
	`<svg onload=alert(1)>`,
	`[click me](javascript:alert(1))`,
	`<a href="javascript:alert(1)">x</a>`,
	`<div style="display:none"><a href="https://casino.example/win">best casino</a></div>`,
	`<span style="position:absolute;left:-9999px"><a href="https://casino.example">spam</a></span>`,
	`<a href="https://casino.example" hidden>hidden</a>`,
	"</article></div></main><p>INJECTED casino text</p><main>",
	`<iframe src="https://casino.example"></iframe>`,
	`<body onload=alert(1)>`,
	`[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
}

// liveMarkup returns the markup in page that hostile content could have put
// there: script-capable elements, event handlers, styles and hidden attributes,
// and links or sources to javascript:, data: or the spammer's site. Text,
// escaped, is not markup and is allowed.
func liveMarkup(page string) []string {
	var found []string
	z := html.NewTokenizer(strings.NewReader(page))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return found
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			switch tok.Data {
			case "script", "iframe", "svg", "object", "embed", "style":
				found = append(found, "<"+tok.Data+">")
			}
			for _, a := range tok.Attr {
				v := strings.ToLower(strings.TrimSpace(a.Val))
				switch {
				case strings.HasPrefix(a.Key, "on"), a.Key == "style", a.Key == "hidden":
					found = append(found, tok.Data+" "+a.Key)
				case (a.Key == "href" || a.Key == "src") && (strings.HasPrefix(v, "javascript:") ||
					strings.HasPrefix(v, "data:") || strings.Contains(v, "casino.example")):
					found = append(found, tok.Data+" "+a.Key+"="+v)
				}
			}
		}
	}
}

func TestHostileExhibitsAndModelCasesAreInert(t *testing.T) {
	w := newSQLiteWorld(t)
	ctx := t.Context()
	users := map[string]*ipr.User{}
	err := w.svc.DB.View(ctx, func(tx *store.Tx) error {
		for _, email := range []string{brand, officer, supervisor} {
			u, _, err := tx.UserByEmail(ctx, email)
			if err != nil {
				return err
			}
			users[email] = u
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	all := strings.Join(hostile, "\n\n")
	in := enforce.ExhibitInput{RightID: catProduct(t, w, "DEMO-NORTHWIND").RightID,
		Title: hostile[0] + hostile[8], TitleZH: hostile[1], Body: all,
		GenuinePhoto: &enforce.Upload{Field: "genuine_photo", Name: `"><script>.png`, Body: bytes.NewReader(pngPicture(t, 3))},
		FakePhoto:    &enforce.Upload{Field: "fake_photo", Name: "f.png", Body: bytes.NewReader(pngPicture(t, 4))}}
	for _, h := range hostile {
		in.Points = append(in.Points, ipr.ExhibitPoint{Text: h})
	}
	e, err := w.svc.CreateExhibit(ctx, users[brand], in)
	if err == nil {
		e, err = w.svc.SubmitExhibit(ctx, users[brand], e.ID, e.Version)
	}
	if err == nil {
		e, err = w.svc.ReviewExhibit(ctx, users[officer], e.ID, e.Version, true, "")
	}
	if err != nil {
		t.Fatal(err)
	}
	caseID := closedCaseWithConsignee(t, w, "Casino Holdings Ltd")
	m, err := w.svc.PublishModelCase(ctx, users[supervisor], caseID, ipr.ModelCaseInput{
		Title: hostile[0] + " model", Summary: all, Lessons: all, Reveal: ipr.ModelCaseFields})
	if err != nil {
		t.Fatal(err)
	}

	anon := w.client(t)
	exhibit, model := "/exhibition/"+strconv.FormatInt(e.ID, 10), "/model-cases/"+strconv.FormatInt(m.ID, 10)
	for _, path := range []string{"/exhibition", exhibit, exhibit + "?lang=zh", exhibit + "/label", "/model-cases",
		model, "/model-cases?q=script"} {
		r := w.get(t, anon, path)
		if r.status != http.StatusOK {
			t.Errorf("%s: got status %d, want 200", path, r.status)
			continue
		}
		if got := r.header.Get("Content-Security-Policy"); !strings.Contains(got, "script-src 'self'") ||
			!strings.Contains(got, "default-src 'self'") || strings.Contains(got, "unsafe-inline") {
			t.Errorf("%s: got CSP %q, want the strict policy", path, got)
		}
		if live := liveMarkup(r.body); len(live) > 0 {
			t.Errorf("%s: stored content survived as markup: %q", path, live)
		}
		body := strings.ToLower(r.body) // a hidden link's words may remain as plain, visible text; never as a link
		// Injected text may show as text, but never before the page's own content
		// or outside its main element: one <main>, closed once, after the header.
		if strings.Count(body, "<main") != 1 || strings.Count(body, "</main>") != 1 ||
			strings.Index(body, "injected") >= 0 && strings.Index(body, "injected") < strings.Index(body, "<main") {
			t.Errorf("%s: the page's structure was changed by stored content", path)
		}
		if i := strings.Index(body, "injected"); i >= 0 && i > strings.Index(body, "</main>") {
			t.Errorf("%s: stored text escaped the main element", path)
		}
	}
	if r := w.get(t, anon, exhibit+"?lang=en"); !strings.Contains(r.body, "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;") {
		t.Errorf("the hostile title should show as text, escaped:\n%s", r.body)
	}
}
