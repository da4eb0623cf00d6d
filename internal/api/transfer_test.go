package api_test

import (
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// apiTransfer is the TransferDetail of openapi.json, as far as the tests look.
type apiTransfer struct {
	ID        int64  `json:"id"`
	State     string `json:"state"`
	Version   int    `json:"version"`
	PoliceDue string `json:"police_due"`
	Outcomes  []struct {
		Kind string `json:"kind"`
	} `json:"outcomes"`
	Clocks []struct {
		Name    string `json:"name"`
		Overdue bool   `json:"overdue"`
	} `json:"clocks"`
	Events []struct {
		Kind string `json:"kind"`
	} `json:"events"`
	Allowed        []string `json:"allowed"`
	DossierVersion int      `json:"dossier_version"`
}

func transferPath(id int64, rest string) string {
	return fmt.Sprintf("/api/v1/transfers/%d%s", id, rest)
}

// The transfer of a case, proposed on suspicion, returned by the police,
// resubmitted, accepted and given an outcome, over the API alone.
func TestTransferAPI(t *testing.T) {
	eachDemo(t, qingming, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		police := w.token(t, "investigator@zhejiang.police.example")
		unit := w.orgOf(t, police)
		c := w.open(t, map[string]any{"profile": "CN", "mode": "ex_officio", "goods_value": "60000.00"})

		r := w.send(t, "GET", casePath(c.ID, "/transfer"), w.officer, "")
		check := decode[struct {
			Check struct {
				Suggest bool `json:"suggest_transfer"`
			} `json:"threshold_check"`
		}](t, "GET case transfer", r, http.StatusOK)
		if check.Check.Suggest {
			t.Errorf("a case without rights: got suggest_transfer, want none (no marks)")
		}
		r = w.send(t, "POST", casePath(c.ID, "/transfer"), w.officer, js(t, map[string]any{"police_unit_id": unit}))
		wantError(t, "proposal without reasons", r, http.StatusBadRequest, ipr.EINVALID)
		r = w.send(t, "POST", casePath(c.ID, "/transfer"), w.officer,
			js(t, map[string]any{"police_unit_id": unit, "reasons": "the consignee is a known counterfeiter"}))
		tr := decode[apiTransfer](t, "propose", r, http.StatusCreated)
		if tr.State != "proposed" || len(tr.Clocks) != 1 || tr.Clocks[0].Name != "approval" {
			t.Fatalf("proposed: got %s with clocks %v", tr.State, tr.Clocks)
		}

		step := func(token, event, reason, want string) {
			t.Helper()
			r := w.send(t, "POST", transferPath(tr.ID, "/events"), token,
				js(t, map[string]any{"event": event, "reason": reason, "version": tr.Version}))
			tr = decode[apiTransfer](t, event, r, http.StatusOK)
			if tr.State != want {
				t.Fatalf("%s: got %s, want %s", event, tr.State, want)
			}
		}
		r = w.send(t, "POST", transferPath(tr.ID, "/events"), w.officer, js(t, map[string]any{"event": "approve", "version": tr.Version}))
		wantError(t, "approve by an officer", r, http.StatusForbidden, ipr.EFORBIDDEN)
		step(w.supervisor, "approve", "", "approved")
		step(w.officer, "send", "", "sent")
		r = w.send(t, "POST", transferPath(tr.ID, "/events"), police, js(t, map[string]any{"event": "return", "version": tr.Version}))
		wantError(t, "return without reasons", r, http.StatusBadRequest, ipr.EINVALID)
		step(police, "return", "the lab report is missing", "returned")
		w.clock.Advance(2 * 24 * time.Hour)
		step(w.officer, "resubmit", "", "sent")
		if want := w.clock.Now().Add(72 * time.Hour).Format(time.RFC3339); tr.PoliceDue != want {
			t.Errorf("resubmitted: got police due %s, want %s (the clock restarts)", tr.PoliceDue, want)
		}
		step(police, "accept", "", "accepted")
		r = w.send(t, "POST", transferPath(tr.ID, "/outcomes"), police, js(t, map[string]any{"kind": "case_opened", "note": "ZJ-2025-17"}))
		tr = decode[apiTransfer](t, "outcome", r, http.StatusCreated)
		kinds := []string{}
		for _, e := range tr.Events {
			kinds = append(kinds, e.Kind)
		}
		if want := []string{"propose", "approve", "send", "return", "resubmit", "accept", "outcome"}; !slices.Equal(kinds, want) {
			t.Errorf("timeline: got %v, want %v", kinds, want)
		}

		// The case's holder sees the outcome; another holder and another police unit see nothing.
		held := decode[apiTransfer](t, "holder's view", w.send(t, "GET", transferPath(tr.ID, ""), w.holder, ""), http.StatusOK)
		if len(held.Outcomes) != 1 || held.Outcomes[0].Kind != "case_opened" || len(held.Events) != 0 {
			t.Errorf("holder's view: got outcomes %v and %d events, want case_opened and none", held.Outcomes, len(held.Events))
		}
		wantError(t, "another holder", w.send(t, "GET", transferPath(tr.ID, ""), w.other, ""), http.StatusNotFound, ipr.ENOTFOUND)
		stranger := strangerPolice(t, w)
		for _, path := range []string{transferPath(tr.ID, ""), transferPath(tr.ID, "/dossier")} {
			wantError(t, "another police unit: "+path, w.send(t, "GET", path, stranger, ""), http.StatusNotFound, ipr.ENOTFOUND)
		}
		r = w.send(t, "POST", transferPath(tr.ID, "/outcomes"), stranger, js(t, map[string]any{"kind": "arrests"}))
		wantError(t, "another unit's outcome", r, http.StatusNotFound, ipr.ENOTFOUND)

		d := decode[struct {
			Version int `json:"version"`
			Content struct {
				Case struct {
					Ref string `json:"ref"`
				} `json:"case"`
			} `json:"content"`
		}](t, "dossier", w.send(t, "GET", transferPath(tr.ID, "/dossier?version=1"), police, ""), http.StatusOK)
		if d.Version != 1 || d.Content.Case.Ref != c.Ref {
			t.Errorf("dossier: got v%d of %q, want v1 of %s", d.Version, d.Content.Case.Ref, c.Ref)
		}
		stats := decode[struct {
			Offices []struct {
				Name               string `json:"name"`
				ProposalToApproval struct {
					N int `json:"n"`
				} `json:"proposal_to_approval"`
			} `json:"offices"`
		}](t, "stats", w.send(t, "GET", "/api/v1/transfers/stats?since="+ipr.DateOf(qingming, time.UTC).String(), w.supervisor, ""), http.StatusOK) // this test's, not the demo's
		if len(stats.Offices) != 1 || stats.Offices[0].ProposalToApproval.N != 1 {
			t.Errorf("stats: got %+v, want one office with one approval", stats.Offices)
		}
		wantError(t, "stats for the police", w.send(t, "GET", "/api/v1/transfers/stats", police, ""), http.StatusForbidden, ipr.EFORBIDDEN)
	})
}

