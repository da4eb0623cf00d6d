package web_test

import (
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"bordermark/internal/enforce"
)

func TestSecurityHeaders(t *testing.T) {
	w := newSQLiteWorld(t)
	c := w.signIn(t, supervisor)
	for _, path := range []string{"/", "/login", "/audit", "/orgs", "/no/such/page", "/static/app.css"} {
		r := w.get(t, c, path)
		csp := r.header.Get("Content-Security-Policy")
		for _, want := range []string{"script-src 'self'", "default-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("GET %s: got CSP %q, want it to contain %s", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") {
			t.Errorf("GET %s: got CSP %q, want no unsafe-inline or unsafe-eval", path, csp)
		}
		for name, want := range map[string]string{"X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY"} {
			if got := r.header.Get(name); got != want {
				t.Errorf("GET %s: got %s %q, want %q", path, name, got, want)
			}
		}
	}
}

// The CSP forbids inline code, so the templates must not need any.
func TestTemplatesHaveNoInlineCode(t *testing.T) {
	files, err := filepath.Glob("templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("templates: got %v, %v", files, err)
	}
	inline := map[string]*regexp.Regexp{
		"<style> element":  regexp.MustCompile(`(?i)<style\b`),
		"style= attribute": regexp.MustCompile(`(?i)\sstyle\s*=`),
		"on…= handler":     regexp.MustCompile(`(?i)\son[a-z]+\s*=`),
		"javascript: URL":  regexp.MustCompile(`(?i)javascript:`),
	}
	scriptTag := regexp.MustCompile(`(?i)<script\b[^>]*>`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for what, re := range inline {
			if loc := re.FindIndex(b); loc != nil {
				t.Errorf("%s: got %s at %q", f, what, b[loc[0]:min(len(b), loc[1]+20)])
			}
		}
		for _, tag := range scriptTag.FindAll(b, -1) {
			if !strings.Contains(strings.ToLower(string(tag)), "src=") {
				t.Errorf("%s: got inline script %q, want only <script src=…>", f, tag)
			}
		}
	}
}

// Go's CrossOriginProtection refuses state-changing requests that a browser says come from another site.
func TestCrossOriginRefused(t *testing.T) {
	w := newSQLiteWorld(t)
	host := strings.TrimPrefix(w.srv.URL, "http://")
	empty := url.Values{"email": {""}, "password": {""}} // fails validation cheaply when let through
	for _, tc := range []struct {
		name       string
		hdr        []string
		wantStatus int
	}{
		{"cross-site fetch", []string{"Sec-Fetch-Site", "cross-site"}, http.StatusForbidden},
		{"same-site fetch", []string{"Sec-Fetch-Site", "same-site"}, http.StatusForbidden},
		{"other origin", []string{"Origin", "http://evil.example"}, http.StatusForbidden},
		{"same-origin fetch", []string{"Sec-Fetch-Site", "same-origin"}, http.StatusBadRequest},
		{"typed by the user", []string{"Sec-Fetch-Site", "none"}, http.StatusBadRequest},
		{"same origin", []string{"Origin", "http://" + host}, http.StatusBadRequest},
		{"no browser headers", nil, http.StatusBadRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := w.do(t, w.client(t), http.MethodPost, "/login", empty, tc.hdr...)
			if r.status != tc.wantStatus {
				t.Errorf("POST /login with %v: got %d, want %d", tc.hdr, r.status, tc.wantStatus)
			}
			if tc.wantStatus == http.StatusForbidden && !strings.Contains(r.body, "came from another site") {
				t.Errorf("POST /login with %v: got no explanation on the 403 page", tc.hdr)
			}
		})
	}

	// The refusal is in the visitor's language.
	r := w.do(t, w.client(t), http.MethodPost, "/login", empty, "Sec-Fetch-Site", "cross-site", "Cookie", "bm_lang=zh")
	if r.status != http.StatusForbidden || !strings.Contains(r.body, "该请求来自其他网站，已被拒绝。") {
		t.Errorf("cross-site POST /login in Chinese: got %d, want 403 with the Chinese explanation", r.status)
	}
	if ck := r.cookie("bm_lang"); ck != nil {
		t.Errorf("cross-site POST /login: got cookie %v, want nothing remembered", ck)
	}

	// A forged sign-out leaves the session alone.
	c := w.signIn(t, supervisor)
	if r := w.do(t, c, http.MethodPost, "/logout", url.Values{}, "Sec-Fetch-Site", "cross-site"); r.status != http.StatusForbidden {
		t.Errorf("cross-site POST /logout: got %d, want 403", r.status)
	}
	if r := w.get(t, c, "/audit"); r.status != http.StatusOK {
		t.Errorf("GET /audit after a refused sign-out: got %d, want 200 (still signed in)", r.status)
	}
	// Safe methods are not refused: links from other sites must work.
	if r := w.get(t, c, "/", "Sec-Fetch-Site", "cross-site"); r.status != http.StatusOK {
		t.Errorf("cross-site GET /: got %d, want 200", r.status)
	}
}

// What the user typed is shown back escaped, never as markup.
func TestReflectedInputEscaped(t *testing.T) {
	w := newSQLiteWorld(t)
	evil := `"><script>alert(1)</script>`
	c := w.signIn(t, supervisor)
	pages := map[string]reply{
		"audit filter": w.get(t, c, "/audit?actor="+url.QueryEscape(evil)),
		"login next":   w.get(t, w.client(t), "/login?next="+url.QueryEscape(evil)),
		"login e-mail": w.login(t, w.client(t), evil, enforce.DemoPassword),
		"404 path":     w.get(t, w.client(t), "/"+url.PathEscape(evil)),
	}
	for name, r := range pages {
		if strings.Contains(r.body, "<script>") {
			t.Errorf("%s: got an unescaped <script> in the page", name)
		}
	}
}

// The language link of a page stays on this site whatever the path asked for.
func TestLanguageLinkStaysLocal(t *testing.T) {
	w := newSQLiteWorld(t)
	c := w.client(t)
	for _, tc := range []struct{ path, want string }{
		{"/%2Fevil.example", `href="/%2Fevil.example?lang=zh"`},
		{"/%2F%2Fevil.example", `href="/%2F%2Fevil.example?lang=zh"`},
		{"/a%3Fb", `href="/a%3Fb?lang=zh"`},
		{"/nothing?x=1", `href="/nothing?lang=zh&amp;x=1"`},
	} {
		r := w.get(t, c, tc.path)
		if !strings.Contains(r.body, tc.want) {
			m := regexp.MustCompile(`href="[^"]*lang=zh[^"]*"`).FindString(r.body)
			t.Errorf("GET %s: got language link %s, want %s", tc.path, m, tc.want)
		}
	}
}
