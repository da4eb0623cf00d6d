package calendar

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"bordermark/internal/ipr"
)

// goldenCase is one line of a golden table: from n want [provisional].
type goldenCase struct {
	line        int
	from        ipr.Date
	n           int
	calendar    bool // n counts calendar days, not working days
	want        ipr.Date
	provisional bool
}

func readGolden(t *testing.T, path string) []goldenCase {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var cases []goldenCase
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		c, err := parseGolden(line, fields)
		if err != nil {
			t.Fatalf("%s:%d: %v", path, line, err)
		}
		cases = append(cases, c)
	}
	if len(cases) == 0 {
		t.Fatalf("%s: no cases", path)
	}
	return cases
}

func parseGolden(line int, fields []string) (goldenCase, error) {
	c := goldenCase{line: line}
	if len(fields) < 3 || len(fields) > 4 || len(fields) == 4 && fields[3] != "provisional" {
		return c, errors.New("want: from n want [provisional]")
	}
	var err error
	if c.from, err = ipr.ParseDate(fields[0]); err != nil {
		return c, err
	}
	if c.want, err = ipr.ParseDate(fields[2]); err != nil {
		return c, err
	}
	count, unit := fields[1][:len(fields[1])-2], fields[1][len(fields[1])-2:]
	if unit != "wd" && unit != "cd" {
		return c, errors.New("n: want a number followed by wd or cd")
	}
	c.calendar, c.provisional = unit == "cd", len(fields) == 4
	c.n, err = strconv.Atoi(count)
	return c, err
}

// The golden tables: every CN 2025/2026 holiday boundary and make-up day,
// US observed holidays over several years, and provisional years.
func TestDeadlineGolden(t *testing.T) {
	s := Default()
	for _, jurisdiction := range []string{"CN", "US"} {
		path := filepath.Join("testdata", "golden_"+strings.ToLower(jurisdiction)+".txt")
		for _, c := range readGolden(t, path) {
			add, unit := s.AddWorkingDays, "wd"
			if c.calendar {
				add, unit = s.AddCalendarDays, "cd"
			}
			got, err := add(jurisdiction, c.from, c.n)
			if err != nil {
				t.Errorf("%s:%d: %s %s %d%s: %v", path, c.line, jurisdiction, c.from, c.n, unit, err)
				continue
			}
			if got.Date != c.want || got.Provisional != c.provisional {
				t.Errorf("%s:%d: %s %s + %d%s: got %s (provisional %t), want %s (provisional %t)",
					path, c.line, jurisdiction, c.from, c.n, unit, got.Date, got.Provisional, c.want, c.provisional)
			}
			if !c.calendar {
				between, err := s.WorkingDaysBetween(jurisdiction, c.from, got.Date)
				if err != nil || between != c.n {
					t.Errorf("%s:%d: working days between %s and %s: got %d, %v; want %d", path, c.line, c.from, got.Date, between, err, c.n)
				}
			}
		}
	}
}

// Without the embedded calendars, CN counts weekends only and says so.
func TestDeadlineProvisionalWithoutCalendars(t *testing.T) {
	got, err := NewSet().AddWorkingDays("CN", ipr.NewDate(2026, 9, 29), 3)
	if err != nil {
		t.Fatal(err)
	}
	want := Deadline{Date: ipr.NewDate(2026, 10, 2), Provisional: true, Calendars: []string{"CN-2026@provisional"}}
	if got.String() != want.String() || strings.Join(got.Calendars, " ") != strings.Join(want.Calendars, " ") {
		t.Errorf("got %v %v, want %v %v", got, got.Calendars, want, want.Calendars)
	}
}

// A deadline names every year it was counted through, with its version.
func TestDeadlineCalendars(t *testing.T) {
	s := Default()
	cn2026 := s.Year("CN", 2026).ID()
	tests := []struct {
		jurisdiction string
		from         ipr.Date
		n            int
		want         string
	}{
		{"CN", ipr.NewDate(2026, 9, 29), 3, cn2026},
		{"CN", ipr.NewDate(2025, 12, 30), 3, s.Year("CN", 2025).ID() + " " + cn2026},
		{"CN", ipr.NewDate(2026, 12, 30), 3, cn2026 + " CN-2027@provisional"},
		{"US", ipr.NewDate(2027, 12, 30), 1, "US-2027@rule US-2028@rule"},
		{"CN", ipr.NewDate(2026, 10, 1), 0, ""},
	}
	for _, tt := range tests {
		got, err := s.AddWorkingDays(tt.jurisdiction, tt.from, tt.n)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got.Calendars, " ") != tt.want {
			t.Errorf("%s %s + %d: got calendars %q, want %q", tt.jurisdiction, tt.from, tt.n, got.Calendars, tt.want)
		}
	}
}

