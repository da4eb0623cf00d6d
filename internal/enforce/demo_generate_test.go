package enforce_test

import (
	"testing"

	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// The history serve adds to the demo world fills two years of the dashboards,
// on both engines, and is added once only.
func TestEnsureDemoHistory(t *testing.T) {
	eachDemo(t, func(t *testing.T, db *store.DB) {
		s, _ := demo(t, db)
		ctx := t.Context()
		officer := user(t, s, officerEmail)
		before, err := s.StatsTotals(ctx, officer, ipr.StatsFilter{})
		if err != nil {
			t.Fatal(err)
		}
		for i, want := range []int{400, 0} {
			if got, err := s.EnsureDemoHistory(ctx); err != nil || got != want {
				t.Fatalf("call %d: got %d cases, %v; want %d", i+1, got, err, want)
			}
		}
		after, err := s.StatsTotals(ctx, officer, ipr.StatsFilter{})
		if err != nil || after.Batches != before.Batches+400 || after.Pieces <= before.Pieces {
			t.Errorf("totals: got %+v, %v; want %d batches more than %+v", after, err, 400, before)
		}
		months, err := s.Stats(ctx, officer, ipr.DimMonth, ipr.StatsFilter{From: start.AddDate(0, -23, 0), To: start.AddDate(0, 1, 0)})
		if err != nil {
			t.Fatal(err)
		}
		empty := 0
		for _, m := range months {
			if m.Batches == 0 {
				empty++
			}
		}
		if len(months) != 24 || empty > 0 {
			t.Errorf("months: got %d with %d empty, want 24 with cases in each", len(months), empty)
		}
		for _, f := range []func() (int, error){
			func() (int, error) {
				rows, err := s.StatsResponseTimes(ctx, officer, ipr.StatsFilter{})
				return len(rows), err
			},
			func() (int, error) {
				rows, err := s.StatsTransferTimes(ctx, officer, ipr.StatsFilter{})
				return len(rows), err
			},
			func() (int, error) {
				rows, err := s.StatsRules(ctx, officer, ipr.StatsFilter{}, 5)
				return len(rows), err
			},
		} {
			if n, err := f(); err != nil || n == 0 {
				t.Errorf("a durations or rules view: got %d rows, %v; want some", n, err)
			}
		}
	})
}
