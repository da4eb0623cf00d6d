package screen

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"bordermark/internal/ipr"
)

// Rule is a risk rule written by customs: when its condition holds, the
// declaration's risk rises by Weight.
type Rule struct {
	ID      int64     `json:"id"`
	Name    string    `json:"name"`
	Weight  int       `json:"weight"`           // 1–100
	Expires ipr.Date  `json:"expires,omitzero"` // the last day the rule applies; zero for never
	When    Condition `json:"when"`             // what a declaration must meet
	Source  string    `json:"source,omitempty"` // where it came from, e.g. a tip reference
	Created time.Time `json:"created,omitzero"` // set by the store
}

// Condition is a tree: either All or Any of its children, or one test of a
// declaration field.
type Condition struct {
	All    []Condition `json:"all,omitempty"`
	Any    []Condition `json:"any,omitempty"`
	Field  string      `json:"field,omitempty"`
	Op     string      `json:"op,omitempty"`
	Value  string      `json:"value,omitempty"`
	Values []string    `json:"values,omitempty"` // for in and between
}

// Operators a condition may use. Text comparisons ignore case.
const (
	OpIs       = "is"       // equal
	OpIn       = "in"       // equal to one of Values
	OpContains = "contains" // text contains Value
	OpPrefix   = "prefix"   // text starts with Value (HS code prefixes, origins like CN-ZJ)
	OpLess     = "lt"       // number or date below Value
	OpMore     = "gt"       // number or date above Value
	OpBetween  = "between"  // number or date within Values[0] and Values[1], inclusive
)

// RuleFields are the declaration fields rules may test, with their type.
var RuleFields = map[string]fieldKind{
	"consignor": text, "consignor_address": text, "consignee": text, "consignee_address": text,
	"origin": text, "destination": text, "route": text, "port": text, "transport": text,
	"channel": text, "customs_office": text, "hs_code": text, "description": text, "brand": text,
	"currency": text, "unit_value": number, "value": number, "weight_kg": number, "quantity": number,
	"declared_at": date,
}

type fieldKind uint8

const (
	text fieldKind = iota
	number
	date
)

var opsFor = map[fieldKind][]string{
	text:   {OpIs, OpIn, OpContains, OpPrefix},
	number: {OpIs, OpLess, OpMore, OpBetween},
	date:   {OpLess, OpMore, OpBetween},
}

// Validate checks a rule; problems name the field, e.g. "when.all[1].op".
func (r *Rule) Validate() error {
	p := ipr.Problems{}
	r.Name = strings.TrimSpace(r.Name)
	if r.Name == "" {
		p.Add("name", "is required")
	} else if len(r.Name) > 200 {
		p.Add("name", "must be at most 200 characters")
	}
	if r.Weight < 1 || r.Weight > 100 {
		p.Add("weight", "must be between 1 and 100")
	}
	if _, err := compileCondition(r.When, "when", p); err == nil && len(p) == 0 {
		return nil
	}
	return p.Err("the rule is not valid")
}

// compiledRule is a rule ready to test declarations.
type compiledRule struct {
	Rule
	test func(d *Declaration) bool
	hits atomic.Int64
}

// test is a compiled condition.
type test func(d *Declaration) bool

