package api_test

import (
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// apiTip is the Tip of openapi.json, as far as the tests look.
type apiTip struct {
	ID         int64  `json:"id"`
	HolderName string `json:"holder_name"`
	Status     string `json:"status"`
	RuleID     int64  `json:"rule_id"`
	Reason     string `json:"reason"`
	Feedback   *struct {
		RuleID  int64 `json:"rule_id"`
		Flagged int64 `json:"flagged"`
	} `json:"feedback"`
}

type apiRuleFeedback struct {
	RuleID    int64   `json:"rule_id"`
	Name      string  `json:"name"`
	TipID     int64   `json:"tip_id"`
	Flagged   int64   `json:"flagged"`
	Cases     int64   `json:"cases"`
	Confirmed int64   `json:"confirmed"`
	Precision float64 `json:"precision"`
	Retire    bool    `json:"retire"`
}

// A holder's tip becomes customs' rule, which flags a matching declaration;
// the rule's feedback lists it, and another tip is dismissed with a reason.
func TestTipToRuleAPI(t *testing.T) {
	eachDemo(t, time.Time{}, func(t *testing.T, db *store.DB) {
		s := newServer(t, db)
		officer, holder := s.token(t, "officer@yiwu.customs.example"), s.token(t, "brand@northwind.example")
		other := s.token(t, "brand@aurelia.example")

		tipBody := `{"title":"Miller buys fake trainers","consignees":["John Miller"],"hs_codes":["6404"],` +
			`"confidence":"high","expires":"2030-12-31"}`
		tip := decode[apiTip](t, "POST /tips", s.send(t, "POST", "/api/v1/tips", holder, tipBody), http.StatusCreated)
		if tip.Status != "open" || tip.HolderName != "Northwind Apparel" || tip.RuleID != 0 {
			t.Fatalf("POST /tips: got %+v", tip)
		}
		path := fmt.Sprintf("/api/v1/tips/%d", tip.ID)
		wantError(t, "other holder reads", s.send(t, "GET", path, other, ""), http.StatusNotFound, ipr.ENOTFOUND)
		wantError(t, "holder makes a rule", s.send(t, "POST", path+"/rule", holder, `{}`), http.StatusForbidden, ipr.EFORBIDDEN)

		ruled := decode[apiTip](t, "POST rule", s.send(t, "POST", path+"/rule", officer, `{"name":"Miller trainers","weight":70}`), http.StatusCreated)
		if ruled.Status != "ruled" || ruled.RuleID == 0 || ruled.Feedback == nil || ruled.Feedback.RuleID != ruled.RuleID {
			t.Fatalf("POST rule: got %+v", ruled)
		}

		r := s.post(t, "/api/v1/declarations", officer, "application/json", strings.NewReader(declJSON("TIP-1", "canvas shoes")))
		results := decode[[]apiResult](t, "POST declaration", r, http.StatusOK)
		if len(results) != 1 || !slices.ContainsFunc(results[0].Rules, func(r struct {
			Name string `json:"name"`
		}) bool {
			return r.Name == "Miller trainers"
		}) {
			t.Fatalf("POST declaration: got %s, want it flagged by Miller trainers", r.body)
		}

		seen := decode[apiTip](t, "holder GET", s.send(t, "GET", path, holder, ""), http.StatusOK)
		if seen.Feedback == nil || seen.Feedback.Flagged != 1 {
			t.Errorf("holder GET: got feedback %+v, want 1 flagged", seen.Feedback)
		}

		list := decode[struct {
			Rules []apiRuleFeedback `json:"rules"`
		}](t, "GET /rules/feedback", s.send(t, "GET", "/api/v1/rules/feedback", officer, ""), http.StatusOK)
		i := slices.IndexFunc(list.Rules, func(f apiRuleFeedback) bool { return f.RuleID == ruled.RuleID })
		if i < 0 {
			t.Fatalf("GET /rules/feedback: got %+v, want rule %d", list.Rules, ruled.RuleID)
		}
		if got := list.Rules[i]; got.Name != "Miller trainers" || got.TipID != tip.ID || got.Flagged != 1 || got.Retire {
			t.Errorf("GET /rules/feedback: got %+v, want Miller trainers from tip %d, 1 flagged, not to retire", got, tip.ID)
		}
		wantError(t, "holder feedback", s.send(t, "GET", "/api/v1/rules/feedback", holder, ""), http.StatusForbidden, ipr.EFORBIDDEN)

		// Dismissal: customs only, with a reason, which the holder reads.
		second := decode[apiTip](t, "POST second", s.send(t, "POST", "/api/v1/tips", holder, tipBody), http.StatusCreated)
		dismiss := fmt.Sprintf("/api/v1/tips/%d/dismiss", second.ID)
		wantInvalid(t, "no reason", s.send(t, "POST", dismiss, officer, `{"reason":" "}`), "reason")
		wantInvalid(t, "unknown field", s.send(t, "POST", dismiss, officer, `{"why":"x"}`), "why")
		wantError(t, "holder dismisses", s.send(t, "POST", dismiss, holder, `{"reason":"no"}`), http.StatusForbidden, ipr.EFORBIDDEN)
		wantError(t, "no such tip", s.send(t, "POST", "/api/v1/tips/999999/dismiss", officer, `{"reason":"x"}`), http.StatusNotFound, ipr.ENOTFOUND)
		got := decode[apiTip](t, "dismiss", s.send(t, "POST", dismiss, officer, `{"reason":"Same as tip 1"}`), http.StatusOK)
		if got.Status != "dismissed" || got.Reason != "Same as tip 1" {
			t.Errorf("dismiss: got %+v", got)
		}
		if got := decode[apiTip](t, "holder GET second", s.send(t, "GET", fmt.Sprintf("/api/v1/tips/%d", second.ID), holder, ""), http.StatusOK); got.Reason != "Same as tip 1" {
			t.Errorf("holder GET second: got reason %q", got.Reason)
		}
	})
}
