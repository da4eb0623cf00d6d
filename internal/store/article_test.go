package store_test

import (
	"context"
	"strings"
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

func TestArticleStorage(t *testing.T) {
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		assoc := createOrg(t, db, "Brand Owners Association", ipr.OrgAssociation, 0)
		other := createOrg(t, db, "Northwind Apparel", ipr.OrgRightHolder, 0)
		sha := strings.Repeat("c0", 32)
		en := &ipr.Article{Lang: "en", Title: "World IP Day", Body: "Body", Tags: []string{"ip day", "yiwu"},
			Images: []string{sha}, OrgID: assoc.ID}
		zh := &ipr.Article{Lang: "zh", Title: "世界知识产权日", Body: "正文", Tags: []string{"ip day"}, OrgID: assoc.ID}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			if _, err := tx.SaveFile(ctx, &ipr.File{SHA256: sha, ContentType: "image/png", Size: 1, Name: "a.png",
				OrgID: assoc.ID, CreatedAt: t0}); err != nil {
				return err
			}
			if err := tx.CreateArticle(ctx, en, 0, t0); err != nil {
				return err
			}
			return tx.CreateArticle(ctx, zh, en.ID, t0)
		})
		if zh.GroupID != en.GroupID || en.Status != ipr.ArticleDraft {
			t.Errorf("got groups %d, %d and status %s; want one group and a draft", en.GroupID, zh.GroupID, en.Status)
		}

		// A second English version of the group, and a picture of another organisation, are refused.
		err := db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.CreateArticle(t.Context(), &ipr.Article{Lang: "en", Title: "t", Body: "b", OrgID: assoc.ID}, zh.ID, t0)
		})
		wantError(t, err, ipr.ECONFLICT, "lang")
		err = db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.CreateArticle(t.Context(), &ipr.Article{Lang: "en", Title: "t", Body: "b", OrgID: other.ID,
				Images: []string{sha}}, 0, t0)
		})
		wantError(t, err, ipr.EINVALID, "images[0]")

		list := func(f ipr.ArticleFilter) []*ipr.Article {
			var out []*ipr.Article
			view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
				out, _, err = tx.ListArticles(ctx, f)
				return err
			})
			return out
		}
		if got := list(ipr.ArticleFilter{Published: true}); len(got) != 0 {
			t.Errorf("before publishing: got %d published articles, want 0", len(got))
		}
		update(t, db, func(ctx context.Context, tx *store.Tx) error {
			return tx.SetArticleStatus(ctx, en.ID, ipr.ArticlePublished, 7, t0)
		})
		err = db.Update(t.Context(), func(tx *store.Tx) error {
			return tx.SetArticleStatus(t.Context(), en.ID, ipr.ArticlePublished, 7, t0)
		})
		wantError(t, err, ipr.ECONFLICT, "")
		err = db.Update(t.Context(), func(tx *store.Tx) error { return tx.UpdateArticle(t.Context(), en, t0) })
		wantError(t, err, ipr.ECONFLICT, "")

		got := list(ipr.ArticleFilter{Published: true, Lang: "en", Tag: "yiwu"})
		if len(got) != 1 || got[0].ID != en.ID || !got[0].PublishedAt.Equal(t0) || len(got[0].Images) != 1 ||
			len(got[0].Translations) != 1 || got[0].Translations[0].Lang != "zh" || got[0].OrgKind != ipr.OrgAssociation {
			t.Errorf("published, en, tag yiwu: got %+v", got)
		}
		if got := list(ipr.ArticleFilter{Published: true, Lang: "zh"}); len(got) != 0 {
			t.Errorf("published in zh: got %d, want 0 (the translation is a draft)", len(got))
		}
		var tags []ipr.TagCount
		var withImage []*ipr.Article
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			if tags, err = tx.PublishedArticleTags(ctx, "en"); err != nil {
				return err
			}
			withImage, err = tx.ArticlesWithImage(ctx, sha)
			return err
		})
		if len(tags) != 2 || len(withImage) != 1 || withImage[0].ID != en.ID {
			t.Errorf("got tags %v and articles with the picture %d, want 2 tags and the English article", tags, len(withImage))
		}

		zh.Title, zh.Tags, zh.Images = "新标题", []string{"yiwu"}, []string{strings.Repeat("d1", 32)}
		err = db.Update(t.Context(), func(tx *store.Tx) error { return tx.UpdateArticle(t.Context(), zh, t0) })
		wantError(t, err, ipr.EINVALID, "images[0]") // never uploaded
		zh.Images = []string{sha}
		update(t, db, func(ctx context.Context, tx *store.Tx) error { return tx.UpdateArticle(ctx, zh, t0) })
		var back *ipr.Article
		view(t, db, func(ctx context.Context, tx *store.Tx) (err error) {
			back, err = tx.ArticleByID(ctx, zh.ID)
			return err
		})
		if back.Title != "新标题" || len(back.Tags) != 1 || back.Tags[0] != "yiwu" || len(back.Images) != 1 {
			t.Errorf("after update: got %q %v", back.Title, back.Tags)
		}
		err = db.View(t.Context(), func(tx *store.Tx) error {
			_, err := tx.ArticleByID(t.Context(), zh.ID+100)
			return err
		})
		wantError(t, err, ipr.ENOTFOUND, "article")
	})
}
