package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/ipr"
)

// CreateProduct stores a new product under p.RightID and sets its ID.
func (tx *Tx) CreateProduct(ctx context.Context, p *ipr.Product, now time.Time) error {
	if err := p.Validate(); err != nil {
		return err
	}
	p.CreatedAt, p.UpdatedAt = now, now
	err := tx.queryRow(ctx, `INSERT INTO products (right_id, name, model, hs_codes, barcodes, price_min, price_max,
		currency, packaging, made_in, routes, ports, photos, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
		p.RightID, p.Name, p.Model, strings.Join(p.HSCodes, " "), strings.Join(p.Barcodes, " "), p.PriceMin, p.PriceMax,
		p.Currency, p.Packaging, p.MadeIn, p.Routes, p.Ports, strings.Join(p.Photos, " "), now, now).Scan(&p.ID)
	return mapError(err, "right", "")
}

// UpdateProduct saves every field of p but its right and creation time.
func (tx *Tx) UpdateProduct(ctx context.Context, p *ipr.Product, now time.Time) error {
	if err := p.Validate(); err != nil {
		return err
	}
	res, err := tx.exec(ctx, `UPDATE products SET name = $1, model = $2, hs_codes = $3, barcodes = $4, price_min = $5,
		price_max = $6, currency = $7, packaging = $8, made_in = $9, routes = $10, ports = $11, photos = $12, updated_at = $13
		WHERE id = $14`,
		p.Name, p.Model, strings.Join(p.HSCodes, " "), strings.Join(p.Barcodes, " "), p.PriceMin, p.PriceMax,
		p.Currency, p.Packaging, p.MadeIn, p.Routes, p.Ports, strings.Join(p.Photos, " "), now, p.ID)
	if err != nil {
		return mapError(err, "product", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return productNotFound(p.ID)
	}
	p.UpdatedAt = now
	return nil
}

// DeleteProduct removes a product and its guide. Its files stay: others may share them.
func (tx *Tx) DeleteProduct(ctx context.Context, id int64) error {
	if _, err := tx.exec(ctx, `DELETE FROM guide_points WHERE product_id = $1`, id); err != nil {
		return mapError(err, "product", "")
	}
	_, err := tx.exec(ctx, `DELETE FROM products WHERE id = $1`, id)
	return mapError(err, "product", "")
}

const productColumns = `p.id, p.right_id, r.holder_id, p.name, p.model, p.hs_codes, p.barcodes, p.price_min, p.price_max,
	p.currency, p.packaging, p.made_in, p.routes, p.ports, p.photos, p.created_at, p.updated_at`
const productFrom = ` FROM products p JOIN rights r ON r.id = p.right_id `

func scanProduct(row rowScanner) (*ipr.Product, error) {
	var p ipr.Product
	var hs, barcodes, photos string
	err := row.Scan(&p.ID, &p.RightID, &p.HolderID, &p.Name, &p.Model, &hs, &barcodes, &p.PriceMin, &p.PriceMax,
		&p.Currency, &p.Packaging, &p.MadeIn, &p.Routes, &p.Ports, &photos, &p.CreatedAt, &p.UpdatedAt)
	if err != nil {
		return nil, err
	}
	p.HSCodes, p.Barcodes, p.Photos = strings.Fields(hs), strings.Fields(barcodes), strings.Fields(photos)
	p.CreatedAt, p.UpdatedAt = p.CreatedAt.UTC(), p.UpdatedAt.UTC()
	return &p, nil
}

func productNotFound(id int64) error {
	return notFound("product", "product", "with id "+strconv.FormatInt(id, 10))
}

// ProductByID returns the product with id and its authentication guide in order.
func (tx *Tx) ProductByID(ctx context.Context, id int64) (*ipr.Product, error) {
	p, err := scanProduct(tx.queryRow(ctx, `SELECT `+productColumns+productFrom+`WHERE p.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, productNotFound(id)
	}
	if err != nil {
		return nil, mapError(err, "product", "")
	}
	p.Guide, err = tx.GuidePoints(ctx, id)
	return p, err
}

// Products returns the products of a right by name, without their guides.
func (tx *Tx) Products(ctx context.Context, rightID int64) ([]*ipr.Product, error) {
	return queryAll(ctx, tx, scanProduct, `SELECT `+productColumns+productFrom+`WHERE p.right_id = $1 ORDER BY p.name, p.id`, rightID)
}

// CountProducts counts the products of a right holder's rights (0 for all).
func (tx *Tx) CountProducts(ctx context.Context, holderID int64) (int64, error) {
	return tx.count(ctx, `SELECT COUNT(*)`+productFrom+`WHERE ($1 = 0 OR r.holder_id = $1)`, holderID)
}
