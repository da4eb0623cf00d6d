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

// HolderFilter selects a page of one kind of right holders' data: known infringers or contacts.
type HolderFilter struct {
	HolderIDs []int64 // restricts to these holders; nil for every holder, empty for none
	Text      string  // part of a name, address, route or evidence (infringers) or of the holder's or contact's name (contacts)
	Limit     int
	Offset    int
}

// CreateInfringer stores a known infringer of a right holder and sets its ID.
func (tx *Tx) CreateInfringer(ctx context.Context, i *ipr.Infringer, now time.Time) error {
	if err := i.Validate(); err != nil {
		return err
	}
	if err := tx.mustBeHolder(ctx, i.HolderID); err != nil {
		return err
	}
	i.CreatedAt, i.UpdatedAt = now, now
	err := tx.queryRow(ctx, `INSERT INTO infringers (holder_id, kind, name, address, route, evidence, created_at, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
		i.HolderID, string(i.Kind), i.Name, i.Address, i.Route, i.Evidence, now, now).Scan(&i.ID)
	return mapError(err, "holder", "")
}

// UpdateInfringer saves an infringer's kind, names, route and evidence. Its holder never changes.
func (tx *Tx) UpdateInfringer(ctx context.Context, i *ipr.Infringer, now time.Time) error {
	if err := i.Validate(); err != nil {
		return err
	}
	res, err := tx.exec(ctx, `UPDATE infringers SET kind = $1, name = $2, address = $3, route = $4, evidence = $5,
		updated_at = $6 WHERE id = $7`, string(i.Kind), i.Name, i.Address, i.Route, i.Evidence, now, i.ID)
	if err != nil {
		return mapError(err, "infringer", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("known infringer", "infringer", "with id "+strconv.FormatInt(i.ID, 10))
	}
	i.UpdatedAt = now
	return nil
}

// DeleteInfringer removes a known infringer.
func (tx *Tx) DeleteInfringer(ctx context.Context, id int64) error {
	_, err := tx.exec(ctx, `DELETE FROM infringers WHERE id = $1`, id)
	return mapError(err, "infringer", "")
}

const infringerColumns = `i.id, i.holder_id, i.kind, i.name, i.address, i.route, i.evidence, i.created_at, i.updated_at`

func scanInfringer(row rowScanner) (*ipr.Infringer, error) {
	var i ipr.Infringer
	var kind string
	err := row.Scan(&i.ID, &i.HolderID, &kind, &i.Name, &i.Address, &i.Route, &i.Evidence, &i.CreatedAt, &i.UpdatedAt)
	i.Kind = ipr.InfringerKind(kind)
	i.CreatedAt, i.UpdatedAt = i.CreatedAt.UTC(), i.UpdatedAt.UTC()
	return &i, err
}

// InfringerByID returns the known infringer with id.
func (tx *Tx) InfringerByID(ctx context.Context, id int64) (*ipr.Infringer, error) {
	i, err := scanInfringer(tx.queryRow(ctx, `SELECT `+infringerColumns+` FROM infringers i WHERE i.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("known infringer", "infringer", "with id "+strconv.FormatInt(id, 10))
	}
	if err != nil {
		return nil, mapError(err, "infringer", "")
	}
	return i, nil
}

// ListInfringers returns a page of matching known infringers, by holder and name, and how many match in all.
func (tx *Tx) ListInfringers(ctx context.Context, f HolderFilter) ([]*ipr.Infringer, int64, error) {
	var w whereBuilder
	if f.HolderIDs != nil {
		w.in("i.holder_id", f.HolderIDs)
	}
	if t := strings.TrimSpace(f.Text); t != "" {
		w.add(`(LOWER(i.name) LIKE ? ESCAPE '\' OR LOWER(i.address) LIKE ? ESCAPE '\'
			OR LOWER(i.route) LIKE ? ESCAPE '\' OR LOWER(i.evidence) LIKE ? ESCAPE '\')`, likePattern(t))
	}
	where, args := w.sql()
	total, err := tx.count(ctx, `SELECT COUNT(*) FROM infringers i`+where, args...)
	if err != nil {
		return nil, 0, err
	}
	query, args := paged(`SELECT `+infringerColumns+` FROM infringers i JOIN orgs o ON o.id = i.holder_id`+where+
		` ORDER BY o.name, i.name, i.address, i.id`, args, f)
	rows, err := tx.query(ctx, query, args...)
	if err != nil {
		return nil, 0, ipr.Internal(err)
	}
	defer rows.Close()
	var list []*ipr.Infringer
	for rows.Next() {
		i, err := scanInfringer(rows)
		if err != nil {
			return nil, 0, ipr.Internal(err)
		}
		list = append(list, i)
	}
	return list, total, mapError(rows.Err(), "infringer", "")
}

// mustBeHolder checks that id is a right holder, naming the field "holder".
func (tx *Tx) mustBeHolder(ctx context.Context, id int64) error {
	org, err := tx.OrgByID(ctx, id)
	if ipr.ErrorCode(err) == ipr.ENOTFOUND {
		return &ipr.Error{Code: ipr.EINVALID, Message: "choose a right holder",
			Fields: map[string]string{"holder": "no right holder with id " + strconv.FormatInt(id, 10)}}
	}
	if err != nil {
		return err
	}
	if org.Kind != ipr.OrgRightHolder {
		return &ipr.Error{Code: ipr.EINVALID, Message: "choose a right holder",
			Fields: map[string]string{"holder": org.Name + " is not a right holder"}}
	}
	return nil
}

// likePattern is a case-insensitive "contains" pattern for user text.
func likePattern(text string) string {
	return "%" + likeEscaper.Replace(strings.ToLower(strings.TrimSpace(text))) + "%"
}

// paged appends LIMIT and OFFSET to query, from the filter's page (50 rows by default, 1000 at most).
func paged(query string, args []any, f HolderFilter) (string, []any) {
	limit := f.Limit
	if limit <= 0 {
		limit = 50
	}
	args = append(args, min(limit, 1000), max(f.Offset, 0))
	return query + ` LIMIT $` + itoa(len(args)-1) + ` OFFSET $` + itoa(len(args)), args
}
