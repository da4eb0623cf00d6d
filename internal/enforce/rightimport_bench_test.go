package enforce_test

import (
	"bytes"
	"fmt"
	"os"
	"testing"

	"bordermark/internal/enforce"
	"bordermark/internal/ipr"
	"bordermark/internal/store"
	"bordermark/internal/store/storetest"
)

// benchRows is the size of register that must import in well under a minute.
const benchRows = 50000

// generatedRegister is a rights file of n rows, of n/25 holders, every third with
// exporters; a later edition extends every right.
func generatedRegister(n, edition int) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	for i := range n {
		exporters := ""
		if i%3 == 0 {
			exporters = fmt.Sprintf("\"Exporter %d Co., Ltd.|Exporter %d Trading\"", i, i+1)
		}
		fmt.Fprintf(&b, "B-%06d,Holder %d Group,trademark,MARK%d,标%d|M%dX,%d %d,CN,2018-01-01,%d-12-31,%s\n",
			i, i/25, i, i, i, i%45+1, (i+7)%45+1, 2020+i%20+edition, exporters)
	}
	return b.Bytes()
}

// BenchmarkImportRights imports 50,000 generated rows into an empty SQLite database
// ("new"), then the same file again ("unchanged") or a later edition that changes
// every row ("changed"); on PostgreSQL too when BORDERMARK_TEST_POSTGRES is set.
func BenchmarkImportRights(b *testing.B) {
	file, next := generatedRegister(benchRows, 0), generatedRegister(benchRows, 1)
	fresh := enforce.ImportReport{Rows: benchRows, Created: benchRows, HoldersCreated: benchRows / 25}
	run := func(b *testing.B, open func(testing.TB) *store.DB, first, second []byte, want enforce.ImportReport) {
		for b.Loop() {
			b.StopTimer()
			s := enforce.New(open(b), nil, nil)
			if first != nil {
				mustImport(b, s, first, fresh)
			}
			b.StartTimer()
			mustImport(b, s, second, want)
		}
		b.ReportMetric(float64(benchRows*b.N)/b.Elapsed().Seconds(), "rows/s")
	}
	engines := map[string]func(testing.TB) *store.DB{"sqlite": storetest.SQLite}
	if os.Getenv(storetest.PostgresEnv) != "" {
		engines["postgres"] = storetest.Postgres
	}
	for _, name := range []string{"sqlite", "postgres"} {
		if open := engines[name]; open != nil {
			b.Run(name+"/new", func(b *testing.B) { run(b, open, nil, file, fresh) })
			b.Run(name+"/unchanged", func(b *testing.B) {
				run(b, open, file, file, enforce.ImportReport{Rows: benchRows, Unchanged: benchRows})
			})
			b.Run(name+"/changed", func(b *testing.B) {
				run(b, open, file, next, enforce.ImportReport{Rows: benchRows, Updated: benchRows})
			})
		}
	}
}

func mustImport(b *testing.B, s *enforce.Service, file []byte, want enforce.ImportReport) {
	rep, err := s.ImportRights(b.Context(), ipr.SystemUser(), bytes.NewReader(file), enforce.ImportOptions{})
	if err != nil {
		b.Fatal(err)
	}
	want.SHA256 = rep.SHA256
	if rep.String() != want.String() {
		b.Fatalf("import: got %v, want %v", rep, &want)
	}
}
