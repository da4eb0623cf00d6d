package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"bordermark/internal/ipr"
)

// CreateWorkingGroup stores a working group of an association and sets its ID.
func (tx *Tx) CreateWorkingGroup(ctx context.Context, g *ipr.WorkingGroup, now time.Time) error {
	if err := g.Validate(); err != nil {
		return err
	}
	org, err := tx.OrgByID(ctx, g.OrgID)
	if err != nil {
		return err
	}
	if org.Kind != ipr.OrgAssociation {
		return &ipr.Error{Code: ipr.EINVALID, Message: "working group is not valid",
			Fields: map[string]string{"org": org.Name + " is not an association"}}
	}
	err = tx.queryRow(ctx, `INSERT INTO working_groups (org_id, name, name_zh, created_at)
		VALUES ($1, $2, $3, $4) RETURNING id`, g.OrgID, g.Name, g.NameZH, now).Scan(&g.ID)
	return mapError(err, "name", "a working group named "+strconv.Quote(g.Name)+" already exists")
}

// ListWorkingGroups returns the working groups of an association (0 for all), by name.
func (tx *Tx) ListWorkingGroups(ctx context.Context, orgID int64) ([]*ipr.WorkingGroup, error) {
	rows, err := tx.query(ctx, `SELECT id, org_id, name, name_zh FROM working_groups
		WHERE $1 = 0 OR org_id = $1 ORDER BY name`, orgID)
	if err != nil {
		return nil, ipr.Internal(err)
	}
	defer rows.Close()
	var list []*ipr.WorkingGroup
	for rows.Next() {
		var g ipr.WorkingGroup
		if err := rows.Scan(&g.ID, &g.OrgID, &g.Name, &g.NameZH); err != nil {
			return nil, ipr.Internal(err)
		}
		list = append(list, &g)
	}
	return list, mapError(rows.Err(), "working_group", "")
}

// CountWorkingGroups counts the working groups of an association (0 for all).
func (tx *Tx) CountWorkingGroups(ctx context.Context, orgID int64) (int64, error) {
	return tx.count(ctx, `SELECT COUNT(*) FROM working_groups WHERE $1 = 0 OR org_id = $1`, orgID)
}

// WorkingGroupByID returns the working group with id, with its common problems and members.
func (tx *Tx) WorkingGroupByID(ctx context.Context, id int64) (*ipr.WorkingGroup, error) {
	var g ipr.WorkingGroup
	err := tx.queryRow(ctx, `SELECT id, org_id, name, name_zh, problems FROM working_groups WHERE id = $1`, id).
		Scan(&g.ID, &g.OrgID, &g.Name, &g.NameZH, &g.Problems)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("working group", "group", "with id "+strconv.FormatInt(id, 10))
	}
	if err != nil {
		return nil, mapError(err, "group", "")
	}
	members, err := tx.WorkingGroupMembers(ctx, id)
	g.Members = members[id]
	return &g, err
}

// WorkingGroupMembers returns the member right holders of the given groups, by group, in holder order.
func (tx *Tx) WorkingGroupMembers(ctx context.Context, groupIDs ...int64) (map[int64][]int64, error) {
	var w whereBuilder
	w.in("group_id", groupIDs)
	where, args := w.sql()
	rows, err := tx.query(ctx, `SELECT group_id, holder_id FROM working_group_members`+where+` ORDER BY group_id, holder_id`, args...)
	if err != nil {
		return nil, ipr.Internal(err)
	}
	defer rows.Close()
	members := map[int64][]int64{}
	for rows.Next() {
		var group, holder int64
		if err := rows.Scan(&group, &holder); err != nil {
			return nil, ipr.Internal(err)
		}
		members[group] = append(members[group], holder)
	}
	return members, mapError(rows.Err(), "group", "")
}

// AddWorkingGroupMember makes a right holder a member of a group. A holder already in it is a conflict.
func (tx *Tx) AddWorkingGroupMember(ctx context.Context, groupID, holderID int64) error {
	if err := tx.mustBeHolder(ctx, holderID); err != nil {
		return err
	}
	_, err := tx.exec(ctx, `INSERT INTO working_group_members (group_id, holder_id) VALUES ($1, $2)`, groupID, holderID)
	if constraintKind(err) == "foreign_key" {
		return notFound("working group", "group", "with id "+strconv.FormatInt(groupID, 10))
	}
	return mapError(err, "holder", "is already a member of the group")
}

// RemoveWorkingGroupMember takes a right holder out of a group.
func (tx *Tx) RemoveWorkingGroupMember(ctx context.Context, groupID, holderID int64) error {
	res, err := tx.exec(ctx, `DELETE FROM working_group_members WHERE group_id = $1 AND holder_id = $2`, groupID, holderID)
	if err != nil {
		return mapError(err, "holder", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("member", "holder", "with id "+strconv.FormatInt(holderID, 10)+" in the group")
	}
	return nil
}

// SetWorkingGroupProblems replaces the common problems text of a group.
func (tx *Tx) SetWorkingGroupProblems(ctx context.Context, id int64, problems string) error {
	res, err := tx.exec(ctx, `UPDATE working_groups SET problems = $1 WHERE id = $2`, problems, id)
	if err != nil {
		return mapError(err, "problems", "")
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return notFound("working group", "group", "with id "+strconv.FormatInt(id, 10))
	}
	return nil
}

// ApprovedMarks returns the marks of the approved recordations of the given right holders,
// by holder, each mark once and in order: the brands of a working group's members.
func (tx *Tx) ApprovedMarks(ctx context.Context, holderIDs ...int64) (map[int64][]string, error) {
	var w whereBuilder
	w.in("holder_id", holderIDs)
	w.add("status = ?", string(ipr.StatusApproved))
	where, args := w.sql()
	rows, err := tx.query(ctx, `SELECT DISTINCT holder_id, mark FROM rights`+where+` ORDER BY holder_id, mark`, args...)
	if err != nil {
		return nil, ipr.Internal(err)
	}
	defer rows.Close()
	marks := map[int64][]string{}
	for rows.Next() {
		var holder int64
		var mark string
		if err := rows.Scan(&holder, &mark); err != nil {
			return nil, ipr.Internal(err)
		}
		marks[holder] = append(marks[holder], mark)
	}
	return marks, mapError(rows.Err(), "right", "")
}
