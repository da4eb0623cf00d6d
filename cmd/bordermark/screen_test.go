package main

import (
	"bufio"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"bordermark/internal/store/storetest"
)

const (
	devRegister     = "../../internal/screen/testdata/dev/rights.csv"
	devDeclarations = "../../internal/screen/testdata/dev/declarations.ndjson"
	devLabels       = "../../internal/screen/testdata/dev/labels.ndjson"
)

// importDevRegister imports the development register into dsn.
func importDevRegister(tb testing.TB, dsn string) {
	tb.Helper()
	var out strings.Builder
	if err := run(context.Background(), []string{"rights", "import", "--db", dsn, devRegister}, noEnv, &out, &out); err != nil {
		tb.Fatalf("rights import: %v\n%s", err, out.String())
	}
}

// screenFile runs `bordermark screen` and returns what it wrote to standard output and error.
func screenFile(t *testing.T, getenv env, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut strings.Builder
	err = run(context.Background(), append([]string{"screen"}, args...), getenv, &out, &errOut)
	return out.String(), errOut.String(), err
}

// screenResult is a result line as a consumer reads it.
type screenResult struct {
	ID    string `json:"id"`
	Risk  int    `json:"risk"`
	Line  int    `json:"line"`
	Error string `json:"error"`
	Hits  []struct {
		RightID    string `json:"right_id"`
		Matched    string `json:"matched"`
		Authorised bool   `json:"authorised"`
	} `json:"hits"`
}

