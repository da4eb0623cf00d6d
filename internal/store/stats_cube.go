package store

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"bordermark/internal/ipr"
)

// The cubes (migration 0012) sum the fact rows by month and the columns the
// dashboards group and filter by. RefreshCaseStats applies the difference
// between a case's old and new fact rows to each, in the caller's transaction;
// RebuildStats recomputes them from the facts with one INSERT … SELECT each.

// statsCube is one rollup of the facts: the rows with the same key values sum
// into one row of its measures.
type statsCube struct {
	table    string
	keys     []cubeColumn
	measures []cubeColumn
	join     string                // joined to the facts f when rebuilding
	where    string                // the facts it counts (SQL on f), "" for all
	has      func(r *factRow) bool // the same test in Go, nil for all
	perRule  bool                  // one row per risk rule that flagged the fact's declaration
}

// cubeColumn is a key or measure: its SQL over the facts f (and rules dr), and
// its value for one fact row (and rule) in Go. Measures' values are int64.
type cubeColumn struct {
	name, sql string
	value     func(r *factRow, rule int64) any
	constant  bool // the same for every row: left out of GROUP BY
}

// cubeTables are the tables the cubes fill, each emptied by RebuildStats.
var cubeTables = []string{"stats_cube", "stats_province_cube", "stats_city_cube", "stats_rule_cases", "stats_durations"}

var countMeasures = []cubeColumn{
	{name: "batches", sql: "COUNT(*)", value: one},
	{name: "pieces", sql: "SUM(f.pieces)", value: func(r *factRow, _ int64) any { return r.pieces }},
	{name: "value", sql: "SUM(f.value)", value: func(r *factRow, _ int64) any { return r.value }},
}

// one counts each fact row once.
func one(*factRow, int64) any { return int64(1) }

var statsCubes = []*statsCube{
	{table: "stats_cube", measures: countMeasures, keys: factKeys("profile", "lead_row", "month", "office", "channel",
		"transport", "mode", "holder_org_id", "brand", "chapter")},
	{table: "stats_province_cube", measures: countMeasures, keys: factKeys("profile", "lead_row", "province", "month",
		"office", "channel", "transport", "mode", "holder_org_id", "brand", "chapter")},
	{table: "stats_city_cube", measures: countMeasures, keys: factKeys("profile", "lead_row", "province", "city", "month",
		"office", "channel", "transport", "holder_org_id", "brand")},
	{table: "stats_rule_cases", perRule: true, join: ` JOIN declaration_rules dr ON dr.declaration_id = f.declaration_id`,
		keys: append([]cubeColumn{{name: "rule_id", sql: "dr.rule_id", value: func(_ *factRow, rule int64) any { return rule }}},
			factKeys("profile", "lead_row", "month", "office", "channel", "transport", "holder_org_id", "brand", "province")...),
		measures: []cubeColumn{{name: "cases", sql: "COUNT(*)", value: one}, {name: "confirmed", sql: "SUM(f.confirmed)",
			value: func(r *factRow, _ int64) any { return r.confirmed }}}},
	durationCube(0, "answer", "answer_minutes"),
	durationCube(1, "approval", "approval_minutes"),
	durationCube(2, "sending", "sending_minutes"),
	durationCube(3, "acceptance", "acceptance_minutes"),
}

// durationCube is the histogram of one duration of the facts, in whole hours.
func durationCube(i int, stage, column string) *statsCube {
	keys := []cubeColumn{{name: "stage", sql: "'" + stage + "'", value: func(*factRow, int64) any { return stage }, constant: true}}
	keys = append(keys, factKeys("profile", "lead_row", "holder_org_id")...)
	keys = append(keys, cubeColumn{name: "hours", sql: "f." + column + " / 60",
		value: func(r *factRow, _ int64) any { return r.minutes[i].Int64 / 60 }})
	keys = append(keys, factKeys("month", "office", "channel", "transport", "brand", "province")...)
	return &statsCube{table: "stats_durations", keys: keys, where: "f." + column + " IS NOT NULL",
		has:      func(r *factRow) bool { return r.minutes[i].Valid },
		measures: []cubeColumn{{name: "n", sql: "COUNT(*)", value: one}}}
}

// factKeys are key columns copied from the facts' columns of the same names.
func factKeys(names ...string) []cubeColumn {
	out := make([]cubeColumn, len(names))
	for i, name := range names {
		out[i] = cubeColumn{name: name, sql: "f." + name, value: func(r *factRow, _ int64) any { return r.field(name) }}
	}
	return out
}

// field is the value of the fact column name.
func (r *factRow) field(name string) any {
	switch name {
	case "profile":
		return r.profile
	case "lead_row":
		return r.lead
	case "month":
		return r.month
	case "office":
		return r.office
	case "channel":
		return r.channel
	case "transport":
		return r.transport
	case "mode":
		return r.mode
	case "holder_org_id":
		return r.holder
	case "brand":
		return r.brand
	case "chapter":
		return r.chapter
	case "province":
		return r.province
	case "city":
		return r.city
	}
	panic("store: the facts have no column " + name)
}

