package api_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

type apiRule struct {
	ID      int64  `json:"id"`
	Name    string `json:"name"`
	Weight  int    `json:"weight"`
	Expires string `json:"expires"`
	When    struct {
		All []struct {
			Field string `json:"field"`
			Op    string `json:"op"`
			Value string `json:"value"`
		} `json:"all"`
	} `json:"when"`
	Source    string `json:"source"`
	Active    bool   `json:"active"`
	CreatedBy int64  `json:"created_by"`
	Hits      int64  `json:"hits"`
	Dismissed int64  `json:"dismissed"`
	Inspected int64  `json:"inspected"`
}

const newRule = `{"name":"Putian shoes by post","weight":30,"expires":"2027-12-31","source":"bulletin 7",` +
	`"when":{"all":[{"field":"origin","op":"prefix","value":"CN-FJ-Putian"},{"field":"hs_code","op":"prefix","value":"6404"}]}}`

func TestRulesAPI(t *testing.T) {
	eachDemo(t, time.Time{}, func(t *testing.T, db *store.DB) {
		s := newServer(t, db)
		officer := s.token(t, "officer@yiwu.customs.example")
		brand := s.token(t, "brand@northwind.example")

		list := decode[struct {
			Rules []apiRule `json:"rules"`
		}](t, "GET /rules", s.send(t, "GET", "/api/v1/rules", officer, ""), http.StatusOK)
		if len(list.Rules) != 3 || list.Rules[0].Hits == 0 {
			t.Errorf("GET /rules: got %+v, want the 3 demo rules with their hits", list.Rules)
		}

		created := decode[apiRule](t, "POST", s.send(t, "POST", "/api/v1/rules", officer, newRule), http.StatusCreated)
		if created.ID == 0 || created.Name != "Putian shoes by post" || created.Weight != 30 || created.Expires != "2027-12-31" ||
			!created.Active || len(created.When.All) != 2 || created.When.All[1].Value != "6404" || created.CreatedBy == 0 {
			t.Errorf("POST: got %+v", created)
		}
		path := "/api/v1/rules/" + strconv.FormatInt(created.ID, 10)
		shown := decode[apiRule](t, "GET one", s.send(t, "GET", path, officer, ""), http.StatusOK)
		if shown.ID != created.ID || shown.Source != "bulletin 7" {
			t.Errorf("GET one: got %+v", shown)
		}
		off := strings.Replace(strings.Replace(newRule, `"weight":30`, `"weight":45`, 1), `"source"`, `"active":false,"source"`, 1)
		updated := decode[apiRule](t, "PUT", s.send(t, "PUT", path, officer, off), http.StatusOK)
		if updated.Weight != 45 || updated.Active {
			t.Errorf("PUT: got %+v, want weight 45, inactive", updated)
		}
		if r := s.send(t, "DELETE", path, officer, ""); r.status != http.StatusNoContent {
			t.Errorf("DELETE: got %d %s, want 204", r.status, r.body)
		}
		wantError(t, "GET deleted", s.send(t, "GET", path, officer, ""), http.StatusNotFound, ipr.ENOTFOUND)

		t.Run("400", func(t *testing.T) {
			for _, tc := range []struct{ name, body, field string }{
				{"weight 0", strings.Replace(newRule, `"weight":30`, `"weight":0`, 1), "weight"},
				{"no name", strings.Replace(newRule, `"name":"Putian shoes by post",`, "", 1), "name"},
				{"bad expiry", strings.Replace(newRule, "2027-12-31", "next year", 1), "expires"},
				{"bad operator", strings.Replace(newRule, `"op":"prefix","value":"6404"`, `"op":"lt","value":"6404"`, 1), "when.all[1].op"},
				{"unknown field", strings.Replace(newRule, `"name"`, `"colour":"red","name"`, 1), "colour"},
			} {
				wantInvalid(t, tc.name, s.send(t, "POST", "/api/v1/rules", officer, tc.body), tc.field)
			}
			wantInvalid(t, "bad id", s.send(t, "GET", "/api/v1/rules/x", officer, ""), "id")
		})

		t.Run("403", func(t *testing.T) {
			wantError(t, "holder lists", s.send(t, "GET", "/api/v1/rules", brand, ""), http.StatusForbidden, ipr.EFORBIDDEN)
			wantError(t, "holder creates", s.send(t, "POST", "/api/v1/rules", brand, newRule), http.StatusForbidden, ipr.EFORBIDDEN)
		})
	})
}
