package enforce

import (
	"context"
	"sync"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// DemoPassword is the password of every demo login. It is printed at start and in the README.
const DemoPassword = "bordermark-demo"

// DemoLogin is one demo account.
type DemoLogin struct {
	Email string
	Role  ipr.Role
	Org   string
}

// DemoReport says what LoadDemo did.
type DemoReport struct {
	Created int // objects created; 0 when the demo world was already there
	Logins  []DemoLogin
}

// demoPasswordHash hashes the demo password once per process: hashing is
// deliberately slow, and tests load the demo many times.
var demoPasswordHash = sync.OnceValue(func() string { return HashPassword(DemoPassword) })

// LoadDemo loads the fictional demo world. Loading it again creates nothing twice.
func (s *Service) LoadDemo(ctx context.Context) (*DemoReport, error) {
	report := &DemoReport{}
	hash := demoPasswordHash()
	actor := ipr.SystemUser()
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		for _, o := range demoOrgs {
			if err := s.ensureOrg(ctx, tx, actor, o, report); err != nil {
				return err
			}
		}
		if err := s.ensureWorkingGroups(ctx, tx, actor, report); err != nil {
			return err
		}
		if err := s.ensureAgentClients(ctx, tx, actor, report); err != nil {
			return err
		}
		for _, u := range demoUsers {
			if err := s.ensureUser(ctx, tx, actor, u, hash, report); err != nil {
				return err
			}
		}
		if err := s.ensureDemoRights(ctx, tx, actor, report); err != nil {
			return err
		}
		if err := s.ensureDemoHolderData(ctx, tx, actor, report); err != nil { // after the rights: it adds their supply chain
			return err
		}
		if err := s.ensureDemoCatalogue(ctx, tx, actor, report); err != nil { // after the rights: products and guides
			return err
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	s.registerChanged(ctx)
	if err := s.ensureDemoScreening(ctx, report); err != nil { // after the commit: screening reads the register
		return nil, err
	}
	if err := s.ensureDemoCases(ctx, report); err != nil { // after the commit: cases go through the services
		return nil, err
	}
	if err := s.ensureDemoTransfers(ctx, report); err != nil { // transfers of cases of their own, to the police
		return nil, err
	}
	if err := s.ensureDemoExhibits(ctx, report); err != nil { // exhibits, and a model case of a closed case
		return nil, err
	}
	if err := s.ensureDemoPublicity(ctx, report); err != nil { // news, best practice and Q&A (demo_publicity.go)
		return nil, err
	}
	for _, u := range demoUsers {
		report.Logins = append(report.Logins, DemoLogin{Email: u.Email, Role: ipr.Role(u.Role), Org: u.Org})
	}
	return report, nil
}

func (s *Service) ensureOrg(ctx context.Context, tx *store.Tx, actor *ipr.User, in NewOrg, r *DemoReport) error {
	if _, err := tx.OrgByName(ctx, in.Name); err == nil || ipr.ErrorCode(err) != ipr.ENOTFOUND {
		return err
	}
	org := &ipr.Org{Name: in.Name, NameZH: in.NameZH, Kind: ipr.OrgKind(in.Kind)}
	if in.Parent != "" {
		parent, err := tx.OrgByName(ctx, in.Parent)
		if err != nil {
			return err
		}
		org.ParentID = parent.ID
	}
	if err := tx.CreateOrg(ctx, org, s.Clock.Now()); err != nil {
		return err
	}
	r.Created++
	return s.audit(ctx, tx, actor, change{Action: "org.create", ObjectType: "org", ObjectID: org.ID,
		ObjectOrg: org.ID, After: org.Name + " (" + string(org.Kind) + ")"})
}

func (s *Service) ensureWorkingGroups(ctx context.Context, tx *store.Tx, actor *ipr.User, r *DemoReport) error {
	assoc, err := tx.OrgByName(ctx, demoAssociation)
	if err != nil {
		return err
	}
	existing, err := tx.ListWorkingGroups(ctx, assoc.ID)
	if err != nil {
		return err
	}
	have := map[string]bool{}
	for _, g := range existing {
		have[g.Name] = true
	}
	for _, names := range demoWorkingGroups {
		if have[names[0]] {
			continue
		}
		g := &ipr.WorkingGroup{OrgID: assoc.ID, Name: names[0], NameZH: names[1]}
		if err := tx.CreateWorkingGroup(ctx, g, s.Clock.Now()); err != nil {
			return err
		}
		r.Created++
		if err := s.audit(ctx, tx, actor, change{Action: "working_group.create", ObjectType: "working_group",
			ObjectID: g.ID, ObjectOrg: assoc.ID, After: g.Name}); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) ensureAgentClients(ctx context.Context, tx *store.Tx, actor *ipr.User, r *DemoReport) error {
	agent, err := tx.OrgByName(ctx, demoAgent)
	if err != nil {
		return err
	}
	have, err := tx.AgentClients(ctx, agent.ID)
	if err != nil {
		return err
	}
	for _, name := range demoAgentClients {
		holder, err := tx.OrgByName(ctx, name)
		if err != nil {
			return err
		}
		if contains(have, holder.ID) {
			continue
		}
		if err := tx.AddAgentClient(ctx, agent.ID, holder.ID); err != nil {
			return err
		}
		r.Created++
		if err := s.audit(ctx, tx, actor, change{Action: "org.agent_link", ObjectType: "org", ObjectID: holder.ID,
			ObjectOrg: holder.ID, After: agent.Name + " acts for " + holder.Name}); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) ensureUser(ctx context.Context, tx *store.Tx, actor *ipr.User, in NewUser, hash string, r *DemoReport) error {
	if _, _, err := tx.UserByEmail(ctx, in.Email); err == nil || ipr.ErrorCode(err) != ipr.ENOTFOUND {
		return err
	}
	org, err := tx.OrgByName(ctx, in.Org)
	if err != nil {
		return err
	}
	u := &ipr.User{Email: in.Email, Name: in.Name, Role: ipr.Role(in.Role), OrgID: org.ID, Lang: in.Lang}
	if err := tx.CreateUser(ctx, u, DemoPassword, hash, s.Clock.Now()); err != nil {
		return err
	}
	r.Created++
	return s.audit(ctx, tx, actor, change{Action: "user.create", ObjectType: "user", ObjectID: u.ID,
		ObjectOrg: org.ID, After: u.Email + " as " + string(u.Role) + " of " + org.Name})
}

func contains(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
