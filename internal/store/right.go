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

// CreateRight stores a new recordation and sets its ID (and Ref, when none was given).
func (tx *Tx) CreateRight(ctx context.Context, r *ipr.Right, now time.Time) error {
	if err := r.Validate(); err != nil {
		return err
	}
	ref := r.Ref
	if ref == "" {
		ref = "pending-" + strconv.FormatInt(now.UnixNano(), 36) // replaced by BM-<id> below
	}
	r.CreatedAt, r.UpdatedAt, r.Version = now, now, 1
	err := tx.queryRow(ctx, `INSERT INTO rights (`+rightInsertColumns+`) VALUES (`+numbered(1, rightValueCount)+`)
		RETURNING id`, rightValues(r, ref)...).Scan(&r.ID)
	if err != nil {
		return mapError(err, "ref", "a right with reference "+strconv.Quote(r.Ref)+" already exists")
	}
	if r.Ref == "" {
		r.Ref = "BM-" + strconv.FormatInt(r.ID, 10)
		if _, err := tx.exec(ctx, `UPDATE rights SET ref = $1, mark_search = $2 WHERE id = $3`, r.Ref, markSearch(r), r.ID); err != nil {
			return mapError(err, "ref", "a right with reference "+strconv.Quote(r.Ref)+" already exists")
		}
	}
	return nil
}

// rightInsertColumns are the columns rightValues fills, in its order; rightUpdateSet
// sets all but ref (which never changes) from $1 on.
const (
	rightInsertColumns = `ref, holder_id, kind, reg_number, reg_office, jurisdiction, owner,
		mark, mark_search, variants, nice_classes, goods, valid_from, valid_to, status, reject_reason,
		submitted_at, decision_due, due_in_calendar, decided_at, record_from, record_to, version, created_at, updated_at,
		mark_images`
	rightValueCount = 26
	rightUpdateSet  = `holder_id = $1, kind = $2, reg_number = $3, reg_office = $4,
		jurisdiction = $5, owner = $6, mark = $7, mark_search = $8, variants = $9, nice_classes = $10, goods = $11,
		valid_from = $12, valid_to = $13, status = $14, reject_reason = $15, submitted_at = $16, decision_due = $17,
		due_in_calendar = $18, decided_at = $19, record_from = $20, record_to = $21, version = $22 + 1,
		created_at = $23, updated_at = $24, mark_images = $25`
	rightUpdateWhere = ` WHERE id = $26 AND version = $27`
)

func rightValues(r *ipr.Right, ref string) []any {
	rr := *r
	rr.Ref = ref
	return []any{ref, r.HolderID, string(r.Kind), r.RegNumber, r.RegOffice, r.Jurisdiction, r.Owner,
		r.Mark, markSearch(&rr), strings.Join(r.Variants, "|"), joinClasses(r.NiceClasses), r.Goods,
		r.ValidFrom.String(), r.ValidTo.String(), string(r.Status), r.RejectReason,
		nullTime(r.SubmittedAt), r.DecisionDue.String(), r.DueInCalendar, nullTime(r.DecidedAt),
		r.RecordFrom.String(), r.RecordTo.String(), r.Version, r.CreatedAt, r.UpdatedAt, strings.Join(r.MarkImages, " ")}
}

// UpdateRight saves every field of r if nobody changed it since it was loaded
// (r.Version); it then increments the version.
func (tx *Tx) UpdateRight(ctx context.Context, r *ipr.Right, now time.Time) error {
	if err := r.Validate(); err != nil {
		return err
	}
	r.UpdatedAt = now
	args := append(rightValues(r, r.Ref)[1:], r.ID, r.Version) // all but ref; ref never changes
	res, err := tx.exec(ctx, `UPDATE rights SET `+rightUpdateSet+rightUpdateWhere, args...)
	if err != nil {
		return mapError(err, "right", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ipr.Errorf(ipr.ECONFLICT, "the right was changed by someone else meanwhile; reload it and try again")
	}
	r.Version++
	return nil
}

func markSearch(r *ipr.Right) string {
	return strings.ToLower(r.Mark + "|" + strings.Join(r.Variants, "|") + "|" + r.Ref)
}

// numbered returns "$from, $from+1, …" for n placeholders.
func numbered(from, n int) string {
	marks := make([]string, n)
	for i := range marks {
		marks[i] = "$" + itoa(from+i)
	}
	return strings.Join(marks, ", ")
}

func joinClasses(classes []int) string {
	if len(classes) == 0 {
		return ""
	}
	parts := make([]string, len(classes))
	for i, c := range classes {
		parts[i] = strconv.Itoa(c)
	}
	return " " + strings.Join(parts, " ") + " "
}

func splitClasses(s string) []int {
	var out []int
	for _, f := range strings.Fields(s) {
		if n, err := strconv.Atoi(f); err == nil {
			out = append(out, n)
		}
	}
	return out
}

func splitList(s, sep string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, sep)
}

func nullTime(t time.Time) sql.NullTime { return sql.NullTime{Time: t, Valid: !t.IsZero()} }

const rightColumns = `r.id, r.ref, r.holder_id, o.name, r.kind, r.reg_number, r.reg_office, r.jurisdiction, r.owner,
	r.mark, r.variants, r.nice_classes, r.goods, r.valid_from, r.valid_to, r.status, r.reject_reason,
	r.submitted_at, r.decision_due, r.due_in_calendar, r.decided_at, r.record_from, r.record_to, r.version,
	r.created_at, r.updated_at, r.mark_images`
const rightFrom = ` FROM rights r JOIN orgs o ON o.id = r.holder_id `

