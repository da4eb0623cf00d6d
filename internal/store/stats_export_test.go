package store

import (
	"context"
	"fmt"
	"strings"

	"bordermark/internal/ipr"
)

// StatsCubeRows returns every row of every cube, each as text, in key order:
// what the tests compare after incremental changes and after a rebuild.
func (tx *Tx) StatsCubeRows(ctx context.Context) (map[string][]string, error) {
	out := map[string][]string{}
	for _, table := range cubeTables {
		rows, err := tx.query(ctx, `SELECT * FROM `+table+` ORDER BY `+strings.Join(cubeKeyNames(table), ", "))
		if err != nil {
			return nil, err
		}
		cols, _ := rows.Columns()
		values := make([]any, len(cols))
		dest := make([]any, len(cols))
		for i := range values {
			dest[i] = &values[i]
		}
		for rows.Next() {
			if err := rows.Scan(dest...); err != nil {
				rows.Close()
				return nil, err
			}
			line := make([]string, len(cols))
			for i, v := range values {
				if b, ok := v.([]byte); ok {
					v = string(b)
				}
				line[i] = cols[i] + "=" + fmt.Sprint(v)
			}
			out[table] = append(out[table], strings.Join(line, " "))
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// cubeKeyNames are the key columns of table, which several cubes may fill.
func cubeKeyNames(table string) []string {
	var names []string
	for _, c := range statsCubes {
		if c.table == table && names == nil {
			for _, k := range c.keys {
				names = append(names, k.name)
			}
		}
	}
	return names
}

// StatsRowsFromFacts counts a view straight from the facts, as the cubes must.
func (tx *Tx) StatsRowsFromFacts(ctx context.Context, dim ipr.StatsDimension, f ipr.StatsFilter) ([]ipr.StatsRow, error) {
	from := ` FROM stats_facts f`
	if dim == ipr.DimGroup {
		from += ` JOIN working_group_members m ON m.holder_id = f.holder_org_id`
	}
	where, args := statsWhere(f, dim == ipr.DimBrand).sql()
	return queryAll(ctx, tx, scanStatsRow, `SELECT `+statsKeys[dim]+`, COUNT(*), SUM(f.pieces), SUM(f.value)`+from+where+
		` GROUP BY `+statsKeys[dim], args...)
}

// StatsRuleCasesFromFacts counts the cases and confirmed ones per rule straight from the facts.
func (tx *Tx) StatsRuleCasesFromFacts(ctx context.Context, f ipr.StatsFilter) (map[int64][2]int64, error) {
	out := map[int64][2]int64{}
	var id, n, confirmed int64
	where, args := statsWhere(f, false).sql()
	err := eachRow(ctx, tx, `SELECT dr.rule_id, COUNT(*), SUM(f.confirmed) FROM stats_facts f
		JOIN declaration_rules dr ON dr.declaration_id = f.declaration_id`+where+` GROUP BY dr.rule_id`, args,
		[]any{&id, &n, &confirmed}, func() { out[id] = [2]int64{n, confirmed} })
	return out, err
}

// StatsDurationsFromFacts counts the durations per key, stage and whole hour straight from the facts.
func (tx *Tx) StatsDurationsFromFacts(ctx context.Context, f ipr.StatsFilter, key string, columns ...string) ([]StatsDuration, error) {
	var list []StatsDuration
	for i, col := range columns {
		w := statsWhere(f, false)
		w.conds = append(w.conds, "f."+col+" IS NOT NULL")
		where, args := w.sql()
		var d StatsDuration
		err := eachRow(ctx, tx, `SELECT `+key+`, f.`+col+` / 60, COUNT(*) FROM stats_facts f`+where+` GROUP BY `+key+
			`, f.`+col+` / 60`, args, []any{&d.Key, &d.Hours, &d.N}, func() { d.Stage = i; list = append(list, d) })
		if err != nil {
			return nil, err
		}
	}
	return list, nil
}
