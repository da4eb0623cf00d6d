package api_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// The published articles are public, in each language; drafts are not listed.
func TestArticleList(t *testing.T) {
	s := newServer(t, sqliteDemo(t))
	type article struct {
		ID           int64    `json:"id"`
		Lang         string   `json:"lang"`
		Title        string   `json:"title"`
		Images       []string `json:"images"`
		Translations []struct {
			Lang string `json:"lang"`
		} `json:"translations"`
	}
	var out struct {
		Articles []article `json:"articles"`
		Total    int64     `json:"total"`
	}
	for _, lang := range []string{"en", "zh"} {
		r := s.do(t, http.MethodGet, "/api/v1/articles?lang="+lang) // no token
		if r.status != http.StatusOK {
			t.Fatalf("GET /articles?lang=%s: got %d, want 200\n%s", lang, r.status, r.body)
		}
		if err := json.Unmarshal(r.body, &out); err != nil {
			t.Fatal(err)
		}
		if out.Total != 3 || len(out.Articles) != 3 {
			t.Fatalf("lang %s: got %d articles (total %d), want the demo's 3 published", lang, len(out.Articles), out.Total)
		}
		for _, a := range out.Articles {
			if a.Lang != lang || len(a.Translations) != 1 || strings.Contains(a.Title, "draft") {
				t.Errorf("lang %s: got %+v, want a published article in %s with one translation", lang, a, lang)
			}
		}
	}
	if r := s.do(t, http.MethodGet, "/api/v1/articles?lang=en&tag=yiwu"); !strings.Contains(string(r.body), `"/news-images/`) {
		t.Errorf("the Yiwu article: got %s, want its picture's path", r.body)
	}
	if r := s.do(t, http.MethodGet, "/api/v1/articles?lang=fr"); r.status != http.StatusBadRequest {
		t.Errorf("lang=fr: got %d, want 400", r.status)
	}
	if r := s.do(t, http.MethodGet, "/api/v1/articles?limit=0"); r.status != http.StatusBadRequest {
		t.Errorf("limit=0: got %d, want 400", r.status)
	}
}