// rebuildCubes fills the emptied cubes from the facts.
func (tx *Tx) rebuildCubes(ctx context.Context) error {
	for _, c := range statsCubes {
		var cols, exprs, group []string
		for _, k := range c.keys {
			cols, exprs = append(cols, k.name), append(exprs, k.sql)
			if !k.constant {
				group = append(group, k.sql)
			}
		}
		for _, m := range c.measures {
			cols, exprs = append(cols, m.name), append(exprs, m.sql)
		}
		where := ""
		if c.where != "" {
			where = " WHERE " + c.where
		}
		_, err := tx.exec(ctx, `INSERT INTO `+c.table+` (`+strings.Join(cols, ", ")+`) SELECT `+strings.Join(exprs, ", ")+
			` FROM stats_facts f`+c.join+where+` GROUP BY `+strings.Join(group, ", "))
		if err != nil {
			return ipr.Internal(err)
		}
	}
	return nil
}

// cubeDelta is the change of one cube row: its key and what its measures gain (or lose).
type cubeDelta struct {
	key  []any
	sums []int64
}

// applyCubeDelta takes a case's old fact rows out of the cubes and adds its new ones.
func (tx *Tx) applyCubeDelta(ctx context.Context, old, new []factRow) error {
	rules, err := tx.ruleIDs(ctx, old, new)
	if err != nil {
		return err
	}
	for _, c := range statsCubes {
		var order []string
		deltas := map[string]*cubeDelta{}
		add := func(rows []factRow, sign int64) {
			for i := range rows {
				r := &rows[i]
				if c.has != nil && !c.has(r) {
					continue
				}
				ids := []int64{0}
				if c.perRule {
					ids = rules[r.declaration]
				}
				for _, rule := range ids {
					key := make([]any, len(c.keys))
					for j, k := range c.keys {
						key[j] = k.value(r, rule)
					}
					id := fmt.Sprintf("%#v", key)
					d := deltas[id]
					if d == nil {
						d = &cubeDelta{key: key, sums: make([]int64, len(c.measures))}
						deltas[id], order = d, append(order, id)
					}
					for j, m := range c.measures {
						d.sums[j] += sign * m.value(r, rule).(int64)
					}
				}
			}
		}
		add(old, -1)
		add(new, 1)
		var list []*cubeDelta
		for _, id := range order {
			if d := deltas[id]; slices.ContainsFunc(d.sums, func(x int64) bool { return x != 0 }) {
				list = append(list, d)
			}
		}
		if err := tx.upsertCube(ctx, c, list); err != nil {
			return err
		}
	}
	return nil
}

// ruleIDs lists the risk rules that flagged each declaration of rows.
func (tx *Tx) ruleIDs(ctx context.Context, rowSets ...[]factRow) (map[int64][]int64, error) {
	var ids []any
	seen := map[int64]bool{0: true}
	for _, rows := range rowSets {
		for _, r := range rows {
			if !seen[r.declaration] {
				seen[r.declaration], ids = true, append(ids, r.declaration)
			}
		}
	}
	out := map[int64][]int64{}
	if len(ids) == 0 {
		return out, nil
	}
	var decl, rule int64
	err := eachRow(ctx, tx, `SELECT declaration_id, rule_id FROM declaration_rules WHERE declaration_id IN (`+
		numbered(1, len(ids))+`) ORDER BY declaration_id, rule_id`, ids, []any{&decl, &rule},
		func() { out[decl] = append(out[decl], rule) })
	return out, err
}

// upsertCube adds each delta to its row of cube c, creating it when missing,
// and deletes the rows it brought to zero.
func (tx *Tx) upsertCube(ctx context.Context, c *statsCube, list []*cubeDelta) error {
	if len(list) == 0 {
		return nil
	}
	var cols, keys, set []string
	for _, k := range c.keys {
		cols, keys = append(cols, k.name), append(keys, k.name)
	}
	for _, m := range c.measures {
		cols = append(cols, m.name)
		set = append(set, m.name+" = "+c.table+"."+m.name+" + excluded."+m.name)
	}
	values := make([]string, len(list))
	var args []any
	for i, d := range list {
		values[i] = "(" + tx.params(len(args)+1, len(cols)) + ")"
		args = append(args, d.key...)
		for _, s := range d.sums {
			args = append(args, s)
		}
	}
	_, err := tx.exec(ctx, `INSERT INTO `+c.table+` (`+strings.Join(cols, ", ")+`) VALUES `+strings.Join(values, ", ")+
		` ON CONFLICT (`+strings.Join(keys, ", ")+`) DO UPDATE SET `+strings.Join(set, ", "), args...)
	if err != nil {
		return ipr.Internal(err)
	}
	where := make([]string, len(keys))
	for i, k := range keys {
		where[i] = k + " = $" + itoa(i+1)
	}
	for _, d := range list {
		if d.sums[0] >= 0 {
			continue
		}
		_, err := tx.exec(ctx, `DELETE FROM `+c.table+` WHERE `+strings.Join(where, " AND ")+` AND `+c.measures[0].name+
			` <= 0`, d.key...)
		if err != nil {
			return ipr.Internal(err)
		}
	}
	return nil
}

// analyze refreshes the query planner's statistics of tables.
func (tx *Tx) analyze(ctx context.Context, tables ...string) error {
	for _, t := range tables {
		if _, err := tx.exec(ctx, `ANALYZE `+t); err != nil {
			return ipr.Internal(err)
		}
	}
	return nil
}
