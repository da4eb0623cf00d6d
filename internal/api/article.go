package api

import (
	"net/http"
	"time"

	"bordermark/internal/ipr"
)

// articleJSON is a published news article (schema Article in openapi.json).
// The body is the Markdown as written: clients render it with an HTML
// sanitiser, as the web pages do.
type articleJSON struct {
	ID           int64                `json:"id"`
	Lang         string               `json:"lang"`
	Title        string               `json:"title"`
	Body         string               `json:"body_markdown"`
	Tags         []string             `json:"tags"`
	Images       []string             `json:"images"` // URLs of the pictures, under the web pages
	Org          string               `json:"org"`
	PublishedAt  time.Time            `json:"published_at"`
	Translations []articleTranslation `json:"translations"`
}

type articleTranslation struct {
	ID   int64  `json:"id"`
	Lang string `json:"lang"`
}

type articleListJSON struct {
	Articles []articleJSON `json:"articles"`
	Total    int64         `json:"total"`
}

// handleArticleList lists the published articles in one language, newest
// first. It is public, as the media room is: no token is needed.
func (a *API) handleArticleList(w http.ResponseWriter, r *http.Request) {
	c := newQueryChecker(r.URL.Query(), "lang", "tag", "limit", "offset")
	f := ipr.ArticleFilter{Lang: c.text("lang"), Tag: c.text("tag"), Limit: c.number("limit", 1, 100, 20),
		Offset: c.number("offset", 0, 1<<30, 0)}
	if f.Lang == "" {
		f.Lang = "en"
	}
	if err := c.err(); err != nil {
		a.fail(w, r, err)
		return
	}
	page, err := a.svc.PublishedArticles(r.Context(), nil, f)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := articleListJSON{Articles: []articleJSON{}, Total: page.Total}
	for _, v := range page.Articles {
		j := articleJSON{ID: v.ID, Lang: v.Lang, Title: v.Title, Body: v.Body, Tags: orEmpty(v.Tags), Images: []string{},
			Org: v.OrgName, PublishedAt: v.PublishedAt, Translations: []articleTranslation{}}
		for _, sha := range v.Images {
			j.Images = append(j.Images, "/news-images/"+sha)
		}
		for _, t := range v.Translations {
			j.Translations = append(j.Translations, articleTranslation{ID: t.ID, Lang: t.Lang})
		}
		out.Articles = append(out.Articles, j)
	}
	writeJSON(w, http.StatusOK, out)
}
