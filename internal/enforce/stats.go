package enforce

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strconv"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// The statistics' data side: each view reads the fact tables the store keeps
// current with the cases (store/stats.go), restricted to the viewer's own
// brands for right holders and agents.

// statsScope authorises actor for the figures f asks for and returns f as it
// may see them: a right holder's own brands always; an agent's client's (the
// first client unless f names one it acts for).
func statsScope(actor *ipr.User, f ipr.StatsFilter) (ipr.StatsFilter, error) {
	if actor != nil && actor.Role == ipr.RoleRightHolder {
		f.HolderOrgID = actor.OrgID
	}
	if actor != nil && actor.Role == ipr.RoleAgent && f.HolderOrgID == 0 {
		if len(actor.ActsFor) == 0 {
			return f, ipr.Errorf(ipr.EFORBIDDEN, "you act for no right holder")
		}
		f.HolderOrgID = actor.ActsFor[0]
	}
	if err := ipr.Authorize(actor, ipr.ActionViewStats, ipr.Resource{Kind: "stats", OrgID: f.HolderOrgID}); err != nil {
		return f, err
	}
	if f.Profile != "" && !slices.Contains(ipr.Profiles, f.Profile) {
		return f, &ipr.Error{Code: ipr.EINVALID, Message: "the filter is not valid",
			Fields: map[string]string{"profile": strconv.Quote(string(f.Profile)) + " is not a profile"}}
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		return f, &ipr.Error{Code: ipr.EINVALID, Message: "the filter is not valid",
			Fields: map[string]string{"to": "must be after from"}}
	}
	return f, nil
}

// Stats returns one view of the detention statistics, grouped by dim: months
// ascending for DimMonth (every month of the period, empty ones too), else
// batches descending.
func (s *Service) Stats(ctx context.Context, actor *ipr.User, dim ipr.StatsDimension, f ipr.StatsFilter) ([]ipr.StatsRow, error) {
	f, err := statsScope(actor, f)
	if err != nil {
		return nil, err
	}
	var rows []ipr.StatsRow
	err = s.DB.View(ctx, func(tx *store.Tx) error {
		if rows, err = tx.StatsRows(ctx, dim, f); err != nil {
			return err
		}
		return s.labelStats(ctx, tx, dim, rows)
	})
	if err != nil {
		return nil, err
	}
	if dim == ipr.DimMonth {
		return fillMonths(rows, f.From, f.To), nil
	}
	slices.SortFunc(rows, func(a, b ipr.StatsRow) int {
		return cmp.Or(cmp.Compare(b.Batches, a.Batches), cmp.Compare(a.Key, b.Key))
	})
	return rows, nil
}

// StatsTotals returns the headline figures for f.
func (s *Service) StatsTotals(ctx context.Context, actor *ipr.User, f ipr.StatsFilter) (ipr.StatsRow, error) {
	f, err := statsScope(actor, f)
	if err != nil {
		return ipr.StatsRow{}, err
	}
	var row ipr.StatsRow
	err = s.DB.View(ctx, func(tx *store.Tx) error {
		row, err = tx.StatsTotals(ctx, f)
		return err
	})
	row.Key, row.Label, row.LabelZH = "total", "Total", "合计"
	return row, err
}

// StatsRules returns the risk rules with the most confirmed hits, at most limit (10 when 0).
func (s *Service) StatsRules(ctx context.Context, actor *ipr.User, f ipr.StatsFilter, limit int) ([]ipr.StatsRuleRow, error) {
	f, err := statsScope(actor, f)
	if err != nil {
		return nil, err
	}
	var rows []ipr.StatsRuleRow
	err = s.DB.View(ctx, func(tx *store.Tx) error {
		rows, err = tx.StatsRuleHits(ctx, f, limit)
		return err
	})
	return rows, err
}

// StatsResponseTimes returns, per right holder, how many hours its first
// answer to an identification request took: count, median and 90th percentile,
// the percentiles within one hour of the exact ones (see spreadHours).
func (s *Service) StatsResponseTimes(ctx context.Context, actor *ipr.User, f ipr.StatsFilter) ([]ipr.StatsSpreadRow, error) {
	f, err := statsScope(actor, f)
	if err != nil {
		return nil, err
	}
	var rows []ipr.StatsSpreadRow
	err = s.DB.View(ctx, func(tx *store.Tx) error {
		hist, err := tx.StatsAnswerHours(ctx, f)
		if err != nil {
			return err
		}
		rows = spreadHours(hist, len(ipr.StatsResponseStages), 60)
		for i, r := range rows {
			id, _ := strconv.ParseInt(r.Key, 10, 64)
			if org, err := tx.OrgByID(ctx, id); err == nil {
				rows[i].Label, rows[i].LabelZH = org.Name, org.NameZH
			}
		}
		return nil
	})
	return rows, err
}

