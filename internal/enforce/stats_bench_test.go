package enforce_test

import (
	"context"
	"database/sql"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
)

// BenchmarkStatsDashboards measures every dashboard view on a generated
// database of 1,000,000 declarations and 100,000 cases, with varied filters,
// and reports each view's 95th percentile in ms (p95-ms), next to the same
// figure computed naively from the normalised tables (naive-p95-ms). Reproduce:
//
//	go run ./cmd/bordermark demo --declarations 1000000 --cases 100000 --db /tmp/stats.db
//	BORDERMARK_STATS_DB=/tmp/stats.db go test ./internal/enforce -run '^$' -bench StatsDashboards -benchtime 5x -count 2
func BenchmarkStatsDashboards(b *testing.B) {
	path := os.Getenv("BORDERMARK_STATS_DB")
	if path == "" {
		b.Skip("BORDERMARK_STATS_DB is not set: generate a database with " +
			"`bordermark demo --declarations 1000000 --cases 100000 --db FILE` and point it there")
	}
	ctx := context.Background()
	db, err := store.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	svc := enforce.New(db, nil, nil)
	officer := &ipr.User{ID: 1, Role: ipr.RoleCustomsOfficer, OrgID: 1}
	opts, err := svc.StatsOptions(ctx, officer)
	if err != nil || len(opts.Months) == 0 {
		b.Fatalf("options: %v (%d months): is the database generated?", err, len(opts.Months))
	}
	filters := benchFilters(opts)
	holder, _ := strconv.ParseInt(opts.Holders[0].Key, 10, 64)
	holderUser := &ipr.User{ID: 2, Role: ipr.RoleRightHolder, OrgID: holder}

	views := map[string]func(f ipr.StatsFilter) error{}
	for _, dim := range ipr.StatsDimensions {
		views[string(dim)] = func(f ipr.StatsFilter) error { _, err := svc.Stats(ctx, officer, dim, f); return err }
	}
	views["totals"] = func(f ipr.StatsFilter) error { _, err := svc.StatsTotals(ctx, officer, f); return err }
	views["rules"] = func(f ipr.StatsFilter) error { _, err := svc.StatsRules(ctx, officer, f, 10); return err }
	views["responses"] = func(f ipr.StatsFilter) error { _, err := svc.StatsResponseTimes(ctx, officer, f); return err }
	views["transfers"] = func(f ipr.StatsFilter) error { _, err := svc.StatsTransferTimes(ctx, officer, f); return err }
	views["options"] = func(ipr.StatsFilter) error { _, err := svc.StatsOptions(ctx, officer); return err }
	views["holder-brand"] = func(f ipr.StatsFilter) error {
		_, err := svc.Stats(ctx, holderUser, ipr.DimProvince, f)
		return err
	}
	names := make([]string, 0, len(views))
	for name := range views {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		b.Run(name, func(b *testing.B) {
			var took []time.Duration
			for b.Loop() {
				for _, f := range filters {
					start := time.Now()
					if err := views[name](f); err != nil {
						b.Fatal(err)
					}
					took = append(took, time.Since(start))
				}
			}
			b.ReportMetric(p95ms(took), "p95-ms")
		})
	}
	b.Run("naive-province", func(b *testing.B) {
		var took []time.Duration
		for b.Loop() {
			for _, f := range filters[:3] {
				start := time.Now()
				if err := naiveProvince(ctx, db, f); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(start))
			}
		}
		b.ReportMetric(p95ms(took), "naive-p95-ms")
	})
}

// benchFilters are the filters each view is asked with: none, a year, an
// office and channel, a brand, a group, a province and transport.
func benchFilters(o ipr.StatsOptions) []ipr.StatsFilter {
	last, _ := time.Parse("2006-01", o.Months[len(o.Months)-1])
	year := ipr.StatsFilter{From: last.AddDate(-1, 1, 0), To: last.AddDate(0, 1, 0)}
	group, _ := strconv.ParseInt(o.Groups[0].Key, 10, 64)
	return []ipr.StatsFilter{
		{},
		year,
		{Office: o.Offices[0].Key, Channel: o.Channels[0].Key},
		{Brand: o.Brands[0].Key, From: year.From, To: year.To},
		{GroupID: group},
		{Province: o.Provinces[0].Key, Transport: o.Transports[0].Key},
	}
}

func p95ms(took []time.Duration) float64 {
	if len(took) == 0 {
		return 0
	}
	slices.Sort(took)
	return float64(took[(len(took)*95-1)/100].Microseconds()) / 1000
}

// naiveProvince computes the province view straight from the normalised tables
// (cases joined to their declarations and items), as a baseline.
func naiveProvince(ctx context.Context, _ *store.DB, f ipr.StatsFilter) error {
	conn, err := sql.Open("sqlite", "file:"+os.Getenv("BORDERMARK_STATS_DB")+"?mode=ro&_time_format=sqlite")
	if err != nil {
		return err
	}
	defer conn.Close()
	query := `SELECT d.origin, COUNT(*), SUM((SELECT COALESCE(SUM(i.quantity), 0) FROM case_items i
		WHERE i.case_id = c.id)), SUM(c.goods_value)
		FROM cases c JOIN declarations d ON d.id = c.declaration_id WHERE c.profile = 'CN'`
	var args []any
	if !f.From.IsZero() {
		query += ` AND c.opened_at >= ? AND c.opened_at < ?`
		args = append(args, f.From.Format("2006-01-02"), f.To.Format("2006-01-02"))
	}
	if f.Office != "" {
		query += ` AND c.office = ? AND c.channel = ?`
		args = append(args, f.Office, f.Channel)
	}
	rows, err := conn.QueryContext(ctx, query+` GROUP BY d.origin`, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	byProvince := map[string]int64{}
	for rows.Next() {
		var origin string
		var n, pieces, value int64
		if err := rows.Scan(&origin, &n, &pieces, &value); err != nil {
			return err
		}
		province, _ := ipr.OriginRegion(origin)
		byProvince[province] += n
	}
	return rows.Err()
}
