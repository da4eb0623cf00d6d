package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"bordermark/internal/ipr"
)

// CreateGuarantee stores a holder's general guarantee for a year and sets its ID.
// A holder has one per year.
func (tx *Tx) CreateGuarantee(ctx context.Context, g *ipr.Guarantee) error {
	if err := g.Validate(); err != nil {
		return err
	}
	err := tx.queryRow(ctx, `INSERT INTO guarantees (holder_org_id, year, amount, held, issuer, bank_ref, created_by,
		created_at) VALUES ($1, $2, $3, 0, $4, $5, $6, $7) RETURNING id`, g.HolderOrgID, g.Year, int64(g.Amount),
		g.Issuer, g.Reference, g.CreatedBy, g.CreatedAt.UTC()).Scan(&g.ID)
	return mapError(err, "year", "the holder already has a general guarantee for this year")
}

const guaranteeColumns = `id, holder_org_id, year, amount, held, issuer, bank_ref, created_by, created_at`

func scanGuarantee(row rowScanner) (*ipr.Guarantee, error) {
	var g ipr.Guarantee
	err := row.Scan(&g.ID, &g.HolderOrgID, &g.Year, &g.Amount, &g.Held, &g.Issuer, &g.Reference, &g.CreatedBy,
		&g.CreatedAt)
	g.CreatedAt = g.CreatedAt.UTC()
	return &g, err
}

// GuaranteeFor returns the general guarantee of holder org for year.
func (tx *Tx) GuaranteeFor(ctx context.Context, org int64, year int) (*ipr.Guarantee, error) {
	g, err := scanGuarantee(tx.queryRow(ctx, `SELECT `+guaranteeColumns+` FROM guarantees
		WHERE holder_org_id = $1 AND year = $2`, org, year))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("general guarantee", "year", "for "+strconv.Itoa(year))
	}
	return g, mapError(err, "guarantee", "")
}

// GuaranteeByID returns the guarantee with id.
func (tx *Tx) GuaranteeByID(ctx context.Context, id int64) (*ipr.Guarantee, error) {
	g, err := scanGuarantee(tx.queryRow(ctx, `SELECT `+guaranteeColumns+` FROM guarantees WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("general guarantee", "guarantee", "with id "+strconv.FormatInt(id, 10))
	}
	return g, mapError(err, "guarantee", "")
}

// DrawGuarantee holds amount of guarantee id as the bond of case caseID. The
// balance is tested and taken in one UPDATE, so two cases drawing at once cannot
// both spend the same money; an amount over the balance is refused, naming "amount".
func (tx *Tx) DrawGuarantee(ctx context.Context, id, caseID int64, amount ipr.Money, by int64, at time.Time) error {
	if amount <= 0 {
		return amountError("must be more than 0")
	}
	res, err := tx.exec(ctx, `UPDATE guarantees SET held = held + $1 WHERE id = $2 AND amount - held >= $1
		AND holder_org_id = (SELECT holder_org_id FROM cases WHERE id = $3)`, int64(amount), id, caseID)
	if err != nil {
		return mapError(err, "amount", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return tx.whyNoDraw(ctx, id, caseID, amount)
	}
	_, err = tx.exec(ctx, `INSERT INTO guarantee_moves (guarantee_id, case_id, amount, moved_at, moved_by)
		VALUES ($1, $2, $3, $4, $5)`, id, caseID, int64(amount), at.UTC(), by)
	return mapError(err, "case", "")
}

// whyNoDraw names the reason a draw changed nothing.
func (tx *Tx) whyNoDraw(ctx context.Context, id, caseID int64, amount ipr.Money) error {
	g, err := tx.GuaranteeByID(ctx, id)
	if err != nil {
		return err
	}
	c, err := tx.CaseByID(ctx, caseID)
	if err != nil {
		return err
	}
	if c.HolderOrgID != g.HolderOrgID {
		return &ipr.Error{Code: ipr.EINVALID, Message: "the bond cannot be drawn on this guarantee",
			Fields: map[string]string{"guarantee": "belongs to another right holder than the case's"}}
	}
	return amountError("is more than the guarantee's balance of " + g.Balance().String())
}

func amountError(problem string) error {
	return &ipr.Error{Code: ipr.EINVALID, Message: "the bond cannot be drawn", Fields: map[string]string{"amount": problem}}
}

// ReleaseGuarantee gives back everything case caseID holds on guarantees, recording
// a release move for each, and returns the amount released (0 when nothing was held).
func (tx *Tx) ReleaseGuarantee(ctx context.Context, caseID int64, by int64, at time.Time) (ipr.Money, error) {
	// Lock the guarantees first, so that two releases of one case at once cannot both
	// read the same holdings (on PostgreSQL; SQLite has one writer anyway).
	if _, err := tx.exec(ctx, `UPDATE guarantees SET held = held WHERE id IN
		(SELECT guarantee_id FROM guarantee_moves WHERE case_id = $1)`, caseID); err != nil {
		return 0, ipr.Internal(err)
	}
	held, err := queryAll(ctx, tx, scanIDPair, `SELECT guarantee_id, SUM(amount) FROM guarantee_moves
		WHERE case_id = $1 GROUP BY guarantee_id HAVING SUM(amount) > 0 ORDER BY guarantee_id`, caseID)
	if err != nil {
		return 0, err
	}
	var total ipr.Money
	for _, h := range held {
		if _, err := tx.exec(ctx, `UPDATE guarantees SET held = held - $1 WHERE id = $2`, h[1], h[0]); err != nil {
			return 0, mapError(err, "guarantee", "")
		}
		if _, err := tx.exec(ctx, `INSERT INTO guarantee_moves (guarantee_id, case_id, amount, moved_at, moved_by)
			VALUES ($1, $2, $3, $4, $5)`, h[0], caseID, -h[1], at.UTC(), by); err != nil {
			return 0, mapError(err, "case", "")
		}
		total += ipr.Money(h[1])
	}
	return total, nil
}

// GuaranteeMoves returns the draws and releases on a guarantee, oldest first.
func (tx *Tx) GuaranteeMoves(ctx context.Context, id int64) ([]ipr.GuaranteeMove, error) {
	return queryAll(ctx, tx, func(row rowScanner) (ipr.GuaranteeMove, error) {
		var m ipr.GuaranteeMove
		err := row.Scan(&m.ID, &m.GuaranteeID, &m.CaseID, &m.Amount, &m.At, &m.By)
		m.At = m.At.UTC()
		return m, err
	}, `SELECT id, guarantee_id, case_id, amount, moved_at, moved_by FROM guarantee_moves
		WHERE guarantee_id = $1 ORDER BY id`, id)
}
