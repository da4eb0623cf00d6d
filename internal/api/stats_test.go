package api_test

import (
	"slices"
	"testing"

	"bordermark/internal/ipr"
)

type apiStatsView struct {
	View     string            `json:"view"`
	Filter   map[string]string `json:"filter"`
	Currency string            `json:"currency"`
	Rows     []struct {
		Key     string `json:"key"`
		Label   string `json:"label"`
		Batches int64  `json:"batches"`
		Pieces  int64  `json:"pieces"`
		Value   string `json:"value"`
	} `json:"rows"`
	Spreads []struct {
		Stages []struct {
			Stage string `json:"stage"`
		} `json:"stages"`
	} `json:"spreads"`
	Unit string `json:"unit"`
}

// TestStatsAPI reads views with the web pages' filters: customs see every
// brand, a right holder only its own; bad filters and unknown views are refused.
func TestStatsAPI(t *testing.T) {
	s := newServer(t, sqliteDemo(t))
	customs := s.token(t, "supervisor@hangzhou.customs.example")
	northwind := s.token(t, "brand@northwind.example")
	police := s.token(t, "investigator@zhejiang.police.example")

	brands := func(token string) []string {
		v := decode[apiStatsView](t, "brand view", s.send(t, "GET", "/api/v1/stats/brand?from=2026-01&to=2026-12", token, ""), 200)
		if v.View != "brand" || v.Currency != "CNY" || v.Filter["from"] != "2026-01" || v.Filter["to"] != "2026-12" {
			t.Errorf("brand view: got view %q, currency %q, filter %v", v.View, v.Currency, v.Filter)
		}
		var out []string
		for _, r := range v.Rows {
			out = append(out, r.Key)
			if r.Batches <= 0 || r.Value == "" {
				t.Errorf("brand row %+v: want batches and a value", r)
			}
		}
		return out
	}
	all, own := brands(customs), brands(northwind)
	if len(all) < 2 || !slices.Contains(all, "NORTHWIND") {
		t.Errorf("customs' brands: got %v, want several with NORTHWIND", all)
	}
	if !slices.Equal(own, []string{"NORTHWIND"}) {
		t.Errorf("Northwind's brands: got %v, want only NORTHWIND", own)
	}
	transfer := decode[apiStatsView](t, "transfer view", s.send(t, "GET", "/api/v1/stats/transfer", customs, ""), 200)
	if transfer.Unit != "days" {
		t.Errorf("transfer view: got unit %q, want days", transfer.Unit)
	}
	wantInvalid(t, "bad month", s.send(t, "GET", "/api/v1/stats/brand?from=2026-13", customs, ""), "from")
	wantInvalid(t, "bad channel", s.send(t, "GET", "/api/v1/stats/channel?channel=ship", customs, ""), "channel")
	wantError(t, "unknown view", s.send(t, "GET", "/api/v1/stats/weather", customs, ""), 404, ipr.ENOTFOUND)
	wantError(t, "police", s.send(t, "GET", "/api/v1/stats/brand", police, ""), 403, ipr.EFORBIDDEN)
	wantError(t, "no token", s.send(t, "GET", "/api/v1/stats/brand", "", ""), 401, ipr.EUNAUTHENTICATED)
}
