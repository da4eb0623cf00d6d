package api_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"bordermark/internal/api"
	"bordermark/internal/enforce"
	"bordermark/internal/enforce/enforcetest"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/web"
)

// qingming is Wednesday 2 April 2025, 09:00 in Yiwu: the next three CN working
// days skip the Qingming holiday (4-6 April), so a holder must reply by Tuesday 8 April.
var qingming = time.Date(2025, 4, 2, 1, 0, 0, 0, time.UTC)

// caseWorld is the real wiring on the demo world with its clock stopped at
// qingming, and a right holder of the test's own, Seabird, whose cases and
// guarantees the demo never touches.
type caseWorld struct {
	*server
	clock                              *ipr.FixedClock
	officer, supervisor, holder, other string // API tokens; other is Northwind's
	holderID                           int64
}

func newCaseWorld(t *testing.T, db *store.DB) *caseWorld {
	t.Helper()
	ctx, sys := t.Context(), ipr.SystemUser()
	clock := ipr.NewFixedClock(qingming)
	svc := enforce.New(db, clock, nil)
	enforcetest.Load(t, svc)
	org, err := svc.AddOrg(ctx, sys, enforce.NewOrg{Name: "Seabird Apparel", Kind: string(ipr.OrgRightHolder)})
	if err != nil {
		t.Fatalf("AddOrg: %v", err)
	}
	if _, err := svc.AddUser(ctx, sys, enforce.NewUser{Email: "ip@seabird.example", Name: "Seabird IP desk",
		Password: "seabird-password-1", Role: string(ipr.RoleRightHolder), Org: org.Name}); err != nil {
		t.Fatalf("AddUser: %v", err)
	}
	h, err := web.New(svc, web.Options{API: api.New(svc, nil)})
	if err != nil {
		t.Fatalf("web.New: %v", err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	w := &caseWorld{server: &server{svc: svc, url: srv.URL}, clock: clock, holderID: org.ID}
	w.officer, w.supervisor = w.token(t, "officer@yiwu.customs.example"), w.token(t, "supervisor@hangzhou.customs.example")
	w.holder, w.other = w.token(t, "ip@seabird.example"), w.token(t, "brand@northwind.example")
	return w
}

// apiCase is the CaseDetail of openapi.json, as far as the tests look.
type apiCase struct {
	ID               int64    `json:"id"`
	Ref              string   `json:"ref"`
	Profile          string   `json:"profile"`
	Mode             string   `json:"mode"`
	State            string   `json:"state"`
	HolderID         int64    `json:"holder_id"`
	RightIDs         []int64  `json:"right_ids"`
	GoodsValue       string   `json:"goods_value"`
	Currency         string   `json:"currency"`
	SmallConsignment bool     `json:"small_consignment"`
	Version          int      `json:"version"`
	ClosedAt         string   `json:"closed_at"`
	Determination    string   `json:"determination"`
	Penalty          *apiFine `json:"penalty"`
	Bond             *apiBond `json:"bond"`
	Items            []struct {
		ID            int64  `json:"id"`
		Description   string `json:"description"`
		Unit          string `json:"unit"`
		DeclaredValue string `json:"declared_value"`
	} `json:"items"`
	Deadlines []apiDeadline `json:"deadlines"`
	Timeline  []struct {
		Kind    string `json:"kind"`
		ToState string `json:"to_state"`
		Note    string `json:"note"`
	} `json:"timeline"`
	Identifications []apiIdentification `json:"identifications"`
	AllowedEvents   []string            `json:"allowed_events"`
}

type apiFine struct{ Fine, Tier, Reason string }

type apiBond struct {
	Amount      string `json:"amount"`
	Source      string `json:"source"`
	GuaranteeID int64  `json:"guarantee_id"`
}

type apiDeadline struct {
	Name            string `json:"name"`
	State           string `json:"state"`
	DueDate         string `json:"due_date"`
	DueAt           string `json:"due_at"`
	Provisional     bool   `json:"provisional"`
	WorkingDaysLeft int    `json:"working_days_left"`
}

// deadline is the case's clock called name.
func (c *apiCase) deadline(t *testing.T, name string) apiDeadline {
	t.Helper()
	for _, d := range c.Deadlines {
		if d.Name == name {
			return d
		}
	}
	t.Fatalf("case %s: no deadline %s in %+v", c.Ref, name, c.Deadlines)
	return apiDeadline{}
}

// js is v as a JSON body.
func js(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func casePath(id int64, rest ...string) string {
	return "/api/v1/cases/" + fmt.Sprint(id) + strings.Join(rest, "")
}

// open opens a case as the officer; fields add to or replace the Seabird defaults.
func (w *caseWorld) open(t *testing.T, fields map[string]any) *apiCase {
	t.Helper()
	in := map[string]any{"office": "Yiwu Customs", "holder_id": w.holderID, "channel": "postal", "items": []map[string]any{
		{"description": "hoodies with the Seabird logo", "quantity": 200, "declared_value": "60000.00"},
		{"description": "caps with the Seabird logo", "quantity": 400, "declared_value": "40000"}}}
	for k, v := range fields {
		in[k] = v
	}
	c := decode[apiCase](t, "POST /cases", w.send(t, "POST", "/api/v1/cases", w.officer, js(t, in)), http.StatusCreated)
	return &c
}

// get reads a case as the user of token.
func (w *caseWorld) get(t *testing.T, token string, id int64) *apiCase {
	t.Helper()
	c := decode[apiCase](t, "GET case", w.send(t, "GET", casePath(id), token, ""), http.StatusOK)
	return &c
}

// act sends event to c at its version and checks the state it leads to.
func (w *caseWorld) act(t *testing.T, token string, c *apiCase, event, wantState string, data map[string]any) *apiCase {
	t.Helper()
	in := map[string]any{"event": event, "version": c.Version}
	for k, v := range data {
		in[k] = v
	}
	next := decode[apiCase](t, event, w.send(t, "POST", casePath(c.ID, "/events"), token, js(t, in)), http.StatusOK)
	if next.State != wantState || next.Version != c.Version+1 {
		t.Fatalf("%s: got %s v%d, want %s v%d", event, next.State, next.Version, wantState, c.Version+1)
	}
	return &next
}

// bond posts c's bond as the holder.
func (w *caseWorld) bond(t *testing.T, c *apiCase, fromGuarantee bool) *apiCase {
	t.Helper()
	r := w.send(t, "POST", casePath(c.ID, "/bond"), w.holder, js(t, map[string]any{"version": c.Version, "from_guarantee": fromGuarantee}))
	next := decode[apiCase](t, "POST bond", r, http.StatusOK)
	return &next
}

func timelineKinds(c *apiCase) []string {
	var out []string
	for _, e := range c.Timeline {
		out = append(out, e.Kind)
	}
	return out
}

func wantClosed(t *testing.T, c *apiCase, state string) {
	t.Helper()
	if c.State != state || c.ClosedAt == "" || len(c.AllowedEvents) != 0 {
		t.Errorf("case %s: got %s, closed at %q, allowed %v; want %s, closed, nothing allowed",
			c.Ref, c.State, c.ClosedAt, c.AllowedEvents, state)
	}
}

// The CN ex officio path, from the officer's find to the case's close, over the API alone.
func TestCaseCNExOfficioAPI(t *testing.T) {
	eachDemo(t, qingming, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		c := w.open(t, map[string]any{"profile": "CN", "mode": "ex_officio", "goods_value": "100000.00"})
		if c.State != "suspected" || c.Version != 1 || c.Currency != "CNY" || c.GoodsValue != "100000.00" ||
			c.HolderID != w.holderID || len(c.Items) != 2 || c.Items[1].DeclaredValue != "40000.00" || c.Items[1].Unit != "pcs" ||
			!slices.Equal(c.AllowedEvents, []string{"notify_holder", "dismiss"}) {
			t.Fatalf("opened: got %+v", c)
		}

		c = w.act(t, w.officer, c, "notify_holder", "holder_notified", nil)
		reply := c.deadline(t, "holder_reply")
		if reply.DueDate != "2025-04-08" || reply.DueAt != "2025-04-08T16:00:00Z" || reply.Provisional ||
			reply.WorkingDaysLeft != 3 || reply.State != "running" {
			t.Fatalf("holder_reply: got %+v; want due 2025-04-08 (16:00 UTC), 3 working days left, running", reply)
		}

		req := decode[apiIdentification](t, "POST identifications",
			w.send(t, "POST", casePath(c.ID, "/identifications"), w.officer, `{"note":"logos look off"}`), http.StatusCreated)
		if req.Due != reply.DueAt || !slices.Equal(req.ItemIDs, []int64{c.Items[0].ID, c.Items[1].ID}) || req.AnsweredAt != "" {
			t.Fatalf("identification request: got %+v, want both items due with holder_reply", req)
		}
		w.clock.Advance(5 * time.Hour)
		answered := w.answer(t, w.holder, req.ID, http.StatusOK, counterfeit(c.Items[0].ID, c.Items[1].ID))
		if answered.AnsweredAt == "" || len(answered.Answers) != 2 || answered.Answers[0].Verdict != "counterfeit" {
			t.Fatalf("answered: got %+v", answered)
		}

		filed := decode[apiGuarantee](t, "POST guarantees", w.send(t, "POST", "/api/v1/guarantees", w.holder,
			`{"year":2025,"amount":"200000.00","issuer":"Bank of Ningbo","reference":"LG-2025-7"}`), http.StatusCreated)
		if filed.HolderID != w.holderID || filed.Balance != "200000.00" || filed.Held != "0.00" {
			t.Fatalf("filed guarantee: got %+v", filed)
		}
		if got := w.get(t, w.holder, c.ID).AllowedEvents; !slices.Equal(got, []string{"apply", "decline"}) {
			t.Errorf("holder, holder_notified: got allowed %v, want apply, decline", got)
		}
		c = w.bond(t, c, true)
		if c.State != "detained" || c.Bond == nil || *c.Bond != (apiBond{Amount: "50000.00", Source: "guarantee", GuaranteeID: filed.ID}) {
			t.Fatalf("after the bond: got %s, bond %+v; want detained, 50000.00 drawn on guarantee %d", c.State, c.Bond, filed.ID)
		}
		if d := c.deadline(t, "holder_reply"); d.State != "met" {
			t.Errorf("holder_reply after the bond: got %s, want met", d.State)
		}
		g := w.guarantee(t, w.holder, 2025, "")
		if g.Held != "50000.00" || g.Balance != "150000.00" || len(g.Moves) != 1 || g.Moves[0].CaseID != c.ID || g.Moves[0].Amount != "50000.00" {
			t.Fatalf("guarantee with the bond: got %+v; want 50000.00 held for the case, 150000.00 left", g)
		}

		c = w.act(t, w.officer, c, "investigate", "investigating", nil)
		c = w.act(t, w.officer, c, "determine", "infringing", map[string]any{"determination": "infringing"})
		c = w.act(t, w.officer, c, "penalise", "penalised", map[string]any{"amount": "5000.00", "reason": "first offence"})
		if c.Determination != "infringing" || c.Penalty == nil || *c.Penalty != (apiFine{"5000.00", "under_10", "first offence"}) {
			t.Errorf("penalised: got %s, %+v; want infringing, 5000.00 under_10", c.Determination, c.Penalty)
		}
		c = w.act(t, w.supervisor, c, "close", "closed", nil)
		wantClosed(t, c, "closed")

		g = w.guarantee(t, w.officer, 2025, fmt.Sprintf("?holder_id=%d", w.holderID))
		if g.Held != "0.00" || g.Balance != "200000.00" || len(g.Moves) != 2 || g.Moves[1].Amount != "-50000.00" {
			t.Errorf("guarantee after closing: got %+v; want the bond given back", g)
		}
		shown := w.get(t, w.holder, c.ID)
		want := []string{"open", "notify_holder", "identification.request", "identification.answer", "apply", "investigate",
			"determine", "penalise", "close"}
		if got := timelineKinds(shown); !slices.Equal(got, want) || len(shown.Identifications) != 1 {
			t.Errorf("holder's view: got timeline %v and %d requests, want %v and 1", got, len(shown.Identifications), want)
		}
		list := decode[struct {
			Cases []apiCase `json:"cases"`
			Total int64     `json:"total"`
		}](t, "GET /cases", w.send(t, "GET", "/api/v1/cases?state=closed&q="+c.Ref, w.holder, ""), http.StatusOK)
		if list.Total != 1 || len(list.Cases) != 1 || list.Cases[0].ID != c.ID {
			t.Errorf("GET /cases?q=%s as the holder: got %+v, want the case", c.Ref, list)
		}
	})
}

// The other paths share one world: each case is the test's own.
func TestCaseProfilesAPI(t *testing.T) {
	eachDemo(t, qingming, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		t.Run("CN on application", func(t *testing.T) { cnOnApplication(t, w) })
		t.Run("EU", func(t *testing.T) { euPaths(t, w) })
		t.Run("US", func(t *testing.T) { usPath(t, w) })
	})
}

// On application the holder posts the goods' full value in cash; customs
// detain until the court's assistance notice comes.
func cnOnApplication(t *testing.T, w *caseWorld) {
	c := w.open(t, map[string]any{"profile": "CN", "mode": "on_application", "goods_value": "30000.50"})
	if c.State != "applied" || len(c.Deadlines) != 0 {
		t.Fatalf("opened: got %s with %+v, want applied, no clock", c.State, c.Deadlines)
	}
	c = w.bond(t, c, false)
	if c.State != "detained" || c.Bond == nil || *c.Bond != (apiBond{Amount: "30000.50", Source: "cash"}) {
		t.Fatalf("after the bond: got %s, %+v; want detained, 30000.50 in cash", c.State, c.Bond)
	}
	if d := c.deadline(t, "court_notice"); d.State != "running" || d.Provisional || d.WorkingDaysLeft != 20 {
		t.Errorf("court_notice: got %+v, want running, 20 working days left", d)
	}
	c = w.act(t, w.officer, c, "court_notice", "court_ordered", nil)
	wantClosed(t, c, "court_ordered")
	wantError(t, "no guarantee was filed", w.send(t, "GET", "/api/v1/guarantees/2025", w.holder, ""), http.StatusNotFound, ipr.ENOTFOUND)
}

// EU cases: the holder confirms and the declarant agrees, or a small
// consignment is destroyed on the declarant's agreement alone.
func euPaths(t *testing.T, w *caseWorld) {
	c := w.open(t, map[string]any{"profile": "eu", "mode": "on_application", "office": "Hamburg Customs", "goods_value": "12000"})
	confirm := c.deadline(t, "confirmation")
	if c.State != "detained" || c.Currency != "EUR" || confirm.State != "running" || !confirm.Provisional ||
		confirm.WorkingDaysLeft != 10 {
		t.Fatalf("opened: got %s %s, confirmation %+v; want detained in EUR, 10 working days, provisional", c.State, c.Currency, confirm)
	}
	if got := w.get(t, w.holder, c.ID).AllowedEvents; !slices.Contains(got, "confirm") || slices.Contains(got, "agree") {
		t.Errorf("holder, detained: got allowed %v, want confirm and not agree", got)
	}
	c = w.act(t, w.holder, c, "confirm", "confirmed", nil)
	c = w.act(t, w.officer, c, "agree", "agreed", nil)
	if d := c.deadline(t, "confirmation"); d.State != "met" {
		t.Errorf("confirmation after agreement: got %s, want met", d.State)
	}
	c = w.act(t, w.officer, c, "destroy", "destroyed", nil)
	wantClosed(t, c, "destroyed")

	small := w.open(t, map[string]any{"profile": "EU", "mode": "on_application", "office": "Frankfurt Customs",
		"small_consignment": true, "items": []map[string]any{{"description": "one Seabird watch", "quantity": 1}}})
	if small.State != "small_detained" || !small.SmallConsignment || small.deadline(t, "declarant_views").State != "running" {
		t.Fatalf("small consignment opened: got %s, %+v", small.State, small.Deadlines)
	}
	small = w.act(t, w.officer, small, "agree", "agreed", nil)
	small = w.act(t, w.officer, small, "destroy", "destroyed", nil)
	wantClosed(t, small, "destroyed")
}

// The US path: CBP notifies the importer, who replies; CBP discloses to the
// holder and seizes the goods.
func usPath(t *testing.T, w *caseWorld) {
	c := w.open(t, map[string]any{"profile": "US", "mode": "ex_officio", "office": "Port of Los Angeles", "goods_value": "8000.00"})
	if c.State != "detained" || c.Currency != "USD" || c.deadline(t, "importer_notice").State != "running" ||
		c.deadline(t, "exclusion").DueDate != "2025-05-01" {
		// opened on 1 April in New York, where US deadlines are counted: 30 calendar days
		t.Fatalf("opened: got %s %s, %+v; want detained in USD, exclusion due 2025-05-01", c.State, c.Currency, c.Deadlines)
	}
	c = w.act(t, w.officer, c, "notify_importer", "importer_notified", nil)
	if c.deadline(t, "importer_notice").State != "met" || c.deadline(t, "importer_reply").WorkingDaysLeft != 7 {
		t.Errorf("notified: got %+v, want importer_notice met, 7 business days to reply", c.Deadlines)
	}
	c = w.act(t, w.officer, c, "reply", "reviewing", nil)
	c = w.act(t, w.officer, c, "disclose", "disclosed", map[string]any{"reason": "reply shows no licence"})
	c = w.act(t, w.officer, c, "seize", "seized", map[string]any{"reason": "counterfeit marks"})
	wantClosed(t, c, "seized")
}

// Refusals by status: what another holder may not see, what a holder may not
// do, what the state or version does not allow, and bodies naming their fault.
func TestCaseRefusalsAPI(t *testing.T) {
	eachDemo(t, qingming, func(t *testing.T, db *store.DB) {
		w := newCaseWorld(t, db)
		c := w.open(t, map[string]any{"profile": "CN", "mode": "ex_officio", "goods_value": "100000.00"})
		event := func(token, body string) reply { return w.send(t, "POST", casePath(c.ID, "/events"), token, body) }

		t.Run("404", func(t *testing.T) {
			wantError(t, "another holder reads", w.send(t, "GET", casePath(c.ID), w.other, ""), http.StatusNotFound, ipr.ENOTFOUND)
			wantError(t, "another holder acts", event(w.other, `{"event":"decline","version":1}`), http.StatusNotFound, ipr.ENOTFOUND)
			wantError(t, "another holder bonds", w.send(t, "POST", casePath(c.ID, "/bond"), w.other, `{"version":1}`),
				http.StatusNotFound, ipr.ENOTFOUND)
			wantError(t, "no such case", w.send(t, "GET", casePath(1<<40), w.officer, ""), http.StatusNotFound, ipr.ENOTFOUND)
			list := decode[struct {
				Total int64 `json:"total"`
			}](t, "another holder lists", w.send(t, "GET", fmt.Sprintf("/api/v1/cases?q=%s&holder_id=%d", c.Ref, w.holderID), w.other, ""), http.StatusOK)
			if list.Total != 0 {
				t.Errorf("another holder lists: got %d cases, want none", list.Total)
			}
		})

		t.Run("403", func(t *testing.T) {
			wantError(t, "holder sends an officer's event", event(w.holder, `{"event":"notify_holder","version":1}`), http.StatusForbidden, ipr.EFORBIDDEN)
			wantError(t, "holder opens a case", w.send(t, "POST", "/api/v1/cases", w.holder,
				js(t, map[string]any{"profile": "CN", "mode": "ex_officio", "office": "Yiwu", "holder_id": w.holderID})), http.StatusForbidden, ipr.EFORBIDDEN)
			wantError(t, "officer posts the bond", w.send(t, "POST", casePath(c.ID, "/bond"), w.officer, `{"version":1}`), http.StatusForbidden, ipr.EFORBIDDEN)
		})

		t.Run("409", func(t *testing.T) {
			r := event(w.officer, `{"event":"close","version":1}`)
			wantError(t, "close while suspected", r, http.StatusConflict, ipr.ECONFLICT)
			if !strings.Contains(string(r.body), "state suspected") {
				t.Errorf("close while suspected: got %s, want the state named", r.body)
			}
			w.act(t, w.officer, c, "notify_holder", "holder_notified", nil)
			r = event(w.officer, `{"event":"dismiss","version":1,"reason":"duplicate"}`)
			wantError(t, "stale version", r, http.StatusConflict, ipr.ECONFLICT)
			var e errorBody
			json.Unmarshal(r.body, &e)
			if e.Error.Fields["version"] == "" || !strings.Contains(e.Error.Message, "version 2") {
				t.Errorf("stale version: got %+v, want the version field and the current version named", e.Error)
			}
			r = w.send(t, "POST", casePath(c.ID, "/bond"), w.holder, `{"version":1}`)
			wantError(t, "bond at a stale version", r, http.StatusConflict, ipr.ECONFLICT)
		})

		t.Run("400", func(t *testing.T) {
			for _, tc := range []struct{ name, body, field string }{
				{"event a number", `{"event":5,"version":2}`, "event"},
				{"version a string", `{"event":"investigate","version":"2"}`, "version"},
				{"no version", `{"event":"investigate"}`, "version"},
				{"no event", `{"version":2}`, "event"},
				{"unknown field", `{"event":"investigate","version":2,"colour":"red"}`, "colour"},
				{"malformed", `{"event":`, "body"},
				{"amount a number", `{"event":"penalise","version":2,"amount":5000}`, "amount"},
				{"amount not money", `{"event":"penalise","version":2,"amount":"five"}`, "amount"},
			} {
				wantInvalid(t, tc.name, event(w.officer, tc.body), tc.field)
			}
			wantInvalid(t, "apply is the bond's", event(w.holder, `{"event":"apply","version":2}`), "event")
			wantInvalid(t, "bond without version", w.send(t, "POST", casePath(c.ID, "/bond"), w.holder, `{"from_guarantee":true}`), "version")
			wantInvalid(t, "bond with no guarantee", w.send(t, "POST", casePath(c.ID, "/bond"), w.holder, `{"version":2,"from_guarantee":true}`), "from_guarantee")
			wantInvalid(t, "bad id", w.send(t, "GET", "/api/v1/cases/x", w.officer, ""), "id")
			wantInvalid(t, "bad filter", w.send(t, "GET", "/api/v1/cases?overdue=maybe", w.officer, ""), "overdue")

			northwindRight := w.rightID(t, "DEMO-NORTHWIND")
			for _, tc := range []struct {
				name   string
				fields map[string]any
				field  string
			}{
				{"bad profile", map[string]any{"profile": "XX", "mode": "ex_officio"}, "profile"},
				{"no holder", map[string]any{"profile": "CN", "mode": "ex_officio", "holder_id": 0}, "holder_id"},
				{"another holder's right", map[string]any{"profile": "CN", "mode": "ex_officio", "right_ids": []string{northwindRight}}, "right_ids[0]"},
				{"value a number", map[string]any{"profile": "CN", "mode": "ex_officio", "goods_value": 100}, "goods_value"},
				{"value not money", map[string]any{"profile": "CN", "mode": "ex_officio", "goods_value": "1.234"}, "goods_value"},
				{"item without quantity", map[string]any{"profile": "CN", "mode": "ex_officio",
					"items": []map[string]any{{"description": "caps", "quantity": 1}, {"description": "hats"}}}, "items[1].quantity"},
				{"item value not money", map[string]any{"profile": "CN", "mode": "ex_officio",
					"items": []map[string]any{{"description": "caps", "quantity": 1, "declared_value": "lots"}}}, "items[0].declared_value"},
				{"no items", map[string]any{"profile": "CN", "mode": "ex_officio", "items": []any{}}, "items"},
				{"unknown declaration", map[string]any{"profile": "CN", "mode": "ex_officio", "declaration_ref": "NOPE-1"}, "declaration_ref"},
				{"bad prefix", map[string]any{"profile": "CN", "mode": "ex_officio", "ref_prefix": "hz"}, "ref_prefix"},
			} {
				in := map[string]any{"office": "Yiwu Customs", "holder_id": w.holderID,
					"items": []map[string]any{{"description": "caps", "quantity": 1}}}
				for k, v := range tc.fields {
					in[k] = v
				}
				if ids, ok := in["right_ids"].([]string); ok { // rightID gives the id as text
					in["right_ids"] = json.RawMessage("[" + strings.Join(ids, ",") + "]")
				}
				wantInvalid(t, tc.name, w.send(t, "POST", "/api/v1/cases", w.officer, js(t, in)), tc.field)
			}
		})
	})
}
