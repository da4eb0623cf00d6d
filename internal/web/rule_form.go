package web

import (
	"fmt"
	"maps"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/screen"
)

// A rule's condition is edited as rows, all or any of which must hold. Rows are
// added by posting the form with the add button: no script is needed.
const (
	ruleNewRows = 3  // blank rows on a new rule's form
	ruleMaxRows = 20 // a rule needing more is better split
)

// ruleOps are the operators in the order the form offers them.
var ruleOps = []string{screen.OpIs, screen.OpIn, screen.OpContains, screen.OpPrefix, screen.OpLess, screen.OpMore, screen.OpBetween}

// ruleFormData is the form to write or change a risk rule.
type ruleFormData struct {
	Action  string // where the form posts
	Editing bool
	ID      int64
	Name    string
	Weight  string // as typed
	Expires string
	Source  string
	Active  bool
	Group   string // all or any
	Rows    []conditionRow
	Kept    string // a condition with nested groups, which the rows cannot show, kept as it is (in words)
	Counts  ipr.RuleCounts
	Fields  []string // the declaration fields a rule may test
	Ops     []string
	Errs    fieldErrors
}

// conditionRow is one test of the condition: field, operator and value; To is
// the upper bound of between, and the values of in are separated by commas.
type conditionRow struct{ Field, Op, Value, To string }

// CanAdd reports whether another row may be added.
func (d *ruleFormData) CanAdd() bool { return d.Kept == "" && len(d.Rows) < ruleMaxRows }

// RowError is the problem of row i's part (field, op, value), as the service names it.
func (d *ruleFormData) RowError(i int, part string) string {
	name := fmt.Sprintf("when.%s[%d].", d.Group, i)
	msg := d.Errs.For(name + part)
	if part == "value" && msg == "" {
		msg = d.Errs.For(name + "values")
	}
	return msg
}

var rowErrorRE = regexp.MustCompile(`^when\.(all|any)\[\d+\]\.`)

// ConditionError is a problem of the condition as a whole, not of one row.
func (d *ruleFormData) ConditionError() string {
	if d.Errs.Has("when.field") {
		return d.Errs.L.T("rule.form.no_condition")
	}
	var msgs []string
	for _, k := range slices.Sorted(maps.Keys(d.Errs.Fields)) {
		if strings.HasPrefix(k, "when") && !rowErrorRE.MatchString(k) {
			msgs = append(msgs, d.Errs.Fields[k])
		}
	}
	return strings.Join(msgs, "; ")
}

// ruleFormOf is the form filled with a stored rule; a condition the rows cannot
// show is kept and described instead.
func ruleFormOf(v *enforce.RuleView, l *Catalog) ruleFormData {
	d := ruleFormData{Editing: true, ID: v.ID, Name: v.Name, Weight: strconv.Itoa(v.Weight), Source: v.Source,
		Active: v.Active, Counts: v.RuleCounts, Action: rulePath(v.ID) + "/edit"}
	if !v.Expires.IsZero() {
		d.Expires = v.Expires.String()
	}
	group, rows, ok := rowsOf(v.When)
	if ok {
		d.Group, d.Rows = group, append(rows, conditionRow{Op: screen.OpIs})
	} else {
		d.Group, d.Kept = "all", conditionText(l, v.When)
	}
	return d
}

// rowsOf flattens a condition into rows when it has no nested groups.
func rowsOf(c screen.Condition) (group string, rows []conditionRow, ok bool) {
	group, children := "all", c.All
	switch {
	case c.Field != "":
		children = []screen.Condition{c}
	case len(c.Any) > 0 && len(c.All) == 0:
		group, children = "any", c.Any
	case len(c.Any) > 0:
		return "", nil, false
	}
	for _, ch := range children {
		if ch.Field == "" || len(ch.All) > 0 || len(ch.Any) > 0 {
			return "", nil, false
		}
		row := conditionRow{Field: ch.Field, Op: ch.Op, Value: ch.Value}
		switch ch.Op {
		case screen.OpIn:
			row.Value = strings.Join(ch.Values, ", ")
		case screen.OpBetween:
			row.Value, row.To = valueAt(ch.Values, 0), valueAt(ch.Values, 1)
		}
		rows = append(rows, row)
	}
	return group, rows, true
}

func valueAt(vs []string, i int) string {
	if i < len(vs) {
		return vs[i]
	}
	return ""
}

