package enforce

import (
	"context"
	"fmt"
	"os"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// ArticleView is an article as one viewer may see it: the translations it may
// read, and what it may do.
type ArticleView struct {
	*ipr.Article
	CanEdit      bool
	CanPublish   bool
	CanTranslate bool // write the missing language's version
}

// ArticlePage is one page of articles and how many match in all.
type ArticlePage struct {
	Articles []*ArticleView
	Total    int64
}

// ArticleInput is what a writer sends: the article's text, the pictures it keeps
// (SHA-256s) and new pictures to upload. TranslationOf links a new article to
// the article it translates.
type ArticleInput struct {
	Lang          string
	Title         string
	Body          string
	Tags          []string
	Images        []string
	Uploads       []Upload
	TranslationOf int64
}

// CreateArticle stores a new draft written by the association or customs.
func (s *Service) CreateArticle(ctx context.Context, actor *ipr.User, in ArticleInput) (*ArticleView, error) {
	if err := ipr.Authorize(actor, ipr.ActionWriteArticle, ipr.Anything); err != nil {
		return nil, err
	}
	a := &ipr.Article{Lang: in.Lang, Title: in.Title, Body: in.Body, Tags: in.Tags, Images: append([]string(nil), in.Images...),
		OrgID: actor.OrgID, OrgKind: actor.OrgKind, CreatedBy: actor.ID}
	files, err := s.checkArticle(actor, a, in.Uploads)
	if err != nil {
		return nil, err
	}
	var out *ArticleView
	err = s.DB.Update(ctx, func(tx *store.Tx) error {
		if in.TranslationOf != 0 {
			if err := translatable(ctx, tx, actor, in.TranslationOf); err != nil {
				return err
			}
		}
		if err := s.recordArticleFiles(ctx, tx, actor, a, files); err != nil {
			return err
		}
		if err := tx.CreateArticle(ctx, a, in.TranslationOf, s.Clock.Now()); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, actor, change{Action: "article.create", ObjectType: "article", ObjectID: a.ID,
			ObjectOrg: a.OrgID, After: articleSummary(a)}); err != nil {
			return err
		}
		out, err = s.articleView(ctx, tx, actor, a.ID)
		return err
	})
	return out, err
}

// translatable checks that the actor may write for the desk of the article it translates.
func translatable(ctx context.Context, tx *store.Tx, actor *ipr.User, id int64) error {
	base, err := tx.ArticleByID(ctx, id)
	if err == nil && !ipr.Can(actor, ipr.ActionWriteArticle, ipr.Resource{Kind: string(base.OrgKind), OrgID: base.OrgID}) {
		err = ipr.Errorf(ipr.ENOTFOUND, "not found")
	}
	if ipr.ErrorCode(err) == ipr.ENOTFOUND {
		return &ipr.Error{Code: ipr.EINVALID, Message: "the article is not valid",
			Fields: map[string]string{"translation_of": "is not an article you may translate"}}
	}
	return err
}

// UpdateArticle changes a draft: its text, tags and pictures.
func (s *Service) UpdateArticle(ctx context.Context, actor *ipr.User, id int64, in ArticleInput) (*ArticleView, error) {
	var out *ArticleView
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		a, err := articleFor(ctx, tx, actor, id, ipr.ActionWriteArticle)
		if err != nil {
			return err
		}
		before := articleSummary(a)
		a.Title, a.Body, a.Tags, a.Images = in.Title, in.Body, in.Tags, append([]string(nil), in.Images...)
		files, err := s.checkArticle(actor, a, in.Uploads)
		if err != nil {
			return err
		}
		if err := s.recordArticleFiles(ctx, tx, actor, a, files); err != nil {
			return err
		}
		if err := tx.UpdateArticle(ctx, a, s.Clock.Now()); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, actor, change{Action: "article.update", ObjectType: "article", ObjectID: a.ID,
			ObjectOrg: a.OrgID, Before: before, After: articleSummary(a)}); err != nil {
			return err
		}
		out, err = s.articleView(ctx, tx, actor, a.ID)
		return err
	})
	return out, err
}