// compileCondition turns c into a test, recording problems under path.
func compileCondition(c Condition, path string, p ipr.Problems) (test, error) {
	switch {
	case len(c.All) > 0 || len(c.Any) > 0:
		if c.Field != "" || (len(c.All) > 0 && len(c.Any) > 0) {
			p.Add(path, "give either all, any, or one field test")
			return nil, errBad
		}
		group, name := c.All, "all"
		if len(c.Any) > 0 {
			group, name = c.Any, "any"
		}
		tests := make([]test, len(group))
		for i, child := range group {
			t, err := compileCondition(child, fmt.Sprintf("%s.%s[%d]", path, name, i), p)
			if err != nil {
				return nil, err
			}
			tests[i] = t
		}
		if name == "all" {
			return func(d *Declaration) bool {
				for _, t := range tests {
					if !t(d) {
						return false
					}
				}
				return true
			}, nil
		}
		return func(d *Declaration) bool {
			return slices.ContainsFunc(tests, func(t test) bool { return t(d) })
		}, nil
	case c.Field == "":
		p.Add(path+".field", "is required")
		return nil, errBad
	}
	kind, ok := RuleFields[c.Field]
	if !ok {
		p.Add(path+".field", fmt.Sprintf("%q is not a declaration field a rule can test", c.Field))
		return nil, errBad
	}
	if !slices.Contains(opsFor[kind], c.Op) {
		p.Add(path+".op", fmt.Sprintf("%q cannot test %s; use one of %s", c.Op, c.Field, strings.Join(opsFor[kind], ", ")))
		return nil, errBad
	}
	switch kind {
	case number:
		return compileNumber(c, path, p)
	case date:
		return compileDate(c, path, p)
	}
	return compileText(c, path, p)
}

var errBad = fmt.Errorf("bad condition")

func compileText(c Condition, path string, p ipr.Problems) (test, error) {
	get := ruleTextField(c.Field)
	if c.Op == OpIn {
		if len(c.Values) == 0 {
			p.Add(path+".values", "give at least one value")
			return nil, errBad
		}
		want := make([]string, len(c.Values))
		for i, v := range c.Values {
			want[i] = strings.ToUpper(strings.TrimSpace(v))
		}
		return func(d *Declaration) bool {
			return slices.ContainsFunc(want, func(w string) bool { return strings.EqualFold(get(d), w) })
		}, nil
	}
	want := strings.TrimSpace(c.Value)
	if want == "" {
		p.Add(path+".value", "is required")
		return nil, errBad
	}
	switch c.Op {
	case OpIs:
		return func(d *Declaration) bool { return strings.EqualFold(strings.TrimSpace(get(d)), want) }, nil
	case OpPrefix:
		return func(d *Declaration) bool {
			s := get(d)
			return len(s) >= len(want) && strings.EqualFold(s[:len(want)], want)
		}, nil
	}
	upper := strings.ToUpper(want)
	return func(d *Declaration) bool { return containsFold(get(d), upper) }, nil
}

// containsFold reports whether s contains upper, ignoring ASCII case.
func containsFold(s, upper string) bool {
	for i := 0; i+len(upper) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(upper)], upper) {
			return true
		}
	}
	return false
}

func compileNumber(c Condition, path string, p ipr.Problems) (test, error) {
	get := ruleNumberField(c.Field)
	lo, hi, err := bounds(c, path, p, func(s string) (float64, error) { return strconv.ParseFloat(s, 64) }, "a number")
	if err != nil {
		return nil, err
	}
	switch c.Op {
	case OpIs:
		return func(d *Declaration) bool { return get(d) == lo }, nil
	case OpLess:
		return func(d *Declaration) bool { return get(d) < lo }, nil
	case OpMore:
		return func(d *Declaration) bool { return get(d) > lo }, nil
	}
	return func(d *Declaration) bool { v := get(d); return lo <= v && v <= hi }, nil
}

func compileDate(c Condition, path string, p ipr.Problems) (test, error) {
	parse := func(s string) (time.Time, error) {
		d, err := ipr.ParseDate(s)
		return d.Time(), err
	}
	lo, hi, err := bounds(c, path, p, parse, "a date (YYYY-MM-DD)")
	if err != nil {
		return nil, err
	}
	hi = hi.AddDate(0, 0, 1) // a window includes its last day
	switch c.Op {
	case OpLess:
		return func(d *Declaration) bool { return d.DeclaredAt.Before(lo) }, nil
	case OpMore:
		return func(d *Declaration) bool { return !d.DeclaredAt.Before(lo.AddDate(0, 0, 1)) }, nil
	}
	return func(d *Declaration) bool { return !d.DeclaredAt.Before(lo) && d.DeclaredAt.Before(hi) }, nil
}

