package web

import (
	"net/http"

	"bordermark/internal/ipr"
	"bordermark/internal/screen"
)

// handleRuleEdit shows a rule's form, filled, with its counts.
func (s *Server) handleRuleEdit(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	id, err := pathID(r, "id")
	if err == nil {
		err = ipr.Authorize(user, ipr.ActionManageRule, ipr.Anything)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v, err := s.svc.Rule(r.Context(), user, id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.renderRuleForm(w, r, ruleFormOf(v, s.catalogs[langFrom(r)]), nil)
}

// handleRuleUpdate saves a rule's form and returns to the list; the add button
// shows the form again with one more row instead.
func (s *Server) handleRuleUpdate(w http.ResponseWriter, r *http.Request) {
	user := userFrom(r)
	id, err := pathID(r, "id")
	if err == nil {
		err = ipr.Authorize(user, ipr.ActionManageRule, ipr.Anything)
	}
	if err == nil {
		err = readForm(w, r)
	}
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	v, err := s.svc.Rule(r.Context(), user, id) // for its counts, and to know it is there
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := ruleFormFrom(r)
	d.Editing, d.ID, d.Action, d.Counts = true, id, rulePath(id)+"/edit", v.RuleCounts
	var kept *screen.Condition // nested groups, which the form does not show, are kept as they are
	if r.PostFormValue("keep") != "" {
		kept, d.Kept = &v.When, conditionText(s.catalogs[langFrom(r)], v.When)
	}
	if r.PostFormValue("add_row") != "" {
		s.addRow(w, r, d)
		return
	}
	d.compact()
	in, err := d.rule(kept)
	if err == nil {
		_, err = s.svc.UpdateRule(r.Context(), user, id, in, d.Active)
	}
	if err != nil {
		s.renderRuleForm(w, r, d, err)
		return
	}
	http.Redirect(w, r, "/rules?done=updated", http.StatusSeeOther)
}
