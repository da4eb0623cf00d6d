package web_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// Static files have content-hashed URLs and so may be cached for a year.
func TestStaticFiles(t *testing.T) {
	w := newSQLiteWorld(t)
	c := w.client(t)
	page := w.get(t, c, "/login").body
	for _, tc := range []struct{ name, wantType string }{
		{"app.css", "text/css"},
		{"favicon.svg", "image/svg+xml"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			url := regexp.MustCompile(`/static/` + regexp.QuoteMeta(tc.name) + `\?v=[0-9a-f]{12}`).FindString(page)
			if url == "" {
				t.Fatalf("GET /login: got no hashed link to %s", tc.name)
			}
			r := w.get(t, c, url)
			if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), tc.wantType) || r.body == "" {
				t.Fatalf("GET %s: got %d %q (%d bytes), want 200 %s", url, r.status, r.header.Get("Content-Type"), len(r.body), tc.wantType)
			}
			if cc := r.header.Get("Cache-Control"); !strings.Contains(cc, "max-age=31536000") || !strings.Contains(cc, "immutable") {
				t.Errorf("GET %s: got Cache-Control %q, want a year, immutable", url, cc)
			}
			hash := url[strings.Index(url, "?v=")+3:]
			if etag := r.header.Get("ETag"); etag != `"`+hash+`"` {
				t.Errorf("GET %s: got ETag %q, want the content hash", url, etag)
			}
			if r := w.get(t, c, url, "If-None-Match", `"`+hash+`"`); r.status != http.StatusNotModified {
				t.Errorf("GET %s with If-None-Match: got %d, want 304", url, r.status)
			}
			// An old or missing hash must not be cached for long: the file may have changed.
			for _, stale := range []string{"/static/" + tc.name, "/static/" + tc.name + "?v=000000000000"} {
				r := w.get(t, c, stale)
				if r.status != http.StatusOK || r.header.Get("Cache-Control") != "no-cache" {
					t.Errorf("GET %s: got %d, Cache-Control %q, want 200, no-cache", stale, r.status, r.header.Get("Cache-Control"))
				}
			}
		})
	}
	if r := w.get(t, c, "/static/missing.js"); r.status != http.StatusNotFound {
		t.Errorf("GET /static/missing.js: got %d, want 404", r.status)
	}
	if r := w.get(t, c, "/favicon.ico"); r.status != http.StatusOK || r.header.Get("Content-Type") != "image/svg+xml" {
		t.Errorf("GET /favicon.ico: got %d %q, want 200 image/svg+xml", r.status, r.header.Get("Content-Type"))
	}
}

// An unknown address gets the error page in the visitor's language, with the status code.
func TestNotFound(t *testing.T) {
	w := newSQLiteWorld(t)
	for _, tc := range []struct {
		path string
		hdr  []string
		want []string
	}{
		{"/no/such/page", nil, []string{`<html lang="en">`, "Error 404", "This page does not exist."}},
		{"/no/such/page?lang=zh", nil, []string{`<html lang="zh-CN">`, "错误 404", "页面不存在。", "返回首页"}},
		{"/no/such/page", []string{"Accept-Language", "zh-CN"}, []string{`<html lang="zh-CN">`, "页面不存在。"}},
		{"/static/missing.js?lang=zh", nil, []string{"页面不存在。"}},
	} {
		r := w.get(t, w.client(t), tc.path, tc.hdr...)
		if r.status != http.StatusNotFound || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
			t.Errorf("GET %s: got %d %q, want 404 HTML", tc.path, r.status, r.header.Get("Content-Type"))
		}
		for _, want := range tc.want {
			if !strings.Contains(r.body, want) {
				t.Errorf("GET %s %v: got no %q", tc.path, tc.hdr, want)
			}
		}
	}
}
