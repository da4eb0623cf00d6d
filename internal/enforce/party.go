package enforce

import (
	"context"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// SupplyChain is a right's authorised supply chain: the licensees, manufacturers,
// exporters, importers and consignees whose shipments of the brand are genuine.
type SupplyChain struct {
	Right   *ipr.Right
	Parties []*ipr.Party // by role and name
	CanEdit bool         // actor may add and remove parties
}

const supplyChainKind = "catalogue"

// SupplyChain returns a right with its authorised parties. Those who may not see the
// right are told it does not exist.
func (s *Service) SupplyChain(ctx context.Context, actor *ipr.User, rightID int64) (*SupplyChain, error) {
	sc := &SupplyChain{}
	err := s.DB.View(ctx, func(tx *store.Tx) (err error) {
		if sc.Right, err = catalogueRight(ctx, tx, actor, rightID, ipr.ActionViewCatalogue); err != nil {
			return err
		}
		sc.Parties, err = tx.Parties(ctx, rightID)
		return err
	})
	if err != nil {
		return nil, err
	}
	sc.CanEdit = ipr.Can(actor, ipr.ActionEditCatalogue, ipr.OrgResource(supplyChainKind, sc.Right.HolderID))
	return sc, nil
}

// Parties returns the authorised parties of a right, for the right's page.
func (s *Service) Parties(ctx context.Context, actor *ipr.User, rightID int64) ([]*ipr.Party, error) {
	sc, err := s.SupplyChain(ctx, actor, rightID)
	if err != nil {
		return nil, err
	}
	return sc.Parties, nil
}

// AddParty adds an authorised party to a right's supply chain: only the holder side may.
func (s *Service) AddParty(ctx context.Context, actor *ipr.User, rightID int64, in ipr.Party) (*ipr.Party, error) {
	p := in
	p.ID, p.RightID = 0, rightID
	p.Role = ipr.PartyRole(strings.ToLower(strings.TrimSpace(string(p.Role))))
	err := s.DB.Update(ctx, func(tx *store.Tx) error {
		r, err := catalogueRight(ctx, tx, actor, rightID, ipr.ActionEditCatalogue)
		if err != nil {
			return err
		}
		if err := licenseesNeedAmendment(r, p.Role); err != nil {
			return err
		}
		if err := tx.AddParty(ctx, &p); err != nil {
			return err
		}
		return s.audit(ctx, tx, actor, change{Action: "party.add", ObjectType: "party", ObjectID: p.ID,
			ObjectOrg: r.HolderID, After: partySummary(r, &p)})
	})
	if err != nil {
		return nil, err
	}
	s.registerChanged(ctx)
	return &p, nil
}

// DeleteParty removes an authorised party and returns the right it belonged to.
func (s *Service) DeleteParty(ctx context.Context, actor *ipr.User, id int64) (rightID int64, err error) {
	err = s.DB.Update(ctx, func(tx *store.Tx) error {
		if err := mayEverHolderData(actor, ipr.ActionViewCatalogue, ipr.ActionEditCatalogue, supplyChainKind); err != nil {
			return err
		}
		p, err := tx.PartyByID(ctx, id)
		if err != nil {
			return err
		}
		r, err := catalogueRight(ctx, tx, actor, p.RightID, ipr.ActionEditCatalogue)
		if err == nil {
			err = licenseesNeedAmendment(r, p.Role)
		}
		if ipr.ErrorCode(err) == ipr.ENOTFOUND {
			return ipr.Errorf(ipr.ENOTFOUND, "authorised party not found")
		}
		if err != nil {
			return err
		}
		if err := tx.DeleteParty(ctx, id); err != nil {
			return err
		}
		rightID = r.ID
		return s.audit(ctx, tx, actor, change{Action: "party.delete", ObjectType: "party", ObjectID: p.ID,
			ObjectOrg: r.HolderID, Before: partySummary(r, p)})
	})
	if err == nil {
		s.registerChanged(ctx)
	}
	return rightID, err
}

// catalogueRight loads a right for a catalogue action. Roles that see no catalogue are
// refused before the lookup; someone who may not see this right is told it does not exist.
func catalogueRight(ctx context.Context, tx *store.Tx, actor *ipr.User, id int64, action ipr.Action) (*ipr.Right, error) {
	if err := mayEverHolderData(actor, ipr.ActionViewCatalogue, action, supplyChainKind); err != nil {
		return nil, err
	}
	r, err := tx.RightByID(ctx, id)
	if err != nil {
		return nil, err
	}
	res := ipr.Resource{Kind: "right", OrgID: r.HolderID, State: string(r.Status)}
	if !ipr.Can(actor, ipr.ActionViewRight, res) || !ipr.Can(actor, ipr.ActionViewCatalogue, ipr.OrgResource(supplyChainKind, r.HolderID)) {
		return nil, ipr.Errorf(ipr.ENOTFOUND, "right not found")
	}
	if err := ipr.Authorize(actor, action, ipr.OrgResource(supplyChainKind, r.HolderID)); err != nil {
		return nil, err
	}
	return r, nil
}

func partySummary(r *ipr.Right, p *ipr.Party) string {
	s := r.Ref + " " + string(p.Role) + ": " + p.Name
	if p.RegCode != "" {
		s += " (" + p.RegCode + ")"
	}
	if p.Address != "" {
		s += ", " + p.Address
	}
	return clipSummary(s, 300)
}

// licenseesNeedAmendment refuses direct changes to the licensees of an approved
// recordation: the issue requires those to be filed as amendments and reviewed.
func licenseesNeedAmendment(r *ipr.Right, role ipr.PartyRole) error {
	if role == ipr.PartyLicensee && r.Status == ipr.StatusApproved {
		return &ipr.Error{Code: ipr.ECONFLICT, Message: "licensees of an approved recordation change through an amendment",
			Fields: map[string]string{"role": "file a change of licensees on the right's page; customs will review it"}}
	}
	return nil
}
