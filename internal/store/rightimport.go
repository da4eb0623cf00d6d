package store

import (
	"context"
	"strings"
	"time"

	"bordermark/internal/ipr"
)

// Bulk operations for importing and exporting a whole register. They write many rows
// per statement: one row at a time, 50,000 rights would take minutes on PostgreSQL.

// maxParams keeps a statement's placeholders under both engines' limits (SQLite 32,766, PostgreSQL 65,535).
const maxParams = 30000

// placeholders returns "($1, $2), ($3, $4)" for rows rows of cols columns. SQLite gets
// plain "?": it looks each "$n" up in a list, which makes a long statement quadratic.
func (tx *Tx) placeholders(rows, cols int) string {
	var b strings.Builder
	for i := range rows {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteByte('(')
		for j := range cols {
			if j > 0 {
				b.WriteString(", ")
			}
			if tx.dialect == SQLite {
				b.WriteByte('?')
			} else {
				b.WriteString("$" + itoa(i*cols+j+1))
			}
		}
		b.WriteByte(')')
	}
	return b.String()
}

// inBatches calls fn with consecutive slices of at most size items.
func inBatches[T any](items []T, size int, fn func([]T) error) error {
	for len(items) > 0 {
		n := min(size, len(items))
		if err := fn(items[:n]); err != nil {
			return err
		}
		items = items[n:]
	}
	return nil
}

// OrgsByName returns every organisation keyed by its English name and, where no
// English name is the same, by its Chinese name, as OrgByName finds them.
func (tx *Tx) OrgsByName(ctx context.Context) (map[string]*ipr.Org, error) {
	orgs, err := tx.ListOrgs(ctx)
	if err != nil {
		return nil, err
	}
	byName := make(map[string]*ipr.Org, len(orgs))
	for _, o := range orgs {
		byName[o.Name] = o
	}
	for _, o := range orgs {
		if _, taken := byName[o.NameZH]; o.NameZH != "" && !taken {
			byName[o.NameZH] = o
		}
	}
	return byName, nil
}

// CreateOrgs stores new organisations without parents, many per statement, and sets their IDs.
func (tx *Tx) CreateOrgs(ctx context.Context, orgs []*ipr.Org, now time.Time) error {
	for _, o := range orgs {
		if err := o.Validate(); err != nil {
			return err
		}
	}
	const cols = 4
	return inBatches(orgs, maxParams/cols, func(batch []*ipr.Org) error {
		args := make([]any, 0, len(batch)*cols)
		byName := make(map[string]*ipr.Org, len(batch))
		for _, o := range batch {
			args = append(args, o.Name, o.NameZH, string(o.Kind), now)
			byName[o.Name] = o
		}
		rows, err := tx.query(ctx, `INSERT INTO orgs (name, name_zh, kind, created_at) VALUES `+
			tx.placeholders(len(batch), cols)+` RETURNING id, name`, args...)
		if err != nil {
			return mapError(err, "name", "an organisation of that name already exists")
		}
		defer rows.Close()
		for rows.Next() { // RETURNING's order is not guaranteed: match by name
			var id int64
			var name string
			if err := rows.Scan(&id, &name); err != nil {
				return ipr.Internal(err)
			}
			byName[name].ID = id
		}
		return mapError(rows.Err(), "name", "an organisation of that name already exists")
	})
}

// InsertRights stores new rights that all have a Ref, many per statement, and sets their IDs.
func (tx *Tx) InsertRights(ctx context.Context, rights []*ipr.Right, now time.Time) error {
	const cols = rightValueCount
	for _, r := range rights {
		if err := r.Validate(); err != nil {
			return err
		}
		if r.Ref == "" {
			return &ipr.Error{Code: ipr.EINVALID, Message: "the right is not valid", Fields: map[string]string{"ref": "is required"}}
		}
		r.CreatedAt, r.UpdatedAt, r.Version = now, now, 1
	}
	return inBatches(rights, maxParams/cols, func(batch []*ipr.Right) error {
		args := make([]any, 0, len(batch)*cols)
		byRef := make(map[string]*ipr.Right, len(batch))
		for _, r := range batch {
			args = append(args, rightValues(r, r.Ref)...)
			byRef[r.Ref] = r
		}
		rows, err := tx.query(ctx, `INSERT INTO rights (`+rightInsertColumns+`)
			VALUES `+tx.placeholders(len(batch), cols)+` RETURNING id, ref`, args...)
		if err != nil {
			return mapError(err, "ref", "a right with one of these references already exists")
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var ref string
			if err := rows.Scan(&id, &ref); err != nil {
				return ipr.Internal(err)
			}
			byRef[ref].ID = id
		}
		return mapError(rows.Err(), "ref", "a right with one of these references already exists")
	})
}

