package store

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"bordermark/internal/ipr"
)

// The dashboards' queries read the cubes (stats_cube.go), each view the
// smallest that has its dimension and the columns its filter names.

// statsKeys is the fact column each dimension groups by; the working group is joined.
var statsKeys = map[ipr.StatsDimension]string{
	ipr.DimProvince: "f.province", ipr.DimCity: "f.city", ipr.DimTransport: "f.transport",
	ipr.DimChannel: "f.channel", ipr.DimChapter: "f.chapter", ipr.DimGroup: "m.group_id", ipr.DimBrand: "f.brand",
	ipr.DimOffice: "f.office", ipr.DimMode: "f.mode", ipr.DimMonth: "f.month",
}

// statsWhere selects the facts f counts. Each case counts once (its lead row)
// unless rows are grouped or filtered by brand, where it counts once per brand.
func statsWhere(f ipr.StatsFilter, byBrand bool) *whereBuilder {
	w := &whereBuilder{}
	profile := f.Profile
	if profile == "" {
		profile = ipr.ProfileCN
	}
	w.add("f.profile = ?", string(profile))
	switch {
	case f.Brand != "":
		w.add("f.brand = ?", f.Brand)
	case !byBrand:
		w.conds = append(w.conds, "f.lead_row = 1")
	}
	if !f.From.IsZero() {
		w.add("f.month >= ?", f.From.UTC().Format("2006-01"))
	}
	if !f.To.IsZero() {
		w.add("f.month < ?", f.To.UTC().Format("2006-01"))
	}
	for _, c := range []struct{ column, value string }{{"f.office", f.Office}, {"f.channel", f.Channel},
		{"f.transport", f.Transport}, {"f.province", f.Province}} {
		if c.value != "" {
			w.add(c.column+" = ?", c.value)
		}
	}
	if f.GroupID != 0 {
		w.add("f.holder_org_id IN (SELECT holder_id FROM working_group_members WHERE group_id = ?)", f.GroupID)
	}
	if f.HolderOrgID != 0 {
		w.add("f.holder_org_id = ?", f.HolderOrgID)
	}
	return w
}

// statsCubeFor is the cube that counts detentions by dim under filter f:
// stats_cube unless the origin region is asked for.
func statsCubeFor(dim ipr.StatsDimension, f ipr.StatsFilter) string {
	switch {
	case dim == ipr.DimCity:
		return "stats_city_cube"
	case dim == ipr.DimProvince || f.Province != "":
		return "stats_province_cube"
	}
	return "stats_cube"
}

// StatsRows counts the detentions f selects by dim: batches, pieces and value
// per key, unlabelled and unordered.
func (tx *Tx) StatsRows(ctx context.Context, dim ipr.StatsDimension, f ipr.StatsFilter) ([]ipr.StatsRow, error) {
	key, ok := statsKeys[dim]
	if !ok {
		return nil, &ipr.Error{Code: ipr.EINVALID, Message: "unknown statistics view",
			Fields: map[string]string{"view": strconv.Quote(string(dim)) + " is not a view"}}
	}
	from := ` FROM ` + statsCubeFor(dim, f) + ` f`
	if dim == ipr.DimGroup {
		from += ` JOIN working_group_members m ON m.holder_id = f.holder_org_id`
	}
	group := key
	if dim == ipr.DimCity {
		group = "f.province, f.city" // the same groups, in the cube's key order: no sorting
	}
	where, args := statsWhere(f, dim == ipr.DimBrand).sql()
	return queryAll(ctx, tx, scanStatsRow, `SELECT `+key+`, SUM(f.batches), SUM(f.pieces), SUM(f.value)`+from+where+
		` GROUP BY `+group, args...)
}

// StatsTotals counts every detention f selects.
func (tx *Tx) StatsTotals(ctx context.Context, f ipr.StatsFilter) (ipr.StatsRow, error) {
	where, args := statsWhere(f, false).sql()
	row, err := scanStatsRow(tx.queryRow(ctx, `SELECT '', COALESCE(SUM(f.batches), 0), COALESCE(SUM(f.pieces), 0),
		COALESCE(SUM(f.value), 0) FROM `+statsCubeFor("", f)+` f`+where, args...))
	if err != nil {
		return ipr.StatsRow{}, ipr.Internal(err)
	}
	return row, nil
}

