package store

import (
	"context"
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
