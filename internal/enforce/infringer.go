package enforce

import (
	"context"
	"slices"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// HolderQuery selects a page of right holders' data (known infringers or contacts).
type HolderQuery struct {
	HolderID int64  // one holder; 0 for every holder the user may see
	Text     string // search text
	Limit    int
	Offset   int
}

// InfringerPage is one page of known infringers.
type InfringerPage struct {
	Infringers []*ipr.Infringer
	Total      int64
	Holders    []*ipr.Org // the right holders whose infringers the user may see, by name
}

const infringerKind = "infringer"

// ListInfringers returns the known infringers actor may see: customs every holder's,
// a right holder its own, an agent its clients'.
func (s *Service) ListInfringers(ctx context.Context, actor *ipr.User, q HolderQuery) (*InfringerPage, error) {
	scope, err := holderScope(actor, ipr.ActionViewInfringer, infringerKind, q.HolderID)
	if err != nil {
		return nil, err
	}
	page := &InfringerPage{}
	err = s.DB.View(ctx, func(tx *store.Tx) (err error) {
		if page.Holders, err = holderChoices(ctx, tx, actor, ipr.ActionViewInfringer, infringerKind); err != nil {
			return err
		}
		page.Infringers, page.Total, err = tx.ListInfringers(ctx, store.HolderFilter{HolderIDs: scope, Text: q.Text,
			Limit: q.Limit, Offset: q.Offset})
		return err
	})
	if err != nil {
		return nil, err
	}
	return page, nil
}

// Infringer returns one known infringer. Those who may not see it are told it does not exist.
func (s *Service) Infringer(ctx context.Context, actor *ipr.User, id int64) (*ipr.Infringer, error) {
	var out *ipr.Infringer
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		out, err = loadInfringer(ctx, tx, actor, id, ipr.ActionViewInfringer)
		return err
	})
	return out, err
}

// InfringerToEdit returns one infringer for its edit form: only the holder side may change it.
func (s *Service) InfringerToEdit(ctx context.Context, actor *ipr.User, id int64) (*ipr.Infringer, error) {
	var out *ipr.Infringer
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		out, err = loadInfringer(ctx, tx, actor, id, ipr.ActionEditInfringer)
		return err
	})
	return out, err
}

// AddInfringer records a known infringer for a right holder. A right holder records
// its own; an agent names one of its clients in in.HolderID.
func (s *Service) AddInfringer(ctx context.Context, actor *ipr.User, in ipr.Infringer) (*ipr.Infringer, error) {
	i := in
	i.ID = 0
	if err := authorizeHolder(actor, ipr.ActionEditInfringer, infringerKind, &i.HolderID); err != nil {
		return nil, err
	}
	if err := i.Validate(); err != nil {
		return nil, err
	}
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		if err := tx.CreateInfringer(ctx, &i, s.Clock.Now()); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "infringer.create", ObjectType: infringerKind, ObjectID: i.ID,
			ObjectOrg: i.HolderID, After: infringerSummary(&i)})
	})
	if err != nil {
		return nil, err
	}
	return &i, nil
}

// UpdateInfringer changes a known infringer's details; its holder stays the same.
func (s *Service) UpdateInfringer(ctx context.Context, actor *ipr.User, id int64, in ipr.Infringer) (*ipr.Infringer, error) {
	var out *ipr.Infringer
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		i, err := loadInfringer(ctx, tx, actor, id, ipr.ActionEditInfringer)
		if err != nil {
			return err
		}
		before := infringerSummary(i)
		i.Kind, i.Name, i.Address, i.Route, i.Evidence = in.Kind, in.Name, in.Address, in.Route, in.Evidence
		if err := tx.UpdateInfringer(ctx, i, s.Clock.Now()); err != nil {
			return err
		}
		out = i
		return s.audit(ctx, tx, actor, change{Action: "infringer.update", ObjectType: infringerKind, ObjectID: i.ID,
			ObjectOrg: i.HolderID, Before: before, After: infringerSummary(i)})
	})
	return out, err
}

// DeleteInfringer removes a known infringer.
func (s *Service) DeleteInfringer(ctx context.Context, actor *ipr.User, id int64) error {
	return s.DB.Update(ctx, func(tx *store.Tx) error {
		i, err := loadInfringer(ctx, tx, actor, id, ipr.ActionEditInfringer)
		if err != nil {
			return err
		}
		if err := tx.DeleteInfringer(ctx, id); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "infringer.delete", ObjectType: infringerKind, ObjectID: i.ID,
			ObjectOrg: i.HolderID, Before: infringerSummary(i)})
	})
}

