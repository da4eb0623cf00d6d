package store

import (
	"context"
	"database/sql"
	"errors"

	"bordermark/internal/ipr"
)

const thresholdColumns = `id, jurisdiction, code, offence, legal_basis, min_marks, volume, sales, gains, unsold, currency,
	effective_on, created_at, created_by`

// AddThreshold stores a new version of a threshold; earlier versions stay as
// history. A second version of a code on the same day is a conflict.
func (tx *Tx) AddThreshold(ctx context.Context, th *ipr.Threshold) error {
	if err := th.Validate(); err != nil {
		return err
	}
	err := tx.queryRow(ctx, `INSERT INTO thresholds (jurisdiction, code, offence, legal_basis, min_marks, volume, sales,
		gains, unsold, currency, effective_on, created_at, created_by)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		RETURNING id`, th.Jurisdiction, th.Code, th.Offence, th.LegalBasis, th.MinMarks, int64(th.Volume), int64(th.Sales),
		int64(th.Gains), int64(th.Unsold), th.Currency, th.EffectiveOn.String(), th.CreatedAt.UTC(), th.CreatedBy).Scan(&th.ID)
	return mapError(err, "effective_on", "a version of this threshold already takes effect on that day")
}

func scanThreshold(row rowScanner) (*ipr.Threshold, error) {
	var th ipr.Threshold
	var effective string
	err := row.Scan(&th.ID, &th.Jurisdiction, &th.Code, &th.Offence, &th.LegalBasis, &th.MinMarks, &th.Volume, &th.Sales,
		&th.Gains, &th.Unsold, &th.Currency, &effective, &th.CreatedAt, &th.CreatedBy)
	if err != nil {
		return nil, err
	}
	th.CreatedAt = th.CreatedAt.UTC()
	if th.EffectiveOn, err = ipr.ParseDate(effective); err != nil {
		return nil, err
	}
	return &th, nil
}

// Thresholds lists every version of a jurisdiction's thresholds ("" for all),
// by code and then newest first: the history.
func (tx *Tx) Thresholds(ctx context.Context, jurisdiction string) ([]*ipr.Threshold, error) {
	return queryAll(ctx, tx, scanThreshold, `SELECT `+thresholdColumns+` FROM thresholds
		WHERE $1 = '' OR jurisdiction = $1 ORDER BY jurisdiction, code, effective_on DESC`, jurisdiction)
}

// ThresholdsOn lists the thresholds of jurisdiction in force on day: for each
// code, the latest version effective on or before it.
func (tx *Tx) ThresholdsOn(ctx context.Context, jurisdiction string, day ipr.Date) ([]*ipr.Threshold, error) {
	return queryAll(ctx, tx, scanThreshold, `SELECT `+thresholdColumns+` FROM thresholds t
		WHERE jurisdiction = $1 AND effective_on = (SELECT MAX(effective_on) FROM thresholds v
			WHERE v.jurisdiction = t.jurisdiction AND v.code = t.code AND v.effective_on <= $2)
		ORDER BY code`, jurisdiction, day.String())
}

// ThresholdByID loads one threshold version.
func (tx *Tx) ThresholdByID(ctx context.Context, id int64) (*ipr.Threshold, error) {
	th, err := scanThreshold(tx.queryRow(ctx, `SELECT `+thresholdColumns+` FROM thresholds WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("threshold", "threshold", "with this id")
	}
	return th, mapError(err, "threshold", "")
}