func scanRight(row rowScanner) (*ipr.Right, error) {
	var r ipr.Right
	var kind, variants, classes, validFrom, validTo, status, due, recFrom, recTo, images string
	var submitted, decided sql.NullTime
	err := row.Scan(&r.ID, &r.Ref, &r.HolderID, &r.HolderName, &kind, &r.RegNumber, &r.RegOffice, &r.Jurisdiction,
		&r.Owner, &r.Mark, &variants, &classes, &r.Goods, &validFrom, &validTo, &status, &r.RejectReason,
		&submitted, &due, &r.DueInCalendar, &decided, &recFrom, &recTo, &r.Version, &r.CreatedAt, &r.UpdatedAt, &images)
	if err != nil {
		return nil, err
	}
	r.Kind, r.Status = ipr.RightKind(kind), ipr.RecordStatus(status)
	r.Variants, r.NiceClasses, r.MarkImages = splitList(variants, "|"), splitClasses(classes), strings.Fields(images)
	r.SubmittedAt, r.DecidedAt = submitted.Time.UTC(), decided.Time.UTC()
	r.CreatedAt, r.UpdatedAt = r.CreatedAt.UTC(), r.UpdatedAt.UTC()
	for _, d := range []struct {
		dst *ipr.Date
		s   string
	}{{&r.ValidFrom, validFrom}, {&r.ValidTo, validTo}, {&r.DecisionDue, due}, {&r.RecordFrom, recFrom}, {&r.RecordTo, recTo}} {
		if *d.dst, err = ipr.ParseDate(d.s); err != nil {
			return nil, err
		}
	}
	return &r, nil
}

// RightByID returns the right with id.
func (tx *Tx) RightByID(ctx context.Context, id int64) (*ipr.Right, error) {
	r, err := scanRight(tx.queryRow(ctx, `SELECT `+rightColumns+rightFrom+`WHERE r.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("right", "right", "with id "+strconv.FormatInt(id, 10))
	}
	return r, mapError(err, "right", "")
}

// RightByRef returns the right with reference ref.
func (tx *Tx) RightByRef(ctx context.Context, ref string) (*ipr.Right, error) {
	r, err := scanRight(tx.queryRow(ctx, `SELECT `+rightColumns+rightFrom+`WHERE r.ref = $1`, ref))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("right", "ref", strconv.Quote(ref))
	}
	return r, mapError(err, "right", "")
}

// ListRights returns a page of matching rights, by mark, and how many match in all.
func (tx *Tx) ListRights(ctx context.Context, f ipr.RightFilter) ([]*ipr.Right, int64, error) {
	where, args := rightWhere(f)
	total, err := tx.count(ctx, `SELECT COUNT(*)`+rightFrom+where, args...)
	if err != nil {
		return nil, 0, err
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	args = append(args, min(limit, 1000), max(f.Offset, 0))
	order := ` ORDER BY r.mark, r.id`
	if f.OrderByDue {
		order = ` ORDER BY r.decision_due, r.id`
	}
	rows, err := tx.query(ctx, `SELECT `+rightColumns+rightFrom+where+order+` LIMIT $`+
		itoa(len(args)-1)+` OFFSET $`+itoa(len(args)), args...)
	if err != nil {
		return nil, 0, ipr.Internal(err)
	}
	defer rows.Close()
	var list []*ipr.Right
	for rows.Next() {
		r, err := scanRight(rows)
		if err != nil {
			return nil, 0, ipr.Internal(err)
		}
		list = append(list, r)
	}
	return list, total, mapError(rows.Err(), "right", "")
}

func rightWhere(f ipr.RightFilter) (string, []any) {
	var w whereBuilder
	if t := strings.TrimSpace(f.Text); t != "" {
		w.add(`r.mark_search LIKE ? ESCAPE '\'`, "%"+likeEscaper.Replace(strings.ToLower(t))+"%")
	}
	if f.HolderID != 0 {
		w.add("r.holder_id = ?", f.HolderID)
	}
	if f.HolderIDs != nil {
		w.in("r.holder_id", f.HolderIDs)
	}
	if n := strings.TrimSpace(f.HolderName); n != "" {
		w.add(`LOWER(o.name) LIKE ? ESCAPE '\'`, "%"+likeEscaper.Replace(strings.ToLower(n))+"%")
	}
	if f.Class != 0 {
		w.add("r.nice_classes LIKE ?", "% "+strconv.Itoa(f.Class)+" %")
	}
	if f.Status != "" {
		w.add("r.status = ?", string(f.Status))
	}
	if f.NotDraft {
		w.add("r.status <> ?", string(ipr.StatusDraft))
	}
	if !f.ExpiringBy.IsZero() {
		w.add("r.status = 'approved' AND r.record_to <= ?", f.ExpiringBy.String())
	}
	if !f.ProtectingOn.IsZero() {
		w.add("r.status = 'approved' AND r.record_from <= ? AND r.record_to >= ?", f.ProtectingOn.String())
	}
	return w.sql()
}

// ProtectedRights returns every right in force on day, with its authorised parties: the screening index's input.
func (tx *Tx) ProtectedRights(ctx context.Context, day ipr.Date) ([]*ipr.Right, error) {
	return queryAll(ctx, tx, scanRight, `SELECT `+rightColumns+rightFrom+`WHERE r.status = 'approved'
		AND r.record_from <= $1 AND r.record_to >= $1 ORDER BY r.id`, day.String())
}

// CountRights counts rights by status for a holder (0 for all).
func (tx *Tx) CountRights(ctx context.Context, holderID int64, status ipr.RecordStatus) (int64, error) {
	return tx.count(ctx, `SELECT COUNT(*) FROM rights WHERE ($1 = 0 OR holder_id = $1) AND ($2 = '' OR status = $2)`,
		holderID, string(status))
}
