package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"bordermark/internal/ipr"
)

// AppendAudit seals e onto the end of the hash chain and stores it, in the
// caller's transaction, so that the event commits exactly when the change does.
func (tx *Tx) AppendAudit(ctx context.Context, e *ipr.AuditEvent) error {
	if tx.dialect == Postgres { // writers append one at a time; SQLite has one writer already
		if _, err := tx.exec(ctx, `SELECT pg_advisory_xact_lock(7341002)`); err != nil {
			return ipr.Internal(err)
		}
	}
	prev, err := tx.lastAudit(ctx)
	if err != nil {
		return err
	}
	e.Seal(prev)
	_, err = tx.exec(ctx, `INSERT INTO audit_events (seq, time, actor_id, actor_email, org_id, action,
		object_type, object_id, object_org, before_text, after_text, request_id, prev_hash, hash)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
		e.Seq, e.Time, e.ActorID, e.ActorEmail, e.OrgID, e.Action, e.ObjectType, e.ObjectID, e.ObjectOrg,
		e.Before, e.After, e.RequestID, e.PrevHash, e.Hash)
	return mapError(err, "audit", "event already recorded")
}

const auditColumns = `seq, time, actor_id, actor_email, org_id, action, object_type, object_id, object_org,
	before_text, after_text, request_id, prev_hash, hash`

func scanAudit(row rowScanner) (*ipr.AuditEvent, error) {
	var e ipr.AuditEvent
	err := row.Scan(&e.Seq, &e.Time, &e.ActorID, &e.ActorEmail, &e.OrgID, &e.Action, &e.ObjectType,
		&e.ObjectID, &e.ObjectOrg, &e.Before, &e.After, &e.RequestID, &e.PrevHash, &e.Hash)
	e.Time = e.Time.UTC()
	return &e, err
}

func (tx *Tx) lastAudit(ctx context.Context) (*ipr.AuditEvent, error) {
	e, err := scanAudit(tx.queryRow(ctx, `SELECT `+auditColumns+` FROM audit_events ORDER BY seq DESC LIMIT 1`))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil // the chain is empty: the next event is the first
	}
	if err != nil {
		return nil, ipr.Internal(err)
	}
	return e, nil
}

// AuditFilter is the domain's audit filter; the alias keeps store's signatures readable.
type AuditFilter = ipr.AuditFilter

func auditWhere(f AuditFilter) (string, []any) {
	var w whereBuilder
	if f.OrgID != 0 {
		w.add("(org_id = ? OR object_org = ?)", f.OrgID)
	}
	if strings.HasSuffix(f.Action, ".") {
		w.add("action LIKE ?", f.Action+"%")
	} else if f.Action != "" {
		w.add("action = ?", f.Action)
	}
	if f.Actor != "" {
		w.add(`actor_email LIKE ? ESCAPE '\'`, "%"+likeEscaper.Replace(strings.ToLower(f.Actor))+"%")
	}
	if f.ObjectType != "" {
		w.add("object_type = ?", f.ObjectType)
	}
	if !f.From.IsZero() {
		w.add("time >= ?", f.From.UTC())
	}
	if !f.To.IsZero() {
		w.add("time < ?", f.To.UTC())
	}
	return w.sql()
}

// ListAudit returns a page of matching events, newest first, and how many match in all.
func (tx *Tx) ListAudit(ctx context.Context, f AuditFilter) ([]*ipr.AuditEvent, int64, error) {
	where, args := auditWhere(f)
	total, err := tx.count(ctx, `SELECT COUNT(*) FROM audit_events`+where, args...)
	if err != nil {
		return nil, 0, err
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	limit = min(limit, 500)
	args = append(args, limit, max(f.Offset, 0))
	rows, err := tx.query(ctx, `SELECT `+auditColumns+` FROM audit_events`+where+
		` ORDER BY seq DESC LIMIT $`+itoa(len(args)-1)+` OFFSET $`+itoa(len(args)), args...)
	if err != nil {
		return nil, 0, ipr.Internal(err)
	}
	defer rows.Close()
	var list []*ipr.AuditEvent
	for rows.Next() {
		e, err := scanAudit(rows)
		if err != nil {
			return nil, 0, ipr.Internal(err)
		}
		list = append(list, e)
	}
	return list, total, mapError(rows.Err(), "audit", "")
}

// WalkAudit calls fn with every event in sequence order, reading in batches.
func (tx *Tx) WalkAudit(ctx context.Context, fn func(*ipr.AuditEvent) error) error {
	const batch = 1000
	var after int64 = -1 << 62
	for {
		rows, err := tx.query(ctx, `SELECT `+auditColumns+` FROM audit_events WHERE seq > $1 ORDER BY seq LIMIT $2`, after, batch)
		if err != nil {
			return ipr.Internal(err)
		}
		var page []*ipr.AuditEvent
		for rows.Next() {
			e, err := scanAudit(rows)
			if err != nil {
				rows.Close()
				return ipr.Internal(err)
			}
			page = append(page, e)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return ipr.Internal(err)
		}
		for _, e := range page {
			if err := fn(e); err != nil {
				return err
			}
			after = e.Seq
		}
		if len(page) < batch {
			return nil
		}
	}
}

// CountAudit counts matching events.
func (tx *Tx) CountAudit(ctx context.Context, f AuditFilter) (int64, error) {
	where, args := auditWhere(f)
	return tx.count(ctx, `SELECT COUNT(*) FROM audit_events`+where, args...)
}
