package web_test

import (
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"testing"
	"time"

	"bordermark/internal/api"
	"bordermark/internal/enforce"
	"bordermark/internal/report"
	"bordermark/internal/store"
	"bordermark/internal/web"
)

// BenchmarkStatsPages measures the statistics pages end to end over HTTP, as a
// signed-in supervisor, on a generated database of 1,000,000 declarations and
// 100,000 cases: the dashboard, every view with and without a period filter,
// and a CSV export. It reports each page's 95th percentile in ms (p95-ms), and
// the supervisor's home page's as the baseline of what an ordinary page costs. Reproduce:
//
//	go run ./cmd/bordermark demo --declarations 1000000 --cases 100000 --db /tmp/stats.db
//	BORDERMARK_STATS_DB=/tmp/stats.db go test ./internal/web -run '^$' -bench StatsPages -benchtime 20x
func BenchmarkStatsPages(b *testing.B) {
	path := os.Getenv("BORDERMARK_STATS_DB")
	if path == "" {
		b.Skip("BORDERMARK_STATS_DB is not set: generate a database with " +
			"`bordermark demo --declarations 1000000 --cases 100000 --db FILE` and point it there")
	}
	db, err := store.Open(b.Context(), path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	svc := enforce.New(db, nil, nil)
	svc.Files = store.NewBlobs(b.TempDir())
	s, err := web.New(svc, web.Options{Version: "bench", API: api.New(svc, nil)})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	w := &world{svc: svc, srv: srv}
	c := w.signIn(b, supervisor)

	pages := []string{"/", "/stats", "/stats?from=2026-01&to=2026-06", "/stats/channel.csv"}
	for _, v := range report.Views {
		pages = append(pages, "/stats/"+v.Name, "/stats/"+v.Name+"?from=2026-01&to=2026-06")
	}
	for _, page := range pages {
		b.Run(page, func(b *testing.B) {
			var took []time.Duration
			for b.Loop() {
				began := time.Now()
				if r := w.get(b, c, page); r.status != http.StatusOK {
					b.Fatalf("GET %s: got %d", page, r.status)
				}
				took = append(took, time.Since(began))
			}
			slices.Sort(took)
			p95 := took[min(len(took)-1, len(took)*95/100)]
			b.ReportMetric(float64(p95.Microseconds())/1000, "p95-ms")
		})
	}
}
