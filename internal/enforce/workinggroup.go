package enforce

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// GroupMember is a member right holder of a working group, with its brands: the marks of its approved rights.
type GroupMember struct {
	Org    *ipr.Org
	Brands []string
}

// GroupDetail is a working group's page.
type GroupDetail struct {
	*ipr.WorkingGroup
	Association *ipr.Org
	Members     []GroupMember // by name
	Candidates  []*ipr.Org    // right holders not yet members, for the secretariat's form
	CanEdit     bool          // actor may edit the common problems
	CanManage   bool          // actor may add and remove members
}

// MaxProblemsLength is the longest common-problems text a group may keep, in characters.
const MaxProblemsLength = 20000

const groupKind = "working_group"

// ListWorkingGroups returns every association's working groups, by name, with their members.
func (s *Service) ListWorkingGroups(ctx context.Context, actor *ipr.User) ([]*ipr.WorkingGroup, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewWorkingGroup, ipr.Anything); err != nil {
		return nil, err
	}
	var list []*ipr.WorkingGroup
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		var err error
		if list, err = tx.ListWorkingGroups(ctx, 0); err != nil {
			return err
		}
		ids := make([]int64, len(list))
		for i, g := range list {
			ids[i] = g.ID
		}
		members, err := tx.WorkingGroupMembers(ctx, ids...)
		for _, g := range list {
			g.Members = members[g.ID]
		}
		return err
	})
	return list, err
}

// WorkingGroup returns a group's page: its members and their brands, and the common problems.
func (s *Service) WorkingGroup(ctx context.Context, actor *ipr.User, id int64) (*GroupDetail, error) {
	if err := ipr.Authorize(actor, ipr.ActionViewWorkingGroup, ipr.Anything); err != nil {
		return nil, err
	}
	d := &GroupDetail{}
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		g, err := tx.WorkingGroupByID(ctx, id)
		if err != nil {
			return err
		}
		d.WorkingGroup = g
		orgs, err := tx.ListOrgs(ctx)
		if err != nil {
			return err
		}
		marks, err := tx.ApprovedMarks(ctx, g.Members...)
		if err != nil {
			return err
		}
		for _, o := range orgs {
			switch {
			case o.ID == g.OrgID:
				d.Association = o
			case slices.Contains(g.Members, o.ID):
				d.Members = append(d.Members, GroupMember{Org: o, Brands: marks[o.ID]})
			case o.Kind == ipr.OrgRightHolder:
				d.Candidates = append(d.Candidates, o)
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(d.Members, func(a, b GroupMember) int { return strings.Compare(a.Org.Name, b.Org.Name) })
	slices.SortFunc(d.Candidates, func(a, b *ipr.Org) int { return strings.Compare(a.Name, b.Name) })
	d.CanEdit = ipr.Can(actor, ipr.ActionEditWorkingGroup, groupResource(d.WorkingGroup))
	d.CanManage = ipr.Can(actor, ipr.ActionManageWorkingGroup, groupResource(d.WorkingGroup))
	if !d.CanManage {
		d.Candidates = nil
	}
	return d, nil
}

// SetGroupProblems replaces a group's common-problems text: its member right holders and
// the association's secretariat may.
func (s *Service) SetGroupProblems(ctx context.Context, actor *ipr.User, id int64, text string) error {
	if err := ipr.Authorize(actor, ipr.ActionViewWorkingGroup, ipr.Anything); err != nil {
		return err
	}
	text = strings.TrimSpace(strings.ReplaceAll(text, "\r\n", "\n"))
	return s.DB.Update(ctx, func(tx *store.Tx) error {
		g, err := tx.WorkingGroupByID(ctx, id)
		if err != nil {
			return err
		}
		if err := ipr.Authorize(actor, ipr.ActionEditWorkingGroup, groupResource(g)); err != nil {
			return err // before the text is checked: those who may not edit learn nothing from it
		}
		if n := len([]rune(text)); n > MaxProblemsLength {
			return &ipr.Error{Code: ipr.EINVALID, Message: "the common problems are not valid",
				Fields: map[string]string{"problems": "must be at most " + strconv.Itoa(MaxProblemsLength) + " characters; this is " + strconv.Itoa(n)}}
		}
		if g.Problems == text {
			return nil // nothing changed: no audit event
		}
		if err := tx.SetWorkingGroupProblems(ctx, id, text); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "working_group.problems", ObjectType: groupKind, ObjectID: g.ID,
			ObjectOrg: g.OrgID, Before: clipSummary(g.Problems, 300), After: clipSummary(text, 300)})
	})
}

// AddGroupMember makes a right holder a member of a group: the association's secretariat may.
func (s *Service) AddGroupMember(ctx context.Context, actor *ipr.User, groupID, holderID int64) error {
	return s.changeMembers(ctx, actor, groupID, holderID, "working_group.member_add", (*store.Tx).AddWorkingGroupMember)
}

// RemoveGroupMember takes a right holder out of a group: the association's secretariat may.
func (s *Service) RemoveGroupMember(ctx context.Context, actor *ipr.User, groupID, holderID int64) error {
	return s.changeMembers(ctx, actor, groupID, holderID, "working_group.member_remove", (*store.Tx).RemoveWorkingGroupMember)
}

func (s *Service) changeMembers(ctx context.Context, actor *ipr.User, groupID, holderID int64, event string,
	apply func(*store.Tx, context.Context, int64, int64) error) error {
	// Only a secretariat may manage any group: everyone else is refused before the lookup.
	if err := ipr.Authorize(actor, ipr.ActionManageWorkingGroup, ipr.Resource{Kind: groupKind, OrgID: actor.OrgIDOrZero()}); err != nil {
		return err
	}
	if holderID <= 0 {
		return &ipr.Error{Code: ipr.EINVALID, Message: "choose a right holder",
			Fields: map[string]string{"holder": "choose a right holder"}}
	}
	return s.DB.Update(ctx, func(tx *store.Tx) error {
		g, err := tx.WorkingGroupByID(ctx, groupID)
		if err != nil {
			return err
		}
		if err := ipr.Authorize(actor, ipr.ActionManageWorkingGroup, groupResource(g)); err != nil {
			return err
		}
		holder, err := tx.OrgByID(ctx, holderID)
		if ipr.ErrorCode(err) == ipr.ENOTFOUND {
			return &ipr.Error{Code: ipr.EINVALID, Message: "choose a right holder",
				Fields: map[string]string{"holder": "no right holder with id " + strconv.FormatInt(holderID, 10)}}
		}
		if err != nil {
			return err
		}
		if err := apply(tx, ctx, g.ID, holder.ID); err != nil {
			return err
		}
		c := change{Action: event, ObjectType: groupKind, ObjectID: g.ID, ObjectOrg: g.OrgID}
		if strings.HasSuffix(event, "_remove") {
			c.Before = holder.Name + " in " + g.Name
		} else {
			c.After = holder.Name + " in " + g.Name
		}
		return s.audit(ctx, tx, actor, c)
	})
}

func groupResource(g *ipr.WorkingGroup) ipr.Resource {
	return ipr.Resource{Kind: groupKind, OrgID: g.OrgID, Members: g.Members}
}
