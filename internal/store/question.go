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

// CreateQuestion stores a validated question and sets its ID.
func (tx *Tx) CreateQuestion(ctx context.Context, q *ipr.Question, now time.Time) error {
	q.AskedAt, q.Shared, q.Answer, q.AnsweredBy, q.AnsweredAt = now, false, "", 0, time.Time{}
	var caseID sql.NullInt64
	if q.CaseID != 0 {
		caseID = sql.NullInt64{Int64: q.CaseID, Valid: true}
	}
	err := tx.queryRow(ctx, `INSERT INTO questions (org_id, case_id, title, body, asked_by, asked_at)
		VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`, q.OrgID, caseID, q.Title, q.Body, q.AskedBy, now).Scan(&q.ID)
	return mapError(err, "case", "")
}

// AnswerQuestion records customs' answer, or replaces it.
func (tx *Tx) AnswerQuestion(ctx context.Context, id int64, answer string, by int64, at time.Time) error {
	res, err := tx.exec(ctx, `UPDATE questions SET answer = $1, answered_by = $2, answered_at = $3 WHERE id = $4`,
		answer, by, at, id)
	return questionChanged(res, err, id)
}

// ShareQuestion makes a question visible to all members, or only to its asker again.
func (tx *Tx) ShareQuestion(ctx context.Context, id int64, shared bool) error {
	res, err := tx.exec(ctx, `UPDATE questions SET shared = $1 WHERE id = $2`, shared, id)
	return questionChanged(res, err, id)
}

func questionChanged(res sql.Result, err error, id int64) error {
	if err != nil {
		return mapError(err, "question", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return questionNotFound(id)
	}
	return nil
}

func questionNotFound(id int64) error {
	return notFound("question", "question", "with id "+strconv.FormatInt(id, 10))
}

const questionColumns = `q.id, q.org_id, o.name, COALESCE(q.case_id, 0), COALESCE(c.ref, ''), q.title, q.body, q.shared,
	q.asked_by, q.asked_at, q.answer, q.answered_by, q.answered_at`

const questionFrom = ` FROM questions q JOIN orgs o ON o.id = q.org_id LEFT JOIN cases c ON c.id = q.case_id`

func scanQuestion(row rowScanner) (*ipr.Question, error) {
	var q ipr.Question
	var answered sql.NullTime
	if err := row.Scan(&q.ID, &q.OrgID, &q.OrgName, &q.CaseID, &q.CaseRef, &q.Title, &q.Body, &q.Shared,
		&q.AskedBy, &q.AskedAt, &q.Answer, &q.AnsweredBy, &answered); err != nil {
		return nil, err
	}
	q.AskedAt = q.AskedAt.UTC()
	if answered.Valid {
		q.AnsweredAt = answered.Time.UTC()
	}
	return &q, nil
}

// QuestionByID returns the question with id.
func (tx *Tx) QuestionByID(ctx context.Context, id int64) (*ipr.Question, error) {
	q, err := scanQuestion(tx.queryRow(ctx, `SELECT `+questionColumns+questionFrom+` WHERE q.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, questionNotFound(id)
	}
	return q, mapError(err, "question", "")
}

// ListQuestions returns a page of questions, newest first, and how many match.
func (tx *Tx) ListQuestions(ctx context.Context, f ipr.QuestionFilter) ([]*ipr.Question, int64, error) {
	var w whereBuilder
	if s := strings.TrimSpace(f.Query); s != "" {
		w.add(`(LOWER(q.title) LIKE ? ESCAPE '\' OR LOWER(q.body) LIKE ? ESCAPE '\' OR LOWER(q.answer) LIKE ? ESCAPE '\')`,
			"%"+likeEscaper.Replace(strings.ToLower(s))+"%")
	}
	switch f.Answered {
	case "answered":
		w.conds = append(w.conds, "q.answered_at IS NOT NULL")
	case "unanswered":
		w.conds = append(w.conds, "q.answered_at IS NULL")
	}
	if f.VisibleTo != nil {
		var own whereBuilder
		own.args = w.args
		own.in("q.org_id", f.VisibleTo)
		w.args = own.args
		w.conds = append(w.conds, "(q.shared = TRUE OR "+own.conds[0]+")")
	}
	where, args := w.sql()
	total, err := tx.count(ctx, `SELECT COUNT(*)`+questionFrom+where, args...)
	if err != nil {
		return nil, 0, err
	}
	args, limit := page(args, f.Limit, f.Offset)
	list, err := queryAll(ctx, tx, scanQuestion, `SELECT `+questionColumns+questionFrom+where+` ORDER BY q.id DESC`+limit, args...)
	return list, total, err
}