// ruleFormFrom reads the posted form, blank rows included.
func ruleFormFrom(r *http.Request) ruleFormData {
	d := ruleFormData{Name: r.PostFormValue("name"), Weight: formValue(r, "weight"), Expires: formValue(r, "expires"),
		Source: r.PostFormValue("source"), Active: r.PostFormValue("active") != "", Group: "all"}
	if r.PostFormValue("group") == "any" {
		d.Group = "any"
	}
	fields, ops, values, tos := r.PostForm["field"], r.PostForm["op"], r.PostForm["value"], r.PostForm["to"]
	for i := range min(len(fields), ruleMaxRows) {
		d.Rows = append(d.Rows, conditionRow{Field: strings.TrimSpace(fields[i]), Op: valueAt(ops, i),
			Value: strings.TrimSpace(valueAt(values, i)), To: strings.TrimSpace(valueAt(tos, i))})
	}
	return d
}

// compact drops the blank rows before saving, so that the rows shown again
// line up with the service's problems, which count rows from 0.
func (d *ruleFormData) compact() {
	d.Rows = slices.DeleteFunc(d.Rows, func(r conditionRow) bool { return r.Field == "" && r.Value == "" && r.To == "" })
}

// rule turns the form into the engine's rule, with kept as its condition when
// not nil. Problems the engine would not see (a date that is not one) are
// reported with the engine's own.
func (d *ruleFormData) rule(kept *screen.Condition) (screen.Rule, error) {
	in := screen.Rule{Name: d.Name, Source: d.Source, When: d.condition()}
	if kept != nil {
		in.When = *kept
	}
	p := ipr.Problems{}
	if n, err := strconv.Atoi(d.Weight); err == nil {
		in.Weight = n
	}
	if d.Expires != "" {
		day, err := ipr.ParseDate(d.Expires)
		if err != nil {
			p.Add("expires", "is not a date like 2026-11-29")
		}
		in.Expires = day
	}
	if len(p) == 0 {
		return in, nil
	}
	if err := in.Validate(); err != nil {
		for f, m := range ipr.ErrorFields(err) {
			p.Add(f, m)
		}
	}
	return in, p.Err("the rule is not valid")
}

// condition is the rows as a condition: all or any of them.
func (d *ruleFormData) condition() screen.Condition {
	var tests []screen.Condition
	for _, row := range d.Rows {
		c := screen.Condition{Field: row.Field, Op: row.Op, Value: row.Value}
		switch row.Op {
		case screen.OpIn:
			c.Value = ""
			for _, v := range strings.Split(row.Value, ",") {
				if v = strings.TrimSpace(v); v != "" {
					c.Values = append(c.Values, v)
				}
			}
		case screen.OpBetween:
			c.Value, c.Values = "", []string{row.Value, row.To}
		}
		tests = append(tests, c)
	}
	if d.Group == "any" {
		return screen.Condition{Any: tests}
	}
	return screen.Condition{All: tests}
}

// renderRuleForm shows the form; with an error, it shows it again with the problems
// marked and what the user typed kept. Errors that are not about the input get the error page.
func (s *Server) renderRuleForm(w http.ResponseWriter, r *http.Request, d ruleFormData, err error) {
	if err != nil && ipr.ErrorCode(err) != ipr.EINVALID {
		s.renderError(w, r, err)
		return
	}
	d.Fields, d.Ops = slices.Sorted(maps.Keys(screen.RuleFields)), ruleOps
	if d.Kept == "" && len(d.Rows) == 0 {
		d.Rows = []conditionRow{{Op: screen.OpIs}}
	}
	title := "rule.new.title"
	if d.Editing {
		title = "rule.edit.title"
	}
	p := s.newPage(r, title, &d)
	status := http.StatusOK
	if err != nil {
		p.Error, p.Fields, status = p.L.T("rule.form.invalid"), ipr.ErrorFields(err), http.StatusBadRequest
	}
	d.Errs = fieldErrors{L: p.L, Fields: p.Fields}
	s.render(w, r, status, "rule_form", p)
}

// addRow answers the add button: the form again with one more blank row, nothing saved.
func (s *Server) addRow(w http.ResponseWriter, r *http.Request, d ruleFormData) {
	if d.Kept == "" && len(d.Rows) < ruleMaxRows {
		d.Rows = append(d.Rows, conditionRow{Op: screen.OpIs})
	}
	s.renderRuleForm(w, r, d, nil)
}

func rulePath(id int64) string { return "/rules/" + strconv.FormatInt(id, 10) }