func TestThresholdAPI(t *testing.T) {
	eachDemo(t, qingming, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		in := map[string]any{"jurisdiction": "CN", "code": "counterfeit_mark", "offence": "counterfeiting a registered trademark",
			"min_marks": 1, "volume": "80000.00", "gains": "50000.00", "currency": "CNY", "effective_on": "2026-01-01"}
		wantError(t, "officer adds", w.send(t, "POST", "/api/v1/thresholds", w.officer, js(t, in)), http.StatusForbidden, ipr.EFORBIDDEN)
		decode[map[string]any](t, "supervisor adds", w.send(t, "POST", "/api/v1/thresholds", w.supervisor, js(t, in)), http.StatusCreated)
		wantError(t, "same day again", w.send(t, "POST", "/api/v1/thresholds", w.supervisor, js(t, in)), http.StatusConflict, ipr.ECONFLICT)
		list := decode[struct {
			Thresholds []struct {
				Code   string `json:"code"`
				Volume string `json:"volume"`
			} `json:"thresholds"`
		}](t, "list", w.send(t, "GET", "/api/v1/thresholds?jurisdiction=CN", w.officer, ""), http.StatusOK)
		if len(list.Thresholds) != 4 || list.Thresholds[0].Volume != "80000.00" {
			t.Errorf("history: got %+v, want 4 versions, the newest first", list.Thresholds)
		}
	})
}

// strangerPolice adds a police unit of its own and returns its investigator's token.
func strangerPolice(t *testing.T, w *caseWorld) string {
	t.Helper()
	sys := ipr.SystemUser()
	org, err := w.svc.AddOrg(t.Context(), sys, enforce.NewOrg{Name: "Jiangsu Police IP Crime Unit", Kind: string(ipr.OrgPoliceUnit)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.svc.AddUser(t.Context(), sys, enforce.NewUser{Email: "investigator@jiangsu.police.example", Name: "Li Ming",
		Password: "jiangsu-password-1", Role: string(ipr.RolePolice), Org: org.Name}); err != nil {
		t.Fatal(err)
	}
	return w.token(t, "investigator@jiangsu.police.example")
}
