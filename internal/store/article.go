package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"bordermark/internal/ipr"
)

// CreateArticle stores a validated article as a draft and sets its ID and group.
// With translationOf it joins that article's group, which must not have a
// version in the article's language yet; otherwise it starts a group of its own.
// Every picture must have been uploaded for the article's organisation.
func (tx *Tx) CreateArticle(ctx context.Context, a *ipr.Article, translationOf int64, now time.Time) error {
	if err := tx.checkArticleImages(ctx, a); err != nil {
		return err
	}
	if translationOf != 0 {
		err := tx.queryRow(ctx, `SELECT group_id FROM articles WHERE id = $1`, translationOf).Scan(&a.GroupID)
		if errors.Is(err, sql.ErrNoRows) {
			return &ipr.Error{Code: ipr.EINVALID, Message: "the article is not valid",
				Fields: map[string]string{"translation_of": "no article with id " + strconv.FormatInt(translationOf, 10)}}
		}
		if err != nil {
			return mapError(err, "translation_of", "")
		}
	} else if err := tx.queryRow(ctx, `INSERT INTO article_groups (created_at) VALUES ($1) RETURNING id`, now).
		Scan(&a.GroupID); err != nil {
		return mapError(err, "article", "")
	}
	a.Status, a.CreatedAt, a.UpdatedAt = ipr.ArticleDraft, now, now
	a.PublishedBy, a.PublishedAt = 0, time.Time{}
	err := tx.queryRow(ctx, `INSERT INTO articles (group_id, lang, title, body, status, org_id, created_by, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		a.GroupID, a.Lang, a.Title, a.Body, string(a.Status), a.OrgID, a.CreatedBy, now, now).Scan(&a.ID)
	if err != nil {
		return mapError(err, "lang", "the article already has a version in this language")
	}
	return tx.saveArticleDetails(ctx, a)
}

// UpdateArticle changes a draft's title, body, tags and pictures. A published
// article is a conflict: it is withdrawn first.
func (tx *Tx) UpdateArticle(ctx context.Context, a *ipr.Article, now time.Time) error {
	if err := tx.checkArticleImages(ctx, a); err != nil {
		return err
	}
	res, err := tx.exec(ctx, `UPDATE articles SET title = $1, body = $2, updated_at = $3 WHERE id = $4 AND status = 'draft'`,
		a.Title, a.Body, now, a.ID)
	if err != nil {
		return mapError(err, "article", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ipr.Errorf(ipr.ECONFLICT, "article %d is published; withdraw it before changing it", a.ID)
	}
	a.UpdatedAt = now
	if _, err := tx.exec(ctx, `DELETE FROM article_tags WHERE article_id = $1`, a.ID); err != nil {
		return mapError(err, "tags", "")
	}
	if _, err := tx.exec(ctx, `DELETE FROM article_images WHERE article_id = $1`, a.ID); err != nil {
		return mapError(err, "images", "")
	}
	return tx.saveArticleDetails(ctx, a)
}

func (tx *Tx) checkArticleImages(ctx context.Context, a *ipr.Article) error {
	for i, sha := range a.Images {
		if ok, err := tx.FileBelongsTo(ctx, sha, a.OrgID); err != nil {
			return err
		} else if !ok {
			return &ipr.Error{Code: ipr.EINVALID, Message: "the article is not valid",
				Fields: map[string]string{"images[" + itoa(i) + "]": "is not a picture uploaded for this article"}}
		}
	}
	return nil
}

func (tx *Tx) saveArticleDetails(ctx context.Context, a *ipr.Article) error {
	for _, t := range a.Tags {
		if _, err := tx.exec(ctx, `INSERT INTO article_tags (article_id, tag) VALUES ($1, $2)`, a.ID, t); err != nil {
			return mapError(err, "tags", "is given twice")
		}
	}
	for i, sha := range a.Images {
		if _, err := tx.exec(ctx, `INSERT INTO article_images (article_id, position, sha256) VALUES ($1, $2, $3)`,
			a.ID, i, sha); err != nil {
			return mapError(err, "images", "")
		}
	}
	return nil
}

// SetArticleStatus publishes an article or withdraws it to a draft. The first
// publication's date stays the article's date. A change to the status it already
// has is a conflict, so that two publishers do not both believe they acted.
func (tx *Tx) SetArticleStatus(ctx context.Context, id int64, status ipr.ArticleStatus, by int64, at time.Time) error {
	from := ipr.ArticleDraft
	if status == ipr.ArticleDraft {
		from = ipr.ArticlePublished
	}
	res, err := tx.exec(ctx, `UPDATE articles SET status = $1, published_by = $2,
		published_at = COALESCE(published_at, $3), updated_at = $3 WHERE id = $4 AND status = $5`,
		string(status), by, at, id, string(from))
	if err != nil {
		return mapError(err, "article", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ipr.Errorf(ipr.ECONFLICT, "article %d is already %s; reload it", id, status)
	}
	return nil
}

const articleColumns = `a.id, a.group_id, a.lang, a.title, a.body, a.status, a.org_id, o.name, o.kind, a.created_by,
	a.created_at, a.updated_at, a.published_by, a.published_at`

const articleFrom = ` FROM articles a JOIN orgs o ON o.id = a.org_id`

func scanArticle(row rowScanner) (*ipr.Article, error) {
	var a ipr.Article
	var status, kind string
	var published sql.NullTime
	if err := row.Scan(&a.ID, &a.GroupID, &a.Lang, &a.Title, &a.Body, &status, &a.OrgID, &a.OrgName, &kind,
		&a.CreatedBy, &a.CreatedAt, &a.UpdatedAt, &a.PublishedBy, &published); err != nil {
		return nil, err
	}
	a.Status, a.OrgKind = ipr.ArticleStatus(status), ipr.OrgKind(kind)
	a.CreatedAt, a.UpdatedAt = a.CreatedAt.UTC(), a.UpdatedAt.UTC()
	if published.Valid {
		a.PublishedAt = published.Time.UTC()
	}
	return &a, nil
}

// ArticleByID returns the article with id, with its tags, pictures and translations.
func (tx *Tx) ArticleByID(ctx context.Context, id int64) (*ipr.Article, error) {
	a, err := scanArticle(tx.queryRow(ctx, `SELECT `+articleColumns+articleFrom+` WHERE a.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("article", "article", "with id "+strconv.FormatInt(id, 10))
	}
	if err != nil {
		return nil, mapError(err, "article", "")
	}
	if err := tx.loadArticleDetails(ctx, []*ipr.Article{a}); err != nil {
		return nil, err
	}
	return a, nil
}