// checkArticle validates the article with its new pictures counted in, checks
// the uploads, and writes their blobs, so that nothing is recorded unless all is well.
func (s *Service) checkArticle(actor *ipr.User, a *ipr.Article, uploads []Upload) ([]*pendingFile, error) {
	p := ipr.Problems{}
	files := s.checkUploads(actor, a.OrgID, uploads, true, p)
	if len(a.Images)+len(uploads) > 12 {
		p.Add("images", "give at most 12 pictures")
	}
	if err := a.Validate(); err != nil {
		for k, v := range ipr.ErrorFields(err) {
			p.Add(k, v)
		}
	}
	if err := p.Err("the article is not valid"); err != nil {
		return nil, err
	}
	return files, s.writeBlobs(files)
}

// recordArticleFiles records the uploaded pictures and adds them to the article.
func (s *Service) recordArticleFiles(ctx context.Context, tx *store.Tx, actor *ipr.User, a *ipr.Article, files []*pendingFile) error {
	for _, f := range files {
		if err := s.recordFile(ctx, tx, actor, &f.file); err != nil {
			return err
		}
		a.Images = append(a.Images, f.file.SHA256)
	}
	return nil
}

// PublishArticle puts a draft out for the public; WithdrawArticle takes it back
// to a draft. Only the association's admin and customs supervisors may.
func (s *Service) PublishArticle(ctx context.Context, actor *ipr.User, id int64) (*ArticleView, error) {
	return s.setArticleStatus(ctx, actor, id, ipr.ArticlePublished, "article.publish")
}

// WithdrawArticle takes a published article back to a draft, off the public pages.
func (s *Service) WithdrawArticle(ctx context.Context, actor *ipr.User, id int64) (*ArticleView, error) {
	return s.setArticleStatus(ctx, actor, id, ipr.ArticleDraft, "article.withdraw")
}

// articleFor loads an article for actor to act on: one actor may not read is
// not found, one it may read but not change is forbidden.
func articleFor(ctx context.Context, tx *store.Tx, actor *ipr.User, id int64, action ipr.Action) (*ipr.Article, error) {
	a, err := tx.ArticleByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !ipr.CanReadArticle(actor, a.Resource()) {
		return nil, articleNotFound(id)
	}
	return a, ipr.Authorize(actor, action, a.Resource())
}

func (s *Service) setArticleStatus(ctx context.Context, actor *ipr.User, id int64, to ipr.ArticleStatus, action string) (*ArticleView, error) {
	var out *ArticleView
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		a, err := articleFor(ctx, tx, actor, id, ipr.ActionPublishArticle)
		if err != nil {
			return err
		}
		if err := tx.SetArticleStatus(ctx, id, to, actor.ID, s.Clock.Now()); err != nil {
			return err
		}
		if err := s.audit(ctx, tx, actor, change{Action: action, ObjectType: "article", ObjectID: id, ObjectOrg: a.OrgID,
			Before: string(a.Status), After: string(to)}); err != nil {
			return err
		}
		out, err = s.articleView(ctx, tx, actor, id)
		return err
	})
	return out, err
}

// Article returns one article the actor may read; a draft it may not see is not found.
func (s *Service) Article(ctx context.Context, actor *ipr.User, id int64) (*ArticleView, error) {
	var out *ArticleView
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		out, err = s.articleView(ctx, tx, actor, id)
		return err
	})
	return out, err
}

func (s *Service) articleView(ctx context.Context, tx *store.Tx, actor *ipr.User, id int64) (*ArticleView, error) {
	a, err := tx.ArticleByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !ipr.CanReadArticle(actor, a.Resource()) {
		return nil, articleNotFound(id)
	}
	return newArticleView(actor, a), nil
}

