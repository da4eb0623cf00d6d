package store

import (
	"context"
	"fmt"
	"strings"
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
