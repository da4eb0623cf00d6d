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

// CreateRule stores a new risk rule and sets its ID. The caller has validated
// its condition; the store only keeps it.
func (tx *Tx) CreateRule(ctx context.Context, r *ipr.RiskRule, now time.Time) error {
	if err := checkRule(r); err != nil {
		return err
	}
	r.CreatedAt, r.UpdatedAt = now, now
	err := tx.queryRow(ctx, `INSERT INTO rules (name, weight, expires, condition_json, source, active, created_by,
		created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
		r.Name, r.Weight, r.Expires.String(), r.Condition, r.Source, r.Active, r.CreatedBy, now, now).Scan(&r.ID)
	return mapError(err, "rule", "")
}

// UpdateRule saves every field of r but its author and creation time.
func (tx *Tx) UpdateRule(ctx context.Context, r *ipr.RiskRule, now time.Time) error {
	if err := checkRule(r); err != nil {
		return err
	}
	res, err := tx.exec(ctx, `UPDATE rules SET name = $1, weight = $2, expires = $3, condition_json = $4, source = $5,
		active = $6, updated_at = $7 WHERE id = $8`, r.Name, r.Weight, r.Expires.String(), r.Condition, r.Source,
		r.Active, now, r.ID)
	if err != nil {
		return mapError(err, "rule", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ruleNotFound(r.ID)
	}
	r.UpdatedAt = now
	return nil
}

// checkRule catches what would break storage; the rule's meaning is checked by the engine.
func checkRule(r *ipr.RiskRule) error {
	p := ipr.Problems{}
	if r.Name = strings.TrimSpace(r.Name); r.Name == "" {
		p.Add("name", "is required")
	}
	if strings.TrimSpace(r.Condition) == "" {
		p.Add("when", "is required")
	}
	return p.Err("the rule is not valid")
}

// DeleteRule removes a rule. Declarations that met it keep the record.
func (tx *Tx) DeleteRule(ctx context.Context, id int64) error {
	res, err := tx.exec(ctx, `DELETE FROM rules WHERE id = $1`, id)
	if err != nil {
		return mapError(err, "rule", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ruleNotFound(id)
	}
	return nil
}

func ruleNotFound(id int64) error {
	return notFound("rule", "rule", "with id "+strconv.FormatInt(id, 10))
}

const ruleColumns = `id, name, weight, expires, condition_json, source, active, created_by, created_at, updated_at`

func scanRule(row rowScanner) (*ipr.RiskRule, error) {
	var r ipr.RiskRule
	var expires string
	err := row.Scan(&r.ID, &r.Name, &r.Weight, &expires, &r.Condition, &r.Source, &r.Active, &r.CreatedBy,
		&r.CreatedAt, &r.UpdatedAt)
	if err != nil {
		return nil, err
	}
	r.CreatedAt, r.UpdatedAt = r.CreatedAt.UTC(), r.UpdatedAt.UTC()
	r.Expires, err = ipr.ParseDate(expires)
	return &r, err
}

// RuleByID returns the rule with id.
func (tx *Tx) RuleByID(ctx context.Context, id int64) (*ipr.RiskRule, error) {
	r, err := scanRule(tx.queryRow(ctx, `SELECT `+ruleColumns+` FROM rules WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ruleNotFound(id)
	}
	return r, mapError(err, "rule", "")
}

// Rules returns the rules by id, only the active ones when activeOnly.
func (tx *Tx) Rules(ctx context.Context, activeOnly bool) ([]*ipr.RiskRule, error) {
	where := ""
	if activeOnly {
		where = ` WHERE active = TRUE`
	}
	return queryAll(ctx, tx, scanRule, `SELECT `+ruleColumns+` FROM rules`+where+` ORDER BY id`)
}

// RuleCounts returns, by rule id, how many stored declarations met each rule
// and how officers decided them.
func (tx *Tx) RuleCounts(ctx context.Context) (map[int64]ipr.RuleCounts, error) {
	rows, err := tx.query(ctx, `SELECT r.rule_id, COUNT(*),
		SUM(CASE WHEN d.status = 'dismissed' THEN 1 ELSE 0 END),
		SUM(CASE WHEN d.status = 'inspection' THEN 1 ELSE 0 END)
		FROM declaration_rules r JOIN declarations d ON d.id = r.declaration_id GROUP BY r.rule_id`)
	if err != nil {
		return nil, ipr.Internal(err)
	}
	defer rows.Close()
	out := map[int64]ipr.RuleCounts{}
	for rows.Next() {
		var id int64
		var c ipr.RuleCounts
		if err := rows.Scan(&id, &c.Hits, &c.Dismissed, &c.Inspected); err != nil {
			return nil, ipr.Internal(err)
		}
		out[id] = c
	}
	return out, mapError(rows.Err(), "rule", "")
}

// The screening engine's input: the register as screening sees it.

// ScreeningRights returns every approved right whose recordation ends on or
// after day, expired ones included: the engine judges validity per declaration date.
func (tx *Tx) ScreeningRights(ctx context.Context, day ipr.Date) ([]*ipr.Right, error) {
	return queryAll(ctx, tx, scanRight, `SELECT `+rightColumns+rightFrom+`WHERE r.status = 'approved'
		AND r.record_to >= $1 ORDER BY r.id`, day.String())
}

// ScreeningParties returns the authorised parties of the rights ScreeningRights returns for day.
func (tx *Tx) ScreeningParties(ctx context.Context, day ipr.Date) ([]*ipr.Party, error) {
	return queryAll(ctx, tx, scanParty, `SELECT p.id, p.right_id, p.role, p.name, p.address, p.reg_code
		FROM right_parties p JOIN rights r ON r.id = p.right_id
		WHERE r.status = 'approved' AND r.record_to >= $1 ORDER BY p.right_id, p.id`, day.String())
}

func scanParty(row rowScanner) (*ipr.Party, error) {
	var p ipr.Party
	var role string
	err := row.Scan(&p.ID, &p.RightID, &role, &p.Name, &p.Address, &p.RegCode)
	p.Role = ipr.PartyRole(role)
	return &p, err
}

// PriceFloor is the lowest genuine unit price a right's catalogue gives, in one currency.
type PriceFloor struct {
	RightID  int64
	PriceMin float64
	Currency string
}

// ScreeningPrices returns the lowest catalogue price of each right, per
// currency, of the rights ScreeningRights returns for day.
func (tx *Tx) ScreeningPrices(ctx context.Context, day ipr.Date) ([]PriceFloor, error) {
	return queryAll(ctx, tx, func(row rowScanner) (PriceFloor, error) {
		var f PriceFloor
		err := row.Scan(&f.RightID, &f.PriceMin, &f.Currency)
		return f, err
	}, `SELECT p.right_id, MIN(p.price_min), p.currency FROM products p JOIN rights r ON r.id = p.right_id
		WHERE r.status = 'approved' AND r.record_to >= $1 AND p.price_min > 0
		GROUP BY p.right_id, p.currency ORDER BY p.right_id, p.currency`, day.String())
}
