package enforce_test

import (
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store/storetest"
)

// Right holders and agents see the same views over their own brands only, and
// no filter widens them; police and the public see nothing.
func TestStatsScope(t *testing.T) {
	s, _ := demo(t, storetest.SQLite(t))
	ctx := t.Context()
	officer, holder, agent := user(t, s, officerEmail), user(t, s, holderEmail), user(t, s, agentEmail)
	total := func(u *ipr.User, f ipr.StatsFilter) int64 {
		t.Helper()
		row, err := s.StatsTotals(ctx, u, f)
		if err != nil {
			t.Fatalf("StatsTotals(%s, %+v): %v", u.Email, f, err)
		}
		return row.Batches
	}
	if got := total(officer, ipr.StatsFilter{}); got < demoCaseCount-3 {
		t.Errorf("customs, every CN case: got %d batches, want most of the %d demo cases", got, demoCaseCount)
	}
	own := total(officer, ipr.StatsFilter{HolderOrgID: holder.OrgID})
	if own == 0 {
		t.Fatal("Northwind has no CN cases in the figures")
	}
	for _, f := range []ipr.StatsFilter{{}, {HolderOrgID: agent.ActsFor[0]}, {HolderOrgID: 0}} {
		if got := total(holder, f); got != own {
			t.Errorf("holder asking for %+v: got %d batches, want its own %d", f, got, own)
		}
	}
	rows, err := s.Stats(ctx, holder, ipr.DimBrand, ipr.StatsFilter{Brand: "LUMINA"})
	if err != nil || len(rows) != 0 {
		t.Errorf("holder asking for another's brand: got %+v, %v, want nothing", rows, err)
	}
	opts, err := s.StatsOptions(ctx, holder)
	if err != nil || len(opts.Holders) != 1 || len(opts.Brands) != 1 || opts.Brands[0].Key != "NORTHWIND" {
		t.Errorf("holder's options: got holders %+v brands %+v (%v), want itself and NORTHWIND", opts.Holders, opts.Brands, err)
	}

	// An agent sees one client at a time, and never another holder.
	for _, client := range agent.ActsFor {
		if got, want := total(agent, ipr.StatsFilter{HolderOrgID: client}), total(officer, ipr.StatsFilter{HolderOrgID: client}); got != want {
			t.Errorf("agent for client %d: got %d batches, want %d", client, got, want)
		}
	}
	_, err = s.StatsTotals(ctx, agent, ipr.StatsFilter{HolderOrgID: holder.OrgID})
	wantError(t, err, ipr.EFORBIDDEN, "")
	_, err = s.Stats(ctx, agent, ipr.DimProvince, ipr.StatsFilter{HolderOrgID: holder.OrgID})
	wantError(t, err, ipr.EFORBIDDEN, "")

	for _, u := range []*ipr.User{user(t, s, policeEmail), user(t, s, adminEmail)} {
		_, err := s.Stats(ctx, u, ipr.DimMonth, ipr.StatsFilter{})
		wantError(t, err, ipr.EFORBIDDEN, "")
	}
	_, err = s.StatsRules(ctx, nil, ipr.StatsFilter{}, 5)
	wantError(t, err, ipr.EUNAUTHENTICATED, "")
	_, err = s.Stats(ctx, officer, "colour", ipr.StatsFilter{})
	wantError(t, err, ipr.EINVALID, "view")
	_, err = s.Stats(ctx, officer, ipr.DimMonth, ipr.StatsFilter{From: start, To: start.AddDate(0, -1, 0)})
	wantError(t, err, ipr.EINVALID, "to")
}

// The monthly trend lists every month of the period in order, empty ones too.
func TestStatsMonths(t *testing.T) {
	s, _ := demo(t, storetest.SQLite(t))
	from := start.AddDate(0, -6, 0)
	rows, err := s.Stats(t.Context(), user(t, s, secretaryEmail), ipr.DimMonth, ipr.StatsFilter{From: from, To: start.AddDate(0, 1, 0)})
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 7 || rows[0].Key != from.Format("2006-01") || rows[6].Key != "2025-03" {
		t.Fatalf("months: got %+v, want the 7 months from %s to 2025-03", rows, from.Format("2006-01"))
	}
	var batches int64
	for _, r := range rows {
		batches += r.Batches
	}
	if batches == 0 {
		t.Error("months: got no batches, want the demo cases")
	}
}
