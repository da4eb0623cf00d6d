package web

import (
	"encoding/xml"
	"net/http"
	"strconv"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// The media room's Atom feed (RFC 4287), one per language: /news/feed.xml?lang=zh.
// Titles are plain text; the content is the sanitised HTML of the article page.

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang    string      `xml:"http://www.w3.org/XML/1998/namespace lang,attr"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomPerson  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href     string `xml:"href,attr"`
	Rel      string `xml:"rel,attr,omitempty"`
	Type     string `xml:"type,attr,omitempty"`
	Hreflang string `xml:"hreflang,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

type atomEntry struct {
	Title      atomText       `xml:"title"`
	ID         string         `xml:"id"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published"`
	Links      []atomLink     `xml:"link"`
	Author     atomPerson     `xml:"author"`
	Categories []atomCategory `xml:"category"`
	Content    atomText       `xml:"content"`
}

// feedSize is how many of the newest articles the feed carries.
const feedSize = 20

// handleNewsFeed serves the Atom feed of the published articles in one language.
func (s *Server) handleNewsFeed(w http.ResponseWriter, r *http.Request) {
	lang := r.URL.Query().Get("lang")
	if lang == "" {
		lang = langFrom(r)
	}
	page, err := s.svc.PublishedArticles(r.Context(), userFrom(r), ipr.ArticleFilter{Lang: lang, Limit: feedSize})
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	out, err := xml.MarshalIndent(s.atomFeed(r, lang, page.Articles), "", "  ")
	if err != nil {
		s.renderError(w, r, ipr.Internal(err))
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=300")
	w.Write([]byte(xml.Header))
	w.Write(out)
}

func (s *Server) atomFeed(r *http.Request, lang string, list []*enforce.ArticleView) *atomFeed {
	base := siteBase(r)
	l := s.catalogs[lang]
	updated := time.Unix(0, 0).UTC()
	if len(list) > 0 {
		updated = list[0].Date()
	}
	feed := &atomFeed{Lang: htmlLang(lang), Title: l.T("news.feed.title"), ID: base + "/news/feed.xml?lang=" + lang,
		Updated: updated.Format(time.RFC3339), Author: atomPerson{Name: "Bordermark"},
		Links: []atomLink{{Href: base + "/news/feed.xml?lang=" + lang, Rel: "self", Type: "application/atom+xml"},
			{Href: base + "/news?lang=" + lang, Rel: "alternate", Type: "text/html"}}}
	for _, a := range list {
		e := atomEntry{Title: atomText{Type: "text", Body: a.Title},
			ID:      "tag:bordermark,2026:article/" + strconv.FormatInt(a.ID, 10),
			Updated: a.UpdatedAt.Format(time.RFC3339), Published: a.Date().Format(time.RFC3339),
			Links:   []atomLink{{Href: base + newsPath(a.ID), Rel: "alternate", Type: "text/html", Hreflang: a.Lang}},
			Author:  atomPerson{Name: a.OrgName},
			Content: atomText{Type: "html", Body: string(renderMarkdown(a.Body))}}
		for _, t := range a.Translations {
			e.Links = append(e.Links, atomLink{Href: base + newsPath(t.ID), Rel: "alternate", Type: "text/html", Hreflang: t.Lang})
		}
		for _, t := range a.Tags {
			e.Categories = append(e.Categories, atomCategory{Term: t})
		}
		feed.Entries = append(feed.Entries, e)
	}
	return feed
}

// siteBase is the scheme and host the request came to, for the feed's absolute links.
func siteBase(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}
