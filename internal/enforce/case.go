package enforce

import (
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/workflow"
)

// CaseInput is what an officer gives to open a detention case: by hand, or from
// a screened declaration (DeclarationRef, the declaring system's id), whose
// office, channel, value and goods fill what is left empty.
type CaseInput struct {
	Profile          ipr.Profile
	Mode             ipr.CaseMode
	Office           string
	HolderOrgID      int64
	RightIDs         []int64
	DeclarationRef   string
	Channel          string
	GoodsValue       ipr.Money
	Currency         string
	Perishable       bool
	SmallConsignment bool
	Patent           bool
	Items            []ipr.CaseItem
	RefPrefix        string // "" numbers the case by its profile, CN-2026-000001
}

// CaseDetail is a case as its page shows it.
type CaseDetail struct {
	Case            *ipr.Case
	Items           []*ipr.CaseItem
	Events          []ipr.CaseEvent
	Deadlines       []DeadlineView
	Identifications []*ipr.IdentificationRequest
	Allowed         []string         // the workflow events the actor may send now
	Actors          map[int64]string // the names of those on the timeline, by user id
	// The points of the authentication guides of the case's rights' products,
	// which a holder cites when it identifies the goods.
	GuidePoints []CaseGuidePoint
}

// CaseGuidePoint is one point of an authentication guide, named with its product.
type CaseGuidePoint struct {
	ipr.GuidePoint
	Product string
}

// DeadlineView is a case's clock with the office's working days left until it
// runs out: negative when overdue.
type DeadlineView struct {
	ipr.Deadline
	WorkingDaysLeft int
}

// OpenCase opens a detention case, runs the workflow's open event and stores
// the case, its items and the first timeline entry.
func (s *Service) OpenCase(ctx context.Context, actor *ipr.User, in CaseInput) (*ipr.Case, error) {
	if err := ipr.Authorize(actor, ipr.ActionOpenCase, ipr.Anything); err != nil {
		return nil, err
	}
	now := s.Clock.Now()
	c := &ipr.Case{Profile: in.Profile, Mode: in.Mode, Office: in.Office, HolderOrgID: in.HolderOrgID,
		RightIDs: in.RightIDs, Channel: in.Channel, GoodsValue: in.GoodsValue, Currency: in.Currency,
		Perishable: in.Perishable, SmallConsignment: in.SmallConsignment, Patent: in.Patent,
		OpenedBy: actor.ID, OpenedAt: now}
	items := slices.Clone(in.Items)
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		if strings.TrimSpace(in.DeclarationRef) != "" {
			d, err := tx.DeclarationByRef(ctx, strings.TrimSpace(in.DeclarationRef))
			if err != nil {
				return err
			}
			items = fromDeclaration(c, d, items)
		}
		st, err := s.caseTransition(ctx, tx, c, workflow.Event{Kind: "open"})
		if err != nil {
			return err
		}
		c.State = string(st.next.State)
		if err := tx.CreateCase(ctx, c, in.RefPrefix); err != nil {
			return err
		}
		if len(items) == 0 {
			return &ipr.Error{Code: ipr.EINVALID, Message: "the case is not valid",
				Fields: map[string]string{"items": "list at least one item of the goods"}}
		}
		if err := personalArticles(c, items); err != nil {
			return err
		}
		for i := range items {
			items[i].CaseID = c.ID
			if err := tx.AddCaseItem(ctx, &items[i]); err != nil {
				return inBatch(err, "item", "items", i, len(items))
			}
		}
		return s.carryOut(ctx, tx, actor, c, st)
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// personalArticles refuses a CN case on articles a person mails or carries
// within reasonable personal quantities: the border measures apply to goods,
// and such articles are goods only beyond those quantities (Regs Art. 31).
func personalArticles(c *ipr.Case, items []ipr.CaseItem) error {
	if c.Profile != ipr.ProfileCN {
		return nil
	}
	var pieces int64
	for _, it := range items {
		pieces += it.Quantity
	}
	if workflow.TreatedAsGoods(c.Channel, int(min(pieces, math.MaxInt32)), 0) {
		return nil
	}
	return &ipr.Error{Code: ipr.EINVALID, Message: "these are personal articles, not goods",
		Fields: map[string]string{"items": fmt.Sprintf("%d piece(s) in the %s channel are within reasonable personal quantities (%d); customs IPR measures apply to goods",
			pieces, c.Channel, workflow.DefaultPersonalLimit)}}
}

// fromDeclaration fills what the officer left empty from the declaration, and
// gives one item of its goods when none are listed.
func fromDeclaration(c *ipr.Case, d *ipr.Declaration, items []ipr.CaseItem) []ipr.CaseItem {
	c.DeclarationID = d.ID
	if c.Office == "" {
		c.Office = d.CustomsOffice
	}
	if c.Channel == "" {
		c.Channel = d.Channel
	}
	if c.GoodsValue == 0 && d.Value > 0 {
		c.GoodsValue = ipr.Money(math.Round(d.Value * 100))
		if c.Currency == "" {
			c.Currency = d.Currency
		}
	}
	if len(items) == 0 {
		items = []ipr.CaseItem{{Description: d.Description, Quantity: max(int64(math.Ceil(d.Quantity)), 1),
			DeclaredValue: c.GoodsValue}}
	}
	return items
}

// loadCase loads a case actor may see; to anyone else it does not exist.
func loadCase(ctx context.Context, tx *store.Tx, actor *ipr.User, id int64) (*ipr.Case, error) {
	if actor == nil {
		return nil, ipr.Authorize(nil, ipr.ActionViewCase, ipr.Anything)
	}
	c, err := tx.CaseByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !isSystem(actor) && !ipr.Can(actor, ipr.ActionViewCase, c.Resource()) {
		return nil, &ipr.Error{Code: ipr.ENOTFOUND, Message: "case not found",
			Fields: map[string]string{"case": "no case with id " + strconv.FormatInt(id, 10)}}
	}
	return c, nil
}

// isSystem reports whether actor is the system itself, as deadline jobs act.
func isSystem(actor *ipr.User) bool { return actor.ID == 0 && actor.Email == ipr.SystemUser().Email }

// CaseDetail returns a case with its items, timeline, deadlines, identification
// requests and the events actor may send now.
func (s *Service) CaseDetail(ctx context.Context, actor *ipr.User, id int64) (*CaseDetail, error) {
	var out *CaseDetail
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		c, err := loadCase(ctx, tx, actor, id)
		if err != nil {
			return err
		}
		out = &CaseDetail{Case: c}
		if out.Items, err = tx.CaseItems(ctx, id); err != nil {
			return err
		}
		if out.Events, err = tx.CaseEvents(ctx, id); err != nil {
			return err
		}
		if out.Identifications, err = tx.IdentificationRequests(ctx, id); err != nil {
			return err
		}
		if out.GuidePoints, err = caseGuidePoints(ctx, tx, c); err != nil {
			return err
		}
		actors := make([]int64, len(out.Events))
		for i, e := range out.Events {
			actors[i] = e.ActorID
		}
		if out.Actors, err = userNames(ctx, tx, actors); err != nil {
			return err
		}
		deadlines, err := tx.Deadlines(ctx, id)
		if err != nil {
			return err
		}
		if out.Deadlines, err = s.deadlineViews(ctx, c, deadlines); err != nil {
			return err
		}
		wf := toWorkflow(c, deadlines, out.Events)
		for _, ev := range workflow.Events(wf) {
			if mayDo(actor, c, ev) == nil {
				out.Allowed = append(out.Allowed, ev)
			}
		}
		return nil
	})
	return out, err
}

