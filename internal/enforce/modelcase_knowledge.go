package enforce

import (
	"context"
	"fmt"
	"strings"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// caseKnowledge is what Bordermark knows about a case when it is published as a
// model case: its facts, and every name that must not leave with them.
type caseKnowledge struct {
	c        *ipr.Case
	decl     *ipr.Declaration // the declaration it was opened from; empty when none
	items    []*ipr.CaseItem
	holder   *ipr.Org
	marks    []string // the brands of its rights, with their variants
	people   []string // the names of the holder's users and of those who worked the case
	infringe []*ipr.Infringer
}

func loadCaseKnowledge(ctx context.Context, tx *store.Tx, c *ipr.Case) (*caseKnowledge, error) {
	k := &caseKnowledge{c: c}
	var err error
	if k.decl, err = tx.CaseParties(ctx, c.ID); err != nil {
		return nil, err
	}
	if k.items, err = tx.CaseItems(ctx, c.ID); err != nil {
		return nil, err
	}
	if k.holder, err = tx.OrgByID(ctx, c.HolderOrgID); err != nil {
		return nil, err
	}
	for _, id := range c.RightIDs {
		r, err := tx.RightByID(ctx, id)
		if err != nil {
			return nil, err
		}
		k.marks = append(k.marks, r.Mark)
		k.marks = append(k.marks, r.Variants...)
	}
	users, err := tx.ListUsers(ctx, c.HolderOrgID)
	if err != nil {
		return nil, err
	}
	events, err := tx.CaseEvents(ctx, c.ID)
	if err != nil {
		return nil, err
	}
	seen := map[int64]bool{}
	for _, e := range events {
		if e.ActorID == 0 || seen[e.ActorID] {
			continue
		}
		seen[e.ActorID] = true
		u, err := tx.UserByID(ctx, e.ActorID)
		if ipr.ErrorCode(err) == ipr.ENOTFOUND {
			continue
		} else if err != nil {
			return nil, err
		}
		users = append(users, u)
	}
	for _, u := range users {
		k.people = append(k.people, u.Name)
	}
	k.infringe, _, err = tx.ListInfringers(ctx, store.HolderFilter{HolderIDs: []int64{c.HolderOrgID}, Limit: 500})
	return k, err
}

// redactor replaces every name the case knows; brands too unless they are revealed.
func (k *caseKnowledge) redactor(revealBrand bool) *ipr.Redactor {
	r := &ipr.Redactor{}
	add := func(placeholder string, names ...string) {
		for _, n := range names {
			if strings.TrimSpace(n) != "" {
				r.Add(n, placeholder)
			}
		}
	}
	add(ipr.PlaceholderCompany, k.decl.Consignor, k.decl.Consignee, k.holder.Name, k.holder.NameZH)
	add(ipr.PlaceholderAddress, k.decl.ConsignorAddress, k.decl.ConsigneeAddress)
	add(ipr.PlaceholderCase, k.c.Ref, k.decl.Ref)
	add(ipr.PlaceholderPerson, k.people...)
	for _, inf := range k.infringe {
		add(ipr.PlaceholderCompany, inf.Name)
		add(ipr.PlaceholderAddress, inf.Address)
	}
	if !revealBrand {
		add(ipr.PlaceholderBrand, k.marks...)
	}
	return r
}

// fact is the value of field f of the case, before names are removed; "" when unknown.
func (k *caseKnowledge) fact(f ipr.ModelCaseField) string {
	c := k.c
	switch f {
	case ipr.MCOffice:
		return c.Office
	case ipr.MCMonth:
		return c.OpenedAt.In(c.Profile.Location()).Format("2006-01")
	case ipr.MCChannel:
		return c.Channel
	case ipr.MCTransport:
		return k.decl.Transport
	case ipr.MCOrigin:
		return k.decl.Origin
	case ipr.MCGoods:
		descs := make([]string, len(k.items))
		for i, it := range k.items {
			descs[i] = it.Description
		}
		return strings.Join(descs, "; ")
	case ipr.MCQuantity:
		return k.quantity()
	case ipr.MCValueBand:
		return ipr.ValueBand(c.GoodsValue, c.Currency)
	case ipr.MCDetermination:
		return string(c.Determination)
	case ipr.MCPenaltyTier:
		return c.Penalty.Tier
	case ipr.MCBrand:
		if len(k.marks) > 0 {
			return k.marks[0]
		}
	}
	return ""
}

// quantity is the items' total by unit, such as "1,350 pcs".
func (k *caseKnowledge) quantity() string {
	totals, order := map[string]int64{}, []string{}
	for _, it := range k.items {
		if _, ok := totals[it.Unit]; !ok {
			order = append(order, it.Unit)
		}
		totals[it.Unit] += it.Quantity
	}
	parts := make([]string, len(order))
	for i, unit := range order {
		parts[i] = groupThousands(totals[unit]) + " " + unit
	}
	return strings.Join(parts, ", ")
}

func groupThousands(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
