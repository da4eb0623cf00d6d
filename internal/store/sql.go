package store

import (
	"strconv"
	"strings"
)

func itoa(n int) string { return strconv.Itoa(n) }

// likeEscaper makes % and _ in user input match themselves in LIKE patterns.
var likeEscaper = strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`)

// whereBuilder collects conditions written with ? and numbers the placeholders $1, $2, …
// Every ? in one condition stands for the same argument.
type whereBuilder struct {
	conds []string
	args  []any
}

func (w *whereBuilder) add(cond string, arg any) {
	w.args = append(w.args, arg)
	w.conds = append(w.conds, strings.ReplaceAll(cond, "?", "$"+itoa(len(w.args))))
}

// in adds "column IN (…)"; an empty list matches nothing.
func (w *whereBuilder) in(column string, ids []int64) {
	if len(ids) == 0 {
		w.conds = append(w.conds, "1 = 0")
		return
	}
	marks := make([]string, len(ids))
	for i, id := range ids {
		w.args = append(w.args, id)
		marks[i] = "$" + itoa(len(w.args))
	}
	w.conds = append(w.conds, column+" IN ("+strings.Join(marks, ", ")+")")
}

func (w *whereBuilder) sql() (string, []any) {
	if len(w.conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(w.conds, " AND "), w.args
}

// page appends a list page's bounds to args and returns the LIMIT/OFFSET
// clause for them: 50 rows unless limit says otherwise, 500 at most.
func page(args []any, limit, offset int) ([]any, string) {
	if limit <= 0 {
		limit = 50
	}
	args = append(args, min(limit, 500), max(offset, 0))
	return args, ` LIMIT $` + itoa(len(args)-1) + ` OFFSET $` + itoa(len(args))
}
