package api

import (
	"net/http"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/screen"
)

// ruleJSON is a risk rule with its counts (schema Rule in openapi.json).
type ruleJSON struct {
	ID        int64            `json:"id"`
	Name      string           `json:"name"`
	Weight    int              `json:"weight"`
	Expires   ipr.Date         `json:"expires,omitzero"`
	When      screen.Condition `json:"when"`
	Source    string           `json:"source"`
	Active    bool             `json:"active"`
	CreatedBy int64            `json:"created_by"`
	CreatedAt time.Time        `json:"created_at"`
	UpdatedAt time.Time        `json:"updated_at"`
	Hits      int64            `json:"hits"`
	Dismissed int64            `json:"dismissed"`
	Inspected int64            `json:"inspected"`
}

type ruleListJSON struct {
	Rules []ruleJSON `json:"rules"`
}

func newRuleJSON(v *enforce.RuleView) ruleJSON {
	return ruleJSON{ID: v.ID, Name: v.Name, Weight: v.Weight, Expires: v.Expires, When: v.When, Source: v.Source,
		Active: v.Active, CreatedBy: v.CreatedBy, CreatedAt: v.Created, UpdatedAt: v.UpdatedAt,
		Hits: v.Hits, Dismissed: v.Dismissed, Inspected: v.Inspected}
}

// ruleInput is what POST and PUT take (schema RuleInput); active defaults to true.
type ruleInput struct {
	Name    string           `json:"name"`
	Weight  int              `json:"weight"`
	Expires string           `json:"expires"`
	When    screen.Condition `json:"when"`
	Source  string           `json:"source"`
	Active  *bool            `json:"active"`
}

func (in *ruleInput) rule() (screen.Rule, bool, error) {
	expires, err := ipr.ParseDate(in.Expires)
	if err != nil {
		return screen.Rule{}, false, invalidBody("expires", err.Error())
	}
	return screen.Rule{Name: in.Name, Weight: in.Weight, Expires: expires, When: in.When, Source: in.Source},
		in.Active == nil || *in.Active, nil
}

func (a *API) handleRuleList(w http.ResponseWriter, r *http.Request) {
	list, err := a.svc.Rules(r.Context(), userFrom(r))
	if err != nil {
		a.fail(w, r, err)
		return
	}
	out := ruleListJSON{Rules: make([]ruleJSON, len(list))}
	for i, v := range list {
		out.Rules[i] = newRuleJSON(v)
	}
	writeJSON(w, http.StatusOK, out)
}

func (a *API) handleRuleShow(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	v, err := a.svc.Rule(r.Context(), userFrom(r), id)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newRuleJSON(v))
}

func (a *API) handleRuleCreate(w http.ResponseWriter, r *http.Request) {
	var in ruleInput
	if err := decodeJSON(w, r, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	rule, active, err := in.rule()
	if err != nil {
		a.fail(w, r, err)
		return
	}
	v, err := a.svc.CreateRule(r.Context(), userFrom(r), rule, active)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, newRuleJSON(v))
}

func (a *API) handleRuleUpdate(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	var in ruleInput
	if err := decodeJSON(w, r, &in); err != nil {
		a.fail(w, r, err)
		return
	}
	rule, active, err := in.rule()
	if err != nil {
		a.fail(w, r, err)
		return
	}
	v, err := a.svc.UpdateRule(r.Context(), userFrom(r), id, rule, active)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, newRuleJSON(v))
}

func (a *API) handleRuleDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		a.fail(w, r, err)
		return
	}
	a.deleted(w, r, a.svc.DeleteRule(r.Context(), userFrom(r), id))
}
