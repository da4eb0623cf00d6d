package web

import (
	"net/http"
	"slices"
	"strings"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/screen"
)

// ruleDone are the confirmations the rules page shows after a change (?done=…).
var ruleDone = []string{"created", "updated", "deleted"}

type ruleListData struct {
	Rules     []ruleRow
	CanManage bool
	Done      string // message key
}

// ruleRow is a rule as the list shows it: its condition in words, and whether it still applies.
type ruleRow struct {
	*enforce.RuleView
	Condition string
	Expired   bool
}

// handleRuleList lists customs' risk rules with how each has fared.
func (s *Server) handleRuleList(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	rules, err := s.svc.Rules(r.Context(), user)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	l, today := s.catalogs[langFrom(r)], s.today()
	data := &ruleListData{CanManage: ipr.Can(user, ipr.ActionManageRule, ipr.Anything)}
	for _, v := range rules {
		data.Rules = append(data.Rules, ruleRow{RuleView: v, Condition: conditionText(l, v.When),
			Expired: !v.Expires.IsZero() && today.After(v.Expires)})
	}
	if done := r.URL.Query().Get("done"); slices.Contains(ruleDone, done) {
		data.Done = "rule.done." + done
	}
	s.render(w, r, http.StatusOK, "rules", s.newPage(r, "rule.list.title", data))
}

// conditionText says a condition in words, e.g. "Origin starts with CN-FJ and
// Unit value is below 2"; nested groups go in brackets.
func conditionText(l *Catalog, c screen.Condition) string {
	join, group := l.T("rule.and"), c.All
	if len(c.Any) > 0 {
		join, group = l.T("rule.or"), c.Any
	}
	if c.Field != "" || len(group) == 0 {
		return testText(l, c)
	}
	parts := make([]string, len(group))
	for i, ch := range group {
		parts[i] = conditionText(l, ch)
		if len(ch.All)+len(ch.Any) > 1 {
			parts[i] = "(" + parts[i] + ")"
		}
	}
	return strings.Join(parts, " "+join+" ")
}

// testText says one field test in words.
func testText(l *Catalog, c screen.Condition) string {
	value := c.Value
	switch c.Op {
	case screen.OpIn:
		value = strings.Join(c.Values, ", ")
	case screen.OpBetween:
		value = strings.Join(c.Values, " – ")
	}
	return l.T("screening.field."+c.Field) + " " + l.T("rule.op."+c.Op) + " " + value
}