// UpdateRights saves rights as UpdateRight does, with one prepared statement: each
// must still have the version it was loaded with.
func (tx *Tx) UpdateRights(ctx context.Context, rights []*ipr.Right, now time.Time) error {
	if len(rights) == 0 {
		return nil
	}
	stmt, err := tx.tx.PrepareContext(ctx, `UPDATE rights SET `+rightUpdateSet+rightUpdateWhere)
	if err != nil {
		return ipr.Internal(err)
	}
	defer stmt.Close()
	for _, r := range rights {
		if err := r.Validate(); err != nil {
			return err
		}
		r.UpdatedAt = now
		res, err := stmt.ExecContext(ctx, append(rightValues(r, r.Ref)[1:], r.ID, r.Version)...)
		if err != nil {
			return mapError(err, "right", "")
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return ipr.Errorf(ipr.ECONFLICT, "the right %s was changed by someone else meanwhile; try again", r.Ref)
		}
		r.Version++
	}
	return nil
}

// ReplaceParties removes the authorised parties of role from the rights rightIDs and
// stores parties instead, many per statement.
func (tx *Tx) ReplaceParties(ctx context.Context, role ipr.PartyRole, rightIDs []int64, parties []*ipr.Party) error {
	err := inBatches(rightIDs, 1000, func(ids []int64) error {
		var w whereBuilder
		w.add("role = ?", string(role))
		w.in("right_id", ids)
		where, args := w.sql()
		_, err := tx.exec(ctx, `DELETE FROM right_parties`+where, args...)
		return mapError(err, "party", "")
	})
	if err != nil {
		return err
	}
	for _, p := range parties {
		if err := p.Validate(); err != nil {
			return err
		}
	}
	const cols = 5
	return inBatches(parties, maxParams/cols, func(batch []*ipr.Party) error {
		args := make([]any, 0, len(batch)*cols)
		for _, p := range batch {
			args = append(args, p.RightID, string(p.Role), p.Name, p.Address, p.RegCode)
		}
		_, err := tx.exec(ctx, `INSERT INTO right_parties (right_id, role, name, address, reg_code) VALUES `+
			tx.placeholders(len(batch), cols), args...)
		return mapError(err, "right", "")
	})
}

// AllRights returns every right matching f, by reference, without paging: the register export.
func (tx *Tx) AllRights(ctx context.Context, f ipr.RightFilter) ([]*ipr.Right, error) {
	where, args := rightWhere(f)
	return queryAll(ctx, tx, scanRight, `SELECT `+rightColumns+rightFrom+where+` ORDER BY r.ref`, args...)
}

// PartyNames returns, by right, the names of the authorised parties of role of the
// rights matching f, in order of name.
func (tx *Tx) PartyNames(ctx context.Context, role ipr.PartyRole, f ipr.RightFilter) (map[int64][]string, error) {
	where, args := rightWhere(f)
	if where == "" {
		where = " WHERE "
	} else {
		where += " AND "
	}
	args = append(args, string(role))
	rows, err := tx.query(ctx, `SELECT p.right_id, p.name FROM right_parties p JOIN rights r ON r.id = p.right_id
		JOIN orgs o ON o.id = r.holder_id`+where+`p.role = $`+itoa(len(args))+` ORDER BY p.right_id, p.name, p.id`, args...)
	if err != nil {
		return nil, ipr.Internal(err)
	}
	defer rows.Close()
	names := map[int64][]string{}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, ipr.Internal(err)
		}
		names[id] = append(names[id], name)
	}
	return names, mapError(rows.Err(), "party", "")
}
