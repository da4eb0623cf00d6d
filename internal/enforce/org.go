package enforce

import (
	"context"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// NewOrg is what is needed to create an organisation.
type NewOrg struct {
	Name   string
	NameZH string
	Kind   string
	Parent string // name of the parent customs office, optional
}

// AddOrg creates an organisation.
func (s *Service) AddOrg(ctx context.Context, actor *ipr.User, in NewOrg) (*ipr.Org, error) {
	if err := ipr.Authorize(actor, ipr.ActionManageOrgs, ipr.Anything); err != nil {
		return nil, err
	}
	org := &ipr.Org{Name: in.Name, NameZH: in.NameZH, Kind: ipr.OrgKind(strings.TrimSpace(in.Kind))}
	if k, err := ipr.ParseOrgKind(in.Kind); err == nil {
		org.Kind = k
	}
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		if parent := strings.TrimSpace(in.Parent); parent != "" {
			p, err := tx.OrgByName(ctx, parent)
			if err != nil {
				return withField(err, "parent")
			}
			org.ParentID = p.ID
		}
		if err := tx.CreateOrg(ctx, org, s.Clock.Now()); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "org.create", ObjectType: "org", ObjectID: org.ID,
			ObjectOrg: org.ID, After: org.Name + " (" + string(org.Kind) + ")"})
	})
	if err != nil {
		return nil, err
	}
	return org, nil
}

// LinkAgent records that an agent (law firm) acts for a right holder.
func (s *Service) LinkAgent(ctx context.Context, actor *ipr.User, agentName, holderName string) error {
	if err := ipr.Authorize(actor, ipr.ActionManageOrgs, ipr.Anything); err != nil {
		return err
	}
	return s.DB.Update(ctx, func(tx *store.Tx) error {
		agent, err := tx.OrgByName(ctx, agentName)
		if err != nil {
			return withField(err, "agent")
		}
		holder, err := tx.OrgByName(ctx, holderName)
		if err != nil {
			return withField(err, "holder")
		}
		if err := tx.AddAgentClient(ctx, agent.ID, holder.ID); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "org.agent_link", ObjectType: "org", ObjectID: holder.ID,
			ObjectOrg: holder.ID, After: agent.Name + " acts for " + holder.Name})
	})
}

// ListOrgs returns the organisations actor may see.
func (s *Service) ListOrgs(ctx context.Context, actor *ipr.User) ([]*ipr.Org, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewOrg, ipr.OrgResource("org", actor.OrgIDOrZero())); err != nil {
		return nil, err
	}
	var all []*ipr.Org
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		all, err = tx.ListOrgs(ctx)
		return err
	})
	var visible []*ipr.Org
	for _, o := range all {
		if ipr.Can(actor, ipr.ActionViewOrg, ipr.OrgResource("org", o.ID)) {
			visible = append(visible, o)
		}
	}
	return visible, err
}

// withField renames the field of a not-found error so the message names the input the user gave.
func withField(err error, field string) error {
	e, ok := err.(*ipr.Error)
	if !ok || len(e.Fields) != 1 {
		return err
	}
	for _, problem := range e.Fields {
		return &ipr.Error{Code: e.Code, Message: e.Message, Fields: map[string]string{field: problem}, Err: e.Err}
	}
	return err
}
