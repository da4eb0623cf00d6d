package web

import (
	"net/http"

	"bordermark/internal/ipr"
	"bordermark/internal/screen"
)

// handleRuleNew shows the form to write a risk rule.
func (s *Server) handleRuleNew(w http.ResponseWriter, r *http.Request) {
	if err := ipr.Authorize(userFrom(r), ipr.ActionManageRule, ipr.Anything); err != nil {
		s.renderError(w, r, err)
		return
	}
	d := ruleFormData{Action: "/rules", Weight: "50", Active: true, Group: "all"}
	for range ruleNewRows {
		d.Rows = append(d.Rows, conditionRow{Op: screen.OpIs})
	}
	s.renderRuleForm(w, r, d, nil)
}

// handleRuleCreate saves a new rule and returns to the list; the add button
// shows the form again with one more row instead.
func (s *Server) handleRuleCreate(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	err := ipr.Authorize(user, ipr.ActionManageRule, ipr.Anything)
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := ruleFormFrom(r)
	d.Action = "/rules"
	if r.PostFormValue("add_row") != "" {
		s.addRow(w, r, d)
		return
	}
	d.compact()
	in, err := d.rule(nil)
	if err == nil {
		_, err = s.svc.CreateRule(r.Context(), user, in, d.Active)
	}
	if err != nil {
		s.renderRuleForm(w, r, d, err)
		return
	}
	http.Redirect(w, r, "/rules?done=created", http.StatusSeeOther)
}