// ListArticles returns a page of articles and how many match in all: published
// ones by publication, newest first; otherwise newest written first.
func (tx *Tx) ListArticles(ctx context.Context, f ipr.ArticleFilter) ([]*ipr.Article, int64, error) {
	var w whereBuilder
	order := ` ORDER BY a.id DESC`
	if f.Published {
		w.add("a.status = ?", string(ipr.ArticlePublished))
		order = ` ORDER BY a.published_at DESC, a.id DESC`
	}
	if f.Lang != "" {
		w.add("a.lang = ?", f.Lang)
	}
	if f.Tag != "" {
		w.add("EXISTS (SELECT 1 FROM article_tags t WHERE t.article_id = a.id AND t.tag = ?)", f.Tag)
	}
	if f.OrgKind != "" {
		w.add("o.kind = ?", string(f.OrgKind))
	}
	where, args := w.sql()
	total, err := tx.count(ctx, `SELECT COUNT(*)`+articleFrom+where, args...)
	if err != nil {
		return nil, 0, err
	}
	args, limit := page(args, f.Limit, f.Offset)
	list, err := queryAll(ctx, tx, scanArticle, `SELECT `+articleColumns+articleFrom+where+order+limit, args...)
	if err != nil {
		return nil, 0, err
	}
	return list, total, tx.loadArticleDetails(ctx, list)
}