// bounds parses Value, or Values[0] and Values[1] for between.
func bounds[T any](c Condition, path string, p ipr.Problems, parse func(string) (T, error), what string) (T, T, error) {
	var lo, hi T
	var err error
	if c.Op != OpBetween {
		if lo, err = parse(strings.TrimSpace(c.Value)); err != nil {
			p.Add(path+".value", "must be "+what)
			return lo, hi, errBad
		}
		return lo, lo, nil
	}
	if len(c.Values) != 2 {
		p.Add(path+".values", "between needs two values, from and to")
		return lo, hi, errBad
	}
	if lo, err = parse(strings.TrimSpace(c.Values[0])); err != nil {
		p.Add(path+".values", "must be "+what)
		return lo, hi, errBad
	}
	if hi, err = parse(strings.TrimSpace(c.Values[1])); err != nil {
		p.Add(path+".values", "must be "+what)
		return lo, hi, errBad
	}
	return lo, hi, nil
}

func ruleTextField(name string) func(d *Declaration) string {
	switch name {
	case "consignor":
		return func(d *Declaration) string { return d.Consignor }
	case "consignor_address":
		return func(d *Declaration) string { return d.ConsignorAddress }
	case "consignee":
		return func(d *Declaration) string { return d.Consignee }
	case "consignee_address":
		return func(d *Declaration) string { return d.ConsigneeAddress }
	case "origin":
		return func(d *Declaration) string { return d.Origin }
	case "destination":
		return func(d *Declaration) string { return d.Destination }
	case "route":
		return func(d *Declaration) string { return d.Route }
	case "port":
		return func(d *Declaration) string { return d.Port }
	case "transport":
		return func(d *Declaration) string { return d.Transport }
	case "channel":
		return func(d *Declaration) string { return d.Channel }
	case "customs_office":
		return func(d *Declaration) string { return d.CustomsOffice }
	case "hs_code":
		return func(d *Declaration) string { return d.HSCode }
	case "description":
		return func(d *Declaration) string { return d.Description }
	case "brand":
		return func(d *Declaration) string { return d.Brand }
	}
	return func(d *Declaration) string { return d.Currency }
}

func ruleNumberField(name string) func(d *Declaration) float64 {
	switch name {
	case "unit_value":
		return (*Declaration).UnitValue
	case "value":
		return func(d *Declaration) float64 { return d.Value }
	case "weight_kg":
		return func(d *Declaration) float64 { return d.WeightKg }
	}
	return func(d *Declaration) float64 { return d.Quantity }
}

// RuleSet is an immutable set of compiled rules.
type RuleSet struct {
	rules []*compiledRule
}

// CompileRules validates and compiles rules; the first invalid rule's
// problems are returned.
func CompileRules(rules []Rule) (*RuleSet, error) {
	rs := &RuleSet{}
	for _, r := range rules {
		if err := r.Validate(); err != nil {
			return nil, err
		}
		t, _ := compileCondition(r.When, "when", ipr.Problems{})
		rs.rules = append(rs.rules, &compiledRule{Rule: r, test: t})
	}
	return rs, nil
}

// match appends the rules d meets on day to out.
func (rs *RuleSet) match(d *Declaration, out []RuleHit) []RuleHit {
	if rs == nil {
		return out
	}
	day := ipr.DateOf(d.DeclaredAt, time.UTC)
	for _, r := range rs.rules {
		if !r.Expires.IsZero() && !d.DeclaredAt.IsZero() && day.After(r.Expires) {
			continue
		}
		if r.test(d) {
			r.hits.Add(1)
			out = append(out, RuleHit{ID: r.ID, Name: r.Name, Weight: r.Weight,
				Reason: fmt.Sprintf("meets risk rule %q (weight %d)", r.Name, r.Weight)})
		}
	}
	return out
}

// Hits returns how many declarations each rule has matched since the set
// was compiled, by rule id.
func (rs *RuleSet) Hits() map[int64]int64 {
	out := map[int64]int64{}
	if rs == nil {
		return out
	}
	for _, r := range rs.rules {
		out[r.ID] = r.hits.Load()
	}
	return out
}
