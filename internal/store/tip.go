package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"bordermark/internal/ipr"
)

// tipLists is the JSON of a tip's lists column.
type tipLists struct {
	Consignors []string `json:"consignors,omitempty"`
	Consignees []string `json:"consignees,omitempty"`
	Addresses  []string `json:"addresses,omitempty"`
	Factories  []string `json:"factories,omitempty"`
	Routes     []string `json:"routes,omitempty"`
	Ports      []string `json:"ports,omitempty"`
	Transports []string `json:"transports,omitempty"`
	HSCodes    []string `json:"hs_codes,omitempty"`
}

// CreateTip stores a validated tip with its files and sets its ID. Every file
// must have been uploaded by the tip's holder.
func (tx *Tx) CreateTip(ctx context.Context, t *ipr.Tip, now time.Time) error {
	lists, err := json.Marshal(tipLists{t.Consignors, t.Consignees, t.Addresses, t.Factories, t.Routes, t.Ports,
		t.Transports, t.HSCodes})
	if err != nil {
		return ipr.Internal(err)
	}
	for i, sha := range t.Files {
		if ok, err := tx.FileBelongsTo(ctx, sha, t.OrgID); err != nil {
			return err
		} else if !ok {
			return &ipr.Error{Code: ipr.EINVALID, Message: "the tip is not valid",
				Fields: map[string]string{"files[" + itoa(i) + "]": "is not a file your organisation uploaded"}}
		}
	}
	t.Status, t.CreatedAt = ipr.TipOpen, now
	err = tx.queryRow(ctx, `INSERT INTO tips (org_id, title, lists_json, unit_value_min, unit_value_max, window_from,
		window_to, confidence, notes, expires, status, created_by, created_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
		t.OrgID, t.Title, string(lists), t.UnitValueMin, t.UnitValueMax, t.WindowFrom.String(), t.WindowTo.String(),
		string(t.Confidence), t.Notes, t.Expires.String(), string(t.Status), t.CreatedBy, now).Scan(&t.ID)
	if err != nil {
		return mapError(err, "tip", "")
	}
	for i, sha := range t.Files {
		if _, err := tx.exec(ctx, `INSERT INTO tip_files (tip_id, position, sha256) VALUES ($1, $2, $3)`,
			t.ID, i, sha); err != nil {
			return mapError(err, "files", "")
		}
	}
	return nil
}

const tipColumns = `t.id, t.org_id, o.name, t.title, t.lists_json, t.unit_value_min, t.unit_value_max, t.window_from,
	t.window_to, t.confidence, t.notes, t.expires, t.status, t.rule_id, t.reason, t.reviewed_by, t.reviewed_at,
	t.created_by, t.created_at`

const tipFrom = ` FROM tips t JOIN orgs o ON o.id = t.org_id`

func scanTip(row rowScanner) (*ipr.Tip, error) {
	var t ipr.Tip
	var lists, from, to, expires, confidence, status string
	var reviewed sql.NullTime
	err := row.Scan(&t.ID, &t.OrgID, &t.OrgName, &t.Title, &lists, &t.UnitValueMin, &t.UnitValueMax, &from, &to,
		&confidence, &t.Notes, &expires, &status, &t.RuleID, &t.Reason, &t.ReviewedBy, &reviewed, &t.CreatedBy,
		&t.CreatedAt)
	if err != nil {
		return nil, err
	}
	var l tipLists
	if err := json.Unmarshal([]byte(lists), &l); err != nil {
		return nil, err
	}
	t.Consignors, t.Consignees, t.Addresses, t.Factories = l.Consignors, l.Consignees, l.Addresses, l.Factories
	t.Routes, t.Ports, t.Transports, t.HSCodes = l.Routes, l.Ports, l.Transports, l.HSCodes
	t.Confidence, t.Status = ipr.Confidence(confidence), ipr.TipStatus(status)
	t.CreatedAt, t.ReviewedAt = t.CreatedAt.UTC(), reviewed.Time.UTC()
	if !reviewed.Valid {
		t.ReviewedAt = time.Time{}
	}
	for _, d := range []struct {
		s   string
		out *ipr.Date
	}{{from, &t.WindowFrom}, {to, &t.WindowTo}, {expires, &t.Expires}} {
		if *d.out, err = ipr.ParseDate(d.s); err != nil {
			return nil, err
		}
	}
	return &t, nil
}

func tipNotFound(id int64) error { return notFound("tip", "tip", "with id "+strconv.FormatInt(id, 10)) }

// TipByID returns the tip with id, with its files and shares.
func (tx *Tx) TipByID(ctx context.Context, id int64) (*ipr.Tip, error) {
	t, err := scanTip(tx.queryRow(ctx, `SELECT `+tipColumns+tipFrom+` WHERE t.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, tipNotFound(id)
	}
	if err != nil {
		return nil, mapError(err, "tip", "")
	}
	return t, tx.loadTipDetails(ctx, []*ipr.Tip{t})
}

