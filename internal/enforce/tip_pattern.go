package enforce

import (
	"context"
	"slices"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// TipPattern is a party named in the tips shared with a working group, and
// how many distinct holders named it: a consignee that ships fakes of several brands.
type TipPattern struct {
	GroupID   int64
	GroupName string
	Kind      string // consignee or consignor
	Value     string // as first written
	Holders   int
	Tips      int
}

// TipPatterns groups the tips shared with each working group the actor may
// see patterns of by normalised consignee and consignor, most holders first.
func (s *Service) TipPatterns(ctx context.Context, actor *ipr.User) ([]TipPattern, error) {
	if actor == nil {
		return nil, ipr.Authorize(actor, ipr.ActionViewTipPatterns, ipr.Anything)
	}
	var out []TipPattern
	err := s.DB.View(ctx, func(tx *store.Tx) error {
		groups, err := tx.ListWorkingGroups(ctx, 0)
		if err != nil {
			return err
		}
		var ids []int64
		for _, g := range groups {
			ids = append(ids, g.ID)
		}
		members, err := tx.WorkingGroupMembers(ctx, ids...)
		if err != nil {
			return err
		}
		for _, g := range groups {
			if !ipr.Can(actor, ipr.ActionViewTipPatterns, ipr.Resource{Kind: "group", OrgID: g.OrgID, Members: members[g.ID]}) {
				continue
			}
			tips, err := tx.SharedTips(ctx, g.ID)
			if err != nil {
				return err
			}
			out = append(out, patternsOf(g, tips)...)
		}
		return nil
	})
	return out, err
}

func patternsOf(g *ipr.WorkingGroup, tips []*ipr.Tip) []TipPattern {
	type key struct{ kind, norm string }
	type acc struct {
		first   string
		holders map[int64]bool
		tips    int
	}
	seen := map[key]*acc{}
	var order []key
	for _, t := range tips {
		for _, p := range []struct {
			kind  string
			names []string
		}{{"consignee", t.Consignees}, {"consignor", t.Consignors}} {
			for _, n := range p.names {
				k := key{p.kind, ipr.NormaliseParty(n)}
				if k.norm == "" {
					continue
				}
				a := seen[k]
				if a == nil {
					a = &acc{first: n, holders: map[int64]bool{}}
					seen[k], order = a, append(order, k)
				}
				a.holders[t.OrgID] = true
				a.tips++
			}
		}
	}
	out := make([]TipPattern, 0, len(order))
	for _, k := range order {
		a := seen[k]
		out = append(out, TipPattern{GroupID: g.ID, GroupName: g.Name, Kind: k.kind, Value: a.first,
			Holders: len(a.holders), Tips: a.tips})
	}
	slices.SortStableFunc(out, func(a, b TipPattern) int { return b.Holders - a.Holders })
	return out
}