func scanStatsRow(row rowScanner) (ipr.StatsRow, error) {
	var r ipr.StatsRow
	var value int64
	err := row.Scan(&r.Key, &r.Batches, &r.Pieces, &value)
	r.Value = ipr.Money(value)
	return r, err
}

// StatsRuleHits ranks risk rules by the infringing cases opened on declarations
// they flagged. Flagged counts honour the period, office, channel, transport and
// holder; cases and confirmed ones honour every filter.
func (tx *Tx) StatsRuleHits(ctx context.Context, f ipr.StatsFilter, limit int) ([]ipr.StatsRuleRow, error) {
	byRule := map[int64]*ipr.StatsRuleRow{}
	get := func(id int64) *ipr.StatsRuleRow {
		if byRule[id] == nil {
			byRule[id] = &ipr.StatsRuleRow{RuleID: id}
		}
		return byRule[id]
	}
	var id, n, confirmed int64
	where, args := statsWhere(f, false).sql()
	err := eachRow(ctx, tx, `SELECT f.rule_id, SUM(f.cases), SUM(f.confirmed) FROM stats_rule_cases f`+where+
		` GROUP BY f.rule_id`, args,
		[]any{&id, &n, &confirmed}, func() { r := get(id); r.Cases, r.Confirmed = n, confirmed })
	if err != nil {
		return nil, err
	}
	where, args = flagWhere(f).sql()
	err = eachRow(ctx, tx, `SELECT rule_id, COALESCE(SUM(flagged), 0) FROM stats_rule_flags`+where+` GROUP BY rule_id`,
		args, []any{&id, &n}, func() { get(id).Flagged = n })
	if err != nil {
		return nil, err
	}
	list := make([]ipr.StatsRuleRow, 0, len(byRule))
	for _, r := range byRule {
		if r.Flagged > 0 {
			r.Precision = float64(r.Confirmed) / float64(r.Flagged)
		}
		list = append(list, *r)
	}
	slices.SortFunc(list, func(a, b ipr.StatsRuleRow) int {
		return cmp.Or(cmp.Compare(b.Confirmed, a.Confirmed), cmp.Compare(b.Cases, a.Cases),
			cmp.Compare(b.Flagged, a.Flagged), cmp.Compare(a.RuleID, b.RuleID))
	})
	if limit <= 0 {
		limit = 10
	}
	list = list[:min(limit, len(list))]
	return list, tx.nameRules(ctx, list)
}

// flagWhere selects the rule flag counts f asks for: a holder's own, else the totals.
func flagWhere(f ipr.StatsFilter) *whereBuilder {
	w := &whereBuilder{}
	w.add("holder_org_id = ?", f.HolderOrgID)
	if !f.From.IsZero() {
		w.add("month >= ?", f.From.UTC().Format("2006-01"))
	}
	if !f.To.IsZero() {
		w.add("month < ?", f.To.UTC().Format("2006-01"))
	}
	for _, c := range []struct{ column, value string }{{"office", f.Office}, {"channel", f.Channel},
		{"transport", f.Transport}} {
		if c.value != "" {
			w.add(c.column+" = ?", c.value)
		}
	}
	return w
}

// nameRules names each rule as it is now, or as it was when it last flagged a
// declaration when it has been deleted since.
func (tx *Tx) nameRules(ctx context.Context, list []ipr.StatsRuleRow) error {
	for i := range list {
		err := tx.queryRow(ctx, `SELECT COALESCE((SELECT name FROM rules WHERE id = $1),
			(SELECT MAX(name) FROM declaration_rules WHERE rule_id = $1), '')`, list[i].RuleID).Scan(&list[i].Name)
		if err != nil {
			return ipr.Internal(err)
		}
	}
	return nil
}

