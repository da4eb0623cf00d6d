package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const benchDeclarations = 1_000_000

// BenchmarkScreenCommand runs `bordermark screen` end to end on a million
// declarations (the development set repeated, with unique ids) against the
// development register in SQLite, writing the results to a file: opening the
// database, building the index, reading, screening and writing. Run it with
//
//	go test -run '^$' -bench BenchmarkScreenCommand -benchtime 1x ./cmd/bordermark
func BenchmarkScreenCommand(b *testing.B) {
	dir := b.TempDir()
	dsn := filepath.Join(dir, "bench.db")
	importDevRegister(b, dsn)
	in := filepath.Join(dir, "declarations.ndjson")
	writeManyDeclarations(b, in, benchDeclarations)
	out := filepath.Join(dir, "results.ndjson")
	b.ResetTimer()
	for b.Loop() {
		f, err := os.Create(out)
		if err != nil {
			b.Fatal(err)
		}
		if err := run(context.Background(), []string{"screen", "--db", dsn, in}, noEnv, f, io.Discard); err != nil {
			b.Fatal(err)
		}
		if err := f.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)*benchDeclarations/b.Elapsed().Seconds(), "decl/s")
}

// writeManyDeclarations writes n declarations to path: the development set
// again and again, each copy's ids suffixed to keep them unique.
func writeManyDeclarations(tb testing.TB, path string, n int) {
	tb.Helper()
	lines := readLines(tb, devDeclarations)
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for i := range n {
		l := lines[i%len(lines)]
		head, rest, ok := strings.Cut(l, `", `) // the id comes first: {"id": "D03-0000001", …
		if !ok || !strings.HasPrefix(head, `{"id": "`) {
			tb.Fatalf("declaration %q does not start with its id", l)
		}
		fmt.Fprintf(w, "%s-%03d\", %s\n", head, i/len(lines), rest)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
}
