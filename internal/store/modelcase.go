package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"bordermark/internal/ipr"
)

// PutModelCase publishes a model case of its case, or replaces the one
// published before, and sets its ID.
func (tx *Tx) PutModelCase(ctx context.Context, m *ipr.ModelCase) error {
	b, err := json.Marshal(m.Snapshot)
	if err != nil {
		return ipr.Internal(err)
	}
	err = tx.queryRow(ctx, `INSERT INTO model_cases (case_id, title, snapshot_json, search_text, status, published_by, published_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (case_id) DO UPDATE SET title = excluded.title,
		snapshot_json = excluded.snapshot_json, search_text = excluded.search_text, status = excluded.status,
		published_by = excluded.published_by, published_at = excluded.published_at RETURNING id`,
		m.CaseID, m.Snapshot.Title, string(b), m.Snapshot.SearchText(), string(m.Status), m.PublishedBy,
		m.PublishedAt.UTC()).Scan(&m.ID)
	return mapError(err, "case", "")
}

// SetModelCaseStatus publishes or withdraws a model case.
func (tx *Tx) SetModelCaseStatus(ctx context.Context, id int64, status ipr.ModelCaseStatus) error {
	res, err := tx.exec(ctx, `UPDATE model_cases SET status = $1 WHERE id = $2`, string(status), id)
	if err != nil {
		return mapError(err, "model_case", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return modelCaseNotFound(id)
	}
	return nil
}

const modelCaseColumns = `id, case_id, status, snapshot_json, published_by, published_at`

func scanModelCase(row rowScanner) (*ipr.ModelCase, error) {
	var m ipr.ModelCase
	var status, snap string
	if err := row.Scan(&m.ID, &m.CaseID, &status, &snap, &m.PublishedBy, &m.PublishedAt); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(snap), &m.Snapshot); err != nil {
		return nil, err
	}
	m.Status, m.PublishedAt = ipr.ModelCaseStatus(status), m.PublishedAt.UTC()
	return &m, nil
}

func modelCaseNotFound(id int64) error {
	return notFound("model case", "model_case", "with id "+strconv.FormatInt(id, 10))
}

// ModelCaseByID returns a model case, published or withdrawn.
func (tx *Tx) ModelCaseByID(ctx context.Context, id int64) (*ipr.ModelCase, error) {
	m, err := scanModelCase(tx.queryRow(ctx, `SELECT `+modelCaseColumns+` FROM model_cases WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, modelCaseNotFound(id)
	}
	return m, mapError(err, "model_case", "")
}

// ModelCaseOfCase returns the model case made of a case; ENOTFOUND when there is none.
func (tx *Tx) ModelCaseOfCase(ctx context.Context, caseID int64) (*ipr.ModelCase, error) {
	m, err := scanModelCase(tx.queryRow(ctx, `SELECT `+modelCaseColumns+` FROM model_cases WHERE case_id = $1`, caseID))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("model case", "case", "of case "+strconv.FormatInt(caseID, 10))
	}
	return m, mapError(err, "model_case", "")
}

// PublishedModelCases returns a page of published model cases, newest first,
// and how many match; Text searches the title, text and revealed facts.
func (tx *Tx) PublishedModelCases(ctx context.Context, f ipr.ModelCaseFilter) ([]*ipr.ModelCase, int64, error) {
	var w whereBuilder
	w.add("status = ?", string(ipr.ModelCasePublished))
	if t := strings.TrimSpace(f.Text); t != "" {
		w.add(`search_text LIKE ? ESCAPE '\'`, "%"+likeEscaper.Replace(strings.ToLower(t))+"%")
	}
	where, args := w.sql()
	total, err := tx.count(ctx, `SELECT COUNT(*) FROM model_cases`+where, args...)
	if err != nil {
		return nil, 0, err
	}
	args, limit := page(args, f.Limit, f.Offset)
	list, err := queryAll(ctx, tx, scanModelCase, `SELECT `+modelCaseColumns+` FROM model_cases`+where+
		` ORDER BY published_at DESC, id DESC`+limit, args...)
	return list, total, err
}

// CaseParties returns what the declaration a case was opened from says about its
// parties: consignor and consignee with their addresses, and the transport and
// origin. A case opened without a declaration has none.
func (tx *Tx) CaseParties(ctx context.Context, caseID int64) (*ipr.Declaration, error) {
	var d ipr.Declaration
	err := tx.queryRow(ctx, `SELECT d.id, d.ref, d.consignor, d.consignor_address, d.consignee, d.consignee_address,
		d.transport, d.origin FROM cases c JOIN declarations d ON d.id = c.declaration_id WHERE c.id = $1`, caseID).
		Scan(&d.ID, &d.Ref, &d.Consignor, &d.ConsignorAddress, &d.Consignee, &d.ConsigneeAddress, &d.Transport, &d.Origin)
	if errors.Is(err, sql.ErrNoRows) {
		return &ipr.Declaration{}, nil
	}
	if err != nil {
		return nil, mapError(err, "case", "")
	}
	return &d, nil
}