// The development set, with a blank and a malformed line, screened end to end
// from a freshly imported register: a result per line, in order, the bad line
// named, and the labelled counterfeits flagged with their rights.
func TestScreenEndToEnd(t *testing.T) {
	for engine, dsn := range storetest.DSNs(t) {
		t.Run(engine, func(t *testing.T) {
			importDevRegister(t, dsn)
			lines := readLines(t, devDeclarations)
			input := slices.Concat(lines[:3], []string{`{"id":"BAD-1","quantity":"lots"}`, ""}, lines[3:])
			file := filepath.Join(t.TempDir(), "declarations.ndjson")
			if err := os.WriteFile(file, []byte(strings.Join(input, "\n")+"\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			stdout, stderr, err := screenFile(t, noEnv, file, "--db", dsn, "--workers", "3")
			if err != nil {
				t.Fatalf("screen: %v\n%s", err, stderr)
			}
			results := parseResults(t, stdout)
			if len(results) != len(lines)+1 {
				t.Fatalf("got %d result lines, want %d: one per non-blank line", len(results), len(lines)+1)
			}
			if got, want := results[3], (screenResult{ID: "BAD-1", Line: 4, Error: `quantity: "lots" is not a number`}); got.ID != want.ID || got.Line != want.Line || got.Error != want.Error {
				t.Errorf("the malformed line: got %+v, want %+v", got, want)
			}
			results = slices.Delete(results, 3, 4)
			for i, l := range lines {
				var d struct{ ID string }
				json.Unmarshal([]byte(l), &d)
				if results[i].ID != d.ID || results[i].Error != "" {
					t.Fatalf("result %d: got id %q, error %q; want %q, in input order", i+1, results[i].ID, results[i].Error, d.ID)
				}
			}
			if !flags(results[0], "R03-00026") {
				t.Errorf("D03-0000001 (car spare parts newFalconshoes): got %+v, want R03-00026 flagged", results[0])
			}
			checkAccuracy(t, results)
			for _, want := range []string{" marks (index ready in ", "5001 lines", "1 errors", "declarations/s"} {
				if !strings.Contains(stderr, want) {
					t.Errorf("summary: got %q, want it to say %q", stderr, want)
				}
			}
		})
	}
}

func flags(r screenResult, rightID string) bool {
	for _, h := range r.Hits {
		if h.RightID == rightID && !h.Authorised {
			return true
		}
	}
	return false
}

// checkAccuracy scores the results against the development labels as the
// engine's own test does: through the database, the figures must hold too.
func checkAccuracy(t *testing.T, results []screenResult) {
	t.Helper()
	labels := map[string][]string{}
	for _, l := range readLines(t, devLabels) {
		var label struct {
			ID     string
			Expect []string
		}
		if err := json.Unmarshal([]byte(l), &label); err != nil {
			t.Fatal(err)
		}
		labels[label.ID] = label.Expect
	}
	var found, positives, falseFlags int
	for _, r := range results {
		expect := labels[r.ID]
		if len(expect) > 0 {
			positives++
		}
		flagged, right := false, false
		for _, h := range r.Hits {
			if !h.Authorised {
				flagged = true
				right = right || slices.Contains(expect, h.RightID)
			}
		}
		switch {
		case flagged && right:
			found++
		case flagged:
			falseFlags++
		}
	}
	recall, precision := float64(found)/float64(positives), float64(found)/float64(found+falseFlags)
	t.Logf("through the database and the command: recall %.4f, precision %.4f", recall, precision)
	if recall < 0.97 || precision < 0.97 {
		t.Errorf("got recall %.4f and precision %.4f, want both ≥ 0.97", recall, precision)
	}
}

// Standard input is read for "-" and when no file is named; flags come from the environment too.
func TestScreenStandardInput(t *testing.T) {
	dsn := storetest.DSNs(t)["sqlite"]
	importDevRegister(t, dsn)
	in := filepath.Join(t.TempDir(), "in.ndjson")
	os.WriteFile(in, []byte(strings.Join(readLines(t, devDeclarations)[:5], "\n")), 0o644)
	getenv := func(k string) string { return map[string]string{"BORDERMARK_DB": dsn, "BORDERMARK_WORKERS": "1"}[k] }
	for _, args := range [][]string{{"-"}, {}} {
		f, err := os.Open(in)
		if err != nil {
			t.Fatal(err)
		}
		stdin := os.Stdin
		os.Stdin = f
		stdout, stderr, err := screenFile(t, getenv, args...)
		os.Stdin = stdin
		f.Close()
		if results := parseResults(t, stdout); err != nil || len(results) != 5 || results[0].ID != "D03-0000001" || !strings.Contains(stderr, "standard input") {
			t.Errorf("%v: got %v, %d results, summary %q; want the 5 declarations screened", args, err, len(results), stderr)
		}
	}
}

// Setup failures fail the command, naming the problem; bad lines do not.
func TestScreenSetupErrors(t *testing.T) {
	dsn := storetest.DSNs(t)["sqlite"]
	file := filepath.Join(t.TempDir(), "bad.ndjson")
	os.WriteFile(file, []byte("not json\n{}\n"), 0o644)
	if stdout, stderr, err := screenFile(t, noEnv, "--db", dsn, file); err != nil || strings.Count(stdout, `"error"`) != 2 {
		t.Errorf("only bad lines: got %v and\n%s%s\nwant success with two error lines", err, stdout, stderr)
	}
	cases := []struct {
		name   string
		getenv env
		args   []string
		want   string
	}{
		{"missing file", noEnv, []string{"--db", dsn, "missing.ndjson"}, "missing.ndjson"},
		{"two files", noEnv, []string{"--db", dsn, file, file}, "unexpected argument"},
		{"no workers", noEnv, []string{"--db", dsn, "--workers", "0", file}, "workers"},
		{"bad environment", func(k string) string { return map[string]string{"BORDERMARK_WORKERS": "many"}[k] }, []string{"--db", dsn, file}, "BORDERMARK_WORKERS"},
		{"bad database", noEnv, []string{"--db", "mysql://localhost/x", file}, "db"},
	}
	for _, c := range cases {
		if _, _, err := screenFile(t, c.getenv, c.args...); err == nil || !strings.Contains(message(err), c.want) {
			t.Errorf("%s: got %v, want an error naming %q", c.name, err, c.want)
		}
	}
}

func readLines(tb testing.TB, path string) []string {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return out
}

func parseResults(t *testing.T, stdout string) []screenResult {
	t.Helper()
	var out []screenResult
	for _, l := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		if l == "" {
			continue
		}
		var r screenResult
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("result line %q: %v", l, err)
		}
		out = append(out, r)
	}
	return out
}