// ListTips returns a page of tips, newest first, with their files and shares,
// and how many match in all.
func (tx *Tx) ListTips(ctx context.Context, f ipr.TipFilter) ([]*ipr.Tip, int64, error) {
	var w whereBuilder
	if f.Status != "" {
		w.add("t.status = ?", string(f.Status))
	}
	if f.Confidence != "" {
		w.add("t.confidence = ?", string(f.Confidence))
	}
	if f.OrgID != 0 {
		w.add("t.org_id = ?", f.OrgID)
	}
	if f.VisibleTo != nil {
		w.conds = append(w.conds, visibleTipsCond(len(w.args), len(f.VisibleTo)))
		for range 2 {
			for _, id := range f.VisibleTo {
				w.args = append(w.args, id)
			}
		}
	}
	where, args := w.sql()
	total, err := tx.count(ctx, `SELECT COUNT(*) FROM tips t`+where, args...)
	if err != nil {
		return nil, 0, err
	}
	args, limit := page(args, f.Limit, f.Offset)
	list, err := queryAll(ctx, tx, scanTip, `SELECT `+tipColumns+tipFrom+where+` ORDER BY t.id DESC`+limit, args...)
	if err != nil {
		return nil, 0, err
	}
	return list, total, tx.loadTipDetails(ctx, list)
}

// visibleTipsCond is "the tip is of, or shared with, one of n organisations",
// whose ids are the arguments after the first `before` (given twice).
func visibleTipsCond(before, n int) string {
	marks := func(from int) string {
		s := ""
		for i := range n {
			if i > 0 {
				s += ", "
			}
			s += "$" + itoa(from+i+1)
		}
		return s
	}
	if n == 0 {
		return "1 = 0"
	}
	return `(t.org_id IN (` + marks(before) + `) OR EXISTS (SELECT 1 FROM tip_shares s
		JOIN working_group_members m ON m.group_id = s.group_id
		WHERE s.tip_id = t.id AND m.holder_id IN (` + marks(before+n) + `)))`
}

// loadTipDetails fills in the files and shares of tips.
func (tx *Tx) loadTipDetails(ctx context.Context, tips []*ipr.Tip) error {
	if len(tips) == 0 {
		return nil
	}
	byID := map[int64]*ipr.Tip{}
	ids := make([]int64, len(tips))
	for i, t := range tips {
		byID[t.ID], ids[i] = t, t.ID
		t.Files, t.Shares = nil, nil
	}
	var w whereBuilder
	w.in("tip_id", ids)
	where, args := w.sql()
	rows, err := tx.query(ctx, `SELECT tip_id, sha256 FROM tip_files`+where+` ORDER BY tip_id, position`, args...)
	if err != nil {
		return ipr.Internal(err)
	}
	for rows.Next() {
		var id int64
		var sha string
		if err := rows.Scan(&id, &sha); err != nil {
			rows.Close()
			return ipr.Internal(err)
		}
		byID[id].Files = append(byID[id].Files, sha)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return ipr.Internal(err)
	}
	w = whereBuilder{}
	w.in("s.tip_id", ids)
	where, args = w.sql()
	rows, err = tx.query(ctx, `SELECT s.tip_id, s.group_id, g.name, s.anonymised, s.shared_by, s.shared_at
		FROM tip_shares s JOIN working_groups g ON g.id = s.group_id`+where+` ORDER BY s.tip_id, g.name`, args...)
	if err != nil {
		return ipr.Internal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var s ipr.TipShare
		if err := rows.Scan(&id, &s.GroupID, &s.GroupName, &s.Anonymised, &s.SharedBy, &s.SharedAt); err != nil {
			return ipr.Internal(err)
		}
		s.SharedAt = s.SharedAt.UTC()
		byID[id].Shares = append(byID[id].Shares, s)
	}
	return mapError(rows.Err(), "tip", "")
}

