package enforce

import (
	"context"
	"slices"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// ensureDemoHolderData loads the holder-side demo data: contacts, known infringers,
// working-group membership and common problems, and the authorised supply chain of
// the demo rights that exist. Each object is created once, with its audit event.
func (s *Service) ensureDemoHolderData(ctx context.Context, tx *store.Tx, actor *ipr.User, r *DemoReport) error {
	holders := map[string]int64{}
	for _, o := range demoOrgs {
		if o.Kind == string(ipr.OrgRightHolder) {
			org, err := tx.OrgByName(ctx, o.Name)
			if err != nil {
				return err
			}
			holders[o.Name] = org.ID
		}
	}
	steps := []func(context.Context, *store.Tx, *ipr.User, map[string]int64, *DemoReport) error{
		s.ensureDemoContacts, s.ensureDemoInfringers, s.ensureDemoMembers, s.ensureDemoProblems, s.ensureDemoParties,
	}
	for _, step := range steps {
		if err := step(ctx, tx, actor, holders, r); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) ensureDemoContacts(ctx context.Context, tx *store.Tx, actor *ipr.User, holders map[string]int64, r *DemoReport) error {
	for _, dc := range demoContacts {
		holderID := holders[dc.holder]
		have, _, err := tx.ListContacts(ctx, store.HolderFilter{HolderIDs: []int64{holderID}, Limit: 1000})
		if err != nil {
			return err
		}
		if slices.ContainsFunc(have, func(c *ipr.Contact) bool { return c.Name == dc.contact.Name }) {
			continue
		}
		c := dc.contact
		c.HolderID = holderID
		if err := tx.CreateContact(ctx, &c); err != nil {
			return err
		}
		r.Created++
		if err := s.audit(ctx, tx, actor, change{Action: "contact.create", ObjectType: contactKind, ObjectID: c.ID,
			ObjectOrg: holderID, After: contactSummary(&c)}); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) ensureDemoInfringers(ctx context.Context, tx *store.Tx, actor *ipr.User, holders map[string]int64, r *DemoReport) error {
	for _, di := range demoInfringers {
		holderID := holders[di.holder]
		have, _, err := tx.ListInfringers(ctx, store.HolderFilter{HolderIDs: []int64{holderID}, Limit: 1000})
		if err != nil {
			return err
		}
		if slices.ContainsFunc(have, func(i *ipr.Infringer) bool { return i.Name == di.infringer.Name }) {
			continue
		}
		i := di.infringer
		i.HolderID = holderID
		if err := tx.CreateInfringer(ctx, &i, s.Clock.Now()); err != nil {
			return err
		}
		r.Created++
		if err := s.audit(ctx, tx, actor, change{Action: "infringer.create", ObjectType: infringerKind, ObjectID: i.ID,
			ObjectOrg: holderID, After: infringerSummary(&i)}); err != nil {
			return err
		}
	}
	return nil
}

// demoGroups returns the demo association's working groups by English name.
func demoGroups(ctx context.Context, tx *store.Tx) (map[string]*ipr.WorkingGroup, error) {
	assoc, err := tx.OrgByName(ctx, demoAssociation)
	if err != nil {
		return nil, err
	}
	list, err := tx.ListWorkingGroups(ctx, assoc.ID)
	if err != nil {
		return nil, err
	}
	byName := map[string]*ipr.WorkingGroup{}
	for _, g := range list {
		if g, err = tx.WorkingGroupByID(ctx, g.ID); err != nil {
			return nil, err
		}
		byName[g.Name] = g
	}
	return byName, nil
}

func (s *Service) ensureDemoMembers(ctx context.Context, tx *store.Tx, actor *ipr.User, holders map[string]int64, r *DemoReport) error {
	groups, err := demoGroups(ctx, tx)
	if err != nil {
		return err
	}
	for _, m := range demoMemberships {
		g, holderID := groups[m[1]], holders[m[0]]
		if g == nil || contains(g.Members, holderID) {
			continue
		}
		if err := tx.AddWorkingGroupMember(ctx, g.ID, holderID); err != nil {
			return err
		}
		g.Members = append(g.Members, holderID)
		r.Created++
		if err := s.audit(ctx, tx, actor, change{Action: "working_group.member_add", ObjectType: groupKind, ObjectID: g.ID,
			ObjectOrg: g.OrgID, After: m[0] + " in " + g.Name}); err != nil {
			return err
		}
	}
	return nil
}

func (s *Service) ensureDemoProblems(ctx context.Context, tx *store.Tx, actor *ipr.User, _ map[string]int64, r *DemoReport) error {
	groups, err := demoGroups(ctx, tx)
	if err != nil {
		return err
	}
	for _, p := range demoProblems {
		g := groups[p[0]]
		if g == nil || g.Problems != "" {
			continue
		}
		if err := tx.SetWorkingGroupProblems(ctx, g.ID, p[1]); err != nil {
			return err
		}
		r.Created++
		if err := s.audit(ctx, tx, actor, change{Action: "working_group.problems", ObjectType: groupKind, ObjectID: g.ID,
			ObjectOrg: g.OrgID, After: clipSummary(p[1], 300)}); err != nil {
			return err
		}
	}
	return nil
}

// ensureDemoParties adds the supply chain of the demo rights; rights not (yet) loaded are skipped.
func (s *Service) ensureDemoParties(ctx context.Context, tx *store.Tx, actor *ipr.User, _ map[string]int64, r *DemoReport) error {
	for _, dp := range demoParties {
		right, err := tx.RightByRef(ctx, dp.ref)
		if ipr.ErrorCode(err) == ipr.ENOTFOUND {
			continue
		}
		if err != nil {
			return err
		}
		have, err := tx.Parties(ctx, right.ID)
		if err != nil {
			return err
		}
		if slices.ContainsFunc(have, func(p *ipr.Party) bool { return p.Role == dp.party.Role && p.Name == dp.party.Name }) {
			continue
		}
		p := dp.party
		p.RightID = right.ID
		if err := tx.AddParty(ctx, &p); err != nil {
			return err
		}
		r.Created++
		if err := s.audit(ctx, tx, actor, change{Action: "party.add", ObjectType: "party", ObjectID: p.ID,
			ObjectOrg: right.HolderID, After: partySummary(right, &p)}); err != nil {
			return err
		}
	}
	return nil
}
