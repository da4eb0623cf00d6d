package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"bordermark/internal/ipr"
)

// CreatePublicTip stores a validated tip from the public, with its photos (already
// in the blob store), and sets its ID.
func (tx *Tx) CreatePublicTip(ctx context.Context, t *ipr.PublicTip) error {
	err := tx.queryRow(ctx, `INSERT INTO public_tips (receipt, secret_hash, what, place, seller, shipment, lang,
		status, reason, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
		t.Receipt, t.SecretHash, t.What, t.Where, t.Seller, t.Shipment, t.Lang, string(t.Status), t.Reason,
		t.CreatedAt.UTC()).Scan(&t.ID)
	if err != nil {
		return mapError(err, "receipt", "is already taken")
	}
	for _, p := range t.Photos {
		_, err := tx.exec(ctx, `INSERT INTO public_tip_photos (tip_id, sha256, content_type, size, name)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tip_id, sha256) DO NOTHING`,
			t.ID, p.SHA256, p.ContentType, p.Size, p.Name)
		if err != nil {
			return mapError(err, "photos", "")
		}
	}
	return nil
}

// UpdatePublicTipTriage saves a tip's status, reason and who triaged it when.
func (tx *Tx) UpdatePublicTipTriage(ctx context.Context, t *ipr.PublicTip) error {
	res, err := tx.exec(ctx, `UPDATE public_tips SET status = $1, reason = $2, triaged_by = $3, triaged_at = $4
		WHERE id = $5`, string(t.Status), t.Reason, t.TriagedBy, t.TriagedAt.UTC(), t.ID)
	if err != nil {
		return mapError(err, "status", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return publicTipNotFound(t.ID)
	}
	return nil
}

func publicTipNotFound(id int64) error {
	return notFound("tip", "tip", "with id "+strconv.FormatInt(id, 10))
}

const publicTipColumns = `id, receipt, secret_hash, what, place, seller, shipment, lang, status, reason,
	triaged_by, triaged_at, created_at`

func scanPublicTip(row rowScanner) (*ipr.PublicTip, error) {
	var t ipr.PublicTip
	var status string
	var triagedAt sql.NullTime
	err := row.Scan(&t.ID, &t.Receipt, &t.SecretHash, &t.What, &t.Where, &t.Seller, &t.Shipment, &t.Lang,
		&status, &t.Reason, &t.TriagedBy, &triagedAt, &t.CreatedAt)
	t.Status = ipr.PublicTipStatus(status)
	t.CreatedAt = t.CreatedAt.UTC()
	if triagedAt.Valid {
		t.TriagedAt = triagedAt.Time.UTC()
	}
	return &t, err
}

// PublicTipByID returns a tip with its photos.
func (tx *Tx) PublicTipByID(ctx context.Context, id int64) (*ipr.PublicTip, error) {
	t, err := scanPublicTip(tx.queryRow(ctx, `SELECT `+publicTipColumns+` FROM public_tips WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, publicTipNotFound(id)
	}
	if err != nil {
		return nil, mapError(err, "tip", "")
	}
	return t, tx.loadPublicTipPhotos(ctx, t)
}

// PublicTipByReceipt returns the tip with a receipt, without its photos.
func (tx *Tx) PublicTipByReceipt(ctx context.Context, receipt string) (*ipr.PublicTip, error) {
	t, err := scanPublicTip(tx.queryRow(ctx, `SELECT `+publicTipColumns+` FROM public_tips WHERE receipt = $1`, receipt))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("tip", "receipt", receipt)
	}
	return t, mapError(err, "tip", "")
}

// PublicTips returns a page of the triage queue, oldest first so that none waits
// forever, and how many tips match in all.
func (tx *Tx) PublicTips(ctx context.Context, f ipr.PublicTipFilter) ([]*ipr.PublicTip, int64, error) {
	var w whereBuilder
	if f.Status != "" {
		w.add("status = ?", string(f.Status))
	}
	if s := strings.TrimSpace(f.Search); s != "" {
		w.add(`(LOWER(what) LIKE ? ESCAPE '\' OR LOWER(place) LIKE ? ESCAPE '\' OR LOWER(seller) LIKE ? ESCAPE '\'
			OR LOWER(shipment) LIKE ? ESCAPE '\' OR LOWER(receipt) LIKE ? ESCAPE '\')`,
			"%"+likeEscaper.Replace(strings.ToLower(s))+"%")
	}
	where, args := w.sql()
	total, err := tx.count(ctx, `SELECT COUNT(*) FROM public_tips`+where, args...)
	if err != nil {
		return nil, 0, err
	}
	args, limit := page(args, f.Limit, f.Offset)
	list, err := queryAll(ctx, tx, scanPublicTip, `SELECT `+publicTipColumns+` FROM public_tips`+where+
		` ORDER BY created_at, id`+limit, args...)
	if err != nil {
		return nil, 0, err
	}
	for _, t := range list {
		if err := tx.loadPublicTipPhotos(ctx, t); err != nil {
			return nil, 0, err
		}
	}
	return list, total, nil
}

func (tx *Tx) loadPublicTipPhotos(ctx context.Context, t *ipr.PublicTip) error {
	photos, err := queryAll(ctx, tx, func(row rowScanner) (ipr.PublicTipPhoto, error) {
		var p ipr.PublicTipPhoto
		err := row.Scan(&p.SHA256, &p.ContentType, &p.Size, &p.Name)
		return p, err
	}, `SELECT sha256, content_type, size, name FROM public_tip_photos WHERE tip_id = $1 ORDER BY name, sha256`, t.ID)
	t.Photos = photos
	return err
}

// CountPublicTips counts stored tips and their photos, for checks that a refused
// submission left nothing behind.
func (tx *Tx) CountPublicTips(ctx context.Context) (tips, photos int64, err error) {
	if tips, err = tx.count(ctx, `SELECT COUNT(*) FROM public_tips`); err != nil {
		return 0, 0, err
	}
	photos, err = tx.count(ctx, `SELECT COUNT(*) FROM public_tip_photos`)
	return tips, photos, err
}