func TestDeadlineWorkingDaysBetween(t *testing.T) {
	s := Default()
	tests := []struct {
		from, to ipr.Date
		want     int
	}{
		{ipr.NewDate(2026, 9, 29), ipr.NewDate(2026, 10, 9), 3},
		{ipr.NewDate(2026, 10, 9), ipr.NewDate(2026, 9, 29), -3},
		{ipr.NewDate(2026, 10, 1), ipr.NewDate(2026, 10, 1), 0},
		{ipr.NewDate(2026, 10, 1), ipr.NewDate(2026, 10, 7), 0},
		{ipr.NewDate(2026, 1, 1), ipr.NewDate(2026, 12, 31), 248}, // 261 weekdays - 19 off + 6 make-up,
	}
	for _, tt := range tests {
		got, err := s.WorkingDaysBetween("CN", tt.from, tt.to)
		if err != nil || got != tt.want {
			t.Errorf("CN %s..%s: got %d, %v; want %d", tt.from, tt.to, got, err, tt.want)
		}
	}
}

func TestDeadlineIsWorkingDay(t *testing.T) {
	s := Default()
	tests := []struct {
		jurisdiction string
		day          ipr.Date
		want         bool
	}{
		{"CN", ipr.NewDate(2026, 2, 14), true},   // Saturday, make-up
		{"CN", ipr.NewDate(2026, 2, 16), false},  // Monday, Spring Festival
		{"CN", ipr.NewDate(2027, 1, 1), true},    // no 2027 calendar: weekends only
		{"US", ipr.NewDate(2027, 12, 31), false}, // New Year's Day 2028 observed
		{"US", ipr.NewDate(2028, 1, 3), true},
		{"DE", ipr.NewDate(2026, 4, 3), true}, // no DE calendar loaded
		{"DE", ipr.NewDate(2026, 4, 4), false},
	}
	for _, tt := range tests {
		got, err := s.IsWorkingDay(tt.jurisdiction, tt.day)
		if err != nil || got != tt.want {
			t.Errorf("%s %s: got %t, %v; want %t", tt.jurisdiction, tt.day, got, err, tt.want)
		}
	}
}

func TestDeadlineErrors(t *testing.T) {
	s := Default()
	day := ipr.NewDate(2026, 1, 5)
	tests := []struct {
		name         string
		jurisdiction string
		from         ipr.Date
		n            int
		calendar     bool
		field        string
	}{
		{"unknown jurisdiction", "XX", day, 3, false, "jurisdiction"},
		{"EU prefix", "EU-DE", day, 3, false, "jurisdiction"},
		{"lower case", "cn", day, 3, false, "jurisdiction"},
		{"negative working days", "CN", day, -1, false, "working_days"},
		{"negative calendar days", "CN", day, -1, true, "calendar_days"},
		{"too many days", "US", day, maxDays + 1, false, "working_days"},
		{"no from", "CN", ipr.Date{}, 3, false, "from"},
	}
	for _, tt := range tests {
		add := s.AddWorkingDays
		if tt.calendar {
			add = s.AddCalendarDays
		}
		_, err := add(tt.jurisdiction, tt.from, tt.n)
		if ipr.ErrorCode(err) != ipr.EINVALID || ipr.ErrorFields(err)[tt.field] == "" {
			t.Errorf("%s: got %v, want %s naming %s", tt.name, err, ipr.EINVALID, tt.field)
		}
	}
	if _, err := s.WorkingDaysBetween("CN", day, ipr.Date{}); ipr.ErrorFields(err)["to"] == "" {
		t.Errorf("no to: got %v, want an error naming to", err)
	}
}

// A deadline ends at the start of the next day in the office's time zone.
func TestDeadlineEnd(t *testing.T) {
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	d := Deadline{Date: ipr.NewDate(2026, 10, 9)}
	got := d.End(shanghai)
	if want := time.Date(2026, 10, 9, 16, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("got %s, want %s", got.UTC(), want)
	}
	if got := (Deadline{Date: ipr.NewDate(2026, 12, 31)}).End(time.UTC); !got.Equal(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("year end: got %s", got)
	}
}