// userNames are the names of the users with ids; ids of no user (the
// system's 0, a deleted user) are left out.
func userNames(ctx context.Context, tx *store.Tx, ids []int64) (map[int64]string, error) {
	names := map[int64]string{}
	for _, id := range ids {
		if _, done := names[id]; done || id == 0 {
			continue
		}
		u, err := tx.UserByID(ctx, id)
		if ipr.ErrorCode(err) == ipr.ENOTFOUND {
			continue
		}
		if err != nil {
			return nil, err
		}
		names[id] = u.Name
	}
	return names, nil
}

// caseGuidePoints lists the guide points of the products of the case's rights.
func caseGuidePoints(ctx context.Context, tx *store.Tx, c *ipr.Case) ([]CaseGuidePoint, error) {
	var out []CaseGuidePoint
	for _, rightID := range c.RightIDs {
		products, err := tx.Products(ctx, rightID)
		if err != nil {
			return nil, err
		}
		for _, p := range products {
			points, err := tx.GuidePoints(ctx, p.ID)
			if err != nil {
				return nil, err
			}
			for _, g := range points {
				out = append(out, CaseGuidePoint{GuidePoint: g, Product: p.Name})
			}
		}
	}
	return out, nil
}

// Cases lists cases: customs see every one, a right holder only its own, an
// agent those of the client it names (or its only client).
func (s *Service) Cases(ctx context.Context, actor *ipr.User, f ipr.CaseFilter) ([]*ipr.Case, int64, error) {
	if actor != nil {
		switch actor.Role {
		case ipr.RoleRightHolder:
			f.HolderOrgID = actor.OrgID
		case ipr.RoleAgent:
			if f.HolderOrgID == 0 && len(actor.ActsFor) == 1 {
				f.HolderOrgID = actor.ActsFor[0]
			}
			if f.HolderOrgID == 0 {
				return nil, 0, &ipr.Error{Code: ipr.EINVALID, Message: "choose a right holder",
					Fields: map[string]string{"holder": "choose one of the right holders you act for"}}
			}
		}
	}
	if err := ipr.Authorize(actor, ipr.ActionViewCase, ipr.Resource{Kind: "case", OrgID: f.HolderOrgID}); err != nil {
		return nil, 0, err
	}
	var list []*ipr.Case
	var total int64
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		list, total, err = tx.Cases(ctx, f)
		return err
	})
	return list, total, err
}
