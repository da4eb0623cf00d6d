package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"bordermark/internal/ipr"
)

// CreateIdentificationRequest stores a request to the right holder and sets its ID.
// Every item must be one of the case's.
func (tx *Tx) CreateIdentificationRequest(ctx context.Context, r *ipr.IdentificationRequest) error {
	if err := r.Validate(); err != nil {
		return err
	}
	p := ipr.Problems{}
	for i, id := range r.ItemIDs {
		n, err := tx.count(ctx, `SELECT COUNT(*) FROM case_items WHERE id = $1 AND case_id = $2`, id, r.CaseID)
		if err != nil {
			return err
		}
		if n == 0 {
			p.Add(fmt.Sprintf("items[%d]", i), "is not an item of this case")
		}
	}
	if err := p.Err("the identification request is not valid"); err != nil {
		return err
	}
	r.AnsweredAt, r.Answers = time.Time{}, nil
	err := tx.queryRow(ctx, `INSERT INTO identification_requests (case_id, due, sent_at, sent_by)
		VALUES ($1, $2, $3, $4) RETURNING id`, r.CaseID, r.Due.UTC(), r.SentAt.UTC(), r.SentBy).Scan(&r.ID)
	if err != nil {
		return mapError(err, "case", "")
	}
	for _, id := range r.ItemIDs {
		if _, err := tx.exec(ctx, `INSERT INTO identification_request_items (request_id, item_id) VALUES ($1, $2)`,
			r.ID, id); err != nil {
			return mapError(err, "items", "")
		}
	}
	return nil
}

