package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"strings"

	"bordermark/internal/ipr"
)

// CreateAmendment files an amendment and sets its ID.
func (tx *Tx) CreateAmendment(ctx context.Context, a *ipr.Amendment) error {
	if err := a.Validate(); err != nil {
		return err
	}
	err := tx.queryRow(ctx, `INSERT INTO amendments (right_id, kind, owner, licensees, contacts, valid_to, note,
		status, reason, filed_by, filed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
		a.RightID, string(a.Kind), a.Owner, strings.Join(a.Licensees, "\n"), a.Contacts, a.ValidTo.String(), a.Note,
		string(a.Status), a.Reason, a.FiledBy, a.FiledAt).Scan(&a.ID)
	return mapError(err, "right", "")
}

// DecideAmendment records customs' decision on an amendment.
func (tx *Tx) DecideAmendment(ctx context.Context, a *ipr.Amendment) error {
	_, err := tx.exec(ctx, `UPDATE amendments SET status = $1, reason = $2, decided_by = $3, decided_at = $4 WHERE id = $5`,
		string(a.Status), a.Reason, a.DecidedBy, nullTime(a.DecidedAt), a.ID)
	return mapError(err, "amendment", "")
}

const amendmentColumns = `id, right_id, kind, owner, licensees, contacts, valid_to, note, status, reason,
	filed_by, filed_at, decided_by, decided_at`

func scanAmendment(row rowScanner) (*ipr.Amendment, error) {
	var a ipr.Amendment
	var kind, licensees, validTo, status string
	var decided sql.NullTime
	err := row.Scan(&a.ID, &a.RightID, &kind, &a.Owner, &licensees, &a.Contacts, &validTo, &a.Note, &status,
		&a.Reason, &a.FiledBy, &a.FiledAt, &a.DecidedBy, &decided)
	if err != nil {
		return nil, err
	}
	a.Kind, a.Status, a.Licensees = ipr.AmendmentKind(kind), ipr.RecordStatus(status), splitList(licensees, "\n")
	a.FiledAt, a.DecidedAt = a.FiledAt.UTC(), decided.Time.UTC()
	a.ValidTo, err = ipr.ParseDate(validTo)
	return &a, err
}

// AmendmentByID returns the amendment with id.
func (tx *Tx) AmendmentByID(ctx context.Context, id int64) (*ipr.Amendment, error) {
	a, err := scanAmendment(tx.queryRow(ctx, `SELECT `+amendmentColumns+` FROM amendments WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("amendment", "amendment", "with id "+strconv.FormatInt(id, 10))
	}
	return a, mapError(err, "amendment", "")
}

// Amendments returns a right's amendments, newest first: its history of changes.
func (tx *Tx) Amendments(ctx context.Context, rightID int64) ([]*ipr.Amendment, error) {
	return tx.amendments(ctx, `SELECT `+amendmentColumns+` FROM amendments WHERE right_id = $1 ORDER BY id DESC`, rightID)
}

// PendingAmendments returns amendments waiting for review, oldest first.
func (tx *Tx) PendingAmendments(ctx context.Context, limit int) ([]*ipr.Amendment, error) {
	return tx.amendments(ctx, `SELECT `+amendmentColumns+` FROM amendments WHERE status = 'submitted'
		ORDER BY filed_at, id LIMIT $1`, limit)
}

func (tx *Tx) amendments(ctx context.Context, query string, args ...any) ([]*ipr.Amendment, error) {
	return queryAll(ctx, tx, scanAmendment, query, args...)
}
