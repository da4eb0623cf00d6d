package web

import (
	"context"
	"net/http"
	"strconv"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
)

// newsFormData is the article form, kept as typed so a refused form comes back as it was.
type newsFormData struct {
	ID            int64 // 0 for a new article
	Lang          string
	TranslationOf int64
	Title         string
	Body          string
	Tags          string
	Images        []string // pictures kept
	Errs          fieldErrors
}

// Action is where the form posts.
func (d *newsFormData) Action() string {
	if d.ID != 0 {
		return newsPath(d.ID) + "/edit"
	}
	return "/news/new"
}

// Langs are the choices of the language field.
func (d *newsFormData) Langs() []articleLang {
	var out []articleLang
	for _, l := range ipr.ArticleLangs {
		out = append(out, articleLang{Lang: l, Label: articleLangLabels[l], Current: l == d.Lang})
	}
	return out
}

// handleNewsNew shows the form for a new article; ?translation_of=ID starts the
// other language's version, with the original's pictures and tags.
func (s *Server) handleNewsNew(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	if err := ipr.Authorize(user, ipr.ActionWriteArticle, ipr.Anything); err != nil {
		s.renderError(w, r, err)
		return
	}
	d := &newsFormData{Lang: langFrom(r)}
	if v := r.URL.Query().Get("translation_of"); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		var base *enforce.ArticleView
		if err == nil {
			base, err = s.svc.Article(r.Context(), user, id)
		}
		if err != nil {
			s.renderError(w, r, ipr.Errorf(ipr.ENOTFOUND, "the article to translate was not found"))
			return
		}
		d.TranslationOf, d.Images = base.ID, base.Images
		d.Lang = "zh"
		if base.Lang == "zh" {
			d.Lang = "en"
		}
	}
	s.renderNewsForm(w, r, d, nil)
}

// handleNewsCreate stores a new draft and shows it.
func (s *Server) handleNewsCreate(w http.ResponseWriter, r *http.Request) {
	d, in, closeFiles, err := s.readNewsForm(w, r)
	defer closeFiles()
	if err != nil {
		s.renderNewsForm(w, r, d, err)
		return
	}
	in.Lang, in.TranslationOf = d.Lang, d.TranslationOf
	v, err := s.svc.CreateArticle(r.Context(), userFrom(r), in)
	if err != nil {
		s.renderNewsForm(w, r, d, err)
		return
	}
	http.Redirect(w, r, newsPath(v.ID)+"?done=created", http.StatusSeeOther)
}

// handleNewsEdit shows a draft's form.
func (s *Server) handleNewsEdit(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	var v *enforce.ArticleView
	if err == nil {
		v, err = s.svc.Article(r.Context(), userFrom(r), id)
	}
	if err == nil && !v.CanEdit {
		err = ipr.Authorize(userFrom(r), ipr.ActionWriteArticle, v.Resource())
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := &newsFormData{ID: v.ID, Lang: v.Lang, Title: v.Title, Body: v.Body, Images: v.Images}
	for i, t := range v.Tags {
		if i > 0 {
			d.Tags += ", "
		}
		d.Tags += t
	}
	s.renderNewsForm(w, r, d, nil)
}

// handleNewsUpdate saves a changed draft.
func (s *Server) handleNewsUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r, "id")
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d, in, closeFiles, err := s.readNewsForm(w, r)
	defer closeFiles()
	d.ID = id
	if err == nil {
		_, err = s.svc.UpdateArticle(r.Context(), userFrom(r), id, in)
	}
	if err != nil {
		s.renderNewsForm(w, r, d, err)
		return
	}
	http.Redirect(w, r, newsPath(id)+"?done=updated", http.StatusSeeOther)
}

// readNewsForm reads the posted article form with its new pictures.
func (s *Server) readNewsForm(w http.ResponseWriter, r *http.Request) (*newsFormData, enforce.ArticleInput, func(), error) {
	d := &newsFormData{}
	if err := readUploadForm(w, r, "images"); err != nil {
		return d, enforce.ArticleInput{}, func() {}, err
	}
	d.Lang, d.Title, d.Body, d.Tags = formValue(r, "lang"), r.PostFormValue("title"), r.PostFormValue("body"), r.PostFormValue("tags")
	d.Images = r.PostForm["keep"]
	if v := formValue(r, "translation_of"); v != "" {
		d.TranslationOf, _ = strconv.ParseInt(v, 10, 64)
	}
	uploads, closeFiles, err := formUploads(r, "images")
	in := enforce.ArticleInput{Title: d.Title, Body: d.Body, Tags: splitTags(d.Tags), Images: d.Images, Uploads: uploads}
	return d, in, closeFiles, err
}

// renderNewsForm shows the form; with an error about the input, again with the
// problems marked. Other errors get the error page.
func (s *Server) renderNewsForm(w http.ResponseWriter, r *http.Request, d *newsFormData, err error) {
	if err != nil && ipr.ErrorCode(err) != ipr.EINVALID {
		s.renderError(w, r, err)
		return
	}
	title := "news.new.title"
	if d.ID != 0 {
		title = "news.edit.title"
	}
	p := s.newPage(r, title, d)
	status := http.StatusOK
	if err != nil {
		p.Error, p.Fields, status = p.L.T("news.form.invalid"), ipr.ErrorFields(err), http.StatusBadRequest
	}
	d.Errs = fieldErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "news_form", p)
}

// handleNewsPublish puts a draft out; handleNewsWithdraw takes it back.
func (s *Server) handleNewsPublish(w http.ResponseWriter, r *http.Request) {
	s.setNewsStatus(w, r, s.svc.PublishArticle, "published")
}

func (s *Server) handleNewsWithdraw(w http.ResponseWriter, r *http.Request) {
	s.setNewsStatus(w, r, s.svc.WithdrawArticle, "withdrawn")
}

func (s *Server) setNewsStatus(w http.ResponseWriter, r *http.Request,
	change func(context.Context, *ipr.User, int64) (*enforce.ArticleView, error), done string) {
	id, err := pathID(r, "id")
	if err == nil {
		err = readForm(w, r)
	}
	if err == nil {
		_, err = change(r.Context(), userFrom(r), id)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, newsPath(id)+"?done="+done, http.StatusSeeOther)
}
