package enforce_test

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store/storetest"
)

// pngBytes is a small picture to upload.
func pngBytes(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 8, 8))); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestArticleWorkflow(t *testing.T) {
	s, _ := demo(t, storetest.SQLite(t))
	ctx := t.Context()
	officer, supervisor := user(t, s, officerEmail), user(t, s, supervisorEmail)
	holder, secretary := user(t, s, holderEmail), user(t, s, secretaryEmail)

	page, err := s.PublishedArticles(ctx, nil, ipr.ArticleFilter{Lang: "zh"})
	if err != nil || page.Total != 3 {
		t.Fatalf("demo articles in 中文 for the public: got %v, %v; want 3", page, err)
	}

	before := count(t, s)
	_, err = s.CreateArticle(ctx, officer, enforce.ArticleInput{Lang: "en", Title: " ", Body: "b"})
	wantError(t, err, ipr.EINVALID, "title")
	_, err = s.CreateArticle(ctx, holder, enforce.ArticleInput{Lang: "en", Title: "t", Body: "b"})
	wantError(t, err, ipr.EFORBIDDEN, "")
	if got := count(t, s); got != before {
		t.Errorf("refused articles: got %+v, want %+v (nothing written)", got, before)
	}

	en, err := s.CreateArticle(ctx, officer, enforce.ArticleInput{Lang: "en", Title: "Wenzhou seizure", Body: "**Watches**",
		Tags: []string{"Wenzhou"}, Uploads: []enforce.Upload{{Field: "images", Name: "w.png", Body: bytes.NewReader(pngBytes(t))}}})
	if err != nil {
		t.Fatalf("CreateArticle: %v", err)
	}
	zh, err := s.CreateArticle(ctx, officer, enforce.ArticleInput{Lang: "zh", Title: "温州查获", Body: "手表",
		TranslationOf: en.ID, Images: en.Images})
	if err != nil || zh.GroupID != en.GroupID || len(zh.Translations) != 1 {
		t.Fatalf("translation: got %+v, %v; want the English article's group", zh, err)
	}
	if ev := lastEvent(t, s); ev.Action != "article.create" || ev.ObjectID != itoa(zh.ID) {
		t.Errorf("got last event %s %s, want article.create of %d", ev.Action, ev.ObjectID, zh.ID)
	}

	// A draft is its desk's: the public, a holder and the association do not see it, nor its picture.
	for _, who := range []*ipr.User{nil, holder, secretary} {
		if _, err := s.Article(ctx, who, en.ID); ipr.ErrorCode(err) != ipr.ENOTFOUND {
			t.Errorf("draft for %v: got %v, want not found", who, err)
		}
	}
	if _, _, err := s.OpenArticleImage(ctx, nil, en.Images[0], false); ipr.ErrorCode(err) != ipr.ENOTFOUND {
		t.Errorf("a draft's picture for the public: got %v, want not found", err)
	}

	_, err = s.PublishArticle(ctx, officer, en.ID)
	wantError(t, err, ipr.EFORBIDDEN, "")
	if _, err := s.PublishArticle(ctx, supervisor, en.ID); err != nil {
		t.Fatalf("PublishArticle: %v", err)
	}
	if ev := lastEvent(t, s); ev.Action != "article.publish" || ev.After != "published" {
		t.Errorf("got last event %s %q, want article.publish", ev.Action, ev.After)
	}
	got, err := s.Article(ctx, nil, en.ID)
	if err != nil || got.Status != ipr.ArticlePublished || len(got.Translations) != 0 || got.CanEdit {
		t.Errorf("published, for the public: got %+v, %v; want it without the draft translation", got, err)
	}
	f, body, err := s.OpenArticleImage(ctx, nil, en.Images[0], true)
	if err != nil || f.ContentType != "image/png" {
		t.Errorf("a published article's thumbnail for the public: got %v, %v", f, err)
	} else {
		body.Close()
	}
	_, err = s.UpdateArticle(ctx, officer, en.ID, enforce.ArticleInput{Title: "x", Body: "y"})
	wantError(t, err, ipr.EFORBIDDEN, "") // published: withdraw first

	if _, err := s.WithdrawArticle(ctx, supervisor, en.ID); err != nil {
		t.Fatalf("WithdrawArticle: %v", err)
	}
	if _, err := s.Article(ctx, nil, en.ID); ipr.ErrorCode(err) != ipr.ENOTFOUND {
		t.Errorf("withdrawn, for the public: got %v, want not found", err)
	}
	upd, err := s.UpdateArticle(ctx, officer, en.ID, enforce.ArticleInput{Title: "Wenzhou: 3,000 watches", Body: "b",
		Images: en.Images})
	if err != nil || upd.Title != "Wenzhou: 3,000 watches" || len(upd.Images) != 1 || len(upd.Tags) != 0 {
		t.Errorf("UpdateArticle: got %+v, %v", upd, err)
	}
	desk, err := s.DeskArticles(ctx, officer, ipr.ArticleFilter{})
	if err != nil || desk.Total != 5 { // the demo's Yiwu pair and postal draft, and these two
		t.Errorf("customs desk: got %d, %v; want 5", desk.Total, err)
	}
	_, err = s.PublishedArticles(ctx, nil, ipr.ArticleFilter{Lang: "fr"})
	wantError(t, err, ipr.EINVALID, "lang")
}
