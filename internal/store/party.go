package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	"bordermark/internal/ipr"
)

// AddParty stores an authorised party of a right and sets its ID.
func (tx *Tx) AddParty(ctx context.Context, p *ipr.Party) error {
	if err := p.Validate(); err != nil {
		return err
	}
	err := tx.queryRow(ctx, `INSERT INTO right_parties (right_id, role, name, address, reg_code)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`, p.RightID, string(p.Role), p.Name, p.Address, p.RegCode).Scan(&p.ID)
	return mapError(err, "right", "")
}

// PartyByID returns the authorised party with id.
func (tx *Tx) PartyByID(ctx context.Context, id int64) (*ipr.Party, error) {
	var p ipr.Party
	var role string
	err := tx.queryRow(ctx, `SELECT id, right_id, role, name, address, reg_code FROM right_parties WHERE id = $1`, id).
		Scan(&p.ID, &p.RightID, &role, &p.Name, &p.Address, &p.RegCode)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("authorised party", "party", "with id "+strconv.FormatInt(id, 10))
	}
	p.Role = ipr.PartyRole(role)
	return &p, mapError(err, "party", "")
}

// DeleteParty removes an authorised party.
func (tx *Tx) DeleteParty(ctx context.Context, id int64) error {
	_, err := tx.exec(ctx, `DELETE FROM right_parties WHERE id = $1`, id)
	return mapError(err, "party", "")
}

// DeleteParties removes a right's authorised parties of one role ("" for all roles).
func (tx *Tx) DeleteParties(ctx context.Context, rightID int64, role ipr.PartyRole) error {
	_, err := tx.exec(ctx, `DELETE FROM right_parties WHERE right_id = $1 AND ($2 = '' OR role = $2)`, rightID, string(role))
	return mapError(err, "party", "")
}

// Parties returns the authorised parties of the given rights, by right, role and name.
func (tx *Tx) Parties(ctx context.Context, rightIDs ...int64) ([]*ipr.Party, error) {
	var w whereBuilder
	w.in("right_id", rightIDs)
	where, args := w.sql()
	rows, err := tx.query(ctx, `SELECT id, right_id, role, name, address, reg_code FROM right_parties`+where+
		` ORDER BY right_id, role, name`, args...)
	if err != nil {
		return nil, ipr.Internal(err)
	}
	defer rows.Close()
	var list []*ipr.Party
	for rows.Next() {
		var p ipr.Party
		var role string
		if err := rows.Scan(&p.ID, &p.RightID, &role, &p.Name, &p.Address, &p.RegCode); err != nil {
			return nil, ipr.Internal(err)
		}
		p.Role = ipr.PartyRole(role)
		list = append(list, &p)
	}
	return list, mapError(rows.Err(), "party", "")
}

// AllParties returns every authorised party of rights in force on day, for the screening index.
func (tx *Tx) AllParties(ctx context.Context, day ipr.Date) ([]*ipr.Party, error) {
	rows, err := tx.query(ctx, `SELECT p.id, p.right_id, p.role, p.name, p.address, p.reg_code
		FROM right_parties p JOIN rights r ON r.id = p.right_id
		WHERE r.status = 'approved' AND r.record_from <= $1 AND r.record_to >= $1 ORDER BY p.right_id`, day.String())
	if err != nil {
		return nil, ipr.Internal(err)
	}
	defer rows.Close()
	var list []*ipr.Party
	for rows.Next() {
		var p ipr.Party
		var role string
		if err := rows.Scan(&p.ID, &p.RightID, &role, &p.Name, &p.Address, &p.RegCode); err != nil {
			return nil, ipr.Internal(err)
		}
		p.Role = ipr.PartyRole(role)
		list = append(list, &p)
	}
	return list, mapError(rows.Err(), "party", "")
}
