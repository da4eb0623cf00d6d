package web

import (
	"net/http"
	"net/url"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

type newsListData struct {
	Articles []*enforce.ArticleView
	Total    int64
	Tag      string
	Tags     []ipr.TagCount
	Pager    pager
	CanWrite bool
	Desk     bool // the writers' list, drafts included
}

// TagURL is the public list of one tag's articles.
func (d *newsListData) TagURL(tag string) string { return "/news?tag=" + url.QueryEscape(tag) }

// handleNewsList is the public media room: published articles in the page's
// language, newest first, by tag and page. No sign-in is needed.
func (s *Server) handleNewsList(w http.ResponseWriter, r *http.Request) {
	user, q := userFrom(r), r.URL.Query()
	p := ipr.Problems{}
	pageNo := pageNumber(q, p)
	data := &newsListData{Tag: strings.TrimSpace(q.Get("tag")), CanWrite: ipr.Can(user, ipr.ActionWriteArticle, ipr.Anything)}
	f := ipr.ArticleFilter{Lang: langFrom(r), Tag: data.Tag, Limit: publicityPageSize, Offset: (pageNo - 1) * publicityPageSize}
	err := p.Err("the filter is not valid")
	var page *enforce.ArticlePage
	if err == nil {
		page, err = s.svc.PublishedArticles(r.Context(), user, f)
	}
	if err == nil {
		data.Tags, err = s.svc.ArticleTags(r.Context(), f.Lang)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data.Articles, data.Total = page.Articles, page.Total
	data.Pager = newPager("/news", q, []string{"tag"}, pageNo, page.Total)
	s.render(w, r, http.StatusOK, "news", s.newPage(r, "news.list.title", data))
}

// handleNewsDesk lists the articles of the writer's side, drafts first to hand.
func (s *Server) handleNewsDesk(w http.ResponseWriter, r *http.Request) {
	user, q := userFrom(r), r.URL.Query()
	p := ipr.Problems{}
	pageNo := pageNumber(q, p)
	err := p.Err("the filter is not valid")
	var page *enforce.ArticlePage
	if err == nil {
		page, err = s.svc.DeskArticles(r.Context(), user, ipr.ArticleFilter{Limit: publicityPageSize,
			Offset: (pageNo - 1) * publicityPageSize})
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	data := &newsListData{Articles: page.Articles, Total: page.Total, CanWrite: true, Desk: true,
		Pager: newPager("/news/desk", q, nil, pageNo, page.Total)}
	s.render(w, r, http.StatusOK, "news_desk", s.newPage(r, "news.desk.title", data))
}
