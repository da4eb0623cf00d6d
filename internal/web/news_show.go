package web

import (
	"html/template"
	"net/http"
	"slices"
	"strconv"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// newsDone are the confirmations the article page shows after an action (?done=…).
var newsDone = []string{"created", "updated", "published", "withdrawn"}

type newsShowData struct {
	*enforce.ArticleView
	Body    template.HTML // the Markdown body, rendered and sanitised
	Langs   []articleLang
	HTMLTag string // the lang attribute of the article's text
	Done    string
}

// articleLang is one entry of an article's language switch ("English | 中文版").
type articleLang struct {
	Lang    string
	Label   string
	Path    string
	Current bool
}

// articleLangLabels name each language in itself, as the switch shows it.
var articleLangLabels = map[string]string{"en": "English", "zh": "中文版"}

func newsPath(id int64) string { return "/news/" + strconv.FormatInt(id, 10) }

func htmlLang(lang string) string {
	if lang == "zh" {
		return "zh-CN"
	}
	return "en"
}

// handleNewsShow shows one article: published ones to anyone, drafts to their desk.
func (s *Server) handleNewsShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	var v *enforce.ArticleView
	if err == nil {
		v, err = s.svc.Article(r.Context(), userFrom(r), id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := newNewsShowData(v)
	if done := r.URL.Query().Get("done"); slices.Contains(newsDone, done) {
		d.Done = "news.done." + done
	}
	s.render(w, r, http.StatusOK, "news_article", s.newPage(r, "news.article.title", d))
}

func newNewsShowData(v *enforce.ArticleView) *newsShowData {
	d := &newsShowData{ArticleView: v, Body: renderMarkdown(v.Body), HTMLTag: htmlLang(v.Lang)}
	if len(v.Translations) == 0 {
		return d
	}
	refs := append([]ipr.ArticleRef{{ID: v.ID, Lang: v.Lang}}, v.Translations...)
	for _, lang := range ipr.ArticleLangs {
		for _, ref := range refs {
			if ref.Lang == lang {
				d.Langs = append(d.Langs, articleLang{Lang: htmlLang(lang), Label: articleLangLabels[lang],
					Path: newsPath(ref.ID), Current: ref.ID == v.ID})
			}
		}
	}
	return d
}

// handleNewsImage serves an article's picture, handleNewsThumb its thumbnail:
// to anyone who may read an article that shows it.
func (s *Server) handleNewsImage(w http.ResponseWriter, r *http.Request) {
	s.serveNewsImage(w, r, false)
}
func (s *Server) handleNewsThumb(w http.ResponseWriter, r *http.Request) {
	s.serveNewsImage(w, r, true)
}

func (s *Server) serveNewsImage(w http.ResponseWriter, r *http.Request, thumb bool) {
	sha := r.PathValue("sha")
	f, body, err := s.svc.OpenArticleImage(r.Context(), userFrom(r), sha, thumb)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	defer body.Close()
	// An article may be withdrawn: keep it in private caches only, and not for long.
	sendFile(w, r, f, body, thumb, "private, max-age=300")
}
