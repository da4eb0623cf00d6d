package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const deCalendar = "../../internal/calendar/testdata/de-2026.txt"

func TestDeadlineCommand(t *testing.T) {
	badFile := filepath.Join(t.TempDir(), "bad.txt")
	if err := os.WriteFile(badFile, []byte("jurisdiction DE\nyear 2026\noff 2026-02-30\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    string
		want    string // standard output
		wantErr string // part of the error
	}{
		{"working days over National Day", "--jurisdiction CN --from 2026-09-29 --working-days 3", "2026-10-09\n", ""},
		{"provisional year", "--jurisdiction CN --from 2026-12-31 --working-days 4", "2027-01-06 provisional\n", ""},
		{"calendar days", "--jurisdiction CN --from 2026-09-21 --calendar-days 10", "2026-10-08\n", ""},
		{"US observed", "--jurisdiction US --from 2027-12-30 --working-days 1", "2028-01-03\n", ""},
		{"EU state without calendar", "--jurisdiction DE --from 2026-04-02 --working-days 1", "2026-04-03 provisional\n", ""},
		{"EU state with calendar", "--jurisdiction DE --from 2026-04-02 --working-days 1 --calendar " + deCalendar, "2026-04-07\n", ""},
		{"calendar replacing CN 2026", "--calendar " + deCalendar + " --jurisdiction CN --from 2026-09-29 --working-days 3", "2026-10-09\n", ""},
		{"unknown jurisdiction", "--jurisdiction XX --from 2026-09-29 --working-days 3", "", "jurisdiction: "},
		{"no jurisdiction", "--from 2026-09-29 --working-days 3", "", "jurisdiction: required"},
		{"no from", "--jurisdiction CN --working-days 3", "", "from: required"},
		{"bad from", "--jurisdiction CN --from 2026-13-01 --working-days 3", "", "flag -from"},
		{"negative", "--jurisdiction CN --from 2026-09-29 --working-days -1", "", "working-days: -1 is not 0 or more"},
		{"negative calendar days", "--jurisdiction CN --from 2026-09-29 --calendar-days -1", "", "calendar-days: -1 is not 0 or more"},
		{"not a number", "--jurisdiction CN --from 2026-09-29 --working-days three", "", "flag -working-days"},
		{"both counts", "--jurisdiction CN --from 2026-09-29 --working-days 3 --calendar-days 3", "", "either --working-days or --calendar-days"},
		{"no count", "--jurisdiction CN --from 2026-09-29", "", "either --working-days or --calendar-days"},
		{"missing calendar file", "--jurisdiction CN --from 2026-09-29 --working-days 3 --calendar nowhere.txt", "", "calendar: open nowhere.txt"},
		{"bad calendar file", "--jurisdiction CN --from 2026-09-29 --working-days 3 --calendar " + badFile, "", "line 3: date: "},
		{"stray argument", "--jurisdiction CN --from 2026-09-29 --working-days 3 extra", "", `unexpected argument "extra"`},
	}
	for _, tt := range tests {
		var out, errOut strings.Builder
		err := run(context.Background(), append([]string{"deadline"}, strings.Fields(tt.args)...), noEnv, &out, &errOut)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("%s: got error %v, want %q", tt.name, err, tt.want)
		case tt.wantErr != "" && (err == nil || !strings.Contains(message(err), tt.wantErr)):
			t.Errorf("%s: got error %v, want one containing %q", tt.name, err, tt.wantErr)
		case out.String() != tt.want:
			t.Errorf("%s: got output %q, want %q", tt.name, out.String(), tt.want)
		}
	}
}
