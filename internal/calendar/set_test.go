package calendar

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"bordermark/internal/ipr"
)

// The embedded calendars load, and their versions are the hashes of their files.
func TestCalendarDefault(t *testing.T) {
	years := Default().Years()
	var got []string
	for _, y := range years {
		content, err := embedded.ReadFile(fmt.Sprintf("data/%s-%d.txt", strings.ToLower(y.Jurisdiction), y.Year))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(content)
		if y.Version != hex.EncodeToString(sum[:])[:12] {
			t.Errorf("%s: got version %s, want the file's hash %x", y.ID(), y.Version, sum[:6])
		}
		got = append(got, y.ID()[:7])
	}
	if want := []string{"CN-2025", "CN-2026"}; !slices.Equal(got, want) {
		t.Errorf("got years %v, want %v", got, want)
	}
}

// The CN files hold exactly the days of the State Council notices.
func TestCalendarCNDays(t *testing.T) {
	tests := []struct {
		year      int
		off, work string
	}{
		{2025, "0101 0128-0204 0404-0406 0501-0505 0531-0602 1001-1008", "0126 0208 0427 0928 1011"},
		{2026, "0101-0103 0215-0223 0404-0406 0501-0505 0619-0621 0925-0927 1001-1007", "0104 0214 0228 0509 0920 1010"},
	}
	s := Default()
	for _, tt := range tests {
		y := s.Year("CN", tt.year)
		var off, work yearDays
		mark(t, &off.off, tt.year, tt.off)
		mark(t, &work.work, tt.year, tt.work)
		if y.days.off != off.off || y.days.work != work.work {
			t.Errorf("CN %d: the file's days differ from the notice's", tt.year)
		}
	}
}

// mark sets the days of ranges like "0128-0204 0501" in days.
func mark(t *testing.T, days *[367]bool, year int, ranges string) {
	t.Helper()
	for _, r := range strings.Fields(ranges) {
		first, last, _ := strings.Cut(r, "-")
		if last == "" {
			last = first
		}
		from, err1 := time.Parse("20060102", strconv.Itoa(year)+first)
		to, err2 := time.Parse("20060102", strconv.Itoa(year)+last)
		if err1 != nil || err2 != nil {
			t.Fatalf("bad range %q", r)
		}
		for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
			days[d.YearDay()] = true
		}
	}
}

// Loading a year replaces it with the new version; loading an EU state's year
// makes its deadlines final.
func TestCalendarLoad(t *testing.T) {
	s := Default()
	old := s.Year("CN", 2026)
	changed, err := s.Load(strings.NewReader("jurisdiction CN\nyear 2026\noff 2026-09-30\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Year("CN", 2026) != changed || changed.Version == old.Version {
		t.Errorf("got %s after loading, want a new version replacing %s", s.Year("CN", 2026).ID(), old.ID())
	}
	d, _ := s.AddWorkingDays("CN", ipr.NewDate(2026, 9, 29), 3)
	if want := ipr.NewDate(2026, 10, 5); d.Date != want || d.Calendars[0] != changed.ID() {
		t.Errorf("with the replaced year: got %s %v, want %s with %s", d, d.Calendars, want, changed.ID())
	}

	before, _ := s.AddWorkingDays("DE", ipr.NewDate(2026, 4, 2), 1)
	f, err := os.Open("testdata/de-2026.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := s.Load(f); err != nil {
		t.Fatal(err)
	}
	after, _ := s.AddWorkingDays("DE", ipr.NewDate(2026, 4, 2), 1)
	if before.String() != "2026-04-03 provisional" || after.String() != "2026-04-07" {
		t.Errorf("DE 2026-04-02 + 1: got %q before loading and %q after, want %q and %q",
			before, after, "2026-04-03 provisional", "2026-04-07")
	}
}

func TestCalendarLoadRejects(t *testing.T) {
	tests := []struct{ file, field string }{
		{"jurisdiction US\nyear 2026\n", "jurisdiction"},
		{"jurisdiction XX\nyear 2026\n", "jurisdiction"},
		{"jurisdiction CN\nyear 2026\noff 2026-13-01\n", "calendar"},
	}
	for _, tt := range tests {
		s := Default()
		_, err := s.Load(strings.NewReader(tt.file))
		if ipr.ErrorCode(err) != ipr.EINVALID || ipr.ErrorFields(err)[tt.field] == "" {
			t.Errorf("%q: got %v, want %s naming %s", tt.file, err, ipr.EINVALID, tt.field)
		}
		if len(s.Years()) != 2 {
			t.Errorf("%q: got %d years after a refused load, want 2", tt.file, len(s.Years()))
		}
	}
}

// The US observed holidays of several years, from OPM's published lists.
func TestCalendarUSHolidays(t *testing.T) {
	tests := []struct {
		year int
		want string
	}{
		{2020, "0101 0120 0217 0525 0703 0907 1012 1111 1126 1225"},
		{2021, "0101 0118 0215 0531 0618 0705 0906 1011 1111 1125 1224 1231"},
		{2022, "0117 0221 0530 0620 0704 0905 1010 1111 1124 1226"},
		{2023, "0102 0116 0220 0529 0619 0704 0904 1009 1110 1123 1225"},
		{2026, "0101 0119 0216 0525 0619 0703 0907 1012 1111 1126 1225"},
		{2027, "0101 0118 0215 0531 0618 0705 0906 1011 1111 1125 1224 1231"},
		{2028, "0117 0221 0529 0619 0704 0904 1009 1110 1123 1225"},
	}
	for _, tt := range tests {
		var want [367]bool
		mark(t, &want, tt.year, tt.want)
		if got := usDays(tt.year); got.off != want {
			t.Errorf("%d: got %v, want %s", tt.year, listDays(tt.year, got.off), tt.want)
		}
	}
}

func listDays(year int, days [367]bool) []string {
	var out []string
	for yd, off := range days {
		if off {
			out = append(out, time.Date(year, 1, yd, 0, 0, 0, 0, time.UTC).Format("0102"))
		}
	}
	return out
}

func TestCalendarJurisdictions(t *testing.T) {
	got := Jurisdictions()
	if len(got) != 29 || !slices.IsSorted(got) || !slices.Contains(got, "CN") || !slices.Contains(got, "GR") {
		t.Errorf("got %v, want CN, US and the 27 EU member states, sorted", got)
	}
}

// Loading while deadlines are counted is safe (run with -race).
func TestCalendarConcurrentLoad(t *testing.T) {
	s := Default()
	content, _ := embedded.ReadFile("data/cn-2026.txt")
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 50 {
				if _, err := s.AddWorkingDays("CN", ipr.NewDate(2026, 9, 29), 3); err != nil {
					t.Error(err)
				}
			}
		})
	}
	wg.Go(func() {
		for range 50 {
			if _, err := s.Load(strings.NewReader(string(content))); err != nil {
				t.Error(err)
			}
		}
	})
	wg.Wait()
}