// StatsDuration counts the durations of one key and stage that took Hours
// whole hours (rounded down).
type StatsDuration struct {
	Key   string // the holder organisation's id, or the office
	Stage int    // the stage's index among those asked for
	Hours int64
	N     int64
}

// StatsAnswerHours counts, per holder, the cases f selects by the hours from
// their first identification request to its answer.
func (tx *Tx) StatsAnswerHours(ctx context.Context, f ipr.StatsFilter) ([]StatsDuration, error) {
	return tx.statsDurations(ctx, f, "f.holder_org_id", ipr.StatsResponseStages)
}

// StatsTransferHours counts, per office, the cases f selects by the hours of
// their latest transfer's stages: proposal to approval, approval to sending and
// sending to acceptance.
func (tx *Tx) StatsTransferHours(ctx context.Context, f ipr.StatsFilter) ([]StatsDuration, error) {
	return tx.statsDurations(ctx, f, "f.office", ipr.StatsTransferStages)
}

// statsDurations reads the histograms of stages by key, in the key's order.
func (tx *Tx) statsDurations(ctx context.Context, f ipr.StatsFilter, key string, stages []string) ([]StatsDuration, error) {
	w := statsWhere(f, false)
	marks := make([]string, len(stages))
	for i, st := range stages {
		w.args = append(w.args, st)
		marks[i] = "$" + itoa(len(w.args))
	}
	w.conds = append(w.conds, "f.stage IN ("+strings.Join(marks, ", ")+")")
	where, args := w.sql()
	var list []StatsDuration
	var d StatsDuration
	var stage string
	err := eachRow(ctx, tx, `SELECT f.stage, `+key+`, f.hours, SUM(f.n) FROM stats_durations f`+where+
		` GROUP BY f.stage, `+key+`, f.hours`, args, []any{&stage, &d.Key, &d.Hours, &d.N}, func() {
		d.Stage = slices.Index(stages, stage)
		list = append(list, d)
	})
	return list, err
}

// eachRow runs query and calls each after scanning every row into dest.
func eachRow(ctx context.Context, tx *Tx, query string, args []any, dest []any, each func()) error {
	rows, err := tx.query(ctx, query, args...)
	if err != nil {
		return ipr.Internal(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return ipr.Internal(err)
		}
		each()
	}
	if err := rows.Err(); err != nil {
		return ipr.Internal(err)
	}
	return nil
}

// StatsValues are the distinct values the facts hold, for the filters' drop-downs.
type StatsValues struct {
	Offices, Channels, Transports, Brands, Provinces, Months []string
}

// StatsValues lists the values in the facts, of holder's cases only when holder is not 0.
func (tx *Tx) StatsValues(ctx context.Context, holder int64) (StatsValues, error) {
	var v StatsValues
	for _, c := range []struct {
		column string
		dst    *[]string
	}{{"office", &v.Offices}, {"channel", &v.Channels}, {"transport", &v.Transports}, {"brand", &v.Brands},
		{"province", &v.Provinces}, {"month", &v.Months}} {
		list, err := tx.distinctFacts(ctx, c.column, holder)
		if err != nil {
			return v, err
		}
		*c.dst = list
	}
	return v, nil
}

// distinctFacts lists a column's values, ascending. Over every case it skips
// from value to value along the column's index instead of reading each row.
func (tx *Tx) distinctFacts(ctx context.Context, column string, holder int64) ([]string, error) {
	query := `WITH RECURSIVE v(x) AS (SELECT MIN(` + column + `) FROM stats_facts
		UNION ALL SELECT (SELECT MIN(` + column + `) FROM stats_facts WHERE ` + column + ` > v.x) FROM v WHERE v.x IS NOT NULL)
		SELECT x FROM v WHERE x IS NOT NULL AND x <> ''`
	var args []any
	if holder != 0 {
		query = `SELECT DISTINCT ` + column + ` FROM stats_facts WHERE holder_org_id = $1 AND ` + column + ` <> '' ORDER BY 1`
		args = append(args, holder)
	}
	var list []string
	var x string
	err := eachRow(ctx, tx, query, args, []any{&x}, func() { list = append(list, x) })
	return list, err
}
