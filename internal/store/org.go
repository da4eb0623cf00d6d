package store

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"bordermark/internal/ipr"
)

// CreateOrg stores a new organisation and sets its ID.
func (tx *Tx) CreateOrg(ctx context.Context, o *ipr.Org, now time.Time) error {
	if err := o.Validate(); err != nil {
		return err
	}
	if o.ParentID != 0 {
		parent, err := tx.OrgByID(ctx, o.ParentID)
		if err != nil {
			return err
		}
		if parent.Kind != ipr.OrgCustomsOffice {
			return &ipr.Error{Code: ipr.EINVALID, Message: "organisation is not valid",
				Fields: map[string]string{"parent": "must be a customs office"}}
		}
	}
	err := tx.queryRow(ctx, `INSERT INTO orgs (name, name_zh, kind, parent_id, created_at)
		VALUES ($1, $2, $3, $4, $5) RETURNING id`,
		o.Name, o.NameZH, string(o.Kind), nullID(o.ParentID), now).Scan(&o.ID)
	return mapError(err, "name", "an organisation named "+strconv.Quote(o.Name)+" already exists")
}

const orgColumns = `id, name, name_zh, kind, COALESCE(parent_id, 0)`

func scanOrg(row rowScanner) (*ipr.Org, error) {
	var o ipr.Org
	var kind string
	err := row.Scan(&o.ID, &o.Name, &o.NameZH, &kind, &o.ParentID)
	o.Kind = ipr.OrgKind(kind)
	return &o, err
}

// OrgByID returns the organisation with id.
func (tx *Tx) OrgByID(ctx context.Context, id int64) (*ipr.Org, error) {
	o, err := scanOrg(tx.queryRow(ctx, `SELECT `+orgColumns+` FROM orgs WHERE id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("organisation", "org", "with id "+strconv.FormatInt(id, 10))
	}
	return o, mapError(err, "org", "")
}

// OrgByName returns the organisation named name (English or Chinese name).
func (tx *Tx) OrgByName(ctx context.Context, name string) (*ipr.Org, error) {
	o, err := scanOrg(tx.queryRow(ctx, `SELECT `+orgColumns+` FROM orgs
		WHERE name = $1 OR (name_zh = $1 AND name_zh <> '') ORDER BY id LIMIT 1`, name))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("organisation", "org", "named "+strconv.Quote(name))
	}
	return o, mapError(err, "org", "")
}

// ListOrgs returns every organisation, by kind and name.
func (tx *Tx) ListOrgs(ctx context.Context) ([]*ipr.Org, error) {
	return queryAll(ctx, tx, scanOrg, `SELECT `+orgColumns+` FROM orgs ORDER BY kind, name`)
}

// AddAgentClient records that agent acts for right holder holder. Adding it twice is harmless.
func (tx *Tx) AddAgentClient(ctx context.Context, agentID, holderID int64) error {
	agent, err := tx.OrgByID(ctx, agentID)
	if err != nil {
		return err
	}
	holder, err := tx.OrgByID(ctx, holderID)
	if err != nil {
		return err
	}
	p := ipr.Problems{}
	if agent.Kind != ipr.OrgAgent {
		p.Add("agent", agent.Name+" is not an agent")
	}
	if holder.Kind != ipr.OrgRightHolder {
		p.Add("holder", holder.Name+" is not a right holder")
	}
	if err := p.Err("cannot link agent and right holder"); err != nil {
		return err
	}
	_, err = tx.exec(ctx, `INSERT INTO agent_clients (agent_id, holder_id) VALUES ($1, $2)
		ON CONFLICT DO NOTHING`, agentID, holderID)
	return mapError(err, "holder", "")
}

// AgentClients returns the IDs of the right holders an agent acts for.
func (tx *Tx) AgentClients(ctx context.Context, agentID int64) ([]int64, error) {
	rows, err := tx.query(ctx, `SELECT holder_id FROM agent_clients WHERE agent_id = $1 ORDER BY holder_id`, agentID)
	if err != nil {
		return nil, ipr.Internal(err)
	}
	defer rows.Close()
	ids := []int64{} // an agent without clients acts for no one: never nil
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, ipr.Internal(err)
		}
		ids = append(ids, id)
	}
	return ids, mapError(rows.Err(), "org", "")
}

// CountOrgs counts organisations of a kind ("" for all).
func (tx *Tx) CountOrgs(ctx context.Context, kind ipr.OrgKind) (int64, error) {
	return tx.count(ctx, `SELECT COUNT(*) FROM orgs WHERE $1 = '' OR kind = $1`, string(kind))
}

func nullID(id int64) sql.NullInt64 { return sql.NullInt64{Int64: id, Valid: id != 0} }
