package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"bordermark/internal/store/storetest"
)

// An imported year takes a deadline counted through it off weekends-only
// counting, on both engines; the same version twice and a bad file are
// refused with the line and field named.
func TestCalendarImportCommand(t *testing.T) {
	dir := t.TempDir()
	year := filepath.Join(dir, "cn-2027.txt")
	os.WriteFile(year, []byte("jurisdiction CN\nyear 2027\nsource test calendar\noff 2027-01-01 New Year's Day\n"), 0o644)
	bad := filepath.Join(dir, "bad.txt")
	os.WriteFile(bad, []byte("jurisdiction CN\nyear 2027\noff 2027-02-30\n"), 0o644)
	for engine, dsn := range storetest.DSNs(t) {
		t.Run(engine, func(t *testing.T) {
			deadline := func() string {
				out, err := runCmd(t, "deadline", "--db", dsn, "--jurisdiction", "CN", "--from", "2026-12-31", "--working-days", "1")
				if err != nil {
					t.Fatalf("deadline: %v", err)
				}
				return out
			}
			if got, want := deadline(), "2027-01-01 provisional\n"; got != want {
				t.Errorf("before the import: got %q, want %q", got, want)
			}
			out, err := runCmd(t, "calendar", "import", "--db", dsn, year)
			if err != nil || !strings.HasPrefix(out, "imported CN-2027@") {
				t.Fatalf("calendar import: got %q, %v", out, err)
			}
			if got, want := deadline(), "2027-01-04\n"; got != want {
				t.Errorf("after the import: got %q, want %q", got, want)
			}
			if _, err := runCmd(t, "calendar", "import", "--db", dsn, year); err == nil || !strings.Contains(err.Error(), "already imported") {
				t.Errorf("the same version again: got %v, want an error saying it is already imported", err)
			}
			if _, err := runCmd(t, "calendar", "import", "--db", dsn, bad); err == nil || !strings.Contains(err.Error(), "line 3: date") {
				t.Errorf("a bad file: got %v, want an error naming line 3's date", err)
			}
			if out, err := runCmd(t, "audit", "verify", "--db", dsn); err != nil || !strings.Contains(out, "1 event") {
				t.Errorf("audit: got %q, %v, want the import's one event", out, err)
			}
		})
	}
}