// AnswerIdentification stores the holder's answers to request id, one per item,
// all at once: answers for items not asked about, a missing or unknown verdict,
// or unknown guide points are refused with the field named ("items[3].verdict")
// and nothing is stored. A request is answered once.
func (tx *Tx) AnswerIdentification(ctx context.Context, id int64, answers []ipr.IdentificationAnswer, by int64, at time.Time) error {
	r, err := tx.IdentificationRequestByID(ctx, id)
	if err != nil {
		return err
	}
	if err := r.CheckAnswers(answers); err != nil {
		return err
	}
	if err := tx.checkGuidePoints(ctx, answers); err != nil {
		return err
	}
	res, err := tx.exec(ctx, `UPDATE identification_requests SET answered_at = $1 WHERE id = $2 AND answered_at IS NULL`,
		at.UTC(), id)
	if err != nil {
		return mapError(err, "request", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ipr.Errorf(ipr.ECONFLICT, "the request was answered by someone else meanwhile; reload it")
	}
	for i := range answers {
		a := &answers[i]
		a.RequestID, a.AnsweredBy, a.AnsweredAt = id, by, at.UTC()
		points, err := json.Marshal(nonNil(a.Points))
		if err != nil {
			return ipr.Internal(err)
		}
		if _, err := tx.exec(ctx, `INSERT INTO identification_answers (request_id, item_id, verdict, guide_point_ids,
			points, answered_by, answered_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`, id, a.ItemID, string(a.Verdict),
			joinIDs(a.GuidePointIDs), string(points), by, a.AnsweredAt); err != nil {
			return mapError(err, fmt.Sprintf("items[%d].item", i), "is answered twice")
		}
	}
	return tx.RefreshCaseStats(ctx, r.CaseID)
}

func (tx *Tx) checkGuidePoints(ctx context.Context, answers []ipr.IdentificationAnswer) error {
	p := ipr.Problems{}
	for i, a := range answers {
		for j, gp := range a.GuidePointIDs {
			n, err := tx.count(ctx, `SELECT COUNT(*) FROM guide_points WHERE id = $1`, gp)
			if err != nil {
				return err
			}
			if n == 0 {
				p.Add(fmt.Sprintf("items[%d].guide_points[%d]", i, j), "no such guide point")
			}
		}
	}
	return p.Err("the answers are not valid")
}

const requestColumns = `id, case_id, due, sent_at, sent_by, answered_at`

func scanRequest(row rowScanner) (*ipr.IdentificationRequest, error) {
	var r ipr.IdentificationRequest
	var answered sql.NullTime
	if err := row.Scan(&r.ID, &r.CaseID, &r.Due, &r.SentAt, &r.SentBy, &answered); err != nil {
		return nil, err
	}
	r.Due, r.SentAt = r.Due.UTC(), r.SentAt.UTC()
	if answered.Valid {
		r.AnsweredAt = answered.Time.UTC()
	}
	return &r, nil
}

// IdentificationRequestByID returns a request with its items and answers.
func (tx *Tx) IdentificationRequestByID(ctx context.Context, id int64) (*ipr.IdentificationRequest, error) {
	r, err := scanRequest(tx.queryRow(ctx, `SELECT `+requestColumns+` FROM identification_requests WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("identification request", "request", "with id "+strconv.FormatInt(id, 10))
	}
	if err != nil {
		return nil, mapError(err, "request", "")
	}
	return r, tx.loadRequestDetails(ctx, []*ipr.IdentificationRequest{r})
}

// IdentificationRequests returns a case's requests, oldest first, with items and answers.
func (tx *Tx) IdentificationRequests(ctx context.Context, caseID int64) ([]*ipr.IdentificationRequest, error) {
	list, err := queryAll(ctx, tx, scanRequest, `SELECT `+requestColumns+` FROM identification_requests
		WHERE case_id = $1 ORDER BY id`, caseID)
	if err != nil {
		return nil, err
	}
	return list, tx.loadRequestDetails(ctx, list)
}

func (tx *Tx) loadRequestDetails(ctx context.Context, list []*ipr.IdentificationRequest) error {
	if len(list) == 0 {
		return nil
	}
	byID := make(map[int64]*ipr.IdentificationRequest, len(list))
	ids := make([]int64, 0, len(list))
	for _, r := range list {
		byID[r.ID], r.ItemIDs, r.Answers = r, nil, nil
		ids = append(ids, r.ID)
	}
	var w whereBuilder
	w.in("request_id", ids)
	where, args := w.sql()
	pairs, err := queryAll(ctx, tx, scanIDPair, `SELECT request_id, item_id FROM identification_request_items`+where+
		` ORDER BY request_id, item_id`, args...)
	if err != nil {
		return err
	}
	for _, p := range pairs {
		byID[p[0]].ItemIDs = append(byID[p[0]].ItemIDs, p[1])
	}
	answers, err := queryAll(ctx, tx, scanAnswer, `SELECT request_id, item_id, verdict, guide_point_ids, points,
		answered_by, answered_at FROM identification_answers`+where+` ORDER BY request_id, item_id`, args...)
	if err != nil {
		return err
	}
	for _, a := range answers {
		byID[a.RequestID].Answers = append(byID[a.RequestID].Answers, a)
	}
	return nil
}

func scanAnswer(row rowScanner) (ipr.IdentificationAnswer, error) {
	var a ipr.IdentificationAnswer
	var verdict, guide, points string
	if err := row.Scan(&a.RequestID, &a.ItemID, &verdict, &guide, &points, &a.AnsweredBy, &a.AnsweredAt); err != nil {
		return a, err
	}
	a.Verdict, a.AnsweredAt = ipr.Verdict(verdict), a.AnsweredAt.UTC()
	for _, f := range strings.Fields(guide) {
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil {
			return a, err
		}
		a.GuidePointIDs = append(a.GuidePointIDs, id)
	}
	if err := json.Unmarshal([]byte(points), &a.Points); err != nil {
		return a, err
	}
	if len(a.Points) == 0 {
		a.Points = nil
	}
	return a, nil
}

func joinIDs(ids []int64) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		parts[i] = strconv.FormatInt(id, 10)
	}
	return strings.Join(parts, " ")
}

// HolderResponseTimes says how fast each right holder answered the requests sent
// on or after since: answered ones only, in hours, by holder.
func (tx *Tx) HolderResponseTimes(ctx context.Context, since time.Time) ([]ipr.ResponseTime, error) {
	rows, err := queryAll(ctx, tx, scanResponse, `SELECT c.holder_org_id, r.sent_at, r.answered_at
		FROM identification_requests r JOIN cases c ON c.id = r.case_id
		WHERE r.answered_at IS NOT NULL AND r.sent_at >= $1 ORDER BY c.holder_org_id`, since.UTC())
	if err != nil {
		return nil, err
	}
	hours := map[int64][]float64{}
	var orgs []int64
	for _, r := range rows {
		if _, seen := hours[r.org]; !seen {
			orgs = append(orgs, r.org)
		}
		hours[r.org] = append(hours[r.org], r.answered.Sub(r.sent).Hours())
	}
	out := make([]ipr.ResponseTime, 0, len(orgs))
	for _, org := range orgs {
		h := hours[org]
		slices.Sort(h)
		sum := 0.0
		for _, v := range h {
			sum += v
		}
		median := h[len(h)/2]
		if len(h)%2 == 0 {
			median = (h[len(h)/2-1] + h[len(h)/2]) / 2
		}
		out = append(out, ipr.ResponseTime{HolderOrgID: org, Answered: len(h), AvgHours: sum / float64(len(h)),
			MedianHours: median})
	}
	return out, nil
}

type response struct {
	org            int64
	sent, answered time.Time
}

func scanResponse(row rowScanner) (response, error) {
	var r response
	err := row.Scan(&r.org, &r.sent, &r.answered)
	return r, err
}
