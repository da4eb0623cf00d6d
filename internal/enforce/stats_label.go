package enforce

import (
	"context"
	"slices"
	"strconv"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// labelStats names each row's key for a reader, in English and Chinese.
func (s *Service) labelStats(ctx context.Context, tx *store.Tx, dim ipr.StatsDimension, rows []ipr.StatsRow) error {
	for i := range rows {
		r := &rows[i]
		switch dim {
		case ipr.DimOffice:
			r.Label, r.LabelZH = s.officeLabel(ctx, tx, r.Key)
		case ipr.DimGroup:
			id, _ := strconv.ParseInt(r.Key, 10, 64)
			g, err := tx.WorkingGroupByID(ctx, id)
			if err != nil {
				return err
			}
			r.Label, r.LabelZH = g.Name, g.NameZH
		case ipr.DimBrand:
			r.Label = r.Key
		default:
			r.Label, r.LabelZH = ipr.StatsLabel(dim, r.Key)
		}
		if r.Key == "" {
			r.Label, r.LabelZH = "Unknown", "未知"
		}
	}
	return nil
}

// officeLabel names a customs office, stored in the facts by its English name.
func (s *Service) officeLabel(ctx context.Context, tx *store.Tx, name string) (en, zh string) {
	if org, err := tx.OrgByName(ctx, name); err == nil {
		return org.Name, org.NameZH
	}
	return name, ""
}

// StatsOptions returns the values the filters' drop-downs offer actor: those
// in the figures it may see.
func (s *Service) StatsOptions(ctx context.Context, actor *ipr.User) (ipr.StatsOptions, error) {
	f, err := statsScope(actor, ipr.StatsFilter{})
	if err != nil {
		return ipr.StatsOptions{}, err
	}
	var out ipr.StatsOptions
	err = s.DB.View(ctx, func(tx *store.Tx) error {
		v, err := tx.StatsValues(ctx, f.HolderOrgID)
		if err != nil {
			return err
		}
		for _, o := range v.Offices {
			en, zh := s.officeLabel(ctx, tx, o)
			out.Offices = append(out.Offices, ipr.StatsOption{Key: o, Label: en, LabelZH: zh})
		}
		out.Channels, out.Transports = codeOptions(ipr.DimChannel, v.Channels), codeOptions(ipr.DimTransport, v.Transports)
		for _, b := range v.Brands {
			out.Brands = append(out.Brands, ipr.StatsOption{Key: b, Label: b})
		}
		for _, p := range v.Provinces {
			en, zh := ipr.RegionLabel(p)
			out.Provinces = append(out.Provinces, ipr.StatsOption{Key: p, Label: en, LabelZH: zh})
		}
		for _, p := range ipr.Profiles {
			out.Profiles = append(out.Profiles, ipr.StatsOption{Key: string(p), Label: string(p)})
		}
		out.Months = v.Months
		if out.Groups, err = s.groupOptions(ctx, tx); err != nil {
			return err
		}
		out.Holders, err = s.holderOptions(ctx, tx, actor)
		return err
	})
	return out, err
}

func codeOptions(dim ipr.StatsDimension, codes []string) []ipr.StatsOption {
	out := make([]ipr.StatsOption, len(codes))
	for i, c := range codes {
		en, zh := ipr.StatsLabel(dim, c)
		out[i] = ipr.StatsOption{Key: c, Label: en, LabelZH: zh}
	}
	return out
}

func (s *Service) groupOptions(ctx context.Context, tx *store.Tx) ([]ipr.StatsOption, error) {
	groups, err := tx.ListWorkingGroups(ctx, 0)
	if err != nil {
		return nil, err
	}
	out := make([]ipr.StatsOption, len(groups))
	for i, g := range groups {
		out[i] = ipr.StatsOption{Key: strconv.FormatInt(g.ID, 10), Label: g.Name, LabelZH: g.NameZH}
	}
	return out, nil
}

// holderOptions are the right holders whose figures actor may choose between.
func (s *Service) holderOptions(ctx context.Context, tx *store.Tx, actor *ipr.User) ([]ipr.StatsOption, error) {
	orgs, err := tx.ListOrgs(ctx)
	if err != nil {
		return nil, err
	}
	var out []ipr.StatsOption
	for _, o := range orgs {
		if o.Kind != ipr.OrgRightHolder {
			continue
		}
		mine := actor.OrgID == o.ID || (actor.Role == ipr.RoleAgent && slices.Contains(actor.ActsFor, o.ID))
		if mine || actor.Role.IsCustoms() || actor.Role == ipr.RoleAssociationAdmin {
			out = append(out, ipr.StatsOption{Key: strconv.FormatInt(o.ID, 10), Label: o.Name, LabelZH: o.NameZH})
		}
	}
	return out, nil
}