// PublishedArticleTags are the tags of the published articles in lang, most used first.
func (tx *Tx) PublishedArticleTags(ctx context.Context, lang string) ([]ipr.TagCount, error) {
	return queryAll(ctx, tx, func(row rowScanner) (ipr.TagCount, error) {
		var c ipr.TagCount
		return c, row.Scan(&c.Tag, &c.Count)
	}, `SELECT t.tag, COUNT(*) FROM article_tags t JOIN articles a ON a.id = t.article_id
		WHERE a.status = 'published' AND a.lang = $1 GROUP BY t.tag ORDER BY COUNT(*) DESC, t.tag LIMIT 50`, lang)
}

// ArticlesWithImage returns the articles that show the picture sha, without details.
func (tx *Tx) ArticlesWithImage(ctx context.Context, sha string) ([]*ipr.Article, error) {
	return queryAll(ctx, tx, scanArticle, `SELECT `+articleColumns+articleFrom+
		` WHERE a.id IN (SELECT article_id FROM article_images WHERE sha256 = $1) ORDER BY a.id`, sha)
}

// loadArticleDetails fills in the tags, pictures and translations of articles.
func (tx *Tx) loadArticleDetails(ctx context.Context, list []*ipr.Article) error {
	if len(list) == 0 {
		return nil
	}
	byID, byGroup := map[int64]*ipr.Article{}, map[int64][]*ipr.Article{}
	ids, groups := make([]int64, len(list)), make([]int64, 0, len(list))
	for i, a := range list {
		byID[a.ID], ids[i] = a, a.ID
		a.Tags, a.Images, a.Translations = nil, nil, nil
		if byGroup[a.GroupID] == nil {
			groups = append(groups, a.GroupID)
		}
		byGroup[a.GroupID] = append(byGroup[a.GroupID], a)
	}
	err := tx.eachPair(ctx, `SELECT article_id, tag FROM article_tags`, "article_id", ids, ` ORDER BY article_id, tag`,
		func(id int64, tag string) { byID[id].Tags = append(byID[id].Tags, tag) })
	if err != nil {
		return err
	}
	err = tx.eachPair(ctx, `SELECT article_id, sha256 FROM article_images`, "article_id", ids, ` ORDER BY article_id, position`,
		func(id int64, sha string) { byID[id].Images = append(byID[id].Images, sha) })
	if err != nil {
		return err
	}
	var w whereBuilder
	w.in("group_id", groups)
	where, args := w.sql()
	rows, err := tx.query(ctx, `SELECT id, group_id, lang, title, status FROM articles`+where+` ORDER BY lang`, args...)
	if err != nil {
		return ipr.Internal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var ref ipr.ArticleRef
		var group int64
		var status string
		if err := rows.Scan(&ref.ID, &group, &ref.Lang, &ref.Title, &status); err != nil {
			return ipr.Internal(err)
		}
		ref.Status = ipr.ArticleStatus(status)
		for _, a := range byGroup[group] {
			if a.ID != ref.ID {
				a.Translations = append(a.Translations, ref)
			}
		}
	}
	return mapError(rows.Err(), "article", "")
}

// eachPair runs query (a SELECT of an id and a text) for the rows whose column
// is one of ids, and calls fn with each pair.
func (tx *Tx) eachPair(ctx context.Context, query, column string, ids []int64, order string, fn func(int64, string)) error {
	var w whereBuilder
	w.in(column, ids)
	where, args := w.sql()
	rows, err := tx.query(ctx, query+where+order, args...)
	if err != nil {
		return ipr.Internal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var s string
		if err := rows.Scan(&id, &s); err != nil {
			return ipr.Internal(err)
		}
		fn(id, s)
	}
	return mapError(rows.Err(), column, "")
}
