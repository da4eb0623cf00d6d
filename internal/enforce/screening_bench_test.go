package enforce_test

import (
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/store/storetest"
)

// BenchmarkRefreshIndex rebuilds the screening index from a 50,000-right
// register in SQLite, as every register change does: reading the rights,
// their supply chains and prices, and indexing them. Every right is in force.
//
//	go test -run '^$' -bench BenchmarkRefreshIndex ./internal/enforce/
func BenchmarkRefreshIndex(b *testing.B) {
	s := enforce.New(storetest.SQLite(b), nil, nil)
	mustImport(b, s, generatedRegister(benchRows, 20), enforce.ImportReport{Rows: benchRows, Created: benchRows, HoldersCreated: benchRows / 25})
	e, err := s.Engine(b.Context())
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := s.RefreshIndex(b.Context()); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(e.Index().Len()), "marks")
}