// loadInfringer loads an infringer for action. Roles that may see no infringers at all are
// refused before the lookup; someone who may not see this one is told it does not exist.
func loadInfringer(ctx context.Context, tx *store.Tx, actor *ipr.User, id int64, action ipr.Action) (*ipr.Infringer, error) {
	if err := mayEverHolderData(actor, ipr.ActionViewInfringer, action, infringerKind); err != nil {
		return nil, err
	}
	i, err := tx.InfringerByID(ctx, id)
	if err != nil {
		return nil, err
	}
	if !ipr.Can(actor, ipr.ActionViewInfringer, ipr.OrgResource(infringerKind, i.HolderID)) {
		return nil, ipr.Errorf(ipr.ENOTFOUND, "known infringer not found")
	}
	if err := ipr.Authorize(actor, action, ipr.OrgResource(infringerKind, i.HolderID)); err != nil {
		return nil, err
	}
	return i, nil
}

func infringerSummary(i *ipr.Infringer) string {
	parts := []string{string(i.Kind)}
	for _, p := range []string{i.Name, i.Address, i.Route} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return clipSummary(strings.Join(parts, " · "), 300)
}

// The helpers below are shared by every kind of right holders' data (infringers, contacts).

// holderScope is the right holders whose data of kind actor may see with action: nil
// for every holder (customs), otherwise the holder itself or an agent's clients.
// holderID, when not 0, narrows the scope to that holder, if actor may see its data.
func holderScope(actor *ipr.User, action ipr.Action, kind string, holderID int64) ([]int64, error) {
	if err := ipr.Authorize(actor, action, ipr.OrgResource(kind, actor.OrgIDOrZero())); err != nil {
		return nil, err // roles that see no holder's data of this kind
	}
	if holderID != 0 {
		if err := ipr.Authorize(actor, action, ipr.OrgResource(kind, holderID)); err != nil {
			return nil, err
		}
		return []int64{holderID}, nil
	}
	if ipr.Can(actor, action, ipr.Resource{Kind: kind}) {
		return nil, nil // every holder's
	}
	scope := []int64{}
	for _, id := range append([]int64{actor.OrgID}, actor.ActsFor...) {
		if ipr.Can(actor, action, ipr.OrgResource(kind, id)) && !slices.Contains(scope, id) {
			scope = append(scope, id)
		}
	}
	return scope, nil
}

// holderChoices are the right holders for whom actor may do action on data of kind, by name:
// the holders a list can be filtered by, or a form can be filed for.
func holderChoices(ctx context.Context, tx *store.Tx, actor *ipr.User, action ipr.Action, kind string) ([]*ipr.Org, error) {
	all, err := tx.ListOrgs(ctx)
	if err != nil {
		return nil, err
	}
	var list []*ipr.Org
	for _, o := range all {
		if o.Kind == ipr.OrgRightHolder && ipr.Can(actor, action, ipr.OrgResource(kind, o.ID)) {
			list = append(list, o)
		}
	}
	return list, nil
}

// HolderChoices are the right holders for whom actor may do action (an edit or view action
// of infringers, contacts or the catalogue), for the holder field of a form or a filter.
func (s *Service) HolderChoices(ctx context.Context, actor *ipr.User, action ipr.Action) ([]*ipr.Org, error) {
	kind := strings.SplitN(string(action), ".", 2)[0]
	if err := ipr.Authorize(actor, action, ipr.OrgResource(kind, actor.OrgIDOrZero())); err != nil {
		return nil, err
	}
	var list []*ipr.Org
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		list, err = holderChoices(ctx, tx, actor, action, kind)
		return err
	})
	return list, err
}

// authorizeHolder checks that actor may do action for the holder in *holderID before
// anything is looked up. A right holder always acts for itself; an agent must name a client.
func authorizeHolder(actor *ipr.User, action ipr.Action, kind string, holderID *int64) error {
	if actor != nil && actor.Role == ipr.RoleRightHolder {
		*holderID = actor.OrgID
	}
	if *holderID == 0 && ipr.Can(actor, action, ipr.OrgResource(kind, actor.OrgIDOrZero())) {
		return &ipr.Error{Code: ipr.EINVALID, Message: "choose a right holder",
			Fields: map[string]string{"holder": "choose the right holder you act for"}}
	}
	return ipr.Authorize(actor, action, ipr.OrgResource(kind, *holderID))
}

// mayEverHolderData refuses, before any lookup, roles that may not see (view) or change (action)
// any holder's data of kind, so that they learn nothing about what exists.
func mayEverHolderData(actor *ipr.User, view, action ipr.Action, kind string) error {
	own := ipr.OrgResource(kind, actor.OrgIDOrZero())
	if err := ipr.Authorize(actor, view, own); err != nil {
		return err
	}
	if ipr.Can(actor, action, ipr.Resource{Kind: kind}) {
		return nil
	}
	return ipr.Authorize(actor, action, own) // a holder or agent passes here; its record is checked once loaded
}

// clipSummary shortens s to at most n runes, for audit summaries.
func clipSummary(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