func newArticleView(actor *ipr.User, a *ipr.Article) *ArticleView {
	var readable []ipr.ArticleRef
	for _, t := range a.Translations {
		if ipr.CanReadArticle(actor, ipr.Resource{Kind: string(a.OrgKind), OrgID: a.OrgID, State: string(t.Status)}) {
			readable = append(readable, t)
		}
	}
	a.Translations = readable
	desk := ipr.Resource{Kind: string(a.OrgKind), OrgID: a.OrgID}
	return &ArticleView{Article: a, CanEdit: ipr.Can(actor, ipr.ActionWriteArticle, a.Resource()),
		CanPublish:   ipr.Can(actor, ipr.ActionPublishArticle, a.Resource()),
		CanTranslate: len(a.Translations) == 0 && ipr.Can(actor, ipr.ActionWriteArticle, desk)}
}

func articleNotFound(id int64) error {
	return &ipr.Error{Code: ipr.ENOTFOUND, Message: fmt.Sprintf("article with id %d not found", id),
		Fields: map[string]string{"article": "not found"}}
}

// PublishedArticles returns a page of published articles in one language, for
// anyone, the public included.
func (s *Service) PublishedArticles(ctx context.Context, actor *ipr.User, f ipr.ArticleFilter) (*ArticlePage, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewPublic, ipr.Anything); err != nil {
		return nil, err
	}
	f.Published, f.OrgKind = true, ""
	return s.articles(ctx, actor, f)
}

// DeskArticles returns a page of the articles of the actor's side, drafts
// included: the association's admin its association's, customs all customs'.
func (s *Service) DeskArticles(ctx context.Context, actor *ipr.User, f ipr.ArticleFilter) (*ArticlePage, error) {
	if err := ipr.Authorize(actor, ipr.ActionWriteArticle, ipr.Anything); err != nil {
		return nil, err
	}
	f.Published, f.OrgKind = false, actor.OrgKind
	return s.articles(ctx, actor, f)
}

func (s *Service) articles(ctx context.Context, actor *ipr.User, f ipr.ArticleFilter) (*ArticlePage, error) {
	p := ipr.Problems{}
	if f.Lang != "" && f.Lang != "en" && f.Lang != "zh" {
		p.Add("lang", "must be en or zh")
	}
	if tags, problem := ipr.NormaliseTags([]string{f.Tag}); problem != "" {
		p.Add("tag", problem)
	} else if len(tags) == 1 {
		f.Tag = tags[0]
	}
	if err := p.Err("the filter is not valid"); err != nil {
		return nil, err
	}
	page := &ArticlePage{}
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		list, total, err := tx.ListArticles(ctx, f)
		page.Total = total
		for _, a := range list {
			if ipr.CanReadArticle(actor, a.Resource()) { // the SQL narrowed the list; Can decides
				page.Articles = append(page.Articles, newArticleView(actor, a))
			}
		}
		return err
	})
	return page, err
}

// ArticleTags are the tags of the published articles in lang, most used first.
func (s *Service) ArticleTags(ctx context.Context, lang string) ([]ipr.TagCount, error) {
	var out []ipr.TagCount
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		out, err = tx.PublishedArticleTags(ctx, lang)
		return err
	})
	return out, err
}

// OpenArticleImage opens a picture of an article, or its thumbnail, for anyone
// who may read one of the articles that show it; for anyone else it is not found.
func (s *Service) OpenArticleImage(ctx context.Context, actor *ipr.User, sha string, thumb bool) (*ipr.File, *os.File, error) {
	missing := ipr.Errorf(ipr.ENOTFOUND, "picture not found")
	if !store.ValidSHA(sha) || s.Files == nil {
		return nil, nil, missing
	}
	var f *ipr.File
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		list, err := tx.ArticlesWithImage(ctx, sha)
		if err != nil {
			return err
		}
		for _, a := range list {
			if ipr.CanReadArticle(actor, a.Resource()) {
				f, err = tx.FileBySHA(ctx, sha)
				return err
			}
		}
		return missing
	})
	if err != nil {
		return nil, nil, err
	}
	body, err := s.openBlob(sha, thumb, missing)
	return f, body, err
}

func articleSummary(a *ipr.Article) string {
	return fmt.Sprintf("%s [%s] %q, tags %s, %d pictures", a.Status, a.Lang, a.Title, strings.Join(a.Tags, ", "), len(a.Images))
}