// ReviewTip records customs' decision on a tip that is still open: the rule it
// became, or why it was dismissed. A tip already decided is a conflict.
func (tx *Tx) ReviewTip(ctx context.Context, t *ipr.Tip) error {
	res, err := tx.exec(ctx, `UPDATE tips SET status = $1, rule_id = $2, reason = $3, reviewed_by = $4, reviewed_at = $5
		WHERE id = $6 AND status = 'open'`, string(t.Status), t.RuleID, t.Reason, t.ReviewedBy, nullTime(t.ReviewedAt.UTC()), t.ID)
	if err != nil {
		return mapError(err, "tip", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ipr.Errorf(ipr.ECONFLICT, "tip %d was already reviewed; reload it", t.ID)
	}
	return nil
}

// ShareTip shares a tip with a working group, or changes whether it is anonymised there.
func (tx *Tx) ShareTip(ctx context.Context, tipID int64, s ipr.TipShare) error {
	_, err := tx.exec(ctx, `INSERT INTO tip_shares (tip_id, group_id, anonymised, shared_by, shared_at)
		VALUES ($1, $2, $3, $4, $5) ON CONFLICT (tip_id, group_id)
		DO UPDATE SET anonymised = excluded.anonymised, shared_by = excluded.shared_by, shared_at = excluded.shared_at`,
		tipID, s.GroupID, s.Anonymised, s.SharedBy, s.SharedAt)
	return mapError(err, "group", "")
}

// TipShareMembers returns, for each share of the tip, the member holders of its group.
func (tx *Tx) TipShareMembers(ctx context.Context, tipID int64) (map[int64][]int64, error) {
	rows, err := tx.query(ctx, `SELECT s.group_id, m.holder_id FROM tip_shares s
		JOIN working_group_members m ON m.group_id = s.group_id WHERE s.tip_id = $1 ORDER BY s.group_id, m.holder_id`, tipID)
	if err != nil {
		return nil, ipr.Internal(err)
	}
	defer rows.Close()
	out := map[int64][]int64{}
	for rows.Next() {
		var g, h int64
		if err := rows.Scan(&g, &h); err != nil {
			return nil, ipr.Internal(err)
		}
		out[g] = append(out[g], h)
	}
	return out, mapError(rows.Err(), "tip", "")
}

// SharedTips returns the tips shared with a group, with the share's anonymity in their Shares.
func (tx *Tx) SharedTips(ctx context.Context, groupID int64) ([]*ipr.Tip, error) {
	list, err := queryAll(ctx, tx, scanTip, `SELECT `+tipColumns+tipFrom+` JOIN tip_shares s ON s.tip_id = t.id
		WHERE s.group_id = $1 ORDER BY t.id`, groupID)
	if err != nil {
		return nil, err
	}
	return list, tx.loadTipDetails(ctx, list)
}

// RuleFeedback returns, by rule id, how many declarations each rule flagged,
// how many cases were opened from them and how many of those found the goods infringing.
func (tx *Tx) RuleFeedback(ctx context.Context) (map[int64]ipr.TipFeedback, error) {
	rows, err := tx.query(ctx, `SELECT r.rule_id, COUNT(DISTINCT r.declaration_id), COUNT(DISTINCT c.id),
		COUNT(DISTINCT CASE WHEN c.determination = 'infringing' THEN c.id END)
		FROM declaration_rules r LEFT JOIN cases c ON c.declaration_id = r.declaration_id GROUP BY r.rule_id`)
	if err != nil {
		return nil, ipr.Internal(err)
	}
	defer rows.Close()
	out := map[int64]ipr.TipFeedback{}
	for rows.Next() {
		var f ipr.TipFeedback
		if err := rows.Scan(&f.RuleID, &f.Flagged, &f.Cases, &f.Confirmed); err != nil {
			return nil, ipr.Internal(err)
		}
		out[f.RuleID] = f
	}
	return out, mapError(rows.Err(), "rule", "")
}
