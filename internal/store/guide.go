package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	"bordermark/internal/ipr"
)

// AddGuidePoint appends a point to its product's authentication guide and sets its ID and position.
func (tx *Tx) AddGuidePoint(ctx context.Context, g *ipr.GuidePoint) error {
	if err := g.Validate(); err != nil {
		return err
	}
	last, err := tx.count(ctx, `SELECT COALESCE(MAX(position), 0) FROM guide_points WHERE product_id = $1`, g.ProductID)
	if err != nil {
		return err
	}
	g.Position = int(last) + 1
	err = tx.queryRow(ctx, `INSERT INTO guide_points (product_id, position, title, genuine, fake, genuine_photo, fake_photo)
		VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
		g.ProductID, g.Position, g.Title, g.Genuine, g.Fake, g.GenuinePhoto, g.FakePhoto).Scan(&g.ID)
	return mapError(err, "product", "")
}

// UpdateGuidePoint saves a point's text and photos; its product and position stay.
func (tx *Tx) UpdateGuidePoint(ctx context.Context, g *ipr.GuidePoint) error {
	if err := g.Validate(); err != nil {
		return err
	}
	res, err := tx.exec(ctx, `UPDATE guide_points SET title = $1, genuine = $2, fake = $3, genuine_photo = $4, fake_photo = $5
		WHERE id = $6`, g.Title, g.Genuine, g.Fake, g.GenuinePhoto, g.FakePhoto, g.ID)
	if err != nil {
		return mapError(err, "guide_point", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return guidePointNotFound(g.ID)
	}
	return nil
}

// DeleteGuidePoint removes a point and closes the gap it leaves in the numbering.
func (tx *Tx) DeleteGuidePoint(ctx context.Context, id int64) error {
	g, err := tx.GuidePointByID(ctx, id)
	if err != nil {
		return err
	}
	if _, err := tx.exec(ctx, `DELETE FROM guide_points WHERE id = $1`, id); err != nil {
		return mapError(err, "guide_point", "")
	}
	_, err = tx.exec(ctx, `UPDATE guide_points SET position = position - 1 WHERE product_id = $1 AND position > $2`,
		g.ProductID, g.Position)
	return mapError(err, "guide_point", "")
}

// SetGuideOrder numbers a product's points 1, 2, 3… in the order of ids, which must
// be exactly the product's points.
func (tx *Tx) SetGuideOrder(ctx context.Context, productID int64, ids []int64) error {
	have, err := tx.GuidePoints(ctx, productID)
	if err != nil {
		return err
	}
	known := map[int64]bool{}
	for _, g := range have {
		known[g.ID] = true
	}
	for _, id := range ids {
		if !known[id] {
			return guidePointNotFound(id)
		}
		delete(known, id) // each once
	}
	if len(known) > 0 || len(ids) != len(have) {
		return &ipr.Error{Code: ipr.EINVALID, Message: "the new order must list every point of the guide once",
			Fields: map[string]string{"order": "does not list every point once"}}
	}
	for i, id := range ids {
		if _, err := tx.exec(ctx, `UPDATE guide_points SET position = $1 WHERE id = $2`, i+1, id); err != nil {
			return mapError(err, "guide_point", "")
		}
	}
	return nil
}

const guideColumns = `id, product_id, position, title, genuine, fake, genuine_photo, fake_photo`

func scanGuidePoint(row rowScanner) (*ipr.GuidePoint, error) {
	var g ipr.GuidePoint
	err := row.Scan(&g.ID, &g.ProductID, &g.Position, &g.Title, &g.Genuine, &g.Fake, &g.GenuinePhoto, &g.FakePhoto)
	return &g, err
}

func guidePointNotFound(id int64) error {
	return notFound("guide point", "guide_point", "with id "+strconv.FormatInt(id, 10))
}

// GuidePointByID returns one point of an authentication guide.
func (tx *Tx) GuidePointByID(ctx context.Context, id int64) (*ipr.GuidePoint, error) {
	g, err := scanGuidePoint(tx.queryRow(ctx, `SELECT `+guideColumns+` FROM guide_points WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, guidePointNotFound(id)
	}
	if err != nil {
		return nil, mapError(err, "guide_point", "")
	}
	return g, nil
}

// GuidePoints returns a product's authentication guide in order.
func (tx *Tx) GuidePoints(ctx context.Context, productID int64) ([]ipr.GuidePoint, error) {
	rows, err := tx.query(ctx, `SELECT `+guideColumns+` FROM guide_points WHERE product_id = $1 ORDER BY position, id`, productID)
	if err != nil {
		return nil, ipr.Internal(err)
	}
	defer rows.Close()
	var list []ipr.GuidePoint
	for rows.Next() {
		g, err := scanGuidePoint(rows)
		if err != nil {
			return nil, ipr.Internal(err)
		}
		list = append(list, *g)
	}
	return list, mapError(rows.Err(), "guide_point", "")
}