// StatsTransferTimes returns, per customs office, the days each hand-over of
// its cases' latest transfers took: proposal to approval, approval to sending,
// sending to acceptance by the police, within one hour (1/24 day) of the exact ones.
func (s *Service) StatsTransferTimes(ctx context.Context, actor *ipr.User, f ipr.StatsFilter) ([]ipr.StatsSpreadRow, error) {
	f, err := statsScope(actor, f)
	if err != nil {
		return nil, err
	}
	var rows []ipr.StatsSpreadRow
	err = s.DB.View(ctx, func(tx *store.Tx) error {
		hist, err := tx.StatsTransferHours(ctx, f)
		if err != nil {
			return err
		}
		rows = spreadHours(hist, len(ipr.StatsTransferStages), 24*60)
		for i, r := range rows {
			rows[i].Label, rows[i].LabelZH = s.officeLabel(ctx, tx, r.Key)
		}
		return nil
	})
	return rows, err
}

// spreadHours groups the histograms in whole hours by key and computes each
// of the stages' spread in units of unit minutes, keys ordered by the first
// stage's count, largest first.
func spreadHours(hist []store.StatsDuration, stages int, unit float64) []ipr.StatsSpreadRow {
	byKey := map[string][][]store.StatsDuration{}
	var keys []string
	for _, h := range hist {
		if h.Stage < 0 || h.Stage >= stages {
			continue
		}
		if _, ok := byKey[h.Key]; !ok {
			keys, byKey[h.Key] = append(keys, h.Key), make([][]store.StatsDuration, stages)
		}
		byKey[h.Key][h.Stage] = append(byKey[h.Key][h.Stage], h)
	}
	rows := make([]ipr.StatsSpreadRow, len(keys))
	for i, k := range keys {
		rows[i] = ipr.StatsSpreadRow{Key: k, Label: k}
		for _, buckets := range byKey[k] {
			rows[i].Stages = append(rows[i].Stages, hourSpread(buckets, unit))
		}
	}
	slices.SortFunc(rows, func(a, b ipr.StatsSpreadRow) int {
		return cmp.Or(cmp.Compare(b.Stages[0].Count, a.Stages[0].Count), cmp.Compare(a.Key, b.Key))
	})
	return rows
}

// hourSpread is the count, median and 90th percentile of the durations counted
// in buckets of whole hours, interpolated between ranks as percentile does over
// the values themselves. Each value is taken as the middle of its hour, so the
// result is within half an hour of the exact one (before rounding to 0.01).
func hourSpread(buckets []store.StatsDuration, unit float64) ipr.StatsSpread {
	slices.SortFunc(buckets, func(a, b store.StatsDuration) int { return cmp.Compare(a.Hours, b.Hours) })
	var n int64
	for _, b := range buckets {
		n += b.N
	}
	if n == 0 {
		return ipr.StatsSpread{}
	}
	at := func(rank int64) float64 { // the value of the rank-th smallest duration, in units
		for _, b := range buckets {
			if rank < b.N {
				return (float64(b.Hours) + 0.5) * 60 / unit
			}
			rank -= b.N
		}
		return 0
	}
	pct := func(p float64) float64 {
		rank := p * float64(n-1)
		lo := int64(math.Floor(rank))
		v := at(lo) + (at(min(lo+1, n-1))-at(lo))*(rank-float64(lo))
		return math.Round(v*100) / 100
	}
	return ipr.StatsSpread{Count: n, Median: pct(0.5), P90: pct(0.9)}
}

// fillMonths orders month rows and adds the empty months between from and to
// (or between the first and last month with data when they are zero).
func fillMonths(rows []ipr.StatsRow, from, to time.Time) []ipr.StatsRow {
	have := map[string]ipr.StatsRow{}
	for _, r := range rows {
		have[r.Key] = r
	}
	slices.SortFunc(rows, func(a, b ipr.StatsRow) int { return cmp.Compare(a.Key, b.Key) })
	if from.IsZero() && len(rows) > 0 {
		from, _ = time.Parse("2006-01", rows[0].Key)
	}
	if to.IsZero() && len(rows) > 0 {
		last, _ := time.Parse("2006-01", rows[len(rows)-1].Key)
		to = last.AddDate(0, 1, 0)
	}
	if from.IsZero() || to.IsZero() || to.Sub(from) > 50*366*24*time.Hour {
		return rows
	}
	var out []ipr.StatsRow
	end := time.Date(to.Year(), to.Month(), 1, 0, 0, 0, 0, time.UTC) // To's month is excluded, as in the query
	for m := time.Date(from.Year(), from.Month(), 1, 0, 0, 0, 0, time.UTC); m.Before(end); m = m.AddDate(0, 1, 0) {
		key := m.Format("2006-01")
		r, ok := have[key]
		if !ok {
			r = ipr.StatsRow{Key: key, Label: key, LabelZH: m.Format("2006年1月")}
		}
		out = append(out, r)
	}
	return out
}
